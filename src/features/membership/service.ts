// Every change of a company's membership status (APP-10) goes through `applyTransition`, inside
// the transaction of the action that causes it (a submission, an officer's decision, a job):
// it locks the company's row, asks the state machine (domain/membership.ts), writes the new
// status and the dates the machine reads later, keeps the open review case in step, records
// the decision (with its letter's words) when the transition is one, audits it, and tells every
// active user of the company on the dashboard and by email in their own language.
import type { Tx } from "../../platform/db/index.ts";
import { calendarDate, type Clock } from "../../platform/clock.ts";
import { recordAudit } from "../../platform/audit.ts";
import { queueMail, type MailTemplate } from "../../platform/mail/outbox.ts";
import { decide, hasDecisionLetter, isMembershipStatus, type MembershipEvent, type MembershipStatus, type Refusal, type TransitionName } from "../../domain/membership.ts";
import { addCalendarDays } from "../../domain/business-days.ts";
import type { Locale } from "../../domain/locale.ts";
import { messages } from "../../web/i18n/index.ts";
import { notify } from "../notifications/service.ts";
import type { DecisionLetter } from "./letter.ts";

/** Who acts: an officer (staff id), the account owner (person id), or a scheduled job. */
export type MembershipActing = { actor: "officer"; staffId: string } | { actor: "owner"; personId: string } | { actor: "job" };


/**
 * Transitions after which no review is open: the case closes with the transition as its outcome.
 * A cancellation closes its case too: an appeal opens a case of its own.
 */
const CLOSES_CASE: readonly TransitionName[] = ["approve", "deny", "withdraw", "reinstate", "cancel", "grant-appeal", "dismiss-appeal"];

export interface TransitionInput {
  companyId: string;
  name: TransitionName;
  acting: MembershipActing;
  /** The reasons, written to the company (required by the callers of decisions). */
  reasons?: string;
  requestId?: string | null;
  /** Facts the letter mentions. */
  siteValidation?: DecisionLetter["siteValidation"];
  actionPlanDueOn?: string | null;
  /** Why the company ended its case (a withdrawal's reason): kept with the closed case. */
  closedReason?: string | null;
  /**
   * The email every active user gets, when the action has a more telling one than the generic
   * "membership changed" (a request for information, a site validation): sent instead of it.
   */
  email?: CompanyEmail;
}

/** An email to every active user of the company: its template, filled with `params` and the company's name. */
export interface CompanyEmail {
  send: (trx: Tx, clock: Clock, companyId: string, company: string) => Promise<number>;
}

export function companyEmail<P extends object>(template: MailTemplate<P & { name: string; company: string }>, params: P): CompanyEmail {
  return { send: (trx, clock, companyId, company) => emailCompanyUsers<P & { company: string }>(trx, clock, companyId, template, { ...params, company }) };
}

export type TransitionResult =
  | { ok: true; from: MembershipStatus; to: MembershipStatus; decisionId: string | null; reference: string | null }
  | { ok: false; reason: Refusal | "no-company"; status?: MembershipStatus };


/** Days after the anniversary within which the company resubmits before a job suspends the membership (APP-15). */
export const REVALIDATION_GRACE_DAYS = 90;

/** The date four years after `date` (a Feb 29 anniversary falls on Feb 28). */
export function fourYearsAfter(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + 4, m, 0)).getUTCDate();
  return `${String(y + 4).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export const membershipChangedEmail: MailTemplate<{ name: string; company: string; transition: TransitionName; status: MembershipStatus }> = {
  name: "membership.changed",
  render: (locale: Locale, p) => {
    const t = messages(locale).membership;
    const status = t.statuses[p.status];
    return { subject: t.email.subject(p.company, status), paragraphs: [...t.email.body(p.name, p.company, t.changed[p.transition], status), messages(locale).emails.noReply, messages(locale).emails.signature] };
  },
};

export const membershipEventEmail: MailTemplate<{ name: string; company: string; event: MembershipEvent; status: MembershipStatus }> = {
  name: "membership.event",
  render: (locale: Locale, p) => {
    const t = messages(locale).membership;
    const status = t.statuses[p.status];
    return { subject: t.eventEmailSubject(p.company, t.events[p.event]), paragraphs: [...t.email.body(p.name, p.company, t.events[p.event], status), messages(locale).emails.noReply, messages(locale).emails.signature] };
  },
};

/** Records `event` for the company: a dashboard notification and an email to every active user (or `email` instead). */
export async function tellMembershipEvent(trx: Tx, clock: Clock, companyId: string, event: MembershipEvent, email?: CompanyEmail): Promise<void> {
  const co = await trx.selectFrom("companies").select(["legal_name", "membership_status"]).where("id", "=", companyId).executeTakeFirstOrThrow();
  const status = isMembershipStatus(co.membership_status) ? co.membership_status : "not-applied";
  await notify(trx, clock, companyId, "membership-event", { event, status });
  if (email) await email.send(trx, clock, companyId, co.legal_name);
  else await emailCompanyUsers(trx, clock, companyId, membershipEventEmail, { company: co.legal_name, event, status });
}

/** Tells every active user of the company, in their language, by email. */
export async function emailCompanyUsers<P>(trx: Tx, clock: Clock, companyId: string, template: MailTemplate<P & { name: string }>, params: P): Promise<number> {
  const people = await trx
    .selectFrom("company_users as cu")
    .innerJoin("people as p", "p.id", "cu.person_id")
    .select(["p.given_name", "p.family_name", "p.email", "p.preferred_locale"])
    .where("cu.company_id", "=", companyId)
    .where("cu.status", "=", "active")
    .orderBy("p.id")
    .execute();
  for (const p of people) {
    await queueMail(trx, clock, template, { address: p.email, locale: p.preferred_locale }, { ...params, name: `${p.given_name} ${p.family_name}` });
  }
  return people.length;
}

/** A reference for a record of `kind` numbered `id`: "PIP-2026-000042", "D-2026-000007". */
export function recordReference(prefix: string, at: Date, id: string | number): string {
  return `${prefix}-${calendarDate(at).slice(0, 4)}-${String(id).padStart(6, "0")}`;
}

function addressLines(a: unknown): string[] {
  if (!a || typeof a !== "object") return [];
  const x = a as Record<string, unknown>;
  const str = (k: string) => (typeof x[k] === "string" && x[k] ? x[k] : undefined);
  const cityLine = [str("city"), str("region"), str("postalCode")].filter(Boolean).join(" ");
  return [str("line1"), str("line2"), cityLine, str("country") === "US" ? "UNITED STATES" : str("country") === "CA" ? "CANADA" : str("country")].filter((l): l is string => !!l);
}

/**
 * Makes transition `name` for the company, if the state machine allows it now for this actor.
 * Must run in a transaction; a refusal changes nothing.
 */
export async function applyTransition(trx: Tx, clock: Clock, input: TransitionInput): Promise<TransitionResult> {
  if (!trx.isTransaction) throw new Error("applyTransition must run inside a transaction");
  const company = await trx
    .selectFrom("companies")
    .select([
      "id",
      "legal_name",
      "client_number",
      "address",
      "mailing_address",
      "correspondence_locale",
      "membership_status",
      "denial_proposed_at",
      "cancelled_at",
      "cancelled_by_staff_id",
      "cancellation_final_at",
      "member_since",
      "anniversary_on",
    ])
    .where("id", "=", input.companyId)
    .forUpdate()
    .executeTakeFirst();
  if (!company) return { ok: false, reason: "no-company" };
  const from = isMembershipStatus(company.membership_status) ? company.membership_status : "not-applied";
  const now = clock.now();
  const acting = input.acting;
  const decision = decide(
    input.name,
    {
      status: from,
      now,
      denialProposedAt: company.denial_proposed_at ? new Date(company.denial_proposed_at) : null,
      cancelledAt: company.cancelled_at ? new Date(company.cancelled_at) : null,
      cancelledByStaffId: company.cancelled_by_staff_id,
      cancellationFinalAt: company.cancellation_final_at ? new Date(company.cancellation_final_at) : null,
    },
    acting.actor === "officer" ? { actor: "officer", staffId: acting.staffId } : { actor: acting.actor },
  );
  if (!decision.ok) return { ok: false, reason: decision.reason, status: from };
  const to = decision.to;
  const today = calendarDate(now);

  const set: Record<string, unknown> = { membership_status: to, membership_changed_at: now, updated_at: now };
  let memberSince = company.member_since;
  let anniversary = company.anniversary_on;
  if (input.name === "approve") {
    // A first approval starts the membership; an approval after revalidation (APP-15) keeps its
    // start and begins a new 4-year period from today.
    memberSince = company.member_since ?? today;
    anniversary = fourYearsAfter(today);
    Object.assign(set, { member_since: memberSince, anniversary_on: anniversary, denial_proposed_at: null });
  }
  if (input.name === "propose-denial") set["denial_proposed_at"] = now;
  if (input.name === "request-informal-review") set["denial_proposed_at"] = null;
  if (input.name === "cancel") Object.assign(set, { cancelled_at: now, cancelled_by_staff_id: acting.actor === "officer" ? acting.staffId : null, cancellation_final_at: null });
  if (input.name === "dismiss-appeal" || input.name === "cancellation-final") set["cancellation_final_at"] = now;
  if (input.name === "grant-appeal") Object.assign(set, { cancelled_at: null, cancelled_by_staff_id: null, cancellation_final_at: null });
  await trx.updateTable("companies").set(set).where("id", "=", company.id).execute();

  const openCase = await trx.selectFrom("review_cases").select(["id"]).where("company_id", "=", company.id).where("closed_at", "is", null).executeTakeFirst();
  if (openCase) {
    await trx
      .updateTable("review_cases")
      .set(CLOSES_CASE.includes(input.name) ? { status: to, closed_at: now, outcome: input.name, closed_reason: input.closedReason ?? null } : { status: to })
      .where("id", "=", openCase.id)
      .execute();
  }

  let decisionId: string | null = null;
  let reference: string | null = null;
  if (hasDecisionLetter(input.name)) {
    const { id } = await trx
      .selectNoFrom((eb) => eb.fn<string>("nextval", [eb.val("decisions_id_seq")]).as("id"))
      .executeTakeFirstOrThrow();
    reference = recordReference("D", now, id);
    const letter: DecisionLetter = {
      reference,
      transition: input.name,
      decidedOn: today,
      locale: company.correspondence_locale,
      company: { legalName: company.legal_name, clientNumber: company.client_number, address: addressLines(company.mailing_address ?? company.address) },
      reasons: input.reasons ?? "",
      memberSince: input.name === "approve" ? memberSince : null,
      anniversaryOn: input.name === "approve" ? anniversary : null,
      informalReviewBy: input.name === "propose-denial" ? addCalendarDays(today, 30) : null,
      siteValidation: input.siteValidation ?? null,
      actionPlanDueOn: input.actionPlanDueOn ?? null,
      revalidation: input.name === "revalidation-due" && company.anniversary_on ? { anniversaryOn: company.anniversary_on, resubmitBy: addCalendarDays(company.anniversary_on, REVALIDATION_GRACE_DAYS) } : null,
    };
    await trx
      .insertInto("decisions")
      .values({
        id: String(id),
        case_id: openCase?.id ?? null,
        company_id: company.id,
        transition: input.name,
        from_status: from,
        to_status: to,
        reasons: input.reasons ?? "",
        reference,
        letter: JSON.stringify(letter),
        decided_at: now,
        decided_by_staff_id: acting.actor === "officer" ? acting.staffId : null,
        decided_by_person_id: acting.actor === "owner" ? acting.personId : null,
      })
      .execute();
    decisionId = String(id);
  }

  await recordAudit(trx, clock, {
    actor: acting.actor === "officer" ? { type: "staff", id: acting.staffId } : acting.actor === "owner" ? { type: "trader", id: acting.personId } : { type: "system" },
    action: `membership.${input.name}`,
    subject: { type: "company", id: company.id },
    companyId: company.id,
    before: { status: from },
    after: { status: to, ...(input.reasons ? { reasons: input.reasons } : {}), ...(reference ? { decision: reference } : {}) },
    requestId: input.requestId ?? null,
  });
  await notify(trx, clock, company.id, "membership-changed", { transition: input.name, status: to });
  if (input.email) await input.email.send(trx, clock, company.id, company.legal_name);
  else await emailCompanyUsers(trx, clock, company.id, membershipChangedEmail, { company: company.legal_name, transition: input.name, status: to });
  return { ok: true, from, to, decisionId, reference };
}
