// English words of the membership state machine (APP-10): the statuses, what each transition
// tells the company (dashboard notification and email), in every person's language.
// membership.fr.ts is typed against this object.
import type { MembershipEvent, MembershipStatus, TransitionName } from "../../domain/membership.ts";

export const membershipEn = {
  statuses: {
    "not-applied": "Not applied yet",
    submitted: "Submitted",
    "under-review": "Under review",
    "information-requested": "Information requested",
    "site-validation": "Site validation",
    member: "Member",
    "denial-proposed": "Denial proposed",
    denied: "Denied",
    suspended: "Suspended",
    cancelled: "Cancelled",
    "appeal-submitted": "Appeal submitted",
    "revalidation-due": "Revalidation due",
    withdrawn: "Withdrawn",
  } satisfies Record<MembershipStatus, string>,
  /** What the company is told, one sentence per transition. */
  changed: {
    submit: "The application was submitted to the CBSA for review.",
    "start-review": "A PIP officer started reviewing the application.",
    "request-information": "The CBSA asked for more information.",
    respond: "The response to the request for information was submitted.",
    "schedule-site-validation": "The CBSA scheduled a site validation.",
    approve: "The CBSA approved the application: the company is a Partners in Protection member.",
    "propose-denial": "The CBSA proposes to deny the application. The account owner may ask for an informal review within 30 days.",
    "request-informal-review": "The account owner asked for an informal review of the proposed denial.",
    deny: "The CBSA denied the application.",
    suspend: "The CBSA suspended the company's membership.",
    reinstate: "The CBSA reinstated the company's membership.",
    cancel: "The CBSA cancelled the company's membership.",
    appeal: "The account owner appealed the cancellation.",
    "grant-appeal": "The CBSA granted the appeal: the membership is reinstated.",
    "dismiss-appeal": "The CBSA dismissed the appeal: the cancellation stands.",
    "revalidation-due": "The membership has reached its 4-year anniversary: the company must revalidate.",
    resubmit: "The security profile was resubmitted for revalidation.",
    "suspend-unrevalidated": "The membership was suspended: nothing was resubmitted within 90 days of the anniversary.",
    withdraw: "The account owner withdrew the company from the program.",
    "cancellation-final": "The 30 days to appeal have passed: the cancellation of the membership is final.",
  } satisfies Record<TransitionName, string>,
  /** Events of the membership's file that are not transitions (features/membership MEMBERSHIP_EVENTS). */
  events: {
    "changes-submitted": "The account owner submitted changes to the profiles to the CBSA.",
    "changes-accepted": "The CBSA accepted the changes submitted to the profiles.",
    "changes-information-requested": "The CBSA asked for more information about the changes submitted.",
    "changes-response-submitted": "The response to the request for information about the changes was submitted.",
    "action-plan-submitted": "The account owner submitted the action plan the suspension asked for.",
  } satisfies Record<MembershipEvent, string>,
  eventEmailSubject: (company: string, sentence: string) => `${company}: ${sentence.replace(/\.$/, "")} — Trusted Trader Portal`,
  /** The reminders the membership's jobs send to the account owner. */
  reminders: {
    revalidationSubject: (company: string, days: number) => `${company}: the membership is due for revalidation in ${days} days — Trusted Trader Portal`,
    revalidationBody: (name: string, company: string, anniversary: string, days: number) => [
      `Hello ${name},`,
      `The Partners in Protection membership of ${company} reaches its 4-year anniversary on ${anniversary}, in ${days} days. On that day the membership becomes due for revalidation.`,
      "Review your company, application and security profiles in the Trusted Trader Portal and resubmit them within 90 days after the anniversary; a new site validation will follow. Without a resubmission, the membership will be suspended.",
    ],
    actionPlanSubject: (company: string) => `${company}: the action plan is due in 7 days — Trusted Trader Portal`,
    actionPlanBody: (name: string, company: string, dueOn: string) => [
      `Hello ${name},`,
      `The Partners in Protection membership of ${company} is suspended. The action plan the CBSA asked for is due on ${dueOn}.`,
      "Sign in to the Trusted Trader Portal and submit it from your company's dashboard.",
    ],
  },
  notification: (sentence: string, status: string) => `${sentence} Membership status: ${status}.`,
  email: {
    subject: (company: string, status: string) => `${company}: membership status ${status} — Trusted Trader Portal`,
    body: (name: string, company: string, sentence: string, status: string) => [
      `Hello ${name},`,
      `${sentence}`,
      `Company: ${company}. Membership status: ${status}.`,
      "Sign in to the Trusted Trader Portal to see the details on your company's dashboard.",
    ],
  },
};

export type MembershipMessages = typeof membershipEn;
