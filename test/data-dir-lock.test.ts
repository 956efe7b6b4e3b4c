// One process per embedded database (issue 10): the portal holds its DATA_DIR; a second
// portal and `staff:create` are refused with one clear line while it runs, and work once it
// has stopped; a lock left by a process that died is taken over.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnTs, type Child } from "./helpers/process.ts";
import { acquireDataDirLock, DataDirLocked, LOCK_FILE } from "../src/platform/db/data-dir-lock.ts";
import { openDatabase } from "../src/platform/db/index.ts";
import { staffDb } from "../src/features/staff/schema.ts";

const EX_TEMPFAIL = 75;

function inUse(dataDir: string, pid: number): string {
  return `The embedded database in ${dataDir} is in use by another portal process (PID ${pid}). Stop it first, or use DATABASE_URL for several processes.`;
}

function lockHolder(dataDir: string): number | undefined {
  const path = join(dataDir, LOCK_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as { pid: number }).pid : undefined;
}

/** A PID that was alive a moment ago and is not any more. */
async function deadPid(): Promise<number> {
  const proc = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((r) => proc.on("exit", r));
  return proc.pid!;
}

function procStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

describe("the data folder's lock", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), "ttp-lock-unit-"));
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("is held until released, and a second taker is told who holds it", async () => {
    const dir = tempDir();
    const lock = await acquireDataDirLock(dir);
    assert.equal(lockHolder(dir), process.pid);
    await assert.rejects(acquireDataDirLock(dir), (err) => err instanceof DataDirLocked && err.pid === process.pid && err.dataDir === dir);
    lock.release();
    assert.equal(existsSync(join(dir, LOCK_FILE)), false, "released: the file is gone");
    const again = await acquireDataDirLock(dir);
    again.release();
    again.release(); // idempotent
  });

  it("takes over a lock whose process is gone, or that is empty", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: await deadPid(), startedAt: "2026-01-01T00:00:00.000Z" }));
    const lock = await acquireDataDirLock(dir);
    assert.equal(lockHolder(dir), process.pid);
    lock.release();

    writeFileSync(join(dir, LOCK_FILE), "");
    const overEmpty = await acquireDataDirLock(dir);
    assert.equal(lockHolder(dir), process.pid);
    overEmpty.release();
  });

  it("lets exactly one of several takers have a stale lock", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: await deadPid() }));
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => acquireDataDirLock(dir)));
    const won = results.filter((r) => r.status === "fulfilled");
    assert.equal(won.length, 1, JSON.stringify(results.map((r) => r.status)));
    for (const r of results) if (r.status === "rejected") assert.ok(r.reason instanceof DataDirLocked, String(r.reason));
    won[0]!.value.release();
  });

  it("tells a live holder from a later process that reuses its PID (Linux)", { skip: procStartOf(process.ppid) === undefined ? "needs /proc" : false }, async () => {
    const dir = tempDir();
    // The parent is alive: with its own start time the lock is live…
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, procStart: procStartOf(process.ppid) }));
    await assert.rejects(acquireDataDirLock(dir), (err) => err instanceof DataDirLocked && err.pid === process.ppid);
    // …with another start time, the PID belongs to a process that did not take it.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, procStart: "1" }));
    const lock = await acquireDataDirLock(dir);
    assert.equal(lockHolder(dir), process.pid);
    lock.release();
  });
});

describe("two processes on one embedded database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ttp-lock-"));
  const env = { DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", NODE_ENV: "development", DATABASE_URL: "", SMTP_URL: "", TEST_CLOCK: "0" };
  const staffArgs = (username: string) => ["--username", username, "--name", "Mail Room", "--email", `${username}@cbsa-asfc.gc.ca`, "--role", "mail-room"];
  let portal: Portal;

  interface Run extends Child {
    /** The exit code, once the process has exited and its output is all read. */
    done: Promise<number | null>;
  }
  interface Portal extends Run {
    origin: string;
  }
  const run = (script: string, args: string[] = []): Run => {
    const child = spawnTs(script, env, args);
    const done = new Promise<number | null>((resolve) => child.proc.on("close", (code) => resolve(code)));
    return { ...child, done };
  };
  /** The exit code of a process that should end by itself; killed and failed if it does not. */
  const exitOf = async (child: Run, ms = 60_000): Promise<number | null> => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        child.proc.kill("SIGKILL");
        reject(new Error(`still running after ${ms} ms; output:\n${child.output()}`));
      }, ms);
    });
    try {
      return await Promise.race([child.done, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
  const startPortal = async (): Promise<Portal> => {
    const child = run("src/main.ts");
    await child.waitFor(/"msg":"listening"/, 90_000);
    const line = child
      .output()
      .split("\n")
      .find((l) => l.includes('"msg":"listening"'))!;
    return { ...child, origin: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}` };
  };

  before(async () => {
    portal = await startPortal();
  });
  after(async () => {
    if (portal.proc.exitCode === null && portal.proc.signalCode === null) {
      portal.proc.kill("SIGKILL");
      await portal.done;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a second portal exits at once with one clear line and code 75", async () => {
    const second = run("src/main.ts");
    assert.equal(await exitOf(second), EX_TEMPFAIL, second.output());
    assert.equal(second.output().trim(), inUse(dataDir, portal.proc.pid!), "one line, no stack trace");
  });

  it("staff:create is refused while the portal runs, and creates nothing", async () => {
    const cli = run("scripts/create-staff-user.ts", staffArgs("refused1"));
    assert.equal(await exitOf(cli), EX_TEMPFAIL, cli.output());
    const lines = cli.output().trim().split("\n");
    assert.equal(lines[0], inUse(dataDir, portal.proc.pid!));
    assert.match(lines[1] ?? "", /^Nothing was created: stop the portal first, or create the account on its Staff accounts page \(http:\/\/localhost:0\/en\/staff\/users\)\.$/);
    assert.equal(lines.length, 2, cli.output());
    assert.doesNotMatch(cli.output(), /one-time password/);
    // Whether "refused1" exists is looked at below, once everything has stopped.
  });

  it("the first portal goes on serving; after it stops, staff:create's account survives a restart", async () => {
    assert.equal((await fetch(`${portal.origin}/healthz`)).status, 200);
    const home = await fetch(`${portal.origin}/en`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<gcds-header/);
    assert.equal(lockHolder(dataDir), portal.proc.pid, "the portal still holds its lock");

    portal.proc.kill("SIGTERM");
    assert.equal(await exitOf(portal), 0, portal.output());
    assert.equal(lockHolder(dataDir), undefined, "a clean stop releases the lock");

    const cli = run("scripts/create-staff-user.ts", staffArgs("durable1"));
    assert.equal(await exitOf(cli), 0, cli.output());
    assert.match(cli.output(), /The staff account "durable1" was created\./);
    const password = /one-time password: +(\S+)/.exec(cli.output())?.[1];
    assert.ok(password, cli.output());
    assert.equal(lockHolder(dataDir), undefined, "staff:create released the lock");

    // The restarted portal accepts the printed one-time password: the account is on disk.
    portal = await startPortal();
    const form = await fetch(`${portal.origin}/en/staff/sign-in`);
    assert.equal(form.status, 200);
    const csrf = form.headers
      .getSetCookie()
      .map((c) => /^ttp-csrf=([^;]+)/.exec(c)?.[1])
      .find(Boolean);
    assert.ok(csrf, "the sign-in page sets the CSRF cookie");
    const signIn = await fetch(`${portal.origin}/en/staff/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `ttp-csrf=${csrf}` },
      body: new URLSearchParams({ _csrf: csrf, username: "durable1", password }).toString(),
    });
    assert.equal(signIn.status, 303, await signIn.text());
    assert.equal(signIn.headers.get("location"), "/en/staff/sign-in/totp", "username and password accepted");
  });

  it("a lock left by a portal that was killed is taken over", async () => {
    const pid = portal.proc.pid!;
    portal.proc.kill("SIGKILL");
    await portal.done;
    assert.equal(lockHolder(dataDir), pid, "a killed process leaves its lock behind");

    const db = await openDatabase({ kind: "pglite", dataDir });
    try {
      assert.equal(lockHolder(dataDir), process.pid, "taken over");
      const names = await staffDb(db.db).selectFrom("staff_users").select("username").where("username", "in", ["durable1", "refused1"]).execute();
      assert.deepEqual(
        names.map((n) => n.username),
        ["durable1"],
        "the refused staff:create wrote nothing",
      );
    } finally {
      await db.close();
    }
    assert.equal(lockHolder(dataDir), undefined);
  });
});
