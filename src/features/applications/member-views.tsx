// Pages of a member's life on the trader's side: submitting changes (APP-5), the action plan
// of a suspension (APP-13), the appeal of a cancellation (APP-14) and withdrawal.
import type { AppContext } from "../../web/context.ts";
import { formatDateTime, messages } from "../../web/i18n/index.ts";
import { Notice } from "../../web/notice.tsx";
import { ErrorSummary, Input, PostForm, SubmitButton, Textarea, type FieldErrors } from "../../web/forms.tsx";
import { currentCatalogue, itemById } from "../../domain/catalogue/index.ts";
import { isMembershipStatus } from "../../domain/membership.ts";
import type { SnapshotDifference } from "../../domain/snapshot.ts";
import { formatSize, UploadForm } from "../profiles/views.tsx";
import type { PendingChanges } from "./changes.ts";
import type { ActionPlanView, AppealState, StatementFile, StatementKind } from "./statements.ts";
import { STATEMENT_ITEM } from "./statements.ts";
import { BackLink, Checklist, day, Declaration } from "./views.tsx";
import { unbreakable } from "../../web/identifier.tsx";
import { Table } from "../../web/table.tsx";

function m(c: AppContext) {
  return messages(c.get("locale"));
}

/** Where a difference is, in words: "Application profile: AP-3 — Years in cross-border trade". */
export function changeWhere(c: AppContext, d: SnapshotDifference, divisions: Map<string, string>): string {
  const t = m(c).member;
  const lang = c.get("locale");
  if (d.subject === "company") return t.labelled(t.companyProfile, d.itemId);
  const item = d.itemId === "division" ? undefined : itemById(currentCatalogue(), d.itemId);
  const label = d.itemId === "division" ? t.divisionItself : item ? `${d.itemId} — ${item.text[lang]}` : d.itemId;
  if (d.subject === "application") return t.labelled(t.applicationProfile, label);
  const id = d.subject.replace(/^division:/, "");
  return t.labelled(t.securityProfile(divisions.get(id) ?? id), label);
}

export function ChangesTable(props: { c: AppContext; differences: SnapshotDifference[]; divisions: Map<string, string> }) {
  const t = m(props.c).member;
  return (
    <Table caption={t.changesCaption} testid="changes">
      <thead>
        <tr>
          <th scope="col">{t.colWhere}</th>
          <th scope="col">{t.colChange}</th>
        </tr>
      </thead>
      <tbody>
        {props.differences.map((d) => (
          <tr>
            <td>{changeWhere(props.c, d, props.divisions)}</td>
            <td>{t.changeKinds[d.change] ?? d.change}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function ChangesPage(props: { c: AppContext; base: string; pending: PendingChanges; divisions: Map<string, string>; ownerName: string; errors: FieldErrors; value: string }) {
  const t = m(props.c).member;
  const p = props.pending;
  return (
    <>
      <gcds-heading tag="h1">{t.changesTitle}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      {p.previous && p.differences.length > 0 ? (
        <>
          <gcds-text>{t.changesIntro(unbreakable(p.previous.reference))}</gcds-text>
          <ChangesTable c={props.c} differences={p.differences} divisions={props.divisions} />
        </>
      ) : null}
      {p.block === "not-ready" ? <Checklist c={props.c} base={props.base} readiness={p.readiness} /> : null}
      {p.block ? (
        <Notice role={p.block === "no-changes" ? "info" : "warning"} title={t.changesRefusedTitle}>
          <gcds-text>{t.blocked[p.block]}</gcds-text>
        </Notice>
      ) : (
        <Declaration c={props.c} ownerName={props.ownerName} errors={props.errors} value={props.value} button={t.changesButton} />
      )}
      <BackLink href={props.base} text={m(props.c).applications.backToDashboard} />
    </>
  );
}

/** The draft files of a statement, each removable, and the form that attaches one more. */
function StatementFiles(props: { c: AppContext; base: string; kind: StatementKind; files: StatementFile[]; maxFileMb: number; errors: FieldErrors }) {
  const t = m(props.c).member;
  const p = m(props.c).profiles;
  const fileBase = `${props.base}/${props.kind}/evidence`;
  const inputId = "statement-file";
  const error = props.errors[inputId];
  return (
    <section id="files" data-testid="statement-files">
      <gcds-heading tag="h2">{t.filesHeading}</gcds-heading>
      <gcds-text>{t.filesIntro}</gcds-text>
      {props.files.length === 0 ? (
        <gcds-text>{t.noFiles}</gcds-text>
      ) : (
        <Table caption={t.filesCaption}>
          <thead>
            <tr>
              <th scope="col">{t.colFile}</th>
              <th scope="col">{t.colSize}</th>
              <th scope="col">{t.colScan}</th>
              <th scope="col">{t.colRemove}</th>
            </tr>
          </thead>
          <tbody>
            {props.files.map((f) => (
              <tr>
                <td>
                  <a href={`${fileBase}/${f.id}`} download>
                    {f.fileName}
                  </a>
                </td>
                <td>{formatSize(props.c, f.size)}</td>
                <td>{p.scanStatuses[f.scanStatus as keyof typeof p.scanStatuses] ?? f.scanStatus}</td>
                <td>
                  <PostForm c={props.c} action={`${fileBase}/${f.id}/remove`}>
                    <button type="submit" class="ttp-link-button" aria-label={t.removeFile(f.fileName)}>
                      {p.evidenceRemove}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <UploadForm c={props.c} action={fileBase} item={STATEMENT_ITEM} inputId={inputId} label={t.chooseFile} maxFileMb={props.maxFileMb} error={error} button={t.attachButton} />
    </section>
  );
}

/** The statement with the declaration (typed full name): an action plan or an appeal. */
function StatementForm(props: { c: AppContext; label: string; hint: string; button: string; ownerName: string; errors: FieldErrors; values: { statement: string; declaredName: string } }) {
  const a = m(props.c).applications;
  const t = m(props.c).member;
  return (
    <PostForm c={props.c}>
      <gcds-heading tag="h2">{t.statementHeading}</gcds-heading>
      <Textarea name="statement" label={props.label} hint={props.hint} required errors={props.errors} value={props.values.statement} rows={10} />
      <gcds-heading tag="h2">{a.declarationHeading}</gcds-heading>
      <ul class="ttp-list" data-testid="declaration">
        {a.declaration.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <Input name="declaredName" label={a.declaredName} hint={a.declaredNameHint(props.ownerName)} required errors={props.errors} value={props.values.declaredName} autocomplete="name" />
      <SubmitButton>{props.button}</SubmitButton>
    </PostForm>
  );
}

export interface StatementPageProps {
  c: AppContext;
  base: string;
  isOwner: boolean;
  ownerName: string;
  files: StatementFile[];
  maxFileMb: number;
  errors: FieldErrors;
  values: { statement: string; declaredName: string };
  notice?: string | undefined;
}

export function ActionPlanPage(props: StatementPageProps & { plan: ActionPlanView | undefined }) {
  const t = m(props.c).member;
  const lang = props.c.get("locale");
  const plan = props.plan;
  return (
    <>
      <gcds-heading tag="h1">{t.actionPlanTitle}</gcds-heading>
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      <ErrorSummary c={props.c} errors={props.errors} />
      {!plan ? (
        <Notice role="info" title={t.actionPlanClosed} />
      ) : (
        <>
          {plan.open ? <gcds-text>{t.actionPlanIntro}</gcds-text> : null}
          <dl class="ttp-details" data-testid="action-plan">
            <dt>{t.actionPlanReasons}</dt>
            <dd class="ttp-multiline">{plan.reasons || t.actionPlanReasonsByJob}</dd>
            <dt>{t.actionPlanDueOn}</dt>
            <dd>{day(props.c, plan.dueOn)}</dd>
          </dl>
          {plan.respondedAt ? (
            <Notice role="success" title={t.actionPlanSubmitted(plan.responseReference ?? "", formatDateTime(lang, plan.respondedAt))} />
          ) : !plan.open ? (
            <Notice role="info" title={t.actionPlanClosed} />
          ) : props.isOwner ? (
            <>
              <StatementFiles c={props.c} base={props.base} kind="action-plan" files={props.files} maxFileMb={props.maxFileMb} errors={props.errors} />
              <StatementForm c={props.c} label={t.actionPlanStatement} hint={t.actionPlanStatementHint} button={t.actionPlanButton} ownerName={props.ownerName} errors={props.errors} values={props.values} />
            </>
          ) : (
            <gcds-text>{t.actionPlanOwnerOnly}</gcds-text>
          )}
        </>
      )}
      <BackLink href={props.base} text={m(props.c).applications.backToDashboard} />
    </>
  );
}

export function AppealPage(props: StatementPageProps & { state: AppealState }) {
  const t = m(props.c).member;
  const lang = props.c.get("locale");
  const s = props.state;
  return (
    <>
      <gcds-heading tag="h1">{t.appealTitle}</gcds-heading>
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      <ErrorSummary c={props.c} errors={props.errors} />
      {s.allowed ? (
        <>
          <gcds-text>{t.appealIntro}</gcds-text>
          {s.endsAt ? <gcds-text>{t.appealDeadline(formatDateTime(lang, s.endsAt))}</gcds-text> : null}
          <StatementFiles c={props.c} base={props.base} kind="appeal" files={props.files} maxFileMb={props.maxFileMb} errors={props.errors} />
          <StatementForm c={props.c} label={t.appealStatement} hint={t.appealStatementHint} button={t.appealButton2} ownerName={props.ownerName} errors={props.errors} values={props.values} />
        </>
      ) : (
        <Notice role="warning" title={t.appealClosedTitle}>
          <gcds-text>{t.appealClosedText}</gcds-text>
        </Notice>
      )}
      <BackLink href={props.base} text={m(props.c).applications.backToDashboard} />
    </>
  );
}

export function WithdrawPage(props: { c: AppContext; base: string; status: string; allowed: boolean; done: boolean; errors: FieldErrors; value: string }) {
  const t = m(props.c).member;
  const statusName = isMembershipStatus(props.status) ? m(props.c).membership.statuses[props.status] : props.status;
  return (
    <>
      <gcds-heading tag="h1">{props.done ? t.withdrawnTitle : t.withdrawTitle}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      {props.done ? (
        <Notice role="success" title={t.withdrawnTitle}>
          <gcds-text>{t.withdrawnText}</gcds-text>
        </Notice>
      ) : props.allowed ? (
        <>
          <gcds-text>{t.withdrawIntro}</gcds-text>
          <Notice role="warning" title={t.withdrawWarning} />
          <PostForm c={props.c}>
            <Textarea name="reason" label={t.withdrawReason} hint={t.withdrawReasonHint} errors={props.errors} value={props.value} rows={4} />
            <SubmitButton role="danger">{t.withdrawButton}</SubmitButton>
          </PostForm>
        </>
      ) : (
        <Notice role="warning" title={t.withdrawNotAllowedTitle}>
          <gcds-text>{t.withdrawNotAllowedText(statusName)}</gcds-text>
        </Notice>
      )}
      <BackLink href={props.base} text={m(props.c).applications.backToDashboard} />
    </>
  );
}
