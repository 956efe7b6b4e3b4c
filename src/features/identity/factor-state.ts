// What second factors a person has (ID-9), read where the sign-in decides its next stage
// (service.ts) and by the factors' own module (factors.ts). Nothing here writes.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../platform/db/schema.ts";

type Handle = Kysely<Database> | Transaction<Database>;

/** A passkey or a confirmed authenticator app: a factor stronger than an email code. */
export async function hasStrongFactor(db: Handle, personId: string): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom("passkeys").select("id").where("person_id", "=", personId)).as("passkey"),
      eb.exists(eb.selectFrom("totp_authenticators").select("person_id").where("person_id", "=", personId).where("confirmed_at", "is not", null)).as("app"),
    ])
    .executeTakeFirstOrThrow();
  return Boolean(row.passkey) || Boolean(row.app);
}

/** Whether the person turned email codes off (they sign in with a strong factor or a recovery code). */
export async function emailCodesOff(db: Handle, personId: string): Promise<boolean> {
  const row = await db.selectFrom("people").select("email_codes_off_at").where("id", "=", personId).executeTakeFirst();
  return row?.email_codes_off_at != null;
}
