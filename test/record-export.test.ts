// The company's record as one JSON file (APP-16) over HTTP: the download validates against the
// published schema; it holds one company's data and nothing of another's (names, emails, answers,
// legal name searched for in the raw text); each submission's content re-hashes to its SHA-256;
// another company's user is refused; an admin-only user's file leaves the profiles out and says
// so (USR-2); no storage key, URN, officer or secret-looking field is in it; the download is
// audited; the schema is public.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn, type Person } from "./helpers/identity.ts";
import type { TestClient } from "./helpers/client.ts";
import { authorizedCompany, memberOf, type Member } from "./helpers/companies.ts";
import { completeProfiles } from "./helpers/applications.ts";
import { applyTransition } from "../src/features/membership/service.ts";
import { createStaffUser } from "../src/features/staff/service.ts";
import { recordAudit } from "../src/platform/audit.ts";
import { calendarDate } from "../src/platform/clock.ts";
import type { TransitionName } from "../src/domain/membership.ts";
import type { CompanyRecordExport } from "../src/features/record/format.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let portal: TestPortal;
const people = { aOwner: person("rxa1"), aAdmin: person("rxa2", "fr"), bOwner: person("rxb1"), bFull: person("rxb2", "fr") } satisfies Record<string, Person>;
type Who = keyof typeof people;
const clients = {} as Record<Who, TestClient>;
const members = {} as Record<Who, Member>;
const A_NAME = "Alpha Imports Record Ltd.";
const B_NAME = "Bravo Zulu Freight Secretive Inc.";
const A_ANSWER = "Alpha wrote this procedure for the record test.";
const B_ANSWER = "Bravo confidential procedure never to be shared.";
const OFFICER = { username: "officerrx", displayName: "Octavia Officerrecord", email: "octavia.officerrecord@cbsa-asfc.gc.ca" };
let officerId = "";
let aId = "";
let bId = "";
const fullName = (p: Person) => `${p.givenName} ${p.familyName}`;
const db = () => portal.database.db;

async function officer(companyId: string, name: TransitionName, reasons = "Reasons written for the record test."): Promise<void> {
  await db()
    .transaction()
    .execute(async (trx) => {
      const r = await applyTransition(trx, portal.clock, { companyId, name, acting: { actor: "officer", staffId: officerId }, reasons });
      assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
    });
}

/** Gives the first text answer of the company's application profile a recognisable text. */
async function markAnswer(companyId: string, text: string): Promise<void> {
  const rows = await db().selectFrom("profile_answers").select(["subject", "item_id", "answer"]).where("company_id", "=", companyId).orderBy("subject").orderBy("item_id").execute();
  const row = rows.find((r) => r.answer.value === "Written procedure, reviewed every year.");
  assert.ok(row, "a text answer to mark");
  await db()
    .updateTable("profile_answers")
    .set({ answer: JSON.stringify({ value: text }) })
    .where("company_id", "=", companyId)
    .where("subject", "=", row.subject)
    .where("item_id", "=", row.item_id)
    .execute();
}

async function submit(companyId: string, who: Who): Promise<void> {
  const res = await clients[who].postForm(`/en/companies/${companyId}/application/submit`, { declaredName: fullName(people[who]) });
  assert.equal(res.status, 303, `submit as ${who}`);
}

const recordUrl = (companyId: string, lang: "en" | "fr" = "en") => `/${lang}/companies/${companyId}/record.json`;

async function download(who: Who, companyId = aId): Promise<{ res: Response; raw: string; record: CompanyRecordExport }> {
  const res = await clients[who].get(recordUrl(companyId));
  assert.equal(res.status, 200, `download as ${who}`);
  const raw = await res.text();
  return { res, raw, record: JSON.parse(raw) as CompanyRecordExport };
}

before(async () => {
  portal = await createTestPortal();
  for (const k of Object.keys(people) as Who[]) {
    clients[k] = await signUpAndSignIn(portal, people[k]);
    members[k] = await memberOf(portal, clients[k]);
  }
  const created = await createStaffUser(portal.deps, { ...OFFICER, roles: ["pip-officer"] }, { type: "system", via: "test" });
  assert.ok(created.ok);
  officerId = created.id;

  aId = await authorizedCompany(portal, A_NAME, members.aOwner, [{ member: members.aAdmin, role: "admin-only" }]);
  bId = await authorizedCompany(portal, B_NAME, members.bOwner, [{ member: members.bFull, role: "full-access" }]);
  await completeProfiles(portal, aId, members.aOwner.personId);
  await completeProfiles(portal, bId, members.bOwner.personId);
  await markAnswer(aId, A_ANSWER);
  await markAnswer(bId, B_ANSWER);
  await submit(aId, "aOwner");
  await submit(bId, "bOwner");

  // A's review: a request for information answered, a site validation, a proposed denial with
  // its letter, an action plan (written straight in: the officer's pages have their own tests).
  await officer(aId, "start-review");
  const theCase = await db().selectFrom("review_cases").select("id").where("company_id", "=", aId).where("closed_at", "is", null).executeTakeFirstOrThrow();
  const request = await db()
    .insertInto("information_requests")
    .values({ case_id: theCase.id, company_id: aId, message: "Attach your written risk assessment.", items: JSON.stringify([{ subject: "application", itemId: "GEN-1" }]), due_on: "2099-12-31", created_at: portal.clock.now(), created_by_staff_id: officerId })
    .returning("id")
    .executeTakeFirstOrThrow();
  await officer(aId, "request-information");
  const responded = await clients.aOwner.postForm(`/en/companies/${aId}/requests/${request.id}`, { declaredName: fullName(people.aOwner) });
  assert.equal(responded.status, 303);
  await db()
    .insertInto("site_validations")
    .values({ case_id: theCase.id, company_id: aId, scheduled_on: "2099-01-15", facility: "Main warehouse", scheduled_at: portal.clock.now(), scheduled_by_staff_id: officerId, outcome: "unsatisfactory", outcome_note: "Gate left open.", recorded_at: portal.clock.now(), recorded_by_staff_id: officerId })
    .execute();
  await officer(aId, "propose-denial", "The gate was left open during the visit.");
  const decision = await db().selectFrom("decisions").select("id").where("company_id", "=", aId).orderBy("id", "desc").executeTakeFirstOrThrow();
  await db()
    .insertInto("action_plans")
    .values({ case_id: theCase.id, company_id: aId, decision_id: decision.id, reasons: "Keep the gate locked.", due_on: "2099-03-01", created_at: portal.clock.now(), created_by_staff_id: officerId })
    .execute();

  // An event in A's trail by someone outside A, whose before/after hold B's people's details:
  // the whitelist keeps only the role.
  await db()
    .transaction()
    .execute((trx) =>
      recordAudit(trx, portal.clock, {
        actor: { type: "trader", id: members.bOwner.personId },
        action: "company-user.added",
        subject: { type: "person", id: members.bFull.personId },
        companyId: aId,
        before: { urn: members.bFull.urn, email: people.bFull.email },
        after: { role: "full-access", status: "active", urn: members.bFull.urn, name: fullName(people.bFull), email: people.bFull.email, owner: members.bOwner.personId },
      }),
    );
});
after(() => portal.close());

async function validator() {
  const res = await portal.app.request("/schemas/company-record.schema.json");
  assert.equal(res.status, 200);
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(await res.json());
}

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysOf(v, out);
    }
  return out;
}

describe("the company's record as JSON (APP-16)", () => {
  it("is a download of the company's record, valid against the published schema, and audited", async () => {
    const { res, raw, record } = await download("aOwner");
    assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.match(res.headers.get("cache-control") ?? "", /no-store/);
    const clientNumber = (await db().selectFrom("companies").select("client_number").where("id", "=", aId).executeTakeFirstOrThrow()).client_number;
    const fileName = `record-${clientNumber}-${calendarDate(portal.clock.now())}.json`;
    assert.match(res.headers.get("content-disposition") ?? "", new RegExp(`^attachment; filename="${fileName}"`));

    const validate = await validator();
    assert.ok(validate(record), JSON.stringify(validate.errors, null, 2));

    assert.equal(record.$schema, "/schemas/company-record.schema.json");
    assert.equal(record.format, 1);
    assert.equal(record.role, "owner");
    assert.deepEqual(record.omitted, []);
    assert.equal(record.company.legalName, A_NAME);
    assert.equal(record.company.clientNumber, clientNumber);
    assert.equal(record.company.membership.status, "denial-proposed");
    assert.ok(record.profiles);
    assert.ok(raw.includes(A_ANSWER), "A's own answer is in its record");
    assert.ok(record.profiles.divisions.length >= 1 && record.profiles.divisions[0]!.answers.length > 0);
    assert.ok(record.profiles.divisions.some((d) => d.evidence.length > 0) || record.profiles.application.evidence.length > 0, "evidence metadata");
    assert.deepEqual(
      record.submissions.map((s) => s.kind),
      ["application", "response"],
    );
    assert.deepEqual(
      record.users.map((u) => [u.familyName, u.role]).sort(),
      [
        [people.aAdmin.familyName, "admin-only"],
        [people.aOwner.familyName, "owner"],
      ].sort(),
    );
    assert.equal(record.informationRequests.length, 1);
    assert.equal(record.informationRequests[0]!.responseSubmissionReference, record.submissions[1]!.reference);
    assert.equal(record.informationRequests[0]!.dueOn, "2099-12-31");
    assert.deepEqual(
      record.siteValidations.map((v) => [v.scheduledOn, v.facility, v.outcome, v.note]),
      [["2099-01-15", "Main warehouse", "unsatisfactory", "Gate left open."]],
    );
    const denial = record.decisions.find((d) => d.transition === "propose-denial");
    assert.ok(denial?.letter, "the proposed denial with its letter's facts");
    assert.equal(denial.decidedBy, "cbsa");
    assert.equal(denial.letter.reasons, "The gate was left open during the visit.");
    assert.match(denial.letter.informalReviewBy ?? "", /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(
      record.actionPlans.map((p) => [p.reasons, p.dueOn, p.decisionReference, p.createdBy]),
      [["Keep the gate locked.", "2099-03-01", denial.reference, "cbsa"]],
    );
    const submitted = record.timeline.find((e) => e.action === "application.submitted");
    assert.deepEqual(submitted?.actor, { type: "user", userId: members.aOwner.personId, name: fullName(people.aOwner) });
    assert.ok(record.timeline.some((e) => e.action === "membership.propose-denial" && e.actor.type === "cbsa"));
    const foreign = record.timeline.find((e) => e.action === "company-user.added" && e.actor.type === "person");
    assert.deepEqual(foreign, { occurredAt: foreign?.occurredAt, action: "company-user.added", subject: { type: "person", id: null }, actor: { type: "person" }, before: null, after: { role: "full-access", status: "active" } });

    const audited = await db().selectFrom("audit_events").selectAll().where("company_id", "=", aId).where("action", "=", "record.exported").execute();
    assert.equal(audited.length, 1);
    assert.equal(audited[0]!.actor_id, members.aOwner.personId);
    assert.equal((audited[0]!.after as { sha256?: string }).sha256, createHash("sha256").update(raw).digest("hex"));
    // The next file has the export in its timeline.
    const again = await download("aOwner");
    assert.ok(again.record.timeline.some((e) => e.action === "record.exported" && e.actor.name === fullName(people.aOwner) && e.after?.["role"] === "owner"));
  });

  it("holds nothing of another company: its legal name, users' names and emails, answers", async () => {
    const { raw } = await download("aOwner");
    const bAnswers = await db().selectFrom("profile_answers").select("answer").where("company_id", "=", bId).execute();
    const aTexts = new Set((await db().selectFrom("profile_answers").select("answer").where("company_id", "=", aId).execute()).map((a) => JSON.stringify(a.answer.value)));
    const forbidden = [
      B_NAME,
      B_ANSWER,
      ...(["bOwner", "bFull"] as const).flatMap((k) => [fullName(people[k]), people[k].familyName, people[k].email, members[k].urn, members[k].formattedUrn]),
      // Every answer text of B that A did not give too (the tests' fixtures share most of them).
      ...bAnswers.map((a) => a.answer.value).filter((v): v is string => typeof v === "string" && v.length > 8 && !aTexts.has(JSON.stringify(v))),
      OFFICER.displayName,
      OFFICER.username,
      OFFICER.email,
    ];
    for (const text of forbidden) assert.ok(!raw.includes(text), `"${text}" is not in A's record`);
    const bSubmission = await db().selectFrom("submissions").select(["reference", "sha256"]).where("company_id", "=", bId).executeTakeFirstOrThrow();
    assert.ok(!raw.includes(bSubmission.sha256) && !raw.includes(bSubmission.reference), "B's submission is not in A's record");
  });

  it("gives each submission's content verbatim: its SHA-256 is the one recorded", async () => {
    const { record } = await download("aOwner");
    const stored = await db().selectFrom("submissions").select(["reference", "content", "sha256"]).where("company_id", "=", aId).orderBy("id").execute();
    assert.equal(record.submissions.length, stored.length);
    for (const [i, s] of record.submissions.entries()) {
      assert.ok(s.content !== null);
      assert.equal(createHash("sha256").update(s.content, "utf8").digest("hex"), s.sha256, s.reference);
      assert.equal(s.sha256, stored[i]!.sha256);
      assert.equal(s.content, stored[i]!.content);
      assert.deepEqual(s.snapshot, JSON.parse(s.content));
    }
  });

  it("has no storage key, URN, officer, password, hash, token or session in it", async () => {
    const { raw, record } = await download("aOwner");
    const keys = await db().selectFrom("evidence_files").select("storage_key").where("company_id", "=", aId).execute();
    assert.ok(keys.length > 0);
    for (const k of keys) assert.ok(!raw.includes(k.storage_key), "no storage key");
    for (const k of ["aOwner", "aAdmin"] as const) {
      assert.ok(!raw.includes(members[k].urn), `no URN of ${k}`);
      assert.ok(!raw.includes(members[k].formattedUrn), `no formatted URN of ${k}`);
    }
    assert.ok(!raw.includes(OFFICER.displayName) && !raw.includes(OFFICER.email) && !raw.includes(OFFICER.username), "no officer");
    const suspicious = keysOf(record).filter((k) => /storage|urn|password|hash|token|secret|credential|session|otp|totp|staff/i.test(k));
    assert.deepEqual([...new Set(suspicious)], []);
    assert.doesNotMatch(raw, /\$argon2/, "no password hash");
  });

  it("leaves the profiles and the snapshots out for an admin-only user, and says so (USR-2)", async () => {
    const res = await clients.aAdmin.get(recordUrl(aId, "fr"));
    assert.equal(res.status, 200);
    const raw = await res.text();
    const record = JSON.parse(raw) as CompanyRecordExport;
    const validate = await validator();
    assert.ok(validate(record), JSON.stringify(validate.errors, null, 2));
    assert.equal(record.role, "admin-only");
    assert.equal(record.profiles, null);
    assert.ok(record.omitted.some((o) => o.path === "/profiles" && o.reason === "role-may-not-view-profiles"));
    assert.ok(record.omitted.some((o) => o.path === "/submissions/*/content"));
    assert.ok(record.submissions.length > 0);
    for (const s of record.submissions) {
      assert.equal(s.content, null);
      assert.equal(s.snapshot, null);
      assert.match(s.sha256, /^[0-9a-f]{64}$/);
    }
    assert.ok(!raw.includes(A_ANSWER), "no answer text through the timeline or the snapshot");
    assert.ok(record.timeline.filter((e) => /^(profile|evidence|division)\./.test(e.action)).every((e) => e.before === null && e.after === null));
    // Everything that is every role's stays.
    assert.equal(record.company.legalName, A_NAME);
    assert.equal(record.users.length, 2);
    assert.equal(record.decisions.length > 0, true);
  });

  it("is refused to another company's users and to a signed-out visitor", async () => {
    for (const who of ["bOwner", "bFull"] as const) {
      const res = await clients[who].get(recordUrl(aId));
      assert.ok(res.status === 403 || res.status === 404, `${who}: ${res.status}`);
      const html = await res.text();
      assert.ok(!html.includes(A_NAME) && !html.includes(A_ANSWER));
    }
    const anonymous = await portal.app.request(recordUrl(aId));
    assert.equal(anonymous.status, 303);
    const exported = await db().selectFrom("audit_events").select("actor_id").where("company_id", "=", aId).where("action", "=", "record.exported").execute();
    assert.ok(exported.every((e) => e.actor_id !== members.bOwner.personId && e.actor_id !== members.bFull.personId), "a refusal is not an export");
    // B's own record is B's.
    const b = await download("bFull", bId);
    assert.equal(b.record.company.legalName, B_NAME);
    assert.ok(!b.raw.includes(A_NAME) && !b.raw.includes(A_ANSWER));
  });

  it("publishes its schema: public, application/schema+json, a draft 2020-12 schema with every property described", async () => {
    const res = await portal.app.request("/schemas/company-record.schema.json");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/schema+json");
    assert.doesNotMatch(res.headers.get("cache-control") ?? "", /no-store/, "cacheable for a signed-out visitor");
    const schema = (await res.json()) as Record<string, unknown>;
    assert.equal(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== "object") return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props)
        for (const [k, v] of Object.entries(props)) {
          if (typeof (v as { description?: unknown }).description !== "string") undescribed.push(`${path}/${k}`);
          walk(v, `${path}/${k}`);
        }
      for (const key of ["items", "additionalProperties"]) walk((node as Record<string, unknown>)[key], `${path}/${key}`);
      const defs = (node as { $defs?: Record<string, unknown> }).$defs;
      if (defs) for (const [k, v] of Object.entries(defs)) walk(v, `#/$defs/${k}`);
    };
    walk(schema, "");
    assert.deepEqual(undescribed, []);
    // A signed-in trader gets it too (with no-store, as every response to a signed-in person).
    assert.equal((await clients.bFull.get("/schemas/company-record.schema.json")).status, 200);
  });
});
