// Constants shared by the harness (run.ts) and the baseline server (baseline.ts).
import { createHash } from "node:crypto";

/** Same pool size as the portal's (src/platform/db/index.ts). */
export const POOL_SIZE = 10;

/** The baseline's page: one session look-up by primary key, then a small HTML page. */
export const BASELINE_PATH = "/bench/session-page";
export const BASELINE_COOKIE = "bench_session";
export const BASELINE_TABLE = "bench_sessions";
export const BASELINE_ROWS = 10_000;
/** Seeded as row `i` with token_hash = sha256hex(`bench-token-${i}`). */
export const BASELINE_TOKEN = "bench-token-4242";

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** A failure the harness explains itself: reported by message, without a stack trace. */
export class BenchError extends Error {
  override name = "BenchError";
}
