// Evidence files in S3-compatible object storage: the option for production and for several
// app instances. Uploads stream through @aws-sdk/lib-storage's Upload, one 5 MiB part at a
// time (a multipart upload past the first part, a single PUT below it); when the body fails the
// multipart upload is aborted, so nothing is left in the bucket.
import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { StorageConfig } from "./config.ts";
import { assertFileKey, FileNotFound, type FileBody, type FileStore } from "./file-store.ts";

type S3StorageConfig = Extract<StorageConfig, { kind: "s3" }>;

/** The part size (S3's minimum). With one part in flight, an upload holds at most this much. */
const PART_BYTES = 5 * 1024 * 1024;

export class S3FileStore implements FileStore {
  readonly kind = "s3";
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(config: S3StorageConfig) {
    const options: S3ClientConfig = {
      region: config.region,
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
      ...(config.credentials ? { credentials: config.credentials } : {}),
    };
    if (config.endpoint !== undefined) {
      options.endpoint = config.endpoint;
      // Custom servers are addressed by path (http://host:9000/bucket/key), not by a bucket
      // sub-domain, and many of them do not take the newer default checksum headers.
      options.forcePathStyle = true;
      options.requestChecksumCalculation = "WHEN_REQUIRED";
      options.responseChecksumValidation = "WHEN_REQUIRED";
    }
    this.#client = new S3Client(options);
    this.#bucket = config.bucket;
    this.#prefix = config.prefix;
  }

  #key(key: string): string {
    assertFileKey(key);
    return this.#prefix + key;
  }

  async put(key: string, body: FileBody): Promise<void> {
    const Key = this.#key(key);
    // The body's own failure (the client broke off, the file was refused) is the error to report,
    // not what aborting the multipart upload may answer after it.
    let bodyError: unknown;
    const chunks = (body instanceof Readable ? body : Readable.from(body, { objectMode: false }))[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
    async function* watched(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          let next: IteratorResult<Uint8Array>;
          try {
            next = await chunks.next();
          } catch (err) {
            bodyError = err;
            throw err;
          }
          if (next.done) return;
          yield next.value;
        }
      } finally {
        await chunks.return?.();
      }
    }
    const stream = Readable.from(watched(), { objectMode: false });
    const upload = new Upload({
      client: this.#client,
      params: { Bucket: this.#bucket, Key, Body: stream, ContentType: "application/octet-stream" },
      queueSize: 1,
      partSize: PART_BYTES,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      stream.destroy();
      if (body instanceof Readable) body.destroy();
      throw bodyError ?? err;
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const out = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: this.#key(key) }));
      if (!(out.Body instanceof Readable)) throw new Error("S3 answered without a readable body");
      return out.Body;
    } catch (err) {
      if (isNotFound(err)) throw new FileNotFound(key);
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#key(key) }));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: this.#key(key) }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  /** Closes the client's connections (at shutdown, and in tests). */
  destroy(): void {
    this.#client.destroy();
  }
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}
