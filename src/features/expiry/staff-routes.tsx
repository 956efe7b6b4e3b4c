// The TCCU console (STAFF-3): find a portal user by name, email or URN, see their companies,
// issue a new URN with a recorded reason (EXP-2). TCCU staff only.
import { Hono } from "hono";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { LANG } from "../../web/paths.ts";
import { messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { errorPage } from "../../web/errors.tsx";
import { readForm } from "../../web/forms.tsx";
import { requestMeta } from "../../web/request-meta.ts";
import { textField } from "../../web/validation.ts";
import { searchWords } from "../../domain/names.ts";
import { requireStaff, STAFF_TOOL_ROLES } from "../staff/guard.ts";
import * as service from "./service.ts";
import * as views from "./staff-views.tsx";

const REASON_MAX = 500;

export function tccuRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const t = (c: AppContext) => messages(c.get("locale")).expiry.tccu;
  const lang = (c: AppContext) => c.get("locale");
  const name = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

  app.get(`${LANG}/staff/tccu`, async (c) => {
    const g = requireStaff(c, STAFF_TOOL_ROLES.tccu);
    if ("response" in g) return g.response;
    const query = (c.req.query("q") ?? "").slice(0, 200);
    if (!query.trim()) return renderPage(c, t(c).title, <views.SearchPage c={c} query="" hits={undefined} errors={{}} />);
    if (!searchWords(query).some((w) => w.length >= 2)) {
      return renderPage(c, t(c).title, <views.SearchPage c={c} query={query} hits={undefined} errors={{ q: t(c).tooShort }} />, 422);
    }
    const hits = await service.searchPeople(deps, query);
    return renderPage(c, t(c).title, <views.SearchPage c={c} query={query} hits={hits} errors={{}} />);
  });

  app.get(`${LANG}/staff/tccu/people/:personId{[0-9]{1,18}}`, async (c) => {
    const g = requireStaff(c, STAFF_TOOL_ROLES.tccu);
    if ("response" in g) return g.response;
    const person = await service.personForTccu(deps, c.req.param("personId"));
    if (!person) return errorPage(c, "notFound");
    const issued = c.req.query("issued") !== undefined;
    return renderPage(c, t(c).personTitle(name(person)), <views.PersonPage c={c} person={person} errors={{}} reason="" issued={issued} />);
  });

  app.post(`${LANG}/staff/tccu/people/:personId{[0-9]{1,18}}/new-urn`, async (c) => {
    const g = requireStaff(c, STAFF_TOOL_ROLES.tccu);
    if ("response" in g) return g.response;
    const personId = c.req.param("personId");
    const person = await service.personForTccu(deps, personId);
    if (!person) return errorPage(c, "notFound");
    const reason = textField(await readForm(c), "reason");
    const problem = !reason ? t(c).reasonRequired : reason.length > REASON_MAX ? t(c).reasonTooLong : null;
    if (problem) return renderPage(c, t(c).personTitle(name(person)), <views.PersonPage c={c} person={person} errors={{ reason: problem }} reason={reason} />, 422);
    const issued = await service.issueNewUrn(deps, g.staff.staff.id, personId, reason, requestMeta(c));
    if (!issued) return errorPage(c, "notFound");
    return c.redirect(`/${lang(c)}/staff/tccu/people/${personId}?issued=1`, 303);
  });

  return app;
}
