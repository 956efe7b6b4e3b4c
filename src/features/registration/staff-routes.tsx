// CBSA routes of registration: the mail room (STAFF-2) and existing members' records (REG-8).
import { Hono } from "hono";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { LANG } from "../../web/paths.ts";
import { messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { errorPage } from "../../web/errors.tsx";
import { readForm, type FieldErrors } from "../../web/forms.tsx";
import { requestMeta } from "../../web/request-meta.ts";
import { renderActivationLetters } from "../../platform/pdf/letters.ts";
import { parseTrackingNumber } from "../../domain/registered-mail.ts";
import { formatClientNumber } from "../../domain/client-number.ts";
import { LINES_OF_BUSINESS, type LineOfBusiness } from "../../domain/eligibility.ts";
import { requireStaff } from "../staff/guard.ts";
import { parseIdentity, type Values } from "./schema.ts";
import { parseAddress } from "../../web/address.tsx";
import * as service from "./service.ts";
import * as staffService from "./staff-service.ts";
import * as views from "./staff-views.tsx";
import { unbreakable } from "../../web/identifier.tsx";

const MAIL_ROOM = ["mail-room"] as const;
const COMPANIES_VIEW = ["tccu", "pip-officer", "admin"] as const;
const COMPANIES_CREATE = ["pip-officer", "admin"] as const;

function pdfResponse(c: AppContext, pdf: Buffer, filename: string): Response {
  return c.body(new Uint8Array(pdf), 200, {
    "content-type": "application/pdf",
    "content-disposition": `inline; filename="${filename}"`,
    // A letter carries an activation code: never cached.
    "cache-control": "no-store",
  });
}

export function registrationStaffRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const r = (c: AppContext) => messages(c.get("locale")).registration;
  const lang = (c: AppContext) => c.get("locale");

  app.get(`${LANG}/staff/mail-room`, async (c) => {
    const g = requireStaff(c, MAIL_ROOM);
    if ("response" in g) return g.response;
    const recorded = c.req.query("recorded");
    const notice = recorded && /^\d{1,18}$/.test(recorded) ? r(c).mailRoom.recordedNotice(recorded) : undefined;
    const error = c.req.query("none") !== undefined ? r(c).mailRoom.noneSelected : undefined;
    return renderPage(c, r(c).mailRoom.title, <views.MailRoomPage c={c} letters={await staffService.queuedLetters(deps)} notice={notice} error={error} />);
  });

  app.get(`${LANG}/staff/mail-room/letters.pdf`, async (c) => {
    const g = requireStaff(c, MAIL_ROOM);
    if ("response" in g) return g.response;
    // `ids` repeated, or one `ids-<id>` per row: the mail room's page gives each row its own
    // gcds-checkboxes, and the design system's formdata listener *sets* its name (it does not
    // append), so rows sharing one name would post only the last row checked.
    const posted = [...new URL(c.req.url).searchParams].filter(([name]) => name === "ids" || /^ids-\d{1,18}$/.test(name)).map(([, id]) => id);
    const ids = [...new Set(posted.filter((id) => /^\d{1,18}$/.test(id)))].slice(0, 200);
    const letters = await staffService.lettersToPrint(deps, g.staff.staff.id, ids, requestMeta(c));
    if (letters.length === 0) return c.redirect(`/${lang(c)}/staff/mail-room?none=1`, 303);
    return pdfResponse(c, await renderActivationLetters(letters, { title: r(c).letter.title }), "letters.pdf");
  });

  app.get(`${LANG}/staff/mail-room/letters/:letterId{[0-9]{1,18}}/pdf`, async (c) => {
    const g = requireStaff(c, MAIL_ROOM);
    if ("response" in g) return g.response;
    const id = c.req.param("letterId");
    const letters = await staffService.lettersToPrint(deps, g.staff.staff.id, [id], requestMeta(c));
    if (letters.length === 0) return errorPage(c, "notFound");
    return pdfResponse(c, await renderActivationLetters(letters, { title: r(c).letter.title }), `letter-L-${id}.pdf`);
  });

  const findQueued = (id: string) => staffService.queuedLetter(deps, id);

  app.get(`${LANG}/staff/mail-room/letters/:letterId{[0-9]{1,18}}`, async (c) => {
    const g = requireStaff(c, MAIL_ROOM);
    if ("response" in g) return g.response;
    const letter = await findQueued(c.req.param("letterId"));
    if (!letter) return errorPage(c, "notFound");
    return renderPage(c, r(c).mailRoom.recordHeading(letter.id, letter.legalName), <views.RecordMailingPage c={c} letter={letter} errors={{}} values={{}} />);
  });
  app.post(`${LANG}/staff/mail-room/letters/:letterId{[0-9]{1,18}}`, async (c) => {
    const g = requireStaff(c, MAIL_ROOM);
    if ("response" in g) return g.response;
    const t = r(c).mailRoom;
    const letter = await findQueued(c.req.param("letterId"));
    if (!letter) return renderPage(c, t.title, <views.MailRoomPage c={c} letters={await staffService.queuedLetters(deps)} error={t.notQueued} />, 409);
    const body = await readForm(c);
    const values = { tracking: typeof body.tracking === "string" ? body.tracking.slice(0, 40) : "", sentOn: typeof body.sentOn === "string" ? body.sentOn.trim().slice(0, 20) : "" };
    const errors: FieldErrors = {};
    const tracking = parseTrackingNumber(values.tracking);
    if (!tracking) errors.tracking = values.tracking ? t.trackingInvalid : t.trackingRequired;
    const validDate = /^\d{4}-\d{2}-\d{2}$/.test(values.sentOn) && !Number.isNaN(Date.parse(`${values.sentOn}T12:00:00Z`)) && new Date(`${values.sentOn}T12:00:00Z`).toISOString().startsWith(values.sentOn);
    // gcds-date-input posts YYYY-MM-DD, "-MM-DD" and the like when a part is missing, nothing when empty.
    if (!validDate) errors.sentOn = values.sentOn.replace(/-/g, "") ? t.dateInvalid : t.sentOnRequired;
    if (tracking && validDate) {
      const result = await staffService.recordLetterSent(deps, g.staff.staff.id, letter.id, tracking, values.sentOn, requestMeta(c));
      if (result.ok) return c.redirect(`/${lang(c)}/staff/mail-room?recorded=${letter.id}`, 303);
      if (result.reason === "not-queued") return renderPage(c, t.title, <views.MailRoomPage c={c} letters={await staffService.queuedLetters(deps)} error={t.notQueued} />, 409);
      errors.sentOn = t.dateOutOfRange;
    }
    return renderPage(c, t.recordHeading(letter.id, letter.legalName), <views.RecordMailingPage c={c} letter={letter} errors={errors} values={values} />, 422);
  });

  // ---- companies (STAFF-4) ------------------------------------------------------------------
  app.get(`${LANG}/staff/companies`, async (c) => {
    const g = requireStaff(c, COMPANIES_VIEW);
    if ("response" in g) return g.response;
    const canCreate = COMPANIES_CREATE.some((role) => g.staff.staff.roles.includes(role));
    const created = c.req.query("created");
    const company = created && /^\d{1,18}$/.test(created) ? (await staffService.recentCompanies(deps, 200)).find((co) => co.id === created) : undefined;
    const notice = company ? r(c).staffCompanies.createdNotice(company.legalName, unbreakable(formatClientNumber(company.clientNumber))) : undefined;
    return renderPage(c, r(c).staffCompanies.listTitle, <views.StaffCompaniesPage c={c} companies={await staffService.recentCompanies(deps)} canCreate={canCreate} notice={notice} noticeBody={notice ? r(c).staffCompanies.createdNoticeBody : undefined} />);
  });

  app.get(`${LANG}/staff/companies/:companyId{[0-9]{1,18}}`, async (c) => {
    const g = requireStaff(c, COMPANIES_VIEW);
    if ("response" in g) return g.response;
    const timeline = await staffService.companyTimeline(deps, c.req.param("companyId"));
    if (!timeline) return errorPage(c, "notFound");
    return renderPage(c, messages(lang(c)).expiry.timeline.title(timeline.company.legalName), <views.CompanyTimelinePage c={c} company={timeline.company} events={timeline.events} />);
  });

  app.get(`${LANG}/staff/companies/new`, (c) => {
    const g = requireStaff(c, COMPANIES_CREATE);
    if ("response" in g) return g.response;
    return renderPage(c, r(c).staffCompanies.title, <views.NewMemberPage c={c} errors={{}} values={{ country: "CA", correspondenceLocale: lang(c) }} />);
  });
  app.post(`${LANG}/staff/companies/new`, async (c) => {
    const g = requireStaff(c, COMPANIES_CREATE);
    if ("response" in g) return g.response;
    const body = await readForm(c);
    const country = body.country === "US" ? "US" : "CA";
    const lines = (Array.isArray(body.lines) ? body.lines : [body.lines]).filter(
      (l): l is LineOfBusiness => typeof l === "string" && (LINES_OF_BUSINESS as readonly string[]).includes(l) && l !== "customs-broker" && l !== "shipping-agent",
    );
    const identity = parseIdentity(lang(c), body, { bn: country === "CA", carrierCode: false });
    const address = parseAddress(lang(c), body, country);
    const errors: FieldErrors = { ...(identity.ok ? {} : identity.errors), ...(address.ok ? {} : address.errors) };
    if (lines.length === 0) errors.lines = messages(lang(c)).forms.chooseOne;
    const values: Values = { ...(identity.ok ? {} : identity.values), ...(address.ok ? {} : address.values), country, lines };
    if (identity.ok && address.ok && lines.length > 0) {
      const result = await service.createExistingMember(deps, g.staff.staff.id, { identity: identity.identity, address: address.address, lines, country }, requestMeta(c));
      if (result.ok) return c.redirect(`/${lang(c)}/staff/companies?created=${result.companyId}`, 303);
      errors.businessNumber = r(c).bnTaken;
    }
    const shown: Values = identity.ok || address.ok ? Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? v : ""])) : values;
    return renderPage(c, r(c).staffCompanies.title, <views.NewMemberPage c={c} errors={errors} values={{ ...shown, country, lines }} />, 422);
  });

  return app;
}
