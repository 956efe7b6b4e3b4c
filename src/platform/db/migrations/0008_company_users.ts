import { sql, type Kysely } from "kysely";

// Company users, notifications and the company profile (SPEC section 3, APP-1, APP-2):
// - each membership's business contact details (title, phone, email for this company);
// - the company profile's fields beyond what registration collected;
// - the company's system notifications, shown on its dashboard;
// - USR-5 in the database: the partial unique index of 0005 allows at most one active owner;
//   a deferred constraint trigger adds "at least one" for an authorized company, checked at
//   commit, so a transfer may demote and promote inside one transaction but can never leave
//   the company with no owner or two.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("company_users")
    .addColumn("job_title", "text")
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .addColumn("added_by_person_id", "bigint", (c) => c.references("people.id"))
    .execute();

  await db.schema
    .alterTable("companies")
    .addColumn("business_started_on", "text")
    .addColumn("employee_count", "integer", (c) => c.check(sql`employee_count >= 0`))
    .addColumn("website", "text")
    .addColumn("mailing_address", "jsonb")
    .addColumn("facilities", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("primary_contact", "jsonb")
    .addColumn("profile_updated_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("company_id", "bigint", (c) => c.notNull().references("companies.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("params", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("notifications_company_idx").on("notifications").columns(["company_id", "id desc"]).execute();

  await sql`
    create function company_owner_check() returns trigger language plpgsql as $$
    declare
      cid bigint;
      company_status text;
      owners integer;
    begin
      if tg_table_name = 'companies' then
        cid := new.id;
      elsif tg_op = 'DELETE' then
        cid := old.company_id;
      else
        cid := new.company_id;
      end if;
      select status into company_status from companies where id = cid;
      if company_status = 'authorized' then
        select count(*) into owners from company_users where company_id = cid and role = 'owner' and status = 'active';
        if owners <> 1 then
          raise exception 'company % must have exactly one active account owner, has %', cid, owners using errcode = '23514';
        end if;
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`create constraint trigger company_users_one_owner after insert or update or delete on company_users
    deferrable initially deferred for each row execute function company_owner_check()`.execute(db);
  await sql`create constraint trigger companies_one_owner after insert or update of status on companies
    deferrable initially deferred for each row execute function company_owner_check()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists companies_one_owner on companies`.execute(db);
  await sql`drop trigger if exists company_users_one_owner on company_users`.execute(db);
  await sql`drop function if exists company_owner_check()`.execute(db);
  await db.schema.dropTable("notifications").ifExists().execute();
  for (const c of ["business_started_on", "employee_count", "website", "mailing_address", "facilities", "primary_contact", "profile_updated_at"]) {
    await db.schema.alterTable("companies").dropColumn(c).execute();
  }
  for (const c of ["job_title", "phone", "email", "added_by_person_id"]) {
    await db.schema.alterTable("company_users").dropColumn(c).execute();
  }
}
