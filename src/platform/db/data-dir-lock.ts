// One process per embedded database. PGlite has no locking of its own: two processes that
// open the same data folder each keep their own copy of the database in memory and write
// over each other's files (issue 10: an account created by `staff:create` while the portal
// ran was refused by the portal and gone after a restart). So whoever opens a data folder
// first takes `DATA_DIR/portal.lock` and holds it until it closes the database or exits.
//
// Node has no flock(2): the lock is a file created with O_EXCL ("wx") naming its process
// (PID, start time, a random token). A lock whose process is gone is stale and is taken
// over: its PID no longer exists (`kill(pid, 0)` fails with ESRCH), or — on Linux, where
// /proc tells a process's start — the PID now belongs to a later process. Taking over goes
// through a second O_EXCL file, so two processes that find the same stale lock cannot both
// win. It works for processes on one machine (not across machines sharing a network folder).
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

export const LOCK_FILE = "portal.lock";

/** The data folder is held by another live process. */
export class DataDirLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The embedded database in ${dataDir} is in use by another portal process (PID ${pid}). Stop it first, or use DATABASE_URL for several processes.`);
    this.name = "DataDirLocked";
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Idempotent; also runs at process exit. */
  release(): void;
}

interface Holder {
  pid: number;
  /** Linux: the process's start in clock ticks since boot (/proc/PID/stat, field 22). */
  procStart?: string;
}

/** Lock files taken by this process (a second open in the same process is refused too). */
const heldHere = new Set<string>();

function code(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

function procStart(pid: number | "self"): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count after the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function parseHolder(raw: string): Holder | undefined {
  try {
    const v = JSON.parse(raw) as { pid?: unknown; procStart?: unknown };
    if (typeof v.pid !== "number" || !Number.isSafeInteger(v.pid) || v.pid <= 0) return undefined;
    return { pid: v.pid, ...(typeof v.procStart === "string" ? { procStart: v.procStart } : {}) };
  } catch {
    return undefined;
  }
}

function isAlive(holder: Holder, path: string): boolean {
  // Our own PID in a lock we did not take: a previous process with the same PID (a
  // container's portal restarted after a crash is often PID 1 again).
  if (holder.pid === process.pid) return heldHere.has(path);
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if (code(err) === "ESRCH") return false;
    // EPERM: it exists, under another user.
  }
  if (holder.procStart !== undefined) {
    const now = procStart(holder.pid);
    if (now !== undefined && now !== holder.procStart) return false; // the PID was reused
  }
  return true;
}

function readRaw(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    if (code(err) === "ENOENT") return undefined;
    throw err;
  }
}

/** Creates `path` with `content` only if it does not exist; false if it does. */
function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (err) {
    if (code(err) === "EEXIST") return false;
    throw err;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (err) {
    if (code(err) !== "ENOENT") throw err;
  }
}

/**
 * Removes the stale lock whose content was `staleRaw`, unless it changed meanwhile. Only the
 * process holding `<lock>.takeover` does so; the others wait and look again.
 */
function removeStale(path: string, staleRaw: string): void {
  const guard = `${path}.takeover`;
  if (!createExclusive(guard, JSON.stringify({ pid: process.pid, procStart: procStart("self") }))) {
    const other = parseHolder(readRaw(guard) ?? "");
    if (other && !isAlive(other, guard)) unlinkIfPresent(guard); // its taker died half-way
    return;
  }
  try {
    if (readRaw(path) === staleRaw) unlinkIfPresent(path);
  } finally {
    unlinkIfPresent(guard);
  }
}

/** Takes the data folder's lock, or throws DataDirLocked naming the process that holds it. */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  const content = `${JSON.stringify({
    pid: process.pid,
    procStart: procStart("self"),
    startedAt: new Date(performance.timeOrigin).toISOString(),
    host: hostname(),
    command: process.argv.slice(1).join(" "),
    token: randomUUID(),
  })}\n`;
  let unreadable = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(path, content)) return held(path, content);
    const raw = readRaw(path);
    if (raw === undefined) continue; // released meanwhile
    const holder = parseHolder(raw);
    if (holder && isAlive(holder, path)) throw new DataDirLocked(dataDir, holder.pid);
    // An empty or partial file is most likely being written this instant: look again a few
    // times before taking it for the remains of a process that died while writing it.
    if (!holder && ++unreadable < 5) {
      await sleep(20);
      continue;
    }
    removeStale(path, raw);
    await sleep(attempt === 0 ? 0 : 10);
  }
  throw new Error(`Could not take the lock ${path}. If no portal process is running, delete that file.`);
}

function held(path: string, content: string): DataDirLock {
  heldHere.add(path);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(path);
    process.off("exit", release);
    try {
      if (readRaw(path) === content) unlinkSync(path);
    } catch {
      // Best effort: a lock left behind is stale once this process is gone.
    }
  };
  process.on("exit", release);
  return { path, release };
}
