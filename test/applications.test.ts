// The trader's side of the application over HTTP (APP-1, APP-5, APP-12, APP-13, APP-16): the
// owner submits complete profiles with the declaration, once, whatever the concurrency; the
// snapshot and its evidence are immutable; the record lists submissions and letters with their
// PDFs; a request for information is answered with a response snapshot; an informal review is
// asked for within 30 days of a proposed denial, and not after.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { fieldErrors, person, signIn, signUpAndSignIn, type Person } from "./helpers/identity.ts";
import type { TestClient } from "./helpers/client.ts";
import { authorizedCompany, memberOf, type Member } from "./helpers/companies.ts";
import { completeProfiles } from "./helpers/applications.ts";
import { sha256Hex, type Snapshot } from "../src/domain/snapshot.ts";
import { applyTransition } from "../src/features/membership/service.ts";
import { createStaffUser } from "../src/features/staff/service.ts";
import { DAY_MS } from "../src/platform/clock.ts";
import type { TransitionName } from "../src/domain/membership.ts";
import { pageText as text } from "./helpers/page-text.ts";

let portal: TestPortal;
const people: Record<"owner" | "proxy" | "full" | "admin", Person> = {
  owner: person("ap1"),
  proxy: person("ap2", "fr"),
  full: person("ap3", "fr"),
  admin: person("ap4"),
};
const clients = {} as Record<keyof typeof people, TestClient>;
const members = {} as Record<keyof typeof people, Member>;
let ownerName = "";
let officerId = "";

before(async () => {
  portal = await createTestPortal();
  for (const k of Object.keys(people) as (keyof typeof people)[]) {
    clients[k] = await signUpAndSignIn(portal, people[k]);
    members[k] = await memberOf(portal, clients[k]);
  }
  ownerName = `${people.owner.givenName} ${people.owner.familyName}`;
  const officer = await createStaffUser(portal.deps, { username: "officerap", displayName: "Pat Officer", email: "officerap@cbsa-asfc.gc.ca", roles: ["pip-officer"] }, { type: "system", via: "test" });
  assert.ok(officer.ok);
  officerId = officer.id;
});
after(() => portal.close());


let n = 0;
/** A company of the four people (owner, proxy, full-access, admin-only), its profiles complete unless `skip`. */
async function company(skip: readonly string[] = []): Promise<{ id: string; base: string; files: Map<string, string> }> {
  n++;
  const id = await authorizedCompany(portal, `Demande ${n} inc.`, members.owner, [
    { member: members.proxy, role: "proxy" },
    { member: members.full, role: "full-access" },
    { member: members.admin, role: "admin-only" },
  ]);
  const done = await completeProfiles(portal, id, members.owner.personId, skip);
  return { id, base: `/en/companies/${id}`, files: done.files };
}

const db = () => portal.database.db;
const submissionsOf = (companyId: string) => db().selectFrom("submissions").selectAll().where("company_id", "=", companyId).orderBy("id").execute();
const statusOf = async (companyId: string) => (await db().selectFrom("companies").select("membership_status").where("id", "=", companyId).executeTakeFirstOrThrow()).membership_status;

async function submit(base: string, client = clients.owner, name = ownerName): Promise<Response> {
  return client.postForm(`${base}/application/submit`, { declaredName: name });
}

async function officer(companyId: string, name: TransitionName, reasons = "Reasons written for the test."): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      const r = await applyTransition(trx, portal.clock, { companyId, name, acting: { actor: "officer", staffId: officerId }, reasons });
      assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
    });
}

describe("submitting the application (APP-5)", () => {
  it("is refused while a profile is incomplete, and the page says which", async () => {
    const co = await company(["RA-1"]);
    const page = await clients.owner.get(`${co.base}/application/submit`);
    assert.equal(page.status, 200);
    const html = text(await page.text());
    assert.match(html, /Company profile Complete/);
    assert.match(html, /Application profile \(every line of business\) Complete/);
    assert.match(html, /Security profile .*? Not complete/);
    assert.match(html, /Your profiles are not complete yet/);
    assert.doesNotMatch(html, /Declaration/, "no declaration to sign");
    const res = await submit(co.base);
    assert.equal(res.status, 422);
    assert.deepEqual(await submissionsOf(co.id), []);
    assert.equal(await statusOf(co.id), "not-applied");

    const dashboard = text(await (await clients.owner.get(co.base)).text());
    assert.match(dashboard, /Complete every profile, then the account owner can submit the application/);
    assert.doesNotMatch(dashboard, /Every profile is complete/);
  });

  it("is refused while the company profile is incomplete", async () => {
    const co = await company();
    await db().updateTable("companies").set({ employee_count: null }).where("id", "=", co.id).execute();
    const html = text(await (await clients.owner.get(`${co.base}/application/submit`)).text());
    assert.match(html, /Company profile Not complete/);
    assert.equal((await submit(co.base)).status, 422);
    assert.deepEqual(await submissionsOf(co.id), []);
  });

  it("is the account owner's alone: every other role gets 403 and nothing is written", async () => {
    const co = await company();
    for (const k of ["proxy", "full", "admin"] as const) {
      const lang = people[k].lang;
      const path = `/${lang}/companies/${co.id}/application/submit`;
      assert.equal((await clients[k].get(path)).status, 403, `${k} GET`);
      const res = await clients[k].postForm(path, { declaredName: `${people[k].givenName} ${people[k].familyName}` });
      assert.equal(res.status, 403, `${k} POST`);
    }
    assert.deepEqual(await submissionsOf(co.id), []);
    assert.equal(await statusOf(co.id), "not-applied");
    // The others see on the dashboard who can submit.
    assert.match(text(await (await clients.full.get(`/fr/companies/${co.id}`)).text()), /Seul le propriétaire du compte peut soumettre la demande/);
    assert.match(text(await (await clients.admin.get(co.base)).text()), /Only the account owner can submit the application/);
  });

  it("refuses a typed name that is not the owner's with 422, in the page's language, and writes nothing", async () => {
    const co = await company();
    const auditBefore = await db().selectFrom("audit_events").select("id").where("company_id", "=", co.id).execute();
    const res = await clients.owner.postForm(`/fr/companies/${co.id}/application/submit`, { declaredName: "Someone Else" });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /gcds-error-summary/);
    assert.ok(fieldErrors(html).some((e) => e.includes("exactement tel que le portail le connaît")), fieldErrors(html).join(" | "));
    assert.match(html, /value="Someone Else"/, "what was typed is kept");
    const empty = await submit(co.base, clients.owner, "   ");
    assert.equal(empty.status, 422);
    assert.deepEqual(await submissionsOf(co.id), []);
    assert.equal(await statusOf(co.id), "not-applied");
    const auditAfter = await db().selectFrom("audit_events").select("id").where("company_id", "=", co.id).execute();
    assert.equal(auditAfter.length, auditBefore.length);
  });

  it("refuses a snapshot its PDF could not print, says which characters, and writes nothing", async () => {
    const co = await company();
    // A text answer with a letter outside the PDF fonts' Latin-1 (a Polish name in an explanation).
    const item = await db().selectFrom("profile_answers").select(["subject", "item_id", "answer"]).where("company_id", "=", co.id).where("subject", "=", "application").orderBy("item_id").executeTakeFirstOrThrow();
    await db()
      .updateTable("profile_answers")
      .set({ answer: JSON.stringify({ ...item.answer, explanation: "Reviewed by Łukasz Wiśniewski." }) })
      .where("company_id", "=", co.id)
      .where("subject", "=", item.subject)
      .where("item_id", "=", item.item_id)
      .execute();
    const res = await submit(co.base);
    assert.equal(res.status, 422);
    const errors = fieldErrors(await res.text());
    assert.ok(errors.some((e) => e.includes("Ł") && e.includes("ś") && e.includes("cannot print")), errors.join(" | "));
    assert.deepEqual(await submissionsOf(co.id), []);
    assert.equal(await statusOf(co.id), "not-applied");
    assert.deepEqual(await db().selectFrom("review_cases").select("id").where("company_id", "=", co.id).execute(), []);
  });

  it("submits once when two submissions race: one snapshot, one case, status submitted", async () => {
    const co = await company();
    const dashboard = text(await (await clients.owner.get(co.base)).text());
    assert.match(dashboard, /Every profile is complete/);
    assert.match(await (await clients.owner.get(co.base)).text(), new RegExp(`href="${co.base}/application/submit"`));
    // The name as typed may differ in case and spacing.
    const typed = `  ${ownerName.toUpperCase().replace(" ", "   ")} `;
    const [a, b] = await Promise.all([submit(co.base, clients.owner, typed), submit(co.base, clients.owner, typed)]);
    const statuses = [a.status, b.status].sort();
    assert.deepEqual(statuses, [303, 409], `statuses ${statuses.join(",")}`);
    const subs = await submissionsOf(co.id);
    assert.equal(subs.length, 1);
    assert.equal(subs[0]!.kind, "application");
    assert.match(subs[0]!.reference, /^PIP-\d{4}-\d{6}$/);
    const cases = await db().selectFrom("review_cases").selectAll().where("company_id", "=", co.id).execute();
    assert.equal(cases.length, 1);
    assert.equal(cases[0]!.status, "submitted");
    assert.equal(cases[0]!.waiting_kind, "application");
    assert.equal(await statusOf(co.id), "submitted");
    const refused = a.status === 409 ? a : b;
    assert.match(text(await refused.text()), /Your application is with the CBSA/);

    // The confirmation page: the reference and what happens next.
    const ok = a.status === 303 ? a : b;
    assert.equal(ok.headers.get("location"), `${co.base}/submissions/${subs[0]!.id}/submitted`);
    const confirmation = text(await (await clients.owner.get(ok.headers.get("location")!)).text());
    assert.match(confirmation, new RegExp(`Submission reference: ${subs[0]!.reference.replaceAll("-", "\u2011")}`), "the reference cannot wrap");
    assert.match(confirmation, /What happens next/);
    assert.match(confirmation, new RegExp(subs[0]!.sha256));

    // While the CBSA reviews, the page says so and the dashboard says changes are drafts.
    const again = await clients.owner.get(`${co.base}/application/submit`);
    assert.match(text(await again.text()), /While the CBSA reviews it, changes you save are drafts/);
    assert.equal((await submit(co.base)).status, 409);
    assert.match(text(await (await clients.owner.get(co.base)).text()), /Changes you save are drafts: they are not sent to the CBSA, except a response to a request for information/);
    assert.equal((await submissionsOf(co.id)).length, 1);

    const audit = await db().selectFrom("audit_events").select(["after"]).where("company_id", "=", co.id).where("action", "=", "application.submitted").execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]!.after, { reference: subs[0]!.reference, sha256: subs[0]!.sha256, kind: "application" });
  });

  it("keeps the snapshot as submitted after the company edits its profiles, and the database refuses to change it", async () => {
    const co = await company();
    assert.equal((await submit(co.base)).status, 303);
    const [stored] = await submissionsOf(co.id);
    assert.ok(stored);
    assert.equal(sha256Hex(stored.content), stored.sha256, "the SHA-256 is of the stored canonical JSON");
    const snapshot = JSON.parse(stored.content) as Snapshot;
    assert.equal(snapshot.kind, "application");
    assert.equal(snapshot.reference, stored.reference);
    assert.equal(snapshot.submittedBy.personId, members.owner.personId);
    assert.equal(snapshot.submittedBy.name, ownerName);
    const before = snapshot.application.answers["GEN-1"];
    assert.ok(before, "the snapshot holds the application's answers");
    assert.ok(Object.keys(snapshot.divisions[0]!.answers).length > 10);

    // The company edits an answer and its profile (drafts now).
    await db().updateTable("profile_answers").set({ answer: JSON.stringify({ value: "Changed afterwards" }) }).where("company_id", "=", co.id).where("item_id", "=", "GEN-1").execute();
    await db().updateTable("companies").set({ employee_count: 999 }).where("id", "=", co.id).execute();
    const [after] = await submissionsOf(co.id);
    assert.equal(after!.content, stored.content);
    assert.equal(after!.sha256, stored.sha256);
    assert.equal(sha256Hex(after!.content), stored.sha256);
    assert.deepEqual((JSON.parse(after!.content) as Snapshot).application.answers["GEN-1"], before);

    await assert.rejects(sql`update submissions set content = '{}' where id = ${stored.id}`.execute(db()), /immutable/);
    await assert.rejects(sql`delete from submissions where id = ${stored.id}`.execute(db()), /immutable/);
    assert.equal((await submissionsOf(co.id)).length, 1);

    // Decisions too: a proposed denial writes one.
    await officer(co.id, "start-review");
    await officer(co.id, "propose-denial");
    const decision = await db().selectFrom("decisions").select("id").where("company_id", "=", co.id).executeTakeFirstOrThrow();
    await assert.rejects(sql`update decisions set reasons = 'x' where id = ${decision.id}`.execute(db()), /immutable/);
    await assert.rejects(sql`delete from decisions where id = ${decision.id}`.execute(db()), /immutable/);
  });

  it("marks the submitted evidence files as submitted: they can no longer be removed", async () => {
    const co = await company();
    assert.equal((await submit(co.base)).status, 303);
    const ids = [...co.files.values()];
    assert.ok(ids.length > 0);
    const files = await db().selectFrom("evidence_files").select(["id", "submitted_at"]).where("company_id", "=", co.id).execute();
    assert.ok(files.every((f) => f.submitted_at !== null), "every referenced file is marked");
    const [key, fileId] = [...co.files.entries()][0]!;
    const [subject, itemId] = key.split("/") as [string, string];
    const removePath = subject === "application" ? `${co.base}/application/evidence/${fileId}/remove` : `${co.base}/security/divisions/${subject.slice("division:".length)}/evidence/${fileId}/remove`;
    const res = await clients.owner.postForm(removePath, {});
    assert.equal(res.status, 403, "the profile's remove route refuses a submitted file");
    assert.ok(await db().selectFrom("evidence_files").select("id").where("id", "=", fileId).executeTakeFirst(), "the file is kept");
    const snapshot = JSON.parse((await submissionsOf(co.id))[0]!.content) as Snapshot;
    const profile = subject === "application" ? snapshot.application : snapshot.divisions.find((d) => `division:${d.id}` === subject)!;
    assert.equal(profile.evidence[itemId]![0]!.id, fileId);
  });

  it("tells every active user by email, each in their own language", async () => {
    const co = await company();
    const since = portal.clock.now();
    assert.equal((await submit(co.base)).status, 303);
    const mails = await db().selectFrom("mail_outbox").select(["to_address", "locale", "subject", "text_body"]).where("created_at", ">=", since).where("template", "=", "membership.changed").execute();
    for (const k of Object.keys(people) as (keyof typeof people)[]) {
      const mine = mails.filter((m) => m.to_address === people[k].email && m.text_body.includes(`Demande ${n} inc.`));
      assert.equal(mine.length, 1, `${k}: one email`);
      assert.equal(mine[0]!.locale, people[k].lang);
      assert.match(mine[0]!.subject, people[k].lang === "fr" ? /statut de l’adhésion Soumise/ : /membership status Submitted/);
    }
  });
});

describe("the company's record (APP-16)", () => {
  let co: { id: string; base: string };
  let submissionId = "";
  let reference = "";
  before(async () => {
    co = await company();
    assert.equal((await submit(co.base)).status, 303);
    const [s] = await submissionsOf(co.id);
    submissionId = s!.id;
    reference = s!.reference;
    await officer(co.id, "start-review");
    await officer(co.id, "propose-denial", "The risk assessment is not written down.");
  });

  it("lists the submissions with their PDF and the decisions with their letters", async () => {
    const html = await (await clients.owner.get(`${co.base}/record`)).text();
    assert.match(html, new RegExp(reference));
    assert.match(html, new RegExp(`href="${co.base}/submissions/${submissionId}/pdf"`));
    const decision = await db().selectFrom("decisions").select(["id", "reference"]).where("company_id", "=", co.id).executeTakeFirstOrThrow();
    assert.match(html, new RegExp(decision.reference));
    assert.match(html, new RegExp(`href="${co.base}/letters/${decision.id}/pdf"`));
    assert.match(text(html), /Denial proposed/);

    const pdf = await clients.owner.get(`${co.base}/submissions/${submissionId}/pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get("content-type"), "application/pdf");
    assert.match(pdf.headers.get("content-disposition") ?? "", /^attachment/);
    assert.equal(pdf.headers.get("x-content-type-options"), "nosniff");
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1"), "%PDF-");

    const letter = await clients.full.get(`/fr/companies/${co.id}/letters/${decision.id}/pdf`);
    assert.equal(letter.status, 200);
    assert.equal(letter.headers.get("content-type"), "application/pdf");
    assert.match(letter.headers.get("content-disposition") ?? "", /^attachment/);
    assert.equal(letter.headers.get("x-content-type-options"), "nosniff");
    assert.equal(Buffer.from(await letter.arrayBuffer()).subarray(0, 5).toString("latin1"), "%PDF-");
  });

  it("shows an admin-only user the list without the submission's PDF, which it refuses with 403; the letter is theirs", async () => {
    const html = await (await clients.admin.get(`${co.base}/record`)).text();
    assert.match(html, new RegExp(reference));
    assert.doesNotMatch(html, /\/submissions\/\d+\/pdf/);
    assert.match(text(html), /Not available with your role/);
    assert.equal((await clients.admin.get(`${co.base}/submissions/${submissionId}/pdf`)).status, 403);
    const decision = await db().selectFrom("decisions").select("id").where("company_id", "=", co.id).executeTakeFirstOrThrow();
    assert.equal((await clients.admin.get(`${co.base}/letters/${decision.id}/pdf`)).status, 200);
  });

  it("answers 404 for another company's submission or letter under this company's URL", async () => {
    const other = await company();
    const decision = await db().selectFrom("decisions").select("id").where("company_id", "=", co.id).executeTakeFirstOrThrow();
    assert.equal((await clients.owner.get(`${other.base}/submissions/${submissionId}/pdf`)).status, 404);
    assert.equal((await clients.owner.get(`${other.base}/letters/${decision.id}/pdf`)).status, 404);
    assert.equal((await clients.owner.get(`${other.base}/submissions/${submissionId}/submitted`)).status, 404);
  });
});

describe("a request for information (APP-12)", () => {
  it("shows on the dashboard; the owner submits the response as a snapshot and the review resumes", async () => {
    const co = await company();
    assert.equal((await submit(co.base)).status, 303);
    await officer(co.id, "start-review");
    const theCase = await db().selectFrom("review_cases").select("id").where("company_id", "=", co.id).where("closed_at", "is", null).executeTakeFirstOrThrow();
    const division = await db().selectFrom("divisions").select("id").where("company_id", "=", co.id).executeTakeFirstOrThrow();
    const request = await db()
      .insertInto("information_requests")
      .values({
        case_id: theCase.id,
        company_id: co.id,
        message: "Attach your written risk assessment.",
        items: JSON.stringify([
          { subject: `division:${division.id}`, itemId: "RA-1" },
          { subject: "application", itemId: "GEN-1" },
        ]),
        due_on: "2099-12-31",
        created_at: portal.clock.now(),
        created_by_staff_id: officerId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await officer(co.id, "request-information");

    const dashboard = await (await clients.full.get(`/fr/companies/${co.id}`)).text();
    assert.match(dashboard, new RegExp(`href="/fr/companies/${co.id}/requests/${request.id}"`));
    assert.match(text(dashboard), /31 décembre 2099/);

    // Every role sees it; only the owner may respond.
    const seen = text(await (await clients.admin.get(`${co.base}/requests/${request.id}`)).text());
    assert.match(seen, /Attach your written risk assessment\./);
    assert.match(seen, /Only the account owner can submit the response/);
    const page = await (await clients.owner.get(`${co.base}/requests/${request.id}`)).text();
    assert.match(page, new RegExp(`href="${co.base}/security/divisions/${division.id}/risk-assessment"`));
    assert.match(page, new RegExp(`href="${co.base}/application/parts/general"`));
    assert.match(text(page), /Submit your response/);
    assert.equal((await clients.full.postForm(`/fr/companies/${co.id}/requests/${request.id}`, { declaredName: "x" })).status, 403);
    assert.equal((await clients.owner.postForm(`${co.base}/requests/${request.id}`, { declaredName: "Not Me" })).status, 422);

    const res = await clients.owner.postForm(`${co.base}/requests/${request.id}`, { declaredName: ownerName });
    assert.equal(res.status, 303);
    const subs = await submissionsOf(co.id);
    assert.deepEqual(
      subs.map((s) => s.kind),
      ["application", "response"],
    );
    const response = JSON.parse(subs[1]!.content) as Snapshot;
    assert.deepEqual(response.request, { id: request.id, message: "Attach your written risk assessment." });
    assert.equal(sha256Hex(subs[1]!.content), subs[1]!.sha256);
    assert.equal(await statusOf(co.id), "under-review");
    const answered = await db().selectFrom("information_requests").selectAll().where("id", "=", request.id).executeTakeFirstOrThrow();
    assert.ok(answered.responded_at);
    assert.equal(answered.response_submission_id, subs[1]!.id);
    const caseAfter = await db().selectFrom("review_cases").selectAll().where("id", "=", theCase.id).executeTakeFirstOrThrow();
    assert.equal(caseAfter.waiting_kind, "response");
    assert.equal(caseAfter.status, "under-review");

    assert.match(text(await (await clients.owner.get(res.headers.get("location")!)).text()), /Your response was submitted/);
    const after = text(await (await clients.owner.get(`${co.base}/requests/${request.id}`)).text());
    assert.match(after, /This request was answered/);
    assert.doesNotMatch(await (await clients.owner.get(co.base)).text(), new RegExp(`/requests/${request.id}"`), "no longer open on the dashboard");
    assert.equal((await clients.owner.postForm(`${co.base}/requests/${request.id}`, { declaredName: ownerName })).status, 409, "answered once");
    assert.equal((await submissionsOf(co.id)).length, 2);
  });
});

describe("an informal review of a proposed denial (APP-13)", () => {
  it("is asked for by the owner within 30 days: the review resumes", async () => {
    const co = await company();
    assert.equal((await submit(co.base)).status, 303);
    await officer(co.id, "start-review");
    await officer(co.id, "propose-denial");
    const dashboard = await (await clients.owner.get(co.base)).text();
    assert.match(text(dashboard), /The CBSA proposes to deny the application/);
    assert.match(dashboard, new RegExp(`href="${co.base}/informal-review"`));
    assert.match(text(await (await clients.full.get(`/fr/companies/${co.id}`)).text()), /Seul le propriétaire du compte peut demander un examen informel/);
    assert.equal((await clients.proxy.postForm(`/fr/companies/${co.id}/informal-review`, { statement: "x" })).status, 403);

    const tooLong = await clients.owner.postForm(`${co.base}/informal-review`, { statement: "x".repeat(4001) });
    assert.equal(tooLong.status, 422);
    assert.equal(await statusOf(co.id), "denial-proposed");

    const res = await clients.owner.postForm(`${co.base}/informal-review`, { statement: "Our risk assessment was written in 2025.\nIt is attached." });
    assert.equal(res.status, 303);
    assert.match(text(await (await clients.owner.get(res.headers.get("location")!)).text()), /Your request for an informal review was sent to the CBSA/);
    assert.equal(await statusOf(co.id), "under-review");
    const theCase = await db().selectFrom("review_cases").selectAll().where("company_id", "=", co.id).where("closed_at", "is", null).executeTakeFirstOrThrow();
    assert.equal(theCase.waiting_kind, "informal-review");
    const audit = await db().selectFrom("audit_events").select("after").where("company_id", "=", co.id).where("action", "=", "application.informal-review-requested").executeTakeFirstOrThrow();
    assert.deepEqual(audit.after, { statement: "Our risk assessment was written in 2025.\nIt is attached." });
  });

  it("is gone after 30 days, and the POST is refused", async () => {
    const co = await company();
    assert.equal((await submit(co.base)).status, 303);
    await officer(co.id, "start-review");
    await officer(co.id, "propose-denial");
    portal.clock.advance(30 * DAY_MS + 60_000);
    const owner = await signIn(portal, people.owner);
    const dashboard = await (await owner.get(co.base)).text();
    assert.match(text(dashboard), /The CBSA proposes to deny the application/);
    assert.doesNotMatch(dashboard, /\/informal-review"/);
    assert.match(text(await (await owner.get(`${co.base}/informal-review`)).text()), /You cannot ask for an informal review/);
    const res = await owner.postForm(`${co.base}/informal-review`, { statement: "" });
    assert.equal(res.status, 409);
    assert.equal(await statusOf(co.id), "denial-proposed");
  });
});
