// The PIP dashboard's data kept between views (features/companies/dashboard-cache.ts): every view
// reads the company's version with the session (migration 0019's triggers move it with every
// change to what the dashboard reads), and a view after a change shows the change, whichever
// process made it. These tests change rows straight in the database, as another portal process
// would, and read the dashboard through HTTP.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn } from "./helpers/identity.ts";
import type { TestClient } from "./helpers/client.ts";
import { authorizedCompany, memberOf } from "./helpers/companies.ts";
import { unescapeHtml } from "./helpers/page-text.ts";
import { DASHBOARD_READ } from "../src/features/companies/service.ts";
import { DASHBOARD_TABLES } from "../src/platform/db/migrations/0019_dashboard_version.ts";
import { messages } from "../src/web/i18n/index.ts";

describe("the dashboard kept between views", () => {
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

  it("has a trigger deferred to the commit on every table the dashboard's read names", async () => {
    const compiled = db()
      .selectNoFrom((eb) => DASHBOARD_READ.read(eb as never, { companyId: "1" }, "sessions.person_id").as("page"))
      .compile().sql;
    const read = new Set([...compiled.matchAll(/\b(?:from|join) "(\w+)"/g)].map((m) => m[1]!));
    read.delete("company_page_versions");
    assert.deepEqual([...read].sort(), [...DASHBOARD_TABLES].sort(), "the migration's list is the tables the read names");
    const triggers = await sql<{ table: string; deferrable: boolean; deferred: boolean }>`
      select c.relname as table, t.tgdeferrable as deferrable, t.tginitdeferred as deferred
      from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = c.relname || '_company_page'`.execute(db());
    for (const table of DASHBOARD_TABLES) {
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
