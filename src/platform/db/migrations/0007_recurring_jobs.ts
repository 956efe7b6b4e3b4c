import { sql, type Kysely } from "kysely";

// A recurring job (payload.recurring = true) has at most one pending or running instance,
// even when several app processes schedule it at start.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unique index jobs_recurring_uq on jobs (kind) where status in ('pending', 'running') and (payload->>'recurring') = 'true'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists jobs_recurring_uq`.execute(db);
}
