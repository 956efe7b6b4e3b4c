// `npm run bench:profile [target] [seconds]`: where a signed-in page's time goes. Starts the
// portal on a scratch PostgreSQL database (as `npm run bench` does) under Node's --cpu-prof,
// loads one target's portal request (default: dashboard) at 50 connections, stops the portal
// so that it writes its profile, and prints the CPU time by phase of the request: session,
// authorization, the page's data, render, logging, other middleware, the database driver, the
// framework and HTTP. A sample inside pg (its parsing, and the socket writes it makes) goes to
// the driver; any other to the innermost portal source file on its stack, or else to the
// package it is in (a sample in Hono's router goes to "framework and HTTP", and so on);
// "idle" is the time the process waited. V8 samples the thread on a wall-clock interval, so a
// sample inside a system call (writev to PostgreSQL, say) also counts the time the process was
// descheduled there — on a machine shared with PostgreSQL and the load generator, that is much
// of the "Node.js" phase. Samples of the start (loading and compiling modules) are left out.
// The .cpuprofile is kept for Chrome's DevTools.
import { execFileSync } from "node:child_process";
import { readdir, readFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import os from "node:os";
import { createDatabase, DEFAULT_ADMIN_URL, dropDatabase, planBenchDatabase, seedBaselineSessions } from "./database.ts";
import { runPhase } from "./load.ts";
import { freePorts, ServerProcess } from "./servers.ts";
import { BenchError } from "./shared.ts";
import { newAppKeyText, parseAppKey, useAppKeys } from "../src/platform/app-key.ts";
import { resolveEndpoint, TARGETS } from "./targets.ts";

const APP_KEY = newAppKeyText();
useAppKeys({ current: parseAppKey(APP_KEY), previous: null });

const CONNECTIONS = 50;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The phase of a portal source file (a path under src/), or undefined for one that names none. */
function phaseOfSource(path: string): string | undefined {
  if (/web\/middleware\/(session|company-access)\.tsx?$|platform\/sessions\.ts$|features\/staff\/sessions\.ts$|platform\/app-key\.ts$/.test(path)) {
    return /company-access/.test(path) ? "authorization" : "session";
  }
  if (/web\/middleware\/request\.ts$|platform\/log\.ts$/.test(path)) return "logging";
  if (/web\/middleware\//.test(path)) return "other middleware (CSRF, headers, no-store)";
  if (/(views|layout|render|notice|address|forms|errors)\.tsx$|web\/i18n\/|domain\/.*format|views\//.test(path)) return "render";
  if (/features\/.*(service|changes|statements|withdrawal|queue)\.ts$|platform\/db\//.test(path)) return "the page's data";
  if (/features\/.*routes\.tsx?$/.test(path)) return "route handlers";
  return undefined;
}

/** The phase of a frame outside src/: by the package it is in. */
function phaseOfLibrary(url: string, functionName: string): string {
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)") return "idle";
  if (functionName === "(program)") return "V8 and native (program)";
  if (/node_modules\/kysely\//.test(url)) return "query building (Kysely)";
  if (/node_modules\/hono\/dist\/(jsx|helper\/html|utils\/html)/.test(url)) return "render";
  if (/node_modules\/pino/.test(url)) return "logging";
  if (/node_modules\/(hono|@hono)\//.test(url)) return "framework and HTTP (Hono, node-server)";
  if (/^node:/.test(url) || url === "") return "Node.js (HTTP, streams, timers)";
  return "other libraries";
}

/** The phase of the portal's start (its samples are left out of the per-request figures). */
const START_UP = "start-up (loading modules)";
const PG_DRIVER = /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//;
const STARTING = /node_modules\/(tsx|esbuild)\/|^node:internal\/modules\//;

interface MachineCpu {
  portal: number;
  postgres: number;
  bench: number;
}

/** CPU milliseconds used so far by the portal, by every PostgreSQL process and by this process (Linux /proc), or undefined elsewhere. */
async function machineCpu(portalPid: number | undefined): Promise<MachineCpu | undefined> {
  if (portalPid === undefined) return undefined;
  const ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const cpuOf = async (pid: number | string): Promise<number> => {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) || 0) + (Number(fields[12]) || 0)) * (1000 / ticks); // utime, stime
  };
  try {
    let postgres = 0;
    for (const pid of (await readdir("/proc")).filter((d) => /^\d+$/.test(d))) {
      if ((await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "")).trim() === "postgres") postgres += await cpuOf(pid);
    }
    const own = process.cpuUsage();
    return { portal: await cpuOf(portalPid), postgres, bench: (own.user + own.system) / 1000 };
  } catch {
    return undefined;
  }
}

export function phases(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOfNode = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = phaseOfNode.get(id);
    if (known) return known;
    const leaf = byId.get(id)!;
    let phase: string | undefined;
    // Loading and compiling modules (tsx, esbuild, the module loader) is the start, not a request.
    for (let at: number | undefined = id; at !== undefined && !phase; at = parent.get(at)) {
      if (STARTING.test(byId.get(at)!.callFrame.url)) phase = START_UP;
    }
    for (let at: number | undefined = id; at !== undefined && !phase; at = parent.get(at)) {
      const url = byId.get(at)!.callFrame.url;
      // The driver's work and its socket writes (a write that wakes PostgreSQL is often where
      // the process is descheduled) are the driver's, whichever page's query they serve.
      if (PG_DRIVER.test(url)) phase = "database driver (pg), its socket writes included";
      const src = /\/src\/(.*)$/.exec(url)?.[1];
      if (!phase && src && !url.includes("node_modules")) phase = phaseOfSource(src);
    }
    phase ??= phaseOfLibrary(leaf.callFrame.url, leaf.callFrame.functionName);
    phaseOfNode.set(id, phase);
    return phase;
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const phase = resolve(id);
    totals.set(phase, (totals.get(phase) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

async function main(): Promise<void> {
  const [name = "dashboard", secondsText = "10"] = process.argv.slice(2).filter((a) => a !== "--");
  const target = TARGETS.find((t) => t.name === name);
  if (!target) throw new BenchError(`unknown target ${name}; known: ${TARGETS.map((t) => t.name).join(", ")}`);
  const seconds = Number(secondsText);
  const adminUrl = process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL;
  const database = planBenchDatabase(adminUrl);
  await createDatabase(adminUrl, database);
  const profileDir = await mkdtemp(join(tmpdir(), "ttp-profile-"));
  let portal: ServerProcess | undefined;
  try {
    await seedBaselineSessions(database);
    const [port = 0] = await freePorts(1);
    portal = new ServerProcess({
      name: "portal",
      script: "src/main.ts",
      port,
      nodeArgs: ["--cpu-prof", "--cpu-prof-dir", profileDir],
      env: { DATABASE_URL: database.url, LOG_LEVEL: "warn", NODE_ENV: "development", APP_KEY },
    });
    await portal.waitReady("/readyz", 30_000);
    const endpoint = await resolveEndpoint(target.portal, {
      portalOrigin: portal.origin,
      baselineOrigin: portal.origin,
      databaseUrl: database.url,
      progress: (line) => void process.stderr.write(`${line}\n`),
    });
    await runPhase(portal.origin, endpoint, 2, CONNECTIONS); // warm-up, in the profile too
    const cpuBefore = await machineCpu(portal.pid);
    const result = await runPhase(portal.origin, endpoint, seconds, CONNECTIONS);
    const cpuAfter = await machineCpu(portal.pid);
    await portal.stop(15_000);
    const file = (await readdir(profileDir)).find((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new BenchError(`the portal wrote no profile in ${profileDir}`);
    const profile = JSON.parse(await readFile(join(profileDir, file), "utf8")) as CpuProfile;
    const totals = phases(profile);
    const busy = [...totals].filter(([p]) => p !== "idle" && p !== START_UP).reduce((sum, [, ms]) => sum + ms, 0);
    const requests = result.responses;
    process.stdout.write(
      `profile of "${target.name}" (${endpoint.path}): ${result.rps.toFixed(1)} req/s, p99 ${result.p99} ms, ${CONNECTIONS} connections, ${seconds} s after a 2 s warm-up\n` +
        `machine load average ${os.loadavg().map((n) => n.toFixed(2)).join(" / ")}; sampled, not idle, ${(busy / 1000).toFixed(1)} s (wall time, descheduling included) for ${requests + Math.round(result.rps * 2)} requests\n\n` +
        `phase                                        sampled ms  share   µs per request\n`,
    );
    for (const [phase, ms] of [...totals].sort((a, b) => b[1] - a[1])) {
      if (phase === "idle" || phase === START_UP) continue;
      const perRequest = (ms * 1000) / (requests + result.rps * 2);
      process.stdout.write(`${phase.padEnd(44)} ${ms.toFixed(0).padStart(7)}  ${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${perRequest.toFixed(0).padStart(8)}\n`);
    }
    if (cpuBefore && cpuAfter) {
      const per = (key: keyof MachineCpu) => (((cpuAfter[key] - cpuBefore[key]) * 1000) / result.responses).toFixed(0);
      process.stdout.write(
        `\nCPU time per request during the measured ${seconds} s (from /proc, not sampled): the portal ${per("portal")} µs, ` +
          `PostgreSQL (all its processes) ${per("postgres")} µs, the load generator (this process) ${per("bench")} µs\n`,
      );
    }
    process.stdout.write(`\nidle ${(totals.get("idle") ?? 0).toFixed(0)} ms, ${START_UP} ${(totals.get(START_UP) ?? 0).toFixed(0)} ms (neither counted above); profile kept at ${join(profileDir, file)}\n`);
  } finally {
    await portal?.stop();
    await dropDatabase(adminUrl, database);
  }
}

try {
  await main();
} catch (err) {
  process.stderr.write(`profile failed: ${err instanceof BenchError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
}
