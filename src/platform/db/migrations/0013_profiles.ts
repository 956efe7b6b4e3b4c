import { sql, type Kysely } from "kysely";

// The application and security profiles (APP-3, APP-4, APP-8, APP-9).
// - divisions: a company's divisions, each answering the security criteria of its lines.
// - profile_answers: one row per answered item of a profile ("application", or "division:<id>"),
//   with the catalogue version it was answered against and a row version that a save compares
//   with the version the page was opened at (a save never silently overwrites another's).
// - evidence_files: documents attached to an item; the bytes live in the file store, the row
//   says what they are (type read from the bytes, SHA-256, scan verdict) and whether they were
//   submitted (then they are kept for ever).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table divisions (
    id bigserial primary key,
    company_id bigint not null references companies (id),
    name text not null,
    lines jsonb not null,
    facilities jsonb not null default '[]',
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`.execute(db);
  await sql`create index divisions_company_idx on divisions (company_id, id)`.execute(db);

  await sql`create table profile_answers (
    company_id bigint not null references companies (id),
    subject text not null,
    item_id text not null,
    catalogue_version text not null,
    answer jsonb not null,
    version integer not null,
    updated_at timestamptz not null,
    updated_by_person_id bigint references people (id),
    primary key (company_id, subject, item_id)
  )`.execute(db);

  await sql`create table evidence_files (
    id bigserial primary key,
    company_id bigint not null references companies (id),
    subject text not null,
    item_id text not null,
    storage_key text not null unique,
    file_name text not null,
    size bigint not null,
    mime text not null,
    sha256 text not null,
    scan_status text not null check (scan_status in ('pending', 'clean', 'infected', 'error', 'not-scanned')),
    scan_signature text,
    uploaded_at timestamptz not null,
    uploaded_by_person_id bigint not null references people (id),
    submitted_at timestamptz
  )`.execute(db);
  await sql`create index evidence_files_item_idx on evidence_files (company_id, subject, item_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["evidence_files", "profile_answers", "divisions"]) await sql`drop table if exists ${sql.table(t)}`.execute(db);
}
