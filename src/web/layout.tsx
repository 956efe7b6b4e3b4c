// The Government of Canada page chrome (GC Design System): header with language toggle and
// signature, skip link, one main landmark, date modified, footer. Every page uses it.
import { html, raw } from "hono/html";
import { otherLocale, type Locale } from "../domain/locale.ts";
import { messages } from "./i18n/index.ts";

/** The date the portal's pages last changed; shown at the foot of every page. */
export const CONTENT_DATE = "2026-11-26";

/** The same page in the other official language (X-1): swap the /en or /fr prefix. */
export function alternateHref(path: string, query: string, locale: Locale): string {
  const other = otherLocale(locale);
  const rest = path.replace(/^\/(en|fr)(?=\/|$)/, "");
  const target = `/${other}${rest === "/" ? "" : rest}`;
  return query ? `${target}?${query}` : target;
}

/**
 * What the chrome shows for a signed-in person: the idle warning (WCAG 2.2.1) and, for
 * traders, the account bar (staff pages carry their own staff bar).
 */
export interface SignedInChrome {
  csrfToken: string;
  idleMs: number;
  warnMs: number;
  /** Traders' account link and sign-out above the page. */
  accountBar: boolean;
  /** Where "Stay signed in" posts, where "Sign out" posts, where an ended session goes. */
  extendUrl: string;
  signOutUrl: string;
  endedUrl: string;
}

/** The company a page works in (USR-1): shown on every company page, with a way to change. */
export interface CompanyChrome {
  id: string;
  legalName: string;
  clientNumber: string;
}

export interface LayoutProps {
  locale: Locale;
  title: string;
  /** Request path and query string, for the language toggle. */
  path: string;
  query?: string;
  dateModified?: string;
  signedIn?: SignedInChrome | undefined;
  company?: CompanyChrome | undefined;
  /**
   * The page holds an error summary (a form came back with errors): its title starts with
   * "Error: " and a script moves focus to the summary (the design system's error-summary pattern).
   */
  hasErrors?: boolean;
}

/**
 * The chrome that is the same on every page of a language, rendered once per process
 * (DESIGN.md "Performance"): the stylesheets and scripts of the head, and the footer.
 */
interface StaticChrome {
  assets: string;
  signedInAssets: string;
  /** The script that moves focus to the error summary (static/error-summary.js). */
  errorSummaryScript: string;
  footer: string;
}

const STATIC_CHROME = new Map<Locale, StaticChrome>();

/** The HTML of a synchronous JSX node or template (the chrome has no async parts). */
function rendered(node: unknown): string {
  const html = (node as { toString(): string | Promise<string> }).toString();
  if (typeof html !== "string") throw new Error("the static chrome must render synchronously");
  return html;
}

function staticChrome(locale: Locale): StaticChrome {
  let chrome = STATIC_CHROME.get(locale);
  if (!chrome) {
    const t = messages(locale);
    const footerLinks = JSON.stringify({ [t.site.programPage]: t.site.programPageUrl });
    const assets = rendered(
      <>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/fonts.css" />
        <link rel="stylesheet" href="/assets/gcds/gcds.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <script type="module" src="/assets/gcds/gcds.esm.js"></script>
      </>,
    );
    chrome = {
      assets,
      signedInAssets: assets + rendered(<script type="module" src="/assets/session-timeout.js"></script>),
      errorSummaryScript: rendered(<script type="module" src="/assets/error-summary.js"></script>),
      footer: rendered(<gcds-footer display="full" contextual-heading={t.site.contextualHeading} contextual-links={footerLinks} lang={locale}></gcds-footer>),
    };
    STATIC_CHROME.set(locale, chrome);
  }
  return chrome;
}

/** The page's <title>: "Error: " first when a form came back with errors (the design system's error-summary pattern). */
export function pageTitle(locale: Locale, title: string, hasErrors: boolean): string {
  const t = messages(locale);
  const whole = title === t.site.name ? `${t.site.name} - Canada.ca` : `${title} - ${t.site.name} - Canada.ca`;
  return hasErrors ? `${t.forms.errorTitlePrefix}${whole}` : whole;
}

// ---- the whole page ---------------------------------------------------------------------------
// The chrome around a page's body is a template, not JSX: its fixed parts are built once per
// language (StaticChrome above, PageParts below), so a page pays only for what differs (title,
// language toggle, the signed-in and company bars) — 3 µs a page instead of 21 µs (issue 14).
// hono/html escapes every value it is given, as JSX does.

/** The parts of the chrome that depend on the language only, as HTML. */
interface PageParts {
  accountLinks: string;
  signOutLabel: string;
  dialogText: string;
  staySignedIn: string;
  companyNavStart: string;
  changeCompany: string;
  statusDiv: string;
  dateModified: string;
}

const PAGE_PARTS = new Map<Locale, PageParts>();

function pageParts(locale: Locale): PageParts {
  let parts = PAGE_PARTS.get(locale);
  if (!parts) {
    const t = messages(locale);
    const id = t.identity;
    parts = {
      accountLinks: rendered(html`<a href="/${locale}/account">${id.accountTitle}</a><a href="/${locale}/help">${t.help.navLink}</a><a href="/${locale}/contact">${t.help.contactLink}</a>`),
      signOutLabel: rendered(html`${id.signOut}`),
      dialogText: rendered(html`<h2 id="session-timeout-title">${id.timeoutTitle}</h2><p id="session-timeout-text">${id.timeoutText}</p>`),
      staySignedIn: rendered(html`${id.staySignedIn}`),
      companyNavStart: rendered(html`<nav class="ttp-company-bar" aria-label="${t.companies.companyNav}" data-testid="company-in-use"><span>${t.companies.workingIn} `),
      changeCompany: rendered(html`<a href="/${locale}/companies">${t.companies.changeCompany}</a></nav>`),
      statusDiv: rendered(html`<div id="session-timeout-status" class="ttp-session-status" role="status" data-extended-text="${id.sessionExtended}"></div>`),
      dateModified: rendered(html`${t.site.dateModified}`),
    };
    PAGE_PARTS.set(locale, parts);
  }
  return parts;
}

function signedInHtml(locale: Locale, chrome: SignedInChrome, path: string): ReturnType<typeof html> {
  const p = pageParts(locale);
  const csrf = html`<input type="hidden" name="_csrf" value="${chrome.csrfToken}"/>`;
  const signOutForm = (buttonClass: string): ReturnType<typeof html> =>
    html`<form method="post" action="${chrome.signOutUrl}">${csrf}<button type="submit" class="${buttonClass}">${raw(p.signOutLabel)}</button></form>`;
  return html`${chrome.accountBar ? html`<nav class="ttp-account-bar" aria-label="${messages(locale).identity.accountNav}">${raw(p.accountLinks)}${signOutForm("ttp-link-button")}</nav>` : ""}<dialog id="session-timeout" aria-labelledby="session-timeout-title" aria-describedby="session-timeout-text" data-idle-ms="${String(chrome.idleMs)}" data-warn-ms="${String(chrome.warnMs)}" data-ended-url="${chrome.endedUrl}">${raw(p.dialogText)}<form method="post" action="${chrome.extendUrl}" data-extend="true">${csrf}<input type="hidden" name="next" value="${path}"/><button type="submit" class="ttp-button">${raw(p.staySignedIn)}</button></form>${signOutForm("ttp-button ttp-button--secondary")}</dialog>`;
}

/** The whole page: the chrome of `props.locale` around `inner`, the body's HTML. */
export function pageHtml(props: LayoutProps, inner: string): string {
  const chrome = staticChrome(props.locale);
  const p = pageParts(props.locale);
  const lang = props.locale;
  const date = props.dateModified ?? CONTENT_DATE;
  const page = html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>${pageTitle(lang, props.title, props.hasErrors ?? false)}</title>${raw(props.signedIn ? chrome.signedInAssets : chrome.assets)}${props.hasErrors ? raw(chrome.errorSummaryScript) : ""}</head><body><gcds-header lang-href="${alternateHref(props.path, props.query ?? "", lang)}" skip-to-href="#main-content" lang="${lang}"></gcds-header>${props.signedIn ? signedInHtml(lang, props.signedIn, props.path) : ""}${props.company ? html`${raw(p.companyNavStart)}<a href="/${lang}/companies/${props.company.id}"><strong>${props.company.legalName}</strong></a> <span class="ttp-id">(${props.company.clientNumber})</span></span>${raw(p.changeCompany)}` : ""}<main id="main-content" tabindex="-1">${props.signedIn ? raw(p.statusDiv) : ""}${raw(inner)}<dl class="ttp-date-modified"><dt>${raw(p.dateModified)}</dt> <dd><time datetime="${date}">${date}</time></dd></dl></main>${raw(chrome.footer)}</body></html>`;
  return rendered(page);
}
