import { sql, type Kysely } from "kysely";

// What a member's dashboard needs to know on every view (APP-5): whether the profiles changed
// since the latest snapshot. Comparing the two in full means reading and parsing the snapshot
// and every answer on each view; instead a counter on the company, companies.profiles_version,
// moves with every change to what a snapshot holds, kept by triggers so that no code path can
// forget it (and with no clock in it: the portal's clock is not the database's):
// - any insert, update or delete of the company's profile_answers or divisions;
// - an evidence file added or removed, or a change of what a snapshot records of it (name,
//   size, type, SHA-256, scan verdict, where it is attached) — not its submitted_at, which
//   writing a snapshot sets;
// - a change of the company's own columns that a snapshot holds.
// Each submission records the counter it was taken at; equal counters mean nothing changed,
// anything else means "compare in full" (a change undone still compares equal there).
const SNAPSHOT_COMPANY_COLUMNS = [
  "legal_name",
  "operating_name",
  "client_number",
  "bn9",
  "program_account",
  "carrier_code",
  "lines_of_business",
  "business_started_on",
  "employee_count",
  "website",
  "address",
  "mailing_address",
  "facilities",
  "primary_contact",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table companies add column profiles_version bigint not null default 0`.execute(db);
  await sql`alter table submissions add column profiles_version bigint`.execute(db);

  const changed = SNAPSHOT_COMPANY_COLUMNS.map((c) => `old.${c} is distinct from new.${c}`).join(" or ");
  await sql`create function companies_profiles_version() returns trigger language plpgsql as $$
    begin
      if ${sql.raw(changed)} then
        new.profiles_version := old.profiles_version + 1;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger companies_profiles_version before update on companies
    for each row execute function companies_profiles_version()`.execute(db);

  await sql`create function profiles_changed() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' then
        update companies set profiles_version = profiles_version + 1 where id = old.company_id;
      end if;
      if tg_op <> 'DELETE' and (tg_op = 'INSERT' or old.company_id is distinct from new.company_id) then
        update companies set profiles_version = profiles_version + 1 where id = new.company_id;
      end if;
      return null;
    end $$`.execute(db);
  for (const table of ["profile_answers", "divisions"]) {
    await sql`create trigger ${sql.raw(`${table}_profiles_changed`)} after insert or update or delete on ${sql.table(table)}
      for each row execute function profiles_changed()`.execute(db);
  }
  // An evidence file counts when added, removed, or changed in what a snapshot records of it.
  await sql`create trigger evidence_files_profiles_changed after insert or delete on evidence_files
    for each row execute function profiles_changed()`.execute(db);
  const recorded = ["company_id", "subject", "item_id", "file_name", "size", "mime", "sha256", "scan_status"].map((c) => `old.${c} is distinct from new.${c}`).join(" or ");
  await sql`create trigger evidence_files_profiles_updated after update on evidence_files
    for each row when (${sql.raw(recorded)}) execute function profiles_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["profile_answers", "divisions", "evidence_files"]) {
    await sql`drop trigger if exists ${sql.raw(`${table}_profiles_changed`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop trigger if exists evidence_files_profiles_updated on evidence_files`.execute(db);
  await sql`drop function if exists profiles_changed()`.execute(db);
  await sql`drop trigger if exists companies_profiles_version on companies`.execute(db);
  await sql`drop function if exists companies_profiles_version()`.execute(db);
  await sql`alter table submissions drop column profiles_version`.execute(db);
  await sql`alter table companies drop column profiles_version`.execute(db);
}
