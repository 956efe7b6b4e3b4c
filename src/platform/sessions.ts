// Server-side sessions (ID-7). The cookie carries a random token; the database keeps only
// its hash (hashToken, the one place a token is hashed). A session walks through its
// sign-in stages and is authenticated only at the end, when its token is replaced.
//
// The mechanics live once, in a session store over a table that has the common columns
// (SessionColumns) plus its owner's: traders' sessions (`sessions`, below) and CBSA staff
// sessions (features/staff/sessions.ts, with their own table, cookie and stages) are two
// stores of the same kind. Platform knows no feature: a store is told its table's name.
import { createHash, randomBytes } from "node:crypto";
import { keyedHash, keyedHashCandidates } from "./app-key.ts";
import type { AliasableExpression, ColumnType, ExpressionBuilder, Generated, Insertable, Kysely, Selectable, SelectQueryBuilder, Transaction, Updateable } from "kysely";
import type { Database, Tx } from "./db/index.ts";
import type { SessionStage, SessionsTable } from "./db/schema.ts";
import { DAY_MS, type Clock } from "./clock.ts";
import { CompiledOnce } from "./db/compiled.ts";

export const SESSION_IDLE_MS = 20 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** How long a half-finished sign-in may take. */
export const SIGN_IN_WINDOW_MS = 30 * 60 * 1000;
/** How long a session that is over (ended, expired or idle) is kept, for the person's and the TCCU's questions. */
export const SESSION_RETENTION_MS = 30 * DAY_MS;
/** last_seen_at is written at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 15 * 1000;

/**
 * The hash of a session token (or any bearer secret of ours) as the database keeps it. The
 * only one: HMAC-SHA-256 under APP_KEY (SEC-8) of the token's SHA-256 — the form hashes had
 * before the key, so migration 0012 could key the rows it found.
 */
export function hashToken(token: string): string {
  return keyedHash("token", unkeyedTokenDigest(token));
}

/** Every hash a token may be stored under (both keys during a rotation), for look-ups. */
export function tokenHashCandidates(token: string): string[] {
  return keyedHashCandidates("token", unkeyedTokenDigest(token));
}

export function unkeyedTokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The columns every session table has; a table adds its owner's column (and anything else). */
export interface SessionColumns<Stage extends string = string> {
  id: Generated<string>;
  token_hash: string;
  stage: Stage;
  user_agent: string | null;
  created_at: Timestamp;
  authenticated_at: Timestamp | null;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  ended_reason: string | null;
}

/** The session's times as read, when it is live: within its absolute limit and not idle too long. */
export interface LiveSessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/**
 * The live-window checks for a row read by its token (and `ended_at is null`): null when
 * past its absolute limit or idle for SESSION_IDLE_MS. For stores whose look-up joins more.
 */
export function liveSessionTimes(row: { created_at: Date | string; last_seen_at: Date | string; expires_at: Date | string }, now: Date): LiveSessionTimes | null {
  const lastSeenAt = new Date(row.last_seen_at);
  const expiresAt = new Date(row.expires_at);
  if (expiresAt <= now || lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) return null;
  return { createdAt: new Date(row.created_at), lastSeenAt, expiresAt };
}

export interface ActiveSessionSummary {
  id: string;
  userAgent: string | null;
  authenticatedAt: Date | null;
  lastSeenAt: Date;
}

// Inside a store the table's name is a value, so its queries are typed over the common
// columns only; asStoreDb is the one place where a caller's handle is seen that way. Callers
// are checked instead: their handle's database must have the store's table, of its type.
type StoreDb = Record<string, SessionColumns>;
/** A database or a transaction. */
type Handle<DB> = Kysely<DB> | Transaction<DB>;
/** What a handle's database must have: the store's table. */
type Tables<T extends string, Row> = { [K in T]: Row };
function asStoreDb<DB>(db: Handle<DB>): Kysely<StoreDb> {
  return db as unknown as Kysely<StoreDb>;
}

/** The ids of a store's sessions, as a subquery: `where("session_id", "in", …)`. */
export type SessionIdsQuery = SelectQueryBuilder<StoreDb, string, { id: string }>;

/**
 * A value read with a session, in the same round trip: an expression (a subquery, typically)
 * over the outer session row, which may refer to its columns as `<table>.<column>`. The look-up
 * is compiled once per `key` (platform/db/compiled.ts), so `key` names one `select` everywhere,
 * and `select` may use its `args` as parameter values only.
 */
export interface AlsoSelected<X, K extends string = string> {
  readonly key: string;
  readonly args: Readonly<Record<K, string>>;
  readonly select: (eb: ExpressionBuilder<never, never>, args: Readonly<Record<K, string>>) => AliasableExpression<X>;
}

/** A table's own columns, beyond the common ones (its owner, a locale …). */
type OwnColumns<Row> = Exclude<keyof Row & string, keyof SessionColumns>;

/** The session mechanics over one table. `Row` is the table's type; handles of any database that has it are accepted. */
export interface SessionStore<Row extends SessionColumns, T extends string> {
  readonly table: T;
  /** A new session at `stage` (authenticated: 12 hours; otherwise the sign-in window), with a fresh token. */
  create<DB extends Tables<T, Row>>(
    trx: Handle<DB>,
    clock: Clock,
    values: { stage: Row["stage"]; userAgent: string | null; columns: Omit<Insertable<Row>, keyof SessionColumns> },
  ): Promise<{ id: string; token: string }>;
  /**
   * The live session for a token (not ended, not expired, not idle too long), with the table's
   * columns — and, with `also`, one more value read in the same round trip (a subquery that may
   * refer to the session's columns as `<table>.<column>`), as `also`.
   */
  find<DB extends Tables<T, Row>, X = never>(
    db: Handle<DB>,
    clock: Clock,
    token: string,
    also?: AlsoSelected<X>,
  ): Promise<(Selectable<Row> & { times: LiveSessionTimes; also: X | undefined }) | null>;
  /** Records activity (the idle limit counts from here). Cheap: writes at most every 15 s. */
  touch<DB extends Tables<T, Row>>(db: Handle<DB>, clock: Clock, session: { id: string; lastSeenAt: Date }): Promise<Date>;
  /** Moves a half-finished sign-in to its next stage (and sets any of the table's columns alongside). */
  setStage<DB extends Tables<T, Row>>(trx: Handle<DB>, sessionId: string, stage: Exclude<Row["stage"], "authenticated">, columns?: Omit<Updateable<Row>, keyof SessionColumns>): Promise<void>;
  /** Completes sign-in: a new token (no fixation), the authenticated stage, a 12-hour limit. */
  authenticate<DB extends Tables<T, Row>>(trx: Handle<DB>, clock: Clock, sessionId: string): Promise<string>;
  end<DB extends Tables<T, Row>>(trx: Handle<DB>, clock: Clock, sessionId: string, reason: string): Promise<void>;
  /** Ends every live session whose `column` is `value`, except `keepId`; returns how many ended. */
  endWhere<DB extends Tables<T, Row>>(trx: Handle<DB>, clock: Clock, column: OwnColumns<Row>, value: string, reason: string, keepId?: string | null): Promise<number>;
  /** The live authenticated sessions whose `column` is `value`, most recently used first. */
  listActive<DB extends Tables<T, Row>>(db: Handle<DB>, clock: Clock, column: OwnColumns<Row>, value: string): Promise<ActiveSessionSummary[]>;
  /**
   * The ids of sessions over (ended, past their limit, or idle) for more than
   * SESSION_RETENTION_MS at `now`: a subquery, for deleting rows that refer to them first.
   */
  stale<DB extends Tables<T, Row>>(db: Handle<DB>, now: Date): SessionIdsQuery;
  /** Deletes the sessions `stale(db, now)` names; returns how many. */
  deleteStale<DB extends Tables<T, Row>>(db: Handle<DB>, now: Date): Promise<number>;
}

/**
 * A store over `table`. Pass any Kysely handle (database or transaction) that has the table:
 * `sessionStore<StaffSessionsTable, "staff_sessions">("staff_sessions")`.
 */
export function sessionStore<Row extends SessionColumns, T extends string>(table: T): SessionStore<Row, T> {
  const name: string = table; // queries inside see the table by name only
  const stale = <DB>(db: Handle<DB>, now: Date): SessionIdsQuery => {
    const old = new Date(now.getTime() - SESSION_RETENTION_MS);
    return asStoreDb(db)
      .selectFrom(name)
      .select("id")
      .where((eb) => eb.or([eb("ended_at", "<", old), eb("expires_at", "<", old), eb("last_seen_at", "<", new Date(old.getTime() - SESSION_IDLE_MS))]));
  };
  // The look-up by token, compiled once per number of token hashes (two while the key rotates)
  // and kind of value read alongside.
  const lookups = new Map<string, CompiledOnce<string, unknown>>();
  const lookup = (hashCount: number, also: AlsoSelected<unknown> | undefined): CompiledOnce<string, unknown> => {
    const key = `${hashCount}/${also?.key ?? ""}`;
    let compiled = lookups.get(key);
    if (!compiled) {
      const tokens = Array.from({ length: hashCount }, (_, i) => `token${i}`);
      compiled = new CompiledOnce([...tokens, ...Object.keys(also?.args ?? {})], (handle, args) => {
        const query = asStoreDb(handle)
          .selectFrom(name)
          .selectAll()
          .where("token_hash", "in", tokens.map((t) => args[t]!))
          .where("ended_at", "is", null);
        return also ? query.select((eb) => also.select(eb as unknown as ExpressionBuilder<never, never>, args).as("also")) : query;
      });
      lookups.set(key, compiled);
    }
    return compiled;
  };

  return {
    table,

    async create(trx, clock, values) {
      const now = clock.now();
      const token = newToken();
      const row = await asStoreDb(trx)
        .insertInto(name)
        .values({
          ...(values.columns as object),
          token_hash: hashToken(token),
          stage: values.stage,
          user_agent: values.userAgent?.slice(0, 300) ?? null,
          created_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + (values.stage === "authenticated" ? SESSION_ABSOLUTE_MS : SIGN_IN_WINDOW_MS)),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id: row.id, token };
    },

    async find(db, clock, token, also) {
      const hashes = tokenHashCandidates(token);
      const args: Record<string, string> = { ...also?.args };
      hashes.forEach((hash, i) => (args[`token${i}`] = hash));
      const row = (await lookup(hashes.length, also).execute(db as unknown as Kysely<Database>, args))[0] as (Selectable<SessionColumns> & { also?: unknown }) | undefined;
      if (!row) return null;
      const times = liveSessionTimes(row, clock.now());
      const { also: extra, ...columns } = row;
      return times ? { ...(columns as unknown as Selectable<Row>), times, also: (also ? extra : undefined) as never } : null;
    },

    async touch(db, clock, session) {
      const now = clock.now();
      if (now.getTime() - session.lastSeenAt.getTime() < TOUCH_EVERY_MS) return session.lastSeenAt;
      await asStoreDb(db).updateTable(name).set({ last_seen_at: now }).where("id", "=", session.id).where("ended_at", "is", null).execute();
      return now;
    },

    async setStage(trx, sessionId, stage, columns) {
      await asStoreDb(trx)
        .updateTable(name)
        .set({ ...(columns as object), stage })
        .where("id", "=", sessionId)
        .execute();
    },

    async authenticate(trx, clock, sessionId) {
      const now = clock.now();
      const token = newToken();
      await asStoreDb(trx)
        .updateTable(name)
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
    },

    async end(trx, clock, sessionId, reason) {
      await asStoreDb(trx).updateTable(name).set({ ended_at: clock.now(), ended_reason: reason }).where("id", "=", sessionId).where("ended_at", "is", null).execute();
    },

    async endWhere(trx, clock, column, value, reason, keepId = null) {
      const db = asStoreDb(trx);
      let q = db.updateTable(name).set({ ended_at: clock.now(), ended_reason: reason }).where(db.dynamic.ref(column), "=", value).where("ended_at", "is", null);
      if (keepId) q = q.where("id", "!=", keepId);
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async listActive(handle, clock, column, value) {
      const now = clock.now();
      const db = asStoreDb(handle);
      const rows = await db
        .selectFrom(name)
        .select(["id", "user_agent", "authenticated_at", "last_seen_at"])
        .where(db.dynamic.ref(column), "=", value)
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
    },

    stale,

    async deleteStale(db, now) {
      const result = await asStoreDb(db).deleteFrom(name).where("id", "in", stale(db, now)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

// ---------------------------------------------------------------------------------------
// Traders' sessions: the `sessions` table, owned by a credential and (once known) a person.
// ---------------------------------------------------------------------------------------

const traderSessions = sessionStore<SessionsTable, "sessions">("sessions");

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

export async function createSession(
  trx: Tx,
  clock: Clock,
  values: { credentialId: string; personId: string | null; stage: SessionStage; locale: "en" | "fr"; userAgent: string | null },
): Promise<{ id: string; token: string }> {
  return traderSessions.create(trx, clock, {
    stage: values.stage,
    userAgent: values.userAgent,
    columns: { credential_id: values.credentialId, person_id: values.personId, locale: values.locale },
  });
}

/**
 * The live session for a token: not ended, not past its absolute limit, not idle too long. With
 * `also`, one more value read in the same round trip (it may refer to `sessions.person_id`).
 */
export async function findSession(db: Kysely<Database>, clock: Clock, token: string): Promise<SessionRecord | null>;
export async function findSession<X>(db: Kysely<Database>, clock: Clock, token: string, also: AlsoSelected<X>): Promise<(SessionRecord & { also: X }) | null>;
export async function findSession<X>(db: Kysely<Database>, clock: Clock, token: string, also?: AlsoSelected<X>): Promise<(SessionRecord & { also?: X | undefined }) | null> {
  const row = await traderSessions.find(db, clock, token, also);
  if (!row) return null;
  const record: SessionRecord = { id: row.id, credentialId: row.credential_id, personId: row.person_id, stage: row.stage, locale: row.locale, ...row.times };
  return also ? { ...record, also: row.also } : record;
}

/** Records activity (the idle limit counts from here). Cheap: writes at most every 15 s. */
export async function touchSession(db: Kysely<Database>, clock: Clock, session: SessionRecord): Promise<Date> {
  return traderSessions.touch(db, clock, session);
}

/** Moves a half-finished sign-in to its next stage. */
export async function setStage(trx: Tx, sessionId: string, stage: Exclude<SessionStage, "authenticated">, personId?: string): Promise<void> {
  await traderSessions.setStage(trx, sessionId, stage, personId ? { person_id: personId } : {});
}

/** Completes sign-in: a new token (no fixation), the authenticated stage, a 12-hour limit. */
export async function authenticateSession(trx: Tx, clock: Clock, sessionId: string): Promise<string> {
  return traderSessions.authenticate(trx, clock, sessionId);
}

export async function endSession(trx: Kysely<Database>, clock: Clock, sessionId: string, reason: string): Promise<void> {
  await traderSessions.end(trx, clock, sessionId, reason);
}

/** Ends every live session of a person except `keepId`; returns how many ended. */
export async function endOtherSessions(trx: Tx, clock: Clock, personId: string, keepId: string | null, reason: string): Promise<number> {
  return traderSessions.endWhere(trx, clock, "person_id", personId, reason, keepId);
}

export async function endCredentialSessions(trx: Tx, clock: Clock, credentialId: string, reason: string): Promise<void> {
  await traderSessions.endWhere(trx, clock, "credential_id", credentialId, reason);
}

export async function listActiveSessions(db: Kysely<Database>, clock: Clock, personId: string): Promise<ActiveSessionSummary[]> {
  return traderSessions.listActive(db, clock, "person_id", personId);
}

/** The ids of traders' sessions over for more than SESSION_RETENTION_MS (a subquery). */
export function staleSessions(db: Kysely<Database>, now: Date): SessionIdsQuery {
  return traderSessions.stale(db, now);
}

/** Deletes traders' sessions over for more than SESSION_RETENTION_MS; delete what refers to them first. */
export async function deleteStaleSessions(db: Kysely<Database>, now: Date): Promise<number> {
  return traderSessions.deleteStale(db, now);
}
