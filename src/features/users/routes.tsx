// HTTP routes of a company's users (SPEC section 3). Every route declares its action; the
// service checks again inside its transaction (whom a user may change: canManageUser).
import { Hono } from "hono";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { COMPANY } from "../../web/paths.ts";
import { formatTime, messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { errorPage } from "../../web/errors.tsx";
import { readForm, type FieldErrors } from "../../web/forms.tsx";
import { companyAction } from "../../web/middleware/company-access.tsx";
import { requestMeta } from "../../web/request-meta.ts";
import { assignableRoles } from "../../domain/permissions.ts";
import * as service from "./service.ts";
import * as list from "./list.ts";
import { parseAddUser, parseMembershipContact, parseRole, parseTransfer, type Values } from "./schema.ts";
import * as views from "./views.tsx";

const PERSON = ":personId{[0-9]{1,18}}";

export function userRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const t = (c: AppContext) => messages(c.get("locale")).users;
  const lang = (c: AppContext) => c.get("locale");
  const usersUrl = (c: AppContext) => `/${lang(c)}/companies/${c.get("companyAccess").companyId}/users`;
  const refused = (c: AppContext, reason: service.Refusal) => errorPage(c, reason === "not-found" ? "notFound" : "forbidden");

  const NOTICES = { added: "addedNotice", role: "roleChangedNotice", deactivated: "deactivatedNotice", reactivated: "reactivatedNotice", contact: "contactSavedNotice" } as const;

  app.get(`${COMPANY}/users`, companyAction(deps, "users.view"), async (c) => {
    // Read with the session or held since (list.USERS_READS, app.ts), else on its own.
    const companyId = c.get("companyAccess").companyId;
    const users = list.foldedUsers(deps.db, c.get("companyMembership")?.page, companyId) ?? (await list.listUsers(deps, companyId));
    const q = c.req.query("done");
    const key = q && q in NOTICES ? NOTICES[q as keyof typeof NOTICES] : undefined;
    const notice = key ? t(c)[key] : undefined;
    return renderPage(c, t(c).listTitle, <views.UsersPage c={c} users={users} notice={notice} />);
  });

  // ---- adding a user (USR-3) ------------------------------------------------------------------
  const add = companyAction(deps, "users.add");
  app.get(`${COMPANY}/users/add`, add, (c) => {
    const roles = assignableRoles(c.get("companyAccess").role);
    return renderPage(c, t(c).addTitle, <views.AddUserPage c={c} errors={{}} values={{}} roles={roles} />);
  });
  app.post(`${COMPANY}/users/add`, add, async (c) => {
    const access = c.get("companyAccess");
    const roles = assignableRoles(access.role);
    const parsed = parseAddUser(lang(c), await readForm(c), roles);
    if (!parsed.ok) return renderPage(c, t(c).addTitle, <views.AddUserPage c={c} errors={parsed.errors} values={parsed.values} roles={roles} />, 422);
    const result = await service.addUser(deps, access, parsed.value.id, parsed.value.role, requestMeta(c));
    if (result.ok) return c.redirect(`${usersUrl(c)}?done=added`, 303);
    if (result.reason === "forbidden" || result.reason === "not-found") return refused(c, result.reason);
    const values: Values = { familyName: parsed.value.id.familyName, urn: parsed.value.id.urn, email: parsed.value.id.email, role: parsed.value.role };
    const errors: FieldErrors =
      result.reason === "role-not-allowed" ? { role: t(c).roleNotAllowed } : {};
    const refusal =
      result.reason === "throttled"
        ? t(c).lookupThrottled(formatTime(lang(c), result.retryAt!))
        : result.reason === "no-match"
          ? t(c).noMatch
          : result.reason === "already-member"
            ? t(c).alreadyMember
            : result.reason === "deactivated-member"
              ? t(c).deactivatedMember
              : undefined;
    return renderPage(c, t(c).addTitle, <views.AddUserPage c={c} errors={errors} values={values} roles={roles} refusal={refusal} />, result.reason === "throttled" ? 429 : 422);
  });

  // ---- one user --------------------------------------------------------------------------------
  const userPage = async (c: AppContext, personId: string, errors: FieldErrors = {}, values?: Values, status: 200 | 422 = 200) => {
    const user = await list.getUser(deps, c.get("companyAccess").companyId, personId);
    if (!user) return errorPage(c, "notFound");
    const shown = values ?? { ...user.companyContact };
    return renderPage(c, t(c).userTitle(`${user.givenName} ${user.familyName}`), <views.UserPage c={c} user={user} errors={errors} values={shown} />, status);
  };

  app.get(`${COMPANY}/users/${PERSON}`, companyAction(deps, "users.view"), (c) => userPage(c, c.req.param("personId")));

  const edit = companyAction(deps, "users.edit");
  app.post(`${COMPANY}/users/${PERSON}/role`, edit, async (c) => {
    const access = c.get("companyAccess");
    const personId = c.req.param("personId");
    const parsed = parseRole(lang(c), await readForm(c), assignableRoles(access.role));
    if (!parsed.ok) return userPage(c, personId, parsed.errors, parsed.values, 422);
    const result = await service.changeRole(deps, access, personId, parsed.value, requestMeta(c));
    if (!result.ok) return refused(c, result.reason);
    return c.redirect(`${usersUrl(c)}?done=role`, 303);
  });
  for (const change of ["deactivate", "reactivate"] as const) {
    app.post(`${COMPANY}/users/${PERSON}/${change}`, companyAction(deps, change === "deactivate" ? "users.edit" : "users.reactivate"), async (c) => {
      const result = await service.setActive(deps, c.get("companyAccess"), c.req.param("personId"), change, requestMeta(c));
      if (!result.ok) return refused(c, result.reason);
      return c.redirect(`${usersUrl(c)}?done=${change}d`, 303);
    });
  }

  /** Another user's contact details for this company (users.edit), or one's own (everyone). */
  const saveContact = async (c: AppContext, personId: string) => {
    const parsed = parseMembershipContact(lang(c), await readForm(c));
    if (!parsed.ok) return userPage(c, personId, parsed.errors, parsed.values, 422);
    const result = await service.updateContact(deps, c.get("companyAccess"), personId, parsed.value, requestMeta(c));
    if (!result.ok) return refused(c, result.reason);
    return c.redirect(`${usersUrl(c)}?done=contact`, 303);
  };
  app.post(`${COMPANY}/users/${PERSON}/contact`, edit, (c) => saveContact(c, c.req.param("personId")));
  app.post(`${COMPANY}/my-contact`, companyAction(deps, "users.view"), (c) => saveContact(c, c.get("companyAccess").personId));

  // EXP-3: the owner, back with a new URN, reactivates at once everyone an expired URN locked out.
  app.post(`${COMPANY}/users/reactivate-expired`, companyAction(deps, "users.reactivate"), async (c) => {
    const result = await service.reactivateAfterExpiry(deps, c.get("companyAccess"), requestMeta(c));
    if (!result.ok) return refused(c, result.reason);
    return c.redirect(`/${lang(c)}/companies/${c.get("companyAccess").companyId}?reactivated=${result.count}`, 303);
  });

  // ---- reassign account owner (USR-4) --------------------------------------------------------
  const transfer = companyAction(deps, "ownership.transfer");
  app.get(`${COMPANY}/transfer`, transfer, (c) => renderPage(c, t(c).transferTitle, <views.TransferPage c={c} errors={{}} values={{}} />));
  app.post(`${COMPANY}/transfer`, transfer, async (c) => {
    const access = c.get("companyAccess");
    const body = await readForm(c);
    const parsed = parseTransfer(lang(c), body);
    // "Change these answers" on the confirmation page: the form again, filled in, nothing looked up.
    if (body.edit === "yes") {
      const values = parsed.ok ? { ...parsed.value.id, outgoing: parsed.value.outgoing } : parsed.values;
      return renderPage(c, t(c).transferTitle, <views.TransferPage c={c} errors={{}} values={values} />);
    }
    if (!parsed.ok) return renderPage(c, t(c).transferTitle, <views.TransferPage c={c} errors={parsed.errors} values={parsed.values} />, 422);
    const { id, outgoing } = parsed.value;
    const values: Values = { familyName: id.familyName, urn: id.urn, email: id.email, outgoing };
    const confirmed = body.confirm === "yes";
    const result = confirmed
      ? await service.transferOwnership(deps, access, id, outgoing, requestMeta(c))
      : await service.previewTransfer(deps, access, id, requestMeta(c));
    if (!result.ok) {
      if (result.reason === "forbidden" || result.reason === "not-found") return refused(c, result.reason);
      const refusal = result.reason === "throttled" ? t(c).lookupThrottled(formatTime(lang(c), result.retryAt!)) : t(c).transferNoMatch;
      return renderPage(c, t(c).transferTitle, <views.TransferPage c={c} errors={{}} values={values} refusal={refusal} />, result.reason === "throttled" ? 429 : 422);
    }
    if (!confirmed) return renderPage(c, t(c).confirmTitle, <views.TransferConfirmPage c={c} transferee={result.transferee} values={values} />);
    // The outgoing owner who left has no page of the company any more: their account page says so.
    if (outgoing === "leave") return c.redirect(`/${lang(c)}/account?left=1`, 303);
    return c.redirect(`/${lang(c)}/companies/${access.companyId}?transferred=1`, 303);
  });

  return app;
}
