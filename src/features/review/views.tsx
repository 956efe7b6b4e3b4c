// The case page of the PIP officers' review (STAFF-5, APP-11 to APP-13); the queue is in
// queue-views.tsx, the case's action forms in case-actions.tsx, the submission it shows
// (statement, differences, answers and findings) in case-views.tsx.
// Every string comes from web/i18n/review.{en,fr}.ts, the catalogue's own texts and the
// membership words (statuses).
import type { Child } from "hono/jsx";
import type { AppContext } from "../../web/context.ts";
import { formatDateTime, messages } from "../../web/i18n/index.ts";
import { Notice } from "../../web/notice.tsx";
import { ErrorSummary } from "../../web/forms.tsx";
import { formatClientNumber } from "../../domain/client-number.ts";
import { StaffBar } from "../staff/views.tsx";
import { ActionsSection, type ActionForm } from "./case-actions.tsx";
import { DifferencesSection, StatementSection, SubmissionSection } from "./case-views.tsx";
import type { CaseView } from "./case.ts";
import { calendarDate } from "./service.ts";
import { Id, unbreakable } from "../../web/identifier.tsx";
import { Table } from "../../web/table.tsx";

function m(c: AppContext) {
  return messages(c.get("locale"));
}

// ---- the case -------------------------------------------------------------------------------


export interface CasePageProps {
  c: AppContext;
  view: CaseView;
  hasLetterPdf: boolean;
  notice?: { role: "success" | "danger" | "warning"; text: string; body?: string | undefined } | undefined;
  action?: ActionForm | undefined;
}

function TimelineSection(props: { c: AppContext; view: CaseView }) {
  const all = m(props.c);
  const r = all.review;
  const lang = props.c.get("locale");
  const events = props.view.timeline;
  if (events.length === 0) return <gcds-text>{r.noTimeline}</gcds-text>;
  // Every event in words, as the company timeline says it (the review's, the profiles', the
  // membership's transitions and events): never the audit's own key (application.submitted was
  // shown raw).
  const what = (action: string) => {
    if (r.actions[action]) return r.actions[action];
    if (all.expiry.timeline.actions[action]) return all.expiry.timeline.actions[action];
    const name = action.replace(/^membership\./, "");
    if (action.startsWith("membership.") && name in all.membership.changed) return all.membership.changed[name as keyof typeof all.membership.changed];
    if (action.startsWith("membership.") && name in all.membership.events) return all.membership.events[name as keyof typeof all.membership.events];
    return action;
  };
  const details = (after: Record<string, unknown> | null): Child[] => {
    if (!after) return [];
    const out: Child[] = [];
    if (typeof after["reasons"] === "string" && after["reasons"]) out.push(r.detailsReasons(after["reasons"]));
    if (typeof after["message"] === "string") out.push(after["message"]);
    if (typeof after["dueOn"] === "string") out.push(r.detailsDue(calendarDate(lang, after["dueOn"])));
    if (typeof after["date"] === "string" && typeof after["facility"] === "string") out.push(r.detailsSite(calendarDate(lang, after["date"]), after["facility"]));
    if (typeof after["outcome"] === "string" && r.svOutcomes[after["outcome"]]) out.push(r.svOutcomes[after["outcome"]]);
    if (typeof after["note"] === "string" && after["note"]) out.push(after["note"]);
    if (Array.isArray(after["findings"])) out.push(r.detailsCount(after["findings"].length));
    // The decision's reference (D-2026-000001) never breaks.
    if (typeof after["decision"] === "string") out.push(<Id>{after["decision"]}</Id>);
    return out.flatMap((part, i) => (i === 0 ? [part] : [" · ", part]));
  };
  return (
    <Table caption={r.timelineCaption} testid="timeline">
      <thead>
        <tr>
          <th scope="col">{r.colWhen}</th>
          <th scope="col">{r.colWho}</th>
          <th scope="col">{r.colWhat}</th>
          <th scope="col">{r.colDetails}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr>
            <td>
              <time datetime={e.occurredAt.toISOString()}>{formatDateTime(lang, e.occurredAt)}</time>
            </td>
            <td>{e.actorType === "staff" ? r.staff(e.actorName ?? "?") : e.actorType === "trader" && e.actorName ? e.actorName : r.system}</td>
            <td>{what(e.action)}</td>
            <td>{details(e.after)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function CasePage(props: CasePageProps) {
  const all = m(props.c);
  const r = all.review;
  const lang = props.c.get("locale");
  const v = props.view;
  const base = `/${lang}/staff/pip/cases/${v.caseId}`;
  const errors = props.action?.errors ?? {};
  return (
    <>
      <StaffBar c={props.c} />
      <gcds-heading tag="h1">{r.caseTitle(v.legalName)}</gcds-heading>
      {props.notice ? (
        <Notice role={props.notice.role} title={props.notice.text}>
          {props.notice.body ? <gcds-text>{props.notice.body}</gcds-text> : undefined}
        </Notice>
      ) : null}
      <ErrorSummary c={props.c} errors={errors} />
      <dl class="ttp-details" data-testid="case">
        <dt>{r.legalName}</dt>
        <dd>{v.legalName}</dd>
        <dt>{r.clientNumber}</dt>
        <dd class="ttp-id">{formatClientNumber(v.clientNumber)}</dd>
        <dt>{r.membershipStatus}</dt>
        <dd data-testid="status">{all.membership.statuses[v.status]}</dd>
        <dt>{r.waitingOn}</dt>
        <dd>{r.waitingKinds[v.waitingKind] ?? v.waitingKind}</dd>
        <dt>{r.waitingSince}</dt>
        <dd>{formatDateTime(lang, v.waitingSince)}</dd>
        <dt>{r.assignedTo}</dt>
        <dd>{v.assignedName ?? r.notAssigned}</dd>
        <dt>{r.opened}</dt>
        <dd>{formatDateTime(lang, v.openedAt)}</dd>
        {v.closedAt ? (
          <>
            <dt>{r.closed}</dt>
            <dd>{formatDateTime(lang, v.closedAt)}</dd>
          </>
        ) : null}
      </dl>
      <gcds-heading tag="h2">{r.actionsHeading}</gcds-heading>
      <ActionsSection c={props.c} view={v} action={props.action} />

      <StatementSection c={props.c} view={v} />

      <gcds-heading tag="h2">{r.differencesHeading}</gcds-heading>
      <DifferencesSection c={props.c} view={v} />

      <gcds-heading tag="h2">{r.submissionHeading}</gcds-heading>
      <SubmissionSection c={props.c} view={v} action={props.action} />

      <gcds-heading tag="h2">{r.requestsHeading}</gcds-heading>
      {v.requests.length === 0 ? (
        <gcds-text>{r.noRequests}</gcds-text>
      ) : (
        <Table caption={r.requestsCaption} testid="requests">
          <thead>
            <tr>
              <th scope="col">{r.colRequested}</th>
              <th scope="col">{r.colMessage}</th>
              <th scope="col">{r.colItems}</th>
              <th scope="col">{r.colDueOn}</th>
              <th scope="col">{r.colResponded}</th>
            </tr>
          </thead>
          <tbody>
            {v.requests.map((q) => (
              <tr>
                <td>{formatDateTime(lang, q.createdAt)}</td>
                <td>{q.message}</td>
                <td>{q.items.map((i) => i.itemId).join(", ")}</td>
                <td>{calendarDate(lang, q.dueOn)}</td>
                <td>{q.respondedAt ? formatDateTime(lang, q.respondedAt) : r.notResponded}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      {v.actionPlans.length > 0 ? (
        <>
          <gcds-heading tag="h2">{r.actionPlansHeading}</gcds-heading>
          <Table caption={r.actionPlansCaption} testid="action-plans">
            <thead>
              <tr>
                <th scope="col">{r.colRequested}</th>
                <th scope="col">{r.colReasons}</th>
                <th scope="col">{r.colActionPlanDue}</th>
                <th scope="col">{r.colSubmitted}</th>
              </tr>
            </thead>
            <tbody>
              {v.actionPlans.map((p) => (
                <tr>
                  <td>{formatDateTime(lang, p.createdAt)}</td>
                  <td class="ttp-multiline">{p.reasons}</td>
                  <td>{calendarDate(lang, p.dueOn)}</td>
                  <td>{p.respondedAt ? formatDateTime(lang, p.respondedAt) : r.notSubmitted}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}

      <gcds-heading tag="h2">{r.siteValidationsHeading}</gcds-heading>
      {v.siteValidations.length === 0 ? (
        <gcds-text>{r.noSiteValidations}</gcds-text>
      ) : (
        <Table caption={r.siteValidationsCaption} testid="site-validations">
          <thead>
            <tr>
              <th scope="col">{r.colDate}</th>
              <th scope="col">{r.colFacility}</th>
              <th scope="col">{r.colOutcome}</th>
              <th scope="col">{r.colNote}</th>
            </tr>
          </thead>
          <tbody>
            {v.siteValidations.map((s) => (
              <tr>
                <td>{calendarDate(lang, s.scheduledOn)}</td>
                <td>{s.facility}</td>
                <td>{s.outcome ? r.svOutcomes[s.outcome] : r.notRecorded}</td>
                <td>{s.outcomeNote ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <gcds-heading tag="h2">{r.decisionsHeading}</gcds-heading>
      {v.decisions.length === 0 ? (
        <gcds-text>{r.noDecisions}</gcds-text>
      ) : (
        <Table caption={r.decisionsCaption} testid="decisions">
          <thead>
            <tr>
              <th scope="col">{r.colWhen}</th>
              <th scope="col">{r.colDecision}</th>
              <th scope="col">{r.colReasons}</th>
              <th scope="col">{r.colLetter}</th>
            </tr>
          </thead>
          <tbody>
            {v.decisions.map((d) => (
              <tr>
                <td>{formatDateTime(lang, d.decidedAt)}</td>
                <td>{all.membership.changed[d.transition as keyof typeof all.membership.changed] ?? d.transition}</td>
                <td>{d.reasons}</td>
                <td>{props.hasLetterPdf ? <a href={`${base}/letters/${d.id}/pdf`}>{r.letterPdf(unbreakable(d.reference))}</a> : unbreakable(d.reference)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <gcds-heading tag="h2">{r.timelineHeading}</gcds-heading>
      <TimelineSection c={props.c} view={v} />
      <gcds-text>
        <gcds-link href={`/${lang}/staff/pip`}>{r.backToQueue}</gcds-link>
      </gcds-text>
    </>
  );
}
