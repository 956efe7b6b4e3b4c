// Start: config → database → migrations → jobs → HTTP.
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { ConfigError, loadConfig, type Config } from "./config.ts";
import { PortalClock } from "./platform/clock.ts";
import { createLogger } from "./platform/log.ts";
import { DatabaseUnreachable, DataDirLocked, describeDatabaseUrl, migrateToLatest, openDatabase, waitForDatabase } from "./platform/db/index.ts";
import { mailTransportFor } from "./platform/mail/transport.ts";
import { createApp } from "./app.ts";
import { JobRunner } from "./platform/jobs/queue.ts";
import { jobHandlers, scheduleRecurringJobs } from "./jobs.ts";
import { resolveAppKeys, useAppKeys } from "./platform/app-key.ts";
import { openFileStore } from "./platform/storage/index.ts";
import { openScanner } from "./platform/scan/clamd.ts";
import { ensureFirstAdministrator, firstAdministratorNotice, readyLine } from "./features/staff/bootstrap.ts";
import { resealStaffSecrets } from "./features/staff/service.ts";
import { resealFactorSecrets } from "./features/identity/factors.ts";

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}

// How long each step of the start took, in ms since the process started (the "listening"
// line carries them; bench/first-start.ts reads them).
const startup: Record<string, number> = { loaded: Math.round(performance.now()) };
const mark = (step: string): void => {
  startup[step] = Math.round(performance.now());
};

const config = readConfig();
// The application key first (SEC-8): migrations key the hashes they find with it.
useAppKeys(resolveAppKeys(config.appKey));
const logger = createLogger(config.logLevel);
const clock = new PortalClock();
const database = await openDatabase(
  config.database.kind === "postgres"
    ? { kind: "postgres", url: config.database.url, poolSize: config.database.poolSize }
    : // A new data folder starts as a copy of the migrated template (built at `npm install`).
      { kind: "pglite", dataDir: config.database.dataDir, templates: fileURLToPath(new URL("../node_modules/.cache/ttp-start/", import.meta.url)) },
).catch((err: unknown) => {
  // The embedded database belongs to one process: a second one says so and stops.
  if (err instanceof DataDirLocked) {
    process.stderr.write(`${err.message}\n`);
    process.exit(75); // EX_TEMPFAIL
  }
  throw err;
});
// PostgreSQL may still be starting (a container's): a few seconds' wait, then one clear line.
if (config.database.kind === "postgres") {
  await waitForDatabase(database.db, describeDatabaseUrl(config.database.url)).catch(async (err: unknown) => {
    if (!(err instanceof DatabaseUnreachable)) throw err;
    process.stderr.write(`${err.message}\n`);
    await database.close().catch(() => {});
    process.exit(69); // EX_UNAVAILABLE
  });
}
mark("database");
await migrateToLatest(database.db);
mark("migrations");
// After a key rotation (APP_KEY_PREVIOUS set), secrets sealed under the old key move to the new.
const resealed = (await resealStaffSecrets({ db: database.db, clock })) + (await resealFactorSecrets({ db: database.db }));
if (resealed > 0) logger.info({ resealed }, "TOTP secrets re-encrypted under the current APP_KEY");

// The first CBSA administrator, created once; its one-time sign-in details are printed to
// the operator's console (never to the JSON logs) and exist nowhere else. Its password's
// argon2 hash takes a moment (in libuv's threads): the jobs and the app are set up meanwhile,
// and the portal listens once the account exists.
const firstAdmin = ensureFirstAdministrator({ db: database.db, clock });
firstAdmin.catch(() => {}); // a failure surfaces where it is awaited, below

const mailTransport = mailTransportFor(config, database.db, clock);

const jobs = new JobRunner({
  db: database.db,
  clock,
  logger,
  handlers: jobHandlers({ db: database.db, clock, logger, mailTransport, mailFrom: config.mail.from }),
});
await scheduleRecurringJobs(database.db, clock);
jobs.start();
mark("jobs");

// Evidence files (APP-9): the store, and the scanner when one is configured.
const files = await openFileStore(config.storage, { now: clock.now() });
const scanner = openScanner(config.scanner);

const app = createApp({
  config,
  db: database.db,
  engine: database.engine,
  clock,
  ...(config.testClock ? { testClock: clock } : {}),
  logger,
  mailTransport,
  files,
  scanner,
  ...(database.poolUse ? { dbPool: database.poolUse } : {}),
});

mark("app");
const issued = await firstAdmin;
if (issued) process.stdout.write(firstAdministratorNotice(issued, config.baseUrl));
mark("staff");
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  mark("listening");
  logger.info(
    { url: config.baseUrl, port: info.port, database: database.engine, mail: mailTransport.kind, testClock: config.testClock, startup },
    "listening",
  );
  // One plain line for a person at the terminal, after the JSON ones (never in production, where logs are machine-read).
  if (!config.isProduction) process.stdout.write(readyLine(config.baseUrl, mailTransport.kind === "dev-mailbox"));
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  server.close();
  await jobs.stop();
  mailTransport.close?.();
  await database.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
