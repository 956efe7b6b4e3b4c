// One load phase with autocannon, and the statistics the report needs.
import { inspect } from "node:util";
import autocannon from "autocannon";

export interface Endpoint {
  readonly method?: "GET" | "POST";
  readonly path: string;
  /** More paths loaded in turn with `path` (same method, headers and body; each connection takes
   * them in order): several queries of one page. Each is checked before the load like `path`. */
  readonly morePaths?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Checked once before the load (not during it): text the response must contain, so a
   * sign-in page or an error page answered with 2xx cannot pass for the page under test. */
  readonly expectBody?: readonly string[];
  /** Facts about the fixture (sizes, query plans), printed with the target's results. */
  readonly notes?: readonly string[];
}

/** Every path of the endpoint, in the order each connection requests them. */
export function endpointPaths(endpoint: Endpoint): string[] {
  return [endpoint.path, ...(endpoint.morePaths ?? [])];
}

export interface PhaseResult {
  /** Mean of autocannon's per-second request counts. */
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** Connection errors, including timeouts. */
  readonly errors: number;
  readonly non2xx: number;
  readonly responses: number;
  /** Every response time of the phase (ms), for percentiles pooled across rounds. */
  readonly latencies: Float64Array;
}

let running: autocannon.Instance | undefined;

/** Stops the phase in progress, if any (used on SIGINT and by the watchdog). */
export function stopRunningLoad(): void {
  running?.stop();
}

export function runPhase(origin: string, endpoint: Endpoint, seconds: number, connections: number): Promise<PhaseResult> {
  return runLoad(origin, endpoint, { duration: seconds }, connections);
}

/** A fixed number of requests (autocannon's `amount`), however long they take. */
export function runRequests(origin: string, endpoint: Endpoint, amount: number, connections: number): Promise<PhaseResult> {
  return runLoad(origin, endpoint, { amount }, connections);
}

function runLoad(origin: string, endpoint: Endpoint, length: { duration: number } | { amount: number }, connections: number): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const paths = endpointPaths(endpoint);
    const instance = autocannon(
      {
        url: `${origin}${endpoint.path}`,
        method: endpoint.method ?? "GET",
        ...(endpoint.headers ? { headers: { ...endpoint.headers } } : {}),
        ...(endpoint.body !== undefined ? { body: endpoint.body } : {}),
        ...(paths.length > 1 ? { requests: paths.map((path) => ({ path })) } : {}),
        connections,
        ...length,
      },
      (err: unknown, result) => {
        running = undefined;
        if (err) {
          reject(err instanceof Error ? err : new Error(`autocannon: ${inspect(err)}`));
          return;
        }
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors,
          non2xx: result.non2xx,
          responses: latencies.length,
          latencies: Float64Array.from(latencies),
        });
      },
    );
    running = instance;
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

/** Nearest-rank percentile of the pooled response times (ms). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function pooledSorted(phases: readonly PhaseResult[]): Float64Array {
  const all = new Float64Array(phases.reduce((n, p) => n + p.latencies.length, 0));
  let offset = 0;
  for (const phase of phases) {
    all.set(phase.latencies, offset);
    offset += phase.latencies.length;
  }
  return all.sort();
}
