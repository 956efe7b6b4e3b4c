// Passkeys of CBSA staff as their second factor beside the TOTP code, through HTTP (SPEC
// STAFF-1, ID-9, SEC-3, SEC-7): added on the staff member's own account page from a software
// authenticator's real attestation, used at the code step of the staff sign-in with real
// assertions; a replay, a counter going back, another origin, another staff member's or a
// trader's credential and another session's challenge refused in the page's language; every try
// on the staff's growing delays; removal of one's own only, audited and emailed; an
// administrator's reset removes them all.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { expectRedirect, TestClient } from "./helpers/client.ts";
import { fieldErrors, latestMail, person, signUpAndSignIn } from "./helpers/identity.ts";
import { pageText, unescapeHtml } from "./helpers/page-text.ts";
import { SoftwareAuthenticator } from "./helpers/software-authenticator.ts";
import { addStaffPasskey, passkeyOptionsIn, signedInStaffMember, type StaffMember } from "./helpers/staff.ts";

const ORIGIN = "http://localhost";
const STEP = 30_000;
let portal: TestPortal;

before(async () => {
  portal = await createTestPortal();
});
after(() => portal.close());

const optionsIn = passkeyOptionsIn;

async function pageOptions(res: Response): Promise<ReturnType<typeof passkeyOptionsIn>> {
  assert.equal(res.status, 200, `page status ${res.status}`);
  return optionsIn(await res.text());
}

const addPasskey = addStaffPasskey;

async function signOut(client: TestClient, lang = "en"): Promise<void> {
  expectRedirect(await client.postForm(`/${lang}/staff/sign-out`, {}), `/${lang}/staff/sign-in?signedOut=1`, "sign-out");
}

/** A new staff sign-in up to the code step. */
async function passwordStep(staff: StaffMember, lang = "en"): Promise<TestClient> {
  const client = new TestClient(portal.app);
  expectRedirect(await client.postForm(`/${lang}/staff/sign-in`, { username: staff.username, password: staff.password }), `/${lang}/staff/sign-in/totp`, "password");
  return client;
}

async function auditOf(staffId: string, prefix: string): Promise<{ action: string; actor: string; after: Record<string, unknown> | null }[]> {
  const rows = await portal.database.db
    .selectFrom("audit_events")
    .select(["action", "actor_type", "after"])
    .where("subject_type", "=", "staff-user")
    .where("subject_id", "=", staffId)
    .where("action", "like", `${prefix}%`)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ action: r.action, actor: r.actor_type, after: (typeof r.after === "string" ? JSON.parse(r.after) : r.after) as Record<string, unknown> | null }));
}

async function throttleFailures(staffId: string): Promise<number> {
  const row = await portal.database.db.selectFrom("throttles").select("failures").where("key", "=", `staff-totp:user:${staffId}`).executeTakeFirst();
  return row?.failures ?? 0;
}

/** The messages of a page's error summary (its links' texts). */
function summaryErrors(html: string): string[] {
  const raw = /<gcds-error-summary[^>]*error-links="([^"]*)"/.exec(html)?.[1];
  return raw ? Object.values(JSON.parse(unescapeHtml(raw)) as Record<string, string>) : [];
}

/** The danger notice the code step shows for a refused passkey. */
function passkeyNotice(html: string): string {
  return unescapeHtml(/<gcds-notice notice-role="danger"[^>]*notice-title="([^"]*)"/.exec(html)?.[1] ?? "");
}

describe("a staff member's account page", () => {
  it("is linked from the staff bar, in both languages, and shows their details, their authenticator app and no passkey yet", async () => {
    const staff = await signedInStaffMember(portal, ["tccu", "mail-room"]);
    const home = await (await staff.client.get("/en/staff")).text();
    assert.match(home, /<a href="\/en\/staff\/account" data-testid="staff-account-link">My account<\/a>/);
    const fr = await (await staff.client.get("/fr/staff")).text();
    assert.match(fr, /<a href="\/fr\/staff\/account" data-testid="staff-account-link">Mon compte<\/a>/);

    const res = await staff.client.get("/en/staff/account");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "no-store");
    const text = pageText(await res.text());
    assert.match(text, /Your staff account/);
    assert.match(text, /Name Sam Agent/);
    assert.ok(text.includes(`Username ${staff.username}`), text);
    assert.match(text, /Mail room/);
    assert.match(text, /Technical Commercial Client Unit \(TCCU\)/);
    assert.match(text, /Your authenticator app was set up with your account and first used on /);
    assert.equal(text.split("set up with your account").length - 1, 1, "said once");
    assert.match(text, /Roles Mail room, Technical Commercial Client Unit \(TCCU\)|Roles Technical Commercial Client Unit \(TCCU\), Mail room/, "the roles on one line, as the other values");
    assert.doesNotMatch(text, /a\.m\.\./, "one full stop after a time");
    assert.match(text, /You have no passkey\. You sign in with your authenticator app's codes\./);
    assert.match(text, /Add a passkey/);

    const frHtml = await (await staff.client.get("/fr/staff/account")).text();
    assert.match(pageText(frHtml), /Votre compte du personnel/);
    assert.match(pageText(frHtml), /Vous n’avez aucune clé d’accès/);
    assert.match(frHtml, /Dernier code accepté\u00a0: /, "a no-break space before the colon");
  });

  it("is for signed-in staff only: signed out, half signed in, or a trader, it leads to the staff sign-in", async () => {
    expectRedirect(await new TestClient(portal.app).get("/en/staff/account"), "/en/staff/sign-in");
    const staff = await signedInStaffMember(portal, ["pip-officer"]);
    portal.clock.advance(STEP);
    const half = await passwordStep(staff);
    expectRedirect(await half.get("/en/staff/account/passkeys/new"), "/en/staff/sign-in/totp");
    const trader = await signUpAndSignIn(portal, person(9100));
    expectRedirect(await trader.get("/en/staff/account"), "/en/staff/sign-in");
  });
});

describe("staff passkeys", () => {
  let staff: StaffMember;
  const laptop = new SoftwareAuthenticator({ origin: ORIGIN });
  const phone = new SoftwareAuthenticator({ origin: ORIGIN, backedUp: true });
  const laptopAgain = new SoftwareAuthenticator({ origin: ORIGIN });
  let laptopId: string;

  it("adds a named passkey from a real attestation, in French: shown on the account page, audited, emailed in French", async () => {
    staff = await signedInStaffMember(portal, ["tccu"], "fr");
    const page = await staff.client.get("/fr/staff/account/passkeys/new");
    const html = await page.clone().text();
    assert.match(html, /name="name"/, "the name field");
    assert.match(html, /data-webauthn="register"/);
    assert.match(html, /data-testid="add-passkey-form"/);
    assert.match(html, /name="_csrf"/, "the form carries the CSRF proof");
    assert.match(pageText(html), /Ce navigateur ou cet appareil ne peut pas utiliser de clé d’accès ici .* Continuez de vous connecter avec les codes de votre application d’authentification/, "what to use without a passkey-capable device");
    assert.match(html, /\/assets\/webauthn\.js/);
    const options = await pageOptions(page);
    assert.equal(options.rp?.id, "localhost", "the RP ID is BASE_URL's host");
    assert.equal(options.user?.name, staff.username);

    // A name first; nothing is kept without one.
    const noName = await staff.client.postForm("/fr/staff/account/passkeys/new", { name: " ", response: JSON.stringify(laptop.register(options)) });
    assert.equal(noName.status, 422);
    assert.ok(fieldErrors(await noName.text()).includes("Entrez un nom pour la clé d’accès."));

    laptopId = await addPasskey(staff.client, laptop, "Portable du bureau", "fr");
    const account = await (await staff.client.get(`/fr/staff/account?added=${laptopId}`)).text();
    assert.match(pageText(account), /La clé d’accès «\sPortable du bureau\s» a été ajoutée\./);
    assert.match(account, /data-passkey="Portable du bureau"/);
    assert.match(pageText(account), /Retirer Portable du bureau/);

    const mail = await latestMail(portal, staff.email);
    assert.equal(mail.subject, "Une clé d’accès a été ajoutée à votre compte du personnel — Portail des négociants dignes de confiance");
    assert.ok(mail.text.includes("«\u00a0Portable du bureau\u00a0»"), mail.text);
    assert.match(mail.text, /avisez immédiatement un administrateur/);
    const audit = await auditOf(staff.id, "staff.passkey-added");
    assert.deepEqual(
      audit.map((a) => [a.actor, a.after?.name]),
      [["staff", "Portable du bureau"]],
    );
  });

  it("refuses an attestation made for another site, or for a challenge of another session", async () => {
    const evil = new SoftwareAuthenticator({ origin: "https://trusted-trader.example" });
    const options = await pageOptions(await staff.client.get("/en/staff/account/passkeys/new"));
    const phished = await staff.client.postForm("/en/staff/account/passkeys/new", { name: "Phished", response: JSON.stringify(evil.register(options)) });
    assert.equal(phished.status, 422);
    assert.deepEqual(summaryErrors(await phished.text()), ["The passkey could not be verified. Try again, or use another device."]);
    // The options of this staff session, answered in another session of the same person.
    portal.clock.advance(STEP);
    const other = await passwordStep(staff);
    expectRedirect(await other.postForm("/en/staff/sign-in/totp", { method: "code", code: staff.totp.generate({ timestamp: portal.clock.now().getTime() }) }), "/en/staff");
    const mine = await pageOptions(await staff.client.get("/en/staff/account/passkeys/new"));
    await other.get("/en/staff/account/passkeys/new");
    const elsewhere = await other.postForm("/en/staff/account/passkeys/new", { name: "Elsewhere", response: JSON.stringify(new SoftwareAuthenticator({ origin: ORIGIN }).register(mine)) });
    assert.equal(elsewhere.status, 422, "a challenge belongs to the session it was given to");
    const names = pageText(await (await staff.client.get("/en/staff/account")).text());
    assert.doesNotMatch(names, /Phished|Elsewhere/);
    await signOut(other);
  });

  it("after sign-out, offers the passkey first at the code step and signs in with it, the code still offered", async () => {
    await addPasskey(staff.client, phone, "My phone");
    await signOut(staff.client);
    const next = await passwordStep(staff);
    const page = await next.get("/en/staff/sign-in/totp");
    const html = await page.clone().text();
    assert.match(pageText(html), /Confirm it's you .* Use a passkey .* Or use your authenticator app/);
    assert.match(html, /data-testid="staff-passkey-sign-in"/);
    assert.match(html, /data-webauthn="authenticate"/);
    assert.match(html, /name="method" value="passkey"/);
    assert.match(html, /name="code"/, "the TOTP code can still be typed");
    const options = await pageOptions(page);
    assert.deepEqual(options.allowCredentials?.map((c) => c.id).sort(), [laptop.id, phone.id].sort());
    assert.equal(options.rpId, "localhost");

    expectRedirect(await next.get("/en/staff"), "/en/staff/sign-in/totp", "nothing opens before the second factor");
    expectRedirect(await next.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(laptop.authenticate(options)) }), "/en/staff", "the passkey stands for the code");
    assert.equal((await next.get("/en/staff")).status, 200);
    const completed = (await auditOf(staff.id, "staff.sign-in.completed")).at(-1);
    assert.equal(completed?.after?.method, "passkey");
    const account = await (await next.get("/en/staff/account")).text();
    assert.doesNotMatch(/<tr data-passkey="Portable du bureau">[\s\S]*?<\/tr>/.exec(account)![0], /Never/, "its last use is shown");
    staff.client = next;
  });

  it("still signs in with the TOTP code for a staff member who has passkeys", async () => {
    await signOut(staff.client);
    portal.clock.advance(STEP);
    const next = await passwordStep(staff);
    expectRedirect(await next.postForm("/en/staff/sign-in/totp", { code: staff.totp.generate({ timestamp: portal.clock.now().getTime() }) }), "/en/staff");
    staff.client = next;
  });

  it("refuses a replayed assertion, a counter going back, another origin, another staff member's and a trader's passkey, in the page's language, and counts each try", async () => {
    await signOut(staff.client);
    const first = await passwordStep(staff);
    const assertion = laptop.authenticate(await pageOptions(await first.get("/en/staff/sign-in/totp"))); // counter 2
    expectRedirect(await first.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(assertion) }), "/en/staff");
    await signOut(first);

    // Someone who captured that answer replays it in a sign-in of their own (in French).
    const attacker = await passwordStep(staff, "fr");
    await attacker.get("/fr/staff/sign-in/totp");
    const replay = await attacker.postForm("/fr/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(assertion) });
    assert.equal(replay.status, 422, "a replayed assertion is refused");
    const replayHtml = await replay.text();
    assert.match(passkeyNotice(replayHtml), /^La clé d’accès n’a pas pu être vérifiée\u00a0: cette réponse n’a pas été faite pour cette connexion sur ce site, ou elle a déjà servi\./);
    assert.match(replayHtml, /gcds-error-summary/);
    expectRedirect(await attacker.get("/fr/staff"), "/fr/staff/sign-in/totp", "still not signed in");

    // A cloned authenticator: the right key and challenge, a counter that went back (stored: 2).
    const backwards = await attacker.postForm("/fr/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(laptop.authenticate(optionsIn(replayHtml), { counter: 1 })) });
    assert.equal(backwards.status, 422, "a counter going back is refused");
    const backwardsHtml = await backwards.text();
    assert.match(passkeyNotice(backwardsHtml), /^Cette clé d’accès a été refusée\u00a0: son compteur de signatures a reculé/);

    // The same passkey answering a phishing site's page (its origin in the client data).
    const wrongOrigin = await attacker.postForm("/en/staff/sign-in/totp", {
      method: "passkey",
      response: JSON.stringify(laptop.authenticate(optionsIn(backwardsHtml), { origin: "https://trusted-trader.example", counter: 10 })),
    });
    assert.equal(wrongOrigin.status, 422, "an answer made for another origin is refused");
    const wrongOriginHtml = await wrongOrigin.text();
    assert.match(passkeyNotice(wrongOriginHtml), /^The passkey could not be verified: this answer was not made for this sign-in on this site/);

    // Another staff member's passkey, real and registered, is not this staff member's.
    const colleague = await signedInStaffMember(portal, ["mail-room"]);
    const theirs = new SoftwareAuthenticator({ origin: ORIGIN });
    await addPasskey(colleague.client, theirs, "Colleague's key");
    const colleagues = await attacker.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(theirs.authenticate(optionsIn(wrongOriginHtml))) });
    assert.equal(colleagues.status, 422, "another staff member's passkey");
    const colleaguesHtml = await colleagues.text();
    assert.equal(passkeyNotice(colleaguesHtml), "This passkey is not registered to your staff account. Use a passkey you added to your account, or enter a code from your authenticator app.");

    // Nor is a trader's passkey, registered on the trader's security page.
    const trader = await signUpAndSignIn(portal, person(9101));
    const traders = new SoftwareAuthenticator({ origin: ORIGIN });
    const traderOptions = await pageOptions(await trader.get("/en/account/security/passkeys/new"));
    expectRedirect(await trader.postForm("/en/account/security/passkeys/new", { name: "Trader key", response: JSON.stringify(traders.register(traderOptions)) }), /added=/);
    const tradersTry = await attacker.postForm("/fr/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(traders.authenticate(optionsIn(colleaguesHtml))) });
    assert.equal(tradersTry.status, 422, "a trader's passkey");
    assert.match(passkeyNotice(await tradersTry.text()), /^Cette clé d’accès n’est pas enregistrée dans votre compte du personnel\./);

    assert.deepEqual(
      (await auditOf(staff.id, "staff.sign-in.passkey-refused")).map((a) => a.after?.reason),
      ["invalid", "counter", "invalid", "unknown", "unknown"],
    );
    assert.equal(await throttleFailures(staff.id), 5, "every wrong try went through the staff's growing delays");
    const stored = await portal.database.db.selectFrom("passkeys").select("counter").where("credential_id", "=", laptop.id).executeTakeFirstOrThrow();
    assert.equal(stored.counter, "2", "no refused answer moved the counter");

    // The rightful owner, next: a good assertion still works, and clears the count.
    const good = await pageOptions(await attacker.get("/en/staff/sign-in/totp"));
    expectRedirect(await attacker.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(phone.authenticate(good)) }), "/en/staff");
    assert.equal(await throttleFailures(staff.id), 0);
    staff.client = attacker;
  });

  it("takes each challenge once, for the staff session it was given to", async () => {
    await signOut(staff.client);
    const one = await passwordStep(staff);
    const two = await passwordStep(staff);
    const forOne = await pageOptions(await one.get("/en/staff/sign-in/totp"));
    // Session two never asked for a passkey request: nothing to compare, nothing counted.
    const noRequest = await two.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(phone.authenticate(forOne)) });
    assert.equal(noRequest.status, 422);
    assert.match(passkeyNotice(await noRequest.text()), /^The passkey request expired\./);
    assert.equal(await throttleFailures(staff.id), 0, "a try with no request of this session is not counted");
    // Session two now has its own request: one's answer does not fit it.
    const wrongSession = await two.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(phone.authenticate(forOne)) });
    assert.equal(wrongSession.status, 422, "an answer to another session's challenge");
    // Session one's challenge was not spent by that: a fresh answer to it works, once.
    const answer = phone.authenticate(forOne);
    expectRedirect(await one.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(answer) }), "/en/staff");
    await signOut(one);
    const three = await passwordStep(staff);
    const again = await three.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(answer) });
    assert.equal(again.status, 422, "a used challenge is gone");
    const empty = await three.postForm("/en/staff/sign-in/totp", { method: "passkey", response: "" });
    assert.equal(empty.status, 422);
    assert.match(passkeyNotice(await empty.text()), /^No passkey was received from your browser\./);
    expectRedirect(await three.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(phone.authenticate(await pageOptions(await three.get("/en/staff/sign-in/totp")))) }), "/en/staff");
    staff.client = three;
  });

  it("lets a staff member remove only their own passkeys (404 otherwise), audited and emailed", async () => {
    const colleague = await signedInStaffMember(portal, ["admin"]);
    assert.equal((await colleague.client.get(`/en/staff/account/passkeys/${laptopId}/remove`)).status, 404, "another staff member's passkey: no page");
    assert.equal((await colleague.client.postForm(`/en/staff/account/passkeys/${laptopId}/remove`, {})).status, 404, "another staff member's passkey: no removal");
    const traderKey = await portal.database.db.selectFrom("passkeys").select("id").where("name", "=", "Trader key").executeTakeFirstOrThrow();
    assert.equal((await staff.client.get(`/en/staff/account/passkeys/${traderKey.id}/remove`)).status, 404, "a trader's passkey");
    assert.equal((await staff.client.postForm(`/en/staff/account/passkeys/${traderKey.id}/remove`, {})).status, 404, "a trader's passkey");
    assert.match(pageText(await (await staff.client.get("/en/staff/account")).text()), /Portable du bureau/, "still there");

    const confirm = await staff.client.get(`/en/staff/account/passkeys/${laptopId}/remove`);
    assert.equal(confirm.status, 200);
    const confirmHtml = await confirm.text();
    assert.match(pageText(confirmHtml), /Remove the passkey “Portable du bureau”\? .* your authenticator app's codes still work/);
    assert.match(confirmHtml, /name="_csrf"/);
    assert.match(confirmHtml, /href="\/en\/staff\/account"/, "Cancel leads back to the account");
    expectRedirect(await staff.client.postForm(`/en/staff/account/passkeys/${laptopId}/remove`, {}), "/en/staff/account?removed=1");
    const account = await (await staff.client.get("/en/staff/account?removed=1")).text();
    assert.match(pageText(account), /The passkey was removed\./);
    assert.doesNotMatch(account, /data-passkey="Portable du bureau"/);
    assert.match(account, /data-passkey="My phone"/);
    assert.equal((await staff.client.postForm(`/en/staff/account/passkeys/${laptopId}/remove`, {})).status, 404, "not twice");

    const mail = await latestMail(portal, staff.email);
    assert.equal(mail.subject, "A passkey was removed from your staff account — Trusted Trader Portal");
    assert.match(mail.text, /The passkey named “Portable du bureau” was removed/);
    assert.deepEqual(
      (await auditOf(staff.id, "staff.passkey-removed")).map((a) => [a.actor, a.after?.name, a.after?.reason]),
      [["staff", "Portable du bureau", "by-staff-member"]],
    );
    // Without it, the removed passkey no longer signs in.
    await signOut(staff.client);
    const next = await passwordStep(staff);
    const options = await pageOptions(await next.get("/en/staff/sign-in/totp"));
    assert.deepEqual(options.allowCredentials?.map((c) => c.id), [phone.id]);
    assert.equal((await next.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(laptop.authenticate(options)) })).status, 422);
    expectRedirect(await next.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(phone.authenticate(await pageOptions(await next.get("/en/staff/sign-in/totp")))) }), "/en/staff");
    staff.client = next;
  });

  it("removes every passkey of a staff member whose sign-in an administrator resets, audited and emailed in both languages", async () => {
    const admin = await signedInStaffMember(portal, ["admin"]);
    const confirm = pageText(await (await admin.client.get(`/en/staff/users/${staff.id}/reset`)).text());
    assert.match(confirm, /Their passkeys are removed too/);
    await addPasskey(staff.client, laptopAgain, "Second laptop");
    expectRedirect(await admin.client.postForm(`/en/staff/users/${staff.id}/reset`, {}), `/en/staff/users/${staff.id}/issued`);
    const issued = await (await admin.client.get(`/en/staff/users/${staff.id}/issued`)).text();
    const password = /data-testid="issued-password">([^<]+)</.exec(issued)?.[1];
    assert.ok(password);

    expectRedirect(await staff.client.get("/en/staff/account"), "/en/staff/sign-in?ended=1", "the staff member's session ended");
    const next = new TestClient(portal.app);
    expectRedirect(await next.postForm("/en/staff/sign-in", { username: staff.username, password }), "/en/staff/sign-in/totp");
    const page = await (await next.get("/en/staff/sign-in/totp")).text();
    assert.doesNotMatch(page, /data-webauthn/, "no passkey is left to offer");
    assert.match(pageText(page), /First sign-in: add the authenticator key/);

    const removed = await auditOf(staff.id, "staff.passkey-removed");
    assert.deepEqual(
      removed.slice(1).map((a) => [a.actor, a.after?.name, a.after?.reason]),
      [
        ["staff", "My phone", "sign-in-reset"],
        ["staff", "Second laptop", "sign-in-reset"],
      ],
    );
    assert.equal((await auditOf(staff.id, "staff.sign-in-reset")).at(-1)?.after?.passkeysRemoved, 2);
    const mail = await latestMail(portal, staff.email);
    assert.equal(
      mail.subject,
      "Your passkeys were removed from your staff account — Trusted Trader Portal / Vos clés d’accès ont été retirées de votre compte du personnel — Portail des négociants dignes de confiance",
    );
    assert.match(mail.text, /your passkeys were removed: “My phone”, “Second laptop”/);
    assert.ok(mail.text.includes("retirées\u00a0: «\u00a0My phone\u00a0», «\u00a0Second laptop\u00a0»"), mail.text);
  });
});

describe("the growing delays at the code step", () => {
  it("counts wrong passkeys and wrong codes together: after 6 wrong tries, even the right passkey waits (429)", async (t) => {
    portal.clock.freeze();
    t.after(() => portal.clock.unfreeze());
    const staff = await signedInStaffMember(portal, ["pip-officer"]);
    const key = new SoftwareAuthenticator({ origin: ORIGIN });
    await addPasskey(staff.client, key, "Office key");
    await signOut(staff.client);
    portal.clock.advance(STEP);
    const stranger = new SoftwareAuthenticator({ origin: ORIGIN });
    const next = await passwordStep(staff);
    let html = await (await next.get("/en/staff/sign-in/totp")).text();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await next.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(stranger.authenticate(optionsIn(html))) });
      statuses.push(res.status);
      html = await res.text();
    }
    const right = staff.totp.generate({ timestamp: portal.clock.now().getTime() });
    const wrong = right === "123456" ? "654321" : "123456";
    for (let i = 0; i < 2; i++) {
      const res = await next.postForm("/en/staff/sign-in/totp", { method: "code", code: wrong });
      statuses.push(res.status);
      html = await res.text();
    }
    const blocked = await next.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(key.authenticate(optionsIn(html))) });
    statuses.push(blocked.status);
    assert.deepEqual(statuses, [422, 422, 422, 422, 422, 422, 429]);
    const blockedHtml = await blocked.text();
    assert.match(passkeyNotice(blockedHtml), /^Too many unsuccessful attempts\. For your security, wait until .* and try again\./);
    const rightCode = await next.postForm("/en/staff/sign-in/totp", { code: right });
    assert.equal(rightCode.status, 429, "the right code waits too");
    assert.ok(fieldErrors(await rightCode.clone().text()).some((e) => e.startsWith("Too many unsuccessful attempts.")));
    portal.clock.advance(6_000);
    expectRedirect(await next.postForm("/en/staff/sign-in/totp", { method: "passkey", response: JSON.stringify(key.authenticate(optionsIn(await rightCode.text()))) }), "/en/staff", "after the delay");
  });
});
