import { sql, type Kysely } from "kysely";

// Submitting the application and the CBSA's review (APP-5, APP-10 to APP-13, STAFF-5).
// - companies gain the dates the membership state machine reads (domain/membership.ts).
// - submissions: the immutable snapshots (application, response to a request, changes,
//   appeal, resubmission). The canonical JSON is kept as text, exactly the bytes its SHA-256
//   was taken over. A trigger refuses every UPDATE and DELETE: not even raw SQL changes one.
// - review_cases: one per review, from the submission to the decision; the officer's queue
//   reads the open ones, oldest waiting first (keyset on waiting_since, id).
// - findings: the officer's finding per criterion of a case, saved as the officer goes.
// - information_requests, site_validations: APP-12 and APP-13, with the reminders' claims.
// - decisions: every decision with its reasons and the letter's words, immutable too.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update companies set membership_status = 'member' where membership_status = 'existing-member'`.execute(db);
  await sql`alter table companies
    add column membership_changed_at timestamptz,
    add column member_since date,
    add column anniversary_on date,
    add column denial_proposed_at timestamptz,
    add column cancelled_at timestamptz,
    add column cancelled_by_staff_id bigint references staff_users (id)`.execute(db);

  await sql`create table review_cases (
    id bigserial primary key,
    company_id bigint not null references companies (id),
    opened_at timestamptz not null,
    closed_at timestamptz,
    status text not null,
    waiting_kind text not null,
    waiting_since timestamptz not null,
    assigned_staff_id bigint references staff_users (id),
    assigned_at timestamptz,
    outcome text
  )`.execute(db);
  await sql`create unique index review_cases_one_open_idx on review_cases (company_id) where closed_at is null`.execute(db);
  await sql`create index review_cases_queue_idx on review_cases (waiting_since, id) where closed_at is null`.execute(db);
  await sql`create index review_cases_assigned_idx on review_cases (assigned_staff_id, waiting_since, id) where closed_at is null`.execute(db);

  await sql`create table submissions (
    id bigserial primary key,
    company_id bigint not null references companies (id),
    case_id bigint not null references review_cases (id),
    kind text not null check (kind in ('application', 'response', 'changes', 'appeal', 'resubmission')),
    reference text not null unique,
    catalogue_version text not null,
    content text not null,
    sha256 text not null,
    declared_name text not null,
    submitted_by_person_id bigint not null references people (id),
    submitted_at timestamptz not null
  )`.execute(db);
  await sql`create index submissions_company_idx on submissions (company_id, id)`.execute(db);
  await sql`create index submissions_case_idx on submissions (case_id, id)`.execute(db);

  await sql`create table findings (
    case_id bigint not null references review_cases (id),
    subject text not null,
    item_id text not null,
    outcome text not null check (outcome in ('meets', 'does-not-meet', 'not-applicable')),
    note text not null default '',
    updated_at timestamptz not null,
    updated_by_staff_id bigint not null references staff_users (id),
    primary key (case_id, subject, item_id)
  )`.execute(db);

  await sql`create table information_requests (
    id bigserial primary key,
    case_id bigint not null references review_cases (id),
    company_id bigint not null references companies (id),
    message text not null,
    items jsonb not null default '[]',
    due_on date not null,
    created_at timestamptz not null,
    created_by_staff_id bigint not null references staff_users (id),
    responded_at timestamptz,
    response_submission_id bigint references submissions (id),
    reminded_before_at timestamptz,
    reminded_due_at timestamptz
  )`.execute(db);
  await sql`create index information_requests_case_idx on information_requests (case_id, id)`.execute(db);
  await sql`create index information_requests_open_idx on information_requests (due_on) where responded_at is null`.execute(db);
  // The dashboard reads a company's open requests.
  await sql`create index information_requests_company_open_idx on information_requests (company_id, due_on) where responded_at is null`.execute(db);

  await sql`create table site_validations (
    id bigserial primary key,
    case_id bigint not null references review_cases (id),
    company_id bigint not null references companies (id),
    scheduled_on date not null,
    facility text not null,
    scheduled_at timestamptz not null,
    scheduled_by_staff_id bigint not null references staff_users (id),
    outcome text check (outcome in ('satisfactory', 'unsatisfactory')),
    outcome_note text,
    recorded_at timestamptz,
    recorded_by_staff_id bigint references staff_users (id)
  )`.execute(db);
  await sql`create index site_validations_case_idx on site_validations (case_id, id)`.execute(db);

  await sql`create table decisions (
    id bigserial primary key,
    case_id bigint references review_cases (id),
    company_id bigint not null references companies (id),
    transition text not null,
    from_status text not null,
    to_status text not null,
    reasons text not null default '',
    reference text not null unique,
    letter jsonb,
    decided_at timestamptz not null,
    decided_by_staff_id bigint references staff_users (id),
    decided_by_person_id bigint references people (id)
  )`.execute(db);
  await sql`create index decisions_company_idx on decisions (company_id, id)`.execute(db);

  // Nothing changes a snapshot or a decision once written, whatever the SQL (APP-5).
  await sql`create function refuse_change_of_record() returns trigger language plpgsql as $$
    begin
      raise exception '% rows are immutable', tg_table_name using errcode = 'P0001';
    end
  $$`.execute(db);
  for (const table of ["submissions", "decisions"]) {
    await sql`create trigger ${sql.raw(`${table}_immutable`)} before update or delete on ${sql.table(table)}
      for each row execute function refuse_change_of_record()`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function refuse_change_of_record()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["decisions", "site_validations", "information_requests", "findings", "submissions", "review_cases"]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
  await sql`drop function if exists refuse_change_of_record()`.execute(db);
  await sql`alter table companies
    drop column membership_changed_at, drop column member_since, drop column anniversary_on,
    drop column denial_proposed_at, drop column cancelled_at, drop column cancelled_by_staff_id`.execute(db);
  await sql`update companies set membership_status = 'existing-member' where membership_status = 'member' and origin = 'cbsa-created'`.execute(db);
}
