// The generic tagged document as poppler-utils sees it: two language blocks, each from a new
// page, long enough to paginate (headings, field lists, lists, a paragraph and a field value
// taller than a page), the text in order, the structure tree with each block's language.
// Without pdftotext the tests that need it are skipped, except with CI=true, where that is a failure.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { documentUnsupportedCharacters, renderDocument, type PdfBlock, type PdfDocument, type PdfPart } from "./document.ts";
import { UnsupportedCharactersError } from "./letters.ts";
import { skipUnless, type ConditionalTests } from "../../../test/helpers/skip.ts";

/** The test functions for what needs pdftotext: without it each test is skipped, except with CI=true. */
function popplerTests(): ConditionalTests {
  const found = spawnSync("pdftotext", ["-v"]).error === undefined;
  if (!found && process.env.CI === "true") throw new Error("CI=true but pdftotext is missing: install poppler-utils (apt-get install poppler-utils)");
  return skipUnless(found, "document PDF tests skipped: pdftotext not found (apt-get install poppler-utils)");
}

const SHA = "3f8a1c0e9b7d6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a10";
const ITEMS = 60;

/** A block of 60 items (heading + fields), a list now and then, a long paragraph and a long value. */
function block(lang: "en" | "fr"): PdfBlock {
  const w = lang === "fr" ? { item: "Élément", answer: "Réponse", yes: "Oui", note: "Note\u00a0: à vérifier", heading: "Profil de sécurité" } : { item: "Item", answer: "Answer", yes: "Yes", note: "Note: to check", heading: "Security profile" };
  const parts: PdfPart[] = [{ kind: "paragraph", text: lang === "fr" ? "Ce document est la copie de l’entreprise. « Guillemets » et e\u0301 composé." : "This document is the company’s copy." }];
  for (let i = 1; i <= ITEMS; i++) {
    if (i % 20 === 1) parts.push({ kind: "heading", level: 2, text: `${w.heading} ${lang}-${(i - 1) / 20 + 1}` });
    if (i % 10 === 1) parts.push({ kind: "heading", level: 3, text: `Part ${lang}-${i}` });
    parts.push({ kind: "heading", level: i % 2 === 0 ? 4 : 5, text: `${w.item} ${lang}-${String(i).padStart(3, "0")} — ${lang === "fr" ? "Votre entreprise a-t-elle une politique de sécurité?" : "Does your company have a security policy?"}` });
    parts.push({
      kind: "fields",
      rows: [
        { label: w.answer, value: `${w.yes} ${lang}-${i}` },
        { label: "SHA-256", value: SHA, mono: true },
      ],
    });
    if (i % 15 === 0) parts.push({ kind: "list", items: [`${w.note} ${lang}-${i}-a`, `${w.note} ${lang}-${i}-b`] });
  }
  parts.push({ kind: "paragraph", text: Array.from({ length: 130 }, (_, n) => `Sentence ${lang}-${n} of a paragraph taller than a page.`).join(" ") });
  parts.push({
    kind: "fields",
    rows: [
      { label: "Long", value: Array.from({ length: 160 }, (_, n) => `Word ${lang}-${n} of a value taller than a page.`).join(" ") },
      { label: "After", value: `After the long value ${lang}` },
    ],
  });
  parts.push({ kind: "paragraph", text: `The end ${lang}` });
  return { lang, heading: lang === "fr" ? "Demande de la Fromagerie Côte-à-Côte ltée" : "Application of Fromagerie Côte-à-Côte ltée", parts };
}

const document: PdfDocument = { title: "Demande PIP-2026-000042 / Application", reference: "PIP-2026-000042", lang: "fr", blocks: [block("fr"), block("en")] };
const createdAt = new Date("2026-03-14T12:00:00Z");

function pdftotext(pdf: string, ...args: string[]): string {
  return execFileSync("pdftotext", [...args, pdf, "-"], { encoding: "utf8" });
}

describe("tagged document (PDF)", () => {
  const { it, before, after } = popplerTests();
  let dir: string;
  let file: string;
  let raw: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ttp-document-"));
    file = join(dir, "document.pdf");
    writeFileSync(file, await renderDocument(document, { createdAt }));
    raw = (await renderDocument(document, { createdAt, compress: false })).toString("latin1");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("is a tagged PDF 1.7 in French with an English and a French section", () => {
    assert.match(raw, /^%PDF-1\.7/);
    assert.match(raw, /\/StructTreeRoot \d+ 0 R/);
    assert.match(raw, /\/Marked true/);
    assert.match(raw, /\/Type \/Catalog[^>]*\/Lang (\(fr\)|<feff00660072>)/i, "the document language is French");
    assert.match(raw, /\/S \/Sect\s+\/Lang (\(en\)|<feff0065006e>)/i, "the English block says so");
    assert.match(raw, /\/S \/Sect\s+\/Lang (\(fr\)|<feff00660072>)/i);
    assert.match(raw, /\/DisplayDocTitle true/);
    assert.match(raw, /\(D:20260314120000Z\)/, "CreationDate from the option");
    for (const tag of ["Document", "H1", "H2", "H3", "H4", "H5", "P", "Table", "TR", "TH", "TD", "L", "LI", "Lbl", "LBody"]) assert.match(raw, new RegExp(`/S /${tag}\\b`));
    assert.match(raw, /\/Scope \/Row/);
    assert.match(raw, /\/Artifact <<\s*\/Type \/Pagination/, "the footer is an artifact");
    assert.match(raw, /\/Outlines \d+ 0 R/, "bookmarks for the blocks and their sections");

    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    assert.match(info, /Tagged:\s+yes/);
    assert.match(info, /Title:\s+Demande PIP-2026-000042 \/ Application/);
    assert.match(info, /Page size:\s+612 x 792 pts/);
  });

  it("has one Document element with a section per block, in reading order", () => {
    const struct = spawnSync("pdfinfo", ["-struct-text", file], { encoding: "utf8" });
    assert.equal(struct.status, 0);
    assert.doesNotMatch(struct.stderr, /wrong type|more than one child/, "poppler finds nothing wrong with the structure tree");
    const lines = struct.stdout.split("\n");
    assert.equal(lines[0], "Document");
    assert.deepEqual(
      lines.filter((l) => /^ {2}\S/.test(l)),
      ["  Sect", "  Sect"],
      "two sections under the Document",
    );
    const text = struct.stdout;
    const order = [`"Demande de la Fromagerie Côte-à-Côte ltée"`, `"Élément fr-001`, `"Oui fr-1"`, `"Élément fr-060`, `"The end fr"`, `"Application of Fromagerie`, `"Item en-001`, `"The end en"`];
    let at = -1;
    for (const expected of order) {
      const found = text.indexOf(expected, at + 1);
      assert.ok(found > at, `${expected} comes next in the structure tree`);
      at = found;
    }
  });

  it("prints every item in order, each block from a new page, with the reference on every page", () => {
    const text = pdftotext(file, "-layout");
    const pages = text.split("\f").filter((page) => page.trim() !== "");
    assert.ok(pages.length >= 10, `the document paginates (${pages.length} pages)`);
    pages.forEach((page, i) => {
      assert.ok(page.includes("PIP-2026-000042"), `page ${i + 1} has the reference`);
      assert.match(page, new RegExp(`\\b${i + 1} / ${pages.length}\\b`), `page ${i + 1} is numbered`);
      assert.ok(!(page.includes("fr-") && page.includes("en-")), `page ${i + 1} holds one language only`);
    });
    const english = pages.findIndex((page) => page.includes("Application of Fromagerie Côte-à-Côte ltée"));
    assert.ok(english > 0 && pages[english]!.trimStart().startsWith("Application of Fromagerie"), "the English block starts its own page");

    for (const lang of ["fr", "en"]) {
      let at = -1;
      for (let i = 1; i <= ITEMS; i++) {
        const found = text.indexOf(`${lang}-${String(i).padStart(3, "0")} —`, at + 1);
        assert.ok(found > at, `${lang} item ${i} is there, after item ${i - 1}`);
        const answer = text.indexOf(`${lang}-${i}\n`, found);
        assert.ok(answer > found, `its answer follows it`);
        at = found;
      }
    }
    assert.ok(text.indexOf("Item en-001") > text.indexOf("Élément fr-060"), "French first");
  });

  it("continues a paragraph and a field value taller than a page, keeps every word and what follows", () => {
    // The body's lines without the footers' (which pdftotext puts where the page ends).
    const text = pdftotext(file)
      .split("\n")
      .filter((line) => !/^(PIP-2026-000042|\d+ \/ \d+)$/.test(line.trim()))
      .join(" ")
      .replace(/\s+/g, " ");
    for (const lang of ["fr", "en"]) {
      let at = -1;
      for (let n = 0; n < 130; n++) {
        const found = text.indexOf(`Sentence ${lang}-${n} of a paragraph taller than a page.`, at + 1);
        assert.ok(found > at, `sentence ${lang}-${n} is there, in order`);
        at = found;
      }
      for (let n = 0; n < 160; n++) {
        const found = text.indexOf(`Word ${lang}-${n} of a value taller than a page.`, at + 1);
        assert.ok(found > at, `word ${lang}-${n} is there, in order`);
        at = found;
      }
      assert.ok(text.indexOf(`After the long value ${lang}`, at) > at);
      assert.ok(text.indexOf(`The end ${lang}`, at) > at);
    }
  });

  it("keeps a SHA-256 on one line, prints accents, quotes and a composed é", () => {
    const text = pdftotext(file, "-layout");
    const shaLines = text.split("\n").filter((line) => line.includes("SHA-256"));
    assert.equal(shaLines.length, 2 * ITEMS);
    for (const line of shaLines) assert.ok(line.includes(SHA), `the whole hash on its row: ${line}`);
    assert.ok(text.includes("copie de l’entreprise. « Guillemets » et é composé."));
    assert.ok(text.includes("Note : à vérifier fr-15-a"));
    assert.ok(text.includes("• Note: to check en-15-b"));
  });

  it("keeps a heading with what follows it", () => {
    const pages = pdftotext(file, "-layout").split("\f");
    for (const page of pages) {
      const body = page.split("\n").filter((l) => l.trim() !== "" && !l.includes("PIP-2026-000042"));
      const last = body.at(-1);
      if (last === undefined) continue;
      assert.doesNotMatch(last, /(Élément|Item) (fr|en)-\d{3} —|^Part |profile|Profil de/, `no page ends with a heading: ${last}`);
    }
  });
});

describe("tagged document (input)", () => {
  it("refuses a character that the fonts cannot draw, naming the document", async () => {
    const bad: PdfDocument = {
      ...document,
      blocks: [{ ...block("fr"), parts: [{ kind: "fields", rows: [{ label: "Nom", value: "Łukasz Wałęsa" }] }] }],
    };
    assert.deepEqual(documentUnsupportedCharacters(bad), ["Ł", "ł", "ę"]);
    await assert.rejects(renderDocument(bad), (error: unknown) => {
      assert.ok(error instanceof UnsupportedCharactersError);
      assert.equal(error.letterId, "PIP-2026-000042");
      assert.deepEqual(error.characters, ["Ł", "ł", "ę"]);
      return true;
    });
  });

  it("refuses a document without blocks", async () => {
    await assert.rejects(renderDocument({ ...document, blocks: [] }), RangeError);
  });

  it("renders an empty block and a letterhead", async () => {
    const pdf = await renderDocument({
      title: "Lettre",
      reference: "D-1",
      lang: "en",
      blocks: [{ lang: "en", heading: "Heading", letterhead: { sender: ["CBSA"], date: "March 14, 2026", recipient: ["ACME", "1 Main St"] }, parts: [{ kind: "fields", rows: [] }, { kind: "list", items: [] }] }],
    });
    assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
  });
});
