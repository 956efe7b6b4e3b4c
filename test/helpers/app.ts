// A whole portal for a test: its own database, the test clock, the development mailbox,
// silent (or captured) logs, and a job runner to drain queued work on demand.
import { Writable } from "node:stream";
import { loadConfig, type Config } from "../../src/config.ts";
import { newAppKeyText, resolveAppKeys, useAppKeys } from "../../src/platform/app-key.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openFileStore } from "../../src/platform/storage/index.ts";
import { openScanner } from "../../src/platform/scan/clamd.ts";
import { createApp } from "../../src/app.ts";
import { jobHandlers } from "../../src/jobs.ts";
import { PortalClock } from "../../src/platform/clock.ts";
import { createLogger } from "../../src/platform/log.ts";
import { JobRunner, type JobHandler } from "../../src/platform/jobs/queue.ts";
import { mailTransportFor, type MailTransport } from "../../src/platform/mail/transport.ts";
import type { AppDeps } from "../../src/web/context.ts";
import { createTestDatabase, type TestDatabase } from "./db.ts";

export interface TestPortal {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  database: TestDatabase;
  clock: PortalClock;
  jobs: JobRunner;
  /** Every log line written, parsed. */
  logLines: Record<string, unknown>[];
  /** The raw text of every log line written. */
  logText(): string;
  /**
   * Every query the app sent to the database (not the job runner's), oldest first, by kind
   * ("SelectQueryNode", "UpdateQueryNode", "RawNode: select …"); clear it with `.length = 0`.
   */
  queries: string[];
  close(): Promise<void>;
}

export interface TestPortalOptions {
  env?: Record<string, string>;
  smtpUrl?: string;
  extraHandlers?: Record<string, JobHandler>;
}

/**
 * One application key (SEC-8) for this test process and every portal process it starts: they
 * inherit the environment, so a spawned portal can read what this one wrote, and the reverse.
 */
process.env.APP_KEY ??= newAppKeyText();

export async function createTestPortal(options: TestPortalOptions = {}): Promise<TestPortal> {
  // Its own data folder (evidence files, unless STORAGE_URL names object storage), removed at close.
  const dataDir = mkdtempSync(join(tmpdir(), "ttp-portal-"));
  const config: Config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    APP_KEY: process.env.APP_KEY,
    TEST_CLOCK: "1",
    LOG_LEVEL: "info",
    BASE_URL: "http://localhost",
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...options.env,
  });
  useAppKeys(resolveAppKeys(config.appKey));
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      raw.push(chunk.toString("utf8"));
      cb();
    },
  });
  const logger = createLogger(config.logLevel, sink);
  const database = await createTestDatabase();
  // Every query the app runs passes this plugin: Kysely hands it each query it compiles
  // (transactions and raw SQL included) and each result, so a test can count a page's round
  // trips — by result, as a query compiled once (platform/db/compiled.ts) runs many times.
  const queries: string[] = [];
  const kinds = new WeakMap<object, string>();
  const appDb = database.db.withPlugin({
    transformQuery(args) {
      const node = args.node as { kind: string; sqlFragments?: readonly string[] };
      kinds.set(args.queryId, node.kind === "RawNode" ? `RawNode: ${(node.sqlFragments ?? []).join("?").trim().slice(0, 60)}` : node.kind);
      return args.node;
    },
    transformResult(args) {
      queries.push(kinds.get(args.queryId) ?? "unknown");
      return Promise.resolve(args.result);
    },
  });
  const clock = new PortalClock();
  const mailTransport: MailTransport = mailTransportFor(config, database.db, clock);
  const deps: AppDeps = {
    config,
    db: appDb,
    engine: database.engine,
    clock,
    ...(config.testClock ? { testClock: clock } : {}),
    logger,
    mailTransport,
    files: await openFileStore(config.storage),
    scanner: openScanner(config.scanner),
    ...(database.poolUse ? { dbPool: database.poolUse } : {}),
  };
  const jobs = new JobRunner({
    db: database.db,
    clock,
    logger,
    handlers: { ...jobHandlers({ db: database.db, clock, logger, mailTransport, mailFrom: config.mail.from }), ...options.extraHandlers },
  });
  return {
    app: createApp(deps),
    deps,
    database,
    clock,
    jobs,
    get logLines() {
      return raw.join("").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    logText: () => raw.join(""),
    queries,
    close: async () => {
      await jobs.stop();
      mailTransport.close?.();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
