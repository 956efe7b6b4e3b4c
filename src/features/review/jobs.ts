// The review's scheduled work (APP-12, APP-13): reminders of requests for information (7 days
// before the due date and on it, each once) and the proposed denial made final after 30 days.
import type { Db } from "../../platform/db/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Logger } from "../../platform/log.ts";
import type { JobHandler } from "../../platform/jobs/queue.ts";
import { sql } from "kysely";
import { calendarDate as calendarInOttawa } from "../../platform/clock.ts";
import { queueMail } from "../../platform/mail/outbox.ts";
import { addCalendarDays } from "../../domain/business-days.ts";
import { TRANSITIONS } from "../../domain/membership.ts";
import { applyTransition } from "../membership/service.ts";
import { informationReminderEmail } from "./service.ts";

type Deps = { db: Db; clock: Clock };

export const INFORMATION_REMINDERS_JOB = "review.information-reminders";
export const DENIAL_FINAL_JOB = "review.denial-final";
const HOUR_MS = 60 * 60 * 1000;

/** Recurring job kinds of the review and how often each runs (ms). */
export const REVIEW_RECURRING_JOBS: Record<string, number> = {
  [INFORMATION_REMINDERS_JOB]: HOUR_MS,
  [DENIAL_FINAL_JOB]: HOUR_MS,
};

export function reviewJobHandlers(deps: { db: Db; clock: Clock; logger: Logger }): Record<string, JobHandler> {
  const { db, clock, logger } = deps;
  return {
    [INFORMATION_REMINDERS_JOB]: async () => {
      logger.info({ sent: await sendInformationReminders({ db, clock }) }, "information request reminders");
    },
    [DENIAL_FINAL_JOB]: async () => {
      logger.info({ denied: await finalizeProposedDenials({ db, clock }) }, "proposed denials made final");
    },
  };
}

export const REMINDER_DAYS_BEFORE = 7;

/**
 * Reminds the account owner of each open request 7 days before its due date and on it, each
 * once: the reminder is claimed (reminded_*_at set where still null) in the transaction that
 * queues the mail, so two workers at the same moment send one.
 */
export async function sendInformationReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = calendarInOttawa(now);
  const candidates = await deps.db
    .selectFrom("information_requests as ir")
    .innerJoin("review_cases as rc", "rc.id", "ir.case_id")
    .select(["ir.id", sql<string>`ir.due_on::text`.as("due_on"), "ir.reminded_before_at", "ir.reminded_due_at"])
    .where("ir.responded_at", "is", null)
    .where("rc.closed_at", "is", null)
    .where("ir.due_on", "<=", addCalendarDays(today, REMINDER_DAYS_BEFORE))
    .where((eb) => eb.or([eb("ir.reminded_before_at", "is", null), eb("ir.reminded_due_at", "is", null)]))
    .orderBy("ir.id")
    .execute();
  let sent = 0;
  for (const r of candidates) {
    const dueOn = String(r.due_on);
    const kind: "before" | "due" | null = dueOn <= today ? (r.reminded_due_at === null ? "due" : null) : r.reminded_before_at === null ? "before" : null;
    if (!kind) continue;
    const column = kind === "due" ? "reminded_due_at" : "reminded_before_at";
    const done = await deps.db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable("information_requests").set({ [column]: now }).where("id", "=", r.id).where(column, "is", null).where("responded_at", "is", null).returning("id").executeTakeFirst();
      if (!claimed) return false;
      const info = await trx
        .selectFrom("information_requests as ir")
        .innerJoin("companies as co", "co.id", "ir.company_id")
        .innerJoin("company_users as cu", (j) => j.onRef("cu.company_id", "=", "co.id").on("cu.role", "=", "owner").on("cu.status", "=", "active"))
        .innerJoin("people as p", "p.id", "cu.person_id")
        .select(["co.legal_name", "ir.message", "p.given_name", "p.family_name", "p.email", "p.preferred_locale"])
        .where("ir.id", "=", r.id)
        .executeTakeFirst();
      if (!info) return false;
      await queueMail(trx, deps.clock, informationReminderEmail, { address: info.email, locale: info.preferred_locale }, {
        name: `${info.given_name} ${info.family_name}`,
        company: info.legal_name,
        dueOn,
        message: info.message,
        due: kind === "due",
      });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}

/** Makes final every proposed denial whose 30 days for an informal review have passed (actor: job). */
export async function finalizeProposedDenials(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - TRANSITIONS.deny.window.days * 24 * 60 * 60 * 1000);
  const due = await deps.db
    .selectFrom("companies")
    .select("id")
    .where("membership_status", "=", "denial-proposed")
    .where("denial_proposed_at", "<=", cutoff)
    .orderBy("id")
    .execute();
  let denied = 0;
  for (const co of due) {
    const ok = await deps.db.transaction().execute(async (trx) => {
      const proposal = await trx.selectFrom("decisions").select("reasons").where("company_id", "=", co.id).where("transition", "=", "propose-denial").orderBy("id", "desc").limit(1).executeTakeFirst();
      const r = await applyTransition(trx, deps.clock, { companyId: co.id, name: "deny", acting: { actor: "job" }, reasons: proposal?.reasons ?? "" });
      return r.ok;
    });
    if (ok) denied++;
  }
  return denied;
}
