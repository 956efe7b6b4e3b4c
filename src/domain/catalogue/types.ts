// The shape of the PIP questionnaire catalogue (APP-7): the security criteria of the security
// profile (APP-4) and the questions of the application profile (APP-3), held as data, once,
// per catalogue version; and the shape of the answers given to them.
//
// - Every text a person reads is a `Text` with both official languages required, so a
//   criterion without its French text does not compile.
// - The four PIP areas and their categories are fixed here (APP-4); a criterion's `area` must
//   be the area of its `category`, which the `Criterion` type checks at compile time.
// - Criteria and questions apply to the portal lines of business only: never to a customs
//   broker or a shipping agent, who cannot use the portal (REG-1).
// - Answers are plain, serialisable values ({ value, explanation? }); what a form or a stored
//   draft holds is a `RawAnswer`, checked by `validateAnswer` (index.ts).

import { LINES_OF_BUSINESS, NON_PORTAL_LINES, type LineOfBusiness } from "../eligibility.ts";

/** A text in English and French. Both are required. */
export interface Text {
  readonly en: string;
  readonly fr: string;
}

/** A name and a short description, for an area, a category or a part of the application. */
export interface Heading {
  readonly name: Text;
  readonly description: Text;
}

/** The lines of business a company can operate in the portal (no broker, no shipping agent). */
export type PortalLine = Exclude<LineOfBusiness, (typeof NON_PORTAL_LINES)[number]>;

function isPortalLine(line: LineOfBusiness): line is PortalLine {
  return !(NON_PORTAL_LINES as readonly LineOfBusiness[]).includes(line);
}

/** The portal lines, in LINES_OF_BUSINESS order. */
export const PORTAL_LINES: readonly PortalLine[] = Object.freeze(LINES_OF_BUSINESS.filter(isPortalLine));

// ---- Areas and categories (APP-4) ----------------------------------------------------------

export const AREA_IDS = ["corporate", "cargo-conveyance", "physical", "partners"] as const;

export type AreaId = (typeof AREA_IDS)[number];

/** Every category, in the order the security profile shows them (area by area). */
export const CATEGORY_IDS = [
  // corporate security
  "vision-responsibility",
  "risk-assessment",
  "business-continuity",
  "cybersecurity",
  "personnel-security",
  "training-awareness",
  // cargo and conveyance security
  "conveyance-iit",
  "seal-security",
  "procedural-security",
  "agricultural-security",
  // physical security
  "perimeter-buildings",
  "physical-access",
  // supply chain partner security
  "partner-security",
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

/** The area each category belongs to. */
export const CATEGORY_AREA = Object.freeze({
  "vision-responsibility": "corporate",
  "risk-assessment": "corporate",
  "business-continuity": "corporate",
  cybersecurity: "corporate",
  "personnel-security": "corporate",
  "training-awareness": "corporate",
  "conveyance-iit": "cargo-conveyance",
  "seal-security": "cargo-conveyance",
  "procedural-security": "cargo-conveyance",
  "agricultural-security": "cargo-conveyance",
  "perimeter-buildings": "physical",
  "physical-access": "physical",
  "partner-security": "partners",
} as const satisfies Record<CategoryId, AreaId>);

export type CategoryArea = typeof CATEGORY_AREA;

/** The id prefix of each category's criteria ("RA-2" is a risk-assessment criterion). */
export const CATEGORY_PREFIX: Readonly<Record<CategoryId, string>> = Object.freeze({
  "vision-responsibility": "VR",
  "risk-assessment": "RA",
  "business-continuity": "BC",
  cybersecurity: "CY",
  "personnel-security": "PS",
  "training-awareness": "TA",
  "conveyance-iit": "CI",
  "seal-security": "SE",
  "procedural-security": "PR",
  "agricultural-security": "AG",
  "perimeter-buildings": "PB",
  "physical-access": "PA",
  "partner-security": "BP",
});

// ---- Parts of the application profile (APP-3) ---------------------------------------------

/** The general part every company answers, or the part of one line of business. */
export type Part = "general" | PortalLine;

/** The id prefix of each part's questions ("GEN-3", "IMP-1"). */
export const PART_PREFIX: Readonly<Record<Part, string>> = Object.freeze({
  general: "GEN",
  importer: "IMP",
  exporter: "EXP",
  "highway-carrier": "HWY",
  "rail-carrier": "RAIL",
  "marine-carrier": "MAR",
  "air-carrier": "AIR",
  "warehouse-operator": "WHS",
  "freight-forwarder": "FF",
});

// ---- Answer types ---------------------------------------------------------------------------

export interface ChoiceOption {
  /** Stable id, stored in the answer. */
  readonly id: string;
  readonly label: Text;
}

/** A named check on a text answer (named rather than a pattern in data, so it stays reviewable). */
export type TextFormat = "carrier-code";

export type AnswerType =
  /** "yes" or "no". */
  | { readonly kind: "yes-no" }
  /**
   * "yes" or "no", with an explanation required when the answer is `explainWhen` ("no" on a
   * must: why not, and what is planned; "yes" on a compliance question: the details).
   * An explanation given with the other answer is kept.
   */
  | { readonly kind: "yes-no-explain"; readonly explainWhen: "yes" | "no" }
  | { readonly kind: "text"; readonly maxLength: number; readonly multiline?: boolean; readonly format?: TextFormat }
  /** One option's id, or with `multiple` a list of option ids (at least one when required). */
  | { readonly kind: "choice"; readonly options: readonly ChoiceOption[]; readonly multiple?: boolean }
  | {
      readonly kind: "number";
      readonly min: number;
      readonly max: number;
      /** Whole numbers only. */
      readonly integer?: boolean;
      readonly unit?: Text;
    }
  /** A calendar date, YYYY-MM-DD; with `past`, not after today (when the caller says what today is). */
  | { readonly kind: "date"; readonly past?: boolean }
  /** The id of one of the company's users, chosen at runtime (the page lists them). */
  | { readonly kind: "company-user" }
  /** A declaration confirmed again: the only valid answer is "yes" (a ticked box). */
  | { readonly kind: "confirm" };

export type AnswerKind = AnswerType["kind"];

// ---- Evidence -------------------------------------------------------------------------------

/**
 * Whether documents must be attached, and what. For a yes/no answer, "required" evidence is
 * required with "yes" only (the document shows the practice is in place); see `evidenceRequired`.
 */
export type EvidenceRule =
  | { readonly rule: "none" }
  | { readonly rule: "required" | "optional"; readonly what: Text };

// ---- Criteria and questions -----------------------------------------------------------------

export type Level = "must" | "should";

interface CriterionFields {
  /** Stable across versions, like "RA-2": the category's prefix and a number. */
  readonly id: string;
  readonly text: Text;
  readonly guidance: Text;
  readonly level: Level;
  /** The lines of business it applies to (a division answers it when it carries out any). */
  readonly lines: readonly PortalLine[];
  readonly answer: AnswerType;
  readonly evidence: EvidenceRule;
}

/** A security criterion; its area is its category's area (checked by the compiler). */
export type Criterion = {
  readonly [C in CategoryId]: CriterionFields & { readonly category: C; readonly area: CategoryArea[C] };
}[CategoryId];

/** A question of the application profile. */
export interface Question {
  /** Stable across versions, like "GEN-3" or "IMP-1": the part's prefix and a number. */
  readonly id: string;
  readonly part: Part;
  readonly text: Text;
  readonly guidance: Text;
  /** Criteria are always required; a question may be optional. */
  readonly required: boolean;
  readonly answer: AnswerType;
  readonly evidence: EvidenceRule;
}

export type CatalogueItem = Criterion | Question;

/** One version of the catalogue. Answers and submissions record the version they were given against. */
export interface Catalogue {
  /** Like "2026-1". */
  readonly version: string;
  /** The date this version took effect, YYYY-MM-DD. */
  readonly effective: string;
  readonly areas: Readonly<Record<AreaId, Heading>>;
  readonly categories: Readonly<Record<CategoryId, Heading>>;
  readonly parts: Readonly<Record<Part, Heading>>;
  /** In the order the security profile shows them: area by area, category by category. */
  readonly criteria: readonly Criterion[];
  /** In the order the application profile shows them: part by part. */
  readonly questions: readonly Question[];
}

// ---- Answers --------------------------------------------------------------------------------

export type AnswerValue = string | number | readonly string[];

/**
 * A valid answer, as stored: "yes" | "no" (yes/no kinds and confirm), text, an option id or a
 * list of them, a number, a date "YYYY-MM-DD", or a user id.
 */
export interface Answer {
  readonly value: AnswerValue;
  readonly explanation?: string;
}

/** What a form posts or a stored draft holds: anything, until `validateAnswer` checks it. */
export interface RawAnswer {
  readonly value?: unknown;
  readonly explanation?: unknown;
}

/** Why an answer is not valid: stable codes, translated by the web layer. */
export const ANSWER_PROBLEMS = [
  "required",
  "explanation-required",
  "too-long",
  "bad-format",
  "not-a-number",
  "not-a-whole-number",
  "out-of-range",
  "not-an-option",
  "not-a-date",
] as const;

export type AnswerProblem = (typeof ANSWER_PROBLEMS)[number];

export type AnswerCheck =
  /** `value` is null when an optional question was left empty (nothing to store). */
  | { readonly ok: true; readonly value: Answer | null }
  /** `field` says which input the problem is about: the answer or its explanation. */
  | { readonly ok: false; readonly problem: AnswerProblem; readonly field: "value" | "explanation" };

/** What the caller knows at runtime, for the checks that need it. */
export interface AnswerContext {
  /** The ids of the company's users, for a "company-user" answer (unchecked when absent). */
  readonly companyUsers?: readonly string[];
  /** Today, YYYY-MM-DD (from the one clock), for a date answer with `past` (unchecked when absent). */
  readonly today?: string;
}

/** The evidence attached to one item: how many files, and whether every one is scanned clean. */
export interface EvidenceStatus {
  readonly count: number;
  readonly allClean: boolean;
}

export type SectionState = "not-started" | "in-progress" | "complete";

export interface SectionProgress {
  readonly state: SectionState;
  readonly answered: number;
  readonly total: number;
}
