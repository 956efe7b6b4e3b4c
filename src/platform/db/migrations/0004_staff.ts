import { sql, type Kysely } from "kysely";

// CBSA staff (SPEC STAFF-1): staff accounts, separate from traders' credentials, with an
// argon2id password, an authenticator (TOTP) secret and their roles; staff sessions with
// their own sign-in stages; one-time details waiting to be shown once to an administrator.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("staff_users")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("username_normalized", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("totp_secret", "text", (c) => c.notNull())
    .addColumn("last_totp_step", "bigint")
    .addColumn("roles", sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::text[]`)
        .check(sql`roles <@ array['mail-room', 'tccu', 'pip-officer', 'admin']::text[]`),
    )
    .addColumn("must_change_password", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("totp_confirmed_at", "timestamptz")
    .addColumn("password_changed_at", "timestamptz", (c) => c.notNull())
    .addColumn("last_sign_in_at", "timestamptz")
    .addColumn("disabled_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_by", "bigint", (c) => c.references("staff_users.id"))
    .addCheckConstraint("staff_users_username_lower", sql`username_normalized = lower(username)`)
    .execute();

  await db.schema
    .createTable("staff_sessions")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("staff_user_id", "bigint", (c) => c.notNull().references("staff_users.id"))
    .addColumn("stage", "text", (c) => c.notNull().check(sql`stage in ('totp', 'change-password', 'authenticated')`))
    .addColumn("user_agent", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("authenticated_at", "timestamptz")
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("ended_at", "timestamptz")
    .addColumn("ended_reason", "text")
    .execute();
  await db.schema.createIndex("staff_sessions_user_active_idx").on("staff_sessions").column("staff_user_id").where(sql.ref("ended_at"), "is", null).execute();

  await db.schema
    .createTable("staff_reveals")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("staff_session_id", "bigint", (c) => c.notNull().references("staff_sessions.id"))
    .addColumn("staff_user_id", "bigint", (c) => c.notNull().references("staff_users.id"))
    .addColumn("ciphertext", "text", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("staff_reveals_session_idx").on("staff_reveals").columns(["staff_session_id", "staff_user_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["staff_reveals", "staff_sessions", "staff_users"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
