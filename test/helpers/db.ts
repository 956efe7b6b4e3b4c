// A fresh, migrated database for each test file, on either engine:
//  - PostgreSQL when TEST_DATABASE_URL is set: a new database on that server, dropped at close,
//    copied from a migrated template database that the first test file builds on that server
//    (named after the server URL's database and keyed by the migrations' source; ~1.5 s of
//    migrations saved per file);
//  - otherwise PGlite in memory, loaded from a migrated template that is built once and
//    cached on disk (keyed by the migrations' source), which makes a new one ~0.4 s.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect } from "kysely";
import pg from "pg";
import { migrateToLatest, openDatabase, type DatabaseHandle } from "../../src/platform/db/index.ts";
import type { Database } from "../../src/platform/db/schema.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const migrationsDir = join(root, "src", "platform", "db", "migrations");

export interface TestDatabase extends DatabaseHandle {
  /** The database's own URL on PostgreSQL; undefined on PGlite. */
  readonly url: string | undefined;
}

export const testEngine: "postgres" | "pglite" = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresDatabase(serverUrl) : createPgliteDatabase();
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The name of a migrated database on the server to copy test databases from, built the first
 * time (under an advisory lock, so parallel test files build it once; its comment says it is
 * complete, so a build that died half way is dropped and built again). Like the test databases
 * it starts with the server URL's database name, so whatever drops those drops it too.
 */
async function postgresTemplate(admin: pg.Client, serverUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_tpl${migrationsKey()}`.slice(0, 63);
  const ready = async () =>
    ((await admin.query("select 1 from pg_database d where datname = $1 and shobj_description(d.oid, 'pg_database') = 'migrated'", [name])).rowCount ?? 0) > 0;
  if (await ready()) return name;
  await admin.query("select pg_advisory_lock(hashtext($1))", [name]);
  try {
    if (await ready()) return name;
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    const handle = await openDatabase({ kind: "postgres", url: databaseUrl(serverUrl, name), poolSize: 1 });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close();
    }
    await admin.query(`comment on database "${name}" is 'migrated'`);
    return name;
  } finally {
    await admin.query("select pg_advisory_unlock(hashtext($1))", [name]);
  }
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const base = new URL(serverUrl);
  const prefix = base.pathname.slice(1) || "ttp";
  const name = `${prefix}_t${randomBytes(5).toString("hex")}`.slice(0, 63);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const template = await postgresTemplate(admin, serverUrl, prefix);
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(serverUrl, name);
  const handle = await openDatabase({ kind: "postgres", url, poolSize: 5 });
  await migrateToLatest(handle.db); // a no-op unless the template is stale
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

function migrationsKey(): string {
  const hash = createHash("sha256");
  for (const f of readdirSync(migrationsDir).sort()) hash.update(f).update(readFileSync(join(migrationsDir, f)));
  const pgliteVersion = (JSON.parse(readFileSync(join(root, "node_modules", "@electric-sql", "pglite", "package.json"), "utf8")) as { version: string }).version;
  return hash.update(pgliteVersion).digest("hex").slice(0, 16);
}

async function pgliteTemplate(): Promise<Uint8Array> {
  const dir = join(root, "node_modules", ".cache", "ttp-test");
  const file = join(dir, `pglite-${migrationsKey()}.tar.gz`);
  if (existsSync(file)) return readFileSync(file);
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const dump = new Uint8Array(await (await pglite.dumpDataDir("gzip")).arrayBuffer());
  await db.destroy();
  if (!pglite.closed) await pglite.close();
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, dump);
  renameSync(tmp, file); // atomic: parallel test files never read half a template
  return dump;
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const template = await pgliteTemplate();
  const handle = await openDatabase({ kind: "pglite", loadDataDir: new Blob([template as Uint8Array<ArrayBuffer>]) });
  await migrateToLatest(handle.db); // a no-op unless the template is stale
  return { ...handle, url: undefined };
}
