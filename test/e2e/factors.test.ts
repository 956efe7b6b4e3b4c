// Stronger second factors in a real browser (SPEC ID-9), in English and in French, with an axe
// check on every page visited and no console error beyond the refusals a journey expects:
// 1. passkey: a trader opens the account's sign-in security page, adds a named passkey (the
//    browser's own WebAuthn, answered by Chromium's virtual authenticator), signs out, signs in
//    with the password then the passkey on the sign-in step "factor", then the terms;
// 2. authenticator app: the trader sets one up from the key shown on the page, confirming it
//    with a code computed here at the portal's (test) clock, and signs in with a later code;
// 3. recovery codes: the same trader turns email codes off, reads the 10 recovery codes shown
//    once, signs in with one of them, and is refused, with a clear message, the second time;
// 4. staff: a CBSA staff member signs in the first time (password, the authenticator app's code,
//    an own password), adds a named passkey on their account page, signs out, and signs in with
//    the password then the passkey, offered first on the code step.
// The portal is served at http://localhost:<port> with that as BASE_URL: a secure context whose
// host is the relying party ID (WebAuthn refuses IP addresses). The words of the pages are
// written out here (not read from src/web/i18n), so a wrong word on a page fails the test.
// Screenshots of every page checked when SCREENSHOTS names a folder (expectAccessible takes them).
import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import { TOTP } from "otpauth";
import { browserPortalSuite, browserTests, expectAccessible, pageHeading, watchProblems } from "../helpers/browser.ts";
import { person, signUpAndSignIn, type Person } from "../helpers/identity.ts";
import { noticeOrText } from "../helpers/notice.ts";
import { addVirtualAuthenticator, openLocalhostPortal } from "../helpers/virtual-authenticator.ts";
import { createStaffUser } from "../../src/features/staff/service.ts";

const { describe, it, before, after } = browserTests();

type Lang = "en" | "fr";

const T = {
  en: {
    username: "Username",
    password: "Password",
    signInButton: "Sign in",
    signOut: "Sign out",
    termsAgree: "I accept the terms and conditions of use.",
    accept: "Accept and continue",
    accountTitle: "Your portal account",
    accountLink: "Manage your passkeys, authenticator app and email codes",
    // The security page.
    securityTitle: "Sign-in security",
    noPasskeys: "You have no passkey.",
    addPasskey: "Add a passkey",
    never: "Never",
    removePasskey: (name: string) => `Remove ${name}`,
    passkeyAdded: (name: string) => `The passkey “${name}” was added.`,
    noApp: "You have not set up an authenticator app.",
    setUpApp: "Set up an authenticator app",
    appAdded: "The authenticator app was set up.",
    // "never." or "December 3, 2026 at 4:44 a.m." — the time's own full stop ends the sentence.
    appStatus: /^An authenticator app was set up on .+\. Last used: (never|.+\s[ap]\.m)\.$/,
    emailOn: "At sign-in, you can ask for a 6-digit code by email.",
    turnEmailOff: "Turn email codes off",
    // Said to a person with an app and no passkey: only what they have.
    emailOff: /^Email codes have been off since .+\. If you cannot use your authenticator app, sign in with a recovery code\.$/,
    recoveryLeft: (n: number) => `You have ${n} unused recovery codes.`,
    // Adding a passkey.
    addPasskeyTitle: "Add a passkey",
    passkeyName: "Name of the passkey",
    createPasskey: "Create passkey",
    laptop: "Work laptop",
    // The authenticator app.
    appTitle: "Set up an authenticator app",
    qrAlt: "QR code to scan with your authenticator app. The same key is written below it.",
    appCode: "Code from your authenticator app",
    confirm: "Confirm",
    // Email codes off, recovery codes.
    emailOffTitle: "Turn email codes off",
    recoveryTitle: "Your recovery codes",
    recoveryWarning: "Save these codes now",
    recoveryIntro: "This is the only time you will see them. Each works once, when you cannot use your authenticator app.",
    recoveryDone: "I have saved my codes",
    // The sign-in step.
    factorTitle: "Confirm it's you",
    usePasskeyHeading: "Use a passkey",
    usePasskey: "Use your passkey",
    useAppHeading: "Use your authenticator app",
    useApp: "Verify",
    useEmail: "Email me a code",
    useRecoveryHeading: "Use a recovery code",
    recoveryCode: "Recovery code",
    useRecovery: "Use recovery code",
    recoveryRefused: "This recovery code is not correct, or it was already used.",
    errorSummary: "There was a problem",
  },
  fr: {
    username: "Nom d’utilisateur",
    password: "Mot de passe",
    signInButton: "Ouvrir une session",
    signOut: "Fermer la session",
    termsAgree: "J’accepte les conditions d’utilisation.",
    accept: "Accepter et continuer",
    accountTitle: "Votre compte du portail",
    accountLink: "Gérer vos clés d’accès, votre application d’authentification et les codes par courriel",
    securityTitle: "Sécurité de la connexion",
    noPasskeys: "Vous n’avez aucune clé d’accès.",
    addPasskey: "Ajouter une clé d’accès",
    never: "Jamais",
    removePasskey: (name: string) => `Retirer ${name}`,
    passkeyAdded: (name: string) => `La clé d’accès «\u00a0${name}\u00a0» a été ajoutée.`,
    noApp: "Vous n’avez pas configuré d’application d’authentification.",
    setUpApp: "Configurer une application d’authentification",
    appAdded: "L’application d’authentification a été configurée.",
    appStatus: /^Une application d’authentification a été configurée le .+\. Dernière utilisation\u00a0: (jamais|.+\sh\s\d\d)\.$/,
    emailOn: "À la connexion, vous pouvez demander un code de 6 chiffres par courriel.",
    turnEmailOff: "Désactiver les codes par courriel",
    emailOff:
      /^Les codes par courriel sont désactivés depuis le .+\. Si vous ne pouvez pas utiliser votre application d’authentification, connectez-vous avec un code de récupération\.$/,
    recoveryLeft: (n: number) => `Il vous reste ${n} codes de récupération inutilisés.`,
    addPasskeyTitle: "Ajouter une clé d’accès",
    passkeyName: "Nom de la clé d’accès",
    createPasskey: "Créer la clé d’accès",
    laptop: "Portable du bureau",
    appTitle: "Configurer une application d’authentification",
    qrAlt: "Code QR à balayer avec votre application d’authentification. La même clé est écrite en dessous.",
    appCode: "Code de votre application d’authentification",
    confirm: "Confirmer",
    emailOffTitle: "Désactiver les codes par courriel",
    recoveryTitle: "Vos codes de récupération",
    recoveryWarning: "Conservez ces codes maintenant",
    recoveryIntro: "Vous ne les verrez qu’une seule fois. Chacun fonctionne une fois, quand vous ne pouvez pas utiliser votre application d’authentification.",
    recoveryDone: "J’ai conservé mes codes",
    factorTitle: "Confirmez votre identité",
    usePasskeyHeading: "Utiliser une clé d’accès",
    usePasskey: "Utiliser votre clé d’accès",
    useAppHeading: "Utiliser votre application d’authentification",
    useApp: "Vérifier",
    useEmail: "M’envoyer un code par courriel",
    useRecoveryHeading: "Utiliser un code de récupération",
    recoveryCode: "Code de récupération",
    useRecovery: "Utiliser le code de récupération",
    recoveryRefused: "Ce code de récupération n’est pas valide, ou il a déjà été utilisé.",
    errorSummary: "Un problème est survenu",
  },
} as const;

/** The words of the staff pages (STAFF-1). */
const S = {
  en: {
    signInTitle: "CBSA staff sign-in",
    username: "Username",
    password: "Password",
    signInButton: "Sign in",
    totpTitle: "Enter the code from your authenticator app",
    totp: "6-digit code",
    continue: "Continue",
    passwordTitle: "Choose your own password",
    newPassword: "New password",
    confirmPassword: "Confirm your new password",
    savePassword: "Save and continue",
    home: "CBSA staff tools",
    accountLink: "My account",
    signOut: "Sign out",
    accountTitle: "Your staff account",
    noPasskeys: "You have no passkey. You sign in with your authenticator app's codes.",
    addPasskey: "Add a passkey",
    addPasskeyTitle: "Add a passkey",
    passkeyName: "Name of the passkey",
    createPasskey: "Create passkey",
    phone: "Desk phone",
    passkeyAdded: (name: string) => `The passkey “${name}” was added.`,
    never: "Never",
    passkeyStepTitle: "Confirm it's you",
    usePasskeyHeading: "Use a passkey",
    useCodeHeading: "Or use your authenticator app",
    usePasskey: "Use your passkey",
  },
  fr: {
    signInTitle: "Ouverture de session du personnel de l’ASFC",
    username: "Nom d’utilisateur",
    password: "Mot de passe",
    signInButton: "Ouvrir une session",
    totpTitle: "Entrez le code de votre application d’authentification",
    totp: "Code à 6 chiffres",
    continue: "Continuer",
    passwordTitle: "Choisissez votre propre mot de passe",
    newPassword: "Nouveau mot de passe",
    confirmPassword: "Confirmez votre nouveau mot de passe",
    savePassword: "Enregistrer et continuer",
    home: "Outils du personnel de l’ASFC",
    accountLink: "Mon compte",
    signOut: "Fermer la session",
    accountTitle: "Votre compte du personnel",
    noPasskeys: "Vous n’avez aucune clé d’accès. Vous vous connectez avec les codes de votre application d’authentification.",
    addPasskey: "Ajouter une clé d’accès",
    addPasskeyTitle: "Ajouter une clé d’accès",
    passkeyName: "Nom de la clé d’accès",
    createPasskey: "Créer la clé d’accès",
    phone: "Téléphone du bureau",
    passkeyAdded: (name: string) => `La clé d’accès «\u00a0${name}\u00a0» a été ajoutée.`,
    never: "Jamais",
    passkeyStepTitle: "Confirmez votre identité",
    usePasskeyHeading: "Utiliser une clé d’accès",
    useCodeHeading: "Ou utiliser votre application d’authentification",
    usePasskey: "Utiliser votre clé d’accès",
  },
} as const;

/** Recovery codes as the portal writes them: 2 groups of 5 (Crockford's base 32). */
const RECOVERY_CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

describe("passkeys, an authenticator app and recovery codes in the browser, for traders and staff", () => {
  const contexts: BrowserContext[] = [];
  const suite = browserPortalSuite(
    { before, after },
    {
      open: openLocalhostPortal,
      beforeClose: async () => {
        for (const context of contexts) await context.close().catch(() => undefined);
      },
    },
  );

  /** axe on the page (and its screenshot), its one h1, and the language it speaks. */
  async function onPage(page: Page, lang: Lang, title: string, label: string): Promise<void> {
    await expectAccessible(page, `factors-${lang}-${label}`);
    assert.equal(await pageHeading(page), title, `${label}: the page's title`);
    assert.equal(await page.locator("html").getAttribute("lang"), lang, `${label}: the page's language`);
  }

  function field(page: Page, label: string) {
    return page.getByRole("textbox", { name: label, exact: true });
  }

  function button(page: Page, name: string) {
    return page.getByRole("button", { name, exact: true });
  }

  /** A person signed up and signed in over HTTP, whose session the browser then carries. */
  async function signedInBrowser(lang: Lang, who: Person): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const client = await signUpAndSignIn(suite.portal, who);
    const context = await suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
    contexts.push(context);
    await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: suite.baseUrl, httpOnly: true, sameSite: "Lax" as const })));
    const page = await context.newPage();
    return { context, page, problems: watchProblems(page) };
  }

  /** From the account page's link to the sign-in security page. */
  async function openSecurity(page: Page, lang: Lang, label: string): Promise<void> {
    const t = T[lang];
    await page.goto(`${suite.baseUrl}/${lang}/account`);
    await onPage(page, lang, t.accountTitle, `${label}-account`);
    await page.getByRole("link", { name: t.accountLink, exact: true }).click();
    await page.waitForURL(`**/${lang}/account/security`);
    await onPage(page, lang, t.securityTitle, `${label}-security`);
  }

  async function signOut(page: Page, lang: Lang): Promise<void> {
    await button(page, T[lang].signOut).first().click();
    await page.waitForURL(`**/${lang}/sign-in?signedOut=1`);
  }

  /** GCKey's password, then the sign-in step that offers the person's stronger factors. */
  async function passwordThenFactor(page: Page, lang: Lang, who: Person, label: string): Promise<void> {
    const t = T[lang];
    await page.goto(`${suite.baseUrl}/${lang}/sign-in/gckey`);
    await field(page, t.username).fill(who.username);
    await field(page, t.password).fill(who.password);
    await button(page, t.signInButton).click();
    await page.waitForURL(`**/${lang}/sign-in/factor`);
    await onPage(page, lang, t.factorTitle, label);
  }

  async function acceptTerms(page: Page, lang: Lang): Promise<void> {
    const t = T[lang];
    await page.waitForURL(`**/${lang}/sign-in/terms`);
    await page.getByText(t.termsAgree, { exact: true }).click();
    await button(page, t.accept).click();
    await page.waitForURL(`**/${lang}/registration`);
  }

  /** The h2 headings of the page, in order (the sign-in step's ways, the security page's parts). */
  async function headings(page: Page): Promise<string[]> {
    return (await page.locator("gcds-heading[tag=h2]").allInnerTexts()).map((h) => h.trim());
  }

  /** Only the refusals the journey expects: each a page answered with that status, and its console line. */
  function onlyRefusals(problems: string[], expected: [status: number, path: string][]): void {
    assert.deepEqual(
      problems.filter((p) => !p.startsWith("console: Failed to load resource: the server responded with a status of ")),
      expected.map(([status, path]) => `http ${status}: ${path}`),
    );
    assert.equal(problems.filter((p) => p.startsWith("console: Failed to load resource")).length, expected.length);
  }

  for (const lang of ["en", "fr"] as const) {
    const t = T[lang];

    it(`adds a named passkey from the security page and signs in with it (${lang})`, async () => {
      const who = person(`pk${lang}`, lang);
      const { context, page, problems } = await signedInBrowser(lang, who);
      const authenticator = await addVirtualAuthenticator(context, page);

      await openSecurity(page, lang, "1");
      await page.getByText(t.noPasskeys, { exact: true }).waitFor();
      await page.getByRole("link", { name: t.addPasskey, exact: true }).click();
      await page.waitForURL(`**/${lang}/account/security/passkeys/new`);
      await onPage(page, lang, t.addPasskeyTitle, "2-passkey-add");
      await field(page, t.passkeyName).fill(t.laptop);
      await button(page, t.createPasskey).click();

      // The browser made the passkey (the virtual authenticator holds it) and the portal kept it.
      await page.waitForURL(new RegExp(`/${lang}/account/security\\?added=\\d+$`));
      await onPage(page, lang, t.securityTitle, "3-security-passkey-added");
      await noticeOrText(page, t.passkeyAdded(t.laptop)).first().waitFor();
      const held = await authenticator.credentials();
      assert.equal(held.length, 1, "the authenticator holds one passkey");
      assert.equal(held[0]!.rpId, "localhost", "made for the portal's host");
      const countBefore = held[0]!.signCount;
      const row = page.getByTestId("passkeys").locator(`tr[data-passkey="${t.laptop}"]`);
      assert.equal(await row.getByRole("rowheader").innerText(), t.laptop);
      const cells = await row.getByRole("cell").allInnerTexts();
      assert.equal(cells[1], t.never, "not used yet");
      assert.equal(cells[2]?.trim(), t.removePasskey(t.laptop));

      // Sign out; the password, then the passkey on the sign-in step (no email code needed).
      await signOut(page, lang);
      await passwordThenFactor(page, lang, who, "4-factor-passkey");
      assert.deepEqual((await headings(page)).slice(0, 1), [t.usePasskeyHeading], "the passkey is offered first");
      assert.equal(await button(page, t.useEmail).count(), 1, "an email code is still offered");
      await button(page, t.usePasskey).click();
      await acceptTerms(page, lang);
      assert.equal((await authenticator.credentials())[0]!.signCount, countBefore + 1, "the passkey answered once");

      await page.goto(`${suite.baseUrl}/${lang}/account/security`);
      await onPage(page, lang, t.securityTitle, "5-security-passkey-used");
      const used = await page.getByTestId("passkeys").locator(`tr[data-passkey="${t.laptop}"]`).getByRole("cell").allInnerTexts();
      assert.notEqual(used[1], t.never, "the passkey's last use is shown");
      assert.match(used[1]!, /2\d{3}|\d{1,2}:\d{2}/, `a date and time: ${used[1]}`);

      assert.deepEqual(problems, []);
      await context.close();
    });

    it(`sets up an authenticator app, turns email codes off, signs in with its code and a recovery code, which works once (${lang})`, async () => {
      const who = person(`app${lang}`, lang);
      const { context, page, problems } = await signedInBrowser(lang, who);

      // ---- the authenticator app, from the key shown on the page ------------------------------
      await openSecurity(page, lang, "6");
      assert.equal(await page.getByTestId("app-status").innerText(), t.noApp);
      await page.getByRole("link", { name: t.setUpApp, exact: true }).click();
      await page.waitForURL(`**/${lang}/account/security/authenticator`);
      await onPage(page, lang, t.appTitle, "7-authenticator");
      assert.equal(await page.getByRole("img", { name: t.qrAlt, exact: true }).count(), 1, "a QR code, described");
      const shown = await page.getByTestId("totp-secret").innerText();
      assert.match(shown, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/, "the key in groups of 4, to type");
      const app = new TOTP({ secret: shown.replace(/\s/g, ""), digits: 6, period: 30, algorithm: "SHA1" });
      await field(page, t.appCode).fill(app.generate({ timestamp: suite.portal.clock.now().getTime() }));
      await button(page, t.confirm).click();
      await page.waitForURL(`**/${lang}/account/security?app=added`);
      await onPage(page, lang, t.securityTitle, "8-security-app-added");
      await noticeOrText(page, t.appAdded).first().waitFor();
      assert.equal(t.appStatus.exec(await page.getByTestId("app-status").innerText())?.[1], t.never.toLowerCase(), "inside the sentence, in lower case");
      assert.equal(await page.getByTestId("email-status").innerText(), t.emailOn);

      // ---- signing in with a code of the app's next step (the first one is spent) -------------
      await signOut(page, lang);
      await passwordThenFactor(page, lang, who, "9-factor-app");
      assert.deepEqual((await headings(page)).slice(0, 1), [t.useAppHeading], "no passkey: the app first");
      suite.portal.clock.advance(30_000);
      await field(page, t.appCode).fill(app.generate({ timestamp: suite.portal.clock.now().getTime() }));
      await button(page, t.useApp).click();
      await acceptTerms(page, lang);

      // ---- email codes off: the 10 recovery codes, shown once ----------------------------------
      await page.goto(`${suite.baseUrl}/${lang}/account/security`);
      await onPage(page, lang, t.securityTitle, "10-security-app-used");
      const appStatus = await page.getByTestId("app-status").innerText();
      assert.match(appStatus, t.appStatus, "one full stop after the time");
      assert.notEqual(t.appStatus.exec(appStatus)?.[1], t.never.toLowerCase(), "the app's last use is shown");
      await page.getByRole("link", { name: t.turnEmailOff, exact: true }).click();
      await page.waitForURL(`**/${lang}/account/security/email-codes/off`);
      await onPage(page, lang, t.emailOffTitle, "11-email-off");
      await button(page, t.turnEmailOff).click();
      await page.waitForURL(`**/${lang}/account/security/email-codes/off`);
      await onPage(page, lang, t.recoveryTitle, "12-recovery-codes");
      await noticeOrText(page, t.recoveryWarning).first().waitFor();
      await page.locator("gcds-notice").getByText(t.recoveryIntro, { exact: true }).waitFor();
      const codes = (await page.getByTestId("recovery-codes").locator("li").allInnerTexts()).map((c) => c.trim());
      assert.equal(codes.length, 10, "10 recovery codes");
      assert.equal(new Set(codes).size, 10, "all different");
      for (const code of codes) assert.match(code, RECOVERY_CODE);
      await page.getByRole("link", { name: t.recoveryDone, exact: true }).click();
      await page.waitForURL(`**/${lang}/account/security`);
      await onPage(page, lang, t.securityTitle, "13-security-email-off");
      assert.match(await page.getByTestId("email-status").innerText(), t.emailOff);
      assert.equal(await page.getByTestId("recovery-left").innerText(), t.recoveryLeft(10));
      assert.equal(await page.getByText(codes[0]!).count(), 0, "the codes are not shown again");

      // ---- a recovery code, once ----------------------------------------------------------------
      await signOut(page, lang);
      await passwordThenFactor(page, lang, who, "14-factor-recovery");
      assert.deepEqual(await headings(page), [t.useAppHeading, t.useRecoveryHeading], "the app, then a recovery code; no email code");
      assert.equal(await button(page, t.useEmail).count(), 0, "email codes are off");
      await field(page, t.recoveryCode).fill(codes[0]!);
      await button(page, t.useRecovery).click();
      await acceptTerms(page, lang);
      await page.goto(`${suite.baseUrl}/${lang}/account/security`);
      await onPage(page, lang, t.securityTitle, "15-security-recovery-used");
      assert.equal(await page.getByTestId("recovery-left").innerText(), t.recoveryLeft(9));

      await signOut(page, lang);
      await passwordThenFactor(page, lang, who, "16-factor");
      await field(page, t.recoveryCode).fill(codes[0]!);
      await button(page, t.useRecovery).click();
      await page.locator("gcds-error-summary").getByRole("heading", { name: t.errorSummary, exact: true }).waitFor();
      assert.ok(page.url().endsWith(`/${lang}/sign-in/factor`), `still on the sign-in step: ${page.url()}`);
      await onPage(page, lang, t.factorTitle, "17-factor-recovery-refused");
      assert.equal(await page.locator("gcds-error-summary").getByRole("link", { name: t.recoveryRefused, exact: true }).count(), 1, "the summary says why");
      assert.equal(await page.locator("gcds-input[name=recoveryCode]").getByText(t.recoveryRefused, { exact: true }).count(), 1, "and so does the field");
      assert.equal(await field(page, t.recoveryCode).getAttribute("aria-invalid"), "true");
      // Another of the codes still works.
      await field(page, t.recoveryCode).fill(codes[1]!);
      await button(page, t.useRecovery).click();
      await acceptTerms(page, lang);

      onlyRefusals(problems, [[422, `/${lang}/sign-in/factor`]]);
      await context.close();
    });

    it(`a staff member adds a passkey to their account and signs in with it on the code step (${lang})`, async () => {
      const s = S[lang];
      const username = `pkstaff${lang}`;
      const created = await createStaffUser(
        suite.portal.deps,
        { username, displayName: lang === "en" ? "Robin Officer" : "Dominique Agente", email: `${username}@cbsa-asfc.gc.ca`, roles: ["pip-officer"] },
        { type: "system", via: "test" },
      );
      assert.ok(created.ok, JSON.stringify(created));
      const context = await suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
      contexts.push(context);
      const page = await context.newPage();
      const problems = watchProblems(page);
      const authenticator = await addVirtualAuthenticator(context, page);
      const own = "a staff member's own passphrase";

      const password = async (secret: string, label: string) => {
        await page.goto(`${suite.baseUrl}/${lang}/staff/sign-in`);
        await onPage(page, lang, s.signInTitle, label);
        await field(page, s.username).fill(username);
        await field(page, s.password).fill(secret);
        await button(page, s.signInButton).click();
        await page.waitForURL(`**/${lang}/staff/sign-in/totp`);
      };

      // The first sign-in: password, the authenticator app's code (no passkey yet), an own password.
      await password(created.issued.password, "18-staff-sign-in");
      await onPage(page, lang, s.totpTitle, "19-staff-totp");
      const app = new TOTP({ secret: created.issued.totpSecret, digits: 6, period: 30, algorithm: "SHA1" });
      await field(page, s.totp).fill(app.generate({ timestamp: suite.portal.clock.now().getTime() }));
      await button(page, s.continue).click();
      await page.waitForURL(`**/${lang}/staff/sign-in/password`);
      await onPage(page, lang, s.passwordTitle, "20-staff-password");
      await field(page, s.newPassword).fill(own);
      await field(page, s.confirmPassword).fill(own);
      await button(page, s.savePassword).click();
      await page.waitForURL(`**/${lang}/staff`);
      await onPage(page, lang, s.home, "21-staff-home");

      // The account page, from the staff bar; a named passkey.
      await page.getByRole("link", { name: s.accountLink, exact: true }).click();
      await page.waitForURL(`**/${lang}/staff/account`);
      await onPage(page, lang, s.accountTitle, "22-staff-account");
      await page.getByText(s.noPasskeys, { exact: true }).waitFor();
      await page.getByRole("link", { name: s.addPasskey, exact: true }).click();
      await page.waitForURL(`**/${lang}/staff/account/passkeys/new`);
      await onPage(page, lang, s.addPasskeyTitle, "23-staff-passkey-add");
      await field(page, s.passkeyName).fill(s.phone);
      await button(page, s.createPasskey).click();
      await page.waitForURL(new RegExp(`/${lang}/staff/account\\?added=\\d+$`));
      await onPage(page, lang, s.accountTitle, "24-staff-account-passkey-added");
      await noticeOrText(page, s.passkeyAdded(s.phone)).first().waitFor();
      const held = await authenticator.credentials();
      assert.equal(held.length, 1, "the authenticator holds the staff member's passkey");
      const countBefore = held[0]!.signCount;
      const cells = await page.getByTestId("passkeys").locator(`tr[data-passkey="${s.phone}"]`).getByRole("cell").allInnerTexts();
      assert.equal(cells[1], s.never, "not used yet");

      // Sign out; the password, then the passkey on the code step.
      await button(page, s.signOut).first().click();
      await page.waitForURL(`**/${lang}/staff/sign-in?signedOut=1`);
      await password(own, "25-staff-sign-in-again");
      await onPage(page, lang, s.passkeyStepTitle, "26-staff-totp-passkey");
      assert.deepEqual(await headings(page), [s.usePasskeyHeading, s.useCodeHeading], "the passkey first, the app's code still offered");
      assert.equal(await field(page, s.totp).count(), 1, "the code field is still there");
      await button(page, s.usePasskey).click();
      await page.waitForURL(`**/${lang}/staff`);
      await onPage(page, lang, s.home, "27-staff-home-passkey");
      assert.equal((await authenticator.credentials())[0]!.signCount, countBefore + 1, "the passkey answered once");

      await page.getByRole("link", { name: s.accountLink, exact: true }).click();
      await page.waitForURL(`**/${lang}/staff/account`);
      await onPage(page, lang, s.accountTitle, "28-staff-account-passkey-used");
      const used = await page.getByTestId("passkeys").locator(`tr[data-passkey="${s.phone}"]`).getByRole("cell").allInnerTexts();
      assert.notEqual(used[1], s.never, "the passkey's last use is shown");

      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
