// `npm run bench:first-start`: how long `npm start` takes, on a fresh embedded-database data
// folder, to answer its first page (DESIGN: under 5 s). Not part of `npm test`; it measures
// and reports, it asserts nothing about the figures.
//
// Each run spawns `npm start` exactly as an operator types it (no DATABASE_URL, a new empty
// DATA_DIR in the temporary folder, a free port) and polls GET /en every 20 ms until it
// answers 200. The portal's "listening" log line carries `startup`: when (ms since its Node
// process started) the code was loaded, the database opened, migrated, the jobs scheduled,
// the app built, the first administrator created and the server listening. With the line's
// time and that process start, a run splits into:
//   before node  spawn → the portal's Node process starts (npm, its shell, any launcher process)
//   loaded       the process's start → main.ts runs (module loading, with any transpiling)
//   database     open the embedded database (PGlite: WASM, a new cluster or its template)
//   migrations   the schema brought up to date
//   jobs         the key rotation check, recurring jobs scheduled, the runner started
//   app          file store, scanner, the Hono app
//   staff        the first administrator (argon2 hash, insert): what of it is left after the
//                jobs and the app, which are set up while it runs
//   listening    the HTTP server bound
//   first page   listening → the first 200 of /en (poll interval included)
// First, unmeasured, what `npm install` did (scripts/start.ts --prepare): other edits to src/
// since would otherwise make the first run compile. Then RUNS runs (3, or the first argument),
// each printed, then the median of each phase, then the machine's load average before and after (/proc/loadavg: the figures mean little on a
// busy machine). `--details` adds in-process measurements: the PGlite steps and each
// migration on its own.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePorts, HOST, REPO_ROOT } from "./servers.ts";
import { BenchError } from "./shared.ts";

const PHASES = ["before node", "loaded", "database", "migrations", "jobs", "app", "staff", "listening", "first page"] as const;
type Phase = (typeof PHASES)[number];
interface Run {
  readonly total: number;
  readonly phases: Partial<Record<Phase, number>>;
}

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const DETAILS = args.includes("--details");
const TIMEOUT_MS = 60_000;

/** The wall clock in ms (the portal's lint rule keeps Date.now to platform/clock.ts). */
const epochMs = (): number => performance.timeOrigin + performance.now();

function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").trim();
  } catch {
    return "(no /proc/loadavg)";
  }
}

interface ListeningLine {
  readonly time: string;
  readonly startup?: Readonly<Record<string, number>>;
}

function listeningLine(stdout: string): ListeningLine | undefined {
  for (const line of stdout.split("\n")) {
    if (!line.includes('"msg":"listening"')) continue;
    try {
      return JSON.parse(line) as ListeningLine;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

async function oneRun(): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), "ttp-first-start-"));
  const [port] = await freePorts(1);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST,
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    SMTP_URL: "",
    APP_KEY: "",
    NODE_ENV: "development",
    LOG_LEVEL: "info",
  };
  // npm's own variables (from `npm run`) would change what the child npm does.
  for (const key of Object.keys(env)) if (key.startsWith("npm_")) delete env[key];
  const spawnedAt = epochMs();
  // Its own process group: npm, its shell and the portal are stopped together.
  const child = spawn("npm", ["start"], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => child.on("exit", (code) => ((exitCode = code), resolve())));
  try {
    let total: number | undefined;
    while (total === undefined) {
      if (exitCode !== undefined) throw new BenchError(`npm start exited (${exitCode}) before the first page:\n${stderr}\n${stdout}`);
      if (epochMs() - spawnedAt > TIMEOUT_MS) throw new BenchError(`no page after ${TIMEOUT_MS / 1000} s:\n${stderr}\n${stdout}`);
      try {
        const res = await fetch(`http://${HOST}:${port}/en`, { signal: AbortSignal.timeout(5_000) });
        await res.arrayBuffer();
        if (res.status === 200) total = epochMs() - spawnedAt;
      } catch {
        /* not listening yet */
      }
      if (total === undefined) await sleep(20);
    }
    // The page can come back before the child's output has reached this process.
    for (let i = 0; i < 100 && !listeningLine(stdout); i++) await sleep(20);
    if (!/A CBSA staff administrator account was created/.test(stdout)) throw new BenchError(`no first-administrator notice:\n${stdout}`);
    const line = listeningLine(stdout);
    const phases: Partial<Record<Phase, number>> = {};
    const s = line?.startup;
    if (line && s?.listening !== undefined) {
      const processStart = Date.parse(line.time) - s.listening;
      phases["before node"] = processStart - spawnedAt;
      // Each step from the one that ended before it (the order is the portal's).
      let previous = 0;
      for (const [step, at] of Object.entries(s).sort((a, b) => a[1] - b[1])) {
        if ((PHASES as readonly string[]).includes(step)) phases[step as Phase] = at - previous;
        previous = at;
      }
      phases["first page"] = total - (processStart - spawnedAt) - s.listening;
    }
    return { total, phases };
  } finally {
    if (child.pid !== undefined && exitCode === undefined) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      const late = await Promise.race([exited.then(() => false), sleep(10_000, true)]);
      if (late) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (v: number | undefined): string => (v === undefined ? "    -" : `${Math.round(v)}`.padStart(5));

function printRow(label: string, total: number, phases: Partial<Record<Phase, number>>): void {
  process.stdout.write(`${label.padEnd(8)} ${ms(total)}  ${PHASES.map((p) => ms(phases[p]).padStart(p.length)).join("  ")}\n`);
}

/** In-process: the PGlite steps and each migration alone (tsx-loaded, so not the start's code path). */
async function details(): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { Kysely, PGliteDialect } = await import("kysely");
  const { Migrator } = await import("kysely/migration");
  const { migrations } = await import("../src/platform/db/migrations/index.ts");
  const { hashPassword } = await import("../src/features/identity/gckey.ts");
  const { newAppKeyText, parseAppKey, resolveAppKeys, useAppKeys } = await import("../src/platform/app-key.ts");
  useAppKeys(resolveAppKeys({ current: parseAppKey(newAppKeyText(), "APP_KEY"), previous: undefined, generateInto: tmpdir() }));
  const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    process.stdout.write(`  ${label.padEnd(44)} ${ms(performance.now() - started)} ms\n`);
    return result;
  };
  process.stdout.write("\nIn this process (details):\n");
  const first = await time("PGlite: first create (WASM + initdb, memory)", () => PGlite.create());
  const dump = await time("PGlite: dump of the empty cluster", () => first.dumpDataDir("none"));
  await first.close();
  const dir = mkdtempSync(join(tmpdir(), "ttp-first-start-"));
  try {
    const fresh = await time("PGlite: initdb into a new data folder", () => PGlite.create({ dataDir: join(dir, "a") }));
    await fresh.close();
    const loaded = await time("PGlite: new data folder from a template", () => PGlite.create({ dataDir: join(dir, "b"), loadDataDir: dump }));
    const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite: loaded }) });
    const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
    let sum = 0;
    for (const name of Object.keys(migrations)) {
      const started = performance.now();
      const { error } = await migrator.migrateTo(name);
      if (error) throw error instanceof Error ? error : new Error(`migration ${name} failed`, { cause: error });
      const took = performance.now() - started;
      sum += took;
      process.stdout.write(`  migration ${name.padEnd(34)} ${ms(took)} ms\n`);
    }
    process.stdout.write(`  ${"migrations, one by one, in all".padEnd(44)} ${ms(sum)} ms\n`);
    await db.destroy();
    if (!loaded.closed) await loaded.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await time("argon2id hash (the first administrator's)", () => hashPassword("abcde-fghij-klmno-pqrst"));
}

/** What `npm install` did (its postinstall): compile src/ and build the database template, if the source changed since. */
async function prepare(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["scripts/start.ts", "--prepare"], { cwd: REPO_ROOT, stdio: ["ignore", "inherit", "inherit"] });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new BenchError(`scripts/start.ts --prepare exited with ${code}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  process.stdout.write(`prepared as npm install does (compiled src/ and the database template, where the source changed): ${Math.round(await prepare())} ms\n`);
  process.stdout.write(`npm start to the first 200 of /en on a fresh DATA_DIR, ${RUNS} runs (ms)\n`);
  process.stdout.write(`${"run".padEnd(8)} ${"total".padStart(5)}  ${PHASES.join("  ")}\n`);
  const runs: Run[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const run = await oneRun();
    runs.push(run);
    printRow(`${i}`, run.total, run.phases);
  }
  const medianPhases: Partial<Record<Phase, number>> = {};
  for (const p of PHASES) {
    const values = runs.map((r) => r.phases[p]).filter((v): v is number => v !== undefined);
    if (values.length) medianPhases[p] = median(values);
  }
  printRow("median", median(runs.map((r) => r.total)), medianPhases);
  process.stdout.write(`(phase medians are each phase's own; they need not add up to the median total)\n`);
  process.stdout.write(`load average before: ${loadBefore}\nload average after:  ${loadAverage()}\n`);
  if (DETAILS) await details();
}

main().catch((err: unknown) => {
  process.stderr.write(err instanceof BenchError ? `${err.message}\n` : `${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
