// The evidence file store the configuration names (STORAGE_URL; unset: DATA_DIR/evidence).
import type { StorageConfig } from "./config.ts";
import { DirectoryFileStore } from "./directory-store.ts";
import type { FileStore } from "./file-store.ts";

export { directoryStorage, parseStorageUrl, type S3Credentials, type StorageConfig } from "./config.ts";
export { DirectoryFileStore } from "./directory-store.ts";
export { assertFileKey, FileNotFound, InvalidFileKey, newFileKey, type FileBody, type FileStore } from "./file-store.ts";

/**
 * Opens the store. The S3 store (and the AWS SDK) is loaded only when configured. For the
 * directory store, pass `now` to remove what uploads cut short by a crash left (older than an
 * hour).
 */
export async function openFileStore(config: StorageConfig, options: { now?: Date } = {}): Promise<FileStore> {
  if (config.kind === "s3") {
    const { S3FileStore } = await import("./s3-store.ts");
    return new S3FileStore(config);
  }
  const store = new DirectoryFileStore(config.dir);
  if (options.now) await store.sweepTemporaryFiles(options.now);
  return store;
}
