// A member's life on the test clock (APP-5 changes, APP-10, APP-13 to APP-15): revalidation
// reminders 90 and 30 days before the 4-year anniversary (to the owner, each once, even with two
// workers), `revalidation-due` on the anniversary with its letter, the job's suspension 90 days
// later with an action plan (and its reminder 7 days before the due date), no suspension after a
// resubmission and a new 4-year period from the next approval; the 30 days for an appeal of a
// cancellation to the minute, the job that makes a cancellation final once, an appeal decided by
// another officer than the one who cancelled, a dismissed appeal that is final; a member's
// changes as a case of their own (the status stays `member`), and a withdrawal.
//
// The scenarios live in eras years apart, in time order (revalidation 2026–2030, appeals and
// changes 2031), so that each job's count is this scenario's alone.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn, type Person } from "./helpers/identity.ts";
import { authorizedCompany, memberOf, type Member } from "./helpers/companies.ts";
import { completeProfiles } from "./helpers/applications.ts";
import { latestCase, makeMember, meta, openCase, pipOfficer, reviewToMember, statusOf, today, type Officer } from "./helpers/membership.ts";
import { addCalendarDays } from "../src/domain/business-days.ts";
import { criteriaFor, currentCatalogue, questionsFor } from "../src/domain/catalogue/index.ts";
import { DAY_MS } from "../src/platform/clock.ts";
import { fourYearsAfter } from "../src/features/membership/service.ts";
import { finalizeCancellations, markRevalidationDue, sendActionPlanReminders, sendRevalidationReminders, suspendUnrevalidated } from "../src/features/membership/jobs.ts";
import { submitApplication, respondToRequest } from "../src/features/applications/service.ts";
import { appealState, submitAppeal } from "../src/features/applications/statements.ts";
import { pendingChanges, submitChanges } from "../src/features/applications/changes.ts";
import { withdraw } from "../src/features/applications/withdrawal.ts";
import { acceptChanges, suspendMembership } from "../src/features/review/member-actions.ts";

let portal: TestPortal;
const people: Record<"owner" | "colleague" | "former", Person> = { owner: person("ml1"), colleague: person("ml2"), former: person("ml3") };
const members = {} as Record<keyof typeof people, Member>;
let ownerName = "";

const db = () => portal.database.db;
/** Noon-ish in Ottawa on a calendar date: the instant the clock is set to for that day. */
const at = (date: string) => new Date(`${date}T15:00:00Z`);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const twoWorkers = async (job: (deps: TestPortal["deps"]) => Promise<number>) => sum(await Promise.all([job(portal.deps), job(portal.deps)]));

let n = 0;
/** An authorized company of the owner and an active colleague (and a deactivated former user), its profiles complete. */
async function company(label: string): Promise<{ id: string; name: string; divisionId: string }> {
  const name = `${label} ${++n} Ltd`;
  const id = await authorizedCompany(portal, name, members.owner, [
    { member: members.colleague, role: "full-access" },
    { member: members.former, role: "full-access", status: "deactivated" },
  ]);
  const done = await completeProfiles(portal, id, members.owner.personId);
  return { id, name, divisionId: done.divisionId };
}

const owner = (companyId: string) => ({ companyId, personId: members.owner.personId });

async function companyDates(companyId: string) {
  return db()
    .selectFrom("companies")
    .select([sql<string | null>`anniversary_on::text`.as("anniversary"), sql<string | null>`member_since::text`.as("since"), "cancelled_at", "cancellation_final_at", "cancelled_by_staff_id"])
    .where("id", "=", companyId)
    .executeTakeFirstOrThrow();
}

/** Mail queued for the company (its name is in every subject), by template. */
async function mailsOf(name: string, template: string) {
  return db().selectFrom("mail_outbox").select(["to_address", "subject", "created_at"]).where("template", "=", template).where("subject", "like", `%${name}%`).orderBy("id").execute();
}

async function decisionsOf(companyId: string, transition: string) {
  return db().selectFrom("decisions").select(["id", "letter", "decided_by_staff_id", "case_id", "to_status"]).where("company_id", "=", companyId).where("transition", "=", transition).execute();
}

const countOf = async (table: "submissions" | "review_cases" | "decisions" | "audit_events", companyId: string) =>
  Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).where("company_id", "=", companyId).executeTakeFirstOrThrow()).n);

before(async () => {
  portal = await createTestPortal();
  portal.clock.freeze();
  portal.clock.set(at("2026-03-02"));
  for (const k of Object.keys(people) as (keyof typeof people)[]) members[k] = await memberOf(portal, await signUpAndSignIn(portal, people[k]));
  ownerName = `${people.owner.givenName} ${people.owner.familyName}`;
});
after(async () => {
  await portal.close();
});

describe("revalidation (APP-15)", () => {
  let officer: Officer;
  let first: Awaited<ReturnType<typeof company>>;
  let second: Awaited<ReturnType<typeof company>>;
  let anniversary = "";

  before(async () => {
    portal.clock.set(at("2026-03-02"));
    officer = await pipOfficer(portal);
    first = await company("Revalidation First");
    await makeMember(portal, officer, first.id, { personId: members.owner.personId, name: ownerName });
    // The second member is approved 120 days later: never in the first one's reminder windows.
    portal.clock.set(at("2026-06-30"));
    second = await company("Revalidation Second");
    await makeMember(portal, officer, second.id, { personId: members.owner.personId, name: ownerName });
  });

  it("starts the membership on the approval's date, the anniversary 4 years later", async () => {
    const d = await companyDates(first.id);
    assert.equal(d.since, "2026-03-02");
    assert.equal(d.anniversary, "2030-03-02");
    anniversary = d.anniversary;
    assert.equal((await companyDates(second.id)).anniversary, "2030-06-30");
  });

  it("emails the owner 90 and 30 days before the anniversary, each once, even with two workers", async () => {
    const reminders = () => mailsOf(first.name, "membership.revalidation-reminder");
    portal.clock.set(at(addCalendarDays(anniversary, -91)));
    assert.equal(await sendRevalidationReminders(portal.deps), 0, "nothing 91 days before");
    assert.equal((await reminders()).length, 0);

    portal.clock.set(at(addCalendarDays(anniversary, -90)));
    assert.equal(await sendRevalidationReminders(portal.deps), 1, "90 days before");
    const sent = await reminders();
    assert.deepEqual(
      sent.map((m) => m.to_address),
      [people.owner.email],
      "to the owner only, not the colleague",
    );
    assert.equal(await sendRevalidationReminders(portal.deps), 0, "not again");
    assert.equal(await twoWorkers(sendRevalidationReminders), 0, "not again with two workers");
    assert.equal((await reminders()).length, 1);

    portal.clock.set(at(addCalendarDays(anniversary, -31)));
    assert.equal(await sendRevalidationReminders(portal.deps), 0, "nothing between the two reminders");

    portal.clock.set(at(addCalendarDays(anniversary, -30)));
    assert.equal(await twoWorkers(sendRevalidationReminders), 1, "30 days before: one email with two workers");
    assert.equal(await sendRevalidationReminders(portal.deps), 0);
    const all = await reminders();
    assert.deepEqual(
      all.map((m) => m.to_address),
      [people.owner.email, people.owner.email],
    );
    assert.notEqual(all[0]!.subject, all[1]!.subject, "the two reminders say how many days are left");
    const claims = await db().selectFrom("revalidation_reminders").select("days_before").where("company_id", "=", first.id).orderBy("days_before").execute();
    assert.deepEqual(
      claims.map((c) => c.days_before),
      [30, 90],
    );
  });

  it("makes the status revalidation-due on the anniversary, not the day before, with its letter", async () => {
    portal.clock.set(at(addCalendarDays(anniversary, -1)));
    assert.equal(await markRevalidationDue(portal.deps), 0);
    assert.equal(await statusOf(portal, first.id), "member");

    portal.clock.set(at(anniversary));
    assert.equal(await twoWorkers(markRevalidationDue), 1, "once with two workers");
    assert.equal(await markRevalidationDue(portal.deps), 0);
    assert.equal(await statusOf(portal, first.id), "revalidation-due");
    const due = await decisionsOf(first.id, "revalidation-due");
    assert.equal(due.length, 1, "one decision, with a letter");
    assert.equal(due[0]!.decided_by_staff_id, null, "by the job");
    const letter = due[0]!.letter as unknown as { revalidation: { anniversaryOn: string; resubmitBy: string } | null };
    assert.deepEqual(letter.revalidation, { anniversaryOn: anniversary, resubmitBy: addCalendarDays(anniversary, 90) });
    assert.equal(await statusOf(portal, second.id), "member", "the other member's anniversary is later");
  });

  it("suspends the membership 90 days after the anniversary without a resubmission, with an action plan due 30 days later", async () => {
    portal.clock.set(at(addCalendarDays(anniversary, 89)));
    assert.equal(await suspendUnrevalidated(portal.deps), 0, "not on day 89");
    assert.equal(await statusOf(portal, first.id), "revalidation-due");

    const day90 = addCalendarDays(anniversary, 90);
    portal.clock.set(at(day90));
    assert.equal(await twoWorkers(suspendUnrevalidated), 1, "once with two workers");
    assert.equal(await suspendUnrevalidated(portal.deps), 0);
    assert.equal(await statusOf(portal, first.id), "suspended");
    const decisions = await decisionsOf(first.id, "suspend-unrevalidated");
    assert.equal(decisions.length, 1);
    assert.equal(decisions[0]!.decided_by_staff_id, null);
    const plans = await db()
      .selectFrom("action_plans")
      .select(["case_id", "decision_id", sql<string>`due_on::text`.as("due_on"), "created_by_staff_id"])
      .where("company_id", "=", first.id)
      .execute();
    assert.equal(plans.length, 1, "one action plan");
    assert.equal(plans[0]!.due_on, addCalendarDays(day90, 30));
    assert.equal(String(plans[0]!.decision_id), String(decisions[0]!.id));
    assert.equal(plans[0]!.created_by_staff_id, null);
    assert.equal(String(plans[0]!.case_id), await openCase(portal, first.id), "the plan waits in an open case");
    const rc = await db().selectFrom("review_cases").select(["waiting_kind", "status"]).where("id", "=", plans[0]!.case_id).executeTakeFirstOrThrow();
    assert.deepEqual(rc, { waiting_kind: "action-plan-due", status: "suspended" });
  });

  it("reminds the owner of the action plan 7 days before its due date, once (APP-13)", async () => {
    const plan = await db().selectFrom("action_plans").select(sql<string>`due_on::text`.as("due_on")).where("company_id", "=", first.id).executeTakeFirstOrThrow();
    const reminders = () => mailsOf(first.name, "membership.action-plan-reminder");
    portal.clock.set(at(addCalendarDays(plan.due_on, -8)));
    assert.equal(await sendActionPlanReminders(portal.deps), 0, "nothing 8 days before");
    portal.clock.set(at(addCalendarDays(plan.due_on, -7)));
    assert.equal(await twoWorkers(sendActionPlanReminders), 1, "7 days before, once with two workers");
    assert.equal(await sendActionPlanReminders(portal.deps), 0, "not again");
    portal.clock.set(at(plan.due_on));
    assert.equal(await sendActionPlanReminders(portal.deps), 0, "not on the due date either");
    assert.deepEqual(
      (await reminders()).map((m) => m.to_address),
      [people.owner.email],
    );
  });

  it("does not suspend a company that resubmitted; the next approval starts a new 4-year period and keeps the membership's start", async () => {
    const secondAnniversary = "2030-06-30";
    portal.clock.set(at(secondAnniversary));
    assert.equal(await markRevalidationDue(portal.deps), 1);
    assert.equal(await statusOf(portal, second.id), "revalidation-due");

    portal.clock.set(at(addCalendarDays(secondAnniversary, 10)));
    const resubmitted = await submitApplication(portal.deps, owner(second.id), ownerName, meta);
    assert.ok(resubmitted.ok, JSON.stringify(resubmitted));
    assert.equal(await statusOf(portal, second.id), "under-review");
    const sub = await db().selectFrom("submissions").select("kind").where("id", "=", resubmitted.submissionId).executeTakeFirstOrThrow();
    assert.equal(sub.kind, "resubmission");
    const rc = await db().selectFrom("review_cases").select("waiting_kind").where("id", "=", await openCase(portal, second.id)).executeTakeFirstOrThrow();
    assert.equal(rc.waiting_kind, "resubmission");

    portal.clock.set(at(addCalendarDays(secondAnniversary, 90)));
    assert.equal(await suspendUnrevalidated(portal.deps), 0, "resubmitted: not suspended");
    assert.equal(await statusOf(portal, second.id), "under-review");
    assert.equal((await decisionsOf(second.id, "suspend-unrevalidated")).length, 0);

    // A new site validation and approval.
    await reviewToMember(portal, officer, second.id);
    const d = await companyDates(second.id);
    assert.equal(d.anniversary, fourYearsAfter(today(portal)));
    assert.equal(d.anniversary, "2034-09-28");
    assert.equal(d.since, "2026-06-30", "the membership's start is kept");
    assert.equal((await db().selectFrom("site_validations").select("id").where("company_id", "=", second.id).execute()).length, 2, "a new site validation");
  });
});

describe("appeals of a cancellation (APP-14)", () => {
  const t1 = at("2031-03-03");
  let a: Officer;
  let b: Officer;
  const cos = {} as Record<"appealed" | "late" | "dismissed", Awaited<ReturnType<typeof company>>>;
  const appealCase: Record<string, string> = {};

  before(async () => {
    portal.clock.set(t1);
    a = await pipOfficer(portal);
    b = await pipOfficer(portal);
    for (const k of ["appealed", "late", "dismissed"] as const) {
      cos[k] = await company(`Appeal ${k}`);
      await makeMember(portal, a, cos[k].id, { personId: members.owner.personId, name: ownerName });
      const suspended = await suspendMembership(portal.deps, a.id, await latestCase(portal, cos[k].id), "member", { reasons: "The seal log is not kept.", dueOn: addCalendarDays(today(portal), 30) }, meta);
      assert.ok(suspended.ok, JSON.stringify(suspended));
      assert.equal(await statusOf(portal, cos[k].id), "suspended");
      const caseId = await openCase(portal, cos[k].id);
      assert.equal(caseId, suspended.caseId);
      const cancelled = await a.client.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "suspended", transition: "cancel", "reasons-cancel": "No action plan was submitted." });
      assert.equal(cancelled.status, 303);
      assert.equal(await statusOf(portal, cos[k].id), "cancelled");
      const d = await companyDates(cos[k].id);
      assert.equal(new Date(d.cancelled_at!).getTime(), t1.getTime());
      assert.equal(String(d.cancelled_by_staff_id), a.id);
    }
  });

  it("makes the cancellation final when an appeal is dismissed: no second appeal", async () => {
    const co = cos.dismissed;
    portal.clock.set(new Date(t1.getTime() + DAY_MS));
    const appealed = await submitAppeal(portal.deps, owner(co.id), "We now keep the seal log every day.", ownerName, meta);
    assert.ok(appealed.ok, JSON.stringify(appealed));
    assert.equal(await statusOf(portal, co.id), "appeal-submitted");
    const caseId = await openCase(portal, co.id);
    const rc = await db().selectFrom("review_cases").select(["waiting_kind"]).where("id", "=", caseId).executeTakeFirstOrThrow();
    assert.equal(rc.waiting_kind, "appeal");
    const client = await b.signIn();
    const dismissed = await client.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "appeal-submitted", transition: "dismiss-appeal", "reasons-dismiss-appeal": "The log shows gaps." });
    assert.equal(dismissed.status, 303);
    assert.equal(await statusOf(portal, co.id), "cancelled");
    assert.ok((await companyDates(co.id)).cancellation_final_at, "final");
    const state = await appealState(portal.deps, co.id);
    assert.equal(state?.allowed, false, "within the 30 days, but final");
    const before = await countOf("submissions", co.id);
    const again = await submitAppeal(portal.deps, owner(co.id), "A second appeal.", ownerName, meta);
    assert.deepEqual(again, { ok: false, reason: "closed" });
    assert.equal(await countOf("submissions", co.id), before);
    assert.equal(await statusOf(portal, co.id), "cancelled");
  });

  it("allows an appeal at 30 days minus a minute", async () => {
    const co = cos.appealed;
    portal.clock.set(new Date(t1.getTime() + 30 * DAY_MS - 60_000));
    const state = await appealState(portal.deps, co.id);
    assert.equal(state?.allowed, true);
    assert.equal(state?.endsAt?.getTime(), t1.getTime() + 30 * DAY_MS);
    assert.equal(await finalizeCancellations(portal.deps), 0, "the job waits for the 30 days");
    const appealed = await submitAppeal(portal.deps, owner(co.id), "The seal log is now kept; see the attached procedure.", ownerName, meta);
    assert.ok(appealed.ok, JSON.stringify(appealed));
    assert.equal(await statusOf(portal, co.id), "appeal-submitted");
    const sub = await db().selectFrom("submissions").select(["kind", "case_id"]).where("id", "=", appealed.submissionId).executeTakeFirstOrThrow();
    assert.equal(sub.kind, "appeal");
    appealCase[co.id] = String(sub.case_id);
    assert.equal(appealCase[co.id], await openCase(portal, co.id));
  });

  it("refuses an appeal at exactly 30 days and writes nothing; the job makes the cancellation final once, with two workers", async () => {
    const co = cos.late;
    portal.clock.set(new Date(t1.getTime() + 30 * DAY_MS));
    assert.equal((await appealState(portal.deps, co.id))?.allowed, false);
    const before = { submissions: await countOf("submissions", co.id), cases: await countOf("review_cases", co.id), audit: await countOf("audit_events", co.id) };
    const refused = await submitAppeal(portal.deps, owner(co.id), "Too late.", ownerName, meta);
    assert.deepEqual(refused, { ok: false, reason: "closed" });
    assert.deepEqual({ submissions: await countOf("submissions", co.id), cases: await countOf("review_cases", co.id), audit: await countOf("audit_events", co.id) }, before, "no submission, no case, no audit");
    assert.equal(await statusOf(portal, co.id), "cancelled");

    assert.equal(await twoWorkers(finalizeCancellations), 1, "one final cancellation with two workers at once");
    assert.equal(await finalizeCancellations(portal.deps), 0);
    const d = await companyDates(co.id);
    assert.equal(new Date(d.cancellation_final_at!).getTime(), portal.clock.now().getTime());
    assert.equal(await statusOf(portal, co.id), "cancelled");
    const audited = await db().selectFrom("audit_events").select("id").where("company_id", "=", co.id).where("action", "=", "membership.cancellation-final").execute();
    assert.equal(audited.length, 1);
    const told = await db().selectFrom("mail_outbox").select("to_address").where("template", "=", "membership.changed").where("created_at", "=", portal.clock.now()).where("subject", "like", `%${co.name}%`).execute();
    assert.deepEqual(told.map((m) => m.to_address).sort(), [people.owner.email, people.colleague.email].sort(), "every active user told once");
    assert.equal((await appealState(portal.deps, co.id))?.allowed, false);
    assert.deepEqual(await submitAppeal(portal.deps, owner(co.id), "Still too late.", ownerName, meta), { ok: false, reason: "closed" });
    assert.equal(await countOf("submissions", co.id), before.submissions);
  });

  it("is decided by another officer than the one who cancelled, with a letter", async () => {
    const co = cos.appealed;
    const caseId = appealCase[co.id]!;
    portal.clock.set(new Date(t1.getTime() + 30 * DAY_MS + 15 * 60_000));
    const asA = await a.signIn();
    const before = { decisions: await countOf("decisions", co.id), audit: await countOf("audit_events", co.id) };
    for (const transition of ["grant-appeal", "dismiss-appeal"]) {
      const refused = await asA.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "appeal-submitted", transition, [`reasons-${transition}`]: "I decide my own cancellation." });
      assert.equal(refused.status, 409, transition);
      assert.match((await refused.text()).replace(/&#39;/g, "'"), /The officer who cancelled the membership cannot decide its appeal/);
      assert.equal(await statusOf(portal, co.id), "appeal-submitted");
    }
    assert.deepEqual({ decisions: await countOf("decisions", co.id), audit: await countOf("audit_events", co.id) }, before, "nothing recorded");

    const asB = await b.signIn();
    const granted = await asB.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "appeal-submitted", transition: "grant-appeal", "reasons-grant-appeal": "The seal log is kept now." });
    assert.equal(granted.status, 303);
    assert.equal(await statusOf(portal, co.id), "member");
    const decisions = await decisionsOf(co.id, "grant-appeal");
    assert.equal(decisions.length, 1);
    assert.equal(String(decisions[0]!.decided_by_staff_id), b.id);
    assert.equal(String(decisions[0]!.case_id), caseId);
    assert.ok(decisions[0]!.letter, "a decision letter");
    const letter = await asB.get(`/en/staff/pip/cases/${caseId}/letters/${decisions[0]!.id}/pdf`);
    assert.equal(letter.status, 200);
    assert.equal(Buffer.from(await letter.arrayBuffer()).subarray(0, 5).toString(), "%PDF-");
    const rc = await db().selectFrom("review_cases").select(["closed_at", "outcome"]).where("id", "=", caseId).executeTakeFirstOrThrow();
    assert.ok(rc.closed_at);
    assert.equal(rc.outcome, "grant-appeal");
    const d = await companyDates(co.id);
    assert.equal(d.cancelled_at, null);
    assert.equal(d.cancellation_final_at, null);
  });
});

describe("a member's changes (APP-5)", () => {
  let officer: Officer;
  let co: Awaited<ReturnType<typeof company>>;
  /** Written answers to change: the division's text criteria, then the application's text questions. */
  let textItems: { subject: string; itemId: string }[] = [];

  before(async () => {
    portal.clock.set(at("2031-06-02"));
    officer = await pipOfficer(portal);
    co = await company("Changes");
    await makeMember(portal, officer, co.id, { personId: members.owner.personId, name: ownerName });
    const catalogue = currentCatalogue();
    textItems = [
      ...criteriaFor(catalogue, ["importer"])
        .flatMap((g) => g.categories.flatMap((c) => c.criteria))
        .filter((c) => c.answer.kind === "text")
        .map((c) => ({ subject: `division:${co.divisionId}`, itemId: c.id })),
      ...questionsFor(catalogue, ["importer"])
        .flatMap((g) => g.questions)
        .filter((q) => q.answer.kind === "text")
        .map((q) => ({ subject: "application", itemId: q.id })),
    ];
    assert.ok(textItems.length >= 3, "written answers to change");
  });

  /** The member edits one written answer. */
  const edit = async (item: { subject: string; itemId: string }, value: string) => {
    const r = await db()
      .updateTable("profile_answers")
      .set({ answer: JSON.stringify({ value }), updated_at: portal.clock.now() })
      .where("company_id", "=", co.id)
      .where("subject", "=", item.subject)
      .where("item_id", "=", item.itemId)
      .executeTakeFirst();
    assert.equal(r.numUpdatedRows, 1n, `${item.subject}/${item.itemId} answered`);
  };

  it("lists an edit as a difference, submits it as a changes case (status member), refuses a second one while it is open and a non-owner, and the officer accepts it", async () => {
    assert.equal((await pendingChanges(db(), co.id))?.block, "no-changes");
    await edit(textItems[0]!, "A new procedure since June.");
    const pending = await pendingChanges(db(), co.id);
    assert.ok(pending);
    assert.equal(pending.block, null);
    assert.equal(pending.status, "member");
    assert.deepEqual(
      pending.differences.map((d) => [d.subject, d.itemId, d.change, d.after]),
      [[textItems[0]!.subject, textItems[0]!.itemId, "changed", { answer: { value: "A new procedure since June." }, files: [] }]],
    );

    const before = await countOf("submissions", co.id);
    assert.deepEqual(await submitChanges(portal.deps, { companyId: co.id, personId: members.colleague.personId }, `${people.colleague.givenName} ${people.colleague.familyName}`, meta), { ok: false, reason: "forbidden" });
    assert.deepEqual(await submitChanges(portal.deps, { companyId: co.id, personId: members.former.personId }, `${people.former.givenName} ${people.former.familyName}`, meta), { ok: false, reason: "forbidden" });
    assert.equal(await countOf("submissions", co.id), before);

    const submitted = await submitChanges(portal.deps, owner(co.id), ownerName, meta);
    assert.ok(submitted.ok, JSON.stringify(submitted));
    assert.equal(await statusOf(portal, co.id), "member");
    const caseId = await openCase(portal, co.id);
    const rc = await db().selectFrom("review_cases").select(["waiting_kind", "status"]).where("id", "=", caseId).executeTakeFirstOrThrow();
    assert.deepEqual(rc, { waiting_kind: "changes", status: "member" });
    const sub = await db().selectFrom("submissions").select(["kind", "case_id"]).where("id", "=", submitted.submissionId).executeTakeFirstOrThrow();
    assert.deepEqual({ kind: sub.kind, case: String(sub.case_id) }, { kind: "changes", case: caseId });

    await edit(textItems[1]!, "Another change while the first is looked at.");
    assert.equal((await pendingChanges(db(), co.id))?.block, "under-review");
    assert.deepEqual(await submitChanges(portal.deps, owner(co.id), ownerName, meta), { ok: false, reason: "blocked", block: "under-review" });
    assert.equal(await countOf("submissions", co.id), before + 1);

    const accepted = await acceptChanges(portal.deps, officer.id, caseId, "member", "Noted.", meta);
    assert.ok(accepted.ok, JSON.stringify(accepted));
    const closed = await db().selectFrom("review_cases").select(["closed_at", "outcome"]).where("id", "=", caseId).executeTakeFirstOrThrow();
    assert.ok(closed.closed_at);
    assert.equal(closed.outcome, "accept-changes");
    assert.equal(await statusOf(portal, co.id), "member");
    const next = await pendingChanges(db(), co.id);
    assert.equal(next?.block, null, "the second edit can be submitted now");
    assert.deepEqual(
      next?.differences.map((d) => d.itemId),
      [textItems[1]!.itemId],
      "counted from the changes snapshot",
    );
  });

  it("answers a request for information about changes without a transition: the status stays member and the owner responds", async () => {
    portal.clock.advance(DAY_MS);
    const submitted = await submitChanges(portal.deps, owner(co.id), ownerName, meta);
    assert.ok(submitted.ok, JSON.stringify(submitted));
    const caseId = await openCase(portal, co.id);
    const client = await officer.signIn();
    const asked = await client.postForm(`/en/staff/pip/cases/${caseId}/request-information`, { status: "member", rfiMessage: "Send the new procedure.", rfiDueOn: addCalendarDays(today(portal), 30) });
    assert.equal(asked.status, 303);
    assert.equal(await statusOf(portal, co.id), "member");
    const request = await db().selectFrom("information_requests").select("id").where("case_id", "=", caseId).executeTakeFirstOrThrow();
    const early = await acceptChanges(portal.deps, officer.id, caseId, "member", "", meta);
    assert.deepEqual(early, { ok: false, reason: "refused", detail: "open-request" });

    await edit(textItems[2]!, "The procedure, as asked.");
    const responded = await respondToRequest(portal.deps, owner(co.id), request.id, ownerName, meta);
    assert.ok(responded.ok, JSON.stringify(responded));
    assert.equal(await statusOf(portal, co.id), "member");
    const sub = await db().selectFrom("submissions").select(["kind", "case_id"]).where("id", "=", responded.submissionId).executeTakeFirstOrThrow();
    assert.deepEqual({ kind: sub.kind, case: String(sub.case_id) }, { kind: "response", case: caseId });
    const rc = await db().selectFrom("review_cases").select(["waiting_kind", "closed_at"]).where("id", "=", caseId).executeTakeFirstOrThrow();
    assert.deepEqual(rc, { waiting_kind: "response", closed_at: null });
    assert.deepEqual(await respondToRequest(portal.deps, owner(co.id), request.id, ownerName, meta), { ok: false, reason: "closed" });

    const accepted = await acceptChanges(portal.deps, officer.id, caseId, "member", "", meta);
    assert.ok(accepted.ok, JSON.stringify(accepted));
    assert.equal(await statusOf(portal, co.id), "member");
    assert.equal((await db().selectFrom("decisions").select("id").where("company_id", "=", co.id).where("transition", "!=", "approve").execute()).length, 0, "no decision: changes are not transitions");
  });
});

describe("Submit changes over HTTP (APP-5)", () => {
  it("is the owner's alone, and is refused while the CBSA looks at earlier changes, with nothing written", async () => {
    portal.clock.set(at("2031-08-03"));
    // People who signed in recently (the shared ones' URNs lapsed years ago on this clock).
    const ownerPerson = person("mlhttp1");
    const colleaguePerson = person("mlhttp2");
    const ownerClient = await signUpAndSignIn(portal, ownerPerson);
    const colleague = await signUpAndSignIn(portal, colleaguePerson);
    const ownerMember = await memberOf(portal, ownerClient);
    const colleagueMember = await memberOf(portal, colleague);
    const httpOwnerName = `${ownerPerson.givenName} ${ownerPerson.familyName}`;
    const officer = await pipOfficer(portal);
    const co = { id: await authorizedCompany(portal, "Changes over HTTP Ltd", ownerMember, [{ member: colleagueMember, role: "full-access" }]) };
    await completeProfiles(portal, co.id, ownerMember.personId);
    await makeMember(portal, officer, co.id, { personId: ownerMember.personId, name: httpOwnerName });
    const text = questionsFor(currentCatalogue(), ["importer"]).flatMap((g) => g.questions).find((q) => q.answer.kind === "text");
    assert.ok(text, "a written application question");
    const answer = { subject: "application", item_id: text.id };
    const edit = (value: unknown) =>
      db().updateTable("profile_answers").set({ answer: JSON.stringify({ value }), updated_at: portal.clock.now() }).where("company_id", "=", co.id).where("subject", "=", answer.subject).where("item_id", "=", answer.item_id).execute();
    await edit("Changed over HTTP.");
    const path = `/en/companies/${co.id}/changes/submit`;

    assert.equal((await colleague.get(path)).status, 403);
    assert.equal((await colleague.postForm(path, { declaredName: `${colleaguePerson.givenName} ${colleaguePerson.familyName}` })).status, 403);
    assert.equal(await countOf("submissions", co.id), 1);

    const page = await ownerClient.get(path);
    assert.equal(page.status, 200);
    assert.match(await page.text(), new RegExp(answer.item_id));
    assert.equal((await ownerClient.postForm(path, { declaredName: "Someone Else" })).status, 422, "a name not the owner's");
    const sent = await ownerClient.postForm(path, { declaredName: httpOwnerName });
    assert.equal(sent.status, 303);
    assert.match(sent.headers.get("location") ?? "", /\/submissions\/\d+\/submitted$/);
    assert.equal(await countOf("submissions", co.id), 2);

    await edit("Changed again while the CBSA looks.");
    const refused = await ownerClient.postForm(path, { declaredName: httpOwnerName });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /The CBSA is reviewing something your company submitted/);
    assert.equal(await countOf("submissions", co.id), 2, "nothing written while a review is open");
  });
});

describe("withdrawal (APP-10)", () => {
  it("closes the open case with the owner's reason and tells every active user", async () => {
    portal.clock.set(at("2031-09-01"));
    const officer = await pipOfficer(portal);
    const co = await company("Withdrawn");
    const submitted = await submitApplication(portal.deps, owner(co.id), ownerName, meta);
    assert.ok(submitted.ok, JSON.stringify(submitted));
    const caseId = await openCase(portal, co.id);
    assert.equal((await officer.client.postForm(`/en/staff/pip/cases/${caseId}/assign`, {})).status, 303);
    assert.equal(await statusOf(portal, co.id), "under-review");

    assert.deepEqual(await withdraw(portal.deps, { companyId: co.id, personId: members.colleague.personId }, "Not mine to decide.", meta), { ok: false, reason: "forbidden" });
    assert.equal(await statusOf(portal, co.id), "under-review");

    portal.clock.advance(60_000);
    const reason = "We are leaving cross-border trade.";
    assert.deepEqual(await withdraw(portal.deps, owner(co.id), reason, meta), { ok: true });
    assert.equal(await statusOf(portal, co.id), "withdrawn");
    const rc = await db().selectFrom("review_cases").select(["closed_at", "outcome", "closed_reason", "status"]).where("id", "=", caseId).executeTakeFirstOrThrow();
    assert.equal(new Date(rc.closed_at!).getTime(), portal.clock.now().getTime());
    assert.deepEqual({ outcome: rc.outcome, closed_reason: rc.closed_reason, status: rc.status }, { outcome: "withdraw", closed_reason: reason, status: "withdrawn" });
    const told = await db().selectFrom("mail_outbox").select("to_address").where("template", "=", "membership.changed").where("created_at", "=", portal.clock.now()).where("subject", "like", `%${co.name}%`).execute();
    assert.deepEqual(told.map((m) => m.to_address).sort(), [people.owner.email, people.colleague.email].sort(), "every active user, not the deactivated one");
    assert.deepEqual(await withdraw(portal.deps, owner(co.id), reason, meta), { ok: false, reason: "refused" }, "not twice");
  });
});
