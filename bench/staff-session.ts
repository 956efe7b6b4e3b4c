// A CBSA staff member for a bench target, and a signed-in session of theirs written as the
// staff sign-in leaves it (a random token in the cookie, its keyed hash in staff_sessions).
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../src/platform/db/schema.ts";
import type { StaffRole, StaffTables } from "../src/features/staff/schema.ts";
import { staffCookieName } from "../src/features/staff/sessions.ts";
import { hashToken } from "../src/platform/sessions.ts";
import { csrfCookieName } from "../src/web/middleware/csrf.ts";

/** The portal's base URL is http://localhost:PORT in the bench, so its cookies have no __Host- prefix. */
const HTTPS = false;

type BenchDb = Kysely<Database & StaffTables>;

export async function seedStaffUser(db: BenchDb, who: { username: string; displayName: string; roles: StaffRole[] }): Promise<string> {
  const now = new Date();
  const row = await db
    .insertInto("staff_users")
    .values({
      username: who.username,
      username_normalized: who.username,
      display_name: who.displayName,
      email: `${who.username}@cbsa-asfc.gc.ca`,
      // Never checked: the bench signs in by writing the session, not through the form.
      password_hash: "bench-not-a-password-hash",
      totp_secret: "JBSWY3DPEHPK3PXP",
      last_totp_step: null,
      roles: who.roles,
      must_change_password: false,
      totp_confirmed_at: now,
      password_changed_at: now,
      last_sign_in_at: now,
      disabled_at: null,
      created_at: now,
      created_by: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A signed-in session of the staff member; returns the browser's Cookie header. A new one per
 * target: the 20-minute idle limit then never depends on how long seeding took.
 */
export async function signInStaff(db: BenchDb, staffUserId: string): Promise<string> {
  const now = new Date();
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("staff_sessions")
    .values({
      token_hash: hashToken(token),
      staff_user_id: staffUserId,
      stage: "authenticated",
      user_agent: "bench",
      created_at: now,
      authenticated_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + 12 * 3_600_000),
      ended_at: null,
      ended_reason: null,
    })
    .execute();
  return `${staffCookieName(HTTPS)}=${token}; ${csrfCookieName(HTTPS)}=${randomBytes(32).toString("base64url")}`;
}
