// Housekeeping of sign-in data, run by a recurring job: ended and expired sessions (kept 30
// days for the person's and the TCCU's questions), spent one-time codes, stale failure
// counters, abandoned Sign-In Partner requests. Audit events are never deleted.
import type { AppDeps } from "../../web/context.ts";
import { DAY_MS } from "../../platform/clock.ts";
import { SESSION_IDLE_MS } from "../../platform/sessions.ts";

export const IDENTITY_CLEANUP_JOB = "identity.cleanup";
export const IDENTITY_CLEANUP_EVERY_MS = 6 * 60 * 60 * 1000;
const KEEP_SESSIONS_MS = 30 * DAY_MS;

export async function cleanupIdentity(deps: Pick<AppDeps, "db" | "clock">): Promise<{ sessions: number; codes: number; throttles: number; partnerRequests: number }> {
  const now = deps.clock.now().getTime();
  const old = new Date(now - KEEP_SESSIONS_MS);
  return deps.db.transaction().execute(async (trx) => {
    // A session is over when ended, past its absolute limit, or idle beyond its limit.
    const stale = trx
      .selectFrom("sessions")
      .select("id")
      .where((eb) => eb.or([eb("ended_at", "<", old), eb("expires_at", "<", old), eb("last_seen_at", "<", new Date(now - KEEP_SESSIONS_MS - SESSION_IDLE_MS))]));
    const codes = await trx
      .deleteFrom("one_time_codes")
      .where((eb) => eb.or([eb("expires_at", "<", new Date(now - DAY_MS)), eb("session_id", "in", stale)]))
      .executeTakeFirst();
    const sessions = await trx.deleteFrom("sessions").where("id", "in", stale).executeTakeFirst();
    const throttles = await trx
      .deleteFrom("throttles")
      .where("blocked_until", "<", new Date(now))
      .where("last_failure_at", "<", new Date(now - DAY_MS))
      .executeTakeFirst();
    const partnerRequests = await trx.deleteFrom("partner_auth_requests").where("expires_at", "<", new Date(now)).executeTakeFirst();
    // Finished jobs are kept 30 days for diagnosis, then go (the outbox keeps what was sent).
    await trx.deleteFrom("jobs").where("status", "in", ["done", "failed"]).where("finished_at", "<", old).execute();
    return {
      sessions: Number(sessions.numDeletedRows),
      codes: Number(codes.numDeletedRows),
      throttles: Number(throttles.numDeletedRows),
      partnerRequests: Number(partnerRequests.numDeletedRows),
    };
  });
}
