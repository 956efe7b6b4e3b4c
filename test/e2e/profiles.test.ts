// The application and security profiles in a real browser, in English and in French, with
// axe and no console error (APP-1, APP-3, APP-4, APP-8, APP-9). In English every page visited
// is checked with axe; in French each kind of page once.
// - fixture: an account owner and a full-access user with portal accounts (signed up over
//   HTTP), and an authorized importer company with both of them (inserted in the database);
// - the owner signs in (GCKey, a code from the mailbox) and lands on the PIP dashboard: both
//   profiles not started; on the application profile the owner adds the highway carrier line,
//   then answers the general part, the importer part and the highway carrier part, each field
//   as a person fills it; the dashboard says the application profile is complete;
// - on the security profile the owner finds one division named after the company (made when
//   the profile is first opened, with all the company's lines), adds a highway transport
//   division and narrows the first one to the importer line; in the first division the owner
//   answers part of a category (a "must" answered "no" with its explanation, a "yes" that
//   needs evidence), attaches a PDF and sees it listed "not scanned"; the dashboard counts;
// - the full-access user signs in, opens the same category, finds the owner's answers, changes
//   one and answers others; the owner sees them;
// - the ~200 other criteria of both divisions are answered over HTTP (the owner's client posts
//   each category's fields and attaches each required file as a browser would), and the
//   dashboard in the browser says both profiles are complete.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { browserPortalSuite, browserTests, expectAccessible, pageHeading, watchProblems } from "../helpers/browser.ts";
import { PASSWORD, signUpAndSignIn, type Person } from "../helpers/identity.ts";
import { authorizedCompany, memberOf, type Member } from "../helpers/companies.ts";
import type { TestClient } from "../helpers/client.ts";
import { pdfFile } from "../helpers/evidence-files.ts";
import { criteriaFor, currentCatalogue, questionsFor, type CatalogueItem, type CategoryId, type Criterion, type PortalLine } from "../../src/domain/catalogue/index.ts";
import { noticeOrText } from "../helpers/notice.ts";

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
    notStarted: "Not started",
    inProgress: (n: number, m: number) => `In progress — ${n} of ${m} answered`,
    complete: "Complete",
    applicationTitle: "Application profile",
    securityTitle: "Security profile",
    partTitle: (part: string) => `Application profile: ${part}`,
    openPart: (part: string) => `Open the part: ${part}`,
    addLineLegend: "Line of business to add",
    addLineButton: "Add this line",
    lineAdded: "The line of business is added.",
    removeLine: (line: string) => `Remove ${line}`,
    saveAndContinue: "Save and continue",
    saveAndComeBack: "Save and come back later",
    savedNotice: "Your answers are saved.",
    savedLaterNotice: "Your answers are saved. You can come back to them at any time.",
    yes: "Yes",
    no: "No",
    confirmLabel: "I confirm",
    explainNo: "If no: why not, and what you plan to do",
    addDivision: "Add a division",
    newDivisionTitle: "Add a division",
    divisionName: "Division name",
    saveDivision: "Save the division",
    divisionCreated: "The division is added. Its security profile is ready to answer.",
    editDivision: "Change the division",
    editDivisionTitle: (name: string) => `Change the division: ${name}`,
    divisionSaved: "The division is saved.",
    backToSecurity: "Back to the security profile",
    backToDashboard: "Back to the PIP dashboard",
    openCategory: (category: string) => `Open the category: ${category}`,
    categoryTitle: (category: string, division: string) => `${category} — ${division}`,
    needsEvidence: "Attach the evidence (scanned clean) for this answer to count as answered.",
    noFile: "No file attached yet.",
    uploadButton: "Attach the file",
    uploaded: "The file is attached.",
    notScanned: "Not scanned",
    pdf: "PDF",
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
    notStarted: "Non commencé",
    inProgress: (n: number, m: number) => `En cours — ${n} sur ${m} avec réponse`,
    complete: "Terminé",
    applicationTitle: "Profil de la demande",
    securityTitle: "Profil de sécurité",
    partTitle: (part: string) => `Profil de la demande\u00a0: ${part}`,
    openPart: (part: string) => `Ouvrir la partie\u00a0: ${part}`,
    addLineLegend: "Secteur d’activité à ajouter",
    addLineButton: "Ajouter ce secteur",
    lineAdded: "Le secteur d’activité est ajouté.",
    removeLine: (line: string) => `Retirer\u00a0: ${line}`,
    saveAndContinue: "Enregistrer et continuer",
    saveAndComeBack: "Enregistrer et revenir plus tard",
    savedNotice: "Vos réponses sont enregistrées.",
    savedLaterNotice: "Vos réponses sont enregistrées. Vous pouvez y revenir en tout temps.",
    yes: "Oui",
    no: "Non",
    confirmLabel: "Je confirme",
    explainNo: "Si non\u00a0: pourquoi, et ce que vous prévoyez faire",
    addDivision: "Ajouter une division",
    newDivisionTitle: "Ajouter une division",
    divisionName: "Nom de la division",
    saveDivision: "Enregistrer la division",
    divisionCreated: "La division est ajoutée. Son profil de sécurité est prêt à remplir.",
    editDivision: "Modifier la division",
    editDivisionTitle: (name: string) => `Modifier la division\u00a0: ${name}`,
    divisionSaved: "La division est enregistrée.",
    backToSecurity: "Retour au profil de sécurité",
    backToDashboard: "Retour au tableau de bord PEP",
    openCategory: (category: string) => `Ouvrir la catégorie\u00a0: ${category}`,
    categoryTitle: (category: string, division: string) => `${category} — ${division}`,
    needsEvidence: "Joignez la pièce justificative (analysée et saine) pour que cette réponse compte.",
    noFile: "Aucun fichier joint pour l’instant.",
    uploadButton: "Joindre le fichier",
    uploaded: "Le fichier est joint.",
    notScanned: "Non analysé",
    pdf: "PDF",
  },
} as const;

/** What people of each run type into the free-text answers. */
const WORDS = {
  en: {
    ports: "Windsor (Ambassador Bridge) and Fort Erie (Peace Bridge)",
    brokers: "Maple Customs Brokers Ltd.",
    countries: "United States, Mexico and Germany",
    goods: "Auto parts and industrial fasteners",
    anyText: "Written down in our security manual, section 4.",
    ownerOperators: "Six owner-operators under contract, each with a FAST card.",
    mustNo: "Our written procedure is being drafted with our broker; it will be in place by March.",
    division: "Highway transport",
    fileName: "risk-assessment-2026.pdf",
    carrierCode: "ab12",
    shipments: "1200",
  },
  fr: {
    ports: "Lacolle et Windsor (pont Ambassador)",
    brokers: "Courtage douanier Champlain inc.",
    countries: "États-Unis, Mexique et Allemagne",
    goods: "Pièces automobiles et attaches industrielles",
    anyText: "Décrit dans notre manuel de sécurité, section 4.",
    ownerOperators: "Six propriétaires-exploitants sous contrat, chacun avec une carte EXPRES.",
    mustNo: "Notre procédure écrite est en préparation avec notre courtier; elle sera en place en mars.",
    division: "Transport routier",
    fileName: "évaluation-des-risques-2026.pdf",
    carrierCode: "qc34",
    // As a French-Canadian person writes it: a space between the thousands.
    shipments: "1 200",
  },
} as const;

function people(lang: Lang): { owner: Person; full: Person } {
  const p = (key: string, givenName: string, familyName: string, email: string): Person => ({
    username: `prf${key}${lang}01`,
    password: PASSWORD,
    email,
    givenName,
    familyName,
    lang,
  });
  return lang === "en"
    ? { owner: p("owner", "Jordan", "MacLeod", "jordan.macleod@example.ca"), full: p("full", "Aisha", "Rahman", "aisha.rahman@example.ca") }
    : { owner: p("owner", "Hélène", "Gagnon", "helene.gagnon@exemple.ca"), full: p("full", "François", "Bédard", "francois.bedard@exemple.ca") };
}

const COMPANIES = { en: "Maple Leaf Freight Inc.", fr: "Fret de l’Érablière ltée" } as const;

const fullName = (p: Person) => `${p.givenName} ${p.familyName}`;
const catalogue = currentCatalogue();
const partName = (part: "general" | PortalLine, lang: Lang) => catalogue.parts[part].name[lang];
const categoryName = (category: CategoryId, lang: Lang) => catalogue.categories[category].name[lang];
const criteriaOf = (lines: readonly PortalLine[], category: CategoryId): readonly Criterion[] =>
  criteriaFor(catalogue, lines)
    .flatMap((a) => a.categories)
    .find((g) => g.category === category)!.criteria;
const criterionCount = (lines: readonly PortalLine[]) => criteriaFor(catalogue, lines).flatMap((a) => a.categories.flatMap((c) => c.criteria)).length;

// ---- the HTTP side: the rest of the answers, as the pages' forms would post them ----------------

/** A valid answer to an item, as its fields: "yes" to yes/no criteria (their evidence then follows). */
function validFields(item: CatalogueItem, lang: Lang): Record<string, string> {
  const a = `a-${item.id}`;
  const type = item.answer;
  switch (type.kind) {
    case "yes-no":
    case "confirm":
      return { [a]: "yes" };
    case "yes-no-explain":
      return type.explainWhen === "yes" ? { [a]: "yes", [`x-${item.id}`]: WORDS[lang].anyText } : { [a]: "yes" };
    case "choice":
      return { [a]: type.options[0]!.id };
    case "number":
      return { [a]: String(Math.min(type.max, Math.max(type.min, 12))) };
    case "date":
      return { [a]: "2026-03-31" };
    case "text":
      return { [a]: type.format === "carrier-code" ? "AB12" : WORDS[lang].anyText };
    case "company-user":
      throw new Error(`no company-user criterion expected: ${item.id}`);
  }
}

/** The version fields (`b-<id>`) of a page as it was served. */
function versions(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/name="(b-[A-Z]+-\d+)" value="(\d+)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** Posts one file to an evidence form as a browser does: the CSRF field and the item first, then the file. */
function upload(client: TestClient, path: string, item: string, name: string, body: Uint8Array): Promise<Response> {
  const boundary = `----ttp${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken()}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${item}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return client.request(path, {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: "http://localhost", "sec-fetch-site": "same-origin" },
    body: new Blob([head, Buffer.from(body), tail]).stream(),
    duplex: "half",
  } as RequestInit & { headers: Record<string, string> });
}

/**
 * Answers every criterion of a division nobody has answered yet (its version is 0), category by
 * category, leaving the answers given in the browser alone (only the items posted are saved),
 * then attaches a PDF to each one whose "yes" needs evidence. Returns how many were answered.
 */
async function answerTheRest(client: TestClient, lang: Lang, companyId: string, division: { id: string; lines: readonly PortalLine[] }, pdf: Buffer): Promise<number> {
  const divBase = `/${lang}/companies/${companyId}/security/divisions/${division.id}`;
  let answered = 0;
  for (const group of criteriaFor(catalogue, division.lines).flatMap((a) => a.categories)) {
    const path = `${divBase}/${group.category}`;
    const opened = await client.get(path);
    assert.equal(opened.status, 200, `${path}: opened`);
    const seen = versions(await opened.text());
    const todo = group.criteria.filter((c) => seen[`b-${c.id}`] === "0");
    if (todo.length === 0) continue;
    const fields: Record<string, string> = { then: "later" };
    for (const c of todo) Object.assign(fields, { [`b-${c.id}`]: "0" }, validFields(c, lang));
    const res = await client.postForm(path, fields);
    assert.equal(res.status, 303, `${path}: saved (${res.status})`);
    for (const c of todo.filter((x) => x.evidence.rule === "required")) {
      const up = await upload(client, `${divBase}/evidence`, c.id, `${c.id.toLowerCase()}-evidence.pdf`, pdf);
      assert.equal(up.status, 303, `${c.id}: evidence attached (${up.status})`);
      assert.match(up.headers.get("location") ?? "", /\?uploaded=1#evidence-/);
    }
    answered += todo.length;
  }
  return answered;
}

describe("the application and security profiles, in the browser", () => {
  let tmp: string;
  const suite = browserPortalSuite({ before, after });
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "ttp-profiles-e2e-"));
  });
  after(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  // ---- what a person does in the browser -----------------------------------------------------

  /**
   * Waits for the page whose h1 is `title`, checks it with axe (unless `axe` is false: a page
   * of a kind already checked in this run, seen again) and returns.
   */
  async function onPage(page: Page, title: string, label: string, axe = true): Promise<void> {
    await page.locator("gcds-heading[tag=h1]").filter({ hasText: title }).first().waitFor();
    if (axe) await expectAccessible(page, label);
    assert.equal(await pageHeading(page), title, label);
  }

  /** Reads the newest message to `to` whose subject starts with `subject`, in the dev mailbox (another tab). */
  async function readMail(context: BrowserContext, lang: Lang, to: string, subject: string, label: string, check: boolean): Promise<string> {
    await suite.portal.jobs.drain();
    const tab = await context.newPage();
    await tab.goto(`${suite.server.baseUrl}/${lang}/dev/mailbox`);
    if (check) await expectAccessible(tab, `${label}-mailbox`);
    const row = tab.getByRole("row").filter({ has: tab.getByRole("cell", { name: to, exact: true }) });
    await row.getByRole("link", { name: new RegExp(`^${subject}`) }).first().click();
    await tab.getByTestId("mail-body").waitFor();
    if (check) await expectAccessible(tab, `${label}-mail`);
    const text = await tab.getByTestId("mail-body").innerText();
    await tab.close();
    return text;
  }

  /**
   * Signs in with GCKey from the home page, a code from the mailbox, the terms; lands on the
   * dashboard. With `check`, each sign-in page (and the mailbox) is checked with axe; a second
   * person walking the same pages in the same language skips it, to keep the run short.
   */
  async function signIn(context: BrowserContext, page: Page, p: Person, companyId: string, label: string, check: { pages: boolean; mailbox: boolean }): Promise<void> {
    const t = T[p.lang];
    const l = p.lang;
    const axe = (step: string) => (check.pages ? expectAccessible(page, `${label}-${step}`) : Promise.resolve());
    await page.goto(`${suite.server.baseUrl}/${l}`);
    await page.getByRole("link", { name: t.signInHome }).click();
    await page.waitForURL(`**/${l}/sign-in`);
    await axe("a-chooser");
    await page.getByRole("link", { name: t.gckey }).click();
    await page.waitForURL(`**/${l}/sign-in/gckey`);
    await axe("b-gckey");
    await page.getByRole("textbox", { name: t.username, exact: true }).fill(p.username);
    await page.getByRole("textbox", { name: t.password, exact: true }).fill(p.password);
    await page.getByRole("button", { name: t.signInButton, exact: true }).click();
    await page.waitForURL(`**/${l}/sign-in/code`);
    await axe("c-code");
    const code = /\b(\d{6})\b/.exec(await readMail(context, l, p.email, t.codeSubject, `${label}-c-code`, check.mailbox))?.[1];
    assert.ok(code, "the email carries a one-time code");
    await page.getByRole("textbox", { name: t.code, exact: true }).fill(code);
    await page.getByRole("button", { name: t.verify }).click();
    await page.waitForURL(`**/${l}/sign-in/terms`);
    await axe("d-terms");
    await page.getByText(t.termsAgree, { exact: true }).click();
    await page.getByRole("button", { name: t.accept }).click();
    // One company: straight to its dashboard.
    await page.waitForURL(`**/${l}/companies/${companyId}`);
  }

  /** What an element says, whitespace folded. */
  async function says(locator: Locator): Promise<string> {
    return (await locator.innerText()).replace(/\s+/g, " ").trim();
  }

  /** The rows of a table (by test id) as a person reads them. */
  async function rows(page: Page, testid: string): Promise<string[][]> {
    return page
      .getByTestId(testid)
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.innerText.replace(/\s+/g, " ").trim())));
  }

  /** The dashboard's state line of a profile ("Not started", "In progress — n of m answered", "Complete"). */
  async function dashboardState(page: Page, which: "application" | "security"): Promise<string> {
    return says(page.getByTestId(`section-${which}-profile`).locator(".ttp-state"));
  }

  const item = (page: Page, id: string) => page.getByTestId(`item-${id}`);

  async function chooseRadio(page: Page, id: string, label: string): Promise<void> {
    await page.locator(`gcds-radios[name="a-${id}"]`).getByText(label, { exact: true }).click();
  }

  async function explain(page: Page, id: string, text: string): Promise<void> {
    await page.locator(`gcds-textarea[name="x-${id}"] textarea`).fill(text);
  }

  async function isChosen(page: Page, id: string, value: string): Promise<boolean> {
    return page.locator(`gcds-radios[name="a-${id}"] input[value="${value}"]`).isChecked();
  }

  /**
   * Answers an application question as a person would, by the kind of its answer: the field,
   * its options by their labels, the PIP contact chosen by name, a declaration ticked.
   */
  async function answerQuestion(page: Page, q: CatalogueItem, lang: Lang, contact: string): Promise<void> {
    const t = T[lang];
    const w = WORDS[lang];
    const type = q.answer;
    const texts: Record<string, string> = { "GEN-6": w.ports, "GEN-8": w.brokers, "IMP-3": w.countries, "IMP-4": w.goods };
    switch (type.kind) {
      case "yes-no":
        return chooseRadio(page, q.id, t.yes);
      case "yes-no-explain":
        // Penalties, charges (GEN-10, GEN-11): no. Owner-operators (HWY-6): yes, with the details.
        if (type.explainWhen === "yes" && q.id !== "HWY-6") return chooseRadio(page, q.id, t.no);
        await chooseRadio(page, q.id, t.yes);
        return explain(page, q.id, w.ownerOperators);
      case "confirm":
        return page.locator(`gcds-checkboxes[name="a-${q.id}"]`).getByText(new RegExp(`^${t.confirmLabel} — ${q.id} — `)).click();
      case "choice": {
        const first = type.options[0]!.label[lang];
        const group = type.multiple ? "gcds-checkboxes" : "gcds-radios";
        return page.locator(`${group}[name="a-${q.id}"]`).getByText(first, { exact: true }).click();
      }
      case "company-user":
        await page.locator(`gcds-select[name="a-${q.id}"] select`).selectOption({ label: contact });
        return;
      case "number":
        return page.locator(`gcds-input[name="a-${q.id}"] input`).fill(q.id === "GEN-3" ? w.shipments : "12");
      case "date":
        return page.locator(`gcds-input[name="a-${q.id}"] input`).fill("2026-03-31");
      case "text":
        if (type.format === "carrier-code") return page.locator(`gcds-input[name="a-${q.id}"] input`).fill(w.carrierCode);
        if (type.multiline) return page.locator(`gcds-textarea[name="a-${q.id}"] textarea`).fill(texts[q.id] ?? w.anyText);
        return page.locator(`gcds-input[name="a-${q.id}"] input`).fill(texts[q.id] ?? w.anyText);
    }
  }

  async function newContext(lang: Lang): Promise<BrowserContext> {
    return suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
  }

  for (const lang of ["en", "fr"] as const) {
    const t = T[lang];
    const w = WORDS[lang];

    it(`the owner answers the application profile and starts the security profile, a full-access user continues, both profiles end complete (${lang})`, async () => {
      // ---- fixture: two portal accounts, an authorized importer with both of them -------------
      const who = people(lang);
      const ownerClient = await signUpAndSignIn(suite.portal, who.owner);
      const fullClient = await signUpAndSignIn(suite.portal, who.full);
      const ownerMember: Member = await memberOf(suite.portal, ownerClient);
      const fullMember: Member = await memberOf(suite.portal, fullClient);
      const legalName = COMPANIES[lang];
      const companyId = await authorizedCompany(suite.portal, legalName, ownerMember, [{ member: fullMember, role: "full-access" }]);
      const base = `${suite.server.baseUrl}/${lang}/companies/${companyId}`;
      const L = `profiles-${lang}`;
      // In English every page visited is checked with axe; in French, to keep the file's run
      // short, each kind of page once (a page seen again in another state is not checked again).
      const everyPage = lang === "en";
      const pdf = await pdfFile(lang === "en" ? "Risk assessment 2026, Maple Leaf Freight" : "Évaluation des risques 2026, Fret de l’Érablière");
      const pdfPath = join(tmp, w.fileName);
      await writeFile(pdfPath, pdf);

      // ---- the owner signs in: both profiles not started --------------------------------------
      const ownerContext = await newContext(lang);
      const ownerPage = await ownerContext.newPage();
      const ownerProblems = watchProblems(ownerPage);
      let page = ownerPage;
      await signIn(ownerContext, page, who.owner, companyId, `${L}-owner-01-sign-in`, { pages: true, mailbox: everyPage });
      await onPage(page, t.dashboard, `${L}-owner-02-dashboard`);
      assert.equal(await dashboardState(page, "application"), t.notStarted);
      assert.equal(await dashboardState(page, "security"), t.notStarted);

      // ---- the application profile: a second line of business, then every part ---------------
      await page.getByTestId("section-application-profile").getByRole("link", { name: t.applicationTitle, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${companyId}/application`);
      await onPage(page, t.applicationTitle, `${L}-owner-03-application`);
      assert.deepEqual(await rows(page, "parts"), [
        [partName("general", lang), t.notStarted],
        [partName("importer", lang), t.notStarted],
      ]);
      await page.getByRole("combobox", { name: t.addLineLegend }).selectOption("highway-carrier");
      await page.getByRole("button", { name: t.addLineButton, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${companyId}/application?added=1`);
      await page.getByText(t.lineAdded).first().waitFor();
      await onPage(page, t.applicationTitle, `${L}-owner-04-line-added`, everyPage);
      assert.deepEqual(await rows(page, "parts"), [
        [partName("general", lang), t.notStarted],
        [partName("importer", lang), t.notStarted],
        [partName("highway-carrier", lang), t.notStarted],
      ]);
      assert.deepEqual(
        (await page.getByTestId("lines").locator("li").allInnerTexts()).map((x) => x.trim()),
        (["importer", "highway-carrier"] as const).map((l) => `${partName(l, lang)} — ${t.removeLine(partName(l, lang))}`),
        "each line of business, with its removal offered",
      );

      await page.getByRole("link", { name: t.openPart(partName("general", lang)), exact: true }).click();
      const parts = questionsFor(catalogue, ["importer", "highway-carrier"]);
      assert.deepEqual(
        parts.map((p) => p.part),
        ["general", "importer", "highway-carrier"],
      );
      for (const [i, part] of parts.entries()) {
        await page.waitForURL(new RegExp(`/${lang}/companies/${companyId}/application/parts/${part.part}(\\?saved=1)?$`));
        await onPage(page, t.partTitle(partName(part.part, lang)), `${L}-owner-${String(5 + i * 2).padStart(2, "0")}-part-${part.part}`, i === 0 || everyPage);
        if (i > 0) await noticeOrText(page, t.savedNotice).first().waitFor();
        assert.equal(await page.locator(".ttp-item").count(), part.questions.length, `every question of ${part.part} is on its page`);
        for (const q of part.questions) await answerQuestion(page, q, lang, fullName(who.owner));
        if (i === parts.length - 1 && everyPage) await expectAccessible(page, `${L}-owner-${String(6 + i * 2).padStart(2, "0")}-part-${part.part}-filled`);
        await page.getByRole("button", { name: t.saveAndContinue, exact: true }).click();
      }
      // After the last part: back to the overview, every part complete.
      await page.waitForURL(`**/${lang}/companies/${companyId}/application?saved=1`);
      await noticeOrText(page, t.savedLaterNotice).first().waitFor();
      await onPage(page, t.applicationTitle, `${L}-owner-11-application-complete`, everyPage);
      assert.equal(await says(page.getByTestId("application-progress")), t.complete);
      assert.deepEqual(await rows(page, "parts"), [
        [partName("general", lang), t.complete],
        [partName("importer", lang), t.complete],
        [partName("highway-carrier", lang), t.complete],
      ]);
      // What was typed is what is kept: the French thousands, the carrier code in capitals.
      await page.getByRole("link", { name: t.openPart(partName("general", lang)), exact: true }).click();
      await page.waitForURL(`**/application/parts/general`);
      assert.equal(await page.locator('gcds-input[name="a-GEN-3"] input').inputValue(), "1200");
      assert.equal(await page.locator('gcds-select[name="a-GEN-1"] select').inputValue(), ownerMember.personId);
      await page.goto(`${base}/application/parts/highway-carrier`);
      assert.equal(await page.locator('gcds-input[name="a-HWY-1"] input').inputValue(), w.carrierCode.toUpperCase());
      assert.equal(await page.locator('gcds-textarea[name="x-HWY-6"] textarea').inputValue(), w.ownerOperators);

      await page.goto(base);
      await onPage(page, t.dashboard, `${L}-owner-12-dashboard`, everyPage);
      assert.equal(await dashboardState(page, "application"), t.complete);
      assert.equal(await dashboardState(page, "security"), t.notStarted);

      // ---- the security profile: one division to start with, a second one added --------------
      // The first time the security profile is opened, one division is made: named after the
      // company, carrying out all its lines. The owner adds a highway transport division, then
      // narrows the first one to the importer line.
      await page.getByTestId("section-security-profile").getByRole("link", { name: t.securityTitle, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${companyId}/security`);
      await onPage(page, t.securityTitle, `${L}-owner-13-security`);
      const bothLines = `${partName("importer", lang)}, ${partName("highway-carrier", lang)}`;
      assert.deepEqual(await rows(page, "divisions"), [[legalName, bothLines, t.notStarted]]);
      const firstHref = await page.getByTestId("divisions").getByRole("link", { name: legalName, exact: true }).getAttribute("href");
      const firstId = /divisions\/(\d+)$/.exec(firstHref ?? "")?.[1];
      assert.ok(firstId, `the division's link: ${firstHref}`);

      await page.getByRole("link", { name: t.addDivision, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${companyId}/security/divisions/new`);
      await onPage(page, t.newDivisionTitle, `${L}-owner-14-new-division`);
      await page.getByRole("textbox", { name: t.divisionName }).fill(w.division);
      await page.locator('gcds-checkboxes[name="lines"]').getByText(partName("highway-carrier", lang), { exact: true }).click();
      await page.getByRole("button", { name: t.saveDivision, exact: true }).click();
      await page.waitForURL(new RegExp(`/${lang}/companies/${companyId}/security/divisions/\\d+\\?created=1$`));
      const secondId = /divisions\/(\d+)\?created=1$/.exec(page.url())![1]!;
      await noticeOrText(page, t.divisionCreated).first().waitFor();
      await onPage(page, w.division, `${L}-owner-15-division-created`);
      const secondCategories = criteriaFor(catalogue, ["highway-carrier"]).flatMap((a) => a.categories);
      assert.deepEqual(
        (await rows(page, "categories")).map((r) => r.slice(1)),
        secondCategories.map((g) => [String(g.criteria.length), t.notStarted]),
        "the highway carrier's categories, each with its count of criteria",
      );
      await page.getByRole("link", { name: t.backToSecurity, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${companyId}/security`);
      await onPage(page, t.securityTitle, `${L}-owner-16-security-two-divisions`, everyPage);
      assert.deepEqual(await rows(page, "divisions"), [
        [legalName, bothLines, t.notStarted],
        [w.division, partName("highway-carrier", lang), t.notStarted],
      ]);

      await page.getByTestId("divisions").getByRole("link", { name: legalName, exact: true }).click();
      await page.waitForURL(`**/security/divisions/${firstId}`);
      await onPage(page, legalName, `${L}-owner-17-division`, everyPage);
      await page.getByRole("link", { name: t.editDivision, exact: true }).click();
      await page.waitForURL(`**/security/divisions/${firstId}/edit`);
      await onPage(page, t.editDivisionTitle(legalName), `${L}-owner-18-edit-division`, everyPage);
      await page.locator('gcds-checkboxes[name="lines"]').getByText(partName("highway-carrier", lang), { exact: true }).click();
      await page.getByRole("button", { name: t.saveDivision, exact: true }).click();
      await page.waitForURL(`**/security/divisions/${firstId}?saved=1`);
      await noticeOrText(page, t.divisionSaved).first().waitFor();
      await onPage(page, legalName, `${L}-owner-19-division-changed`, everyPage);
      assert.equal(await says(page.locator("dl.ttp-details dd").first()), partName("importer", lang));
      const total = criterionCount(["importer"]) + criterionCount(["highway-carrier"]);

      // ---- the first division: part of one category, a "no" explained, a "yes" with its file --
      const category: CategoryId = "risk-assessment";
      const ra = criteriaOf(["importer"], category);
      await page.getByRole("link", { name: t.openCategory(categoryName(category, lang)), exact: true }).click();
      await page.waitForURL(`**/security/divisions/${firstId}/${category}`);
      const raTitle = t.categoryTitle(categoryName(category, lang), legalName);
      await onPage(page, raTitle, `${L}-owner-20-category`);
      assert.equal(await page.locator(".ttp-item").count(), ra.length);
      // A "must" whose "yes" needs evidence; a "must" answered "no", explained; a date.
      const withEvidence = ra.find((c) => c.level === "must" && c.evidence.rule === "required" && c.answer.kind === "yes-no-explain")!;
      const mustNo = ra.find((c) => c.level === "must" && c.evidence.rule === "none" && c.answer.kind === "yes-no-explain" && c.answer.explainWhen === "no")!;
      const dated = ra.find((c) => c.answer.kind === "date")!;
      assert.deepEqual([withEvidence.id, mustNo.id, dated.id], ["RA-1", "RA-3", "RA-2"], "the catalogue's risk assessment, as this test knows it");
      await chooseRadio(page, withEvidence.id, t.yes);
      await page.locator(`gcds-input[name="a-${dated.id}"] input`).fill("2026-03-31");
      await chooseRadio(page, mustNo.id, t.no);
      // The explanation's field is labelled for the "no" of a must.
      await item(page, mustNo.id).getByRole("textbox", { name: `${mustNo.id} — ${t.explainNo}` }).fill(w.mustNo);
      await page.getByRole("button", { name: t.saveAndComeBack, exact: true }).click();
      await page.waitForURL(`**/security/divisions/${firstId}?answers=1`);
      await noticeOrText(page, t.savedLaterNotice).first().waitFor();
      await onPage(page, legalName, `${L}-owner-21-division-saved`, everyPage);
      assert.equal(await says(page.getByTestId("division-progress")), t.inProgress(2, criterionCount(["importer"])), "the yes that needs its file does not count yet");
      await page.goto(base);
      await onPage(page, t.dashboard, `${L}-owner-22-dashboard-in-progress`, everyPage);
      assert.equal(await dashboardState(page, "security"), t.inProgress(2, total));

      await page.goto(`${base}/security/divisions/${firstId}/${category}`);
      await onPage(page, raTitle, `${L}-owner-23-category-saved`, everyPage);
      assert.equal(await says(page.getByTestId("page-progress")), t.inProgress(2, ra.length));
      assert.equal(await says(item(page, withEvidence.id).locator(".ttp-pending")), t.needsEvidence);
      const evidence = page.getByTestId(`evidence-${withEvidence.id}`);
      assert.ok((await says(evidence)).includes(t.noFile));
      await evidence.locator('input[type="file"]').setInputFiles(pdfPath);
      await evidence.getByRole("button", { name: t.uploadButton, exact: true }).click();
      await page.waitForURL(new RegExp(`/security/divisions/${firstId}/${category}\\?uploaded=1#evidence-${withEvidence.id}$`));
      await noticeOrText(page, t.uploaded).first().waitFor();
      await onPage(page, raTitle, `${L}-owner-24-evidence-attached`);
      const [fileRow] = await evidence.locator("tbody tr").evaluateAll((trs) => trs.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.innerText.replace(/\s+/g, " ").trim())));
      assert.ok(fileRow, "the file is listed");
      assert.equal(fileRow[0], w.fileName);
      assert.equal(fileRow[2], t.pdf);
      assert.equal(fileRow[4], fullName(who.owner));
      assert.equal(fileRow[5], t.notScanned);
      assert.equal(await item(page, withEvidence.id).locator(".ttp-pending").count(), 0, "with its file, the yes counts");
      assert.equal(await says(page.getByTestId("page-progress")), t.inProgress(3, ra.length));

      // ---- the full-access user continues what the owner started ------------------------------
      const fullContext = await newContext(lang);
      const fullPage = await fullContext.newPage();
      const fullProblems = watchProblems(fullPage);
      page = fullPage;
      await signIn(fullContext, page, who.full, companyId, `${L}-full-01-sign-in`, { pages: false, mailbox: false });
      await onPage(page, t.dashboard, `${L}-full-02-dashboard`, everyPage);
      assert.equal(await dashboardState(page, "application"), t.complete);
      assert.equal(await dashboardState(page, "security"), t.inProgress(3, total));
      await page.getByTestId("section-security-profile").getByRole("link", { name: t.securityTitle, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${companyId}/security`);
      await page.getByTestId("divisions").getByRole("link", { name: legalName, exact: true }).click();
      await page.waitForURL(`**/security/divisions/${firstId}`);
      await page.getByRole("link", { name: t.openCategory(categoryName(category, lang)), exact: true }).click();
      await page.waitForURL(`**/security/divisions/${firstId}/${category}`);
      await onPage(page, raTitle, `${L}-full-03-category`, everyPage);
      assert.ok(await isChosen(page, withEvidence.id, "yes"), "the owner's yes is chosen");
      assert.ok(await isChosen(page, mustNo.id, "no"), "the owner's no is chosen");
      assert.equal(await page.locator(`gcds-textarea[name="x-${mustNo.id}"] textarea`).inputValue(), w.mustNo, "with the owner's explanation");
      assert.equal(await page.locator(`gcds-input[name="a-${dated.id}"] input`).inputValue(), "2026-03-31");
      assert.ok((await says(page.getByTestId(`evidence-${withEvidence.id}`))).includes(w.fileName), "and the owner's file");
      // The plan is now in place: the no becomes a yes (the explanation is kept); two more answers.
      const moreYes = ra.find((c) => c.level === "must" && c.evidence.rule === "none" && c.id !== mustNo.id && c.answer.kind === "yes-no-explain")!;
      const shouldNo = ra.find((c) => c.level === "should" && c.answer.kind === "yes-no")!;
      assert.deepEqual([moreYes.id, shouldNo.id], ["RA-6", "RA-7"]);
      await chooseRadio(page, mustNo.id, t.yes);
      await chooseRadio(page, moreYes.id, t.yes);
      await chooseRadio(page, shouldNo.id, t.no);
      if (everyPage) await expectAccessible(page, `${L}-full-04-category-changed`);
      await page.getByRole("button", { name: t.saveAndComeBack, exact: true }).click();
      await page.waitForURL(`**/security/divisions/${firstId}?answers=1`);
      await onPage(page, legalName, `${L}-full-05-division-saved`, everyPage);
      assert.equal(await says(page.getByTestId("division-progress")), t.inProgress(5, criterionCount(["importer"])));

      // The owner opens the page again: the full-access user's answers.
      page = ownerPage;
      await page.goto(`${base}/security/divisions/${firstId}/${category}`);
      await onPage(page, raTitle, `${L}-owner-25-category-by-both`, everyPage);
      assert.ok(await isChosen(page, mustNo.id, "yes"), "the full-access user's yes");
      assert.ok(await isChosen(page, moreYes.id, "yes"));
      assert.ok(await isChosen(page, shouldNo.id, "no"));
      assert.ok(await isChosen(page, withEvidence.id, "yes"), "the owner's own answer, untouched");
      assert.equal(await says(page.getByTestId("page-progress")), t.inProgress(5, ra.length));

      // ---- the rest over HTTP, then both profiles complete in the browser ----------------------
      const divisions = [
        { id: firstId, lines: ["importer"] as const },
        { id: secondId, lines: ["highway-carrier"] as const },
      ];
      let overHttp = 0;
      for (const d of divisions) overHttp += await answerTheRest(ownerClient, lang, companyId, d, pdf);
      assert.equal(overHttp, total - 5, "every criterion not answered in the browser was answered over HTTP");

      await page.goto(base);
      await onPage(page, t.dashboard, `${L}-owner-26-dashboard-complete`, everyPage);
      assert.equal(await dashboardState(page, "application"), t.complete);
      assert.equal(await dashboardState(page, "security"), t.complete);
      await page.getByTestId("section-security-profile").getByRole("link", { name: t.securityTitle, exact: true }).click();
      await page.waitForURL(`**/${lang}/companies/${companyId}/security`);
      await onPage(page, t.securityTitle, `${L}-owner-27-security-complete`, everyPage);
      assert.equal(await says(page.getByTestId("security-progress")), t.complete);
      assert.deepEqual(await rows(page, "divisions"), [
        [legalName, partName("importer", lang), t.complete],
        [w.division, partName("highway-carrier", lang), t.complete],
      ]);
      await page.getByTestId("divisions").getByRole("link", { name: w.division, exact: true }).click();
      await page.waitForURL(`**/security/divisions/${secondId}`);
      await onPage(page, w.division, `${L}-owner-28-division-complete`, everyPage);
      assert.deepEqual(
        (await rows(page, "categories")).map((r) => r[2]),
        secondCategories.map(() => t.complete),
      );

      assert.deepEqual(ownerProblems, [], "the owner's pages reported no problem");
      assert.deepEqual(fullProblems, [], "the full-access user's pages reported no problem");
      await ownerContext.close();
      await fullContext.close();
    });
  }
});
