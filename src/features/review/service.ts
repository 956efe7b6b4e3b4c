// The PIP officers' review (STAFF-5, APP-11 to APP-13): a case with its snapshot, findings, requests for information, site validations and decisions, and every
// officer action. Every status change goes through membership/service.ts applyTransition, in the
// transaction that also writes the action's own rows, audit and mail; an action that the
// machine refuses, or that finds the case changed since the officer's page was drawn, rolls
// the whole transaction back: nothing is recorded. The queue is queue.ts; the scheduled work
// (reminders, the denial made final) jobs.ts; a member's changes and suspension member-actions.ts;
// what the case page reads, and its downloads, case.ts.
import { sql } from "kysely";
import type { AppDeps } from "../../web/context.ts";
import type { Tx } from "../../platform/db/index.ts";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import type { MailTemplate } from "../../platform/mail/outbox.ts";
import { formatDate, messages } from "../../web/i18n/index.ts";
import type { Locale } from "../../domain/locale.ts";
import { addBusinessDays, addCalendarDays } from "../../domain/business-days.ts";
import { decide, IN_FORCE, isMembershipStatus, windowEnds, TRANSITIONS, type MembershipStatus, type TransitionName } from "../../domain/membership.ts";
import { type Snapshot } from "../../domain/snapshot.ts";
import type { FindingOutcome, RequestedItem } from "../../platform/db/schema.ts";
import { applyTransition, companyEmail, tellMembershipEvent, type TransitionResult } from "../membership/service.ts";
import { calendarDate as calendarInOttawa } from "../../platform/clock.ts";
import { findingKey, snapshotItems, type CaseView } from "./case.ts";

type Deps = Pick<AppDeps, "db" | "clock">;

/** Calendar days a request for information gives by default, and the business days it gives at least (APP-12). */
export const RFI_DEFAULT_DAYS = 30;
export const RFI_MIN_BUSINESS_DAYS = 5;
export const TEXT_MAX = 4000;
export const NOTE_MAX = 2000;

export const FINDING_OUTCOMES: readonly FindingOutcome[] = ["meets", "does-not-meet", "not-applicable"];

/** A calendar date (YYYY-MM-DD) in words, in `locale`. */
export function calendarDate(locale: Locale, date: string): string {
  return formatDate(locale, new Date(`${date}T00:00:00Z`), "UTC");
}

// ---- officer actions: one transaction, the company locked, the case checked ------------------

export type ActionOutcome<T = object> = ({ ok: true } & T) | { ok: false; reason: "not-found" | "changed" | "refused"; detail?: string };

class Rollback extends Error {
  constructor(readonly outcome: ActionOutcome<never>) {
    super("rolled back");
  }
}

export interface LockedCase {
  caseId: string;
  /** Whether the case is still open (officerAction's `closedToo` lets a closed one through). */
  open: boolean;
  companyId: string;
  legalName: string;
  status: MembershipStatus;
  assignedStaffId: string | null;
  denialProposedAt: Date | null;
}

/**
 * Runs `fn` in a transaction that first locks the case's company (the same row applyTransition
 * locks, so two officers acting on one case take turns) and checks the case is still open and,
 * when `expected` is given, that the status is still the one the officer's page showed. `fn`
 * returning { ok: false } rolls everything back.
 */
export async function officerAction<T>(
  deps: Deps,
  caseId: string,
  expected: string | undefined,
  fn: (trx: Tx, c: LockedCase) => Promise<ActionOutcome<T>>,
  options: { closedToo?: boolean } = {},
): Promise<ActionOutcome<T>> {
  if (!/^\d{1,18}$/.test(caseId)) return { ok: false, reason: "not-found" };
  const found = await deps.db.selectFrom("review_cases").select("company_id").where("id", "=", caseId).executeTakeFirst();
  if (!found) return { ok: false, reason: "not-found" };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const co = await trx
        .selectFrom("companies")
        .select(["id", "legal_name", "membership_status", "denial_proposed_at"])
        .where("id", "=", found.company_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const rc = await trx.selectFrom("review_cases").select(["id", "closed_at", "assigned_staff_id"]).where("id", "=", caseId).executeTakeFirstOrThrow();
      const status = isMembershipStatus(co.membership_status) ? co.membership_status : "not-applied";
      if ((rc.closed_at !== null && !options.closedToo) || (expected !== undefined && expected !== status)) throw new Rollback({ ok: false, reason: "changed" });
      const outcome = await fn(trx, {
        caseId,
        open: rc.closed_at === null,
        companyId: co.id,
        legalName: co.legal_name,
        status,
        assignedStaffId: rc.assigned_staff_id,
        denialProposedAt: co.denial_proposed_at ? new Date(co.denial_proposed_at) : null,
      });
      if (!outcome.ok) throw new Rollback(outcome);
      return outcome;
    });
  } catch (err) {
    if (err instanceof Rollback) return err.outcome;
    throw err;
  }
}

export function transitionOutcome(result: TransitionResult): ActionOutcome<{ reference: string | null; decisionId: string | null }> {
  if (result.ok) return { ok: true, reference: result.reference, decisionId: result.decisionId };
  // The status is the one the officer's page showed (officerAction checked): the machine refuses this action from it.
  return { ok: false, reason: "refused", detail: result.reason };
}

export const staffActor = (staffId: string) => ({ type: "staff" as const, id: staffId });

/** Assigns the case to the officer; a submitted case also starts its review (start-review). */
export async function assignToMe(deps: Deps, staffId: string, caseId: string, meta: RequestMeta): Promise<ActionOutcome<{ legalName: string }>> {
  return officerAction<{ legalName: string }>(deps, caseId, undefined, async (trx, c) => {
    const now = deps.clock.now();
    await trx.updateTable("review_cases").set({ assigned_staff_id: staffId, assigned_at: now }).where("id", "=", c.caseId).execute();
    await recordAudit(trx, deps.clock, {
      actor: staffActor(staffId),
      action: "review.assigned",
      subject: { type: "review-case", id: c.caseId },
      companyId: c.companyId,
      before: { assignedTo: c.assignedStaffId },
      after: { assignedTo: staffId },
      requestId: meta.requestId,
    });
    if (c.status === "submitted") {
      const r = await applyTransition(trx, deps.clock, { companyId: c.companyId, name: "start-review", acting: { actor: "officer", staffId }, requestId: meta.requestId });
      if (!r.ok) return { ok: false, reason: "changed" };
    }
    return { ok: true, legalName: c.legalName };
  });
}

// ---- findings -------------------------------------------------------------------------------

export interface FindingInput {
  subject: string;
  itemId: string;
  outcome: FindingOutcome;
  note: string;
}

/** Saves the officer's findings on items of the case's latest snapshot (others are refused). */
export async function saveFindings(deps: Deps, staffId: string, caseId: string, entries: FindingInput[], meta: RequestMeta): Promise<ActionOutcome> {
  return officerAction<object>(deps, caseId, undefined, async (trx, c) => {
    const latest = await trx.selectFrom("submissions").select("content").where("case_id", "=", c.caseId).orderBy("id", "desc").limit(1).executeTakeFirst();
    if (!latest) return { ok: false, reason: "not-found" };
    const items = snapshotItems(JSON.parse(latest.content) as Snapshot);
    if (entries.some((e) => !items.has(findingKey(e.subject, e.itemId)))) return { ok: false, reason: "refused" };
    const now = deps.clock.now();
    for (const e of entries) {
      await trx
        .insertInto("findings")
        .values({ case_id: c.caseId, subject: e.subject, item_id: e.itemId, outcome: e.outcome, note: e.note, updated_at: now, updated_by_staff_id: staffId })
        .onConflict((oc) => oc.columns(["case_id", "subject", "item_id"]).doUpdateSet({ outcome: e.outcome, note: e.note, updated_at: now, updated_by_staff_id: staffId }))
        .execute();
    }
    await recordAudit(trx, deps.clock, {
      actor: staffActor(staffId),
      action: "review.findings-saved",
      subject: { type: "review-case", id: c.caseId },
      companyId: c.companyId,
      after: { findings: entries.map((e) => ({ subject: e.subject, itemId: e.itemId, outcome: e.outcome, ...(e.note ? { note: e.note } : {}) })) },
      requestId: meta.requestId,
    });
    return { ok: true };
  });
}

// ---- requests for information (APP-12) --------------------------------------------------------

/** The earliest due date a request made today may carry: 5 business days as REG-4 counts them. */
export function earliestDueOn(today: string): string {
  return addBusinessDays(today, RFI_MIN_BUSINESS_DAYS);
}

export function defaultDueOn(today: string): string {
  return addCalendarDays(today, RFI_DEFAULT_DAYS);
}

function withSignature(locale: Locale, paragraphs: string[]): string[] {
  const t = messages(locale).emails;
  return [...paragraphs, t.noReply, t.signature];
}

export const informationRequestedEmail: MailTemplate<{ name: string; company: string; message: string; dueOn: string }> = {
  name: "review.information-requested",
  render: (locale, p) => {
    const e = messages(locale).review.emails;
    return { subject: e.rfiSubject(p.company), paragraphs: withSignature(locale, e.rfiBody(p.name, p.company, p.message, calendarDate(locale, p.dueOn))) };
  },
};

export const siteValidationScheduledEmail: MailTemplate<{ name: string; company: string; date: string; facility: string }> = {
  name: "review.site-validation-scheduled",
  render: (locale, p) => {
    const e = messages(locale).review.emails;
    return { subject: e.svSubject(p.company), paragraphs: withSignature(locale, e.svBody(p.name, p.company, calendarDate(locale, p.date), p.facility)) };
  },
};

export const informationReminderEmail: MailTemplate<{ name: string; company: string; dueOn: string; message: string; due: boolean }> = {
  name: "review.information-reminder",
  render: (locale, p) => {
    const e = messages(locale).review.emails;
    return { subject: e.reminderSubject(p.company, p.due), paragraphs: withSignature(locale, e.reminderBody(p.name, p.company, calendarDate(locale, p.dueOn), p.message)) };
  },
};

export interface RequestInput {
  message: string;
  items: RequestedItem[];
  dueOn: string;
}

export async function requestInformation(deps: Deps, staffId: string, caseId: string, expected: string, input: RequestInput, meta: RequestMeta): Promise<ActionOutcome<{ requestId: string }>> {
  return officerAction(deps, caseId, expected, async (trx, c) => {
    const now = deps.clock.now();
    if (input.dueOn < earliestDueOn(calendarInOttawa(now))) return { ok: false, reason: "refused", detail: "too-soon" };
    const row = await trx
      .insertInto("information_requests")
      .values({ case_id: c.caseId, company_id: c.companyId, message: input.message, items: JSON.stringify(input.items), due_on: input.dueOn, created_at: now, created_by_staff_id: staffId })
      .returning("id")
      .executeTakeFirstOrThrow();
    const email = companyEmail(informationRequestedEmail, { message: input.message, dueOn: input.dueOn });
    if (IN_FORCE.includes(c.status)) {
      // A request about a member's submitted changes (APP-5): no transition, the status stays.
      await tellMembershipEvent(trx, deps.clock, c.companyId, "changes-information-requested", email);
    } else {
      const t = transitionOutcome(await applyTransition(trx, deps.clock, { companyId: c.companyId, name: "request-information", acting: { actor: "officer", staffId }, requestId: meta.requestId, email }));
      if (!t.ok) return t;
    }
    await recordAudit(trx, deps.clock, {
      actor: staffActor(staffId),
      action: "review.information-requested",
      subject: { type: "information-request", id: row.id },
      companyId: c.companyId,
      after: { message: input.message, items: input.items, dueOn: input.dueOn },
      requestId: meta.requestId,
    });
    return { ok: true, requestId: row.id };
  });
}

// ---- site validation (APP-13) -----------------------------------------------------------------

export async function scheduleSiteValidation(deps: Deps, staffId: string, caseId: string, expected: string, input: { date: string; facility: string }, meta: RequestMeta): Promise<ActionOutcome> {
  return officerAction(deps, caseId, expected, async (trx, c) => {
    const now = deps.clock.now();
    if (input.date < calendarInOttawa(now)) return { ok: false, reason: "refused", detail: "past" };
    const latest = await trx.selectFrom("submissions").select("content").where("case_id", "=", c.caseId).orderBy("id", "desc").limit(1).executeTakeFirst();
    const facilities = latest ? (JSON.parse(latest.content) as Snapshot).company.facilities.map((f) => f.name) : [];
    if (!facilities.includes(input.facility)) return { ok: false, reason: "refused", detail: "facility" };
    const row = await trx
      .insertInto("site_validations")
      .values({ case_id: c.caseId, company_id: c.companyId, scheduled_on: input.date, facility: input.facility, scheduled_at: now, scheduled_by_staff_id: staffId })
      .returning("id")
      .executeTakeFirstOrThrow();
    const email = companyEmail(siteValidationScheduledEmail, { date: input.date, facility: input.facility });
    const t = transitionOutcome(await applyTransition(trx, deps.clock, { companyId: c.companyId, name: "schedule-site-validation", acting: { actor: "officer", staffId }, requestId: meta.requestId, email }));
    if (!t.ok) return t;
    await recordAudit(trx, deps.clock, {
      actor: staffActor(staffId),
      action: "review.site-validation-scheduled",
      subject: { type: "site-validation", id: row.id },
      companyId: c.companyId,
      after: { date: input.date, facility: input.facility },
      requestId: meta.requestId,
    });
    return { ok: true };
  });
}

async function latestSiteValidation(trx: Tx, caseId: string) {
  return trx.selectFrom("site_validations").select(["id", sql<string>`scheduled_on::text`.as("scheduled_on"), "facility", "outcome"]).where("case_id", "=", caseId).orderBy("id", "desc").limit(1).executeTakeFirst();
}

export async function recordSiteValidationOutcome(
  deps: Deps,
  staffId: string,
  caseId: string,
  expected: string,
  input: { outcome: "satisfactory" | "unsatisfactory"; note: string },
  meta: RequestMeta,
): Promise<ActionOutcome> {
  return officerAction<object>(deps, caseId, expected, async (trx, c) => {
    if (c.status !== "site-validation") return { ok: false, reason: "changed" };
    const sv = await latestSiteValidation(trx, c.caseId);
    if (!sv || sv.outcome !== null) return { ok: false, reason: "changed" };
    const now = deps.clock.now();
    await trx.updateTable("site_validations").set({ outcome: input.outcome, outcome_note: input.note, recorded_at: now, recorded_by_staff_id: staffId }).where("id", "=", sv.id).execute();
    await recordAudit(trx, deps.clock, {
      actor: staffActor(staffId),
      action: "review.site-validation-recorded",
      subject: { type: "site-validation", id: sv.id },
      companyId: c.companyId,
      after: { outcome: input.outcome, note: input.note },
      requestId: meta.requestId,
    });
    return { ok: true };
  });
}

// ---- decisions (APP-13) -------------------------------------------------------------------------

/** The decisions and other transitions an officer makes from the case page's decision forms. */
export const DECISION_TRANSITIONS = ["approve", "propose-denial", "deny", "reinstate", "cancel", "grant-appeal", "dismiss-appeal"] as const satisfies readonly TransitionName[];
export type DecisionTransition = (typeof DECISION_TRANSITIONS)[number];

export function isDecisionTransition(v: string): v is DecisionTransition {
  return (DECISION_TRANSITIONS as readonly string[]).includes(v);
}

/** Whether approval is possible now: a satisfactory outcome recorded for the case's latest site validation. */
export function approvable(view: Pick<CaseView, "siteValidations">): boolean {
  return view.siteValidations[view.siteValidations.length - 1]?.outcome === "satisfactory";
}

/** When a proposed denial may be made final (the 30 days of the informal review window passed). */
export function denyFrom(denialProposedAt: Date | null): Date | undefined {
  const w = TRANSITIONS.deny.window;
  return denialProposedAt ? windowEnds(w, { status: "denial-proposed", now: denialProposedAt, denialProposedAt }) : undefined;
}

export async function makeDecision(
  deps: Deps,
  staffId: string,
  caseId: string,
  expected: string,
  name: DecisionTransition,
  reasons: string,
  meta: RequestMeta,
): Promise<ActionOutcome<{ reference: string | null; decisionId: string | null }>> {
  return officerAction(deps, caseId, expected, async (trx, c) => {
    const check = decide(name, { status: c.status, now: deps.clock.now(), denialProposedAt: c.denialProposedAt }, { actor: "officer", staffId });
    if (!check.ok) return { ok: false, reason: "refused", detail: check.reason };
    let siteValidation: { date: string; facility: string; outcome: string | null } | undefined;
    const sv = await latestSiteValidation(trx, c.caseId);
    if (sv) siteValidation = { date: String(sv.scheduled_on), facility: sv.facility, outcome: sv.outcome };
    if (name === "approve" && sv?.outcome !== "satisfactory") return { ok: false, reason: "refused", detail: "needs-satisfactory" };
    return transitionOutcome(
      await applyTransition(trx, deps.clock, {
        companyId: c.companyId,
        name,
        acting: { actor: "officer", staffId },
        reasons,
        requestId: meta.requestId,
        ...(siteValidation ? { siteValidation } : {}),
      }),
    );
  });
}
