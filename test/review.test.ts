// The PIP officers' review (STAFF-5, APP-11 to APP-13) through HTTP as an officer works: who
// reaches the queue, its order, filters and keyset paging, the case page (snapshot, findings,
// differences, evidence downloads), requests for information with their due-date floor across
// a holiday and their reminders (each once with two workers), site validation and decisions,
// two officers deciding at once (one decision), and the job that makes a proposed denial final.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn } from "./helpers/identity.ts";
import { authorizedCompany, memberOf, type Member } from "./helpers/companies.ts";
import { completeProfiles } from "./helpers/applications.ts";
import { signedInStaff } from "./helpers/staff.ts";
import type { TestClient } from "./helpers/client.ts";
import { readSnapshotBody } from "../src/features/applications/snapshot.ts";
import { applyTransition, recordReference } from "../src/features/membership/service.ts";
import { canonicalJson, sha256Hex, type Snapshot, type SnapshotKind } from "../src/domain/snapshot.ts";
import { currentCatalogue, criteriaFor } from "../src/domain/catalogue/index.ts";
import { finalizeProposedDenials, sendInformationReminders } from "../src/features/review/jobs.ts";
import { DAY_MS } from "../src/platform/clock.ts";
import { pageText as text } from "./helpers/page-text.ts";

let portal: TestPortal;
let owner: Member;
let ownerEmail: string;
let officer: TestClient;
let trader: TestClient;


let companies = 0;
async function company(name: string, options: { complete?: boolean; lines?: string[] } = {}): Promise<string> {
  const id = await authorizedCompany(portal, `${name} ${++companies}`, owner);
  if (options.lines) await portal.database.db.updateTable("companies").set({ lines_of_business: JSON.stringify(options.lines) }).where("id", "=", id).execute();
  if (options.complete) await completeProfiles(portal, id, owner.personId);
  return id;
}

/**
 * What the company side does when the owner submits (features/applications): a snapshot of the
 * profiles in an open case, and the transition. Written here so these tests depend only on the
 * review's own routes.
 */
async function submit(companyId: string, kind: SnapshotKind = "application"): Promise<string> {
  const clock = portal.clock;
  return portal.database.db.transaction().execute(async (trx) => {
    const body = await readSnapshotBody(trx, companyId);
    assert.ok(body);
    const now = clock.now();
    let rc = await trx.selectFrom("review_cases").select("id").where("company_id", "=", companyId).where("closed_at", "is", null).executeTakeFirst();
    if (!rc) rc = await trx.insertInto("review_cases").values({ company_id: companyId, opened_at: now, status: "submitted", waiting_kind: kind, waiting_since: now }).returning("id").executeTakeFirstOrThrow();
    else await trx.updateTable("review_cases").set({ waiting_kind: kind, waiting_since: now }).where("id", "=", rc.id).execute();
    const { id } = await trx.selectNoFrom((eb) => eb.fn<string>("nextval", [eb.val("submissions_id_seq")]).as("id")).executeTakeFirstOrThrow();
    const reference = recordReference("PIP", now, id);
    const snapshot: Snapshot = {
      format: 1,
      kind,
      reference,
      catalogueVersion: body.catalogueVersion,
      company: body.company,
      application: body.application,
      divisions: body.divisions,
      submittedBy: { personId: owner.personId, name: "Alex Owner", declaredName: "Alex Owner" },
      submittedAt: now.toISOString(),
    };
    const content = canonicalJson(snapshot);
    await trx
      .insertInto("submissions")
      .values({
        id: String(id),
        company_id: companyId,
        case_id: rc.id,
        kind,
        reference,
        catalogue_version: body.catalogueVersion,
        content,
        sha256: sha256Hex(content),
        declared_name: "Alex Owner",
        submitted_by_person_id: owner.personId,
        submitted_at: now,
      })
      .execute();
    if (kind === "application") {
      const moved = await applyTransition(trx, clock, { companyId, name: "submit", acting: { actor: "owner", personId: owner.personId } });
      assert.ok(moved.ok, JSON.stringify(moved));
    }
    if (kind === "response") {
      await trx.updateTable("information_requests").set({ responded_at: now }).where("company_id", "=", companyId).where("responded_at", "is", null).execute();
      const moved = await applyTransition(trx, clock, { companyId, name: "respond", acting: { actor: "owner", personId: owner.personId } });
      assert.ok(moved.ok, JSON.stringify(moved));
    }
    return rc.id;
  });
}

async function caseIdsOn(client: TestClient, path: string): Promise<{ ids: string[]; next: string | null; html: string }> {
  const res = await client.get(path);
  assert.equal(res.status, 200, `${path}: ${res.status} ${res.headers.get("location")} ${text(await res.clone().text()).slice(0, 300)}`);
  const html = await res.text();
  const ids = [...html.matchAll(/data-case="(\d+)"/g)].map((m) => m[1]!);
  const next = /data-testid="next-page"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*data-testid="next-page"/.exec(html);
  return { ids, next: next ? (next[1] ?? next[2]!).replace(/&amp;/g, "&") : null, html };
}

async function status(companyId: string): Promise<string> {
  return (await portal.database.db.selectFrom("companies").select("membership_status").where("id", "=", companyId).executeTakeFirstOrThrow()).membership_status;
}

async function counts(companyId: string): Promise<{ decisions: number; audit: number; sv: number; rfi: number }> {
  const db = portal.database.db;
  const n = async (table: "decisions" | "audit_events" | "site_validations" | "information_requests") =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).where("company_id", "=", companyId).executeTakeFirstOrThrow()).n);
  return { decisions: await n("decisions"), audit: await n("audit_events"), sv: await n("site_validations"), rfi: await n("information_requests") };
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

before(async () => {
  portal = await createTestPortal();
  portal.clock.set(new Date("2026-03-02T15:00:00Z"));
  const p = person("rv1");
  ownerEmail = p.email;
  trader = await signUpAndSignIn(portal, p);
  owner = await memberOf(portal, trader);
  officer = await signedInStaff(portal, ["pip-officer"]);
});
after(async () => {
  await portal.close();
});

describe("who reaches the queue (STAFF-5)", () => {
  it("sends traders to the staff sign-in, refuses other staff roles, opens for PIP officers", async () => {
    const asTrader = await trader.get("/en/staff/pip");
    assert.equal(asTrader.status, 303);
    assert.match(asTrader.headers.get("location") ?? "", /^\/en\/staff\/sign-in/);
    const mailRoom = await signedInStaff(portal, ["mail-room"]);
    assert.equal((await mailRoom.get("/en/staff/pip")).status, 403);
    assert.equal((await mailRoom.get("/en/staff/pip/cases/1")).status, 403);
    assert.equal((await mailRoom.postForm("/en/staff/pip/cases/1/assign", {})).status, 403);
    const page = await officer.get("/fr/staff/pip");
    assert.equal(page.status, 200);
    assert.match(text(await page.text()), /File d’examen du PEP/);
    assert.match(await (await officer.get("/en/staff")).text(), /href="\/en\/staff\/pip"/, "the staff home lists the tool");
  });
});

describe("the queue (APP-11)", () => {
  it("lists open cases oldest waiting first, filters by status, line, assignment and overdue, and pages by keyset", async () => {
    portal.clock.freeze();
    const t0 = new Date("2026-03-03T14:00:00Z");
    const made: { caseId: string; companyId: string; at: number }[] = [];
    // Submitted newest first, so that id order is the reverse of waiting order; two share a moment.
    for (let i = 26; i >= 0; i--) {
      const companyId = await company("Queue Co", i === 3 ? { lines: ["highway-carrier"] } : {});
      const at = t0.getTime() + (i === 6 ? 5 : i) * 60_000;
      portal.clock.set(new Date(at));
      made.push({ caseId: await submit(companyId), companyId, at });
    }
    officer = await signedInStaff(portal, ["pip-officer"]); // a fresh sign-in at the moved clock
    const expected = [...made].sort((a, b) => a.at - b.at || Number(a.caseId) - Number(b.caseId)).map((m) => m.caseId);

    const first = await caseIdsOn(officer, "/en/staff/pip");
    assert.equal(first.ids.length, 25);
    assert.deepEqual(first.ids, expected.slice(0, 25), "oldest waiting first, ties by id");
    assert.ok(first.next, "a next page");
    const second = await caseIdsOn(officer, first.next);
    assert.deepEqual(second.ids, expected.slice(25), "page 2 starts right after page 1's last: no duplicate, no gap");
    assert.equal(second.next, null);

    // Status: assigning a submitted case starts its review.
    const target = made.find((m) => m.at === t0.getTime() + 10 * 60_000)!;
    const assigned = await officer.postForm(`/en/staff/pip/cases/${target.caseId}/assign`, { back: "/en/staff/pip?status=submitted" });
    assert.equal(assigned.status, 303);
    assert.match(assigned.headers.get("location")!, /^\/en\/staff\/pip\?status=submitted&assigned=/);
    assert.match(text(await (await officer.get(assigned.headers.get("location")!)).text()), /The case of Queue Co \d+ is assigned to you/);
    const underReview = await caseIdsOn(officer, "/en/staff/pip?status=under-review");
    assert.deepEqual(underReview.ids, [target.caseId]);
    assert.match(text(underReview.html), /Under review/);
    const stillSubmitted = await caseIdsOn(officer, "/en/staff/pip?status=submitted");
    assert.ok(!stillSubmitted.ids.includes(target.caseId));
    assert.equal(stillSubmitted.ids.length, 25);

    // Line of business.
    const carrier = made.find((m) => m.at === t0.getTime() + 3 * 60_000)!;
    assert.deepEqual((await caseIdsOn(officer, "/en/staff/pip?line=highway-carrier")).ids, [carrier.caseId]);

    // Assigned to me: mine, and not another officer's.
    const mine = await caseIdsOn(officer, "/en/staff/pip?mine=yes");
    assert.deepEqual(mine.ids, [target.caseId]);
    assert.match(text(mine.html), /Sam Agent/);
    const other = await signedInStaff(portal, ["pip-officer"]);
    assert.deepEqual((await caseIdsOn(other, "/en/staff/pip?mine=yes")).ids, []);

    // Overdue: a request for information past its due date.
    const today = ymd(portal.clock.now());
    const due = ymd(new Date(portal.clock.now().getTime() + 10 * DAY_MS));
    const rfi = await officer.postForm(`/en/staff/pip/cases/${target.caseId}/request-information`, { status: "under-review", rfiMessage: "Send the latest risk assessment.", rfiDueOn: due });
    assert.equal(rfi.status, 303, today);
    assert.deepEqual((await caseIdsOn(officer, "/en/staff/pip?overdue=yes")).ids, [], "not overdue on its due date's eve");
    portal.clock.set(new Date(`${due}T12:00:00Z`));
    officer = await signedInStaff(portal, ["pip-officer"]);
    assert.deepEqual((await caseIdsOn(officer, "/en/staff/pip?overdue=yes")).ids, [], "due today is not overdue");
    portal.clock.set(new Date(new Date(`${due}T12:00:00Z`).getTime() + DAY_MS));
    const later = await signedInStaff(portal, ["pip-officer"]);
    const overdue = await caseIdsOn(later, "/en/staff/pip?overdue=yes");
    assert.deepEqual(overdue.ids, [target.caseId]);
    assert.match(text(overdue.html), /Overdue/);
    officer = later;
    // The rest of the file works away from these cases: close them off the queue's first page.
    await portal.database.db.updateTable("review_cases").set({ closed_at: portal.clock.now(), outcome: "withdraw" }).where("id", "in", made.map((m) => m.caseId)).execute();
  });
});

describe("officer actions refused from a wrong state", () => {
  it("refuses an approval while under review and changes nothing", async () => {
    const companyId = await company("Wrong State", { complete: true });
    const caseId = await submit(companyId);
    const assigned = await officer.postForm(`/en/staff/pip/cases/${caseId}/assign`, { back: `/en/staff/pip/cases/${caseId}` });
    assert.equal(assigned.status, 303);
    assert.equal(assigned.headers.get("location"), `/en/staff/pip/cases/${caseId}`);
    assert.equal(await status(companyId), "under-review");
    const page = text(await (await officer.get(`/en/staff/pip/cases/${caseId}`)).text());
    assert.doesNotMatch(page, /Approve the application/, "approve is not offered under review");
    const before = await counts(companyId);
    const refused = await officer.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "under-review", transition: "approve", "reasons-approve": "" });
    assert.equal(refused.status, 409, `${refused.headers.get("location")}`);
    assert.match(text(await refused.text()), /This action is not possible at the company's current status/);
    assert.equal(await status(companyId), "under-review");
    assert.deepEqual(await counts(companyId), before, "no decision, no audit event");
    // The same with a status the page no longer shows: the case changed.
    const stale = await officer.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "submitted", transition: "propose-denial", "reasons-propose-denial": "Late" });
    assert.equal(stale.status, 409);
    assert.match(text(await stale.text()), /This case changed while you were working on it\. Nothing was recorded/);
    assert.deepEqual(await counts(companyId), before);
  });
});

describe("two officers deciding the same case at once", () => {
  it("records exactly one of a proposed denial and a site validation, and exactly one of two approvals", async () => {
    const companyId = await company("Race", { complete: true });
    const caseId = await submit(companyId);
    const a = officer;
    const b = await signedInStaff(portal, ["pip-officer"]);
    assert.equal((await a.postForm(`/en/staff/pip/cases/${caseId}/assign`, {})).status, 303);
    const today = ymd(portal.clock.now());
    const before = await counts(companyId);
    const [deny, schedule] = await Promise.all([
      a.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "under-review", transition: "propose-denial", "reasons-propose-denial": "The risk assessment is missing." }),
      b.postForm(`/en/staff/pip/cases/${caseId}/site-validation`, { status: "under-review", svDate: today, svFacility: "Main warehouse" }),
    ]);
    assert.deepEqual([deny.status, schedule.status].sort(), [303, 409]);
    const loser = deny.status === 409 ? deny : schedule;
    assert.match(text(await loser.text()), /This case changed while you were working on it\. Nothing was recorded/);
    const afterRace = await counts(companyId);
    const transitions = await portal.database.db.selectFrom("audit_events").select("action").where("company_id", "=", companyId).where("action", "in", ["membership.propose-denial", "membership.schedule-site-validation"]).execute();
    assert.equal(transitions.length, 1, "one transition");
    if (deny.status === 303) {
      assert.equal(await status(companyId), "denial-proposed");
      assert.equal(afterRace.decisions, before.decisions + 1);
      assert.equal(afterRace.sv, before.sv);
      return; // the rest needs the site validation
    }
    assert.equal(await status(companyId), "site-validation");
    assert.equal(afterRace.decisions, before.decisions, "no decision");
    assert.equal(afterRace.sv, before.sv + 1);
    await twoApprovals(companyId, caseId, a, b);
  });

  it("records exactly one approval when two officers approve at once", async () => {
    const companyId = await company("Race Approve", { complete: true });
    const caseId = await submit(companyId);
    const b = await signedInStaff(portal, ["pip-officer"]);
    assert.equal((await officer.postForm(`/en/staff/pip/cases/${caseId}/assign`, {})).status, 303);
    const sv = await officer.postForm(`/en/staff/pip/cases/${caseId}/site-validation`, { status: "under-review", svDate: ymd(portal.clock.now()), svFacility: "Main warehouse" });
    assert.equal(sv.status, 303);
    await twoApprovals(companyId, caseId, officer, b);
  });
});

async function twoApprovals(companyId: string, caseId: string, a: TestClient, b: TestClient): Promise<void> {
  const early = await a.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "site-validation", transition: "approve", "reasons-approve": "" });
  assert.equal(early.status, 409, "no approval before a satisfactory outcome");
  assert.match(text(await early.text()), /Approval needs a satisfactory site validation/);
  const recorded = await a.postForm(`/en/staff/pip/cases/${caseId}/site-validation/outcome`, { status: "site-validation", svOutcome: "satisfactory", svNote: "Fences, cameras and seals as described." });
  assert.equal(recorded.status, 303);
  const before = await counts(companyId);
  const [x, y] = await Promise.all([
    a.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "site-validation", transition: "approve", "reasons-approve": "Meets every must criterion." }),
    b.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "site-validation", transition: "approve", "reasons-approve": "Approved." }),
  ]);
  assert.deepEqual([x.status, y.status].sort(), [303, 409]);
  assert.match(text(await (x.status === 409 ? x : y).text()), /This case changed while you were working on it/);
  assert.equal(await status(companyId), "member");
  const decisions = await portal.database.db.selectFrom("decisions").select(["id", "transition"]).where("company_id", "=", companyId).where("transition", "=", "approve").execute();
  assert.equal(decisions.length, 1, "one approval");
  assert.equal((await counts(companyId)).decisions, before.decisions + 1);
  // The decision and its letter are on the case page; the letter and the submission download as PDFs.
  const page = await (await a.get(`/en/staff/pip/cases/${caseId}`)).text();
  assert.match(text(page), /The CBSA approved the application/);
  const letter = await a.get(`/en/staff/pip/cases/${caseId}/letters/${decisions[0]!.id}/pdf`);
  assert.equal(letter.status, 200);
  assert.equal(letter.headers.get("content-type"), "application/pdf");
  assert.match(letter.headers.get("content-disposition") ?? "", /^attachment/);
  assert.equal(Buffer.from(await letter.arrayBuffer()).subarray(0, 5).toString(), "%PDF-");
  const submission = /href="([^"]+\/submissions\/\d+\/pdf)"/.exec(page)?.[1];
  assert.ok(submission, "a link to the submission's PDF");
  const pdf = await a.get(submission);
  assert.equal(pdf.status, 200);
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), "%PDF-");
}

describe("requests for information (APP-12)", () => {
  let companyId: string;
  let caseId: string;
  let name: string;

  it("defaults to 30 days and never allows fewer than 5 business days, counting Christmas and Boxing Day", async () => {
    portal.clock.set(new Date("2026-12-21T15:00:00Z")); // a Monday; 25 Dec is a Friday, Boxing Day observed Monday 28
    officer = await signedInStaff(portal, ["pip-officer"]);
    companyId = await company("Holiday Freight", { complete: true });
    name = (await portal.database.db.selectFrom("companies").select("legal_name").where("id", "=", companyId).executeTakeFirstOrThrow()).legal_name;
    caseId = await submit(companyId);
    assert.equal((await officer.postForm(`/en/staff/pip/cases/${caseId}/assign`, {})).status, 303);
    const page = await (await officer.get(`/en/staff/pip/cases/${caseId}`)).text();
    assert.match(page, /name="rfiDueOn"[^>]*value="2027-01-20"|value="2027-01-20"[^>]*name="rfiDueOn"/, "30 calendar days by default");
    const before = await counts(companyId);
    for (const tooSoon of ["2026-12-28", "2026-12-29"]) {
      const res = await officer.postForm(`/en/staff/pip/cases/${caseId}/request-information`, { status: "under-review", rfiMessage: "Send the seal log.", rfiDueOn: tooSoon });
      assert.equal(res.status, 422, tooSoon);
      assert.match(await res.text(), /at least 5 business days: choose December 30, 2026 or later/);
    }
    const noMessage = await officer.postForm(`/en/staff/pip/cases/${caseId}/request-information`, { status: "under-review", rfiMessage: "", rfiDueOn: "2026-12-30" });
    assert.equal(noMessage.status, 422);
    assert.deepEqual(await counts(companyId), before, "nothing recorded");
    const ok = await officer.postForm(`/en/staff/pip/cases/${caseId}/request-information`, { status: "under-review", rfiMessage: "Send the seal log for November.", rfiDueOn: "2026-12-30" });
    assert.equal(ok.status, 303);
    const after = text(await (await officer.get(ok.headers.get("location")!)).text());
    assert.match(after, /The request for information was sent to the company/);
    assert.match(after, /Information requested/);
    assert.match(after, /Send the seal log for November\. .*December 30, 2026/);
    await portal.jobs.drain();
    const mails = await portal.database.db.selectFrom("dev_mailbox").select(["subject", "text_body"]).where("to_address", "=", ownerEmail).where("subject", "like", `${name}: the CBSA needs more information%`).execute();
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.text_body, /Send the seal log for November\.[\s\S]*by December 30, 2026/);
  });

  it("reminds the owner 7 days before and on the due date, each once, even with two workers at the same moment", async () => {
    const reminders = async () => {
      await portal.jobs.drain();
      const rows = await portal.database.db.selectFrom("dev_mailbox").select("subject").where("to_address", "=", ownerEmail).where("subject", "like", `${name}: the response%`).orderBy("outbox_id").execute();
      return rows.map((r) => r.subject);
    };
    portal.clock.set(new Date("2026-12-22T20:00:00Z"));
    await Promise.all([sendInformationReminders(portal.deps), sendInformationReminders(portal.deps)]);
    assert.deepEqual(await reminders(), [], "nothing 8 days before");
    portal.clock.set(new Date("2026-12-23T14:00:00Z"));
    await Promise.all([sendInformationReminders(portal.deps), sendInformationReminders(portal.deps)]);
    await sendInformationReminders(portal.deps);
    assert.equal((await reminders()).length, 1);
    assert.match((await reminders())[0]!, /due in 7 days/);
    portal.clock.set(new Date("2026-12-29T14:00:00Z"));
    await Promise.all([sendInformationReminders(portal.deps), sendInformationReminders(portal.deps)]);
    assert.equal((await reminders()).length, 1, "nothing more the day before");
    portal.clock.set(new Date("2026-12-30T14:00:00Z"));
    await Promise.all([sendInformationReminders(portal.deps), sendInformationReminders(portal.deps)]);
    await sendInformationReminders(portal.deps);
    const all = await reminders();
    assert.equal(all.length, 2);
    assert.match(all[1]!, /due today/);
    portal.clock.set(new Date("2027-01-05T14:00:00Z"));
    assert.equal(await sendInformationReminders(portal.deps), 0, "never again");
  });
});

describe("the case page: snapshot, findings, differences, evidence", () => {
  it("shows the snapshot with evidence downloads, saves findings and shows them again, and lists a changed answer", async () => {
    portal.clock.set(new Date("2027-02-01T15:00:00Z"));
    officer = await signedInStaff(portal, ["pip-officer"]);
    const companyId = await company("Findings Ltd", { complete: true });
    const otherId = await company("Elsewhere Ltd", { complete: true });
    const caseId = await submit(companyId);
    const otherCase = await submit(otherId);
    assert.equal((await officer.postForm(`/en/staff/pip/cases/${caseId}/assign`, {})).status, 303);
    const division = (await portal.database.db.selectFrom("divisions").select("id").where("company_id", "=", companyId).executeTakeFirstOrThrow()).id;
    const catalogue = currentCatalogue();
    const groups = criteriaFor(catalogue, ["importer"]);
    const category = groups[0]!.categories[0]!;
    const criterion = category.criteria[0]!;
    const textCriterion = groups.flatMap((g) => g.categories.flatMap((c) => c.criteria)).find((c) => c.answer.kind === "text")!;
    assert.ok(textCriterion, "a text criterion to change");

    const html = await (await officer.get(`/en/staff/pip/cases/${caseId}`)).text();
    const page = text(html);
    assert.match(page, /Review case: Findings Ltd/);
    assert.match(page, new RegExp(`${criterion.id} ${criterion.text.en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").slice(0, 40)}`));
    assert.match(page, /SHA-256 of the snapshot [0-9a-f]{64}/);
    assert.match(page, /This is the company's first submission/);
    assert.match(page, /Malware scan: clean/);
    const fileLink = /href="(\/en\/staff\/pip\/cases\/\d+\/files\/(\d+))"/.exec(html);
    assert.ok(fileLink, "an evidence link");
    const file = await officer.get(fileLink[1]!);
    assert.equal(file.status, 200);
    assert.match(file.headers.get("content-disposition") ?? "", /^attachment/);
    assert.equal(file.headers.get("x-content-type-options"), "nosniff");
    assert.equal((await officer.get(`/en/staff/pip/cases/${otherCase}/files/${fileLink[2]}`)).status, 404, "not through another company's case");
    await portal.database.db.updateTable("evidence_files").set({ scan_status: "infected" }).where("id", "=", fileLink[2]!).execute();
    assert.equal((await officer.get(fileLink[1]!)).status, 404, "never an infected file");
    await portal.database.db.updateTable("evidence_files").set({ scan_status: "clean" }).where("id", "=", fileLink[2]!).execute();

    // Findings, saved for one category, shown again.
    const anchor = `d${division}-${category.category}`;
    const o = `o-d${division}-${criterion.id}`;
    const n = `n-d${division}-${criterion.id}`;
    const saved = await officer.postForm(`/en/staff/pip/cases/${caseId}/findings`, { subject: `division:${division}`, anchor, item: criterion.id, [o]: "does-not-meet", [n]: "The statement is unsigned." });
    assert.equal(saved.status, 303);
    assert.match(saved.headers.get("location")!, new RegExp(`#${anchor}$`));
    const shown = await (await officer.get(saved.headers.get("location")!)).text();
    assert.match(text(shown), /The findings were saved/);
    assert.match(text(shown), new RegExp(`${criterion.id} .*Does not meet — The statement is unsigned\\.`));
    const bad = await officer.postForm(`/en/staff/pip/cases/${caseId}/findings`, { subject: `division:${division}`, anchor, item: criterion.id, [o]: "", [n]: "A note alone" });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /Choose a finding to go with this note/);

    // A request, a changed answer, the response: the differences list the change.
    const rfi = await officer.postForm(`/en/staff/pip/cases/${caseId}/request-information`, { status: "under-review", rfiMessage: `Update ${textCriterion.id}.`, rfiDueOn: "2027-03-15", items: `division:${division}|${textCriterion.id}` });
    assert.equal(rfi.status, 303);
    await portal.database.db
      .updateTable("profile_answers")
      .set({ answer: JSON.stringify({ value: "A new written procedure since January." }) })
      .where("company_id", "=", companyId)
      .where("subject", "=", `division:${division}`)
      .where("item_id", "=", textCriterion.id)
      .execute();
    portal.clock.advance(DAY_MS);
    await submit(companyId, "response");
    officer = await signedInStaff(portal, ["pip-officer"]);
    const diff = await (await officer.get(`/en/staff/pip/cases/${caseId}`)).text();
    const table = /<table[^>]*data-testid="differences"[\s\S]*?<\/table>/.exec(diff)?.[0];
    assert.ok(table, `a differences table: ${/Differences from the previous submission.{0,300}/.exec(text(diff))?.[0]}`);
    assert.match(text(table), new RegExp(`${textCriterion.id} .* Changed Written procedure, reviewed every year\\. A new written procedure since January\\.`));
    assert.match(text(diff), /Response to a request for information/);
    assert.match(text(diff), /Findings saved/, "the timeline");
    const fr = await officer.get(`/fr/staff/pip/cases/${caseId}`);
    assert.equal(fr.status, 200);
    const frText = text(await fr.text());
    assert.match(frText, /Dossier d’examen : Findings Ltd/);
    assert.match(await (await officer.get(`/fr/staff/pip/cases/${caseId}`)).text(), /Main division\u00a0: VR-1(<|&quot;)/, "a no-break space before the colon (an item of the request, a checkbox label)");
    assert.match(frText, /Non conforme — The statement is unsigned\./);
    assert.match(frText, /Différences avec la soumission précédente .*Modifié/);
  });
});

describe("a proposed denial made final (APP-13)", () => {
  it("is denied by the job after 30 days, not before", async () => {
    portal.clock.set(new Date("2027-04-01T15:00:00Z"));
    officer = await signedInStaff(portal, ["pip-officer"]);
    const companyId = await company("Denied Imports", { complete: true });
    const caseId = await submit(companyId);
    assert.equal((await officer.postForm(`/en/staff/pip/cases/${caseId}/assign`, {})).status, 303);
    const noReasons = await officer.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "under-review", transition: "propose-denial", "reasons-propose-denial": "" });
    assert.equal(noReasons.status, 422);
    const proposed = await officer.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "under-review", transition: "propose-denial", "reasons-propose-denial": "No business continuity plan." });
    assert.equal(proposed.status, 303);
    assert.match(text(await (await officer.get(proposed.headers.get("location")!)).text()), /The decision was recorded \(D-2027-\d{6}\)[\s\S]*can be made final from/);
    const tooEarly = await officer.postForm(`/en/staff/pip/cases/${caseId}/decide`, { status: "denial-proposed", transition: "deny", "reasons-deny": "Final." });
    assert.equal(tooEarly.status, 409);
    assert.match(text(await tooEarly.text()), /too early/);

    portal.clock.set(new Date(new Date("2027-04-01T15:00:00Z").getTime() + 30 * DAY_MS - 60_000));
    // (Other companies of this file may have proposed denials long due: count this company's decisions.)
    await Promise.all([finalizeProposedDenials(portal.deps), finalizeProposedDenials(portal.deps)]);
    assert.equal(await status(companyId), "denial-proposed", "not a minute before the 30 days");
    portal.clock.set(new Date(new Date("2027-04-01T15:00:00Z").getTime() + 30 * DAY_MS + 60_000));
    await Promise.all([finalizeProposedDenials(portal.deps), finalizeProposedDenials(portal.deps)]);
    await finalizeProposedDenials(portal.deps);
    const denied = await portal.database.db.selectFrom("decisions").select(["reasons", "decided_by_staff_id"]).where("company_id", "=", companyId).where("transition", "=", "deny").execute();
    assert.equal(denied.length, 1, "once, even with two workers");
    assert.equal(denied[0]!.decided_by_staff_id, null, "by the job");
    assert.equal(denied[0]!.reasons, "No business continuity plan.");
    const later = await signedInStaff(portal, ["pip-officer"]);
    const page = text(await (await later.get(`/en/staff/pip/cases/${caseId}`)).text());
    assert.match(page, /Membership status Denied/);
    assert.match(page, /The CBSA denied the application/);
    assert.equal((await sql<{ n: string }>`select count(*) as n from review_cases where id = ${caseId} and closed_at is not null`.execute(portal.database.db)).rows[0]!.n, "1");
  });
});
