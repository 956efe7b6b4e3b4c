// The activation letters as poppler-utils sees them: the text (accents intact, French first),
// the tagged structure, the embedded fonts and a page rendered to PNG. Without pdftotext the
// tests that need it are skipped, except with CI=true, where that is a failure.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  renderActivationLetters,
  unsupportedCharacters,
  UnsupportedCharactersError,
  type ActivationLetter,
  type LetterBlock,
} from "./letters.ts";
import { skipUnless, type ConditionalTests } from "../../../test/helpers/skip.ts";

/** The test functions for what needs pdftotext: without it each test is skipped, except with CI=true. */
function popplerTests(): ConditionalTests {
  const found = spawnSync("pdftotext", ["-v"]).error === undefined;
  if (!found && process.env.CI === "true") throw new Error("CI=true but pdftotext is missing: install poppler-utils (apt-get install poppler-utils)");
  return skipUnless(found, "letter PDF tests skipped: pdftotext not found (apt-get install poppler-utils)");
}

const french: LetterBlock = {
  lang: "fr",
  heading: "Votre code d’activation du Portail des négociants dignes de confiance",
  greeting: "Madame, Monsieur,",
  paragraphs: [
    "Votre entreprise a été inscrite au portail. Pour terminer l’inscription, la personne qui l’a inscrite doit activer le compte de l’entreprise.",
    "Ouvrez une session, choisissez « Activer votre entreprise », puis entrez le numéro de client et le code d’activation tels qu’ils sont imprimés; le code ne tient pas compte des majuscules.",
    "Après la date d’expiration, demandez un nouveau code\u00a0: une nouvelle lettre sera envoyée à l’adresse confirmée, à la façon habituelle, dès le prochain envoi.",
  ],
  labels: { clientNumber: "Numéro de client", activationCode: "Code d’activation", issued: "Date d’émission", expires: "Date d’expiration" },
  issuedText: "14 mars 2025",
  expiresText: "28 avril 2025",
  // "équipe" with a combining accent (NFD): printed as one é.
  closing: ["Veuillez agréer nos salutations distinguées.", "L’e\u0301quipe du programme Partenaires en protection"],
};

const english: LetterBlock = {
  lang: "en",
  heading: "Your Trusted Trader Portal activation code",
  greeting: "Dear Sir or Madam,",
  paragraphs: [
    "Your company has been registered in the portal. To complete the registration, the person who registered it must activate the company’s account.",
    "Sign in, choose “Activate your company”, then enter the client number and activation code as printed; the code is not case-sensitive.",
  ],
  labels: { clientNumber: "Client number", activationCode: "Activation code", issued: "Issued", expires: "Expires" },
  issuedText: "March 14, 2025",
  expiresText: "April 28, 2025",
  closing: ["Yours sincerely,", "Partners in Protection program"],
};

function letter(n: number, blocks: [LetterBlock, LetterBlock], company: string): ActivationLetter {
  return {
    letterId: `L-00012${n}`,
    sender: ["Agence des services frontaliers du Canada", "Canada Border Services Agency", "Ottawa (Ontario)  K1A 0L8"],
    recipient: [company, "1234, rue Saint-Jérôme", "Québec (Québec)  G1R 4S9"],
    clientNumber: `123 456 78${n} 0`,
    activationCode: `ABCD-EFGH-JKM${n}`,
    blocks,
  };
}

const frenchFirst = letter(3, [french, english], "Fromagerie Côte-à-Côte ltée");
const batch = [
  letter(4, [french, english], "Boulangerie Ça-Va-Bien inc."),
  letter(5, [english, french], "Northern Widgets Ltd."),
  letter(6, [french, english], "Hôtel Château-Frontenac enr."),
];
const createdAt = new Date("2025-03-14T12:00:00Z");

function pdftotext(pdf: string, ...args: string[]): string {
  return execFileSync("pdftotext", [...args, pdf, "-"], { encoding: "utf8" });
}

describe("activation letters (PDF)", () => {
  const { it, before } = popplerTests();
  let dir: string;
  let single: string;
  let batchPdf: string;
  let raw: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "ttp-letters-"));
    single = join(dir, "letter.pdf");
    batchPdf = join(dir, "batch.pdf");
    writeFileSync(single, await renderActivationLetters([frenchFirst], { createdAt }));
    writeFileSync(batchPdf, await renderActivationLetters(batch, { title: "Lettres d’activation — lot 7", createdAt }));
    raw = (await renderActivationLetters([frenchFirst], { createdAt, compress: false })).toString("latin1");
  });

  it("prints the French text with its accents, the numbers, then the English", () => {
    const text = pdftotext(single, "-layout");
    for (const expected of [
      "Votre code d’activation du Portail des négociants dignes de",
      "Votre entreprise a été inscrite au portail.",
      "« Activer votre entreprise »",
      "Après la date d’expiration",
      "à la façon habituelle, dès le prochain envoi.",
      "Numéro de client",
      "Fromagerie Côte-à-Côte ltée",
      "L’équipe du programme",
      "123 456 783 0",
      "ABCD-EFGH-JKM3",
      "Réf. L-000123",
    ]) {
      assert.ok(text.includes(expected), `the letter shows ${JSON.stringify(expected)}:\n${text}`);
    }
    const fr = text.indexOf("Numéro de client");
    const en = text.indexOf("Your Trusted Trader Portal activation code");
    assert.ok(fr >= 0 && en > fr, "the English block comes after the French block");
    assert.ok(text.indexOf("Client number") > en);
  });

  it("starts each letter of a batch on a new page, with its reference on its pages", () => {
    const pages = pdftotext(batchPdf, "-layout").split("\f").filter((page) => page.trim() !== "");
    assert.ok(pages.length >= 3, `at least one page a letter (${pages.length})`);
    const info = execFileSync("pdfinfo", [batchPdf], { encoding: "utf8" });
    assert.match(info, /Title:\s+Lettres d’activation — lot 7/);
    assert.match(info, /Page size:\s+612 x 792 pts/);

    for (const l of batch) {
      const own = pages.filter((page) => page.includes(`Réf. ${l.letterId}`) || page.includes(`Ref. ${l.letterId}`));
      assert.ok(own.length >= 1 && own.length <= 2, `${l.letterId} has 1 or 2 pages`);
      assert.ok(own[0]!.includes(l.recipient[0]!), `${l.letterId} starts on its own page, with its address`);
      assert.ok(own.join("").includes(l.activationCode));
      for (const other of batch.filter((o) => o !== l)) {
        assert.ok(!own.some((page) => page.includes(other.activationCode)), "no page mixes two letters");
      }
    }
    const englishFirst = pages.filter((page) => /R[ée]f\. L-000125/.test(page)).join("\f");
    // Each page's footer is in the language the page starts in: "Réf." on a French page, "Ref." on an English one.
    for (const page of pages) {
      const french = page.indexOf("Numéro de client");
      const english = page.indexOf("Client number");
      const startsFrench = french >= 0 && (english < 0 || french < english);
      assert.equal(/Réf\. L-\d+/.test(page), startsFrench, `the footer's language matches the page's:\n${page}`);
      assert.equal(/Ref\. L-\d+/.test(page), !startsFrench, `the footer's language matches the page's:\n${page}`);
    }
    const en = englishFirst.indexOf("Client number");
    assert.ok(en >= 0 && en < englishFirst.indexOf("Numéro de client"), "an English-first letter has English first");
  });

  it("is a tagged PDF in French with an English section", () => {
    assert.match(raw, /%PDF-1\.7/);
    assert.match(raw, /\/MarkInfo \d+ 0 R/);
    assert.match(raw, /\/Marked true/);
    assert.match(raw, /\/StructTreeRoot \d+ 0 R/);
    assert.match(raw, /\/Type \/StructTreeRoot/);
    assert.match(raw, /\/Type \/Catalog[^>]*\/Lang (\(fr\)|<feff00660072>)/i, "the document language is French");
    assert.match(raw, /\/S \/Sect\s+\/Lang (\(en\)|<feff0065006e>)/i, "the English block says so");
    assert.match(raw, /\/S \/Sect\s+\/Lang (\(fr\)|<feff00660072>)/i);
    assert.match(raw, /\/DisplayDocTitle true/);
    assert.match(raw, /\(D:20250314120000Z\)/, "CreationDate from the option");
    for (const tag of ["H1", "P", "Table", "TR", "TH", "TD"]) assert.match(raw, new RegExp(`/S /${tag}\\b`));
    assert.match(raw, /\/Scope \/Row/);
    assert.match(raw, /\/Artifact <<\s*\/Type \/Pagination/, "the footer is an artifact");
    // The Government of Canada signature heads the letter: a figure whose alternate text is its words.
    assert.match(raw, /\/S \/Figure/);
    assert.match(raw, /\/Alt (\(Gouvernement du Canada\)|<feff0047006f0075007600650072006e0065006d0065006e0074002000640075002000430061006e006100640061>)/i, "the signature's alternate text");

    const info = execFileSync("pdfinfo", [single], { encoding: "utf8" });
    assert.match(info, /Tagged:\s+yes/);
    assert.match(info, /Title:\s+Votre code d’activation du Portail des négociants dignes de confiance/);
  });

  it("embeds Noto Sans, bold and mono", () => {
    const fonts = execFileSync("pdffonts", [single], { encoding: "utf8" });
    for (const name of ["NotoSans-Regular", "NotoSans-Bold", "NotoSansMono-Regular"]) {
      const line = fonts.split("\n").find((l) => l.includes(`+${name} `));
      assert.ok(line, `${name} is in the PDF:\n${fonts}`);
      // name, type (two words), encoding, then emb sub uni
      const [emb] = line.trim().split(/\s+/).slice(-5);
      assert.equal(emb, "yes", `${name} is embedded: ${line}`);
    }
  });

  it("renders page 1 to PNG", (t) => {
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", single, join(dir, "letter-page-1")]);
    const png = join(dir, "letter-page-1.png");
    const bytes = readFileSync(png);
    assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from("PNG")]);
    assert.equal(bytes.readUInt32BE(16), 510, "8.5 in at 60 dpi");
    assert.equal(bytes.readUInt32BE(20), 660, "11 in at 60 dpi");
    t.diagnostic(`page 1 of the French-first letter: ${png}`);
  });
});

describe("activation letters (input)", () => {
  it("refuses a character that the fonts cannot draw, naming the letter", async () => {
    const polish = { ...frenchFirst, recipient: ["Łódź Trading Sp. z o.o.", ...frenchFirst.recipient.slice(1)] };
    await assert.rejects(renderActivationLetters([frenchFirst, polish]), (error: unknown) => {
      assert.ok(error instanceof UnsupportedCharactersError);
      assert.equal(error.letterId, frenchFirst.letterId);
      assert.deepEqual(error.characters, ["Ł", "ź"], "ó is in the fonts");
      assert.match(error.message, /U\+0141/);
      return true;
    });
  });

  it("refuses an empty batch", async () => {
    await assert.rejects(renderActivationLetters([]), RangeError);
  });

  it("accepts only characters that all three font files have", () => {
    const fontsDir = join(dirname(createRequire(import.meta.url).resolve("@gcds-core/fonts/package.json")), "fonts");
    const requireFromPdfkit = createRequire(createRequire(import.meta.url).resolve("pdfkit"));
    const fontkit = requireFromPdfkit("fontkit") as { openSync(path: string): { hasGlyphForCodePoint(cp: number): boolean } };
    const fonts = ["noto-sans/gcds-noto-sans-regular.woff", "noto-sans/gcds-noto-sans-bold.woff", "noto-sans-mono/gcds-noto-sans-mono.woff"].map(
      (file) => fontkit.openSync(join(fontsDir, file)),
    );
    let accepted = 0;
    for (let cp = 0x20; cp < 0x3000; cp++) {
      const char = String.fromCodePoint(cp);
      if (unsupportedCharacters([char]).length > 0) continue;
      accepted++;
      // What is drawn is the NFC form (U+037E GREEK QUESTION MARK becomes ";").
      for (const drawn of char.normalize("NFC")) {
        for (const font of fonts) assert.ok(font.hasGlyphForCodePoint(drawn.codePointAt(0)!), `U+${cp.toString(16)} has a glyph`);
      }
    }
    assert.ok(accepted > 200);
    assert.deepEqual(unsupportedCharacters(["é è à ç ô « » ’ Œ œ — … €\u202F"]), []);
    assert.deepEqual(unsupportedCharacters(["e\u0301"]), [], "combining accents are composed first");
  });
});
