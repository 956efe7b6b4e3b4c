import { sql, type Kysely } from "kysely";
import { searchTerms } from "../../../domain/names.ts";

// URN expiry and regaining access (SPEC section 4, STAFF-3):
// - when a person's current URN was issued (a new URN from the TCCU restarts the two years)
//   and when it expired;
// - why a membership was deactivated (by a user, or by an expired URN: the person's own or
//   the account owner's), so that pages can say why and the owner can reactivate them;
// - the reminders already sent, one row per person, kind and period of inactivity, so each is
//   sent once even with several app processes running the job;
// - the TCCU's search terms: each person's names, email and URN folded (no case, no accents),
//   searched by prefix with a btree index instead of scanning every person.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("people").addColumn("urn_issued_at", "timestamptz").addColumn("urn_expired_at", "timestamptz").execute();
  await sql`update people set urn_issued_at = created_at`.execute(db);
  // The portal always sets it from its clock; the default serves rows written by other tools.
  await sql`alter table people alter column urn_issued_at set not null, alter column urn_issued_at set default now()`.execute(db);

  await db.schema
    .alterTable("company_users")
    .addColumn("deactivated_reason", "text", (c) => c.check(sql`deactivated_reason in ('by-user', 'urn-expired', 'owner-urn-expired')`))
    .execute();
  await sql`update company_users set deactivated_reason = 'by-user' where status = 'deactivated'`.execute(db);

  await db.schema
    .createTable("urn_reminders")
    .addColumn("person_id", "bigint", (c) => c.notNull().references("people.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('12-months', '21-months', '23-months')`))
    // The start of the inactivity this reminder is about: a sign-in starts a new period.
    .addColumn("inactive_since", "timestamptz", (c) => c.notNull())
    .addColumn("sent_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("urn_reminders_pk", ["person_id", "kind", "inactive_since"])
    .execute();

  await db.schema
    .createTable("person_search_terms")
    .addColumn("person_id", "bigint", (c) => c.notNull().references("people.id"))
    .addColumn("term", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("person_search_terms_pk", ["person_id", "term"])
    .execute();
  await sql`create index person_search_terms_term_idx on person_search_terms (term text_pattern_ops)`.execute(db);

  const people = await sql<{ id: string; given_name: string; family_name: string; email: string; urn: string }>`
    select id, given_name, family_name, email, urn from people`.execute(db);
  for (const p of people.rows) {
    for (const term of searchTerms(p)) {
      await sql`insert into person_search_terms (person_id, term) values (${p.id}, ${term}) on conflict do nothing`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("person_search_terms").ifExists().execute();
  await db.schema.dropTable("urn_reminders").ifExists().execute();
  await db.schema.alterTable("company_users").dropColumn("deactivated_reason").execute();
  await db.schema.alterTable("people").dropColumn("urn_expired_at").dropColumn("urn_issued_at").execute();
}
