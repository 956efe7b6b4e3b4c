// The guards of staff pages. Every staff page (this feature's and other features': mail
// room, TCCU, companies) starts with requireStaff(c, roles) and uses what it returns.
import type { AppContext } from "../../web/context.ts";
import { errorPage } from "../../web/errors.tsx";
import type { StaffRole, StaffSessionStage } from "./schema.ts";
import { currentStaffSession, type StaffSession } from "./sessions.ts";

export type AuthenticatedStaff = StaffSession & { stage: "authenticated" };

/** Where a staff sign-in at `stage` continues. */
export function staffStagePath(lang: string, stage: StaffSessionStage): string {
  switch (stage) {
    case "totp":
      return `/${lang}/staff/sign-in/totp`;
    case "change-password":
      return `/${lang}/staff/sign-in/password`;
    case "authenticated":
      return `/${lang}/staff`;
  }
}

function signInRedirect(c: AppContext): Response {
  return c.redirect(`/${c.get("locale")}/staff/sign-in${c.get("staffSessionEnded") ? "?ended=1" : ""}`, 303);
}

/**
 * A signed-in staff member holding at least one of `roles` (any staff member when `roles` is
 * empty). Without a staff session: a redirect to the staff sign-in page (or to the step the
 * sign-in is at). Signed in without the role: the 403 page. A trader session never counts.
 */
export function requireStaff(c: AppContext, roles: readonly StaffRole[]): { staff: AuthenticatedStaff } | { response: Response | Promise<Response> } {
  const session = currentStaffSession(c);
  if (!session) return { response: signInRedirect(c) };
  if (session.stage !== "authenticated") return { response: c.redirect(staffStagePath(c.get("locale"), session.stage), 303) };
  if (roles.length > 0 && !roles.some((r) => session.staff.roles.includes(r))) return { response: errorPage(c, "forbidden") };
  return { staff: session as AuthenticatedStaff };
}

/** A staff sign-in at one of `stages`, or a redirect to wherever it really is. */
export function requireStaffStage(c: AppContext, stages: readonly StaffSessionStage[]): { session: StaffSession } | { response: Response } {
  const session = currentStaffSession(c);
  if (!session) return { response: signInRedirect(c) };
  if (stages.includes(session.stage)) return { session };
  return { response: c.redirect(staffStagePath(c.get("locale"), session.stage), 303) };
}

/**
 * The staff tools and the roles that open each (any one of them). Pages of these tools call
 * requireStaff(c, STAFF_TOOL_ROLES.<key>), and the staff home lists the ones a person may open.
 */
export const STAFF_TOOL_ROLES = {
  mailRoom: ["mail-room"],
  tccu: ["tccu"],
  companies: ["tccu", "pip-officer"],
  users: ["admin"],
  pip: ["pip-officer"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffTool = keyof typeof STAFF_TOOL_ROLES;

/** Path of each tool under /{lang}/staff/. */
const TOOL_PATHS: Record<StaffTool, string> = { mailRoom: "mail-room", tccu: "tccu", companies: "companies", users: "users", pip: "pip" };

export function staffToolsFor(roles: readonly StaffRole[]): { key: StaffTool; path: string }[] {
  return (Object.keys(STAFF_TOOL_ROLES) as StaffTool[])
    .filter((key) => (STAFF_TOOL_ROLES[key] as readonly StaffRole[]).some((r) => roles.includes(r)))
    .map((key) => ({ key, path: TOOL_PATHS[key] }));
}
