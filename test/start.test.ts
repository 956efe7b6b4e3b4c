// `npm start` as an operator runs it: the real entry point on the embedded database, with
// no other service. Data and queued work survive restarts.
import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { spawnTs, type Child } from "./helpers/process.ts";
import { migrateToLatest, openDatabase } from "../src/platform/db/index.ts";
import { PortalClock } from "../src/platform/clock.ts";
import { queueMail } from "../src/platform/mail/outbox.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function start(dataDir: string, port: number): Promise<{ child: Child; ms: number }> {
  const started = performance.now();
  const child = spawnTs("src/main.ts", { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "info", NODE_ENV: "development", DATABASE_URL: "", SMTP_URL: "" });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/en`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (child.proc.exitCode !== null) throw new Error(`the portal exited: ${child.output()}`);
    if (performance.now() - started > 60_000) throw new Error(`no page after 60 s: ${child.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, ms: performance.now() - started };
}

async function stop(child: Child): Promise<void> {
  child.proc.kill("SIGTERM");
  assert.equal(await child.exited, 0, `clean shutdown: ${child.output()}`);
}

describe("npm start on the embedded database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ttp-start-"));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("serves /en and /fr, keeps its data across restarts and resumes queued mail", async () => {
    const port = await freePort();
    const first = await start(dataDir, port);
    process.stdout.write(`# first start: first page after ${Math.round(first.ms)} ms\n`);
    assert.equal((await fetch(`http://127.0.0.1:${port}/fr`)).status, 200);
    assert.match(first.child.output(), /"msg":"listening"/);
    await stop(first.child);

    // While the portal is down, a confirmed change queues a message (as a feature would).
    const db = await openDatabase({ kind: "pglite", dataDir });
    await migrateToLatest(db.db);
    await db.db.transaction().execute((trx) =>
      queueMail(trx, new PortalClock(), { name: "test.restart", render: () => ({ subject: "Queued before restart", paragraphs: ["Hello."] }) }, { address: "a@example.ca", locale: "en" }, {}),
    );
    await db.close();

    const second = await start(dataDir, port);
    let listed = "";
    for (let i = 0; i < 100 && !listed.includes("Queued before restart"); i++) {
      listed = await (await fetch(`http://127.0.0.1:${port}/en/dev/mailbox`)).text();
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(listed, /Queued before restart/, "the queued mail was delivered after the restart");
    await stop(second.child);

    const third = await start(dataDir, port);
    const again = await (await fetch(`http://127.0.0.1:${port}/en/dev/mailbox`)).text();
    assert.equal(again.match(/Queued before restart/g)?.length, 1, "still there, once");
    await stop(third.child);
  });
});
