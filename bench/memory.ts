// Section "memory" of `npm run bench` (DESIGN.md "Performance": RSS after 100,000 requests
// within 10% of RSS after 10,000). A portal of its own is started on the bench database, so
// its requests are counted from its start; the dashboard is loaded with a fixed number of
// requests (autocannon's `amount`) at 50 connections, and the child's VmRSS
// (/proc/<pid>/status) is read when each count is reached, before the next requests start.
//
// Alongside: the database transactions per dashboard request, from pg_stat_database's
// commits and rollbacks on the bench database over the requests after the first checkpoint
// (a statement outside a transaction is one; the portal's job runner, polling once a second,
// and this counting add a few hundred in all — well under 1% at this count).
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { runRequests, type Endpoint } from "./load.ts";
import type { ServerProcess } from "./servers.ts";
import { BenchError } from "./shared.ts";

/** DESIGN.md's two counts, and one between them: whether the growth flattens out or goes on. */
export const CHECKPOINTS = [10_000, 50_000, 100_000] as const;
const CONNECTIONS = 50;
/** The watchdog's allowance assumes at least this many dashboard requests a second. */
const SLOWEST_EXPECTED_RPS = 100;
/** An idle backend reports its statistics within 10 s (PGSTAT_IDLE_INTERVAL). */
const STATS_SETTLE_MAX_MS = 12_000;

export function memoryBudgetSeconds(): number {
  return 10 + Math.max(...CHECKPOINTS) / SLOWEST_EXPECTED_RPS + 2 * STATS_SETTLE_MAX_MS / 1000;
}

export interface MemoryPoint {
  readonly requests: number;
  readonly rssMiB: number;
  /** The child's peak RSS so far (VmHWM). */
  readonly peakMiB: number;
  /** The V8 heap in use and the memory outside it (buffers), from the portal's own /metrics (null if unread). */
  readonly heapUsedMiB: number | null;
  readonly externalMiB: number | null;
  /** req/s of the batch that led to this point. */
  readonly rps: number;
  readonly failed: number;
}

export interface MemorySummary {
  readonly atStartMiB: number;
  readonly points: readonly MemoryPoint[];
  /** RSS at the last checkpoint (100,000) ÷ at the first (10,000). */
  readonly ratio: number;
  /** Database transactions per dashboard request, after the first checkpoint; null if unread. */
  readonly transactionsPerRequest: number | null;
}

export interface MemoryOptions {
  readonly databaseUrl: string;
  readonly dashboard: Endpoint;
  readonly startPortal: (name: string, env: Readonly<Record<string, string>>) => Promise<ServerProcess>;
  readonly progress: (line: string) => void;
}

/** The V8 heap in use and external memory of the portal, read from its /metrics (the bench is on loopback). */
async function readHeap(origin: string): Promise<{ heapUsedMiB: number | null; externalMiB: number | null }> {
  try {
    const text = await (await fetch(`${origin}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    const value = (name: string): number | null => {
      const m = new RegExp(`^${name} (\\S+)$`, "m").exec(text);
      return m ? Number(m[1]) / (1024 * 1024) : null;
    };
    return { heapUsedMiB: value("ttp_nodejs_heap_size_used_bytes"), externalMiB: value("ttp_nodejs_external_memory_bytes") };
  } catch {
    return { heapUsedMiB: null, externalMiB: null };
  }
}

/** VmRSS and VmHWM of a process, in MiB. */
export async function readRss(pid: number): Promise<{ rssMiB: number; peakMiB: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    if (!match) throw new BenchError(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]) / 1024;
  };
  return { rssMiB: kib("VmRSS"), peakMiB: kib("VmHWM") };
}

/** Commits + rollbacks on the bench database, once the backends' pending statistics are in. */
async function settledTransactions(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl, statement_timeout: 10_000 });
  await client.connect();
  try {
    const read = async (): Promise<number> => {
      // Each read is its own snapshot of the statistics (not the transaction's cached one).
      await client.query("select pg_stat_clear_snapshot()");
      const { rows } = await client.query<{ n: string }>(
        "select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()",
      );
      return Number(rows[0]?.n ?? Number.NaN);
    };
    const started = performance.now();
    let last = await read();
    let stableSince = performance.now();
    while (performance.now() - started < STATS_SETTLE_MAX_MS) {
      await sleep(500);
      const now = await read();
      // Our own reads and the job runners' polls add a few; more is pending statistics arriving.
      if (now - last > 10) stableSince = performance.now();
      last = now;
      if (performance.now() - stableSince >= 2_500) break;
    }
    return last;
  } finally {
    await client.end();
  }
}

export async function runMemory(options: MemoryOptions): Promise<MemorySummary> {
  const portal = await options.startPortal("portal-memory", {});
  try {
    const pid = portal.pid;
    if (pid === undefined) throw new BenchError("portal-memory has no pid");
    const atStart = await readRss(pid);
    options.progress(`memory: portal-memory (pid ${pid}) ready, RSS ${atStart.rssMiB.toFixed(1)} MiB`);
    const points: MemoryPoint[] = [];
    let served = 0;
    let transactionsBefore: number | undefined;
    for (const checkpoint of CHECKPOINTS) {
      // Counted over the last batch only: the first includes the start's warm-up.
      if (points.length > 0 && points.length === CHECKPOINTS.length - 1) {
        transactionsBefore = await settledTransactions(options.databaseUrl).catch(() => undefined);
      }
      const amount = checkpoint - served;
      options.progress(`memory: ${amount.toLocaleString("en")} dashboard requests (to ${checkpoint.toLocaleString("en")})`);
      const result = await runRequests(portal.origin, options.dashboard, amount, CONNECTIONS);
      served = checkpoint;
      if (portal.hasExited) throw new BenchError(`portal-memory exited during the run\n${portal.output()}`);
      const rss = await readRss(pid);
      points.push({ requests: checkpoint, ...rss, ...(await readHeap(portal.origin)), rps: result.rps, failed: result.errors + result.non2xx });
      options.progress(`memory: after ${checkpoint.toLocaleString("en")} requests: RSS ${rss.rssMiB.toFixed(1)} MiB (peak ${rss.peakMiB.toFixed(1)}), ${result.rps.toFixed(1)} req/s`);
    }
    let transactionsPerRequest: number | null = null;
    if (transactionsBefore !== undefined && points.length >= 2) {
      const after = await settledTransactions(options.databaseUrl).catch(() => undefined);
      const requests = points[points.length - 1]!.requests - points[points.length - 2]!.requests;
      if (after !== undefined) transactionsPerRequest = (after - transactionsBefore) / requests;
    }
    const first = points[0]!;
    const last = points[points.length - 1]!;
    return { atStartMiB: atStart.rssMiB, points, ratio: last.rssMiB / first.rssMiB, transactionsPerRequest };
  } finally {
    await portal.stop();
  }
}
