// The decision letters as pdftotext reads them: an approval in English first, a proposed
// denial in French first, a revalidation due in each language first, each a whole letter in
// both languages; and the words of every other decision. Without pdftotext the tests that need it are skipped, except with CI=true, where
// that is a failure.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TRANSITION_NAMES } from "../../domain/membership.ts";
import type { DecisionLetter } from "../membership/letter.ts";
import { documentUnsupportedCharacters } from "../../platform/pdf/document.ts";
import { decisionLetterDocument, hasDecisionLetter, LETTER_TRANSITIONS, renderDecisionLetterPdf } from "./decision-letter.ts";
import { skipUnless, type ConditionalTests } from "../../../test/helpers/skip.ts";

function popplerTests(): ConditionalTests {
  const found = spawnSync("pdftotext", ["-v"]).error === undefined;
  if (!found && process.env.CI === "true") throw new Error("CI=true but pdftotext is missing: install poppler-utils (apt-get install poppler-utils)");
  return skipUnless(found, "decision letter PDF tests skipped: pdftotext not found (apt-get install poppler-utils)");
}

const company = { legalName: "Fromagerie Côte-à-Côte ltée", clientNumber: "1234567890", address: ["1234, rue Saint-Jérôme", "Québec QC  G1R 4S9", "CANADA"] };

const approval: DecisionLetter = {
  reference: "D-2026-000042",
  transition: "approve",
  decidedOn: "2026-03-14",
  locale: "en",
  company,
  reasons: "",
  memberSince: "2026-03-14",
  anniversaryOn: "2030-03-14",
  siteValidation: { date: "2026-03-02", facility: "Entrepôt de Lévis", outcome: "satisfactory" },
};

const proposedDenial: DecisionLetter = {
  reference: "D-2026-000043",
  transition: "propose-denial",
  decidedOn: "2026-04-01",
  locale: "fr",
  company,
  reasons: "Le plan de continuité n’a jamais été mis à l’essai.\n\nLes scellés ne sont pas consignés : « aucun registre ».\r\n \r\nTroisième motif.",
  informalReviewBy: "2026-05-01",
  siteValidation: { date: "2026-03-20", facility: "Entrepôt de Lévis", outcome: "unsatisfactory" },
};

const revalidation: DecisionLetter = {
  reference: "D-2030-000007",
  transition: "revalidation-due",
  decidedOn: "2030-03-14",
  locale: "fr",
  company,
  reasons: "",
  revalidation: { anniversaryOn: "2030-03-14", resubmitBy: "2030-06-12" },
};

/** The text in drawing order, without the footers, on one line (pdfkit also breaks after a hyphen). */
function text(pdf: string, reference: string): string {
  return execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" })
    .split("\n")
    .filter((line) => !line.startsWith(`${reference} `))
    .join("\n")
    .replace(/-\n/g, "-")
    .replace(/\s+/g, " ");
}

function pages(pdf: string): string[] {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
    .split("\f")
    .filter((page) => page.trim() !== "");
}

describe("decision letters (PDF)", () => {
  const { it, before, after } = popplerTests();
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ttp-decision-"));
    writeFileSync(join(dir, "approval.pdf"), await renderDecisionLetterPdf(approval));
    writeFileSync(join(dir, "denial.pdf"), await renderDecisionLetterPdf(proposedDenial));
    writeFileSync(join(dir, "revalidation-fr.pdf"), await renderDecisionLetterPdf(revalidation));
    writeFileSync(join(dir, "revalidation-en.pdf"), await renderDecisionLetterPdf({ ...revalidation, locale: "en" }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("an approval: the English letter, then the French one from a new page", () => {
    const all = text(join(dir, "approval.pdf"), "D-2026-000042");
    const english = all.slice(0, all.indexOf("Agence des services frontaliers du Canada Programme"));
    const french = all.slice(english.length);
    for (const expected of [
      "Canada Border Services Agency Partners in Protection program Ottawa ON K1A 0L8 CANADA",
      "March 14, 2026",
      "Fromagerie Côte-à-Côte ltée 1234, rue Saint-Jérôme Québec QC G1R 4S9 CANADA",
      "Your company is a Partners in Protection member",
      "Client number 123 456 789 0",
      "Reference D-2026-000042",
      "To the account owner of Fromagerie Côte-à-Côte ltée:",
      "Your company is a member of the Partners in Protection (PIP) program as of March 14, 2026.",
      "Site validation Date March 2, 2026 Facility Entrepôt de Lévis Outcome Satisfactory",
      "Reference D-2026-000042 Member since March 14, 2026 Anniversary (revalidation) March 14, 2030",
      "quoting the reference D-2026-000042: pip-pep@cbsa-asfc.gc.ca",
      "Partners in Protection program Canada Border Services Agency",
    ]) {
      assert.ok(english.includes(expected), `the English letter shows ${JSON.stringify(expected)}:\n${english}`);
    }
    assert.ok(!english.includes("Reasons"), "no reasons heading without reasons");
    for (const expected of [
      "Agence des services frontaliers du Canada Programme Partenaires en protection",
      "14 mars 2026",
      "Votre entreprise est membre du programme Partenaires en protection",
      "Numéro de client 123 456 789 0",
      "Au titulaire du compte de Fromagerie Côte-à-Côte ltée :",
      "Votre entreprise est membre du programme Partenaires en protection (PEP) depuis le 14 mars 2026.",
      "Validation sur place Date 2 mars 2026 Installation Entrepôt de Lévis Résultat Satisfaisant",
      "Membre depuis le 14 mars 2026 Anniversaire (revalidation) 14 mars 2030",
      "en indiquant le numéro de référence D-2026-000042 : pip-pep@cbsa-asfc.gc.ca",
      "Programme Partenaires en protection Agence des services frontaliers du Canada",
    ]) {
      assert.ok(french.includes(expected), `the French letter shows ${JSON.stringify(expected)}:\n${french}`);
    }
    const byPage = pages(join(dir, "approval.pdf"));
    const fr = byPage.findIndex((page) => page.includes("Agence des services frontaliers du Canada"));
    assert.ok(fr >= 1, "the French letter starts a new page");
    assert.ok(!byPage.slice(fr).some((page) => page.includes("Client number")));
    byPage.forEach((page, i) => assert.match(page, new RegExp(`D-2026-000042\\s+${i + 1}\\s*/\\s*${byPage.length}`)));
    const info = execFileSync("pdfinfo", [join(dir, "approval.pdf")], { encoding: "utf8" });
    assert.match(info, /Title:\s+Partners in Protection decision letter D-2026-000042/);
    assert.match(info, /Tagged:\s+yes/);
  });

  it("a proposed denial: French first, with the informal-review deadline and each reason as a paragraph", () => {
    const all = text(join(dir, "denial.pdf"), "D-2026-000043");
    const en = all.indexOf("Canada Border Services Agency Partners in Protection program");
    assert.ok(en > 0, "English second");
    const french = all.slice(0, en);
    const english = all.slice(en);
    for (const expected of [
      "1er avril 2026",
      "Nous proposons de refuser votre demande",
      "l’Agence des services frontaliers du Canada (ASFC) propose de la refuser, pour les motifs ci-dessous.",
      "peut demander un examen informel de cette proposition dans le Portail des négociants dignes de confiance jusqu’au 1er mai 2026.",
      "Motifs Le plan de continuité n’a jamais été mis à l’essai. Les scellés ne sont pas consignés : « aucun registre ». Troisième motif.",
      "Résultat Insatisfaisant",
    ]) {
      assert.ok(french.includes(expected), `the French letter shows ${JSON.stringify(expected)}:\n${french}`);
    }
    assert.ok(!french.includes("Membre depuis"), "no membership dates for a proposed denial");
    for (const expected of [
      "April 1, 2026",
      "We propose to deny your application",
      "may ask for an informal review of this proposal in the Trusted Trader Portal until May 1, 2026.",
      "Reasons Le plan de continuité",
      "Outcome Unsatisfactory",
    ]) {
      assert.ok(english.includes(expected), `the English letter shows ${JSON.stringify(expected)}:\n${english}`);
    }
    const info = execFileSync("pdfinfo", [join(dir, "denial.pdf")], { encoding: "utf8" });
    assert.match(info, /Title:\s+Lettre de décision D-2026-000043 — Partenaires en protection/);
  });

  it("a revalidation due: the anniversary reached and the last day to resubmit, in both languages", () => {
    for (const [file, first] of [["revalidation-fr.pdf", "fr"], ["revalidation-en.pdf", "en"]] as const) {
      const all = text(join(dir, file), "D-2030-000007");
      const at = all.indexOf(first === "fr" ? "Canada Border Services Agency Partners in Protection program" : "Agence des services frontaliers du Canada Programme");
      assert.ok(at > 0, `${file}: the ${first === "fr" ? "English" : "French"} letter second`);
      const [french, english] = first === "fr" ? [all.slice(0, at), all.slice(at)] : [all.slice(at), all.slice(0, at)];
      for (const expected of [
        "Your company's membership is due for revalidation",
        "Reference D-2030-000007 Anniversary (revalidation) March 14, 2030 Resubmit the security profile by June 12, 2030",
        "is revalidated every 4 years: it reached its anniversary on March 14, 2030 and is now due for revalidation.",
        "Review and resubmit your security profile in the Trusted Trader Portal by June 12, 2030. Otherwise, the membership will be suspended.",
        "A new site validation will follow the resubmission.",
      ]) {
        assert.ok(english.includes(expected), `${file}: the English letter shows ${JSON.stringify(expected)}:\n${english}`);
      }
      for (const expected of [
        "L’adhésion de votre entreprise doit être revalidée",
        "Numéro de référence D-2030-000007 Anniversaire (revalidation) 14 mars 2030 Profil de sécurité à soumettre de nouveau au plus tard le 12 juin 2030",
        "est revalidée tous les 4 ans : elle a atteint son anniversaire le 14 mars 2030 et doit maintenant être revalidée.",
        "soumettez-le de nouveau dans le Portail des négociants dignes de confiance au plus tard le 12 juin 2030. Sinon, l’adhésion sera suspendue.",
        "Une nouvelle validation sur place suivra la nouvelle soumission.",
      ]) {
        assert.ok(french.includes(expected), `${file}: the French letter shows ${JSON.stringify(expected)}:\n${french}`);
      }
      assert.ok(!english.includes("Member since") && !english.includes("Reasons"), "no approval dates, no reasons heading");
    }
  });
});

describe("decision letters (content)", () => {
  it("splits the reasons on blank lines", () => {
    const [fr] = decisionLetterDocument(proposedDenial).blocks;
    const at = fr!.parts.findIndex((p) => p.kind === "heading" && p.text === "Motifs");
    assert.deepEqual(
      fr!.parts.slice(at + 1, at + 4).map((p) => (p.kind === "paragraph" ? p.text : p.kind)),
      ["Le plan de continuité n’a jamais été mis à l’essai.", "Les scellés ne sont pas consignés : « aucun registre ».", "Troisième motif."],
    );
  });

  it("has a heading and words for every decision, in both languages, that the fonts can print", () => {
    const headings = new Map<string, string[]>();
    for (const transition of LETTER_TRANSITIONS) {
      const doc = decisionLetterDocument({ ...proposedDenial, transition, actionPlanDueOn: "2026-06-30", revalidation: revalidation.revalidation });
      assert.equal(doc.blocks.length, 2);
      assert.deepEqual(documentUnsupportedCharacters(doc), []);
      for (const block of doc.blocks) headings.set(block.heading, [...(headings.get(block.heading) ?? []), transition]);
    }
    // Each decision has its own heading in each language, but the two suspensions share theirs.
    assert.equal(headings.size, 2 * (LETTER_TRANSITIONS.length - 1));
    const shared = [...headings.values()].filter((transitions) => transitions.length > 1);
    assert.deepEqual(shared, [["suspend", "suspend-unrevalidated"], ["suspend", "suspend-unrevalidated"]]);
  });

  it("a revalidation due without its dates still says what to do", () => {
    const doc = decisionLetterDocument({ ...revalidation, revalidation: null, locale: "en" });
    const paragraphs = (lang: number) => doc.blocks[lang]!.parts.flatMap((p) => (p.kind === "paragraph" ? [p.text] : []));
    assert.ok(paragraphs(0).some((p) => p.includes("within 90 days after the anniversary. Otherwise, the membership will be suspended.")));
    assert.ok(paragraphs(1).some((p) => p.includes("dans les 90\u00a0jours suivant l’anniversaire. Sinon, l’adhésion sera suspendue.")));
    assert.ok(!doc.blocks[0]!.parts.some((p) => p.kind === "fields" && p.rows.some((r) => r.label === "Resubmit the security profile by")));
  });

  it("gives the action plan's due date of a suspension and the appeal sentence of a cancellation", () => {
    const suspend = decisionLetterDocument({ ...approval, transition: "suspend", actionPlanDueOn: "2026-06-30" });
    const paragraphs = (lang: number) => suspend.blocks[lang]!.parts.flatMap((p) => (p.kind === "paragraph" ? [p.text] : []));
    assert.ok(paragraphs(0).some((p) => p.includes("action plan that addresses these reasons by June 30, 2026")));
    assert.ok(paragraphs(1).some((p) => p.includes("au plus tard le 30 juin 2026")));
    const cancel = decisionLetterDocument({ ...approval, transition: "cancel", memberSince: null, anniversaryOn: null });
    assert.ok(cancel.blocks[0]!.parts.some((p) => p.kind === "paragraph" && p.text.includes("may appeal this decision in the Trusted Trader Portal within 30 days")));
    assert.ok(cancel.blocks[1]!.parts.some((p) => p.kind === "paragraph" && p.text.includes("dans les 30\u00a0jours suivant l’annulation")));
    assert.ok(!cancel.blocks[0]!.parts.some((p) => p.kind === "fields" && p.rows.some((r) => r.label === "Member since")));
  });

  it("prints the name once when the address lines start with it", () => {
    const doc = decisionLetterDocument({ ...approval, company: { ...company, address: ["FROMAGERIE CÔTE-À-CÔTE LTÉE", ...company.address] } });
    assert.deepEqual(doc.blocks[0]!.letterhead!.recipient, ["Fromagerie Côte-à-Côte ltée", ...company.address]);
  });

  it("refuses a transition that is not a decision letter", async () => {
    for (const transition of TRANSITION_NAMES.filter((t) => !hasDecisionLetter(t))) {
      assert.throws(() => decisionLetterDocument({ ...approval, transition }), RangeError, transition);
    }
    assert.equal(hasDecisionLetter("request-information"), false);
    await assert.rejects(renderDecisionLetterPdf({ ...approval, transition: "request-information" }), RangeError);
  });
});
