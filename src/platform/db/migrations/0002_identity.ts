import { sql, type Kysely } from "kysely";

// Trader identity (SPEC section 1): people (portal user profiles with their URN),
// credentials (GCKey or Sign-In Partner), sessions with their sign-in stage, one-time
// codes, and the failure counters behind growing delays (SEC-3).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("people")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("urn", "text", (c) => c.notNull().unique())
    .addColumn("given_name", "text", (c) => c.notNull())
    .addColumn("family_name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("phone", "text", (c) => c.notNull())
    .addColumn("preferred_locale", "text", (c) => c.notNull().check(sql`preferred_locale in ('en', 'fr')`))
    .addColumn("email_verified_at", "timestamptz")
    .addColumn("mfa_terms_accepted_at", "timestamptz")
    .addColumn("last_sign_in_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("credentials")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('gckey', 'partner')`))
    .addColumn("person_id", "bigint", (c) => c.references("people.id"))
    // GCKey: the username as typed and normalised (lower case, unique), the argon2id hash.
    .addColumn("username", "text")
    .addColumn("username_normalized", "text")
    .addColumn("password_hash", "text")
    .addColumn("password_changed_at", "timestamptz")
    .addColumn("recovery_email", "text")
    .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("recovery_required", "boolean", (c) => c.notNull().defaultTo(false))
    // Sign-In Partner: only the provider's stable subject identifier (ID-3).
    .addColumn("partner_subject", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addCheckConstraint(
      "credentials_kind_fields",
      sql`(kind = 'gckey' and username_normalized is not null and password_hash is not null and partner_subject is null)
          or (kind = 'partner' and partner_subject is not null and username_normalized is null and password_hash is null)`,
    )
    .execute();
  await db.schema.createIndex("credentials_username_uq").on("credentials").column("username_normalized").unique().where(sql.ref("kind"), "=", "gckey").execute();
  await db.schema.createIndex("credentials_partner_uq").on("credentials").column("partner_subject").unique().where(sql.ref("kind"), "=", "partner").execute();
  await db.schema.createIndex("credentials_person_idx").on("credentials").column("person_id").execute();

  await db.schema
    .createTable("recovery_answers")
    .addColumn("credential_id", "bigint", (c) => c.notNull().references("credentials.id").onDelete("cascade"))
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("answer_hash", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("recovery_answers_pk", ["credential_id", "question"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("credential_id", "bigint", (c) => c.notNull().references("credentials.id"))
    .addColumn("person_id", "bigint", (c) => c.references("people.id"))
    .addColumn("stage", "text", (c) => c.notNull().check(sql`stage in ('profile', 'mfa-terms', 'mfa', 'terms', 'authenticated')`))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("user_agent", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("authenticated_at", "timestamptz")
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("ended_at", "timestamptz")
    .addColumn("ended_reason", "text")
    .execute();
  await db.schema.createIndex("sessions_person_active_idx").on("sessions").columns(["person_id", "last_seen_at"]).where(sql.ref("ended_at"), "is", null).execute();
  await db.schema.createIndex("sessions_credential_idx").on("sessions").column("credential_id").execute();

  await db.schema
    .createTable("one_time_codes")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('mfa', 'email-change', 'password-reset')`))
    .addColumn("session_id", "bigint", (c) => c.references("sessions.id"))
    .addColumn("credential_id", "bigint", (c) => c.references("credentials.id"))
    .addColumn("person_id", "bigint", (c) => c.references("people.id"))
    .addColumn("target_email", "text")
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("consumed_at", "timestamptz")
    .addColumn("voided_at", "timestamptz")
    .execute();
  await db.schema.createIndex("one_time_codes_session_idx").on("one_time_codes").columns(["session_id", "purpose", "created_at"]).execute();
  await db.schema.createIndex("one_time_codes_credential_idx").on("one_time_codes").columns(["credential_id", "purpose", "created_at"]).execute();
  await db.schema.createIndex("one_time_codes_person_idx").on("one_time_codes").columns(["person_id", "purpose", "created_at"]).execute();

  await db.schema
    .createTable("throttles")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("last_failure_at", "timestamptz", (c) => c.notNull())
    .addColumn("blocked_until", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("partner_auth_requests")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["partner_auth_requests", "throttles", "one_time_codes", "sessions", "recovery_answers", "credentials", "people"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
