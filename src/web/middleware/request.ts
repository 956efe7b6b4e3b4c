// Per-request basics: a request id, the page language, and one JSON log line per request
// (path only — query strings can carry codes — and never bodies or cookies).
import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { isLocale, type Locale } from "../../domain/locale.ts";
import type { AppEnv } from "../context.ts";
import type { Logger } from "../../platform/log.ts";
import { setResponseHeader } from "./response-header.ts";

/** The language of a request: the URL's /en or /fr prefix, else the browser's preference. */
export function requestLocale(path: string, acceptLanguage: string | undefined): Locale {
  const first = path.split("/")[1];
  if (isLocale(first)) return first;
  return preferredLocale(acceptLanguage);
}

/** English unless the browser prefers French over English (RFC 9110 quality values). */
export function preferredLocale(acceptLanguage: string | undefined): Locale {
  let best: { locale: Locale; q: number } = { locale: "en", q: 0 };
  for (const part of (acceptLanguage ?? "").split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    const lang = tag.split("-")[0];
    if ((lang === "en" || lang === "fr") && q > best.q) best = { locale: lang, q };
  }
  return best.locale;
}

export function requestContext(logger: Logger, trustProxyHops = 0): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set("requestId", requestId);
    c.set("trustProxyHops", trustProxyHops);
    c.set("locale", requestLocale(c.req.path, c.req.header("accept-language")));
    await next();
    setResponseHeader(c, "x-request-id", requestId);
    logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      "request",
    );
  };
}
