// A company's users as its users page lists them (USR-2): one query, or the same folded into
// the session's read and kept between views (USERS_READS), in the page's order; and one user by id.
import { sql, type ExpressionBuilder } from "kysely";
import type { AppDeps } from "../../web/context.ts";
import type { Database, Db } from "../../platform/db/index.ts";
import type { FoldedValue } from "../../web/middleware/company-membership.ts";
import { heldRead } from "../../web/middleware/held-reads.ts";
import type { CompanyRole } from "../../domain/permissions.ts";
import type { CompanyUser } from "./service.ts";

const ROLE_ORDER: Record<CompanyRole, number> = { owner: 0, proxy: 1, "full-access": 2, "admin-only": 3 };

/** Names in Canadian French order (accents after their letter); one collator: localeCompare with a locale builds one per call. */
const NAME_ORDER = new Intl.Collator("fr-CA");

/** The columns a user is read with, in the order of a folded row (USERS). */
const USER_COLUMNS = [
  "cu.person_id",
  "cu.role",
  "cu.status",
  "cu.job_title",
  "cu.email as cu_email",
  "cu.phone as cu_phone",
  "cu.created_at",
  "p.given_name",
  "p.family_name",
  "p.urn",
  "p.email",
  "p.phone",
] as const;

/** A company's users (or one of them), as one query over company_users. */
function usersQuery(eb: ExpressionBuilder<Database, never>, companyId: string) {
  return eb
    .selectFrom("company_users as cu")
    .innerJoin("people as p", "p.id", "cu.person_id")
    .select(USER_COLUMNS)
    .where("cu.company_id", "=", companyId);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof usersQuery>["execute"]>>[number];
/** A user as a folded row: USER_COLUMNS' values in their order (the id as text). */
type UserTuple = unknown[];

/** A folded row's values: USER_COLUMNS without their aliases, the id as text (a JSON number could not hold every bigint). */
const TUPLE = USER_COLUMNS.map((c) => c.split(" as ")[0]!).map((column) => (column === "cu.person_id" ? sql`${sql.ref(column)}::text` : sql.ref(column)));

/**
 * The users page's list read with the session and the membership (app.ts), and kept between
 * views (web/middleware/held-reads.ts): one round trip, and the rows come as one JSON value (the
 * driver's parsing of 200 rows' fields and dates was a third of the page's time), each row an
 * array: building an object per row with its keys cost PostgreSQL a third more than building an
 * array (1.29 against 0.91 ms for 200 users, pgbench).
 */
const USERS = heldRead({
  key: "users",
  rest: /^\/users$/,
  args: () => ({}),
  action: "users.view",
  read: (eb, a) =>
    usersQuery(eb as unknown as ExpressionBuilder<Database, never>, a.companyId)
      .clearSelect()
      .select(sql<UserTuple[]>`coalesce(json_agg(json_build_array(${sql.join(TUPLE)})), '[]')`.as("users")),
});

/** The users page's reads with the session, for sessionContext (app.ts). */
export const USERS_READS = USERS.reads;

/** The users in the page's order, per list held (sorting 200 names is most of the page's own work): read-only. */
const ordered = new WeakMap<object, readonly CompanyUser[]>();

/** The list from what was read with the session for this company or held since, or undefined when neither. */
export function foldedUsers(db: Db, folded: FoldedValue | undefined, companyId: string): readonly CompanyUser[] | undefined {
  const value = USERS.value(db, folded, { companyId });
  if (!Array.isArray(value)) return undefined;
  let users = ordered.get(value);
  if (!users) ordered.set(value, (users = Object.freeze(usersFrom((value as UserTuple[]).map(rowOfTuple)))));
  return users;
}

/** Each column's name in a row: its alias, or its name after the table's. */
const COLUMN_NAMES = USER_COLUMNS.map((c) => c.split(" as ")[1] ?? c.split(".")[1]!);

/** A folded row as the query's row (USER_COLUMNS' names, by position). */
function rowOfTuple(tuple: UserTuple): UserRow {
  const row: Record<string, unknown> = {};
  COLUMN_NAMES.forEach((name, i) => (row[name] = tuple[i]));
  return row as unknown as UserRow;
}

export async function listUsers(deps: Pick<AppDeps, "db">, companyId: string, onlyPersonId?: string): Promise<CompanyUser[]> {
  const rows = await usersQuery(deps.db as unknown as ExpressionBuilder<Database, never>, companyId)
    .$if(onlyPersonId !== undefined, (q) => q.where("cu.person_id", "=", onlyPersonId!))
    .execute();
  return usersFrom(rows);
}

/** The users in the page's order: active first, by role, then by name (ids as text, as the driver gives them). */
function usersFrom(rows: readonly UserRow[]): CompanyUser[] {
  return rows
    .map((r) => ({
      personId: String(r.person_id),
      givenName: r.given_name,
      familyName: r.family_name,
      urn: r.urn,
      role: r.role,
      status: r.status,
      jobTitle: r.job_title,
      email: r.cu_email ?? r.email,
      phone: r.cu_phone ?? r.phone,
      companyContact: { jobTitle: r.job_title ?? "", phone: r.cu_phone ?? "", email: r.cu_email ?? "" },
      addedAt: new Date(r.created_at),
    }))
    .sort(
      (a, b) =>
        Number(a.status === "deactivated") - Number(b.status === "deactivated") ||
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        NAME_ORDER.compare(a.familyName, b.familyName) ||
        NAME_ORDER.compare(a.givenName, b.givenName),
    );
}

export async function getUser(deps: Pick<AppDeps, "db">, companyId: string, personId: string): Promise<CompanyUser | undefined> {
  if (!/^[0-9]{1,18}$/.test(personId)) return undefined;
  return (await listUsers(deps, companyId, personId))[0];
}
