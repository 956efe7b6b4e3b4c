// Whole sign-in journeys in a real browser, in English and in French, with an axe check on
// every page visited: a new GCKey user (sign up → profile → URN email → MFA terms → code →
// terms → account), sign-out, and signing in again; the same through the demo Sign-In Partner.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserPortalSuite, browserTests, expectAccessible, pageHeading, watchProblems } from "../helpers/browser.ts";
import { PASSWORD, person, signUpAndSignIn } from "../helpers/identity.ts";

const { describe, it, before, after } = browserTests();

const TEXT = {
  en: {
    signInHome: "Sign in to the portal",
    gckey: "Continue with GCKey",
    partner: "Continue with a Sign-In Partner",
    create: "Create a GCKey",
    username: "Username",
    password: "Password",
    confirm: "Confirm your password",
    school: "What was the name of your first school?",
    street: "What was the name of the street you lived on as a child?",
    book: "What is the title of a book you would read again?",
    createButton: "Create GCKey",
    given: "Given name",
    family: "Family name",
    email: "Email address",
    phone: "Telephone number",
    language: "English",
    createProfile: "Create profile",
    mfaAgree: "I have read and agree to the multi-factor authentication terms and conditions.",
    continue: "Continue",
    code: "One-time code",
    verify: "Verify",
    termsAgree: "I accept the terms and conditions of use.",
    accept: "Accept and continue",
    accountTitle: "Your portal account",
    signOut: "Sign out",
    signedOut: "You are signed out.",
    signInButton: "Sign in",
    urnSubject: "Your user reference number",
    codeSubject: "Your one-time code",
    bankUsername: "Bank username",
  },
  fr: {
    signInHome: "Ouvrir une session dans le portail",
    gckey: "Continuer avec la CléGC",
    partner: "Continuer avec un partenaire de connexion",
    create: "Créer une CléGC",
    username: "Nom d’utilisateur",
    password: "Mot de passe",
    confirm: "Confirmez votre mot de passe",
    school: "Quel était le nom de votre première école?",
    street: "Quel était le nom de la rue où vous habitiez enfant?",
    book: "Quel est le titre d’un livre que vous reliriez?",
    createButton: "Créer la CléGC",
    given: "Prénom",
    family: "Nom de famille",
    email: "Adresse courriel",
    phone: "Numéro de téléphone",
    language: "français",
    createProfile: "Créer le profil",
    mfaAgree: "J’ai lu et j’accepte les conditions de l’authentification multifacteur.",
    continue: "Continuer",
    code: "Code à usage unique",
    verify: "Vérifier",
    termsAgree: "J’accepte les conditions d’utilisation.",
    accept: "Accepter et continuer",
    accountTitle: "Votre compte du portail",
    signOut: "Fermer la session",
    signedOut: "Votre session est fermée.",
    signInButton: "Ouvrir une session",
    urnSubject: "Votre numéro de référence",
    codeSubject: "Votre code à usage unique",
    bankUsername: "Nom d’utilisateur bancaire",
  },
} as const;

describe("sign-in journeys in the browser", () => {
  const suite = browserPortalSuite({ before, after });

  /** Opens the newest message whose subject starts with `subject` in the dev mailbox. */
  async function readMail(page: Page, lang: "en" | "fr", subject: string, label: string): Promise<string> {
    await suite.portal.jobs.drain();
    await page.goto(`${suite.server.baseUrl}/${lang}/dev/mailbox`);
    await expectAccessible(page, `mailbox-${label}`);
    await page.getByRole("link", { name: new RegExp(`^${subject}`) }).first().click();
    await page.waitForURL(/\/dev\/mailbox\/\d+$/);
    await expectAccessible(page, `mail-${label}`);
    return page.getByTestId("mail-body").innerText();
  }

  /** A form field by its accessible name (its label). */
  function input(page: Page, label: string) {
    return page.getByRole("textbox", { name: label, exact: true });
  }

  async function check(page: Page, label: string): Promise<void> {
    await page.getByText(label, { exact: true }).click();
  }

  for (const lang of ["en", "fr"] as const) {
    const t = TEXT[lang];

    it(`a new GCKey user signs up, signs out and signs in again (${lang})`, async () => {
      const context = await suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const username = `e2e${lang}gckey01`;
      const email = `gckey.${lang}@example.ca`;

      await page.goto(`${suite.server.baseUrl}/${lang}`);
      await page.getByRole("link", { name: t.signInHome }).click();
      await page.waitForURL(`**/${lang}/sign-in`);
      await expectAccessible(page, `gckey-${lang}-1-chooser`);
      await page.getByRole("link", { name: t.gckey }).click();
      await page.waitForURL(`**/${lang}/sign-in/gckey`);
      await expectAccessible(page, `gckey-${lang}-2-sign-in`);
      await page.getByRole("link", { name: t.create }).click();
      await page.waitForURL(`**/${lang}/gckey/create`);
      await expectAccessible(page, `gckey-${lang}-3-create`);

      await input(page, t.username).fill(username);
      await input(page, t.password).fill(PASSWORD);
      await input(page, t.confirm).fill(PASSWORD);
      await input(page, t.school).fill("Lisgar");
      await input(page, t.street).fill("Elgin");
      await input(page, t.book).fill("Maria Chapdelaine");
      await page.getByRole("button", { name: t.createButton }).click();

      await page.waitForURL(`**/${lang}/sign-in/profile`);
      await expectAccessible(page, `gckey-${lang}-4-profile`);
      await input(page, t.given).fill("Camille");
      await input(page, t.family).fill("Bélanger");
      await input(page, t.email).fill(email);
      await input(page, t.phone).fill("613-555-0142");
      await check(page, t.language);
      await page.getByRole("button", { name: t.createProfile }).click();

      await page.waitForURL(`**/${lang}/sign-in/mfa-terms`);
      await expectAccessible(page, `gckey-${lang}-5-mfa-terms`);
      const mfaTerms = page.url();
      const urnMail = await readMail(page, lang, t.urnSubject, `gckey-${lang}-urn`);
      const urn = /URN-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]/.exec(urnMail)?.[0];
      assert.ok(urn, `the email carries a URN: ${urnMail}`);

      await page.goto(mfaTerms);
      await check(page, t.mfaAgree);
      await page.getByRole("button", { name: t.continue }).click();
      await page.waitForURL(`**/${lang}/sign-in/code`);
      await expectAccessible(page, `gckey-${lang}-6-code`);
      const codePage = page.url();
      const code = /\b(\d{6})\b/.exec(await readMail(page, lang, t.codeSubject, `gckey-${lang}-code`))?.[1];
      assert.ok(code);
      await page.goto(codePage);
      await input(page, t.code).fill(code);
      await page.getByRole("button", { name: t.verify }).click();

      await page.waitForURL(`**/${lang}/sign-in/terms`);
      await expectAccessible(page, `gckey-${lang}-7-terms`);
      await check(page, t.termsAgree);
      await page.getByRole("button", { name: t.accept }).click();
      await page.waitForURL(`**/${lang}/registration`);
      await expectAccessible(page, `gckey-${lang}-8-registration`);
      await page.getByRole("link", { name: t.accountTitle }).first().click();

      await page.waitForURL(`**/${lang}/account`);
      await expectAccessible(page, `gckey-${lang}-8-account`);
      assert.equal(await pageHeading(page), t.accountTitle);
      assert.equal(await page.getByTestId("urn").innerText(), urn, "the account page shows the URN from the email");

      // Sign out, then sign in again: a new code and the terms again.
      await page.getByRole("button", { name: t.signOut }).first().click();
      await page.waitForURL(`**/${lang}/sign-in?signedOut=1`);
      await page.getByText(t.signedOut).first().waitFor();
      await expectAccessible(page, `gckey-${lang}-9-signed-out`);
      await page.getByRole("link", { name: t.gckey }).click();
      await input(page, t.username).fill(username);
      await input(page, t.password).fill(PASSWORD);
      await page.getByRole("button", { name: t.signInButton }).click();
      await page.waitForURL(`**/${lang}/sign-in/code`);
      const again = page.url();
      const code2 = /\b(\d{6})\b/.exec(await readMail(page, lang, t.codeSubject, `gckey-${lang}-code2`))?.[1];
      assert.ok(code2 && code2 !== code, "a new code");
      await page.goto(again);
      await input(page, t.code).fill(code2);
      await page.getByRole("button", { name: t.verify }).click();
      await page.waitForURL(`**/${lang}/sign-in/terms`);
      await check(page, t.termsAgree);
      await page.getByRole("button", { name: t.accept }).click();
      await page.waitForURL(`**/${lang}/registration`);
      await page.goto(`${suite.server.baseUrl}/${lang}/account`);
      assert.equal(await page.getByTestId("urn").innerText(), urn);

      assert.deepEqual(problems, []);
      await context.close();
    });

    it(`a new person signs in through the demo Sign-In Partner, then again (${lang})`, async () => {
      const context = await suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const bankUsername = `banque-${lang}-cliente`;
      const email = `partner.${lang}@example.ca`;

      const viaPartner = async (step: string) => {
        await page.goto(`${suite.server.baseUrl}/${lang}/sign-in`);
        await page.getByRole("link", { name: t.partner }).click();
        await page.waitForURL(/\/dev\/partner\/interaction\//);
        await expectAccessible(page, `partner-${lang}-${step}-bank`);
        assert.equal(await page.locator("html").getAttribute("lang"), lang, "the bank page speaks the portal's language");
        await input(page, t.bankUsername).fill(bankUsername);
        await page.getByRole("button", { name: t.signInButton }).click();
      };

      await viaPartner("1");
      await page.waitForURL(`**/${lang}/sign-in/profile`);
      await expectAccessible(page, `partner-${lang}-2-profile`);
      await input(page, t.given).fill("Jordan");
      await input(page, t.family).fill("Côté");
      await input(page, t.email).fill(email);
      await input(page, t.phone).fill("(819) 555-0175");
      await check(page, t.language);
      await page.getByRole("button", { name: t.createProfile }).click();
      await page.waitForURL(`**/${lang}/sign-in/mfa-terms`);
      await expectAccessible(page, `partner-${lang}-3-mfa-terms`);
      await check(page, t.mfaAgree);
      await page.getByRole("button", { name: t.continue }).click();
      await page.waitForURL(`**/${lang}/sign-in/code`);
      const codeUrl = page.url();
      const code = /\b(\d{6})\b/.exec(await readMail(page, lang, t.codeSubject, `partner-${lang}-code`))?.[1];
      assert.ok(code);
      await page.goto(codeUrl);
      await input(page, t.code).fill(code);
      await page.getByRole("button", { name: t.verify }).click();
      await page.waitForURL(`**/${lang}/sign-in/terms`);
      await check(page, t.termsAgree);
      await page.getByRole("button", { name: t.accept }).click();
      await page.waitForURL(`**/${lang}/registration`);
      await page.goto(`${suite.server.baseUrl}/${lang}/account`);
      await expectAccessible(page, `partner-${lang}-4-account`);
      const urn = await page.getByTestId("urn").innerText();
      assert.match(urn, /^URN-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
      assert.equal(await page.getByRole("link", { name: lang === "en" ? "Change your GCKey password" : "Changer le mot de passe de votre CléGC" }).count(), 0);

      await page.getByRole("button", { name: t.signOut }).first().click();
      await page.waitForURL(`**/${lang}/sign-in?signedOut=1`);

      // The same bank username is the same person: straight to a new code, then the terms.
      await viaPartner("5");
      await page.waitForURL(`**/${lang}/sign-in/code`);
      const again = page.url();
      const code2 = /\b(\d{6})\b/.exec(await readMail(page, lang, t.codeSubject, `partner-${lang}-code2`))?.[1];
      assert.ok(code2 && code2 !== code);
      await page.goto(again);
      await input(page, t.code).fill(code2);
      await page.getByRole("button", { name: t.verify }).click();
      await page.waitForURL(`**/${lang}/sign-in/terms`);
      await expectAccessible(page, `partner-${lang}-6-terms`);
      await check(page, t.termsAgree);
      await page.getByRole("button", { name: t.accept }).click();
      await page.waitForURL(`**/${lang}/registration`);
      await page.goto(`${suite.server.baseUrl}/${lang}/account`);
      assert.equal(await page.getByTestId("urn").innerText(), urn, "the same URN as before");

      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  for (const lang of ["en", "fr"] as const) {
    it(`warns before an idle session ends and lets the person stay signed in (${lang})`, async () => {
      // Signed in over HTTP, then the browser takes over the session's cookies.
      const client = await signUpAndSignIn(suite.portal, person(`idle${lang}`, lang));
      const context = await suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
      await context.addCookies(
        [...client.cookies].map(([name, value]) => ({ name, value, url: suite.server.baseUrl, httpOnly: true, sameSite: "Lax" as const })),
      );
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.clock.install();
      await page.goto(`${suite.server.baseUrl}/${lang}/account`);
      await expectAccessible(page, `idle-${lang}-account`);
      const dialog = page.getByRole("dialog");
      assert.equal(await dialog.isVisible(), false);

      await page.clock.fastForward("18:01");
      await dialog.waitFor({ state: "visible" });
      const stay = page.getByRole("button", { name: lang === "en" ? "Stay signed in" : "Garder la session ouverte" });
      assert.equal(await stay.evaluate((el) => el === document.activeElement), true, "focus moves to the dialog's first action");
      await expectAccessible(page, `idle-${lang}-warning`);
      await stay.click();
      await dialog.waitFor({ state: "hidden" });
      await page.clock.fastForward("10:00");
      assert.equal(new URL(page.url()).pathname, `/${lang}/account`, "the timer started again");
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
