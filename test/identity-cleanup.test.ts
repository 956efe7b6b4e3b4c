// Housekeeping of sign-in data: old sessions and spent codes go, live ones stay.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn } from "./helpers/identity.ts";
import { cleanupIdentity } from "../src/features/identity/cleanup.ts";
import { DAY_MS } from "../src/platform/clock.ts";

let portal: TestPortal;
before(async () => {
  portal = await createTestPortal();
});
after(() => portal.close());

describe("identity cleanup", () => {
  it("deletes sessions over for 30 days and their codes, and keeps the live ones working", async () => {
    const gone = await signUpAndSignIn(portal, person(1));
    await gone.postForm("/en/sign-out", {});
    portal.clock.advance(31 * DAY_MS);
    const live = await signUpAndSignIn(portal, person(2));
    const before = await portal.database.db.selectFrom("sessions").select("id").execute();
    const result = await cleanupIdentity(portal.deps);
    assert.equal(result.sessions, 1, `the first person's signed-out session: ${JSON.stringify(result)}`);
    assert.ok(result.codes >= 1);
    const after = await portal.database.db.selectFrom("sessions").select("id").execute();
    assert.equal(after.length, before.length - result.sessions);
    assert.equal((await live.get("/en/account")).status, 200, "a live session is untouched");
    const audit = await portal.database.db.selectFrom("audit_events").select("id").where("action", "=", "sign-out").execute();
    assert.equal(audit.length, 1, "the audit trail stays");
  });
});
