// Server-side sessions (ID-7). The cookie carries a random token; the database keeps only
// its SHA-256. A session walks through the sign-in stages (profile → MFA terms → code →
// terms) and is authenticated only at the end, when its token is replaced.
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, Tx } from "./db/index.ts";
import type { SessionStage } from "./db/schema.ts";
import type { Clock } from "./clock.ts";

export const SESSION_IDLE_MS = 20 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** How long a half-finished sign-in may take. */
export const SIGN_IN_WINDOW_MS = 30 * 60 * 1000;
/** last_seen_at is written at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 15 * 1000;

export interface SessionRecord {
  id: string;
  credentialId: string;
  personId: string | null;
  stage: SessionStage;
  locale: "en" | "fr";
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export async function createSession(
  trx: Tx,
  clock: Clock,
  values: { credentialId: string; personId: string | null; stage: SessionStage; locale: "en" | "fr"; userAgent: string | null },
): Promise<{ id: string; token: string }> {
  const now = clock.now();
  const token = newToken();
  const row = await trx
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      credential_id: values.credentialId,
      person_id: values.personId,
      stage: values.stage,
      locale: values.locale,
      user_agent: values.userAgent?.slice(0, 300) ?? null,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + (values.stage === "authenticated" ? SESSION_ABSOLUTE_MS : SIGN_IN_WINDOW_MS)),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** The live session for a token: not ended, not past its absolute limit, not idle too long. */
export async function findSession(db: Kysely<Database>, clock: Clock, token: string): Promise<SessionRecord | null> {
  const now = clock.now();
  const row = await db
    .selectFrom("sessions")
    .select(["id", "credential_id", "person_id", "stage", "locale", "created_at", "last_seen_at", "expires_at"])
    .where("token_hash", "=", hashToken(token))
    .where("ended_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const lastSeen = new Date(row.last_seen_at);
  const expires = new Date(row.expires_at);
  if (expires <= now || lastSeen.getTime() + SESSION_IDLE_MS <= now.getTime()) return null;
  return {
    id: row.id,
    credentialId: row.credential_id,
    personId: row.person_id,
    stage: row.stage,
    locale: row.locale,
    createdAt: new Date(row.created_at),
    lastSeenAt: lastSeen,
    expiresAt: expires,
  };
}

/** Records activity (the idle limit counts from here). Cheap: writes at most every 15 s. */
export async function touchSession(db: Kysely<Database>, clock: Clock, session: SessionRecord): Promise<Date> {
  const now = clock.now();
  if (now.getTime() - session.lastSeenAt.getTime() < TOUCH_EVERY_MS) return session.lastSeenAt;
  await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", session.id).where("ended_at", "is", null).execute();
  return now;
}

/** Moves a half-finished sign-in to its next stage. */
export async function setStage(trx: Tx, sessionId: string, stage: Exclude<SessionStage, "authenticated">, personId?: string): Promise<void> {
  await trx
    .updateTable("sessions")
    .set({ stage, ...(personId ? { person_id: personId } : {}) })
    .where("id", "=", sessionId)
    .execute();
}

/** Completes sign-in: a new token (no fixation), the authenticated stage, a 12-hour limit. */
export async function authenticateSession(trx: Tx, clock: Clock, sessionId: string): Promise<string> {
  const now = clock.now();
  const token = newToken();
  await trx
    .updateTable("sessions")
    .set({
      token_hash: hashToken(token),
      stage: "authenticated",
      authenticated_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    })
    .where("id", "=", sessionId)
    .execute();
  return token;
}

export async function endSession(trx: Kysely<Database>, clock: Clock, sessionId: string, reason: string): Promise<void> {
  await trx.updateTable("sessions").set({ ended_at: clock.now(), ended_reason: reason }).where("id", "=", sessionId).where("ended_at", "is", null).execute();
}

/** Ends every live session of a person except `keepId`; returns how many ended. */
export async function endOtherSessions(trx: Tx, clock: Clock, personId: string, keepId: string | null, reason: string): Promise<number> {
  let q = trx.updateTable("sessions").set({ ended_at: clock.now(), ended_reason: reason }).where("person_id", "=", personId).where("ended_at", "is", null);
  if (keepId) q = q.where("id", "!=", keepId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function endCredentialSessions(trx: Tx, clock: Clock, credentialId: string, reason: string): Promise<void> {
  await trx.updateTable("sessions").set({ ended_at: clock.now(), ended_reason: reason }).where("credential_id", "=", credentialId).where("ended_at", "is", null).execute();
}

export interface ActiveSessionSummary {
  id: string;
  userAgent: string | null;
  authenticatedAt: Date | null;
  lastSeenAt: Date;
}

export async function listActiveSessions(db: Kysely<Database>, clock: Clock, personId: string): Promise<ActiveSessionSummary[]> {
  const now = clock.now();
  const rows = await db
    .selectFrom("sessions")
    .select(["id", "user_agent", "authenticated_at", "last_seen_at"])
    .where("person_id", "=", personId)
    .where("stage", "=", "authenticated")
    .where("ended_at", "is", null)
    .where("expires_at", ">", now)
    .where("last_seen_at", ">", new Date(now.getTime() - SESSION_IDLE_MS))
    .orderBy("last_seen_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userAgent: r.user_agent,
    authenticatedAt: r.authenticated_at ? new Date(r.authenticated_at) : null,
    lastSeenAt: new Date(r.last_seen_at),
  }));
}
