// One-time codes (the emailed 6-digit codes of MFA, email change and password reset):
// issuing one, which voids its owner's earlier ones, and matching one against its keyed hash.
import { createHash, randomBytes, randomInt } from "node:crypto";
import { keyedHash, keyedHashMatches } from "../../platform/app-key.ts";
import type { AppDeps } from "../../web/context.ts";
import type { Tx } from "../../platform/db/index.ts";

export const CODE_TTL_MS = 10 * 60 * 1000;
export const CODE_MAX_TRIES = 5;
export const RESEND_INTERVAL_MS = 60 * 1000;

/** A one-time code's digest before the key (and the form migration 0012 found and keyed). */
export function unkeyedCodeDigest(code: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${code}`).digest("base64url");
}

/** `salt:HMAC(APP_KEY, sha256(salt:code))` (SEC-8): a stolen table cannot be tried offline. */
function hashCode(code: string, salt: string): string {
  return `${salt}:${keyedHash("code", unkeyedCodeDigest(code, salt))}`;
}

/** Whether `code` is the one kept as `stored` (hashCode's form). */
export function codeMatches(stored: string, code: string): boolean {
  const [salt = "", hash = ""] = stored.split(":");
  return keyedHashMatches("code", unkeyedCodeDigest(code, salt), hash);
}

function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** A new code of `purpose` for its owner (a session, a credential or a person); returns it to be sent. */
export async function issueCode(
  trx: Tx,
  deps: Pick<AppDeps, "clock">,
  values: { purpose: "mfa" | "email-change" | "password-reset"; sessionId?: string; credentialId?: string; personId?: string; targetEmail?: string },
): Promise<string> {
  const now = deps.clock.now();
  // A new code voids the earlier ones of the same purpose and owner.
  let voids = trx.updateTable("one_time_codes").set({ voided_at: now }).where("purpose", "=", values.purpose).where("consumed_at", "is", null).where("voided_at", "is", null);
  if (values.sessionId) voids = voids.where("session_id", "=", values.sessionId);
  else if (values.credentialId) voids = voids.where("credential_id", "=", values.credentialId);
  else if (values.personId) voids = voids.where("person_id", "=", values.personId);
  await voids.execute();
  const code = newCode();
  await trx
    .insertInto("one_time_codes")
    .values({
      purpose: values.purpose,
      session_id: values.sessionId ?? null,
      credential_id: values.credentialId ?? null,
      person_id: values.personId ?? null,
      target_email: values.targetEmail ?? null,
      code_hash: hashCode(code, randomBytes(12).toString("base64url")),
      created_at: now,
      expires_at: new Date(now.getTime() + CODE_TTL_MS),
    })
    .execute();
  return code;
}
