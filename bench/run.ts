// `npm run bench [target ...]`: the portal against a minimal baseline page, on PostgreSQL, in
// the same run, reported as ratios (DESIGN.md "Performance"; nothing is asserted).
//
// A fresh database `ttp_bench_<pid>_<random>` is created on BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres, trust auth) and dropped at the end. The portal
// (scripts/start.ts, as `npm start` runs it) and the baseline (bench/baseline.ts) run as child processes on 127.0.0.1, and
// autocannon loads them alternately. Targets are listed in bench/targets.ts.
import { createRequire } from "node:module";
import os from "node:os";
import { createDatabase, DEFAULT_ADMIN_URL, dropDatabase, planBenchDatabase, seedBaselineSessions } from "./database.ts";
import { endpointPaths, percentile, pooledSorted, runPhase, stopRunningLoad, type Endpoint, type PhaseResult } from "./load.ts";
import { freePorts, portalStart, ServerProcess } from "./servers.ts";
import { BASELINE_ROWS, BASELINE_TABLE, BenchError } from "./shared.ts";
import { newAppKeyText, parseAppKey, useAppKeys } from "../src/platform/app-key.ts";
import { resolveEndpoint, TARGETS, type BenchContext, type Target } from "./targets.ts";
import { dashboardEndpoint } from "./dashboard.ts";
import { runSignInsAlongside, signInsBudgetSeconds, type SignInsSummary } from "./sign-ins.ts";
import { CHECKPOINTS, memoryBudgetSeconds, runMemory, type MemorySummary } from "./memory.ts";
import { pgliteBudgetSeconds, runPglite, type PgliteSummary } from "./pglite.ts";

// The portal under test and this harness, which writes sessions straight into its database
// (their keyed token hashes, SEC-8), hold the same application key.
const BENCH_APP_KEY = newAppKeyText();
useAppKeys({ current: parseAppKey(BENCH_APP_KEY), previous: null });

const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const ROUNDS = 3;
const ROUND_SECONDS = 5;
const READY_TIMEOUT_MS = 30_000;
/** Start-up (database, migrations, two servers) plus clean-up, on top of the planned load. */
const OVERHEAD_BUDGET_MS = 40_000;

const SERVERS = ["portal", "baseline"] as const;
type ServerName = (typeof SERVERS)[number];

const started = performance.now();
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const progress = (line: string): void => void process.stderr.write(`[${elapsed().padStart(6)}] ${line}\n`);
const out = (line = ""): void => void process.stdout.write(`${line}\n`);

// --- clean-up: always, once, in reverse order of registration ---------------------------------

class Cleanup {
  private readonly tasks: { label: string; run: () => Promise<void> }[] = [];
  private running: Promise<boolean> | undefined;

  add(label: string, run: () => Promise<void>): void {
    this.tasks.push({ label, run });
  }

  /** Resolves to false if a task failed (each failure is reported on stderr). */
  run(): Promise<boolean> {
    this.running ??= (async () => {
      let ok = true;
      for (const task of [...this.tasks].reverse()) {
        try {
          await task.run();
        } catch (err) {
          ok = false;
          process.stderr.write(`clean-up: ${task.label} failed: ${err instanceof Error ? err.message : String(err)}\n`);
        }
      }
      return ok;
    })();
    return this.running;
  }
}

const cleanup = new Cleanup();
let aborting = false;

/**
 * Signals and the watchdog: stop the load, clean up, exit (hard exit if clean-up hangs).
 * Repeats are ignored: Ctrl-C reaches us twice under `npm run` (the terminal's, and tsx relays it).
 */
function abort(reason: string, exitCode: number): void {
  if (aborting) return;
  aborting = true;
  process.stderr.write(`\n${reason}: stopping and cleaning up\n`);
  stopRunningLoad();
  setTimeout(() => {
    process.stderr.write("clean-up is taking too long; exiting without it\n");
    process.exit(exitCode);
  }, 15_000).unref();
  void cleanup.run().finally(() => process.exit(exitCode));
}
process.on("SIGINT", () => abort("SIGINT", 130));
process.on("SIGTERM", () => abort("SIGTERM", 143));
process.on("SIGHUP", () => abort("SIGHUP", 129));

// --- the run ------------------------------------------------------------------------------------

interface SideSummary {
  readonly method: string;
  readonly path: string;
  /** The endpoint's other paths, loaded in turn with `path`. */
  readonly morePaths?: readonly string[];
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly responses: number;
}

interface TargetSummary {
  readonly name: string;
  readonly portal: SideSummary;
  readonly baseline: SideSummary;
  readonly ratio: { readonly rps: number; readonly p99: number };
  /** 1-minute load average of the machine before and after the target's load. */
  readonly loadAverage: { readonly before: number; readonly after: number };
}

interface GrowthSummary {
  readonly name: string;
  readonly of: string;
  /** This target's figure ÷ the smaller one's, for the portal and (machine noise) the baseline. */
  readonly portal: GrowthRatios;
  readonly baseline: GrowthRatios;
}

interface GrowthRatios {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
}

/**
 * Measurements that are not one request against the baseline, run after the targets on the
 * dashboard (bench/sign-ins.ts, bench/memory.ts, bench/pglite.ts). Selected by name like targets.
 */
const SECTIONS = [
  { name: "sign-ins-alongside", budgetSeconds: signInsBudgetSeconds() },
  { name: "memory", budgetSeconds: memoryBudgetSeconds() },
  { name: "pglite", budgetSeconds: pgliteBudgetSeconds() },
] as const;
type SectionName = (typeof SECTIONS)[number]["name"];

function selectRun(args: readonly string[]): { targets: readonly Target[]; sections: readonly SectionName[] } {
  const names = args.filter((a) => a !== "--");
  if (names.length === 0) return { targets: TARGETS, sections: SECTIONS.map((s) => s.name) };
  const known = [...TARGETS.map((t) => t.name), ...SECTIONS.map((s) => s.name)];
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new BenchError(`unknown target(s): ${unknown.join(", ")}; known: ${known.join(", ")}`);
  }
  return { targets: TARGETS.filter((t) => names.includes(t.name)), sections: SECTIONS.map((s) => s.name).filter((n) => names.includes(n)) };
}

function sectionsBudgetSeconds(sections: readonly SectionName[]): number {
  return SECTIONS.filter((s) => sections.includes(s.name)).reduce((sum, s) => sum + s.budgetSeconds, 0);
}

function plannedLoadSeconds(targets: readonly Target[]): number {
  return targets.length * SERVERS.length * (WARMUP_SECONDS + ROUNDS * ROUND_SECONDS);
}

function setupBudgetSeconds(targets: readonly Target[]): number {
  return targets.reduce((sum, t) => sum + (t.setupBudgetSeconds ?? 0), 0);
}

/** The machine's 1, 5 and 15-minute load averages, as printed. */
function loadAverages(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");
}

function autocannonVersion(): string {
  try {
    return (createRequire(import.meta.url)("autocannon/package.json") as { version: string }).version;
  } catch {
    return "?";
  }
}

/**
 * One request per path before loading: each must answer 2xx (and contain the endpoint's
 * `expectBody`), else the numbers mean nothing.
 */
async function preflight(server: ServerName, origin: string, endpoint: Endpoint): Promise<string> {
  const answers: string[] = [];
  for (const path of endpointPaths(endpoint)) answers.push(await preflightPath(server, origin, endpoint, path));
  return answers.join("; ");
}

async function preflightPath(server: ServerName, origin: string, endpoint: Endpoint, path: string): Promise<string> {
  const res = await fetch(`${origin}${path}`, {
    method: endpoint.method ?? "GET",
    headers: { ...endpoint.headers },
    ...(endpoint.body !== undefined ? { body: endpoint.body } : {}),
    redirect: "manual",
    signal: AbortSignal.timeout(5_000),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const request = `${server} ${endpoint.method ?? "GET"} ${path}`;
  if (res.status < 200 || res.status > 299) {
    const location = res.headers.get("location");
    throw new BenchError(`preflight: ${request} answered HTTP ${res.status}${location ? ` (location: ${location})` : ""}, expected 2xx`);
  }
  const text = new TextDecoder().decode(bytes);
  const missing = (endpoint.expectBody ?? []).filter((s) => !text.includes(s));
  if (missing.length > 0) {
    throw new BenchError(
      `preflight: ${request} answered HTTP ${res.status} without ${missing.map((s) => JSON.stringify(s)).join(", ")}: not the page under test\n` +
        `--- first 600 characters ---\n${text.slice(0, 600)}`,
    );
  }
  const checked = endpoint.expectBody?.length ? `, ${endpoint.expectBody.length} expected strings present` : "";
  return `HTTP ${res.status}, ${bytes.byteLength} bytes${checked}`;
}

function summarize(endpoint: Endpoint, rounds: readonly PhaseResult[]): SideSummary {
  const sorted = pooledSorted(rounds);
  return {
    method: endpoint.method ?? "GET",
    path: endpoint.path,
    ...(endpoint.morePaths?.length ? { morePaths: endpoint.morePaths } : {}),
    rps: rounds.reduce((sum, r) => sum + r.rps, 0) / rounds.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    responses: sorted.length,
  };
}

function table(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i < leftColumns ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

const f1 = (n: number): string => n.toFixed(1);
const f2 = (n: number): string => n.toFixed(2);
const round = (n: number, digits: number): number => Number(n.toFixed(digits));

async function benchTarget(target: Target, ctx: BenchContext, origins: Record<ServerName, string>): Promise<TargetSummary> {
  const endpoints: Record<ServerName, Endpoint> = {
    portal: await resolveEndpoint(target.portal, ctx),
    baseline: await resolveEndpoint(target.baseline, ctx),
  };
  out();
  out(`target "${target.name}": ${target.description}`);
  for (const note of endpoints.portal.notes ?? []) out(`  ${note}`);
  for (const server of SERVERS) {
    const e = endpoints[server];
    const paths = endpointPaths(e);
    const requests = paths.length > 1 ? `${paths.length} requests in turn: ${paths.join("  ")}` : e.path;
    out(`  ${server.padEnd(8)}  ${e.method ?? "GET"} ${requests}  (${await preflight(server, origins[server], e)})`);
  }
  const loadBefore = os.loadavg()[0] ?? Number.NaN;
  out(`  load average before the load (1 / 5 / 15 min): ${loadAverages()}`);

  for (const server of SERVERS) {
    progress(`${target.name}: warm-up ${server} (${WARMUP_SECONDS} s)`);
    await runPhase(origins[server], endpoints[server], WARMUP_SECONDS, CONNECTIONS);
  }

  const rounds: Record<ServerName, PhaseResult[]> = { portal: [], baseline: [] };
  const roundRows: string[][] = [];
  for (let i = 1; i <= ROUNDS; i++) {
    for (const server of SERVERS) {
      const r = await runPhase(origins[server], endpoints[server], ROUND_SECONDS, CONNECTIONS);
      rounds[server].push(r);
      progress(`${target.name}: round ${i}/${ROUNDS} ${server.padEnd(8)} ${f1(r.rps).padStart(8)} req/s  p99 ${r.p99} ms`);
      roundRows.push([String(i), server, f1(r.rps), String(r.p50), String(r.p99), String(r.errors), String(r.non2xx)]);
    }
  }

  const portal = summarize(endpoints.portal, rounds.portal);
  const baseline = summarize(endpoints.baseline, rounds.baseline);
  const ratio = { rps: portal.rps / baseline.rps, p99: portal.p99Ms / baseline.p99Ms };

  out();
  out("  per round (autocannon's own figures; its latency histogram is in whole ms):");
  for (const line of table(["round", "server", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx"], roundRows, 2)) out(`    ${line}`);
  out();
  out(`  over ${ROUNDS} rounds (req/s: mean of rounds; latency: percentiles of all responses):`);
  const summaryRows = [portal, baseline].map((s, i) => [
    SERVERS[i] ?? "",
    f1(s.rps),
    f2(s.p50Ms),
    f2(s.p99Ms),
    String(s.errors),
    String(s.non2xx),
    String(s.responses),
  ]);
  for (const line of table(["server", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx", "responses"], summaryRows)) out(`    ${line}`);
  out(`    portal ÷ baseline:  req/s ${ratio.rps.toFixed(3)}   p99 ${ratio.p99.toFixed(3)}`);
  const loadAfter = os.loadavg()[0] ?? Number.NaN;
  out(`    load average after (1 / 5 / 15 min): ${loadAverages()}`);
  if (portal.errors + portal.non2xx + baseline.errors + baseline.non2xx > 0) {
    out("    WARNING: some requests failed (errors or non-2xx); these figures are not comparable.");
  }

  const side = (s: SideSummary): SideSummary => ({ ...s, rps: round(s.rps, 1), p50Ms: round(s.p50Ms, 2), p99Ms: round(s.p99Ms, 2) });
  return {
    name: target.name,
    portal: side(portal),
    baseline: side(baseline),
    ratio: { rps: round(ratio.rps, 3), p99: round(ratio.p99, 3) },
    loadAverage: { before: round(loadBefore, 2), after: round(loadAfter, 2) },
  };
}

/** Targets that grow another one which also ran: their figures ÷ the smaller database's. */
function growthOf(targets: readonly Target[], results: readonly TargetSummary[]): GrowthSummary[] {
  const growth: GrowthSummary[] = [];
  for (const target of targets) {
    const big = results.find((r) => r.name === target.name);
    const small = results.find((r) => r.name === target.growthOf);
    if (!target.growthOf || !big || !small) continue;
    const ratios = (b: SideSummary, s: SideSummary): GrowthRatios => ({
      rps: round(b.rps / s.rps, 3),
      p50: round(b.p50Ms / s.p50Ms, 3),
      p99: round(b.p99Ms / s.p99Ms, 3),
    });
    growth.push({ name: target.name, of: target.growthOf, portal: ratios(big.portal, small.portal), baseline: ratios(big.baseline, small.baseline) });
  }
  return growth;
}

function printGrowth(growth: readonly GrowthSummary[], results: readonly TargetSummary[]): void {
  if (growth.length === 0) return;
  out();
  out("growth (the same requests on the bigger database ÷ on the smaller one; the baseline's own ratio is the run's noise):");
  const rows = growth.map((g) => {
    const big = results.find((r) => r.name === g.name);
    const small = results.find((r) => r.name === g.of);
    return [
      `${g.name} ÷ ${g.of}`,
      `${f2(small?.portal.p99Ms ?? Number.NaN)} → ${f2(big?.portal.p99Ms ?? Number.NaN)}`,
      g.portal.p99.toFixed(3),
      g.portal.p50.toFixed(3),
      g.portal.rps.toFixed(3),
      g.baseline.p99.toFixed(3),
      g.baseline.p50.toFixed(3),
      g.baseline.rps.toFixed(3),
    ];
  });
  const header = ["targets", "portal p99 ms", "portal p99 ×", "p50 ×", "req/s ×", "baseline p99 ×", "p50 ×", "req/s ×"];
  for (const line of table(header, rows)) out(`  ${line}`);
}


// --- the sections after the targets -------------------------------------------------------------

const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : "-");

function mergeFailed(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  const merged: Record<string, number> = { ...a };
  for (const [k, n] of Object.entries(b)) merged[k] = (merged[k] ?? 0) + n;
  return merged;
}

function printSignIns(s: SignInsSummary): void {
  out();
  out(`section "sign-ins-alongside": dashboard p99 with ${s.signInsPerSecond} sign-ins a second alongside vs alone (target ≤ 2×)`);
  out(`  sign-in: ${s.request}, ${s.accounts} accounts in turn; each row is a portal of its own: 3 s of sign-ins with no load ("no load"), then 3 rounds of (alone 5 s, alongside 5 s)`);
  out("  pg pool: DATABASE_POOL_SIZE's default of 10 in every row (not varied here)");
  const rows = s.rows.map((r) => [
    `${r.uvThreadpoolSize}${r.uvThreadpoolSize === 4 ? " (default)" : ""}`,
    String(r.pgPoolSize),
    f1(r.alone.rps),
    ms(r.alone.p99Ms),
    f1(r.alongside.rps),
    ms(r.alongside.p99Ms),
    r.p99Ratio.toFixed(2),
    `${r.signIns.ok}/${r.signIns.sent}`,
    f1(r.signIns.perSecond),
    ms(r.signIns.p50Ms),
    ms(r.signIns.p99Ms),
    ms(r.signInsAlone.p50Ms),
    ms(r.signInsAlone.p99Ms),
  ]);
  const header = [
    "UV_THREADPOOL_SIZE",
    "pg pool",
    "alone req/s",
    "alone p99 ms",
    "with req/s",
    "with p99 ms",
    "p99 ×",
    "sign-ins ok",
    "sent/s",
    "sign-in p50 ms",
    "p99 ms",
    "no load: p50 ms",
    "p99 ms",
  ];
  for (const line of table(header, rows)) out(`  ${line}`);
  for (const r of s.rows) {
    const failed = Object.entries(mergeFailed(r.signIns.failed, r.signInsAlone.failed));
    if (failed.length > 0) out(`  WARNING: UV_THREADPOOL_SIZE ${r.uvThreadpoolSize}: sign-ins not answered 303: ${failed.map(([k, n]) => `${k} × ${n}`).join(", ")}`);
    if (r.alone.failed + r.alongside.failed > 0) out(`  WARNING: UV_THREADPOOL_SIZE ${r.uvThreadpoolSize}: ${r.alone.failed + r.alongside.failed} dashboard requests failed`);
  }
  out(`  load average after (1 / 5 / 15 min): ${loadAverages()}`);
}

function printMemory(m: MemorySummary): void {
  out();
  out(`section "memory": the portal's RSS (VmRSS of a portal of its own) after ${CHECKPOINTS.map((n) => n.toLocaleString("en")).join(", ")} dashboard requests, 50 connections (target: the last within 10% of the first)`);
  const rows = [
    ["at start", ms(m.atStartMiB), "", "", "", "", ""],
    ...m.points.map((p) => [
      p.requests.toLocaleString("en"),
      ms(p.rssMiB),
      ms(p.peakMiB),
      p.heapUsedMiB === null ? "?" : ms(p.heapUsedMiB),
      p.externalMiB === null ? "?" : ms(p.externalMiB),
      f1(p.rps),
      String(p.failed),
    ]),
  ];
  for (const line of table(["requests", "RSS MiB", "peak MiB", "V8 heap used MiB", "external MiB", "req/s", "failed"], rows)) out(`  ${line}`);
  out(`  RSS after ${CHECKPOINTS[CHECKPOINTS.length - 1]!.toLocaleString("en")} ÷ after ${CHECKPOINTS[0].toLocaleString("en")}: ${m.ratio.toFixed(3)}`);
  out(
    `  database transactions per dashboard request (pg_stat_database commits + rollbacks; a statement outside a transaction is one): ${
      m.transactionsPerRequest === null ? "not read" : m.transactionsPerRequest.toFixed(2)
    }`,
  );
  out(`  load average after (1 / 5 / 15 min): ${loadAverages()}`);
}

function printPglite(p: PgliteSummary): void {
  out();
  out("section \"pglite\": the dashboard on the embedded database (a portal of its own, fresh DATA_DIR) vs PostgreSQL, 50 connections, 3 rounds of 5 s each in turn");
  out(`  PGlite prepared (migrations and the dashboard fixture) in ${p.seedSeconds.toFixed(1)} s`);
  const rows = (["postgres", "pglite"] as const).map((name) => {
    const e = p[name];
    return [name, f1(e.rps), ms(e.p50Ms), ms(e.p99Ms), ms(e.maxMs), String(e.failed), ms(e.probe.p50Ms), ms(e.probe.p99Ms), ms(e.probe.maxMs)];
  });
  const header = ["engine", "req/s", "p50 ms", "p99 ms", "max ms", "failed", "home page beside it: p50 ms", "p99 ms", "max ms"];
  for (const line of table(header, rows)) out(`  ${line}`);
  out(`  pglite ÷ postgres:  req/s ${p.ratio.rps.toFixed(3)}   p99 ${p.ratio.p99.toFixed(3)}`);
  out(`  load average after (1 / 5 / 15 min): ${loadAverages()}`);
}

const signInJson = (s: SignInsSummary["rows"][number]["signIns"]) => ({
  sent: s.sent,
  ok: s.ok,
  failed: s.failed,
  perSecond: round(s.perSecond, 2),
  p50Ms: round(s.p50Ms, 1),
  p99Ms: round(s.p99Ms, 1),
});

/** The sections' figures for the summary line, rounded as the targets' are. */
function sectionJson(r: { "sign-ins-alongside"?: SignInsSummary; memory?: MemorySummary; pglite?: PgliteSummary }): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  const s = r["sign-ins-alongside"];
  if (s) {
    json["sign-ins-alongside"] = {
      signInsPerSecond: s.signInsPerSecond,
      rows: s.rows.map((row) => ({
        uvThreadpoolSize: row.uvThreadpoolSize,
        pgPoolSize: row.pgPoolSize,
        aloneRps: round(row.alone.rps, 1),
        aloneP99Ms: round(row.alone.p99Ms, 2),
        alongsideRps: round(row.alongside.rps, 1),
        alongsideP99Ms: round(row.alongside.p99Ms, 2),
        p99Ratio: round(row.p99Ratio, 3),
        signIns: signInJson(row.signIns),
        signInsAlone: signInJson(row.signInsAlone),
      })),
    };
  }
  if (r.memory) {
    json.memory = {
      atStartMiB: round(r.memory.atStartMiB, 1),
      points: r.memory.points.map((p) => ({
        requests: p.requests,
        rssMiB: round(p.rssMiB, 1),
        peakMiB: round(p.peakMiB, 1),
        heapUsedMiB: p.heapUsedMiB === null ? null : round(p.heapUsedMiB, 1),
        externalMiB: p.externalMiB === null ? null : round(p.externalMiB, 1),
        rps: round(p.rps, 1),
        failed: p.failed,
      })),
      ratio: round(r.memory.ratio, 3),
      transactionsPerRequest: r.memory.transactionsPerRequest === null ? null : round(r.memory.transactionsPerRequest, 3),
    };
  }
  if (r.pglite) {
    const side = (e: PgliteSummary["pglite"]) => ({
      rps: round(e.rps, 1),
      p50Ms: round(e.p50Ms, 2),
      p99Ms: round(e.p99Ms, 2),
      maxMs: round(e.maxMs, 2),
      failed: e.failed,
      probe: { count: e.probe.count, p50Ms: round(e.probe.p50Ms, 2), p99Ms: round(e.probe.p99Ms, 2), maxMs: round(e.probe.maxMs, 2) },
    });
    json.pglite = { postgres: side(r.pglite.postgres), pglite: side(r.pglite.pglite), ratio: { rps: round(r.pglite.ratio.rps, 3), p99: round(r.pglite.ratio.p99, 3) } };
  }
  return json;
}

async function main(): Promise<void> {
  const { targets, sections } = selectRun(process.argv.slice(2));
  const loadSeconds = plannedLoadSeconds(targets);
  const deadlineMs = OVERHEAD_BUDGET_MS + (loadSeconds * 1.1 + setupBudgetSeconds(targets) + sectionsBudgetSeconds(sections)) * 1000;
  setTimeout(() => abort(`watchdog: still running after ${Math.round(deadlineMs / 1000)} s`, 1), deadlineMs).unref();

  const cpus = os.cpus();
  out("Trusted Trader Portal benchmark");
  out(`node     ${process.version} (V8 ${process.versions.v8}), ${process.platform} ${process.arch}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "?"})`);
  out(`machine  load average ${loadAverages()} (1 / 5 / 15 min) at the start`);

  const adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL;
  const database = planBenchDatabase(adminUrl);
  const dbHost = new URL(adminUrl);
  let created = false;
  // Registered before creating, so an interruption mid-create still drops it ("if exists").
  cleanup.add(`drop database ${database.name}`, async () => {
    try {
      await dropDatabase(adminUrl, database);
    } catch (err) {
      if (created) throw err;
    }
  });
  const serverVersion = await createDatabase(adminUrl, database).catch((err: unknown) => {
    throw new BenchError(
      `cannot create the bench database on ${dbHost.hostname}:${dbHost.port || "5432"} (BENCH_DATABASE_URL): ${err instanceof Error ? err.message : String(err)}`,
    );
  });
  created = true;
  out(`engine   PostgreSQL ${serverVersion} at ${dbHost.hostname}:${dbHost.port || "5432"}, database ${database.name}`);
  await seedBaselineSessions(database);
  progress(`created ${database.name}, seeded ${BASELINE_TABLE} with ${BASELINE_ROWS} rows`);

  const [portalPort = 0, baselinePort = 0] = await freePorts(2);
  const portal = new ServerProcess({
    name: "portal",
    ...portalStart(),
    port: portalPort,
    env: { DATABASE_URL: database.url, LOG_LEVEL: "warn", NODE_ENV: "development", APP_KEY: BENCH_APP_KEY },
  });
  cleanup.add("stop portal", () => portal.stop());
  const baseline = new ServerProcess({ name: "baseline", script: "bench/baseline.ts", port: baselinePort, env: { DATABASE_URL: database.url } });
  cleanup.add("stop baseline", () => baseline.stop());
  const [portalReadyMs, baselineReadyMs] = await Promise.all([
    portal.waitReady("/readyz", READY_TIMEOUT_MS),
    baseline.waitReady("/readyz", READY_TIMEOUT_MS),
  ]);
  out(`servers  portal ${portal.origin} (pid ${portal.pid}, ready in ${(portalReadyMs / 1000).toFixed(1)} s), baseline ${baseline.origin} (pid ${baseline.pid}, ready in ${(baselineReadyMs / 1000).toFixed(1)} s), pg pool 10 each`);
  out(
    `load     autocannon ${autocannonVersion()}, ${CONNECTIONS} connections, warm-up ${WARMUP_SECONDS} s each, ` +
      `${ROUNDS} rounds of (portal ${ROUND_SECONDS} s, baseline ${ROUND_SECONDS} s); targets: ${targets.map((t) => t.name).join(", ") || "none"}; ` +
      `then: ${sections.join(", ") || "none"}`,
  );

  const origins: Record<ServerName, string> = { portal: portal.origin, baseline: baseline.origin };
  const ctx: BenchContext = { portalOrigin: portal.origin, baselineOrigin: baseline.origin, databaseUrl: database.url, progress };
  const results: TargetSummary[] = [];
  for (const target of targets) {
    results.push(await benchTarget(target, ctx, origins));
    for (const server of [portal, baseline]) {
      if (server.hasExited) throw new BenchError(`${server.spec.name} exited during the run\n${server.output()}`);
    }
  }

  const growth = growthOf(targets, results);
  printGrowth(growth, results);

  // The sections: portals of their own (started here, stopped by each section or the clean-up).
  const portalEnv = { DATABASE_URL: database.url, LOG_LEVEL: "warn", NODE_ENV: "development", APP_KEY: BENCH_APP_KEY };
  const startPortal = async (name: string, env: Readonly<Record<string, string>>): Promise<ServerProcess> => {
    const [port = 0] = await freePorts(1);
    const server = new ServerProcess({ name, ...portalStart(), port, env: { ...portalEnv, ...env } });
    cleanup.add(`stop ${name}`, () => server.stop());
    await server.waitReady("/readyz", READY_TIMEOUT_MS);
    return server;
  };
  const sectionResults: { "sign-ins-alongside"?: SignInsSummary; memory?: MemorySummary; pglite?: PgliteSummary } = {};
  if (sections.length > 0) {
    // The dashboard target's company (seeded once per database, whoever asks first), with a session of its own.
    const dashboard = await dashboardEndpoint(database.url, { grown: false, progress });
    out();
    out(`sections on the dashboard (GET ${dashboard.path}); load average before (1 / 5 / 15 min): ${loadAverages()}`);
    for (const section of sections) {
      progress(`section ${section}`);
      if (section === "sign-ins-alongside") {
        printSignIns((sectionResults[section] = await runSignInsAlongside({ databaseUrl: database.url, dashboard, startPortal, progress })));
      } else if (section === "memory") {
        printMemory((sectionResults[section] = await runMemory({ databaseUrl: database.url, dashboard, startPortal, progress })));
      } else {
        printPglite(
          (sectionResults[section] = await runPglite({
            postgresOrigin: portal.origin,
            postgresDashboard: dashboard,
            startPortal,
            onCleanup: (label, run) => cleanup.add(label, run),
            progress,
          })),
        );
      }
      if (portal.hasExited) throw new BenchError(`portal exited during the run\n${portal.output()}`);
    }
  }

  out();
  out(
    JSON.stringify({
      bench: "ttp",
      node: process.version,
      v8: process.versions.v8,
      engine: "postgres",
      postgres: serverVersion,
      cpus: cpus.length,
      connections: CONNECTIONS,
      warmupSeconds: WARMUP_SECONDS,
      rounds: ROUNDS,
      roundSeconds: ROUND_SECONDS,
      targets: results,
      growth,
      sections: sectionJson(sectionResults),
    }),
  );
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  exitCode = 1;
  const text = err instanceof BenchError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`bench failed: ${text}\n`);
} finally {
  if (!aborting) {
    progress("cleaning up");
    if (!(await cleanup.run())) exitCode = 1;
    progress(exitCode === 0 ? "done" : "done, with errors");
  }
}
if (!aborting) process.exit(exitCode);
