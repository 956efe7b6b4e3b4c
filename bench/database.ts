// A throw-away PostgreSQL database for one bench run, and the baseline's session table.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { BASELINE_ROWS, BASELINE_TABLE, BASELINE_TOKEN, sha256Hex } from "./shared.ts";

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, statement_timeout: 30_000 });
  await client.connect();
  return client;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Names the database (`ttp_bench_<pid>_<random>`); nothing is created yet. */
export function planBenchDatabase(adminUrl: string): BenchDatabase {
  const name = `ttp_bench_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Creates the database; returns the server's version. */
export async function createDatabase(adminUrl: string, database: BenchDatabase): Promise<string> {
  return withClient(adminUrl, async (client) => {
    const version = await client.query<{ server_version: string }>("show server_version");
    await client.query(`create database ${client.escapeIdentifier(database.name)}`);
    return version.rows[0]?.server_version ?? "unknown";
  });
}

/** Drops the database, disconnecting whoever is still connected. */
export async function dropDatabase(adminUrl: string, database: BenchDatabase): Promise<void> {
  await withClient(adminUrl, async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(database.name)} with (force)`);
  });
}

/** The baseline's session table: BASELINE_ROWS rows, one of them BASELINE_TOKEN's. */
export async function seedBaselineSessions(database: BenchDatabase): Promise<void> {
  await withClient(database.url, async (client) => {
    await client.query(
      `create table ${BASELINE_TABLE} (token_hash text primary key, user_id bigint not null, expires_at timestamptz not null)`,
    );
    await client.query(
      `insert into ${BASELINE_TABLE} (token_hash, user_id, expires_at)
       select encode(sha256(convert_to('bench-token-' || i, 'UTF8')), 'hex'), i, now() + interval '1 day'
       from generate_series(1, $1::int) as i`,
      [BASELINE_ROWS],
    );
    await client.query(`analyze ${BASELINE_TABLE}`);
    const found = await client.query(`select 1 from ${BASELINE_TABLE} where token_hash = $1`, [sha256Hex(BASELINE_TOKEN)]);
    if (found.rowCount !== 1) throw new Error(`seeding ${BASELINE_TABLE}: the row for ${BASELINE_TOKEN} is missing`);
  });
}
