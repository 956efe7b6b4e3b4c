// A company's users and the transfer of ownership in a real browser, in English and in French,
// with an axe check on every page visited (USR-1 to USR-4):
// - fixture: three people with portal accounts (signed up over HTTP), and an authorized
//   company whose account owner is one of them (inserted in the database);
// - the owner signs in (GCKey, a code from the mailbox), lands on the PIP dashboard of the
//   company named in the company bar, opens "Add and manage users" and adds a full-access user
//   and an admin-only user by family name, URN and email;
// - each of them signs in and sees what their role allows and nothing more, and is refused the
//   "Reassign account owner" page;
// - the owner reassigns the ownership to the full-access user and stays as proxy account owner:
//   the dashboard says so, the former owner loses the transfer and the new owner gains it.
import assert from "node:assert/strict";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { browserPortalSuite, browserTests, expectAccessible, pageHeading, watchProblems } from "../helpers/browser.ts";
import { PASSWORD, signUpAndSignIn, type Person } from "../helpers/identity.ts";
import { clientNumberCheckDigit } from "../../src/domain/client-number.ts";

const { describe, it, before, after } = browserTests();

type Lang = "en" | "fr";

const T = {
  en: {
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
    dashboard: "PIP dashboard",
    companyNav: "Company",
    workingIn: "You are working in",
    changeCompany: "Change company",
    yourRole: "Your role",
    more: "More",
    usersLink: "Add and manage users",
    notStarted: "Not started",
    unavailable: "Not available with your role.",
    usersTitle: "Add and manage users",
    addLink: "Add a user",
    transferLink: "Reassign account owner",
    caption: (company: string) => `Users of ${company}`,
    you: "(you)",
    addTitle: "Add a user",
    familyName: "Family name",
    urn: "User reference number (URN)",
    email: "Email address",
    addButton: "Add the user",
    addedNotice: "The person was added to the company and told by email.",
    roles: { owner: "Account owner", proxy: "Proxy account owner", full: "Full-access user", admin: "Admin-only user" },
    active: "Active",
    viewLink: (name: string) => `View ${name}`,
    manageLink: (name: string) => `Manage ${name}`,
    userTitle: (name: string) => `User: ${name}`,
    changeRole: "Change the role",
    deactivate: "Deactivate the user",
    noChangeAllowed: "Your role does not allow you to change this user.",
    forbidden: "You can't do that here",
    transferTitle: "Reassign account owner",
    continue: "Continue",
    confirmTitle: "Confirm the new account owner",
    confirmText: (name: string, company: string) => `${name} will become the account owner of ${company}.`,
    confirmOutgoing: (choice: string) => `Your role after the transfer: ${choice}.`,
    confirmButton: "Transfer ownership",
    transferredNotice: "Ownership was transferred to the new account owner.",
    bothTold: "You were both told by email.",
    notificationsHeading: "System notifications",
    addedNotification: (name: string, role: string) => `${name} was added as ${role.toLowerCase()}.`,
    transferredNotification: (from: string, to: string) => `${from} transferred the account ownership to ${to}.`,
    ownershipReceivedSubject: "You are now the account owner",
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
    dashboard: "Tableau de bord PEP",
    companyNav: "Entreprise",
    workingIn: "Vous travaillez pour",
    changeCompany: "Changer d’entreprise",
    yourRole: "Votre rôle",
    more: "Plus",
    usersLink: "Ajouter et gérer des utilisateurs",
    notStarted: "Non commencé",
    unavailable: "Non accessible avec votre rôle.",
    usersTitle: "Ajouter et gérer des utilisateurs",
    addLink: "Ajouter un utilisateur",
    transferLink: "Réassigner le propriétaire du compte",
    caption: (company: string) => `Utilisateurs de ${company}`,
    you: "(vous)",
    addTitle: "Ajouter un utilisateur",
    familyName: "Nom de famille",
    urn: "Numéro de référence d’utilisateur (NRU)",
    email: "Adresse courriel",
    addButton: "Ajouter l’utilisateur",
    addedNotice: "La personne a été ajoutée à l’entreprise et en a été avisée par courriel.",
    roles: {
      owner: "Propriétaire du compte",
      proxy: "Propriétaire mandataire du compte",
      full: "Utilisateur à accès complet",
      admin: "Utilisateur administratif seulement",
    },
    active: "Actif",
    viewLink: (name: string) => `Consulter ${name}`,
    manageLink: (name: string) => `Gérer ${name}`,
    userTitle: (name: string) => `Utilisateur\u00a0: ${name}`,
    changeRole: "Modifier le rôle",
    deactivate: "Désactiver l’utilisateur",
    noChangeAllowed: "Votre rôle ne vous permet pas de modifier cet utilisateur.",
    forbidden: "Vous ne pouvez pas faire cela ici",
    transferTitle: "Réassigner le propriétaire du compte",
    continue: "Continuer",
    confirmTitle: "Confirmer le nouveau propriétaire du compte",
    confirmText: (name: string, company: string) => `${name} deviendra le propriétaire du compte de ${company}.`,
    confirmOutgoing: (choice: string) => `Votre rôle après le transfert\u00a0: ${choice}.`,
    confirmButton: "Transférer la propriété",
    transferredNotice: "La propriété a été transférée au nouveau propriétaire du compte.",
    bothTold: "Vous en avez tous deux été avisés par courriel.",
    notificationsHeading: "Avis système",
    addedNotification: (name: string, role: string) => `${name} a été ajouté comme ${role.toLocaleLowerCase("fr-CA")}.`,
    transferredNotification: (from: string, to: string) => `${from} a transféré la propriété du compte à ${to}.`,
    ownershipReceivedSubject: "Vous êtes maintenant le propriétaire du compte",
  },
} as const;

/** The people of each run: names with accents in French, as people type them. */
function people(lang: Lang): { owner: Person; full: Person; admin: Person } {
  const p = (key: string, givenName: string, familyName: string, email: string): Person => ({
    username: `usr${key}${lang}01`,
    password: PASSWORD,
    email,
    givenName,
    familyName,
    lang,
  });
  return lang === "en"
    ? {
        owner: p("owner", "Morgan", "Reid", "morgan.reid@example.ca"),
        full: p("full", "Priya", "Patel", "priya.patel@example.ca"),
        admin: p("admin", "Samuel", "Okafor", "samuel.okafor@example.ca"),
      }
    : {
        owner: p("owner", "Élise", "Bélanger", "elise.belanger@exemple.ca"),
        full: p("full", "Mathieu", "Côté", "mathieu.cote@exemple.ca"),
        admin: p("admin", "Noémie", "Lévesque", "noemie.levesque@exemple.ca"),
      };
}

const COMPANIES = {
  en: { legalName: "Northern Lights Trading Inc.", bn: "300000007" },
  fr: { legalName: "Commerce Aurore boréale ltée", bn: "400000006" },
} as const;

const fullName = (p: Person) => `${p.givenName} ${p.familyName}`;

describe("a company's users and the transfer of ownership, in the browser", () => {
  const suite = browserPortalSuite({ before, after });

  // ---- the fixture ---------------------------------------------------------------------------

  /** A person with a portal account, signed up through the real pages over HTTP; their URN as their account page shows it. */
  async function signedUp(p: Person): Promise<{ urn: string; personId: string }> {
    const client = await signUpAndSignIn(suite.portal, p);
    const html = await (await client.get(`/${p.lang}/account`)).text();
    const m = /URN-([0-9A-Z]{4})-([0-9A-Z]{4})-([0-9A-Z])/.exec(html);
    assert.ok(m, `the account page of ${p.username} shows a URN`);
    const row = await suite.portal.database.db.selectFrom("people").select("id").where("urn", "=", `${m[1]}${m[2]}${m[3]}`).executeTakeFirstOrThrow();
    return { urn: m[0], personId: row.id };
  }

  /**
   * An authorized company with its account owner. The database refuses an authorized company
   * without exactly one active owner (a deferred trigger): insert it activated, add the owner,
   * then authorize it.
   */
  async function authorizedCompany(lang: Lang, ownerId: string): Promise<{ id: string; clientNumber: string }> {
    const { legalName, bn } = COMPANIES[lang];
    const now = suite.portal.clock.now();
    const clientNumber = bn + clientNumberCheckDigit(bn);
    const db = suite.portal.database.db;
    const { id } = await db
      .insertInto("companies")
      .values({
        legal_name: legalName,
        operating_name: null,
        country: "CA",
        bn9: bn,
        program_account: null,
        carrier_code: null,
        lines_of_business: JSON.stringify(["importer"]),
        correspondence_locale: lang,
        address: JSON.stringify({ line1: "350 rue Albert", line2: "", city: "Ottawa", region: "ON", postalCode: "K1R 1B1", country: "CA" }),
        client_number: clientNumber,
        status: "activated",
        origin: "cbsa-created",
        membership_status: "member",
        owner_designate_person_id: null,
        created_by_staff_id: null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("company_users").values({ company_id: id, person_id: ownerId, role: "owner", status: "active", created_at: now, updated_at: now }).execute();
    await db.updateTable("companies").set({ status: "authorized" }).where("id", "=", id).execute();
    return { id, clientNumber: `${clientNumber.slice(0, 3)} ${clientNumber.slice(3, 6)} ${clientNumber.slice(6, 9)} ${clientNumber.slice(9)}` };
  }

  // ---- what a person does in the browser -----------------------------------------------------

  function field(page: Page, label: string): Locator {
    return page.getByRole("textbox", { name: label, exact: true });
  }

  /** A radio of a GCDS radio group, by its label. */
  function radio(page: Page, group: string, label: string): Locator {
    return page.locator(`gcds-radios[name="${group}"]`).getByText(label, { exact: true });
  }

  /** Waits for the page whose h1 is `title`, checks it with axe and returns. */
  async function onPage(page: Page, title: string, label: string): Promise<void> {
    await page.locator("gcds-heading[tag=h1]").filter({ hasText: title }).first().waitFor();
    await expectAccessible(page, label);
    assert.equal(await pageHeading(page), title, label);
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

  /** Signs in with GCKey from the home page, a code from the mailbox, the terms; lands on the dashboard. */
  async function signIn(context: BrowserContext, page: Page, p: Person, companyId: string, label: string): Promise<void> {
    const t = T[p.lang];
    const l = p.lang;
    await page.goto(`${suite.server.baseUrl}/${l}`);
    await page.getByRole("link", { name: t.signInHome }).click();
    await page.waitForURL(`**/${l}/sign-in`);
    await expectAccessible(page, `${label}-01-chooser`);
    await page.getByRole("link", { name: t.gckey }).click();
    await page.waitForURL(`**/${l}/sign-in/gckey`);
    await expectAccessible(page, `${label}-02-gckey`);
    await field(page, t.username).fill(p.username);
    await page.getByRole("textbox", { name: t.password, exact: true }).fill(p.password);
    await page.getByRole("button", { name: t.signInButton, exact: true }).click();
    await page.waitForURL(`**/${l}/sign-in/code`);
    await expectAccessible(page, `${label}-03-code`);
    const code = /\b(\d{6})\b/.exec(await readMail(context, l, p.email, t.codeSubject, `${label}-03-code`))?.[1];
    assert.ok(code, "the email carries a one-time code");
    await field(page, t.code).fill(code);
    await page.getByRole("button", { name: t.verify }).click();
    await page.waitForURL(`**/${l}/sign-in/terms`);
    await expectAccessible(page, `${label}-04-terms`);
    await page.getByText(t.termsAgree, { exact: true }).click();
    await page.getByRole("button", { name: t.accept }).click();
    // One company: straight to its dashboard.
    await page.waitForURL(`**/${l}/companies/${companyId}`);
  }

  /** The company bar's text, once, as a navigation landmark named "Company". */
  async function companyBar(page: Page, lang: Lang): Promise<string> {
    const nav = page.getByRole("navigation", { name: T[lang].companyNav, exact: true });
    assert.equal(await nav.count(), 1, "one company bar");
    return (await nav.innerText()).replace(/\s+/g, " ").trim();
  }

  /** The users table as a person reads it: name, URN, role and status of each row. */
  async function usersTable(page: Page): Promise<string[][]> {
    const table = page.getByTestId("users");
    return table.locator("tbody tr").evaluateAll((rows) =>
      rows.map((r) => [...(r as HTMLTableRowElement).cells].slice(0, 4).map((c) => c.innerText.replace(/\s+/g, " ").trim())),
    );
  }

  /** What a dashboard section says, whitespace folded. */
  async function section(page: Page, testid: string): Promise<string> {
    return (await page.getByTestId(testid).innerText()).replace(/\s+/g, " ").trim();
  }

  /** The "More" menu of the dashboard, opened: the names of its links. */
  async function moreMenu(page: Page, lang: Lang): Promise<string[]> {
    const menu = page.locator("details.ttp-more");
    await menu.getByText(T[lang].more, { exact: true }).click();
    return (await menu.getByRole("link").allInnerTexts()).map((s) => s.trim());
  }

  /** Opens a company URL directly: the 403 page, in the page's language, checked with axe. */
  async function refused(page: Page, url: string, lang: Lang, label: string): Promise<void> {
    const res = await page.goto(url);
    assert.equal(res?.status(), 403, `${label}: refused`);
    await onPage(page, T[lang].forbidden, label);
    assert.equal(await page.locator("html").getAttribute("lang"), lang);
  }

  /** What a page reported as a problem: exactly the one refused transfer the test asked for. */
  function onlyTheRefusal(problems: string[], lang: Lang, companyId: string, who: string): void {
    assert.deepEqual(
      problems,
      [`http 403: /${lang}/companies/${companyId}/transfer`, "console: Failed to load resource: the server responded with a status of 403 (Forbidden)"],
      `the ${who}'s pages reported nothing but the refused transfer`,
    );
  }

  async function newContext(lang: Lang): Promise<BrowserContext> {
    return suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
  }

  for (const lang of ["en", "fr"] as const) {
    const t = T[lang];

    it(`the owner adds users, each sees what their role allows, the owner reassigns ownership (${lang})`, async () => {
      // Fixture: three portal accounts, and the company with its owner.
      const who = people(lang);
      const owner = { ...who.owner, ...(await signedUp(who.owner)) };
      const full = { ...who.full, ...(await signedUp(who.full)) };
      const admin = { ...who.admin, ...(await signedUp(who.admin)) };
      const company = await authorizedCompany(lang, owner.personId);
      const legalName = COMPANIES[lang].legalName;
      const base = `${suite.server.baseUrl}/${lang}/companies/${company.id}`;
      const transferUrl = `${base}/transfer`;
      const L = `users-${lang}`;

      // ---- the owner signs in and adds two users ------------------------------------------------
      const ownerContext = await newContext(lang);
      const ownerPage = await ownerContext.newPage();
      const ownerProblems = watchProblems(ownerPage);
      let page = ownerPage;
      await signIn(ownerContext, page, owner, company.id, `${L}-owner`);
      await onPage(page, t.dashboard, `${L}-owner-05-dashboard`);
      assert.equal(await companyBar(page, lang), `${t.workingIn} ${legalName} (${company.clientNumber}) ${t.changeCompany}`);
      assert.ok((await page.getByTestId("dashboard-company").innerText()).includes(t.roles.owner));
      assert.deepEqual(await moreMenu(page, lang), [t.usersLink, t.transferLink], "the owner's More menu");

      await page.getByTestId("section-users").getByRole("link", { name: t.usersLink, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${company.id}/users`);
      await onPage(page, t.usersTitle, `${L}-owner-06-users`);
      assert.equal(await page.locator("caption").innerText(), t.caption(legalName));
      assert.match(await companyBar(page, lang), new RegExp(`^${t.workingIn} ${legalName.replace(/\./g, "\\.")} `), "the company bar on every company page");
      assert.deepEqual(await usersTable(page), [[`${fullName(owner)} ${t.you}`, owner.urn, t.roles.owner, t.active]]);
      assert.equal(await page.getByRole("link", { name: t.transferLink, exact: true }).count(), 1, "the owner may reassign the account owner");

      const addUser = async (p: Person & { urn: string }, role: string, step: string) => {
        await page.getByRole("link", { name: t.addLink, exact: true }).click();
        await page.waitForURL(`**/${lang}/companies/${company.id}/users/add`);
        await onPage(page, t.addTitle, `${L}-owner-${step}-add`);
        await field(page, t.familyName).fill(p.familyName);
        await field(page, t.urn).fill(p.urn);
        await field(page, t.email).fill(p.email);
        await radio(page, "role", role).click();
        await page.getByRole("button", { name: t.addButton }).click();
        await page.waitForURL(`**/${lang}/companies/${company.id}/users?done=added`);
        await page.getByText(t.addedNotice).first().waitFor();
        await onPage(page, t.usersTitle, `${L}-owner-${step}-added`);
      };
      await addUser(full, t.roles.full, "07");
      await addUser(admin, t.roles.admin, "08");
      assert.deepEqual(await usersTable(page), [
        [`${fullName(owner)} ${t.you}`, owner.urn, t.roles.owner, t.active],
        [fullName(full), full.urn, t.roles.full, t.active],
        [fullName(admin), admin.urn, t.roles.admin, t.active],
      ]);

      // The owner manages the full-access user: a role change and deactivation are offered.
      await page.getByRole("link", { name: t.manageLink(fullName(full)), exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${company.id}/users/${full.personId}`);
      await onPage(page, t.userTitle(fullName(full)), `${L}-owner-09-user`);
      assert.equal(await page.getByRole("button", { name: t.changeRole }).count(), 1);
      assert.equal(await page.getByRole("button", { name: t.deactivate }).count(), 1);

      // The dashboard tells of both additions.
      await page.goto(base);
      await onPage(page, t.dashboard, `${L}-owner-10-dashboard`);
      const notes = await page.getByTestId("notifications").innerText();
      assert.ok(notes.includes(t.addedNotification(fullName(full), t.roles.full)), notes);
      assert.ok(notes.includes(t.addedNotification(fullName(admin), t.roles.admin)), notes);

      // ---- the full-access user: the profiles, the users, nothing of the owner's ------------------
      const fullContext = await newContext(lang);
      const fullPage = await fullContext.newPage();
      const fullProblems = watchProblems(fullPage);
      page = fullPage;
      await signIn(fullContext, page, full, company.id, `${L}-full`);
      await onPage(page, t.dashboard, `${L}-full-05-dashboard`);
      assert.equal(await companyBar(page, lang), `${t.workingIn} ${legalName} (${company.clientNumber}) ${t.changeCompany}`);
      assert.ok((await page.getByTestId("dashboard-company").innerText()).includes(t.roles.full));
      for (const s of ["section-application-profile", "section-security-profile"]) {
        const text = await section(page, s);
        assert.ok(text.includes(t.notStarted) && !text.includes(t.unavailable), `${s} is available to a full-access user: ${text}`);
      }
      assert.deepEqual(await moreMenu(page, lang), [t.usersLink], "no reassignment in the full-access user's More menu");

      await page.getByTestId("section-users").getByRole("link", { name: t.usersLink, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${company.id}/users`);
      await onPage(page, t.usersTitle, `${L}-full-06-users`);
      assert.deepEqual(await usersTable(page), [
        [fullName(owner), owner.urn, t.roles.owner, t.active],
        [`${fullName(full)} ${t.you}`, full.urn, t.roles.full, t.active],
        [fullName(admin), admin.urn, t.roles.admin, t.active],
      ]);
      assert.equal(await page.getByRole("link", { name: t.addLink, exact: true }).count(), 1, "a full-access user adds users");
      assert.equal(await page.getByRole("link", { name: t.transferLink }).count(), 0, "no Reassign account owner");

      // Another user's page: to view, with no role change and no deactivation.
      await page.getByRole("link", { name: t.viewLink(fullName(admin)), exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${company.id}/users/${admin.personId}`);
      await onPage(page, t.userTitle(fullName(admin)), `${L}-full-07-user`);
      await page.getByText(t.noChangeAllowed).first().waitFor();
      assert.equal(await page.locator('gcds-radios[name="role"]').count(), 0, "no role to choose");
      assert.equal(await page.getByRole("button", { name: t.changeRole }).count(), 0);
      assert.equal(await page.getByRole("button", { name: t.deactivate }).count(), 0);

      await refused(page, transferUrl, lang, `${L}-full-08-transfer-refused`);

      // ---- the admin-only user: users yes, the application and security profiles no ---------------
      const adminContext = await newContext(lang);
      const adminPage = await adminContext.newPage();
      const adminProblems = watchProblems(adminPage);
      page = adminPage;
      await signIn(adminContext, page, admin, company.id, `${L}-admin`);
      await onPage(page, t.dashboard, `${L}-admin-05-dashboard`);
      assert.equal(await companyBar(page, lang), `${t.workingIn} ${legalName} (${company.clientNumber}) ${t.changeCompany}`);
      assert.ok((await page.getByTestId("dashboard-company").innerText()).includes(t.roles.admin));
      for (const s of ["section-application-profile", "section-security-profile"]) {
        const text = await section(page, s);
        assert.ok(text.includes(t.unavailable) && !text.includes(t.notStarted), `${s} is not available to an admin-only user: ${text}`);
      }
      assert.deepEqual(await moreMenu(page, lang), [t.usersLink]);
      await page.getByTestId("section-users").getByRole("link", { name: t.usersLink, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${company.id}/users`);
      await onPage(page, t.usersTitle, `${L}-admin-06-users`);
      assert.equal((await usersTable(page)).length, 3);
      assert.equal(await page.getByRole("link", { name: t.transferLink }).count(), 0, "no Reassign account owner");
      await refused(page, transferUrl, lang, `${L}-admin-07-transfer-refused`);
      onlyTheRefusal(adminProblems, lang, company.id, "admin-only user");
      await adminContext.close();

      // ---- the owner reassigns the ownership to the full-access user, and stays as proxy ---------
      page = ownerPage;
      await page.goto(base);
      await onPage(page, t.dashboard, `${L}-owner-11-dashboard`);
      await moreMenu(page, lang);
      await page.locator("details.ttp-more").getByRole("link", { name: t.transferLink, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${company.id}/transfer`);
      await onPage(page, t.transferTitle, `${L}-owner-12-transfer`);
      await field(page, t.familyName).fill(full.familyName);
      await field(page, t.urn).fill(full.urn);
      await field(page, t.email).fill(full.email);
      await radio(page, "outgoing", t.roles.proxy).click();
      await page.getByRole("button", { name: t.continue, exact: true }).click();
      await onPage(page, t.confirmTitle, `${L}-owner-13-confirm`);
      await page.getByText(t.confirmText(fullName(full), legalName), { exact: true }).waitFor();
      await page.getByText(t.confirmOutgoing(t.roles.proxy), { exact: true }).waitFor();
      await page.getByRole("button", { name: t.confirmButton }).click();

      await page.waitForURL(`**/${lang}/companies/${company.id}?transferred=1`);
      await page.getByText(t.transferredNotice).first().waitFor();
      await page.locator("gcds-notice").getByText(t.bothTold, { exact: true }).waitFor(); // the notice's body, after its title
      await onPage(page, t.dashboard, `${L}-owner-14-transferred`);
      assert.ok((await page.getByTestId("dashboard-company").innerText()).includes(t.roles.proxy), "the former owner is now proxy account owner");
      const after = await page.getByTestId("notifications").innerText();
      assert.ok(after.includes(t.transferredNotification(fullName(owner), fullName(full))), after);
      assert.deepEqual(await moreMenu(page, lang), [t.usersLink], "no reassignment for the former owner");

      await page.getByTestId("section-users").getByRole("link", { name: t.usersLink, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${company.id}/users`);
      await onPage(page, t.usersTitle, `${L}-owner-15-users`);
      assert.deepEqual(await usersTable(page), [
        [fullName(full), full.urn, t.roles.owner, t.active],
        [`${fullName(owner)} ${t.you}`, owner.urn, t.roles.proxy, t.active],
        [fullName(admin), admin.urn, t.roles.admin, t.active],
      ]);
      assert.equal(await page.getByRole("link", { name: t.transferLink }).count(), 0, "the former owner may no longer reassign");
      await refused(page, transferUrl, lang, `${L}-owner-16-transfer-refused`);

      // ---- the new owner: reassigning is now theirs -------------------------------------------
      page = fullPage;
      await page.goto(`${base}/users`);
      await onPage(page, t.usersTitle, `${L}-full-09-users`);
      assert.deepEqual((await usersTable(page))[0], [`${fullName(full)} ${t.you}`, full.urn, t.roles.owner, t.active]);
      await page.getByRole("link", { name: t.transferLink, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${company.id}/transfer`);
      await onPage(page, t.transferTitle, `${L}-full-10-transfer`);
      await page.goto(base);
      await onPage(page, t.dashboard, `${L}-full-11-dashboard`);
      assert.ok((await page.getByTestId("dashboard-company").innerText()).includes(t.roles.owner));
      const mail = await readMail(fullContext, lang, full.email, t.ownershipReceivedSubject, `${L}-full-12-ownership`);
      assert.ok(mail.includes(legalName) && mail.includes(fullName(owner)), mail);

      onlyTheRefusal(ownerProblems, lang, company.id, "owner");
      onlyTheRefusal(fullProblems, lang, company.id, "full-access user");
      await ownerContext.close();
      await fullContext.close();
    });
  }
});
