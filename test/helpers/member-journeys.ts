// What the browser journeys of a member's life (test/e2e/member-life.test.ts) read and type, in
// English and in French: the words of the pages, written out here (not read from src/web/i18n)
// so that a wrong word on a page fails the test; the people, companies and officers of each
// run; and small readers of what a person sees (a description list, a table's rows).
import type { Locator } from "playwright-core";
import { PASSWORD, type Person } from "./identity.ts";
import { formatDate } from "../../src/web/i18n/index.ts";

export type Lang = "en" | "fr";

const NBSP = "\u00a0";

/** An English sentence ending in a time that has its own full stop ("9:02 a.m.") takes no second one. */
const endSentence = (when: string): string => (when.endsWith(".") ? when : `${when}.`);

export const MEMBER_T = {
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
    // Staff sign-in.
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
    // The dashboard.
    dashboard: "PIP dashboard",
    membershipStatus: "Membership status",
    statuses: {
      member: "Member",
      suspended: "Suspended",
      cancelled: "Cancelled",
      appealSubmitted: "Appeal submitted",
      revalidationDue: "Revalidation due",
      underReview: "Under review",
      withdrawn: "Withdrawn",
    },
    memberSince: (since: string, anniversary: string) => `Member since ${since}. The membership is due for revalidation on ${anniversary}.`,
    notification: (sentence: string, status: string) => `${sentence} Membership status: ${status}.`,
    told: {
      changesAccepted: "The CBSA accepted the changes submitted to the profiles.",
      suspend: "The CBSA suspended the company's membership.",
      reinstate: "The CBSA reinstated the company's membership.",
      cancel: "The CBSA cancelled the company's membership.",
      grantAppeal: "The CBSA granted the appeal: the membership is reinstated.",
      revalidationDue: "The membership has reached its 4-year anniversary: the company must revalidate.",
      approve: "The CBSA approved the application: the company is a Partners in Protection member.",
    },
    dashboardChanges: (n: number) => (n === 1 ? "1 change since your last submission:" : `${n} changes since your last submission:`),
    dashboardChangesInReview: "The CBSA is looking at what your company submitted last. Changes you save now are drafts until it is done.",
    dashboardNoChanges: "No changes since your last submission.",
    dashboardSuspended: "Your company's membership is suspended.",
    dashboardActionPlanDue: (due: string) => `The action plan the CBSA asked for is due on ${due}.`,
    dashboardActionPlanSubmitted: (when: string) => `The action plan was submitted on ${endSentence(when)} The CBSA will reinstate or cancel the membership.`,
    actionPlanLink: "Submit the action plan",
    dashboardCancelled: "Your company's membership is cancelled.",
    dashboardAppealUntil: (when: string) => `The account owner may appeal this decision until ${endSentence(when)}`,
    appealButton: "Appeal this decision",
    dashboardRevalidationDueTitle: "The membership is due for revalidation",
    dashboardRevalidationDue: (by: string) => `The membership is due for revalidation: review your profiles and resubmit them by ${by}, or the membership will be suspended.`,
    dashboardResubmit: "Resubmit the profiles",
    dashboardWithdraw: "Withdraw from the program",
    // Editing an answer.
    partTitle: (part: string) => `Application profile: ${part}`,
    saveAndComeBack: "Save and come back later",
    savedLaterNotice: "Your answers are saved. You can come back to them at any time.",
    applicationTitle: "Application profile",
    backToPipDashboard: "Back to the PIP dashboard",
    // Submitting changes.
    changesTitle: "Submit changes",
    changesCaption: "What changed since the last submission",
    changeWhere: (id: string, text: string) => `Application profile: ${id} — ${text}`,
    changed: "Changed",
    changesButton: "Submit changes",
    changesSubmittedTitle: "Changes submitted",
    declaredName: "Your full name",
    reference: "Reference",
    kindLabel: "Kind",
    kinds: { changes: "Changes", actionPlan: "Action plan", appeal: "Appeal", resubmission: "Resubmission for revalidation" },
    submittedBy: "Submitted by",
    backToDashboard: "Back to the dashboard",
    // The action plan and the appeal.
    actionPlanTitle: "Action plan",
    actionPlanReasons: "What the CBSA wrote",
    actionPlanDueOn: "Due date",
    noFiles: "No file attached.",
    chooseFile: "File to attach",
    attachButton: "Attach the file",
    fileAttached: "The file was attached.",
    notScanned: "Not scanned",
    actionPlanStatement: "Your action plan",
    actionPlanButton: "Submit the action plan",
    actionPlanSubmittedTitle: "Action plan submitted",
    appealTitle: "Appeal the cancellation",
    appealDeadline: (when: string) => `You may appeal until ${endSentence(when)}`,
    appealStatement: "Statement of appeal",
    appealButton2: "Submit the appeal",
    appealSubmittedTitle: "Appeal submitted",
    // Resubmitting for revalidation.
    resubmitTitle: "Resubmit your profiles for revalidation",
    resubmitButton: "Resubmit the profiles",
    complete: "Complete",
    resubmittedTitle: "Your profiles were resubmitted for revalidation",
    // Withdrawal.
    withdrawTitle: "Withdraw from the Partners in Protection program",
    withdrawReason: "Reason",
    withdrawButton: "Withdraw from the program",
    withdrawnTitle: "Your company withdrew from the program",
    withdrawnText: "Every user of the company was told by email and on the dashboard.",
    // The queue.
    queueTitle: "PIP review queue",
    search: "Company (legal name or client number)",
    apply: "Apply the filters",
    closedFlag: "Closed",
    nobody: "Nobody",
    assignLabel: (company: string) => `Assign the case of ${company} to me`,
    assigned: (company: string) => `The case of ${company} is assigned to you.`,
    waiting: {
      changes: "Changes",
      actionPlanDue: "Action plan (due from the company)",
      actionPlan: "Action plan",
      appeal: "Appeal",
      resubmission: "Revalidation",
    },
    // The case.
    caseTitle: (company: string) => `Review case: ${company}`,
    caseStatus: "Membership status",
    waitingOn: "Waiting on",
    assignedTo: "Assigned to",
    acceptChangesNote: "Note for the file",
    acceptChangesButton: "Accept the changes",
    changesAccepted: "The changes were accepted and the company was told.",
    reasons: "Reasons, written to the company",
    suspendDueOn: "Action plan due date",
    suspendButton: "Suspend the membership",
    notSubmitted: "Not submitted",
    reinstateButton: "Reinstate the membership",
    cancelButton: "Cancel the membership",
    grantButton: "Grant the appeal",
    sameOfficer: "The officer who cancelled the membership cannot decide its appeal.",
    decided: (ref: string) => `The decision was recorded (${ref}) and the company was told.`,
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
    dashboard: "Tableau de bord PEP",
    membershipStatus: "Statut d’adhésion",
    statuses: {
      member: "Membre",
      suspended: "Suspendue",
      cancelled: "Annulée",
      appealSubmitted: "Appel présenté",
      revalidationDue: "Revalidation requise",
      underReview: "En cours d’examen",
      withdrawn: "Retirée",
    },
    memberSince: (since: string, anniversary: string) => `Membre depuis le ${since}. L’adhésion devra être revalidée le ${anniversary}.`,
    notification: (sentence: string, status: string) => `${sentence} Statut de l’adhésion${NBSP}: ${status}.`,
    told: {
      changesAccepted: "L’ASFC a accepté les changements soumis aux profils.",
      suspend: "L’ASFC a suspendu l’adhésion de l’entreprise.",
      reinstate: "L’ASFC a rétabli l’adhésion de l’entreprise.",
      cancel: "L’ASFC a annulé l’adhésion de l’entreprise.",
      grantAppeal: `L’ASFC a accueilli l’appel${NBSP}: l’adhésion est rétablie.`,
      revalidationDue: `L’adhésion a atteint son quatrième anniversaire${NBSP}: l’entreprise doit la revalider.`,
      approve: `L’ASFC a approuvé la demande${NBSP}: l’entreprise est membre du programme Partenaires en protection.`,
    },
    dashboardChanges: (n: number) => (n === 1 ? `1 changement depuis votre dernière soumission${NBSP}:` : `${n} changements depuis votre dernière soumission${NBSP}:`),
    dashboardChangesInReview: "L’ASFC examine ce que votre entreprise a soumis en dernier. Les changements que vous enregistrez maintenant restent des ébauches jusqu’à la fin de l’examen.",
    dashboardNoChanges: "Aucun changement depuis votre dernière soumission.",
    dashboardSuspended: "L’adhésion de votre entreprise est suspendue.",
    dashboardActionPlanDue: (due: string) => `Le plan d’action demandé par l’ASFC est attendu le ${due}.`,
    dashboardActionPlanSubmitted: (when: string) => `Le plan d’action a été soumis le ${when}. L’ASFC rétablira ou annulera l’adhésion.`,
    actionPlanLink: "Soumettre le plan d’action",
    dashboardCancelled: "L’adhésion de votre entreprise est annulée.",
    dashboardAppealUntil: (when: string) => `Le propriétaire du compte peut interjeter appel de cette décision jusqu’au ${when}.`,
    appealButton: "Interjeter appel de cette décision",
    dashboardRevalidationDueTitle: "L’adhésion doit être revalidée",
    dashboardRevalidationDue: (by: string) =>
      `L’adhésion doit être revalidée${NBSP}: revoyez vos profils et soumettez-les de nouveau au plus tard le ${by}, sinon l’adhésion sera suspendue.`,
    dashboardResubmit: "Soumettre de nouveau les profils",
    dashboardWithdraw: "Se retirer du programme",
    partTitle: (part: string) => `Profil de la demande${NBSP}: ${part}`,
    saveAndComeBack: "Enregistrer et revenir plus tard",
    savedLaterNotice: "Vos réponses sont enregistrées. Vous pouvez y revenir en tout temps.",
    applicationTitle: "Profil de la demande",
    backToPipDashboard: "Retour au tableau de bord PEP",
    changesTitle: "Soumettre des changements",
    changesCaption: "Ce qui a changé depuis la dernière soumission",
    changeWhere: (id: string, text: string) => `Profil de la demande\u00a0: ${id} — ${text}`,
    changed: "Modifié",
    changesButton: "Soumettre les changements",
    changesSubmittedTitle: "Changements soumis",
    declaredName: "Votre nom complet",
    reference: "Numéro de référence",
    kindLabel: "Type",
    kinds: { changes: "Changements", actionPlan: "Plan d’action", appeal: "Appel", resubmission: "Nouvelle soumission pour la revalidation" },
    submittedBy: "Soumise par",
    backToDashboard: "Retour au tableau de bord",
    actionPlanTitle: "Plan d’action",
    actionPlanReasons: "Ce que l’ASFC a écrit",
    actionPlanDueOn: "Date d’échéance",
    noFiles: "Aucun fichier joint.",
    chooseFile: "Fichier à joindre",
    attachButton: "Joindre le fichier",
    fileAttached: "Le fichier a été joint.",
    notScanned: "Non analysé",
    actionPlanStatement: "Votre plan d’action",
    actionPlanButton: "Soumettre le plan d’action",
    actionPlanSubmittedTitle: "Plan d’action soumis",
    appealTitle: "Interjeter appel de l’annulation",
    appealDeadline: (when: string) => `Vous pouvez interjeter appel jusqu’au ${when}.`,
    appealStatement: "Exposé de l’appel",
    appealButton2: "Soumettre l’appel",
    appealSubmittedTitle: "Appel soumis",
    resubmitTitle: "Soumettre de nouveau vos profils pour la revalidation",
    resubmitButton: "Soumettre de nouveau les profils",
    complete: "Rempli",
    resubmittedTitle: "Vos profils ont été soumis de nouveau pour la revalidation",
    withdrawTitle: "Se retirer du programme Partenaires en protection",
    withdrawReason: "Raison",
    withdrawButton: "Se retirer du programme",
    withdrawnTitle: "Votre entreprise s’est retirée du programme",
    withdrawnText: "Chaque utilisateur de l’entreprise en a été informé par courriel et sur le tableau de bord.",
    queueTitle: "File d’examen du PEP",
    search: "Entreprise (dénomination sociale ou numéro de client)",
    apply: "Appliquer les filtres",
    closedFlag: "Fermé",
    nobody: "Personne",
    assignLabel: (company: string) => `M’attribuer le dossier de ${company}`,
    assigned: (company: string) => `Le dossier de ${company} vous est attribué.`,
    waiting: {
      changes: "Changements",
      actionPlanDue: "Plan d’action (attendu de l’entreprise)",
      actionPlan: "Plan d’action",
      appeal: "Appel",
      resubmission: "Revalidation",
    },
    caseTitle: (company: string) => `Dossier d’examen${NBSP}: ${company}`,
    caseStatus: "État de l’adhésion",
    waitingOn: "En attente de",
    assignedTo: "Attribué à",
    acceptChangesNote: "Note au dossier",
    acceptChangesButton: "Accepter les changements",
    changesAccepted: "Les changements ont été acceptés et l’entreprise en a été informée.",
    reasons: "Motifs, transmis à l’entreprise",
    suspendDueOn: "Date d’échéance du plan d’action",
    suspendButton: "Suspendre l’adhésion",
    notSubmitted: "Non soumis",
    reinstateButton: "Rétablir l’adhésion",
    cancelButton: "Annuler l’adhésion",
    grantButton: "Accueillir l’appel",
    sameOfficer: "L’agent qui a annulé l’adhésion ne peut pas trancher son appel.",
    decided: (ref: string) => `La décision a été enregistrée (${ref}) et l’entreprise en a été informée.`,
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
  },
} as const;

/** What the people of each run type. */
export const MEMBER_WORDS = {
  en: {
    ports: "Halifax (Port of Halifax) and Saint John, since the new ocean service started",
    acceptNote: "The new port of entry is in the company's risk assessment.",
    suspend: "The seal log for outbound trailers was not kept between March and May.",
    plan: "The shipping supervisor now checks and signs the seal log at every departure; the log is audited monthly by the compliance manager.",
    fileName: "seal-log-procedure.pdf",
    reinstate: "The action plan answers every reason of the suspension.",
    cancel: "A second audit found the seal log still incomplete.",
    appeal: "The second audit was done the week the new procedure started; the log has been complete every day since, as the attached audit shows.",
    grant: "The log kept since the procedure started is complete.",
    svNote: "Seal log, perimeter fencing and camera coverage seen and in order.",
    approve: "The membership is revalidated.",
    withdraw: "The company is leaving cross-border trade.",
  },
  fr: {
    ports: "Halifax (port de Halifax) et Saint John, depuis le début du nouveau service maritime",
    acceptNote: "Le nouveau point d’entrée figure dans l’évaluation des risques de l’entreprise.",
    suspend: "Le registre des scellés des remorques sortantes n’a pas été tenu de mars à mai.",
    plan: "Le superviseur de l’expédition vérifie et signe désormais le registre des scellés à chaque départ; le registre est vérifié chaque mois par la gestionnaire de la conformité.",
    fileName: "procedure-registre-scelles.pdf",
    reinstate: "Le plan d’action répond à chacun des motifs de la suspension.",
    cancel: "Une deuxième vérification a trouvé le registre des scellés encore incomplet.",
    appeal: "La deuxième vérification a eu lieu la semaine où la nouvelle procédure a commencé; le registre est complet chaque jour depuis, comme le montre la vérification jointe.",
    grant: "Le registre tenu depuis le début de la procédure est complet.",
    svNote: "Registre des scellés, clôture du périmètre et caméras vus et en ordre.",
    approve: "L’adhésion est revalidée.",
    withdraw: "L’entreprise quitte le commerce transfrontalier.",
  },
} as const;

/** The people of each run: the account owner (and their company), and two PIP officers. */
export function memberCast(lang: Lang) {
  const p = (givenName: string, familyName: string, email: string): Person => ({ username: `mlife${lang}own01`, password: PASSWORD, email, givenName, familyName, lang });
  return lang === "en"
    ? {
        owner: p("Avery", "MacDonald", "avery.macdonald@example.ca"),
        company: "Harbourfront Freight Ltd.",
        officerA: { username: "mlifeenofficera", displayName: "Casey Officer" },
        officerB: { username: "mlifeenofficerb", displayName: "Jordan Reviewer" },
      }
    : {
        owner: p("Hélène", "Bélanger", "helene.belanger@exemple.ca"),
        company: "Entrepôts Saint-Laurent inc.",
        officerA: { username: "mlifefrofficera", displayName: "Claude Agente" },
        officerB: { username: "mlifefrofficerb", displayName: "Sacha Réviseure" },
      };
}

export const fullName = (p: Person) => `${p.givenName} ${p.familyName}`;
/** Runs of white space as one space; a no-break space (French typography) stays. */
export const fold = (s: string) => s.replace(/[ \t\n\r\f]+/g, " ").trim();
/** A YYYY-MM-DD date as the pages write it. */
export const day = (lang: Lang, iso: string) => formatDate(lang, new Date(`${iso}T12:00:00Z`));

/** Today in Ottawa, YYYY-MM-DD, `plus` days on. */
export function ottawaDay(now: Date, plus = 0): string {
  const d = new Date(now.getTime() + plus * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

export async function says(locator: Locator): Promise<string> {
  return fold(await locator.innerText());
}

/** A description list as a person reads it: each term with its description. */
export async function details(scope: Locator): Promise<Record<string, string>> {
  const pairs = await scope.locator("dt").evaluateAll((dts) => dts.map((dt) => [(dt as HTMLElement).innerText, (dt.nextElementSibling as HTMLElement).innerText]));
  return Object.fromEntries(pairs.map(([k, v]) => [fold(k!), fold(v!)]));
}

/** A table's body rows as a person reads them. */
export async function rows(table: Locator): Promise<string[][]> {
  return table.locator("tbody tr").evaluateAll((trs) => trs.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.innerText.replace(/[ \t\n\r\f]+/g, " ").trim())));
}
