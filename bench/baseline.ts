// The baseline: a minimal Hono page doing the one query every signed-in page cannot avoid
// (the session look-up by primary key), on the same database and pool size as the portal.
// Spawned by run.ts with DATABASE_URL, PORT and HOST; not part of the portal.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { BASELINE_COOKIE, BASELINE_PATH, BASELINE_TABLE, POOL_SIZE, sha256Hex } from "./shared.ts";

interface BenchSessionsTable {
  token_hash: string;
  user_id: string; // bigint comes back as a string
  expires_at: Date;
}
interface BenchDatabase {
  [BASELINE_TABLE]: BenchSessionsTable;
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write("baseline: DATABASE_URL is required\n");
  process.exit(78);
}
const port = Number(process.env.PORT ?? "0");
const hostname = process.env.HOST ?? "127.0.0.1";

const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE });
const db = new Kysely<BenchDatabase>({ dialect: new PostgresDialect({ pool }) });

const app = new Hono();

app.get("/readyz", async (c) => {
  await sql`select 1`.execute(db);
  return c.text("ready");
});

app.get(BASELINE_PATH, async (c) => {
  const token = getCookie(c, BASELINE_COOKIE);
  if (!token) return c.text("no session", 401);
  const session = await db
    .selectFrom(BASELINE_TABLE)
    .select(["user_id", "expires_at"])
    .where("token_hash", "=", sha256Hex(token))
    .where("expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
  if (!session) return c.text("no session", 401);
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head>` +
      `<body><main><h1>Signed in</h1><p>User ${session.user_id}, session valid until ${session.expires_at.toISOString()}.</p></main></body></html>`,
  );
});

app.onError((err, c) => {
  process.stderr.write(`baseline: ${err.stack ?? err.message}\n`);
  return c.text("server error", 500);
});

serve({ fetch: app.fetch, port, hostname });

let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  void db.destroy().finally(() => process.exit(0));
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
