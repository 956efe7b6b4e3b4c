import { sql, type Kysely } from "kysely";

// The development-only demo Sign-In Partner ("Demo Bank", src/dev/demo-partner/): its
// accounts (bank username → stable subject), the OpenID provider's storage (sessions,
// interactions, codes, grants…) and its keys, so that nothing lives only in process memory.
// The tables exist in every environment (one schema), but are used only outside production.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("demo_partner_accounts")
    .addColumn("subject", "text", (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("demo_partner_store")
    .addColumn("model", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz")
    .addColumn("grant_id", "text")
    .addColumn("uid", "text")
    .addColumn("user_code", "text")
    .addColumn("consumed_at", "timestamptz")
    .addPrimaryKeyConstraint("demo_partner_store_pk", ["model", "id"])
    .execute();
  await db.schema.createIndex("demo_partner_store_grant_idx").on("demo_partner_store").column("grant_id").where(sql.ref("grant_id"), "is not", null).execute();
  await db.schema.createIndex("demo_partner_store_uid_idx").on("demo_partner_store").columns(["model", "uid"]).where(sql.ref("uid"), "is not", null).execute();
  await db.schema.createIndex("demo_partner_store_user_code_idx").on("demo_partner_store").columns(["model", "user_code"]).where(sql.ref("user_code"), "is not", null).execute();
  await db.schema.createIndex("demo_partner_store_expires_idx").on("demo_partner_store").column("expires_at").where(sql.ref("expires_at"), "is not", null).execute();

  await db.schema
    .createTable("demo_partner_keys")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["demo_partner_keys", "demo_partner_store", "demo_partner_accounts"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
