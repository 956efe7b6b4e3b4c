// Pages of the application and security profiles (APP-3, APP-4, APP-8, APP-9). Every page works
// without JavaScript: answers are posted with the form, files with a plain file input.
import type { Child } from "hono/jsx";
import type { AppContext } from "../../web/context.ts";
import { formatDateTime, formatNumber, messages } from "../../web/i18n/index.ts";
import { Notice } from "../../web/notice.tsx";
import { Checkbox, Checkboxes, ErrorSummary, Input, PostForm, Radios, Select, SubmitButton, Textarea, type FieldErrors } from "../../web/forms.tsx";
import { CATEGORY_AREA, currentCatalogue, evidenceRequired, validateAnswer, type CatalogueItem, type CategoryId, type Part, type PortalLine, type RawAnswer, type SectionProgress, type Text } from "../../domain/catalogue/index.ts";
import type { Conflict } from "./changes.ts";
import type { ApplicationOverview, CategorySummary, CompanyUserOption, Division, DivisionSummary, EvidenceView, ItemsPage, StoredItem } from "./service.ts";
import { countsAsClean } from "./service.ts";
import { fieldName, scalarText as scalar, type FormValues } from "./schema.ts";
import { Table } from "../../web/table.tsx";

function m(c: AppContext) {
  return messages(c.get("locale"));
}

function tr(c: AppContext, text: Text): string {
  return text[c.get("locale")];
}

export function lineName(c: AppContext, line: PortalLine | Part): string {
  return tr(c, currentCatalogue().parts[line].name);
}

export function categoryName(c: AppContext, category: CategoryId): string {
  return tr(c, currentCatalogue().categories[category].name);
}

function ProgressLine(props: { c: AppContext; progress: SectionProgress; testid?: string }) {
  const t = m(props.c);
  const state = t.companies.sectionStates[props.progress.state];
  return (
    <p class="ttp-state" data-testid={props.testid}>
      {t.profiles.stateWithProgress(state, props.progress.answered, props.progress.total)}
    </p>
  );
}

function BackLink(props: { href: string; children: Child }) {
  return (
    <gcds-text>
      <gcds-link href={props.href}>{props.children}</gcds-link>
    </gcds-text>
  );
}

// ---- the application profile --------------------------------------------------------------

export function ApplicationPage(props: { c: AppContext; base: string; overview: ApplicationOverview; notice?: string | undefined; lineError?: string | undefined; addable: PortalLine[] }) {
  const t = m(props.c);
  const p = t.profiles;
  const o = props.overview;
  return (
    <>
      <gcds-heading tag="h1">{p.applicationTitle}</gcds-heading>
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      {props.lineError ? <Notice role="danger" title={props.lineError} /> : null}
      <gcds-text>{p.applicationIntro}</gcds-text>
      <ProgressLine c={props.c} progress={o.progress} testid="application-progress" />
      <gcds-heading tag="h2">{p.partsHeading}</gcds-heading>
      <Table caption={p.partsHeading} testid="parts">
        <thead>
          <tr>
            <th scope="col">{p.partColumn}</th>
            <th scope="col">{p.progressColumn}</th>
          </tr>
        </thead>
        <tbody>
          {o.parts.map((part) => (
            <tr>
              <td>
                <a href={`${props.base}/application/parts/${part.part}`} aria-label={p.openPart(lineName(props.c, part.part))}>
                  {lineName(props.c, part.part)}
                </a>
              </td>
              <td>{p.stateWithProgress(t.companies.sectionStates[part.progress.state], part.progress.answered, part.progress.total)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <gcds-heading tag="h2">{p.linesHeading}</gcds-heading>
      <gcds-text>{p.linesIntro}</gcds-text>
      <ul class="ttp-list" data-testid="lines">
        {o.lines.map((line) => (
          <li>
            {lineName(props.c, line)}
            {o.lines.length > 1 ? (
              <>
                {" — "}
                <a href={`${props.base}/application/lines/${line}/remove`}>{p.removeLine(lineName(props.c, line))}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {o.keptLines.length > 0 ? <gcds-text>{p.keptLines(o.keptLines.map((l) => lineName(props.c, l)).join(", "))}</gcds-text> : null}
      {props.addable.length > 0 ? (
        <PostForm c={props.c} action={`${props.base}/application/lines`}>
          <Select name="line" label={p.addLineLegend} placeholder={p.addLine} options={props.addable.map((l) => ({ value: l, label: lineName(props.c, l) }))} errors={{}} />
          <SubmitButton role="secondary">{p.addLineButton}</SubmitButton>
        </PostForm>
      ) : (
        <gcds-text>{p.noLineToAdd}</gcds-text>
      )}
      <BackLink href={props.base}>{p.backToDashboard}</BackLink>
    </>
  );
}

export function RemoveLinePage(props: { c: AppContext; base: string; line: PortalLine; answers: number; error?: string | undefined }) {
  const p = m(props.c).profiles;
  const name = lineName(props.c, props.line);
  return (
    <>
      <gcds-heading tag="h1">{p.removeLineTitle(name)}</gcds-heading>
      {props.error ? <Notice role="danger" title={props.error} /> : null}
      <gcds-text>{p.removeLineText(name, props.answers)}</gcds-text>
      <PostForm c={props.c}>
        <SubmitButton role="danger">{p.removeLineConfirm}</SubmitButton>
      </PostForm>
      <BackLink href={`${props.base}/application`}>{p.cancel}</BackLink>
    </>
  );
}

// ---- answering items (a part, or a category) ------------------------------------------------

function levelLabel(c: AppContext, item: CatalogueItem): string | null {
  if ("part" in item) return item.required ? null : m(c).profiles.optionalQuestion;
  return m(c).profiles.levelHint(item.level === "must" ? m(c).profiles.must : m(c).profiles.should);
}

function evidenceLabel(c: AppContext, item: CatalogueItem): string | null {
  const p = m(c).profiles;
  if (item.evidence.rule === "none") return null;
  const what = tr(c, item.evidence.what);
  return item.evidence.rule === "required" ? p.evidenceRequired(what) : p.evidenceOptional(what);
}

export function valueText(c: AppContext, item: CatalogueItem, raw: RawAnswer | undefined, users: CompanyUserOption[]): string {
  const p = m(c).profiles;
  if (!raw || raw.value === undefined || raw.value === null || raw.value === "") return p.theirsEmpty;
  const v = raw.value;
  const type = item.answer;
  let shown: string;
  if (type.kind === "yes-no" || type.kind === "yes-no-explain" || type.kind === "confirm") shown = v === "yes" ? p.yes : v === "no" ? p.no : scalar(v);
  else if (type.kind === "choice") {
    const ids = Array.isArray(v) ? v.map(scalar) : [scalar(v)];
    shown = ids.map((id) => type.options.find((o) => o.id === id)?.label[c.get("locale")] ?? id).join(", ");
  } else if (type.kind === "company-user") shown = users.find((u) => u.personId === v)?.name ?? scalar(v);
  else shown = Array.isArray(v) ? v.map(scalar).join(", ") : scalar(v);
  const explanation = typeof raw.explanation === "string" && raw.explanation ? ` — ${raw.explanation}` : "";
  return shown + explanation;
}

function AnswerField(props: { c: AppContext; item: CatalogueItem; values: FormValues; errors: FieldErrors; users: CompanyUserOption[] }) {
  const { c, item } = props;
  const p = m(c).profiles;
  const lang = c.get("locale");
  const name = fieldName("a", item.id);
  const legend = `${item.id} — ${tr(c, item.text)}`;
  const hint = tr(c, item.guidance);
  const value = props.values[name];
  const single = typeof value === "string" ? value : undefined;
  const type = item.answer;
  switch (type.kind) {
    case "yes-no":
    case "yes-no-explain": {
      const explain = fieldName("x", item.id);
      return (
        <>
          <Radios
            name={name}
            legend={legend}
            hint={hint}
            options={[
              { value: "yes", label: p.yes },
              { value: "no", label: p.no },
            ]}
            value={single}
            errors={props.errors}
          />
          {type.kind === "yes-no-explain" ? (
            <Textarea name={explain} label={`${item.id} — ${type.explainWhen === "no" ? p.explainNo : p.explainYes}`} value={typeof props.values[explain] === "string" ? (props.values[explain]) : ""} errors={props.errors} />
          ) : null}
        </>
      );
    }
    case "confirm":
      // A single box shows no legend: the statement itself is what the box confirms.
      return <Checkbox name={name} legend={legend} label={`${p.confirmLabel} — ${legend}`} checked={single === "yes"} errors={props.errors} />;
    case "choice": {
      const options = type.options.map((o) => ({ value: o.id, label: o.label[lang] }));
      if (type.multiple) {
        const values = Array.isArray(value) ? value : single ? [single] : [];
        return <Checkboxes name={name} legend={legend} hint={hint} options={options} values={values} errors={props.errors} />;
      }
      return <Radios name={name} legend={legend} hint={hint} options={options} value={single} errors={props.errors} />;
    }
    case "company-user":
      return <Select name={name} label={legend} hint={hint} placeholder={p.chooseUser} options={props.users.map((u) => ({ value: u.personId, label: u.name }))} value={single} errors={props.errors} />;
    case "number": {
      const range = p.range(formatNumber(lang, type.min), formatNumber(lang, type.max));
      const unit = type.unit ? ` ${p.unit(tr(c, type.unit))}.` : "";
      return <Input name={name} label={legend} hint={`${hint} ${range}${unit}`} value={single} errors={props.errors} inputmode={type.integer ? "numeric" : "decimal"} size={12} />;
    }
    case "date":
      return <Input name={name} label={legend} hint={`${hint} ${p.dateHint}`} value={single} errors={props.errors} size={12} />;
    case "text":
      return type.multiline ? (
        <Textarea name={name} label={legend} hint={hint} value={single ?? ""} errors={props.errors} />
      ) : (
        <Input name={name} label={legend} hint={hint} value={single} errors={props.errors} />
      );
  }
}

/** Why a saved answer does not count yet: a draft without its explanation, or evidence missing. */
function pendingReason(c: AppContext, item: CatalogueItem, stored: StoredItem | undefined, files: EvidenceView[] | undefined, users: CompanyUserOption[]): string | null {
  if (!stored) return null;
  const check = validateAnswer(item, stored.answer, { companyUsers: users.map((u) => u.personId) });
  if (!check.ok) return check.problem === "explanation-required" ? m(c).profiles.answerNeedsExplanation : null;
  if (evidenceRequired(item, check.value) && !(files && files.length > 0 && files.every((f) => countsAsClean(f.scanStatus)))) return m(c).profiles.answerNeedsEvidence;
  return null;
}

function ConflictBox(props: { c: AppContext; item: CatalogueItem; conflict: Conflict; users: CompanyUserOption[] }) {
  const p = m(props.c).profiles;
  const when = formatDateTime(props.c.get("locale"), props.conflict.theirsAt);
  return (
    <div class="ttp-conflict" data-testid={`conflict-${props.item.id}`}>
      <p>
        <strong>{props.conflict.theirsBy ? p.theirs(props.conflict.theirsBy, when) : p.theirsUnknown(when)}</strong> {valueText(props.c, props.item, props.conflict.theirs, props.users)}
      </p>
      <p>
        <strong>{p.yours}</strong> {valueText(props.c, props.item, props.conflict.mine, props.users)}
      </p>
    </div>
  );
}

export interface ItemsFormProps {
  c: AppContext;
  title: string;
  intro?: string | undefined;
  page: ItemsPage<CatalogueItem>;
  values: FormValues;
  errors: FieldErrors;
  conflicts: Conflict[];
  notice?: string | undefined;
  back: { href: string; label: string };
  /** Where evidence forms post (upload) and files are served from. */
  evidenceBase: string;
  maxFileMb: number;
}

/** The form of one part or category: every item, Save and continue / come back later, then its evidence. */
export function ItemsPage(props: ItemsFormProps) {
  const t = m(props.c);
  const p = t.profiles;
  const page = props.page;
  const byConflict = new Map(props.conflicts.map((x) => [x.itemId, x]));
  const withEvidence = page.items.filter((i) => i.evidence.rule !== "none");
  return (
    <>
      <gcds-heading tag="h1">{props.title}</gcds-heading>
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      {props.conflicts.length > 0 ? (
        <Notice role="warning" title={p.conflictTitle}>
          <gcds-text>{p.conflictText}</gcds-text>
          <gcds-text>
            <gcds-link href={new URL(props.c.req.url).pathname}>{p.reopenPage}</gcds-link>
          </gcds-text>
        </Notice>
      ) : null}
      <ErrorSummary c={props.c} errors={props.errors} />
      {props.intro ? <gcds-text>{props.intro}</gcds-text> : null}
      <ProgressLine c={props.c} progress={page.progress} testid="page-progress" />
      <PostForm c={props.c}>
        {page.items.map((item) => {
          const stored = page.stored.get(item.id);
          const conflict = byConflict.get(item.id);
          const pending = pendingReason(props.c, item, stored, page.evidence.get(item.id), page.users);
          const meta = [levelLabel(props.c, item), evidenceLabel(props.c, item)].filter(Boolean).join(" · ");
          return (
            <div class="ttp-item" id={`item-${item.id}`} data-testid={`item-${item.id}`}>
              {meta ? <p class="ttp-item-meta">{meta}</p> : null}
              <AnswerField c={props.c} item={item} values={props.values} errors={props.errors} users={page.users} />
              <input type="hidden" name={fieldName("b", item.id)} value={String(conflict ? conflict.version : (stored?.version ?? 0))} />
              {conflict ? <ConflictBox c={props.c} item={item} conflict={conflict} users={page.users} /> : null}
              {pending && !conflict ? <p class="ttp-pending">{pending}</p> : null}
              {item.evidence.rule !== "none" ? (
                <p class="ttp-item-link">
                  <a href={`#evidence-${item.id}`}>{p.evidenceFor(item.id)}</a>
                </p>
              ) : null}
            </div>
          );
        })}
        <div class="ttp-actions">
          <SubmitButton name="then" value="continue">
            {p.saveAndContinue}
          </SubmitButton>
          <SubmitButton name="then" value="later" role="secondary">
            {p.saveAndComeBack}
          </SubmitButton>
        </div>
      </PostForm>
      {withEvidence.length > 0 ? (
        <>
          <gcds-heading tag="h2">{p.evidenceHeading}</gcds-heading>
          <gcds-text>{p.evidenceIntro}</gcds-text>
          {withEvidence.map((item) => (
            <EvidenceBlock c={props.c} item={item} files={page.evidence.get(item.id) ?? []} base={props.evidenceBase} maxFileMb={props.maxFileMb} errors={props.errors} />
          ))}
        </>
      ) : null}
      <BackLink href={props.back.href}>{props.back.label}</BackLink>
    </>
  );
}

export function formatSize(c: AppContext, bytes: number): string {
  const p = m(c).profiles;
  const lang = c.get("locale");
  if (bytes < 1024) return p.sizeBytes(bytes);
  if (bytes < 1024 * 1024) return p.sizeKb(formatNumber(lang, bytes / 1024, 1));
  return p.sizeMb(formatNumber(lang, bytes / (1024 * 1024), 1));
}

const MIME_NAMES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (XLSX)",
};

function EvidenceBlock(props: { c: AppContext; item: CatalogueItem; files: EvidenceView[]; base: string; maxFileMb: number; errors: FieldErrors }) {
  const p = m(props.c).profiles;
  const lang = props.c.get("locale");
  const inputId = fieldName("f", props.item.id);
  const error = props.errors[inputId];
  return (
    <section class="ttp-evidence" id={`evidence-${props.item.id}`} data-testid={`evidence-${props.item.id}`} aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>
        {props.item.id} — {tr(props.c, props.item.text)}
      </h3>
      {props.item.evidence.rule !== "none" ? <p class="ttp-item-meta">{evidenceLabel(props.c, props.item)}</p> : null}
      {props.files.length === 0 ? (
        <p>{p.evidenceNone}</p>
      ) : (
        <Table caption={p.evidenceTableCaption(props.item.id)}>
          <thead>
            <tr>
              <th scope="col">{p.evidenceFile}</th>
              <th scope="col">{p.evidenceSize}</th>
              <th scope="col">{p.evidenceType}</th>
              <th scope="col">{p.evidenceUploaded}</th>
              <th scope="col">{p.evidenceBy}</th>
              <th scope="col">{p.evidenceScan}</th>
              <th scope="col">{p.evidenceActions}</th>
            </tr>
          </thead>
          <tbody>
            {props.files.map((f) => (
              <tr>
                <td>
                  <a href={`${props.base}/${f.id}`} aria-label={p.evidenceDownload(f.fileName)} download>
                    {f.fileName}
                  </a>
                </td>
                <td>{formatSize(props.c, f.size)}</td>
                <td>{MIME_NAMES[f.mime] ?? f.mime}</td>
                <td>{formatDateTime(lang, f.uploadedAt)}</td>
                <td>{f.uploadedBy}</td>
                <td>{p.scanStatuses[f.scanStatus]}</td>
                <td>
                  {f.submitted ? (
                    p.evidenceKept
                  ) : (
                    <PostForm c={props.c} action={`${props.base}/${f.id}/remove`}>
                      <button type="submit" class="ttp-link-button" aria-label={p.evidenceRemoveLabel(f.fileName)}>
                        {p.evidenceRemove}
                      </button>
                    </PostForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <UploadForm c={props.c} action={props.base} item={props.item.id} inputId={inputId} label={p.uploadLabel(props.item.id)} maxFileMb={props.maxFileMb} error={error} button={p.uploadButton} />
    </section>
  );
}

/**
 * The form that uploads one file (APP-9): multipart, its CSRF token first (evidence.ts checks it
 * before storing a byte), the item it belongs to, the file with its hint and error.
 */
export function UploadForm(props: { c: AppContext; action: string; item: string; inputId: string; label: string; maxFileMb: number; error: string | undefined; button: string }) {
  const p = m(props.c).profiles;
  const { inputId, error } = props;
  return (
    <form method="post" action={props.action} enctype="multipart/form-data" class="ttp-upload">
      <input type="hidden" name="_csrf" value={props.c.get("csrfToken")} />
      <input type="hidden" name="item" value={props.item} />
      <div class={error ? "ttp-file ttp-file-error" : "ttp-file"}>
        <label for={inputId}>{props.label}</label>
        <p class="ttp-hint" id={`${inputId}-hint`}>
          {p.uploadHint(props.maxFileMb)}
        </p>
        {error ? (
          <p class="ttp-error-text" id={`${inputId}-error`}>
            {error}
          </p>
        ) : null}
        <input
          type="file"
          id={inputId}
          name="file"
          accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png"
          aria-describedby={error ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
          aria-invalid={error ? "true" : undefined}
        />
      </div>
      <SubmitButton role="secondary">{props.button}</SubmitButton>
    </form>
  );
}

// ---- the security profile -------------------------------------------------------------------

export function SecurityPage(props: { c: AppContext; base: string; divisions: DivisionSummary[]; progress: SectionProgress; notice?: string | undefined }) {
  const t = m(props.c);
  const p = t.profiles;
  return (
    <>
      <gcds-heading tag="h1">{p.securityTitle}</gcds-heading>
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      <gcds-text>{p.securityIntro}</gcds-text>
      <ProgressLine c={props.c} progress={props.progress} testid="security-progress" />
      <gcds-heading tag="h2">{p.divisionsHeading}</gcds-heading>
      <Table caption={p.divisionsHeading} testid="divisions">
        <thead>
          <tr>
            <th scope="col">{p.divisionName}</th>
            <th scope="col">{p.linesHeading}</th>
            <th scope="col">{p.progressColumn}</th>
          </tr>
        </thead>
        <tbody>
          {props.divisions.map((d) => (
            <tr>
              <td>
                <a href={`${props.base}/security/divisions/${d.id}`}>{d.name}</a>
              </td>
              <td>{d.lines.map((l) => lineName(props.c, l)).join(", ")}</td>
              <td>{p.stateWithProgress(t.companies.sectionStates[d.progress.state], d.progress.answered, d.progress.total)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <gcds-text>
        <gcds-link href={`${props.base}/security/divisions/new`}>{p.addDivision}</gcds-link>
      </gcds-text>
      <BackLink href={props.base}>{p.backToDashboard}</BackLink>
    </>
  );
}

export function DivisionPage(props: { c: AppContext; base: string; division: Division; categories: CategorySummary[]; progress: SectionProgress; facilities: string[]; notice?: string | undefined }) {
  const t = m(props.c);
  const p = t.profiles;
  const d = props.division;
  const catalogue = currentCatalogue();
  const divBase = `${props.base}/security/divisions/${d.id}`;
  return (
    <>
      <gcds-heading tag="h1">{d.name}</gcds-heading>
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      <dl class="ttp-details">
        <dt>{p.divisionLines}</dt>
        <dd>{d.lines.map((l) => lineName(props.c, l)).join(", ")}</dd>
        <dt>{p.divisionFacilities}</dt>
        <dd>{d.facilities.length === 0 ? p.divisionFacilitiesNone : d.facilities.map((f) => (props.facilities.includes(f) ? f : p.divisionFacilityGone(f))).join(", ")}</dd>
      </dl>
      <gcds-text>
        <gcds-link href={`${divBase}/edit`}>{p.editDivision}</gcds-link>
      </gcds-text>
      <ProgressLine c={props.c} progress={props.progress} testid="division-progress" />
      <gcds-heading tag="h2">{p.divisionCategories}</gcds-heading>
      <Table caption={p.divisionCategories} testid="categories">
        <thead>
          <tr>
            <th scope="col">{p.categoryColumn}</th>
            <th scope="col">{p.criteriaColumn}</th>
            <th scope="col">{p.progressColumn}</th>
          </tr>
        </thead>
        <tbody>
          {props.categories.map((cat) => (
            <tr>
              <td>
                <span class="ttp-area">{tr(props.c, catalogue.areas[CATEGORY_AREA[cat.category]].name)}</span>
                <br />
                <a href={`${divBase}/${cat.category}`} aria-label={p.openCategory(categoryName(props.c, cat.category))}>
                  {categoryName(props.c, cat.category)}
                </a>
              </td>
              <td>{cat.count}</td>
              <td>{p.stateWithProgress(t.companies.sectionStates[cat.progress.state], cat.progress.answered, cat.progress.total)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <BackLink href={`${props.base}/security`}>{p.backToSecurity}</BackLink>
    </>
  );
}

export function DivisionFormPage(props: {
  c: AppContext;
  base: string;
  title: string;
  values: { name: string; lines: string[]; facilities: string[] };
  errors: FieldErrors;
  lines: PortalLine[];
  facilities: string[];
  divisionId?: string | undefined;
  canDelete: boolean;
}) {
  const p = m(props.c).profiles;
  return (
    <>
      <gcds-heading tag="h1">{props.title}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      <PostForm c={props.c}>
        <Input name="name" label={p.divisionName} hint={p.divisionNameHint} value={props.values.name} errors={props.errors} required />
        <Checkboxes name="lines" legend={p.divisionLines} options={props.lines.map((l) => ({ value: l, label: lineName(props.c, l) }))} values={props.values.lines} errors={props.errors} required />
        {props.facilities.length > 0 ? (
          <Checkboxes name="facilities" legend={p.divisionFacilities} hint={p.divisionFacilitiesHint} options={props.facilities.map((f) => ({ value: f, label: f }))} values={props.values.facilities} errors={props.errors} />
        ) : (
          <gcds-text>
            {p.noFacilities}{" "}
            <gcds-link href={`${props.base}/profile`}>{m(props.c).companies.profileTitle}</gcds-link>
          </gcds-text>
        )}
        <SubmitButton>{p.saveDivision}</SubmitButton>
      </PostForm>
      {props.divisionId && props.canDelete ? (
        <gcds-text>
          <gcds-link href={`${props.base}/security/divisions/${props.divisionId}/delete`}>{p.deleteDivision}</gcds-link>
        </gcds-text>
      ) : null}
      <BackLink href={props.divisionId ? `${props.base}/security/divisions/${props.divisionId}` : `${props.base}/security`}>{p.cancel}</BackLink>
    </>
  );
}

export function DeleteDivisionPage(props: { c: AppContext; base: string; division: Division; answered: number; error?: string | undefined }) {
  const p = m(props.c).profiles;
  return (
    <>
      <gcds-heading tag="h1">{p.deleteDivisionTitle(props.division.name)}</gcds-heading>
      {props.error ? <Notice role="danger" title={props.error} /> : null}
      <gcds-text>{p.deleteDivisionText(props.answered)}</gcds-text>
      <PostForm c={props.c}>
        <SubmitButton role="danger">{p.deleteDivisionConfirm}</SubmitButton>
      </PostForm>
      <BackLink href={`${props.base}/security/divisions/${props.division.id}`}>{p.cancel}</BackLink>
    </>
  );
}
