import { sql, type Kysely } from "kysely";

// Stronger second factors (SPEC ID-9, STAFF-1; issue 16):
// - passkeys: WebAuthn credentials, each a trader's (person_id) or a staff member's
//   (staff_user_id), never both; the credential id (base64url, unique), the public key as the
//   COSE bytes the authenticator gave, the signature counter, the transports, whether the
//   credential may be synced (device type) and is backed up, a name the person chose, when it
//   was added and last used.
// - webauthn_challenges: the challenge of the one registration or authentication a session
//   (trader's or staff) is doing, until it is used — taken (deleted) by the verification, so an
//   answer cannot be replayed — or expires. Deleted with its session.
// - totp_authenticators: a trader's one authenticator app: its secret sealed under APP_KEY, the
//   last time step accepted (a code is used once), confirmed_at null while being set up.
// - recovery_codes: 10 single-use codes for a person who turned email codes off, each stored as
//   a keyed hash (HMAC under APP_KEY); used_at once used.
// - people.email_codes_off_at: when the person turned email codes off (null: they are on).
// - sessions may stand at the new sign-in stage 'factor' (a passkey or an authenticator app is
//   offered first).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table passkeys (
    id bigserial primary key,
    person_id bigint references people (id) on delete cascade,
    staff_user_id bigint references staff_users (id) on delete cascade,
    credential_id text not null unique,
    public_key bytea not null,
    counter bigint not null default 0 check (counter >= 0),
    transports text[] not null default '{}',
    device_type text not null check (device_type in ('singleDevice', 'multiDevice')),
    backed_up boolean not null,
    name text not null check (length(name) between 1 and 100),
    created_at timestamptz not null,
    last_used_at timestamptz,
    constraint passkeys_one_owner check ((person_id is null) <> (staff_user_id is null))
  )`.execute(db);
  await sql`create index passkeys_person_idx on passkeys (person_id) where person_id is not null`.execute(db);
  await sql`create index passkeys_staff_user_idx on passkeys (staff_user_id) where staff_user_id is not null`.execute(db);

  await sql`create table webauthn_challenges (
    id bigserial primary key,
    session_id bigint references sessions (id) on delete cascade,
    staff_session_id bigint references staff_sessions (id) on delete cascade,
    purpose text not null check (purpose in ('register', 'authenticate')),
    challenge text not null,
    expires_at timestamptz not null,
    constraint webauthn_challenges_one_session check ((session_id is null) <> (staff_session_id is null)),
    constraint webauthn_challenges_session_uq unique (session_id, purpose),
    constraint webauthn_challenges_staff_session_uq unique (staff_session_id, purpose)
  )`.execute(db);

  await sql`create table totp_authenticators (
    person_id bigint primary key references people (id) on delete cascade,
    secret_sealed text not null,
    last_step bigint,
    created_at timestamptz not null,
    confirmed_at timestamptz,
    last_used_at timestamptz
  )`.execute(db);

  await sql`create table recovery_codes (
    id bigserial primary key,
    person_id bigint not null references people (id) on delete cascade,
    code_hash text not null,
    created_at timestamptz not null,
    used_at timestamptz
  )`.execute(db);
  await sql`create index recovery_codes_person_idx on recovery_codes (person_id, code_hash)`.execute(db);

  await sql`alter table people add column email_codes_off_at timestamptz`.execute(db);

  await sql`alter table sessions drop constraint sessions_stage_check`.execute(db);
  await sql`alter table sessions add constraint sessions_stage_check
    check (stage in ('profile', 'mfa-terms', 'factor', 'mfa', 'terms', 'authenticated'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update sessions set stage = 'mfa' where stage = 'factor'`.execute(db);
  await sql`alter table sessions drop constraint sessions_stage_check`.execute(db);
  await sql`alter table sessions add constraint sessions_stage_check
    check (stage in ('profile', 'mfa-terms', 'mfa', 'terms', 'authenticated'))`.execute(db);
  await sql`alter table people drop column email_codes_off_at`.execute(db);
  for (const table of ["recovery_codes", "totp_authenticators", "webauthn_challenges", "passkeys"]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
