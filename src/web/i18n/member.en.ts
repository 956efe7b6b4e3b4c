// English words of a member's life (APP-5 changes, APP-13 action plans, APP-14 appeals,
// withdrawal, APP-16's download) on the trader's pages and the dashboard. member.fr.ts is typed
// against this object.
import { endSentence } from "./sentence.ts";

export const memberEn = {
  // Submitting changes (APP-5).
  changesTitle: "Submit changes",
  changesIntro: (reference: string) =>
    `Your company is a Partners in Protection member. Changes to your profiles are saved as drafts; the CBSA sees them only once the account owner submits them. These are the changes since your last submission, ${reference}.`,
  changesCaption: "What changed since the last submission",
  colWhere: "Where",
  colChange: "Change",
  changeKinds: { added: "Added", removed: "Removed", changed: "Changed" } as Record<string, string>,
  /** "Where: what", with each language's punctuation. */
  labelled: (where: string, what: string) => `${where}: ${what}`,
  companyProfile: "Company profile",
  applicationProfile: "Application profile",
  securityProfile: (division: string) => `Security profile, division ${division}`,
  divisionItself: "The division (name, lines, facilities)",
  changesButton: "Submit changes",
  blocked: {
    "not-member": "Changes are submitted once your company is a member. Until then, the application itself is submitted or reviewed.",
    "under-review": "The CBSA is reviewing something your company submitted. Your changes are saved as drafts; submit them once the review is over (a response to a request for information is submitted from the request).",
    "no-changes": "Nothing changed in your profiles since your last submission.",
    "not-ready": "Some profile is not complete: complete it, then submit the changes.",
  } as Record<string, string>,
  changesRefusedTitle: "The changes cannot be submitted now",
  changesSubmittedTitle: "Changes submitted",

  // The dashboard (APP-1).
  memberSince: (since: string, anniversary: string) => `Member since ${since}. The membership is due for revalidation on ${anniversary}.`,
  dashboardChanges: (n: number) => (n === 1 ? "1 change since your last submission:" : `${n} changes since your last submission:`),
  dashboardMoreChanges: (n: number) => (n === 1 ? "and 1 more" : `and ${n} more`),
  dashboardNoChanges: "No changes since your last submission.",
  dashboardChangesInReview: "The CBSA is looking at what your company submitted last. Changes you save now are drafts until it is done.",
  dashboardChangesOwnerOnly: "Only the account owner can submit changes.",
  dashboardSuspended: "Your company's membership is suspended.",
  dashboardActionPlanDue: (due: string) => `The action plan the CBSA asked for is due on ${due}.`,
  dashboardActionPlanSubmitted: (when: string) => `The action plan was submitted on ${endSentence(when)} The CBSA will reinstate or cancel the membership.`,
  dashboardCancelled: "Your company's membership is cancelled.",
  dashboardAppealUntil: (when: string) => `The account owner may appeal this decision until ${endSentence(when)}`,
  dashboardCancellationFinal: "The cancellation is final.",
  dashboardAppealOwnerOnly: "Only the account owner can appeal.",
  dashboardRevalidationDueTitle: "The membership is due for revalidation",
  dashboardRevalidationDue: (by: string) => `The membership is due for revalidation: review your profiles and resubmit them by ${by}, or the membership will be suspended.`,
  dashboardWithdraw: "Withdraw from the program",
  appealButton: "Appeal this decision",
  actionPlanLink: "Submit the action plan",
  actionPlanView: "See the action plan",

  // Statements: the action plan and the appeal (APP-13, APP-14).
  actionPlanTitle: "Action plan",
  actionPlanIntro: "The CBSA suspended your company's membership. Describe what your company has done and will do about the reasons below, attach what shows it, and submit the plan. A PIP officer then reinstates or cancels the membership.",
  actionPlanReasons: "What the CBSA wrote",
  actionPlanReasonsByJob: "The security profile was not resubmitted for revalidation within 90 days after the membership's anniversary. Review your profiles and submit them with your plan.",
  actionPlanDueOn: "Due date",
  actionPlanStatement: "Your action plan",
  actionPlanStatementHint: "What you changed, who is responsible, and by when.",
  actionPlanButton: "Submit the action plan",
  actionPlanClosed: "There is no action plan to submit now.",
  actionPlanSubmitted: (reference: string, when: string) => `The action plan was submitted on ${when} (submission ${reference}).`,
  actionPlanSubmittedTitle: "Action plan submitted",
  actionPlanOwnerOnly: "Only the account owner can submit the action plan.",

  appealTitle: "Appeal the cancellation",
  appealIntro: "Within 30 days of the cancellation, the account owner may appeal it. Explain why the membership should not be cancelled and attach what supports the appeal. A PIP officer other than the one who cancelled the membership decides it.",
  appealDeadline: (when: string) => `You may appeal until ${endSentence(when)}`,
  appealStatement: "Statement of appeal",
  appealStatementHint: "Why the cancellation should be reversed, and what your company has done since.",
  appealButton2: "Submit the appeal",
  appealClosedTitle: "The cancellation cannot be appealed now",
  appealClosedText: "An appeal is possible only within 30 days of a cancellation, once. The 30 days have passed, or the membership is not cancelled.",
  appealSubmittedTitle: "Appeal submitted",

  statementRequired: "Enter your statement.",
  statementTooLong: (max: number) => `The statement must be at most ${max} characters.`,
  pendingFiles: "A file is still being scanned for malware. Wait a moment, then submit again.",
  filesHeading: "Files (optional)",
  filesIntro: "Attach the files that support your statement before you write and submit it.",
  noFiles: "No file attached.",
  filesCaption: "Files attached to the statement",
  colFile: "File",
  colSize: "Size",
  colScan: "Malware scan",
  colRemove: "Remove",
  removeFile: (name: string) => `Remove ${name}`,
  chooseFile: "File to attach",
  attachButton: "Attach the file",
  fileAttached: "The file was attached.",
  fileRemoved: "The file was removed.",
  statementHeading: "Your statement",

  // Withdrawal.
  withdrawTitle: "Withdraw from the Partners in Protection program",
  withdrawIntro: "Withdrawing ends your company's application or membership. The CBSA stops any review under way, and every user of the company is told. To take part again later, your company would apply anew.",
  withdrawWarning: "This cannot be undone.",
  withdrawReason: "Reason",
  withdrawReasonHint: "The CBSA keeps it with the closed file.",
  withdrawButton: "Withdraw from the program",
  withdrawNotAllowedTitle: "Your company cannot withdraw now",
  withdrawNotAllowedText: (status: string) => `The membership status is ${status}: there is nothing to withdraw.`,
  withdrawnTitle: "Your company withdrew from the program",
  withdrawnText: "Every user of the company was told by email and on the dashboard.",
  reasonTooLong: (max: number) => `The reason must be at most ${max} characters.`,

  // APP-16's download.
  downloadRecord: "Download our record (JSON)",
  downloadRecordText: "Everything the portal holds about your company in one file that you can keep or give to another program: the company, its profiles, every submission with its SHA-256, the decisions and their letters, the users and their roles, and the company's timeline.",
};

export type MemberMessages = typeof memberEn;
