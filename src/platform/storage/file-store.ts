// Where evidence files live (APP-9): one small interface, two stores behind it — a folder
// (the embedded default, DATA_DIR/evidence) and S3-compatible object storage. Keys are ids
// the portal generates (newFileKey), never names a person typed: the name a file came with is
// kept for display only, in the database (uploads.ts: cleanFileName).
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";

/** What a store accepts as a file's content: a Node stream, or an (async) iterable of chunks. */
export type FileBody = AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Readable;

export interface FileStore {
  readonly kind: "directory" | "s3";
  /**
   * Stores `body` under `key`, streaming (never holding the whole file). All or nothing: when
   * `body` fails or the write fails, nothing is left under `key` and the error is rethrown.
   * A key is written once; writing it again replaces the content.
   */
  put(key: string, body: FileBody): Promise<void>;
  /** The file's content as a stream; FileNotFound when there is none under `key`. */
  get(key: string): Promise<Readable>;
  /** Removes the file; removing a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const KEY = /^[a-z0-9-]{1,128}$/;

export class InvalidFileKey extends Error {
  constructor(key: string) {
    super(`invalid file key ${JSON.stringify(key.slice(0, 140))}: keys are ids of 1-128 characters a-z, 0-9 and "-"`);
    this.name = "InvalidFileKey";
  }
}

export class FileNotFound extends Error {
  constructor(readonly key: string) {
    super(`no stored file under key ${key}`);
    this.name = "FileNotFound";
  }
}

/** Throws InvalidFileKey unless `key` is an id we could have made (no paths, no dots). */
export function assertFileKey(key: string): void {
  if (typeof key !== "string" || !KEY.test(key)) throw new InvalidFileKey(String(key));
}

/** A new random key for a file (a UUID: 36 characters, lower case). */
export function newFileKey(): string {
  return randomUUID();
}
