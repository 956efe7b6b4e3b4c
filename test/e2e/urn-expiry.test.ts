// URN expiry and regaining access in a real browser, in English and in French, with an axe
// check on every page visited (EXP-1 to EXP-3, STAFF-3) — the browser version of
// test/urn-expiry.test.ts's owner cascade:
// - fixture (over HTTP and in the database, on the test clock): an account owner and a
//   full-access user of an authorized company; a year later the user signs in, the owner does
//   not; two years after the owner's last sign-in the expiry job runs;
// - the user signs in and is told, on the company's page, that the account owner's URN expired;
// - the owner tries to sign in with GCKey and is told that their URN expired and to call the TCCU;
// - a TCCU officer signs in (password, TOTP, own password), opens the TCCU tool, finds the owner
//   by part of the family name in another case, sees the company and the expired URN, is asked
//   for a reason, and issues a new URN;
// - the owner reads the new URN in their email, signs in, and reactivates the user from the PIP
//   dashboard; the user signs in again and works in the company.
import assert from "node:assert/strict";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { TOTP } from "otpauth";
import { browserPortalSuite, browserTests, expectAccessible, pageHeading, watchProblems } from "../helpers/browser.ts";
import { PASSWORD, signIn as signInOverHttp, signUpAndSignIn, type Person } from "../helpers/identity.ts";
import { authorizedCompany, memberOf, type Member } from "../helpers/companies.ts";
import { createStaffUser } from "../../src/features/staff/service.ts";
import { expireInactiveUrns } from "../../src/features/expiry/service.ts";
import { addMonths } from "../../src/domain/urn-expiry.ts";
import { noticeOrText } from "../helpers/notice.ts";

const { describe, it, before, after } = browserTests();

type Lang = "en" | "fr";

const URN = /URN-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]/;

const T = {
  en: {
    // Trader sign-in.
    signInHome: "Sign in to the portal",
    gckey: "Continue with GCKey",
    username: "Username",
    password: "Password",
    signInButton: "Sign in",
    code: "One-time code",
    verify: "Verify",
    codeSubject: "Your one-time code",
    termsAgree: "I accept the terms and conditions of use.",
    accept: "Accept and continue",
    accountTitle: "Your portal account",
    lockedHeading: "Companies you can no longer open",
    lockedOwnerExpired: (company: string) =>
      `${company} — the account owner's user reference number expired; the owner must get a new one from the TCCU and reactivate you.`,
    // What a locked-out person is told.
    ownerExpiredTitle: "The account owner's user reference number has expired",
    ownerExpiredText: (company: string) =>
      `Your access to ${company} was deactivated because the user reference number (URN) of its account owner expired. The account owner must contact the Technical Commercial Client Unit (TCCU) for a new URN, then reactivate you. You will be told by email.`,
    expiredTitle: "Your user reference number has expired",
    expiredWhy: "Your user reference number (URN) expired because you had not signed in to the Trusted Trader Portal for 2 years.",
    expiredTccu: "Contact the Technical Commercial Client Unit (TCCU). After verifying your identity, they will send you a new URN by email.",
    // Staff sign-in and the TCCU tool.
    staffSignInTitle: "CBSA staff sign-in",
    totp: "6-digit code",
    totpTitle: "Enter the code from your authenticator app",
    continue: "Continue",
    passwordTitle: "Choose your own password",
    newPassword: "New password",
    confirmPassword: "Confirm your new password",
    savePassword: "Save and continue",
    staffHome: "CBSA staff tools",
    tccuTool: "Help traders regain access (TCCU)",
    tccuTitle: "TCCU: find a portal user",
    search: "Search",
    searchButton: "Search",
    onePersonFound: "1 person found",
    personTitle: (name: string) => `Portal user: ${name}`,
    urnLabel: "URN",
    urnStatus: "URN status",
    expired: "Expired",
    valid: "Valid",
    companiesCaption: "Companies",
    ownerRole: "Account owner",
    fullRole: "Full-access user",
    active: "Active",
    reason: "Reason",
    issueButton: "Issue a new URN",
    errorSummary: "There was a problem",
    reasonRequired: "Give the reason for issuing a new URN.",
    reasonText: "Identity verified by telephone, ticket 4411",
    issued: (urn: string) => `A new URN was issued: ${urn}`,
    issuedOwner: (company: string) => `As the account owner of ${company}, they sign in with the new URN and then reactivate the company's users whose access was deactivated.`,
    // The owner's way back.
    newUrnSubject: "Your new user reference number",
    newUrnText: "The Technical Commercial Client Unit (TCCU) issued you a new user reference number (URN): ",
    dashboard: "PIP dashboard",
    yourRole: "Your role",
    reactivateHeading: "Users to reactivate",
    reactivateAll: "Reactivate all these users",
    reactivatedOne: "1 user was reactivated.",
  },
  fr: {
    signInHome: "Ouvrir une session dans le portail",
    gckey: "Continuer avec la CléGC",
    username: "Nom d’utilisateur",
    password: "Mot de passe",
    signInButton: "Ouvrir une session",
    code: "Code à usage unique",
    verify: "Vérifier",
    codeSubject: "Votre code à usage unique",
    termsAgree: "J’accepte les conditions d’utilisation.",
    accept: "Accepter et continuer",
    accountTitle: "Votre compte du portail",
    lockedHeading: "Entreprises que vous ne pouvez plus ouvrir",
    lockedOwnerExpired: (company: string) =>
      `${company} — le numéro de référence d’utilisateur du propriétaire du compte a expiré; le propriétaire doit en obtenir un nouveau auprès de l’UTCC, puis vous réactiver.`,
    ownerExpiredTitle: "Le numéro de référence d’utilisateur du propriétaire du compte a expiré",
    ownerExpiredText: (company: string) =>
      `Votre accès à ${company} a été désactivé parce que le numéro de référence d’utilisateur (NRU) du propriétaire de son compte a expiré. Le propriétaire du compte doit obtenir un nouveau NRU auprès de l’Unité technique des clients commerciaux (UTCC), puis vous réactiver. Vous en serez avisé par courriel.`,
    expiredTitle: "Votre numéro de référence d’utilisateur a expiré",
    expiredWhy:
      "Votre numéro de référence d’utilisateur (NRU) a expiré parce que vous n’avez pas ouvert de session dans le Portail des négociants dignes de confiance depuis 2 ans.",
    expiredTccu: "Communiquez avec l’Unité technique des clients commerciaux (UTCC). Après avoir vérifié votre identité, elle vous enverra un nouveau NRU par courriel.",
    staffSignInTitle: "Ouverture de session du personnel de l’ASFC",
    totp: "Code à 6 chiffres",
    totpTitle: "Entrez le code de votre application d’authentification",
    continue: "Continuer",
    passwordTitle: "Choisissez votre propre mot de passe",
    newPassword: "Nouveau mot de passe",
    confirmPassword: "Confirmez votre nouveau mot de passe",
    savePassword: "Enregistrer et continuer",
    staffHome: "Outils du personnel de l’ASFC",
    tccuTool: "Aider les négociants à retrouver l’accès (UTCC)",
    tccuTitle: "UTCC\u00a0: trouver un utilisateur du portail",
    search: "Recherche",
    searchButton: "Chercher",
    onePersonFound: "1 personne trouvée",
    personTitle: (name: string) => `Utilisateur du portail\u00a0: ${name}`,
    urnLabel: "NRU",
    urnStatus: "État du NRU",
    expired: "Expiré",
    valid: "Valide",
    companiesCaption: "Entreprises",
    ownerRole: "Propriétaire du compte",
    fullRole: "Utilisateur à accès complet",
    active: "Actif",
    reason: "Motif",
    issueButton: "Attribuer un nouveau NRU",
    errorSummary: "Un problème est survenu",
    reasonRequired: "Indiquez le motif de l’attribution d’un nouveau NRU.",
    reasonText: "Identité vérifiée par téléphone, billet 4411",
    issued: (urn: string) => `Un nouveau NRU a été attribué\u00a0: ${urn}`,
    issuedOwner: (company: string) => `En tant que propriétaire du compte de ${company}, la personne ouvre une session avec le nouveau NRU, puis réactive les utilisateurs de l’entreprise dont l’accès a été désactivé.`,
    newUrnSubject: "Votre nouveau numéro de référence d’utilisateur",
    newUrnText: "L’Unité technique des clients commerciaux (UTCC) vous a attribué un nouveau numéro de référence d’utilisateur (NRU)\u00a0: ",
    dashboard: "Tableau de bord PEP",
    yourRole: "Votre rôle",
    reactivateHeading: "Utilisateurs à réactiver",
    reactivateAll: "Réactiver tous ces utilisateurs",
    reactivatedOne: "1 utilisateur a été réactivé.",
  },
} as const;

/** The people and the company of each run; names with accents in French, as people type them. */
function cast(lang: Lang): { owner: Person; user: Person; company: string; start: Date } {
  const p = (key: string, givenName: string, familyName: string, email: string): Person => ({
    username: `exp${key}${lang}01`,
    password: PASSWORD,
    email,
    givenName,
    familyName,
    lang,
  });
  // Each run has its own years, later for the second one: the test clock never goes back.
  return lang === "en"
    ? {
        owner: p("owner", "Harriet", "Lindqvist", "harriet.lindqvist@example.ca"),
        user: p("user", "Daniel", "Mercer", "daniel.mercer@example.ca"),
        company: "Harbourfront Freight Ltd.",
        start: new Date("2027-03-01T15:00:00Z"),
      }
    : {
        owner: p("owner", "Hélène", "Thériault", "helene.theriault@exemple.ca"),
        user: p("user", "Julien", "Bouchard", "julien.bouchard@exemple.ca"),
        company: "Fret du Saint-Laurent ltée",
        start: new Date("2032-09-01T15:00:00Z"),
      };
}

const fullName = (p: Person) => `${p.givenName} ${p.familyName}`;
const fold = (s: string) => s.replace(/[ \t\n\r\f]+/g, " ").trim(); // keeps U+00A0: French punctuation has it

describe("URN expiry and regaining access, in the browser", () => {
  const suite = browserPortalSuite({ before, after });

  // ---- the fixture ---------------------------------------------------------------------------

  async function lastSignIn(member: Member): Promise<Date> {
    const row = await suite.portal.database.db.selectFrom("people").select("last_sign_in_at").where("id", "=", member.personId).executeTakeFirstOrThrow();
    return new Date(row.last_sign_in_at!);
  }

  // ---- what a person does in the browser -----------------------------------------------------

  function field(page: Page, label: string): Locator {
    return page.getByRole("textbox", { name: label, exact: true });
  }

  /** Waits for the page whose h1 is `title`, checks it with axe, its one h1 and its language. */
  async function onPage(page: Page, lang: Lang, title: string, label: string): Promise<void> {
    await page.locator("gcds-heading[tag=h1]").filter({ hasText: title }).first().waitFor();
    await expectAccessible(page, label);
    assert.equal(await pageHeading(page), title, label);
    assert.equal(await page.locator("html").getAttribute("lang"), lang, `${label}: the page's language`);
  }

  /** Reads the newest message to `to` whose subject starts with `subject`, in the dev mailbox (another tab). */
  async function readMail(context: BrowserContext, lang: Lang, to: string, subject: string, label: string): Promise<string> {
    await suite.portal.jobs.drain();
    const tab = await context.newPage();
    await tab.goto(`${suite.server.baseUrl}/${lang}/dev/mailbox`);
    await expectAccessible(tab, `${label}-mailbox`);
    const row = tab.getByRole("row").filter({ has: tab.getByRole("cell", { name: to, exact: true }) });
    await row.getByRole("link", { name: new RegExp(`^${subject}`) }).first().click();
    await tab.getByTestId("mail-body").waitFor();
    await expectAccessible(tab, `${label}-mail`);
    const text = await tab.getByTestId("mail-body").innerText();
    await tab.close();
    return text;
  }

  /** From the home page to the GCKey form, filled in and sent: the page after the password. */
  async function gckey(page: Page, p: Person, label: string): Promise<void> {
    const t = T[p.lang];
    await page.goto(`${suite.server.baseUrl}/${p.lang}`);
    await page.getByRole("link", { name: t.signInHome }).click();
    await page.waitForURL(`**/${p.lang}/sign-in`);
    await expectAccessible(page, `${label}-chooser`);
    await page.getByRole("link", { name: t.gckey }).click();
    await page.waitForURL(`**/${p.lang}/sign-in/gckey`);
    await expectAccessible(page, `${label}-gckey`);
    await field(page, t.username).fill(p.username);
    await field(page, t.password).fill(p.password);
    await page.getByRole("button", { name: t.signInButton, exact: true }).click();
  }

  /** Signs in with GCKey, a code from the mailbox and the terms; lands on `landing` (under /{lang}/). */
  async function signIn(context: BrowserContext, page: Page, p: Person, landing: string, label: string): Promise<void> {
    const t = T[p.lang];
    await gckey(page, p, label);
    await page.waitForURL(`**/${p.lang}/sign-in/code`);
    await expectAccessible(page, `${label}-code`);
    const code = /\b(\d{6})\b/.exec(await readMail(context, p.lang, p.email, t.codeSubject, `${label}-code`))?.[1];
    assert.ok(code, "the email carries a one-time code");
    await field(page, t.code).fill(code);
    await page.getByRole("button", { name: t.verify }).click();
    await page.waitForURL(`**/${p.lang}/sign-in/terms`);
    await expectAccessible(page, `${label}-terms`);
    await page.getByText(t.termsAgree, { exact: true }).click();
    await page.getByRole("button", { name: t.accept }).click();
    await page.waitForURL(`**/${p.lang}/${landing}`);
  }

  /** A description list as a person reads it: each term with its description. */
  async function details(page: Page, testid: string): Promise<Record<string, string>> {
    const pairs = await page
      .getByTestId(testid)
      .locator("dt")
      .evaluateAll((dts) => dts.map((dt) => [(dt as HTMLElement).innerText, (dt.nextElementSibling as HTMLElement).innerText]));
    return Object.fromEntries(pairs.map(([k, v]) => [fold(k!), fold(v!)]));
  }

  /** A table's body rows as a person reads them. */
  async function rows(table: Locator): Promise<string[][]> {
    return table.locator("tbody tr").evaluateAll((trs) => trs.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.innerText.replace(/\s+/g, " ").trim())));
  }

  /**
   * What a page reported as a problem: exactly the refusals the journey asked for, each as the
   * response and the browser's console line about it.
   */
  function onlyRefusals(problems: string[], expected: [status: number, path: string][], who: string): void {
    const http = problems.filter((p) => p.startsWith("http "));
    const lines = problems.filter((p) => p.startsWith("console: Failed to load resource: the server responded with a status of "));
    assert.deepEqual(
      http,
      expected.map(([status, path]) => `http ${status}: ${path}`),
      `${who}: the refused pages`,
    );
    assert.deepEqual(
      lines.map((c) => Number(/status of (\d{3})/.exec(c)?.[1])),
      expected.map(([status]) => status),
      `${who}: one console line per refused page`,
    );
    assert.equal(problems.length, http.length + lines.length, `${who}: nothing else went wrong: ${problems.join("\n")}`);
  }

  async function newContext(lang: Lang): Promise<BrowserContext> {
    return suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
  }

  for (const lang of ["en", "fr"] as const) {
    const t = T[lang];

    it(`the owner's URN expires, the TCCU issues a new one, the owner reactivates the user (${lang})`, async () => {
      const L = `urn-expiry-${lang}`;
      const { owner, user, company, start } = cast(lang);

      // ---- fixture: the owner and a user sign up, the company is authorized with both ----------
      suite.portal.clock.set(start);
      const ownerMember = await memberOf(suite.portal, await signUpAndSignIn(suite.portal, owner));
      const userMember = await memberOf(suite.portal, await signUpAndSignIn(suite.portal, user));
      const companyId = await authorizedCompany(suite.portal, company, ownerMember, [{ member: userMember, role: "full-access" }]);
      const companyPath = `/${lang}/companies/${companyId}`;

      // A year later the user signs in (their URN stays valid); the owner does not.
      suite.portal.clock.set(addMonths(start, 12));
      await signInOverHttp(suite.portal, user);

      // Exactly two years after the owner's last sign-in, the scheduled expiry job runs (called
      // here directly: it stands for the job the worker runs every six hours). This is the last
      // clock move: everyone signs in through the browser after it, within a session's 12 hours.
      suite.portal.clock.set(addMonths(await lastSignIn(ownerMember), 24));
      assert.ok((await expireInactiveUrns(suite.portal.deps)) >= 1, "the job expires the owner's URN");

      // ---- the user: signed in, but the company's page says the owner's URN expired -----------
      const userContext = await newContext(lang);
      let page = await userContext.newPage();
      const userProblems = watchProblems(page);
      // Their only company locked them out: they land on their account page, which says why.
      await signIn(userContext, page, user, "account", `${L}-user-1`);
      await onPage(page, lang, t.accountTitle, `${L}-user-1-account`);
      await page.getByRole("heading", { name: t.lockedHeading, exact: true }).waitFor();
      assert.deepEqual((await page.getByTestId("locked-companies").locator("li").allInnerTexts()).map(fold), [t.lockedOwnerExpired(company)]);
      const refused = await page.goto(`${suite.server.baseUrl}${companyPath}`);
      assert.equal(refused?.status(), 403, "the company's dashboard is refused");
      await onPage(page, lang, t.ownerExpiredTitle, `${L}-user-2-owner-expired`);
      await page.getByText(t.ownerExpiredText(company), { exact: true }).waitFor();
      onlyRefusals(userProblems, [[403, companyPath]], "the user, locked out");
      await userContext.close();

      // ---- the owner: GCKey accepts the password, the portal says the URN expired --------------
      const ownerContext = await newContext(lang);
      page = await ownerContext.newPage();
      const ownerProblems = watchProblems(page);
      await gckey(page, owner, `${L}-owner-1`);
      await onPage(page, lang, t.expiredTitle, `${L}-owner-1-expired`);
      await page.getByText(t.expiredWhy, { exact: false }).waitFor();
      await page.getByText(t.expiredTccu, { exact: false }).waitFor();
      assert.ok(page.url().endsWith(`/${lang}/sign-in/gckey`), `no further sign-in step: ${page.url()}`);

      // ---- the TCCU: finds the owner, sees the expired URN, issues a new one -------------------
      const issuedSignIn = await createStaffUser(
        suite.portal.deps,
        { username: `tccu${lang}exp`, displayName: lang === "en" ? "Terry Officer" : "Dominique Agente", email: `tccu.${lang}@cbsa-asfc.gc.ca`, roles: ["tccu"] },
        { type: "system", via: "test" },
      );
      assert.ok(issuedSignIn.ok, JSON.stringify(issuedSignIn));
      const { issued } = issuedSignIn;
      const staff = await newContext(lang);
      const desk = await staff.newPage();
      const deskProblems = watchProblems(desk);
      await desk.goto(`${suite.server.baseUrl}/${lang}/staff/sign-in`);
      await onPage(desk, lang, t.staffSignInTitle, `${L}-tccu-1-sign-in`);
      await field(desk, t.username).fill(issued.username);
      await field(desk, t.password).fill(issued.password);
      await desk.getByRole("button", { name: t.signInButton, exact: true }).click();
      await desk.waitForURL(`**/${lang}/staff/sign-in/totp`);
      await onPage(desk, lang, t.totpTitle, `${L}-tccu-2-totp`);
      const totp = new TOTP({ secret: issued.totpSecret, digits: 6, period: 30, algorithm: "SHA1" });
      await field(desk, t.totp).fill(totp.generate({ timestamp: suite.portal.clock.now().getTime() }));
      await desk.getByRole("button", { name: t.continue }).click();
      await desk.waitForURL(`**/${lang}/staff/sign-in/password`);
      await onPage(desk, lang, t.passwordTitle, `${L}-tccu-3-password`);
      await field(desk, t.newPassword).fill("the officer's own passphrase");
      await field(desk, t.confirmPassword).fill("the officer's own passphrase");
      await desk.getByRole("button", { name: t.savePassword }).click();
      await desk.waitForURL(`**/${lang}/staff`);
      await onPage(desk, lang, t.staffHome, `${L}-tccu-4-home`);

      await desk.getByRole("link", { name: t.tccuTool, exact: true }).click();
      await desk.waitForURL(`**/${lang}/staff/tccu`);
      await onPage(desk, lang, t.tccuTitle, `${L}-tccu-5-search`);
      // Part of the family name, in capitals: "LINDQ", "THÉRI".
      const query = owner.familyName.slice(0, 5).toLocaleUpperCase("fr-CA");
      assert.notEqual(query, owner.familyName.slice(0, 5), "another case than the name's");
      await field(desk, t.search).fill(query);
      await desk.getByRole("button", { name: t.searchButton, exact: true }).click();
      await desk.waitForURL(`**/${lang}/staff/tccu?q=${encodeURIComponent(query)}`);
      await onPage(desk, lang, t.tccuTitle, `${L}-tccu-6-results`);
      const hits = desk.getByTestId("hits");
      assert.equal(fold(await hits.locator("caption").innerText()), t.onePersonFound);
      assert.deepEqual(await rows(hits), [[`${owner.familyName}, ${owner.givenName}`, owner.email, ownerMember.formattedUrn, t.expired]]);

      await hits.getByRole("link", { name: `${owner.familyName}, ${owner.givenName}`, exact: true }).click();
      await desk.waitForURL(`**/${lang}/staff/tccu/people/${ownerMember.personId}`);
      await onPage(desk, lang, t.personTitle(fullName(owner)), `${L}-tccu-7-person`);
      const found = await details(desk, "person");
      assert.equal(found[t.urnLabel], ownerMember.formattedUrn);
      assert.equal(found[t.urnStatus], t.expired);
      const memberships = desk.getByTestId("memberships");
      assert.equal(fold(await memberships.locator("caption").innerText()), t.companiesCaption);
      const companyRows = await rows(memberships);
      assert.equal(companyRows.length, 1, "one company");
      assert.equal(companyRows[0]![0], company);
      assert.equal(companyRows[0]![2], t.ownerRole);
      assert.equal(companyRows[0]![3], t.active, "an owner's own access is never deactivated by their expiry");

      // No reason: the error summary and the field say what is missing, in the page's language.
      await desk.getByRole("button", { name: t.issueButton, exact: true }).click();
      await desk.waitForURL(`**/${lang}/staff/tccu/people/${ownerMember.personId}/new-urn`);
      await onPage(desk, lang, t.personTitle(fullName(owner)), `${L}-tccu-8-no-reason`);
      const summary = desk.locator("gcds-error-summary");
      await summary.getByRole("heading", { name: t.errorSummary, exact: true }).waitFor();
      assert.equal(await summary.getByRole("link", { name: t.reasonRequired, exact: true }).count(), 1, "the summary links to the reason");
      assert.equal(await desk.locator("gcds-input[name=reason]").getByText(t.reasonRequired, { exact: true }).count(), 1, "the reason says what is missing");
      assert.equal(await field(desk, t.reason).getAttribute("aria-invalid"), "true");
      // The summary's link takes the focus to the field (keyboard and screen-reader users).
      await summary.getByRole("link", { name: t.reasonRequired, exact: true }).click();
      await desk.waitForFunction(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.id === "reason";
      });
      const unchanged = await details(desk, "person");
      assert.equal(unchanged[t.urnLabel], ownerMember.formattedUrn, "no new URN was issued");
      assert.equal(unchanged[t.urnStatus], t.expired);

      await field(desk, t.reason).fill(t.reasonText);
      await desk.getByRole("button", { name: t.issueButton, exact: true }).click();
      await desk.waitForURL(`**/${lang}/staff/tccu/people/${ownerMember.personId}?issued=1`);
      await onPage(desk, lang, t.personTitle(fullName(owner)), `${L}-tccu-9-issued`);
      const reissued = await details(desk, "person");
      const newUrn = reissued[t.urnLabel]!;
      assert.match(newUrn, URN);
      assert.notEqual(newUrn, ownerMember.formattedUrn, "a new number");
      // The notice: its heading says what was issued (the URN with non-breaking hyphens), its body what happens next.
      await desk.getByText(t.issued(newUrn.replaceAll("-", "\u2011"))).first().waitFor();
      // What happens next, and no second form to issue another URN at once.
      assert.ok((await desk.getByTestId("issued-next").innerText()).includes(t.issuedOwner(company)), await desk.getByTestId("issued-next").innerText());
      assert.equal(await desk.getByRole("button", { name: t.issueButton, exact: true }).count(), 0);
      assert.equal(reissued[t.urnStatus], t.valid);
      assert.equal(await desk.locator("gcds-error-summary").count(), 0);
      onlyRefusals(deskProblems, [[422, `/${lang}/staff/tccu/people/${ownerMember.personId}/new-urn`]], "the TCCU officer");
      await staff.close();

      // ---- the owner: the new URN by email, sign-in, everyone reactivated at once --------------
      const mail = await readMail(ownerContext, lang, owner.email, t.newUrnSubject, `${L}-owner-2-new-urn`);
      assert.ok(fold(mail).includes(`${t.newUrnText}${newUrn}`), mail);

      await signIn(ownerContext, page, owner, `companies/${companyId}`, `${L}-owner-3`);
      await onPage(page, lang, t.dashboard, `${L}-owner-3-dashboard`);
      assert.equal((await details(page, "dashboard-company"))[t.yourRole], t.ownerRole);
      // The notice's heading, as a screen reader reads it: "Warning: Users to reactivate".
      await page.getByRole("heading", { level: 2, name: new RegExp(`: ${t.reactivateHeading}$`) }).waitFor();
      assert.deepEqual(await page.getByTestId("to-reactivate").locator("li").allInnerTexts(), [fullName(user)]);
      await page.getByRole("button", { name: t.reactivateAll, exact: true }).click();
      await page.waitForURL(`**${companyPath}?reactivated=1`);
      await noticeOrText(page, t.reactivatedOne).first().waitFor();
      await onPage(page, lang, t.dashboard, `${L}-owner-4-reactivated`);
      assert.equal(await page.getByRole("heading", { name: new RegExp(t.reactivateHeading) }).count(), 0, "nobody left to reactivate");
      assert.equal(await page.getByTestId("to-reactivate").count(), 0);
      onlyRefusals(ownerProblems, [[403, `/${lang}/sign-in/gckey`]], "the owner");
      await ownerContext.close();

      // ---- the user: signed in again, working in the company -----------------------------------
      const backContext = await newContext(lang);
      page = await backContext.newPage();
      const backProblems = watchProblems(page);
      // One company again: the sign-in goes straight to its dashboard.
      await signIn(backContext, page, user, `companies/${companyId}`, `${L}-user-3`);
      await onPage(page, lang, t.dashboard, `${L}-user-3-dashboard`);
      const dashboard = await page.goto(`${suite.server.baseUrl}${companyPath}`);
      assert.equal(dashboard?.status(), 200, "the company's dashboard opens");
      await onPage(page, lang, t.dashboard, `${L}-user-4-dashboard`);
      assert.equal((await details(page, "dashboard-company"))[t.yourRole], t.fullRole);
      assert.equal(await page.getByRole("heading", { name: new RegExp(t.reactivateHeading) }).count(), 0, "a full-access user reactivates nobody");
      assert.deepEqual(backProblems, []);
      await backContext.close();
    });
  }
});
