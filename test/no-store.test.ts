// SEC-8: no page a signed-in trader (at any sign-in stage) or staff member is shown is kept in
// a cache — `Cache-Control: no-store` on every one, redirects and error pages included, and on
// every response that hands out a session cookie. Routes are read from the app itself, as in
// authorization.test.ts, so a new GET route that does not send it fails this test; public pages
// without a session stay cacheable.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { TestClient } from "./helpers/client.ts";
import { latestCode, person, signUpAndSignIn, type Person } from "./helpers/identity.ts";
import { authorizedCompany, memberOf, type Member } from "./helpers/companies.ts";
import { BNS, registerCompany } from "./helpers/registration.ts";
import { signedInStaff } from "./helpers/staff.ts";
import { fillRoute, getPaths } from "./helpers/routes.ts";

let portal: TestPortal;
let trader: TestClient;
let traderMember: Member;
/** Stopped after the password, before the one-time code: a session at the "mfa" stage. */
let halfway: TestClient;
let staff: TestClient;
let companyId = "";
let colleague: Member;
let letterId = "";
let staffUserId = "";
let mailId = "";

/**
 * GET routes that are not pages, answered before any session is read: the same for everyone
 * and free to cache. Anything else must send no-store to a signed-in caller.
 */
const NOT_PAGES: { test: (path: string) => boolean; why: string }[] = [
  { test: (p) => p === "/favicon.ico" || p.startsWith("/assets/"), why: "static files, the same for everyone" },
  { test: (p) => p === "/healthz" || p === "/readyz", why: "health probes" },
  { test: (p) => p.startsWith("/dev/partner"), why: "the demo Sign-In Partner stands in for another site" },
];

function getRoutes(): string[] {
  return getPaths(portal.app).filter((p) => !NOT_PAGES.some((n) => n.test(p)));
}

/** A route's path with its parameters filled for the caller; fails on a parameter it does not know. */
function concretePath(path: string, lang: "en" | "fr"): string {
  const values: Record<string, string> = {
    lang,
    companyId,
    personId: path.includes("/staff/tccu/") ? traderMember.personId : colleague.personId,
    letterId,
    id: path.includes("/dev/mailbox/") ? mailId : staffUserId,
    // Profiles: whichever division or file is named, the answer (a page, or a 404 page) is for a signed-in caller.
    divisionId: "1",
    fileId: "1",
    submissionId: "1",
    requestId: "1",
    decisionId: "1",
    caseId: "1",
    part: "general",
    line: "importer",
    category: "risk-assessment",
  };
  return fillRoute(path, (name) => values[name]);
}

function isStaffRoute(path: string): boolean {
  return /^\/:lang\{[^}]*\}\}?\/staff(\/|$)/.test(path);
}

function assertNoStore(res: Response, label: string): void {
  assert.match(res.headers.get("cache-control") ?? "(none)", /\bno-store\b/, `${label}: status ${res.status}, Cache-Control ${res.headers.get("cache-control") ?? "(none)"}`);
}

async function firstMatch(client: TestClient, path: string, pattern: RegExp): Promise<string> {
  const html = await (await client.get(path)).text();
  const m = pattern.exec(html);
  assert.ok(m?.[1], `${pattern} on ${path}`);
  return m[1];
}

before(async () => {
  portal = await createTestPortal();
  trader = await signUpAndSignIn(portal, person("nsown"));
  traderMember = await memberOf(portal, trader);
  colleague = await memberOf(portal, await signUpAndSignIn(portal, person("nscol")));
  companyId = await authorizedCompany(portal, "Cache Ltd.", traderMember, [{ member: colleague, role: "full-access" }]);

  // A letter in the mail room: another trader registers a company.
  const registrant = await signUpAndSignIn(portal, person("nsreg"));
  await registerCompany(registrant, "en", { legalName: "Letter Inc.", bn: BNS[0]! });

  const p: Person = person("nshalf");
  await signUpAndSignIn(portal, p);
  halfway = new TestClient(portal.app);
  const password = await halfway.postForm("/en/sign-in/gckey", { username: p.username, password: p.password });
  assert.equal(password.headers.get("location"), "/en/sign-in/code");
  await latestCode(portal, p.email);

  await signedInStaff(portal, ["mail-room"]); // a colleague, whose account fills :id
  staff = await signedInStaff(portal, ["admin", "mail-room", "tccu", "pip-officer"]);
  letterId = await firstMatch(staff, "/en/staff/mail-room", /\/staff\/mail-room\/letters\/(\d+)"/);
  staffUserId = await firstMatch(staff, "/en/staff/users", /\/staff\/users\/(\d+)\//);
  mailId = await firstMatch(trader, "/en/dev/mailbox", /\/dev\/mailbox\/(\d+)"/);
});
after(() => portal.close());

describe("Cache-Control: no-store for signed-in people (SEC-8)", () => {
  it("finds the pages, staff pages among them", () => {
    const routes = getRoutes();
    assert.ok(routes.length >= 30, `GET routes found: ${routes.join(", ")}`);
    assert.ok(routes.filter(isStaffRoute).length >= 8, "staff routes found");
  });

  it("sends no-store on every GET route to a signed-in trader, in both languages", async () => {
    for (const route of getRoutes()) {
      for (const lang of ["en", "fr"] as const) {
        const url = concretePath(route, lang);
        assertNoStore(await trader.get(url), `${url} as a signed-in trader`);
      }
    }
    assert.equal((await trader.get("/en/account")).status, 200, "still signed in after visiting every page");
  });

  it("sends no-store on every GET route to a trader half-way through signing in", async () => {
    for (const route of getRoutes()) {
      const url = concretePath(route, "fr");
      assertNoStore(await halfway.get(url), `${url} at the code step`);
    }
    assert.equal((await halfway.get("/en/account")).headers.get("location"), "/en/sign-in/code", "still at the code step");
  });

  it("sends no-store on every staff route to a signed-in staff member", async () => {
    for (const route of getRoutes().filter(isStaffRoute)) {
      for (const lang of ["en", "fr"] as const) {
        const url = concretePath(route, lang);
        assertNoStore(await staff.get(url), `${url} as staff`);
      }
    }
    assert.equal((await staff.get("/en/staff")).status, 200, "still signed in");
  });

  it("sends no-store with every new session cookie: a sign-in's first answer has no session yet", async () => {
    const p = person("nssign");
    await signUpAndSignIn(portal, p);
    const client = new TestClient(portal.app);
    const res = await client.postForm("/en/sign-in/gckey", { username: p.username, password: p.password });
    assert.ok(res.headers.getSetCookie().some((c) => c.startsWith("ttp-session=")), "a session cookie");
    assertNoStore(res, "the password step");
    const signUp = await new TestClient(portal.app).postForm("/en/gckey/create", {
      username: "nssignup01",
      password: p.password,
      confirmPassword: p.password,
      "answer-school": "Lisgar Collegiate",
      "answer-street": "Elgin Street",
      "answer-book": "Les Misérables",
      recoveryEmail: "",
    });
    assert.equal(signUp.status, 303);
    assertNoStore(signUp, "a new GCKey");
  });

  it("sends no-store when a session cookie has ended and is cleared", async () => {
    const client = new TestClient(portal.app);
    client.cookies.set("ttp-session", "a-session-that-does-not-exist");
    const res = await client.get("/en");
    assert.ok(res.headers.getSetCookie().some((c) => c.startsWith("ttp-session=")), "the cookie is cleared");
    assertNoStore(res, "the home page with an ended session");
  });

  it("leaves public pages without a session cacheable as they were", async () => {
    for (const path of ["/", "/en", "/fr", "/en/sign-in", "/fr/gckey/create"]) {
      const res = await portal.app.request(path);
      assert.ok(res.status < 400, `${path}: ${res.status}`);
      assert.doesNotMatch(res.headers.get("cache-control") ?? "", /no-store/, path);
    }
  });
});
