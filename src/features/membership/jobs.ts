// A member's scheduled life (APP-13, APP-14, APP-15), each run hourly and safe with several
// workers at once:
// - revalidation reminders to the account owner 90 and 30 days before the 4-year anniversary,
//   each once per anniversary (the revalidation_reminders row is the claim);
// - on the anniversary the status becomes `revalidation-due` (with its letter);
// - 90 days after the anniversary, with nothing resubmitted, the membership is suspended
//   (`suspend-unrevalidated`, its letter, and an action plan due 30 days later);
// - a cancellation not appealed within 30 days becomes final (`cancellation-final`);
// - the owner is reminded of an action plan 7 days before its due date, once.
// Transitions go through applyTransition, which locks the company and asks the state machine:
// a second worker finds the status already moved and is refused, so nothing happens twice.
import { sql } from "kysely";
import type { Db, Tx } from "../../platform/db/index.ts";
import { calendarDate, type Clock } from "../../platform/clock.ts";
import type { Logger } from "../../platform/log.ts";
import type { JobHandler } from "../../platform/jobs/queue.ts";
import { queueMail, type MailTemplate } from "../../platform/mail/outbox.ts";
import { addCalendarDays } from "../../domain/business-days.ts";
import { TRANSITIONS } from "../../domain/membership.ts";
import type { Locale } from "../../domain/locale.ts";
import { formatDate, messages } from "../../web/i18n/index.ts";
import { applyTransition, REVALIDATION_GRACE_DAYS } from "./service.ts";

type Deps = { db: Db; clock: Clock };

export const REVALIDATION_REMINDER_DAYS = [90, 30] as const;
export const ACTION_PLAN_REMINDER_DAYS = 7;
/** Calendar days a job's suspension gives for the action plan. */
export const UNREVALIDATED_ACTION_PLAN_DAYS = 30;

export const MEMBERSHIP_JOB = "membership.timers";
const HOUR_MS = 60 * 60 * 1000;

/** Recurring job kinds of the membership and how often each runs (ms). */
export const MEMBERSHIP_RECURRING_JOBS: Record<string, number> = { [MEMBERSHIP_JOB]: HOUR_MS };

const day = (locale: Locale, iso: string) => formatDate(locale, new Date(`${iso}T12:00:00Z`), "UTC");

export const revalidationReminderEmail: MailTemplate<{ name: string; company: string; anniversaryOn: string; days: number }> = {
  name: "membership.revalidation-reminder",
  render: (locale, p) => {
    const t = messages(locale);
    const e = t.membership.reminders;
    return { subject: e.revalidationSubject(p.company, p.days), paragraphs: [...e.revalidationBody(p.name, p.company, day(locale, p.anniversaryOn), p.days), t.emails.noReply, t.emails.signature] };
  },
};

export const actionPlanReminderEmail: MailTemplate<{ name: string; company: string; dueOn: string }> = {
  name: "membership.action-plan-reminder",
  render: (locale, p) => {
    const t = messages(locale);
    const e = t.membership.reminders;
    return { subject: e.actionPlanSubject(p.company), paragraphs: [...e.actionPlanBody(p.name, p.company, day(locale, p.dueOn)), t.emails.noReply, t.emails.signature] };
  },
};

async function ownerOf(db: Db | Tx, companyId: string) {
  return db
    .selectFrom("company_users as cu")
    .innerJoin("people as p", "p.id", "cu.person_id")
    .innerJoin("companies as co", "co.id", "cu.company_id")
    .select(["p.given_name", "p.family_name", "p.email", "p.preferred_locale", "co.legal_name"])
    .where("cu.company_id", "=", companyId)
    .where("cu.role", "=", "owner")
    .where("cu.status", "=", "active")
    .executeTakeFirst();
}

/** Emails the owner of each member 90 and 30 days before its anniversary, each once. */
export async function sendRevalidationReminders(deps: Deps): Promise<number> {
  const today = calendarDate(deps.clock.now());
  let sent = 0;
  for (const [i, days] of REVALIDATION_REMINDER_DAYS.entries()) {
    // Within `days` of the anniversary, and not yet within the next (closer) reminder's days.
    const closer = REVALIDATION_REMINDER_DAYS[i + 1] ?? 0;
    const due = await deps.db
      .selectFrom("companies as co")
      .select(["co.id", sql<string>`co.anniversary_on::text`.as("anniversary_on")])
      .where("co.membership_status", "=", "member")
      .where("co.anniversary_on", "<=", addCalendarDays(today, days))
      .where("co.anniversary_on", ">", addCalendarDays(today, closer))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("revalidation_reminders as rr")
              .select("rr.company_id")
              .whereRef("rr.company_id", "=", "co.id")
              .whereRef("rr.anniversary_on", "=", "co.anniversary_on")
              .where("rr.days_before", "=", days),
          ),
        ),
      )
      .orderBy("co.id")
      .execute();
    for (const co of due) {
      const done = await deps.db.transaction().execute(async (trx) => {
        const claimed = await trx
          .insertInto("revalidation_reminders")
          .values({ company_id: co.id, anniversary_on: co.anniversary_on, days_before: days, sent_at: deps.clock.now() })
          .onConflict((oc) => oc.doNothing())
          .returning("company_id")
          .executeTakeFirst();
        if (!claimed) return false;
        const owner = await ownerOf(trx, co.id);
        // Claimed even without an active owner (the reminder is for this anniversary only), not counted as sent.
        if (!owner) return false;
        await queueMail(trx, deps.clock, revalidationReminderEmail, { address: owner.email, locale: owner.preferred_locale }, {
          name: `${owner.given_name} ${owner.family_name}`,
          company: owner.legal_name,
          anniversaryOn: co.anniversary_on,
          days,
        });
        return true;
      });
      if (done) sent++;
    }
  }
  return sent;
}

/** Moves every member whose anniversary has come to `revalidation-due` (actor: job). */
export async function markRevalidationDue(deps: Deps): Promise<number> {
  const today = calendarDate(deps.clock.now());
  const due = await deps.db.selectFrom("companies").select("id").where("membership_status", "=", "member").where("anniversary_on", "<=", today).orderBy("id").execute();
  let moved = 0;
  for (const co of due) {
    const ok = await deps.db.transaction().execute(async (trx) => (await applyTransition(trx, deps.clock, { companyId: co.id, name: "revalidation-due", acting: { actor: "job" } })).ok);
    if (ok) moved++;
  }
  return moved;
}

/** Suspends every membership whose anniversary passed 90 days ago with nothing resubmitted (actor: job). */
export async function suspendUnrevalidated(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = calendarDate(now);
  const due = await deps.db
    .selectFrom("companies")
    .select("id")
    .where("membership_status", "=", "revalidation-due")
    .where("anniversary_on", "<=", addCalendarDays(today, -REVALIDATION_GRACE_DAYS))
    .orderBy("id")
    .execute();
  let suspended = 0;
  for (const co of due) {
    const ok = await deps.db.transaction().execute(async (trx) => {
      const locked = await trx.selectFrom("companies").select("membership_status").where("id", "=", co.id).forUpdate().executeTakeFirstOrThrow();
      if (locked.membership_status !== "revalidation-due") return false;
      const dueOn = addCalendarDays(today, UNREVALIDATED_ACTION_PLAN_DAYS);
      const open = await trx.selectFrom("review_cases").select("id").where("company_id", "=", co.id).where("closed_at", "is", null).executeTakeFirst();
      // A case left open (changes not yet decided) now waits on the company's action plan.
      if (open) await trx.updateTable("review_cases").set({ waiting_kind: "action-plan-due", waiting_since: now }).where("id", "=", open.id).execute();
      const caseId =
        open?.id ??
        (
          await trx
            .insertInto("review_cases")
            .values({ company_id: co.id, opened_at: now, status: "revalidation-due", waiting_kind: "action-plan-due", waiting_since: now })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
      const r = await applyTransition(trx, deps.clock, { companyId: co.id, name: "suspend-unrevalidated", acting: { actor: "job" }, actionPlanDueOn: dueOn });
      if (!r.ok) throw new Error(`suspend-unrevalidated refused after its checks: ${r.reason}`);
      await trx.insertInto("action_plans").values({ case_id: caseId, company_id: co.id, decision_id: r.decisionId, reasons: "", due_on: dueOn, created_at: now, created_by_staff_id: null }).execute();
      return true;
    });
    if (ok) suspended++;
  }
  return suspended;
}

/** Makes final every cancellation whose 30 days for an appeal passed without one (actor: job). */
export async function finalizeCancellations(deps: Deps): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - TRANSITIONS["cancellation-final"].window.days * 24 * 60 * 60 * 1000);
  const due = await deps.db
    .selectFrom("companies")
    .select("id")
    .where("membership_status", "=", "cancelled")
    .where("cancelled_at", "<=", cutoff)
    .where("cancellation_final_at", "is", null)
    .orderBy("id")
    .execute();
  let made = 0;
  for (const co of due) {
    const ok = await deps.db.transaction().execute(async (trx) => (await applyTransition(trx, deps.clock, { companyId: co.id, name: "cancellation-final", acting: { actor: "job" } })).ok);
    if (ok) made++;
  }
  return made;
}

/** Reminds the owner of each open action plan 7 days before its due date, once. */
export async function sendActionPlanReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = calendarDate(now);
  const due = await deps.db
    .selectFrom("action_plans as ap")
    .innerJoin("companies as co", "co.id", "ap.company_id")
    .select(["ap.id", "ap.company_id", sql<string>`ap.due_on::text`.as("due_on")])
    .where("ap.responded_at", "is", null)
    .where("ap.reminded_at", "is", null)
    .where("co.membership_status", "=", "suspended")
    .where("ap.due_on", "<=", addCalendarDays(today, ACTION_PLAN_REMINDER_DAYS))
    .where("ap.due_on", ">=", today)
    .orderBy("ap.id")
    .execute();
  let sent = 0;
  for (const ap of due) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable("action_plans").set({ reminded_at: now }).where("id", "=", ap.id).where("reminded_at", "is", null).where("responded_at", "is", null).returning("id").executeTakeFirst();
      if (!claimed) return false;
      const owner = await ownerOf(trx, ap.company_id);
      if (owner) await queueMail(trx, deps.clock, actionPlanReminderEmail, { address: owner.email, locale: owner.preferred_locale }, { name: `${owner.given_name} ${owner.family_name}`, company: owner.legal_name, dueOn: ap.due_on });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}

/** Every timer of the membership, in the order a day would see them. */
export async function runMembershipTimers(deps: Deps): Promise<Record<string, number>> {
  return {
    revalidationReminders: await sendRevalidationReminders(deps),
    revalidationDue: await markRevalidationDue(deps),
    suspendedUnrevalidated: await suspendUnrevalidated(deps),
    cancellationsFinal: await finalizeCancellations(deps),
    actionPlanReminders: await sendActionPlanReminders(deps),
  };
}

export function membershipJobHandlers(deps: Deps & { logger: Logger }): Record<string, JobHandler> {
  return {
    [MEMBERSHIP_JOB]: async () => {
      deps.logger.info(await runMembershipTimers(deps), "membership timers");
    },
  };
}
