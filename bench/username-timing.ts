// `npm run bench:timing`: does a GCKey form answer a username that exists faster or slower
// than one that does not? (SEC-8: neither the answer nor the time may tell.) Not part of
// `npm test`; it measures and reports, it asserts nothing about the figures.
//
// The portal runs in this process (createApp, as src/main.ts builds it) on a fresh database:
// PGlite in memory by default, or a scratch database `ttp_bench_<pid>_<random>` created on the
// PostgreSQL server that DATABASE_URL points to (and dropped at the end). One GCKey user is
// created with recovery answers and a recovery email; then each form — sign-in with a wrong
// password, a password-reset request, a reset with wrong answers — is posted SAMPLES times for
// that username and SAMPLES times for an unknown one, interleaved (known, unknown, known, …),
// after a few unmeasured warm-up pairs. A sample is the time from app.request() to the whole
// body read: the server's work, without a socket.
//
// The portal counts failures per username and per address and answers with growing delays
// (SEC-3). So that every sample is a real check and never a throttle answer, each request
// comes from a fresh client address (X-Forwarded-For, with TRUST_PROXY_HOPS=1) and the
// portal's clock (the test clock, TEST_CLOCK=1) moves forward by a day and a minute before it:
// every counter is then past its quiet period and starts again from zero. Every answer is
// checked to be the form's ordinary one (422 with its message, or the reset request's 303);
// a 429, or anything else, stops the run with a message.
import os from "node:os";
import { loadConfig } from "../src/config.ts";
import { newAppKeyText, resolveAppKeys, useAppKeys } from "../src/platform/app-key.ts";
import { openFileStore } from "../src/platform/storage/index.ts";
import { openScanner } from "../src/platform/scan/clamd.ts";
import { createApp } from "../src/app.ts";
import { DAY_MS, PortalClock } from "../src/platform/clock.ts";
import { createLogger } from "../src/platform/log.ts";
import { migrateToLatest, openDatabase, type DatabaseHandle } from "../src/platform/db/index.ts";
import { devMailboxTransport } from "../src/platform/mail/transport.ts";
import { messages } from "../src/web/i18n/index.ts";
import { createDatabase, dropDatabase, planBenchDatabase, type BenchDatabase } from "./database.ts";
import { BenchError } from "./shared.ts";

const SAMPLES = 30;
const WARMUP_PAIRS = 3;
/** Past every throttle's quiet period (a day without failures starts a key again from zero). */
const CLOCK_STEP_MS = DAY_MS + 60_000;
const ORIGIN = "http://localhost";

const KNOWN = "timingknown1";
const UNKNOWN = "timingnobody2";
const PASSWORD = "correct horse battery staple";
const ANSWERS = { "answer-school": "Lisgar Collegiate", "answer-street": "Elgin Street", "answer-book": "Les Misérables" };
const WRONG_ANSWERS = { "answer-school": "Glebe Collegiate", "answer-street": "Bank Street", "answer-book": "Germinal" };

const out = (line = ""): void => void process.stdout.write(`${line}\n`);
const progress = (line: string): void => void process.stderr.write(`${line}\n`);

// --- the portal, in this process -------------------------------------------------------------

interface Portal {
  app: ReturnType<typeof createApp>;
  clock: PortalClock;
  engine: string;
  close(): Promise<void>;
}

async function startPortal(): Promise<Portal> {
  const serverUrl = process.env.DATABASE_URL;
  let scratch: BenchDatabase | undefined;
  let database: DatabaseHandle;
  let engine: string;
  if (serverUrl) {
    scratch = planBenchDatabase(serverUrl);
    const version = await createDatabase(serverUrl, scratch);
    engine = `PostgreSQL ${version} (scratch database ${scratch.name})`;
    database = await openDatabase({ kind: "postgres", url: scratch.url });
  } else {
    engine = "PGlite in memory";
    database = await openDatabase({ kind: "pglite" });
  }
  await migrateToLatest(database.db);
  const config = loadConfig({
    NODE_ENV: "development",
    TEST_CLOCK: "1",
    TRUST_PROXY_HOPS: "1",
    LOG_LEVEL: "silent",
    BASE_URL: ORIGIN,
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    APP_KEY: newAppKeyText(),
  });
  useAppKeys(resolveAppKeys(config.appKey));
  const clock = new PortalClock();
  const mailTransport = devMailboxTransport(database.db, clock);
  // No job runner: queued work (the reset request's job, mail) waits in the jobs table, so
  // nothing runs beside the request being timed.
  const app = createApp({ config, db: database.db, engine: database.engine, clock, testClock: clock, logger: createLogger("silent"), mailTransport, files: await openFileStore(config.storage), scanner: openScanner({ kind: "none" }) });
  return {
    app,
    clock,
    engine,
    close: async () => {
      mailTransport.close?.();
      await database.close();
      if (scratch && serverUrl) await dropDatabase(serverUrl, scratch);
    },
  };
}

// --- a visitor: a cookie jar, the CSRF proof, a fresh address per request ---------------------

interface Answer {
  status: number;
  location: string | null;
  body: string;
  ms: number;
}

class Visitor {
  private readonly cookies = new Map<string, string>();
  private addresses = 0;

  constructor(private readonly app: Portal["app"]) {}

  /** 198.18.0.0/15 is set aside for benchmarks (RFC 2544); only ever a header here. */
  private nextAddress(): string {
    const n = ++this.addresses;
    return `198.18.${(n >> 8) & 255}.${n & 255}`;
  }

  async get(path: string): Promise<Answer> {
    return this.send(path, { method: "GET", headers: {} });
  }

  async post(path: string, fields: Record<string, string>): Promise<Answer> {
    if (!this.cookies.has("ttp-csrf")) await this.get("/en");
    const body = new URLSearchParams({ _csrf: this.cookies.get("ttp-csrf") ?? "", ...fields }).toString();
    return this.send(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, "sec-fetch-site": "same-origin" },
      body,
    });
  }

  private async send(path: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<Answer> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const headers = { ...init.headers, "x-forwarded-for": this.nextAddress(), ...(cookie ? { cookie } : {}) };
    const started = performance.now();
    const res = await this.app.request(`${ORIGIN}${path}`, { ...init, headers });
    const body = await res.text();
    const ms = performance.now() - started;
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, location: res.headers.get("location"), body, ms };
  }
}

// --- the three forms ----------------------------------------------------------------------------

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

interface Form {
  name: string;
  post(visitor: Visitor, username: string): Promise<Answer>;
  /** Why the answer is not the form's ordinary one for a wrong guess; null when it is. */
  unexpected(answer: Answer, username: string): string | null;
}

const m = messages("en").identity;

function expect422(answer: Answer, message: string): string | null {
  if (answer.status === 422 && answer.body.includes(escapeHtml(message))) return null;
  if (answer.status === 422) return `422 without "${message}"`;
  return `HTTP ${answer.status}${answer.location ? ` to ${answer.location}` : ""}`;
}

const FORMS: Form[] = [
  {
    name: "sign-in (wrong password)",
    post: (v, username) => v.post("/en/sign-in/gckey", { username, password: "not the right password at all" }),
    unexpected: (a) => expect422(a, m.invalidCredentials),
  },
  {
    name: "forgot password (reset request)",
    post: (v, username) => v.post("/en/gckey/forgot", { username }),
    unexpected: (a, username) => {
      const to = `/en/gckey/reset?username=${encodeURIComponent(username)}`;
      return a.status === 303 && a.location === to ? null : `HTTP ${a.status}${a.location ? ` to ${a.location}` : ""} (expected 303 to ${to})`;
    },
  },
  {
    name: "reset (wrong answers)",
    post: (v, username) =>
      v.post("/en/gckey/reset", { username, code: "", ...WRONG_ANSWERS, password: "a brand new passphrase 42", confirmPassword: "a brand new passphrase 42" }),
    unexpected: (a) => expect422(a, m.resetFailed),
  },
];

// --- the run ----------------------------------------------------------------------------------

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function sample(portal: Portal, visitor: Visitor, form: Form, username: string, label: string): Promise<number> {
  portal.clock.advance(CLOCK_STEP_MS);
  const answer = await form.post(visitor, username);
  const problem = form.unexpected(answer, username);
  if (answer.status === 429) {
    throw new BenchError(`${form.name}, ${label}: throttled (429) although the clock moved ${CLOCK_STEP_MS / 60_000} min and the address was new: the sample would time a throttle answer, not a check. Stopping.`);
  }
  if (problem) throw new BenchError(`${form.name}, ${label}: not the form's ordinary answer to a wrong guess: ${problem}. Stopping.`);
  return answer.ms;
}

async function createKnownUser(visitor: Visitor): Promise<void> {
  const created = await visitor.post("/en/gckey/create", {
    username: KNOWN,
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...ANSWERS,
    recoveryEmail: "timing.recovery@example.ca",
  });
  if (created.status !== 303 || created.location !== "/en/sign-in/profile") {
    throw new BenchError(`creating the GCKey user ${KNOWN}: HTTP ${created.status}${created.location ? ` to ${created.location}` : ""}, expected 303 to /en/sign-in/profile`);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const portal = await startPortal();
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    progress("interrupted: finishing the current request, then cleaning up");
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await createKnownUser(new Visitor(portal.app));
    const visitor = new Visitor(portal.app);
    const rows: { form: string; known: number; unknown: number }[] = [];
    for (const form of FORMS) {
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < WARMUP_PAIRS + SAMPLES; i++) {
        if (interrupted) throw new BenchError("interrupted");
        const k = await sample(portal, visitor, form, KNOWN, `known username, sample ${i + 1}`);
        const u = await sample(portal, visitor, form, UNKNOWN, `unknown username, sample ${i + 1}`);
        if (i >= WARMUP_PAIRS) {
          known.push(k);
          unknown.push(u);
        }
      }
      rows.push({ form: form.name, known: median(known), unknown: median(unknown) });
      progress(`${form.name}: done`);
    }

    const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
    out(`username timing — ${portal.engine}, Node ${process.version}, ${os.availableParallelism()} cores, load ${load}`);
    out(`${SAMPLES} samples per username and form, interleaved, after ${WARMUP_PAIRS} warm-up pairs; server time per request (app.request to body read)`);
    out();
    const width = Math.max(...rows.map((r) => r.form.length), "form".length);
    out(`${"form".padEnd(width)}  ${"median known ms".padStart(15)}  ${"median unknown ms".padStart(17)}  ${"unknown/known".padStart(13)}`);
    for (const r of rows) {
      out(`${r.form.padEnd(width)}  ${r.known.toFixed(2).padStart(15)}  ${r.unknown.toFixed(2).padStart(17)}  ${(r.unknown / r.known).toFixed(2).padStart(13)}`);
    }
    out();
    out(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await portal.close();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

try {
  await main();
} catch (err) {
  if (err instanceof BenchError) {
    process.stderr.write(`bench:timing: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
