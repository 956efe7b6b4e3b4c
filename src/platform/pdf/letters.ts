// The registered-mail activation letters (REG-4, STAFF-2): one tagged, bilingual PDF with one
// or more letters, each starting on a new page, ready to print and fold into a #10 window
// envelope. The words come from the caller, already translated and formatted; this module
// only lays them out.
//
// The fonts are the GC Design System's Noto Sans (regular and bold) and Noto Sans Mono from
// @gcds-core/fonts, read from their WOFF files (pdfkit's fontkit decodes WOFF) and embedded
// as subsets. Those files cover Latin-1, Œ œ Ÿ and the usual typographic punctuation (the
// French quotation marks, the narrow no-break space, ’ – — …), not more: a text with any
// other character is refused (UnsupportedCharactersError) rather than printed with a blank box.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import { drawSignature, signatureHeight, signatureTitle } from "./signature.ts";

/** One language's text of a letter. */
export interface LetterBlock {
  lang: "en" | "fr";
  /** e.g. "Your Trusted Trader Portal activation code" */
  heading: string;
  greeting: string;
  /** The instructions, one string per paragraph. */
  paragraphs: string[];
  labels: { clientNumber: string; activationCode: string; issued: string; expires: string };
  /** The issue date, already formatted in this language. */
  issuedText: string;
  expiresText: string;
  /** Sign-off lines: the first is the salutation, the others the signature. */
  closing: string[];
}

export interface ActivationLetter {
  /** Shown small in every page's footer as a reference, e.g. "L-000123". */
  letterId: string;
  /** Return address lines. */
  sender: string[];
  /** The company name and mailing address exactly as printed (already formatted). */
  recipient: string[];
  /** Formatted, e.g. "123 456 789 0". */
  clientNumber: string;
  /** Formatted, e.g. "ABCD-EFGH-JKMN". */
  activationCode: string;
  /** The company's language first, then the other. */
  blocks: [LetterBlock, LetterBlock];
}

export interface RenderLettersOptions {
  /** The document title (shown in the viewer's title bar). Default: the first letter's first heading. */
  title?: string;
  /** The PDF's CreationDate. Default: pdfkit's (the time of rendering). */
  createdAt?: Date;
  /** Compress the page streams (default true). Tests turn it off to read the raw PDF. */
  compress?: boolean;
}

/** A letter holds a character that the embedded fonts cannot draw. */
export class UnsupportedCharactersError extends Error {
  constructor(
    readonly letterId: string,
    readonly characters: string[],
  ) {
    super(
      `Letter ${letterId}: the letter fonts have no glyph for ${characters
        .map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`)
        .join(", ")}`,
    );
    this.name = "UnsupportedCharactersError";
  }
}

// ---------------------------------------------------------------------------------------
// Fonts

/** The names the fonts are registered under (document.ts registers them the same way). */
export const FONT = { regular: "NotoSans", bold: "NotoSans-Bold", mono: "NotoSansMono" } as const;

let fontFiles: Record<keyof typeof FONT, Buffer> | undefined;

/** The three GCDS font files, read once. */
export function loadFonts(): Record<keyof typeof FONT, Buffer> {
  if (!fontFiles) {
    const root = join(dirname(createRequire(import.meta.url).resolve("@gcds-core/fonts/package.json")), "fonts");
    fontFiles = {
      regular: readFileSync(join(root, "noto-sans", "gcds-noto-sans-regular.woff")),
      bold: readFileSync(join(root, "noto-sans", "gcds-noto-sans-bold.woff")),
      mono: readFileSync(join(root, "noto-sans-mono", "gcds-noto-sans-mono.woff")),
    };
  }
  return fontFiles;
}

/**
 * The characters that all three GCDS font files have glyphs for (their cmaps, @gcds-core/fonts
 * 1.1): printable ASCII, Latin-1, Œ œ Ÿ ˆ ˜, the spaces U+2000–U+200A, U+202F and U+205F, the
 * hyphens and dashes, ‘ ’ ‚ “ ” „ • … ‹ › € ™. A line feed is allowed (it breaks the line).
 */
const SUPPORTED =
  /[\n\u0020-\u007E\u00A0-\u00FF\u0152\u0153\u0178\u02C6\u02DC\u2000-\u200A\u2010-\u2014\u2018-\u201A\u201C-\u201E\u2022\u2026\u202F\u2039\u203A\u205F\u20AC\u2122]/u;

/** The characters of `texts` that the letter fonts cannot draw (after NFC normalization), each once. */
export function unsupportedCharacters(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const char of text.normalize("NFC")) {
      if (!SUPPORTED.test(char)) found.add(char);
    }
  }
  return [...found];
}

function allTexts(letter: ActivationLetter): string[] {
  return [
    letter.letterId,
    ...letter.sender,
    ...letter.recipient,
    letter.clientNumber,
    letter.activationCode,
    ...letter.blocks.flatMap((b) => [
      b.heading,
      b.greeting,
      ...b.paragraphs,
      ...Object.values(b.labels),
      b.issuedText,
      b.expiresText,
      ...b.closing,
    ]),
  ];
}

// ---------------------------------------------------------------------------------------
// Layout (PDF points: 72 to the inch; y grows downwards from the top of the page)

const PAGE = { width: 612, height: 792 }; // US Letter, 8.5 × 11 in
const LEFT = 72;
const RIGHT = PAGE.width - 72;
const WIDTH = RIGHT - LEFT;
const TOP = 54; // the first line of a continuation page
const BOTTOM = PAGE.height - 72; // nothing of the body below this
const FOOTER_Y = PAGE.height - 48;

// A #10 window envelope (9.5 × 4.125 in) shows the letter folded in three: a return-address
// window at the top left, and the address window about 2 to 3.6 in from the top of the
// folded letter, 4 in wide. The address is kept inside 2.125–3.25 in (the letter can slide
// a little in the envelope).
// The Government of Canada signature heads the letter, above the return address (both show in
// the return-address window).
const SIGNATURE = { x: LEFT, y: 36, width: 168 };
const SENDER = { x: LEFT, y: SIGNATURE.y + signatureHeight(SIGNATURE.width) + 8, width: 252 };
const DATE = { x: RIGHT - 200, y: 40, width: 200 };
const WINDOW = { x: LEFT, y: 153, width: 288, height: 81 };
const BODY_TOP = 270; // 3.75 in, just under the first fold (3.67 in)

const COLOR = {
  text: "#1a1a1a",
  muted: "#595959",
  heading: "#26374a", // GC Design System primary text colour
  rule: "#7d828b",
  boxBorder: "#26374a",
  boxFill: "#f1f2f3",
};

const SIZE = { small: 8, address: 10, body: 10, label: 9, heading: 14, code: 17, date: 10 };
const LINE_GAP = 1.5;
const PARAGRAPH_GAP = 6;
const CLOSING_GAP = 14;
const HEADING_GAP = 8;

const REFERENCE_LABEL: Record<LetterBlock["lang"], string> = { en: "Ref.", fr: "Réf." };

interface TextStyle {
  font: string;
  size: number;
  color?: string;
  lineGap?: number;
  align?: "left" | "right" | "center";
  characterSpacing?: number;
}

const HEADING_STYLE: TextStyle = { font: FONT.bold, size: SIZE.heading, color: COLOR.heading, lineGap: 1 };
const BODY_STYLE: TextStyle = { font: FONT.regular, size: SIZE.body, lineGap: LINE_GAP };

type Doc = PDFKit.PDFDocument;
type StructOptions = PDFKit.Mixins.StructureElementOptions;

/** One PDF with one or more letters, each starting on a new page (a batch for printing). */
export async function renderActivationLetters(
  letters: ActivationLetter[],
  options: RenderLettersOptions = {},
): Promise<Buffer> {
  const first = letters[0];
  if (!first) throw new RangeError("renderActivationLetters: no letters to render");
  for (const letter of letters) {
    const bad = unsupportedCharacters(allTexts(letter));
    if (bad.length > 0) throw new UnsupportedCharactersError(letter.letterId, bad);
  }
  const fonts = loadFonts();

  const info: PDFKit.DocumentInfo = { Title: nfc(options.title ?? first.blocks[0].heading) };
  if (options.createdAt) info.CreationDate = options.createdAt;
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: TOP, bottom: PAGE.height - BOTTOM, left: LEFT, right: PAGE.width - RIGHT },
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    displayTitle: true,
    lang: first.blocks[0].lang,
    compress: options.compress ?? true,
    info,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.registerFont(FONT.mono, fonts.mono);

  for (const letter of letters) {
    const firstPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
    const writer = new LetterWriter(doc, normalizeLetter(letter));
    writer.write();
    writeFooters(doc, letter, firstPage, writer.pageLangs);
    doc.flushPages();
  }
  doc.end();
  return done;
}

function nfc(text: string): string {
  return text.normalize("NFC");
}

function normalizeLetter(letter: ActivationLetter): ActivationLetter {
  const block = (b: LetterBlock): LetterBlock => ({
    lang: b.lang,
    heading: nfc(b.heading),
    greeting: nfc(b.greeting),
    paragraphs: b.paragraphs.map(nfc),
    labels: {
      clientNumber: nfc(b.labels.clientNumber),
      activationCode: nfc(b.labels.activationCode),
      issued: nfc(b.labels.issued),
      expires: nfc(b.labels.expires),
    },
    issuedText: nfc(b.issuedText),
    expiresText: nfc(b.expiresText),
    closing: b.closing.map(nfc),
  });
  return {
    letterId: nfc(letter.letterId),
    sender: letter.sender.map(nfc),
    recipient: letter.recipient.map(nfc),
    clientNumber: nfc(letter.clientNumber),
    activationCode: nfc(letter.activationCode),
    blocks: [block(letter.blocks[0]), block(letter.blocks[1])],
  };
}

/** The measured parts of the code box. */
interface BoxLayout {
  height: number;
  row1: number;
  cells: { label: string; value: string; style: TextStyle; labelHeight: number }[];
}

const BOX = { pad: 12, gutter: 16, rowGap: 10, labelGap: 2 };
const BOX_COLUMN = (WIDTH - 2 * BOX.pad - BOX.gutter) / 2;
const BOX_LABEL_STYLE: TextStyle = { font: FONT.bold, size: SIZE.label, color: COLOR.muted, lineGap: 1 };
const BOX_CODE_STYLE: TextStyle = { font: FONT.mono, size: SIZE.code, characterSpacing: 0.5 };
const BOX_DATE_STYLE: TextStyle = { font: FONT.regular, size: SIZE.body, lineGap: 1 };
const SEPARATOR = { before: 18, after: 22 };
const SIGNATURE_GAP = 6;

/**
 * Lays out one letter from a new page on, tagging everything it draws. Pages break between
 * paragraphs (pdfkit continues a paragraph taller than a page by itself); the heading stays with
 * the greeting and first paragraph, the code box with the sign-off, and the second language
 * starts a new page when it would fit whole there but not under the first.
 */
class LetterWriter {
  #y = 0;
  /** The language of the block being written, and so of each page it starts. */
  #lang: LetterBlock["lang"] = "en";
  /** Each page's language, in order: its footer is written in it. */
  readonly pageLangs: LetterBlock["lang"][] = [];

  constructor(
    private readonly doc: Doc,
    private readonly letter: ActivationLetter,
  ) {}

  write(): void {
    const { doc, letter } = this;
    const [mainBlock, otherBlock] = letter.blocks;
    const onPage = () => this.pageLangs.push(this.#lang);
    doc.on("pageAdded", onPage);
    this.#lang = mainBlock.lang;
    doc.addPage();
    const section = doc.struct("Sect", { lang: mainBlock.lang });
    doc.addStructure(section);

    // The Government of Canada signature, in the letter's language first.
    section.add(
      this.#content("Figure", { alt: signatureTitle(mainBlock.lang), lang: mainBlock.lang }, () => drawSignature(doc, mainBlock.lang, SIGNATURE.x, SIGNATURE.y, SIGNATURE.width)),
    );

    // Return address (top left, for a double-window envelope) and the date in both languages.
    const senderStyle: TextStyle = { font: FONT.regular, size: SIZE.small + 1, color: COLOR.muted, lineGap: 1 };
    section.add(this.#paragraph(letter.sender.join("\n"), SENDER.x, SENDER.y, SENDER.width, senderStyle));
    const dates = mainBlock.issuedText === otherBlock.issuedText ? [mainBlock] : [mainBlock, otherBlock];
    const dateStyle: TextStyle = { font: FONT.regular, size: SIZE.date, align: "right", lineGap: 1 };
    let dateY = DATE.y;
    for (const block of dates) {
      section.add(this.#paragraph(block.issuedText, DATE.x, dateY, DATE.width, dateStyle, { lang: block.lang }));
      dateY += this.#height(block.issuedText, DATE.width, dateStyle);
    }

    // The address, in the envelope window (in smaller type if it needs to be).
    const address = letter.recipient.join("\n");
    const addressStyle = this.#fitAddress(letter.recipient);
    section.add(this.#paragraph(address, WINDOW.x, WINDOW.y, WINDOW.width, addressStyle));
    const addressBottom = WINDOW.y + this.#height(address, WINDOW.width, addressStyle);

    this.#y = Math.max(BODY_TOP, addressBottom + 24);
    this.#block(section, mainBlock);

    this.#lang = otherBlock.lang;
    const otherHeight = this.#blockHeight(otherBlock);
    const room = BOTTOM - (this.#y + SEPARATOR.before + SEPARATOR.after);
    if (otherHeight > room && otherHeight <= BOTTOM - TOP) {
      this.#newPage();
    } else if (this.#leadHeight(otherBlock) <= room) {
      this.#separator();
    }
    this.#block(section, otherBlock);
    section.end();
    doc.off("pageAdded", onPage);
  }

  #block(parent: PDFKit.PDFStructureElement, block: LetterBlock): void {
    const sect = this.doc.struct("Sect", { lang: block.lang });
    parent.add(sect);

    this.#ensureSpace(this.#leadHeight(block));
    const headingHeight = this.#height(block.heading, WIDTH, HEADING_STYLE);
    sect.add(this.#paragraph(block.heading, LEFT, this.#y, WIDTH, HEADING_STYLE, {}, "H1"));
    this.#y += headingHeight + HEADING_GAP;
    this.#flow(sect, block.greeting);
    for (const text of block.paragraphs) this.#flow(sect, text);

    const box = this.#boxLayout(block);
    const closing = this.#closingHeight(block);
    const boxAndClosing = box.height + CLOSING_GAP + closing;
    this.#y += 4;
    this.#ensureSpace(boxAndClosing <= BOTTOM - TOP ? boxAndClosing : box.height);
    this.#codeBox(sect, box);
    this.#y += CLOSING_GAP;

    const [salutation, ...signature] = block.closing;
    if (salutation !== undefined) {
      this.#ensureSpace(closing);
      sect.add(this.#paragraph(salutation, LEFT, this.#y, WIDTH, BODY_STYLE));
      this.#y += this.#height(salutation, WIDTH, BODY_STYLE);
      if (signature.length > 0) {
        const text = signature.join("\n");
        this.#y += SIGNATURE_GAP;
        sect.add(this.#paragraph(text, LEFT, this.#y, WIDTH, BODY_STYLE));
        this.#y += this.#height(text, WIDTH, BODY_STYLE);
      }
    }
    sect.end();
  }

  /** The height of a block's heading, greeting and first paragraph, which stay together. */
  #leadHeight(block: LetterBlock): number {
    const first = block.paragraphs[0];
    return (
      this.#height(block.heading, WIDTH, HEADING_STYLE) +
      HEADING_GAP +
      this.#height(block.greeting, WIDTH, BODY_STYLE) +
      (first === undefined ? 0 : PARAGRAPH_GAP + this.#height(first, WIDTH, BODY_STYLE))
    );
  }

  /** The height of a whole block, as #block lays it out on one page. */
  #blockHeight(block: LetterBlock): number {
    const rest = block.paragraphs.slice(1).reduce((sum, text) => sum + this.#height(text, WIDTH, BODY_STYLE) + PARAGRAPH_GAP, 0);
    return this.#leadHeight(block) + PARAGRAPH_GAP + rest + 4 + this.#boxLayout(block).height + CLOSING_GAP + this.#closingHeight(block);
  }

  #closingHeight(block: LetterBlock): number {
    const [salutation, ...signature] = block.closing;
    if (salutation === undefined) return 0;
    const signatureHeight = signature.length > 0 ? SIGNATURE_GAP + this.#height(signature.join("\n"), WIDTH, BODY_STYLE) : 0;
    return this.#height(salutation, WIDTH, BODY_STYLE) + signatureHeight;
  }

  #boxLayout(block: LetterBlock): BoxLayout {
    const { letter } = this;
    const cells = [
      { label: block.labels.clientNumber, value: letter.clientNumber, style: BOX_CODE_STYLE },
      { label: block.labels.activationCode, value: letter.activationCode, style: BOX_CODE_STYLE },
      { label: block.labels.issued, value: block.issuedText, style: BOX_DATE_STYLE },
      { label: block.labels.expires, value: block.expiresText, style: BOX_DATE_STYLE },
    ].map((cell) => ({ ...cell, labelHeight: this.#height(cell.label, BOX_COLUMN, BOX_LABEL_STYLE) }));
    const cellHeights = cells.map(
      (cell) => cell.labelHeight + BOX.labelGap + this.#height(cell.value, BOX_COLUMN, cell.style),
    );
    const row1 = Math.max(cellHeights[0]!, cellHeights[1]!);
    const row2 = Math.max(cellHeights[2]!, cellHeights[3]!);
    return { height: BOX.pad + row1 + BOX.rowGap + row2 + BOX.pad, row1, cells };
  }

  /** The client number and the activation code, large, in a box; the dates under them. */
  #codeBox(parent: PDFKit.PDFStructureElement, box: BoxLayout): void {
    const { doc } = this;
    const top = this.#y;
    this.#artifact(() => {
      const ruleY = top + BOX.pad + box.row1 + BOX.rowGap / 2;
      doc.save();
      doc.lineWidth(1.5).rect(LEFT, top, WIDTH, box.height).fillAndStroke(COLOR.boxFill, COLOR.boxBorder);
      doc.lineWidth(0.5).moveTo(LEFT + BOX.pad, ruleY).lineTo(RIGHT - BOX.pad, ruleY).stroke(COLOR.rule);
      doc.restore();
    });

    // For assistive technology, a table of label / value rows; on paper, a 2 × 2 grid.
    const table = doc.struct("Table");
    parent.add(table);
    const rowHeader: StructOptions & { scope: "Row" } = { scope: "Row" };
    box.cells.forEach((cell, index) => {
      const x = LEFT + BOX.pad + (index % 2) * (BOX_COLUMN + BOX.gutter);
      const y = top + BOX.pad + (index < 2 ? 0 : box.row1 + BOX.rowGap);
      const tr = doc.struct("TR");
      table.add(tr);
      tr.add(this.#content("TH", rowHeader, () => this.#draw(cell.label, x, y, BOX_COLUMN, BOX_LABEL_STYLE)));
      tr.add(this.#content("TD", {}, () => this.#draw(cell.value, x, y + cell.labelHeight + BOX.labelGap, BOX_COLUMN, cell.style)));
      tr.end();
    });
    table.end();
    this.#y = top + box.height;
  }

  /** A rule between the two languages. */
  #separator(): void {
    const { doc } = this;
    this.#y += SEPARATOR.before;
    const y = this.#y;
    this.#artifact(() => {
      doc.save().lineWidth(0.75).moveTo(LEFT, y).lineTo(RIGHT, y).stroke(COLOR.rule).restore();
    });
    this.#y += SEPARATOR.after;
  }

  /** A body paragraph at the current position, on a new page if it does not fit. */
  #flow(parent: PDFKit.PDFStructureElement, text: string): void {
    const height = this.#height(text, WIDTH, BODY_STYLE);
    this.#ensureSpace(height);
    const pages = this.doc.bufferedPageRange().count;
    parent.add(this.#paragraph(text, LEFT, this.#y, WIDTH, BODY_STYLE));
    // A paragraph taller than the rest of the page is continued on a new page by pdfkit.
    this.#y = this.doc.bufferedPageRange().count === pages ? this.#y + height : this.doc.y;
    this.#y += PARAGRAPH_GAP;
  }

  #ensureSpace(height: number): void {
    if (this.#y + height > BOTTOM && this.#y > TOP) this.#newPage();
  }

  #newPage(): void {
    this.doc.addPage();
    this.#y = TOP;
  }

  #paragraph(
    text: string,
    x: number,
    y: number,
    width: number,
    style: TextStyle,
    options: StructOptions = {},
    type = "P",
  ): PDFKit.PDFStructureElement {
    return this.#content(type, options, () => this.#draw(text, x, y, width, style));
  }

  /** A structure element whose content is what `draw` puts on the page. */
  #content(type: string, options: StructOptions, draw: () => void): PDFKit.PDFStructureElement {
    return this.doc.struct(type, options, [draw]);
  }

  #draw(text: string, x: number, y: number, width: number, style: TextStyle): void {
    this.#apply(style);
    this.doc.text(text, x, y, {
      width,
      lineGap: style.lineGap ?? 0,
      align: style.align ?? "left",
      characterSpacing: style.characterSpacing ?? 0,
    });
  }

  #height(text: string, width: number, style: TextStyle): number {
    this.#apply(style);
    return this.doc.heightOfString(text, {
      width,
      lineGap: style.lineGap ?? 0,
      characterSpacing: style.characterSpacing ?? 0,
    });
  }

  #apply(style: TextStyle): void {
    this.doc.font(style.font).fontSize(style.size).fillColor(style.color ?? COLOR.text);
  }

  /** Drawing that is not content (rules, box borders): marked as an artifact, outside the structure. */
  #artifact(draw: () => void): void {
    this.doc.markContent("Artifact", { type: "Layout" });
    draw();
    this.doc.endMarkedContent();
  }

  /**
   * The address type: 10 pt, or down to 9 pt for lines too long or too many for the window. An
   * address still too big wraps and runs below the window (the letter body moves down): Canada
   * Post's 40 characters a line always fit at 10 pt.
   */
  #fitAddress(lines: string[]): TextStyle {
    const text = lines.join("\n");
    const style = (size: number): TextStyle => ({ font: FONT.regular, size, lineGap: 1 });
    for (let size = SIZE.address; size > 9; size -= 0.5) {
      this.#apply(style(size));
      const fitsWidth = lines.every((line) => this.doc.widthOfString(line) <= WINDOW.width);
      if (fitsWidth && this.#height(text, WINDOW.width, style(size)) <= WINDOW.height) return style(size);
    }
    return style(9);
  }
}

/**
 * "Réf. L-000123" on the left and "1 / 2" on the right of every page of the letter, in the
 * language the page starts in (an English page says "Ref.").
 */
function writeFooters(doc: Doc, letter: ActivationLetter, firstPage: number, pageLangs: readonly LetterBlock["lang"][]): void {
  const { start, count } = doc.bufferedPageRange();
  const pages = start + count - firstPage;
  for (let i = 0; i < pages; i++) {
    const reference = `${REFERENCE_LABEL[pageLangs[i] ?? letter.blocks[0].lang]} ${nfc(letter.letterId)}`;
    doc.switchToPage(firstPage + i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // the footer sits below the body: no automatic page break
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOR.muted);
    doc.text(reference, LEFT, FOOTER_Y, { width: WIDTH / 2, lineBreak: false });
    doc.text(`${i + 1} / ${pages}`, LEFT + WIDTH / 2, FOOTER_Y, { width: WIDTH / 2, align: "right", lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottomMargin;
  }
}
