// The submission as the PIP officer reads it on the case page: the statement, the differences from the previous submission, the answers and evidence with their findings.
import type { AppContext } from "../../web/context.ts";
import { formatDateTime, messages } from "../../web/i18n/index.ts";
import { PostForm, Radios, SubmitButton, Textarea } from "../../web/forms.tsx";
import { formatClientNumber } from "../../domain/client-number.ts";
import { catalogueVersion, currentCatalogue, criteriaFor, itemById, questionsFor, type Catalogue, type CatalogueItem, type PortalLine } from "../../domain/catalogue/index.ts";
import { PORTAL_LINES } from "../../domain/catalogue/types.ts";
import type { EvidenceRef, ProfileContent, SnapshotDifference } from "../../domain/snapshot.ts";
import type { ActionForm } from "./case-actions.tsx";
import { lineName, valueText } from "../profiles/views.tsx";
import { findingKey, type CaseView } from "./case.ts";
import { calendarDate, FINDING_OUTCOMES } from "./service.ts";
import { unbreakable } from "../../web/identifier.tsx";
import { Table } from "../../web/table.tsx";

function m(c: AppContext) {
  return messages(c.get("locale"));
}

const subjectKey = (subject: string) => (subject === "application" ? "app" : subject.replace(/^division:/, "d"));

function text(c: AppContext, t: { en: string; fr: string }): string {
  return t[c.get("locale")];
}

function scalar(v: unknown, none: string): string {
  if (v === null || v === undefined || v === "") return none;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.map((x) => scalar(x, none)).join(", ");
  if (typeof v === "object") {
    return Object.values(v as Record<string, unknown>)
      .filter((x) => x !== "" && x !== null && x !== undefined)
      .map((x) => scalar(x, none))
      .join(", ");
  }
  return none;
}

function EvidenceList(props: { c: AppContext; caseId: string; files: EvidenceRef[] | undefined }) {
  const r = m(props.c).review;
  const lang = props.c.get("locale");
  if (!props.files || props.files.length === 0) return <>{r.noEvidence}</>;
  return (
    <ul class="ttp-list">
      {props.files.map((f) => (
        <li>
          {f.scanStatus === "infected" ? (
            <>
              {f.fileName} ({r.infectedNotServed})
            </>
          ) : (
            <>
              <a href={`/${lang}/staff/pip/cases/${props.caseId}/files/${f.id}`} aria-label={r.download(f.fileName)}>
                {f.fileName}
              </a>{" "}
              ({r.scanVerdict(r.scanStatuses[f.scanStatus] ?? f.scanStatus)})
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function ItemsTable(props: { c: AppContext; view: CaseView; caption: string; subject: string; items: readonly CatalogueItem[]; content: ProfileContent; withFindings: boolean }) {
  const r = m(props.c).review;
  const users = [...props.view.people].map(([personId, name]) => ({ personId, name }));
  return (
    <Table caption={props.caption}>
      <thead>
        <tr>
          <th scope="col">{r.colItem}</th>
          <th scope="col">{r.colText}</th>
          <th scope="col">{r.colAnswer}</th>
          <th scope="col">{r.colExplanation}</th>
          <th scope="col">{r.colEvidence}</th>
          {props.withFindings ? <th scope="col">{r.colFinding}</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => {
          const a = props.content.answers[item.id];
          const finding = props.view.findings.get(findingKey(props.subject, item.id));
          return (
            <tr data-item={item.id}>
              <th scope="row">{item.id}</th>
              <td>{text(props.c, item.text)}</td>
              <td>{a ? valueText(props.c, item, { value: a.value as never }, users) : r.notAnswered}</td>
              <td>{typeof a?.explanation === "string" ? a.explanation : ""}</td>
              <td>
                <EvidenceList c={props.c} caseId={props.view.caseId} files={props.content.evidence[item.id]} />
              </td>
              {props.withFindings ? <td data-testid="finding">{finding ? `${r.outcomes[finding.outcome]}${finding.note ? ` — ${finding.note}` : ""}` : r.noFinding}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

function FindingsForm(props: { c: AppContext; view: CaseView; subject: string; anchor: string; heading: string; items: readonly CatalogueItem[]; action?: ActionForm | undefined }) {
  const r = m(props.c).review;
  const lang = props.c.get("locale");
  const mine = props.action?.form === "findings" && props.action.values["anchor"] === props.anchor ? props.action : undefined;
  const errors = mine?.errors ?? {};
  const sk = subjectKey(props.subject);
  return (
    <details>
      <summary>{r.findingsFor(props.heading)}</summary>
      <PostForm c={props.c} action={`/${lang}/staff/pip/cases/${props.view.caseId}/findings`}>
        <input type="hidden" name="subject" value={props.subject} />
        <input type="hidden" name="anchor" value={props.anchor} />
        {props.items.map((item) => {
          const f = props.view.findings.get(findingKey(props.subject, item.id));
          const o = `o-${sk}-${item.id}`;
          const n = `n-${sk}-${item.id}`;
          const posted = (k: string) => (mine ? String(mine.values[k] ?? "") : undefined);
          return (
            <>
              <input type="hidden" name="item" value={item.id} />
              <Radios
                name={o}
                legend={r.findingsLegend(item.id)}
                options={FINDING_OUTCOMES.map((x) => ({ value: x, label: r.outcomes[x]! }))}
                value={posted(o) ?? f?.outcome}
                errors={errors}
              />
              <Textarea name={n} label={r.findingNote(item.id)} value={posted(n) ?? f?.note ?? ""} errors={errors} rows={2} />
            </>
          );
        })}
        <SubmitButton>{r.saveFindings}</SubmitButton>
      </PostForm>
    </details>
  );
}

/** What the company wrote with an action plan or an appeal, read first: the officer decides on it. */
export function StatementSection(props: { c: AppContext; view: CaseView }) {
  const r = m(props.c).review;
  const lang = props.c.get("locale");
  const v = props.view;
  const sub = v.latest;
  if (!sub) return null;
  const s = sub.snapshot;
  if (!s.statement && !s.actionPlan && !s.statementEvidence?.length) return null;
  return (
    <section data-testid="statement">
      <gcds-heading tag="h2">{r.statementHeadings[sub.kind] ?? r.statementHeadings["other"]}</gcds-heading>
      {s.actionPlan ? (
        <dl class="ttp-details">
          <dt>{r.actionPlanAsked}</dt>
          <dd class="ttp-multiline">{s.actionPlan.reasons || r.actionPlanByJob}</dd>
          <dt>{r.actionPlanDueOn}</dt>
          <dd>{calendarDate(lang, s.actionPlan.dueOn)}</dd>
        </dl>
      ) : null}
      {s.statement ? <p class="ttp-multiline">{s.statement}</p> : null}
      {s.statementEvidence?.length ? (
        <>
          <gcds-heading tag="h3">{r.statementFiles}</gcds-heading>
          <EvidenceList c={props.c} caseId={v.caseId} files={s.statementEvidence} />
        </>
      ) : null}
    </section>
  );
}

export function SubmissionSection(props: { c: AppContext; view: CaseView; action?: ActionForm | undefined }) {
  const all = m(props.c);
  const r = all.review;
  const lang = props.c.get("locale");
  const v = props.view;
  const sub = v.latest;
  if (!sub) return <gcds-text>{r.noSubmission}</gcds-text>;
  const s = sub.snapshot;
  const catalogue: Catalogue = catalogueVersion(s.catalogueVersion) ?? currentCatalogue();
  const co = s.company;
  const lines = co.linesOfBusiness.filter((l): l is PortalLine => (PORTAL_LINES as readonly string[]).includes(l));
  const none = r.none;
  const shownItems = (content: ProfileContent, ids: Set<string>) =>
    [...new Set([...Object.keys(content.answers), ...Object.keys(content.evidence)])].filter((id) => !ids.has(id)).map((id) => itemById(catalogue, id)).filter((x): x is CatalogueItem => !!x);
  const appIds = new Set<string>();
  return (
    <>
      <dl class="ttp-details" data-testid="submission">
        <dt>{r.reference}</dt>
        <dd class="ttp-id">{sub.reference}</dd>
        <dt>{r.kind}</dt>
        <dd>{r.waitingKinds[sub.kind] ?? sub.kind}</dd>
        <dt>{r.submittedAt}</dt>
        <dd>{formatDateTime(lang, sub.submittedAt)}</dd>
        <dt>{r.submittedBy}</dt>
        <dd>{s.submittedBy.name}</dd>
        <dt>{r.declaredName}</dt>
        <dd>{sub.declaredName}</dd>
        <dt>{r.catalogueVersion}</dt>
        <dd>{s.catalogueVersion}</dd>
        <dt>{r.sha256}</dt>
        <dd>
          <code class="ttp-hash">{sub.sha256}</code>
        </dd>
      </dl>
      <gcds-text>
        <gcds-link href={`/${lang}/staff/pip/cases/${v.caseId}/submissions/${sub.id}/pdf`} download>
          {r.submissionPdf(unbreakable(sub.reference))}
        </gcds-link>
      </gcds-text>
      <gcds-heading tag="h3">{r.companyHeading}</gcds-heading>
      <dl class="ttp-details" data-testid="snapshot-company">
        <dt>{r.legalName}</dt>
        <dd>{co.legalName}</dd>
        <dt>{r.operatingName}</dt>
        <dd>{co.operatingName ?? none}</dd>
        <dt>{r.clientNumber}</dt>
        <dd class="ttp-id">{formatClientNumber(co.clientNumber)}</dd>
        <dt>{r.bn}</dt>
        <dd>{co.bn9 ?? none}</dd>
        <dt>{r.programAccount}</dt>
        <dd>{co.programAccount ?? none}</dd>
        <dt>{r.carrierCode}</dt>
        <dd>{co.carrierCode ?? none}</dd>
        <dt>{r.lines}</dt>
        <dd>{lines.map((l) => lineName(props.c, l)).join(", ") || none}</dd>
        <dt>{r.businessStarted}</dt>
        <dd>{co.businessStartedOn ? calendarDate(lang, co.businessStartedOn) : none}</dd>
        <dt>{r.employees}</dt>
        <dd>{co.employeeCount ?? none}</dd>
        <dt>{r.website}</dt>
        <dd>{co.website ?? none}</dd>
        <dt>{r.headOffice}</dt>
        <dd>{scalar(co.headOffice, none)}</dd>
        <dt>{r.mailingAddress}</dt>
        <dd>{scalar(co.mailingAddress, none)}</dd>
        <dt>{r.facilities}</dt>
        <dd>{co.facilities.length === 0 ? none : co.facilities.map((f) => `${f.name} (${scalar(f.address, none)})`).join("; ")}</dd>
        <dt>{r.primaryContact}</dt>
        <dd>{scalar(co.primaryContact, none)}</dd>
      </dl>
      <gcds-heading tag="h3">{r.applicationHeading}</gcds-heading>
      {questionsFor(catalogue, lines).map((g) => {
        for (const q of g.questions) appIds.add(q.id);
        const heading = text(props.c, g.heading.name);
        const anchor = `app-${g.part}`;
        return (
          <section id={anchor}>
            <gcds-heading tag="h4">{heading}</gcds-heading>
            <ItemsTable c={props.c} view={v} caption={r.itemsCaption(heading)} subject="application" items={g.questions} content={s.application} withFindings />
            <FindingsForm c={props.c} view={v} subject="application" anchor={anchor} heading={heading} items={g.questions} action={props.action} />
          </section>
        );
      })}
      {(() => {
        const extra = shownItems(s.application, appIds);
        return extra.length > 0 ? (
          <>
            <gcds-heading tag="h4">{r.otherAnswers}</gcds-heading>
            <ItemsTable c={props.c} view={v} caption={r.otherAnswers} subject="application" items={extra} content={s.application} withFindings={false} />
          </>
        ) : null;
      })()}
      {s.divisions.map((d) => {
        const subject = `division:${d.id}`;
        const dl = d.lines.filter((l): l is PortalLine => (PORTAL_LINES as readonly string[]).includes(l));
        const ids = new Set<string>();
        const extra = () => shownItems(d, ids);
        return (
          <section data-division={d.id}>
            <gcds-heading tag="h3">{r.securityHeading(d.name)}</gcds-heading>
            <dl class="ttp-details">
              <dt>{r.divisionLines}</dt>
              <dd>{dl.map((l) => lineName(props.c, l)).join(", ")}</dd>
              <dt>{r.divisionFacilities}</dt>
              <dd>{d.facilities.join(", ") || none}</dd>
            </dl>
            {criteriaFor(catalogue, dl).map((area) => (
              <>
                <gcds-heading tag="h4">{text(props.c, area.heading.name)}</gcds-heading>
                {area.categories.map((cat) => {
                  for (const x of cat.criteria) ids.add(x.id);
                  const heading = text(props.c, cat.heading.name);
                  const anchor = `d${d.id}-${cat.category}`;
                  return (
                    <section id={anchor}>
                      <gcds-heading tag="h5">{heading}</gcds-heading>
                      <ItemsTable c={props.c} view={v} caption={r.itemsCaption(heading)} subject={subject} items={cat.criteria} content={d} withFindings />
                      <FindingsForm c={props.c} view={v} subject={subject} anchor={anchor} heading={heading} items={cat.criteria} action={props.action} />
                    </section>
                  );
                })}
              </>
            ))}
            {(() => {
              const more = extra();
              return more.length > 0 ? (
                <>
                  <gcds-heading tag="h4">{r.otherAnswers}</gcds-heading>
                  <ItemsTable c={props.c} view={v} caption={r.otherAnswers} subject={subject} items={more} content={d} withFindings={false} />
                </>
              ) : null;
            })()}
          </section>
        );
      })}
    </>
  );
}

function differenceWhere(c: AppContext, view: CaseView, d: SnapshotDifference): string {
  const r = m(c).review;
  const s = view.latest?.snapshot;
  const divisionName = (id: string) => s?.divisions.find((x) => x.id === id)?.name ?? view.previous?.snapshot.divisions.find((x) => x.id === id)?.name ?? id;
  if (d.subject === "company") return r.labelled(r.companyHeading, d.itemId);
  const catalogue = catalogueVersion(s?.catalogueVersion ?? "") ?? currentCatalogue();
  const item = itemById(catalogue, d.itemId);
  const label = d.itemId === "division" ? r.divisionItself : item ? `${d.itemId} — ${text(c, item.text)}` : d.itemId;
  if (d.subject === "application") return r.labelled(r.applicationHeading, label);
  return r.labelled(r.securityHeading(divisionName(d.subject.replace(/^division:/, ""))), label);
}

function differenceValue(c: AppContext, view: CaseView, d: SnapshotDifference, value: unknown): string {
  const r = m(c).review;
  if (value === undefined) return "";
  if (d.subject === "company" || d.itemId === "division") return scalar(value, r.none);
  const v = value as { answer?: { value: unknown; explanation?: unknown }; files: string[] };
  const catalogue = catalogueVersion(view.latest?.snapshot.catalogueVersion ?? "") ?? currentCatalogue();
  const item = itemById(catalogue, d.itemId);
  const users = [...view.people].map(([personId, name]) => ({ personId, name }));
  const answer = v.answer ? (item ? valueText(c, item, { value: v.answer.value as never, ...(typeof v.answer.explanation === "string" ? { explanation: v.answer.explanation } : {}) }, users) : scalar(v.answer.value, r.none)) : r.notAnswered;
  return v.files.length > 0 ? `${answer} (${r.files(v.files.length)})` : answer;
}

export function DifferencesSection(props: { c: AppContext; view: CaseView }) {
  const r = m(props.c).review;
  const v = props.view;
  if (!v.previous || !v.differences) return <gcds-text>{r.noPrevious}</gcds-text>;
  return (
    <>
      <gcds-text>{r.differencesIntro(unbreakable(v.previous.reference))}</gcds-text>
      {v.differences.length === 0 ? (
        <gcds-text>{r.noDifferences}</gcds-text>
      ) : (
        <Table caption={r.differencesCaption} testid="differences">
          <thead>
            <tr>
              <th scope="col">{r.colWhere}</th>
              <th scope="col">{r.colChange}</th>
              <th scope="col">{r.colBefore}</th>
              <th scope="col">{r.colAfter}</th>
            </tr>
          </thead>
          <tbody>
            {v.differences.map((d) => (
              <tr>
                <td>{differenceWhere(props.c, v, d)}</td>
                <td>{r.changes[d.change]}</td>
                <td>{differenceValue(props.c, v, d, d.before)}</td>
                <td>{differenceValue(props.c, v, d, d.after)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
