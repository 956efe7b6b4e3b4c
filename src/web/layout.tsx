// The Government of Canada page chrome (GC Design System): header with language toggle and
// signature, skip link, one main landmark, date modified, footer. Every page uses it.
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import { otherLocale, type Locale } from "../domain/locale.ts";
import { messages } from "./i18n/index.ts";

/** The date the portal's pages last changed; shown at the foot of every page. */
export const CONTENT_DATE = "2026-11-26";

/** The same page in the other official language: swap the /en or /fr prefix. */
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
  children?: Child;
  dateModified?: string;
  signedIn?: SignedInChrome | undefined;
  company?: CompanyChrome | undefined;
  /**
   * The page holds an error summary (a form came back with errors): its title starts with
   * "Error: " and a script moves focus to the summary (the design system's error-summary pattern).
   */
  hasErrors?: boolean;
}

function CompanyBar(props: { locale: Locale; company: CompanyChrome }) {
  const t = messages(props.locale).companies;
  const lang = props.locale;
  return (
    <nav class="ttp-company-bar" aria-label={t.companyNav} data-testid="company-in-use">
      <span>
        {t.workingIn}{" "}
        <a href={`/${lang}/companies/${props.company.id}`}>
          <strong>{props.company.legalName}</strong>
        </a>{" "}
        <span class="ttp-id">({props.company.clientNumber})</span>
      </span>
      <a href={`/${lang}/companies`}>{t.changeCompany}</a>
    </nav>
  );
}

/**
 * The date modified, as gcds-date-modified lays it out, in our own markup: the component writes
 * "Date modified:" and the date with no space between them, and the French label with an
 * ordinary space before the colon (issue 15).
 */
function DateModified(props: { label: string; date: string }) {
  return (
    <dl class="ttp-date-modified">
      <dt>{props.label}</dt>{" "}
      <dd>
        <time datetime={props.date}>{props.date}</time>
      </dd>
    </dl>
  );
}

function AccountBar(props: { locale: Locale; chrome: SignedInChrome; path: string }) {
  const t = messages(props.locale).identity;
  const lang = props.locale;
  return (
    <>
      {props.chrome.accountBar ? (
        <nav class="ttp-account-bar" aria-label={t.accountNav}>
          <a href={`/${lang}/account`}>{t.accountTitle}</a>
          <a href={`/${lang}/help`}>{messages(props.locale).help.navLink}</a>
          <a href={`/${lang}/contact`}>{messages(props.locale).help.contactLink}</a>
          <form method="post" action={props.chrome.signOutUrl}>
            <input type="hidden" name="_csrf" value={props.chrome.csrfToken} />
            <button type="submit" class="ttp-link-button">
              {t.signOut}
            </button>
          </form>
        </nav>
      ) : null}
      <dialog
        id="session-timeout"
        aria-labelledby="session-timeout-title"
        aria-describedby="session-timeout-text"
        data-idle-ms={String(props.chrome.idleMs)}
        data-warn-ms={String(props.chrome.warnMs)}
        data-ended-url={props.chrome.endedUrl}
      >
        <h2 id="session-timeout-title">{t.timeoutTitle}</h2>
        <p id="session-timeout-text">{t.timeoutText}</p>
        <form method="post" action={props.chrome.extendUrl} data-extend>
          <input type="hidden" name="_csrf" value={props.chrome.csrfToken} />
          <input type="hidden" name="next" value={props.path} />
          <button type="submit" class="ttp-button">
            {t.staySignedIn}
          </button>
        </form>
        <form method="post" action={props.chrome.signOutUrl}>
          <input type="hidden" name="_csrf" value={props.chrome.csrfToken} />
          <button type="submit" class="ttp-button ttp-button--secondary">
            {t.signOut}
          </button>
        </form>
      </dialog>
    </>
  );
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

/** The HTML of a synchronous JSX node (the chrome has no async parts). */
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

export function Layout(props: LayoutProps) {
  const t = messages(props.locale);
  const chrome = staticChrome(props.locale);
  return (
    <>
      {raw("<!doctype html>")}
      <html lang={props.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{pageTitle(props.locale, props.title, props.hasErrors ?? false)}</title>
          {raw(props.signedIn ? chrome.signedInAssets : chrome.assets)}
          {props.hasErrors ? raw(chrome.errorSummaryScript) : null}
        </head>
        <body>
          <gcds-header lang-href={alternateHref(props.path, props.query ?? "", props.locale)} skip-to-href="#main-content" lang={props.locale}></gcds-header>
          {props.signedIn ? <AccountBar locale={props.locale} chrome={props.signedIn} path={props.path} /> : null}
          {props.company ? <CompanyBar locale={props.locale} company={props.company} /> : null}
          <main id="main-content" tabindex={-1}>
            {/* Empty until the idle warning's session is extended: session-timeout.js then writes its data-extended-text (WCAG 4.1.3). */}
            {props.signedIn ? <div id="session-timeout-status" class="ttp-session-status" role="status" data-extended-text={t.identity.sessionExtended}></div> : null}
            {props.children}
            <DateModified label={t.site.dateModified} date={props.dateModified ?? CONTENT_DATE} />
          </main>
          {raw(chrome.footer)}
        </body>
      </html>
    </>
  );
}
