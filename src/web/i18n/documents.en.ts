// English words of the PDF documents: the bilingual PDF of a submission (APP-5,
// features/applications/submission-pdf.ts) and the decision letters (APP-13,
// features/review/decision-letter.ts). documents.fr.ts is typed against this object.
import type { SnapshotKind } from "../../domain/snapshot.ts";

export const documentsEn = {
  submission: {
    /** The H1 of the block and the PDF's title. */
    titles: {
      application: (reference: string) => `Partners in Protection application — submission ${reference}`,
      response: (reference: string) => `Partners in Protection application: response to a request for information — submission ${reference}`,
      changes: (reference: string) => `Partners in Protection application: changes — submission ${reference}`,
      appeal: (reference: string) => `Partners in Protection membership: appeal of the cancellation — submission ${reference}`,
      resubmission: (reference: string) => `Partners in Protection membership: revalidation — submission ${reference}`,
      "action-plan": (reference: string) => `Partners in Protection membership: action plan — submission ${reference}`,
    } satisfies Record<SnapshotKind, (reference: string) => string>,
    intro:
      "This is the company's copy of what it submitted to the Canada Border Services Agency (CBSA) in the Trusted Trader Portal. The submission itself is the snapshot identified by the SHA-256 below: it is kept as submitted and cannot be changed.",
    summaryHeading: "Submission",
    kind: "Kind of submission",
    kinds: {
      application: "Application",
      response: "Response to a request for information",
      changes: "Changes to the profiles",
      appeal: "Appeal of a cancellation",
      resubmission: "Revalidation",
      "action-plan": "Action plan",
    } satisfies Record<SnapshotKind, string>,
    reference: "Submission reference",
    submittedAt: "Submitted",
    submittedBy: "Submitted by",
    declaredName: "Name typed to sign the declaration",
    declaration:
      "By typing their full name, the account owner declared having signing authority for the company, and that the information submitted is true and complete.",
    catalogueVersion: "Questionnaire version",
    sha256: "SHA-256 of the snapshot",
    requestHeading: "The request for information answered",
    /** The heading of the company's own text: an appeal's statement, an action plan, or another statement. */
    statementHeading: (kind: SnapshotKind): string => (kind === "appeal" ? "Statement of appeal" : kind === "action-plan" ? "Action plan" : "Statement"),
    /** An action plan: what the suspension asked of the company, and by when. */
    actionPlanHeading: "What the suspension asked",
    actionPlanDueOn: "Action plan due by",
    statementFilesHeading: "Files attached",
    statementFile: (n: number) => `Attached file ${n}`,

    companyHeading: "Company profile",
    legalName: "Legal name",
    operatingName: "Operating name",
    clientNumber: "Client number",
    businessNumber: "Business number",
    carrierCode: "Carrier code",
    linesOfBusiness: "Lines of business",
    businessStart: "Business start date",
    employees: "Number of employees",
    website: "Website",
    headOffice: "Head office address",
    mailingAddress: "Mailing address",
    mailingSame: "Same as the head office address",
    primaryContact: "Primary contact",
    facilitiesHeading: "Facilities",
    noFacilities: "No facilities.",
    notProvided: "Not provided",
    countries: { CA: "Canada", US: "United States" } as Record<string, string>,

    applicationHeading: "Application profile",
    securityHeading: (division: string) => `Security profile — ${division}`,
    securityProfile: "Security profile",
    noDivisions: "No division of the business.",
    divisionLines: "Lines of business of the division",
    divisionFacilities: "Facilities of the division",
    otherAnswersHeading: "Other answers kept with the submission",
    otherAnswersIntro:
      "These answers are in the snapshot, but their questions are not part of this profile any more (a line of business was removed, or the question was retired).",
    unknownItem: "(question not in this version of the questionnaire)",

    answer: "Answer",
    explanation: "Explanation",
    notAnswered: "Not answered",
    yes: "Yes",
    no: "No",
    confirmed: "Yes (confirmed)",
    number: (value: string, unit: string | undefined) => (unit ? `${value} ${unit}` : value),
    companyUser: (id: string) => `Portal user no. ${id}`,
    companyUserNamed: (name: string, id: string) => `${name} (portal user no. ${id})`,

    evidenceFile: (n: number) => `Evidence file ${n}`,
    evidenceSize: "Size",
    evidenceType: "Type",
    evidenceSha256: "SHA-256 of the file",
    evidenceScan: "Malware scan",
    sizeBytes: (bytes: number, formatted: string) => (bytes === 1 ? "1 byte" : `${formatted} bytes`),
    sizeKb: (formatted: string) => `${formatted} KB`,
    sizeMb: (formatted: string) => `${formatted} MB`,
    sizeExact: (short: string, bytes: string) => `${short} (${bytes} bytes)`,
    scanStatuses: {
      pending: "Being scanned",
      clean: "Clean",
      infected: "Infected",
      error: "Could not be scanned",
      "not-scanned": "Not scanned",
    } as Record<string, string>,
  },

  letter: {
    title: (reference: string) => `Partners in Protection decision letter ${reference}`,
    clientNumber: "Client number",
    reference: "Reference",
    greeting: (company: string) => `To the account owner of ${company}:`,
    /** Each decision's heading and the paragraphs that say what it means. Dates come formatted. */
    decisions: {
      approve: {
        heading: "Your company is a Partners in Protection member",
        body: (p: { company: string; memberSince: string | null }) => [
          `The Canada Border Services Agency (CBSA) has approved the application of ${p.company}. Your company is a member of the Partners in Protection (PIP) program${p.memberSince ? ` as of ${p.memberSince}` : ""}.`,
          "The membership is revalidated every 4 years: after its anniversary, the portal will ask you to review and resubmit your security profile, and a new site validation will follow. Until then, keep your company, application and security profiles up to date in the Trusted Trader Portal, and submit any significant change to your security practices.",
        ],
      },
      "propose-denial": {
        heading: "We propose to deny your application",
        body: (p: { company: string; informalReviewBy: string | null }) => [
          `After reviewing the Partners in Protection (PIP) application of ${p.company}, the Canada Border Services Agency (CBSA) proposes to deny it, for the reasons below.`,
          p.informalReviewBy
            ? `The account owner may ask for an informal review of this proposal in the Trusted Trader Portal until ${p.informalReviewBy}. If no informal review is asked for by then, the application will be denied.`
            : "The account owner may ask for an informal review of this proposal in the Trusted Trader Portal within 30 days. If no informal review is asked for by then, the application will be denied.",
        ],
      },
      deny: {
        heading: "Your application is denied",
        body: (p: { company: string }) => [
          `The Canada Border Services Agency (CBSA) has denied the Partners in Protection (PIP) application of ${p.company}, for the reasons below.`,
        ],
      },
      suspend: {
        heading: "Your company's membership is suspended",
        body: (p: { company: string; actionPlanDueOn: string | null }) => [
          `The Canada Border Services Agency (CBSA) has suspended the Partners in Protection (PIP) membership of ${p.company}, for the reasons below. While the membership is suspended, your company does not have the benefits of the program.`,
          p.actionPlanDueOn
            ? `Your company must carry out an action plan that addresses these reasons by ${p.actionPlanDueOn}. The CBSA will then reinstate or cancel the membership.`
            : "Your company must carry out an action plan that addresses these reasons. The CBSA will then reinstate or cancel the membership.",
        ],
      },
      "suspend-unrevalidated": {
        heading: "Your company's membership is suspended",
        body: (p: { company: string }) => [
          `The Partners in Protection (PIP) membership of ${p.company} is suspended: its security profile was not resubmitted for revalidation within 90 days after the membership's anniversary. While the membership is suspended, your company does not have the benefits of the program.`,
          "Review and resubmit your security profile in the Trusted Trader Portal.",
        ],
      },
      reinstate: {
        heading: "Your company's membership is reinstated",
        body: (p: { company: string }) => [
          `The Canada Border Services Agency (CBSA) has reinstated the Partners in Protection (PIP) membership of ${p.company}. Your company again has the benefits of the program.`,
        ],
      },
      cancel: {
        heading: "Your company's membership is cancelled",
        body: (p: { company: string }) => [
          `The Canada Border Services Agency (CBSA) has cancelled the Partners in Protection (PIP) membership of ${p.company}, for the reasons below.`,
          "The account owner may appeal this decision in the Trusted Trader Portal within 30 days of the cancellation. An officer other than the one who cancelled the membership decides the appeal.",
        ],
      },
      "grant-appeal": {
        heading: "Your appeal is granted: your company's membership is reinstated",
        body: (p: { company: string }) => [
          `The Canada Border Services Agency (CBSA) has granted the appeal of ${p.company} against the cancellation of its Partners in Protection (PIP) membership. The membership is reinstated and your company again has the benefits of the program.`,
        ],
      },
      "dismiss-appeal": {
        heading: "Your appeal is dismissed",
        body: (p: { company: string }) => [
          `The Canada Border Services Agency (CBSA) has dismissed the appeal of ${p.company} against the cancellation of its Partners in Protection (PIP) membership, for the reasons below. The cancellation stands, and this decision is final.`,
        ],
      },
      "revalidation-due": {
        heading: "Your company's membership is due for revalidation",
        body: (p: { company: string; anniversaryOn: string | null; resubmitBy: string | null }) => [
          p.anniversaryOn
            ? `The Partners in Protection (PIP) membership of ${p.company} is revalidated every 4 years: it reached its anniversary on ${p.anniversaryOn} and is now due for revalidation.`
            : `The Partners in Protection (PIP) membership of ${p.company} is revalidated every 4 years: it has reached its anniversary and is now due for revalidation.`,
          p.resubmitBy
            ? `Review and resubmit your security profile in the Trusted Trader Portal by ${p.resubmitBy}. Otherwise, the membership will be suspended.`
            : "Review and resubmit your security profile in the Trusted Trader Portal within 90 days after the anniversary. Otherwise, the membership will be suspended.",
          "A new site validation will follow the resubmission.",
        ],
      },
    },
    reasonsHeading: "Reasons",
    memberSince: "Member since",
    anniversary: "Anniversary (revalidation)",
    resubmitBy: "Resubmit the security profile by",
    siteValidationHeading: "Site validation",
    siteValidationDate: "Date",
    siteValidationFacility: "Facility",
    siteValidationOutcome: "Outcome",
    siteValidationOutcomes: { satisfactory: "Satisfactory", unsatisfactory: "Unsatisfactory" } as Record<string, string>,
    siteValidationNoOutcome: "Not recorded",
    questions: (email: string, reference: string) =>
      `If you have questions about this letter, write to the Partners in Protection program, quoting the reference ${reference}:\n${email}`,
    closing: ["Partners in Protection program", "Canada Border Services Agency"],
  },
};

export type DocumentsMessages = typeof documentsEn;
