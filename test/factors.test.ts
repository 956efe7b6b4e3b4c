// Stronger second factors through HTTP (SPEC ID-9, ID-5, STAFF-1, SEC-3, SEC-8): passkeys
// registered and used with real WebAuthn answers from a software authenticator (its bytes are
// what @simplewebauthn/server verifies), replays and counters going back refused, an
// authenticator app's code accepted once, email codes turned off with single-use recovery
// codes, and turned back on when the last strong factor goes.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as OTPAuth from "otpauth";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { expectRedirect, TestClient } from "./helpers/client.ts";
import { unescapeHtml } from "./helpers/page-text.ts";
import { fieldErrors, latestCode, latestMail, person, signUpAndSignIn, type Person } from "./helpers/identity.ts";
import { SoftwareAuthenticator } from "./helpers/software-authenticator.ts";
import { normalizeRecoveryCode } from "../src/features/identity/factors.ts";

const ORIGIN = "http://localhost";
let portal: TestPortal;

before(async () => {
  portal = await createTestPortal();
});
after(() => portal.close());

/** The passkey options a page hands the browser (the form's data-options). */
async function pageOptions<T = { challenge: string; allowCredentials?: { id: string }[]; excludeCredentials?: { id: string }[]; rp?: { id: string } }>(res: Response): Promise<T> {
  assert.equal(res.status, 200, `page status ${res.status}`);
  const html = await res.text();
  const raw = /data-options="([^"]*)"/.exec(html)?.[1];
  assert.ok(raw, "the page carries passkey options");
  return JSON.parse(unescapeHtml(raw)) as T;
}

async function personId(p: Person): Promise<string> {
  const row = await portal.database.db.selectFrom("people").select("id").where("email", "=", p.email).executeTakeFirstOrThrow();
  return row.id;
}

async function signOut(client: TestClient, lang = "en"): Promise<void> {
  expectRedirect(await client.postForm(`/${lang}/sign-out`, {}), `/${lang}/sign-in?signedOut=1`, "sign-out");
}

/** Password, then the given stage's page. */
async function passwordStep(p: Person, expected: "factor" | "code"): Promise<TestClient> {
  const client = new TestClient(portal.app);
  expectRedirect(await client.postForm(`/${p.lang}/sign-in/gckey`, { username: p.username, password: p.password }), `/${p.lang}/sign-in/${expected}`, "password");
  return client;
}

async function acceptTerms(client: TestClient, lang = "en"): Promise<void> {
  expectRedirect(await client.postForm(`/${lang}/sign-in/terms`, { agree: "yes" }), new RegExp(`^/${lang}/(registration|account|companies(/\\d+)?)$`), "terms");
}

async function mfaCodesOfPerson(id: string): Promise<number> {
  const row = await portal.database.db.selectFrom("one_time_codes").select((eb) => eb.fn.countAll<string>().as("n")).where("purpose", "=", "mfa").where("person_id", "=", id).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function auditActions(id: string, prefix: string): Promise<{ action: string; after: Record<string, unknown> | null }[]> {
  const rows = await portal.database.db
    .selectFrom("audit_events")
    .select(["action", "after"])
    .where("subject_type", "=", "person")
    .where("subject_id", "=", id)
    .where("action", "like", `${prefix}%`)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ action: r.action, after: (typeof r.after === "string" ? JSON.parse(r.after) : r.after) as Record<string, unknown> | null }));
}

describe("passkeys for traders", () => {
  const p = person("pk1");
  const laptop = new SoftwareAuthenticator({ origin: ORIGIN });
  const phone = new SoftwareAuthenticator({ origin: ORIGIN, backedUp: true });
  let client: TestClient;
  let id: string;

  it("registers several named passkeys from real attestation objects, kept as bytes with their counter, transports and backup state", async () => {
    client = await signUpAndSignIn(portal, p);
    id = await personId(p);
    const options = await pageOptions<{ challenge: string; rp: { id: string; name: string }; user: { name: string } }>(await client.get("/en/account/security/passkeys/new"));
    assert.equal(options.rp.id, "localhost", "the RP ID is BASE_URL's host");
    assert.equal(options.user.name, p.email);
    const res = await client.postForm("/en/account/security/passkeys/new", { name: "Work laptop", response: JSON.stringify(laptop.register(options)) });
    expectRedirect(res, /^\/en\/account\/security\?added=\d+$/, "added");
    const page = await (await client.get(res.headers.get("location")!)).text();
    assert.match(page, /The passkey “Work laptop” was added\./);

    // The second: its options exclude the first, so one authenticator is not added twice.
    const second = await pageOptions(await client.get("/en/account/security/passkeys/new"));
    assert.deepEqual(second.excludeCredentials?.map((c) => c.id), [laptop.id]);
    expectRedirect(await client.postForm("/en/account/security/passkeys/new", { name: "My phone", response: JSON.stringify(phone.register(second)) }), /added=/);

    const rows = await portal.database.db.selectFrom("passkeys").selectAll().where("person_id", "=", id).orderBy("id").execute();
    assert.deepEqual(
      rows.map((r) => [r.name, r.credential_id, r.counter, [...r.transports].sort(), r.device_type, r.backed_up, r.last_used_at]),
      [
        ["Work laptop", laptop.id, "0", ["hybrid", "internal"], "singleDevice", false, null],
        ["My phone", phone.id, "0", ["hybrid", "internal"], "multiDevice", true, null],
      ],
    );
    assert.ok(rows[0]!.public_key instanceof Uint8Array, "the public key is stored as bytes");
    assert.deepEqual(Buffer.from(rows[0]!.public_key), laptop.coseKey(), "the COSE key the authenticator made");

    const security = await (await client.get("/en/account/security")).text();
    assert.match(security, /data-passkey="Work laptop"/);
    assert.match(security, /data-passkey="My phone"/);
    const mail = await latestMail(portal, p.email);
    assert.match(mail.subject, /A passkey was added/);
    assert.match(mail.text, /My phone/);
    assert.deepEqual((await auditActions(id, "mfa.passkey-added")).map((a) => a.after?.name), ["Work laptop", "My phone"]);
    assert.match(await (await client.get("/en/account")).text(), /2 passkeys or a code by email/);
  });

  it("refuses an attestation made for another site, for another challenge, or with no name", async () => {
    const evil = new SoftwareAuthenticator({ origin: "https://trusted-trader.example" });
    const options = await pageOptions(await client.get("/en/account/security/passkeys/new"));
    const res = await client.postForm("/en/account/security/passkeys/new", { name: "Phished", response: JSON.stringify(evil.register(options)) });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /could not be verified/);
    // The challenge was taken by that try: the same answer again finds none.
    const again = await client.postForm("/en/account/security/passkeys/new", { name: "Phished", response: JSON.stringify(laptop.register(options)) });
    assert.equal(again.status, 422);
    const other = new SoftwareAuthenticator({ origin: ORIGIN });
    const stale = await client.postForm("/en/account/security/passkeys/new", { name: "Stale", response: JSON.stringify(other.register({ challenge: "bm90LXRoZS1jaGFsbGVuZ2U" })) });
    assert.equal(stale.status, 422);
    const noName = await client.postForm("/en/account/security/passkeys/new", { name: " ", response: "" });
    assert.equal(noName.status, 422);
    assert.ok(fieldErrors(await noName.text()).includes("Enter a name for the passkey."));
    assert.equal((await portal.database.db.selectFrom("passkeys").select("id").where("person_id", "=", id).execute()).length, 2);
  });

  it("offers the passkey first at sign-in (no email code sent), verifies a real assertion and records its use", async () => {
    await signOut(client);
    const before = await mfaCodesOfPerson(id);
    const next = await passwordStep(p, "factor");
    const page = await next.get("/en/sign-in/factor");
    const options = await pageOptions<{ challenge: string; allowCredentials: { id: string }[]; rpId: string }>(page.clone());
    assert.deepEqual(options.allowCredentials.map((c) => c.id).sort(), [laptop.id, phone.id].sort());
    assert.equal(options.rpId, "localhost");
    const html = await page.text();
    assert.match(html, /Email me a code/, "the email code is still offered");
    assert.match(html, /\/assets\/webauthn\.js/);
    assert.equal(await mfaCodesOfPerson(id), before, "no code was emailed");
    // The terms stay ahead (ID-6): the account is not open yet.
    expectRedirect(await next.get("/en/account"), "/en/sign-in/factor");
    expectRedirect(await next.postForm("/en/sign-in/factor", { method: "passkey", response: JSON.stringify(laptop.authenticate(options)) }), "/en/sign-in/terms");
    expectRedirect(await next.get("/en/account"), "/en/sign-in/terms");
    await acceptTerms(next);
    const row = await portal.database.db.selectFrom("passkeys").select(["counter", "last_used_at"]).where("credential_id", "=", laptop.id).executeTakeFirstOrThrow();
    assert.equal(row.counter, "1");
    assert.ok(row.last_used_at);
    assert.equal((await auditActions(id, "mfa.verified")).at(-1)?.after?.method, "passkey");
    client = next;
  });

  it("refuses a replayed assertion, a counter that goes back, an answer for another site, and counts each try", async () => {
    await signOut(client);
    const first = await passwordStep(p, "factor");
    const options = await pageOptions(await first.get("/en/sign-in/factor"));
    const assertion = laptop.authenticate(options); // counter 2
    expectRedirect(await first.postForm("/en/sign-in/factor", { method: "passkey", response: JSON.stringify(assertion) }), "/en/sign-in/terms");
    await acceptTerms(first);
    await signOut(first);

    // Someone who captured that answer replays it in a sign-in of their own.
    const attacker = await passwordStep(p, "factor");
    await attacker.get("/en/sign-in/factor");
    const replay = await attacker.postForm("/en/sign-in/factor", { method: "passkey", response: JSON.stringify(assertion) });
    assert.equal(replay.status, 422, "a replayed assertion is refused");
    assert.match(await replay.text(), /could not be verified/);
    expectRedirect(await attacker.get("/en/account"), "/en/sign-in/factor", "still not signed in");

    // A cloned authenticator: right key, right challenge, a counter that went back (stored: 2).
    const fresh = await pageOptions(await attacker.get("/en/sign-in/factor"));
    const backwards = await attacker.postForm("/en/sign-in/factor", { method: "passkey", response: JSON.stringify(laptop.authenticate(fresh, { counter: 1 })) });
    assert.equal(backwards.status, 422, "a counter going backwards is refused");

    // The same passkey answering a phishing site's page (its origin in the client data).
    const phished = await pageOptions(await attacker.get("/en/sign-in/factor"));
    const wrongOrigin = await attacker.postForm("/en/sign-in/factor", { method: "passkey", response: JSON.stringify(laptop.authenticate(phished, { origin: "https://trusted-trader.example", counter: 10 })) });
    assert.equal(wrongOrigin.status, 422, "an answer made for another origin is refused");

    // Another person's passkey is not this person's.
    const stranger = new SoftwareAuthenticator({ origin: ORIGIN });
    const theirs = await pageOptions(await attacker.get("/en/sign-in/factor"));
    assert.equal((await attacker.postForm("/en/sign-in/factor", { method: "passkey", response: JSON.stringify(stranger.authenticate(theirs)) })).status, 422);

    const refused = (await auditActions(id, "mfa.factor-refused")).map((a) => a.after?.reason);
    assert.deepEqual(refused, ["invalid", "counter", "invalid", "unknown"]);
    const throttle = await portal.database.db.selectFrom("throttles").select("failures").where("key", "=", `factor:person:${id}`).executeTakeFirstOrThrow();
    assert.equal(throttle.failures, 4, "every wrong try went through the person's growing delays");
    const stored = await portal.database.db.selectFrom("passkeys").select("counter").where("credential_id", "=", laptop.id).executeTakeFirstOrThrow();
    assert.equal(stored.counter, "2", "no refused answer moved the counter");

    // The rightful owner, next: a good assertion still works, and clears the count.
    const good = await pageOptions(await attacker.get("/en/sign-in/factor"));
    expectRedirect(await attacker.postForm("/en/sign-in/factor", { method: "passkey", response: JSON.stringify(phone.authenticate(good)) }), "/en/sign-in/terms");
    assert.equal(await portal.database.db.selectFrom("throttles").select("failures").where("key", "=", `factor:person:${id}`).executeTakeFirst(), undefined);
  });

  it("lets the person choose the email code instead, and go back to the passkey", async () => {
    const next = await passwordStep(p, "factor");
    expectRedirect(await next.postForm("/en/sign-in/factor", { method: "email" }), "/en/sign-in/code");
    const code = await latestCode(portal, p.email);
    const page = await (await next.get("/en/sign-in/code")).text();
    assert.match(page, /Confirm it&#39;s you another way|Confirm it's you another way/);
    expectRedirect(await next.postForm("/en/sign-in/code", { action: "factor" }), "/en/sign-in/factor");
    expectRedirect(await next.postForm("/en/sign-in/factor", { method: "email" }), "/en/sign-in/code");
    const newer = await latestCode(portal, p.email);
    assert.notEqual(newer, code);
    expectRedirect(await next.postForm("/en/sign-in/code", { action: "verify", code: newer }), "/en/sign-in/terms");
    await acceptTerms(next);
    client = next;
  });

  it("removes a passkey (asked first), and tells the person", async () => {
    const [laptopRow] = await portal.database.db.selectFrom("passkeys").select("id").where("credential_id", "=", laptop.id).execute();
    const confirm = await client.get(`/en/account/security/passkeys/${laptopRow!.id}/remove`);
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /Remove the passkey “Work laptop”\?/);
    expectRedirect(await client.postForm(`/en/account/security/passkeys/${laptopRow!.id}/remove`, {}), "/en/account/security?removed=1");
    assert.match((await latestMail(portal, p.email)).subject, /A passkey was removed/);
    // Not someone else's, and not twice.
    assert.equal((await client.postForm(`/en/account/security/passkeys/${laptopRow!.id}/remove`, {})).status, 404);
    const remaining = await portal.database.db.selectFrom("passkeys").select("name").where("person_id", "=", id).execute();
    assert.deepEqual(remaining.map((r) => r.name), ["My phone"]);
    const other = await signUpAndSignIn(portal, person("pk2"));
    const [phoneRow] = await portal.database.db.selectFrom("passkeys").select("id").where("credential_id", "=", phone.id).execute();
    assert.equal((await other.postForm(`/en/account/security/passkeys/${phoneRow!.id}/remove`, {})).status, 404, "another person's passkey");
  });
});

// ---------------------------------------------------------------------------------------

function totpFor(secret: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
}

async function setUpApp(client: TestClient, lang = "en"): Promise<string> {
  const html = await (await client.get(`/${lang}/account/security/authenticator`)).text();
  assert.match(html, /<img src="data:image\/svg\+xml;base64,/, "the QR code is drawn on the server as SVG");
  const secret = /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(html)?.[1]?.replace(/ /g, "");
  assert.ok(secret, "the key is on the page, to type");
  const code = totpFor(secret).generate({ timestamp: portal.clock.now().getTime() });
  expectRedirect(await client.postForm(`/${lang}/account/security/authenticator`, { code }), `/${lang}/account/security?app=added`, "app confirmed");
  return secret;
}

describe("an authenticator app for traders", () => {
  const p = person("app1");
  let client: TestClient;
  let secret: string;

  it("is added by its key (or QR code), confirmed by a first code, its secret sealed under APP_KEY", async () => {
    client = await signUpAndSignIn(portal, p);
    const html = await (await client.get("/en/account/security/authenticator")).text();
    const shown = /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(html)![1]!.replace(/ /g, "");
    const reload = await (await client.get("/en/account/security/authenticator")).text();
    assert.ok(reload.includes(/data-testid="totp-secret">([A-Z2-7 ]+)</.exec(html)![1]!), "a reload shows the same key");
    const wrong = await client.postForm("/en/account/security/authenticator", { code: "000000" === totpFor(shown).generate({ timestamp: portal.clock.now().getTime() }) ? "111111" : "000000" });
    assert.equal(wrong.status, 422);
    assert.ok(fieldErrors(await wrong.text()).some((e) => /not correct/.test(e)));
    secret = await setUpApp(client);
    assert.equal(secret, shown);
    const row = await portal.database.db.selectFrom("totp_authenticators").selectAll().executeTakeFirstOrThrow();
    assert.match(row.secret_sealed, /^sealed1\./);
    assert.ok(!row.secret_sealed.includes(secret), "never stored in clear");
    assert.ok(row.confirmed_at);
    assert.match((await latestMail(portal, p.email)).subject, /An authenticator app was set up/);
    // One per person: the setup page is not offered again.
    expectRedirect(await client.get("/en/account/security/authenticator"), "/en/account/security");
  });

  it("signs in with a code computed here, and refuses that code the second time", async () => {
    await signOut(client);
    const first = await passwordStep(p, "factor");
    const page = await (await first.get("/en/sign-in/factor")).text();
    assert.doesNotMatch(page, /data-options=/, "no passkey, no passkey ceremony");
    const code = totpFor(secret).generate({ timestamp: portal.clock.now().getTime() + 30_000 });
    expectRedirect(await first.postForm("/en/sign-in/factor", { method: "app", appCode: code }), "/en/sign-in/terms");
    await acceptTerms(first);
    await signOut(first);

    const second = await passwordStep(p, "factor");
    const again = await second.postForm("/en/sign-in/factor", { method: "app", appCode: code });
    assert.equal(again.status, 422, "a code is accepted once");
    assert.ok(fieldErrors(await again.text()).some((e) => /already used/.test(e)));
    // An older step's code is not accepted after a newer one either.
    const older = totpFor(secret).generate({ timestamp: portal.clock.now().getTime() });
    assert.equal((await second.postForm("/en/sign-in/factor", { method: "app", appCode: older })).status, 422);
    portal.clock.advance(60_000);
    const later = totpFor(secret).generate({ timestamp: portal.clock.now().getTime() });
    expectRedirect(await second.postForm("/en/sign-in/factor", { method: "app", appCode: later }), "/en/sign-in/terms");
    await acceptTerms(second);
    client = second;
  });

  it("puts wrong codes through the growing delays", async () => {
    await signOut(client);
    const next = await passwordStep(p, "factor");
    // A step after the one the last test's code used: that code is spent, and the test clock
    // follows the wall clock, so 6 seconds later may or may not be a new step.
    portal.clock.advance(30_000);
    const current = totpFor(secret).generate({ timestamp: portal.clock.now().getTime() });
    const wrong = current === "123456" ? "654321" : "123456";
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await next.postForm("/en/sign-in/factor", { method: "app", appCode: wrong })).status);
    assert.deepEqual(statuses, [422, 422, 422, 422, 422, 422, 429]);
    const blocked = await next.postForm("/en/sign-in/factor", { method: "app", appCode: current });
    assert.equal(blocked.status, 429, "even the right code waits for the delay");
    portal.clock.advance(6_000);
    expectRedirect(await next.postForm("/en/sign-in/factor", { method: "app", appCode: totpFor(secret).generate({ timestamp: portal.clock.now().getTime() }) }), "/en/sign-in/terms");
    await acceptTerms(next);
    client = next;
  });
});

// ---------------------------------------------------------------------------------------

describe("email codes off, recovery codes", () => {
  const p = person("rc1");
  let client: TestClient;
  let id: string;
  let codes: string[];

  async function recoveryCodes(res: Response): Promise<string[]> {
    assert.equal(res.status, 200);
    const html = await res.text();
    const list = /data-testid="recovery-codes">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
    return [...list.matchAll(/<code>([0-9A-Z-]+)<\/code>/g)].map((m) => m[1]!);
  }

  it("cannot be turned off without a strong factor", async () => {
    client = await signUpAndSignIn(portal, p);
    id = await personId(p);
    const res = await client.postForm("/en/account/security/email-codes/off", {});
    assert.equal(res.status, 422);
    assert.match(await res.text(), /first add a passkey or an authenticator app/i);
    const row = await portal.database.db.selectFrom("people").select("email_codes_off_at").where("id", "=", id).executeTakeFirstOrThrow();
    assert.equal(row.email_codes_off_at, null);
  });

  it("turns off with a strong factor and gives 10 recovery codes, shown once and stored as keyed hashes", async () => {
    await setUpApp(client);
    assert.equal((await client.get("/en/account/security/email-codes/off")).status, 200);
    codes = await recoveryCodes(await client.postForm("/en/account/security/email-codes/off", {}));
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const rows = await portal.database.db.selectFrom("recovery_codes").select(["code_hash", "used_at"]).where("person_id", "=", id).execute();
    assert.equal(rows.length, 10);
    for (const row of rows) for (const code of codes) assert.ok(!row.code_hash.includes(code.replace("-", "")), "no code in clear");
    const mail = await latestMail(portal, p.email);
    assert.match(mail.subject, /Email codes were turned off/);
    // It names the factor the person has (an authenticator app here), not every kind there is.
    assert.match(mail.text, /You now sign in with your authenticator app, or with one of your 10 recovery codes\./);
    const security = await (await client.get("/en/account/security")).text();
    assert.match(security, /You have 10 unused recovery codes/);
    assert.doesNotMatch(security, /[0-9A-Z]{5}-[0-9A-Z]{5}/, "the codes are not shown again");
    assert.deepEqual((await auditActions(id, "mfa.email-codes-off")).map((a) => a.after?.recoveryCodes), [10]);
  });

  it("refuses email codes for the person: none is offered, asking for one is refused, a code sent before is refused", async () => {
    await signOut(client);
    const next = await passwordStep(p, "factor");
    const page = await (await next.get("/en/sign-in/factor")).text();
    assert.doesNotMatch(page, /Email me a code/);
    assert.match(page, /Use a recovery code/);
    const asked = await next.postForm("/en/sign-in/factor", { method: "email" });
    assert.equal(asked.status, 422);
    assert.ok(fieldErrors(await asked.text()).some((e) => /turned email codes off/.test(e)));
    expectRedirect(await next.get("/en/sign-in/code"), "/en/sign-in/factor", "the code page is not reachable");
  });

  it("takes each recovery code once, whatever its case and separators, and says how many are left", async () => {
    const first = await passwordStep(p, "factor");
    expectRedirect(await first.postForm("/en/sign-in/factor", { method: "recovery", recoveryCode: codes[0]! }), "/en/sign-in/terms");
    await acceptTerms(first);
    const mail = await latestMail(portal, p.email);
    assert.match(mail.subject, /A recovery code was used/);
    assert.match(mail.text, /9 recovery codes are left/);
    await signOut(first);

    const second = await passwordStep(p, "factor");
    const reused = await second.postForm("/en/sign-in/factor", { method: "recovery", recoveryCode: codes[0]! });
    assert.equal(reused.status, 422, "a recovery code works once");
    assert.ok(fieldErrors(await reused.text()).some((e) => /already used/.test(e)));
    const typed = codes[1]!.toLowerCase().replace("-", " ").replace(/0/g, "o");
    assert.equal(normalizeRecoveryCode(typed), codes[1]!.replace("-", ""));
    expectRedirect(await second.postForm("/en/sign-in/factor", { method: "recovery", recoveryCode: typed }), "/en/sign-in/terms");
    await acceptTerms(second);
    client = second;
  });

  it("regenerates the codes: the old ones stop working", async () => {
    assert.equal((await client.get("/en/account/security/recovery-codes")).status, 200);
    const fresh = await recoveryCodes(await client.postForm("/en/account/security/recovery-codes", {}));
    assert.equal(fresh.length, 10);
    assert.match((await latestMail(portal, p.email)).subject, /New recovery codes/);
    await signOut(client);
    const next = await passwordStep(p, "factor");
    assert.equal((await next.postForm("/en/sign-in/factor", { method: "recovery", recoveryCode: codes[2]! })).status, 422, "an old code");
    expectRedirect(await next.postForm("/en/sign-in/factor", { method: "recovery", recoveryCode: fresh[0]! }), "/en/sign-in/terms");
    await acceptTerms(next);
    client = next;
  });

  it("refuses a code emailed before email codes were turned off, in a sign-in that had chosen it", async () => {
    // A second person, with an app: one sign-in chooses the email code; meanwhile another session turns email codes off.
    const q = person("rc2");
    const owner = await signUpAndSignIn(portal, q);
    await setUpApp(owner);
    await signOut(owner);
    const half = await passwordStep(q, "factor");
    expectRedirect(await half.postForm("/en/sign-in/factor", { method: "email" }), "/en/sign-in/code");
    const code = await latestCode(portal, q.email);
    const other = await passwordStep(q, "factor");
    portal.clock.advance(31_000);
    const qSecret = await appSecretOf(q);
    expectRedirect(await other.postForm("/en/sign-in/factor", { method: "app", appCode: totpFor(qSecret).generate({ timestamp: portal.clock.now().getTime() }) }), "/en/sign-in/terms");
    await acceptTerms(other);
    await recoveryCodes(await other.postForm("/en/account/security/email-codes/off", {}));

    expectRedirect(await half.postForm("/en/sign-in/code", { action: "verify", code }), "/en/sign-in/factor", "the emailed code is refused");
    expectRedirect(await half.get("/en/account"), "/en/sign-in/factor", "and the sign-in did not move on");
    const stored = await portal.database.db.selectFrom("one_time_codes").select("consumed_at").where("purpose", "=", "mfa").where("person_id", "=", await personId(q)).orderBy("id", "desc").executeTakeFirstOrThrow();
    assert.equal(stored.consumed_at, null);
  });

  it("turns email codes back on when the last strong factor is removed; email codes work again", async () => {
    const warning = await (await client.get("/en/account/security/authenticator/remove")).text();
    assert.match(warning, /email codes will be turned back on/);
    expectRedirect(await client.postForm("/en/account/security/authenticator/remove", {}), "/en/account/security?app=removed&emailOn=1");
    const row = await portal.database.db.selectFrom("people").select("email_codes_off_at").where("id", "=", id).executeTakeFirstOrThrow();
    assert.equal(row.email_codes_off_at, null);
    assert.equal((await portal.database.db.selectFrom("recovery_codes").select("id").where("person_id", "=", id).execute()).length, 0);
    const subjects = (await portal.database.db.selectFrom("mail_outbox").select("subject").where("to_address", "=", p.email).orderBy("id", "desc").limit(2).execute()).map((r) => r.subject);
    assert.ok(subjects.some((s) => /turned back on/.test(s)));
    assert.ok(subjects.some((s) => /authenticator app was removed/.test(s)));
    assert.deepEqual((await auditActions(id, "mfa.email-codes-on")).map((a) => a.after?.reason), ["last-strong-factor-removed"]);

    await signOut(client);
    const next = await passwordStep(p, "code");
    expectRedirect(await next.postForm("/en/sign-in/code", { action: "verify", code: await latestCode(portal, p.email) }), "/en/sign-in/terms", "the email code is accepted again");
    await acceptTerms(next);
  });

  it("turns email codes back on at the person's request", async () => {
    const q = person("rc3", "fr");
    const c = await signUpAndSignIn(portal, q);
    await setUpApp(c, "fr");
    await recoveryCodes(await c.postForm("/fr/account/security/email-codes/off", {}));
    // An app and no passkey: the page names only the app.
    const off = await (await c.get("/fr/account/security")).text();
    assert.match(off, /Si vous ne pouvez pas utiliser votre application d’authentification, connectez-vous avec un code de récupération\./);
    assert.doesNotMatch(off, /utiliser vos clés d’accès/);
    expectRedirect(await c.postForm("/fr/account/security/email-codes/on", {}), "/fr/account/security?email=on");
    const page = await (await c.get("/fr/account/security?email=on")).text();
    assert.match(page, /Les codes par courriel sont réactivés/);
    assert.match((await latestMail(portal, q.email)).subject, /Les codes par courriel ont été réactivés/);
  });
});

async function appSecretOf(p: Person): Promise<string> {
  const { unseal } = await import("../src/platform/app-key.ts");
  const row = await portal.database.db.selectFrom("totp_authenticators").select("secret_sealed").where("person_id", "=", await personId(p)).executeTakeFirstOrThrow();
  return unseal(row.secret_sealed);
}
