// CBSA staff sessions (STAFF-1), apart from traders' in every way that matters: their own
// table, their own cookie (`ttp-staff`, `__Host-ttp-staff` over HTTPS), their own stages
// (password → TOTP → [new password] → authenticated). The same mechanics as trader sessions
// otherwise, from the same store (platform/sessions.ts): a random token in the cookie, its
// hash in the database, a new token when the sign-in completes, 20 minutes idle and 12 hours
// at most.
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { Context, MiddlewareHandler } from "hono";
import { tokenHashCandidates, liveSessionTimes, sessionStore, type SessionIdsQuery } from "../../platform/sessions.ts";
import type { Clock } from "../../platform/clock.ts";
import type { AppDeps, AppEnv } from "../../web/context.ts";
import type { Kysely } from "kysely";
import { CompiledOnce } from "../../platform/db/compiled.ts";
import type { Database } from "../../platform/db/index.ts";
import { staffDb, type StaffDb, type StaffRole, type StaffSessionsTable, type StaffSessionStage, type StaffTx } from "./schema.ts";

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

const store = sessionStore<StaffSessionsTable, "staff_sessions">("staff_sessions");

export async function createStaffSession(
  trx: StaffTx,
  clock: Clock,
  values: { staffUserId: string; stage: StaffSessionStage; userAgent: string | null },
): Promise<{ id: string; token: string }> {
  return store.create(trx, clock, { stage: values.stage, userAgent: values.userAgent, columns: { staff_user_id: values.staffUserId } });
}

// The look-up by token: the store's columns joined to the account in the same read (for the
// enabled check), compiled once per number of token hashes (two while APP_KEY rotates). Every
// staff page makes it, and building it with Kysely on each request cost more than the trader
// session's compiled look-up.
const lookups = new Map<number, CompiledOnce<string, StaffSessionRow>>();
function lookup(hashCount: number): CompiledOnce<string, StaffSessionRow> {
  let compiled = lookups.get(hashCount);
  if (!compiled) {
    const tokens = Array.from({ length: hashCount }, (_, i) => `token${i}`);
    compiled = new CompiledOnce(tokens, (handle, args) =>
      staffDb(handle)
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
        .where("staff_sessions.token_hash", "in", tokens.map((t) => args[t]!))
        .where("staff_sessions.ended_at", "is", null)
        .where("staff_users.disabled_at", "is", null),
    );
    lookups.set(hashCount, compiled);
  }
  return compiled;
}

interface StaffSessionRow {
  id: string;
  stage: StaffSessionStage;
  created_at: Date | string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  staff_user_id: string;
  username: string;
  display_name: string;
  roles: StaffRole[];
}

/**
 * The live session for a token: not ended, not expired, not idle too long, of an enabled
 * account. `db` is the app's handle (the compiled SQL is kept per handle; not a transaction).
 */
export async function findStaffSession(db: Kysely<Database>, clock: Clock, token: string): Promise<StaffSession | null> {
  const hashes = tokenHashCandidates(token);
  const args = Object.fromEntries(hashes.map((hash, i) => [`token${i}`, hash]));
  const row = (await lookup(hashes.length).execute(db, args))[0];
  // The live-window checks are the store's.
  const times = row ? liveSessionTimes(row, clock.now()) : null;
  if (!row || !times) return null;
  return {
    id: row.id,
    stage: row.stage,
    ...times,
    staff: { id: row.staff_user_id, username: row.username, displayName: row.display_name, roles: row.roles },
  };
}

/** Records activity (the idle limit counts from here); writes at most every 15 s. */
export async function touchStaffSession(db: StaffDb, clock: Clock, session: StaffSession): Promise<Date> {
  return store.touch(db, clock, session);
}

export async function setStaffStage(trx: StaffTx, sessionId: string, stage: Exclude<StaffSessionStage, "authenticated">): Promise<void> {
  await store.setStage(trx, sessionId, stage);
}

/** Completes a staff sign-in: a new token (no fixation), the authenticated stage, 12 hours at most. */
export async function authenticateStaffSession(trx: StaffTx, clock: Clock, sessionId: string): Promise<string> {
  return store.authenticate(trx, clock, sessionId);
}

export async function endStaffSession(trx: StaffTx, clock: Clock, sessionId: string, reason: string): Promise<void> {
  await store.end(trx, clock, sessionId, reason);
}

/** Ends every live session of a staff member except `keepId`; returns how many ended. */
export async function endStaffUserSessions(trx: StaffTx, clock: Clock, staffUserId: string, reason: string, keepId: string | null = null): Promise<number> {
  return store.endWhere(trx, clock, "staff_user_id", staffUserId, reason, keepId);
}

/** The ids of staff sessions over for more than SESSION_RETENTION_MS at `now` (a subquery). */
export function staleStaffSessions(db: StaffDb, now: Date): SessionIdsQuery {
  return store.stale(db, now);
}

/** Deletes staff sessions over for more than SESSION_RETENTION_MS; delete what refers to them first. */
export async function deleteStaleStaffSessions(db: StaffDb, now: Date): Promise<number> {
  return store.deleteStale(db, now);
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
        session = await findStaffSession(deps.db, deps.clock, token);
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
