/* global document, window */
// Passkeys (WebAuthn, ID-9 and STAFF-1) on the pages that offer them: adding one on the account
// page, using one at sign-in. Served from our origin under the CSP (no inline script), after
// @simplewebauthn/browser's own file (window.SimpleWebAuthnBrowser).
//
// The page draws each ceremony as a form marked data-webauthn="register" or "authenticate",
// hidden, with the server's options in data-options; beside it, a message for browsers that
// cannot use passkeys. Where the browser can, this shows the form and hides the message; when
// the form is sent, it asks the browser (navigator.credentials) with the options, puts the
// answer in the form's `response` field and sends the form as a plain post: the server verifies
// it and answers with a page, as for any other form. Without JavaScript or without WebAuthn the
// form stays hidden and the page's other ways (an authenticator app, a code) remain.
const lib = window.SimpleWebAuthnBrowser;
const supported = Boolean(lib && lib.browserSupportsWebAuthn());

for (const form of document.querySelectorAll("form[data-webauthn]")) {
  const section = form.closest("[data-webauthn-section]") || form.parentElement;
  const unsupported = section.querySelector("[data-webauthn-unsupported]");
  const status = section.querySelector("[data-webauthn-status]");
  const answer = form.querySelector("input[name=response]");
  if (!supported || !answer) continue;
  form.hidden = false;
  if (unsupported) unsupported.hidden = true;

  let busy = false;
  form.addEventListener("submit", (event) => {
    // An answer is in: this is the form going to the server.
    if (answer.value) return;
    // A passkey's name is checked by the server before any ceremony (nothing to create yet).
    const name = form.querySelector("[name=name]");
    if (name && !String(name.value || "").trim()) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    if (status) {
      status.textContent = form.dataset.msgWorking || "";
      status.hidden = false;
    }
    let optionsJSON;
    try {
      optionsJSON = JSON.parse(form.dataset.options || "{}");
    } catch {
      optionsJSON = null;
    }
    const ceremony = !optionsJSON
      ? Promise.reject(new Error("no options"))
      : form.dataset.webauthn === "register"
        ? lib.startRegistration({ optionsJSON })
        : lib.startAuthentication({ optionsJSON });
    ceremony
      .then((result) => {
        answer.value = JSON.stringify(result);
        form.submit();
      })
      .catch((err) => {
        busy = false;
        if (!status) return;
        status.textContent = err && err.name === "NotAllowedError" ? form.dataset.msgCancelled || "" : form.dataset.msgFailed || "";
        status.setAttribute("role", "alert");
        status.hidden = false;
      });
  });
}
