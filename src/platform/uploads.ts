// Receiving one evidence file (APP-9): streamed into the file store while its SHA-256 and size
// are computed, its type read from its bytes (file-type), never from its name or the browser's
// word. A file that is too large, of a type we do not take, or cut short leaves nothing in the
// store. Memory: the first DETECTION_SAMPLE_BYTES are held to read the type; the rest passes
// through chunk by chunk.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import type { FileStore } from "./storage/file-store.ts";

export const EVIDENCE_TYPES = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
} as const;

export type EvidenceMime = keyof typeof EVIDENCE_TYPES;

/**
 * How much of the start of a file is read before its type is decided. DOCX and XLSX are zip
 * archives: file-type walks the archive's entries ([Content_Types].xml, or the word/ and xl/
 * folders) and these are near the start — Word and Excel write [Content_Types].xml first,
 * LibreOffice writes it last but its word/ or xl/ entries come within the first few KiB.
 */
export const DETECTION_SAMPLE_BYTES = 256 * 1024;

export type UploadRefusal = "too-large" | "type-not-allowed" | "empty";

/** The file was refused; nothing of it was kept. `reason` is what the page tells the person. */
export class UploadRefused extends Error {
  constructor(
    readonly reason: UploadRefusal,
    /** For "type-not-allowed": what the bytes look like (e.g. "application/x-elf"), when known. */
    readonly detected?: string,
  ) {
    super(reason === "too-large" ? "the file is larger than allowed" : reason === "empty" ? "the file is empty" : `the file's type is not allowed${detected ? ` (${detected})` : ""}`);
    this.name = "UploadRefused";
  }
}

export interface ReceivedFile {
  readonly size: number;
  /** Lower-case hex. */
  readonly sha256: string;
  readonly mime: EvidenceMime;
  /** The usual extension of `mime` (pdf, jpg, png, docx, xlsx), for a download's name. */
  readonly ext: (typeof EVIDENCE_TYPES)[EvidenceMime];
}

export type UploadSource = Readable | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export interface ReceiveOptions {
  readonly maxBytes: number;
  readonly store: FileStore;
  /** A fresh key (newFileKey()): on any failure, whatever is under it is deleted. */
  readonly key: string;
}

/**
 * Streams one file from `source` into `options.store` under `options.key`. Resolves with its
 * size, SHA-256 and type once it is stored. Rejects with UploadRefused ("too-large",
 * "type-not-allowed", "empty"), or with the source's or the store's own error; in every case
 * nothing is left under the key. A Node stream source is never destroyed here, only no longer
 * read: readMultipart drains what is left; another caller destroys it.
 */
export async function receiveFile(source: UploadSource, options: ReceiveOptions): Promise<ReceivedFile> {
  const { maxBytes, store, key } = options;
  const chunks = iterate(source);
  let size = 0;
  const hash = createHash("sha256");
  const take = (value: unknown): Uint8Array => {
    const chunk = asBytes(value);
    size += chunk.byteLength;
    if (size > maxBytes) throw new UploadRefused("too-large");
    hash.update(chunk);
    return chunk;
  };

  // The start of the file, to read its type before anything is written.
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let ended = false;
  try {
    while (headBytes < DETECTION_SAMPLE_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      const chunk = take(next.value);
      head.push(chunk);
      headBytes += chunk.byteLength;
    }
  } catch (err) {
    await chunks.return?.();
    throw err;
  }
  if (size === 0) {
    await chunks.return?.();
    throw new UploadRefused("empty");
  }
  const sample = Buffer.concat(head, headBytes);
  const type = await fileTypeFromBuffer(sample.subarray(0, DETECTION_SAMPLE_BYTES));
  if (!type || !(type.mime in EVIDENCE_TYPES)) {
    await chunks.return?.();
    throw new UploadRefused("type-not-allowed", type?.mime);
  }
  const mime = type.mime as EvidenceMime;

  // The source's failure, or the refusal, is what the caller hears, not the store's follow-up.
  let bodyError: unknown;
  async function* body(): AsyncGenerator<Uint8Array> {
    for (const chunk of head) yield chunk;
    head.length = 0;
    if (ended) return;
    for (;;) {
      let chunk: Uint8Array;
      try {
        const next = await chunks.next();
        if (next.done) return;
        chunk = take(next.value);
      } catch (err) {
        bodyError ??= err;
        throw err;
      }
      yield chunk;
    }
  }
  try {
    await store.put(key, body());
  } catch (err) {
    await chunks.return?.();
    // The store removes a half-written file itself; this covers a store that could not.
    await store.delete(key).catch(() => undefined);
    throw bodyError ?? err;
  }
  return { size, sha256: hash.digest("hex"), mime, ext: EVIDENCE_TYPES[mime] };
}

/** An iterator over the source that, when returned early, leaves a Node stream undestroyed. */
function iterate(source: UploadSource): AsyncIterator<unknown> {
  if (source instanceof Readable) return source.iterator({ destroyOnReturn: false });
  if (source instanceof ReadableStream) return source.values({ preventCancel: true });
  return source[Symbol.asyncIterator]();
}

function asBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === "string") return Buffer.from(value);
  throw new TypeError("an upload's stream must give bytes");
}

const MAX_NAME_LENGTH = 200;
// C0 and C1 controls, DEL, the bidirectional embeddings, overrides and isolates, the zero-width
// joiners and marks, the line and paragraph separators, and the byte-order mark.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/gu;

/**
 * A file's name as a person gave it, fit for display only (APP-9): without any folder part
 * (`/` or `\`), control characters or bidirectional overrides (which could show
 * "invoice‮fdp.exe" as "invoiceexe.pdf"), in Unicode NFC, at most 200 characters (the
 * extension kept when it is cut), never empty ("file"). Never use it as a path or a key.
 */
export function cleanFileName(name: string): string {
  let clean = name.normalize("NFC").replace(INVISIBLE, "");
  clean = clean.slice(Math.max(clean.lastIndexOf("/"), clean.lastIndexOf("\\")) + 1);
  clean = clean.replace(/\s+/gu, " ").trim();
  // A name of dots only ("..", "...") says nothing.
  if (/^\.*$/u.test(clean)) return "file";
  const chars = Array.from(clean);
  if (chars.length > MAX_NAME_LENGTH) {
    const dot = clean.lastIndexOf(".");
    const ext = dot > 0 ? Array.from(clean.slice(dot)) : [];
    const keep = ext.length > 0 && ext.length <= 16 ? ext : [];
    clean = (chars.slice(0, MAX_NAME_LENGTH - keep.length).join("").trimEnd() + keep.join("")).trim();
  }
  return clean === "" ? "file" : clean;
}

/**
 * A Content-Disposition header that makes the browser download the file (APP-9) under its
 * display name: an ASCII fallback in `filename` and the exact name in `filename*` (RFC 6266).
 */
export function attachmentDisposition(displayName: string): string {
  const name = cleanFileName(displayName);
  const ascii = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\%;]/g, "_").trim() || "file";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
