// The bilingual PDF of a submission (APP-5), for the company's records: one block in each
// official language (the company's correspondence language first), each with what was
// submitted, when and by whom, the SHA-256 of the snapshot, the company profile, the
// application profile part by part and every division's security profile area by area,
// category by category — every item with its answer in words, its explanation and its
// evidence files. An action plan also prints what the suspension asked and by when; the
// company's statement (an appeal's, an action plan, an informal review's) is headed by its
// kind and lists the files attached to it. The words are chosen here (web/i18n/documents.*.ts and the catalogue's own
// texts); platform/pdf/document.ts lays them out.
//
// - Items are those the snapshot's catalogue version asks of the company's lines (application
//   profile) and of each division's lines (security profile), in the catalogue's order; an
//   item not answered says so. Answers the snapshot holds for other ids (a line removed, a
//   criterion retired) are printed after the profile's items, so nothing submitted is left out.
// - A company-user answer is a person's id: the snapshot has no names but the submitter's,
//   so the id is printed (with the name when it is the submitter).
// - Text the PDF fonts cannot draw makes renderDocument throw UnsupportedCharactersError;
//   `submissionDocument` + `documentUnsupportedCharacters` tell a caller beforehand.
import {
  catalogueVersion,
  criteriaFor,
  itemById,
  questionsFor,
  type Catalogue,
  type CatalogueItem,
} from "../../domain/catalogue/index.ts";
import type { LineOfBusiness } from "../../domain/eligibility.ts";
import { formatBusinessNumber } from "../../domain/business-number.ts";
import { formatClientNumber } from "../../domain/client-number.ts";
import { intlTag, otherLocale, type Locale } from "../../domain/locale.ts";
import type { EvidenceRef, ProfileContent, Snapshot, SnapshotAnswer } from "../../domain/snapshot.ts";
import { renderDocument, type FieldRow, type PdfBlock, type PdfDocument, type PdfPart, type RenderDocumentOptions } from "../../platform/pdf/document.ts";
import { formatDate, formatDateTime, messages } from "../../web/i18n/index.ts";

/** The PDF of a submission: `firstLang` (the company's correspondence language) first, then the other. */
export async function renderSubmissionPdf(snapshot: Snapshot, firstLang: Locale, sha256: string, options: RenderDocumentOptions = {}): Promise<Buffer> {
  return renderDocument(submissionDocument(snapshot, firstLang, sha256), options);
}

/** What renderSubmissionPdf lays out (pure). Throws a RangeError for a catalogue version this code does not know. */
export function submissionDocument(snapshot: Snapshot, firstLang: Locale, sha256: string): PdfDocument {
  const catalogue = catalogueVersion(snapshot.catalogueVersion);
  if (!catalogue) throw new RangeError(`submission ${snapshot.reference}: unknown catalogue version ${JSON.stringify(snapshot.catalogueVersion)}`);
  const langs: Locale[] = [firstLang, otherLocale(firstLang)];
  return {
    title: words(firstLang).titles[snapshot.kind](snapshot.reference),
    reference: snapshot.reference,
    lang: firstLang,
    blocks: langs.map((lang) => new SubmissionBlock(lang, snapshot, catalogue, sha256).block()),
  };
}

function words(lang: Locale) {
  return messages(lang).documents.submission;
}

/** Paragraphs separated by blank lines. */
function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

type Words = ReturnType<typeof words>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return value === undefined || value === null ? "" : JSON.stringify(value);
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A YYYY-MM-DD date in words ("March 14, 2026", "14 mars 2026", "1er avril 2026"); anything else as given. */
function day(lang: Locale, iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? firstOfMonth(lang, formatDate(lang, new Date(`${iso}T12:00:00Z`), "UTC")) : iso;
}

/** French writes the first day of a month "1er" ("le 1er avril 2026"); Intl writes "1". */
function firstOfMonth(lang: Locale, formatted: string): string {
  return lang === "fr" ? formatted.replace(/^1(?=\s)/, "1er") : formatted;
}

class SubmissionBlock {
  private readonly w: Words;
  private readonly parts: PdfPart[] = [];
  private readonly numbers: Intl.NumberFormat;

  constructor(
    private readonly lang: Locale,
    private readonly snapshot: Snapshot,
    private readonly catalogue: Catalogue,
    private readonly sha256: string,
  ) {
    this.w = words(lang);
    this.numbers = new Intl.NumberFormat(intlTag(lang), { maximumFractionDigits: 20 });
  }

  block(): PdfBlock {
    const { w, snapshot } = this;
    this.paragraph(w.intro);
    this.summary();
    if (snapshot.request) {
      this.heading(2, w.requestHeading);
      for (const p of paragraphsOf(snapshot.request.message)) this.paragraph(p);
    }
    if (snapshot.actionPlan) {
      this.heading(2, w.actionPlanHeading);
      for (const p of paragraphsOf(snapshot.actionPlan.reasons)) this.paragraph(p);
      this.fields([{ label: w.actionPlanDueOn, value: day(this.lang, snapshot.actionPlan.dueOn) }]);
    }
    const files = snapshot.statementEvidence ?? [];
    if (snapshot.statement || files.length > 0) {
      this.heading(2, w.statementHeading(snapshot.kind));
      for (const p of paragraphsOf(snapshot.statement ?? "")) this.paragraph(p);
      if (files.length > 0) {
        this.heading(3, w.statementFilesHeading);
        this.fields(files.flatMap((file, index) => this.fileRows(file, index + 1, w.statementFile, true)));
      }
    }
    this.company();
    this.application();
    this.divisions();
    return { lang: this.lang, heading: w.titles[snapshot.kind](snapshot.reference), parts: this.parts };
  }

  // ---- parts --------------------------------------------------------------------------

  private heading(level: 2 | 3 | 4 | 5, text: string): void {
    this.parts.push({ kind: "heading", level, text });
  }

  private paragraph(text: string): void {
    this.parts.push({ kind: "paragraph", text });
  }

  private fields(rows: FieldRow[]): void {
    if (rows.length > 0) this.parts.push({ kind: "fields", rows });
  }

  // ---- the submission -----------------------------------------------------------------

  private summary(): void {
    const { w, snapshot, lang } = this;
    this.heading(2, w.summaryHeading);
    this.fields([
      { label: w.reference, value: snapshot.reference },
      { label: w.kind, value: w.kinds[snapshot.kind] },
      { label: w.submittedAt, value: firstOfMonth(lang, formatDateTime(lang, new Date(snapshot.submittedAt))) },
      { label: w.submittedBy, value: snapshot.submittedBy.name },
      { label: w.declaredName, value: snapshot.submittedBy.declaredName },
      { label: w.catalogueVersion, value: snapshot.catalogueVersion },
      { label: w.sha256, value: this.sha256, mono: true },
    ]);
    this.paragraph(w.declaration);
  }

  // ---- the company --------------------------------------------------------------------

  private company(): void {
    const { w, lang } = this;
    const c = this.snapshot.company;
    const none = w.notProvided;
    this.heading(2, w.companyHeading);
    const rows: FieldRow[] = [
      { label: w.legalName, value: c.legalName },
      { label: w.operatingName, value: c.operatingName ?? none },
      { label: w.clientNumber, value: clientNumber(c.clientNumber) },
    ];
    const bn = c.programAccount ?? (c.bn9 ? businessNumber(c.bn9) : null);
    if (bn) rows.push({ label: w.businessNumber, value: bn });
    if (c.carrierCode) rows.push({ label: w.carrierCode, value: c.carrierCode });
    rows.push(
      { label: w.linesOfBusiness, value: c.linesOfBusiness.map((l) => this.lineName(l)).join("\n") || none },
      { label: w.businessStart, value: c.businessStartedOn ? day(lang, c.businessStartedOn) : none },
      { label: w.employees, value: c.employeeCount === null ? none : this.numbers.format(c.employeeCount) },
      { label: w.website, value: c.website ?? none },
      { label: w.headOffice, value: this.address(c.headOffice) ?? none },
      { label: w.mailingAddress, value: this.address(c.mailingAddress) ?? w.mailingSame },
      { label: w.primaryContact, value: contact(c.primaryContact) ?? none },
    );
    this.fields(rows);
    this.heading(3, w.facilitiesHeading);
    if (c.facilities.length === 0) this.paragraph(w.noFacilities);
    else this.parts.push({ kind: "list", items: c.facilities.map((f) => [f.name, this.address(f.address)].filter(Boolean).join("\n")) });
  }

  private lineName(line: string): string {
    const part = own(this.catalogue.parts as Readonly<Record<string, { name: { en: string; fr: string } }>>, line);
    if (part) return part.name[this.lang];
    return own(messages(this.lang).registration.lines as Record<string, string>, line) ?? line;
  }

  /** A postal address, one line each, or null when there is none. */
  private address(value: unknown): string | null {
    if (!isRecord(value)) return null;
    const region = str(value.region ?? value.province);
    const country = str(value.country);
    const lines = [str(value.line1), str(value.line2), [str(value.city), region].filter(Boolean).join(" ") + (value.postalCode ? `  ${str(value.postalCode)}` : "")];
    if (country) lines.push(own(this.w.countries, country) ?? country);
    const text = lines.map((l) => l.trim()).filter(Boolean).join("\n");
    return text === "" ? null : text;
  }

  // ---- the profiles -------------------------------------------------------------------

  private application(): void {
    const { w, lang, catalogue } = this;
    const content = this.snapshot.application;
    this.heading(2, w.applicationHeading);
    const shown = new Set<string>();
    for (const group of questionsFor(catalogue, this.snapshot.company.linesOfBusiness as LineOfBusiness[])) {
      this.heading(3, catalogue.parts[group.part].name[lang]);
      for (const question of group.questions) {
        shown.add(question.id);
        this.item(question.id, question, content, 4);
      }
    }
    this.others(content, shown, 4);
  }

  private divisions(): void {
    const { w, lang, catalogue } = this;
    if (this.snapshot.divisions.length === 0) {
      this.heading(2, w.securityProfile);
      this.paragraph(w.noDivisions);
      return;
    }
    for (const division of this.snapshot.divisions) {
      this.heading(2, w.securityHeading(division.name));
      this.fields([
        { label: w.divisionLines, value: division.lines.map((l) => this.lineName(l)).join("\n") || w.notProvided },
        { label: w.divisionFacilities, value: division.facilities.join("\n") || w.notProvided },
      ]);
      const shown = new Set<string>();
      for (const area of criteriaFor(catalogue, division.lines as LineOfBusiness[])) {
        this.heading(3, area.heading.name[lang]);
        for (const category of area.categories) {
          this.heading(4, category.heading.name[lang]);
          for (const criterion of category.criteria) {
            shown.add(criterion.id);
            this.item(criterion.id, criterion, division, 5);
          }
        }
      }
      this.others(division, shown, 4);
    }
  }

  /** Answers and files the snapshot holds for items the profile no longer asks. */
  private others(content: ProfileContent, shown: Set<string>, level: 4 | 5): void {
    const ids = [...new Set([...Object.keys(content.answers), ...Object.keys(content.evidence)])]
      .filter((id) => !shown.has(id))
      .filter((id) => own(content.answers, id) !== undefined || (own(content.evidence, id) ?? []).length > 0)
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    if (ids.length === 0) return;
    this.heading(3, this.w.otherAnswersHeading);
    this.paragraph(this.w.otherAnswersIntro);
    for (const id of ids) this.item(id, itemById(this.catalogue, id), content, level);
  }

  private item(id: string, item: CatalogueItem | undefined, content: ProfileContent, level: 4 | 5): void {
    const { w } = this;
    this.heading(level, `${id} — ${item ? item.text[this.lang] : w.unknownItem}`);
    const answer = own(content.answers, id);
    const rows: FieldRow[] = [{ label: w.answer, value: this.answerText(item, answer) }];
    const explanation = typeof answer?.explanation === "string" ? answer.explanation.trim() : "";
    if (explanation !== "") rows.push({ label: w.explanation, value: explanation });
    (own(content.evidence, id) ?? []).forEach((file, index) => rows.push(...this.fileRows(file, index + 1)));
    this.fields(rows);
  }

  /** An answer in words: yes/no, the options' labels, a number with its unit, a date, a user. */
  private answerText(item: CatalogueItem | undefined, answer: SnapshotAnswer | undefined): string {
    const { w, lang } = this;
    const value = answer?.value;
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0)) return w.notAnswered;
    const type = item?.answer;
    const list = Array.isArray(value) ? (value as unknown[]).map(str) : [str(value)];
    switch (type?.kind) {
      case "yes-no":
      case "yes-no-explain":
        return value === "yes" ? w.yes : value === "no" ? w.no : list.join(", ");
      case "confirm":
        return value === "yes" ? w.confirmed : list.join(", ");
      case "choice":
        return list.map((id) => type.options.find((o) => o.id === id)?.label[lang] ?? id).join("\n");
      case "number":
        return typeof value === "number" ? w.number(this.numbers.format(value), type.unit?.[lang]) : list.join(", ");
      case "date":
        return list.map((d) => day(lang, d)).join(", ");
      case "company-user": {
        const id = list.join(", ");
        return id === this.snapshot.submittedBy.personId ? w.companyUserNamed(this.snapshot.submittedBy.name, id) : w.companyUser(id);
      }
      case "text":
      case undefined:
        return list.join(", ");
    }
  }

  /** A file's name, size, (its type,) SHA-256 and scan verdict. */
  private fileRows(file: EvidenceRef, n: number, label: (n: number) => string = this.w.evidenceFile, withType = false): FieldRow[] {
    const { w } = this;
    return [
      { label: label(n), value: file.fileName },
      { label: w.evidenceSize, value: this.size(file.size) },
      ...(withType ? [{ label: w.evidenceType, value: file.mime }] : []),
      { label: w.evidenceSha256, value: file.sha256, mono: true },
      { label: w.evidenceScan, value: own(w.scanStatuses, file.scanStatus) ?? file.scanStatus },
    ];
  }

  /** "12.3 KB (12,603 bytes)", "12,3 Ko (12 603 octets)". */
  private size(bytes: number): string {
    const { w } = this;
    const exact = this.numbers.format(bytes);
    if (bytes < 1024) return w.sizeBytes(bytes, exact);
    const one = new Intl.NumberFormat(intlTag(this.lang), { maximumFractionDigits: 1 });
    const short = bytes < 1024 * 1024 ? w.sizeKb(one.format(bytes / 1024)) : w.sizeMb(one.format(bytes / (1024 * 1024)));
    return w.sizeExact(short, exact);
  }
}

function clientNumber(value: string): string {
  try {
    return formatClientNumber(value);
  } catch {
    return value;
  }
}

function businessNumber(bn9: string): string {
  try {
    return formatBusinessNumber(bn9);
  } catch {
    return bn9;
  }
}

/** "Name, title", the phone and the email, one a line; null when there is no contact. */
function contact(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const name = [str(value.name), str(value.title)].filter(Boolean).join(", ");
  const text = [name, str(value.phone), str(value.email)].filter(Boolean).join("\n");
  return text === "" ? null : text;
}
