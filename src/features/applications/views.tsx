// Pages of the application's trader side: submitting (APP-5), a request for information and its
// response (APP-12), the informal review (APP-13), the company's record (APP-16).
import type { AppContext } from "../../web/context.ts";
import { formatDate, formatDateTime, messages } from "../../web/i18n/index.ts";
import { Notice } from "../../web/notice.tsx";
import { ErrorSummary, Input, PostForm, SubmitButton, Textarea, type FieldErrors } from "../../web/forms.tsx";
import { currentCatalogue, itemById } from "../../domain/catalogue/index.ts";
import { isMembershipStatus, type MembershipStatus } from "../../domain/membership.ts";
import type { RequestedItem } from "../../platform/db/schema.ts";
import type { Readiness } from "./snapshot.ts";
import type { CompanyRecord, InformalReviewState, InformationRequestView, SubmissionRecord, SubmitState } from "./service.ts";
import { unbreakable } from "../../web/identifier.tsx";
import { Table } from "../../web/table.tsx";

function m(c: AppContext) {
  return messages(c.get("locale"));
}

/** A calendar date (YYYY-MM-DD) in the page's language. */
export function day(c: AppContext, iso: string): string {
  return formatDate(c.get("locale"), new Date(`${iso}T12:00:00Z`));
}

function statusName(c: AppContext, status: string): string {
  return isMembershipStatus(status) ? m(c).membership.statuses[status] : status;
}

export function BackLink(props: { href: string; text: string }) {
  return (
    <gcds-text>
      <gcds-link href={props.href}>{props.text}</gcds-link>
    </gcds-text>
  );
}

/** What is complete and what is not, each profile linked (APP-5). */
export function Checklist(props: { c: AppContext; base: string; readiness: Readiness }) {
  const t = m(props.c).applications;
  const rows = [
    { label: t.companyProfile, done: props.readiness.companyProfile, href: `${props.base}/profile` },
    { label: t.applicationProfile, done: props.readiness.application, href: `${props.base}/application` },
    { label: t.securityProfile, done: props.readiness.security, href: `${props.base}/security` },
  ];
  return (
    <Table caption={t.checklistCaption} testid="checklist">
      <thead>
        <tr>
          <th scope="col">{t.profileColumn}</th>
          <th scope="col">{t.stateColumn}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={r.href}>{r.label}</a>
            </td>
            <td>{r.done ? t.complete : t.incomplete}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The declaration with the typed full name (APP-5), for a submission or a response. */
export function Declaration(props: { c: AppContext; ownerName: string; errors: FieldErrors; value: string; button: string; action?: string }) {
  const t = m(props.c).applications;
  return (
    <PostForm c={props.c} {...(props.action ? { action: props.action } : {})}>
      <gcds-heading tag="h2">{t.declarationHeading}</gcds-heading>
      <ul class="ttp-list" data-testid="declaration">
        {t.declaration.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <Input name="declaredName" label={t.declaredName} hint={t.declaredNameHint(props.ownerName)} required errors={props.errors} value={props.value} autocomplete="name" />
      <SubmitButton>{props.button}</SubmitButton>
    </PostForm>
  );
}

export function SubmitPage(props: { c: AppContext; base: string; state: SubmitState; ownerName: string; errors: FieldErrors; value: string }) {
  const t = m(props.c).applications;
  const s = props.state;
  const title = s.transition === "resubmit" ? t.resubmitTitle : t.submitTitle;
  return (
    <>
      <gcds-heading tag="h1">{title}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      {s.transition === null ? (
        <RefusedStatus c={props.c} status={s.status} />
      ) : (
        <>
          <gcds-text>{t.submitIntro}</gcds-text>
          <gcds-heading tag="h2">{t.checklistHeading}</gcds-heading>
          <Checklist c={props.c} base={props.base} readiness={s.readiness} />
          {s.readiness.ready ? (
            <Declaration c={props.c} ownerName={props.ownerName} errors={props.errors} value={props.value} button={s.transition === "resubmit" ? t.resubmitButton : t.submitButton} />
          ) : (
            <Notice role="warning" title={t.notReadyTitle}>
              <gcds-text>{t.notReadyText}</gcds-text>
            </Notice>
          )}
        </>
      )}
      <BackLink href={props.base} text={t.backToDashboard} />
    </>
  );
}

function RefusedStatus(props: { c: AppContext; status: MembershipStatus }) {
  const t = m(props.c).applications;
  return props.status === "submitted" || props.status === "under-review" || props.status === "information-requested" || props.status === "site-validation" ? (
    <Notice role="info" title={t.alreadySubmittedTitle}>
      <gcds-text>{t.alreadySubmittedText}</gcds-text>
    </Notice>
  ) : (
    <Notice role="warning" title={t.notAllowedTitle}>
      <gcds-text>{t.notAllowedText(statusName(props.c, props.status))}</gcds-text>
    </Notice>
  );
}

/** Refused: the status no longer allows the submission (409). */
export function SubmitRefusedPage(props: { c: AppContext; base: string; status: MembershipStatus }) {
  const t = m(props.c).applications;
  return (
    <>
      <gcds-heading tag="h1">{t.submitTitle}</gcds-heading>
      <RefusedStatus c={props.c} status={props.status} />
      <BackLink href={props.base} text={t.backToDashboard} />
    </>
  );
}

export function SubmissionDetails(props: { c: AppContext; submission: SubmissionRecord }) {
  const t = m(props.c).applications;
  const s = props.submission;
  return (
    <dl class="ttp-details" data-testid="submission">
      <dt>{t.reference}</dt>
      <dd class="ttp-id">{s.reference}</dd>
      <dt>{t.kindLabel}</dt>
      <dd>{t.kinds[s.kind]}</dd>
      <dt>{t.submittedOn}</dt>
      <dd>{formatDateTime(props.c.get("locale"), s.submittedAt)}</dd>
      <dt>{t.submittedBy}</dt>
      <dd>{s.submittedBy}</dd>
      <dt>{t.fingerprint}</dt>
      <dd>
        <code class="ttp-hash">{s.sha256}</code>
      </dd>
    </dl>
  );
}

export function SubmittedPage(props: { c: AppContext; base: string; submission: SubmissionRecord; canDownload: boolean }) {
  const t = m(props.c).applications;
  const s = props.submission;
  const title = submittedTitle(props.c, s.kind);
  return (
    <>
      <gcds-heading tag="h1">{title}</gcds-heading>
      <Notice role="success" title={t.submittedReference(unbreakable(s.reference))} />
      <gcds-heading tag="h2">{t.submittedDetails}</gcds-heading>
      <SubmissionDetails c={props.c} submission={s} />
      {props.canDownload ? (
        <gcds-text>
          <a href={`${props.base}/submissions/${s.id}/pdf`} aria-label={t.downloadSubmissionPdf(s.reference)}>
            {t.downloadPdf}
          </a>
        </gcds-text>
      ) : null}
      <gcds-heading tag="h2">{t.nextHeading}</gcds-heading>
      <ul class="ttp-list">
        {t.next.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <BackLink href={`${props.base}/record`} text={t.recordTitle} />
      <BackLink href={props.base} text={t.backToDashboard} />
    </>
  );
}

/** The confirmation page's title for a submission of `kind`. */
export function submittedTitle(c: AppContext, kind: string): string {
  const t = m(c);
  if (kind === "response") return t.applications.responseSubmittedTitle;
  if (kind === "changes") return t.member.changesSubmittedTitle;
  if (kind === "action-plan") return t.member.actionPlanSubmittedTitle;
  if (kind === "appeal") return t.member.appealSubmittedTitle;
  if (kind === "resubmission") return t.applications.resubmittedTitle;
  return t.applications.submittedTitle;
}

/** An item a request names, linked to its profile page. */
function itemLink(c: AppContext, base: string, item: RequestedItem, divisions: Map<string, string>): { text: string; href: string | null } {
  const t = m(c).applications;
  const lang = c.get("locale");
  const catalogue = currentCatalogue();
  const found = itemById(catalogue, item.itemId);
  if (found && "part" in found && item.subject === "application") {
    return { text: t.itemApplication(item.itemId, catalogue.parts[found.part].name[lang]), href: `${base}/application/parts/${found.part}` };
  }
  const division = /^division:([0-9]{1,18})$/.exec(item.subject)?.[1];
  if (found && "category" in found && division && divisions.has(division)) {
    return {
      text: t.itemSecurity(item.itemId, divisions.get(division)!, catalogue.categories[found.category].name[lang]),
      href: `${base}/security/divisions/${division}/${found.category}`,
    };
  }
  return { text: t.itemOther(item.itemId), href: null };
}

export function RequestPage(props: {
  c: AppContext;
  base: string;
  request: InformationRequestView;
  isOwner: boolean;
  ownerName: string;
  errors: FieldErrors;
  value: string;
}) {
  const t = m(props.c).applications;
  const r = props.request;
  const lang = props.c.get("locale");
  return (
    <>
      <gcds-heading tag="h1">{t.requestTitle}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{t.requestIntro}</gcds-text>
      <dl class="ttp-details" data-testid="request">
        <dt>{t.requestedOn}</dt>
        <dd>{formatDate(lang, r.createdAt)}</dd>
        <dt>{t.dueOn}</dt>
        <dd>{day(props.c, r.dueOn)}</dd>
        <dt>{t.requestMessage}</dt>
        <dd class="ttp-multiline">{r.message}</dd>
      </dl>
      <gcds-heading tag="h2">{t.requestItems}</gcds-heading>
      {r.items.length === 0 ? (
        <gcds-text>{t.requestNoItems}</gcds-text>
      ) : (
        <ul class="ttp-list" data-testid="request-items">
          {r.items.map((item) => {
            const link = itemLink(props.c, props.base, item, r.divisions);
            return <li>{link.href ? <a href={link.href}>{link.text}</a> : link.text}</li>;
          })}
        </ul>
      )}
      {r.respondedAt ? (
        <Notice role="success" title={t.requestAnswered}>
          <gcds-text>{t.respondedOn(formatDateTime(lang, r.respondedAt))}</gcds-text>
          {r.responseReference ? <gcds-text>{t.responseReference(r.responseReference)}</gcds-text> : null}
        </Notice>
      ) : !r.open ? (
        <Notice role="info" title={t.requestClosed} />
      ) : (
        <>
          <gcds-heading tag="h2">{t.respondHeading}</gcds-heading>
          {props.isOwner ? (
            <>
              <gcds-text>{t.respondIntro}</gcds-text>
              <Checklist c={props.c} base={props.base} readiness={r.readiness} />
              {r.readiness.ready ? (
                <Declaration c={props.c} ownerName={props.ownerName} errors={props.errors} value={props.value} button={t.respondButton} />
              ) : (
                <Notice role="warning" title={t.notReadyTitle}>
                  <gcds-text>{t.notReadyText}</gcds-text>
                </Notice>
              )}
            </>
          ) : (
            <gcds-text>{t.respondOwnerOnly}</gcds-text>
          )}
        </>
      )}
      <BackLink href={props.base} text={t.backToDashboard} />
    </>
  );
}

export function InformalReviewPage(props: { c: AppContext; base: string; state: InformalReviewState; errors: FieldErrors; value: string; done?: boolean }) {
  const t = m(props.c).applications;
  const lang = props.c.get("locale");
  const s = props.state;
  return (
    <>
      <gcds-heading tag="h1">{t.informalTitle}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      {props.done ? (
        <Notice role="success" title={t.informalDone} />
      ) : s.allowed ? (
        <>
          <gcds-text>{t.informalIntro}</gcds-text>
          {s.endsAt ? <gcds-text>{t.informalDeadline(formatDateTime(lang, s.endsAt))}</gcds-text> : null}
          <PostForm c={props.c}>
            <Textarea name="statement" label={t.statement} hint={t.statementHint} errors={props.errors} value={props.value} rows={8} />
            <SubmitButton>{t.informalButton}</SubmitButton>
          </PostForm>
        </>
      ) : (
        <Notice role="warning" title={t.informalRefusedTitle}>
          <gcds-text>{t.informalRefusedText}</gcds-text>
        </Notice>
      )}
      <BackLink href={props.base} text={t.backToDashboard} />
    </>
  );
}

export function RecordPage(props: { c: AppContext; base: string; record: CompanyRecord; canDownloadSubmissions: boolean }) {
  const t = m(props.c).applications;
  const lang = props.c.get("locale");
  const r = props.record;
  return (
    <>
      <gcds-heading tag="h1">{t.recordTitle}</gcds-heading>
      <gcds-text>{t.recordIntro}</gcds-text>
      <gcds-text>{m(props.c).member.downloadRecordText}</gcds-text>
      <gcds-text>
        <a href={`${props.base}/record.json`} download>
          {m(props.c).member.downloadRecord}
        </a>
      </gcds-text>

      <gcds-heading tag="h2">{t.submissionsHeading}</gcds-heading>
      {r.submissions.length === 0 ? (
        <gcds-text>{t.noSubmissions}</gcds-text>
      ) : (
        <Table caption={t.submissionsCaption} testid="submissions">
          <thead>
            <tr>
              <th scope="col">{t.reference}</th>
              <th scope="col">{t.kindLabel}</th>
              <th scope="col">{t.submittedOn}</th>
              <th scope="col">{t.submittedBy}</th>
              <th scope="col">{t.fingerprint}</th>
              <th scope="col">{t.pdfColumn}</th>
            </tr>
          </thead>
          <tbody>
            {r.submissions.map((s) => (
              <tr>
                <td class="ttp-id">{s.reference}</td>
                <td>{t.kinds[s.kind]}</td>
                <td>{formatDateTime(lang, s.submittedAt)}</td>
                <td>{s.submittedBy}</td>
                <td>
                  <code class="ttp-hash">{s.sha256}</code>
                </td>
                <td>
                  {props.canDownloadSubmissions ? (
                    <a href={`${props.base}/submissions/${s.id}/pdf`} aria-label={t.downloadSubmissionPdf(s.reference)}>
                      {t.downloadPdf}
                    </a>
                  ) : (
                    t.pdfNotForRole
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <gcds-heading tag="h2">{t.requestsHeading}</gcds-heading>
      {r.requests.length === 0 ? (
        <gcds-text>{t.noRequests}</gcds-text>
      ) : (
        <Table caption={t.requestsCaption} testid="requests">
          <thead>
            <tr>
              <th scope="col">{t.requestedOn}</th>
              <th scope="col">{t.dueOn}</th>
              <th scope="col">{t.statusColumn}</th>
            </tr>
          </thead>
          <tbody>
            {r.requests.map((q) => (
              <tr>
                <td>
                  <a href={`${props.base}/requests/${q.id}`} aria-label={t.openRequest(formatDate(lang, q.createdAt))}>
                    {formatDate(lang, q.createdAt)}
                  </a>
                </td>
                <td>{day(props.c, q.dueOn)}</td>
                <td>{q.respondedAt ? t.answeredOn(formatDate(lang, q.respondedAt)) : t.notAnswered}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <gcds-heading tag="h2">{t.decisionsHeading}</gcds-heading>
      {r.decisions.length === 0 ? (
        <gcds-text>{t.noDecisions}</gcds-text>
      ) : (
        <Table caption={t.decisionsCaption} testid="decisions">
          <thead>
            <tr>
              <th scope="col">{t.reference}</th>
              <th scope="col">{t.decisionColumn}</th>
              <th scope="col">{t.dateColumn}</th>
              <th scope="col">{t.letterColumn}</th>
            </tr>
          </thead>
          <tbody>
            {r.decisions.map((d) => (
              <tr>
                <td class="ttp-id">{d.reference}</td>
                <td>{t.decisions[d.transition] ?? statusName(props.c, d.toStatus)}</td>
                <td>{formatDate(lang, d.decidedAt)}</td>
                <td>
                  {d.hasLetter ? (
                    <a href={`${props.base}/letters/${d.id}/pdf`} aria-label={t.downloadLetterOf(d.reference)}>
                      {t.downloadLetter}
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <BackLink href={props.base} text={t.backToDashboard} />
    </>
  );
}
