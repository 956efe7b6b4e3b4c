import { sql, type Kysely } from "kysely";

// The foundation: audit trail, job queue, mail outbox and the development mailbox.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("audit_events")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("occurred_at", "timestamptz", (c) => c.notNull())
    .addColumn("actor_type", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text")
    .addColumn("company_id", "bigint")
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .addColumn("request_id", "text")
    .execute();
  await db.schema.createIndex("audit_events_subject_idx").on("audit_events").columns(["subject_type", "subject_id", "occurred_at"]).execute();
  await db.schema.createIndex("audit_events_company_idx").on("audit_events").columns(["company_id", "occurred_at"]).where(sql.ref("company_id"), "is not", null).execute();

  await db.schema
    .createTable("jobs")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending', 'running', 'done', 'failed')`))
    .addColumn("run_at", "timestamptz", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("locked_by", "text")
    .addColumn("locked_until", "timestamptz")
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("finished_at", "timestamptz")
    .execute();
  // The poller only ever looks at unfinished jobs; keep that index small.
  await db.schema.createIndex("jobs_ready_idx").on("jobs").columns(["run_at"]).where(sql.ref("status"), "=", "pending").execute();
  await db.schema.createIndex("jobs_running_idx").on("jobs").columns(["locked_until"]).where(sql.ref("status"), "=", "running").execute();

  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull().check(sql`locale in ('en', 'fr')`))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('queued', 'sent', 'failed')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("sent_at", "timestamptz")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .execute();

  await db.schema
    .createTable("dev_mailbox")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("outbox_id", "bigint", (c) => c.notNull().unique().references("mail_outbox.id"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("from_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["dev_mailbox", "mail_outbox", "jobs", "audit_events"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
