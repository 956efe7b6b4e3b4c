// Pages for a signed-in person are never stored by a browser or a shared cache (SEC-8):
// `Cache-Control: no-store` on every response to a request that carried a live trader session
// (at any sign-in stage) or a live staff session, and on every response that sets or clears a
// session cookie (a sign-in's first answer has no session yet, but carries one). Public pages
// without a session keep whatever caching they had. Mounted once, after the session loaders.
import type { MiddlewareHandler } from "hono";
import type { AppContext, AppEnv } from "../context.ts";
import { setResponseHeader } from "./response-header.ts";

export interface NoStoreOptions {
  /** Whether the request carries a live session of any kind (asked before and after the handler). */
  signedIn: (c: AppContext) => boolean;
  /** The session cookies' names: a response that sets or clears one is not stored either. */
  sessionCookies: readonly string[];
}

export function noStoreWhenSignedIn(options: NoStoreOptions): MiddlewareHandler<AppEnv> {
  const names = new Set(options.sessionCookies);
  return async (c, next) => {
    // Asked before the handler too: a page may drop the session from its context (sign-out,
    // the staff area) and still show what it was.
    const signedIn = options.signedIn(c);
    await next();
    if (signedIn || options.signedIn(c) || setsSessionCookie(c.res, names)) setResponseHeader(c, "Cache-Control", "no-store");
  };
}

function setsSessionCookie(res: Response, names: ReadonlySet<string>): boolean {
  return res.headers.getSetCookie().some((line) => names.has(line.slice(0, line.indexOf("=")).trim()));
}
