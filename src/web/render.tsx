// Rendering helpers: every HTML answer goes through here, so pages get a doctype, the
// page chrome and the right status.
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext } from "./context.ts";
import { Layout } from "./layout.tsx";
import { SESSION_IDLE_MS } from "../platform/sessions.ts";

/** The idle warning shows this long before the session would end. */
export const IDLE_WARNING_MS = 2 * 60 * 1000;

export function renderPage(c: AppContext, title: string, body: Child, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  const url = new URL(c.req.url);
  const html = (
    <Layout
      locale={c.get("locale")}
      title={title}
      path={url.pathname}
      query={url.searchParams.toString()}
      signedIn={c.get("session")?.stage === "authenticated" ? { csrfToken: c.get("csrfToken"), idleMs: SESSION_IDLE_MS, warnMs: IDLE_WARNING_MS } : undefined}
    >
      {body}
    </Layout>
  );
  return c.html(html, status);
}
