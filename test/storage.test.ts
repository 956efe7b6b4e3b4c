// Evidence storage (APP-9): one conformance suite run against the directory store and against
// the S3 store (backed by s3rver, an S3-protocol server started here on 127.0.0.1); receiving
// files into them (type from the bytes, size, SHA-256, refusals that leave nothing behind, a
// 20 MiB file that streams); and the streaming multipart reader, down to a real socket that
// breaks off mid-upload.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { connect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import {
  DirectoryFileStore,
  FileNotFound,
  InvalidFileKey,
  newFileKey,
  openFileStore,
  type FileBody,
  type FileStore,
} from "../src/platform/storage/index.ts";
import { attachmentDisposition, cleanFileName, DETECTION_SAMPLE_BYTES, receiveFile, UploadRefused, type UploadSource } from "../src/platform/uploads.ts";
import { MultipartError, readMultipart, type MultipartFilePart } from "../src/web/multipart.ts";
import { FormCharactersRefused } from "../src/web/forms.tsx";
import {
  docmFile,
  docxFile,
  elfFile,
  jpegFile,
  largePdf,
  pdfFile,
  plainZipFile,
  pngFile,
  pptxFile,
  windowsExecutable,
  xlsxFile,
} from "./helpers/evidence-files.ts";
import { startS3Server, type TestS3Server } from "./helpers/s3-server.ts";

const MiB = 1024 * 1024;
const MAX = 20 * MiB;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const sha256 = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// eslint-disable-next-line @typescript-eslint/require-await -- an async source, as a request body is
async function* chunked(bytes: Buffer, size = 16 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** A source that gives `goodBytes` of a PDF, then fails as a client breaking off would. */
async function* breaksOff(goodBytes: number): AsyncGenerator<Uint8Array> {
  for await (const chunk of largePdf(goodBytes)) yield chunk;
  throw new Error("client went away");
}

/**
 * A store that passes everything to `inner`, counting the chunks it is given and the bytes it
 * has pulled from the body, so a test can see that a file arrives piece by piece.
 */
class SpyStore implements FileStore {
  chunks = 0;
  largestChunk = 0;
  pulled = 0;
  constructor(readonly inner: FileStore) {}
  get kind() {
    return this.inner.kind;
  }
  put(key: string, body: FileBody): Promise<void> {
    const record = (chunk: Uint8Array): void => {
      this.chunks++;
      this.largestChunk = Math.max(this.largestChunk, chunk.byteLength);
      this.pulled += chunk.byteLength;
    };
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const chunk of body as AsyncIterable<Uint8Array>) {
        record(chunk);
        yield chunk;
      }
    }
    return this.inner.put(key, counted());
  }
  get(key: string) {
    return this.inner.get(key);
  }
  delete(key: string) {
    return this.inner.delete(key);
  }
  exists(key: string) {
    return this.inner.exists(key);
  }
}

interface Backend {
  readonly name: string;
  store: FileStore;
  /** Everything the backend holds: files (with temporary ones) or the bucket's objects. */
  contents(): Promise<string[]>;
  /** Bytes written to disk so far. */
  bytesOnDisk(): Promise<number>;
  /** How far the store may read ahead of what it has written (its own buffer). */
  readonly ownBuffer: number;
  close(): Promise<void>;
}

async function directoryBackend(): Promise<Backend & { dir: string }> {
  const root = await mkdtemp(join(tmpdir(), "ttp-evidence-"));
  const dir = join(root, "evidence");
  const store = await openFileStore({ kind: "directory", dir });
  return {
    name: "directory store",
    dir,
    store,
    contents: async () => (await readdir(dir).catch(() => [] as string[])).sort(),
    async bytesOnDisk() {
      let total = 0;
      for (const name of await readdir(dir)) total += (await stat(join(dir, name)).catch(() => ({ size: 0 }))).size;
      return total;
    },
    ownBuffer: 1 * MiB,
    close: () => rm(root, { recursive: true, force: true }),
  };
}

async function s3Backend(): Promise<Backend> {
  const server: TestS3Server = await startS3Server();
  const store = await openFileStore(server.config);
  return {
    name: "S3 store (s3rver)",
    store,
    contents: () => server.listKeys(),
    bytesOnDisk: () => server.bytesOnDisk(),
    // The 5 MiB part being read (lib-storage's Upload, queueSize 1), and the part before it,
    // which s3rver acknowledges before its disk has all of it.
    ownBuffer: 10 * MiB + 64 * 1024,
    async close() {
      (store as { destroy?: () => void }).destroy?.();
      await server.close();
    },
  };
}

for (const open of [directoryBackend, s3Backend]) {
  describe(`file store conformance: ${open === directoryBackend ? "directory" : "S3"}`, () => {
    let b: Backend;
    before(async () => {
      b = await open();
    });
    after(() => b?.close());

    const refuseNothingLeft = async (source: UploadSource, reason: string, maxBytes = MAX): Promise<void> => {
      const before = await b.contents();
      const key = newFileKey();
      await assert.rejects(receiveFile(source, { maxBytes, store: b.store, key }), (err: unknown) => {
        assert.ok(err instanceof UploadRefused, String(err));
        assert.equal(err.reason, reason);
        return true;
      });
      assert.equal(await b.store.exists(key), false);
      assert.deepEqual(await b.contents(), before, "nothing left behind");
    };

    it("puts, gets, tells whether a key exists, and deletes (twice without error)", async () => {
      const key = newFileKey();
      assert.equal(await b.store.exists(key), false);
      const bytes = Buffer.from("evidence bytes \u00e9\u00e8");
      await b.store.put(key, chunked(bytes, 4));
      assert.equal(await b.store.exists(key), true);
      assert.deepEqual(await readAll(await b.store.get(key)), bytes);
      // A Node stream is a body too.
      const other = newFileKey();
      await b.store.put(other, Readable.from([Buffer.from("second")]));
      assert.equal((await readAll(await b.store.get(other))).toString(), "second");
      // And so is an array of chunks.
      const third = newFileKey();
      await b.store.put(third, [Buffer.from("thi"), Buffer.from("rd")]);
      assert.equal((await readAll(await b.store.get(third))).toString(), "third");
      await b.store.delete(third);
      await b.store.delete(key);
      await b.store.delete(key);
      assert.equal(await b.store.exists(key), false);
      await assert.rejects(b.store.get(key), FileNotFound);
      assert.equal(await b.store.exists(other), true, "deleting one key leaves the others");
      await b.store.delete(other);
    });

    it("takes only keys the portal makes: no paths, dots, capitals or empty keys", async () => {
      for (const key of ["../secret", "a/b", "evidence.pdf", "UPPER", "", "a b", "..", "x\0y", "k".repeat(129)]) {
        await assert.rejects(b.store.put(key, chunked(Buffer.from("x"))), InvalidFileKey, JSON.stringify(key));
        await assert.rejects(b.store.get(key), InvalidFileKey);
        await assert.rejects(b.store.exists(key), InvalidFileKey);
        await assert.rejects(b.store.delete(key), InvalidFileKey);
      }
      assert.deepEqual(await b.contents(), []);
    });

    it("keeps nothing when the body fails half-way through a put", async () => {
      const before = await b.contents();
      const key = newFileKey();
      await assert.rejects(b.store.put(key, breaksOff(7 * MiB)), /client went away/);
      assert.equal(await b.store.exists(key), false);
      assert.deepEqual(await b.contents(), before);
    });

    it("receives a PDF, a PNG, a JPEG, a DOCX and an XLSX, with the type read from the bytes, the size and the SHA-256", async () => {
      const files: [string, Buffer, string][] = [
        ["pdf (pdfkit)", await pdfFile(), "application/pdf"],
        ["png", pngFile(), "image/png"],
        ["jpeg", jpegFile(), "image/jpeg"],
        ["docx (Word's order)", docxFile(), DOCX],
        ["docx (LibreOffice's order, 600 KB)", docxFile({ order: "libreoffice", padding: 600_000 }), DOCX],
        ["xlsx (Excel's order)", xlsxFile(), XLSX],
        ["xlsx (LibreOffice's order, 600 KB)", xlsxFile({ order: "libreoffice", padding: 600_000 }), XLSX],
      ];
      for (const [label, bytes, mime] of files) {
        const key = newFileKey();
        const received = await receiveFile(chunked(bytes), { maxBytes: MAX, store: b.store, key });
        assert.deepEqual({ size: received.size, sha256: received.sha256, mime: received.mime }, { size: bytes.length, sha256: sha256(bytes), mime }, label);
        assert.deepEqual(await readAll(await b.store.get(key)), bytes, `${label}: stored as sent`);
        await b.store.delete(key);
      }
      assert.equal((await receiveFile(Readable.from([pngFile()]), { maxBytes: MAX, store: b.store, key: newFileKey() })).ext, "png");
    });

    it("refuses a program renamed .pdf, other office and zip files, and text: type-not-allowed, nothing left", async () => {
      for (const bytes of [elfFile(), windowsExecutable(), pptxFile(), docmFile(), plainZipFile(), Buffer.from("just some text, not a document\n")]) {
        await refuseNothingLeft(chunked(bytes), "type-not-allowed");
      }
      const err = await receiveFile(chunked(elfFile()), { maxBytes: MAX, store: b.store, key: newFileKey() }).catch((e: unknown) => e);
      assert.ok(err instanceof UploadRefused && err.detected === "application/x-elf", "says what the bytes are");
      await refuseNothingLeft(chunked(Buffer.alloc(0)), "empty");
    });

    it("refuses 20 MiB + 1 byte as too-large (and a file too large within its first bytes), leaving nothing", async () => {
      await refuseNothingLeft(largePdf(MAX + 1), "too-large");
      await refuseNothingLeft(chunked(await pdfFile()), "too-large", 1000);
    });

    it("streams a 20 MiB file: the store gets it in chunks as they come, never the whole file at once", async () => {
      const spy = new SpyStore(b.store);
      const onDiskBefore = await b.bytesOnDisk();
      let aheadOfStore = 0;
      let aheadOfDisk = 0;
      let checkedDisk = false;
      const source = largePdf(MAX, {
        onChunk: (produced) => {
          aheadOfStore = Math.max(aheadOfStore, produced - spy.pulled);
        },
      });
      async function* watched(): AsyncGenerator<Uint8Array> {
        for await (const chunk of source) {
          // Near the end, most of what came before is already on disk.
          if (!checkedDisk && spy.pulled >= 18 * MiB) {
            checkedDisk = true;
            aheadOfDisk = spy.pulled - ((await b.bytesOnDisk()) - onDiskBefore);
          }
          yield chunk;
        }
      }
      const key = newFileKey();
      const received = await receiveFile(watched(), { maxBytes: MAX, store: spy, key });
      assert.equal(received.size, MAX);
      assert.equal(received.mime, "application/pdf");
      assert.ok(spy.chunks >= 300 && spy.largestChunk <= 64 * 1024, `${spy.chunks} chunks, largest ${spy.largestChunk} bytes`);
      assert.ok(aheadOfStore <= DETECTION_SAMPLE_BYTES + 64 * 1024, `receiveFile held at most ${aheadOfStore} bytes ahead of the store`);
      assert.ok(checkedDisk && aheadOfDisk <= b.ownBuffer, `the store was ${aheadOfDisk} bytes ahead of its disk (at most ${b.ownBuffer})`);
      const expected = createHash("sha256");
      for await (const chunk of largePdf(MAX)) expected.update(chunk);
      assert.equal(received.sha256, expected.digest("hex"));
      const back = createHash("sha256");
      let size = 0;
      for await (const chunk of await b.store.get(key)) {
        back.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      assert.equal(size, MAX);
      assert.equal(back.digest("hex"), received.sha256, "read back as it was received");
      await b.store.delete(key);
    });

    it("leaves nothing in the store when the source fails half-way (in the first bytes, or 8 MiB in)", async () => {
      for (const goodBytes of [1000, 8 * MiB]) {
        const before = await b.contents();
        const key = newFileKey();
        await assert.rejects(receiveFile(breaksOff(goodBytes), { maxBytes: MAX, store: b.store, key }), /client went away/, `after ${goodBytes} bytes`);
        assert.equal(await b.store.exists(key), false);
        assert.deepEqual(await b.contents(), before, `after ${goodBytes} bytes: nothing left`);
      }
    });
  });
}

describe("directory store", () => {
  let b: Awaited<ReturnType<typeof directoryBackend>>;
  before(async () => {
    b = await directoryBackend();
  });
  after(() => b?.close());

  it("keeps files owner-only, in an owner-only folder, under their keys", async () => {
    const key = newFileKey();
    await b.store.put(key, chunked(Buffer.from("x")));
    assert.equal((await stat(b.dir)).mode & 0o777, 0o700);
    assert.equal((await stat(join(b.dir, key))).mode & 0o777, 0o600);
    assert.deepEqual(await readdir(b.dir), [key]);
  });

  it("writes under a temporary name and renames when done: a reader never sees half a file", async () => {
    const key = newFileKey();
    let seenDuring: string[] = [];
    async function* slow(): AsyncGenerator<Uint8Array> {
      yield Buffer.alloc(1000, 1);
      seenDuring = await readdir(b.dir);
      yield Buffer.alloc(1000, 2);
    }
    await b.store.put(key, slow());
    assert.equal(seenDuring.includes(key), false, "not under its key while being written");
    assert.ok(seenDuring.some((n) => n.startsWith(`.${key}.`) && n.endsWith(".part")), `a temporary file: ${seenDuring.join()}`);
    assert.equal((await stat(join(b.dir, key))).size, 2000);
    assert.ok(!(await readdir(b.dir)).some((n) => n.endsWith(".part")));
  });

  it("removes at start the temporary files an upload cut short by a crash left, once they are an hour old", async () => {
    const store = b.store as DirectoryFileStore;
    const kept = newFileKey();
    await store.put(kept, chunked(Buffer.from("kept")));
    const old = join(b.dir, `.${newFileKey()}.${newFileKey()}.part`);
    const fresh = join(b.dir, `.${newFileKey()}.${newFileKey()}.part`);
    await writeFile(old, "half");
    await writeFile(fresh, "half");
    const now = new Date();
    await utimes(old, new Date(now.getTime() - 2 * 3600_000), new Date(now.getTime() - 2 * 3600_000));
    await openFileStore({ kind: "directory", dir: b.dir }, { now });
    const names = await readdir(b.dir);
    assert.ok(!names.includes(old.slice(b.dir.length + 1)), "the old temporary file is gone");
    assert.ok(names.includes(fresh.slice(b.dir.length + 1)), "a fresh one may still be written: kept");
    assert.ok(names.includes(kept), "stored files are kept");
  });
});

describe("cleanFileName (display only)", () => {
  it("strips folders, control characters and bidirectional overrides, trims, and is never empty", () => {
    assert.equal(cleanFileName("C:\\Users\\me\\Documents\\plan.pdf"), "plan.pdf");
    assert.equal(cleanFileName("../../etc/passwd"), "passwd");
    assert.equal(cleanFileName("  rapport\u0000 annuel\u0007.pdf  "), "rapport annuel.pdf");
    assert.equal(cleanFileName("invoice\u202Efdp.exe"), "invoicefdp.exe");
    assert.equal(cleanFileName("a\u2066b\u2069c\u200Bd\uFEFF.png"), "abcd.png");
    assert.equal(cleanFileName("line\r\nbreak.docx"), "linebreak.docx");
    assert.equal(cleanFileName("tab\there.xlsx"), "tabhere.xlsx");
    assert.equal(cleanFileName("Re\u0301sume\u0301.pdf"), "Résumé.pdf", "NFC");
    for (const empty of ["", "   ", "\u0000\u202E", "folder/", "..", "C:\\"]) assert.equal(cleanFileName(empty), "file", JSON.stringify(empty));
  });

  it("cuts a long name to 200 characters, keeping its extension", () => {
    const long = `${"é".repeat(300)}.pdf`;
    const clean = cleanFileName(long);
    assert.equal(Array.from(clean).length, 200);
    assert.ok(clean.endsWith(".pdf"));
    assert.equal(Array.from(cleanFileName("😀".repeat(250))).length, 200, "by characters, not UTF-16 units");
  });

  it("makes a Content-Disposition attachment header with an ASCII fallback and the exact name", () => {
    assert.equal(attachmentDisposition("Plan de sécurité \"v2\".pdf"), `attachment; filename="Plan de securite _v2_.pdf"; filename*=UTF-8''Plan%20de%20s%C3%A9curit%C3%A9%20%22v2%22.pdf`);
    assert.equal(attachmentDisposition("\u202E"), `attachment; filename="file"; filename*=UTF-8''file`);
  });
});

// ---- The multipart reader -------------------------------------------------------------------

const BOUNDARY = "----ttpBoundary7MA4YWxkTrZu0gW";
const enc = new TextEncoder();

function textPart(name: string, value: string): Uint8Array {
  return enc.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
}
function fileHead(name: string, fileName: string, type = "application/pdf"): Uint8Array {
  return enc.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
}
const CLOSE = enc.encode(`\r\n--${BOUNDARY}--\r\n`);

type Piece = Uint8Array | AsyncIterable<Uint8Array>;

/** A request whose body is produced as it is read (pull), from pieces and streamed files. */
function multipartRequest(pieces: Piece[], options: { failAfter?: number; onProduced?: (n: number) => void } = {}): Request {
  async function* all(): AsyncGenerator<Uint8Array> {
    let produced = 0;
    for (const piece of pieces) {
      const parts = piece instanceof Uint8Array ? [piece] : piece;
      for await (const chunk of parts) {
        if (options.failAfter !== undefined && produced + chunk.byteLength > options.failAfter) throw new Error("connection reset by peer");
        produced += chunk.byteLength;
        options.onProduced?.(produced);
        yield chunk;
      }
    }
  }
  const iterator = all();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (err) {
          controller.error(err);
        }
      },
    },
    { highWaterMark: 0 },
  );
  return new Request("http://localhost/en/upload", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: "half",
  } as RequestInit);
}

describe("readMultipart", () => {
  let b: Awaited<ReturnType<typeof directoryBackend>>;
  before(async () => {
    b = await directoryBackend();
  });
  after(() => b?.close());

  const intoStore = (maxBytes = MAX) => {
    const key = newFileKey();
    return { key, onFile: (part: MultipartFilePart) => receiveFile(part.stream, { maxBytes, store: b.store, key }) };
  };

  it("gives the text fields and streams the one file into the store (20 MiB, never held whole)", async () => {
    const spy = new SpyStore(b.store);
    let ahead = 0;
    const key = newFileKey();
    let seen: MultipartFilePart | undefined;
    const form = await readMultipart(
      multipartRequest([textPart("_csrf", "token-123"), textPart("criterion", "2.1"), fileHead("file", "C:\\scans\\plan.pdf"), largePdf(MAX), enc.encode("\r\n"), textPart("after", "yes"), enc.encode(`--${BOUNDARY}--\r\n`)], {
        onProduced: (n) => (ahead = Math.max(ahead, n - spy.pulled)),
      }),
      {
        maxFileBytes: MAX,
        onFile: (part) => {
          seen = part;
          return receiveFile(part.stream, { maxBytes: MAX, store: spy, key });
        },
      },
    );
    assert.deepEqual(seen?.fields, { _csrf: "token-123", criterion: "2.1" }, "the fields before the file");
    assert.equal(seen?.declaredType, "application/pdf");
    assert.deepEqual(form.fields, { _csrf: "token-123", criterion: "2.1", after: "yes" });
    assert.equal(form.file?.field, "file");
    assert.equal(cleanFileName(form.file.fileName), "plan.pdf");
    assert.equal(form.file?.result.size, MAX);
    assert.equal(await b.store.exists(key), true);
    assert.ok(ahead <= DETECTION_SAMPLE_BYTES + 2 * MiB, `the body was read at most ${ahead} bytes ahead of the store`);
    await b.store.delete(key);
  });

  it("reports no file when none was chosen (an empty part without a name)", async () => {
    let called = false;
    const form = await readMultipart(multipartRequest([textPart("criterion", "2.1"), fileHead("file", "", "application/octet-stream"), CLOSE]), {
      maxFileBytes: MAX,
      onFile: () => {
        called = true;
        return Promise.resolve();
      },
    });
    assert.equal(called, false);
    assert.equal(form.file, undefined);
    assert.deepEqual(form.fields, { criterion: "2.1" });
  });

  it("refuses a file over the limit as too-large, and keeps nothing", async () => {
    const { key, onFile } = intoStore(1 * MiB);
    await assert.rejects(
      readMultipart(multipartRequest([textPart("a", "1"), fileHead("file", "big.pdf"), largePdf(1 * MiB + 1), CLOSE]), { maxFileBytes: 1 * MiB, onFile }),
      (err: unknown) => err instanceof UploadRefused && err.reason === "too-large",
    );
    assert.equal(await b.store.exists(key), false);
    assert.deepEqual(await b.contents(), []);
  });

  it("refuses a file whose bytes are not an allowed type (the rest of the body is drained), keeping nothing", async () => {
    const { key, onFile } = intoStore();
    const refusal = readMultipart(multipartRequest([fileHead("file", "report.pdf"), chunked(elfFile()), enc.encode("\r\n"), textPart("after", "x"), enc.encode(`--${BOUNDARY}--\r\n`)]), { maxFileBytes: MAX, onFile });
    await assert.rejects(refusal, (err: unknown) => err instanceof UploadRefused && err.reason === "type-not-allowed");
    assert.equal(await b.store.exists(key), false);
  });

  it("answers a client that breaks off mid-upload with MultipartError 'aborted', and keeps nothing", async () => {
    for (const failAfter of [2000, 6 * MiB]) {
      const { key, onFile } = intoStore();
      await assert.rejects(
        readMultipart(multipartRequest([textPart("a", "1"), fileHead("file", "plan.pdf"), largePdf(MAX), CLOSE], { failAfter }), { maxFileBytes: MAX, onFile }),
        (err: unknown) => err instanceof MultipartError && err.reason === "aborted",
      );
      assert.equal(await b.store.exists(key), false);
      assert.deepEqual(await b.contents(), [], `after ${failAfter} bytes: no file, no temporary file`);
    }
  });

  it("answers a client that breaks off while nobody reads the file yet (beforeFile still running) with 'aborted', not a crash", async () => {
    let releaseBeforeFile!: () => void;
    const beforeFileWaits = new Promise<void>((resolve) => (releaseBeforeFile = resolve));
    let read = false;
    const reading = readMultipart(multipartRequest([fileHead("file", "plan.pdf"), largePdf(MAX, { chunkBytes: 4096 }), CLOSE], { failAfter: 20 * 1024 }), {
      maxFileBytes: MAX,
      beforeFile: () => beforeFileWaits,
      onFile: async (part) => {
        read = true;
        return readAll(part.stream);
      },
    });
    const refused = assert.rejects(reading, (err: unknown) => err instanceof MultipartError && err.reason === "aborted");
    // Let the body break off (and busboy fail the file stream) while beforeFile holds the part.
    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseBeforeFile();
    await refused;
    assert.ok(read, "onFile was still called, and saw the stream fail");
  });

  it("refuses a body that ends before the form does (malformed), keeping nothing", async () => {
    const { key, onFile } = intoStore();
    await assert.rejects(
      readMultipart(multipartRequest([fileHead("file", "plan.pdf"), largePdf(100_000)]), { maxFileBytes: MAX, onFile }),
      (err: unknown) => err instanceof MultipartError && err.reason === "malformed",
    );
    assert.equal(await b.store.exists(key), false);
    assert.deepEqual(await b.contents(), []);
  });

  it("refuses a second file, too many fields, an oversized field, an oversized body and a body that is not multipart", async () => {
    const pdf = await pdfFile();
    const stored: string[] = [];
    const onFile = async (part: MultipartFilePart) => {
      const key = newFileKey();
      stored.push(key);
      return receiveFile(part.stream, { maxBytes: MAX, store: b.store, key });
    };
    const cases: [Piece[], string, object?][] = [
      [[fileHead("one", "a.pdf"), pdf, enc.encode("\r\n"), fileHead("two", "b.pdf"), pdf, CLOSE], "too-many-files"],
      [[textPart("a", "1"), textPart("b", "2"), textPart("c", "3"), CLOSE.subarray(2)], "too-many-fields", { maxFields: 2 }],
      [[textPart("a", "x".repeat(200)), CLOSE.subarray(2)], "field-too-large", { maxFieldBytes: 100 }],
      [[fileHead("file", "big.pdf"), largePdf(3 * MiB), CLOSE], "too-large", { maxBodyBytes: 2 * MiB }],
    ];
    for (const [pieces, reason, extra] of cases) {
      await assert.rejects(
        readMultipart(multipartRequest(pieces), { maxFileBytes: MAX, onFile, ...extra }),
        (err: unknown) => err instanceof MultipartError && err.reason === reason,
        reason,
      );
    }
    // The caller's part of the contract: on a rejection, delete what onFile stored.
    for (const key of stored) await b.store.delete(key);
    assert.deepEqual(await b.contents(), []);
    await assert.rejects(
      readMultipart(new Request("http://localhost/", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" }), { maxFileBytes: MAX, onFile }),
      (err: unknown) => err instanceof MultipartError && err.reason === "not-multipart",
    );
  });

  it("refuses control characters in a field before the file without storing it, and lets beforeFile refuse (a CSRF check)", async () => {
    let called = 0;
    const onFile = () => {
      called++;
      return Promise.resolve();
    };
    await assert.rejects(
      readMultipart(multipartRequest([textPart("name", "bad\u0000value"), fileHead("file", "plan.pdf"), await pdfFile(), CLOSE]), { maxFileBytes: MAX, onFile }),
      (err: unknown) => err instanceof FormCharactersRefused && err.fields.includes("name"),
    );
    const csrf = new Error("csrf");
    await assert.rejects(
      readMultipart(multipartRequest([textPart("_csrf", "wrong"), fileHead("file", "plan.pdf"), await pdfFile(), CLOSE]), {
        maxFileBytes: MAX,
        beforeFile: (fields) => {
          if (fields._csrf !== "right") throw csrf;
        },
        onFile,
      }),
      (err: unknown) => err === csrf,
    );
    assert.equal(called, 0);
  });

  it("through a real HTTP server: a client that sends half a file and hangs up leaves nothing stored", async () => {
    let outcome!: Promise<unknown>;
    let reached!: () => void;
    const handled = new Promise<void>((resolve) => (reached = resolve));
    const key = newFileKey();
    const app = new Hono();
    app.post("/upload", (c) => {
      outcome = readMultipart(c.req.raw, { maxFileBytes: MAX, onFile: (part) => receiveFile(part.stream, { maxBytes: MAX, store: b.store, key }) }).then(
        () => "stored",
        (err: unknown) => err,
      );
      reached();
      return outcome.then(() => c.text("done"));
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const socket = connect(port, "127.0.0.1");
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
      socket.write(`POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${10 * MiB}\r\n\r\n`);
      socket.write(fileHead("file", "plan.pdf"));
      let sent = 0;
      for await (const chunk of largePdf(3 * MiB)) {
        sent += chunk.byteLength;
        if (!socket.write(chunk)) await new Promise((resolve) => socket.once("drain", resolve));
      }
      await handled;
      socket.destroy();
      const err = await outcome;
      assert.ok(err instanceof MultipartError && err.reason === "aborted", `rejected as aborted: ${String(err)}`);
      assert.ok(sent > DETECTION_SAMPLE_BYTES);
      assert.equal(await b.store.exists(key), false);
      assert.deepEqual(await b.contents(), []);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
