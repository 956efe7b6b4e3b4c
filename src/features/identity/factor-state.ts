// What second factors a person has (ID-9), read where the sign-in decides its next stage
// (service.ts) and by the factors' own module (factors.ts). Nothing here writes.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../platform/db/schema.ts";
import type { StrongFactors } from "../../web/i18n/factors.en.ts";

type Handle = Kysely<Database> | Transaction<Database>;

/** A passkey or a confirmed authenticator app: a factor stronger than an email code. */
export async function hasStrongFactor(db: Handle, personId: string): Promise<boolean> {
  const have = await strongFactorsOf(db, personId);
  return have.passkeys > 0 || have.app;
}

/** How many passkeys the person has, and whether a confirmed authenticator app: what messages name. */
export async function strongFactorsOf(db: Handle, personId: string): Promise<StrongFactors> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom("passkeys").select((e) => e.fn.countAll<string>().as("n")).where("person_id", "=", personId).as("passkeys"),
      eb.exists(eb.selectFrom("totp_authenticators").select("person_id").where("person_id", "=", personId).where("confirmed_at", "is not", null)).as("app"),
    ])
    .executeTakeFirstOrThrow();
  return { passkeys: Number(row.passkeys ?? 0), app: Boolean(row.app) };
}

/** Whether the person turned email codes off (they sign in with a strong factor or a recovery code). */
export async function emailCodesOff(db: Handle, personId: string): Promise<boolean> {
  const row = await db.selectFrom("people").select("email_codes_off_at").where("id", "=", personId).executeTakeFirst();
  return row?.email_codes_off_at != null;
}
