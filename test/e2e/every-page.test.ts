// Every page of the portal in a real browser, in English and in French (issue 15): every GET
// route of the app — trader and staff, signed out and half-way through signing in, with lists
// full and empty, forms re-rendered with the server's errors, the 403, 404 and 500 pages and the
// redirects of a signed-out person. On each page:
// - the answer's status is the one expected;
// - axe finds no violation (WCAG 2.1 A/AA and best practices, the other browser tests' runner);
// - at 320 px wide the page does not scroll sideways;
// - no identifier or time (URN, client number, tracking number, letter id, reference, "14 h 18",
//   "10:00 a.m.") can be broken over two lines: each is inside an element of class `ttp-id`, or
//   written without a space or hyphen to break at — an assertion on the markup;
// - no text is a raw key ("membership.approve") and <html lang> is the page's language;
// - with SCREENSHOTS=<folder>, a full-page screenshot `every-<lang>-<route>[-state].png` at the
//   desktop width and `…-320.png` at 320 px.
// The routes come from the app itself: a GET route that no visit reached and that is not in the
// commented list of routes that are not pages fails the last test, by name.
//
// One portal is seeded for both languages: one account owner with companies in each state of a
// membership (profiles complete and not applied, information requested, denial proposed, member
// with changes, suspended, cancelled, a bare company), an admin-only and a full-access user, a
// company registered and activated in the browser's session, CBSA staff with every role.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { axeViolations, browserPortalSuite, browserTests } from "../helpers/browser.ts";
import { TestClient } from "../helpers/client.ts";
import { latestCode, person, signUpAndSignIn, type Person } from "../helpers/identity.ts";
import { authorizedCompany, memberOf, type Member } from "../helpers/companies.ts";
import { completeProfiles } from "../helpers/applications.ts";
import { makeMember, meta, openCase, pipOfficer, today, type Officer } from "../helpers/membership.ts";
import { BNS, readQueuedLetter } from "../helpers/registration.ts";
import { addStaffPasskey, passkeyOptionsIn, signedInStaff } from "../helpers/staff.ts";
import { SoftwareAuthenticator } from "../helpers/software-authenticator.ts";
import { getPaths } from "../helpers/routes.ts";
import { horizontalOverflow, postOwnForm, rawKeys, routePattern, wrappableIdentifiers } from "../helpers/every-page.ts";
import { submitApplication } from "../../src/features/applications/service.ts";
import { applyTransition } from "../../src/features/membership/service.ts";
import { addCalendarDays } from "../../src/domain/business-days.ts";
import { createStaffUser } from "../../src/features/staff/service.ts";
import * as OTPAuth from "otpauth";

const { describe, it, before, after } = browserTests();

type Lang = "en" | "fr";
const LANGS: Lang[] = ["en", "fr"];
const DESKTOP = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 800 };
const SHOTS = process.env.SCREENSHOTS;

/**
 * GET routes that are not pages a person reads: files, data, probes. Every other GET route must
 * be visited. Each entry says why it is left out.
 */
const NOT_PAGES: { test: (path: string) => boolean; why: string }[] = [
  { test: (p) => p === "/favicon.ico" || p.startsWith("/assets/"), why: "static files" },
  { test: (p) => p === "/healthz" || p === "/readyz" || p === "/metrics", why: "probes and metrics for operators, plain text" },
  { test: (p) => p.endsWith("/pdf") || p.endsWith(".pdf"), why: "PDF letters and submissions (their text is tested with pdftotext elsewhere)" },
  { test: (p) => p.endsWith(".json"), why: "the company record and its schema, JSON" },
  { test: (p) => /\/evidence\/:fileId/.test(p) || /\/files\/:fileId/.test(p), why: "evidence files, downloads" },
  { test: (p) => p === "/__test/clock", why: "the test clock's JSON hook" },
];

const suite = browserPortalSuite({ before, after }, { afterOpen: prepare });

interface Visitor {
  label: string;
  client: TestClient;
  context: BrowserContext;
  page: Page;
}

/** What each visit found wrong, by check: reported all at once at the end of each test. */
const problems = { status: [] as string[], axe: [] as string[], overflow: [] as string[], wrap: [] as string[] };
const visitedRoutes = new Set<string>();
const visitedByLang: Record<Lang, Set<string>> = { en: new Set(), fr: new Set() };
const shotNames = new Set<string>();
let pagesChecked = 0;
let routes: { path: string; re: RegExp }[] = [];

function pagePaths(): string[] {
  return getPaths(suite.portal.app).filter((p) => !NOT_PAGES.some((n) => n.test(p)));
}

function markVisited(lang: Lang, path: string): void {
  for (const r of routes) {
    if (r.re.test(path)) {
      visitedRoutes.add(r.path);
      visitedByLang[lang].add(r.path);
    }
  }
}

async function newVisitor(label: string, client: TestClient = new TestClient(suite.portal.app)): Promise<Visitor> {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const v = { label, client, context, page: await context.newPage() };
  await syncCookies(v);
  return v;
}

/** The client's cookies (its session moved on over HTTP) into the visitor's browser. */
async function syncCookies(v: Visitor): Promise<void> {
  const cookies = [...v.client.cookies].map(([name, value]) => ({ name, value, url: suite.server.baseUrl }));
  if (cookies.length > 0) await v.context.addCookies(cookies);
}

function slugOf(lang: Lang, path: string, state: string | undefined): string {
  const route = path
    .replace(new RegExp(`^/${lang}(?=/|$)`), "")
    .split("/")
    .filter((s) => s && !/^\d+$/.test(s))
    .join("-")
    .replace(/[^a-z0-9-]+/gi, "_");
  let name = `every-${lang}-${route || "home"}${state ? `-${state}` : ""}`;
  for (let n = 2; shotNames.has(name); n++) name = `every-${lang}-${route || "home"}${state ? `-${state}` : ""}-${n}`;
  shotNames.add(name);
  return name;
}

/** Runs every check on the page the visitor's browser shows now. */
async function checkPage(v: Visitor, lang: Lang, label: string, state?: string): Promise<void> {
  const page = v.page;
  const url = new URL(page.url());
  markVisited(lang, url.pathname);
  pagesChecked++;
  const where = `${lang} ${url.pathname}${url.search}${state ? ` [${state}]` : ""} (${v.label})`;
  const lang_ = await page.evaluate(() => document.documentElement.lang);
  if (!url.pathname.startsWith("/dev/partner") && lang_ !== lang) problems.status.push(`${where}: <html lang="${lang_}">`);
  for (const violation of await axeViolations(page)) problems.axe.push(`${where}: ${violation}`);
  for (const key of await rawKeys(page)) problems.status.push(`${where}: a raw key on the page: ${key}`);
  for (const text of await wrappableIdentifiers(page)) problems.wrap.push(`${where}: ${text}`);
  const name = slugOf(lang, label, state);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.setViewportSize(NARROW);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const overflow = await horizontalOverflow(page);
  if (overflow > 0) problems.overflow.push(`${where}: ${overflow} px wider than 320 px (scrollWidth ${320 + overflow})`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-320.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
}

interface Expect {
  /** The status of the answer the browser ends on (after redirects); 200 unless said. */
  status?: number;
  /** Where the browser ends, when a redirect is expected. */
  lands?: string | RegExp;
  /** A word for the screenshot's name and the report: "errors", "empty", "forbidden"… */
  state?: string;
}

/** Opens `path` in the visitor's browser, checks where it lands and its status, then the page. */
async function visit(v: Visitor, lang: Lang, path: string, expect: Expect = {}): Promise<void> {
  await syncCookies(v);
  const res = await v.page.goto(`${suite.server.baseUrl}${path}`);
  markVisited(lang, new URL(path, suite.server.baseUrl).pathname);
  const landed = new URL(v.page.url());
  const where = `${lang} ${path}${expect.state ? ` [${expect.state}]` : ""} (${v.label})`;
  const status = res?.status() ?? 0;
  if (status !== (expect.status ?? 200)) problems.status.push(`${where}: status ${status}, expected ${expect.status ?? 200} (at ${landed.pathname}${landed.search})`);
  if (expect.lands !== undefined) {
    const at = landed.pathname + landed.search;
    const ok = typeof expect.lands === "string" ? at === expect.lands : expect.lands.test(at);
    if (!ok) problems.status.push(`${where}: landed at ${at}, expected ${String(expect.lands)}`);
  }
  await checkPage(v, lang, expect.lands !== undefined ? landed.pathname : new URL(path, suite.server.baseUrl).pathname, expect.state);
}

/** Posts the page's own form with `fields` (wrong input, usually) and checks the page it answers with. */
async function submit(v: Visitor, lang: Lang, fields: Record<string, string>, expect: Expect & { action?: string } = {}): Promise<void> {
  const from = new URL(v.page.url()).pathname;
  const res = await postOwnForm(v.page, fields, expect.action);
  const landed = new URL(v.page.url());
  const where = `${lang} POST ${expect.action ?? from}${expect.state ? ` [${expect.state}]` : ""} (${v.label})`;
  const status = res?.status() ?? 0;
  if (status !== (expect.status ?? 422)) problems.status.push(`${where}: status ${status}, expected ${expect.status ?? 422} (at ${landed.pathname}${landed.search})`);
  if (expect.lands !== undefined) {
    const at = landed.pathname + landed.search;
    const ok = typeof expect.lands === "string" ? at === expect.lands : expect.lands.test(at);
    if (!ok) problems.status.push(`${where}: landed at ${at}, expected ${String(expect.lands)}`);
  }
  await checkPage(v, lang, landed.pathname, expect.state ?? "errors");
}

function expectRedirect(res: Response, label: string): string {
  assert.equal(res.status, 303, `${label}: ${res.status}`);
  return res.headers.get("location") ?? "";
}

// ---- the seeded portal ----------------------------------------------------------------------

const ownerPerson: Person = { ...person("evown"), givenName: "Avery", familyName: "MacDonald" };
let owner: TestClient;
let ownerMember: Member;
let adminOnly: TestClient;
let fullAccessMember: Member;
let officer: Officer;
let staff: TestClient;
let staffUserId = "";
/** A passkey of the signed-in staff member, for its removal page. */
let staffPasskeyId = "";

const co = {
  /** Profiles complete, not applied: every profile page, ready to submit. */
  ready: "",
  readyDivision: "",
  /** Under review, the CBSA asked for information. */
  asked: "",
  askedRequest: "",
  askedSubmission: "",
  askedCase: "",
  /** The CBSA proposed to deny: the informal review. */
  denial: "",
  denialCase: "",
  /** A member whose profiles changed since: changes to submit, withdrawal. */
  member: "",
  memberCase: "",
  /** Suspended: the action plan. */
  suspended: "",
  /** Cancelled: the appeal. */
  cancelled: "",
  /** Authorized, nothing else: empty lists and profiles not started. */
  bare: "",
};

async function officerDo(companyId: string, path: string, fields: Record<string, string>): Promise<void> {
  const client = await officer.signIn();
  const caseId = await openCase(suite.portal, companyId);
  const res = await client.postForm(`/en/staff/pip/cases/${caseId}/${path}`, fields);
  assert.equal(res.status, 303, `${path}: ${res.status}`);
}

async function transition(companyId: string, name: "start-review" | "propose-denial"): Promise<void> {
  await suite.portal.database.db.transaction().execute(async (trx) => {
    const r = await applyTransition(trx, suite.portal.clock, { companyId, name, acting: { actor: "officer", staffId: officer.id }, reasons: "The risk assessment is not written down." });
    assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
  });
}

async function seed(): Promise<void> {
  const db = suite.portal.database.db;
  owner = await signUpAndSignIn(suite.portal, ownerPerson);
  ownerMember = await memberOf(suite.portal, owner);
  adminOnly = await signUpAndSignIn(suite.portal, person("evadm"));
  const adminOnlyMember = await memberOf(suite.portal, adminOnly);
  fullAccessMember = await memberOf(suite.portal, await signUpAndSignIn(suite.portal, person("evfull", "fr")));
  const formerMember = await memberOf(suite.portal, await signUpAndSignIn(suite.portal, person("evformer")));
  const users = [
    { member: adminOnlyMember, role: "admin-only" as const },
    { member: fullAccessMember, role: "full-access" as const },
    { member: formerMember, role: "full-access" as const, status: "deactivated" as const },
  ];
  officer = await pipOfficer(suite.portal);
  const ownerName = `${ownerPerson.givenName} ${ownerPerson.familyName}`;
  const complete = async (name: string) => {
    const id = await authorizedCompany(suite.portal, name, ownerMember, users);
    const done = await completeProfiles(suite.portal, id, ownerMember.personId);
    return { id, divisionId: done.divisionId };
  };

  const ready = await complete("Northern Lights Imports Ltd.");
  co.ready = ready.id;
  co.readyDivision = ready.divisionId;
  co.bare = await authorizedCompany(suite.portal, "Bare Company Inc.", ownerMember);

  // Information requested.
  co.asked = (await complete("Rivière-du-Loup Transport inc.")).id;
  const submitted = await submitApplication(suite.portal.deps, { companyId: co.asked, personId: ownerMember.personId }, ownerName, meta);
  assert.ok(submitted.ok, JSON.stringify(submitted));
  co.askedSubmission = (await db.selectFrom("submissions").select("id").where("company_id", "=", co.asked).executeTakeFirstOrThrow()).id;
  await officerDo(co.asked, "assign", {});
  await officerDo(co.asked, "request-information", { status: "under-review", rfiMessage: "Send the written risk assessment of the Halifax warehouse.", rfiDueOn: addCalendarDays(today(suite.portal), 30) });
  co.askedRequest = (await db.selectFrom("information_requests").select("id").where("company_id", "=", co.asked).executeTakeFirstOrThrow()).id;
  co.askedCase = await openCase(suite.portal, co.asked);

  // Denial proposed.
  co.denial = (await complete("Prairie Grain Exporters Ltd.")).id;
  const s2 = await submitApplication(suite.portal.deps, { companyId: co.denial, personId: ownerMember.personId }, ownerName, meta);
  assert.ok(s2.ok);
  await transition(co.denial, "start-review");
  await transition(co.denial, "propose-denial");
  co.denialCase = await openCase(suite.portal, co.denial);

  // A member with changes since.
  co.member = (await complete("Harbourfront Freight Ltd.")).id;
  await makeMember(suite.portal, officer, co.member, { personId: ownerMember.personId, name: ownerName });
  await db.updateTable("companies").set({ employee_count: 40 }).where("id", "=", co.member).execute();
  co.memberCase = (await db.selectFrom("review_cases").select("id").where("company_id", "=", co.member).orderBy("id", "desc").executeTakeFirstOrThrow()).id;

  // Suspended, then one cancelled.
  co.suspended = (await complete("Seaway Logistics Inc.")).id;
  co.cancelled = (await complete("Laurentian Carriers Ltd.")).id;
  for (const id of [co.suspended, co.cancelled]) {
    await makeMember(suite.portal, officer, id, { personId: ownerMember.personId, name: ownerName });
    const client = await officer.signIn();
    const caseId = (await db.selectFrom("review_cases").select("id").where("company_id", "=", id).orderBy("id", "desc").executeTakeFirstOrThrow()).id;
    const res = await client.postForm(`/en/staff/pip/cases/${caseId}/suspend`, {
      status: "member",
      suspendReasons: "The seal log for outbound trailers was not kept between March and May.",
      suspendDueOn: addCalendarDays(today(suite.portal), 30),
    });
    assert.equal(res.status, 303, `suspend: ${res.status}`);
  }
  await officerDo(co.cancelled, "decide", { status: "suspended", transition: "cancel", "reasons-cancel": "No action plan was submitted." });

  staff = await signedInStaff(suite.portal, ["admin", "mail-room", "tccu", "pip-officer"]);
  staffPasskeyId = await addStaffPasskey(staff, new SoftwareAuthenticator({ origin: suite.server.baseUrl }), "Office laptop");
  // A colleague in the staff list, whose account the administrator may disable or reset.
  const colleague = await createStaffUser(suite.portal.deps, { username: "evcolleague", displayName: "Alex Colleague", email: "evcolleague@cbsa-asfc.gc.ca", roles: ["mail-room"] }, { type: "system", via: "test" });
  assert.ok(colleague.ok, JSON.stringify(colleague));
  staffUserId = colleague.id;
}

/** Once the portal is open: the routes to visit, and the people and companies they show. */
async function prepare(): Promise<void> {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  routes = pagePaths().map((path) => ({ path, re: routePattern(path) }));
  await seed();
}

// ---- the visits -----------------------------------------------------------------------------

async function signedOutPages(lang: Lang): Promise<void> {
  const v = await newVisitor("signed out");
  // The root sends a browser to its preferred language (Chromium's is English): once.
  if (lang === "en") await visit(v, lang, "/", { lands: "/en" });
  await visit(v, lang, `/${lang}`);
  await visit(v, lang, `/${lang}/sign-in`);
  await visit(v, lang, `/${lang}/help`);
  await visit(v, lang, `/${lang}/contact`);
  await visit(v, lang, `/${lang}/sign-in/gckey`);
  await submit(v, lang, { username: "", password: "" });
  await submit(v, lang, { username: ownerPerson.username, password: "not the password at all" }, { state: "wrong-password" });
  await visit(v, lang, `/${lang}/gckey/create`);
  await submit(v, lang, { username: "x", password: "short", confirmPassword: "other", "answer-school": "", "answer-street": "", "answer-book": "", recoveryEmail: "not an email" });
  await visit(v, lang, `/${lang}/gckey/forgot`);
  await submit(v, lang, { username: "" });
  await submit(v, lang, { username: ownerPerson.username }, { status: 200, lands: new RegExp(`^/${lang}/gckey/reset\\?username=`), state: "sent" });
  await submit(v, lang, { code: "000000", password: "short", confirmPassword: "other" }, { state: "errors" });
  await visit(v, lang, `/${lang}/gckey/reset`, { lands: `/${lang}/gckey/forgot`, state: "no-username" });
  // The Sign-In Partner's sign-in page (the demo partner in development) and a callback without its request.
  await visit(v, lang, `/${lang}/sign-in/partner`, { lands: /^\/dev\/partner\/interaction\//, state: "partner" });
  await visit(v, lang, "/auth/partner/callback", { lands: /^\/(en|fr)\/sign-in\?partner=failed$/, state: "no-request" });
  // A signed-out person on signed-in pages is sent to sign in.
  await visit(v, lang, `/${lang}/account`, { lands: `/${lang}/sign-in`, state: "signed-out" });
  await visit(v, lang, `/${lang}/companies/${co.ready}`, { lands: `/${lang}/sign-in`, state: "signed-out" });
  await visit(v, lang, `/${lang}/staff/pip`, { lands: `/${lang}/staff/sign-in`, state: "signed-out" });
  await visit(v, lang, `/${lang}/staff/sign-in`);
  await submit(v, lang, { username: "", password: "" });
  // Error pages.
  await visit(v, lang, `/${lang}/no-such-page`, { status: 404, state: "not-found" });
  await visit(v, lang, `/${lang}/__test/error`, { status: 500, state: "server-error" });
  await v.context.close();
}

/** A new person through the sign-in steps, each page seen, then registration and activation. */
async function newPersonPages(lang: Lang): Promise<void> {
  const p = person(`evnew${lang}`, lang);
  const v = await newVisitor("new person");
  const go = async (path: string, fields: Record<string, string>) => expectRedirect(await v.client.postForm(`/${lang}/${path}`, fields), path);
  await go("gckey/create", {
    username: p.username,
    password: p.password,
    confirmPassword: p.password,
    "answer-school": "Lisgar Collegiate",
    "answer-street": "Elgin Street",
    "answer-book": "Les Misérables",
    recoveryEmail: "",
  });
  await visit(v, lang, `/${lang}/sign-in/profile`);
  await submit(v, lang, { givenName: "", familyName: "", email: "nope", phone: "12" });
  await go("sign-in/profile", { givenName: p.givenName, familyName: p.familyName, email: p.email, phone: "613-555-0123", preferredLocale: lang });
  await visit(v, lang, `/${lang}/sign-in/mfa-terms`);
  await submit(v, lang, { agree: "" });
  await go("sign-in/mfa-terms", { agree: "yes" });
  await visit(v, lang, `/${lang}/sign-in/code`);
  await submit(v, lang, { action: "verify", code: "12" });
  await go("sign-in/code", { action: "verify", code: await latestCode(suite.portal, p.email) });
  await visit(v, lang, `/${lang}/sign-in/terms`);
  await submit(v, lang, { agree: "" });
  await go("sign-in/terms", { agree: "yes" });

  // No company yet: the registration page's empty state, and the list of companies.
  await visit(v, lang, `/${lang}/registration`, { state: "no-company" });
  await visit(v, lang, `/${lang}/companies`, { state: "none" });
  await visit(v, lang, `/${lang}/registration/eligibility`);
  await submit(v, lang, { country: "", lines: "", ownsOrOperatesFacilities: "" });
  await go("registration/eligibility", {
    country: "CA",
    lines: "importer",
    ownsOrOperatesFacilities: "yes",
    tradeHistory12Months: "yes",
    movementLast90Days: "yes",
    solvent: "yes",
    noRelevantConvictions: "yes",
    carmRegistered: "yes",
  });
  await visit(v, lang, `/${lang}/registration/identity`);
  await submit(v, lang, { legalName: "", businessNumber: "123" });
  const legalName = lang === "en" ? "Maple Leaf Customs Brokers Ltd." : "Courtage en douane Érable inc.";
  await go("registration/identity", { legalName, businessNumber: BNS[lang === "en" ? 3 : 4]!, correspondenceLocale: lang });
  await visit(v, lang, `/${lang}/registration/address`);
  await submit(v, lang, { line1: "", city: "", region: "", postalCode: "nope" });
  await go("registration/address", { line1: "123 rue Principale", city: "Gatineau", region: "QC", postalCode: "J8X 1A1" });
  await visit(v, lang, `/${lang}/registration/confirm`);
  await go("registration/confirm", {});
  await visit(v, lang, `/${lang}/registration?registered=1`, { state: "registered" });
  await visit(v, lang, `/${lang}/registration/new-code`);
  await visit(v, lang, `/${lang}/registration/activate`);
  await submit(v, lang, { clientNumber: "123", activationCode: "WRONG" });

  // The mail room sends the letter: its page, a wrong tracking number, then the letter sent.
  const letter = await readQueuedLetter(suite.portal, legalName);
  const letterId = (
    await suite.portal.database.db
      .selectFrom("letters")
      .innerJoin("companies", "companies.id", "letters.company_id")
      .select("letters.id")
      .where("companies.legal_name", "=", legalName)
      .executeTakeFirstOrThrow()
  ).id;
  const s = await newVisitor("staff", staff);
  await visit(s, lang, `/${lang}/staff/mail-room`);
  await visit(s, lang, `/${lang}/staff/mail-room/letters/${letterId}`);
  await submit(s, lang, { tracking: "RN123", sentOn: "yesterday" });
  const sent = await staff.postForm(`/${lang}/staff/mail-room/letters/${letterId}`, { tracking: "RN123456785CA", sentOn: today(suite.portal) });
  assert.equal(sent.status, 303, `letter sent: ${sent.status}`);
  await visit(v, lang, `/${lang}/registration`, { state: "letter-sent" });
  const companyId = (await suite.portal.database.db.selectFrom("companies").select("id").where("legal_name", "=", legalName).executeTakeFirstOrThrow()).id;
  await visit(s, lang, `/${lang}/staff/companies/${companyId}`, { state: "letter-sent" });
  await s.context.close();

  // Activation, then the company's terms.
  await visit(v, lang, `/${lang}/registration/activate`, { state: "letter-sent" });
  const activated = await v.client.postForm(`/${lang}/registration/activate`, { clientNumber: letter.clientNumber.replace(/ /g, ""), activationCode: letter.code });
  const terms = expectRedirect(activated, "activate");
  await visit(v, lang, terms, { state: "activated" });
  await submit(v, lang, { agree: "" });
  expectRedirect(await v.client.postForm(terms, { agree: "yes" }), "terms");
  await visit(v, lang, `/${lang}/companies/${companyId}`, { state: "just-authorized" });

  // Account pages with a change of email on the way.
  await visit(v, lang, `/${lang}/account/email/confirm`, { lands: `/${lang}/account/email`, state: "nothing-to-confirm" });
  await submit(v, lang, { email: "" });
  await submit(v, lang, { email: `new.${p.email}` }, { status: 200, lands: `/${lang}/account/email/confirm`, state: "code-sent" });
  await submit(v, lang, { code: "12" });
  await v.context.close();
}

/** A half-finished sign-in: the staff's code and own-password steps. */
async function staffSignInPages(lang: Lang): Promise<void> {
  const username = `evstaff${lang}`;
  const created = await createStaffUser(suite.portal.deps, { username, displayName: "Robin Agent", email: `${username}@cbsa-asfc.gc.ca`, roles: ["tccu"] }, { type: "system", via: "test" });
  assert.ok(created.ok);
  const v = await newVisitor("staff signing in");
  expectRedirect(await v.client.postForm(`/${lang}/staff/sign-in`, { username, password: created.issued.password }), "staff sign-in");
  await visit(v, lang, `/${lang}/staff/sign-in/totp`);
  await submit(v, lang, { code: "12" });
  const totp = OTPAuth.URI.parse(created.issued.totpUri) as OTPAuth.TOTP;
  expectRedirect(await v.client.postForm(`/${lang}/staff/sign-in/totp`, { code: totp.generate({ timestamp: suite.portal.clock.now().getTime() }) }), "totp");
  await visit(v, lang, `/${lang}/staff/sign-in/password`);
  await submit(v, lang, { password: "short", confirmPassword: "other" });
  await v.context.close();
}

/**
 * A trader's sign-in security (ID-9): the page with email codes only, then adding a passkey and an
 * authenticator app (each form sent wrong first), their removal pages, email codes off with the
 * recovery codes shown, new recovery codes; then the sign-in step that offers them, sent wrong.
 */
async function factorPages(lang: Lang): Promise<void> {
  const p = person(`evfactor${lang}`, lang);
  const v = await newVisitor("trader's sign-in security", await signUpAndSignIn(suite.portal, p));
  const sec = `/${lang}/account/security`;
  await visit(v, lang, sec, { state: "email-only" });
  await visit(v, lang, `${sec}/email-codes/off`, { state: "needs-factor" });
  await visit(v, lang, `${sec}/passkeys/new`);
  await submit(v, lang, { name: "" });
  const added = await v.client.postForm(`${sec}/passkeys/new`, {
    name: "Work laptop",
    response: JSON.stringify(new SoftwareAuthenticator({ origin: suite.server.baseUrl }).register(passkeyOptionsIn(await (await v.client.get(`${sec}/passkeys/new`)).text()))),
  });
  const passkeyId = /\?added=(\d+)$/.exec(expectRedirect(added, "passkey added"))?.[1];
  assert.ok(passkeyId, "the passkey's id");
  await visit(v, lang, `${sec}?added=${passkeyId}`, { state: "passkey-added" });
  await visit(v, lang, `${sec}/authenticator`);
  await submit(v, lang, { code: "12" });
  const secret = /data-testid="totp-secret">([A-Z2-7 ]+)</.exec(await (await v.client.get(`${sec}/authenticator`)).text())?.[1]?.replace(/ /g, "");
  assert.ok(secret, "the app's key");
  const app = new OTPAuth.TOTP({ secret, digits: 6, period: 30, algorithm: "SHA1" });
  expectRedirect(await v.client.postForm(`${sec}/authenticator`, { code: app.generate({ timestamp: suite.portal.clock.now().getTime() }) }), "app set up");
  await visit(v, lang, `${sec}?app=added`, { state: "app-added" });
  await visit(v, lang, `${sec}/passkeys/${passkeyId}/remove`);
  await visit(v, lang, `${sec}/authenticator/remove`);
  await visit(v, lang, `${sec}/email-codes/off`);
  await submit(v, lang, {}, { status: 200, state: "recovery-codes" });
  await visit(v, lang, sec, { state: "email-off" });
  await visit(v, lang, `${sec}/recovery-codes`);
  await submit(v, lang, {}, { status: 200, state: "new-codes" });

  // The sign-in step: the passkey, the app and a recovery code (email codes are off), sent wrong.
  const s = await newVisitor("trader at the factor step");
  expectRedirect(await s.client.postForm(`/${lang}/sign-in/gckey`, { username: p.username, password: p.password }), "password");
  await visit(s, lang, `/${lang}/sign-in/factor`);
  await submit(s, lang, { method: "app", appCode: "12" }, { state: "app-errors" });
  await submit(s, lang, { method: "recovery", recoveryCode: "nope" }, { state: "recovery-errors" });
  await submit(s, lang, { method: "passkey", response: "" }, { state: "passkey-errors" });
  await s.context.close();

  // The passkey removed, the app is the last strong factor: its removal page warns.
  expectRedirect(await v.client.postForm(`${sec}/passkeys/${passkeyId}/remove`, {}), "passkey removed");
  await visit(v, lang, `${sec}?removed=1`, { state: "passkey-removed" });
  await visit(v, lang, `${sec}/authenticator/remove`, { state: "last" });
  await v.context.close();
}

async function ownerPages(lang: Lang): Promise<void> {
  const v = await newVisitor("owner", owner);
  const c = (id: string) => `/${lang}/companies/${id}`;
  await visit(v, lang, `/${lang}/companies`);
  await visit(v, lang, `/${lang}/account`);
  await visit(v, lang, `/${lang}/account/contact`);
  await submit(v, lang, { givenName: "", phone: "1" });
  await visit(v, lang, `/${lang}/account/email`);
  await visit(v, lang, `/${lang}/account/sessions`);
  await visit(v, lang, `/${lang}/help`, { state: "signed-in" });
  await visit(v, lang, `/${lang}/account/password`);
  await submit(v, lang, { currentPassword: "wrong", password: "short", confirmPassword: "other" });

  // The company ready to apply: every profile page.
  const r = c(co.ready);
  await visit(v, lang, r, { state: "ready" });
  await visit(v, lang, `${r}/profile`);
  await visit(v, lang, `${r}/profile/edit`);
  await submit(v, lang, { legalName: "", businessStartedOn: "31/02/2020", employeeCount: "-3", website: "not a site", pc_email: "nope", pc_phone: "12" });
  await visit(v, lang, `${r}/profile?saved=1`, { state: "saved" });
  await visit(v, lang, `${r}/users`);
  await visit(v, lang, `${r}/users/add`);
  await submit(v, lang, { familyName: "", urn: "URN-12", email: "nope", role: "" });
  await visit(v, lang, `${r}/users/${fullAccessMember.personId}`);
  await visit(v, lang, `${r}/transfer`);
  await visit(v, lang, `${r}/application`);
  await visit(v, lang, `${r}/application/lines/importer/remove`);
  await visit(v, lang, `${r}/application/parts/general`);
  await visit(v, lang, `${r}/application/parts/importer`);
  await visit(v, lang, `${r}/security`);
  await visit(v, lang, `${r}/security/divisions/new`);
  await submit(v, lang, { name: "" });
  await visit(v, lang, `${r}/security/divisions/${co.readyDivision}`);
  await visit(v, lang, `${r}/security/divisions/${co.readyDivision}/edit`);
  await visit(v, lang, `${r}/security/divisions/${co.readyDivision}/delete`);
  await visit(v, lang, `${r}/security/divisions/${co.readyDivision}/risk-assessment`);
  await visit(v, lang, `${r}/security/divisions/999999`, { status: 404, state: "not-found" });
  await visit(v, lang, `${r}/application/submit`, { state: "ready" });
  await submit(v, lang, { declaredName: "Someone Else" });
  await visit(v, lang, `${r}/record`, { state: "empty" });

  // A bare company: nothing started.
  const b = c(co.bare);
  await visit(v, lang, b, { state: "bare" });
  await visit(v, lang, `${b}/users`, { state: "owner-only" });
  await visit(v, lang, `${b}/application`, { state: "not-started" });
  await visit(v, lang, `${b}/application/submit`, { state: "not-complete" });

  // Information requested.
  const a = c(co.asked);
  await visit(v, lang, a, { state: "information-requested" });
  await visit(v, lang, `${a}/submissions/${co.askedSubmission}/submitted`);
  await visit(v, lang, `${a}/requests/${co.askedRequest}`);
  await submit(v, lang, { declaredName: "" });
  await visit(v, lang, `${a}/record`, { state: "submitted" });

  // Denial proposed: the informal review.
  const d = c(co.denial);
  await visit(v, lang, d, { state: "denial-proposed" });
  await visit(v, lang, `${d}/informal-review`);
  await visit(v, lang, `${d}/record`, { state: "decisions" });

  // A member.
  const m = c(co.member);
  await visit(v, lang, m, { state: "member" });
  await visit(v, lang, `${m}/changes/submit`);
  await submit(v, lang, { declaredName: "" });
  await visit(v, lang, `${m}/withdraw`);

  // Suspended and cancelled.
  await visit(v, lang, c(co.suspended), { state: "suspended" });
  await visit(v, lang, `${c(co.suspended)}/action-plan`);
  await submit(v, lang, { statement: "", declaredName: "" });
  await visit(v, lang, c(co.cancelled), { state: "cancelled" });
  await visit(v, lang, `${c(co.cancelled)}/appeal`);
  await submit(v, lang, { statement: "", declaredName: "" });
  await v.context.close();

  // An admin-only user on the owner's pages: refused.
  const adm = await newVisitor("admin-only", adminOnly);
  await visit(adm, lang, `${r}/transfer`, { status: 403, state: "forbidden" });
  await visit(adm, lang, `${r}/application/submit`, { status: 403, state: "forbidden" });
  await adm.context.close();
}

async function staffPages(lang: Lang): Promise<void> {
  const v = await newVisitor("staff", staff);
  const s = `/${lang}/staff`;
  await visit(v, lang, s);
  await visit(v, lang, `${s}/users`);
  await visit(v, lang, `${s}/users/new`);
  await submit(v, lang, { username: "", displayName: "", email: "nope" });
  const username = `evnewagent${lang}`;
  await submit(v, lang, { username, displayName: "Morgan Agent", email: `${username}@cbsa-asfc.gc.ca`, roles: "tccu" }, { status: 200, lands: /\/staff\/users\/\d+\/issued$/, state: "created" });
  const issued = new URL(v.page.url()).pathname;
  await visit(v, lang, issued, { status: 410, state: "gone" });
  await visit(v, lang, `${s}/users/${staffUserId}/disable`);
  await visit(v, lang, `${s}/users/${staffUserId}/reset`);
  await visit(v, lang, `${s}/account`);
  await visit(v, lang, `${s}/account/passkeys/new`);
  await submit(v, lang, { name: "" });
  await visit(v, lang, `${s}/account/passkeys/${staffPasskeyId}/remove`);
  await visit(v, lang, `${s}/mail-room`, { state: "after" });
  await visit(v, lang, `${s}/companies`);
  await visit(v, lang, `${s}/companies?q=nothing-matches-this`, { state: "no-match" });
  await visit(v, lang, `${s}/companies/${co.member}`, { state: "member" });
  await visit(v, lang, `${s}/companies/new`);
  await submit(v, lang, { legalName: "", country: "", lines: "" });
  await visit(v, lang, `${s}/tccu`);
  await visit(v, lang, `${s}/tccu?q=nothing-matches-this`, { state: "no-match" });
  await visit(v, lang, `${s}/tccu/people/${ownerMember.personId}`);
  await visit(v, lang, `${s}/pip`);
  await visit(v, lang, `${s}/pip?q=nothing-matches-this`, { state: "no-match" });
  await visit(v, lang, `${s}/pip/cases/${co.askedCase}`, { state: "information-requested" });
  await visit(v, lang, `${s}/pip/cases/${co.denialCase}`, { state: "denial-proposed" });
  await visit(v, lang, `${s}/pip/cases/${co.memberCase}`, { state: "member" });
  await submit(v, lang, { status: "member", suspendReasons: "", suspendDueOn: "soon" }, { action: `${s}/pip/cases/${co.memberCase}/suspend` });
  await visit(v, lang, `${s}/pip/cases/999999`, { status: 404, state: "not-found" });
  // A trader on a staff page.
  const t = await newVisitor("trader on staff pages", owner);
  await visit(t, lang, `${s}/users`, { lands: `/${lang}/staff/sign-in`, state: "trader" });
  await t.context.close();
  // The development mailbox.
  await visit(v, lang, `/${lang}/dev/mailbox`);
  await v.page.goto(`${suite.server.baseUrl}/${lang}/dev/mailbox`);
  const first = await v.page.locator('a[href*="/dev/mailbox/"]').first().getAttribute("href");
  assert.ok(first, "a message in the mailbox");
  await visit(v, lang, first);
  await v.context.close();
}

describe("every page of the portal, in English and in French (issue 15)", () => {
  for (const lang of LANGS) {
    it(`checks every page in ${lang === "en" ? "English" : "French"}: status, axe, 320 px`, { timeout: 20 * 60_000 }, async () => {
      const before = { status: problems.status.length, axe: problems.axe.length, overflow: problems.overflow.length };
      await signedOutPages(lang);
      await newPersonPages(lang);
      await staffSignInPages(lang);
      await ownerPages(lang);
      await factorPages(lang);
      await staffPages(lang);
      const found = [...problems.status.slice(before.status), ...problems.axe.slice(before.axe), ...problems.overflow.slice(before.overflow)];
      assert.deepEqual(found, [], `${found.length} problems on the pages in ${lang}:\n${found.join("\n")}`);
    });
  }

  it("visited every GET route of the app that is a page, in both languages", () => {
    const all = pagePaths();
    assert.ok(all.length >= 60, `GET routes found: ${all.length}`);
    for (const lang of LANGS) {
      // Routes outside /en and /fr are the same in both languages: one visit is enough.
      const missing = all.filter((p) => !visitedByLang[lang].has(p) && !(p.startsWith("/:lang") ? false : visitedRoutes.has(p)));
      assert.deepEqual(missing, [], `GET routes no visit reached in ${lang} (visit them, or say in NOT_PAGES why they are not pages)`);
    }
    process.stdout.write(`# every page: ${pagesChecked} pages checked, ${visitedRoutes.size} of ${all.length} routes\n`);
  });

  it("writes no identifier or time that can be broken over two lines, on any page", () => {
    assert.ok(pagesChecked > 100, `pages checked: ${pagesChecked}`);
    assert.deepEqual(problems.wrap, [], `${problems.wrap.length} identifiers that can wrap:\n${problems.wrap.join("\n")}`);
  });
});
