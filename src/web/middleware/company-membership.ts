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
import { can, COMPANY_ROLES, type CompanyAction } from "../../domain/permissions.ts";

/** The company of a company-scoped URL (/{lang}/companies/{id}…) and what follows it ("" for the dashboard), or undefined. */
export function companyPathOf(path: string): { companyId: string; rest: string } | undefined {
  const m = /^\/(?:en|fr)\/companies\/([0-9]{1,18})(\/.*)?$/.exec(path);
  return m ? { companyId: m[1]!, rest: m[2] ?? "" } : undefined;
}

/** A company page's own data, read with the session and the membership (GET only). */
export interface FoldedPageRead<K extends string = string> {
  /** Names the read (a page finds its value by it): one key, one `read`. */
  readonly key: string;
  /** The pages: what follows /{lang}/companies/{id} in their path ("" for the dashboard). */
  readonly rest: RegExp;
  /**
   * The read's arguments from the match of `rest` (undefined: not this read after all), and from
   * what the process holds for the company (`db`: the app's handle; e.g. whether it keeps the
   * page's data already, held-reads.ts).
   */
  readonly args: (match: RegExpExecArray, at: { companyId: string; db: Db }) => Record<K, string> | undefined;
  /** The action the pages declare: the data is read only for a role that may do it (and an active membership). */
  readonly action: CompanyAction;
  /**
   * The page's data as one JSON value, for the company `companyId` as the person of the outer
   * query's column `personRef` sees it. Its arguments are parameters (platform/db/compiled.ts).
   * The page's authorization still runs on the membership, in company-access.tsx.
   */
  readonly read: (eb: ExpressionBuilder<never, never>, args: Readonly<Record<K | "companyId", string>>, personRef: string) => AliasableExpression<unknown>;
}

/** The folded read a GET of this company path takes, with its arguments, or undefined. */
export function foldedReadFor(reads: readonly FoldedPageRead[], db: Db, companyId: string, rest: string): { page: FoldedPageRead; args: Record<string, string> } | undefined {
  for (const page of reads) {
    const match = page.rest.exec(rest);
    const args = match ? page.args(match, { companyId, db }) : undefined;
    if (args) return { page, args: { ...args, companyId } };
  }
  return undefined;
}

/** What a folded read brought for the request (the companyMembership variable's `page`). */
export interface FoldedValue {
  key: string;
  args: Record<string, string>;
  value: unknown;
}

/**
 * The value `read` brought for these arguments (the company's id and any the read takes from the
 * path), or undefined when the request's folded read was another or for other arguments: the
 * page then reads on its own.
 */
export function foldedValue(folded: FoldedValue | undefined, read: FoldedPageRead, args: Record<string, string>): unknown {
  if (folded?.key !== read.key) return undefined;
  for (const [name, value] of Object.entries(args)) if (folded.args[name] !== value) return undefined;
  return folded.value;
}

/** The roles that may do `action` (from `can`), as an SQL list of literals; none is a mistake in the code. */
export function rolesMayDo(action: CompanyAction) {
  const roles = COMPANY_ROLES.filter((r) => can(r, action));
  if (roles.length === 0) throw new Error(`no role may ${action}`);
  return sql.join(roles.map((r) => sql.lit(r)));
}

/** What the session's look-up reads alongside for a company URL: the membership, and a folded page's data. */
export interface MembershipAlongside {
  membership: MembershipRow | null;
  page?: unknown;
}

const SESSION_PERSON = "sessions.person_id";

const MEMBERSHIP_ONLY: AlsoSelected<MembershipAlongside>["select"] = (eb, a) => sql<MembershipAlongside>`json_build_object('membership', ${membershipJson(eb, a.companyId!, SESSION_PERSON)})`;

/** The look-up's extra value for a company URL, with a folded page's data when the request is for one. */
export function membershipAlongside(companyId: string, folded?: { page: FoldedPageRead; args: Record<string, string> }): AlsoSelected<MembershipAlongside> {
  if (!folded) return { key: "membership", args: { companyId }, select: MEMBERSHIP_ONLY };
  return { key: `membership+${folded.page.key}`, args: { ...folded.args, companyId }, select: withPage(folded.page) };
}

const withPageSelects = new WeakMap<FoldedPageRead, AlsoSelected<MembershipAlongside>["select"]>();
function withPage(page: FoldedPageRead): AlsoSelected<MembershipAlongside>["select"] {
  let select = withPageSelects.get(page);
  if (!select) {
    const roles = rolesMayDo(page.action);
    select = (eb, a) => {
      const db = eb as unknown as ExpressionBuilder<Database, never>;
      const allowed = db
        .selectFrom("company_users as gate")
        .select(sql.lit(1).as("one"))
        .where("gate.company_id", "=", a.companyId!)
        .where("gate.person_id", "=", sql.ref<string>(SESSION_PERSON))
        .where("gate.status", "=", "active")
        .where(sql<boolean>`gate.role in (${roles})`);
      return sql<MembershipAlongside>`json_build_object('membership', ${membershipJson(eb, a.companyId!, SESSION_PERSON)},
        'page', case when exists (${allowed}) then ${page.read(eb, a, SESSION_PERSON)} end)`;
    };
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
