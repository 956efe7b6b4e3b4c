// The application's life in a real browser, in English and in French, with axe on every page
// visited and no console error (APP-1, APP-5, APP-11 to APP-13, APP-16, STAFF-5):
// - approval: an owner whose company has every profile complete (written in the database by
//   completeProfiles) signs in (GCKey, a code from the mailbox), sees on the dashboard that the
//   application can be submitted, signs the declaration with their name and submits: the
//   confirmation gives the reference, the dashboard says Submitted. A PIP officer signs in
//   (password, TOTP on the test clock, own password), opens the queue from the staff home,
//   finds the company (oldest first), assigns it to themself (Under review), opens the case,
//   records a finding and requests information about one item with the default due date. The
//   owner sees the request on the dashboard with its due date, follows its link to the item's
//   page, changes the answer, comes back and submits the response. The officer sees the case
//   waiting on the response (and what changed), schedules a site validation, records a
//   satisfactory outcome and approves. The owner's dashboard says Member; the owner downloads
//   the approval letter from the company's record, and the PDF (read with pdftotext) says, in
//   both languages, that the company is a member;
// - proposed denial: a second company's owner submits; the officer assigns it and proposes a
//   denial with reasons; the owner sees it on the dashboard, asks for an informal review (with
//   a statement) and the status is Under review again; the officer's queue shows the case
//   waiting on the informal review.
// Each person signs in once per language (the officer's session serves both journeys). In
// English every page visited is checked with axe; in French each kind of page once (the case
// page, some 200 criteria with their findings forms, takes seconds to check).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { TOTP } from "otpauth";
import { browserPortalSuite, browserTests, expectAccessible, pageHeading, watchProblems } from "../helpers/browser.ts";
import { PASSWORD, signUpAndSignIn, type Person } from "../helpers/identity.ts";
import { authorizedCompany, memberOf } from "../helpers/companies.ts";
import { completeProfiles } from "../helpers/applications.ts";
import { createStaffUser } from "../../src/features/staff/service.ts";
import { currentCatalogue } from "../../src/domain/catalogue/index.ts";
import { formatDate } from "../../src/web/i18n/index.ts";
import { noticeOrText } from "../helpers/notice.ts";

const { describe, it, before, after } = browserTests();
const run = promisify(execFile);

type Lang = "en" | "fr";

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
    // The dashboard.
    dashboard: "PIP dashboard",
    membershipStatus: "Membership status",
    applicationHeading: "Your application",
    ready: "Every profile is complete: the account owner can submit the application.",
    submitLink: "Submit application",
    drafts: "The CBSA is reviewing your application. Changes you save are drafts: they are not sent to the CBSA, except a response to a request for information.",
    requestsHeading: "Requests for information",
    dashboardRequest: (requested: string, due: string) => `Requested on ${requested}, due on ${due}`,
    openRequest: (due: string) => `Open the request due on ${due}`,
    denialProposed: "The CBSA proposes to deny the application.",
    informalUntil: (when: string) => `The account owner may ask for an informal review until ${when}.`,
    record: "Your company's record",
    statuses: { submitted: "Submitted", underReview: "Under review", informationRequested: "Information requested", siteValidation: "Site validation", member: "Member", denialProposed: "Denial proposed" },
    // Submitting.
    submitTitle: "Submit your application",
    checklistCaption: "The profiles to complete before you submit",
    complete: "Complete",
    declaredName: "Your full name",
    submitButton: "Submit the application",
    submittedTitle: "Your application was submitted",
    submittedReference: (ref: string) => `Submission reference: ${ref}`,
    reference: "Reference",
    kindLabel: "Kind",
    kindApplication: "Application",
    kindResponse: "Response to a request for information",
    submittedBy: "Submitted by",
    backToDashboard: "Back to the dashboard",
    // A request for information and its response.
    requestTitle: "Request for information",
    dueOn: "Due date",
    requestMessage: "What the officer wrote",
    itemApplication: (id: string, part: string) => `${id} — application profile, ${part}`,
    partTitle: (part: string) => `Application profile: ${part}`,
    saveAndComeBack: "Save and come back later",
    savedLaterNotice: "Your answers are saved. You can come back to them at any time.",
    applicationTitle: "Application profile",
    backToPipDashboard: "Back to the PIP dashboard",
    respondButton: "Submit the response",
    responseSubmittedTitle: "Your response was submitted",
    // Informal review.
    informalTitle: "Ask for an informal review",
    statement: "Your statement",
    informalButton: "Ask for an informal review",
    informalDone: "Your request for an informal review was sent to the CBSA.",
    // The record.
    recordTitle: "Your company's record",
    approved: "Approved",
    downloadLetterOf: (ref: string) => `Download letter ${ref} (PDF)`,
    // Staff sign-in and the queue.
    staffSignInTitle: "CBSA staff sign-in",
    totp: "6-digit code",
    totpTitle: "Enter the code from your authenticator app",
    continue: "Continue",
    passwordTitle: "Choose your own password",
    newPassword: "New password",
    confirmPassword: "Confirm your new password",
    savePassword: "Save and continue",
    staffHome: "CBSA staff tools",
    pipTool: "PIP review queue",
    queueTitle: "PIP review queue",
    nobody: "Nobody",
    assignLabel: (company: string) => `Assign the case of ${company} to me`,
    assigned: (company: string) => `The case of ${company} is assigned to you.`,
    waiting: { application: "Application", response: "Response to a request for information", informal: "Informal review" },
    // The case.
    caseTitle: (company: string) => `Review case: ${company}`,
    caseStatus: "Membership status",
    caseReference: "Reference",
    waitingOn: "Waiting on",
    assignedTo: "Assigned to",
    findingsFor: (heading: string) => `Findings: ${heading}`,
    meets: "Meets",
    findingNote: (id: string) => `Note on ${id}`,
    saveFindings: "Save these findings",
    findingsSaved: "The findings were saved.",
    rfiMessage: "What the company must provide",
    rfiItems: "Items the request is about",
    rfiItemsChoose: "Choose the answers the request is about",
    rfiItemOption: (id: string) => `Application profile: ${id}`,
    rfiDueOn: "Due date",
    rfiButton: "Send the request",
    rfiSent: "The request for information was sent to the company.",
    notResponded: "Not yet",
    differencesCaption: "Differences",
    changed: "Changed",
    svDate: "Date of the visit",
    svFacility: "Facility",
    svButton: "Schedule the site validation",
    svScheduled: "The site validation was scheduled and the company was told.",
    satisfactory: "Satisfactory",
    svOutcomeNote: "What the officer found",
    svOutcomeButton: "Record the outcome",
    svRecorded: "The outcome of the site validation was recorded.",
    reasonsOptional: "Reasons or comments, written to the company",
    approveButton: "Approve the application",
    reasons: "Reasons, written to the company",
    proposeButton: "Propose the denial",
    decided: (ref: string) => `The decision was recorded (${ref}) and the company was told.`,
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
    membershipStatus: "Statut d’adhésion",
    applicationHeading: "Votre demande",
    ready: "Tous les profils sont remplis\u00a0: le propriétaire du compte peut soumettre la demande.",
    submitLink: "Soumettre la demande",
    drafts:
      "L’ASFC examine votre demande. Les modifications que vous enregistrez sont des ébauches\u00a0: elles ne sont pas transmises à l’ASFC, sauf une réponse à une demande de renseignements.",
    requestsHeading: "Demandes de renseignements",
    dashboardRequest: (requested: string, due: string) => `Demandée le ${requested}, à remettre au plus tard le ${due}`,
    openRequest: (due: string) => `Ouvrir la demande à remettre au plus tard le ${due}`,
    denialProposed: "L’ASFC propose de refuser la demande.",
    informalUntil: (when: string) => `Le propriétaire du compte peut demander un examen informel jusqu’au ${when}.`,
    record: "Le dossier de votre entreprise",
    statuses: {
      submitted: "Soumise",
      underReview: "En cours d’examen",
      informationRequested: "Renseignements demandés",
      siteValidation: "Validation sur place",
      member: "Membre",
      denialProposed: "Refus proposé",
    },
    submitTitle: "Soumettre votre demande",
    checklistCaption: "Les profils à remplir avant de soumettre la demande",
    complete: "Rempli",
    declaredName: "Votre nom complet",
    submitButton: "Soumettre la demande",
    submittedTitle: "Votre demande a été soumise",
    submittedReference: (ref: string) => `Numéro de référence de la soumission\u00a0: ${ref}`,
    reference: "Numéro de référence",
    kindLabel: "Type",
    kindApplication: "Demande",
    kindResponse: "Réponse à une demande de renseignements",
    submittedBy: "Soumise par",
    backToDashboard: "Retour au tableau de bord",
    requestTitle: "Demande de renseignements",
    dueOn: "Date d’échéance",
    requestMessage: "Ce que l’agent a écrit",
    itemApplication: (id: string, part: string) => `${id} — profil de la demande, ${part}`,
    partTitle: (part: string) => `Profil de la demande\u00a0: ${part}`,
    saveAndComeBack: "Enregistrer et revenir plus tard",
    savedLaterNotice: "Vos réponses sont enregistrées. Vous pouvez y revenir en tout temps.",
    applicationTitle: "Profil de la demande",
    backToPipDashboard: "Retour au tableau de bord PEP",
    respondButton: "Soumettre la réponse",
    responseSubmittedTitle: "Votre réponse a été soumise",
    informalTitle: "Demander un examen informel",
    statement: "Votre déclaration",
    informalButton: "Demander un examen informel",
    informalDone: "Votre demande d’examen informel a été transmise à l’ASFC.",
    recordTitle: "Le dossier de votre entreprise",
    approved: "Approuvée",
    downloadLetterOf: (ref: string) => `Télécharger la lettre ${ref} (PDF)`,
    staffSignInTitle: "Ouverture de session du personnel de l’ASFC",
    totp: "Code à 6 chiffres",
    totpTitle: "Entrez le code de votre application d’authentification",
    continue: "Continuer",
    passwordTitle: "Choisissez votre propre mot de passe",
    newPassword: "Nouveau mot de passe",
    confirmPassword: "Confirmez votre nouveau mot de passe",
    savePassword: "Enregistrer et continuer",
    staffHome: "Outils du personnel de l’ASFC",
    pipTool: "File d’examen du PEP",
    queueTitle: "File d’examen du PEP",
    nobody: "Personne",
    assignLabel: (company: string) => `M’attribuer le dossier de ${company}`,
    assigned: (company: string) => `Le dossier de ${company} vous est attribué.`,
    waiting: { application: "Demande", response: "Réponse à une demande de renseignements", informal: "Examen informel" },
    caseTitle: (company: string) => `Dossier d’examen\u00a0: ${company}`,
    caseStatus: "État de l’adhésion",
    caseReference: "Référence",
    waitingOn: "En attente de",
    assignedTo: "Attribué à",
    findingsFor: (heading: string) => `Constatations\u00a0: ${heading}`,
    meets: "Conforme",
    findingNote: (id: string) => `Note sur ${id} (facultative)`,
    saveFindings: "Enregistrer ces constatations",
    findingsSaved: "Les constatations ont été enregistrées.",
    rfiMessage: "Ce que l’entreprise doit fournir",
    rfiItems: "Éléments visés par la demande",
    rfiItemsChoose: "Choisir les réponses visées par la demande",
    rfiItemOption: (id: string) => `Profil de la demande\u00a0: ${id}`,
    rfiDueOn: "Date d’échéance",
    rfiButton: "Envoyer la demande",
    rfiSent: "La demande de renseignements a été envoyée à l’entreprise.",
    notResponded: "Pas encore",
    differencesCaption: "Différences",
    changed: "Modifié",
    svDate: "Date de la visite",
    svFacility: "Installation",
    svButton: "Planifier la validation sur place",
    svScheduled: "La validation sur place a été planifiée et l’entreprise en a été informée.",
    satisfactory: "Satisfaisant",
    svOutcomeNote: "Ce que l’agent a constaté",
    svOutcomeButton: "Consigner le résultat",
    svRecorded: "Le résultat de la validation sur place a été consigné.",
    reasonsOptional: "Motifs ou commentaires, transmis à l’entreprise",
    approveButton: "Approuver la demande",
    reasons: "Motifs, transmis à l’entreprise",
    proposeButton: "Proposer le refus",
    decided: (ref: string) => `La décision a été enregistrée (${ref}) et l’entreprise en a été informée.`,
  },
} as const;

/** What the approval letter says, in each language (its heading). */
const LETTER_MEMBER = {
  en: "Your company is a Partners in Protection member",
  fr: "Votre entreprise est membre du programme Partenaires en protection",
} as const;

/** What people of each run type. */
const WORDS = {
  en: {
    finding: "Contact named and reachable; checked by telephone.",
    rfi: "Please name every port of entry your shipments use, including the rail crossings.",
    ports: "Windsor (Ambassador Bridge), Fort Erie (Peace Bridge) and Sarnia (rail tunnel)",
    svNote: "Perimeter fencing, access control and seal logs seen and in order.",
    approve: "Every criterion is met.",
    propose: "The security profile does not show how seals are controlled at the warehouse.",
    statement: "Our seal procedure was adopted last month; we can send the written procedure and the seal log.",
  },
  fr: {
    finding: "Personne-ressource nommée et joignable; vérifié par téléphone.",
    rfi: "Veuillez nommer chaque point d’entrée utilisé par vos expéditions, y compris les passages ferroviaires.",
    ports: "Lacolle, Windsor (pont Ambassador) et Sarnia (tunnel ferroviaire)",
    svNote: "Clôture du périmètre, contrôle des accès et registre des scellés vus et en ordre.",
    approve: "Tous les critères sont respectés.",
    propose: "Le profil de sécurité ne montre pas comment les scellés sont contrôlés à l’entrepôt.",
    statement: "Notre procédure de scellés a été adoptée le mois dernier; nous pouvons envoyer la procédure écrite et le registre des scellés.",
  },
} as const;

function cast(lang: Lang) {
  const p = (key: string, givenName: string, familyName: string, email: string): Person => ({
    username: `arv${key}${lang}01`,
    password: PASSWORD,
    email,
    givenName,
    familyName,
    lang,
  });
  return lang === "en"
    ? {
        approval: { owner: p("appr", "Morgan", "Fitzgerald", "morgan.fitzgerald@example.ca"), company: "Northern Lights Logistics Inc." },
        denial: { owner: p("deny", "Priya", "Raman", "priya.raman@example.ca"), company: "Cascade Imports Ltd." },
        officer: { username: "pipenofficer", displayName: "Robin Officer" },
        start: new Date("2026-04-07T14:00:00Z"),
      }
    : {
        approval: { owner: p("appr", "Geneviève", "Côté", "genevieve.cote@exemple.ca"), company: "Transports Boréal inc." },
        denial: { owner: p("deny", "Mathieu", "Lévesque", "mathieu.levesque@exemple.ca"), company: "Importations Laurentides ltée" },
        officer: { username: "pipfrofficer", displayName: "Dominique Agente" },
        start: new Date("2026-05-05T14:00:00Z"),
      };
}

const fullName = (p: Person) => `${p.givenName} ${p.familyName}`;
const fold = (s: string) => s.replace(/\s+/g, " ").trim();
const REFERENCE = /^PIP-\d{4}-\d{6}$/;
const catalogue = currentCatalogue();
/** The item the officer asks about: GEN-6, the ports of entry (a free text of the general part). */
const ITEM = "GEN-6";
const generalPart = (lang: Lang) => catalogue.parts.general.name[lang];
/** A YYYY-MM-DD date as the pages write it. */
const day = (lang: Lang, iso: string) => formatDate(lang, new Date(`${iso}T12:00:00Z`));
/** Today in Ottawa, YYYY-MM-DD, `plus` days on. */
function ottawaDay(now: Date, plus = 0): string {
  const d = new Date(now.getTime() + plus * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

describe("the application, its review and the decision, in the browser", () => {
  let tmp: string;
  const suite = browserPortalSuite(
    { before, after },
    {
      beforeClose: async () => {
        for (const o of Object.values(officers)) await o?.context.close();
      },
    },
  );
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "ttp-review-e2e-"));
  });
  after(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  // ---- what a person does in the browser -----------------------------------------------------

  function field(page: Page, label: string): Locator {
    return page.getByRole("textbox", { name: label, exact: true });
  }

  /**
   * Checks the page with axe (and takes its screenshot). In English every page visited is
   * checked; in French, to keep the file's run short, each kind of page once (a page of a kind
   * already checked, seen again in another state or for another company, is not checked again).
   */
  const checked = new Set<string>();
  async function check(page: Page, lang: Lang, label: string, kind: string): Promise<void> {
    if (lang === "fr" && checked.has(kind)) return;
    checked.add(kind);
    await expectAccessible(page, label);
  }

  /** Waits for the page whose h1 is `title`, checks it with axe (`kind`: the title), its one h1 and its language. */
  async function onPage(page: Page, lang: Lang, title: string, label: string, kind = title): Promise<void> {
    await page.locator("gcds-heading[tag=h1]").filter({ hasText: title }).first().waitFor();
    await check(page, lang, label, kind);
    assert.equal(await pageHeading(page), title, label);
    assert.equal(await page.locator("html").getAttribute("lang"), lang, `${label}: the page's language`);
  }

  async function says(locator: Locator): Promise<string> {
    return fold(await locator.innerText());
  }

  /** A description list as a person reads it: each term with its description. */
  async function details(scope: Locator): Promise<Record<string, string>> {
    const pairs = await scope.locator("dt").evaluateAll((dts) => dts.map((dt) => [(dt as HTMLElement).innerText, (dt.nextElementSibling as HTMLElement).innerText]));
    return Object.fromEntries(pairs.map(([k, v]) => [fold(k!), fold(v!)]));
  }

  /** A table's body rows as a person reads them. */
  async function rows(table: Locator): Promise<string[][]> {
    return table.locator("tbody tr").evaluateAll((trs) => trs.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.innerText.replace(/\s+/g, " ").trim())));
  }

  async function membershipStatus(page: Page, lang: Lang): Promise<string> {
    return (await details(page.getByTestId("dashboard-company")))[T[lang].membershipStatus]!;
  }

  /** Reads the newest message to `to` whose subject starts with `subject`, in the dev mailbox (another tab). */
  async function readMail(context: BrowserContext, lang: Lang, to: string, subject: string, label: string, axe: boolean): Promise<string> {
    await suite.portal.jobs.drain();
    const tab = await context.newPage();
    const problems = watchProblems(tab);
    await tab.goto(`${suite.server.baseUrl}/${lang}/dev/mailbox`);
    if (axe) await check(tab, lang, `${label}-mailbox`, "mailbox");
    const row = tab.getByRole("row").filter({ has: tab.getByRole("cell", { name: to, exact: true }) });
    await row.getByRole("link", { name: new RegExp(`^${subject}`) }).first().click();
    await tab.getByTestId("mail-body").waitFor();
    if (axe) await check(tab, lang, `${label}-mail`, "mail");
    const text = await tab.getByTestId("mail-body").innerText();
    await tab.close();
    assert.deepEqual(problems, [], `${label}: the mailbox reported no problem`);
    return text;
  }

  /**
   * Signs in with GCKey from the home page, a code from the mailbox, the terms; lands on the
   * company's dashboard. The sign-in pages (and the mailbox) are checked with axe the first time
   * in each language: a second person walking the same pages in the same language skips it, as
   * in the profiles journey.
   */
  const signedInOnce = new Set<Lang>();
  async function signIn(context: BrowserContext, page: Page, p: Person, companyId: string, label: string): Promise<void> {
    const t = T[p.lang];
    const l = p.lang;
    const first = !signedInOnce.has(l);
    const axe = (tab: Page, lang: Lang, step: string, kind: string) => (first ? check(tab, lang, step, kind) : Promise.resolve());
    await page.goto(`${suite.server.baseUrl}/${l}`);
    await axe(page, l, `${label}-a-home`, "trader-home");
    await page.getByRole("link", { name: t.signInHome }).click();
    await page.waitForURL(`**/${l}/sign-in`);
    await axe(page, l, `${label}-b-chooser`, "trader-chooser");
    await page.getByRole("link", { name: t.gckey }).click();
    await page.waitForURL(`**/${l}/sign-in/gckey`);
    await axe(page, l, `${label}-c-gckey`, "trader-gckey");
    await field(page, t.username).fill(p.username);
    await field(page, t.password).fill(p.password);
    await page.getByRole("button", { name: t.signInButton, exact: true }).click();
    await page.waitForURL(`**/${l}/sign-in/code`);
    await axe(page, l, `${label}-d-code`, "trader-code");
    const code = /\b(\d{6})\b/.exec(await readMail(context, l, p.email, t.codeSubject, `${label}-d-code`, first))?.[1];
    assert.ok(code, "the email carries a one-time code");
    await field(page, t.code).fill(code);
    await page.getByRole("button", { name: t.verify }).click();
    await page.waitForURL(`**/${l}/sign-in/terms`);
    await axe(page, l, `${label}-e-terms`, "trader-terms");
    await page.getByText(t.termsAgree, { exact: true }).click();
    await page.getByRole("button", { name: t.accept }).click();
    // One company: straight to its dashboard.
    await page.waitForURL(`**/${l}/companies/${companyId}`);
    signedInOnce.add(l);
  }

  async function newContext(lang: Lang): Promise<BrowserContext> {
    return suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA", acceptDownloads: true });
  }

  // ---- the fixture: an owner of a company with every profile complete ------------------------

  async function ownerWithCompleteCompany(lang: Lang, owner: Person, legalName: string): Promise<string> {
    const member = await memberOf(suite.portal, await signUpAndSignIn(suite.portal, owner));
    const companyId = await authorizedCompany(suite.portal, legalName, member);
    // The company corresponds in the run's language: its letters start with that language.
    await suite.portal.database.db.updateTable("companies").set({ correspondence_locale: lang }).where("id", "=", companyId).execute();
    await completeProfiles(suite.portal, companyId, member.personId);
    return companyId;
  }

  /** The owner: from the dashboard, the submit page, the declaration signed, the confirmation. Returns the reference. */
  async function submitApplication(page: Page, lang: Lang, owner: Person, companyId: string, L: string): Promise<string> {
    const t = T[lang];
    const base = `${suite.server.baseUrl}/${lang}/companies/${companyId}`;
    await onPage(page, lang, t.dashboard, `${L}-owner-01-dashboard`);
    const section = page.getByTestId("dashboard-application");
    await section.getByRole("heading", { name: t.applicationHeading, exact: true }).waitFor();
    await section.getByText(t.ready, { exact: true }).waitFor();
    await section.getByRole("link", { name: t.submitLink, exact: true }).click();
    await page.waitForURL(`${base}/application/submit`);
    await onPage(page, lang, t.submitTitle, `${L}-owner-02-submit`);
    const checklist = page.getByTestId("checklist");
    assert.equal(await says(checklist.locator("caption")), t.checklistCaption);
    assert.deepEqual(
      (await rows(checklist)).map((r) => r[1]),
      [t.complete, t.complete, t.complete],
      "every profile complete",
    );
    await field(page, t.declaredName).fill(fullName(owner));
    await page.getByRole("button", { name: t.submitButton, exact: true }).click();
    await page.waitForURL(new RegExp(`/${lang}/companies/${companyId}/submissions/\\d+/submitted$`));
    await onPage(page, lang, t.submittedTitle, `${L}-owner-03-submitted`);
    const submission = await details(page.getByTestId("submission"));
    const reference = submission[t.reference]!;
    assert.match(reference, REFERENCE);
    await page.getByText(t.submittedReference(reference.replaceAll("-", "\u2011"))).first().waitFor();
    assert.equal(submission[t.kindLabel], t.kindApplication);
    assert.equal(submission[t.submittedBy], fullName(owner));
    await page.getByRole("link", { name: t.backToDashboard, exact: true }).click();
    await page.waitForURL(base);
    await onPage(page, lang, t.dashboard, `${L}-owner-04-dashboard-submitted`);
    assert.equal(await membershipStatus(page, lang), t.statuses.submitted);
    await page.getByTestId("dashboard-application").getByText(t.drafts, { exact: true }).waitFor();
    assert.equal(await page.getByTestId("dashboard-application").getByRole("link", { name: t.submitLink, exact: true }).count(), 0, "nothing more to submit");
    return reference;
  }

  // ---- the officer: signed in once per language ----------------------------------------------

  const officers: Partial<Record<Lang, { context: BrowserContext; page: Page; problems: string[]; name: string }>> = {};

  async function officer(lang: Lang, L: string): Promise<{ page: Page; problems: string[]; name: string }> {
    const known = officers[lang];
    if (known) return known;
    const t = T[lang];
    const who = cast(lang).officer;
    const created = await createStaffUser(
      suite.portal.deps,
      { username: who.username, displayName: who.displayName, email: `${who.username}@cbsa-asfc.gc.ca`, roles: ["pip-officer"] },
      { type: "system", via: "test" },
    );
    assert.ok(created.ok, JSON.stringify(created));
    const { issued } = created;
    const context = await newContext(lang);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${suite.server.baseUrl}/${lang}/staff/sign-in`);
    await onPage(page, lang, t.staffSignInTitle, `${L}-officer-01-sign-in`);
    await field(page, t.username).fill(issued.username);
    await field(page, t.password).fill(issued.password);
    await page.getByRole("button", { name: t.signInButton, exact: true }).click();
    await page.waitForURL(`**/${lang}/staff/sign-in/totp`);
    await onPage(page, lang, t.totpTitle, `${L}-officer-02-totp`);
    const totp = new TOTP({ secret: issued.totpSecret, digits: 6, period: 30, algorithm: "SHA1" });
    await field(page, t.totp).fill(totp.generate({ timestamp: suite.portal.clock.now().getTime() }));
    await page.getByRole("button", { name: t.continue }).click();
    await page.waitForURL(`**/${lang}/staff/sign-in/password`);
    await onPage(page, lang, t.passwordTitle, `${L}-officer-03-password`);
    await field(page, t.newPassword).fill("the officer's own passphrase");
    await field(page, t.confirmPassword).fill("the officer's own passphrase");
    await page.getByRole("button", { name: t.savePassword }).click();
    await page.waitForURL(`**/${lang}/staff`);
    await onPage(page, lang, t.staffHome, `${L}-officer-04-home`);
    officers[lang] = { context, page, problems, name: who.displayName };
    return officers[lang];
  }

  /** The officer opens the queue from the staff home. */
  async function openQueue(page: Page, lang: Lang, label: string): Promise<void> {
    const t = T[lang];
    if (!page.url().endsWith(`/${lang}/staff`)) {
      await page.goto(`${suite.server.baseUrl}/${lang}/staff`);
      await onPage(page, lang, t.staffHome, `${label}-home`);
    }
    await page.getByTestId("staff-tools").getByRole("link", { name: t.pipTool, exact: true }).click();
    await page.waitForURL(`**/${lang}/staff/pip`);
    await onPage(page, lang, t.queueTitle, `${label}-queue`);
  }

  function queueRow(page: Page, company: string): Locator {
    return page.getByTestId("queue-row").filter({ has: page.getByRole("link", { name: company, exact: true }) });
  }

  /** The queue's rows, oldest waiting first (the order the officer reads them in). */
  async function assertOldestFirst(page: Page): Promise<void> {
    const since = await page.getByTestId("queue-row").locator("time").evaluateAll((ts) => ts.map((el) => el.getAttribute("datetime")!));
    assert.ok(since.length > 0, "the queue lists cases");
    assert.deepEqual([...since].sort(), since, "oldest waiting first");
  }

  /** In the queue, the officer finds the company waiting on its application and assigns it to themself; then opens the case. */
  async function assignAndOpen(page: Page, lang: Lang, company: string, officerName: string, L: string): Promise<string> {
    const t = T[lang];
    await openQueue(page, lang, `${L}-officer-05`);
    await assertOldestFirst(page);
    const row = queueRow(page, company);
    const mine = (await rows(page.getByTestId("queue"))).find((r) => r[0] === company);
    assert.ok(mine, `${company} is in the queue`);
    assert.equal(mine[2], t.waiting.application);
    assert.equal(mine[3], t.statuses.submitted);
    assert.equal(mine[5], t.nobody);
    await row.getByRole("button", { name: t.assignLabel(company), exact: true }).click();
    await page.waitForURL(new RegExp(`/${lang}/staff/pip\\?assigned=\\d+$`));
    const caseId = /assigned=(\d+)$/.exec(page.url())![1]!;
    await onPage(page, lang, t.queueTitle, `${L}-officer-06-assigned`);
    await noticeOrText(page, t.assigned(company)).first().waitFor();
    const after = (await rows(page.getByTestId("queue"))).find((r) => r[0] === company)!;
    assert.equal(after[3], t.statuses.underReview, "assigning starts the review");
    assert.equal(after[5], officerName);
    await assertOldestFirst(page);
    await queueRow(page, company).getByRole("link", { name: company, exact: true }).click();
    await page.waitForURL(`**/${lang}/staff/pip/cases/${caseId}`);
    await onPage(page, lang, t.caseTitle(company), `${L}-officer-07-case`, "case");
    const c = await details(page.getByTestId("case"));
    assert.equal(c[t.caseStatus], t.statuses.underReview);
    assert.equal(c[t.assignedTo], officerName);
    return caseId;
  }

  async function caseFacts(page: Page): Promise<Record<string, string>> {
    return details(page.getByTestId("case"));
  }

  for (const lang of ["en", "fr"] as const) {
    const t = T[lang];
    const w = WORDS[lang];

    it(`the owner submits, the officer reviews, asks for information, validates the site and approves; the owner downloads the approval letter (${lang})`, async () => {
      const L = `review-approval-${lang}`;
      const who = cast(lang);
      const { owner, company } = who.approval;
      suite.portal.clock.set(who.start);
      const companyId = await ownerWithCompleteCompany(lang, owner, company);
      const base = `${suite.server.baseUrl}/${lang}/companies/${companyId}`;

      // ---- the owner signs in and submits ----------------------------------------------------
      const ownerContext = await newContext(lang);
      let page = await ownerContext.newPage();
      const ownerProblems = watchProblems(page);
      await signIn(ownerContext, page, owner, companyId, `${L}-owner-00-sign-in`);
      const reference = await submitApplication(page, lang, owner, companyId, L);

      // ---- the officer: queue, assign, the case, a finding, a request for information --------
      const desk = await officer(lang, L);
      page = desk.page;
      const caseId = await assignAndOpen(page, lang, company, desk.name, L);
      const caseUrl = `${suite.server.baseUrl}/${lang}/staff/pip/cases/${caseId}`;
      assert.equal((await details(page.getByTestId("submission")))[t.caseReference], reference, "the case shows the submission");
      assert.equal((await caseFacts(page))[t.waitingOn], t.waiting.application);

      // A finding on the item: meets, with a note.
      const general = page.locator("section#app-general");
      await general.locator("details > summary").filter({ hasText: t.findingsFor(generalPart(lang)) }).click();
      await general.locator(`gcds-radios[name="o-app-${ITEM}"]`).getByText(t.meets, { exact: true }).click();
      await general.getByRole("textbox", { name: t.findingNote(ITEM), exact: true }).fill(w.finding);
      await general.getByRole("button", { name: t.saveFindings, exact: true }).click();
      await page.waitForURL(`${caseUrl}?done=findings#app-general`);
      await onPage(page, lang, t.caseTitle(company), `${L}-officer-09-finding-saved`, "case");
      await noticeOrText(page, t.findingsSaved).first().waitFor();
      assert.equal(await says(page.locator(`section#app-general tr[data-item="${ITEM}"] [data-testid=finding]`)), `${t.meets} — ${w.finding}`);

      // The request: a message, the item, the default due date (30 days on).
      const rfi = page.locator("section#rfi");
      await rfi.getByRole("textbox", { name: t.rfiMessage }).fill(w.rfi);
      // The items are checkboxes folded in a details panel: open it, then choose the item.
      await rfi.locator("gcds-details").getByText(t.rfiItemsChoose, { exact: false }).first().click();
      await rfi.locator('gcds-checkboxes[name="items"]').getByText(t.rfiItemOption(ITEM), { exact: true }).click();
      const dueOn = await rfi.getByRole("textbox", { name: t.rfiDueOn }).inputValue();
      assert.equal(dueOn, ottawaDay(suite.portal.clock.now(), 30), "30 days from today by default");
      await rfi.getByRole("button", { name: t.rfiButton, exact: true }).click();
      await page.waitForURL(`${caseUrl}?done=rfi`);
      await onPage(page, lang, t.caseTitle(company), `${L}-officer-10-rfi-sent`, "case");
      await noticeOrText(page, t.rfiSent).first().waitFor();
      assert.equal((await caseFacts(page))[t.caseStatus], t.statuses.informationRequested);
      const requested = await rows(page.getByTestId("requests"));
      assert.equal(requested.length, 1);
      assert.equal(requested[0]![1], w.rfi);
      assert.equal(requested[0]![2], ITEM);
      const requestedOn = formatDate(lang, suite.portal.clock.now());

      // ---- the owner: the request on the dashboard, the item changed, the response -----------
      page = ownerContext.pages()[0]!;
      await page.goto(base);
      await onPage(page, lang, t.dashboard, `${L}-owner-05-dashboard-request`);
      assert.equal(await membershipStatus(page, lang), t.statuses.informationRequested);
      const app = page.getByTestId("dashboard-application");
      await app.getByRole("heading", { name: t.requestsHeading, exact: true }).waitFor();
      assert.deepEqual((await page.getByTestId("open-requests").locator("li").allInnerTexts()).map(fold), [t.dashboardRequest(requestedOn, day(lang, dueOn))]);
      await app.getByRole("link", { name: t.openRequest(day(lang, dueOn)), exact: true }).click();
      await page.waitForURL(new RegExp(`/${lang}/companies/${companyId}/requests/\\d+$`));
      const requestUrl = page.url();
      await onPage(page, lang, t.requestTitle, `${L}-owner-06-request`);
      const request = await details(page.getByTestId("request"));
      assert.equal(request[t.dueOn], day(lang, dueOn));
      assert.equal(request[t.requestMessage], w.rfi);
      const itemText = t.itemApplication(ITEM, generalPart(lang));
      assert.deepEqual((await page.getByTestId("request-items").locator("li").allInnerTexts()).map(fold), [itemText]);
      await page.getByTestId("request-items").getByRole("link", { name: itemText, exact: true }).click();
      await page.waitForURL(`${base}/application/parts/general`);
      await onPage(page, lang, t.partTitle(generalPart(lang)), `${L}-owner-07-part`);
      const ports = page.locator(`gcds-textarea[name="a-${ITEM}"] textarea`);
      await ports.fill(w.ports);
      await page.getByRole("button", { name: t.saveAndComeBack, exact: true }).click();
      await page.waitForURL(`${base}/application?saved=1`);
      await noticeOrText(page, t.savedLaterNotice).first().waitFor();
      await onPage(page, lang, t.applicationTitle, `${L}-owner-08-application-saved`);
      await page.getByRole("link", { name: t.backToPipDashboard, exact: true }).click();
      await page.waitForURL(base);
      await onPage(page, lang, t.dashboard, `${L}-owner-09-dashboard-back`);
      await page.getByTestId("dashboard-application").getByRole("link", { name: t.openRequest(day(lang, dueOn)), exact: true }).click();
      await page.waitForURL(requestUrl);
      await onPage(page, lang, t.requestTitle, `${L}-owner-10-request-again`);
      assert.deepEqual(
        (await rows(page.getByTestId("checklist"))).map((r) => r[1]),
        [t.complete, t.complete, t.complete],
      );
      await field(page, t.declaredName).fill(fullName(owner));
      await page.getByRole("button", { name: t.respondButton, exact: true }).click();
      await page.waitForURL(new RegExp(`/${lang}/companies/${companyId}/submissions/\\d+/submitted$`));
      await onPage(page, lang, t.responseSubmittedTitle, `${L}-owner-11-response-submitted`);
      const response = await details(page.getByTestId("submission"));
      assert.match(response[t.reference]!, REFERENCE);
      assert.notEqual(response[t.reference], reference, "the response has its own reference");
      assert.equal(response[t.kindLabel], t.kindResponse);

      // ---- the officer: the response waiting, the site validation, the approval --------------
      page = desk.page;
      await page.goto(caseUrl);
      await onPage(page, lang, t.caseTitle(company), `${L}-officer-11-response`, "case");
      let facts = await caseFacts(page);
      assert.equal(facts[t.caseStatus], t.statuses.underReview);
      assert.equal(facts[t.waitingOn], t.waiting.response);
      const differences = await rows(page.getByTestId("differences"));
      const changedPorts = differences.find((r) => r[0]!.includes(ITEM));
      assert.ok(changedPorts, `the differences name ${ITEM}: ${JSON.stringify(differences)}`);
      assert.equal(changedPorts[1], t.changed);
      assert.equal(changedPorts[3], w.ports, "the answer as the owner changed it");
      assert.notEqual((await rows(page.getByTestId("requests")))[0]![4], t.notResponded, "the request is answered");

      const visitOn = ottawaDay(suite.portal.clock.now(), 7);
      const sv = page.locator("section#sv");
      await sv.getByRole("textbox", { name: t.svDate }).fill(visitOn);
      await sv.getByRole("combobox", { name: t.svFacility }).selectOption({ label: "Main warehouse" });
      await sv.getByRole("button", { name: t.svButton, exact: true }).click();
      await page.waitForURL(`${caseUrl}?done=sv`);
      await onPage(page, lang, t.caseTitle(company), `${L}-officer-12-sv-scheduled`, "case");
      await noticeOrText(page, t.svScheduled).first().waitFor();
      assert.equal((await caseFacts(page))[t.caseStatus], t.statuses.siteValidation);

      const outcome = page.locator("section#sv-outcome");
      await outcome.locator("gcds-radios[name=svOutcome]").getByText(t.satisfactory, { exact: true }).click();
      await outcome.getByRole("textbox", { name: t.svOutcomeNote }).fill(w.svNote);
      await outcome.getByRole("button", { name: t.svOutcomeButton, exact: true }).click();
      await page.waitForURL(`${caseUrl}?done=svOutcome`);
      await onPage(page, lang, t.caseTitle(company), `${L}-officer-13-sv-recorded`, "case");
      await noticeOrText(page, t.svRecorded).first().waitFor();
      const visits = await rows(page.getByTestId("site-validations"));
      assert.deepEqual(visits.map((r) => r.slice(1)), [["Main warehouse", t.satisfactory, w.svNote]]);

      const approve = page.locator("section#decide-approve");
      await approve.getByRole("textbox", { name: t.reasonsOptional }).fill(w.approve);
      await approve.getByRole("button", { name: t.approveButton, exact: true }).click();
      await page.waitForURL(new RegExp(`/${lang}/staff/pip/cases/${caseId}\\?done=decision&ref=D-\\d{4}-\\d{6,}$`));
      const decision = /ref=(D-\d{4}-\d{6,})$/.exec(page.url())![1]!;
      await onPage(page, lang, t.caseTitle(company), `${L}-officer-14-approved`, "case");
      await noticeOrText(page, t.decided(decision)).first().waitFor();
      facts = await caseFacts(page);
      assert.equal(facts[t.caseStatus], t.statuses.member);
      assert.deepEqual(desk.problems, [], "the officer's pages reported no problem");

      // ---- the owner: Member, and the approval letter from the record ------------------------
      page = ownerContext.pages()[0]!;
      await page.goto(base);
      await onPage(page, lang, t.dashboard, `${L}-owner-12-dashboard-member`);
      assert.equal(await membershipStatus(page, lang), t.statuses.member);
      await page.getByTestId("dashboard-application").getByRole("link", { name: t.record, exact: true }).click();
      await page.waitForURL(`${base}/record`);
      await onPage(page, lang, t.recordTitle, `${L}-owner-13-record`);
      const decisions = await rows(page.getByTestId("decisions"));
      assert.equal(decisions.length, 1);
      assert.equal(decisions[0]![0], decision);
      assert.equal(decisions[0]![1], t.approved);
      const submissions = (await rows(page.getByTestId("submissions"))).map((r) => r[0]);
      assert.deepEqual(submissions, [response[t.reference], reference], "newest first");
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.downloadLetterOf(decision), exact: true }).click()]);
      assert.equal(download.suggestedFilename(), `${decision}.pdf`);
      const saved = join(tmp, `${L}-${decision}.pdf`);
      await download.saveAs(saved);
      const { stdout } = await run("/usr/bin/pdftotext", [saved, "-"]);
      const letter = fold(stdout);
      const here = letter.indexOf(LETTER_MEMBER[lang]);
      const other = letter.indexOf(LETTER_MEMBER[lang === "en" ? "fr" : "en"]);
      assert.ok(here >= 0, `the letter says, in ${lang}, that the company is a member: ${letter.slice(0, 600)}`);
      assert.ok(other >= 0, `and in the other language: ${letter.slice(0, 600)}`);
      assert.ok(here < other, "the company's language first");
      assert.ok(letter.includes(company), "the letter names the company");
      assert.ok(letter.includes(decision), "and carries the decision's reference");
      assert.deepEqual(ownerProblems, [], "the owner's pages reported no problem");
      await ownerContext.close();
    });

    it(`the officer proposes a denial, the owner asks for an informal review, the case is back in the queue (${lang})`, async () => {
      const L = `review-denial-${lang}`;
      const who = cast(lang);
      const { owner, company } = who.denial;
      const companyId = await ownerWithCompleteCompany(lang, owner, company);
      const base = `${suite.server.baseUrl}/${lang}/companies/${companyId}`;

      const ownerContext = await newContext(lang);
      let page = await ownerContext.newPage();
      const ownerProblems = watchProblems(page);
      await signIn(ownerContext, page, owner, companyId, `${L}-owner-00-sign-in`);
      await submitApplication(page, lang, owner, companyId, L);

      // ---- the officer assigns the case and proposes a denial --------------------------------
      const desk = await officer(lang, L);
      page = desk.page;
      const caseId = await assignAndOpen(page, lang, company, desk.name, L);
      const caseUrl = `${suite.server.baseUrl}/${lang}/staff/pip/cases/${caseId}`;
      const propose = page.locator("section#decide-propose-denial");
      await propose.getByRole("textbox", { name: t.reasons }).fill(w.propose);
      await propose.getByRole("button", { name: t.proposeButton, exact: true }).click();
      await page.waitForURL(new RegExp(`^${caseUrl.replace(/[.?]/g, "\\$&")}\\?done=decision&ref=D-\\d{4}-\\d{6,}$`));
      const decision = /ref=(D-\d{4}-\d{6,})$/.exec(page.url())![1]!;
      await onPage(page, lang, t.caseTitle(company), `${L}-officer-08-proposed`, "case");
      await noticeOrText(page, t.decided(decision)).first().waitFor();
      assert.equal((await caseFacts(page))[t.caseStatus], t.statuses.denialProposed);

      // ---- the owner: the proposed denial, the informal review asked for ---------------------
      page = ownerContext.pages()[0]!;
      await page.goto(base);
      await onPage(page, lang, t.dashboard, `${L}-owner-05-dashboard-proposed`);
      assert.equal(await membershipStatus(page, lang), t.statuses.denialProposed);
      const app = page.getByTestId("dashboard-application");
      await app.getByRole("heading", { name: new RegExp(`${t.denialProposed.replace(/[.?]/g, "\\$&")}$`) }).waitFor();
      assert.ok((await says(app)).includes(t.informalUntil("").slice(0, -1)), "with the informal review's time limit");
      await app.getByRole("link", { name: t.informalTitle, exact: true }).click();
      await page.waitForURL(`${base}/informal-review`);
      await onPage(page, lang, t.informalTitle, `${L}-owner-06-informal`);
      await page.getByRole("textbox", { name: t.statement }).fill(w.statement);
      await page.getByRole("button", { name: t.informalButton, exact: true }).click();
      await page.waitForURL(`${base}/informal-review?requested=1`);
      await onPage(page, lang, t.informalTitle, `${L}-owner-07-informal-requested`);
      await noticeOrText(page, t.informalDone).first().waitFor();
      await page.getByRole("link", { name: t.backToDashboard, exact: true }).click();
      await page.waitForURL(base);
      await onPage(page, lang, t.dashboard, `${L}-owner-08-dashboard-under-review`);
      assert.equal(await membershipStatus(page, lang), t.statuses.underReview);
      assert.equal(await app.getByRole("link", { name: t.informalTitle, exact: true }).count(), 0, "asked once");
      assert.deepEqual(ownerProblems, [], "the owner's pages reported no problem");
      await ownerContext.close();

      // ---- the officer: the case back in the queue, waiting on the informal review -----------
      page = desk.page;
      await openQueue(page, lang, `${L}-officer-09`);
      await assertOldestFirst(page);
      const row = (await rows(page.getByTestId("queue"))).find((r) => r[0] === company);
      assert.ok(row, `${company} is in the queue again`);
      assert.equal(row[2], t.waiting.informal);
      assert.equal(row[3], t.statuses.underReview);
      assert.equal(row[5], desk.name, "still the officer's case");
      assert.deepEqual(desk.problems, [], "the officer's pages reported no problem");
    });
  }
});
