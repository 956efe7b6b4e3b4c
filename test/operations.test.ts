// What an operator meets at start and from the load balancer (issue 17): a database that cannot
// be reached gives one clear line and a non-zero exit, never a stack trace; /readyz fails while
// the database or the configured mail service cannot be reached.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnTs } from "./helpers/process.ts";
import { createTestPortal } from "./helpers/app.ts";
import { startSmtpServer } from "./helpers/smtp.ts";

describe("a database that cannot be reached at start", () => {
  it("waits a few seconds, then stops with one line naming where it looked (no password, no stack trace) and exit 69", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ttp-unreachable-"));
    try {
      const started = performance.now();
      const child = spawnTs("src/main.ts", {
        DATABASE_URL: "postgres://portal:hunter2-secret@127.0.0.1:9/ttp_nowhere",
        DATA_DIR: dataDir,
        PORT: "0",
        NODE_ENV: "development",
        SMTP_URL: "",
        LOG_LEVEL: "info",
      });
      const code = await child.exited;
      const output = child.output();
      assert.equal(code, 69, output);
      assert.ok(performance.now() - started >= 4_000, "it waited for the database first");
      const lines = output.split("\n").filter((l) => l.trim() !== "");
      assert.deepEqual(
        lines.filter((l) => /database/i.test(l)),
        [lines.find((l) => l.startsWith("Cannot reach the database at 127.0.0.1:9/ttp_nowhere as portal (ECONNREFUSED"))],
        output,
      );
      assert.ok(!output.includes("hunter2-secret"), "no password");
      assert.ok(!/^\s+at /m.test(output), `no stack trace:\n${output}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("/readyz", () => {
  it("is ready with the database and the SMTP server reachable, and fails while the SMTP server cannot be reached", async () => {
    const smtp = await startSmtpServer();
    const up = await createTestPortal({ smtpUrl: smtp.url });
    const down = await createTestPortal({ smtpUrl: "smtp://127.0.0.1:9" });
    try {
      const ready = await up.app.request("/readyz");
      assert.equal(ready.status, 200);
      assert.equal(await ready.text(), "ready");
      const refused = await down.app.request("/readyz");
      assert.equal(refused.status, 503);
      assert.equal(await refused.text(), "mail unavailable");
      assert.ok(down.logLines.some((l) => l.msg === "readiness check failed: mail" && l.mail === "smtp"), "logged with its cause");
    } finally {
      await up.close();
      await down.close();
      await smtp.close();
    }
  });

  it("fails while GC Notify cannot be reached", async () => {
    const uuid = "3f1b6c52-8f0e-4c2a-9d6e-2b7a1c9e4f10";
    const portal = await createTestPortal({
      env: { NOTIFY_API_KEY: `gcntfy-portal-${uuid}-${uuid}`, NOTIFY_BASE_URL: "http://127.0.0.1:9", NOTIFY_TEMPLATE_ID_EN: uuid, NOTIFY_TEMPLATE_ID_FR: uuid },
    });
    try {
      assert.equal(portal.deps.mailTransport.kind, "notify");
      const res = await portal.app.request("/readyz");
      assert.equal(res.status, 503);
      assert.equal(await res.text(), "mail unavailable");
      assert.ok(!portal.logText().includes(uuid), "the key is not in the log");
    } finally {
      await portal.close();
    }
  });

  it("fails while the database cannot be reached", async () => {
    const portal = await createTestPortal();
    await portal.database.close();
    const res = await portal.app.request("/readyz");
    assert.equal(res.status, 503);
    assert.equal(await res.text(), "database unavailable");
    await portal.close().catch(() => {});
  });
});
