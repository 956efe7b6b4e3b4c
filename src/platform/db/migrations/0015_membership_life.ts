import { sql, type Kysely } from "kysely";

// A member's life after approval (APP-5 changes, APP-13 suspension, APP-14 appeals, APP-15
// revalidation, withdrawal).
// - companies.cancellation_final_at: set when a cancellation can no longer be appealed (the job
//   after 30 days, or the dismissal of an appeal); the machine refuses an appeal after it.
// - review_cases.closed_reason: why a case closed when the company ended it (a withdrawal).
// - submissions may be an action plan (the company's response to a suspension).
// - action_plans: what a suspension asks of the company, its due date, the reminder's claim and
//   the response; like information_requests for a suspension.
// - revalidation_reminders: one row per reminder sent (90 and 30 days before an anniversary);
//   its primary key is the claim that makes two workers send one email.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table companies add column cancellation_final_at timestamptz`.execute(db);
  await sql`alter table review_cases add column closed_reason text`.execute(db);
  await sql`alter table submissions drop constraint submissions_kind_check`.execute(db);
  await sql`alter table submissions add constraint submissions_kind_check
    check (kind in ('application', 'response', 'changes', 'appeal', 'resubmission', 'action-plan'))`.execute(db);

  await sql`create table action_plans (
    id bigserial primary key,
    case_id bigint not null references review_cases (id),
    company_id bigint not null references companies (id),
    decision_id bigint references decisions (id),
    reasons text not null,
    due_on date not null,
    created_at timestamptz not null,
    created_by_staff_id bigint references staff_users (id),
    reminded_at timestamptz,
    responded_at timestamptz,
    response_submission_id bigint references submissions (id)
  )`.execute(db);
  await sql`create index action_plans_company_idx on action_plans (company_id, id)`.execute(db);
  await sql`create index action_plans_open_idx on action_plans (due_on) where responded_at is null`.execute(db);

  await sql`create table revalidation_reminders (
    company_id bigint not null references companies (id),
    anniversary_on date not null,
    days_before integer not null,
    sent_at timestamptz not null,
    primary key (company_id, anniversary_on, days_before)
  )`.execute(db);
  // The revalidation jobs read members by anniversary.
  await sql`create index companies_anniversary_idx on companies (anniversary_on) where anniversary_on is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists companies_anniversary_idx`.execute(db);
  await sql`drop table if exists revalidation_reminders`.execute(db);
  await sql`drop table if exists action_plans`.execute(db);
  await sql`alter table submissions drop constraint submissions_kind_check`.execute(db);
  await sql`alter table submissions add constraint submissions_kind_check
    check (kind in ('application', 'response', 'changes', 'appeal', 'resubmission'))`.execute(db);
  await sql`alter table review_cases drop column closed_reason`.execute(db);
  await sql`alter table companies drop column cancellation_final_at`.execute(db);
}
