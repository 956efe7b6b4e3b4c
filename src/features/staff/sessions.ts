// CBSA staff sessions (STAFF-1), apart from traders' in every way that matters: their own
// table, their own cookie (`ttp-staff`, `__Host-ttp-staff` over HTTPS), their own stages
// (password → TOTP → [new password] → authenticated). The same rules as trader sessions
// otherwise: a random token in the cookie, its SHA-256 in the database, a new token when the
// sign-in completes, 20 minutes idle and 12 hours at most.
import { randomBytes } from "node:crypto";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { Context, MiddlewareHandler } from "hono";
import { hashToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SIGN_IN_WINDOW_MS } from "../../platform/sessions.ts";
import type { Clock } from "../../platform/clock.ts";
import type { AppDeps, AppEnv } from "../../web/context.ts";
import { staffDb, type StaffDb, type StaffRole, type StaffSessionStage, type StaffTx } from "./schema.ts";

/** last_seen_at is written at most this often (as for trader sessions). */
const TOUCH_EVERY_MS = 15 * 1000;

export interface StaffSession {
  id: string;
  stage: StaffSessionStage;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  staff: {
    id: string;
    username: string;
    displayName: string;
    roles: StaffRole[];
  };
}

// The staff session lives on Hono's context under its own typed keys. Declaring them here,
// in Hono's ContextVariableMap, types `c.get("staffSession")` and `c.set(...)` for every
// context without touching web/context.ts; staffSessionContext() is the only writer.
declare module "hono" {
  interface ContextVariableMap {
    /** The caller's live CBSA staff session at any stage; null when there is none. */
    staffSession: StaffSession | null;
    /** True when the request carried a staff cookie whose session had ended or expired. */
    staffSessionEnded: boolean;
  }
}

/** The staff session loaded for this request (null when none, or when the middleware did not run). */
export function currentStaffSession(c: Context<AppEnv>): StaffSession | null {
  // Undefined when staffSessionContext is not mounted: then there is no staff session.
  const session: StaffSession | null | undefined = c.get("staffSession");
  return session ?? null;
}

export function staffCookieName(https: boolean): string {
  return https ? "__Host-ttp-staff" : "ttp-staff";
}

export function setStaffCookie(c: Context, https: boolean, token: string): void {
  // Lax, as the trader session: a link from another site (an email, a bookmark tool) may open
  // a staff page; no state change rides along, as every POST needs the CSRF proof (SEC-1).
  setCookie(c, staffCookieName(https), token, { path: "/", httpOnly: true, sameSite: "Lax", secure: https });
}

export function clearStaffCookie(c: Context, https: boolean): void {
  deleteCookie(c, staffCookieName(https), { path: "/", secure: https });
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export async function createStaffSession(
  trx: StaffTx,
  clock: Clock,
  values: { staffUserId: string; stage: StaffSessionStage; userAgent: string | null },
): Promise<{ id: string; token: string }> {
  const now = clock.now();
  const token = newToken();
  const row = await trx
    .insertInto("staff_sessions")
    .values({
      token_hash: hashToken(token),
      staff_user_id: values.staffUserId,
      stage: values.stage,
      user_agent: values.userAgent?.slice(0, 300) ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + (values.stage === "authenticated" ? SESSION_ABSOLUTE_MS : SIGN_IN_WINDOW_MS)),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** The live session for a token: not ended, not expired, not idle too long, of an enabled account. */
export async function findStaffSession(db: StaffDb, clock: Clock, token: string): Promise<StaffSession | null> {
  const now = clock.now();
  const row = await db
    .selectFrom("staff_sessions")
    .innerJoin("staff_users", "staff_users.id", "staff_sessions.staff_user_id")
    .select([
      "staff_sessions.id",
      "staff_sessions.stage",
      "staff_sessions.created_at",
      "staff_sessions.last_seen_at",
      "staff_sessions.expires_at",
      "staff_users.id as staff_user_id",
      "staff_users.username",
      "staff_users.display_name",
      "staff_users.roles",
    ])
    .where("staff_sessions.token_hash", "=", hashToken(token))
    .where("staff_sessions.ended_at", "is", null)
    .where("staff_users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at);
  const expires = new Date(row.expires_at);
  if (expires <= now || lastSeen.getTime() + SESSION_IDLE_MS <= now.getTime()) return null;
  return {
    id: row.id,
    stage: row.stage,
    createdAt: new Date(row.created_at),
    lastSeenAt: lastSeen,
    expiresAt: expires,
    staff: { id: row.staff_user_id, username: row.username, displayName: row.display_name, roles: row.roles },
  };
}

/** Records activity (the idle limit counts from here); writes at most every 15 s. */
export async function touchStaffSession(db: StaffDb, clock: Clock, session: StaffSession): Promise<Date> {
  const now = clock.now();
  if (now.getTime() - session.lastSeenAt.getTime() < TOUCH_EVERY_MS) return session.lastSeenAt;
  await db.updateTable("staff_sessions").set({ last_seen_at: now }).where("id", "=", session.id).where("ended_at", "is", null).execute();
  return now;
}

export async function setStaffStage(trx: StaffTx, sessionId: string, stage: Exclude<StaffSessionStage, "authenticated">): Promise<void> {
  await trx.updateTable("staff_sessions").set({ stage }).where("id", "=", sessionId).execute();
}

/** Completes a staff sign-in: a new token (no fixation), the authenticated stage, 12 hours at most. */
export async function authenticateStaffSession(trx: StaffTx, clock: Clock, sessionId: string): Promise<string> {
  const now = clock.now();
  const token = newToken();
  await trx
    .updateTable("staff_sessions")
    .set({ token_hash: hashToken(token), stage: "authenticated", authenticated_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS) })
    .where("id", "=", sessionId)
    .execute();
  return token;
}

export async function endStaffSession(trx: StaffTx, clock: Clock, sessionId: string, reason: string): Promise<void> {
  await trx.updateTable("staff_sessions").set({ ended_at: clock.now(), ended_reason: reason }).where("id", "=", sessionId).where("ended_at", "is", null).execute();
}

/** Ends every live session of a staff member except `keepId`; returns how many ended. */
export async function endStaffUserSessions(trx: StaffTx, clock: Clock, staffUserId: string, reason: string, keepId: string | null = null): Promise<number> {
  let q = trx.updateTable("staff_sessions").set({ ended_at: clock.now(), ended_reason: reason }).where("staff_user_id", "=", staffUserId).where("ended_at", "is", null);
  if (keepId) q = q.where("id", "!=", keepId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Whether a path is in the staff area (/en/staff, /fr/staff/…): the only place a staff session is read. */
export function isStaffPath(path: string): boolean {
  return /^\/(?:en|fr)\/staff(?:\/|$)/.test(path);
}

/**
 * Loads the staff session from the staff cookie into `c.get("staffSession")`, on staff pages
 * only (every staff page lives under /{lang}/staff): elsewhere it is null, so a staff
 * session never signs anyone in to a trader page, nor a trader session to a staff page.
 */
export function staffSessionContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const https = deps.config.baseUrl.startsWith("https://");
  const name = staffCookieName(https);
  const db = staffDb(deps.db);
  return async (c, next) => {
    let session: StaffSession | null = null;
    let ended = false;
    if (isStaffPath(c.req.path)) {
      const token = getCookie(c, name);
      if (token && token.length <= 64) {
        session = await findStaffSession(db, deps.clock, token);
        if (session) {
          session.lastSeenAt = await touchStaffSession(db, deps.clock, session);
        } else {
          clearStaffCookie(c, https);
          ended = true;
        }
      }
    }
    c.set("staffSession", session);
    c.set("staffSessionEnded", ended);
    await next();
  };
}
