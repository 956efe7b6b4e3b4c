// STORAGE_URL, read by config.ts: where evidence files live. Kept apart from the S3 store so
// that reading the configuration does not load the AWS SDK.
import { join } from "node:path";

export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export type StorageConfig =
  | { readonly kind: "directory"; readonly dir: string }
  | {
      readonly kind: "s3";
      readonly bucket: string;
      /** Prepended to every key ("" or ending with "/"): several portals may share a bucket. */
      readonly prefix: string;
      readonly region: string;
      /** An S3-compatible server (MinIO, Ceph…), addressed path-style; unset: AWS S3 itself. */
      readonly endpoint: string | undefined;
      /** Unset: the AWS SDK's own chain (environment, instance role). */
      readonly credentials: S3Credentials | undefined;
    };

/** The embedded default: DATA_DIR/evidence. */
export function directoryStorage(dataDir: string): StorageConfig {
  return { kind: "directory", dir: join(dataDir, "evidence") };
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^([A-Za-z0-9_.-]+\/)*$/;
const REGION = /^[a-z0-9-]{2,32}$/;
const PARAMETERS = new Set(["endpoint", "region"]);

/**
 * Parses `s3://bucket[/prefix/]?endpoint=http://host:port&region=ca-central-1`. Returns the
 * problems found (naming STORAGE_URL) instead of throwing, so config.ts can report them all.
 */
export function parseStorageUrl(text: string, credentials: S3Credentials | undefined): { config: StorageConfig } | { problems: string[] } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problems: ["STORAGE_URL is not a URL: expected s3://bucket?endpoint=…&region=…"] };
  }
  if (url.protocol !== "s3:") return { problems: [`STORAGE_URL must start with s3:// (unset it for the embedded store in DATA_DIR/evidence); got ${url.protocol}//`] };
  const problems: string[] = [];
  if (url.username || url.password) problems.push("STORAGE_URL must not carry keys: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY instead.");
  if (url.port) problems.push("STORAGE_URL names a bucket, not a server: give the server as ?endpoint=http://host:port.");
  const bucket = url.hostname;
  if (!BUCKET.test(bucket)) problems.push(`STORAGE_URL: "${bucket}" is not a valid bucket name (3-63 characters: a-z, 0-9, ".", "-").`);
  let prefix = decodeURIComponent(url.pathname.replace(/^\/+/, ""));
  if (prefix !== "" && !prefix.endsWith("/")) prefix += "/";
  if (!PREFIX.test(prefix)) problems.push(`STORAGE_URL: the key prefix "${prefix}" may hold only letters, digits, "_", ".", "-" and "/".`);
  for (const name of url.searchParams.keys()) {
    if (!PARAMETERS.has(name)) problems.push(`STORAGE_URL: unknown parameter "${name}" (known: endpoint, region).`);
  }
  let endpoint = url.searchParams.get("endpoint") ?? undefined;
  if (endpoint !== undefined) {
    try {
      const e = new URL(endpoint);
      if (e.protocol !== "http:" && e.protocol !== "https:") throw new Error("not http");
      if (e.username || e.password) problems.push("STORAGE_URL: the endpoint must not carry keys: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY instead.");
      endpoint = e.origin + e.pathname.replace(/\/+$/, "");
    } catch {
      problems.push(`STORAGE_URL: endpoint "${endpoint}" is not an http:// or https:// URL.`);
    }
  }
  const region = url.searchParams.get("region") ?? (endpoint !== undefined ? "us-east-1" : undefined);
  if (region === undefined) problems.push("STORAGE_URL needs ?region=… (for example region=ca-central-1) when it names no endpoint.");
  else if (!REGION.test(region)) problems.push(`STORAGE_URL: "${region}" is not a region name.`);
  if (problems.length > 0) return { problems };
  return { config: { kind: "s3", bucket, prefix, region: region!, endpoint, credentials } };
}
