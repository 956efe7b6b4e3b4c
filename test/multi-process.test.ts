// Several app processes on one PostgreSQL: the job queue runs each job exactly once, and a
// mail whose delivering process crashed half-way is delivered after restart, not lost.
// These need a real server (PGlite is one process by design): they run when
// TEST_DATABASE_URL is set, as in CI.
import assert from "node:assert/strict";
import { sql } from "kysely";
import { createTestDatabase, testEngine, type TestDatabase } from "./helpers/db.ts";
import { spawnTs } from "./helpers/process.ts";
import { skipUnless } from "./helpers/skip.ts";
import { startSmtpServer, type TestSmtpServer } from "./helpers/smtp.ts";
import { PortalClock } from "../src/platform/clock.ts";
import { createLogger } from "../src/platform/log.ts";
import { enqueueJob, JobRunner } from "../src/platform/jobs/queue.ts";
import { MAIL_DELIVERY_JOB, mailDeliveryHandler, queueMail, type MailTemplate } from "../src/platform/mail/outbox.ts";
import { smtpTransport } from "../src/platform/mail/transport.ts";

const { describe, it, before, after } = skipUnless(testEngine === "postgres", "needs PostgreSQL: set TEST_DATABASE_URL (CI does)");

describe("two app processes on one PostgreSQL", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.close());

  it("drain 500 jobs between them, each job run exactly once", async () => {
    await sql`create table job_runs (job_id bigint not null, worker text not null)`.execute(database.db);
    const clock = new PortalClock();
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 500; i++) await enqueueJob(trx, clock, "test.record", { i });
    });
    const workers = ["A", "B"].map((id) => spawnTs("test/helpers/job-worker.ts", { DATABASE_URL: database.url!, WORKER_ID: id, WORKER_MODE: "record" }));
    await Promise.all(workers.map((w) => w.waitFor("ready")));
    for (const w of workers) w.proc.stdin.write("go\n");
    const codes = await Promise.all(workers.map((w) => w.exited));
    assert.deepEqual(codes, [0, 0], workers.map((w) => w.output()).join("\n"));

    const runs = await sql<{ total: string; distinct_jobs: string }>`select count(*) as total, count(distinct job_id) as distinct_jobs from job_runs`.execute(database.db);
    assert.equal(Number(runs.rows[0]!.total), 500);
    assert.equal(Number(runs.rows[0]!.distinct_jobs), 500);
    const perWorker = await sql<{ worker: string; n: string }>`select worker, count(*) as n from job_runs group by worker order by worker`.execute(database.db);
    assert.equal(perWorker.rows.length, 2, `both processes took work: ${JSON.stringify(perWorker.rows)}`);
    const left = await database.db.selectFrom("jobs").select("id").where("status", "!=", "done").execute();
    assert.equal(left.length, 0);
  });
});

describe("a mail whose delivery crashed half-way", () => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  before(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpServer();
  });
  after(async () => {
    await smtp.close();
    await database.close();
  });

  it("is delivered after restart, once, and not lost", async () => {
    const template: MailTemplate<Record<string, never>> = {
      name: "test.crash",
      render: () => ({ subject: "Your client number", paragraphs: ["It is 123456789."] }),
    };
    const clock = new PortalClock();
    const outboxId = await database.db
      .transaction()
      .execute((trx) => queueMail(trx, clock, template, { address: "owner@example.ca", locale: "en" }, {}));

    // The first process starts sending; the SMTP server holds the message half-way, and
    // the process is killed while its delivery is in flight.
    let dataStarted!: () => void;
    const started = new Promise<void>((r) => (dataStarted = r));
    smtp.onDataStart = () => dataStarted();
    smtp.beforeAccept = () => new Promise(() => {}); // never answers
    const doomed = spawnTs("test/helpers/job-worker.ts", { DATABASE_URL: database.url!, WORKER_MODE: "mail", SMTP_URL: smtp.url });
    await doomed.waitFor("ready");
    doomed.proc.stdin.write("go\n");
    await started;
    doomed.proc.kill("SIGKILL");
    await doomed.exited;
    smtp.onDataStart = undefined;
    smtp.beforeAccept = undefined;
    assert.equal(smtp.received.length, 0);

    const row = await database.db.selectFrom("mail_outbox").selectAll().where("id", "=", outboxId).executeTakeFirstOrThrow();
    assert.equal(row.status, "queued", "the crash left the message undelivered");

    // After restart: a new process (another worker) whose clock is past the dead worker's lease.
    const logger = createLogger("silent");
    const transport = smtpTransport(smtp.url, "localhost");
    const restarted = new JobRunner({
      db: database.db,
      clock,
      logger,
      handlers: { [MAIL_DELIVERY_JOB]: mailDeliveryHandler({ db: database.db, clock, transport, from: "noreply@localhost", logger }) },
    });
    assert.equal(await restarted.drain(), 0, "not while the dead worker's lease holds");
    clock.advance(5 * 60 * 1000 + 1000);
    assert.equal(await restarted.drain(), 1);
    transport.close?.();

    assert.equal(smtp.received.length, 1);
    assert.equal(smtp.received[0]!.header("subject"), "Your client number");
    const after = await database.db.selectFrom("mail_outbox").selectAll().where("id", "=", outboxId).executeTakeFirstOrThrow();
    assert.equal(after.status, "sent");
  });
});
