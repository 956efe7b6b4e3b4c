// A company's users as its users page lists them (USR-2): one query, or the same folded into
// the session's read (USERS_READ), in the page's order; and one user by id.
import type { ExpressionBuilder } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { AppDeps } from "../../web/context.ts";
import type { Database } from "../../platform/db/index.ts";
import { foldedValue, type FoldedPageRead, type FoldedValue } from "../../web/middleware/company-membership.ts";
import type { CompanyRole } from "../../domain/permissions.ts";
import type { CompanyUser } from "./service.ts";

const ROLE_ORDER: Record<CompanyRole, number> = { owner: 0, proxy: 1, "full-access": 2, "admin-only": 3 };

/** Names in Canadian French order (accents after their letter); one collator: localeCompare with a locale builds one per call. */
const NAME_ORDER = new Intl.Collator("fr-CA");

/** A company's users (or one of them), as one query over company_users. */
function usersQuery(eb: ExpressionBuilder<Database, never>, companyId: string) {
  return eb
    .selectFrom("company_users as cu")
    .innerJoin("people as p", "p.id", "cu.person_id")
    .select([
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
    ])
    .where("cu.company_id", "=", companyId);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof usersQuery>["execute"]>>[number];

/**
 * The users page's list read with the session and the membership (app.ts): one round trip, and
 * the rows come as one JSON value (the driver's parsing of 200 rows' fields and dates was a
 * third of the page's time).
 */
export const USERS_READ: FoldedPageRead = {
  key: "users",
  rest: /^\/users$/,
  args: () => ({}),
  action: "users.view",
  read: (eb, a) => jsonArrayFrom(usersQuery(eb as unknown as ExpressionBuilder<Database, never>, a.companyId!)),
};

/** The list from what USERS_READ read for this company, or undefined when it was not read. */
export function foldedUsers(folded: FoldedValue | undefined, companyId: string): CompanyUser[] | undefined {
  const value = foldedValue(folded, USERS_READ, { companyId });
  return Array.isArray(value) ? usersFrom(value as UserRow[]) : undefined;
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
