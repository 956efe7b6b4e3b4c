// The one authorization choke point for company-scoped pages (SEC-5, USR-2). A route under
// /{lang}/companies/:companyId declares the action it needs with `companyAction(...)`; this
// middleware resolves the caller's active membership in THAT company and checks the
// permission matrix (domain/permissions.ts). Identifiers in URLs never grant access by
// themselves: no membership, a deactivated one, or a role without the action is a 403 page.
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../context.ts";
import { can, isCompanyRole, type CompanyAction } from "../../domain/permissions.ts";
import { errorPage } from "../errors.tsx";
import { requireSignedIn } from "./session.ts";
import { readMembership } from "./company-membership.ts";
import { messages } from "../i18n/index.ts";
import { renderPage } from "../render.tsx";
import { ContactBlock, ContactPageLink } from "../contact.tsx";
import type { AppContext, CompanyAccess } from "../context.ts";

function expiredAccessPage(c: AppContext, reason: "owner-urn-expired" | "urn-expired", company: string) {
  const t = messages(c.get("locale")).expiry;
  const title = reason === "owner-urn-expired" ? t.ownerExpiredTitle : t.ownExpiredTitle;
  const text = reason === "owner-urn-expired" ? t.ownerExpiredText(company) : t.ownExpiredText(company);
  return renderPage(
    c,
    title,
    <>
      <gcds-heading tag="h1">{title}</gcds-heading>
      <gcds-text>{text}</gcds-text>
      {reason === "urn-expired" ? <ContactBlock c={c} office="tccu" /> : <ContactPageLink c={c} />}
      <gcds-text>
        <gcds-link href={`/${c.get("locale")}/account`}>{messages(c.get("locale")).identity.accountTitle}</gcds-link>
      </gcds-text>
    </>,
    403,
  );
}

export type { CompanyAccess } from "../context.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** Set by companyAction(): the caller's membership in the company of the URL. */
    companyAccess: CompanyAccess;
  }
}

export interface CompanyActionOptions {
  /**
   * REG-7: account information changes only once the account is authorized. Reading pages
   * and the owner's acceptance of the terms itself are the exceptions that say so here.
   */
  beforeAuthorization?: boolean;
}

/** A route's declared action; tests read it from the app's routes. */
export type DeclaredCompanyAction = MiddlewareHandler<AppEnv> & { readonly companyAction: CompanyAction };

export function companyAction(deps: Pick<AppDeps, "db">, action: CompanyAction, options: CompanyActionOptions = {}): DeclaredCompanyAction {
  const handler: MiddlewareHandler<AppEnv> = async (c, next) => {
    const signedIn = requireSignedIn(c);
    if ("redirect" in signedIn) return signedIn.redirect;
    const companyId = c.req.param("companyId");
    if (!companyId || !/^[0-9]{1,18}$/.test(companyId)) return errorPage(c, "notFound");
    // Read with the session when the URL named this company (session.ts), else on its own.
    const prefetched = c.get("companyMembership");
    const row = prefetched?.companyId === companyId ? prefetched.row : await readMembership(deps.db, companyId, signedIn.session.personId);
    if (row?.membership === "deactivated" && (row.deactivated_reason === "owner-urn-expired" || row.deactivated_reason === "urn-expired")) {
      // EXP-3: a user locked out by an expired URN is told why (they know the company already).
      return expiredAccessPage(c, row.deactivated_reason, row.legal_name);
    }
    // EXP-1: a URN that expired during a session opens nothing from the next request on (an
    // owner's membership stays active through the expiry, so this is the check that stops them).
    if (row?.urn_expired_at) return expiredAccessPage(c, "urn-expired", row.legal_name);
    if (!row || row.membership !== "active" || !isCompanyRole(row.role)) return errorPage(c, "forbidden");
    // A member refused inside their own company is told why and led back to its dashboard (issue 15).
    if (!can(row.role, action)) return errorPage(c, "forbidden", { company: { companyId, legalName: row.legal_name, reason: "role", action } });
    if (row.status !== "authorized" && !options.beforeAuthorization) {
      return errorPage(c, "forbidden", { company: { companyId, legalName: row.legal_name, reason: "not-authorized" } });
    }
    c.set("companyAccess", {
      companyId,
      personId: signedIn.session.personId,
      role: row.role,
      companyStatus: row.status,
      legalName: row.legal_name,
      clientNumber: row.client_number,
    });
    await next();
  };
  return Object.assign(handler, { companyAction: action });
}
