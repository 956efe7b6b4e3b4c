// Growing delays after failures (SEC-3), kept in the database so that every app process
// sees the same counts. A key names what is counted: "pw:user:<username>", "pw:ip:<addr>",
// "mfa:person:<id>", … A key that has not failed for a day starts again from zero.
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database } from "./db/index.ts";

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
}

const QUIET_PERIOD = "24 hours";

/** The delay imposed after `failures` consecutive failures. */
export function throttleDelayMs(policy: ThrottlePolicy, failures: number): number {
  if (failures <= policy.freeFailures) return 0;
  return Math.min(policy.baseDelayMs * 2 ** (failures - policy.freeFailures - 1), policy.maxDelayMs);
}

/** The latest time until which any of `keys` is blocked, or null if none is. */
export async function blockedUntil(db: Kysely<Database>, keys: string[], now: Date): Promise<Date | null> {
  if (keys.length === 0) return null;
  const row = await db
    .selectFrom("throttles")
    .select((eb) => eb.fn.max("blocked_until").as("until"))
    .where("key", "in", keys)
    .where("blocked_until", ">", now)
    .executeTakeFirst();
  return row?.until ? new Date(row.until) : null;
}

/** Counts one failure for `key` and returns the consecutive count and the new block. */
export async function recordFailure(db: Kysely<Database>, key: string, policy: ThrottlePolicy, now: Date): Promise<{ failures: number; blockedUntil: Date }> {
  const fresh = sql<number>`case when throttles.last_failure_at < ${now}::timestamptz - interval '${sql.raw(QUIET_PERIOD)}' then 1 else throttles.failures + 1 end`;
  const delay = (failures: ReturnType<typeof sql<number>>) =>
    sql`(case when ${failures} > ${policy.freeFailures}
              then least(${policy.maxDelayMs}::float8, ${policy.baseDelayMs}::float8 * power(2::float8, (${failures} - ${policy.freeFailures} - 1)::float8))
              else 0 end) * interval '1 millisecond'`;
  const firstDelay = throttleDelayMs(policy, 1);
  const row = await db
    .insertInto("throttles")
    .values({ key, failures: 1, last_failure_at: now, blocked_until: new Date(now.getTime() + firstDelay) })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: fresh,
        last_failure_at: now,
        blocked_until: sql<Date>`${now}::timestamptz + ${delay(fresh)}`,
      }),
    )
    .returning(["failures", "blocked_until"])
    .executeTakeFirstOrThrow();
  return { failures: row.failures, blockedUntil: new Date(row.blocked_until) };
}

export async function clearFailures(db: Kysely<Database>, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom("throttles").where("key", "in", keys).execute();
}
