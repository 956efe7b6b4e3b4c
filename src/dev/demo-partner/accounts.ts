// The Demo Bank's "accounts": any made-up bank username signs in, and each one is given a
// random subject the first time, kept in the database, so the same username always yields
// the same subject (across restarts and processes). Usernames compare after Unicode NFC
// normalization, trimmed, case-insensitively. The portal never sees the username.
import { randomUUID } from "node:crypto";
import type { DemoPartnerDb } from "./schema.ts";

export const MAX_USERNAME_LENGTH = 64;

export type UsernameCheck = { ok: true; key: string } | { ok: false; problem: "missing" | "tooLong" };

export function checkUsername(input: unknown): UsernameCheck {
  const value = typeof input === "string" ? input.normalize("NFC").trim() : "";
  if (value === "") return { ok: false, problem: "missing" };
  if ([...value].length > MAX_USERNAME_LENGTH) return { ok: false, problem: "tooLong" };
  return { ok: true, key: value.toLowerCase() };
}

/** The stable subject of a (checked) username, made on first use. */
export async function subjectFor(db: DemoPartnerDb, key: string): Promise<string> {
  await db
    .insertInto("demo_partner_accounts")
    .values({ subject: randomUUID(), username: key })
    .onConflict((oc) => oc.column("username").doNothing())
    .execute();
  const row = await db.selectFrom("demo_partner_accounts").select("subject").where("username", "=", key).executeTakeFirstOrThrow();
  return row.subject;
}

export async function subjectExists(db: DemoPartnerDb, subject: string): Promise<boolean> {
  const row = await db.selectFrom("demo_partner_accounts").select("subject").where("subject", "=", subject).executeTakeFirst();
  return row !== undefined;
}
