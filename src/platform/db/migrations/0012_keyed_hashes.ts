import { sql, type Kysely } from "kysely";
import { isSealed, keyedHash, seal } from "../../app-key.ts";

// SEC-8: hashes of codes and tokens become keyed (HMAC-SHA-256 under APP_KEY) and TOTP
// secrets encrypted (AES-256-GCM under APP_KEY). The keyed hash of a secret is taken over the
// digest it had before (see hashToken, hashCode, hashActivationCode), so the rows already here
// are keyed in place: nobody has to sign in again or wait for a new letter. The application
// key is loaded before migrations run (main.ts); an empty database never needs it.
export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = async <T,>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows;

  for (const table of ["sessions", "staff_sessions"]) {
    for (const r of await rows<{ id: string; token_hash: string }>(sql`select id::text, token_hash from ${sql.table(table)}`)) {
      await sql`update ${sql.table(table)} set token_hash = ${keyedHash("token", r.token_hash)} where id = ${r.id}::bigint`.execute(db);
    }
  }
  for (const r of await rows<{ id_hash: string }>(sql`select id_hash from partner_auth_requests`)) {
    await sql`update partner_auth_requests set id_hash = ${keyedHash("token", r.id_hash)} where id_hash = ${r.id_hash}`.execute(db);
  }
  for (const r of await rows<{ id: string; code_hash: string }>(sql`select id::text, code_hash from one_time_codes`)) {
    const [salt = "", digest = ""] = r.code_hash.split(":");
    await sql`update one_time_codes set code_hash = ${`${salt}:${keyedHash("code", digest)}`} where id = ${r.id}::bigint`.execute(db);
  }
  for (const r of await rows<{ id: string; code_hash: string }>(sql`select id::text, code_hash from activation_codes`)) {
    await sql`update activation_codes set code_hash = ${keyedHash("activation", r.code_hash)} where id = ${r.id}::bigint`.execute(db);
  }
  for (const r of await rows<{ id: string; totp_secret: string }>(sql`select id::text, totp_secret from staff_users`)) {
    if (!isSealed(r.totp_secret)) await sql`update staff_users set totp_secret = ${seal(r.totp_secret)} where id = ${r.id}::bigint`.execute(db);
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error("keyed hashes cannot be un-keyed: restore a backup taken before migration 0012"));
}
