// Unit tests of the PIP questionnaire catalogue (APP-3, APP-4, APP-7): the data of the current
// version (bilingual, well-formed, enough of it, only portal lines), which criteria and
// questions apply to which lines, answer validation, section progress and the registry.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LINES_OF_BUSINESS, NON_PORTAL_LINES, type LineOfBusiness } from "../eligibility.ts";
import {
  AREA_IDS,
  CATALOGUE_VERSIONS,
  CATEGORY_AREA,
  CATEGORY_IDS,
  CATEGORY_PREFIX,
  CURRENT_VERSION,
  EXPLANATION_MAX_LENGTH,
  PART_PREFIX,
  PORTAL_LINES,
  catalogueVersion,
  criteriaFor,
  currentCatalogue,
  itemById,
  questionsFor,
  retiredAnswerIds,
  sectionProgress,
  validateAnswer,
  type AnswerType,
  type CatalogueItem,
  type Criterion,
  type EvidenceStatus,
  type Heading,
  type Part,
  type Question,
  type RawAnswer,
  type Text,
} from "./index.ts";

const catalogue = currentCatalogue();
const criteria: readonly Criterion[] = catalogue.criteria;
const questions: readonly Question[] = catalogue.questions;
const items: readonly CatalogueItem[] = [...criteria, ...questions];
const PARTS: readonly Part[] = ["general", ...PORTAL_LINES];

// ---- Helpers -------------------------------------------------------------------------------

/**
 * Whether a French text looks French: an accented letter, a typographic elision (l’, d’, qu’)
 * or a common French function word. An English sentence has none of these.
 */
const FRENCH_ACCENT = /[àâäçéèêëîïôöùûüÿœæ]/i;
const FRENCH_ELISION = /(^|[\s(«])(l|d|qu|n|s|j|c)’/i;
const FRENCH_WORD =
  /(^|[\s(«])(le|la|les|de|des|du|un|une|et|ou|en|au|aux|pour|par|sur|dans|avec|votre|vos|vous|est|sont|si|oui|non)(?=[\s,.;:?!)»]|$)/i;

function looksFrench(text: string): boolean {
  return FRENCH_ACCENT.test(text) || FRENCH_ELISION.test(text) || FRENCH_WORD.test(text);
}

/** Sentences of a text (so that one English sentence left in a French text is caught). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+(?=[A-ZÀ-Ý«(])/u)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Every French sentence of a text that does not look French. */
function unFrenchSentences(text: string): string[] {
  return sentences(text).filter((s) => !looksFrench(s));
}

function assertBilingual(text: Text, where: string): void {
  assert.equal(typeof text.en, "string", `${where}: en`);
  assert.equal(typeof text.fr, "string", `${where}: fr`);
  assert.notEqual(text.en.trim(), "", `${where}: en is empty`);
  assert.notEqual(text.fr.trim(), "", `${where}: fr is empty`);
}

/** A bilingual sentence-like text: both present, the French different and French throughout. */
function assertFrenchText(text: Text, where: string): void {
  assertBilingual(text, where);
  assert.notEqual(text.fr.trim(), text.en.trim(), `${where}: fr is the same as en`);
  assert.deepEqual(unFrenchSentences(text.fr), [], `${where}: French text has a sentence that does not look French`);
  assert.ok(!looksFrench(text.en), `${where}: English text looks French: ${text.en}`);
}

function assertHeading(heading: Heading | undefined, where: string): void {
  assert.ok(heading !== undefined, `${where}: no heading`);
  assertBilingual(heading.name, `${where} name`);
  assertFrenchText(heading.description, `${where} description`);
  assert.notEqual(heading.name.fr, heading.name.en, `${where}: name fr is the same as en`);
}

function findItem(predicate: (item: CatalogueItem) => boolean, what: string): CatalogueItem {
  const found = items.find(predicate);
  assert.ok(found !== undefined, `the catalogue has ${what}`);
  return found;
}

function byId(id: string): CatalogueItem {
  const item = itemById(catalogue, id);
  assert.ok(item !== undefined, `${id} is in the catalogue`);
  return item;
}

/** A valid raw answer for any item (one that needs no explanation). */
function validRaw(item: CatalogueItem): RawAnswer {
  const type: AnswerType = item.answer;
  switch (type.kind) {
    case "yes-no":
      return { value: "yes" };
    case "yes-no-explain":
      return { value: type.explainWhen === "no" ? "yes" : "no" };
    case "text":
      return { value: type.format === "carrier-code" ? "AB12" : "An answer" };
    case "choice":
      return { value: type.multiple ? [type.options[0]?.id] : type.options[0]?.id };
    case "number":
      return { value: String(type.min) };
    case "date":
      return { value: "2020-01-15" };
    case "company-user":
      return { value: "user-1" };
    case "confirm":
      return { value: "yes" };
  }
}

const CLEAN: EvidenceStatus = { count: 1, allClean: true };

function cleanEvidenceFor(section: readonly CatalogueItem[]): Record<string, EvidenceStatus> {
  return Object.fromEntries(section.map((item) => [item.id, CLEAN]));
}

function allValidAnswers(section: readonly CatalogueItem[]): Record<string, RawAnswer> {
  return Object.fromEntries(section.map((item) => [item.id, validRaw(item)]));
}

function problemOf(item: CatalogueItem, raw: RawAnswer | null | undefined, context = {}): string {
  const check = validateAnswer(item, raw, context);
  return check.ok ? "ok" : `${check.problem}@${check.field}`;
}

function valueOf(item: CatalogueItem, raw: RawAnswer, context = {}): unknown {
  const check = validateAnswer(item, raw, context);
  assert.ok(check.ok, `expected ${item.id} to accept ${JSON.stringify(raw)}, got ${JSON.stringify(check)}`);
  return check.value;
}

// ---- The French heuristic itself -----------------------------------------------------------

describe("the French-text heuristic", () => {
  it("rejects English sentences", () => {
    for (const english of [
      "Do you have a written risk assessment of your international supply chain?",
      "Count the trailers you own or lease long-term, including refrigerated trailers and flatbeds.",
      "Your written inspection procedure for conveyances and instruments of international traffic",
      "Answer no if even one of these drivers is not enrolled or holds an expired card.",
    ]) {
      assert.equal(looksFrench(english), false, english);
    }
  });

  it("accepts French sentences, with or without accents", () => {
    assert.ok(looksFrench("Avez-vous une évaluation des risques écrite?"));
    assert.ok(looksFrench("Comptez les remorques dont vous avez besoin."));
    assert.ok(looksFrench("Si oui, indiquez combien."));
  });

  it("catches one English sentence left in a French text", () => {
    const mixed =
      "Comptez les remorques dont vous êtes propriétaire. Count the trailers you own or lease long-term, including flatbeds.";
    assert.deepEqual(unFrenchSentences(mixed), [
      "Count the trailers you own or lease long-term, including flatbeds.",
    ]);
  });
});

// ---- The data ------------------------------------------------------------------------------

describe("catalogue data: every criterion and question", () => {
  it("has bilingual, distinct, French-looking text and guidance", () => {
    for (const item of items) {
      assertFrenchText(item.text, `${item.id} text`);
      assertFrenchText(item.guidance, `${item.id} guidance`);
    }
  });

  it("has an id that is unique across the version", () => {
    const seen = new Set<string>();
    for (const item of items) {
      assert.ok(!seen.has(item.id), `duplicate id ${item.id}`);
      seen.add(item.id);
    }
    assert.equal(seen.size, criteria.length + questions.length);
  });

  it("has a criterion id made of its category's prefix and a number", () => {
    for (const c of criteria) {
      assert.match(c.id, /^[A-Z]{2,4}-\d{1,3}$/, c.id);
      assert.equal(c.id.split("-")[0], CATEGORY_PREFIX[c.category], `${c.id} is in ${c.category}`);
    }
  });

  it("has a question id made of its part's prefix and a number", () => {
    for (const q of questions) {
      assert.match(q.id, /^[A-Z]{2,4}-\d{1,3}$/, q.id);
      assert.ok(PARTS.includes(q.part), `${q.id}: unknown part ${q.part}`);
      assert.equal(q.id.split("-")[0], PART_PREFIX[q.part], `${q.id} is in ${q.part}`);
    }
  });

  it("has prefixes that are unique, so an id names one category or part", () => {
    const prefixes = [...Object.values(CATEGORY_PREFIX), ...Object.values(PART_PREFIX)];
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const p of prefixes) assert.match(p, /^[A-Z]{2,4}$/);
  });

  it("puts each criterion in a known category of its own area", () => {
    for (const c of criteria) {
      assert.ok((CATEGORY_IDS as readonly string[]).includes(c.category), `${c.id}: unknown category`);
      assert.equal(c.area, CATEGORY_AREA[c.category], `${c.id}: area`);
      assert.ok((AREA_IDS as readonly string[]).includes(c.area), `${c.id}: unknown area`);
    }
  });

  it("applies each criterion to at least one portal line, never a broker or shipping agent", () => {
    for (const c of criteria) {
      assert.ok(c.lines.length > 0, `${c.id}: no lines`);
      assert.equal(new Set(c.lines).size, c.lines.length, `${c.id}: a line twice`);
      for (const line of c.lines) {
        assert.ok(PORTAL_LINES.includes(line), `${c.id}: ${line} is not a portal line`);
        assert.ok(!(NON_PORTAL_LINES as readonly string[]).includes(line), `${c.id}: ${line}`);
      }
    }
  });

  it("has a level of must or should on each criterion, and a required flag on each question", () => {
    for (const c of criteria) assert.ok(c.level === "must" || c.level === "should", c.id);
    for (const q of questions) assert.equal(typeof q.required, "boolean", q.id);
  });

  it("says what to attach, in both languages, whenever evidence is not 'none'", () => {
    for (const item of items) {
      const evidence = item.evidence;
      assert.ok(["none", "required", "optional"].includes(evidence.rule), `${item.id}: rule ${evidence.rule}`);
      if (evidence.rule === "none") continue;
      assert.ok(evidence.what !== undefined, `${item.id}: evidence ${evidence.rule} without what`);
      assertFrenchText(evidence.what, `${item.id} evidence`);
    }
  });

  it("gives choice options unique ids and bilingual labels", () => {
    let choices = 0;
    for (const item of items) {
      if (item.answer.kind !== "choice") continue;
      choices += 1;
      const options = item.answer.options;
      assert.ok(options.length >= 2, `${item.id}: fewer than 2 options`);
      const ids = options.map((o) => o.id);
      assert.equal(new Set(ids).size, ids.length, `${item.id}: duplicate option id`);
      for (const option of options) {
        assert.match(option.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${item.id}: option id ${option.id}`);
        assertBilingual(option.label, `${item.id} option ${option.id}`);
      }
    }
    assert.ok(choices > 0);
  });

  it("gives number answers min ≤ max, and text answers a positive maximum length", () => {
    for (const item of items) {
      const type = item.answer;
      if (type.kind === "number") {
        assert.ok(Number.isFinite(type.min) && Number.isFinite(type.max), item.id);
        assert.ok(type.min <= type.max, `${item.id}: min ${type.min} > max ${type.max}`);
        if (type.unit !== undefined) assertBilingual(type.unit, `${item.id} unit`);
      }
      if (type.kind === "text") assert.ok(Number.isInteger(type.maxLength) && type.maxLength > 0, item.id);
    }
  });

  it("accepts a plain valid answer for every item (no item is unanswerable)", () => {
    for (const item of items) {
      const check = validateAnswer(item, validRaw(item), { companyUsers: ["user-1"], today: "2026-06-01" });
      assert.ok(check.ok && check.value !== null, `${item.id}: ${JSON.stringify(check)}`);
    }
  });

  it("lists criteria area by area, category by category, and questions part by part", () => {
    const categoryIndex = criteria.map((c) => CATEGORY_IDS.indexOf(c.category));
    for (let i = 1; i < categoryIndex.length; i++) {
      assert.ok(categoryIndex[i - 1]! <= categoryIndex[i]!, `${criteria[i]?.id} is out of category order`);
    }
    const partIndex = questions.map((q) => PARTS.indexOf(q.part));
    for (let i = 1; i < partIndex.length; i++) {
      assert.ok(partIndex[i - 1]! <= partIndex[i]!, `${questions[i]?.id} is out of part order`);
    }
  });
});

describe("catalogue data: counts and headings", () => {
  it("has at least 60 criteria and at least 25 questions", () => {
    assert.ok(criteria.length >= 60, `${criteria.length} criteria`);
    assert.ok(questions.length >= 25, `${questions.length} questions`);
  });

  it("has at least 4 criteria in every category", () => {
    for (const category of CATEGORY_IDS) {
      const n = criteria.filter((c) => c.category === category).length;
      assert.ok(n >= 4, `${category}: ${n} criteria`);
    }
  });

  it("has at least 2 questions in the general part and in each portal line's part", () => {
    for (const part of PARTS) {
      const n = questions.filter((q) => q.part === part).length;
      assert.ok(n >= 2, `${part}: ${n} questions`);
    }
  });

  it("covers every portal line with some criteria", () => {
    for (const line of PORTAL_LINES) assert.ok(criteria.some((c) => c.lines.includes(line)), line);
  });

  it("has bilingual headings for every area, category and part, and no others", () => {
    assert.deepEqual(Object.keys(catalogue.areas).sort(), [...AREA_IDS].sort());
    assert.deepEqual(Object.keys(catalogue.categories).sort(), [...CATEGORY_IDS].sort());
    assert.deepEqual(Object.keys(catalogue.parts).sort(), [...PARTS].sort());
    for (const area of AREA_IDS) assertHeading(catalogue.areas[area], `area ${area}`);
    for (const category of CATEGORY_IDS) assertHeading(catalogue.categories[category], `category ${category}`);
    for (const part of PARTS) assertHeading(catalogue.parts[part], `part ${part}`);
  });

  it("has a version and an effective date", () => {
    assert.match(catalogue.version, /^\d{4}-\d+$/);
    assert.match(catalogue.effective, /^\d{4}-\d{2}-\d{2}$/);
  });
});

// ---- Applicability -------------------------------------------------------------------------

describe("criteriaFor", () => {
  const highwayOnly = criteria.find((c) => c.lines.length === 1 && c.lines[0] === "highway-carrier");
  const idsFor = (lines: readonly LineOfBusiness[]): string[] =>
    criteriaFor(catalogue, lines).flatMap((a) => a.categories.flatMap((g) => g.criteria.map((c) => c.id)));

  it("gives a highway carrier a criterion only highway carriers answer, and an importer not", () => {
    assert.ok(highwayOnly !== undefined, "the catalogue has a highway-carrier-only criterion");
    assert.ok(idsFor(["highway-carrier"]).includes(highwayOnly.id));
    assert.ok(!idsFor(["importer"]).includes(highwayOnly.id));
    assert.ok(idsFor(["importer", "highway-carrier"]).includes(highwayOnly.id));
  });

  it("groups in AREA_IDS then CATEGORY_IDS order, with no empty group, each criterion once, in catalogue order", () => {
    const lineSets: LineOfBusiness[][] = [...PORTAL_LINES.map((l) => [l]), [...PORTAL_LINES], ["exporter", "air-carrier"]];
    for (const lines of lineSets) {
      const groups = criteriaFor(catalogue, lines);
      assert.ok(groups.length > 0, lines.join());
      const areaIndex = groups.map((g) => AREA_IDS.indexOf(g.area));
      for (let i = 1; i < areaIndex.length; i++) assert.ok(areaIndex[i - 1]! < areaIndex[i]!, `area order for ${lines.join()}`);
      const categoryOrder: number[] = [];
      for (const group of groups) {
        assert.equal(group.heading, catalogue.areas[group.area]);
        assert.ok(group.categories.length > 0, `empty area ${group.area} for ${lines.join()}`);
        for (const category of group.categories) {
          assert.equal(CATEGORY_AREA[category.category], group.area, `${category.category} under ${group.area}`);
          assert.equal(category.heading, catalogue.categories[category.category]);
          assert.ok(category.criteria.length > 0, `empty category ${category.category} for ${lines.join()}`);
          categoryOrder.push(CATEGORY_IDS.indexOf(category.category));
          for (const c of category.criteria) {
            assert.equal(c.category, category.category, c.id);
            assert.ok(c.lines.some((l) => lines.includes(l)), `${c.id} does not apply to ${lines.join()}`);
          }
        }
      }
      for (let i = 1; i < categoryOrder.length; i++) {
        assert.ok(categoryOrder[i - 1]! < categoryOrder[i]!, `category order for ${lines.join()}`);
      }
      const expected = criteria.filter((c) => c.lines.some((l) => lines.includes(l))).map((c) => c.id);
      assert.deepEqual(idsFor(lines), expected, `every applicable criterion, once, for ${lines.join()}`);
    }
  });

  it("gives all criteria to a division carrying out every portal line", () => {
    assert.deepEqual(idsFor([...PORTAL_LINES]), criteria.map((c) => c.id));
  });

  it("ignores customs-broker and shipping-agent lines", () => {
    assert.deepEqual(criteriaFor(catalogue, ["customs-broker"]), []);
    assert.deepEqual(criteriaFor(catalogue, ["shipping-agent", "customs-broker"]), []);
    assert.deepEqual(idsFor(["importer", "customs-broker", "shipping-agent"]), idsFor(["importer"]));
    assert.deepEqual(criteriaFor(catalogue, []), []);
  });
});

describe("questionsFor", () => {
  const partsFor = (lines: readonly LineOfBusiness[]): Part[] => questionsFor(catalogue, lines).map((g) => g.part);

  it("gives the general part, then the parts of the lines operated, in LINES_OF_BUSINESS order", () => {
    assert.deepEqual(partsFor(["importer", "highway-carrier"]), ["general", "importer", "highway-carrier"]);
    assert.deepEqual(partsFor(["highway-carrier", "importer"]), ["general", "importer", "highway-carrier"]);
    assert.deepEqual(partsFor([]), ["general"]);
    assert.deepEqual(partsFor([...LINES_OF_BUSINESS]), PARTS);
  });

  it("never gives a part for a line not operated", () => {
    for (const line of PORTAL_LINES) {
      const parts = partsFor([line]);
      assert.deepEqual(parts, ["general", line]);
      for (const other of PORTAL_LINES) if (other !== line) assert.ok(!parts.includes(other), `${other} for ${line}`);
    }
  });

  it("puts each part's questions, in catalogue order, under its heading", () => {
    for (const group of questionsFor(catalogue, ["importer", "highway-carrier"])) {
      assert.equal(group.heading, catalogue.parts[group.part]);
      assert.ok(group.questions.length > 0, group.part);
      assert.deepEqual(
        group.questions.map((q) => q.id),
        questions.filter((q) => q.part === group.part).map((q) => q.id),
      );
    }
  });

  it("adds no part for a customs-broker or shipping-agent line", () => {
    assert.deepEqual(partsFor(["importer", "customs-broker"]), ["general", "importer"]);
    assert.deepEqual(partsFor(["customs-broker", "shipping-agent"]), ["general"]);
  });
});

// ---- Answers -------------------------------------------------------------------------------

describe("validateAnswer", () => {
  it("yes-no: yes and no, normalised; anything else is not an option; blank is required", () => {
    const item = findItem((i) => i.answer.kind === "yes-no" && "part" in i && i.required, "a required yes-no question");
    assert.deepEqual(valueOf(item, { value: "yes" }), { value: "yes" });
    assert.deepEqual(valueOf(item, { value: "no" }), { value: "no" });
    assert.deepEqual(valueOf(item, { value: " YES " }), { value: "yes" });
    assert.equal(problemOf(item, { value: "maybe" }), "not-an-option@value");
    assert.equal(problemOf(item, { value: "oui" }), "not-an-option@value");
    assert.equal(problemOf(item, { value: "" }), "required@value");
    assert.equal(problemOf(item, { value: "   " }), "required@value");
    assert.equal(problemOf(item, {}), "required@value");
    assert.equal(problemOf(item, null), "required@value");
    assert.equal(problemOf(item, { value: { yes: true } }), "not-an-option@value");
  });

  it("yes-no-explain on a must: no needs an explanation, yes does not", () => {
    const item = findItem(
      (i) => i.answer.kind === "yes-no-explain" && i.answer.explainWhen === "no" && "level" in i && i.level === "must",
      "a must with an explanation required for no",
    );
    assert.equal(problemOf(item, { value: "no" }), "explanation-required@explanation");
    assert.equal(problemOf(item, { value: "no", explanation: "   " }), "explanation-required@explanation");
    assert.deepEqual(valueOf(item, { value: "no", explanation: "  Planned for March.  " }), {
      value: "no",
      explanation: "Planned for March.",
    });
    assert.deepEqual(valueOf(item, { value: "yes" }), { value: "yes" });
    assert.deepEqual(valueOf(item, { value: "yes", explanation: "Kept." }), { value: "yes", explanation: "Kept." });
    assert.equal(
      problemOf(item, { value: "no", explanation: "x".repeat(EXPLANATION_MAX_LENGTH + 1) }),
      "too-long@explanation",
    );
    assert.equal(problemOf(item, { value: "perhaps", explanation: "why" }), "not-an-option@value");
    assert.equal(problemOf(item, { explanation: "only an explanation" }), "required@value");
  });

  it("yes-no-explain on a GEN penalties question: yes needs the details, no does not", () => {
    const item = byId("GEN-10");
    assert.deepEqual(item.answer, { kind: "yes-no-explain", explainWhen: "yes" });
    assert.equal(problemOf(item, { value: "yes" }), "explanation-required@explanation");
    assert.deepEqual(valueOf(item, { value: "yes", explanation: "2024-05-01, CBSA, AMP C152." }), {
      value: "yes",
      explanation: "2024-05-01, CBSA, AMP C152.",
    });
    assert.deepEqual(valueOf(item, { value: "no" }), { value: "no" });
  });

  it("text: trimmed; one character over the maximum is too long", () => {
    const item = findItem((i) => i.answer.kind === "text" && i.answer.format === undefined && isReq(i), "a free-text item");
    assert.ok(item.answer.kind === "text");
    const max = item.answer.maxLength;
    assert.deepEqual(valueOf(item, { value: `  ${"a".repeat(max)}  ` }), { value: "a".repeat(max) });
    assert.equal(problemOf(item, { value: "a".repeat(max + 1) }), "too-long@value");
    assert.equal(problemOf(item, { value: "" }), "required@value");
    assert.deepEqual(valueOf(item, { value: "line one\r\nline two" }), { value: "line one\nline two" });
  });

  it("text with the carrier-code format: four letters or digits, upper-cased", () => {
    const item = findItem((i) => i.answer.kind === "text" && i.answer.format === "carrier-code" && isReq(i), "a carrier code");
    assert.deepEqual(valueOf(item, { value: "ab12" }), { value: "AB12" });
    assert.equal(problemOf(item, { value: "AB1" }), "bad-format@value");
    assert.equal(problemOf(item, { value: "AB-1" }), "bad-format@value");
    assert.equal(problemOf(item, { value: "AB123" }), "too-long@value");
  });

  it("number: whole numbers, in range, read from French and English formats", () => {
    const item = findItem(
      (i) => i.answer.kind === "number" && i.answer.integer === true && i.answer.min === 0 && i.answer.max >= 1000 && isReq(i),
      "a whole-number count",
    );
    assert.ok(item.answer.kind === "number");
    const { max } = item.answer;
    assert.deepEqual(valueOf(item, { value: "12" }), { value: 12 });
    assert.deepEqual(valueOf(item, { value: 12 }), { value: 12 });
    assert.deepEqual(valueOf(item, { value: "1 200" }), { value: 1200 });
    assert.deepEqual(valueOf(item, { value: "1,200" }), { value: 1200 });
    assert.deepEqual(valueOf(item, { value: "0" }), { value: 0 });
    assert.deepEqual(valueOf(item, { value: String(max) }), { value: max });
    assert.equal(problemOf(item, { value: "1.5" }), "not-a-whole-number@value");
    assert.equal(problemOf(item, { value: "1,5" }), "not-a-whole-number@value");
    assert.equal(problemOf(item, { value: "abc" }), "not-a-number@value");
    assert.equal(problemOf(item, { value: "12abc" }), "not-a-number@value");
    assert.equal(problemOf(item, { value: Number.NaN }), "not-a-number@value");
    assert.equal(problemOf(item, { value: "-1" }), "out-of-range@value");
    assert.equal(problemOf(item, { value: String(max + 1) }), "out-of-range@value");
    assert.equal(problemOf(item, { value: "" }), "required@value");
  });

  it("number without integer: decimals accepted", () => {
    const item = findItem((i) => i.answer.kind === "number" && i.answer.integer !== true && isReq(i), "a decimal number");
    assert.deepEqual(valueOf(item, { value: "1,5" }), { value: 1.5 });
    assert.deepEqual(valueOf(item, { value: "1.5" }), { value: 1.5 });
  });

  it("date: a real calendar date; with past, not after today when today is known", () => {
    const item = findItem((i) => i.answer.kind === "date" && i.answer.past === true, "a past date");
    const today = "2026-06-01";
    assert.deepEqual(valueOf(item, { value: "2026-05-31" }, { today }), { value: "2026-05-31" });
    assert.deepEqual(valueOf(item, { value: today }, { today }), { value: today });
    assert.deepEqual(valueOf(item, { value: "2024-02-29" }, { today }), { value: "2024-02-29" });
    assert.equal(problemOf(item, { value: "2026-02-30" }, { today }), "not-a-date@value");
    assert.equal(problemOf(item, { value: "2025-02-29" }, { today }), "not-a-date@value");
    assert.equal(problemOf(item, { value: "2026-13-01" }, { today }), "not-a-date@value");
    assert.equal(problemOf(item, { value: "01/06/2026" }, { today }), "not-a-date@value");
    assert.equal(problemOf(item, { value: "yesterday" }, { today }), "not-a-date@value");
    // index.ts reports a future date as out of range (it is a real date, just not allowed).
    assert.equal(problemOf(item, { value: "2026-06-02" }, { today }), "out-of-range@value");
    // Without today, the past check is not made.
    assert.deepEqual(valueOf(item, { value: "2099-01-01" }), { value: "2099-01-01" });
    assert.equal(problemOf(item, { value: "" }, { today }), "required@value");
  });

  it("choice, single: one known option id", () => {
    const item = findItem((i) => i.answer.kind === "choice" && i.answer.multiple !== true && isReq(i), "a single choice");
    assert.ok(item.answer.kind === "choice");
    const first = item.answer.options[0]!.id;
    assert.deepEqual(valueOf(item, { value: first }), { value: first });
    assert.deepEqual(valueOf(item, { value: [first] }), { value: first });
    assert.equal(problemOf(item, { value: "no-such-option" }), "not-an-option@value");
    assert.equal(problemOf(item, { value: [first, item.answer.options[1]!.id] }), "not-an-option@value");
    assert.equal(problemOf(item, { value: 3 }), "not-an-option@value");
    assert.equal(problemOf(item, { value: "" }), "required@value");
  });

  it("choice, multiple: known option ids, in catalogue order, at least one", () => {
    const item = findItem((i) => i.answer.kind === "choice" && i.answer.multiple === true && isReq(i), "a multiple choice");
    assert.ok(item.answer.kind === "choice");
    const [a, b] = [item.answer.options[0]!.id, item.answer.options[1]!.id];
    assert.deepEqual(valueOf(item, { value: [b, a] }), { value: [a, b] });
    assert.deepEqual(valueOf(item, { value: [a, a] }), { value: [a] });
    assert.deepEqual(valueOf(item, { value: a }), { value: [a] });
    assert.equal(problemOf(item, { value: [a, "no-such-option"] }), "not-an-option@value");
    assert.equal(problemOf(item, { value: "no-such-option" }), "not-an-option@value");
    assert.equal(problemOf(item, { value: [] }), "required@value");
    assert.equal(problemOf(item, { value: ["", " "] }), "required@value");
  });

  it("company-user: one of the company's users when the caller lists them", () => {
    const item = findItem((i) => i.answer.kind === "company-user", "a company-user question");
    const context = { companyUsers: ["user-1", "user-2"] };
    assert.deepEqual(valueOf(item, { value: "user-2" }, context), { value: "user-2" });
    assert.equal(problemOf(item, { value: "user-9" }, context), "not-an-option@value");
    assert.equal(problemOf(item, { value: "user-9" }, { companyUsers: [] }), "not-an-option@value");
    assert.deepEqual(valueOf(item, { value: "user-9" }), { value: "user-9" });
    assert.equal(problemOf(item, { value: "" }, context), "required@value");
  });

  it("confirm: only yes", () => {
    const item = findItem((i) => i.answer.kind === "confirm", "a confirmation");
    assert.deepEqual(valueOf(item, { value: "yes" }), { value: "yes" });
    assert.equal(problemOf(item, { value: "no" }), "not-an-option@value");
    assert.equal(problemOf(item, { value: "on" }), "not-an-option@value");
    assert.equal(problemOf(item, { value: "" }), "required@value");
  });

  it("an optional question left blank is valid, with nothing to store", () => {
    const optional = questions.filter((q) => !q.required);
    assert.ok(optional.length > 0, "the catalogue has an optional question");
    for (const q of optional) {
      for (const raw of [{}, { value: "" }, { value: "  " }, { value: null }, null, undefined]) {
        assert.deepEqual(validateAnswer(q, raw), { ok: true, value: null }, `${q.id} ${JSON.stringify(raw)}`);
      }
    }
  });

  it("a criterion is always required", () => {
    for (const c of criteria) {
      const check = validateAnswer(c, {});
      assert.ok(!check.ok && check.problem === "required", c.id);
    }
  });

  it("never throws, whatever is posted", () => {
    const junk: unknown[] = [undefined, null, 0, -0, Infinity, "", "x", [], [[]], [1, 2], {}, { a: 1 }, true, Symbol("s")];
    for (const item of items) {
      for (const value of junk) {
        for (const explanation of [undefined, 42, "why"]) {
          assert.doesNotThrow(() => validateAnswer(item, { value, explanation }), `${item.id} ${String(value)}`);
        }
      }
    }
  });
});

function isReq(item: CatalogueItem): boolean {
  return "part" in item ? item.required : true;
}

// ---- Section progress ----------------------------------------------------------------------

describe("sectionProgress", () => {
  // A category with a must whose "no" needs an explanation and a criterion whose "yes" needs evidence.
  const evidenced = findItem(
    (i) =>
      "level" in i && i.evidence.rule === "required" && i.answer.kind === "yes-no-explain" && i.answer.explainWhen === "no",
    "a must with required evidence and an explanation for no",
  ) as Criterion;
  const section: readonly CatalogueItem[] = criteria.filter((c) => c.category === evidenced.category);
  const others = section.filter((i) => i.id !== evidenced.id);
  const answersOfOthers = allValidAnswers(others);
  const evidenceOfOthers = cleanEvidenceFor(others);

  it("not started when nothing is answered", () => {
    assert.deepEqual(sectionProgress(section, {}), { state: "not-started", answered: 0, total: section.length });
    assert.deepEqual(sectionProgress(section, { [evidenced.id]: { value: "  " } }), {
      state: "not-started",
      answered: 0,
      total: section.length,
    });
  });

  it("complete when every required item is validly answered, with its evidence", () => {
    const progress = sectionProgress(section, allValidAnswers(section), cleanEvidenceFor(section));
    assert.deepEqual(progress, { state: "complete", answered: section.length, total: section.length });
  });

  it("in progress when some are answered", () => {
    const first = section[0]!;
    const progress = sectionProgress(section, { [first.id]: validRaw(first) }, cleanEvidenceFor(section));
    assert.deepEqual(progress, { state: "in-progress", answered: 1, total: section.length });
  });

  it("a must answered no without explanation is not counted; with it, it is", () => {
    const without = sectionProgress(section, { ...answersOfOthers, [evidenced.id]: { value: "no" } }, evidenceOfOthers);
    assert.deepEqual(without, { state: "in-progress", answered: section.length - 1, total: section.length });
    const withIt = sectionProgress(
      section,
      { ...answersOfOthers, [evidenced.id]: { value: "no", explanation: "We are writing it; due in March." } },
      evidenceOfOthers,
    );
    assert.deepEqual(withIt, { state: "complete", answered: section.length, total: section.length });
  });

  it("a yes that needs evidence counts only with at least one file, every file clean", () => {
    const answers = { ...answersOfOthers, [evidenced.id]: { value: "yes" } };
    const progressWith = (files: EvidenceStatus | undefined) =>
      sectionProgress(section, answers, files === undefined ? evidenceOfOthers : { ...evidenceOfOthers, [evidenced.id]: files });
    const notCounted = { state: "in-progress", answered: section.length - 1, total: section.length };
    assert.deepEqual(progressWith(undefined), notCounted);
    assert.deepEqual(progressWith({ count: 0, allClean: true }), notCounted);
    assert.deepEqual(progressWith({ count: 1, allClean: false }), notCounted);
    assert.deepEqual(progressWith({ count: 2, allClean: false }), notCounted);
    assert.deepEqual(progressWith({ count: 1, allClean: true }), {
      state: "complete",
      answered: section.length,
      total: section.length,
    });
  });

  it("evidence attached with nothing typed starts the section", () => {
    assert.deepEqual(sectionProgress(section, {}, { [evidenced.id]: CLEAN }), {
      state: "in-progress",
      answered: 0,
      total: section.length,
    });
  });

  it("ignores an answer keyed by an unknown or retired id, and retiredAnswerIds lists it", () => {
    const answers = { "RA-999": { value: "yes" }, "XX-1": { value: "no" } };
    assert.deepEqual(sectionProgress(section, answers, { "RA-999": CLEAN }), {
      state: "not-started",
      answered: 0,
      total: section.length,
    });
    const withKnown = { ...answers, [evidenced.id]: { value: "yes" } };
    assert.deepEqual([...retiredAnswerIds(catalogue, withKnown)].sort(), ["RA-999", "XX-1"]);
    assert.deepEqual(retiredAnswerIds(catalogue, allValidAnswers(items)), []);
    // Inherited keys are not answers.
    assert.deepEqual(sectionProgress(section, Object.create({ [evidenced.id]: { value: "yes" } }) as Record<string, RawAnswer>), {
      state: "not-started",
      answered: 0,
      total: section.length,
    });
  });

  it("ignores answers to another section's items", () => {
    const elsewhere = criteria.filter((c) => c.category !== evidenced.category);
    assert.ok(elsewhere.length > 0);
    assert.deepEqual(sectionProgress(section, allValidAnswers(elsewhere), cleanEvidenceFor(elsewhere)), {
      state: "not-started",
      answered: 0,
      total: section.length,
    });
  });

  it("counts optional questions only when something is typed into them", () => {
    const general = questions.filter((q) => q.part === "general");
    const optional = general.filter((q) => !q.required);
    assert.ok(optional.length > 0, "the general part has an optional question");
    const required = general.filter((q) => q.required);
    const answers = allValidAnswers(required);
    const evidence = cleanEvidenceFor(general);
    const context = { companyUsers: ["user-1"] };
    assert.deepEqual(sectionProgress(general, answers, evidence, context), {
      state: "complete",
      answered: required.length,
      total: required.length,
    });
    const typed = { ...answers, [optional[0]!.id]: validRaw(optional[0]!) };
    assert.deepEqual(sectionProgress(general, typed, evidence, context), {
      state: "complete",
      answered: required.length + 1,
      total: required.length + 1,
    });
  });

  it("uses the context: an unknown company user is not counted", () => {
    const user = findItem((i) => i.answer.kind === "company-user", "a company-user question");
    assert.deepEqual(sectionProgress([user], { [user.id]: { value: "gone" } }, {}, { companyUsers: ["user-1"] }), {
      state: "in-progress",
      answered: 0,
      total: 1,
    });
  });

  it("a section with nothing required and nothing typed is complete", () => {
    const optional = questions.filter((q) => !q.required);
    assert.deepEqual(sectionProgress(optional, {}), { state: "complete", answered: 0, total: 0 });
    assert.deepEqual(sectionProgress([], {}), { state: "complete", answered: 0, total: 0 });
  });
});

// ---- The registry --------------------------------------------------------------------------

describe("catalogue versions", () => {
  it("CURRENT_VERSION is a known version, and catalogueVersion gives the current catalogue", () => {
    assert.ok(CATALOGUE_VERSIONS.includes(CURRENT_VERSION));
    assert.equal(catalogueVersion(CURRENT_VERSION), currentCatalogue());
    assert.equal(catalogue.version, CURRENT_VERSION);
    assert.equal(new Set(CATALOGUE_VERSIONS).size, CATALOGUE_VERSIONS.length);
    assert.equal(catalogueVersion("1999-1"), undefined);
    assert.equal(catalogueVersion(""), undefined);
  });

  it("every version's items are found by id", () => {
    for (const version of CATALOGUE_VERSIONS) {
      const c = catalogueVersion(version);
      assert.ok(c !== undefined, version);
      for (const item of [...c.criteria, ...c.questions]) assert.equal(itemById(c, item.id), item);
      assert.equal(itemById(c, "XX-1"), undefined);
    }
  });

  it("the catalogue is frozen all the way down: mutating it throws (strict mode) or has no effect", () => {
    /** Runs a mutation: it must throw a TypeError (as in strict mode) or leave the value unchanged. */
    const assertImmutable = (mutate: () => void, read: () => unknown): void => {
      const before = read();
      try {
        mutate();
      } catch (error) {
        assert.ok(error instanceof TypeError, `expected a TypeError, got ${String(error)}`);
      }
      assert.deepEqual(read(), before);
    };
    assertImmutable(
      () => ((catalogue as { version: string }).version = "2099-1"),
      () => catalogue.version,
    );
    assertImmutable(
      () => (catalogue.criteria as Criterion[]).push(catalogue.criteria[0]!),
      () => catalogue.criteria.length,
    );
    assertImmutable(
      () => ((catalogue.criteria[0]!.text as { en: string }).en = "changed"),
      () => catalogue.criteria[0]!.text.en,
    );
    assertImmutable(
      () => ((catalogue.criteria[0]!.lines as string[]).push("customs-broker")),
      () => catalogue.criteria[0]!.lines.length,
    );
    assertImmutable(
      () => ((catalogue.areas.corporate.name as { fr: string }).fr = "changé"),
      () => catalogue.areas.corporate.name.fr,
    );
    assertImmutable(
      () => ((catalogue.questions[0]!.guidance as { en: string }).en = "changed"),
      () => catalogue.questions[0]!.guidance.en,
    );
    assertImmutable(
      () => (CATALOGUE_VERSIONS as string[]).push("2099-1"),
      () => [...CATALOGUE_VERSIONS],
    );
    assert.equal(catalogue.version, CURRENT_VERSION);

    const unfrozen: string[] = [];
    const seen = new Set<object>();
    const walk = (value: unknown, path: string): void => {
      if (typeof value !== "object" || value === null || seen.has(value)) return;
      seen.add(value);
      if (!Object.isFrozen(value)) unfrozen.push(path);
      for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
    };
    for (const version of CATALOGUE_VERSIONS) walk(catalogueVersion(version), version);
    assert.deepEqual(unfrozen, []);
  });
});
