// Trader sign-in through HTTP (SPEC section 1): GCKey, profile and URN, the email code,
// terms at every sign-in, sessions and their limits, growing delays, recovery.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { TestClient } from "./helpers/client.ts";
import { fieldErrors, latestCode, latestMail, person, signIn, signUpAndSignIn, PASSWORD } from "./helpers/identity.ts";
import { parseUrn } from "../src/domain/urn.ts";

const MINUTE = 60_000;
let portal: TestPortal;

before(async () => {
  portal = await createTestPortal();
});
after(() => portal.close());

function sessionCookie(client: TestClient): string | undefined {
  return client.cookies.get("ttp-session");
}

describe("a new GCKey user", () => {
  it("signs up, gets a URN by email, confirms a code, accepts the terms and sees the account page", async () => {
    const p = person(1);
    const client = await signUpAndSignIn(portal, p);
    const page = await (await client.get("/en/account")).text();
    const urn = /URN-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]/.exec(page)?.[0];
    assert.ok(urn, "the account page shows the URN");
    assert.ok(parseUrn(urn), "the URN's check character is valid");
    assert.match(page, new RegExp(p.familyName));
    const confirmation = await portal.database.db
      .selectFrom("dev_mailbox")
      .select(["subject", "text_body"])
      .where("to_address", "=", p.email)
      .orderBy("id", "asc")
      .executeTakeFirstOrThrow();
    assert.match(confirmation.subject, /user reference number/);
    assert.ok(confirmation.text_body.includes(urn), "the confirmation email carries the same URN");
  });

  it("gets a new session token when the sign-in completes (no fixation)", async () => {
    const p = person(2);
    const client = new TestClient(portal.app);
    await client.postForm("/en/gckey/create", {
      username: p.username,
      password: PASSWORD,
      confirmPassword: PASSWORD,
      "answer-school": "aaa",
      "answer-street": "bbb",
      "answer-book": "ccc",
    });
    await client.postForm("/en/sign-in/profile", { givenName: "Sam", familyName: p.familyName, email: p.email, phone: "6135550123", preferredLocale: "en" });
    await client.postForm("/en/sign-in/mfa-terms", { agree: "yes" });
    await client.postForm("/en/sign-in/code", { action: "verify", code: await latestCode(portal, p.email) });
    const before = sessionCookie(client);
    assert.ok(before);
    // The half-finished sign-in's token opens nothing yet.
    assert.equal((await client.get("/en/account")).headers.get("location"), "/en/sign-in/terms");
    await client.postForm("/en/sign-in/terms", { agree: "yes" });
    const after = sessionCookie(client);
    assert.ok(after && after !== before, "a new token at sign-in");
    const stale = new TestClient(portal.app);
    stale.cookies.set("ttp-session", before);
    assert.equal((await stale.get("/en/account")).status, 303, "the old token no longer works");
  });

  it("must accept the portal terms at every sign-in, and gets a new code each time", async () => {
    const p = person(3);
    const client = await signUpAndSignIn(portal, p);
    const firstCode = await latestCode(portal, p.email);
    await client.postForm("/en/sign-out", {});
    const again = new TestClient(portal.app);
    const res = await again.postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD });
    assert.equal(res.headers.get("location"), "/en/sign-in/code", "MFA terms are not asked twice");
    const secondCode = await latestCode(portal, p.email);
    assert.notEqual(secondCode, firstCode);
    await again.postForm("/en/sign-in/code", { action: "verify", code: secondCode });
    const terms = await again.postForm("/en/sign-in/terms", {});
    assert.equal(terms.status, 422, "the terms must be accepted");
    assert.ok(fieldErrors(await terms.text()).includes("You must agree to continue."));
    assert.equal((await again.get("/en/account")).status, 303);
    assert.equal((await again.postForm("/en/sign-in/terms", { agree: "yes" })).headers.get("location"), "/en/registration", "a person with no company lands on registration");
  });

  it("refuses a bad profile with messages in the page's language, and keeps the input", async () => {
    const client = new TestClient(portal.app);
    await client.postForm("/fr/gckey/create", {
      username: "profilfr01",
      password: PASSWORD,
      confirmPassword: PASSWORD,
      "answer-school": "aaa",
      "answer-street": "bbb",
      "answer-book": "ccc",
    });
    const res = await client.postForm("/fr/sign-in/profile", { givenName: "Zoé", familyName: "", email: "pas-un-courriel", phone: "12", preferredLocale: "de" });
    assert.equal(res.status, 422);
    const html = await res.text();
    const errors = fieldErrors(html);
    assert.ok(errors.includes("Ce renseignement est obligatoire."));
    assert.ok(errors.includes("Entrez une adresse courriel au format nom@exemple.com."));
    assert.ok(errors.some((e) => e.startsWith("Entrez un numéro de téléphone")));
    assert.ok(errors.includes("Choisissez une option."));
    assert.match(html, /value="Zoé"/);
    assert.match(html, /gcds-error-summary/);
    const count = await portal.database.db.selectFrom("people").select("id").where("email", "=", "pas-un-courriel").execute();
    assert.equal(count.length, 0, "nothing was created");
  });
});

describe("GCKey sign-up rules", () => {
  it("names each failing password rule in the page's language and creates nothing", async () => {
    const client = new TestClient(portal.app);
    const res = await client.postForm("/fr/gckey/create", {
      username: "regles2026",
      password: "regles2026 «»",
      confirmPassword: "regles2026 «»",
      "answer-school": "",
      "answer-street": "bbb",
      "answer-book": "ccc",
    });
    assert.equal(res.status, 422);
    const errors = fieldErrors(await res.text());
    const password = errors.find((e) => e.startsWith("Votre mot de passe"));
    assert.ok(password, errors.join(" | "));
    assert.match(password, /ne peut pas contenir ces caractères, que la CléGC n’accepte pas\u00a0: « »/);
    assert.match(password, /ne peut pas contenir votre nom d’utilisateur/);
    assert.ok(errors.includes("Entrez une réponse d’au moins 3 caractères."));
    const rows = await portal.database.db.selectFrom("credentials").select("id").where("username_normalized", "=", "regles2026").execute();
    assert.equal(rows.length, 0);
  });

  it("shows the rules before the person types, as the password field's hint", async () => {
    const html = await (await portal.app.request("/en/gckey/create")).text();
    const field = /<gcds-input id="password"[^>]*>/.exec(html)?.[0] ?? "";
    assert.match(field, /hint="Use 12 to 128 characters/);
    assert.match(field, /letters of other languages \(ß, ð, þ, ø, and the capitals Ð, Þ, Ø\)/);
    assert.match(field, /• ·/);
  });

  it("refuses a username that is taken, whatever its case", async () => {
    await signUpAndSignIn(portal, person(4));
    const client = new TestClient(portal.app);
    const res = await client.postForm("/en/gckey/create", {
      username: "TRADER0004",
      password: PASSWORD,
      confirmPassword: PASSWORD,
      "answer-school": "aaa",
      "answer-street": "bbb",
      "answer-book": "ccc",
    });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(await res.text()).includes("This username is not available. Choose another."));
  });
});

describe("the email one-time code (ID-5)", () => {
  it("locks a code after 5 wrong tries; a new code works but does not reset the person's failures", async () => {
    const p = person(10);
    const client = await signUpAndSignIn(portal, p);
    await client.postForm("/en/sign-out", {});
    const c2 = new TestClient(portal.app);
    await c2.postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD });
    const good = await latestCode(portal, p.email);
    const wrong = good === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 4; i++) {
      const res = await c2.postForm("/en/sign-in/code", { action: "verify", code: wrong });
      assert.equal(res.status, 422);
      assert.ok(fieldErrors(await res.text())[0]!.includes(`You have ${5 - i}`));
    }
    const fifth = await c2.postForm("/en/sign-in/code", { action: "verify", code: wrong });
    assert.ok(fieldErrors(await fifth.text()).includes("Too many wrong tries with this code. Send yourself a new code."));
    const right = await c2.postForm("/en/sign-in/code", { action: "verify", code: good });
    assert.equal(right.status, 422, "the locked code is refused even when right");
    assert.ok(fieldErrors(await right.text()).includes("Too many wrong tries with this code. Send yourself a new code."));

    // A new code: allowed a minute after the last one.
    const tooSoon = await c2.postForm("/en/sign-in/code", { action: "resend" });
    assert.equal(tooSoon.status, 429);
    portal.clock.advance(MINUTE);
    assert.equal((await c2.postForm("/en/sign-in/code", { action: "resend" })).headers.get("location"), "/en/sign-in/code?resent=1");
    const fresh = await latestCode(portal, p.email);
    // One more wrong try: the person's 6th failure in a row brings a delay.
    await c2.postForm("/en/sign-in/code", { action: "verify", code: fresh === "000000" ? "111111" : "000000" });
    const delayed = await c2.postForm("/en/sign-in/code", { action: "verify", code: fresh });
    assert.equal(delayed.status, 429, "the failure count carried over to the new code");
    portal.clock.advance(10_000);
    assert.equal((await c2.postForm("/en/sign-in/code", { action: "verify", code: fresh })).headers.get("location"), "/en/sign-in/terms");
  });

  it("refuses an expired code (10 minutes) and a code used twice", async () => {
    const p = person(11);
    await signUpAndSignIn(portal, p);
    const c2 = new TestClient(portal.app);
    await c2.postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD });
    const code = await latestCode(portal, p.email);
    portal.clock.advance(10 * MINUTE + 1000);
    const res = await c2.postForm("/en/sign-in/code", { action: "verify", code });
    assert.ok(fieldErrors(await res.text()).includes("This code has expired. Send yourself a new code."));

    const c3 = new TestClient(portal.app);
    await c3.postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD });
    const code3 = await latestCode(portal, p.email);
    assert.equal((await c3.postForm("/en/sign-in/code", { action: "verify", code: code3 })).status, 303);
    // The code is bound to its sign-in attempt: another attempt cannot use it.
    const c4 = new TestClient(portal.app);
    await c4.postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD });
    const reuse = await c4.postForm("/en/sign-in/code", { action: "verify", code: code3 });
    assert.equal(reuse.status, 422);
  });

  it("counts parallel guesses: 40 wrong codes at once still spend only the code's 5 tries", async () => {
    const p = person(12);
    await signUpAndSignIn(portal, p);
    const c = new TestClient(portal.app);
    await c.postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD });
    const good = await latestCode(portal, p.email);
    const wrong = good === "000000" ? "111111" : "000000";
    const answers = await Promise.all(Array.from({ length: 40 }, () => c.postForm("/en/sign-in/code", { action: "verify", code: wrong })));
    const messages = await Promise.all(answers.map(async (r) => fieldErrors(await r.text())[0] ?? ""));
    assert.ok(messages.filter((m) => m.startsWith("The code is not correct")).length <= 4, "at most 4 'tries left' answers");
    const row = await portal.database.db.selectFrom("one_time_codes").select("failed_attempts").where("purpose", "=", "mfa").orderBy("id", "desc").executeTakeFirstOrThrow();
    assert.equal(row.failed_attempts, 5);
    const right = await c.postForm("/en/sign-in/code", { action: "verify", code: good });
    assert.equal(right.status === 303, false, "the right code no longer opens this sign-in");
  });

  it("stores codes only as hashes", async () => {
    const rows = await portal.database.db.selectFrom("one_time_codes").select("code_hash").execute();
    assert.ok(rows.length > 0);
    for (const r of rows) assert.doesNotMatch(r.code_hash, /^\d{6}$/);
  });
});

describe("sessions (ID-7)", () => {
  it("end after 20 minutes without activity, and activity keeps them alive", async () => {
    const client = await signUpAndSignIn(portal, person(20));
    portal.clock.advance(19 * MINUTE);
    assert.equal((await client.get("/en/account")).status, 200, "19 minutes idle: still signed in");
    portal.clock.advance(19 * MINUTE);
    assert.equal((await client.get("/en/account")).status, 200, "activity restarted the count");
    portal.clock.advance(20 * MINUTE);
    const res = await client.get("/en/account");
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/en/sign-in?ended=1");
    const page = await (await client.get("/en/sign-in?ended=1")).text();
    assert.match(page, /Your session ended/);
  });

  it("end after 12 hours even with activity", async () => {
    const client = await signUpAndSignIn(portal, person(21));
    for (let elapsed = 0; elapsed < 11 * 60 + 45; elapsed += 15) {
      portal.clock.advance(15 * MINUTE);
      assert.equal((await client.get("/en/account")).status, 200, `still signed in after ${elapsed + 15} minutes`);
    }
    portal.clock.advance(16 * MINUTE);
    assert.equal((await client.get("/en/account")).status, 303);
  });

  it("sign-out ends the session on the server", async () => {
    const client = await signUpAndSignIn(portal, person(22));
    const token = sessionCookie(client)!;
    const out = await client.postForm("/en/sign-out", {});
    assert.equal(out.headers.get("location"), "/en/sign-in?signedOut=1");
    const replay = new TestClient(portal.app);
    replay.cookies.set("ttp-session", token);
    assert.equal((await replay.get("/en/account")).status, 303);
  });

  it("lists the person's active sessions and ends the others", async () => {
    const p = person(23);
    const first = await signUpAndSignIn(portal, p);
    const second = await signIn(portal, p);
    const list = await (await first.get("/en/account/sessions")).text();
    assert.equal(list.match(/<tr>/g)?.length, 3, "a header row and 2 sessions");
    assert.match(list, /This session/);
    const ended = await first.postForm("/en/account/sessions", {});
    assert.equal(ended.headers.get("location"), "/en/account/sessions?ended=1");
    assert.match(await (await first.get("/en/account/sessions?ended=1")).text(), /1 other session was ended/);
    assert.equal((await second.get("/en/account")).status, 303, "the other session is over");
    assert.equal((await first.get("/en/account")).status, 200);
  });

  it("answers the idle warning's 'stay signed in' only for a live session", async () => {
    const client = await signUpAndSignIn(portal, person(24));
    const ok = await client.request("/en/session/extend", {
      method: "POST",
      headers: { accept: "application/json", "x-csrf-token": client.csrfToken()!, "sec-fetch-site": "same-origin" },
    });
    assert.equal(ok.status, 200);
    portal.clock.advance(21 * MINUTE);
    const late = await client.request("/en/session/extend", {
      method: "POST",
      headers: { accept: "application/json", "x-csrf-token": client.csrfToken()!, "sec-fetch-site": "same-origin" },
    });
    assert.equal(late.status, 401);
  });
});

describe("growing delays on passwords (SEC-3)", () => {
  // Delays of seconds: time stands still, so that a slow machine cannot outwait them.
  before(() => void portal.clock.freeze());
  after(() => void portal.clock.unfreeze());
  async function attempt(username: string): Promise<{ status: number; errors: string[] }> {
    const client = new TestClient(portal.app);
    const res = await client.postForm("/en/sign-in/gckey", { username, password: "not the right password" });
    // The "wait until" time depends on the moment of each try, not on the username.
    return { status: res.status, errors: fieldErrors(await res.text()).map((e) => e.replace(/\d{1,2}:\d{2}:\d{2}\s?[ap]\.m\.\s\w+/g, "<time>")) };
  }

  it("answer the same way for a known and an unknown username", async () => {
    await signUpAndSignIn(portal, person(30));
    const known: { status: number; errors: string[] }[] = [];
    const unknown: { status: number; errors: string[] }[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await attempt("trader0030"));
      unknown.push(await attempt("nobodyhere"));
    }
    assert.deepEqual(known, unknown);
    assert.equal(known[0]!.status, 422);
    assert.deepEqual(known[0]!.errors, ["The username or password is not correct."]);
    assert.equal(known[5]!.status, 429, "delays grow after a few failures");
    assert.match(known[5]!.errors[0]!, /Too many unsuccessful attempts\. For your security, wait until <time> and try again\./);
  });

  it("lets the right password in once the delay has passed, never locking the person out", async () => {
    const p = person(31);
    await signUpAndSignIn(portal, p);
    for (let i = 0; i < 5; i++) await attempt(p.username);
    const client = new TestClient(portal.app);
    const blocked = await client.postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD });
    assert.equal(blocked.status, 429, "even the right password waits");
    portal.clock.advance(60 * MINUTE);
    const ok = await client.postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD });
    assert.equal(ok.headers.get("location"), "/en/sign-in/code");
  });

  it("after 100 failures in a row, only recovery reopens the account", async () => {
    const p = person(32);
    await signUpAndSignIn(portal, p);
    for (let i = 0; i < 100; i++) {
      await attempt(p.username);
      portal.clock.advance(16 * MINUTE);
    }
    const client = new TestClient(portal.app);
    const refused = await client.postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD });
    assert.equal(refused.status, 422, "the right password no longer opens it");
    assert.deepEqual(fieldErrors(await refused.text()), ["The username or password is not correct."]);

    portal.clock.advance(16 * MINUTE);
    const newPassword = "a brand new passphrase for recovery";
    await client.postForm("/en/gckey/forgot", { username: p.username });
    const reset = await client.postForm("/en/gckey/reset", {
      username: p.username,
      code: "",
      "answer-school": "lisgar collegiate",
      "answer-street": "  Elgin   street ",
      "answer-book": "les misérables",
      password: newPassword,
      confirmPassword: newPassword,
    });
    assert.equal(reset.headers.get("location"), "/en/sign-in?reset=1");
    const back = await client.postForm("/en/sign-in/gckey", { username: p.username, password: newPassword });
    assert.equal(back.headers.get("location"), "/en/sign-in/code");
  });
});

describe("GCKey recovery and password change", () => {
  it("resets a password with the code sent to the recovery email, and ends every session", async () => {
    const p = person(40);
    const signedIn = await signUpAndSignIn(portal, p);
    const client = new TestClient(portal.app);
    assert.equal((await client.postForm("/fr/gckey/forgot", { username: p.username })).headers.get("location"), `/fr/gckey/reset?username=${p.username}`);
    const mail = await latestMail(portal, `recovery.${p.email}`);
    assert.match(mail.subject, /Reset your GCKey password|Réinitialiser/);
    const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
    const newPassword = "une toute nouvelle phrase de passe";
    const wrong = await client.postForm("/fr/gckey/reset", { username: p.username, code: code === "000000" ? "111111" : "000000", password: newPassword, confirmPassword: newPassword });
    assert.equal(wrong.status, 422);
    assert.ok(fieldErrors(await wrong.text())[0]!.startsWith("Nous n’avons pas pu confirmer votre identité"));
    const ok = await client.postForm("/fr/gckey/reset", { username: p.username, code, password: newPassword, confirmPassword: newPassword });
    assert.equal(ok.headers.get("location"), "/fr/sign-in?reset=1");
    const signInPage = await (await client.get("/fr/sign-in?reset=1")).text();
    assert.match(signInPage, /notice-title="Votre mot de passe a été changé\."/, "the notice's title: one short sentence");
    assert.match(signInPage, /Vos autres sessions ont été fermées\. Ouvrez une session avec votre nouveau mot de passe\./, "the rest is the notice's body");
    assert.equal((await signedIn.get("/en/account")).status, 303, "the reset ended the other session");
    assert.equal((await new TestClient(portal.app).postForm("/en/sign-in/gckey", { username: p.username, password: newPassword })).status, 303);
  });

  it("answers an unknown username's reset exactly like a known one's", async () => {
    const client = new TestClient(portal.app);
    const res = await client.postForm("/en/gckey/forgot", { username: "ghostuser1" });
    assert.equal(res.headers.get("location"), "/en/gckey/reset?username=ghostuser1");
    const page = await (await client.get("/en/gckey/reset?username=ghostuser1")).text();
    assert.match(page, /If the GCKey ghostuser1 has a recovery email address/);
    const attempt = await client.postForm("/en/gckey/reset", {
      username: "ghostuser1",
      "answer-school": "a",
      "answer-street": "b",
      "answer-book": "c",
      password: "some long enough passphrase",
      confirmPassword: "some long enough passphrase",
    });
    assert.ok(fieldErrors(await attempt.text())[0]!.startsWith("We could not confirm who you are"));
  });

  it("changes the password with the current one and ends the other sessions", async () => {
    const p = person(41);
    const client = await signUpAndSignIn(portal, p);
    const other = await signIn(portal, p);
    const wrong = await client.postForm("/en/account/password", { currentPassword: "nope nope nope", password: "x", confirmPassword: "x" });
    assert.equal(wrong.status, 422);
    const errors = fieldErrors(await wrong.text());
    assert.ok(errors.includes("Your current password is not correct."));
    assert.ok(errors.some((e) => e.includes("at least 12 characters")));
    const next = "another very good passphrase";
    const ok = await client.postForm("/en/account/password", { currentPassword: PASSWORD, password: next, confirmPassword: next });
    assert.equal(ok.headers.get("location"), "/en/account?password=1");
    assert.equal((await client.get("/en/account")).status, 200);
    assert.equal((await other.get("/en/account")).status, 303);
    assert.match((await latestMail(portal, p.email)).subject, /password was changed/);
  });
});

describe("guessing the current password in a borrowed session", () => {
  it("meets the same growing delays as signing in", async () => {
    const client = await signUpAndSignIn(portal, person(42));
    const tries: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client.postForm("/en/account/password", { currentPassword: `wrong guess number ${i}`, password: "x", confirmPassword: "x" });
      tries.push(fieldErrors(await res.text())[0]!);
    }
    assert.equal(tries[0], "Your current password is not correct.");
    assert.equal(tries[4], "Too many wrong passwords. Wait a few minutes and try again.");
  });
});

describe("the person's own contact details", () => {
  it("edits names, phone and language, audited", async () => {
    const p = person(50);
    const client = await signUpAndSignIn(portal, p);
    const res = await client.postForm("/en/account/contact", { givenName: "Alexandra", familyName: "Gagnon-Roy", phone: "+1 613 555 0199 x12", preferredLocale: "fr" });
    assert.equal(res.headers.get("location"), "/en/account?saved=1");
    const page = await (await client.get("/en/account?saved=1")).text();
    assert.match(page, /Your contact details were saved/);
    assert.match(page, /Gagnon-Roy/);
    assert.match(page, /<dd>French<\/dd>/);
    const audit = await portal.database.db.selectFrom("audit_events").select(["before", "after"]).where("action", "=", "person.contact-updated").executeTakeFirstOrThrow();
    assert.equal((audit.after as { family_name: string }).family_name, "Gagnon-Roy");
  });

  it("changes the email only with a code sent to the new address", async () => {
    const p = person(51);
    const client = await signUpAndSignIn(portal, p);
    assert.equal((await client.postForm("/en/account/email", { email: "new.address@example.ca" })).headers.get("location"), "/en/account/email/confirm");
    let page = await (await client.get("/en/account")).text();
    assert.match(page, new RegExp(p.email.replace(".", "\\.")), "unchanged until confirmed");
    const code = await latestCode(portal, "new.address@example.ca");
    const bad = await client.postForm("/en/account/email/confirm", { code: "12" });
    assert.ok(fieldErrors(await bad.text()).includes("Enter the 6 digits of your code."));
    assert.equal((await client.postForm("/en/account/email/confirm", { code })).headers.get("location"), "/en/account?email=1");
    page = await (await client.get("/en/account")).text();
    assert.match(page, /new\.address@example\.ca/);
  });
});

describe("CSRF on sign-in forms (SEC-1)", () => {
  it("refuses a sign-in POST without the proof", async () => {
    const client = new TestClient(portal.app);
    await client.get("/en/sign-in/gckey");
    const res = await client.request("/en/sign-in/gckey", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
      body: `username=trader0001&password=${encodeURIComponent(PASSWORD)}`,
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get("set-cookie")?.includes("ttp-session"), undefined);
  });
});
