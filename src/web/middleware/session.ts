// Loads the caller's session from its cookie (ID-7) for every page request, and offers the
// guards that pages use: a signed-in person, or a sign-in that has reached a given stage.
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { MiddlewareHandler } from "hono";
import type { AppContext, AppDeps, AppEnv } from "../context.ts";
import { findSession, touchSession, type SessionRecord } from "../../platform/sessions.ts";
import type { SessionStage } from "../../platform/db/schema.ts";
import { companyPathOf, foldedReadFor, membershipAlongside, type FoldedPageRead, type FoldedValue, type MembershipRow } from "./company-membership.ts";

declare module "hono" {
  interface ContextVariableMap {
    /**
     * The caller's membership in the company of the URL, read with the session (null: none),
     * and for a page whose data is folded into that read, its data under the read's key.
     */
    companyMembership: { companyId: string; row: MembershipRow | null; page?: FoldedValue };
  }
}

export function sessionCookieName(https: boolean): string {
  return https ? "__Host-ttp-session" : "ttp-session";
}

export function setSessionCookie(c: AppContext, https: boolean, token: string): void {
  setCookie(c, sessionCookieName(https), token, { path: "/", httpOnly: true, sameSite: "Lax", secure: https });
}

export function clearSessionCookie(c: AppContext, https: boolean): void {
  deleteCookie(c, sessionCookieName(https), { path: "/", secure: https });
}

/**
 * Reads the session of the request's cookie. On a company URL the caller's membership comes in
 * the same round trip, and on a GET of a page in `foldedReads` that page's data too.
 */
export function sessionContext(deps: AppDeps, foldedReads: readonly FoldedPageRead[] = []): MiddlewareHandler<AppEnv> {
  const https = deps.config.baseUrl.startsWith("https://");
  const name = sessionCookieName(https);
  // Each folded read's SQL is made now, so that a read no role may see stops the start.
  for (const page of foldedReads) membershipAlongside("0", { page, args: {} });
  return async (c, next) => {
    const token = getCookie(c, name);
    let session: SessionRecord | null = null;
    if (token && token.length <= 64) {
      // A company page needs the caller's membership in the URL's company (company-access.tsx):
      // read with the session, in the same round trip.
      const at = companyPathOf(c.req.path);
      if (at) {
        const folded = c.req.method === "GET" ? foldedReadFor(foldedReads, deps.db, at.companyId, at.rest) : undefined;
        const found = await findSession(deps.db, deps.clock, token, membershipAlongside(at.companyId, folded));
        if (found) {
          c.set("companyMembership", {
            companyId: at.companyId,
            row: found.also.membership,
            ...(folded ? { page: { key: folded.page.key, args: folded.args, value: found.also.page } } : {}),
          });
        }
        session = found;
      } else session = await findSession(deps.db, deps.clock, token);
      if (session) {
        session.lastSeenAt = await touchSession(deps.db, deps.clock, session);
      } else {
        clearSessionCookie(c, https);
        c.set("sessionEnded", true);
      }
    }
    c.set("session", session);
    await next();
  };
}

/** The signed-in person's session, or a redirect to sign in. */
export function requireSignedIn(c: AppContext): { session: SessionRecord & { personId: string } } | { redirect: Response } {
  const session = c.get("session");
  if (session?.stage === "authenticated" && session.personId) return { session: session as SessionRecord & { personId: string } };
  const lang = c.get("locale");
  if (session) return { redirect: c.redirect(stagePath(lang, session.stage), 303) };
  const reason = c.get("sessionEnded") ? "?ended=1" : "";
  return { redirect: c.redirect(`/${lang}/sign-in${reason}`, 303) };
}

/** A half-finished sign-in at one of `stages`, or a redirect to wherever it really is. */
export function requireStage(c: AppContext, stages: SessionStage[]): { session: SessionRecord } | { redirect: Response } {
  const session = c.get("session");
  const lang = c.get("locale");
  if (!session) return { redirect: c.redirect(`/${lang}/sign-in${c.get("sessionEnded") ? "?ended=1" : ""}`, 303) };
  if (stages.includes(session.stage)) return { session };
  return { redirect: c.redirect(stagePath(lang, session.stage), 303) };
}

/** Where a session at `stage` continues. */
export function stagePath(lang: string, stage: SessionStage): string {
  switch (stage) {
    case "profile":
      return `/${lang}/sign-in/profile`;
    case "mfa-terms":
      return `/${lang}/sign-in/mfa-terms`;
    case "factor":
      return `/${lang}/sign-in/factor`;
    case "mfa":
      return `/${lang}/sign-in/code`;
    case "terms":
      return `/${lang}/sign-in/terms`;
    case "authenticated":
      return `/${lang}/account`;
  }
}
