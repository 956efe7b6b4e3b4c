// The database: Kysely over PGlite (embedded, the default) or PostgreSQL (DATABASE_URL).
// One dialect, one set of migrations for both.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { cp } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { takingTurns } from "./pglite-turns.ts";
import { Kysely, PGliteDialect, PostgresDialect, sql, type Transaction } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import type { Database } from "./schema.ts";
import { PreparedStatements, type QueryingClient } from "./prepared.ts";
import { migrations } from "./migrations/index.ts";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.ts";

export type { Database } from "./schema.ts";
export { DataDirLocked } from "./data-dir-lock.ts";
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | {
      kind: "pglite";
      dataDir?: string;
      loadDataDir?: Blob;
      /**
       * A cache folder for ensurePgliteTemplate: a new data folder (no database in it yet) starts
       * as a copy of the migrated template kept there, instead of running initdb and every
       * migration (seconds at a first start).
       */
      templates?: string;
    };

/** The use of a PostgreSQL connection pool (none for the embedded database). */
export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
}

export interface DatabaseHandle {
  readonly db: Db;
  readonly engine: "postgres" | "pglite";
  /** The connection pool's use (PostgreSQL only), for /metrics. */
  readonly poolUse?: () => PoolUse;
  close(): Promise<void>;
}

const INT8_OID = 20;
const DATE_OID = 1082;
const asText = (v: string) => v;

/**
 * Opens the database. Ids (bigint) come back as strings on both engines, and calendar dates
 * (`date`) as "YYYY-MM-DD" text: a date has no time zone, and a JS Date would give it one.
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      types: { getTypeParser: ((oid: number) => (oid === DATE_OID ? asText : (pg.types.getTypeParser(oid, "text") as (v: string) => unknown))) as typeof pg.types.getTypeParser },
    });
    // An idle connection the server closes (a restart, a failover, an administrator) is
    // dropped from the pool and replaced on the next query; unhandled, it would crash the
    // process. Queries in flight still fail, and are answered with the error page.
    pool.on("error", () => {});
    // Fixed queries run as named prepared statements, planned once per connection (prepared.ts).
    const prepared = new PreparedStatements();
    pool.on("connect", (client) => prepared.install(client as unknown as QueryingClient));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const poolUse = (): PoolUse => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { db, engine: "postgres", poolUse, close: () => db.destroy() };
  }
  // An embedded data folder belongs to one process (PGlite does not lock it): a second
  // one gets DataDirLocked before it reads anything. In memory there is nothing to share.
  let lock: DataDirLock | undefined;
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    lock = await acquireDataDirLock(target.dataDir);
  }
  let pglite: PGlite;
  try {
    if (target.dataDir && target.templates && !target.loadDataDir && !existsSync(join(target.dataDir, "PG_VERSION"))) {
      await copyTemplate(await ensurePgliteTemplate(target.templates), target.dataDir);
    }
    pglite = await PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
      parsers: { [INT8_OID]: asText, [DATE_OID]: asText },
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: takingTurns(pglite) }) });
  return {
    db,
    engine: "pglite",
    close: async () => {
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** The database could not be reached at start (after waiting): one line for the operator. */
export class DatabaseUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnreachable";
  }
}

/** Where a PostgreSQL URL points, without its password: `host:port/database as user`. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname || "/"}${u.username ? ` as ${decodeURIComponent(u.username)}` : ""}`;
  } catch {
    return "(DATABASE_URL is not a URL)";
  }
}

/**
 * Waits until the database answers (a container's database may start after the portal): one
 * query every second for `waitMs`, then DatabaseUnreachable naming where it looked and the
 * driver's reason (ECONNREFUSED, a wrong password, a database that does not exist).
 */
export async function waitForDatabase(db: Db, where: string, waitMs = 5_000): Promise<void> {
  // Elapsed time, not the portal's clock (which a test may have moved): performance.now().
  const until = performance.now() + waitMs;
  for (;;) {
    try {
      await sql`select 1`.execute(db);
      return;
    } catch (err) {
      if (performance.now() >= until) {
        const e = err as { code?: string; message?: string; errors?: { message?: string }[] };
        const reason = [e.code, e.message || e.errors?.map((x) => x.message).join("; ")].filter(Boolean).join(": ") || String(err);
        throw new DatabaseUnreachable(`Cannot reach the database at ${where} (${reason}). Check DATABASE_URL and that PostgreSQL is running and accepts this host's connections.`);
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/**
 * Whether exactly the listed migrations have run (the usual case at a start): two small
 * queries, where Kysely's Migrator reads every table's columns from the catalogue twice even
 * when there is nothing to do (seconds on PGlite). Anything else goes to the Migrator.
 */
async function everyMigrationApplied(db: Db): Promise<boolean> {
  const table = await sql<{ present: boolean }>`select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (!table.rows[0]?.present) return false;
  const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const names = new Set(applied.rows.map((r) => r.name));
  const listed = Object.keys(migrations);
  return names.size === listed.length && listed.every((name) => names.has(name));
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Db): Promise<void> {
  if (await everyMigrationApplied(db)) return;
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error("migration failed", { cause: error });
}

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  // The package's main file is in dist/; its package.json is one folder up.
  const main = require.resolve(name);
  for (let dir = dirname(main); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === name && pkg.version) return pkg.version;
    }
  }
  throw new Error(`no version found for ${name}`);
}

/** The migrations' source and the versions of PGlite and Kysely: what a template is made of. */
export function pgliteTemplateKey(): string {
  const hash = createHash("sha256");
  const dir = fileURLToPath(new URL("./migrations/", import.meta.url));
  for (const file of readdirSync(dir).sort()) hash.update(file).update("\0").update(readFileSync(join(dir, file))).update("\0");
  hash.update(`pglite ${packageVersion("@electric-sql/pglite")} kysely ${packageVersion("kysely")}`);
  return hash.digest("hex").slice(0, 16);
}

/**
 * The embedded database's template in `cacheDir`: a PGlite data folder with every migration
 * applied and no rows (migrations change no rows on an empty database), named by
 * pgliteTemplateKey, so a changed migration or PGlite version gets a new one. Built when
 * missing (in a temporary folder, then renamed: it exists whole or not at all); returns its path.
 */
export async function ensurePgliteTemplate(cacheDir: string): Promise<string> {
  const key = pgliteTemplateKey();
  const dir = join(cacheDir, `pgdata-${key}`);
  if (existsSync(join(dir, "PG_VERSION"))) return dir;
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    const pglite = await PGlite.create({ dataDir: tmp });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    }
    try {
      renameSync(tmp, dir);
    } catch (err) {
      // Another process built the same template at the same time: its copy is as good.
      if (!existsSync(join(dir, "PG_VERSION"))) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const entry of readdirSync(cacheDir)) {
    if (/^pgdata-[0-9a-f]{16}$/.test(entry) && entry !== `pgdata-${key}`) rmSync(join(cacheDir, entry), { recursive: true, force: true });
  }
  return dir;
}

/** Into a data folder without a database: PG_VERSION last, so a copy cut short is a new folder again. */
async function copyTemplate(template: string, dataDir: string): Promise<void> {
  const entries = readdirSync(template).filter((entry) => entry !== "PG_VERSION");
  await Promise.all(entries.map((entry) => cp(join(template, entry), join(dataDir, entry), { recursive: true })));
  await cp(join(template, "PG_VERSION"), join(dataDir, "PG_VERSION"));
}
