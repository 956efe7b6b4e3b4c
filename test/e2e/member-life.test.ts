// A member's life in a real browser, in English and in French, with axe on every page state
// visited (once per state and language) and no console error (APP-1, APP-5, APP-10, APP-13 to
// APP-15). The company becomes a member through the services (the owner submits with
// submitApplication, an officer approves over HTTP: test/helpers/membership.ts); then the new
// pages are driven as people use them, one company per language through its whole life:
// 1. changes: the owner edits an answer on its profile page; the dashboard lists the change
//    under Submit changes; the owner submits them with their name ("Changes submitted"). The
//    officer finds the case in the queue waiting on Changes, sees the difference and accepts
//    the changes; the owner's dashboard shows the notification;
// 2. suspension: the officer searches the queue by the company's name (closed cases too), opens
//    its latest case and suspends with reasons and the default action plan due date (30 days);
//    the dashboard shows the suspension and the due date; the owner attaches a PDF to the
//    action plan, writes it, signs and submits; the officer finds the case waiting on the
//    action plan and reinstates; the dashboard says Member;
// 3. cancellation and appeal: suspended again (by the service), officer A cancels with reasons;
//    the dashboard offers the appeal with its deadline; the owner appeals; officer A's case page
//    says that the cancelling officer cannot decide the appeal (and offers no decision); officer
//    B grants it; the dashboard says Member;
// 4. revalidation: the test clock moves to the 4-year anniversary (the owner signs in over HTTP
//    every 23 months on the way, or the URN would expire, EXP-1) and the membership timers run:
//    the dashboard says Revalidation due with the resubmit-by date; the owner resubmits; officer A
//    assigns the case, schedules a site validation, records it satisfactory and approves; the
//    dashboard shows Member with the new anniversary, 4 years after this approval;
// 5. withdrawal: from the dashboard's link, the confirmation page, the withdrawn page, the
//    dashboard says Withdrawn.
// One portal and browser for the file. The two languages run at the same time, each its own
// company, people and officers, on one test clock: both start on the same day and meet before the
// clock moves four years (atAnniversary), so both anniversaries come in one run of the timers.
// Each person signs in once (and again after the four years). Screenshots of every page state
// checked when SCREENSHOTS is set (expectAccessible takes them).
import assert from "node:assert/strict";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { TOTP } from "otpauth";
import { sql } from "kysely";
import { browserPortalSuite, browserTests, expectAccessible, pageHeading, watchProblems } from "../helpers/browser.ts";
import { signIn as signInOverHttp, signUpAndSignIn, type Person } from "../helpers/identity.ts";
import { authorizedCompany, memberOf } from "../helpers/companies.ts";
import { completeProfiles } from "../helpers/applications.ts";
import { pdfFile } from "../helpers/evidence-files.ts";
import { latestCase, makeMember, meta, pipOfficer, type Officer } from "../helpers/membership.ts";
import { day, details, fold, fullName, MEMBER_T, MEMBER_WORDS, memberCast, ottawaDay, rows, says, type Lang } from "../helpers/member-journeys.ts";
import { createStaffUser } from "../../src/features/staff/service.ts";
import { suspendMembership } from "../../src/features/review/member-actions.ts";
import { runMembershipTimers } from "../../src/features/membership/jobs.ts";
import { fourYearsAfter } from "../../src/features/membership/service.ts";
import { addCalendarDays } from "../../src/domain/business-days.ts";
import { currentCatalogue, itemById } from "../../src/domain/catalogue/index.ts";
import { DAY_MS } from "../../src/platform/clock.ts";
import { formatDateTime } from "../../src/web/i18n/index.ts";
import { noticeOrText } from "../helpers/notice.ts";

const { describe, it, before, after } = browserTests();

/** The day both languages start on (a Monday, 9:00 in Ottawa). */
const START = new Date("2027-03-01T14:00:00Z");

const REFERENCE = /^PIP-\d{4}-\d{6}$/;
const DECIDED = /\?done=decision&ref=(D-\d{4}-\d{6,})$/;
const catalogue = currentCatalogue();
/** The answer the owner changes: GEN-6, the ports of entry (a free text of the general part). */
const ITEM = "GEN-6";
const itemText = (lang: Lang) => itemById(catalogue, ITEM)!.text[lang];
const generalPart = (lang: Lang) => catalogue.parts.general.name[lang];

/** A PIP officer signed in in a browser context of their own. */
interface Desk {
  context: BrowserContext;
  page: Page;
  problems: string[];
  id: string;
  name: string;
  username: string;
  password: string;
  totpSecret: string;
}

/** What the journeys of one language share, in order. */
interface Life {
  companyId: string;
  base: string;
  ownerPersonId: string;
  approvedOn: string;
  owner: { page: Page; problems: string[] };
  a: Desk;
  b: Desk;
}

describe("a member's life in the browser: changes, suspension, cancellation and appeal, revalidation, withdrawal", { concurrency: 2 }, () => {
  /** The officer who approves the applications over HTTP (the set-up, not the journeys). */
  let approver: Officer;
  const contexts: BrowserContext[] = [];

  const suite = browserPortalSuite(
    { before, after },
    {
      afterOpen: async () => {
        suite.portal.clock.set(START);
        // Signed in now, the approver serves both languages' set-up without signing in twice.
        approver = await pipOfficer(suite.portal);
      },
      beforeClose: async () => {
        for (const c of contexts) await c.close().catch(() => undefined);
      },
    },
  );

  const db = () => suite.portal.database.db;

  // ---- four years on, for both languages at once -----------------------------------------------

  const lives: Partial<Record<Lang, Life>> = {};
  /** The languages whose journeys run (a name pattern may pick one), and those waiting to move on. */
  const running = new Set<Lang>();
  const waiting = new Set<Lang>();
  let everyoneThere!: () => void;
  const allThere = new Promise<void>((resolve) => (everyoneThere = resolve));
  let moved: Promise<{ anniversary: string; timers: Record<string, number> }> | undefined;

  /**
   * Waits until every running language is here, then (once) moves the clock to the companies'
   * 4-year anniversary — each owner signing in over HTTP on the way every 23 months, or their URN
   * would expire (EXP-1) — and runs the membership timers. Returns the anniversary and what the
   * timers did.
   */
  async function atAnniversary(lang: Lang): Promise<{ anniversary: string; timers: Record<string, number> }> {
    waiting.add(lang);
    if ([...running].every((l) => waiting.has(l))) everyoneThere();
    // Never wait for ever: a language whose journey broke earlier leaves (see `leave`); this bound
    // turns anything else into a failure with its reason instead of a run that never ends.
    let bound: NodeJS.Timeout | undefined;
    await Promise.race([
      allThere,
      new Promise((_, reject) => (bound = setTimeout(() => reject(new Error(`waited 5 minutes for ${[...running].filter((l) => !waiting.has(l)).join(", ")} to reach the anniversary`)), 5 * 60_000))),
    ]).finally(() => clearTimeout(bound));
    moved ??= (async () => {
      const members = (Object.keys(lives) as Lang[]).filter((l) => lives[l]?.companyId !== undefined);
      assert.ok(members.length > 0, "a member to revalidate");
      const rows = await db()
        .selectFrom("companies")
        .select(sql<string>`anniversary_on::text`.as("anniversary"))
        .where("id", "in", members.map((l) => lives[l]!.companyId))
        .execute();
      const anniversaries = [...new Set(rows.map((r) => r.anniversary))];
      assert.equal(anniversaries.length, 1, `approved on the same day: ${JSON.stringify(anniversaries)}`);
      for (const months of [23, 46]) {
        suite.portal.clock.set(new Date(START.getTime() + months * 30 * DAY_MS));
        for (const l of members) await signInOverHttp(suite.portal, memberCast(l).owner);
      }
      suite.portal.clock.set(new Date(`${anniversaries[0]!}T14:00:00Z`));
      return { anniversary: anniversaries[0]!, timers: await runMembershipTimers(suite.portal.deps) };
    })();
    return moved;
  }

  /**
   * Runs `work` after every earlier call has finished. The two languages sign up at the same
   * moment; each reads its one-time code after draining the job queue, and on PostgreSQL one
   * language's drain can return while the other's is still delivering its mail.
   */
  let queue: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  /** A language that cannot reach the anniversary (its journey broke earlier) stops being waited for. */
  function leave(lang: Lang): void {
    running.delete(lang);
    if (running.size > 0 && [...running].every((l) => waiting.has(l))) everyoneThere();
  }

  // ---- axe once per page state and language ---------------------------------------------------

  /**
   * A page state is what the page offers: its forms, notices and tables. The same page seen
   * again with the same forms — only more rows in its tables or another success notice (a
   * member's closed case after the changes are accepted, after a reinstatement, a granted appeal
   * or the revalidation's approval; the queue with other cases) — is not checked again in that
   * language: axe on the staff case page (some 200 criteria) takes seconds.
   */
  const checked: Record<Lang, Set<string>> = { en: new Set(), fr: new Set() };
  /** Checks the page with axe (and takes its screenshot) unless this state was checked in this language. */
  async function check(page: Page, lang: Lang, state: string): Promise<void> {
    if (checked[lang].has(state)) return;
    checked[lang].add(state);
    await expectAccessible(page, `member-${lang}-${String(checked[lang].size).padStart(2, "0")}-${state}`);
  }

  /** Waits for the page whose h1 is `title`, checks it (`state`), its one h1 and its language. */
  async function onPage(page: Page, lang: Lang, title: string, state: string): Promise<void> {
    await page.locator("gcds-heading[tag=h1]").filter({ hasText: title }).first().waitFor();
    await check(page, lang, state);
    assert.equal(await pageHeading(page), title, state);
    assert.equal(await page.locator("html").getAttribute("lang"), lang, `${state}: the page's language`);
  }

  function field(scope: Page | Locator, label: string): Locator {
    return scope.getByRole("textbox", { name: label, exact: true });
  }

  async function newContext(lang: Lang): Promise<BrowserContext> {
    const context = await suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
    contexts.push(context);
    return context;
  }

  // ---- what the owner sees on the dashboard ---------------------------------------------------

  async function membershipStatus(page: Page, lang: Lang): Promise<string> {
    return (await details(page.getByTestId("dashboard-company")))[MEMBER_T[lang].membershipStatus]!;
  }

  /** The dashboard's notifications, without their times. */
  async function notifications(page: Page): Promise<string[]> {
    const items = await page.getByTestId("notifications").locator("li").allInnerTexts();
    return items.map((li) => fold(li).replace(/^.*? — /, ""));
  }

  async function assertTold(page: Page, lang: Lang, sentence: string, status: string): Promise<void> {
    const t = MEMBER_T[lang];
    const all = await notifications(page);
    assert.equal(all[0], t.notification(sentence, status), `the newest notification: ${JSON.stringify(all.slice(0, 3))}`);
  }

  // ---- signing in ------------------------------------------------------------------------------

  /** Reads the newest message to `to` whose subject starts with `subject`, in the dev mailbox (another tab). */
  async function readMail(context: BrowserContext, lang: Lang, to: string, subject: string): Promise<string> {
    await suite.portal.jobs.drain();
    const tab = await context.newPage();
    const problems = watchProblems(tab);
    await tab.goto(`${suite.server.baseUrl}/${lang}/dev/mailbox`);
    await check(tab, lang, "mailbox");
    const row = tab.getByRole("row").filter({ has: tab.getByRole("cell", { name: to, exact: true }) });
    await row.getByRole("link", { name: new RegExp(`^${subject}`) }).first().click();
    await tab.getByTestId("mail-body").waitFor();
    await check(tab, lang, "mail");
    const text = await tab.getByTestId("mail-body").innerText();
    await tab.close();
    assert.deepEqual(problems, [], "the mailbox reported no problem");
    return text;
  }

  /** The owner signs in with GCKey from the home page, a code from the mailbox, the terms; lands on the dashboard. */
  async function ownerSignIn(lang: Lang, p: Person, companyId: string): Promise<{ page: Page; problems: string[] }> {
    const t = MEMBER_T[lang];
    const context = await newContext(lang);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${suite.server.baseUrl}/${lang}`);
    await check(page, lang, "trader-home");
    await page.getByRole("link", { name: t.signInHome }).click();
    await page.waitForURL(`**/${lang}/sign-in`);
    await check(page, lang, "trader-chooser");
    await page.getByRole("link", { name: t.gckey }).click();
    await page.waitForURL(`**/${lang}/sign-in/gckey`);
    await check(page, lang, "trader-gckey");
    await field(page, t.username).fill(p.username);
    await field(page, t.password).fill(p.password);
    await page.getByRole("button", { name: t.signInButton, exact: true }).click();
    await page.waitForURL(`**/${lang}/sign-in/code`);
    await check(page, lang, "trader-code");
    const code = /\b(\d{6})\b/.exec(await readMail(context, lang, p.email, t.codeSubject))?.[1];
    assert.ok(code, "the email carries a one-time code");
    await field(page, t.code).fill(code);
    await page.getByRole("button", { name: t.verify }).click();
    await page.waitForURL(`**/${lang}/sign-in/terms`);
    await check(page, lang, "trader-terms");
    await page.getByText(t.termsAgree, { exact: true }).click();
    await page.getByRole("button", { name: t.accept }).click();
    await page.waitForURL(`**/${lang}/companies/${companyId}`);
    return { page, problems };
  }

  /** A new PIP officer (password and TOTP secret issued), not signed in yet. */
  async function newOfficer(who: { username: string; displayName: string }): Promise<Omit<Desk, "context" | "page" | "problems">> {
    const created = await createStaffUser(
      suite.portal.deps,
      { username: who.username, displayName: who.displayName, email: `${who.username}@cbsa-asfc.gc.ca`, roles: ["pip-officer"] },
      { type: "system", via: "test" },
    );
    assert.ok(created.ok, JSON.stringify(created));
    return { id: created.id, name: who.displayName, username: created.issued.username, password: created.issued.password, totpSecret: created.issued.totpSecret };
  }

  /** The officer signs in (password, TOTP on the test clock, their own password the first time) in a new context; lands on the staff home. */
  async function staffSignIn(lang: Lang, officer: Omit<Desk, "context" | "page" | "problems">): Promise<Desk> {
    const t = MEMBER_T[lang];
    const context = await newContext(lang);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${suite.server.baseUrl}/${lang}/staff/sign-in`);
    await onPage(page, lang, t.staffSignInTitle, "staff-sign-in");
    await field(page, t.username).fill(officer.username);
    await field(page, t.password).fill(officer.password);
    await page.getByRole("button", { name: t.signInButton, exact: true }).click();
    await page.waitForURL(`**/${lang}/staff/sign-in/totp`);
    await onPage(page, lang, t.totpTitle, "staff-totp");
    const totp = new TOTP({ secret: officer.totpSecret, digits: 6, period: 30, algorithm: "SHA1" });
    await field(page, t.totp).fill(totp.generate({ timestamp: suite.portal.clock.now().getTime() }));
    await page.getByRole("button", { name: t.continue }).click();
    await page.waitForURL(new RegExp(`/${lang}/staff(/sign-in/password)?$`));
    if (page.url().endsWith("/sign-in/password")) {
      await onPage(page, lang, t.passwordTitle, "staff-password");
      const own = "the officer's own passphrase";
      await field(page, t.newPassword).fill(own);
      await field(page, t.confirmPassword).fill(own);
      await page.getByRole("button", { name: t.savePassword }).click();
      await page.waitForURL(`**/${lang}/staff`);
      officer.password = own;
    }
    await onPage(page, lang, t.staffHome, "staff-home");
    return { ...officer, context, page, problems };
  }

  // ---- the officer's queue and case -----------------------------------------------------------

  /** The queue, from the staff home's link (or its address when the officer is elsewhere). */
  async function openQueue(desk: Desk, lang: Lang, state: string): Promise<void> {
    const t = MEMBER_T[lang];
    const page = desk.page;
    if (page.url().endsWith(`/${lang}/staff`)) {
      await page.getByTestId("staff-tools").getByRole("link", { name: t.pipTool, exact: true }).click();
      await page.waitForURL(`**/${lang}/staff/pip`);
    } else await page.goto(`${suite.server.baseUrl}/${lang}/staff/pip`);
    await onPage(page, lang, t.queueTitle, state);
  }

  /** The queue's row of the company (the only one: a company has at most one open case). */
  async function queueRowOf(page: Page, company: string): Promise<{ cells: string[]; caseId: string }> {
    const row = page.getByTestId("queue-row").filter({ has: page.getByRole("link", { name: company, exact: true }) });
    assert.equal(await row.count(), 1, `${company} is in the queue once`);
    return { cells: (await rows(page.getByTestId("queue"))).find((r) => r[0] === company)!, caseId: (await row.getAttribute("data-case"))! };
  }

  async function openCaseFromQueue(page: Page, lang: Lang, company: string, caseId: string, state: string): Promise<string> {
    await page.locator(`[data-testid=queue-row][data-case="${caseId}"]`).getByRole("link", { name: company, exact: true }).click();
    await page.waitForURL(`**/${lang}/staff/pip/cases/${caseId}`);
    await onPage(page, lang, MEMBER_T[lang].caseTitle(company), state);
    return page.url();
  }

  async function caseFacts(page: Page): Promise<Record<string, string>> {
    return details(page.getByTestId("case"));
  }

  /** Decides `transition` with `reasons` from its section of the case page; returns the decision's reference. */
  async function decide(page: Page, lang: Lang, company: string, transition: string, label: string, button: string, reasons: string, state: string): Promise<string> {
    const section = page.locator(`section#decide-${transition}`);
    await field(section, label).fill(reasons);
    await section.getByRole("button", { name: button, exact: true }).click();
    await page.waitForURL(DECIDED);
    const reference = DECIDED.exec(page.url())![1]!;
    await onPage(page, lang, MEMBER_T[lang].caseTitle(company), state);
    await noticeOrText(page, MEMBER_T[lang].decided(reference)).first().waitFor();
    return reference;
  }

  /** The confirmation page of a submission: its reference and kind, then back to the dashboard. */
  async function confirmation(page: Page, lang: Lang, companyId: string, title: string, kind: string, owner: Person, state: string): Promise<string> {
    const t = MEMBER_T[lang];
    await page.waitForURL(new RegExp(`/${lang}/companies/${companyId}/submissions/\\d+/submitted$`));
    await onPage(page, lang, title, state);
    const submission = await details(page.getByTestId("submission"));
    assert.match(submission[t.reference]!, REFERENCE);
    assert.equal(submission[t.kindLabel], kind);
    assert.equal(submission[t.submittedBy], fullName(owner));
    await page.getByRole("link", { name: t.backToDashboard, exact: true }).click();
    await page.waitForURL(`${suite.server.baseUrl}/${lang}/companies/${companyId}`);
    return submission[t.reference]!;
  }

  for (const lang of ["en", "fr"] as const) {
    const t = MEMBER_T[lang];
    const w = MEMBER_WORDS[lang];
    const who = memberCast(lang);
    const s = {} as Life;
    const dashboard = async (state: string) => {
      const page = s.owner.page;
      await page.goto(s.base);
      await onPage(page, lang, t.dashboard, state);
      return page;
    };
    const app = () => s.owner.page.getByTestId("dashboard-application");
    /** A notice's title (the design system's notice names its heading after an icon's text; accessible names fold a no-break space). */
    const noticeTitled = (title: string) => app().getByRole("heading", { name: new RegExp(`${title.replace(/[.?()]/g, "\\$&").replace(/\u00a0/g, "\\s")}$`) });

    describe(lang === "en" ? "in English" : "in French", { concurrency: 1 }, () => {
      it(`the owner edits an answer, sees it listed and submits the changes; the officer sees the difference and accepts them (${lang})`, async () => {
        running.add(lang);
        lives[lang] = s;
        const owner = await memberOf(suite.portal, await oneAtATime(() => signUpAndSignIn(suite.portal, who.owner)));
        s.ownerPersonId = owner.personId;
        s.companyId = await authorizedCompany(suite.portal, who.company, owner);
        s.base = `${suite.server.baseUrl}/${lang}/companies/${s.companyId}`;
        await db().updateTable("companies").set({ correspondence_locale: lang }).where("id", "=", s.companyId).execute();
        await completeProfiles(suite.portal, s.companyId, owner.personId);
        await makeMember(suite.portal, approver, s.companyId, { personId: owner.personId, name: fullName(who.owner) });
        s.approvedOn = ottawaDay(suite.portal.clock.now());

        // ---- the owner: a member's dashboard, one answer changed on its page --------------------
        s.owner = await ownerSignIn(lang, who.owner, s.companyId);
        let page = await dashboard("dashboard-member");
        assert.equal(await membershipStatus(page, lang), t.statuses.member);
        assert.equal(await says(page.getByTestId("member-since")), t.memberSince(day(lang, s.approvedOn), day(lang, fourYearsAfter(s.approvedOn))));
        const changes = page.getByTestId("dashboard-changes");
        assert.equal(await says(changes.locator("gcds-text")), t.dashboardNoChanges);
        await assertTold(page, lang, t.told.approve, t.statuses.member);

        await page.goto(`${s.base}/application/parts/general`);
        await onPage(page, lang, t.partTitle(generalPart(lang)), "application-part");
        await page.locator(`gcds-textarea[name="a-${ITEM}"] textarea`).fill(w.ports);
        await page.getByRole("button", { name: t.saveAndComeBack, exact: true }).click();
        await page.waitForURL(`${s.base}/application?saved=1`);
        await noticeOrText(page, t.savedLaterNotice).first().waitFor();
        await onPage(page, lang, t.applicationTitle, "application-saved");
        await page.getByRole("link", { name: t.backToPipDashboard, exact: true }).click();
        await page.waitForURL(s.base);

        // ---- the change listed on the dashboard, submitted with the owner's name ----------------
        page = await dashboard("dashboard-changes-listed");
        assert.equal(await says(changes.locator("gcds-text").first()), t.dashboardChanges(1));
        const listed = (await changes.getByTestId("changes-list").locator("li").allInnerTexts()).map(fold);
        // Each language's punctuation: "Profil de la demande\u00a0: GEN-6" in French.
        const where = (text: string) => text;
        assert.deepEqual(listed.map(where), [`${t.changeWhere(ITEM, itemText(lang))} (${t.changed.toLocaleLowerCase(lang)})`]);
        await changes.getByRole("link", { name: t.changesButton, exact: true }).click();
        await page.waitForURL(`${s.base}/changes/submit`);
        await onPage(page, lang, t.changesTitle, "changes");
        assert.equal(await says(page.getByTestId("changes").locator("caption")), t.changesCaption);
        assert.deepEqual((await rows(page.getByTestId("changes"))).map((r) => [where(r[0]!), r[1]]), [[t.changeWhere(ITEM, itemText(lang)), t.changed]]);
        await field(page, t.declaredName).fill(fullName(who.owner));
        await page.getByRole("button", { name: t.changesButton, exact: true }).click();
        await confirmation(page, lang, s.companyId, t.changesSubmittedTitle, t.kinds.changes, who.owner, "changes-submitted");
        await onPage(page, lang, t.dashboard, "dashboard-changes-in-review");
        assert.equal(await membershipStatus(page, lang), t.statuses.member, "changes are not a transition");
        assert.equal(await says(changes.locator("gcds-text")), t.dashboardChangesInReview);

        // ---- the officer: the case waiting on Changes, the difference, accepted -----------------
        s.a = await staffSignIn(lang, await newOfficer(who.officerA));
        await openQueue(s.a, lang, "queue");
        const row = await queueRowOf(s.a.page, who.company);
        assert.equal(row.cells[2], t.waiting.changes);
        assert.equal(row.cells[3], t.statuses.member);
        assert.equal(row.cells[5], t.nobody);
        const caseUrl = await openCaseFromQueue(s.a.page, lang, who.company, row.caseId, "case-changes");
        page = s.a.page;
        const facts = await caseFacts(page);
        assert.equal(facts[t.caseStatus], t.statuses.member);
        assert.equal(facts[t.waitingOn], t.waiting.changes);
        const differences = await rows(page.getByTestId("differences"));
        assert.equal(differences.length, 1, JSON.stringify(differences));
        assert.ok(differences[0]![0]!.includes(ITEM), differences[0]![0]);
        assert.equal(differences[0]![1], t.changed);
        assert.equal(differences[0]![3], w.ports, "the answer as the owner changed it");
        const accept = page.locator("section#accept-changes");
        await field(accept, t.acceptChangesNote).fill(w.acceptNote);
        await accept.getByRole("button", { name: t.acceptChangesButton, exact: true }).click();
        await page.waitForURL(`${caseUrl}?done=changesAccepted`);
        await onPage(page, lang, t.caseTitle(who.company), "case-member-closed");
        await noticeOrText(page, t.changesAccepted).first().waitFor();
        assert.equal(await page.locator("section#accept-changes").count(), 0, "accepted once");

        // ---- the owner: told ---------------------------------------------------------------------
        page = await dashboard("dashboard-member");
        assert.equal(await membershipStatus(page, lang), t.statuses.member);
        await assertTold(page, lang, t.told.changesAccepted, t.statuses.member);
        assert.equal(await says(changes.locator("gcds-text")), t.dashboardNoChanges);
        assert.deepEqual(s.owner.problems, [], "the owner's pages reported no problem");
        assert.deepEqual(s.a.problems, [], "the officer's pages reported no problem");
      });

      it(`the officer finds the member by name and suspends it; the owner submits the action plan with a file; the officer reinstates (${lang})`, async () => {
        // ---- the officer: the queue searched by name (closed cases too), the latest case --------
        let page = s.a.page;
        await openQueue(s.a, lang, "queue");
        await field(page, t.search).fill(who.company);
        await page.getByRole("button", { name: t.apply, exact: true }).click();
        await page.waitForURL(/[?&]q=/);
        await onPage(page, lang, t.queueTitle, "queue-search");
        const found = await page.getByTestId("queue-row").evaluateAll((trs) => trs.map((r) => (r as HTMLElement).dataset["case"]!));
        assert.equal(found.length, 2, "the application's case and the changes' case");
        for (const r of await rows(page.getByTestId("queue"))) {
          assert.equal(r[0], who.company);
          assert.equal(r[3], `${t.statuses.member} ${t.closedFlag}`);
        }
        const latest = String(Math.max(...found.map(Number)));
        assert.equal(latest, await latestCase(suite.portal, s.companyId));
        await openCaseFromQueue(page, lang, who.company, latest, "case-member-closed");

        const today = ottawaDay(suite.portal.clock.now());
        const suspend = page.locator("section#suspend");
        await field(suspend, t.reasons).fill(w.suspend);
        const dueOn = await field(suspend, t.suspendDueOn).inputValue();
        assert.equal(dueOn, addCalendarDays(today, 30), "30 days from today by default");
        await suspend.getByRole("button", { name: t.suspendButton, exact: true }).click();
        await page.waitForURL(DECIDED);
        const suspensionCase = /\/cases\/(\d+)\?/.exec(page.url())![1]!;
        assert.notEqual(suspensionCase, latest, "a suspension opens a case of its own");
        const decision = DECIDED.exec(page.url())![1]!;
        await onPage(page, lang, t.caseTitle(who.company), "case-suspended");
        await noticeOrText(page, t.decided(decision)).first().waitFor();
        let facts = await caseFacts(page);
        assert.equal(facts[t.caseStatus], t.statuses.suspended);
        assert.equal(facts[t.waitingOn], t.waiting.actionPlanDue);
        assert.equal(facts[t.assignedTo], s.a.name);
        const plans = await rows(page.getByTestId("action-plans"));
        assert.deepEqual(
          plans.map((r) => r.slice(1)),
          [[w.suspend, day(lang, dueOn), t.notSubmitted]],
        );

        // ---- the owner: the suspension and its due date, the action plan with a file ------------
        page = await dashboard("dashboard-suspended");
        assert.equal(await membershipStatus(page, lang), t.statuses.suspended);
        await noticeTitled(t.dashboardSuspended).waitFor();
        await app().getByText(t.dashboardActionPlanDue(day(lang, dueOn)), { exact: true }).waitFor();
        await assertTold(page, lang, t.told.suspend, t.statuses.suspended);
        assert.equal(await page.getByTestId("dashboard-changes").count(), 0, "no changes while suspended");
        await app().getByRole("link", { name: t.actionPlanLink, exact: true }).click();
        await page.waitForURL(`${s.base}/action-plan`);
        await onPage(page, lang, t.actionPlanTitle, "action-plan");
        const plan = await details(page.getByTestId("action-plan"));
        assert.equal(plan[t.actionPlanReasons], w.suspend);
        assert.equal(plan[t.actionPlanDueOn], day(lang, dueOn));
        const files = page.getByTestId("statement-files");
        await files.getByText(t.noFiles, { exact: true }).waitFor();
        await files.getByLabel(t.chooseFile, { exact: true }).setInputFiles({ name: w.fileName, mimeType: "application/pdf", buffer: await pdfFile(w.plan) });
        await files.getByRole("button", { name: t.attachButton, exact: true }).click();
        await page.waitForURL(`${s.base}/action-plan?uploaded=1#files`);
        await onPage(page, lang, t.actionPlanTitle, "action-plan-file-attached");
        await noticeOrText(page, t.fileAttached).first().waitFor();
        const attached = await rows(files);
        assert.equal(attached.length, 1);
        assert.equal(attached[0]![0], w.fileName);
        assert.equal(attached[0]![2], t.notScanned);
        await field(page, t.actionPlanStatement).fill(w.plan);
        await field(page, t.declaredName).fill(fullName(who.owner));
        await page.getByRole("button", { name: t.actionPlanButton, exact: true }).click();
        await confirmation(page, lang, s.companyId, t.actionPlanSubmittedTitle, t.kinds.actionPlan, who.owner, "action-plan-submitted");
        await onPage(page, lang, t.dashboard, "dashboard-action-plan-submitted");
        assert.equal(await membershipStatus(page, lang), t.statuses.suspended);
        const responded = await db().selectFrom("action_plans").select("responded_at").where("company_id", "=", s.companyId).orderBy("id", "desc").executeTakeFirstOrThrow();
        await app().getByText(t.dashboardActionPlanSubmitted(formatDateTime(lang, new Date(responded.responded_at!))), { exact: true }).waitFor();

        // ---- the officer: the case waiting on the action plan, reinstated ----------------------
        page = s.a.page;
        await openQueue(s.a, lang, "queue");
        const row = await queueRowOf(page, who.company);
        assert.equal(row.caseId, suspensionCase);
        assert.equal(row.cells[2], t.waiting.actionPlan);
        assert.equal(row.cells[3], t.statuses.suspended);
        assert.equal(row.cells[5], s.a.name);
        await openCaseFromQueue(page, lang, who.company, suspensionCase, "case-suspended");
        facts = await caseFacts(page);
        assert.equal(facts[t.waitingOn], t.waiting.actionPlan);
        assert.notEqual((await rows(page.getByTestId("action-plans")))[0]![3], t.notSubmitted, "the plan is submitted");
        // The officer reads what the company wrote and the file it attached before deciding.
        const statement = page.getByTestId("statement");
        await statement.getByText(w.plan, { exact: true }).waitFor();
        await statement.getByText(w.suspend, { exact: true }).waitFor();
        assert.equal(await statement.getByRole("link", { name: new RegExp(w.fileName.replace(/[.]/g, "\\.")) }).count(), 1, "the plan's file, downloadable");
        await decide(page, lang, who.company, "reinstate", t.reasons, t.reinstateButton, w.reinstate, "case-member-closed");
        assert.equal((await caseFacts(page))[t.caseStatus], t.statuses.member);

        page = await dashboard("dashboard-member");
        assert.equal(await membershipStatus(page, lang), t.statuses.member);
        await assertTold(page, lang, t.told.reinstate, t.statuses.member);
        assert.deepEqual(s.owner.problems, [], "the owner's pages reported no problem");
        assert.deepEqual(s.a.problems, [], "the officer's pages reported no problem");
      });

      it(`officer A cancels a suspended membership; the owner appeals within 30 days; officer A may not decide it, officer B grants it (${lang})`, async () => {
        const suspended = await suspendMembership(suite.portal.deps, s.a.id, await latestCase(suite.portal, s.companyId), "member", { reasons: w.suspend, dueOn: addCalendarDays(ottawaDay(suite.portal.clock.now()), 30) }, meta);
        assert.ok(suspended.ok, JSON.stringify(suspended));

        // ---- officer A cancels ---------------------------------------------------------------------
        let page = s.a.page;
        await page.goto(`${suite.server.baseUrl}/${lang}/staff/pip/cases/${suspended.caseId}`);
        await onPage(page, lang, t.caseTitle(who.company), "case-suspended");
        assert.equal((await caseFacts(page))[t.caseStatus], t.statuses.suspended);
        await decide(page, lang, who.company, "cancel", t.reasons, t.cancelButton, w.cancel, "case-cancelled");
        assert.equal((await caseFacts(page))[t.caseStatus], t.statuses.cancelled);
        const co = await db().selectFrom("companies").select("cancelled_at").where("id", "=", s.companyId).executeTakeFirstOrThrow();
        const appealUntil = formatDateTime(lang, new Date(new Date(co.cancelled_at!).getTime() + 30 * DAY_MS));

        // ---- the owner: the cancellation, the appeal with its deadline ---------------------------
        page = await dashboard("dashboard-cancelled");
        assert.equal(await membershipStatus(page, lang), t.statuses.cancelled);
        await noticeTitled(t.dashboardCancelled).waitFor();
        await app().getByText(t.dashboardAppealUntil(appealUntil), { exact: true }).waitFor();
        await assertTold(page, lang, t.told.cancel, t.statuses.cancelled);
        await app().getByRole("link", { name: t.appealButton, exact: true }).click();
        await page.waitForURL(`${s.base}/appeal`);
        await onPage(page, lang, t.appealTitle, "appeal");
        await page.getByText(t.appealDeadline(appealUntil), { exact: true }).waitFor();
        await field(page, t.appealStatement).fill(w.appeal);
        await field(page, t.declaredName).fill(fullName(who.owner));
        await page.getByRole("button", { name: t.appealButton2, exact: true }).click();
        await confirmation(page, lang, s.companyId, t.appealSubmittedTitle, t.kinds.appeal, who.owner, "appeal-submitted");
        await onPage(page, lang, t.dashboard, "dashboard-appeal-submitted");
        assert.equal(await membershipStatus(page, lang), t.statuses.appealSubmitted);
        assert.equal(await app().getByRole("link", { name: t.appealButton, exact: true }).count(), 0, "appealed once");

        // ---- officer A: the appeal in the queue, not theirs to decide ---------------------------
        page = s.a.page;
        await openQueue(s.a, lang, "queue");
        const row = await queueRowOf(page, who.company);
        assert.equal(row.cells[2], t.waiting.appeal);
        assert.equal(row.cells[3], t.statuses.appealSubmitted);
        assert.equal(row.cells[5], t.nobody);
        await openCaseFromQueue(page, lang, who.company, row.caseId, "case-appeal-cancelling-officer");
        await page.getByText(t.sameOfficer, { exact: true }).waitFor();
        assert.equal(await page.locator("section#decide-grant-appeal, section#decide-dismiss-appeal").count(), 0, "no decision offered to the cancelling officer");

        // ---- officer B grants the appeal ---------------------------------------------------------
        s.b = await staffSignIn(lang, await newOfficer(who.officerB));
        await openQueue(s.b, lang, "queue");
        await openCaseFromQueue(s.b.page, lang, who.company, row.caseId, "case-appeal");
        page = s.b.page;
        await page.getByTestId("statement").getByText(w.appeal, { exact: true }).waitFor();
        assert.equal(await page.getByText(t.sameOfficer, { exact: true }).count(), 0);
        assert.equal(await page.locator("section#decide-dismiss-appeal").count(), 1, "officer B may dismiss it too");
        await decide(page, lang, who.company, "grant-appeal", t.reasons, t.grantButton, w.grant, "case-member-closed");
        assert.equal((await caseFacts(page))[t.caseStatus], t.statuses.member);

        page = await dashboard("dashboard-member");
        assert.equal(await membershipStatus(page, lang), t.statuses.member);
        await assertTold(page, lang, t.told.grantAppeal, t.statuses.member);
        assert.deepEqual(s.owner.problems, [], "the owner's pages reported no problem");
        assert.deepEqual(s.a.problems, [], "officer A's pages reported no problem");
        assert.deepEqual(s.b.problems, [], "officer B's pages reported no problem");
        await s.b.context.close();
      });

      it(`on the 4-year anniversary the membership is due for revalidation; the owner resubmits, the officer validates the site and approves: a new anniversary (${lang})`, async () => {
        let dates: { anniversary: string; since: string };
        try {
          dates = await db()
            .selectFrom("companies")
            .select([sql<string>`anniversary_on::text`.as("anniversary"), sql<string>`member_since::text`.as("since")])
            .where("id", "=", s.companyId)
            .executeTakeFirstOrThrow();
          assert.deepEqual(dates, { anniversary: fourYearsAfter(s.approvedOn), since: s.approvedOn }, "the appeal kept the membership's dates");
        } catch (err) {
          leave(lang);
          throw err;
        }

        const { anniversary, timers } = await atAnniversary(lang);
        assert.equal(anniversary, dates.anniversary);
        assert.equal(timers["revalidationDue"], Object.keys(lives).length, `each member due for revalidation, once: ${JSON.stringify(timers)}`);

        // ---- the owner: Revalidation due, the resubmit-by date; resubmitted ---------------------
        await s.owner.page.context().close();
        s.owner = await ownerSignIn(lang, who.owner, s.companyId);
        let page = await dashboard("dashboard-revalidation-due");
        assert.equal(await membershipStatus(page, lang), t.statuses.revalidationDue);
        assert.equal(await says(page.getByTestId("member-since")), t.memberSince(day(lang, dates.since), day(lang, dates.anniversary)));
        await noticeTitled(t.dashboardRevalidationDueTitle).waitFor();
        await app().getByText(t.dashboardRevalidationDue(day(lang, addCalendarDays(dates.anniversary, 90))), { exact: true }).waitFor();
        await assertTold(page, lang, t.told.revalidationDue, t.statuses.revalidationDue);
        await app().getByRole("link", { name: t.dashboardResubmit, exact: true }).click();
        await page.waitForURL(`${s.base}/application/submit`);
        await onPage(page, lang, t.resubmitTitle, "resubmit");
        assert.deepEqual(
          (await rows(page.getByTestId("checklist"))).map((r) => r[1]),
          [t.complete, t.complete, t.complete],
        );
        await field(page, t.declaredName).fill(fullName(who.owner));
        await page.getByRole("button", { name: t.resubmitButton, exact: true }).click();
        await confirmation(page, lang, s.companyId, t.resubmittedTitle, t.kinds.resubmission, who.owner, "resubmitted");
        await onPage(page, lang, t.dashboard, "dashboard-under-review");
        assert.equal(await membershipStatus(page, lang), t.statuses.underReview);

        // ---- officer A (signed in again): assigns, validates the site, approves ----------------
        await s.a.context.close();
        s.a = await staffSignIn(lang, s.a);
        await openQueue(s.a, lang, "queue");
        page = s.a.page;
        const row = await queueRowOf(page, who.company);
        assert.equal(row.cells[2], t.waiting.resubmission);
        assert.equal(row.cells[3], t.statuses.underReview);
        assert.equal(row.cells[5], t.nobody);
        await page.getByRole("button", { name: t.assignLabel(who.company), exact: true }).click();
        await page.waitForURL(new RegExp(`/${lang}/staff/pip\\?assigned=${row.caseId}$`));
        await onPage(page, lang, t.queueTitle, "queue-assigned");
        await noticeOrText(page, t.assigned(who.company)).first().waitFor();
        assert.equal((await queueRowOf(page, who.company)).cells[5], s.a.name);
        const caseUrl = await openCaseFromQueue(page, lang, who.company, row.caseId, "case-resubmission");
        assert.equal((await caseFacts(page))[t.assignedTo], s.a.name);

        const sv = page.locator("section#sv");
        await field(sv, t.svDate).fill(ottawaDay(suite.portal.clock.now(), 7));
        await sv.getByRole("combobox", { name: t.svFacility }).selectOption({ label: "Main warehouse" });
        await sv.getByRole("button", { name: t.svButton, exact: true }).click();
        await page.waitForURL(`${caseUrl}?done=sv`);
        await onPage(page, lang, t.caseTitle(who.company), "case-sv-scheduled");
        await noticeOrText(page, t.svScheduled).first().waitFor();
        const outcome = page.locator("section#sv-outcome");
        await outcome.locator("gcds-radios[name=svOutcome]").getByText(t.satisfactory, { exact: true }).click();
        await field(outcome, t.svOutcomeNote).fill(w.svNote);
        await outcome.getByRole("button", { name: t.svOutcomeButton, exact: true }).click();
        await page.waitForURL(`${caseUrl}?done=svOutcome`);
        await onPage(page, lang, t.caseTitle(who.company), "case-sv-recorded");
        await noticeOrText(page, t.svRecorded).first().waitFor();
        await decide(page, lang, who.company, "approve", t.reasonsOptional, t.approveButton, w.approve, "case-member-closed");
        assert.equal((await caseFacts(page))[t.caseStatus], t.statuses.member);
        const approvedAgain = ottawaDay(suite.portal.clock.now());

        // ---- the owner: Member, the next anniversary 4 years after this approval ----------------
        page = await dashboard("dashboard-member");
        assert.equal(await membershipStatus(page, lang), t.statuses.member);
        assert.equal(await says(page.getByTestId("member-since")), t.memberSince(day(lang, dates.since), day(lang, fourYearsAfter(approvedAgain))), "the start kept, a new anniversary");
        await assertTold(page, lang, t.told.approve, t.statuses.member);
        assert.deepEqual(s.owner.problems, [], "the owner's pages reported no problem");
        assert.deepEqual(s.a.problems, [], "the officer's pages reported no problem");
      });

      it(`the owner withdraws the company from the program (${lang})`, async () => {
        const page = await dashboard("dashboard-member");
        await app().getByRole("link", { name: t.dashboardWithdraw, exact: true }).click();
        await page.waitForURL(`${s.base}/withdraw`);
        await onPage(page, lang, t.withdrawTitle, "withdraw");
        await field(page, t.withdrawReason).fill(w.withdraw);
        await page.getByRole("button", { name: t.withdrawButton, exact: true }).click();
        await page.waitForURL(`${s.base}/withdraw?withdrawn=1`);
        await onPage(page, lang, t.withdrawnTitle, "withdrawn");
        await noticeOrText(page, t.withdrawnText).waitFor();
        await page.getByRole("link", { name: t.backToDashboard, exact: true }).click();
        await page.waitForURL(s.base);
        await onPage(page, lang, t.dashboard, "dashboard-withdrawn");
        assert.equal(await membershipStatus(page, lang), t.statuses.withdrawn);
        assert.equal(await app().getByRole("link", { name: t.dashboardWithdraw, exact: true }).count(), 0, "withdrawn once");
        assert.deepEqual(s.owner.problems, [], "the owner's pages reported no problem");
        await page.context().close();
        await s.a.context.close();
      });
    });
  }
});
