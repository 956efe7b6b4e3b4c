/* global document, location, fetch, setTimeout, clearTimeout, FormData */
// The idle-session warning (ID-7, WCAG 2.2.1): shortly before the server ends an idle
// session, a dialog offers to stay signed in. Without JavaScript the dialog's forms still
// work as plain posts. No inline script: served from our origin under the CSP.
const dialog = document.getElementById("session-timeout");
if (dialog) {
  const idleMs = Number(dialog.dataset.idleMs);
  const warnMs = Number(dialog.dataset.warnMs);
  const endedUrl = dialog.dataset.endedUrl;
  const extendForm = dialog.querySelector("form[data-extend]");
  let warnTimer;
  let endTimer;

  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(() => {
      dialog.showModal();
      extendForm?.querySelector("button")?.focus();
    }, idleMs - warnMs);
    endTimer = setTimeout(() => location.assign(endedUrl), idleMs);
  };

  extendForm?.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = new FormData(extendForm);
    fetch(extendForm.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json", "x-csrf-token": String(body.get("_csrf")) },
    })
      .then((res) => {
        if (!res.ok) throw new Error("session ended");
        dialog.close();
        schedule();
      })
      .catch(() => location.assign(endedUrl));
  });

  schedule();
}
