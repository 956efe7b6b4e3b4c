import { sql, type Kysely } from "kysely";

// Company registration and activation by registered mail (SPEC section 2): companies,
// their users (the owner, for now), activation codes (hashed), the letters the mail room
// prints, and the draft of a registration in progress.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("companies")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("legal_name", "text", (c) => c.notNull())
    .addColumn("operating_name", "text")
    .addColumn("country", "text", (c) => c.notNull().check(sql`country in ('CA', 'US')`))
    .addColumn("bn9", "text")
    .addColumn("program_account", "text")
    .addColumn("carrier_code", "text")
    .addColumn("lines_of_business", "jsonb", (c) => c.notNull())
    .addColumn("correspondence_locale", "text", (c) => c.notNull().check(sql`correspondence_locale in ('en', 'fr')`))
    .addColumn("address", "jsonb", (c) => c.notNull())
    .addColumn("client_number", "text", (c) => c.notNull().unique())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('pending-activation', 'activated', 'authorized')`))
    .addColumn("origin", "text", (c) => c.notNull().check(sql`origin in ('registered', 'cbsa-created')`))
    .addColumn("membership_status", "text", (c) => c.notNull())
    .addColumn("owner_designate_person_id", "bigint", (c) => c.references("people.id"))
    .addColumn("created_by_staff_id", "bigint")
    .addColumn("activated_at", "timestamptz")
    .addColumn("activated_by_person_id", "bigint", (c) => c.references("people.id"))
    .addColumn("authorized_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();
  // One portal account per business number (REG-2).
  await db.schema.createIndex("companies_bn9_uq").on("companies").column("bn9").unique().where(sql.ref("bn9"), "is not", null).execute();
  await db.schema.createIndex("companies_designate_idx").on("companies").column("owner_designate_person_id").execute();

  await db.schema
    .createTable("company_users")
    .addColumn("company_id", "bigint", (c) => c.notNull().references("companies.id"))
    .addColumn("person_id", "bigint", (c) => c.notNull().references("people.id"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('owner', 'proxy', 'full-access', 'admin-only')`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('active', 'deactivated')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("company_users_pk", ["company_id", "person_id"])
    .execute();
  // Exactly one active owner per company is enforced by the database (USR-5).
  await db.schema
    .createIndex("company_users_one_owner_uq")
    .on("company_users")
    .column("company_id")
    .unique()
    .where(sql<boolean>`role = 'owner' and status = 'active'`)
    .execute();
  await db.schema.createIndex("company_users_person_idx").on("company_users").column("person_id").execute();

  await db.schema
    .createTable("activation_codes")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("company_id", "bigint", (c) => c.notNull().references("companies.id"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("issued_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_at", "timestamptz")
    .addColumn("voided_at", "timestamptz")
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("activation_codes_company_idx").on("activation_codes").columns(["company_id", "issued_at"]).execute();

  await db.schema
    .createTable("letters")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("company_id", "bigint", (c) => c.notNull().references("companies.id"))
    .addColumn("activation_code_id", "bigint", (c) => c.notNull().references("activation_codes.id"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('queued', 'sent', 'voided')`))
    // What the letter prints, activation code included, kept only until the letter is sent.
    .addColumn("content", "jsonb")
    .addColumn("recipient", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("expected_by", "text", (c) => c.notNull())
    .addColumn("sent_on", "text")
    .addColumn("tracking_number", "text")
    .addColumn("recorded_at", "timestamptz")
    .addColumn("recorded_by_staff_id", "bigint")
    .addColumn("voided_at", "timestamptz")
    .execute();
  await db.schema.createIndex("letters_queue_idx").on("letters").column("created_at").where(sql.ref("status"), "=", "queued").execute();
  await db.schema.createIndex("letters_company_idx").on("letters").columns(["company_id", "created_at"]).execute();

  await db.schema
    .createTable("registration_drafts")
    .addColumn("person_id", "bigint", (c) => c.primaryKey().references("people.id"))
    .addColumn("data", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["registration_drafts", "letters", "activation_codes", "company_users", "companies"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
