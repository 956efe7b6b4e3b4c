// Company pages' data kept between views (web/middleware/held-reads.ts): every view reads the
// company's version with the session (migration 0019's triggers move it with every change to
// what those pages read), and a view after a change shows the change, whichever process made
// it. These tests change rows straight in the database, as another portal process would, and
// read the dashboard and the users page through HTTP.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn } from "./helpers/identity.ts";
import type { TestClient } from "./helpers/client.ts";
import { authorizedCompany, memberOf } from "./helpers/companies.ts";
import { unescapeHtml } from "./helpers/page-text.ts";
import { DASHBOARD_READS } from "../src/features/companies/service.ts";
import { USERS_READS } from "../src/features/users/list.ts";
import { DIVISION_READS } from "../src/features/profiles/service.ts";
import { COMPANY_PAGE_TABLES } from "../src/platform/db/migrations/0019_company_page_versions.ts";
import { messages } from "../src/web/i18n/index.ts";

describe("company pages kept between views", () => {
  let portal: TestPortal;
  let owner: TestClient;
  let colleague: TestClient;
  let colleagueId: string;
  let companyId: string;
  before(async () => {
    portal = await createTestPortal();
    owner = await signUpAndSignIn(portal, person("dc1"));
    colleague = await signUpAndSignIn(portal, person("dc2"));
    const admin = await memberOf(portal, colleague);
    colleagueId = admin.personId;
    companyId = await authorizedCompany(portal, "Cache Cargo inc.", await memberOf(portal, owner), [{ member: admin, role: "admin-only" }]);
  });
  after(() => portal.close());

  const db = () => portal.database.db;
  const view = async (client: TestClient = owner) => {
    const res = await client.get(`/en/companies/${companyId}`);
    assert.equal(res.status, 200);
    return unescapeHtml(await res.text());
  };
  const version = async () =>
    (await db().selectFrom("company_page_versions").select("version").where("company_id", "=", companyId).executeTakeFirst())?.version ?? "0";
  const rename = (name: string) => db().updateTable("companies").set({ legal_name: name }).where("id", "=", companyId).execute();

  it("has a trigger deferred to the commit on every table the held reads name", async () => {
    const read = new Set<string>();
    for (const [withData] of [DASHBOARD_READS, USERS_READS, DIVISION_READS]) {
      const compiled = db()
        .selectNoFrom((eb) => withData.read(eb as never, { companyId: "1", divisionId: "1", subject: "division:1" }, "sessions.person_id").as("page"))
        .compile().sql;
      for (const m of compiled.matchAll(/\b(?:from|join) "(\w+)"/g)) read.add(m[1]!);
    }
    read.delete("company_page_versions");
    assert.deepEqual([...read].sort(), [...COMPANY_PAGE_TABLES].sort(), "the migration's list is the tables the reads name");
    const triggers = await sql<{ table: string; deferrable: boolean; deferred: boolean }>`
      select c.relname as table, t.tgdeferrable as deferrable, t.tginitdeferred as deferred
      from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = c.relname || '_company_page'`.execute(db());
    for (const table of COMPANY_PAGE_TABLES) {
      const trigger = triggers.rows.find((t) => t.table === table);
      assert.ok(trigger, `a trigger on ${table}`);
      assert.ok(trigger.deferrable && trigger.deferred, `${table}'s trigger fires at the commit`);
    }
  });

  it("shows what it holds until the version moves, then the change: a notification, the company's name", async () => {
    const notice = messages("en").companies.notifications["profile-updated"]({ name: "Quentin Cachet" });
    assert.ok(!(await view()).includes(notice));
    // Written without the triggers (as no code path can): the page still shows what it held, so
    // the data really is kept between views.
    await db()
      .transaction()
      .execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await trx
          .insertInto("notifications")
          .values({ company_id: companyId, kind: "profile-updated", params: JSON.stringify({ name: "Quentin Cachet" }), created_at: portal.clock.now() })
          .execute();
      });
    portal.queries.length = 0;
    assert.ok(!(await view()).includes(notice), "the data held, at the same version");
    assert.equal(portal.queries.length, 1, "one round trip, the session's");

    await rename("Cache Cargo renamed inc.");
    const changed = await view();
    assert.ok(changed.includes("Cache Cargo renamed inc."), "a counted change shows on the next view");
    assert.ok(changed.includes(notice), "with everything else the database holds now");
  });

  it("shows each viewer what their role lets them see of the same data", async () => {
    const application = `href="/en/companies/${companyId}/application"`;
    assert.ok((await view(owner)).includes(application), "the owner is led to the application profile");
    const adminOnly = await view(colleague);
    assert.ok(!adminOnly.includes(application), "an admin-only user is not");
    assert.ok(adminOnly.includes(messages("en").companies.sectionUnavailable));
    assert.ok((await view(owner)).includes(application), "and the owner still is");
  });

  it("shows the users page from what it holds until the version moves: a user's name", async () => {
    const users = async () => {
      const res = await owner.get(`/en/companies/${companyId}/users`);
      assert.equal(res.status, 200);
      return unescapeHtml(await res.text());
    };
    const name = (given: string) => db().updateTable("people").set({ family_name: given }).where("id", "=", colleagueId).execute();
    await name("Cachée");
    assert.ok((await users()).includes("Cachée"));
    await db()
      .transaction()
      .execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await trx.updateTable("people").set({ family_name: "Silencieuse" }).where("id", "=", colleagueId).execute();
      });
    portal.queries.length = 0;
    const held = await users();
    assert.ok(held.includes("Cachée") && !held.includes("Silencieuse"), "the list held, at the same version");
    assert.equal(portal.queries.length, 1, "one round trip, the session's");
    await name("Montrée");
    assert.ok((await users()).includes("Montrée"), "a user's new name shows on the next view");
  });

  it("moves the version at the commit, and a person's change moves every company of theirs", async () => {
    const before = await version();
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable("companies").set({ legal_name: "Mid-transaction inc." }).where("id", "=", companyId).execute();
        const during = await trx.selectFrom("company_page_versions").select("version").where("company_id", "=", companyId).executeTakeFirst();
        assert.equal(during?.version ?? "0", before, "not before the commit");
      });
    const committed = await version();
    assert.ok(BigInt(committed) > BigInt(before), "moved at the commit");
    await db().updateTable("people").set({ given_name: "Renommée" }).where("id", "=", colleagueId).execute();
    assert.ok(BigInt(await version()) > BigInt(committed), "a user's name moves the company's version");
    const unchanged = await version();
    await db().updateTable("people").set({ given_name: "Renommée" }).where("id", "=", colleagueId).execute();
    assert.equal(await version(), unchanged, "an update that changes nothing does not");
  });
});
