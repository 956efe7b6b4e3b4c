// Cross-site request forgery protection (SEC-1) for every state-changing request:
//  1. the browser's own signal: Sec-Fetch-Site must be same-origin (or none), and an Origin
//     header, when present, must be ours;
//  2. a synchronizer token: a random value in a cookie that only our pages can read back
//     into the form's hidden `_csrf` field (or the `x-csrf-token` header).
// Either failing refuses the request with a 403 page; nothing runs.
import { randomFillSync, timingSafeEqual } from "node:crypto";
import { getCookie, setCookie } from "hono/cookie";
import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../context.ts";

export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface CsrfOptions {
  baseUrl: string;
  https: boolean;
  /** Paths checked for origin but not for the token (JSON test hooks). */
  tokenExemptPrefixes?: string[];
  /**
   * Paths whose multipart body is streamed by the handler (evidence uploads): parsing it here
   * would hold a 20 MB file in memory. The origin and the cookie are checked here; the form's
   * `_csrf` field, which comes before the file, is checked by the handler before it stores
   * anything (features/profiles/evidence.ts).
   */
  streamingUploadPaths?: RegExp[];
  onRefused: MiddlewareHandler<AppEnv>;
}

export function csrfCookieName(https: boolean): string {
  return https ? "__Host-ttp-csrf" : "ttp-csrf";
}

/** Whether a presented token is the cookie's (constant time); also used by the streaming upload routes. */
export function csrfTokensMatch(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length >= 32 && timingSafeEqual(x, y);
}

// New tokens are cut from a buffer of random bytes filled 128 tokens at a time, as Node does for
// randomUUID(): one randomBytes(32) call per first visit was a tenth of the home page's time.
const TOKEN_BYTES = 32;
const pool = Buffer.alloc(TOKEN_BYTES * 128);
let poolOffset = pool.length;

/** A new token: 32 bytes from the operating system's CSPRNG, base64url (43 characters). */
export function newCsrfToken(): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const token = pool.toString("base64url", poolOffset, poolOffset + TOKEN_BYTES);
  poolOffset += TOKEN_BYTES;
  return token;
}

export function csrfProtection(options: CsrfOptions): MiddlewareHandler<AppEnv> {
  const cookieName = csrfCookieName(options.https);
  const trustedOrigin = new URL(options.baseUrl).origin;

  return async (c, next) => {
    let token = getCookie(c, cookieName);
    const hadCookie = token !== undefined && /^[A-Za-z0-9_-]{43}$/.test(token);
    if (!token || !hadCookie) {
      token = newCsrfToken();
      setCookie(c, cookieName, token, { path: "/", httpOnly: true, sameSite: "Lax", secure: options.https });
    }
    c.set("csrfToken", token);
    if (SAFE_METHODS.has(c.req.method)) return next();

    const site = c.req.header("sec-fetch-site");
    if (site !== undefined && site !== "same-origin" && site !== "none") return options.onRefused(c, next);
    const origin = c.req.header("origin");
    // Under our no-referrer policy (SEC-2) browsers send "Origin: null" with form posts;
    // then the browser's own same-origin fetch metadata stands in for it.
    const nullOriginFromUs = origin === "null" && site === "same-origin";
    if (origin !== undefined && !nullOriginFromUs && origin !== trustedOrigin && origin !== new URL(c.req.url).origin) {
      return options.onRefused(c, next);
    }

    if (options.tokenExemptPrefixes?.some((p) => c.req.path.startsWith(p))) return next();
    // A state change that arrives without our cookie cannot carry a valid proof.
    if (!hadCookie) return options.onRefused(c, next);
    if ((c.req.header("content-type") ?? "").startsWith("multipart/form-data") && options.streamingUploadPaths?.some((re) => re.test(c.req.path))) return next();

    let presented = c.req.header(CSRF_HEADER);
    const type = c.req.header("content-type") ?? "";
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      // Parsed here once (Hono caches it for the handlers); a malformed body is a 400 page.
      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody();
      } catch {
        throw new HTTPException(400, { message: "malformed form body" });
      }
      if (presented === undefined) {
        const field = body[CSRF_FIELD];
        presented = typeof field === "string" ? field : undefined;
      }
    }
    if (presented === undefined || !csrfTokensMatch(presented, token)) return options.onRefused(c, next);
    return next();
  };
}
