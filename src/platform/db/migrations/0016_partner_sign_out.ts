import { sql, type Kysely } from "kysely";

// The Sign-In Partner on shared computers (issue 17):
// - partner_auth_requests.requested_at: when the authorization request was built, so the
//   callback can check that the ID token's auth_time is no older —
//   the provider really asked the person again (prompt=login, max_age=0). Null for requests
//   begun before this migration.
// - partner_session_hints: for a session signed in through a partner that offers
//   RP-initiated logout, the ID token it gave (sealed under APP_KEY), sent back as the
//   id_token_hint of its end_session_endpoint at sign-out. One row per session, deleted at
//   sign-out, with its session, or once past expires_at (the session's absolute limit).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table partner_auth_requests add column requested_at timestamptz`.execute(db);
  await sql`create table partner_session_hints (
    session_id bigint primary key references sessions (id) on delete cascade,
    id_token_sealed text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
  )`.execute(db);
  await sql`create index partner_session_hints_expires_idx on partner_session_hints (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table partner_session_hints`.execute(db);
  await sql`alter table partner_auth_requests drop column requested_at`.execute(db);
}
