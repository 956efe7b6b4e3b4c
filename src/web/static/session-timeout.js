/* global document, location, fetch, setTimeout, clearTimeout, FormData */
// The idle-session warning (ID-7, WCAG 2.2.1): shortly before the server ends an idle
// session, a dialog offers to stay signed in. Escape means "stay signed in" too (closing the
// warning must not leave the session to end unannounced), and a status message says the
// session was extended. Without JavaScript the dialog's forms still work as plain posts. No
// inline script: served from our origin under the CSP.
const dialog = document.getElementById("session-timeout");
if (dialog) {
  const idleMs = Number(dialog.dataset.idleMs);
  const warnMs = Number(dialog.dataset.warnMs);
  const endedUrl = dialog.dataset.endedUrl;
  const extendForm = dialog.querySelector("form[data-extend]");
  const status = document.getElementById("session-timeout-status");
  let warnTimer;
  let endTimer;
  let extending = false;
  /** The dialog is being closed by this script (the extension succeeded), not by the person. */
  let closingAfterExtend = false;

  const schedule = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(() => {
      if (status) status.textContent = "";
      dialog.showModal();
      extendForm?.querySelector("button")?.focus();
    }, idleMs - warnMs);
    endTimer = setTimeout(() => location.assign(endedUrl), idleMs);
  };

  const extend = () => {
    if (!extendForm || extending) return;
    extending = true;
    const body = new FormData(extendForm);
    fetch(extendForm.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json", "x-csrf-token": String(body.get("_csrf")) },
    })
      .then((res) => {
        if (!res.ok) throw new Error("session ended");
        if (dialog.open) {
          closingAfterExtend = true;
          dialog.close();
        }
        schedule();
        // A live region already in the page: its new text is announced (WCAG 4.1.3).
        if (status) status.textContent = status.dataset.extendedText ?? "";
      })
      .catch(() => location.assign(endedUrl))
      .finally(() => {
        extending = false;
      });
  };

  extendForm?.addEventListener("submit", (event) => {
    event.preventDefault();
    extend();
  });

  // Escape means "stay signed in". With a user activation since the dialog opened, Escape fires
  // a cancelable "cancel": the dialog stays open until the server agrees. Without one (the
  // dialog opened by a timer, nothing pressed since) the browser closes the dialog at once,
  // with no cancel event: its "close" event, not caused by this script, extends the session too.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    extend();
  });
  dialog.addEventListener("close", () => {
    if (closingAfterExtend) {
      closingAfterExtend = false;
      return;
    }
    extend();
  });

  schedule();
}
