// The company-account permission matrix (USR-1, USR-2): the four roles, one action key per row
// of the SPEC's table, the table itself held once as data, and the pure functions every
// authorization check reads — the route middleware (the one choke point) and the services
// that check again. Nothing else in the code base may encode who-can-do-what.
//
// - `PERMISSIONS` is USR-2's table. Its "view and update …" rows are split into a `.view` and
//   an `.update` action with the same roles, so a route can declare exactly what it needs.
// - `assignableRoles` is which roles a person may give when adding or editing a user.
// - `canManageUser` adds USR-2's rules about whom a user may edit, re-role, deactivate or
//   reactivate (own contact details, proxies, the account owner) on top of the table.

export const COMPANY_ROLES = ["owner", "proxy", "full-access", "admin-only"] as const;

export type CompanyRole = (typeof COMPANY_ROLES)[number];

export const COMPANY_ACTIONS = [
  "users.view",
  /** Contact details, role and deactivation of other users (see `canManageUser`). */
  "users.edit",
  "users.add",
  "users.reactivate",
  "company-profile.view",
  "company-profile.update",
  "application-profile.view",
  "application-profile.update",
  "security-profile.view",
  "security-profile.update",
  /** Membership status and system notifications. */
  "status.view",
  /** Submitting changes to the portal account, including the application. */
  "account.submit",
  "ownership.transfer",
] as const;

export type CompanyAction = (typeof COMPANY_ACTIONS)[number];

const ALL: readonly CompanyRole[] = Object.freeze(["owner", "proxy", "full-access", "admin-only"]);
const OWNER_PROXY: readonly CompanyRole[] = Object.freeze(["owner", "proxy"]);
const NOT_ADMIN_ONLY: readonly CompanyRole[] = Object.freeze(["owner", "proxy", "full-access"]);
const NOT_FULL_ACCESS: readonly CompanyRole[] = Object.freeze(["owner", "proxy", "admin-only"]);
const OWNER_ONLY: readonly CompanyRole[] = Object.freeze(["owner"]);

/** USR-2, row by row: which roles may perform each action. The single source of truth. */
export const PERMISSIONS: Readonly<Record<CompanyAction, readonly CompanyRole[]>> = Object.freeze({
  "users.view": ALL,
  "users.edit": NOT_FULL_ACCESS,
  "users.add": ALL,
  "users.reactivate": OWNER_PROXY,
  "company-profile.view": ALL,
  "company-profile.update": ALL,
  "application-profile.view": NOT_ADMIN_ONLY,
  "application-profile.update": NOT_ADMIN_ONLY,
  "security-profile.view": NOT_ADMIN_ONLY,
  "security-profile.update": NOT_ADMIN_ONLY,
  "status.view": ALL,
  "account.submit": OWNER_ONLY,
  "ownership.transfer": OWNER_ONLY,
});

export function isCompanyRole(value: unknown): value is CompanyRole {
  return typeof value === "string" && (COMPANY_ROLES as readonly string[]).includes(value);
}

export function isCompanyAction(value: unknown): value is CompanyAction {
  return typeof value === "string" && (COMPANY_ACTIONS as readonly string[]).includes(value);
}

/** Whether a user with `role` in a company may perform `action` there (USR-2's table). */
export function can(role: CompanyRole, action: CompanyAction): boolean {
  return PERMISSIONS[action].includes(role);
}

const GIVEN_BY_OWNER_OR_PROXY: readonly CompanyRole[] = Object.freeze(["proxy", "full-access", "admin-only"]);
const GIVEN_BY_OTHERS: readonly CompanyRole[] = Object.freeze(["full-access", "admin-only"]);

/**
 * The roles `actor` may give when adding a user or changing a user's role (USR-2). Never
 * "owner": ownership moves only by transfer (USR-4).
 */
export function assignableRoles(actor: CompanyRole): readonly CompanyRole[] {
  return actor === "owner" || actor === "proxy" ? GIVEN_BY_OWNER_OR_PROXY : GIVEN_BY_OTHERS;
}

export type UserChange = "edit-contact" | "change-role" | "deactivate" | "reactivate";

export interface CompanyMember {
  role: CompanyRole;
  personId: string;
}

/**
 * Whether `actor` may make `change` to `target`, both members of the same company. For
 * "change-role", `newRole` is the role to give (missing: false); it is ignored otherwise.
 *
 * The rules, in order:
 * 1. Oneself. Every user may edit their own contact details (whatever `users.edit` says).
 *    Design decision: nobody changes their own role, deactivates or reactivates themselves —
 *    the owner leaves only by transfer (USR-4, where they choose their new role or to leave);
 *    anyone else asks another user who may do it.
 * 2. The account owner is changed, deactivated or reactivated by nobody else, not even their
 *    contact details: "nobody changes the account owner except through transfer".
 * 3. The table: editing contact details, changing a role and deactivating need `users.edit`;
 *    reactivating needs `users.reactivate`.
 * 4. Only the owner or a proxy may change, deactivate or reactivate a proxy.
 * 5. A role change must give a role in `assignableRoles(actor.role)`.
 *
 * Rules 4 and 5 together mean a full-access or admin-only actor can neither promote someone
 * to proxy (5: proxy is not theirs to give) nor demote a proxy (4: they cannot touch a
 * proxy). Checking only the new role against `assignableRoles` would miss the demotion — an
 * admin-only user could turn a proxy into an admin-only user — so the target's current role
 * is checked too. (Full-access users lack `users.edit` altogether; for them the roles they
 * may give matter only when adding a user.)
 */
export function canManageUser(
  actor: CompanyMember,
  target: CompanyMember,
  change: UserChange,
  newRole?: CompanyRole,
): boolean {
  if (actor.personId === target.personId) return change === "edit-contact";
  if (target.role === "owner") return false;
  if (!can(actor.role, change === "reactivate" ? "users.reactivate" : "users.edit")) return false;
  if (target.role === "proxy" && actor.role !== "owner" && actor.role !== "proxy") return false;
  if (change === "change-role") {
    return newRole !== undefined && assignableRoles(actor.role).includes(newRole);
  }
  return true;
}

/** USR-2's table as rows, in the order of `COMPANY_ACTIONS`, for generating tests. */
export function matrixRows(): { action: CompanyAction; allowed: readonly CompanyRole[] }[] {
  return COMPANY_ACTIONS.map((action) => ({ action, allowed: PERMISSIONS[action] }));
}
