// HTTP routes of the application's trader side: submitting it (APP-5), a request for information
// and its response (APP-12), the informal review of a proposed denial (APP-13) and the company's
// record with its PDFs (APP-16). Every route declares its action (USR-2): submitting anything is
// the account owner's; reading the status and the record is every role's; a submission's PDF
// holds the profiles, so it needs the profiles' view. Ids in URLs are always read with the
// company's id: another company's submission or letter is a 404.
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
import { pdfAttachment } from "../../web/attachment.ts";
import { can } from "../../domain/permissions.ts";
import type { Snapshot } from "../../domain/snapshot.ts";
import { renderSubmissionPdf } from "./submission-pdf.ts";
import { renderDecisionLetterPdf } from "../review/decision-letter.ts";
import * as service from "./service.ts";
import * as views from "./views.tsx";

const ID = "[0-9]{1,18}";


export function applicationsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const t = (c: AppContext) => messages(c.get("locale")).applications;
  const base = (c: AppContext) => `/${c.get("locale")}/companies/${c.get("companyAccess").companyId}`;
  const actor = (c: AppContext) => ({ companyId: c.get("companyAccess").companyId, personId: c.get("companyAccess").personId });
  const ownerName = async (c: AppContext) => {
    const p = await deps.db.selectFrom("people").select(["given_name", "family_name"]).where("id", "=", c.get("companyAccess").personId).executeTakeFirstOrThrow();
    return `${p.given_name} ${p.family_name}`;
  };
  const nameErrors = (c: AppContext, typed: string, reason?: "name-mismatch"): FieldErrors =>
    typed === "" ? { declaredName: t(c).declaredNameMissing } : reason ? { declaredName: t(c).declaredNameMismatch } : {};

  const submit = companyAction(deps, "account.submit");
  const viewStatus = companyAction(deps, "status.view");
  const viewProfiles = companyAction(deps, "application-profile.view");

  // ---- APP-5: submit ----------------------------------------------------------------------

  const submitPage = async (c: AppContext, errors: FieldErrors, value: string, status: 200 | 422 = 200) => {
    const state = await service.submitState(deps, c.get("companyAccess").companyId);
    if (!state) return errorPage(c, "notFound");
    return renderPage(
      c,
      state.transition === "resubmit" ? t(c).resubmitTitle : t(c).submitTitle,
      <views.SubmitPage c={c} base={base(c)} state={state} ownerName={await ownerName(c)} errors={errors} value={value} />,
      status,
    );
  };
  app.get(`${COMPANY}/application/submit`, submit, (c) => submitPage(c, {}, ""));
  app.post(`${COMPANY}/application/submit`, submit, async (c) => {
    const typed = textField(await readForm(c), "declaredName");
    if (typed === "") return submitPage(c, nameErrors(c, typed), typed, 422);
    const result = await service.submitApplication(deps, actor(c), typed, requestMeta(c));
    if (result.ok) return c.redirect(`${base(c)}/submissions/${result.submissionId}/submitted`, 303);
    if (result.reason === "forbidden") return errorPage(c, "forbidden");
    if (result.reason === "name-mismatch") return submitPage(c, nameErrors(c, typed, "name-mismatch"), typed, 422);
    if (result.reason === "not-ready") return submitPage(c, {}, typed, 422);
    if (result.reason === "unprintable") return submitPage(c, { declaredName: t(c).unprintable(result.characters) }, typed, 422);
    return renderPage(c, t(c).submitTitle, <views.SubmitRefusedPage c={c} base={base(c)} status={result.status ?? "not-applied"} />, 409);
  });

  app.get(`${COMPANY}/submissions/:submissionId{${ID}}/submitted`, viewStatus, async (c) => {
    const access = c.get("companyAccess");
    const submission = await service.submissionOf(deps, access.companyId, c.req.param("submissionId"));
    if (!submission) return errorPage(c, "notFound");
    const title = views.submittedTitle(c, submission.kind);
    return renderPage(c, title, <views.SubmittedPage c={c} base={base(c)} submission={submission} canDownload={can(access.role, "application-profile.view")} />);
  });

  // ---- APP-12: a request for information and its response ----------------------------------

  const requestPage = async (c: AppContext, errors: FieldErrors, value: string, status: 200 | 409 | 422 = 200) => {
    const access = c.get("companyAccess");
    const request = await service.informationRequest(deps, access.companyId, c.req.param("requestId")!);
    if (!request) return errorPage(c, "notFound");
    const isOwner = can(access.role, "account.submit");
    return renderPage(
      c,
      t(c).requestTitle,
      <views.RequestPage c={c} base={base(c)} request={request} isOwner={isOwner} ownerName={isOwner ? await ownerName(c) : ""} errors={errors} value={value} />,
      status,
    );
  };
  const REQUEST = `${COMPANY}/requests/:requestId{${ID}}`;
  app.get(REQUEST, viewStatus, (c) => requestPage(c, {}, ""));
  app.post(REQUEST, submit, async (c) => {
    const typed = textField(await readForm(c), "declaredName");
    if (typed === "") return requestPage(c, nameErrors(c, typed), typed, 422);
    const result = await service.respondToRequest(deps, actor(c), c.req.param("requestId"), typed, requestMeta(c));
    if (result.ok) return c.redirect(`${base(c)}/submissions/${result.submissionId}/submitted`, 303);
    switch (result.reason) {
      case "forbidden":
        return errorPage(c, "forbidden");
      case "not-found":
        return errorPage(c, "notFound");
      case "name-mismatch":
        return requestPage(c, nameErrors(c, typed, "name-mismatch"), typed, 422);
      case "not-ready":
        return requestPage(c, {}, typed, 422);
      case "unprintable":
        return requestPage(c, { declaredName: t(c).unprintable(result.characters) }, typed, 422);
      case "closed":
        return requestPage(c, {}, "", 409);
    }
  });

  // ---- APP-13: informal review of a proposed denial -----------------------------------------

  const informalPage = async (c: AppContext, errors: FieldErrors, value: string, status: 200 | 409 | 422 = 200) => {
    const state = await service.informalReviewState(deps, c.get("companyAccess").companyId);
    if (!state) return errorPage(c, "notFound");
    const done = c.req.method === "GET" && c.req.query("requested") !== undefined;
    return renderPage(c, t(c).informalTitle, <views.InformalReviewPage c={c} base={base(c)} state={state} errors={errors} value={value} done={done} />, status);
  };
  app.get(`${COMPANY}/informal-review`, submit, (c) => informalPage(c, {}, ""));
  app.post(`${COMPANY}/informal-review`, submit, async (c) => {
    const body = await readForm(c, { multiline: ["statement"] });
    const raw = typeof body.statement === "string" ? body.statement.normalize("NFC").replace(/\r\n?/g, "\n").trim() : "";
    if (raw.length > service.STATEMENT_MAX_LENGTH) return informalPage(c, { statement: t(c).statementTooLong }, raw, 422);
    const result = await service.requestInformalReview(deps, actor(c), raw, requestMeta(c));
    if (result.ok) return c.redirect(`${base(c)}/informal-review?requested=1`, 303);
    if (result.reason === "forbidden") return errorPage(c, "forbidden");
    return informalPage(c, {}, raw, 409);
  });

  // ---- APP-16: the company's record and its PDFs --------------------------------------------

  app.get(`${COMPANY}/record`, viewStatus, async (c) => {
    const access = c.get("companyAccess");
    const record = await service.companyRecord(deps, access.companyId);
    return renderPage(c, t(c).recordTitle, <views.RecordPage c={c} base={base(c)} record={record} canDownloadSubmissions={can(access.role, "application-profile.view")} />);
  });

  app.get(`${COMPANY}/submissions/:submissionId{${ID}}/pdf`, viewProfiles, async (c) => {
    const submission = await service.submissionOf(deps, c.get("companyAccess").companyId, c.req.param("submissionId"));
    if (!submission) return errorPage(c, "notFound");
    const snapshot = JSON.parse(submission.content) as Snapshot;
    const pdf = await renderSubmissionPdf(snapshot, submission.locale, submission.sha256);
    return pdfAttachment(pdf, `${submission.reference}.pdf`);
  });

  app.get(`${COMPANY}/letters/:decisionId{${ID}}/pdf`, viewStatus, async (c) => {
    const found = await service.letterOf(deps, c.get("companyAccess").companyId, c.req.param("decisionId"));
    if (!found) return errorPage(c, "notFound");
    const pdf = await renderDecisionLetterPdf(found.letter);
    return pdfAttachment(pdf, `${found.reference}.pdf`);
  });

  return app;
}
