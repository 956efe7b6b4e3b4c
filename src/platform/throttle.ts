// Growing delays after failures (SEC-3), kept in the database so that every app process
// sees the same counts. A key names what is counted: "pw:user:<username>", "pw:addr:<addr>",
// "code:person:<id>", … A key that has not failed for a day starts again from zero.
//
// A guess is counted BEFORE its secret is checked (SEC-7): `reserveAttempt` locks every key's
// row, refuses if any is blocked, and otherwise counts the attempt as a failure and sets the
// next block, all in one transaction. Only then does the caller compare the secret; a right
// guess gives its count back (`settleSuccess`). So N parallel guesses cost exactly what N
// sequential ones do, on PGlite and PostgreSQL alike and across app processes: the N-th
// reservation sees the N-1 before it, however they interleave.
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database } from "./db/index.ts";
import { throttleRefusals, throttleScope } from "./metrics.ts";

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** One counter and the policy it follows. */
export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

const QUIET_PERIOD_MS = 24 * 60 * 60 * 1000;
/**
 * "Not blocked", whatever a request's own idea of now: concurrent requests read the clock
 * before they queue for the row, so a block of zero must not be written as "until now" (a
 * request that read the clock a moment earlier would find itself blocked).
 */
const NOT_BLOCKED = new Date(0);

function blockAfter(policy: ThrottlePolicy, failures: number, now: Date): Date {
  const delay = throttleDelayMs(policy, failures);
  return delay > 0 ? new Date(now.getTime() + delay) : NOT_BLOCKED;
}

/** The delay imposed after `failures` consecutive failures. */
export function throttleDelayMs(policy: ThrottlePolicy, failures: number): number {
  if (failures <= policy.freeFailures) return 0;
  return Math.min(policy.baseDelayMs * 2 ** (failures - policy.freeFailures - 1), policy.maxDelayMs);
}

/** A counted attempt, to be settled once the secret has been checked. */
export interface Reservation {
  readonly keys: readonly ThrottleKey[];
  readonly at: Date;
}

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; retryAt: Date };

/**
 * Counts one attempt on every key, or on none when any of them is blocked (then `retryAt`
 * says until when). The rows are locked in key order, so concurrent reservations on the same
 * keys queue behind each other instead of deadlocking.
 */
export async function reserveAttempt(db: Kysely<Database>, keys: readonly ThrottleKey[], now: Date): Promise<ReserveResult> {
  const sorted = [...new Map(keys.map((k) => [k.key, k])).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (sorted.length === 0) return { ok: true, reservation: { keys: [], at: now } };
  return db.transaction().execute(async (trx): Promise<ReserveResult> => {
    // Make sure every row exists, then lock them all (in key order).
    await trx
      .insertInto("throttles")
      .values(sorted.map((k) => ({ key: k.key, failures: 0, last_failure_at: now, blocked_until: NOT_BLOCKED })))
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const rows = await trx
      .selectFrom("throttles")
      .select(["key", "failures", "last_failure_at", "blocked_until"])
      .where("key", "in", sorted.map((k) => k.key))
      .orderBy("key")
      .forUpdate()
      .execute();
    let blocked: { until: Date; key: string } | null = null;
    for (const row of rows) {
      const until = new Date(row.blocked_until);
      if (until > now && (!blocked || until > blocked.until)) blocked = { until, key: row.key };
    }
    if (blocked) {
      throttleRefusals.inc({ scope: throttleScope(blocked.key) });
      return { ok: false, retryAt: blocked.until };
    }
    for (const k of sorted) {
      const row = rows.find((r) => r.key === k.key);
      const quiet = !row || now.getTime() - new Date(row.last_failure_at).getTime() >= QUIET_PERIOD_MS;
      const failures = (quiet ? 0 : row.failures) + 1;
      await trx
        .updateTable("throttles")
        .set({ failures, last_failure_at: now, blocked_until: blockAfter(k.policy, failures, now) })
        .where("key", "=", k.key)
        .execute();
    }
    return { ok: true, reservation: { keys: sorted, at: now } };
  });
}

/**
 * The secret was right: `clear` keys start again from zero (the person proved who they are);
 * every other key gives back the one attempt it counted — and, back within its free
 * failures, its block.
 */
export async function settleSuccess(db: Kysely<Database>, reservation: Reservation, clear: readonly string[] = []): Promise<void> {
  const cleared = reservation.keys.filter((k) => clear.includes(k.key)).map((k) => k.key);
  if (cleared.length > 0) await db.deleteFrom("throttles").where("key", "in", cleared).execute();
  for (const k of reservation.keys) {
    if (cleared.includes(k.key)) continue;
    await db
      .updateTable("throttles")
      .set({
        failures: sql<number>`greatest(failures - 1, 0)`,
        blocked_until: sql<Date>`case when failures - 1 <= ${k.policy.freeFailures} then ${NOT_BLOCKED}::timestamptz else blocked_until end`,
      })
      .where("key", "=", k.key)
      .execute();
  }
}

/** The attempt turned out not to be a guess (nothing secret was compared): give it back. */
export function cancelReservation(db: Kysely<Database>, reservation: Reservation): Promise<void> {
  return settleSuccess(db, reservation);
}

/** Starts keys again from zero (for example, after a password reset proved the person). */
export async function clearFailures(db: Kysely<Database>, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom("throttles").where("key", "in", keys).execute();
}
