import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers/db.ts";
import { PortalClock } from "../clock.ts";
import { createLogger } from "../log.ts";
import { enqueueJob, ensureRecurringJob, JobRunner, PermanentJobError, retryDelayMs, type Job, type JobHandler } from "./queue.ts";

let database: TestDatabase;
let clock: PortalClock;
const logger = createLogger("silent");

before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());
beforeEach(async () => {
  clock = new PortalClock();
  clock.set(new Date("2027-03-01T12:00:00Z"));
  await database.db.deleteFrom("jobs").execute();
});

function runner(handlers: Record<string, JobHandler>, workerId?: string, leaseMs?: number): JobRunner {
  return new JobRunner({ db: database.db, clock, logger, handlers, ...(workerId ? { workerId } : {}), ...(leaseMs ? { leaseMs } : {}) });
}

async function jobRow(id: string) {
  return database.db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describe("job queue", () => {
  it("runs a queued job once with its payload and marks it done", async () => {
    const seen: Job[] = [];
    const id = await enqueueJob(database.db, clock, "test.echo", { n: 7 });
    const r = runner({ "test.echo": (job) => Promise.resolve(void seen.push(job)) });
    assert.equal(await r.drain(), 1);
    assert.equal(await r.drain(), 0);
    assert.equal(seen.length, 1);
    assert.deepEqual(seen[0]!.payload, { n: 7 });
    const row = await jobRow(id);
    assert.equal(row.status, "done");
    assert.equal(row.attempts, 1);
  });

  it("returns from a drain started while another is running only once that one's jobs are done", async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    await enqueueJob(database.db, clock, "test.slow", {});
    const r = runner({ "test.slow": () => slow.then(() => void (finished = true)) });
    const first = r.drain();
    await new Promise((resolve) => setTimeout(resolve, 50)); // the first drain has claimed the job
    let secondReturned = false;
    const second = r.drain().then((n) => {
      secondReturned = true;
      return { n, finished };
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // time enough for a claim that finds nothing
    assert.equal(secondReturned, false, "the second drain is still waiting while the first's job runs");
    release();
    assert.equal(await first, 1);
    assert.deepEqual(await second, { n: 0, finished: true }, "the second drain returned after the first's job was done");
  });

  it("waits for a job's run-at time on the portal clock", async () => {
    let runs = 0;
    await enqueueJob(database.db, clock, "test.later", {}, { runAt: new Date("2027-03-02T00:00:00Z") });
    const r = runner({ "test.later": () => Promise.resolve(void runs++) });
    assert.equal(await r.drain(), 0);
    clock.set(new Date("2027-03-02T00:00:01Z"));
    assert.equal(await r.drain(), 1);
    assert.equal(runs, 1);
  });

  it("retries a failed job with growing delays and records the error", async () => {
    let calls = 0;
    const id = await enqueueJob(database.db, clock, "test.flaky", {});
    const r = runner({
      "test.flaky": () => {
        calls++;
        return calls < 3 ? Promise.reject(new Error(`boom ${calls}`)) : Promise.resolve();
      },
    });
    await r.drain();
    let row = await jobRow(id);
    assert.equal(row.status, "pending");
    assert.equal(row.last_error, "boom 1");
    assert.equal(new Date(row.run_at).getTime() - clock.now().getTime() <= retryDelayMs(1), true);
    assert.equal(await r.drain(), 0, "not before the delay");
    clock.advance(retryDelayMs(1));
    await r.drain();
    row = await jobRow(id);
    assert.equal(row.last_error, "boom 2");
    clock.advance(retryDelayMs(2) - 1000);
    assert.equal(await r.drain(), 0, "the second delay is longer than the first");
    clock.advance(1000);
    await r.drain();
    row = await jobRow(id);
    assert.equal(row.status, "done");
    assert.equal(row.attempts, 3);
    assert.equal(calls, 3);
  });

  it("gives up after the last attempt and keeps the failure", async () => {
    const id = await enqueueJob(database.db, clock, "test.broken", {}, { maxAttempts: 2 });
    const r = runner({ "test.broken": () => Promise.reject(new Error("always")) });
    await r.drain();
    clock.advance(retryDelayMs(1));
    await r.drain();
    const row = await jobRow(id);
    assert.equal(row.status, "failed");
    assert.equal(row.attempts, 2);
    assert.equal(row.last_error, "always");
    clock.advance(retryDelayMs(5));
    assert.equal(await r.drain(), 0);
  });

  it("fails a job whose handler throws a PermanentJobError at once, with its cause, and never tries it again", async () => {
    const id = await enqueueJob(database.db, clock, "test.refused", {}, { maxAttempts: 5 });
    let calls = 0;
    const r = runner({
      "test.refused": () => {
        calls++;
        return Promise.reject(new PermanentJobError("refused for good"));
      },
    });
    await r.drain();
    const row = await jobRow(id);
    assert.deepEqual({ status: row.status, attempts: row.attempts, error: row.last_error }, { status: "failed", attempts: 1, error: "refused for good" });
    clock.advance(retryDelayMs(5));
    assert.equal(await r.drain(), 0);
    assert.equal(calls, 1);
  });

  it("records a job of unknown kind as failed work, not a crash", async () => {
    const id = await enqueueJob(database.db, clock, "test.nobody", {}, { maxAttempts: 1 });
    await runner({}).drain();
    const row = await jobRow(id);
    assert.equal(row.status, "failed");
    assert.match(row.last_error ?? "", /no handler/);
  });

  it("gives a job whose worker died to another worker once the lease runs out, not before", async () => {
    const id = await enqueueJob(database.db, clock, "test.lease", {});
    let runs = 0;
    // The first worker claims the job and never finishes: the process died mid-job.
    const dying = runner({ "test.lease": () => new Promise<void>(() => {}) }, "dying", 60_000);
    void dying.runOnce();
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await jobRow(id)).status, "running");
    const survivor = runner({ "test.lease": () => Promise.resolve(void runs++) }, "survivor", 60_000);
    assert.equal(await survivor.drain(), 0, "the lease still holds");
    clock.advance(60_001);
    assert.equal(await survivor.drain(), 1);
    const row = await jobRow(id);
    assert.equal(row.status, "done");
    assert.equal(row.attempts, 2);
    assert.equal(runs, 1);
  });

  it("queues nothing when the transaction that queued it rolls back", async () => {
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, clock, "test.rolled-back", {});
        throw new Error("change failed");
      }),
    );
    const rows = await database.db.selectFrom("jobs").select("id").where("kind", "=", "test.rolled-back").execute();
    assert.equal(rows.length, 0);
  });

  it("keeps one instance of a recurring job, which schedules its next run when it finishes", async () => {
    const HOUR = 60 * 60 * 1000;
    await ensureRecurringJob(database.db, clock, "test.recurring", HOUR);
    await ensureRecurringJob(database.db, clock, "test.recurring", HOUR); // a second process starting
    const pending = await database.db.selectFrom("jobs").select("id").where("kind", "=", "test.recurring").where("status", "=", "pending").execute();
    assert.equal(pending.length, 1);
    let runs = 0;
    const r = runner({ "test.recurring": () => Promise.resolve(void runs++) });
    assert.equal(await r.drain(), 1);
    assert.equal(await r.drain(), 0, "the next run waits an hour");
    clock.advance(HOUR);
    assert.equal(await r.drain(), 1);
    assert.equal(runs, 2);
    const rows = await database.db.selectFrom("jobs").select(["status"]).where("kind", "=", "test.recurring").execute();
    assert.deepEqual(rows.map((x) => x.status).sort(), ["done", "done", "pending"]);
  });

  it("schedules a recurring job's next run even when this one gave up", async () => {
    await database.db.deleteFrom("jobs").execute();
    await ensureRecurringJob(database.db, clock, "test.recurring-broken", 60_000);
    await database.db.updateTable("jobs").set({ max_attempts: 1 }).where("kind", "=", "test.recurring-broken").execute();
    await runner({ "test.recurring-broken": () => Promise.reject(new Error("down")) }).drain();
    const rows = await database.db.selectFrom("jobs").select(["status"]).where("kind", "=", "test.recurring-broken").execute();
    assert.deepEqual(rows.map((x) => x.status).sort(), ["failed", "pending"]);
  });

  it("polls in the background once started, and stops", async () => {
    let runs = 0;
    const r = new JobRunner({ db: database.db, clock, logger, handlers: { "test.bg": () => Promise.resolve(void runs++) }, pollIntervalMs: 20 });
    r.start();
    await enqueueJob(database.db, clock, "test.bg", {});
    for (let i = 0; i < 100 && runs === 0; i++) await new Promise((res) => setTimeout(res, 20));
    await r.stop();
    assert.equal(runs, 1);
  });
});
