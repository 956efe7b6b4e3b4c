// Section "sign-ins-alongside" of `npm run bench` (DESIGN.md "Performance": a page's p99 with
// 10 sign-ins a second hashing alongside ≤ 2× its p99 alone).
//
// The sign-in is GCKey's: POST /{lang}/sign-in/gckey runs one argon2id verification
// (19 MiB, t=2, on libuv's thread pool) per request, for a username that exists or not
// (features/identity/gckey.ts signInGckey). The growing delays (SEC-3, counted in the
// `throttles` table) must never answer instead of argon2, and a sign-in is counted on its
// username and its client address before the password is compared (SEC-7), until it is
// settled: so the sign-ins here are valid ones (a right password clears the username's count
// and gives back the address's), the ACCOUNTS accounts are taken in turn (a username's 3 free
// failures then hold even with several seconds of latency), and each sign-in comes from a
// source address of its own, 127.0.1.1 to 127.0.1.250 (the portal counts the socket's address,
// TRUST_PROXY_HOPS being 0; an address's 20 free failures are never approached). Each account's
// credential has no portal user profile yet, so a sign-in ends at the "profile" stage (a
// session and an audit row written, no MFA code mailed). Every answer is checked to be that
// 303; anything else (a 429 from a throttle, a 422) is counted as failed and printed.
//
// For each thread-pool size, a portal of its own is started on the bench database with
// UV_THREADPOOL_SIZE set, and the dashboard is loaded in rounds, alone and with the sign-ins
// alongside in turn. The pg pool is not a setting of the portal (src/main.ts opens the
// database with openDatabase's default of 10 connections; src/config.ts reads no pool size),
// so every row runs with 10.
import { request } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { hashPassword } from "../src/features/identity/gckey.ts";
import { csrfCookieName } from "../src/web/middleware/csrf.ts";
import { percentile, pooledSorted, runPhase, type Endpoint, type PhaseResult } from "./load.ts";
import type { ServerProcess } from "./servers.ts";
import { BenchError } from "./shared.ts";

export const SIGN_INS_PER_SECOND = 10;
export const THREAD_POOL_SIZES = [4, 8, 16] as const;
/** The portal's pg pool: openDatabase's default, not configurable (see above). */
export const PG_POOL_SIZE = 10;
const ACCOUNTS = 100;
const SOURCE_ADDRESSES = 250;
const PASSWORD = "Bench sign-in password 2025!";
const USERNAME_PREFIX = "benchsignin";
const SIGN_IN_PATH = "/en/sign-in/gckey";
const EXPECTED_LOCATION = "/en/sign-in/profile";
/** Not the __Host- name: the bench portal's BASE_URL is http://localhost:PORT. */
const CSRF_COOKIE = csrfCookieName(false);
const WARMUP_SECONDS = 2;
const ROUNDS = 3;
const ROUND_SECONDS = 5;
const CONNECTIONS = 50;
const PORTAL_START_SECONDS = 10;
const SIGN_INS_ALONE_SECONDS = 3;

/** Load seconds and start-ups, for the run's watchdog. */
export function signInsBudgetSeconds(): number {
  return THREAD_POOL_SIZES.length * (PORTAL_START_SECONDS + WARMUP_SECONDS + SIGN_INS_ALONE_SECONDS + 2 + 2 * ROUNDS * (ROUND_SECONDS + 1));
}

export interface SignInStats {
  readonly sent: number;
  readonly ok: number;
  /** Status → count, for answers other than the expected 303 (and "error" for no answer). */
  readonly failed: Readonly<Record<string, number>>;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface SignInsRow {
  readonly uvThreadpoolSize: number;
  readonly pgPoolSize: number;
  readonly alone: { readonly rps: number; readonly p50Ms: number; readonly p99Ms: number; readonly responses: number; readonly failed: number };
  readonly alongside: { readonly rps: number; readonly p50Ms: number; readonly p99Ms: number; readonly responses: number; readonly failed: number };
  /** Dashboard p99 with the sign-ins ÷ alone. */
  readonly p99Ratio: number;
  readonly signIns: SignInStats;
  /** The same sign-ins with no dashboard load: argon2 and the sign-in's own round trips, no queueing behind the page. */
  readonly signInsAlone: SignInStats;
}

export interface SignInsSummary {
  readonly signInsPerSecond: number;
  readonly accounts: number;
  readonly request: string;
  readonly rows: readonly SignInsRow[];
}

export interface SignInsOptions {
  readonly databaseUrl: string;
  readonly dashboard: Endpoint;
  /** Starts a portal on the bench database with these extra variables (stopped by the caller's clean-up too). */
  readonly startPortal: (name: string, env: Readonly<Record<string, string>>) => Promise<ServerProcess>;
  readonly progress: (line: string) => void;
}

/** ACCOUNTS GCKey credentials with the same password and no profile yet. */
async function seedAccounts(databaseUrl: string): Promise<string[]> {
  const hash = await hashPassword(PASSWORD);
  const usernames = Array.from({ length: ACCOUNTS }, (_, i) => `${USERNAME_PREFIX}${String(i).padStart(3, "0")}`);
  const client = new pg.Client({ connectionString: databaseUrl, statement_timeout: 30_000 });
  await client.connect();
  try {
    await client.query(
      `insert into credentials (kind, username, username_normalized, password_hash, password_changed_at, created_at)
       select 'gckey', u, u, $2, now(), now() from unnest($1::text[]) as u
       on conflict do nothing`,
      [usernames, hash],
    );
  } finally {
    await client.end();
  }
  return usernames;
}

/**
 * Valid GCKey sign-ins at a steady rate (open loop: a sign-in is sent when it is due, whether
 * or not the earlier ones have been answered), the accounts in turn.
 */
class SignInDriver {
  private readonly csrf = "b".repeat(43);
  private readonly latencies: number[] = [];
  private readonly failed: Record<string, number> = {};
  private readonly inFlight = new Set<Promise<void>>();
  private sent = 0;
  private ok = 0;
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private stoppedAt = 0;

  constructor(
    private readonly origin: string,
    private readonly usernames: readonly string[],
    private readonly perSecond: number,
  ) {}

  start(): void {
    this.startedAt = performance.now();
    // Ticks every 10 ms send what is due (the first at once): the rate holds even when a tick
    // is late (the harness's own autocannon keeps this event loop busy).
    const tick = (): void => {
      const due = Math.floor(((performance.now() - this.startedAt) / 1000) * this.perSecond) + 1;
      while (this.sent < due) this.send();
    };
    tick();
    this.timer = setInterval(tick, 10);
  }

  private send(): void {
    const n = this.sent++;
    const username = this.usernames[n % this.usernames.length]!;
    const body = new URLSearchParams({ username, password: PASSWORD }).toString();
    const url = new URL(this.origin);
    const began = performance.now();
    const answered = new Promise<void>((resolve) => {
      const fail = (what: string): void => {
        this.failed[what] = (this.failed[what] ?? 0) + 1;
        resolve();
      };
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: SIGN_IN_PATH,
          method: "POST",
          localAddress: `127.0.1.${1 + (n % SOURCE_ADDRESSES)}`,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "content-length": Buffer.byteLength(body),
            cookie: `${CSRF_COOKIE}=${this.csrf}`,
            "x-csrf-token": this.csrf,
            "user-agent": "bench sign-in",
          },
          timeout: 30_000,
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode === 303 && res.headers.location === EXPECTED_LOCATION) {
              this.ok++;
              this.latencies.push(performance.now() - began);
              resolve();
            } else {
              fail(String(res.statusCode));
            }
          });
          res.on("error", () => fail("error"));
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => fail("error"));
      req.end(body);
    });
    this.inFlight.add(answered);
    void answered.finally(() => this.inFlight.delete(answered));
  }

  /** Stops sending, waits for the answers still due, and returns the figures. */
  async stop(): Promise<SignInStats> {
    clearInterval(this.timer);
    this.stoppedAt = performance.now();
    await Promise.all([...this.inFlight]);
    const sorted = Float64Array.from(this.latencies).sort();
    return {
      sent: this.sent,
      ok: this.ok,
      failed: { ...this.failed },
      perSecond: this.sent / ((this.stoppedAt - this.startedAt) / 1000),
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
    };
  }
}

function side(rounds: readonly PhaseResult[]): SignInsRow["alone"] {
  const sorted = pooledSorted(rounds);
  return {
    rps: rounds.reduce((sum, r) => sum + r.rps, 0) / rounds.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    responses: sorted.length,
    failed: rounds.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
}

function mergeStats(parts: readonly SignInStats[]): SignInStats {
  const failed: Record<string, number> = {};
  for (const p of parts) for (const [k, n] of Object.entries(p.failed)) failed[k] = (failed[k] ?? 0) + n;
  return {
    sent: parts.reduce((n, p) => n + p.sent, 0),
    ok: parts.reduce((n, p) => n + p.ok, 0),
    failed,
    perSecond: parts.reduce((n, p) => n + p.perSecond, 0) / parts.length,
    // Rounds' percentiles are not pooled here; the worst round's p99 is the honest one.
    p50Ms: Math.max(...parts.map((p) => p.p50Ms)),
    p99Ms: Math.max(...parts.map((p) => p.p99Ms)),
  };
}

async function oneThreadPoolSize(options: SignInsOptions, usernames: readonly string[], size: number): Promise<SignInsRow> {
  const { progress, dashboard } = options;
  // The default (4) is the variable unset, as a portal runs when nobody sets it.
  const portal = await options.startPortal(`portal-uv${size}`, size === 4 ? {} : { UV_THREADPOOL_SIZE: String(size) });
  try {
    // A first sign-in, checked: the 303 to the profile stage, else the figures mean nothing.
    const check = new SignInDriver(portal.origin, usernames, 1);
    check.start();
    const checked = await check.stop();
    if (checked.ok !== 1) {
      throw new BenchError(`sign-ins-alongside: a GCKey sign-in did not answer 303 to ${EXPECTED_LOCATION}: ${JSON.stringify(checked.failed)}\n${portal.output()}`);
    }
    progress(`sign-ins-alongside: UV_THREADPOOL_SIZE ${size}: warm-up (${WARMUP_SECONDS} s, with sign-ins)`);
    const warm = new SignInDriver(portal.origin, usernames, SIGN_INS_PER_SECOND);
    warm.start();
    await runPhase(portal.origin, dashboard, WARMUP_SECONDS, CONNECTIONS);
    await warm.stop();

    // The sign-ins with nothing else running: what a sign-in costs before it queues behind the
    // dashboard's requests (the event loop, the pg pool's 10 connections, the thread pool).
    const solo = new SignInDriver(portal.origin, usernames, SIGN_INS_PER_SECOND);
    solo.start();
    await sleep(SIGN_INS_ALONE_SECONDS * 1000);
    const signInsAlone = await solo.stop();

    const alone: PhaseResult[] = [];
    const alongside: PhaseResult[] = [];
    const stats: SignInStats[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      const a = await runPhase(portal.origin, dashboard, ROUND_SECONDS, CONNECTIONS);
      alone.push(a);
      const driver = new SignInDriver(portal.origin, usernames, SIGN_INS_PER_SECOND);
      driver.start();
      const b = await runPhase(portal.origin, dashboard, ROUND_SECONDS, CONNECTIONS);
      const s = await driver.stop();
      alongside.push(b);
      stats.push(s);
      progress(
        `sign-ins-alongside: UV_THREADPOOL_SIZE ${size}: round ${i}/${ROUNDS}: alone ${a.rps.toFixed(1)} req/s p99 ${a.p99} ms; ` +
          `alongside ${b.rps.toFixed(1)} req/s p99 ${b.p99} ms, ${s.ok}/${s.sent} sign-ins, p99 ${s.p99Ms.toFixed(0)} ms`,
      );
    }
    if (portal.hasExited) throw new BenchError(`portal-uv${size} exited during the run\n${portal.output()}`);
    const aloneSide = side(alone);
    const alongsideSide = side(alongside);
    return {
      uvThreadpoolSize: size,
      pgPoolSize: PG_POOL_SIZE,
      alone: aloneSide,
      alongside: alongsideSide,
      p99Ratio: alongsideSide.p99Ms / aloneSide.p99Ms,
      signIns: mergeStats(stats),
      signInsAlone,
    };
  } finally {
    await portal.stop();
  }
}

export async function runSignInsAlongside(options: SignInsOptions): Promise<SignInsSummary> {
  const usernames = await seedAccounts(options.databaseUrl);
  options.progress(`sign-ins-alongside: seeded ${usernames.length} GCKey accounts`);
  const rows: SignInsRow[] = [];
  for (const size of THREAD_POOL_SIZES) rows.push(await oneThreadPoolSize(options, usernames, size));
  return { signInsPerSecond: SIGN_INS_PER_SECOND, accounts: ACCOUNTS, request: `POST ${SIGN_IN_PATH} (valid GCKey password, one argon2id verify)`, rows };
}
