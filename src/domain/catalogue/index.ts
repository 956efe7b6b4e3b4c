// The PIP questionnaire catalogue (APP-7): the registry of catalogue versions, and the pure
// functions the profiles read — which criteria and questions apply to a division's or a
// company's lines of business, whether an answer is valid, and how complete a section is.
//
// - `criteriaFor` gives the criteria that apply to any of a division's lines, grouped by area
//   then category (the security profile's pages, APP-4); `questionsFor` the general part and
//   one part per line (the application profile's pages, APP-3). Customs-broker and
//   shipping-agent lines are ignored: nothing in the catalogue applies to them.
// - `validateAnswer` normalises what a form posted (trimmed text, a number read from "1 200"
//   or "1,200", option ids in the catalogue's order) or says why it is not valid, as a
//   stable problem code that the web layer translates — never English text.
// - `sectionProgress` counts an item as answered only when its answer is valid (a must
//   answered "no" has its explanation) and, when evidence is required, at least one file is
//   attached and every file attached is clean.
// - Answers are keyed by item id and carry no catalogue structure, so a later version may add
//   or retire criteria: answers to ids a version does not know are ignored, never an error,
//   and never removed (`retiredAnswerIds` lists them).

import type { LineOfBusiness } from "../eligibility.ts";
import {
  AREA_IDS,
  CATEGORY_IDS,
  PORTAL_LINES,
  type AnswerCheck,
  type AnswerContext,
  type AnswerProblem,
  type AnswerType,
  type AreaId,
  type Catalogue,
  type CatalogueItem,
  type CategoryId,
  type Criterion,
  type EvidenceStatus,
  type Heading,
  type Part,
  type PortalLine,
  type Question,
  type RawAnswer,
  type Answer,
  type SectionProgress,
} from "./types.ts";
import { CATALOGUE_2026_1 } from "./v1.ts";

export * from "./types.ts";

/** The longest explanation accepted with a yes/no answer. */
export const EXPLANATION_MAX_LENGTH = 2000;

// ---- The registry ---------------------------------------------------------------------------

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const VERSIONS: ReadonlyMap<string, Catalogue> = new Map([CATALOGUE_2026_1].map((c) => [c.version, deepFreeze(c)]));

/** Every catalogue version, oldest first. */
export const CATALOGUE_VERSIONS: readonly string[] = Object.freeze([...VERSIONS.keys()]);

/** The version new answers are given against. */
export const CURRENT_VERSION: string = CATALOGUE_2026_1.version;

/** One catalogue version, or undefined for a version this code does not know. */
export function catalogueVersion(version: string): Catalogue | undefined {
  return VERSIONS.get(version);
}

export function currentCatalogue(): Catalogue {
  return CATALOGUE_2026_1;
}

/** The criterion or question with this id in a version, if it has one. */
export function itemById(catalogue: Catalogue, id: string): CatalogueItem | undefined {
  return catalogue.criteria.find((c) => c.id === id) ?? catalogue.questions.find((q) => q.id === id);
}

// ---- Applicability --------------------------------------------------------------------------

function portalLinesOf(lines: readonly LineOfBusiness[]): readonly PortalLine[] {
  return PORTAL_LINES.filter((line) => lines.includes(line));
}

/** Whether a criterion applies to a division that carries out `lines` (any one is enough). */
export function applies(criterion: Criterion, lines: readonly LineOfBusiness[]): boolean {
  return criterion.lines.some((line) => lines.includes(line));
}

/** The criteria that apply to any of `lines`, in catalogue order, as one list. */
export function applicableCriteria(catalogue: Catalogue, lines: readonly LineOfBusiness[]): readonly Criterion[] {
  return catalogue.criteria.filter((criterion) => applies(criterion, lines));
}

export interface CategoryGroup {
  readonly category: CategoryId;
  readonly heading: Heading;
  readonly criteria: readonly Criterion[];
}

export interface AreaGroup {
  readonly area: AreaId;
  readonly heading: Heading;
  /** Only the categories with at least one applicable criterion. */
  readonly categories: readonly CategoryGroup[];
}

/**
 * The security criteria a division answers: those applying to any of its lines, grouped by
 * area then category (in AREA_IDS and CATEGORY_IDS order), each group in catalogue order.
 * Areas and categories with nothing applicable are left out.
 */
export function criteriaFor(catalogue: Catalogue, lines: readonly LineOfBusiness[]): readonly AreaGroup[] {
  const applicable = applicableCriteria(catalogue, lines);
  const groups: AreaGroup[] = [];
  for (const area of AREA_IDS) {
    const categories: CategoryGroup[] = [];
    for (const category of CATEGORY_IDS) {
      const criteria = applicable.filter((c) => c.area === area && c.category === category);
      if (criteria.length > 0) categories.push({ category, heading: catalogue.categories[category], criteria });
    }
    if (categories.length > 0) groups.push({ area, heading: catalogue.areas[area], categories });
  }
  return groups;
}

export interface PartGroup {
  readonly part: Part;
  readonly heading: Heading;
  readonly questions: readonly Question[];
}

/**
 * The application profile of a company operating `lines`: the general part, then one part per
 * portal line it operates (in LINES_OF_BUSINESS order), each in catalogue order.
 */
export function questionsFor(catalogue: Catalogue, lines: readonly LineOfBusiness[]): readonly PartGroup[] {
  const parts: Part[] = ["general", ...portalLinesOf(lines)];
  // The same few combinations of lines come back at every request (the dashboard's progress,
  // every profile page): each catalogue keeps its groups, built once per combination.
  let known = partGroups.get(catalogue);
  if (!known) partGroups.set(catalogue, (known = new Map<string, readonly PartGroup[]>()));
  const key = parts.join(" ");
  let groups = known.get(key);
  if (!groups) {
    groups = Object.freeze(
      parts.map((part) => Object.freeze({ part, heading: catalogue.parts[part], questions: Object.freeze(catalogue.questions.filter((q) => q.part === part)) })),
    );
    known.set(key, groups);
  }
  return groups;
}

const partGroups = new WeakMap<Catalogue, Map<string, readonly PartGroup[]>>();

// ---- Answers --------------------------------------------------------------------------------

/** Criteria are always required; a question says so itself. */
export function isRequired(item: CatalogueItem): boolean {
  return "part" in item ? item.required : true;
}

/**
 * Whether an item with this valid answer needs evidence attached: its rule is "required" and,
 * for a yes/no answer, the answer is "yes" (a "no" has nothing to show; its explanation says why).
 */
export function evidenceRequired(item: CatalogueItem, answer: Answer | null): boolean {
  if (item.evidence.rule !== "required") return false;
  if (item.answer.kind === "yes-no" || item.answer.kind === "yes-no-explain") return answer?.value === "yes";
  return true;
}

type Scalar = { blank: true } | { blank: false; value: string | number } | { invalid: true };

/** One value from a form field: a string or number, a one-element list, or nothing. */
function scalarOf(raw: unknown): Scalar {
  const value = Array.isArray(raw) && raw.length <= 1 ? (raw as unknown[])[0] : raw;
  if (value === undefined || value === null) return { blank: true };
  if (typeof value === "number") return Number.isFinite(value) ? { blank: false, value } : { invalid: true };
  if (typeof value !== "string") return { invalid: true };
  const text = normaliseText(value);
  return text === "" ? { blank: true } : { blank: false, value: text };
}

function normaliseText(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}

function explanationOf(raw: unknown): string {
  return typeof raw === "string" ? normaliseText(raw) : "";
}

function isBlank(raw: RawAnswer): boolean {
  const value = raw.value;
  const blankValue = Array.isArray(value)
    ? value.every((v) => v === undefined || v === null || (typeof v === "string" && v.trim() === ""))
    : value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  return blankValue && explanationOf(raw.explanation) === "";
}

const fail = (problem: AnswerProblem, field: "value" | "explanation" = "value"): AnswerCheck => ({
  ok: false,
  problem,
  field,
});

const okValue = (value: Answer | null): AnswerCheck => ({ ok: true, value });

/** Reads "1200", "1 200" (fr-CA, also with no-break spaces), "1,200" and "12,5" (decimal comma). */
export function parseNumber(input: string | number): number | undefined {
  if (typeof input === "number") return Number.isFinite(input) ? input : undefined;
  let text = input.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replaceAll(",", "");
  else if (/^[-+]?\d+,\d+$/.test(text)) text = text.replace(",", ".");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n + 0 : undefined; // + 0 turns -0 into 0
}

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const CARRIER_CODE = /^[A-Z0-9]{4}$/;

function checkScalar(type: Exclude<AnswerType, { kind: "choice" }>, value: string | number, context: AnswerContext): AnswerCheck {
  const text = typeof value === "string" ? value : String(value);
  switch (type.kind) {
    case "yes-no":
    case "yes-no-explain":
    case "confirm": {
      const answer = text.toLowerCase();
      if (answer !== "yes" && (answer !== "no" || type.kind === "confirm")) return fail("not-an-option");
      return okValue({ value: answer });
    }
    case "text": {
      if (text.length > type.maxLength) return fail("too-long");
      if (type.format === "carrier-code") {
        const code = text.toUpperCase();
        return CARRIER_CODE.test(code) ? okValue({ value: code }) : fail("bad-format");
      }
      return okValue({ value: text });
    }
    case "number": {
      const n = parseNumber(value);
      if (n === undefined) return fail("not-a-number");
      if (type.integer && !Number.isInteger(n)) return fail("not-a-whole-number");
      if (n < type.min || n > type.max) return fail("out-of-range");
      return okValue({ value: n });
    }
    case "date": {
      if (!isIsoDate(text)) return fail("not-a-date");
      if (type.past && context.today !== undefined && text > context.today) return fail("out-of-range");
      return okValue({ value: text });
    }
    case "company-user": {
      if (context.companyUsers !== undefined && !context.companyUsers.includes(text)) return fail("not-an-option");
      return okValue({ value: text });
    }
  }
}

function checkChoice(type: Extract<AnswerType, { kind: "choice" }>, raw: unknown, required: boolean): AnswerCheck {
  const ids = type.options.map((o) => o.id);
  if (!type.multiple) {
    const scalar = scalarOf(raw);
    if ("invalid" in scalar) return fail("not-an-option");
    if (scalar.blank) return required ? fail("required") : okValue(null);
    return typeof scalar.value === "string" && ids.includes(scalar.value) ? okValue({ value: scalar.value }) : fail("not-an-option");
  }
  const list: unknown[] = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined || raw === null ? [] : [raw];
  const chosen = new Set<string>();
  for (const entry of list) {
    if (typeof entry !== "string") return fail("not-an-option");
    const id = entry.trim();
    if (id === "") continue;
    if (!ids.includes(id)) return fail("not-an-option");
    chosen.add(id);
  }
  if (chosen.size === 0) return required ? fail("required") : okValue(null);
  return okValue({ value: ids.filter((id) => chosen.has(id)) });
}

/**
 * Checks one answer against its item. On success `value` is the answer to store, normalised
 * (or null: an optional question left empty). On failure, `problem` is a stable code and
 * `field` the input it is about. Nothing is thrown for any input.
 */
export function validateAnswer(
  item: CatalogueItem,
  raw: RawAnswer | null | undefined,
  context: AnswerContext = {},
): AnswerCheck {
  const given: RawAnswer = raw ?? {};
  const required = isRequired(item);
  const type = item.answer;
  if (type.kind === "choice") return checkChoice(type, given.value, required);

  const scalar = scalarOf(given.value);
  if ("invalid" in scalar) {
    const problem: AnswerProblem =
      type.kind === "number" ? "not-a-number" : type.kind === "date" ? "not-a-date" : type.kind === "text" ? "bad-format" : "not-an-option";
    return fail(problem);
  }
  if (scalar.blank) return required ? fail("required") : okValue(null);

  const checked = checkScalar(type, scalar.value, context);
  if (!checked.ok || checked.value === null || type.kind !== "yes-no-explain") return checked;

  const explanation = explanationOf(given.explanation);
  if (explanation.length > EXPLANATION_MAX_LENGTH) return fail("too-long", "explanation");
  if (explanation === "") {
    return checked.value.value === type.explainWhen ? fail("explanation-required", "explanation") : checked;
  }
  return okValue({ value: checked.value.value, explanation });
}

// ---- Completion -----------------------------------------------------------------------------

function own<T>(record: Readonly<Record<string, T | undefined>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * How complete a section (a category, a part, a whole profile) is.
 *
 * - `total` counts the required items, and the optional ones something was typed into.
 * - `answered` counts those whose answer is valid and, when evidence is required for that
 *   answer, has at least one file attached with every file clean.
 * - "not-started" when nothing was typed or attached for any item; "complete" when every
 *   counted item is answered (a section with nothing required and nothing typed is
 *   complete); otherwise "in-progress".
 *
 * `answers` and `evidence` are keyed by item id; keys that are not items of the section (a
 * criterion a later version retired, another section's items) are ignored.
 */
export function sectionProgress(
  items: readonly CatalogueItem[],
  answers: Readonly<Record<string, RawAnswer | undefined>>,
  evidence: Readonly<Record<string, EvidenceStatus | undefined>> = {},
  context: AnswerContext = {},
): SectionProgress {
  let answered = 0;
  let total = 0;
  let started = false;
  for (const item of items) {
    const raw = own(answers, item.id);
    const files = own(evidence, item.id);
    const typed = raw !== undefined && raw !== null && !isBlank(raw);
    if (typed || (files !== undefined && files.count > 0)) started = true;
    if (!typed && !isRequired(item)) continue;
    total += 1;
    const check = validateAnswer(item, raw, context);
    if (!check.ok || check.value === null) continue;
    if (evidenceRequired(item, check.value) && !(files !== undefined && files.count > 0 && files.allClean)) continue;
    answered += 1;
  }
  const state = answered === total && (started || total === 0) ? "complete" : started ? "in-progress" : "not-started";
  return { state, answered, total };
}

/** The ids answered that this version does not know (criteria retired since): kept, not counted. */
export function retiredAnswerIds(catalogue: Catalogue, answers: Readonly<Record<string, unknown>>): readonly string[] {
  return Object.keys(answers).filter((id) => itemById(catalogue, id) === undefined);
}
