// Rendering helpers: every HTML answer goes through here, so pages get a doctype, the
// page chrome and the right status.
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext } from "./context.ts";
import { Layout } from "./layout.tsx";

export function renderPage(c: AppContext, title: string, body: Child, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  const url = new URL(c.req.url);
  const html = (
    <Layout locale={c.get("locale")} title={title} path={url.pathname} query={url.searchParams.toString()}>
      {body}
    </Layout>
  );
  return c.html(html, status);
}
