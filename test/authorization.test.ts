// The authorization choke point, tested from the permission matrix (USR-2, SEC-5): every
// company-scoped route declares an action; for each route, each role of the matrix and a user
// of another company, the answer is allowed or refused exactly as the matrix says — refused
// being the 403 page in the page's language, with nothing changed. Routes are read from the
// app itself, so a new company route without a declared action fails this test.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn } from "./helpers/identity.ts";
import type { TestClient } from "./helpers/client.ts";
import { COMPANY_ROLES, can, type CompanyAction, type CompanyRole } from "../src/domain/permissions.ts";
import { newFileKey } from "../src/platform/storage/index.ts";
import { appRoutes, fillRoute } from "./helpers/routes.ts";

let portal: TestPortal;
const members = new Map<CompanyRole | "other-company", TestClient>();
let companyId = "";
let otherCompanyId = "";
/** A full-access user whom owner, proxy and admin-only may manage: fills routes' :personId. */
let targetPersonId = "";
/** A division of the company (fills :divisionId) and an evidence file of each profile (:fileId). */
let divisionId = "";
const fileIds: Record<"application" | "division", string> = { application: "", division: "" };

interface RouteInfo {
  method: string;
  path: string;
  action: CompanyAction | undefined;
}

function companyRoutes(): RouteInfo[] {
  // Trader pages of a company; CBSA staff pages (/staff/…) have their own guard (requireStaff).
  return appRoutes(portal.app)
    .filter((r) => r.path.includes(":companyId") && !r.path.includes("/staff/"))
    .map((r) => ({ method: r.method, path: r.path, action: r.handlers.map((h) => (h as { companyAction?: CompanyAction }).companyAction).find(Boolean) }));
}

function concretePath(path: string, id: string): string {
  const values: Record<string, string> = {
    lang: "fr",
    companyId: id,
    personId: targetPersonId,
    divisionId,
    part: "general",
    line: "importer",
    category: "risk-assessment",
    submissionId: "999999",
    requestId: "999999",
    decisionId: "999999",
  };
  return fillRoute(path, (name) => (name === "fileId" ? (path.includes("/security/") ? fileIds.division : fileIds.application) : values[name]));
}

async function insertCompany(name: string, bn: string, status: "activated"): Promise<string> {
  const now = portal.clock.now();
  const row = await portal.database.db
    .insertInto("companies")
    .values({
      legal_name: name,
      operating_name: null,
      country: "CA",
      bn9: bn,
      program_account: null,
      carrier_code: null,
      lines_of_business: JSON.stringify(["importer"]),
      correspondence_locale: "fr",
      address: JSON.stringify({ line1: "1 rue A", line2: "", city: "Laval", region: "QC", postalCode: "H7N 1A1", country: "CA" }),
      client_number: bn.slice(0, 9) + "0",
      status,
      origin: "cbsa-created",
      membership_status: "member",
      owner_designate_person_id: null,
      created_by_staff_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function personId(client: TestClient): Promise<string> {
  const html = await (await client.get("/en/account")).text();
  const urn = /URN-([0-9A-Z]{4})-([0-9A-Z]{4})-([0-9A-Z])/.exec(html)!;
  const row = await portal.database.db.selectFrom("people").select("id").where("urn", "=", `${urn[1]}${urn[2]}${urn[3]}`).executeTakeFirstOrThrow();
  return row.id;
}

before(async () => {
  portal = await createTestPortal();
  // Fixture: one company with a member in each role, and a user of another company.
  // Companies are authorized once their owner is in: the database refuses an authorized company
  // without exactly one active owner (USR-5).
  companyId = await insertCompany("Matrice inc.", "123456782", "activated");
  otherCompanyId = await insertCompany("Autre inc.", "100000009", "activated");
  const now = portal.clock.now();
  for (const [i, role] of ([...COMPANY_ROLES, "other-company"] as const).entries()) {
    const client = await signUpAndSignIn(portal, person(`az${i}`, "fr"));
    members.set(role, client);
    await portal.database.db
      .insertInto("company_users")
      .values({ company_id: role === "other-company" ? otherCompanyId : companyId, person_id: await personId(client), role: role === "other-company" ? "owner" : role, status: "active", created_at: now, updated_at: now })
      .execute();
  }
  const target = await signUpAndSignIn(portal, person("aztarget", "fr"));
  targetPersonId = await personId(target);
  await portal.database.db.insertInto("company_users").values({ company_id: companyId, person_id: targetPersonId, role: "full-access", status: "active", created_at: now, updated_at: now }).execute();
  await portal.database.db.updateTable("companies").set({ status: "authorized" }).where("id", "in", [companyId, otherCompanyId]).execute();
  // A division and one evidence file in each profile, so that every profile route has something to open.
  const division = await portal.database.db
    .insertInto("divisions")
    .values({ company_id: companyId, name: "Matrice", lines: JSON.stringify(["importer"]), facilities: "[]", created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  divisionId = division.id;
  for (const [scope, subject, item] of [["application", "application", "WHS-1"], ["division", `division:${divisionId}`, "RA-1"]] as const) {
    const key = newFileKey();
    await portal.deps.files.put(key, [Buffer.from("%PDF-1.4 test")]);
    const row = await portal.database.db
      .insertInto("evidence_files")
      .values({ company_id: companyId, subject, item_id: item, storage_key: key, file_name: "preuve.pdf", size: 13, mime: "application/pdf", sha256: "0".repeat(64), scan_status: "not-scanned", scan_signature: null, uploaded_at: now, uploaded_by_person_id: targetPersonId })
      .returning("id")
      .executeTakeFirstOrThrow();
    fileIds[scope] = row.id;
  }
});
after(() => portal.close());

describe("the authorization choke point", () => {
  it("finds company routes, and every one declares an action", () => {
    const routes = companyRoutes();
    assert.ok(routes.length >= 3, `company routes found: ${routes.map((r) => `${r.method} ${r.path}`).join(", ")}`);
    const undeclared = routes.filter((r) => !r.action).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(undeclared, [], "every company-scoped route declares its action");
  });

  it("allows or refuses each role exactly as the matrix says, and a refusal changes nothing", async () => {
    for (const route of companyRoutes()) {
      for (const [who, client] of members) {
        const expected = who !== "other-company" && can(who, route.action!);
        const auditBefore = await portal.database.db.selectFrom("audit_events").select("id").execute();
        const url = concretePath(route.path, companyId);
        const res = route.method === "GET" ? await client.get(url) : await client.postForm(url, {});
        const label = `${route.method} ${route.path} as ${who}`;
        if (expected) {
          assert.notEqual(res.status, 403, `${label}: allowed by the matrix`);
        } else {
          assert.equal(res.status, 403, `${label}: refused by the matrix`);
          const html = await res.text();
          assert.match(html, /<html lang="fr">/, `${label}: the 403 page in the page's language`);
          assert.match(html, /Vous ne pouvez pas faire cela ici/);
          const auditAfter = await portal.database.db.selectFrom("audit_events").select("id").execute();
          assert.equal(auditAfter.length, auditBefore.length, `${label}: nothing changed`);
        }
      }
    }
  });

  it("gives a user of one company nothing of another by guessing its identifiers", async () => {
    const outsider = members.get("other-company")!;
    for (const route of companyRoutes()) {
      const res = route.method === "GET" ? await outsider.get(concretePath(route.path, companyId)) : await outsider.postForm(concretePath(route.path, companyId), {});
      assert.equal(res.status, 403, `${route.method} ${route.path}`);
      assert.doesNotMatch(await res.text(), /Matrice inc\./);
    }
    assert.equal((await outsider.get("/fr/companies/999999")).status, 403, "an unknown company looks the same as someone else's");
  });

  it("refuses a user deactivated while signed in on the very next request", async () => {
    const client = members.get("full-access")!;
    assert.equal((await client.get(`/fr/companies/${companyId}`)).status, 200);
    await portal.database.db.updateTable("company_users").set({ status: "deactivated" }).where("company_id", "=", companyId).where("role", "=", "full-access").execute();
    assert.equal((await client.get(`/fr/companies/${companyId}`)).status, 403);
  });
});
