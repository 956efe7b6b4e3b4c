// The review's scheduled work (APP-12, APP-13): reminders of requests for information (7 days
// before the due date and on it, each once) and the proposed denial made final after 30 days.
import type { Db } from "../../platform/db/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Logger } from "../../platform/log.ts";
import type { JobHandler } from "../../platform/jobs/queue.ts";
import { finalizeProposedDenials, sendInformationReminders } from "./service.ts";

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
