// Rendering helpers: every HTML answer goes through here, so pages get a doctype, the
// page chrome and the right status.
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext } from "./context.ts";
import { Layout, type CompanyChrome } from "./layout.tsx";
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

export function renderPage(c: AppContext, title: string, body: Child, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  const url = new URL(c.req.url);
  const html = (
    <Layout
      locale={c.get("locale")}
      title={title}
      path={url.pathname}
      query={url.searchParams.toString()}
      signedIn={c.get("session")?.stage === "authenticated" ? { csrfToken: c.get("csrfToken"), idleMs: SESSION_IDLE_MS, warnMs: IDLE_WARNING_MS } : undefined}
      company={companyInUse(c)}
    >
      {body}
    </Layout>
  );
  return c.html(html, status);
}
