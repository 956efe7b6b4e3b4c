// A separate app process for the multi-process tests: it opens the database named by
// DATABASE_URL and drains the job queue with the handlers the test asks for.
//   WORKER_MODE=record  — handler "test.record" inserts (job_id, worker) into job_runs.
//   WORKER_MODE=mail    — the real mail delivery handler over SMTP_URL.
// It prints "ready", waits for "go" on stdin, drains until the queue stays empty, then
// prints "ran N" and exits.
import { createInterface } from "node:readline";
import { sql } from "kysely";
import { openDatabase } from "../../src/platform/db/index.ts";
import { PortalClock } from "../../src/platform/clock.ts";
import { createLogger } from "../../src/platform/log.ts";
import { JobRunner, type JobHandler } from "../../src/platform/jobs/queue.ts";
import { MAIL_DELIVERY_JOB, mailDeliveryHandler } from "../../src/platform/mail/outbox.ts";
import { smtpTransport } from "../../src/platform/mail/transport.ts";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const workerId = process.env.WORKER_ID ?? `w${process.pid}`;
const database = await openDatabase({ kind: "postgres", url, poolSize: 4 });
const clock = new PortalClock();
const logger = createLogger("silent");

const handlers: Record<string, JobHandler> = {};
if (process.env.WORKER_MODE === "mail") {
  const transport = smtpTransport(process.env.SMTP_URL!, "localhost");
  handlers[MAIL_DELIVERY_JOB] = mailDeliveryHandler({ db: database.db, clock, transport, from: "noreply@localhost", logger });
} else {
  handlers["test.record"] = async (job) => {
    await new Promise((r) => setTimeout(r, 2)); // some work, so the two processes interleave
    await sql`insert into job_runs (job_id, worker) values (${job.id}, ${workerId})`.execute(database.db);
  };
}

const runner = new JobRunner({ db: database.db, clock, logger, handlers, workerId, batchSize: 5 });
process.stdout.write("ready\n");
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === "go") break;

let ran = 0;
let idle = 0;
while (idle < 3) {
  const n = await runner.runOnce();
  ran += n;
  idle = n === 0 ? idle + 1 : 0;
  if (n === 0) await new Promise((r) => setTimeout(r, 50));
}
process.stdout.write(`ran ${ran}\n`);
await database.close();
process.exit(0);
