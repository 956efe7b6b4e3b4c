import { sql, type Kysely } from "kysely";

// Messages that carry a secret (one-time codes) are marked, so that their bodies are erased
// from the outbox once delivered (SEC-4: no secret kept in clear).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("mail_outbox").addColumn("sensitive", "boolean", (c) => c.notNull().defaultTo(sql`false`)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("mail_outbox").dropColumn("sensitive").execute();
}
