// The bilingual PDF letter of a membership decision (APP-13): one whole letter in each official
// language, the company's correspondence language first, each from a new page — the CBSA's
// return address, the date, the company's name and address, the client number and the
// decision's reference, a heading that says what was decided, what it means (with its time
// limit: the informal review, the action plan, the appeal), the officer's reasons as written,
// the site validation it follows, the membership dates of an approval (of a revalidation: the
// anniversary reached and the last day to resubmit), and the closing. The
// words are chosen here (web/i18n/documents.*.ts); platform/pdf/document.ts lays them out.
//
// A request for information, a submission, an appeal or a withdrawal is not a decision
// letter: LETTER_TRANSITIONS lists the transitions that have one.
import { hasDecisionLetter, LETTER_TRANSITIONS, type LetterTransition } from "../../domain/membership.ts";

export { hasDecisionLetter, LETTER_TRANSITIONS, type LetterTransition };
import { formatClientNumber } from "../../domain/client-number.ts";
import { otherLocale, type Locale } from "../../domain/locale.ts";
import { renderDocument, type FieldRow, type PdfBlock, type PdfDocument, type PdfPart, type RenderDocumentOptions } from "../../platform/pdf/document.ts";
import { formatDate, messages } from "../../web/i18n/index.ts";
import { PROGRAM_EMAIL } from "../../web/i18n/registration.en.ts";
import type { DecisionLetter } from "../membership/letter.ts";

/** The letter as a PDF. Throws a RangeError for a transition that has no letter. */
export async function renderDecisionLetterPdf(letter: DecisionLetter, options: RenderDocumentOptions = {}): Promise<Buffer> {
  return renderDocument(decisionLetterDocument(letter), options);
}

/** What renderDecisionLetterPdf lays out (pure). */
export function decisionLetterDocument(letter: DecisionLetter): PdfDocument {
  const transition = letter.transition;
  if (!hasDecisionLetter(transition)) throw new RangeError(`${letter.reference}: "${transition}" is not a decision with a letter`);
  const langs: Locale[] = [letter.locale, otherLocale(letter.locale)];
  return {
    title: messages(letter.locale).documents.letter.title(letter.reference),
    reference: letter.reference,
    lang: letter.locale,
    blocks: langs.map((lang) => block(lang, transition, letter)),
  };
}

/** A YYYY-MM-DD date in words ("March 14, 2026", "14 mars 2026", "1er avril 2026"). */
function day(lang: Locale, iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? firstOfMonth(lang, formatDate(lang, new Date(`${iso}T12:00:00Z`), "UTC")) : iso;
}

/** French writes the first day of a month "1er" ("le 1er avril 2026"); Intl writes "1". */
function firstOfMonth(lang: Locale, formatted: string): string {
  return lang === "fr" ? formatted.replace(/^1(?=\s)/, "1er") : formatted;
}

/** The officer's text, paragraph by paragraph (blank lines separate them). */
function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

function clientNumber(value: string): string {
  try {
    return formatClientNumber(value);
  } catch {
    return value;
  }
}

function body(lang: Locale, transition: LetterTransition, letter: DecisionLetter): string[] {
  const d = messages(lang).documents.letter.decisions;
  const company = letter.company.legalName;
  const date = (iso: string | null | undefined) => (iso ? day(lang, iso) : null);
  switch (transition) {
    case "approve":
      return d.approve.body({ company, memberSince: date(letter.memberSince) });
    case "propose-denial":
      return d["propose-denial"].body({ company, informalReviewBy: date(letter.informalReviewBy) });
    case "suspend":
      return d.suspend.body({ company, actionPlanDueOn: date(letter.actionPlanDueOn) });
    case "revalidation-due":
      return d["revalidation-due"].body({ company, anniversaryOn: date(letter.revalidation?.anniversaryOn), resubmitBy: date(letter.revalidation?.resubmitBy) });
    default:
      return d[transition].body({ company });
  }
}

function block(lang: Locale, transition: LetterTransition, letter: DecisionLetter): PdfBlock {
  const t = messages(lang).documents.letter;
  const company = letter.company;
  // The address lines may start with the name (as the activation letter prints it): not twice.
  const address = company.address[0]?.toLocaleLowerCase("fr-CA") === company.legalName.toLocaleLowerCase("fr-CA") ? company.address.slice(1) : company.address;
  // The numbers the company quotes, an approval's membership dates, and a revalidation's
  // anniversary and last day to resubmit.
  const facts: FieldRow[] = [
    { label: t.clientNumber, value: clientNumber(company.clientNumber) },
    { label: t.reference, value: letter.reference },
  ];
  if (letter.memberSince) facts.push({ label: t.memberSince, value: day(lang, letter.memberSince) });
  const anniversaryOn = letter.revalidation?.anniversaryOn ?? letter.anniversaryOn;
  if (anniversaryOn) facts.push({ label: t.anniversary, value: day(lang, anniversaryOn) });
  if (letter.revalidation?.resubmitBy) facts.push({ label: t.resubmitBy, value: day(lang, letter.revalidation.resubmitBy) });
  const parts: PdfPart[] = [
    { kind: "fields", rows: facts },
    { kind: "paragraph", text: t.greeting(company.legalName) },
    ...body(lang, transition, letter).map((text): PdfPart => ({ kind: "paragraph", text })),
  ];

  const reasons = paragraphsOf(letter.reasons);
  if (reasons.length > 0) {
    parts.push({ kind: "heading", level: 2, text: t.reasonsHeading });
    for (const text of reasons) parts.push({ kind: "paragraph", text });
  }

  const site = letter.siteValidation;
  if (site) {
    parts.push(
      { kind: "heading", level: 2, text: t.siteValidationHeading },
      {
        kind: "fields",
        rows: [
          { label: t.siteValidationDate, value: day(lang, site.date) },
          { label: t.siteValidationFacility, value: site.facility },
          { label: t.siteValidationOutcome, value: site.outcome ? (Object.hasOwn(t.siteValidationOutcomes, site.outcome) ? t.siteValidationOutcomes[site.outcome]! : site.outcome) : t.siteValidationNoOutcome },
        ],
      },
    );
  }

  parts.push({ kind: "paragraph", text: t.questions(PROGRAM_EMAIL, letter.reference), keepWithNext: true }, { kind: "paragraph", text: t.closing.join("\n") });

  return {
    lang,
    heading: t.decisions[transition].heading,
    letterhead: { sender: messages(lang).registration.letter.sender, date: day(lang, letter.decidedOn), recipient: [company.legalName, ...address] },
    parts,
  };
}
