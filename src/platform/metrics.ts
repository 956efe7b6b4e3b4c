// Prometheus metrics (prom-client), served at /metrics (web/metrics-routes.ts). Two kinds:
// - the process's own counters and histograms (requests, job attempts, growing delays given,
//   and prom-client's default process metrics: memory, CPU, event-loop delay), in one
//   registry per process, counted where things happen;
// - the database's state (job queue, mail outbox), shared by every instance on the same
//   database, read when scraped (`databaseMetrics`), so that N instances report the same
//   queue rather than N partial ones.
// Labels are bounded: a route's pattern (never a raw URL), a status, a job kind, a policy's
// scope — nothing that carries a person, a token or an address.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { sql } from "kysely";
import type { Db, PoolUse } from "./db/index.ts";

/** The process's registry: one per process, whatever the number of apps (tests make several). */
export const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics, prefix: "ttp_", eventLoopMonitoringPrecision: 20 });

export const httpRequests = new Counter({
  name: "ttp_http_requests_total",
  help: "HTTP requests answered, by method, route pattern and status.",
  labelNames: ["method", "route", "status"] as const,
  registers: [processMetrics],
});

export const httpDuration = new Histogram({
  name: "ttp_http_request_duration_seconds",
  help: "Time from a request's arrival to its response's headers, by method, route pattern and status class.",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processMetrics],
});

export const jobAttempts = new Counter({
  name: "ttp_job_attempts_total",
  help: "Job attempts this process ran, by kind and outcome (done, retry: failed and rescheduled, failed: failed for good).",
  labelNames: ["kind", "outcome"] as const,
  registers: [processMetrics],
});

export const throttleRefusals = new Counter({
  name: "ttp_throttle_delays_total",
  help: "Attempts refused because a growing delay was running (SEC-3, SEC-7), by the scope of the delay (pw, recovery, activate, urn, …).",
  labelNames: ["scope"] as const,
  registers: [processMetrics],
});

/** The scope of a throttle key: its first segment (`pw:addr:…` → `pw`). */
export function throttleScope(key: string): string {
  return key.split(":", 1)[0] ?? "other";
}

/**
 * The database's side, read now: jobs by kind and status, the mail outbox's backlog and the
 * age of its oldest queued message, and the connection pool's use. A fresh registry each
 * scrape (nothing of it is kept between scrapes).
 */
export async function databaseMetrics(db: Db, now: Date, pool?: () => PoolUse): Promise<Registry> {
  const registry = new Registry();
  const [jobs, outbox] = await Promise.all([
    sql<{ kind: string; status: string; n: string }>`select kind, status, count(*)::text as n from jobs where status <> 'done' group by kind, status`.execute(db),
    sql<{ queued: string; failed: string; oldest: Date | string | null }>`select count(*) filter (where status = 'queued')::text as queued, count(*) filter (where status = 'failed')::text as failed, min(created_at) filter (where status = 'queued') as oldest from mail_outbox`.execute(db),
  ]);
  const jobGauge = new Gauge({
    name: "ttp_jobs",
    help: "Jobs in the queue that are not done, by kind and status (pending, running, failed for good).",
    labelNames: ["kind", "status"] as const,
    registers: [registry],
  });
  for (const r of jobs.rows) jobGauge.set({ kind: r.kind, status: r.status }, Number(r.n));
  const o = outbox.rows[0];
  new Gauge({ name: "ttp_mail_outbox_queued", help: "Messages in the mail outbox waiting to be delivered.", registers: [registry] }).set(Number(o?.queued ?? 0));
  new Gauge({ name: "ttp_mail_outbox_failed", help: "Messages in the mail outbox that failed for good.", registers: [registry] }).set(Number(o?.failed ?? 0));
  const oldest = o?.oldest ? new Date(o.oldest).getTime() : null;
  new Gauge({ name: "ttp_mail_outbox_oldest_age_seconds", help: "Age of the oldest message waiting in the mail outbox (0 when none waits)." , registers: [registry] }).set(
    oldest === null ? 0 : Math.max(0, (now.getTime() - oldest) / 1000),
  );
  if (pool) {
    const use = pool();
    const gauge = new Gauge({ name: "ttp_db_pool_connections", help: "Connections of this process's PostgreSQL pool, by state (idle, busy) and requests waiting for one.", labelNames: ["state"] as const, registers: [registry] });
    gauge.set({ state: "idle" }, use.idle);
    gauge.set({ state: "busy" }, use.total - use.idle);
    gauge.set({ state: "waiting" }, use.waiting);
  }
  return registry;
}

/** Everything, in Prometheus's text format. */
export async function metricsText(db: Db, now: Date, pool?: () => PoolUse): Promise<{ contentType: string; body: string }> {
  const merged = Registry.merge([processMetrics, await databaseMetrics(db, now, pool)]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}
