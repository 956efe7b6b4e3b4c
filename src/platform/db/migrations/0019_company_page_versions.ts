import { sql, type Kysely } from "kysely";

// Company pages' data (the dashboard, the users page, a division's pages) is kept by each portal
// process between views (web/middleware/held-reads.ts) and checked on every view against the
// company's row in company_page_versions, read in the session's own statement: equal versions
// mean the data held is what the database would give now. The version moves, by triggers so
// that no code path can forget it, with every insert, update or delete of a row of the tables
// those pages read (test/held-reads.test.ts checks the list against their SQL), and for a
// person, the version of each company they are a user of.
//
// - Versions come from one sequence, so a value is never given twice, even after a company's
//   row is deleted: a process cannot mistake new data for what it holds. Only equality means
//   anything: of two commits, the one that took its value first may commit last, and the version
//   then goes down — which is why a bump sets the value it took (never greatest(...), which would
//   leave the version of data that no longer is).
// - The triggers are deferred to the commit, so the version's row lock is the last lock a
//   transaction takes and is held only while it commits: two transactions changing one
//   company's rows in different orders cannot deadlock on it.
// - The version is read in the same statement (one snapshot) as the data it stands for: data
//   read before a commit carries the version before it.
// - No foreign key to companies: a company's deletion fires its trigger after the row is gone.
export const COMPANY_PAGE_TABLES = [
  "companies",
  "company_users",
  "people",
  "notifications",
  "divisions",
  "profile_answers",
  "evidence_files",
  "submissions",
  "review_cases",
  "action_plans",
  "information_requests",
] as const;

const BY_COMPANY_ID = COMPANY_PAGE_TABLES.filter((t) => t !== "companies" && t !== "people");

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence company_page_version_seq`.execute(db);
  await sql`create table company_page_versions (
    company_id bigint primary key,
    version bigint not null
  )`.execute(db);

  await sql`create function bump_company_page(company bigint) returns void language sql as $$
    insert into company_page_versions (company_id, version) values (company, nextval('company_page_version_seq'))
    on conflict (company_id) do update set version = excluded.version $$`.execute(db);

  // A row of a table with a company_id: its company (both, when an update moves the row).
  await sql`create function company_rows_changed() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' then
        perform bump_company_page(old.company_id);
      end if;
      if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.company_id is distinct from old.company_id) then
        perform bump_company_page(new.company_id);
      end if;
      return null;
    end $$`.execute(db);
  // The company's own row.
  await sql`create function company_row_changed() returns trigger language plpgsql as $$
    begin
      perform bump_company_page(case when tg_op = 'DELETE' then old.id else new.id end);
      return null;
    end $$`.execute(db);
  // A person's row (names, URN expiry): every company they are a user of, in the order of their
  // ids (two such commits take the rows' locks in the same order).
  await sql`create function person_row_changed() returns trigger language plpgsql as $$
    begin
      insert into company_page_versions (company_id, version)
        select cu.company_id, nextval('company_page_version_seq') from company_users cu
        where cu.person_id = new.id order by cu.company_id
      on conflict (company_id) do update set version = excluded.version;
      return null;
    end $$`.execute(db);

  for (const table of BY_COMPANY_ID) {
    await sql`create constraint trigger ${sql.raw(`${table}_company_page`)} after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred for each row execute function company_rows_changed()`.execute(db);
  }
  await sql`create constraint trigger companies_company_page after insert or update or delete on companies
    deferrable initially deferred for each row execute function company_row_changed()`.execute(db);
  // A person is deleted only after their memberships (whose own triggers count), and a new
  // person is in no company yet: updates only, and only real ones.
  await sql`create constraint trigger people_company_page after update on people
    deferrable initially deferred for each row when (old.* is distinct from new.*) execute function person_row_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of COMPANY_PAGE_TABLES) {
    await sql`drop trigger if exists ${sql.raw(`${table}_company_page`)} on ${sql.table(table)}`.execute(db);
  }
  for (const fn of ["person_row_changed()", "company_row_changed()", "company_rows_changed()", "bump_company_page(bigint)"]) {
    await sql`drop function if exists ${sql.raw(fn)}`.execute(db);
  }
  await sql`drop table if exists company_page_versions`.execute(db);
  await sql`drop sequence if exists company_page_version_seq`.execute(db);
}
