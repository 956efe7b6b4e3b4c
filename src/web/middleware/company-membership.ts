// The caller's membership in one company, as company-scoped pages need it (SEC-5, USR-2): read
// with the session in the same round trip when the URL names a company (session.ts), or on its
// own (company-access.tsx, when it was not). One definition of the columns for both.
//
// A company page may also have its own data read in that round trip (a FoldedPageRead, given
// to sessionContext in app.ts): the session, the membership and the page's data in one
// statement, one snapshot of the database (DESIGN.md "Performance").
import { sql, type AliasableExpression, type ExpressionBuilder, type SelectQueryBuilder } from "kysely";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import type { Database, Db } from "../../platform/db/index.ts";
import type { AlsoSelected } from "../../platform/sessions.ts";

/** The company of a company-scoped URL (/{lang}/companies/{id}…) and what follows it ("" for the dashboard), or undefined. */
export function companyPathOf(path: string): { companyId: string; rest: string } | undefined {
  const m = /^\/(?:en|fr)\/companies\/([0-9]{1,18})(\/.*)?$/.exec(path);
  return m ? { companyId: m[1]!, rest: m[2] ?? "" } : undefined;
}

/** A company page's own data, read with the session and the membership (GET only). */
export interface FoldedPageRead {
  /** Names the read (a page finds its value by it): one key, one `read`. */
  readonly key: string;
  /** The page: what follows /{lang}/companies/{id} in its path ("" for the dashboard). */
  readonly rest: string;
  /**
   * The page's data as one JSON value, for the company `companyId` (a parameter) as the person
   * of the outer query's column `personRef` sees it; null when that person has no active
   * membership (the page's authorization still runs on the membership, in company-access.tsx).
   */
  readonly read: (eb: ExpressionBuilder<never, never>, companyId: string, personRef: string) => AliasableExpression<unknown>;
}

/** What the session's look-up reads alongside for a company URL: the membership, and a folded page's data. */
export interface MembershipAlongside {
  membership: MembershipRow | null;
  page?: unknown;
}

const MEMBERSHIP_ONLY: AlsoSelected<MembershipAlongside, "companyId">["select"] = (eb, a) =>
  sql<MembershipAlongside>`json_build_object('membership', ${membershipJson(eb, a.companyId, "sessions.person_id")})`;

/** The look-up's extra value for a company URL, with `page`'s data when the request is for it. */
export function membershipAlongside(companyId: string, page: FoldedPageRead | undefined): AlsoSelected<MembershipAlongside, "companyId"> {
  if (!page) return { key: "membership", args: { companyId }, select: MEMBERSHIP_ONLY };
  return { key: `membership+${page.key}`, args: { companyId }, select: withPage(page) };
}

const withPageSelects = new WeakMap<FoldedPageRead, AlsoSelected<MembershipAlongside, "companyId">["select"]>();
function withPage(page: FoldedPageRead): AlsoSelected<MembershipAlongside, "companyId">["select"] {
  let select = withPageSelects.get(page);
  if (!select) {
    select = (eb, a) =>
      sql<MembershipAlongside>`json_build_object('membership', ${membershipJson(eb, a.companyId, "sessions.person_id")}, 'page', ${page.read(eb, a.companyId, "sessions.person_id")})`;
    withPageSelects.set(page, select);
  }
  return select;
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
