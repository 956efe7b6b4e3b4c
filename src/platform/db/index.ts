// The database: Kysely over PGlite (embedded, the default) or PostgreSQL (DATABASE_URL).
// One dialect, one set of migrations for both.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import type { Database } from "./schema.ts";
import { migrations } from "./migrations/index.ts";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.ts";

export type { Database } from "./schema.ts";
export { DataDirLocked } from "./data-dir-lock.ts";
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir?: string; loadDataDir?: Blob };

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
    pglite = await PGlite.create({
      ...(target.dataDir ? { dataDir: target.dataDir } : {}),
      ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
      parsers: { [INT8_OID]: asText, [DATE_OID]: asText },
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
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

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error("migration failed", { cause: error });
}
