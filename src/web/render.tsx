// Rendering helpers: every HTML answer goes through here, so pages get a doctype, the
// page chrome and the right status.
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext, CompanyAccess } from "./context.ts";
import { pageHtml, type CompanyChrome, type SignedInChrome } from "./layout.tsx";
import { formatClientNumber } from "../domain/client-number.ts";
import { SESSION_IDLE_MS } from "../platform/sessions.ts";

/** The idle warning shows this long before the session would end. */
export const IDLE_WARNING_MS = 2 * 60 * 1000;

/** The company a company-scoped page works in (set by the companyAction middleware). */
function companyInUse(c: AppContext): CompanyChrome | undefined {
  const access = c.get("companyAccess") as CompanyAccess | undefined;
  return access ? { id: access.companyId, legalName: access.legalName, clientNumber: formatClientNumber(access.clientNumber) } : undefined;
}

/** The signed-in chrome: a trader's session anywhere, a staff session on staff pages. */
function signedInChrome(c: AppContext, path: string): SignedInChrome | undefined {
  const lang = c.get("locale");
  const base = { csrfToken: c.get("csrfToken"), idleMs: SESSION_IDLE_MS, warnMs: IDLE_WARNING_MS };
  if (/^\/(en|fr)\/staff(\/|$)/.test(path)) {
    // Staff sessions are read only on staff pages (features/staff/sessions.ts), with the same limits.
    if (c.get("staffSession")?.stage !== "authenticated") return undefined;
    return { ...base, accountBar: false, extendUrl: `/${lang}/staff/session/extend`, signOutUrl: `/${lang}/staff/sign-out`, endedUrl: `/${lang}/staff/sign-in?ended=1` };
  }
  if (c.get("session")?.stage !== "authenticated") return undefined;
  return { ...base, accountBar: true, extendUrl: `/${lang}/session/extend`, signOutUrl: `/${lang}/sign-out`, endedUrl: `/${lang}/sign-in?ended=1` };
}

/** How forms.tsx's ErrorSummary starts in the HTML; what a person typed is escaped, so it cannot fake one. */
const ERROR_SUMMARY_TAG = "<gcds-error-summary";

/** The HTML of a page's body (a JSX node, a string, or a list of them). */
async function bodyHtml(body: Child): Promise<string> {
  // hono/jsx nodes render to a string, or to a promise of one when a part is async.
  const node = (<>{body}</>) as unknown as { toString(): string | Promise<string> };
  return await node.toString();
}

/**
 * A whole page. The body is rendered first: when it holds an error summary (a form came back
 * with errors), the title starts with "Error: " and focus moves to the summary (layout.tsx).
 */
export async function renderPage(c: AppContext, title: string, body: Child, status: ContentfulStatusCode = 200): Promise<Response> {
  const url = new URL(c.req.url);
  const inner = await bodyHtml(body);
  const html = pageHtml(
    {
      locale: c.get("locale"),
      title,
      path: url.pathname,
      query: url.searchParams.toString(),
      signedIn: signedInChrome(c, url.pathname),
      company: companyInUse(c),
      hasErrors: inner.includes(ERROR_SUMMARY_TAG),
    },
    inner,
  );
  return c.html(html, status);
}
