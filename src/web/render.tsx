// Rendering helpers: every HTML answer goes through here, so pages get a doctype, the
// page chrome and the right status.
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext } from "./context.ts";
import { Layout, type CompanyChrome, type SignedInChrome } from "./layout.tsx";
import type { CompanyAccess } from "./middleware/company-access.tsx";
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

export function renderPage(c: AppContext, title: string, body: Child, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  const url = new URL(c.req.url);
  const html = (
    <Layout
      locale={c.get("locale")}
      title={title}
      path={url.pathname}
      query={url.searchParams.toString()}
      signedIn={signedInChrome(c, url.pathname)}
      company={companyInUse(c)}
    >
      {body}
    </Layout>
  );
  return c.html(html, status);
}
