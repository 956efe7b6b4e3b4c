// SEC-7: a guess is counted before it is checked, so guesses sent all at once cost exactly
// what the same guesses sent one after another cost. Every guessable secret gets 50 wrong
// guesses in parallel, and the test counts how many were really checked (a 422 with the
// secret's "not correct" answer) against how many the rules allow before the first delay (the
// others get 429, "wait until …"). On PostgreSQL the same is shown across two app processes.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { randomInt } from "node:crypto";
import type { Hono } from "hono";
import * as OTPAuth from "otpauth";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { TestClient } from "./helpers/client.ts";
import { testEngine } from "./helpers/db.ts";
import { fieldErrors, latestCode, person, PASSWORD, signUpAndSignIn } from "./helpers/identity.ts";
import { memberOf, authorizedCompany } from "./helpers/companies.ts";
import { readQueuedLetter, registerCompany, BNS } from "./helpers/registration.ts";
import { spawnTs, type Child } from "./helpers/process.ts";
import { createStaffUser } from "../src/features/staff/service.ts";
import { clientNumberCheckDigit } from "../src/domain/client-number.ts";
import type { AppEnv } from "../src/web/context.ts";

const N = 50;
let portal: TestPortal;

before(async () => {
  portal = await createTestPortal();
  // The delays here are seconds long: time stands still unless a test moves it, so that a slow
  // machine answering 50 requests cannot outwait a delay and make the count depend on speed.
  portal.clock.freeze();
});
after(() => portal.close());

interface Tally {
  /** Answers after a real check of the secret (422), by their message. */
  checked: string[];
  /** Answers refused before any check (429). */
  throttled: number;
  other: string[];
}

async function tally(responses: Promise<Response>[]): Promise<Tally> {
  const t: Tally = { checked: [], throttled: 0, other: [] };
  for (const res of await Promise.all(responses)) {
    const html = await res.text();
    if (res.status === 429) t.throttled++;
    else if (res.status === 422) t.checked.push(fieldErrors(html).join(" | ") || html.slice(0, 200));
    else t.other.push(`${res.status} ${res.headers.get("location") ?? ""}`);
  }
  return t;
}

function times<T>(n: number, f: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

describe("50 wrong guesses at once are checked only as often as the rules allow (SEC-7)", () => {
  it("GCKey password: 4 checked, the rest wait; the person's own password works once the delay has passed", async () => {
    const p = person(701);
    await signUpAndSignIn(portal, p);
    const t = await tally(times(N, () => new TestClient(portal.app).postForm("/en/sign-in/gckey", { username: p.username, password: "a wrong password, guessed" })));
    assert.deepEqual(t.other, []);
    assert.equal(t.checked.length, 4, `checked: ${t.checked.length}`);
    assert.ok(t.checked.every((m) => m === "The username or password is not correct."));
    assert.equal(t.throttled, N - 4);
    portal.clock.advance(2_001);
    const mine = await new TestClient(portal.app).postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD });
    assert.equal(mine.headers.get("location"), "/en/sign-in/code", "the right password still opens the account");
  });

  it("an unknown username: the same 4 checks and the same answers", async () => {
    const t = await tally(times(N, () => new TestClient(portal.app).postForm("/en/sign-in/gckey", { username: "nobodyatall7", password: "a wrong password, guessed" })));
    assert.equal(t.checked.length, 4);
    assert.equal(t.throttled, N - 4);
  });

  it("recovery answers on the reset form: 4 checked", async () => {
    const p = person(702);
    await signUpAndSignIn(portal, p);
    const client = new TestClient(portal.app);
    const t = await tally(
      times(N, (i) =>
        client.postForm("/en/gckey/reset", {
          username: p.username,
          code: "",
          "answer-school": `guess ${i}`,
          "answer-street": "guess",
          "answer-book": "guess",
          password: "a brand new passphrase here",
          confirmPassword: "a brand new passphrase here",
        }),
      ),
    );
    assert.deepEqual(t.other, []);
    assert.equal(t.checked.length, 4, `checked: ${t.checked.length}`);
    assert.equal(t.throttled, N - 4);
  });

  it("email code: 5 tries on a code, and a second code gets 1 try, not 5, once the person has failed 5 times", async () => {
    const p = person(703);
    await signUpAndSignIn(portal, p);
    await new TestClient(portal.app).postForm("/en/sign-out", {});
    const client = new TestClient(portal.app);
    assert.equal((await client.postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD })).headers.get("location"), "/en/sign-in/code");
    const real = await latestCode(portal, p.email);
    const wrong = real === "000000" ? "111111" : "000000";
    const first = await tally(times(N, () => client.postForm("/en/sign-in/code", { action: "verify", code: wrong })));
    assert.deepEqual(first.other, []);
    const wrongAnswers = first.checked.filter((m) => m.startsWith("The code is not correct."));
    assert.equal(wrongAnswers.length, 4, `told "not correct" with tries left: ${wrongAnswers.length}`);
    assert.equal(first.checked.filter((m) => m.startsWith("Too many wrong tries with this code.")).length + first.throttled, N - 4);

    portal.clock.advance(61_000);
    assert.equal((await client.postForm("/en/sign-in/code", { action: "resend" })).headers.get("location"), "/en/sign-in/code?resent=1");
    const second = await latestCode(portal, p.email);
    const wrong2 = second === "000000" ? "111111" : "000000";
    const again = await tally(times(N, () => client.postForm("/en/sign-in/code", { action: "verify", code: wrong2 })));
    assert.deepEqual(again.other, []);
    assert.equal(again.checked.length, 1, "the person's growing delay holds across codes");
    assert.equal(again.throttled, N - 1);
    portal.clock.advance(5_001);
    const ok = await client.postForm("/en/sign-in/code", { action: "verify", code: second });
    assert.equal(ok.headers.get("location"), "/en/sign-in/terms");
  });

  it("activation code for client numbers that do not exist: 6 checked", async () => {
    const client = await signUpAndSignIn(portal, person(704));
    const t = await tally(
      times(N, () => {
        const body = `8${String(randomInt(1e8)).padStart(8, "0")}`;
        return client.postForm("/en/registration/activate", { clientNumber: body + clientNumberCheckDigit(body), activationCode: "ABCD-EFGH-JKMN" });
      }),
    );
    assert.deepEqual(t.other, []);
    assert.equal(t.checked.length, 6, `checked: ${t.checked.length} ${JSON.stringify(t.checked.slice(-3))}`);
    assert.equal(t.throttled, N - 6);
  });

  it("a stranger's wrong activation codes lock only the stranger out: the owner-designate still activates", async () => {
    const designate = await signUpAndSignIn(portal, person(705));
    await registerCompany(designate, "en", { legalName: "Lockout Test Freight Inc.", bn: BNS[3]! });
    const letter = await readQueuedLetter(portal, "Lockout Test Freight Inc.");
    const stranger = await signUpAndSignIn(portal, person(706));
    const t = await tally(times(N, () => stranger.postForm("/en/registration/activate", { clientNumber: letter.clientNumber, activationCode: "ABCD-EFGH-JKMN" })));
    assert.deepEqual(t.other, []);
    assert.equal(t.checked.length + t.throttled, N);
    assert.equal(t.checked.filter((m) => m.startsWith("The client number and activation code do not match.")).length, 4);
    assert.ok(t.checked.every((m) => !m.startsWith("This activation code is locked")), "the stranger never locks the code itself");
    portal.clock.advance(6_000);
    const lockedOut = await stranger.postForm("/en/registration/activate", { clientNumber: letter.clientNumber, activationCode: "ABCD-EFGH-JKMN" });
    assert.match(fieldErrors(await lockedOut.text()).join(), /You have made too many wrong tries with this activation code\./);
    const res = await designate.postForm("/en/registration/activate", { clientNumber: letter.clientNumber, activationCode: letter.code });
    assert.equal(res.status, 303);
    assert.match(res.headers.get("location") ?? "", /^\/en\/companies\/\d+\/terms$/);
  });

  it("URN look-ups when adding a user: 6 that match no one are checked", async () => {
    const ownerClient = await signUpAndSignIn(portal, person(707));
    const companyId = await authorizedCompany(portal, "Lookup Test Imports Ltd.", await memberOf(portal, ownerClient));
    const t = await tally(
      times(N, () =>
        ownerClient.postForm(`/en/companies/${companyId}/users/add`, { familyName: "Nobody", urn: "URN-7K4Q-9XMT-R", email: "nobody@example.ca", role: "full-access" }),
      ),
    );
    assert.deepEqual(t.other, []);
    assert.equal(t.checked.length, 6, `checked: ${t.checked.length}`);
    assert.equal(t.throttled, N - 6);
  });

  it("staff password (4 checked) and staff authenticator code (6 checked)", async () => {
    const created = await createStaffUser(portal.deps, { username: "guessme01", displayName: "Guess Me", email: "guessme01@cbsa-asfc.gc.ca", roles: ["tccu"] }, { type: "system", via: "test" });
    assert.ok(created.ok);
    const pw = await tally(times(N, () => new TestClient(portal.app).postForm("/en/staff/sign-in", { username: "guessme01", password: "a wrong staff password" })));
    assert.deepEqual(pw.other, []);
    assert.equal(pw.checked.length, 4, `checked: ${pw.checked.length}`);
    assert.equal(pw.throttled, N - 4);

    portal.clock.advance(2_001);
    const staff = new TestClient(portal.app);
    assert.equal((await staff.postForm("/en/staff/sign-in", { username: "guessme01", password: created.issued.password })).headers.get("location"), "/en/staff/sign-in/totp");
    const totp = OTPAuth.URI.parse(created.issued.totpUri) as OTPAuth.TOTP;
    const right = totp.generate({ timestamp: portal.clock.now().getTime() });
    const wrong = right === "000000" ? "111111" : "000000";
    const codes = await tally(times(N, () => staff.postForm("/en/staff/sign-in/totp", { code: wrong })));
    assert.deepEqual(codes.other, []);
    assert.equal(codes.checked.length, 6, `checked: ${codes.checked.length}`);
    assert.equal(codes.throttled, N - 6);
  });
});

describe("reaching 100 failed passwords takes as long in parallel as one guess after another (SEC-3, SEC-7)", () => {
  /**
   * Every 16 minutes (past the longest delay) an attacker sends guesses from fresh addresses:
   * one after another until refused, or 20 at once. The number checked in each round, and
   * so the moment the account becomes recovery-only, must be the same.
   */
  async function campaign(username: string, mode: "sequential" | "parallel"): Promise<number[]> {
    const perRound: number[] = [];
    const guess = () => new TestClient(portal.app).postForm("/en/sign-in/gckey", { username, password: "a wrong password, guessed" });
    for (let round = 0; round < 104; round++) {
      let checked = 0;
      if (mode === "parallel") {
        checked = (await tally(times(20, guess))).checked.length;
      } else {
        for (;;) {
          const res = await guess();
          await res.text();
          if (res.status !== 422) break;
          checked++;
        }
      }
      perRound.push(checked);
      portal.clock.advance(16 * 60_000);
    }
    return perRound;
  }

  it("the same checks in every round, and the account goes to recovery at the same round", async () => {
    const a = person(710);
    const b = person(711);
    await signUpAndSignIn(portal, a);
    await signUpAndSignIn(portal, b);
    const start = portal.clock.now();
    const sequential = await campaign(a.username, "sequential");
    portal.clock.set(start);
    const parallel = await campaign(b.username, "parallel");
    assert.deepEqual(parallel, sequential);
    assert.equal(sequential[0], 4);
    const total = sequential.reduce((x, y) => x + y, 0);
    assert.ok(total >= 100, `the campaign reached ${total} failures`);
    for (const p of [a, b]) {
      const res = await new TestClient(portal.app).postForm("/en/sign-in/gckey", { username: p.username, password: PASSWORD });
      assert.equal(res.status, 422, "after 100 failures only recovery reopens the account");
    }
  });
});

// ---- across two app processes on one PostgreSQL ------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A TestClient that talks to a real server over HTTP instead of app.request(). */
function httpClient(origin: string): TestClient {
  const overHttp = { request: (url: string, init: RequestInit) => fetch(url, { ...init, redirect: "manual" }) } as unknown as Hono<AppEnv>;
  return new TestClient(overHttp, origin);
}

describe("two app processes on one PostgreSQL", () => {
  const skip = testEngine === "postgres" ? false : "needs PostgreSQL: set TEST_DATABASE_URL (CI does)";
  it("share the count: 50 wrong passwords split between them, 4 checked", { skip }, async () => {
    const children: Child[] = [];
    try {
      const origins: string[] = [];
      for (const id of ["a", "b"]) {
        const port = await freePort();
        const origin = `http://127.0.0.1:${port}`;
        const child = spawnTs("src/main.ts", { DATABASE_URL: portal.database.url!, PORT: String(port), HOST: "127.0.0.1", BASE_URL: origin, LOG_LEVEL: "info", NODE_ENV: "development", INSTANCE: id });
        children.push(child);
        origins.push(origin);
      }
      await Promise.all(children.map((c) => c.waitFor('"msg":"listening"', 60_000)));
      const p = person(720);
      const signUp = httpClient(origins[0]!);
      const created = await signUp.postForm("/en/gckey/create", {
        username: p.username,
        password: PASSWORD,
        confirmPassword: PASSWORD,
        "answer-school": "aaa",
        "answer-street": "bbb",
        "answer-book": "ccc",
      });
      assert.equal(created.status, 303);
      const [ca, cb] = [httpClient(origins[0]!), httpClient(origins[1]!)];
      await ca.get("/en");
      await cb.get("/en");
      const t = await tally(times(N, (i) => (i % 2 === 0 ? ca : cb).postForm("/en/sign-in/gckey", { username: p.username, password: "a wrong password, guessed" })));
      assert.deepEqual(t.other, []);
      assert.equal(t.checked.length, 4, `checked: ${t.checked.length}`);
      assert.equal(t.throttled, N - 4);
    } finally {
      for (const c of children) c.proc.kill("SIGTERM");
      await Promise.all(children.map((c) => c.exited));
    }
  });
});
