// Child processes under test: spawned with the same Node as the harness, polled until ready,
// stopped with SIGTERM (then SIGKILL).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { BenchError } from "./shared.ts";

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const HOST = "127.0.0.1";

/** `count` distinct free TCP ports on 127.0.0.1 (held together, then released). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.on("error", reject);
            server.listen(0, HOST, () => {
              const address = server.address();
              if (typeof address === "object" && address) resolve(address.port);
              else reject(new Error("could not get a free port"));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()))));
  }
}

/** Keeps the last `limit` characters written to a stream. */
class Tail {
  private text = "";
  constructor(private readonly limit = 16_000) {}
  push(chunk: Buffer | string): void {
    this.text += chunk.toString();
    if (this.text.length > this.limit * 2) this.text = this.text.slice(-this.limit);
  }
  toString(): string {
    return this.text.slice(-this.limit);
  }
}

export interface ServerSpec {
  readonly name: string;
  /** Script relative to the repo root, run as `node --import tsx <script>`. */
  readonly script: string;
  readonly port: number;
  readonly env: Readonly<Record<string, string>>;
  /** Node options before the script (for example --cpu-prof). */
  readonly nodeArgs?: readonly string[];
}

/**
 * How `npm start` runs the portal, so the bench measures what people run: scripts/start.ts (the
 * compiled bundle of src/) with the Node options written in package.json's start script.
 */
export function portalStart(): { script: string; nodeArgs: string[] } {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  const script = words.at(-1);
  if (words[0] !== "node" || script !== "scripts/start.ts") throw new BenchError(`package.json's start script is not "node [options] scripts/start.ts": ${pkg.scripts.start}`);
  return { script, nodeArgs: words.slice(1, -1) };
}

/** Variables the child needs from our environment; everything else is set explicitly. */
const INHERITED_ENV = ["PATH", "HOME", "TMPDIR", "LANG"];

export class ServerProcess {
  readonly origin: string;
  private readonly child: ChildProcess;
  private readonly stdout = new Tail();
  private readonly stderr = new Tail();
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<void>;

  constructor(readonly spec: ServerSpec) {
    this.origin = `http://${HOST}:${spec.port}`;
    const env: Record<string, string> = {};
    for (const key of INHERITED_ENV) {
      const value = process.env[key];
      if (value !== undefined) env[key] = value;
    }
    Object.assign(env, spec.env, { PORT: String(spec.port), HOST });
    this.child = spawn(process.execPath, [...(spec.nodeArgs ?? []), "--import", "tsx", spec.script], {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout?.on("data", (chunk: Buffer) => this.stdout.push(chunk));
    this.child.stderr?.on("data", (chunk: Buffer) => this.stderr.push(chunk));
    this.exited = new Promise((resolve) => {
      this.child.on("exit", (code, signal) => {
        this.exit = { code, signal };
        resolve();
      });
      this.child.on("error", (err) => {
        this.stderr.push(`spawn failed: ${err.message}\n`);
        this.exit ??= { code: null, signal: null };
        resolve();
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exit !== undefined;
  }

  /** The child's recent output, for error messages. */
  output(): string {
    const parts = [`--- ${this.spec.name} stderr ---\n${this.stderr.toString() || "(empty)\n"}`];
    const out = this.stdout.toString();
    if (out) parts.push(`--- ${this.spec.name} stdout ---\n${out}`);
    return parts.join("");
  }

  /** Polls GET `path` until it answers 200; fails early if the child exits. */
  async waitReady(path: string, timeoutMs: number): Promise<number> {
    const started = performance.now();
    let last = "no answer yet";
    while (performance.now() - started < timeoutMs) {
      if (this.exit) {
        throw new BenchError(
          `${this.spec.name} exited before it was ready (code ${this.exit.code}, signal ${this.exit.signal})\n${this.output()}`,
        );
      }
      try {
        const res = await fetch(`${this.origin}${path}`, { signal: AbortSignal.timeout(2_000) });
        await res.arrayBuffer();
        if (res.status === 200) return performance.now() - started;
        last = `HTTP ${res.status}`;
      } catch (err) {
        last = describeFetchError(err);
      }
      await sleep(100);
    }
    throw new BenchError(
      `${this.spec.name} did not answer 200 on ${this.origin}${path} within ${Math.round(timeoutMs / 1000)} s (last: ${last})\n${this.output()}`,
    );
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.exit || this.child.pid === undefined) return;
    this.child.kill("SIGTERM");
    // Unreferenced timers: a pending grace period never keeps the harness alive.
    const timer = sleep(graceMs, "timeout" as const, { ref: false });
    if ((await Promise.race([this.exited.then(() => "exited" as const), timer])) === "timeout" && !this.exit) {
      this.child.kill("SIGKILL");
      await Promise.race([this.exited, sleep(2_000, undefined, { ref: false })]);
    }
  }
}

function describeFetchError(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    if (cause && typeof cause === "object" && "code" in cause) return String(cause.code);
    return err.message;
  }
  return String(err);
}
