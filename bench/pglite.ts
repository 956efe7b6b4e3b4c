// Section "pglite" of `npm run bench`: the dashboard on the embedded database (PGlite, the
// default without DATABASE_URL) next to PostgreSQL's, at 50 connections, in the same run.
//
// The embedded data folder belongs to one process, so it is prepared before its portal
// starts: PGlite is opened on a fresh temporary DATA_DIR, the portal's migrations brought up
// to date, and the same dashboard fixture as PostgreSQL's seeded by bench/dashboard.ts's own
// seedDashboard — which connects with pg.Pool by URL, so for that call only pg.Pool is an
// adapter over this PGlite instance (one connection, as seedDashboard asks for). Then PGlite
// is closed and the portal started on the folder.
//
// PGlite runs every query on the portal's own thread, one at a time. Whether a request stalls
// every other one is seen with a probe: during one round on each engine, the public home page
// (no query) is requested every PROBE_INTERVAL_MS beside the dashboard's load, and its
// latencies are reported with the dashboard's p99 and max.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect } from "kysely";
import pg from "pg";
import { migrateToLatest, type Database } from "../src/platform/db/index.ts";
import { DASHBOARD_COMPANY, seedDashboard, type DashboardFixture } from "./dashboard.ts";
import { percentile, pooledSorted, runPhase, type Endpoint, type PhaseResult } from "./load.ts";
import type { ServerProcess } from "./servers.ts";
import { BenchError } from "./shared.ts";

const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const ROUNDS = 3;
const ROUND_SECONDS = 5;
const PROBE_PATH = "/en";
const PROBE_INTERVAL_MS = 50;
const INT8_OID = 20;
const DATE_OID = 1082;
const asText = (v: string): string => v;

export function pgliteBudgetSeconds(): number {
  // Opening, migrating and seeding PGlite, the portal's start, then the load on both engines.
  return 60 + 2 * (WARMUP_SECONDS + ROUNDS * (ROUND_SECONDS + 1));
}

export interface EngineSide {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly responses: number;
  readonly failed: number;
  /** The home page's latencies beside the load (one round). */
  readonly probe: { readonly count: number; readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number };
}

export interface PgliteSummary {
  readonly postgres: EngineSide;
  readonly pglite: EngineSide;
  /** PGlite ÷ PostgreSQL. */
  readonly ratio: { readonly rps: number; readonly p99: number };
  readonly seedSeconds: number;
}

export interface PgliteOptions {
  /** The dashboard on the run's PostgreSQL portal. */
  readonly postgresOrigin: string;
  readonly postgresDashboard: Endpoint;
  readonly startPortal: (name: string, env: Readonly<Record<string, string>>) => Promise<ServerProcess>;
  /** Registers clean-up work with the run (the temporary folder). */
  readonly onCleanup: (label: string, run: () => Promise<void>) => void;
  readonly progress: (line: string) => void;
}

/** Just enough of pg.Pool for Kysely's PostgresDialect, over one PGlite instance. */
class PgliteAsPgPool {
  readonly options = {};
  constructor(private readonly db: PGlite) {}
  connect(): Promise<{ query: (text: string, values?: unknown[]) => Promise<{ command: string | undefined; rowCount: number; rows: unknown[] }>; release: () => void }> {
    return Promise.resolve({
      query: async (text: string, values?: unknown[]) => {
        const result = await this.db.query(text, values);
        // pg's command tag, which Kysely reads for the affected rows; PGlite's result has none.
        const command = /^\s*(insert|update|delete|merge)\b/i.exec(text)?.[1]?.toUpperCase();
        return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
      },
      release: () => {},
    });
  }
  on(): this {
    return this;
  }
  end(): Promise<void> {
    return Promise.resolve();
  }
}

/** Migrates and seeds a PGlite data folder; returns the owner's dashboard request. */
async function prepareDataDir(dataDir: string): Promise<Endpoint> {
  const pglite = await PGlite.create({ dataDir, parsers: { [INT8_OID]: asText, [DATE_OID]: asText } });
  try {
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    await migrateToLatest(db);
    const pgModule = pg as unknown as { Pool: unknown };
    const realPool = pgModule.Pool;
    pgModule.Pool = class extends PgliteAsPgPool {
      constructor() {
        super(pglite);
      }
    };
    let fixture: DashboardFixture;
    try {
      fixture = await seedDashboard("postgres://pglite.invalid/pglite");
    } finally {
      pgModule.Pool = realPool;
    }
    return {
      path: `/en/companies/${fixture.companyId}`,
      headers: { cookie: fixture.cookie },
      expectBody: [DASHBOARD_COMPANY, 'data-testid="dashboard-company"', 'data-testid="notifications"', "Samir Haddad"],
    };
  } finally {
    await pglite.close();
  }
}

async function checkDashboard(origin: string, endpoint: Endpoint, engine: string): Promise<void> {
  const res = await fetch(`${origin}${endpoint.path}`, { headers: { ...endpoint.headers }, redirect: "manual", signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  const missing = (endpoint.expectBody ?? []).filter((s) => !text.includes(s));
  if (res.status !== 200 || missing.length > 0) {
    throw new BenchError(`pglite: the ${engine} dashboard answered HTTP ${res.status}${missing.length ? ` without ${missing.join(", ")}` : ""}: not the page under test`);
  }
}

/** Requests the home page every PROBE_INTERVAL_MS until stopped; returns its latencies. */
function startProbe(origin: string): () => Promise<Float64Array> {
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const began = performance.now();
    const request = fetch(`${origin}${PROBE_PATH}`, { signal: AbortSignal.timeout(30_000) })
      .then(async (res) => {
        await res.arrayBuffer();
        if (res.ok) latencies.push(performance.now() - began);
      })
      .catch(() => {})
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }, PROBE_INTERVAL_MS);
  return async () => {
    clearInterval(timer);
    await Promise.all([...inFlight]);
    return Float64Array.from(latencies).sort();
  };
}

function engineSide(rounds: readonly PhaseResult[], probe: Float64Array): EngineSide {
  const sorted = pooledSorted(rounds);
  return {
    rps: rounds.reduce((sum, r) => sum + r.rps, 0) / rounds.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    responses: sorted.length,
    failed: rounds.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
    probe: { count: probe.length, p50Ms: percentile(probe, 50), p99Ms: percentile(probe, 99), maxMs: probe[probe.length - 1] ?? Number.NaN },
  };
}

export async function runPglite(options: PgliteOptions): Promise<PgliteSummary> {
  const { progress } = options;
  const dataDir = await mkdtemp(join(tmpdir(), "ttp-bench-pglite-"));
  options.onCleanup(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  const seedStarted = performance.now();
  progress(`pglite: migrating and seeding ${dataDir}`);
  const pgliteDashboard = await prepareDataDir(dataDir);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  progress(`pglite: seeded in ${seedSeconds.toFixed(1)} s; starting the portal on it`);
  // DATABASE_URL empty: the portal opens the embedded database in DATA_DIR.
  const portal = await options.startPortal("portal-pglite", { DATABASE_URL: "", DATA_DIR: dataDir });
  try {
    const engines = {
      postgres: { origin: options.postgresOrigin, endpoint: options.postgresDashboard },
      pglite: { origin: portal.origin, endpoint: pgliteDashboard },
    };
    const names = ["postgres", "pglite"] as const;
    for (const name of names) await checkDashboard(engines[name].origin, engines[name].endpoint, name);
    for (const name of names) {
      progress(`pglite: warm-up ${name} (${WARMUP_SECONDS} s)`);
      await runPhase(engines[name].origin, engines[name].endpoint, WARMUP_SECONDS, CONNECTIONS);
    }
    const rounds: Record<(typeof names)[number], PhaseResult[]> = { postgres: [], pglite: [] };
    const probes: Record<(typeof names)[number], Float64Array> = { postgres: new Float64Array(), pglite: new Float64Array() };
    for (let i = 1; i <= ROUNDS; i++) {
      for (const name of names) {
        // The probe runs in the last round (the engine warm by then).
        const stopProbe = i === ROUNDS ? startProbe(engines[name].origin) : undefined;
        const r = await runPhase(engines[name].origin, engines[name].endpoint, ROUND_SECONDS, CONNECTIONS);
        if (stopProbe) probes[name] = await stopProbe();
        rounds[name].push(r);
        progress(`pglite: round ${i}/${ROUNDS} ${name.padEnd(8)} ${r.rps.toFixed(1).padStart(8)} req/s  p99 ${r.p99} ms`);
      }
    }
    if (portal.hasExited) throw new BenchError(`portal-pglite exited during the run\n${portal.output()}`);
    const postgres = engineSide(rounds.postgres, probes.postgres);
    const pglite = engineSide(rounds.pglite, probes.pglite);
    return { postgres, pglite, ratio: { rps: pglite.rps / postgres.rps, p99: pglite.p99Ms / postgres.p99Ms }, seedSeconds };
  } finally {
    await portal.stop();
  }
}
