// The actions of the case page (APP-12, APP-13, APP-5 for members, APP-14): the forms the state
// machine allows from the company's status, each posting to its own route (routes.tsx).
import type { AppContext } from "../../web/context.ts";
import { formatDateTime, messages } from "../../web/i18n/index.ts";
import { Checkboxes, Input, PostForm, Radios, Select, SubmitButton, Textarea, type FieldErrors } from "../../web/forms.tsx";
import { decide, transitionsFrom } from "../../domain/membership.ts";
import { currentStaffSession } from "../staff/sessions.ts";
import { defaultActionPlanDueOn } from "./member-actions.ts";
import type { CaseView } from "./case.ts";
import { approvable, calendarDate, defaultDueOn, denyFrom, earliestDueOn, isDecisionTransition } from "./service.ts";

function m(c: AppContext) {
  return messages(c.get("locale"));
}

/** Which action form the errors and values belong to, when a post is shown again. */
export interface ActionForm {
  form: "rfi" | "sv" | "svOutcome" | "decide" | "findings" | "acceptChanges" | "suspend";
  errors: FieldErrors;
  values: Record<string, string | string[]>;
}

export function ActionsSection(props: { c: AppContext; view: CaseView; action?: ActionForm | undefined }) {
  const all = m(props.c);
  const r = all.review;
  const lang = props.c.get("locale");
  const v = props.view;
  const base = `/${lang}/staff/pip/cases/${v.caseId}`;
  const open = v.closedAt === null;
  const me = currentStaffSession(props.c)?.staff.id;
  // A member's open case holds changes it submitted (APP-5): the officer accepts them or asks
  // about them; a member is suspended from its latest case, open or closed (APP-13).
  const names: string[] = open ? transitionsFrom(v.status, "officer") : [];
  if (v.status === "member" && !v.isLatestCase) names.splice(0, names.length);
  if (v.status === "member" && v.isLatestCase && !open && !names.includes("suspend")) names.push("suspend");
  if ((v.status === "member" || v.status === "revalidation-due") && open) names.unshift("request-information");
  const openRequest = v.requests.some((q) => q.respondedAt === null);
  const a = props.action;
  const errs = (form: ActionForm["form"]) => (a?.form === form ? a.errors : {});
  const val = (form: ActionForm["form"], name: string, fallback = "") => (a?.form === form ? String(a.values[name] ?? fallback) : fallback);
  const Expected = () => <input type="hidden" name="status" value={v.status} />;
  const sub = v.latest?.snapshot;
  const lastSv = v.siteValidations[v.siteValidations.length - 1];
  const forms = [];
  if (open && !v.assignedStaffId && v.status !== "submitted") {
    forms.push(
      <PostForm c={props.c} action={`${base}/assign`}>
        <input type="hidden" name="back" value={base} />
        <SubmitButton role="secondary">{r.assignToMe}</SubmitButton>
      </PostForm>,
    );
  }
  if (open && (v.status === "member" || v.status === "revalidation-due") && (v.waitingKind === "changes" || v.waitingKind === "response")) {
    forms.push(
      <section id="accept-changes">
        <gcds-heading tag="h3">{r.acceptChangesHeading}</gcds-heading>
        {openRequest ? (
          <gcds-text>{r.acceptChangesAfterResponse}</gcds-text>
        ) : (
          <PostForm c={props.c} action={`${base}/accept-changes`}>
            <Expected />
            <Textarea name="acceptNote" label={r.acceptChangesNote} value={val("acceptChanges", "acceptNote")} errors={errs("acceptChanges")} />
            <SubmitButton>{r.acceptChangesButton}</SubmitButton>
          </PostForm>
        )}
      </section>,
    );
  }
  for (const name of names) {
    if (name === "suspend") {
      forms.push(
        <section id="suspend">
          <gcds-heading tag="h3">{r.suspendHeading}</gcds-heading>
          <gcds-text>{r.suspendText}</gcds-text>
          <PostForm c={props.c} action={`${base}/suspend`}>
            <Expected />
            <Textarea name="suspendReasons" label={r.reasons} required value={val("suspend", "suspendReasons")} errors={errs("suspend")} />
            <Input name="suspendDueOn" label={r.actionPlanDueOn} hint={r.rfiDueOnHint(earliestDueOn(v.today))} required value={val("suspend", "suspendDueOn", defaultActionPlanDueOn(v.today))} errors={errs("suspend")} />
            <SubmitButton role="danger">{r.suspendButton}</SubmitButton>
          </PostForm>
        </section>,
      );
    } else if ((name === "grant-appeal" || name === "dismiss-appeal") && me !== undefined && me === v.cancelledByStaffId) {
      if (name === "grant-appeal") forms.push(<gcds-text>{r.refused["same-officer"]}</gcds-text>);
    } else if (name === "start-review") {
      forms.push(
        <PostForm c={props.c} action={`${base}/assign`}>
          <input type="hidden" name="back" value={base} />
          <SubmitButton>{r.startReview}</SubmitButton>
        </PostForm>,
      );
    } else if (name === "request-information" && sub) {
      const min = earliestDueOn(v.today);
      const options: { value: string; label: string }[] = [];
      for (const id of Object.keys(sub.application.answers)) options.push({ value: `application|${id}`, label: r.labelled(r.applicationHeading, id) });
      for (const d of sub.divisions) for (const id of Object.keys(d.answers)) options.push({ value: `division:${d.id}|${id}`, label: r.labelled(d.name, id) });
      const chosen = a?.form === "rfi" ? [a.values["items"] ?? []].flat() : [];
      forms.push(
        <section id="rfi">
          <gcds-heading tag="h3">{r.rfiHeading}</gcds-heading>
          <PostForm c={props.c} action={`${base}/request-information`}>
            <Expected />
            <Textarea name="rfiMessage" label={r.rfiMessage} hint={r.rfiMessageHint} required value={val("rfi", "rfiMessage")} errors={errs("rfi")} />
            {/* Several choices: the design system's checkboxes (one gcds-checkboxes posts each chosen item as
                `items`), folded in a gcds-details since a submission has dozens of answers; open when some are
                chosen or the field has an error, so the error summary's link reaches it. */}
            {options.length > 0 ? (
              <gcds-details details-title={r.rfiItemsChoose(options.length)} open={chosen.length > 0 || errs("rfi")["items"] !== undefined}>
                <Checkboxes name="items" legend={r.rfiItems} hint={r.rfiItemsHint} options={options} values={chosen} errors={errs("rfi")} />
              </gcds-details>
            ) : null}
            <Input name="rfiDueOn" label={r.rfiDueOn} hint={r.rfiDueOnHint(min)} required value={val("rfi", "rfiDueOn", defaultDueOn(v.today))} errors={errs("rfi")} />
            <SubmitButton>{r.rfiButton}</SubmitButton>
          </PostForm>
        </section>,
      );
    } else if (name === "schedule-site-validation" && sub) {
      forms.push(
        <section id="sv">
          <gcds-heading tag="h3">{r.svHeading}</gcds-heading>
          <PostForm c={props.c} action={`${base}/site-validation`}>
            <Expected />
            <Input name="svDate" label={r.svDate} hint={r.svDateHint} required value={val("sv", "svDate")} errors={errs("sv")} />
            <Select
              name="svFacility"
              label={r.svFacility}
              placeholder={r.svChooseFacility}
              options={sub.company.facilities.map((f) => ({ value: f.name, label: f.name }))}
              value={val("sv", "svFacility")}
              errors={errs("sv")}
              required
            />
            <SubmitButton>{r.svButton}</SubmitButton>
          </PostForm>
        </section>,
      );
    } else if (isDecisionTransition(name)) {
      const decideErrs = a?.form === "decide" && a.values["transition"] === name ? a.errors : {};
      const field = `reasons-${name}`;
      const heading = name === "approve" ? r.approveHeading : name === "propose-denial" ? r.proposeHeading : name === "deny" ? r.denyHeading : (r.transitions[name] ?? name);
      const button = name === "approve" ? r.approveButton : name === "propose-denial" ? r.proposeButton : name === "deny" ? r.denyButton : (r.transitions[name] ?? name);
      const intro = name === "approve" ? r.approveText : name === "propose-denial" ? r.proposeText : name === "deny" ? r.denyText : null;
      let blocked: string | null = null;
      if (name === "approve" && !approvable(v)) blocked = r.approveNeedsSatisfactory;
      if (name === "deny" && !decide("deny", { status: v.status, now: new Date(`${v.today}T12:00:00Z`), denialProposedAt: v.denialProposedAt }, { actor: "officer" }).ok) {
        const from = denyFrom(v.denialProposedAt);
        blocked = r.denyTooEarly(from ? formatDateTime(lang, from) : "");
      }
      forms.push(
        <section id={`decide-${name}`}>
          <gcds-heading tag="h3">{heading}</gcds-heading>
          {intro ? <gcds-text>{intro}</gcds-text> : null}
          {blocked ? (
            <gcds-text>{blocked}</gcds-text>
          ) : (
            <PostForm c={props.c} action={`${base}/decide`}>
              <Expected />
              <input type="hidden" name="transition" value={name} />
              <Textarea name={field} label={name === "approve" ? r.reasonsOptional : r.reasons} required={name !== "approve"} value={a?.form === "decide" && a.values["transition"] === name ? String(a.values[field] ?? "") : ""} errors={decideErrs} />
              <SubmitButton role={name === "approve" || name === "grant-appeal" || name === "reinstate" ? "primary" : "danger"}>{button}</SubmitButton>
            </PostForm>
          )}
        </section>,
      );
    }
  }
  if (open && v.status === "site-validation" && lastSv && lastSv.outcome === null) {
    forms.push(
      <section id="sv-outcome">
        <gcds-heading tag="h3">{r.svOutcomeHeading}</gcds-heading>
        <gcds-text>{r.detailsSite(calendarDate(lang, lastSv.scheduledOn), lastSv.facility)}</gcds-text>
        <PostForm c={props.c} action={`${base}/site-validation/outcome`}>
          <Expected />
          <Radios
            name="svOutcome"
            legend={r.svOutcome}
            options={[
              { value: "satisfactory", label: r.svOutcomes["satisfactory"]! },
              { value: "unsatisfactory", label: r.svOutcomes["unsatisfactory"]! },
            ]}
            value={val("svOutcome", "svOutcome")}
            errors={errs("svOutcome")}
            required
          />
          <Textarea name="svNote" label={r.svOutcomeNote} required value={val("svOutcome", "svNote")} errors={errs("svOutcome")} />
          <SubmitButton>{r.svOutcomeButton}</SubmitButton>
        </PostForm>
      </section>,
    );
  }
  return forms.length === 0 ? <gcds-text>{r.noActions}</gcds-text> : <>{forms}</>;
}
