// The registration journey in a real browser, in English and in French, with axe on every
// page: a signed-in trader registers a company → the mail room signs in (password, TOTP,
// own password), opens the letter's PDF and reads the activation code from it, records the
// registered-mail tracking number → the trader sees the letter sent, activates the company,
// accepts the terms and reaches the PIP dashboard.
import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import { TOTP } from "otpauth";
import { browserPortalSuite, browserTests, expectAccessible, pageHeading, watchProblems } from "../helpers/browser.ts";
import { person, signUpAndSignIn } from "../helpers/identity.ts";
import { pdftotext } from "../helpers/registration.ts";
import type { TestClient } from "../helpers/client.ts";
import { createStaffUser } from "../../src/features/staff/service.ts";
import { calendarDate } from "../../src/platform/clock.ts";

const { describe, it, before, after } = browserTests();

const T = {
  en: {
    register: "Register in the Trusted Trader Portal",
    canada: "Canada",
    importer: "Importer",
    yes: "Yes",
    next: "Next",
    legalName: "Legal name",
    bn: "Business number (BN)",
    line1: "Street address",
    city: "City",
    province: "Province or territory",
    postal: "Postal code",
    confirm: "Confirm and send the letter",
    queued: "being prepared for registered mail",
    step: (n: number) => `Step ${n} of 4`,
    registeredNext: "It goes by registered mail to the mailing address you confirmed",
    registerAnother: "Register another company",
    selectLetter: (id: string, company: string) => `Select letter L\u2011${id} to ${company}`,
    print: "Print the selected letters as one PDF",
    day: "Day",
    month: "Month",
    year: "Year",
    staffUsername: "Username",
    staffPassword: "Password",
    staffSignIn: "Sign in",
    totp: "6-digit code",
    continue: "Continue",
    newPassword: "New password",
    confirmPassword: "Confirm your new password",
    savePassword: "Save and continue",
    mailRoom: "Mail room",
    record: "Record as sent",
    tracking: "Registered mail tracking number",
    sentOn: "Date sent",
    recorded: "is recorded as sent",
    sent: "sent by registered mail on",
    activate: "Activate your company",
    clientNumber: "Client number",
    activationCode: "Activation code",
    activateButton: "Activate company",
    termsAgree: "I accept the terms and conditions of use on behalf of the company.",
    accept: "Accept and authorize the account",
    dashboard: "PIP dashboard",
    authorized: "Authorized",
  },
  fr: {
    register: "S’inscrire dans le Portail des négociants dignes de confiance",
    canada: "Canada",
    importer: "Importateur",
    yes: "Oui",
    next: "Suivant",
    legalName: "Dénomination sociale",
    bn: "Numéro d’entreprise (NE)",
    line1: "Adresse municipale",
    city: "Ville",
    province: "Province ou territoire",
    postal: "Code postal",
    confirm: "Confirmer et envoyer la lettre",
    queued: "en préparation pour l’envoi par courrier recommandé",
    step: (n: number) => `Étape ${n} sur 4`,
    registeredNext: "Elle est envoyée par courrier recommandé à l’adresse postale que vous avez confirmée",
    registerAnother: "Inscrire une autre entreprise",
    selectLetter: (id: string, company: string) => `Sélectionner la lettre L\u2011${id} à ${company}`,
    print: "Imprimer les lettres sélectionnées en un seul PDF",
    day: "Jour",
    month: "Mois",
    year: "Année",
    staffUsername: "Nom d’utilisateur",
    staffPassword: "Mot de passe",
    staffSignIn: "Ouvrir une session",
    totp: "Code à 6 chiffres",
    continue: "Continuer",
    newPassword: "Nouveau mot de passe",
    confirmPassword: "Confirmez votre nouveau mot de passe",
    savePassword: "Enregistrer et continuer",
    mailRoom: "Salle du courrier",
    record: "Consigner l’envoi",
    tracking: "Numéro de suivi du courrier recommandé",
    sentOn: "Date d’envoi",
    recorded: "est consigné",
    sent: "envoyée par courrier recommandé le",
    activate: "Activer votre entreprise",
    clientNumber: "Numéro de client",
    activationCode: "Code d’activation",
    activateButton: "Activer l’entreprise",
    termsAgree: "J’accepte les conditions d’utilisation au nom de l’entreprise.",
    accept: "Accepter et autoriser le compte",
    dashboard: "Tableau de bord PEP",
    authorized: "Autorisé",
  },
} as const;

describe("registration and activation by registered mail, in the browser", () => {
  const suite = browserPortalSuite({ before, after });

  function field(page: Page, label: string) {
    return page.getByRole("textbox", { name: label, exact: true });
  }

  /** The h1 of a registration step says which step it is (gcds-stepper, in the page's language). */
  async function expectStep(page: Page, step: string): Promise<void> {
    await page.getByRole("heading", { level: 1, name: new RegExp(`^${step}\\s*:\\s*\\S`) }).waitFor();
  }

  async function contextFor(client: TestClient, lang: "en" | "fr"): Promise<BrowserContext> {
    const context = await suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
    await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: suite.server.baseUrl, httpOnly: true, sameSite: "Lax" as const })));
    return context;
  }

  const BNS = { en: "123456782", fr: "100000009" } as const;

  for (const lang of ["en", "fr"] as const) {
    const t = T[lang];
    it(`a trader registers, the mail room sends the letter, the trader activates (${lang})`, async () => {
      const company = lang === "en" ? "Maple Leaf Imports Inc." : "Importations Érablière ltée";
      // The trader, signed in over HTTP (the sign-in journeys have their own browser tests).
      const traderClient = await signUpAndSignIn(suite.portal, person(`e2ereg${lang}`, lang));
      const trader = await contextFor(traderClient, lang);
      const page = await trader.newPage();
      const problems = watchProblems(page);

      await page.goto(`${suite.server.baseUrl}/${lang}/registration`);
      await expectAccessible(page, `register-${lang}-1-hub`);
      await page.getByRole("link", { name: t.register }).click();
      await page.waitForURL(`**/${lang}/registration/eligibility`);
      await expectAccessible(page, `register-${lang}-2-eligibility`);
      await expectStep(page, t.step(1));
      await page.locator('gcds-radios[name="country"]').getByText(t.canada, { exact: true }).click();
      await page.locator('gcds-checkboxes[name="lines"]').getByText(t.importer, { exact: true }).click();
      for (const q of ["ownsOrOperatesFacilities", "tradeHistory12Months", "movementLast90Days", "solvent", "noRelevantConvictions", "carmRegistered"]) {
        await page.locator(`gcds-radios[name="${q}"]`).getByText(t.yes, { exact: true }).click();
      }
      await page.getByRole("button", { name: t.next }).click();

      await page.waitForURL(`**/${lang}/registration/identity`);
      await expectAccessible(page, `register-${lang}-3-identity`);
      await expectStep(page, t.step(2));
      await field(page, t.legalName).fill(company);
      await field(page, t.bn).fill(BNS[lang]);
      await page.getByRole("button", { name: t.next }).click();

      await page.waitForURL(`**/${lang}/registration/address`);
      await expectAccessible(page, `register-${lang}-4-address`);
      await expectStep(page, t.step(3));
      await field(page, t.line1).fill("350 rue Albert");
      await field(page, t.city).fill("Ottawa");
      await page.getByRole("combobox", { name: t.province }).selectOption("ON");
      await field(page, t.postal).fill("k1r 1b1");
      await page.getByRole("button", { name: t.next }).click();

      await page.waitForURL(`**/${lang}/registration/confirm`);
      await expectAccessible(page, `register-${lang}-5-confirm`);
      await expectStep(page, t.step(4));
      assert.equal(await page.getByTestId("printed-address").innerText(), `${company.toLocaleUpperCase("fr-CA")}\n350 RUE ALBERT\nOTTAWA ON  K1R 1B1\nCANADA`);
      await page.getByRole("button", { name: t.confirm }).click();
      await page.waitForURL(`**/${lang}/registration?registered=1`);
      await expectAccessible(page, `register-${lang}-6-registered`);
      await page.getByText(t.queued, { exact: false }).first().waitFor();
      // What happens next, and no offer to register or activate again (only to register another).
      assert.ok((await page.getByTestId("registered-next").innerText()).includes(t.registeredNext));
      assert.equal(await page.getByRole("link", { name: t.register }).count(), 0);
      assert.equal(await page.getByRole("link", { name: t.activate }).count(), 0);
      await page.getByRole("link", { name: t.registerAnother }).waitFor();

      // The mail room.
      const issued = await createStaffUser(
        suite.portal.deps,
        { username: `mailroom${lang}`, displayName: "Mail Room", email: `mailroom.${lang}@cbsa-asfc.gc.ca`, roles: ["mail-room"] },
        { type: "system", via: "test" },
      );
      assert.ok(issued.ok);
      const staff = await suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
      const desk = await staff.newPage();
      const deskProblems = watchProblems(desk);
      await desk.goto(`${suite.server.baseUrl}/${lang}/staff/sign-in`);
      await expectAccessible(desk, `mailroom-${lang}-1-sign-in`);
      await field(desk, t.staffUsername).fill(issued.issued.username);
      await desk.getByRole("textbox", { name: t.staffPassword, exact: true }).fill(issued.issued.password);
      await desk.getByRole("button", { name: t.staffSignIn }).click();
      await desk.waitForURL(`**/${lang}/staff/sign-in/totp`);
      await expectAccessible(desk, `mailroom-${lang}-2-totp`);
      const totp = new TOTP({ secret: issued.issued.totpSecret, digits: 6, period: 30, algorithm: "SHA1" });
      await field(desk, t.totp).fill(totp.generate({ timestamp: suite.portal.clock.now().getTime() }));
      await desk.getByRole("button", { name: t.continue }).click();
      await desk.waitForURL(`**/${lang}/staff/sign-in/password`);
      await expectAccessible(desk, `mailroom-${lang}-3-password`);
      await desk.getByRole("textbox", { name: t.newPassword, exact: true }).fill("the mail room's own passphrase");
      await desk.getByRole("textbox", { name: t.confirmPassword, exact: true }).fill("the mail room's own passphrase");
      await desk.getByRole("button", { name: t.savePassword }).click();
      await desk.waitForURL(`**/${lang}/staff`);
      await expectAccessible(desk, `mailroom-${lang}-4-home`);
      await desk.getByRole("link", { name: t.mailRoom }).first().click();
      await desk.waitForURL(`**/${lang}/staff/mail-room`);
      await expectAccessible(desk, `mailroom-${lang}-5-queue`);

      const row = desk.getByTestId("queued-letter").filter({ hasText: company });
      const pdfHref = await row.getByRole("link", { name: /PDF/ }).getAttribute("href");
      assert.ok(pdfHref);
      // The row's design-system checkbox, named after the letter and the company, prints it.
      const letterId = /letters\/(\d+)\/pdf/.exec(pdfHref)![1]!;
      await row.getByRole("checkbox", { name: t.selectLetter(letterId, company), exact: true }).check({ force: true });
      const [printed] = await Promise.all([desk.waitForEvent("popup"), desk.getByRole("button", { name: t.print }).click()]);
      assert.ok(new URL(printed.url()).searchParams.get(`ids-${letterId}`) === letterId, printed.url());
      await printed.close();
      const pdf = await staff.request.get(`${suite.server.baseUrl}${pdfHref}`);
      assert.equal(pdf.headers()["content-type"], "application/pdf");
      const letterText = pdftotext(await pdf.body());
      assert.ok(letterText.includes(company.toLocaleUpperCase("fr-CA")), "the letter carries the company's name with its accents");
      const clientNumber = /\b(\d{3} \d{3} \d{3} \d)\b/.exec(letterText)?.[1];
      const code = /\b([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})\b/.exec(letterText)?.[1];
      assert.ok(clientNumber && code, letterText);

      await row.getByRole("link", { name: t.record }).click();
      await desk.waitForURL(/\/staff\/mail-room\/letters\/\d+$/);
      await expectAccessible(desk, `mailroom-${lang}-6-record`);
      await field(desk, t.tracking).fill("RN123456785CA");
      // The date sent: the design system's date input (day, month and year; the month from a list).
      const [year, month, day] = calendarDate(suite.portal.clock.now()).split("-") as [string, string, string];
      const sentOn = desk.locator('gcds-date-input[name="sentOn"]');
      await sentOn.getByRole("textbox", { name: t.day, exact: true }).fill(day);
      await sentOn.getByRole("combobox", { name: t.month, exact: true }).selectOption(month);
      await sentOn.getByRole("textbox", { name: t.year, exact: true }).fill(year);
      await desk.getByRole("button", { name: t.record }).click();
      await desk.waitForURL(/\/staff\/mail-room\?recorded=\d+/);
      await desk.getByText(t.recorded, { exact: false }).first().waitFor();
      await expectAccessible(desk, `mailroom-${lang}-7-recorded`);
      assert.equal(await desk.getByTestId("queued-letter").filter({ hasText: company }).count(), 0);

      // The trader sees the letter sent, then activates with what it prints.
      await page.goto(`${suite.server.baseUrl}/${lang}/registration`);
      await page.getByText(t.sent, { exact: false }).first().waitFor();
      assert.ok((await page.getByTestId("pending-registration").innerText()).includes("RN123456785CA"));
      await page.getByRole("link", { name: t.activate }).click();
      await page.waitForURL(`**/${lang}/registration/activate`);
      await expectAccessible(page, `register-${lang}-7-activate`);
      await field(page, t.clientNumber).fill(clientNumber);
      await field(page, t.activationCode).fill(code.toLowerCase());
      await page.getByRole("button", { name: t.activateButton }).click();
      await page.waitForURL(/\/companies\/\d+\/terms$/);
      await expectAccessible(page, `register-${lang}-8-terms`);
      await page.getByText(t.termsAgree, { exact: true }).click();
      await page.getByRole("button", { name: t.accept }).click();
      await page.waitForURL(/\/companies\/\d+\?authorized=1$/);
      await expectAccessible(page, `register-${lang}-9-dashboard`);
      assert.equal(await pageHeading(page), t.dashboard);
      const summary = await page.getByTestId("dashboard-company").innerText();
      assert.ok(summary.includes(company) && summary.includes(clientNumber) && summary.includes(t.authorized), summary);

      assert.deepEqual(problems, []);
      assert.deepEqual(deskProblems, []);
      await trader.close();
      await staff.close();
    });
  }
});
