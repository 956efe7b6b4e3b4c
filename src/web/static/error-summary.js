/* global document, customElements, HTMLElement */
// A form that comes back with errors (X-2, WCAG 3.3.1 and 4.1.3): focus moves to the error
// summary, as the design system's error-summary pattern asks, so that a screen reader announces
// it and a keyboard user starts from its links. The summary's box (div[role=alert], tabindex=-1)
// is in the component's shadow root: focus it once the component has rendered. Served from our
// origin (the CSP forbids inline scripts); layout.tsx includes it only on a page with a summary.
const summary = document.querySelector("gcds-error-summary");
if (summary) {
  customElements
    .whenDefined("gcds-error-summary")
    .then(() => (typeof summary.componentOnReady === "function" ? summary.componentOnReady() : summary))
    .then(() => {
      // Someone who already moved on (a click, a Tab) keeps their place.
      if (document.activeElement && document.activeElement !== document.body) return;
      const box = summary.shadowRoot?.querySelector("[role=alert], .gcds-error-summary");
      if (box instanceof HTMLElement) box.focus();
    });
}
