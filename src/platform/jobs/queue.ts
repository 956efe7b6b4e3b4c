// The job queue: a `jobs` table polled with FOR UPDATE SKIP LOCKED. It behaves the same on
// PGlite and on PostgreSQL, and several app processes can drain one queue safely: a job is
// claimed by one worker for a lease; a worker that dies leaves the lease to run out, and
// the job is then claimed again (at least once). Handlers make their effects idempotent.
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database, Db } from "../db/index.ts";
import type { Clock } from "../clock.ts";
import type { Logger } from "../log.ts";
import { jobAttempts } from "../metrics.ts";

export interface Job {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

export type JobHandler = (job: Job) => Promise<void>;

/** Thrown by a handler whose job can never succeed as it is: failed now, with its cause, and not tried again. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
}

const DEFAULT_MAX_ATTEMPTS = 10;

/** Queues a job. Pass the transaction of the change that causes it (outbox). */
export async function enqueueJob(
  db: Kysely<Database>,
  clock: Clock,
  kind: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<string> {
  const now = clock.now();
  const row = await db
    .insertInto("jobs")
    .values({
      kind,
      payload: JSON.stringify(payload),
      status: "pending",
      run_at: options.runAt ?? now,
      max_attempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Schedules a job that runs every `everyMs`: one instance at a time (a unique index), and
 * each run, when it succeeds, schedules the next in the same transaction. Safe to call at
 * every start of every process.
 */
export async function ensureRecurringJob(db: Kysely<Database>, clock: Clock, kind: string, everyMs: number, firstRunAt?: Date): Promise<void> {
  await sql`insert into jobs (kind, payload, status, run_at, max_attempts, created_at)
            values (${kind}, ${JSON.stringify({ recurring: true, everyMs })}::jsonb, 'pending', ${firstRunAt ?? clock.now()}, ${DEFAULT_MAX_ATTEMPTS}, ${clock.now()})
            on conflict do nothing`.execute(db);
}

/** Delay before retry number `attempt` (1-based): 10 s, 20 s, 40 s, … capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempt - 1), 60 * 60 * 1000);
}

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  /** How long a claimed job stays with its worker before others may take it. */
  leaseMs?: number;
  /** Jobs claimed per poll. */
  batchSize?: number;
  pollIntervalMs?: number;
  workerId?: string;
}

export class JobRunner {
  readonly workerId: string;
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #handlers: Record<string, JobHandler>;
  readonly #leaseMs: number;
  readonly #batchSize: number;
  readonly #pollIntervalMs: number;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #stopped = true;
  /** The drain under way (or the last one): the next drain starts after it. */
  #drains: Promise<number> = Promise.resolve(0);

  constructor(options: JobRunnerOptions) {
    this.#db = options.db;
    this.#clock = options.clock;
    this.#log = options.logger;
    this.#handlers = options.handlers;
    this.#leaseMs = options.leaseMs ?? 5 * 60 * 1000;
    this.#batchSize = options.batchSize ?? 10;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
  }

  /** Polls in the background until stop(). */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /**
   * Runs ready jobs until none is left; returns how many ran. For tests and scripts. Drains of one
   * runner take turns: a drain called while another is under way returns only after that one has
   * finished too (otherwise it could find nothing to claim and return while the other is still
   * delivering the email its caller is waiting for).
   */
  drain(): Promise<number> {
    const turn = this.#drains.then(async () => {
      let total = 0;
      for (;;) {
        const n = await this.runOnce();
        if (n === 0) return total;
        total += n;
      }
    });
    this.#drains = turn.catch(() => 0);
    return turn;
  }

  /** Claims one batch of ready jobs and runs them; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const jobs = await this.#claim();
    for (const job of jobs) await this.#run(job);
    return jobs.length;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.#tick();
    }, delayMs);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    let claimed = 0;
    try {
      claimed = await this.runOnce();
    } catch (err) {
      this.#log.error({ err, worker: this.workerId }, "job poll failed");
    }
    // A full batch suggests more work is waiting: poll again at once.
    this.#schedule(claimed >= this.#batchSize ? 0 : this.#pollIntervalMs);
  }

  async #claim(): Promise<Job[]> {
    const now = this.#clock.now();
    const leaseUntil = new Date(now.getTime() + this.#leaseMs);
    // A pending job whose time has come, or a running job whose worker's lease ran out.
    const result = await sql<{ id: string; kind: string; payload: Record<string, unknown>; attempts: number; max_attempts: number; run_at: Date }>`
      update jobs set status = 'running', attempts = attempts + 1,
             locked_by = ${this.workerId}, locked_until = ${leaseUntil}
       where id in (
         select id from jobs
          where (status = 'pending' and run_at <= ${now})
             or (status = 'running' and locked_until < ${now})
          order by run_at, id
          limit ${this.#batchSize}
          for update skip locked)
      returning id, kind, payload, attempts, max_attempts, run_at`.execute(this.#db);
    // RETURNING comes in no particular order: run the batch oldest first.
    const rows = [...result.rows].sort((a, b) => new Date(a.run_at).getTime() - new Date(b.run_at).getTime() || Number(BigInt(a.id) - BigInt(b.id)));
    return rows.map((r) => ({
      id: String(r.id),
      kind: r.kind,
      payload: r.payload,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
    }));
  }

  async #run(job: Job): Promise<void> {
    const handler = this.#handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job);
      await this.#db.transaction().execute(async (trx) => {
        const done = await trx
          .updateTable("jobs")
          .set({ status: "done", finished_at: this.#clock.now(), locked_by: null, locked_until: null, last_error: null })
          .where("id", "=", job.id)
          .where("locked_by", "=", this.workerId)
          .executeTakeFirst();
        const everyMs = job.payload.everyMs;
        if (Number(done.numUpdatedRows) === 1 && job.payload.recurring === true && typeof everyMs === "number") {
          await ensureRecurringJob(trx, this.#clock, job.kind, everyMs, new Date(this.#clock.now().getTime() + everyMs));
        }
      });
      jobAttempts.inc({ kind: job.kind, outcome: "done" });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = err instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      jobAttempts.inc({ kind: job.kind, outcome: final ? "failed" : "retry" });
      this.#log.warn({ job: { id: job.id, kind: job.kind, attempts: job.attempts }, final, error: message }, "job failed");
      const now = this.#clock.now();
      await this.#db
        .updateTable("jobs")
        .set(
          final
            ? { status: "failed", finished_at: now, locked_by: null, locked_until: null, last_error: message }
            : {
                status: "pending",
                run_at: new Date(now.getTime() + retryDelayMs(job.attempts)),
                locked_by: null,
                locked_until: null,
                last_error: message,
              },
        )
        .where("id", "=", job.id)
        .where("locked_by", "=", this.workerId)
        .execute();
      // A recurring job that gave up still has its next run.
      const everyMs = job.payload.everyMs;
      if (final && job.payload.recurring === true && typeof everyMs === "number") {
        await ensureRecurringJob(this.#db, this.#clock, job.kind, everyMs, new Date(now.getTime() + everyMs));
      }
    }
  }
}
