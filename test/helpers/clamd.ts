// A ClamAV daemon of the test's own: Debian's clamd (clamav-daemon) started in the foreground
// with a configuration file written here — a Unix socket and a signature database in a
// temporary folder, holding one signature written here that flags the EICAR test string (no
// signature download is possible, and the system's clamd service and database are not used).
// Where clamd is missing, its tests are skipped with the reason — except under CI=true, where
// that is a failure (.ci/run installs clamav-daemon).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ClamdScanner } from "../../src/platform/scan/clamd.ts";
import { skipUnless, type ConditionalTests } from "./skip.ts";

export const clamdPath = process.env.CLAMD_PATH ?? "/usr/sbin/clamd";

/**
 * The EICAR anti-virus test file (eicar.org): harmless, and flagged by every scanner. Kept
 * reversed here so that this source file is not itself flagged on a developer's machine.
 */
export const EICAR = "*H+H$!ELIF-TSET-SURIVITNA-DRADNATS-RACIE$}7)CC7)^P(45XZP\\4[PA@%P!O5X".split("").reverse().join("");

/** The name of the test's own signature, as clamd reports it (with ".UNOFFICIAL"). */
export const EICAR_SIGNATURE = "Portal.Test.EICAR";

export function clamdTests(): ConditionalTests {
  const found = existsSync(clamdPath);
  if (!found && process.env.CI === "true") throw new Error(`CI=true but clamd is missing at ${clamdPath}: the malware scan tests must run in CI (apt-get install clamav-daemon)`);
  return skipUnless(found, `clamd tests skipped: clamd not found at ${clamdPath} (apt-get install clamav-daemon, or set CLAMD_PATH)`);
}

export interface TestClamd {
  readonly socket: string;
  readonly scanner: ClamdScanner;
  /** Stops the daemon (idempotent). */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startClamd(): Promise<TestClamd> {
  const dir = await mkdtemp(join(tmpdir(), "ttp-clamd-"));
  const db = join(dir, "db");
  const temporary = join(dir, "tmp");
  await mkdir(db);
  await mkdir(temporary);
  // An extended signature (.ndb): name, target type 0 (any file), offset * (anywhere, so a test
  // can hide it past a chunk boundary), the bytes in hex.
  await writeFile(join(db, "portal-test.ndb"), `${EICAR_SIGNATURE}:0:*:${Buffer.from(EICAR, "latin1").toString("hex")}\n`);
  const socket = join(dir, "clamd.sock");
  const log = join(dir, "clamd.log");
  const conf = join(dir, "clamd.conf");
  await writeFile(
    conf,
    [
      "Foreground yes",
      `LocalSocket ${socket}`,
      "LocalSocketMode 600",
      `DatabaseDirectory ${db}`,
      `TemporaryDirectory ${temporary}`,
      `LogFile ${log}`,
      "LogTime yes",
      `PidFile ${join(dir, "clamd.pid")}`,
      "StreamMaxLength 25M",
      "MaxThreads 2",
      "Bytecode no",
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(clamdPath, ["--config-file", conf], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  // clamd takes 5-10 s to finish on SIGTERM; it keeps nothing the tests need, so it is killed.
  const stop = async (): Promise<void> => {
    if (running) {
      child.kill("SIGKILL");
      await exited;
    }
  };
  const scanner = new ClamdScanner({ socket }, { timeoutMs: 20_000 });
  const deadline = 60_000;
  for (let waited = 0; !(await scanner.ping()); waited += 200) {
    if (!running || waited >= deadline) {
      await stop();
      const logged = await readFile(log, "utf8").catch(() => "");
      await rm(dir, { recursive: true, force: true });
      throw new Error(`clamd did not start (${running ? "no answer in time" : "it exited"}):\n${output}\n${logged}`);
    }
    await sleep(200);
  }
  return {
    socket,
    scanner,
    stop,
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
