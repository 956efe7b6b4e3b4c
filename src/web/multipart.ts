// A streaming reader for multipart/form-data uploads (APP-9), on busboy: Hono's parseBody holds
// the whole body in memory, this hands the one file part's stream to a callback as it arrives,
// with backpressure from the callback back to the client's socket, and keeps only the text
// fields. Limits: one file, a number of text fields of bounded size, a bounded body.
//
// Contract for the caller: if readMultipart rejects, keep nothing that onFile stored (delete the
// key you stored under: a store's delete is idempotent). MultipartError "aborted" (the client
// broke off) and "malformed" are 400s; "too-large" is a 413 (or the form's own message);
// FormCharactersRefused is the 422 that readForm gives for the same fault.
import type { Readable, Writable } from "node:stream";
import busboy from "busboy";
import { FormCharactersRefused } from "./forms.tsx";
import { hasForbiddenControls } from "./validation.ts";

export type MultipartFailure = "not-multipart" | "malformed" | "aborted" | "too-large" | "too-many-files" | "too-many-fields" | "field-too-large";

export class MultipartError extends Error {
  constructor(
    readonly reason: MultipartFailure,
    cause?: unknown,
  ) {
    super(`multipart body refused: ${reason}${cause instanceof Error ? ` (${cause.message})` : ""}`, { cause });
    this.name = "MultipartError";
  }
}

export type MultipartFields = Record<string, string | string[]>;

export interface MultipartFilePart {
  /** The form field's name. */
  readonly field: string;
  /** The name the browser sent, untouched: pass it through cleanFileName before showing it. */
  readonly fileName: string;
  /** The browser's word for the type: never trust it (uploads.ts reads the bytes). */
  readonly declaredType: string;
  /** The file's bytes; read it to its end, or stop reading (the rest is then drained). */
  readonly stream: Readable;
  /** The text fields that came before the file (forms put the file input last). */
  readonly fields: Readonly<MultipartFields>;
}

export interface MultipartOptions<T> {
  /** Busboy stops passing bytes at maxFileBytes + 1, so receiveFile sees that it is too large. */
  readonly maxFileBytes: number;
  /** Text fields (default 20). */
  readonly maxFields?: number;
  /** Bytes of one text field's value (default 64 KiB). */
  readonly maxFieldBytes?: number;
  /** The whole body (default maxFileBytes + 1 MiB): past it, reading stops ("too-large"). */
  readonly maxBodyBytes?: number;
  /** Text fields that may hold line breaks and tabs (a textarea), as readForm's option. */
  readonly multiline?: readonly string[];
  /**
   * Called when the file part starts, with the fields so far (a CSRF token, the criterion the
   * file is for): throw to refuse, and the file is drained, never handed to onFile.
   */
  readonly beforeFile?: (fields: Readonly<MultipartFields>) => void | Promise<void>;
  /** Receives the file part (at most one; a part sent without a file name is skipped). */
  readonly onFile: (part: MultipartFilePart) => Promise<T>;
}

export interface MultipartForm<T> {
  readonly fields: MultipartFields;
  /** Undefined when no file was chosen. */
  readonly file: { readonly field: string; readonly fileName: string; readonly result: T } | undefined;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Reads a multipart/form-data request; see the contract at the top of this file. */
export async function readMultipart<T>(request: Request, options: MultipartOptions<T>): Promise<MultipartForm<T>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || request.body === null) throw new MultipartError("not-multipart");
  const maxFields = options.maxFields ?? 20;
  const maxBodyBytes = options.maxBodyBytes ?? options.maxFileBytes + 1024 * 1024;
  const multiline = new Set(options.multiline);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: {
        files: 1,
        fileSize: options.maxFileBytes + 1,
        fields: maxFields,
        fieldSize: options.maxFieldBytes ?? 64 * 1024,
        fieldNameSize: 200,
        parts: maxFields + 1,
        headerPairs: 20,
      },
    });
  } catch (err) {
    throw new MultipartError("malformed", err); // no boundary, or not a type busboy reads
  }

  const fields: MultipartFields = {};
  const refused: string[] = [];
  let failure: Error | undefined;
  const fail = (err: Error): void => {
    failure ??= err;
  };
  let file: { field: string; fileName: string; settled: Promise<Settled<T>> } | undefined;
  const reader = request.body.getReader();
  let stopped = false;
  /** Stops reading the body; with an error, the file part's stream fails with it, so its consumer stops and cleans up. */
  const stop = (err?: Error): void => {
    if (stopped) return;
    stopped = true;
    reader.cancel().catch(() => undefined);
    parser.destroy(err);
  };

  parser.on("field", (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated) return fail(new MultipartError("field-too-large"));
    if (hasForbiddenControls(name) || hasForbiddenControls(value, multiline.has(name))) refused.push(name);
    const before = fields[name];
    fields[name] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  });
  parser.on("file", (name, stream, info) => {
    if (info.filename === undefined || info.filename === "" || failure !== undefined || refused.length > 0) {
      stream.resume(); // no file chosen (browsers send an empty part), or already refused
      return;
    }
    // When reading stops (the client broke off, the body is too large), busboy destroys this
    // stream with the error. Whoever reads it sees that error through its own read; this listener
    // is for the moments nobody is reading (beforeFile still running, or onFile already done), when
    // an 'error' event without a listener would crash the process.
    stream.on("error", () => undefined);
    const part: MultipartFilePart = { field: name, fileName: info.filename, declaredType: info.mimeType, stream, fields: { ...fields } };
    const settled = (async () => {
      await options.beforeFile?.(part.fields);
      return options.onFile(part);
    })().then(
      (value): Settled<T> => ({ ok: true, value }),
      (error: unknown): Settled<T> => ({ ok: false, error }),
    );
    void settled.then(() => {
      // What the callback did not read is drained, so the rest of the form can be parsed. A stream
      // it destroyed cannot be: then parsing stops here.
      if (stream.readableEnded) return;
      if (stream.destroyed) stop();
      else stream.resume();
    });
    file = { field: name, fileName: info.filename, settled };
  });
  parser.on("filesLimit", () => fail(new MultipartError("too-many-files")));
  parser.on("fieldsLimit", () => fail(new MultipartError("too-many-fields")));
  parser.on("partsLimit", () => fail(new MultipartError("too-many-fields")));

  const parsed = new Promise<unknown>((resolve) => {
    parser.once("error", (err) => resolve(err));
    parser.once("close", () => resolve(undefined));
  });

  let received = 0;
  try {
    for (;;) {
      if (stopped) break;
      const { done, value } = await reader.read();
      if (stopped) break;
      if (done) {
        parser.end();
        break;
      }
      received += value.byteLength;
      if (received > maxBodyBytes) {
        fail(new MultipartError("too-large"));
        stop(new Error("the request body is larger than allowed"));
        break;
      }
      if (!parser.write(value)) await drained(parser);
    }
  } catch (err) {
    // The client broke off (or the connection failed) mid-body.
    fail(new MultipartError("aborted", err));
    stop(err instanceof Error ? err : new Error(String(err)));
  } finally {
    reader.releaseLock();
  }

  const parseError = await parsed;
  const fileOutcome = file ? await file.settled : undefined;
  if (failure !== undefined) throw failure;
  if (parseError !== undefined) throw new MultipartError("malformed", parseError);
  if (refused.length > 0) throw new FormCharactersRefused(refused);
  if (fileOutcome && !fileOutcome.ok) throw fileOutcome.error;
  return { fields, file: file && fileOutcome?.ok ? { field: file.field, fileName: file.fileName, result: fileOutcome.value } : undefined };
}

function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}
