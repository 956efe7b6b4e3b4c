// Child app processes for tests, run on the same Node and tsx as the test runner.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface Child {
  proc: ChildProcessWithoutNullStreams;
  output(): string;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

export function spawnTs(script: string, env: Record<string, string>, args: string[] = []): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return {
    proc,
    output: () => out,
    exited,
    waitFor: async (text, timeoutMs = 30_000) => {
      const start = performance.now();
      const found = () => (typeof text === "string" ? out.includes(text) : text.test(out));
      while (!found()) {
        if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; output:\n${out}`);
        if (proc.exitCode !== null) throw new Error(`process exited (${proc.exitCode}) before ${String(text)}; output:\n${out}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}
