// The PDF of a submission, from a snapshot built by hand against the real catalogue (every
// answer kind, evidence files, an unanswered item, an answer the profile no longer asks) and
// an action plan (what the suspension asked, the plan, its attached files), read back with pdftotext in both languages. Without pdftotext the tests that need it are
// skipped, except with CI=true, where that is a failure.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catalogueVersion, criteriaFor, questionsFor, type CatalogueItem } from "../../domain/catalogue/index.ts";
import { canonicalJson, sha256Hex, type EvidenceRef, type ProfileContent, type Snapshot, type SnapshotAnswer } from "../../domain/snapshot.ts";
import { documentUnsupportedCharacters } from "../../platform/pdf/document.ts";
import { UnsupportedCharactersError } from "../../platform/pdf/letters.ts";
import { renderSubmissionPdf, submissionDocument } from "./submission-pdf.ts";
import { skipUnless, type ConditionalTests } from "../../../test/helpers/skip.ts";

function popplerTests(): ConditionalTests {
  const found = spawnSync("pdftotext", ["-v"]).error === undefined;
  if (!found && process.env.CI === "true") throw new Error("CI=true but pdftotext is missing: install poppler-utils (apt-get install poppler-utils)");
  return skipUnless(found, "submission PDF tests skipped: pdftotext not found (apt-get install poppler-utils)");
}

const catalogue = catalogueVersion("2026-1")!;
const LINES = ["importer", "highway-carrier"];
const OWNER = "41";

/** A valid answer of each kind; the first choice options, or the first two of a multiple choice. */
function answerFor(item: CatalogueItem, n: number): SnapshotAnswer {
  const type = item.answer;
  switch (type.kind) {
    case "yes-no":
      return { value: n % 2 === 0 ? "yes" : "no" };
    case "yes-no-explain":
      return type.explainWhen === "no" && n % 3 === 0
        ? { value: "no", explanation: `Explication ${item.id} : le plan sera prêt en juin « 2026 ».` }
        : { value: type.explainWhen === "no" ? "yes" : "no" };
    case "confirm":
      return { value: "yes" };
    case "choice":
      return { value: type.multiple ? type.options.slice(0, 2).map((o) => o.id) : type.options[0]!.id };
    case "number":
      return { value: type.integer ? Math.min(type.max, 1250) : Math.min(type.max, 12.5) };
    case "date":
      return { value: "2026-01-15" };
    case "company-user":
      return { value: OWNER };
    case "text":
      return { value: `Texte de ${item.id}` };
  }
}

function file(id: string, name: string, size: number, scanStatus: string): EvidenceRef {
  return { id, fileName: name, size, mime: "application/pdf", sha256: sha256Hex(name), scanStatus };
}

function profile(items: readonly CatalogueItem[], skip: string): ProfileContent {
  const answers: Record<string, SnapshotAnswer> = {};
  const evidence: Record<string, EvidenceRef[]> = {};
  items.forEach((item, n) => {
    if (item.id === skip) return;
    answers[item.id] = answerFor(item, n);
    if (item.evidence.rule !== "none" && n % 4 === 0) evidence[item.id] = [file(`${n}`, `preuve-${item.id}.pdf`, 12_603 + n, "clean")];
  });
  return { answers, evidence };
}

const questions = questionsFor(catalogue, ["importer", "highway-carrier"]).flatMap((g) => g.questions);
const criteria = criteriaFor(catalogue, ["importer"]).flatMap((a) => a.categories.flatMap((c) => c.criteria));
const application = profile(questions, "GEN-8");
// An answer kept from a line of business the company no longer operates.
application.answers["EXP-1"] = { value: 3 };
const security = profile(criteria, "VR-3");
security.evidence["VR-1"] = [file("900", "Politique de sécurité (signée).pdf", 2_400_000, "clean"), file("901", "photo.png", 512, "not-scanned")];

const snapshot: Snapshot = {
  format: 1,
  kind: "application",
  reference: "PIP-2026-000042",
  catalogueVersion: "2026-1",
  company: {
    id: "7",
    legalName: "Fromagerie Côte-à-Côte ltée",
    operatingName: "Côte-à-Côte",
    clientNumber: "1234567890",
    bn9: "123456782",
    programAccount: null,
    carrierCode: "FCAC",
    linesOfBusiness: LINES,
    businessStartedOn: "2009-04-15",
    employeeCount: 1250,
    website: "https://www.cote-a-cote.example.ca",
    headOffice: { line1: "1234, rue Saint-Jérôme", line2: "", city: "Québec", region: "QC", postalCode: "G1R 4S9", country: "CA" },
    mailingAddress: null,
    facilities: [{ name: "Entrepôt de Lévis", address: { line1: "55, route du Président-Kennedy", city: "Lévis", region: "QC", postalCode: "G6V 6C5", country: "CA" } }],
    primaryContact: { name: "Émilie Tremblay", title: "Directrice de la sécurité", phone: "418-555-0123", email: "emilie@cote-a-cote.example.ca" },
  },
  application,
  divisions: [{ id: "3", name: "Transport routier", lines: ["importer"], facilities: ["Entrepôt de Lévis"], ...security }],
  request: null,
  statement: null,
  submittedBy: { personId: OWNER, name: "Émilie Tremblay", declaredName: "Émilie Marie Tremblay" },
  submittedAt: "2026-03-14T14:30:00Z",
};
const sha = sha256Hex(canonicalJson(snapshot));

/** The text in drawing order (labels before their values), page by page. */
function pdftotext(pdf: string): string {
  return execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" });
}

/** Any run of spaces (the catalogue's no-break spaces too) as one space, as flat() does. */
function norm(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** The text without the page footers, on one line, for phrases that wrap (pdfkit also breaks after a hyphen). */
function flat(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/PIP-2026-000042\s+\d+ \/ \d+\s*$/.test(line))
    .join("\n")
    .replace(/-\n/g, "-")
    .replace(/\s+/g, " ");
}

describe("submission PDF", () => {
  const { it, before, after } = popplerTests();
  let dir: string;
  let french: string;
  let english: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ttp-submission-"));
    writeFileSync(join(dir, "fr.pdf"), await renderSubmissionPdf(snapshot, "fr", sha));
    writeFileSync(join(dir, "en.pdf"), await renderSubmissionPdf(snapshot, "en", sha));
    french = pdftotext(join(dir, "fr.pdf"));
    english = pdftotext(join(dir, "en.pdf"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("starts with the company's language, each language from a new page, titled in that language", () => {
    const pages = french.split("\f").filter((p) => p.trim() !== "").map(flat);
    const en = pages.findIndex((p) => p.includes("Partners in Protection application — submission PIP-2026-000042"));
    assert.ok(pages[0]!.startsWith("Demande au programme Partenaires en protection — soumission PIP-2026-000042"));
    assert.ok(en > 5, "the English block comes after many French pages");
    assert.ok(!pages.slice(0, en).some((p) => p.includes("Application profile")), "no English before its block");
    assert.ok(!pages.slice(en).some((p) => p.includes("Profil de la demande")), "no French after");
    assert.ok(english.indexOf("Partners in Protection application") < english.indexOf("Demande au programme"));
    const info = execFileSync("pdfinfo", [join(dir, "fr.pdf")], { encoding: "utf8" });
    assert.match(info, /Title:\s+Demande au programme Partenaires en protection — soumission PIP-2026-000042/);
    assert.match(info, /Tagged:\s+yes/);
  });

  it("says what was submitted, when, by whom, with the snapshot's SHA-256", () => {
    const text = flat(english);
    for (const expected of [
      "Submission reference PIP-2026-000042",
      "Kind of submission Application",
      "Submitted March 14, 2026 at 10:30 a.m.",
      "Submitted by Émilie Tremblay",
      "Name typed to sign the declaration Émilie Marie Tremblay",
      "Questionnaire version 2026-1",
      `SHA-256 of the snapshot ${sha}`,
      "Numéro de référence de la soumission PIP-2026-000042",
      "Date de soumission 14 mars 2026 à 10 h 30",
      `Empreinte SHA-256 de l’instantané ${sha}`,
    ]) {
      assert.ok(text.includes(expected), `the PDF shows ${JSON.stringify(expected)}`);
    }
  });

  it("prints the company profile", () => {
    const en = flat(english);
    for (const expected of [
      "Legal name Fromagerie Côte-à-Côte ltée",
      "Operating name Côte-à-Côte",
      "Client number 123 456 789 0",
      "Business number 123 456 782",
      "Carrier code FCAC",
      "Lines of business Importer Highway carrier",
      "Business start date April 15, 2009",
      "Number of employees 1,250",
      "Head office address 1234, rue Saint-Jérôme Québec QC G1R 4S9 Canada",
      "Mailing address Same as the head office address",
      "Primary contact Émilie Tremblay, Directrice de la sécurité 418-555-0123 emilie@cote-a-cote.example.ca",
      "• Entrepôt de Lévis 55, route du Président-Kennedy Lévis QC G6V 6C5 Canada",
    ]) {
      assert.ok(en.includes(expected), `the English block shows ${JSON.stringify(expected)}`);
    }
    const fr = flat(french);
    for (const expected of ["Dénomination sociale Fromagerie Côte-à-Côte ltée", "Secteurs d’activité Importateur Transporteur routier", "Nombre d’employés 1 250", "Date de début des activités 15 avril 2009", "Identique à l’adresse du siège social"]) {
      assert.ok(fr.includes(expected), `the French block shows ${JSON.stringify(expected)}`);
    }
  });

  it("prints every item of both profiles, in catalogue order, with its answer in words", () => {
    for (const [text, lang] of [[flat(french), "fr"], [flat(english), "en"]] as const) {
      const block = lang === "fr" ? text.slice(0, text.indexOf("Partners in Protection application — submission")) : text.slice(0, text.indexOf("Demande au programme Partenaires"));
      let at = -1;
      for (const item of [...questions, ...criteria]) {
        const found = block.indexOf(norm(`${item.id} — ${item.text[lang]}`), at + 1);
        assert.ok(found > at, `${lang}: ${item.id} is there, in order`);
        at = found;
      }
    }
    const en = flat(english);
    const fr = flat(french);
    const gen1 = catalogue.questions.find((q) => q.id === "GEN-1")!;
    assert.ok(en.includes(norm(`GEN-1 — ${gen1.text.en} Answer Émilie Tremblay (portal user no. 41)`)), "a company user: the submitter's name and id");
    assert.ok(fr.includes(norm(`GEN-1 — ${gen1.text.fr} Réponse Émilie Tremblay (utilisateur du portail no 41)`)));
    const gen8 = catalogue.questions.find((q) => q.id === "GEN-8")!;
    assert.ok(en.includes(norm(`GEN-8 — ${gen8.text.en} Answer Not answered`)));
    assert.ok(fr.includes(norm(`GEN-8 — ${gen8.text.fr} Réponse Aucune réponse`)));
    const vr3 = catalogue.criteria.find((c) => c.id === "VR-3")!;
    assert.ok(en.includes(norm(`VR-3 — ${vr3.text.en} Answer Not answered`)), "an unanswered criterion");

    // Each kind of answer, in words.
    const sample = (kind: string, multiple = false) => [...questions, ...criteria].find((i) => i.answer.kind === kind && (i.answer.kind !== "choice" || Boolean(i.answer.multiple) === multiple))!;
    const yesNo = sample("yes-no");
    const yes = (application.answers[yesNo.id] ?? security.answers[yesNo.id])?.value === "yes";
    assert.ok(en.includes(norm(`${yesNo.id} — ${yesNo.text.en} Answer ${yes ? "Yes" : "No"}`)), "yes or no");
    assert.ok(fr.includes(norm(`${yesNo.id} — ${yesNo.text.fr} Réponse ${yes ? "Oui" : "Non"}`)));
    const confirm = sample("confirm");
    assert.ok(en.includes(norm(`${confirm.id} — ${confirm.text.en} Answer Yes (confirmed)`)));
    const choice = sample("choice");
    if (choice.answer.kind !== "choice") throw new Error("a choice");
    assert.ok(en.includes(norm(`${choice.id} — ${choice.text.en} Answer ${choice.answer.options[0]!.label.en}`)), "a choice's label");
    assert.ok(fr.includes(norm(`${choice.id} — ${choice.text.fr} Réponse ${choice.answer.options[0]!.label.fr}`)));
    const multiple = sample("choice", true);
    if (multiple.answer.kind !== "choice") throw new Error("a choice");
    assert.ok(en.includes(norm(`${multiple.id} — ${multiple.text.en} Answer ${multiple.answer.options[0]!.label.en} ${multiple.answer.options[1]!.label.en}`)), "a multiple choice's labels");
    const number = sample("number");
    if (number.answer.kind !== "number") throw new Error("a number");
    const n = Math.min(number.answer.max, number.answer.integer ? 1250 : 12.5);
    const unit = number.answer.unit;
    assert.ok(en.includes(norm(`${number.id} — ${number.text.en} Answer ${n.toLocaleString("en-CA")}${unit ? ` ${unit.en}` : ""}`)), "a number with its unit");
    assert.ok(fr.includes(norm(`${number.id} — ${number.text.fr} Réponse ${n.toLocaleString("fr-CA")}${unit ? ` ${unit.fr}` : ""}`)));
    const date = sample("date");
    assert.ok(en.includes(norm(`${date.id} — ${date.text.en} Answer January 15, 2026`)), "a date in words");
    assert.ok(fr.includes(norm(`${date.id} — ${date.text.fr} Réponse 15 janvier 2026`)));
    const text = sample("text");
    assert.ok(en.includes(norm(`${text.id} — ${text.text.en} Answer Texte de ${text.id}`)));
    const explained = [...questions, ...criteria].find((i) => i.answer.kind === "yes-no-explain" && i.answer.explainWhen === "no" && security.answers[i.id]?.value === "no")!;
    assert.ok(fr.includes(norm(`${explained.id} — ${explained.text.fr} Réponse Non Explication Explication ${explained.id} : le plan sera prêt en juin « 2026 ».`)), "an explanation, as typed");
    assert.ok(en.includes(norm(`${explained.id} — ${explained.text.en} Answer No Explanation Explication ${explained.id}`)));
  });

  it("prints the security profile area by area, category by category, and the evidence files", () => {
    const en = flat(english);
    assert.ok(en.includes("Security profile — Transport routier Lines of business of the division Importer Facilities of the division Entrepôt de Lévis"));
    let at = en.indexOf("Security profile — Transport routier");
    for (const area of criteriaFor(catalogue, ["importer"])) {
      const found = en.indexOf(area.heading.name.en, at);
      assert.ok(found > at, `area ${area.area} in order`);
      at = found;
      for (const category of area.categories) {
        const c = en.indexOf(norm(`${category.heading.name.en} ${category.criteria[0]!.id} — `), at);
        assert.ok(c > at, `category ${category.category} in order, heading its criteria`);
        at = c;
      }
    }
    const vr1 = sha256Hex("Politique de sécurité (signée).pdf");
    assert.ok(
      en.includes(norm(`Evidence file 1 Politique de sécurité (signée).pdf Size 2.3 MB (2,400,000 bytes) SHA-256 of the file ${vr1} Malware scan Clean Evidence file 2 photo.png Size 512 bytes SHA-256 of the file ${sha256Hex("photo.png")} Malware scan Not scanned`)),
      "every file with its name, size, SHA-256 and scan verdict",
    );
    const fr = flat(french);
    assert.ok(fr.includes(norm(`Pièce justificative 1 Politique de sécurité (signée).pdf Taille 2,3 Mo (2 400 000 octets) Empreinte SHA-256 du fichier ${vr1} Analyse antivirus Sain`)));
    assert.ok(fr.includes("Analyse antivirus Non analysé"));
  });

  it("keeps an answer the profile no longer asks", () => {
    const exp1 = catalogue.questions.find((q) => q.id === "EXP-1")!;
    assert.ok(flat(english).includes("Other answers kept with the submission"));
    assert.ok(flat(english).includes(norm(`EXP-1 — ${exp1.text.en} Answer 3`)));
    assert.ok(flat(french).includes("Autres réponses conservées avec la soumission"));
  });
});

// An action plan: the company's answer to a suspension, with the files it attached.
const actionPlan: Snapshot = {
  ...snapshot,
  kind: "action-plan",
  actionPlan: { id: "12", reasons: "Les scellés ne sont pas consignés.\n\nThe seals log is missing.", dueOn: "2026-06-01" },
  statement: "Nous tenons un registre des scellés depuis le 1er mai.\n\nEach seal is now logged at the gate.",
  statementEvidence: [
    { id: "950", fileName: "Registre des scellés.pdf", size: 48_213, mime: "application/pdf", sha256: sha256Hex("Registre des scellés.pdf"), scanStatus: "clean" },
    { id: "951", fileName: "gate.jpg", size: 900, mime: "image/jpeg", sha256: sha256Hex("gate.jpg"), scanStatus: "clean" },
  ],
};
const actionPlanSha = sha256Hex(canonicalJson(actionPlan));

describe("submission PDF (an action plan)", () => {
  const { it, before, after } = popplerTests();
  let dir: string;
  let french: string;
  let english: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ttp-action-plan-"));
    writeFileSync(join(dir, "fr.pdf"), await renderSubmissionPdf(actionPlan, "fr", actionPlanSha));
    writeFileSync(join(dir, "en.pdf"), await renderSubmissionPdf(actionPlan, "en", actionPlanSha));
    french = flat(pdftotext(join(dir, "fr.pdf")));
    english = flat(pdftotext(join(dir, "en.pdf")));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The block of one language: from its title to the other language's title (or the end). */
  function block(text: string, lang: "en" | "fr"): string {
    const en = text.indexOf("Partners in Protection membership: action plan — submission PIP-2026-000042");
    const fr = text.indexOf(norm("Adhésion au programme Partenaires en protection\u00a0: plan d’action — soumission PIP-2026-000042"));
    assert.ok(en >= 0 && fr >= 0, "both titles");
    const [start, end] = lang === "en" ? [en, fr > en ? fr : text.length] : [fr, en > fr ? en : text.length];
    return text.slice(start, end);
  }

  it("is titled and named an action plan in both languages", () => {
    assert.ok(french.startsWith(norm("Adhésion au programme Partenaires en protection\u00a0: plan d’action — soumission PIP-2026-000042")));
    assert.ok(english.startsWith("Partners in Protection membership: action plan — submission PIP-2026-000042"));
    assert.ok(block(english, "en").includes("Kind of submission Action plan"));
    assert.ok(block(english, "fr").includes("Type de soumission Plan d’action"));
    const info = execFileSync("pdfinfo", [join(dir, "en.pdf")], { encoding: "utf8" });
    assert.match(info, /Title:\s+Partners in Protection membership: action plan — submission PIP-2026-000042/);
  });

  it("prints the request it answers, its due date, then the plan, in both languages", () => {
    for (const text of [english, french]) {
      const en = block(text, "en");
      const asked = "What the suspension asked Les scellés ne sont pas consignés. The seals log is missing. Action plan due by June 1, 2026";
      const plan = "Action plan Nous tenons un registre des scellés depuis le 1er mai. Each seal is now logged at the gate.";
      assert.ok(en.includes(asked), `the English block shows ${JSON.stringify(asked)}:\n${en.slice(0, 2000)}`);
      assert.ok(en.indexOf(plan) > en.indexOf(asked), "the plan after what it answers");
      assert.ok(!en.includes("Statement of appeal"), "not headed as an appeal");
      const fr = block(text, "fr");
      const demande = norm("Ce que demandait la suspension Les scellés ne sont pas consignés. The seals log is missing. Plan d’action à soumettre au plus tard le 1er juin 2026");
      const plan2 = "Plan d’action Nous tenons un registre des scellés depuis le 1er mai. Each seal is now logged at the gate.";
      assert.ok(fr.includes(demande), `the French block shows ${JSON.stringify(demande)}:\n${fr.slice(0, 2000)}`);
      assert.ok(fr.indexOf(plan2) > fr.indexOf(demande));
      assert.ok(!fr.includes("Exposé de l’appel"));
    }
  });

  it("lists the plan's files with their name, size, type and SHA-256, in both languages", () => {
    const registre = sha256Hex("Registre des scellés.pdf");
    const gate = sha256Hex("gate.jpg");
    for (const text of [english, french]) {
      const en = block(text, "en");
      const files = `Files attached Attached file 1 Registre des scellés.pdf Size 47.1 KB (48,213 bytes) Type application/pdf SHA-256 of the file ${registre} Malware scan Clean Attached file 2 gate.jpg Size 900 bytes Type image/jpeg SHA-256 of the file ${gate} Malware scan Clean`;
      assert.ok(en.includes(files), `the English block lists the files:\n${en.slice(0, 3000)}`);
      assert.ok(en.indexOf(files) > en.indexOf("Each seal is now logged at the gate."), "under the plan");
      const fr = block(text, "fr");
      const fichiers = norm(`Fichiers joints Fichier joint 1 Registre des scellés.pdf Taille 47,1 Ko (48 213 octets) Type de fichier application/pdf Empreinte SHA-256 du fichier ${registre} Analyse antivirus Sain Fichier joint 2 gate.jpg Taille 900 octets Type de fichier image/jpeg Empreinte SHA-256 du fichier ${gate} Analyse antivirus Sain`);
      assert.ok(fr.includes(fichiers), `the French block lists the files:\n${fr.slice(0, 3000)}`);
    }
  });
});

describe("submission PDF (content)", () => {
  it("prints a response's request and an appeal's statement, paragraph by paragraph", () => {
    const response = submissionDocument({ ...snapshot, kind: "response", request: { id: "5", message: "Send the plan.\n\nAnd the minutes." } }, "en", sha);
    assert.equal(response.title, "Partners in Protection application: response to a request for information — submission PIP-2026-000042");
    const [en, fr] = response.blocks;
    const at = en!.parts.findIndex((p) => p.kind === "heading" && p.text === "The request for information answered");
    assert.ok(at > 0);
    assert.deepEqual(en!.parts.slice(at + 1, at + 3), [
      { kind: "paragraph", text: "Send the plan." },
      { kind: "paragraph", text: "And the minutes." },
    ]);
    assert.ok(fr!.parts.some((p) => p.kind === "heading" && p.text === "La demande de renseignements à laquelle la soumission répond"));

    const appeal = submissionDocument({ ...snapshot, kind: "appeal", statement: "We fixed it." }, "fr", sha);
    assert.equal(appeal.lang, "fr");
    assert.ok(appeal.blocks[0]!.parts.some((p) => p.kind === "heading" && p.text === "Exposé de l’appel"));
    assert.ok(appeal.blocks[1]!.parts.some((p) => p.kind === "paragraph" && p.text === "We fixed it."));
    assert.ok(appeal.blocks[1]!.parts.some((p) => p.kind === "heading" && p.text === "Statement of appeal"));
  });

  it("heads the statement by its kind: an appeal's, an action plan, or a neutral statement", () => {
    const headings = (s: Snapshot) => submissionDocument(s, "en", sha).blocks.map((b) => b.parts.flatMap((p) => (p.kind === "heading" && p.level === 2 ? [p.text] : [])));
    const [planEn, planFr] = headings(actionPlan);
    assert.deepEqual(planEn!.slice(0, 3), ["Submission", "What the suspension asked", "Action plan"]);
    assert.deepEqual(planFr!.slice(0, 3), ["Soumission", "Ce que demandait la suspension", "Plan d’action"]);
    const [otherEn, otherFr] = headings({ ...snapshot, kind: "response", request: null, statement: "Our statement." });
    assert.equal(otherEn![1], "Statement");
    assert.equal(otherFr![1], "Exposé");
    // Files alone are still printed, under the statement's heading.
    const filesOnly = submissionDocument({ ...snapshot, kind: "appeal", statement: null, statementEvidence: actionPlan.statementEvidence ?? null }, "en", sha).blocks[0]!;
    assert.ok(filesOnly.parts.some((p) => p.kind === "heading" && p.text === "Statement of appeal"));
    assert.ok(filesOnly.parts.some((p) => p.kind === "fields" && p.rows.some((r) => r.label === "Attached file 2" && r.value === "gate.jpg")));
    // Nothing of the kind without a statement, files or an action plan.
    const plain = submissionDocument(snapshot, "en", sha).blocks[0]!;
    assert.ok(!plain.parts.some((p) => p.kind === "heading" && ["Statement", "What the suspension asked", "Files attached"].includes(p.text)));
  });

  it("uses only characters the fonts have for an action plan's words", () => {
    assert.deepEqual(documentUnsupportedCharacters(submissionDocument(actionPlan, "fr", actionPlanSha)), []);
  });

  it("uses only characters the fonts have for the catalogue's texts and its own words", () => {
    assert.deepEqual(documentUnsupportedCharacters(submissionDocument(snapshot, "fr", sha)), []);
  });

  it("refuses what the fonts cannot print, and an unknown catalogue version", async () => {
    const polish = { ...snapshot, submittedBy: { ...snapshot.submittedBy, name: "Łukasz" } };
    assert.deepEqual(documentUnsupportedCharacters(submissionDocument(polish, "en", sha)), ["Ł"]);
    await assert.rejects(renderSubmissionPdf(polish, "en", sha), UnsupportedCharactersError);
    assert.throws(() => submissionDocument({ ...snapshot, catalogueVersion: "1999-1" }, "en", sha), RangeError);
  });
});
