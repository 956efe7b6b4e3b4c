// HTTP routes of the company a person works in: choosing it (USR-1), the PIP dashboard
// (APP-1) and the company profile (APP-2). Each company route declares its action.
import { Hono } from "hono";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { COMPANY, LANG } from "../../web/paths.ts";
import { messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { errorPage } from "../../web/errors.tsx";
import { readForm } from "../../web/forms.tsx";
import { requireSignedIn } from "../../web/middleware/session.ts";
import { companyAction } from "../../web/middleware/company-access.tsx";
import { requestMeta } from "../../web/request-meta.ts";
import { calendarDate } from "../../platform/clock.ts";
import { can } from "../../domain/permissions.ts";
import * as registration from "../registration/service.ts";
import * as users from "../users/service.ts";
import * as service from "./service.ts";
import { parseCompanyProfile, profileValues } from "./schema.ts";
import * as views from "./views.tsx";

export function companyRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const t = (c: AppContext) => messages(c.get("locale"));
  const lang = (c: AppContext) => c.get("locale");

  // USR-1: a person in several companies chooses the one to work in; the chosen company is in
  // every company page's URL, and the page chrome names it.
  app.get(`${LANG}/companies`, async (c) => {
    const s = requireSignedIn(c);
    if ("redirect" in s) return s.redirect;
    const companies = await registration.memberships(deps, s.session.personId);
    if (companies.length === 0) {
      // Locked out of every company: the account page says which and why; no company yet: register.
      const locked = await users.lockedMemberships(deps, s.session.personId);
      return c.redirect(`/${lang(c)}/${locked.length > 0 ? "account" : "registration"}`, 303);
    }
    return renderPage(c, t(c).companies.chooseTitle, <views.ChooseCompanyPage c={c} companies={companies} />);
  });

  app.get(COMPANY, companyAction(deps, "status.view", { beforeAuthorization: true }), async (c) => {
    const access = c.get("companyAccess");
    // Read with the session and the membership (service.DASHBOARD_READS, app.ts: the data, or only
    // its version when the portal holds it), else on its own.
    const folded = service.foldedDashboard(deps, c.get("companyMembership")?.page, access.companyId, access.role);
    const dashboard = folded === "not-read" ? await service.dashboard(deps, access.companyId, access.personId) : folded;
    if (!dashboard) return errorPage(c, "forbidden");
    const q = c.req.query();
    const reactivated = q.reactivated && /^\d{1,6}$/.test(q.reactivated) ? Number(q.reactivated) : undefined;
    const notice: { title: string; body?: string } | undefined =
      q.authorized !== undefined
        ? { title: t(c).registration.authorizedNotice }
        : q.transferred !== undefined
          ? { title: t(c).users.transferredNotice, body: t(c).users.bothToldNotice }
          : reactivated !== undefined
            ? { title: t(c).companies.reactivatedAll(reactivated) }
            : undefined;
    return renderPage(c, t(c).registration.dashboardTitle, <views.DashboardPage c={c} dashboard={dashboard} notice={notice?.title} noticeBody={notice?.body} />);
  });

  app.get(`${COMPANY}/profile`, companyAction(deps, "company-profile.view"), async (c) => {
    const access = c.get("companyAccess");
    const profile = await service.companyProfile(deps, access.companyId);
    if (!profile) return errorPage(c, "forbidden");
    const notice = c.req.query("saved") !== undefined ? t(c).companies.profileSaved : undefined;
    return renderPage(
      c,
      t(c).companies.profileTitle,
      <views.ProfilePage c={c} profile={profile} companyId={access.companyId} canUpdate={can(access.role, "company-profile.update")} notice={notice} />,
    );
  });

  const update = companyAction(deps, "company-profile.update");
  app.get(`${COMPANY}/profile/edit`, update, async (c) => {
    const access = c.get("companyAccess");
    const profile = await service.companyProfile(deps, access.companyId);
    if (!profile) return errorPage(c, "forbidden");
    return renderPage(
      c,
      t(c).companies.editProfile,
      <views.ProfileEditPage c={c} errors={{}} values={profileValues(profile)} country={profile.country} companyId={access.companyId} />,
    );
  });
  app.post(`${COMPANY}/profile/edit`, update, async (c) => {
    const access = c.get("companyAccess");
    const profile = await service.companyProfile(deps, access.companyId);
    if (!profile) return errorPage(c, "forbidden");
    const parsed = parseCompanyProfile(lang(c), await readForm(c), profile.country, calendarDate(deps.clock.now()));
    if (!parsed.ok) {
      return renderPage(
        c,
        t(c).companies.editProfile,
        <views.ProfileEditPage c={c} errors={parsed.errors} values={parsed.values} country={profile.country} companyId={access.companyId} />,
        422,
      );
    }
    const result = await service.updateCompanyProfile(deps, access, parsed.input, requestMeta(c));
    if (!result.ok) return errorPage(c, "forbidden");
    return c.redirect(`/${lang(c)}/companies/${access.companyId}/profile?saved=1`, 303);
  });

  return app;
}
