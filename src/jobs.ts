// The portal's background work, held once: every job kind's handler, and the recurring jobs
// scheduled at every start. main.ts runs them; the tests' app (test/helpers/app.ts) registers
// the same handlers, so a job a test enqueues runs the code production runs.
import type { Db } from "./platform/db/index.ts";
import type { Clock } from "./platform/clock.ts";
import type { Logger } from "./platform/log.ts";
import { ensureRecurringJob, type JobHandler } from "./platform/jobs/queue.ts";
import { cleanupMailOutbox, MAIL_DELIVERY_JOB, mailDeliveryHandler } from "./platform/mail/outbox.ts";
import type { MailTransport } from "./platform/mail/transport.ts";
import { cleanupIdentity, IDENTITY_CLEANUP_EVERY_MS, IDENTITY_CLEANUP_JOB } from "./features/identity/cleanup.ts";
import { cleanupStaff } from "./features/staff/cleanup.ts";
import { expireInactiveUrns, sendUrnReminders, URN_EXPIRY_JOB, URN_JOBS_EVERY_MS, URN_REMINDER_JOB } from "./features/expiry/service.ts";
import { RECOVERY_REQUEST_JOB, sendRecoveryCode } from "./features/identity/gckey.ts";
import { reviewJobHandlers, REVIEW_RECURRING_JOBS } from "./features/review/jobs.ts";
import { membershipJobHandlers, MEMBERSHIP_RECURRING_JOBS } from "./features/membership/jobs.ts";

export interface JobDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  mailTransport: MailTransport;
  mailFrom: string;
}

export function jobHandlers(deps: JobDeps): Record<string, JobHandler> {
  const { db, clock, logger } = deps;
  return {
    [MAIL_DELIVERY_JOB]: mailDeliveryHandler({ db, clock, transport: deps.mailTransport, from: deps.mailFrom, logger }),
    [RECOVERY_REQUEST_JOB]: (job) => sendRecoveryCode({ db, clock }, job.payload),
    // Housekeeping every six hours: traders' and staff sign-in data, then mail sent long ago.
    [IDENTITY_CLEANUP_JOB]: async () => {
      const identity = await cleanupIdentity({ db, clock });
      const staff = await cleanupStaff({ db, clock });
      const sentMail = await cleanupMailOutbox({ db, clock });
      logger.info({ deleted: { ...identity, staffSessions: staff.sessions, staffReveals: staff.reveals, sentMail } }, "identity cleanup");
    },
    [URN_EXPIRY_JOB]: async () => {
      logger.info({ expired: await expireInactiveUrns({ db, clock }) }, "URN expiry");
    },
    [URN_REMINDER_JOB]: async () => {
      logger.info({ sent: await sendUrnReminders({ db, clock }) }, "URN reminders");
    },
    ...reviewJobHandlers({ db, clock, logger }),
    ...membershipJobHandlers({ db, clock, logger }),
  };
}

/** The recurring jobs, each scheduled once whatever the number of processes (safe at every start). */
export async function scheduleRecurringJobs(db: Db, clock: Clock): Promise<void> {
  await ensureRecurringJob(db, clock, IDENTITY_CLEANUP_JOB, IDENTITY_CLEANUP_EVERY_MS);
  await ensureRecurringJob(db, clock, URN_EXPIRY_JOB, URN_JOBS_EVERY_MS);
  await ensureRecurringJob(db, clock, URN_REMINDER_JOB, URN_JOBS_EVERY_MS);
  for (const [kind, everyMs] of Object.entries({ ...REVIEW_RECURRING_JOBS, ...MEMBERSHIP_RECURRING_JOBS })) await ensureRecurringJob(db, clock, kind, everyMs);
}
