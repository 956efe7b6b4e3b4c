// A fresh, migrated database for each test file, on either engine:
//  - PostgreSQL when TEST_DATABASE_URL is set: a new database on that server, dropped at close;
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

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const base = new URL(serverUrl);
  const name = `${base.pathname.slice(1) || "ttp"}_t${randomBytes(5).toString("hex")}`.slice(0, 63);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.toString(),
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
