// A member's dashboard knows without reading the profiles whether they changed since the
// latest snapshot (APP-5; migration 0017): companies.profiles_version moves with every change
// to what a snapshot holds, and a snapshot records the counter it was taken at. These tests
// change each kind of thing a snapshot holds, straight in the database (as any code path
// would), and read the dashboard a member's owner sees.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn } from "./helpers/identity.ts";
import type { TestClient } from "./helpers/client.ts";
import { authorizedCompany, memberOf } from "./helpers/companies.ts";
import { completeProfiles } from "./helpers/applications.ts";
import { makeMember, pipOfficer } from "./helpers/membership.ts";
import { currentCatalogue, questionsFor } from "../src/domain/catalogue/index.ts";

describe("the profiles' counter and a member's dashboard (APP-5)", () => {
  let portal: TestPortal;
  let owner: TestClient;
  let companyId: string;
  let textItem: string;
  before(async () => {
    portal = await createTestPortal();
    const p = person("pv1");
    owner = await signUpAndSignIn(portal, p);
    const member = await memberOf(portal, owner);
    companyId = await authorizedCompany(portal, "Compteur ltée", member);
    await completeProfiles(portal, companyId, member.personId);
    await makeMember(portal, await pipOfficer(portal), companyId, { personId: member.personId, name: `${p.givenName} ${p.familyName}` });
    const text = questionsFor(currentCatalogue(), ["importer"]).flatMap((g) => g.questions).find((q) => q.answer.kind === "text");
    assert.ok(text, "a written application question");
    textItem = text.id;
  });
  after(() => portal.close());

  const db = () => portal.database.db;
  const counters = async () => {
    const co = await db().selectFrom("companies").select("profiles_version").where("id", "=", companyId).executeTakeFirstOrThrow();
    const sub = await db().selectFrom("submissions").select("profiles_version").where("company_id", "=", companyId).orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
    return { company: co.profiles_version, snapshot: sub.profiles_version };
  };
  const dashboard = async () => {
    const res = await owner.get(`/en/companies/${companyId}`);
    assert.equal(res.status, 200);
    return res.text();
  };
  const answer = (value: string) =>
    db().updateTable("profile_answers").set({ answer: JSON.stringify({ value }) }).where("company_id", "=", companyId).where("subject", "=", "application").where("item_id", "=", textItem).execute();

  it("records the counter with the snapshot; marking its files submitted does not move it, and the dashboard says nothing changed", async () => {
    const c = await counters();
    assert.equal(c.snapshot, c.company);
    await db().updateTable("evidence_files").set({ submitted_at: portal.clock.now() }).where("company_id", "=", companyId).execute();
    await db().updateTable("companies").set({ updated_at: portal.clock.now() }).where("id", "=", companyId).execute();
    assert.deepEqual(await counters(), c, "neither submitted_at nor updated_at is in a snapshot");
    const html = await dashboard();
    assert.match(html, /No changes since your last submission\./);
    assert.doesNotMatch(html, /data-testid="changes-list"/);
  });

  it("moves with an answer, and the dashboard lists the change; an answer put back compares in full and shows none", async () => {
    const before = await counters();
    const [original] = await db().selectFrom("profile_answers").select("answer").where("company_id", "=", companyId).where("subject", "=", "application").where("item_id", "=", textItem).execute();
    assert.ok(original);
    await answer("A new procedure since the approval.");
    const moved = await counters();
    assert.notEqual(moved.company, before.company);
    assert.match(await dashboard(), /data-testid="changes-list"/);
    await db()
      .updateTable("profile_answers")
      .set({ answer: JSON.stringify(original.answer) })
      .where("company_id", "=", companyId)
      .where("subject", "=", "application")
      .where("item_id", "=", textItem)
      .execute();
    assert.notEqual((await counters()).company, (await counters()).snapshot, "the counter does not know the change was undone");
    const html = await dashboard();
    assert.match(html, /No changes since your last submission\./, "the full comparison does");
  });

  it("moves with the company's own snapshot columns, a division and an evidence file", async () => {
    const steps: [string, () => Promise<unknown>][] = [
      ["the legal name", () => db().updateTable("companies").set({ legal_name: "Compteur et fils ltée" }).where("id", "=", companyId).execute()],
      ["the employee count", () => db().updateTable("companies").set({ employee_count: 4242 }).where("id", "=", companyId).execute()],
      ["a division renamed", () => db().updateTable("divisions").set({ name: "Entrepôt nord" }).where("company_id", "=", companyId).execute()],
      ["an evidence file's verdict", () => db().updateTable("evidence_files").set({ scan_status: "error" }).where("company_id", "=", companyId).execute()],
      ["an answer removed", () => db().deleteFrom("profile_answers").where("company_id", "=", companyId).where("subject", "=", "application").where("item_id", "=", textItem).execute()],
    ];
    for (const [what, change] of steps) {
      const before = (await counters()).company;
      await change();
      assert.notEqual((await counters()).company, before, what);
    }
    assert.match(await dashboard(), /data-testid="changes-list"/);
  });
});
