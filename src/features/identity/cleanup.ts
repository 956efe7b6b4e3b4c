// Housekeeping of sign-in data, run by a recurring job: ended and expired sessions (kept 30
// days for the person's and the TCCU's questions: SESSION_RETENTION_MS), spent one-time codes,
// stale failure counters, abandoned Sign-In Partner requests. Audit events are never deleted.
// The same job also runs the staff feature's cleanupStaff and the outbox's cleanupMailOutbox
// (main.ts).
import type { AppDeps } from "../../web/context.ts";
import { DAY_MS } from "../../platform/clock.ts";
import { deleteStaleSessions, staleSessions } from "../../platform/sessions.ts";

export const IDENTITY_CLEANUP_JOB = "identity.cleanup";
export const IDENTITY_CLEANUP_EVERY_MS = 6 * 60 * 60 * 1000;
/** Finished jobs are kept this long for diagnosis. */
const KEEP_FINISHED_JOBS_MS = 30 * DAY_MS;

export async function cleanupIdentity(deps: Pick<AppDeps, "db" | "clock">): Promise<{ sessions: number; codes: number; throttles: number; partnerRequests: number }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    // A session is over when ended, past its absolute limit, or idle beyond its limit; its
    // codes go first (they refer to it).
    const codes = await trx
      .deleteFrom("one_time_codes")
      .where((eb) => eb.or([eb("expires_at", "<", new Date(now.getTime() - DAY_MS)), eb("session_id", "in", staleSessions(trx, now))]))
      .executeTakeFirst();
    const sessions = await deleteStaleSessions(trx, now);
    const throttles = await trx
      .deleteFrom("throttles")
      .where("blocked_until", "<", now)
      .where("last_failure_at", "<", new Date(now.getTime() - DAY_MS))
      .executeTakeFirst();
    const partnerRequests = await trx.deleteFrom("partner_auth_requests").where("expires_at", "<", now).executeTakeFirst();
    // Finished jobs go after KEEP_FINISHED_JOBS_MS (the outbox keeps what was sent, for a while).
    await trx
      .deleteFrom("jobs")
      .where("status", "in", ["done", "failed"])
      .where("finished_at", "<", new Date(now.getTime() - KEEP_FINISHED_JOBS_MS))
      .execute();
    return {
      sessions,
      codes: Number(codes.numDeletedRows),
      throttles: Number(throttles.numDeletedRows),
      partnerRequests: Number(partnerRequests.numDeletedRows),
    };
  });
}
