// The caller's membership in one company, as company-scoped pages need it (SEC-5, USR-2): read
// with the session in the same round trip when the URL names a company (session.ts), or on its
// own (company-access.tsx, when it was not). One definition of the columns for both.
import { sql, type AliasableExpression, type ExpressionBuilder, type SelectQueryBuilder } from "kysely";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import type { Database, Db } from "../../platform/db/index.ts";

/** The company of a company-scoped URL (/{lang}/companies/{id}…), or undefined. */
export function companyOfPath(path: string): string | undefined {
  return /^\/(?:en|fr)\/companies\/([0-9]{1,18})(?:\/|$)/.exec(path)?.[1];
}

export interface MembershipRow {
  role: string;
  membership: string;
  deactivated_reason: string | null;
  status: "pending-activation" | "activated" | "authorized";
  legal_name: string;
  client_number: string;
  /** Set when the person's URN expired (EXP-1). */
  urn_expired_at: string | Date | null;
}

function membershipOf(from: SelectQueryBuilder<Database, "company_users", object>, companyId: string) {
  return from
    .innerJoin("companies", "companies.id", "company_users.company_id")
    .innerJoin("people", "people.id", "company_users.person_id")
    .select(["company_users.role", "company_users.status as membership", "company_users.deactivated_reason", "companies.status", "companies.legal_name", "companies.client_number", "people.urn_expired_at"])
    .where("company_users.company_id", "=", companyId);
}

/**
 * The membership in `companyId` of the person a column of the outer query names (`personRef`,
 * e.g. "sessions.person_id"), as a JSON object, null when there is none.
 */
export function membershipJson(eb: ExpressionBuilder<never, never>, companyId: string, personRef: string): AliasableExpression<MembershipRow | null> {
  const from = (eb as unknown as ExpressionBuilder<Database, never>).selectFrom("company_users");
  return jsonObjectFrom(membershipOf(from, companyId).where("company_users.person_id", "=", sql.ref<string>(personRef)));
}

/** The same, on its own round trip. */
export async function readMembership(db: Db, companyId: string, personId: string): Promise<MembershipRow | null> {
  return (await membershipOf(db.selectFrom("company_users"), companyId).where("company_users.person_id", "=", personId).executeTakeFirst()) ?? null;
}
