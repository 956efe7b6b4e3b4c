import { sql, type Kysely } from "kysely";

// Wrong activation tries per person and code (SEC-7, REG-6): a trader who is not a company's
// owner-designate can use up only their own 5 tries on its code, never the code itself.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table activation_attempts (
    activation_code_id bigint not null references activation_codes (id) on delete cascade,
    person_id bigint not null references people (id) on delete cascade,
    failed_attempts integer not null default 0,
    primary key (activation_code_id, person_id)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists activation_attempts`.execute(db);
}
