// A generic tagged PDF made of language blocks: the bilingual submission of an application
// (APP-5) and the decision letters (APP-13) are each one English and one French block, each
// block starting on a new page and carrying its language in the structure tree, so that a
// screen reader switches voice. The words come from the caller, already translated and
// formatted; this module only lays them out, as letters.ts does for the activation letters.
//
// Same fonts (GC Design System Noto Sans, bold and mono, embedded as subsets), same page
// (US Letter) and same rule for text the fonts cannot draw (UnsupportedCharactersError,
// thrown before anything is drawn) as letters.ts.
//
// Pagination: the layout keeps its own cursor and breaks pages between parts, between the
// rows of a field list and between list items; a heading stays with the start of what follows
// it. Only a paragraph or a field value taller than a whole page is continued by pdfkit
// itself (its marked content follows it onto the next page). Every page's footer (an
// artifact, outside the structure) shows the document's reference and "page / pages".
import PDFDocument from "pdfkit";
import { FONT, loadFonts, unsupportedCharacters, UnsupportedCharactersError } from "./letters.ts";
import { drawSignature, signatureHeight, signatureTitle } from "./signature.ts";

export type PdfLang = "en" | "fr";

/** One row of a two-column key/value list. */
export interface FieldRow {
  label: string;
  value: string;
  /** Fixed-width type, sized down so that each word (a SHA-256, say) stays on one line. */
  mono?: boolean;
}

export type PdfPart =
  /** A heading under the block's own (which is the H1). */
  | { kind: "heading"; level: 2 | 3 | 4 | 5; text: string }
  /** A paragraph; a line feed breaks the line. With `keepWithNext`, on the same page as the start of the next part. */
  | { kind: "paragraph"; text: string; keepWithNext?: boolean }
  /** A two-column list of labels and values (a table of row headers and cells for assistive technology). */
  | { kind: "fields"; rows: FieldRow[] }
  /** A bulleted list. */
  | { kind: "list"; items: string[] };

/** The top of a letter: return address on the left, date on the right, then the recipient. */
export interface Letterhead {
  sender: string[];
  date: string;
  recipient: string[];
}

export interface PdfBlock {
  lang: PdfLang;
  /** The block's H1, at the top of its first page (under the letterhead, if any). */
  heading: string;
  letterhead?: Letterhead;
  parts: PdfPart[];
}

export interface PdfDocument {
  /** The document title (the viewer's title bar, and the PDF's Title). */
  title: string;
  /** Shown small in every page's footer, e.g. "PIP-2026-000042". */
  reference: string;
  /** The document's default language (the catalog's /Lang). */
  lang: PdfLang;
  blocks: PdfBlock[];
}

export interface RenderDocumentOptions {
  /** The PDF's CreationDate. Default: pdfkit's (the time of rendering). */
  createdAt?: Date;
  /** Compress the page streams (default true). Tests turn it off to read the raw PDF. */
  compress?: boolean;
}

/** Every text of a document, as it would be drawn. */
export function documentTexts(doc: PdfDocument): string[] {
  const texts = [doc.title, doc.reference];
  for (const block of doc.blocks) {
    texts.push(block.heading);
    if (block.letterhead) texts.push(...block.letterhead.sender, block.letterhead.date, ...block.letterhead.recipient);
    for (const part of block.parts) {
      if (part.kind === "heading" || part.kind === "paragraph") texts.push(part.text);
      else if (part.kind === "fields") for (const row of part.rows) texts.push(row.label, row.value);
      else texts.push(...part.items);
    }
  }
  return texts;
}

/** The characters of a document that the fonts cannot draw (see letters.ts), each once. */
export function documentUnsupportedCharacters(doc: PdfDocument): string[] {
  return unsupportedCharacters(documentTexts(doc));
}

// ---------------------------------------------------------------------------------------
// Layout (PDF points: 72 to the inch; y grows downwards from the top of the page)

const PAGE = { width: 612, height: 792 }; // US Letter, 8.5 × 11 in
const LEFT = 72;
const RIGHT = PAGE.width - 72;
const WIDTH = RIGHT - LEFT;
const TOP = 54;
const BOTTOM = PAGE.height - 72; // nothing of the body below this
const FOOTER_Y = PAGE.height - 48;

const COLOR = {
  text: "#1a1a1a",
  muted: "#595959",
  heading: "#26374a", // GC Design System primary text colour
};

interface TextStyle {
  font: string;
  size: number;
  color?: string;
  lineGap?: number;
  align?: "left" | "right";
}

const BODY: TextStyle = { font: FONT.regular, size: 10, lineGap: 1.5 };
const LABEL: TextStyle = { font: FONT.bold, size: 9, color: COLOR.muted, lineGap: 1.5 };
const SENDER: TextStyle = { font: FONT.regular, size: 9, color: COLOR.muted, lineGap: 1 };
const RECIPIENT: TextStyle = { font: FONT.regular, size: 10, lineGap: 1 };
const FOOTER_SIZE = 8;

const HEADINGS: Record<1 | 2 | 3 | 4 | 5, { style: TextStyle; before: number; after: number }> = {
  1: { style: { font: FONT.bold, size: 16, color: COLOR.heading, lineGap: 1 }, before: 0, after: 10 },
  2: { style: { font: FONT.bold, size: 13, color: COLOR.heading, lineGap: 1 }, before: 14, after: 6 },
  3: { style: { font: FONT.bold, size: 11.5, color: COLOR.heading, lineGap: 1 }, before: 10, after: 5 },
  4: { style: { font: FONT.bold, size: 10.5, color: COLOR.text, lineGap: 1 }, before: 8, after: 4 },
  5: { style: { font: FONT.bold, size: 10, color: COLOR.text, lineGap: 1 }, before: 6, after: 3 },
};

const PARAGRAPH_GAP = 6;
const FIELDS = { label: 150, gutter: 12, rowGap: 3, after: 8 };
const FIELD_VALUE_X = LEFT + FIELDS.label + FIELDS.gutter;
const FIELD_VALUE_WIDTH = RIGHT - FIELD_VALUE_X;
const LIST = { indent: 14, itemGap: 2, after: 6 };
const LETTERHEAD = { senderWidth: 260, dateWidth: 200, recipientGap: 16, after: 20, signatureWidth: 168, signatureGap: 10 };
const MONO = { max: 9, min: 6 };
/** The least of what follows a heading that must fit under it on the same page. */
const KEEP_WITH_HEADING = 3 * 15;

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

/** One tagged PDF, each block from a new page. */
export async function renderDocument(document: PdfDocument, options: RenderDocumentOptions = {}): Promise<Buffer> {
  if (document.blocks.length === 0) throw new RangeError("renderDocument: no blocks to render");
  const bad = documentUnsupportedCharacters(document);
  if (bad.length > 0) throw new UnsupportedCharactersError(document.reference, bad);
  const source = normalize(document);
  const fonts = loadFonts();

  const info: PDFKit.DocumentInfo = { Title: source.title };
  if (options.createdAt) info.CreationDate = options.createdAt;
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: TOP, bottom: PAGE.height - BOTTOM, left: LEFT, right: PAGE.width - RIGHT },
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    displayTitle: true,
    lang: source.lang,
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

  // One Document element at the root of the structure tree, with a Sect per block.
  const root = doc.struct("Document");
  doc.addStructure(root);
  const writer = new DocumentWriter(doc);
  for (const block of source.blocks) writer.block(root, block);
  root.end();
  writeFooters(doc, source.reference);
  doc.end();
  return done;
}

function nfc(text: string): string {
  return text.normalize("NFC");
}

function normalize(document: PdfDocument): PdfDocument {
  const part = (p: PdfPart): PdfPart => {
    switch (p.kind) {
      case "heading":
        return { kind: "heading", level: p.level, text: nfc(p.text) };
      case "paragraph":
        return { kind: "paragraph", text: nfc(p.text), ...(p.keepWithNext ? { keepWithNext: true } : {}) };
      case "fields":
        return { kind: "fields", rows: p.rows.map((r) => ({ label: nfc(r.label), value: nfc(r.value), ...(r.mono ? { mono: true } : {}) })) };
      case "list":
        return { kind: "list", items: p.items.map(nfc) };
    }
  };
  return {
    title: nfc(document.title),
    reference: nfc(document.reference),
    lang: document.lang,
    blocks: document.blocks.map((b) => ({
      lang: b.lang,
      heading: nfc(b.heading),
      ...(b.letterhead
        ? { letterhead: { sender: b.letterhead.sender.map(nfc), date: nfc(b.letterhead.date), recipient: b.letterhead.recipient.map(nfc) } }
        : {}),
      parts: b.parts.map(part),
    })),
  };
}

class DocumentWriter {
  #y = TOP;
  readonly #heights = new Map<string, number>();

  constructor(private readonly doc: Doc) {}

  block(root: Element, block: PdfBlock): void {
    const { doc } = this;
    doc.addPage();
    this.#y = TOP;
    const sect = doc.struct("Sect", { lang: block.lang });
    root.add(sect);
    if (block.letterhead) this.#letterhead(sect, block.letterhead, block.lang);
    const bookmark = doc.outline.addItem(block.heading);
    this.#heading(sect, 1, block.heading, block.parts[0]);
    block.parts.forEach((part, index) => {
      const next = block.parts[index + 1];
      switch (part.kind) {
        case "heading":
          this.#heading(sect, part.level, part.text, next);
          if (part.level === 2) bookmark.addItem(part.text); // on the page the heading went to
          break;
        case "paragraph":
          this.#paragraph(sect, part.text, part.keepWithNext ? next : undefined);
          break;
        case "fields":
          this.#fields(sect, part.rows);
          break;
        case "list":
          this.#list(sect, part.items);
          break;
      }
    });
    sect.end();
  }

  #letterhead(sect: Element, head: Letterhead, lang: PdfLang): void {
    // The Government of Canada signature heads the letter, in the block's language first.
    const { doc } = this;
    sect.add(doc.struct("Figure", { alt: signatureTitle(lang), lang }, [() => drawSignature(doc, lang, LEFT, TOP, LETTERHEAD.signatureWidth)]));
    const top = TOP + signatureHeight(LETTERHEAD.signatureWidth) + LETTERHEAD.signatureGap;
    const sender = head.sender.join("\n");
    const senderHeight = sender === "" ? 0 : this.#height(sender, LETTERHEAD.senderWidth, SENDER);
    if (sender !== "") sect.add(this.#text("P", sender, LEFT, top, LETTERHEAD.senderWidth, SENDER));
    const dateStyle: TextStyle = { ...BODY, align: "right" };
    const dateHeight = head.date === "" ? 0 : this.#height(head.date, LETTERHEAD.dateWidth, dateStyle);
    if (head.date !== "") sect.add(this.#text("P", head.date, RIGHT - LETTERHEAD.dateWidth, TOP, LETTERHEAD.dateWidth, dateStyle));
    let y = Math.max(top + senderHeight, TOP + dateHeight);
    const recipient = head.recipient.join("\n");
    if (recipient !== "") {
      y += LETTERHEAD.recipientGap;
      sect.add(this.#text("P", recipient, LEFT, y, LETTERHEAD.senderWidth, RECIPIENT));
      y += this.#height(recipient, LETTERHEAD.senderWidth, RECIPIENT);
    }
    this.#y = y + LETTERHEAD.after;
  }

  #heading(sect: Element, level: 1 | 2 | 3 | 4 | 5, text: string, next: PdfPart | undefined): void {
    const { style, before, after } = HEADINGS[level];
    const atTop = this.#y <= TOP;
    if (!atTop) this.#y += before;
    const height = this.#height(text, WIDTH, style);
    this.#ensureSpace(height + after + this.#leadHeight(next));
    sect.add(this.#text(`H${level}`, text, LEFT, this.#y, WIDTH, style));
    this.#y += height + after;
  }

  /** The start of a part, which must fit under the heading before it. */
  #leadHeight(part: PdfPart | undefined): number {
    if (!part) return 0;
    switch (part.kind) {
      case "heading": {
        const { style, before, after } = HEADINGS[part.level];
        return before + this.#height(part.text, WIDTH, style) + after + KEEP_WITH_HEADING;
      }
      case "paragraph":
        return Math.min(this.#height(part.text, WIDTH, BODY), KEEP_WITH_HEADING);
      case "fields": {
        const first = part.rows[0];
        return first ? Math.min(this.#rowHeight(first), KEEP_WITH_HEADING) : 0;
      }
      case "list": {
        const first = part.items[0];
        return first === undefined ? 0 : Math.min(this.#height(first, WIDTH - LIST.indent, BODY), KEEP_WITH_HEADING);
      }
    }
  }

  #paragraph(sect: Element, text: string, keepWith: PdfPart | undefined): void {
    const height = this.#height(text, WIDTH, BODY);
    const together = keepWith ? height + PARAGRAPH_GAP + this.#leadHeight(keepWith) : height;
    this.#ensureFlow(together <= BOTTOM - TOP ? together : height);
    this.#y = this.#drawFlowing(() => sect.add(this.#text("P", text, LEFT, this.#y, WIDTH, BODY)), height);
    this.#y += PARAGRAPH_GAP;
  }

  /** A table of row headers and cells; on paper, labels on the left, values on the right. */
  #fields(sect: Element, rows: FieldRow[]): void {
    if (rows.length === 0) return;
    const { doc } = this;
    const table = doc.struct("Table");
    sect.add(table);
    const rowHeader: PDFKit.Mixins.StructureElementOptions & { scope: "Row" } = { scope: "Row" };
    rows.forEach((row, index) => {
      const valueStyle = this.#valueStyle(row);
      const labelDrop = labelDropFor(valueStyle);
      const labelHeight = labelDrop + this.#height(row.label, FIELDS.label, LABEL);
      const valueHeight = this.#height(row.value, FIELD_VALUE_WIDTH, valueStyle);
      const height = Math.max(labelHeight, valueHeight);
      this.#ensureFlow(height);
      const tr = doc.struct("TR");
      table.add(tr);
      const top = this.#y;
      tr.add(doc.struct("TH", rowHeader, [() => this.#draw(row.label, LEFT, top + labelDrop, FIELDS.label, LABEL)]));
      this.#y = this.#drawFlowing(
        () => tr.add(doc.struct("TD", {}, [() => this.#draw(row.value, FIELD_VALUE_X, top, FIELD_VALUE_WIDTH, valueStyle)])),
        height,
      );
      tr.end();
      if (index < rows.length - 1) this.#y += FIELDS.rowGap;
    });
    table.end();
    this.#y += FIELDS.after;
  }

  #rowHeight(row: FieldRow): number {
    const valueStyle = this.#valueStyle(row);
    return Math.max(labelDropFor(valueStyle) + this.#height(row.label, FIELDS.label, LABEL), this.#height(row.value, FIELD_VALUE_WIDTH, valueStyle));
  }

  /** Body type, or mono type small enough for the longest word to fit the value column. */
  #valueStyle(row: FieldRow): TextStyle {
    if (!row.mono) return BODY;
    this.doc.font(FONT.mono).fontSize(1);
    const longest = Math.max(...row.value.split(/\s+/).map((word) => this.doc.widthOfString(word)), 0.001);
    const size = Math.max(MONO.min, Math.min(MONO.max, Math.floor((FIELD_VALUE_WIDTH / longest) * 2) / 2));
    return { font: FONT.mono, size, lineGap: 1.5 };
  }

  #list(sect: Element, items: string[]): void {
    if (items.length === 0) return;
    const { doc } = this;
    const list = doc.struct("L");
    sect.add(list);
    const width = WIDTH - LIST.indent;
    items.forEach((item, index) => {
      const height = this.#height(item, width, BODY);
      this.#ensureFlow(height);
      const li = doc.struct("LI");
      list.add(li);
      const top = this.#y;
      li.add(doc.struct("Lbl", {}, [() => this.#draw("•", LEFT + 2, top, LIST.indent - 2, BODY)]));
      this.#y = this.#drawFlowing(() => li.add(doc.struct("LBody", {}, [() => this.#draw(item, LEFT + LIST.indent, top, width, BODY)])), height);
      li.end();
      if (index < items.length - 1) this.#y += LIST.itemGap;
    });
    list.end();
    this.#y += LIST.after;
  }

  /** A new page unless `height` fits under the cursor (or the cursor is at the top already). */
  #ensureSpace(height: number): void {
    if (this.#y + height > BOTTOM && this.#y > TOP) this.#newPage();
  }

  /**
   * Room for something `height` tall: it goes whole on the next page if it fits a page, else it
   * starts here (with room for a few lines) and pdfkit continues it on the pages after.
   */
  #ensureFlow(height: number): void {
    if (height <= BOTTOM - TOP) this.#ensureSpace(height);
    else this.#ensureSpace(KEEP_WITH_HEADING);
  }

  /** Runs `draw` (text starting at the cursor) and returns where it ends. */
  #drawFlowing(draw: () => void, height: number): number {
    const top = this.#y;
    const pages = this.doc.bufferedPageRange().count;
    draw();
    if (this.doc.bufferedPageRange().count === pages) return top + height;
    // pdfkit continued the text on new pages: carry on under it.
    return this.doc.y;
  }

  #newPage(): void {
    this.doc.addPage();
    this.#y = TOP;
  }

  #text(type: string, text: string, x: number, y: number, width: number, style: TextStyle): Element {
    return this.doc.struct(type, {}, [() => this.#draw(text, x, y, width, style)]);
  }

  #draw(text: string, x: number, y: number, width: number, style: TextStyle): void {
    this.#apply(style);
    this.doc.text(text, x, y, { width, lineGap: style.lineGap ?? 0, align: style.align ?? "left" });
  }

  /** Measured once per text, width and style (headings and rows are measured to keep them together, then drawn). */
  #height(text: string, width: number, style: TextStyle): number {
    const key = `${style.font}|${style.size}|${style.lineGap ?? 0}|${width}|${text}`;
    let height = this.#heights.get(key);
    if (height === undefined) {
      this.#apply(style);
      height = this.doc.heightOfString(text, { width, lineGap: style.lineGap ?? 0 });
      this.#heights.set(key, height);
    }
    return height;
  }

  #apply(style: TextStyle): void {
    this.doc.font(style.font).fontSize(style.size).fillColor(style.color ?? COLOR.text);
  }
}

/** How far down a field's label goes to sit on its value's first baseline (Noto Sans ascends 1.069 em). */
function labelDropFor(valueStyle: TextStyle): number {
  return Math.max(0, (valueStyle.size - LABEL.size) * 1.069);
}

/** The reference on the left and "3 / 12" on the right of every page. */
function writeFooters(doc: Doc, reference: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // the footer sits below the body: no automatic page break
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font(FONT.regular).fontSize(FOOTER_SIZE).fillColor(COLOR.muted);
    doc.text(reference, LEFT, FOOTER_Y, { width: WIDTH / 2, lineBreak: false });
    doc.text(`${i + 1} / ${count}`, LEFT + WIDTH / 2, FOOTER_Y, { width: WIDTH / 2, align: "right", lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottomMargin;
  }
}
