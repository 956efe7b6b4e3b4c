// HTTP routes of a member's life on the trader's side: submitting changes (APP-5), the action
// plan of a suspension (APP-13), the appeal of a cancellation (APP-14), their files, and
// withdrawal. Submitting anything is the account owner's (USR-2 `account.submit`); reading the
// action plan is every role's (`status.view`). Every refusal is checked again in the services.
import { Hono } from "hono";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { COMPANY } from "../../web/paths.ts";
import { messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { errorPage } from "../../web/errors.tsx";
import { readForm, type FieldErrors } from "../../web/forms.tsx";
import { textField } from "../../web/validation.ts";
import { companyAction } from "../../web/middleware/company-access.tsx";
import { requestMeta } from "../../web/request-meta.ts";
import { attachmentResponse } from "../../web/attachment.ts";
import { can } from "../../domain/permissions.ts";
import * as evidence from "../profiles/evidence.ts";
import { pendingChanges, submitChanges } from "./changes.ts";
import { appealState, latestActionPlan, statementFiles, STATEMENT_ITEM, STATEMENT_SUBJECTS, STATEMENT_TEXT_MAX, submitActionPlan, submitAppeal, type StatementKind, type StatementOutcome } from "./statements.ts";
import { withdraw, withdrawalState, WITHDRAWAL_REASON_MAX } from "./withdrawal.ts";
import * as views from "./member-views.tsx";

const FILE = ":fileId{[0-9]{1,18}}";
const STATEMENT_ITEMS = [{ id: STATEMENT_ITEM, evidence: { rule: "optional" as const } }];

export function memberRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const t = (c: AppContext) => messages(c.get("locale"));
  const base = (c: AppContext) => `/${c.get("locale")}/companies/${c.get("companyAccess").companyId}`;
  const actor = (c: AppContext) => ({ companyId: c.get("companyAccess").companyId, personId: c.get("companyAccess").personId });
  const ownerName = async (c: AppContext) => {
    const p = await deps.db.selectFrom("people").select(["given_name", "family_name"]).where("id", "=", c.get("companyAccess").personId).executeTakeFirstOrThrow();
    return `${p.given_name} ${p.family_name}`;
  };
  const maxFileMb = () => Math.round(deps.config.evidence.maxFileBytes / (1024 * 1024));
  const nameErrors = (c: AppContext, typed: string, mismatch = false): FieldErrors =>
    typed === "" ? { declaredName: t(c).applications.declaredNameMissing } : mismatch ? { declaredName: t(c).applications.declaredNameMismatch } : {};

  const submit = companyAction(deps, "account.submit");
  const viewStatus = companyAction(deps, "status.view");

  // ---- APP-5: changes ---------------------------------------------------------------------

  const changesPage = async (c: AppContext, errors: FieldErrors, value: string, status: 200 | 409 | 422 = 200) => {
    const companyId = c.get("companyAccess").companyId;
    const pending = await pendingChanges(deps.db, companyId);
    if (!pending) return errorPage(c, "notFound");
    return renderPage(c, t(c).member.changesTitle, <views.ChangesPage c={c} base={base(c)} pending={pending} divisions={pending.divisionNames} ownerName={await ownerName(c)} errors={errors} value={value} />, status);
  };
  app.get(`${COMPANY}/changes/submit`, submit, (c) => changesPage(c, {}, ""));
  app.post(`${COMPANY}/changes/submit`, submit, async (c) => {
    const typed = textField(await readForm(c), "declaredName");
    if (typed === "") return changesPage(c, nameErrors(c, typed), typed, 422);
    const result = await submitChanges(deps, actor(c), typed, requestMeta(c));
    if (result.ok) return c.redirect(`${base(c)}/submissions/${result.submissionId}/submitted`, 303);
    if (result.reason === "forbidden") return errorPage(c, "forbidden");
    if (result.reason === "name-mismatch") return changesPage(c, nameErrors(c, typed, true), typed, 422);
    if (result.reason === "unprintable") return changesPage(c, { declaredName: t(c).applications.unprintable(result.characters) }, typed, 422);
    return changesPage(c, {}, typed, 409);
  });

  // ---- APP-13 and APP-14: the action plan and the appeal, with their files ------------------

  type Values = { statement: string; declaredName: string };
  const EMPTY: Values = { statement: "", declaredName: "" };
  const notices = (c: AppContext): string | undefined =>
    c.req.query("uploaded") !== undefined ? t(c).member.fileAttached : c.req.query("removed") !== undefined ? t(c).member.fileRemoved : undefined;

  const statementPage = async (c: AppContext, kind: StatementKind, errors: FieldErrors, values: Values, status: 200 | 409 | 413 | 422 = 200) => {
    const access = c.get("companyAccess");
    const isOwner = can(access.role, "account.submit");
    const common = {
      c,
      base: base(c),
      isOwner,
      ownerName: isOwner ? await ownerName(c) : "",
      files: isOwner ? await statementFiles(deps.db, access.companyId, kind) : [],
      maxFileMb: maxFileMb(),
      errors,
      values,
      notice: status === 200 ? notices(c) : undefined,
    };
    if (kind === "action-plan") return renderPage(c, t(c).member.actionPlanTitle, <views.ActionPlanPage {...common} plan={await latestActionPlan(deps.db, access.companyId)} />, status);
    const state = await appealState(deps, access.companyId);
    if (!state) return errorPage(c, "notFound");
    return renderPage(c, t(c).member.appealTitle, <views.AppealPage {...common} state={state} />, status);
  };

  const readStatement = async (c: AppContext): Promise<{ values: Values; errors: FieldErrors }> => {
    const body = await readForm(c, { multiline: ["statement"] });
    const statement = typeof body.statement === "string" ? body.statement.normalize("NFC").replace(/\r\n?/g, "\n").trim() : "";
    const declaredName = textField(body, "declaredName");
    const errors: FieldErrors = {};
    if (!statement) errors["statement"] = t(c).member.statementRequired;
    else if (statement.length > STATEMENT_TEXT_MAX) errors["statement"] = t(c).member.statementTooLong(STATEMENT_TEXT_MAX);
    Object.assign(errors, nameErrors(c, declaredName));
    return { values: { statement, declaredName }, errors };
  };

  const afterStatement = (c: AppContext, kind: StatementKind, values: Values, result: StatementOutcome) => {
    if (result.ok) return c.redirect(`${base(c)}/submissions/${result.submissionId}/submitted`, 303);
    switch (result.reason) {
      case "forbidden":
        return errorPage(c, "forbidden");
      case "name-mismatch":
        return statementPage(c, kind, nameErrors(c, values.declaredName, true), values, 422);
      case "pending-files":
        return statementPage(c, kind, { statement: t(c).member.pendingFiles }, values, 409);
      case "unprintable":
        return statementPage(c, kind, { statement: t(c).applications.unprintable(result.characters) }, values, 422);
      case "closed":
        return statementPage(c, kind, {}, values, 409);
    }
  };

  app.get(`${COMPANY}/action-plan`, viewStatus, (c) => statementPage(c, "action-plan", {}, EMPTY));
  app.post(`${COMPANY}/action-plan`, submit, async (c) => {
    const { values, errors } = await readStatement(c);
    if (Object.keys(errors).length > 0) return statementPage(c, "action-plan", errors, values, 422);
    const plan = await latestActionPlan(deps.db, c.get("companyAccess").companyId);
    if (!plan) return statementPage(c, "action-plan", {}, values, 409);
    return afterStatement(c, "action-plan", values, await submitActionPlan(deps, actor(c), plan.id, values.statement, values.declaredName, requestMeta(c)));
  });

  app.get(`${COMPANY}/appeal`, submit, (c) => statementPage(c, "appeal", {}, EMPTY));
  app.post(`${COMPANY}/appeal`, submit, async (c) => {
    const { values, errors } = await readStatement(c);
    if (Object.keys(errors).length > 0) return statementPage(c, "appeal", errors, values, 422);
    return afterStatement(c, "appeal", values, await submitAppeal(deps, actor(c), values.statement, values.declaredName, requestMeta(c)));
  });

  for (const kind of ["action-plan", "appeal"] as const) {
    const subject = STATEMENT_SUBJECTS[kind];
    app.post(`${COMPANY}/${kind}/evidence`, submit, async (c) => {
      const result = await evidence.uploadEvidence(deps, actor(c), "account.submit", subject, STATEMENT_ITEMS, c.req.raw, c.get("csrfToken"), requestMeta(c));
      if (result.ok) return c.redirect(`${base(c)}/${kind}?uploaded=1#files`, 303);
      if (result.reason !== "refused") return errorPage(c, result.reason === "bad-request" ? "badRequest" : result.reason);
      const p = t(c).profiles.uploadProblems;
      const limitMb = Math.round(deps.config.evidence.companyLimitBytes / (1024 * 1024));
      const message = result.problem === "too-large" ? p["too-large"](maxFileMb()) : result.problem === "quota" ? p.quota(limitMb) : p[result.problem];
      return statementPage(c, kind, { "statement-file": message }, EMPTY, result.problem === "too-large" || result.problem === "quota" ? 413 : 422);
    });
    app.get(`${COMPANY}/${kind}/evidence/${FILE}`, submit, async (c) => {
      const file = await evidence.evidenceFile(deps, c.get("companyAccess").companyId, subject, c.req.param("fileId"));
      if (!file) return errorPage(c, "notFound");
      return attachmentResponse(await deps.files.get(file.storageKey), { type: file.mime, name: file.fileName, size: file.size });
    });
    app.post(`${COMPANY}/${kind}/evidence/${FILE}/remove`, submit, async (c) => {
      const result = await evidence.removeEvidence(deps, actor(c), "account.submit", subject, c.req.param("fileId"), requestMeta(c));
      if (!result.ok) return errorPage(c, result.reason === "not-found" ? "notFound" : "forbidden");
      return c.redirect(`${base(c)}/${kind}?removed=1#files`, 303);
    });
  }

  // ---- withdrawal ------------------------------------------------------------------------------

  const withdrawPage = async (c: AppContext, errors: FieldErrors, value: string, status: 200 | 409 | 422 = 200) => {
    const state = await withdrawalState(deps, c.get("companyAccess").companyId);
    if (!state) return errorPage(c, "notFound");
    const done = c.req.method === "GET" && c.req.query("withdrawn") !== undefined && state.status === "withdrawn";
    return renderPage(c, done ? t(c).member.withdrawnTitle : t(c).member.withdrawTitle, <views.WithdrawPage c={c} base={base(c)} status={state.status} allowed={state.allowed} done={done} errors={errors} value={value} />, status);
  };
  app.get(`${COMPANY}/withdraw`, submit, (c) => withdrawPage(c, {}, ""));
  app.post(`${COMPANY}/withdraw`, submit, async (c) => {
    const body = await readForm(c, { multiline: ["reason"] });
    const reason = typeof body.reason === "string" ? body.reason.normalize("NFC").replace(/\r\n?/g, "\n").trim() : "";
    if (reason.length > WITHDRAWAL_REASON_MAX) return withdrawPage(c, { reason: t(c).member.reasonTooLong(WITHDRAWAL_REASON_MAX) }, reason, 422);
    const result = await withdraw(deps, actor(c), reason, requestMeta(c));
    if (result.ok) return c.redirect(`${base(c)}/withdraw?withdrawn=1`, 303);
    if (result.reason === "forbidden") return errorPage(c, "forbidden");
    return withdrawPage(c, {}, reason, 409);
  });

  return app;
}
