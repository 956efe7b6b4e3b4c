// Housekeeping of staff sign-in data, run by the six-hourly cleanup job beside identity's
// (main.ts): staff sessions over for longer than traders' are kept (SESSION_RETENTION_MS,
// the same rule, from the same session store), and one-time details never taken. Audit
// events are never deleted.
import type { AppDeps } from "../../web/context.ts";
import { deleteStaleStaffSessions, staleStaffSessions } from "./sessions.ts";
import { staffDb } from "./schema.ts";

export async function cleanupStaff(deps: Pick<AppDeps, "db" | "clock">): Promise<{ sessions: number; reveals: number }> {
  const now = deps.clock.now();
  return staffDb(deps.db)
    .transaction()
    .execute(async (trx) => {
      // Reveals refer to their session: expired ones (minutes old) and any of a session about to go.
      const reveals = await trx
        .deleteFrom("staff_reveals")
        .where((eb) => eb.or([eb("expires_at", "<=", now), eb("staff_session_id", "in", staleStaffSessions(trx, now))]))
        .executeTakeFirst();
      const sessions = await deleteStaleStaffSessions(trx, now);
      return { sessions, reveals: Number(reveals.numDeletedRows) };
    });
}
