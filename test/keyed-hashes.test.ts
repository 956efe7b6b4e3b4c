// SEC-8: codes and tokens are kept as keyed hashes (HMAC under APP_KEY) and TOTP secrets
// encrypted, and migration 0012 keys the rows a portal already had, so that nobody loses a
// session, a half-finished sign-in, a letter's activation code or their authenticator.
// The test makes real data over HTTP, turns its rows back into the form they had before
// 0012 (it knows each secret), runs 0012 again, and uses every secret again over HTTP.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import * as OTPAuth from "otpauth";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { TestClient } from "./helpers/client.ts";
import { latestCode, person, PASSWORD, signUpAndSignIn } from "./helpers/identity.ts";
import { BNS, readQueuedLetter, registerCompany } from "./helpers/registration.ts";
import { up as keyExistingRows } from "../src/platform/db/migrations/0012_keyed_hashes.ts";
import { unkeyedTokenDigest } from "../src/platform/sessions.ts";
import { unkeyedCodeDigest } from "../src/features/identity/codes.ts";
import { unkeyedActivationDigest } from "../src/features/registration/service.ts";
import { createStaffUser, resealStaffSecrets } from "../src/features/staff/service.ts";
import { isSealed, useAppKeys, keyedHash } from "../src/platform/app-key.ts";
import { normalizeActivationCode } from "../src/domain/activation-code.ts";

let portal: TestPortal;
before(async () => {
  portal = await createTestPortal();
});
after(() => portal.close());

describe("keyed hashes and sealed secrets (SEC-8)", () => {
  it("keeps no code, token or TOTP secret in a form that works without the key", async () => {
    const p = person(801);
    const client = await signUpAndSignIn(portal, p);
    const token = client.cookies.get("ttp-session")!;
    const row = await portal.database.db.selectFrom("sessions").select("token_hash").where("token_hash", "=", keyedHash("token", unkeyedTokenDigest(token))).executeTakeFirst();
    assert.ok(row, "the session is found by its keyed hash");
    const plain = await portal.database.db.selectFrom("sessions").select("id").where("token_hash", "=", unkeyedTokenDigest(token)).executeTakeFirst();
    assert.equal(plain, undefined, "and not by the unkeyed hash");
    const created = await createStaffUser(portal.deps, { username: "sealed01", displayName: "Sealed One", email: "sealed01@cbsa-asfc.gc.ca", roles: ["tccu"] }, { type: "system", via: "test" });
    assert.ok(created.ok);
    const staff = await portal.database.db.selectFrom("staff_users" as never).select("totp_secret" as never).where("username" as never, "=", "sealed01" as never).executeTakeFirstOrThrow();
    const secret = (staff as { totp_secret: string }).totp_secret;
    assert.ok(isSealed(secret) && !secret.includes(created.issued.totpSecret), "the TOTP secret is encrypted");
  });

  it("migration 0012 keys the rows a portal already had: sessions, codes in progress, activation codes and TOTP secrets still work", async () => {
    const db = portal.database.db;
    // A signed-in trader, a trader half-way through signing in (a code on its way), a company
    // waiting for activation, and a staff member at the TOTP step.
    const signedIn = await signUpAndSignIn(portal, person(802));
    const sessionToken = signedIn.cookies.get("ttp-session")!;

    const waiting = person(803);
    await signUpAndSignIn(portal, waiting);
    const midway = new TestClient(portal.app);
    assert.equal((await midway.postForm("/en/sign-in/gckey", { username: waiting.username, password: PASSWORD })).headers.get("location"), "/en/sign-in/code");
    const code = await latestCode(portal, waiting.email);
    const midwayToken = midway.cookies.get("ttp-session")!;

    const designate = await signUpAndSignIn(portal, person(804));
    await registerCompany(designate, "en", { legalName: "Keyed Hash Logistics Ltd.", bn: BNS[5]! });
    const letter = await readQueuedLetter(portal, "Keyed Hash Logistics Ltd.");

    const created = await createStaffUser(portal.deps, { username: "legacy01", displayName: "Legacy One", email: "legacy01@cbsa-asfc.gc.ca", roles: ["tccu"] }, { type: "system", via: "test" });
    assert.ok(created.ok);
    const staff = new TestClient(portal.app);
    assert.equal((await staff.postForm("/en/staff/sign-in", { username: "legacy01", password: created.issued.password })).headers.get("location"), "/en/staff/sign-in/totp");
    const staffToken = staff.cookies.get("ttp-staff")!;

    // Back to the rows as they were before 0012: unkeyed digests and a TOTP secret in clear.
    // (Every row the test goes on to use: 0012 keys whatever it finds, and runs once in real life.)
    const designateToken = designate.cookies.get("ttp-session")!;
    for (const [table, token] of [["sessions", sessionToken], ["sessions", midwayToken], ["sessions", designateToken], ["staff_sessions", staffToken]] as const) {
      const done = await sql`update ${sql.table(table)} set token_hash = ${unkeyedTokenDigest(token)} where token_hash = ${keyedHash("token", unkeyedTokenDigest(token))}`.execute(db);
      assert.equal(Number(done.numAffectedRows), 1, `${table} row turned back`);
    }
    const codes = await db.selectFrom("one_time_codes").select(["id", "code_hash"]).where("purpose", "=", "mfa").where("consumed_at", "is", null).where("voided_at", "is", null).execute();
    let turned = 0;
    for (const c of codes) {
      const [salt = ""] = c.code_hash.split(":");
      if (c.code_hash === `${salt}:${keyedHash("code", unkeyedCodeDigest(code, salt))}`) {
        await db.updateTable("one_time_codes").set({ code_hash: `${salt}:${unkeyedCodeDigest(code, salt)}` }).where("id", "=", c.id).execute();
        turned++;
      }
    }
    assert.equal(turned, 1, "the code on its way turned back");
    const canonical = normalizeActivationCode(letter.code)!;
    const act = await db
      .updateTable("activation_codes")
      .set({ code_hash: unkeyedActivationDigest(canonical) })
      .where("code_hash", "=", keyedHash("activation", unkeyedActivationDigest(canonical)))
      .executeTakeFirst();
    assert.equal(Number(act.numUpdatedRows), 1);
    await sql`update staff_users set totp_secret = ${created.issued.totpSecret} where username = 'legacy01'`.execute(db);

    // Without the migration, none of them works any more.
    assert.equal((await signedIn.get("/en/account")).status, 303, "an unkeyed session token is not accepted");
    signedIn.cookies.set("ttp-session", sessionToken); // the refusal cleared the cookie; the browser would still hold it

    // Migration 0012 once more, on the rows as they were before it.
    await keyExistingRows(db as never);

    assert.equal((await signedIn.get("/en/account")).status, 200, "the signed-in trader is still signed in");
    assert.equal((await midway.postForm("/en/sign-in/code", { action: "verify", code })).headers.get("location"), "/en/sign-in/terms", "the code on its way still works");
    const activated = await designate.postForm("/en/registration/activate", { clientNumber: letter.clientNumber, activationCode: letter.code });
    assert.match(activated.headers.get("location") ?? "", /^\/en\/companies\/\d+\/terms$/, "the letter's code still activates");
    const totp = OTPAuth.URI.parse(created.issued.totpUri) as OTPAuth.TOTP;
    const staffStep = await staff.postForm("/en/staff/sign-in/totp", { code: totp.generate({ timestamp: portal.clock.now().getTime() }) });
    assert.equal(staffStep.headers.get("location"), "/en/staff/sign-in/password", "the authenticator still works");
    const sealed = await sql<{ totp_secret: string }>`select totp_secret from staff_users where username = 'legacy01'`.execute(db);
    assert.ok(isSealed(sealed.rows[0]!.totp_secret), "and its secret is now encrypted");
  });

  it("after a rotation (APP_KEY_PREVIOUS) sessions go on, and TOTP secrets move to the new key", async () => {
    const client = await signUpAndSignIn(portal, person(805));
    const created = await createStaffUser(portal.deps, { username: "rotate01", displayName: "Rotate One", email: "rotate01@cbsa-asfc.gc.ca", roles: ["tccu"] }, { type: "system", via: "test" });
    assert.ok(created.ok);
    const oldKey = Buffer.from(process.env.APP_KEY!, "base64");
    const newKey = randomBytes(32);
    useAppKeys({ current: newKey, previous: oldKey });
    try {
      assert.equal((await client.get("/en/account")).status, 200, "a session hashed under the previous key still opens");
      assert.ok((await resealStaffSecrets(portal.deps)) >= 1);
      useAppKeys({ current: newKey, previous: null });
      const token = client.cookies.get("ttp-session")!;
      assert.equal((await client.get("/en/account")).status, 303, "once the previous key is retired, its hashes are gone");
      client.cookies.set("ttp-session", token);
      const staff = new TestClient(portal.app);
      assert.equal((await staff.postForm("/en/staff/sign-in", { username: "rotate01", password: created.issued.password })).headers.get("location"), "/en/staff/sign-in/totp");
      const totp = OTPAuth.URI.parse(created.issued.totpUri) as OTPAuth.TOTP;
      const step = await staff.postForm("/en/staff/sign-in/totp", { code: totp.generate({ timestamp: portal.clock.now().getTime() }) });
      assert.equal(step.headers.get("location"), "/en/staff/sign-in/password", "the re-sealed secret opens with the new key alone");
    } finally {
      useAppKeys({ current: oldKey, previous: null });
    }
  });
});
