// Counts every request by its route's pattern (/:lang/companies/:companyId, never the raw
// URL, which would carry ids) and status, and times it (platform/metrics.ts).
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../context.ts";
import { httpDuration, httpRequests } from "../../platform/metrics.ts";

/** A route's pattern without its parameters' constraints: `/:lang{(?:en|fr)}/companies/:companyId{[0-9]{1,18}}` → `/:lang/companies/:companyId`. */
export function routeLabel(path: string): string {
  let out = "";
  let depth = 0;
  for (const ch of path) {
    if (ch === "{") depth++;
    else if (ch === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/** The pattern of the route that answered; "(none)" when no route did (a 404, or a middleware's answer). */
function answeringRoute(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const route = matchedRoutes(c)[c.req.routeIndex];
  if (!route || route.path === "*" || route.path === "/*") return "(none)";
  return routeLabel(route.path);
}

export function requestMetrics(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const labels = { method: c.req.method, route: answeringRoute(c), status: String(c.res.status) };
    httpRequests.inc(labels);
    httpDuration.observe(labels, (performance.now() - started) / 1000);
  };
}
