// The PIP officers' back office (STAFF-5, APP-11 to APP-13): the queue, the case page and every
// officer action, each its own form posting to its own URL, back to the case page (303) or, on
// a problem, the case page again with the errors (422) or the notice that the case changed
// meanwhile (409). PIP officers only: requireStaff on every route.
import { Hono } from "hono";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { LANG } from "../../web/paths.ts";
import { messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { errorPage } from "../../web/errors.tsx";
import { readForm, type FieldErrors, type FormBody } from "../../web/forms.tsx";
import { requestMeta } from "../../web/request-meta.ts";
import { textField } from "../../web/validation.ts";
import { attachmentResponse, pdfAttachment } from "../../web/attachment.ts";
import { isIsoDate } from "../../domain/catalogue/index.ts";
import { PORTAL_LINES } from "../../domain/catalogue/types.ts";
import { isMembershipStatus } from "../../domain/membership.ts";
import type { DecisionLetter } from "../membership/letter.ts";
import { requireStaff, STAFF_TOOL_ROLES, type AuthenticatedStaff } from "../staff/guard.ts";
import { renderSubmissionPdf } from "../applications/submission-pdf.ts";
import { renderDecisionLetterPdf } from "./decision-letter.ts";
import * as cases from "./case.ts";
import * as service from "./service.ts";
import { parseCursor, queue } from "./queue.ts";
import * as memberActions from "./member-actions.ts";
import * as views from "./views.tsx";
import { QueuePage } from "./queue-views.tsx";

const CASE = `${LANG}/staff/pip/cases/:caseId{[0-9]{1,18}}`;

export function reviewRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const r = (c: AppContext) => messages(c.get("locale")).review;
  const lang = (c: AppContext) => c.get("locale");
  const caseUrl = (c: AppContext, id: string) => `/${lang(c)}/staff/pip/cases/${id}`;
  const guard = (c: AppContext) => requireStaff(c, STAFF_TOOL_ROLES.pip);
  const staffId = (s: AuthenticatedStaff) => s.staff.id;
  const str = (body: FormBody, name: string) => {
    const v = body[name];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === "string" ? s.normalize("NFC").trim() : "";
  };
  const list = (body: FormBody, name: string) => [body[name] ?? []].flat().filter((x): x is string => typeof x === "string");

  /** The case page, with a notice or a form's errors, at `status`. */
  const showCase = async (c: AppContext, caseId: string, status: 200 | 409 | 422, extra: Partial<Pick<views.CasePageProps, "notice" | "action">> = {}) => {
    const view = await cases.caseView(deps, caseId);
    if (!view) return errorPage(c, "notFound");
    return renderPage(c, r(c).caseTitle(view.legalName), <views.CasePage c={c} view={view} hasLetterPdf {...extra} />, status);
  };

  /** What an action's refusal shows: the case changed (409), or the machine's reason (409 too: nothing was done). */
  const refusal = (c: AppContext, caseId: string, outcome: { ok: false; reason: string; detail?: string }) => {
    if (outcome.reason === "not-found") return errorPage(c, "notFound");
    if (outcome.reason === "changed") return showCase(c, caseId, 409, { notice: { role: "danger", text: r(c).changed, body: r(c).changedBody } });
    return showCase(c, caseId, 409, { notice: { role: "danger", text: r(c).refused[outcome.detail ?? ""] ?? r(c).refused["wrong-status"]! } });
  };

  const done = (c: AppContext, caseId: string, notice: string, anchor = "") => c.redirect(`${caseUrl(c, caseId)}?done=${notice}${anchor}`, 303);

  // ---- the queue ----------------------------------------------------------------------------

  app.get(`${LANG}/staff/pip`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const q = (k: string) => (c.req.query(k) ?? "").slice(0, 100);
    const status = isMembershipStatus(q("status")) ? q("status") : "";
    const line = (PORTAL_LINES as readonly string[]).includes(q("line")) ? q("line") : "";
    const mine = q("mine") === "yes";
    const overdue = q("overdue") === "yes";
    const after = parseCursor(q("after"));
    const search = q("q").normalize("NFC").trim();
    const page = await queue(deps, {
      status: status && isMembershipStatus(status) ? status : undefined,
      line: line || undefined,
      assignedTo: mine ? staffId(g.staff) : undefined,
      overdue,
      search: search || undefined,
      after,
    });
    const assignedCase = c.req.query("assigned");
    const assigned = assignedCase ? await cases.caseCompanyName(deps, assignedCase) : undefined;
    return renderPage(
      c,
      r(c).queue.title,
      <QueuePage c={c} rows={page.rows} next={page.next} filters={{ status, line, mine, overdue, search, after }} notice={assigned ? r(c).queue.assigned(assigned) : undefined} />,
    );
  });

  app.post(`${CASE}/assign`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const caseId = c.req.param("caseId");
    const body = await readForm(c);
    const outcome = await service.assignToMe(deps, staffId(g.staff), caseId, requestMeta(c));
    if (!outcome.ok) return refusal(c, caseId, outcome);
    const back = str(body, "back");
    const queueBase = `/${lang(c)}/staff/pip`;
    if (back.startsWith(`${queueBase}?`) || back === queueBase) {
      const sep = back.includes("?") ? "&" : "?";
      return c.redirect(`${back}${sep}assigned=${caseId}`, 303);
    }
    return c.redirect(caseUrl(c, caseId), 303);
  });

  // ---- the case -----------------------------------------------------------------------------

  app.get(CASE, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const t = r(c);
    const notices: Record<string, string> = {
      findings: t.findingsSaved,
      rfi: t.rfiSent,
      sv: t.svScheduled,
      svOutcome: t.svRecorded,
      transition: t.transitioned,
      changesAccepted: t.changesAccepted,
    };
    const which = c.req.query("done") ?? "";
    const ref = c.req.query("ref");
    const text = which === "decision" && ref && /^D-\d{4}-\d{6,}$/.test(ref) ? t.decided(ref) : notices[which];
    return showCase(c, c.req.param("caseId"), 200, text ? { notice: { role: "success", text } } : {});
  });

  app.post(`${CASE}/findings`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const caseId = c.req.param("caseId");
    const view = await cases.caseView(deps, caseId);
    if (!view?.latest) return errorPage(c, "notFound");
    const items = cases.snapshotItems(view.latest.snapshot);
    const keyOf = (subject: string) => (subject === "application" ? "app" : subject.replace(/^division:/, "d"));
    const noteNames = [...items].map((k) => {
      const [subject, itemId] = k.split("|") as [string, string];
      return `n-${keyOf(subject)}-${itemId}`;
    });
    const body = await readForm(c, { multiline: noteNames });
    const subject = str(body, "subject");
    const anchor = str(body, "anchor").replace(/[^A-Za-z0-9-]/g, "");
    const ids = list(body, "item");
    const errors: FieldErrors = {};
    const entries: service.FindingInput[] = [];
    const values: Record<string, string> = { anchor };
    for (const itemId of ids) {
      if (!items.has(cases.findingKey(subject, itemId))) return errorPage(c, "badRequest");
      const o = `o-${keyOf(subject)}-${itemId}`;
      const n = `n-${keyOf(subject)}-${itemId}`;
      const outcome = str(body, o);
      const note = str(body, n);
      values[o] = outcome;
      values[n] = note;
      if (note.length > service.NOTE_MAX) errors[n] = r(c).noteTooLong;
      if (!outcome) {
        if (note) errors[o] = r(c).noteWithoutFinding;
        continue;
      }
      if (!(service.FINDING_OUTCOMES as readonly string[]).includes(outcome)) return errorPage(c, "badRequest");
      entries.push({ subject, itemId, outcome: outcome as service.FindingInput["outcome"], note });
    }
    if (Object.keys(errors).length > 0) return showCase(c, caseId, 422, { action: { form: "findings", errors, values } });
    if (entries.length > 0) {
      const outcome = await service.saveFindings(deps, staffId(g.staff), caseId, entries, requestMeta(c));
      if (!outcome.ok) return refusal(c, caseId, outcome);
    }
    return done(c, caseId, "findings", anchor ? `#${anchor}` : "");
  });

  app.post(`${CASE}/request-information`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const caseId = c.req.param("caseId");
    const t = r(c);
    const body = await readForm(c, { multiline: ["rfiMessage"] });
    const message = str(body, "rfiMessage");
    const dueOn = textField(body, "rfiDueOn");
    const chosen = list(body, "items");
    const view = await cases.caseView(deps, caseId);
    if (!view) return errorPage(c, "notFound");
    const errors: FieldErrors = {};
    if (!message) errors["rfiMessage"] = t.rfiMessageRequired;
    else if (message.length > service.TEXT_MAX) errors["rfiMessage"] = t.rfiMessageTooLong;
    const min = service.earliestDueOn(view.today);
    if (!isIsoDate(dueOn)) errors["rfiDueOn"] = t.dateInvalid;
    else if (dueOn < min) errors["rfiDueOn"] = t.rfiDueTooSoon(service.calendarDate(lang(c), min));
    const known = view.latest ? cases.snapshotItems(view.latest.snapshot) : new Set<string>();
    if (chosen.some((k) => !known.has(k))) errors["items"] = t.rfiItemUnknown;
    if (Object.keys(errors).length > 0) return showCase(c, caseId, 422, { action: { form: "rfi", errors, values: { rfiMessage: message, rfiDueOn: dueOn, items: chosen } } });
    const items = chosen.map((k) => {
      const [subject, itemId] = k.split("|") as [string, string];
      return { subject, itemId };
    });
    const outcome = await service.requestInformation(deps, staffId(g.staff), caseId, str(body, "status"), { message, items, dueOn }, requestMeta(c));
    if (!outcome.ok) {
      if (outcome.detail === "too-soon") return showCase(c, caseId, 422, { action: { form: "rfi", errors: { rfiDueOn: t.rfiDueTooSoon(service.calendarDate(lang(c), min)) }, values: { rfiMessage: message, rfiDueOn: dueOn, items: chosen } } });
      return refusal(c, caseId, outcome);
    }
    return done(c, caseId, "rfi");
  });

  app.post(`${CASE}/site-validation`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const caseId = c.req.param("caseId");
    const t = r(c);
    const body = await readForm(c);
    const date = textField(body, "svDate");
    const facility = str(body, "svFacility");
    const view = await cases.caseView(deps, caseId);
    if (!view) return errorPage(c, "notFound");
    const errors: FieldErrors = {};
    if (!isIsoDate(date)) errors["svDate"] = t.dateInvalid;
    else if (date < view.today) errors["svDate"] = t.svDateInPast;
    const facilities = view.latest?.snapshot.company.facilities.map((f) => f.name) ?? [];
    if (!facilities.includes(facility)) errors["svFacility"] = t.svFacilityRequired;
    const values = { svDate: date, svFacility: facility };
    if (Object.keys(errors).length > 0) return showCase(c, caseId, 422, { action: { form: "sv", errors, values } });
    const outcome = await service.scheduleSiteValidation(deps, staffId(g.staff), caseId, str(body, "status"), { date, facility }, requestMeta(c));
    if (!outcome.ok) {
      if (outcome.detail === "past") return showCase(c, caseId, 422, { action: { form: "sv", errors: { svDate: t.svDateInPast }, values } });
      if (outcome.detail === "facility") return showCase(c, caseId, 422, { action: { form: "sv", errors: { svFacility: t.svFacilityRequired }, values } });
      return refusal(c, caseId, outcome);
    }
    return done(c, caseId, "sv");
  });

  app.post(`${CASE}/site-validation/outcome`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const caseId = c.req.param("caseId");
    const t = r(c);
    const body = await readForm(c, { multiline: ["svNote"] });
    const outcomeText = str(body, "svOutcome");
    const note = str(body, "svNote");
    const errors: FieldErrors = {};
    if (outcomeText !== "satisfactory" && outcomeText !== "unsatisfactory") errors["svOutcome"] = t.svOutcomeRequired;
    if (!note) errors["svNote"] = t.svNoteRequired;
    else if (note.length > service.TEXT_MAX) errors["svNote"] = t.reasonsTooLong;
    if (Object.keys(errors).length > 0) return showCase(c, caseId, 422, { action: { form: "svOutcome", errors, values: { svOutcome: outcomeText, svNote: note } } });
    const outcome = await service.recordSiteValidationOutcome(deps, staffId(g.staff), caseId, str(body, "status"), { outcome: outcomeText as "satisfactory" | "unsatisfactory", note }, requestMeta(c));
    if (!outcome.ok) return refusal(c, caseId, outcome);
    return done(c, caseId, "svOutcome");
  });

  app.post(`${CASE}/decide`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const caseId = c.req.param("caseId");
    const t = r(c);
    const multiline = service.DECISION_TRANSITIONS.map((n) => `reasons-${n}`);
    const body = await readForm(c, { multiline });
    const name = str(body, "transition");
    if (!service.isDecisionTransition(name)) return errorPage(c, "badRequest");
    const field = `reasons-${name}`;
    const reasons = str(body, field);
    const errors: FieldErrors = {};
    if (!reasons && name !== "approve") errors[field] = t.reasonsRequired;
    else if (reasons.length > service.TEXT_MAX) errors[field] = t.reasonsTooLong;
    if (Object.keys(errors).length > 0) return showCase(c, caseId, 422, { action: { form: "decide", errors, values: { transition: name, [field]: reasons } } });
    const outcome = await service.makeDecision(deps, staffId(g.staff), caseId, str(body, "status"), name, reasons, requestMeta(c));
    if (!outcome.ok) {
      if (outcome.detail === "needs-satisfactory") return showCase(c, caseId, 409, { notice: { role: "danger", text: t.approveNeedsSatisfactory } });
      return refusal(c, caseId, outcome);
    }
    return outcome.reference ? c.redirect(`${caseUrl(c, caseId)}?done=decision&ref=${outcome.reference}`, 303) : done(c, caseId, "transition");
  });

  // ---- a member: accepting its changes, suspending it (APP-5, APP-13) ----------------------------

  app.post(`${CASE}/accept-changes`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const caseId = c.req.param("caseId");
    const body = await readForm(c, { multiline: ["acceptNote"] });
    const note = str(body, "acceptNote");
    if (note.length > service.TEXT_MAX) return showCase(c, caseId, 422, { action: { form: "acceptChanges", errors: { acceptNote: r(c).reasonsTooLong }, values: { acceptNote: note } } });
    const outcome = await memberActions.acceptChanges(deps, staffId(g.staff), caseId, str(body, "status"), note, requestMeta(c));
    if (!outcome.ok) return refusal(c, caseId, outcome);
    return done(c, caseId, "changesAccepted");
  });

  app.post(`${CASE}/suspend`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const caseId = c.req.param("caseId");
    const t = r(c);
    const body = await readForm(c, { multiline: ["suspendReasons"] });
    const reasons = str(body, "suspendReasons");
    const dueOn = textField(body, "suspendDueOn");
    const view = await cases.caseView(deps, caseId);
    if (!view) return errorPage(c, "notFound");
    const errors: FieldErrors = {};
    if (!reasons) errors["suspendReasons"] = t.reasonsRequired;
    else if (reasons.length > service.TEXT_MAX) errors["suspendReasons"] = t.reasonsTooLong;
    const min = service.earliestDueOn(view.today);
    if (!isIsoDate(dueOn)) errors["suspendDueOn"] = t.dateInvalid;
    else if (dueOn < min) errors["suspendDueOn"] = t.rfiDueTooSoon(service.calendarDate(lang(c), min));
    if (Object.keys(errors).length > 0) return showCase(c, caseId, 422, { action: { form: "suspend", errors, values: { suspendReasons: reasons, suspendDueOn: dueOn } } });
    const outcome = await memberActions.suspendMembership(deps, staffId(g.staff), caseId, str(body, "status"), { reasons, dueOn }, requestMeta(c));
    if (!outcome.ok) return refusal(c, caseId, outcome);
    return c.redirect(`${caseUrl(c, outcome.caseId)}?done=decision${outcome.reference ? `&ref=${outcome.reference}` : ""}`, 303);
  });

  // ---- downloads ------------------------------------------------------------------------------


  app.get(`${CASE}/files/:fileId{[0-9]{1,18}}`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const file = await cases.caseFile(deps, c.req.param("caseId"), c.req.param("fileId"));
    if (!file) return errorPage(c, "notFound");
    const body = await deps.files.get(file.storageKey);
    return attachmentResponse(body, { type: file.mime, name: file.fileName, size: file.size });
  });

  app.get(`${CASE}/submissions/:submissionId{[0-9]{1,18}}/pdf`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const sub = await cases.caseSubmission(deps, c.req.param("caseId"), c.req.param("submissionId"));
    if (!sub) return errorPage(c, "notFound");
    const pdf = await renderSubmissionPdf(sub.snapshot, sub.locale, sub.sha256);
    return pdfAttachment(pdf, `${sub.reference}.pdf`);
  });

  app.get(`${CASE}/letters/:decisionId{[0-9]{1,18}}/pdf`, async (c) => {
    const g = guard(c);
    if ("response" in g) return g.response;
    const found = await cases.caseDecision(deps, c.req.param("caseId"), c.req.param("decisionId"));
    if (!found?.letter) return errorPage(c, "notFound");
    const pdf = await renderDecisionLetterPdf(found.letter as unknown as DecisionLetter);
    return pdfAttachment(pdf, `${found.reference}.pdf`);
  });

  return app;
}
