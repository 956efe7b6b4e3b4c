// Every page lives at a path without a trailing slash (/en, /fr/account): a GET or HEAD for
// the same path with one (/en/, /fr/account/) is sent there for good, query string kept.
// The target always starts with /en or /fr, so it can never point at another site.
import type { MiddlewareHandler } from "hono";

export function trailingSlashRedirect(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") {
      const url = new URL(c.req.url);
      const path = url.pathname;
      if (path.endsWith("/") && /^\/(?:en|fr)\//.test(path)) {
        let end = path.length;
        while (path[end - 1] === "/") end--;
        return c.redirect(`${path.slice(0, end)}${url.search}`, 301);
      }
    }
    await next();
  };
}
