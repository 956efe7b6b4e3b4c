// Set-up for tests of a member's life (APP-5 changes, APP-13 to APP-15): PIP officers who can
// sign in again as themselves after the test clock has moved (a session idles out after 20
// minutes), and a company taken to `member` the way it happens: the owner submits through the
// applications service, the officer starts the review, schedules the site validation, records
// a satisfactory outcome and approves, over HTTP.
import assert from "node:assert/strict";
import * as OTPAuth from "otpauth";
import type { TestPortal } from "./app.ts";
import { TestClient } from "./client.ts";
import { createStaffUser } from "../../src/features/staff/service.ts";
import { submitApplication } from "../../src/features/applications/service.ts";
import { calendarDate } from "../../src/platform/clock.ts";
import type { RequestMeta } from "../../src/web/request-meta.ts";

export const meta: RequestMeta = { locale: "en", userAgent: "membership tests", address: "198.51.100.7", requestId: "membership-test" };

let officers = 0;
const OWN_PASSWORD = "an officer's own long passphrase";

/**
 * A PIP officer with a fixed identity: `signIn()` gives a signed-in client at the clock's current
 * time (the same one when the last sign-in was less than 10 minutes ago on the test clock).
 */
export interface Officer {
  id: string;
  client: TestClient;
  signIn(): Promise<TestClient>;
}

export async function pipOfficer(portal: TestPortal): Promise<Officer> {
  const username = `mlofficer${++officers}`;
  const created = await createStaffUser(portal.deps, { username, displayName: `Officer ${"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[officers % 26]}`, email: `${username}@cbsa-asfc.gc.ca`, roles: ["pip-officer"] }, { type: "system", via: "test" });
  assert.ok(created.ok, JSON.stringify(created));
  const totp = OTPAuth.URI.parse(created.issued.totpUri) as OTPAuth.TOTP;
  let password = created.issued.password;
  let signedInAt: number | null = null;
  const officer: Officer = {
    id: created.id,
    client: new TestClient(portal.app),
    async signIn() {
      // Within minutes of the last sign-in the session is alive (and the TOTP step may be the same one, refused twice).
      const now = portal.clock.now().getTime();
      if (signedInAt !== null && now >= signedInAt && now - signedInAt < 10 * 60_000) return officer.client;
      const client = new TestClient(portal.app);
      const step = async (path: string, fields: Record<string, string>): Promise<string> => {
        const res = await client.postForm(`/en/staff/${path}`, fields);
        assert.equal(res.status, 303, `${path}: ${res.status}`);
        return res.headers.get("location") ?? "";
      };
      assert.equal(await step("sign-in", { username, password }), "/en/staff/sign-in/totp");
      const next = await step("sign-in/totp", { code: totp.generate({ timestamp: portal.clock.now().getTime() }) });
      if (next === "/en/staff/sign-in/password") {
        password = OWN_PASSWORD;
        assert.equal(await step("sign-in/password", { password, confirmPassword: password }), "/en/staff");
      } else assert.equal(next, "/en/staff");
      officer.client = client;
      signedInAt = now;
      return client;
    },
  };
  await officer.signIn();
  return officer;
}

export const today = (portal: TestPortal): string => calendarDate(portal.clock.now());

/** The company's open review case (there is at most one). */
export async function openCase(portal: TestPortal, companyId: string): Promise<string> {
  const rc = await portal.database.db.selectFrom("review_cases").select("id").where("company_id", "=", companyId).where("closed_at", "is", null).executeTakeFirstOrThrow();
  return rc.id;
}

/** The company's latest case, open or closed. */
export async function latestCase(portal: TestPortal, companyId: string): Promise<string> {
  const rc = await portal.database.db.selectFrom("review_cases").select("id").where("company_id", "=", companyId).orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
  return rc.id;
}

export async function statusOf(portal: TestPortal, companyId: string): Promise<string> {
  return (await portal.database.db.selectFrom("companies").select("membership_status").where("id", "=", companyId).executeTakeFirstOrThrow()).membership_status;
}

/**
 * From the open case's current status to `member`: starts the review when submitted, schedules
 * the site validation today at the company's main warehouse, records it satisfactory, approves.
 * The officer signs in again first (the clock may have moved since the last sign-in).
 */
export async function reviewToMember(portal: TestPortal, officer: Officer, companyId: string): Promise<void> {
  const client = await officer.signIn();
  const caseId = await openCase(portal, companyId);
  const ok = async (path: string, fields: Record<string, string>) => {
    const res = await client.postForm(`/en/staff/pip/cases/${caseId}/${path}`, fields);
    assert.equal(res.status, 303, `${path}: ${res.status}`);
  };
  if ((await statusOf(portal, companyId)) === "submitted") await ok("assign", {});
  assert.equal(await statusOf(portal, companyId), "under-review");
  await ok("site-validation", { status: "under-review", svDate: today(portal), svFacility: "Main warehouse" });
  await ok("site-validation/outcome", { status: "site-validation", svOutcome: "satisfactory", svNote: "Seals, cameras and fences as described." });
  await ok("decide", { status: "site-validation", transition: "approve", "reasons-approve": "Meets every must criterion." });
  assert.equal(await statusOf(portal, companyId), "member");
}

/** The owner submits the complete profiles (APP-5) and an officer takes the application to `member`. */
export async function makeMember(portal: TestPortal, officer: Officer, companyId: string, owner: { personId: string; name: string }): Promise<void> {
  const submitted = await submitApplication(portal.deps, { companyId, personId: owner.personId }, owner.name, meta);
  assert.ok(submitted.ok, JSON.stringify(submitted));
  await reviewToMember(portal, officer, companyId);
}
