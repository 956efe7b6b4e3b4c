// The PIP officers' queue (APP-11, STAFF-5): the open cases oldest first, the filters, the
// company search (which also finds closed cases) and keyset pages.
import type { AppContext } from "../../web/context.ts";
import { formatDateTime, messages } from "../../web/i18n/index.ts";
import { Notice } from "../../web/notice.tsx";
import { html } from "hono/html";
import { Input, postFormHtml, Select, SubmitButton } from "../../web/forms.tsx";
import { formatClientNumber } from "../../domain/client-number.ts";
import { PORTAL_LINES } from "../../domain/catalogue/types.ts";
import type { MembershipStatus } from "../../domain/membership.ts";
import { StaffBar } from "../staff/views.tsx";
import { lineName } from "../profiles/views.tsx";
import { calendarDate } from "./service.ts";
import type { QueueFilters, QueueRow } from "./queue.ts";
import { Table } from "../../web/table.tsx";

function m(c: AppContext) {
  return messages(c.get("locale"));
}

/** Statuses a case can be open at (the queue's status filter). */
export const OPEN_STATUSES: readonly MembershipStatus[] = ["submitted", "under-review", "information-requested", "site-validation", "denial-proposed", "member", "suspended", "appeal-submitted", "revalidation-due"];

// ---- the queue ------------------------------------------------------------------------------

export interface QueuePageProps {
  c: AppContext;
  rows: QueueRow[];
  next: string | null;
  filters: { status: string; line: string; mine: boolean; overdue: boolean; search: string; after: QueueFilters["after"] };
  notice?: string | undefined;
}

/**
 * One case of the queue, as an escaping template rather than JSX (as the users table's rows,
 * users/views.tsx): a JSX node per cell of 25 rows was most of the page's rendering (issue 14).
 * `back` is the queue's address with its filters, where assigning a case returns.
 */
function queueRow(c: AppContext, r: QueueRow, back: string) {
  const all = m(c);
  const t = all.review.queue;
  const lang = c.get("locale");
  const cases = `/${lang}/staff/pip/cases/${r.caseId}`;
  const flag = (shown: boolean, text: string) => (shown ? html` <strong class="ttp-flag">${text}</strong>` : "");
  const assign = r.closed
    ? ""
    : postFormHtml(
        c,
        `${cases}/assign`,
        html`<input type="hidden" name="back" value="${back}"/><button type="submit" class="ttp-link-button" aria-label="${t.assignToMeLabel(r.legalName)}">${t.assignToMe}</button>`,
      );
  return html`<tr data-testid="queue-row" data-case="${r.caseId}"><td><a href="${cases}">${r.legalName}</a></td><td class="ttp-id">${formatClientNumber(r.clientNumber)}</td><td>${all.review.waitingKinds[r.waitingKind] ?? r.waitingKind}</td><td>${all.membership.statuses[r.status as MembershipStatus] ?? r.status}${flag(r.closed, t.closedFlag)}</td><td><time datetime="${r.waitingSince.toISOString()}">${formatDateTime(lang, r.waitingSince)}</time></td><td>${r.assignedName ?? t.unassigned}</td><td>${r.dueOn ? calendarDate(lang, r.dueOn) : ""}${flag(r.overdue, t.overdueFlag)}</td><td>${assign}</td></tr>`;
}

export function QueuePage(props: QueuePageProps) {
  const all = m(props.c);
  const t = all.review.queue;
  const lang = props.c.get("locale");
  const f = props.filters;
  const params = new URLSearchParams();
  if (f.status) params.set("status", f.status);
  if (f.line) params.set("line", f.line);
  if (f.mine) params.set("mine", "yes");
  if (f.overdue) params.set("overdue", "yes");
  if (f.search) params.set("q", f.search);
  const base = `/${lang}/staff/pip`;
  const withAfter = (after: string) => {
    const p = new URLSearchParams(params);
    p.set("after", after);
    return `${base}?${p.toString()}`;
  };
  const back = `${base}${params.toString() ? `?${params.toString()}` : ""}`;
  return (
    <>
      <StaffBar c={props.c} />
      <gcds-heading tag="h1">{t.title}</gcds-heading>
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      <gcds-text>{t.intro}</gcds-text>
      <form method="get" action={base} role="search" aria-label={t.filtersHeading}>
        <gcds-heading tag="h2">{t.filtersHeading}</gcds-heading>
        <Select
          name="status"
          label={t.status}
          placeholder={t.anyStatus}
          options={OPEN_STATUSES.map((s) => ({ value: s, label: all.membership.statuses[s] }))}
          value={f.status}
          errors={{}}
        />
        <Input name="q" label={t.search} hint={t.searchHint} value={f.search} errors={{}} />
        <Select name="line" label={t.line} placeholder={t.anyLine} options={PORTAL_LINES.map((l) => ({ value: l, label: lineName(props.c, l) }))} value={f.line} errors={{}} />
        <gcds-checkboxes
          name="mine"
          legend={t.onlyLegend}
          options={JSON.stringify([{ id: "mine", label: t.mine, value: "yes", ...(f.mine ? { checked: true } : {}) }])}
        ></gcds-checkboxes>
        <gcds-checkboxes name="overdue" legend={t.onlyLegend} options={JSON.stringify([{ id: "overdue", label: t.overdue, value: "yes", ...(f.overdue ? { checked: true } : {}) }])}></gcds-checkboxes>
        <div class="ttp-actions">
          <SubmitButton>{t.apply}</SubmitButton>
          <gcds-link href={base}>{t.clear}</gcds-link>
        </div>
      </form>
      {props.rows.length === 0 ? (
        <gcds-text>{t.empty}</gcds-text>
      ) : (
        <Table caption={t.caption(props.rows.length)} testid="queue">
          <thead>
            <tr>
              <th scope="col">{t.colCompany}</th>
              <th scope="col">{t.colClientNumber}</th>
              <th scope="col">{t.colWaiting}</th>
              <th scope="col">{t.colStatus}</th>
              <th scope="col">{t.colSince}</th>
              <th scope="col">{t.colAssigned}</th>
              <th scope="col">{t.colDue}</th>
              <th scope="col">{t.colAction}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => queueRow(props.c, r, back))}
          </tbody>
        </Table>
      )}
      {props.next ? (
        <gcds-text>
          <gcds-link href={withAfter(props.next)} data-testid="next-page">
            {t.nextPage}
          </gcds-link>
        </gcds-text>
      ) : null}
      {f.after ? (
        <gcds-text>
          <gcds-link href={back}>{t.firstPage}</gcds-link>
        </gcds-text>
      ) : null}
    </>
  );
}
