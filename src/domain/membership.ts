// The PIP membership state machine (APP-10), held once, as data: every status, every
// transition with the statuses it leaves from, the status it leads to and who may make it,
// and the time limits some of them carry. `decide` is the one pure function that every
// change of a company's membership status goes through (features/membership/service.ts);
// pages read `transitionsFrom` to decide which actions to offer.
//
// Reading of APP-10 where it is silent (written here so the next engineer need not guess):
// - "any state but denied → withdrawn": not from `not-applied` (there is nothing to withdraw)
//   nor from `withdrawn` itself.
// - A denial is final through `deny`, which the officer or the scheduled job makes once the
//   30 days for an informal review have passed; until then the company may ask for one.
// - The appeal of a cancellation is decided (`grant-appeal`, `dismiss-appeal`) by an officer
//   other than the one who cancelled (APP-14, STAFF-5): `decide` refuses the same officer.
// - "cancelled (final)": a cancellation becomes final through `cancellation-final`, made by the
//   scheduled job once the 30 days for an appeal have passed (the status stays `cancelled`), or
//   at once when an appeal is dismissed. After that no appeal is possible.
// - Changes a member submits (APP-5) and the officer's acceptance of them are not transitions:
//   the status stays `member` while the officer looks at them.

export const MEMBERSHIP_STATUSES = [
  "not-applied",
  "submitted",
  "under-review",
  "information-requested",
  "site-validation",
  "member",
  "denial-proposed",
  "denied",
  "suspended",
  "cancelled",
  "appeal-submitted",
  "revalidation-due",
  "withdrawn",
] as const;

export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** Who makes a transition: a PIP officer, the company's account owner, or the portal's scheduled jobs. */
export const MEMBERSHIP_ACTORS = ["officer", "owner", "job"] as const;
export type MembershipActor = (typeof MEMBERSHIP_ACTORS)[number];

/** A time limit counted from an earlier event of the membership (calendar days). */
export interface Window {
  /** The event the days are counted from. */
  from: "denialProposedAt" | "cancelledAt";
  days: number;
  /** `within`: allowed only before the days have passed; `after`: only once they have. */
  when: "within" | "after";
}

export interface Transition {
  from: readonly MembershipStatus[];
  to: MembershipStatus;
  actors: readonly MembershipActor[];
  window?: Window;
  /** The officer who cancelled may not make it (appeal decisions). */
  notByCancellingOfficer?: boolean;
  /** Refused once the cancellation is final (the appeal, and making it final again). */
  notOnceFinal?: boolean;
}

const REVIEWING = ["submitted", "under-review", "information-requested", "site-validation"] as const;

/** APP-10, transition by transition. */
export const TRANSITIONS = {
  submit: { from: ["not-applied"], to: "submitted", actors: ["owner"] },
  "start-review": { from: ["submitted"], to: "under-review", actors: ["officer"] },
  "request-information": { from: ["under-review"], to: "information-requested", actors: ["officer"] },
  respond: { from: ["information-requested"], to: "under-review", actors: ["owner"] },
  "schedule-site-validation": { from: ["under-review"], to: "site-validation", actors: ["officer"] },
  approve: { from: ["site-validation"], to: "member", actors: ["officer"] },
  "propose-denial": { from: ["under-review", "site-validation"], to: "denial-proposed", actors: ["officer"] },
  "request-informal-review": {
    from: ["denial-proposed"],
    to: "under-review",
    actors: ["owner"],
    window: { from: "denialProposedAt", days: 30, when: "within" },
  },
  deny: { from: ["denial-proposed"], to: "denied", actors: ["officer", "job"], window: { from: "denialProposedAt", days: 30, when: "after" } },
  suspend: { from: ["member"], to: "suspended", actors: ["officer"] },
  reinstate: { from: ["suspended"], to: "member", actors: ["officer"] },
  cancel: { from: ["suspended"], to: "cancelled", actors: ["officer"] },
  appeal: { from: ["cancelled"], to: "appeal-submitted", actors: ["owner"], window: { from: "cancelledAt", days: 30, when: "within" }, notOnceFinal: true },
  "cancellation-final": { from: ["cancelled"], to: "cancelled", actors: ["job"], window: { from: "cancelledAt", days: 30, when: "after" }, notOnceFinal: true },
  "grant-appeal": { from: ["appeal-submitted"], to: "member", actors: ["officer"], notByCancellingOfficer: true },
  "dismiss-appeal": { from: ["appeal-submitted"], to: "cancelled", actors: ["officer"], notByCancellingOfficer: true },
  "revalidation-due": { from: ["member"], to: "revalidation-due", actors: ["job"] },
  resubmit: { from: ["revalidation-due"], to: "under-review", actors: ["owner"] },
  "suspend-unrevalidated": { from: ["revalidation-due"], to: "suspended", actors: ["job"] },
  withdraw: {
    from: [...REVIEWING, "member", "denial-proposed", "suspended", "cancelled", "appeal-submitted", "revalidation-due"],
    to: "withdrawn",
    actors: ["owner"],
  },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** The transitions that are decisions written to the company as a letter (APP-13, APP-15). */
export const LETTER_TRANSITIONS = [
  "approve",
  "propose-denial",
  "deny",
  "suspend",
  "suspend-unrevalidated",
  "reinstate",
  "cancel",
  "grant-appeal",
  "dismiss-appeal",
  "revalidation-due",
] as const satisfies readonly TransitionName[];

export type LetterTransition = (typeof LETTER_TRANSITIONS)[number];

export function hasDecisionLetter(transition: TransitionName): transition is LetterTransition {
  return (LETTER_TRANSITIONS as readonly TransitionName[]).includes(transition);
}

/**
 * What happens in a member's file without changing its status (APP-5 changes, APP-12 about
 * changes, APP-13 action plans): told on the dashboard and by email like a transition.
 */
export const MEMBERSHIP_EVENTS = ["changes-submitted", "changes-accepted", "changes-information-requested", "changes-response-submitted", "action-plan-submitted"] as const;
export type MembershipEvent = (typeof MEMBERSHIP_EVENTS)[number];

export function isMembershipEvent(value: unknown): value is MembershipEvent {
  return typeof value === "string" && (MEMBERSHIP_EVENTS as readonly string[]).includes(value);
}

/** Statuses during which the CBSA is reviewing: changes are saved but not submitted (APP-5). */
export const UNDER_REVIEW: readonly MembershipStatus[] = REVIEWING;

/** Statuses of a company that is a member (its membership is in force). */
export const IN_FORCE: readonly MembershipStatus[] = ["member", "revalidation-due"];

/** What `decide` needs to know beyond the status: when earlier events happened, who acts. */
export interface MembershipFacts {
  status: MembershipStatus;
  now: Date;
  denialProposedAt?: Date | null;
  cancelledAt?: Date | null;
  /** The staff member who cancelled the membership (for appeal decisions). */
  cancelledByStaffId?: string | null;
  /** When the cancellation became final (no appeal any more). */
  cancellationFinalAt?: Date | null;
}

export interface Acting {
  actor: MembershipActor;
  /** The officer's staff id, when the actor is an officer. */
  staffId?: string;
}

export type Refusal = "wrong-status" | "wrong-actor" | "too-early" | "too-late" | "same-officer";

export type Decision = { ok: true; to: MembershipStatus } | { ok: false; reason: Refusal };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment a window's days are over (calendar days counted from the event). */
export function windowEnds(window: Window, facts: MembershipFacts): Date | undefined {
  const start = facts[window.from];
  return start ? new Date(start.getTime() + window.days * DAY_MS) : undefined;
}

/** Whether `acting` may make `name` from `facts.status` now; the reason when not. */
export function decide(name: TransitionName, facts: MembershipFacts, acting: Acting): Decision {
  const t: Transition = TRANSITIONS[name];
  if (!t.from.includes(facts.status)) return { ok: false, reason: "wrong-status" };
  if (!t.actors.includes(acting.actor)) return { ok: false, reason: "wrong-actor" };
  if (t.window) {
    const ends = windowEnds(t.window, facts);
    if (!ends) return { ok: false, reason: t.window.when === "within" ? "too-late" : "too-early" };
    const over = facts.now.getTime() >= ends.getTime();
    if (t.window.when === "within" && over) return { ok: false, reason: "too-late" };
    if (t.window.when === "after" && !over) return { ok: false, reason: "too-early" };
  }
  if (t.notOnceFinal && facts.cancellationFinalAt) return { ok: false, reason: "too-late" };
  if (t.notByCancellingOfficer && acting.staffId !== undefined && acting.staffId === facts.cancelledByStaffId) return { ok: false, reason: "same-officer" };
  return { ok: true, to: t.to };
}

/** The transitions `actor` may start from `status` (ignoring time limits: pages check those with `decide`). */
export function transitionsFrom(status: MembershipStatus, actor: MembershipActor): TransitionName[] {
  return TRANSITION_NAMES.filter((n) => {
    const t: Transition = TRANSITIONS[n];
    return t.from.includes(status) && t.actors.includes(actor);
  });
}

export function isMembershipStatus(value: unknown): value is MembershipStatus {
  return typeof value === "string" && (MEMBERSHIP_STATUSES as readonly string[]).includes(value);
}

export function isTransitionName(value: unknown): value is TransitionName {
  return typeof value === "string" && Object.hasOwn(TRANSITIONS, value);
}
