// An S3-protocol server for tests (s3rver, in this process), on 127.0.0.1 with a temporary
// folder, and the S3 store configured against it as STORAGE_URL would configure it.
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import type { StorageConfig } from "../../src/platform/storage/config.ts";

export interface TestS3Server {
  /** What STORAGE_URL would hold for this server. */
  readonly storageUrl: string;
  readonly config: Extract<StorageConfig, { kind: "s3" }>;
  /** The keys of every object in the bucket. */
  listKeys(): Promise<string[]>;
  /** Bytes the server has written to its disk so far (objects and multipart parts). */
  bytesOnDisk(): Promise<number>;
  close(): Promise<void>;
}

const BUCKET = "ttp-evidence";

export async function startS3Server(): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), "ttp-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  // s3rver's own default keys.
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const config = { kind: "s3", bucket: BUCKET, prefix: "", region: "ca-central-1", endpoint, credentials } as const;
  const client = new S3Client({ region: config.region, endpoint, forcePathStyle: true, credentials });
  return {
    storageUrl: `s3://${BUCKET}?endpoint=${endpoint}&region=${config.region}`,
    config,
    async listKeys() {
      const out = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
      return (out.Contents ?? []).map((o) => o.Key!).sort();
    },
    bytesOnDisk: () => folderBytes(directory),
    async close() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    try {
      total += (await stat(join(entry.parentPath, entry.name))).size;
    } catch {
      // moved while we looked (a completed multipart upload)
    }
  }
  return total;
}
