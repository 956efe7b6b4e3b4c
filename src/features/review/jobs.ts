// The review's scheduled work (APP-12, APP-13): reminders of requests for information and the
// denial made final after 30 days. (Filled in by the review feature.)
import type { Db } from "../../platform/db/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Logger } from "../../platform/log.ts";
import type { JobHandler } from "../../platform/jobs/queue.ts";

/** Recurring job kinds of the review and how often each runs (ms). */
export const REVIEW_RECURRING_JOBS: Record<string, number> = {};

export function reviewJobHandlers(_deps: { db: Db; clock: Clock; logger: Logger }): Record<string, JobHandler> {
  return {};
}
