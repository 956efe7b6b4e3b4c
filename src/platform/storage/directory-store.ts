// The embedded store: one file per key in a folder outside the web root (DATA_DIR/evidence).
// A file is written under a temporary name in the same folder and renamed into place only once
// all of it is on disk (flushed), so a reader never sees half a file and a failure (the client
// broke off, the disk filled, the upload was refused) leaves nothing behind.
import { randomUUID } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertFileKey, FileNotFound, type FileBody, type FileStore } from "./file-store.ts";

/** Temporary names start with a dot, which no key can, so they never collide with a file. */
const TEMPORARY = /^\.[a-z0-9-]+\.[0-9a-f-]{36}\.part$/;

export class DirectoryFileStore implements FileStore {
  readonly kind = "directory";
  #ready: Promise<unknown> | undefined;

  constructor(readonly dir: string) {}

  #prepare(): Promise<unknown> {
    // Owner-only: the files are a company's evidence.
    this.#ready ??= mkdir(this.dir, { recursive: true, mode: 0o700 }).catch((err: unknown) => {
      this.#ready = undefined;
      throw err;
    });
    return this.#ready;
  }

  #path(key: string): string {
    assertFileKey(key);
    return join(this.dir, key);
  }

  async put(key: string, body: FileBody): Promise<void> {
    const target = this.#path(key);
    await this.#prepare();
    const temporary = join(this.dir, `.${key}.${randomUUID()}.part`);
    try {
      const handle = await open(temporary, "wx", 0o600);
      // flush: fsync before close, so the rename publishes content that is on disk.
      await pipeline(body, handle.createWriteStream({ flush: true }));
      await rename(temporary, target);
    } catch (err) {
      await rm(temporary, { force: true });
      if (isReadable(body)) body.destroy();
      throw err;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.#path(key);
    try {
      const handle = await open(path, "r");
      return handle.createReadStream();
    } catch (err) {
      if (isNotFound(err)) throw new FileNotFound(key);
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    const path = this.#path(key);
    try {
      return (await stat(path)).isFile();
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  /**
   * Removes temporary files older than `olderThanMs` (by modification time, against `now`): what
   * a process killed mid-upload leaves. Returns how many were removed. Run at start.
   */
  async sweepTemporaryFiles(now: Date, olderThanMs = 60 * 60 * 1000): Promise<number> {
    await this.#prepare();
    let removed = 0;
    for (const name of await readdir(this.dir)) {
      if (!TEMPORARY.test(name)) continue;
      const path = join(this.dir, name);
      try {
        if (now.getTime() - (await stat(path)).mtimeMs < olderThanMs) continue;
        await rm(path, { force: true });
        removed++;
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    return removed;
  }
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
}

function isReadable(body: FileBody): body is Readable {
  return typeof (body as Readable).destroy === "function" && typeof (body as Readable).pipe === "function";
}
