// Small, real files of each type an evidence upload may be (and some it may not), made in the
// test: a PDF from pdfkit, a PNG and a JPEG built byte by byte, and DOCX, XLSX, PPTX and DOCM
// files as the OOXML zip archives Office and LibreOffice write (a tiny zip writer below).
import { crc32, deflateRawSync, deflateSync } from "node:zlib";
import PDFDocument from "pdfkit";

/** A one-page PDF made by pdfkit. */
export function pdfFile(text = "Evidence for the security profile"): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "LETTER", info: { Title: "Evidence" } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.fontSize(14).text(text);
    doc.end();
  });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A valid 2×2 RGBA PNG. */
export function pngFile(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0); // width
  ihdr.writeUInt32BE(2, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const row = Buffer.from([0, 255, 0, 0, 255, 0, 0, 255, 255]); // filter 0, red, blue
  const pixels = Buffer.concat([row, row]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(pixels)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The start of a JFIF JPEG (SOI, APP0), enough for its type, then an end marker. */
export function jpegFile(): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, Buffer.alloc(64, 0), Buffer.from([0xff, 0xd9])]);
}

/** A Linux executable's header (ELF, x86-64), padded: what a renamed program looks like. */
export function elfFile(): Buffer {
  const header = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x00, 0x3e, 0x00, 0x01, 0, 0, 0]);
  return Buffer.concat([header, Buffer.alloc(4096, 0x90)]);
}

/** A Windows executable's start (MZ, then a PE header at 0x80), padded. */
export function windowsExecutable(): Buffer {
  const b = Buffer.alloc(4096, 0);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  b.write("This program cannot be run in DOS mode.", 0x4e, "latin1");
  return b;
}

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer | string;
  /** Stored (no compression), as writers do for media that is already compressed. */
  readonly store?: boolean;
}

/** A zip archive with the entries in the given order (local headers, central directory, end). */
export function zipFile(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : entry.data;
    const name = Buffer.from(entry.name, "utf8");
    const method = entry.store ? 0 : 8;
    const body = entry.store ? data : deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELS = (target: string): string =>
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
const contentTypes = (part: string, type: string): string =>
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="${part}" ContentType="${type}"/></Types>`;

const WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const DOCUMENT_XML = `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Security profile evidence</w:t></w:r></w:p></w:body></w:document>`;

export interface OoxmlOptions {
  /**
   * "office": [Content_Types].xml first, as Word and Excel write it. "libreoffice": it comes
   * last, after the parts (and after a large stored image when `padding` is given).
   */
  readonly order?: "office" | "libreoffice";
  /** Bytes of incompressible image data inside the document (word/media or xl/media). */
  readonly padding?: number;
}

function ooxml(types: string, parts: ZipEntry[], mediaFolder: string, options: OoxmlOptions): Buffer {
  const media: ZipEntry[] = options.padding ? [{ name: `${mediaFolder}/media/image1.png`, data: noise(options.padding), store: true }] : [];
  const head: ZipEntry = { name: "[Content_Types].xml", data: types };
  const rest = [...parts, ...media];
  return zipFile(options.order === "libreoffice" ? [...rest, head] : [head, ...rest]);
}

/** A minimal Word document (DOCX). */
export function docxFile(options: OoxmlOptions = {}): Buffer {
  return ooxml(
    contentTypes("/word/document.xml", WORD_MAIN),
    [
      { name: "_rels/.rels", data: PACKAGE_RELS("word/document.xml") },
      { name: "word/document.xml", data: DOCUMENT_XML },
    ],
    "word",
    options,
  );
}

/** A Word document with macros (DOCM): a zip like DOCX, but not a type evidence may be. */
export function docmFile(): Buffer {
  return zipFile([
    { name: "[Content_Types].xml", data: contentTypes("/word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml") },
    { name: "_rels/.rels", data: PACKAGE_RELS("word/document.xml") },
    { name: "word/document.xml", data: DOCUMENT_XML },
    { name: "word/vbaProject.bin", data: noise(512), store: true },
  ]);
}

/** A minimal Excel workbook (XLSX) with one sheet. */
export function xlsxFile(options: OoxmlOptions = {}): Buffer {
  return ooxml(
    contentTypes("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    [
      { name: "_rels/.rels", data: PACKAGE_RELS("xl/workbook.xml") },
      {
        name: "xl/workbook.xml",
        data: `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      },
      {
        name: "xl/worksheets/sheet1.xml",
        data: `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Facility</t></is></c></row></sheetData></worksheet>`,
      },
    ],
    "xl",
    options,
  );
}

/** A minimal PowerPoint presentation (PPTX): an OOXML zip that evidence may not be. */
export function pptxFile(): Buffer {
  return zipFile([
    { name: "[Content_Types].xml", data: contentTypes("/ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml") },
    { name: "_rels/.rels", data: PACKAGE_RELS("ppt/presentation.xml") },
    { name: "ppt/presentation.xml", data: `${XML}<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>` },
  ]);
}

/** A plain zip archive holding a text file. */
export function plainZipFile(): Buffer {
  return zipFile([{ name: "notes.txt", data: "not an office document" }]);
}

/** Bytes that do not compress (a deterministic xorshift stream). */
export function noise(bytes: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(bytes);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/**
 * A PDF of exactly `bytes` bytes, made as it is read, `chunkBytes` at a time: a PDF header,
 * then comment lines. Never held whole in memory. `onChunk` sees each chunk's end offset.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- an async source, as a request body is
export async function* largePdf(bytes: number, options: { chunkBytes?: number; onChunk?: (produced: number) => void } = {}): AsyncGenerator<Uint8Array> {
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const header = Buffer.from("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n", "latin1");
  const filler = Buffer.alloc(chunkBytes, "% padding line of a large evidence file\n");
  let produced = 0;
  while (produced < bytes) {
    const size = Math.min(chunkBytes, bytes - produced);
    const chunk = Buffer.alloc(size);
    if (produced === 0) {
      header.copy(chunk, 0, 0, Math.min(header.length, size));
      filler.copy(chunk, header.length, 0, Math.max(0, size - header.length));
    } else filler.copy(chunk, 0, 0, size);
    produced += size;
    options.onChunk?.(produced);
    yield chunk;
  }
}
