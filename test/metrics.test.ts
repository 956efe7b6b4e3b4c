// /metrics (issue 17): Prometheus's text format, open to the machine itself and to a scraper
// with METRICS_TOKEN, closed to everyone else; a request, a job and a mail delivery move it.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { enqueueJob } from "../src/platform/jobs/queue.ts";
import { queueMail } from "../src/platform/mail/outbox.ts";
import { ConfigError, loadConfig } from "../src/config.ts";

const TOKEN = "metrics-token-for-the-test-0123456789abcdef";

/** The value of one sample (`name{labels} value`), or undefined when the text has none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const m = /^([^{ ]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = new Map([...(m[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1] ?? "", x[2] ?? ""]));
    if (Object.entries(labels).every(([k, v]) => found.get(k) === v)) return Number(m[3]);
  }
  return undefined;
}

describe("/metrics", () => {
  let portal: TestPortal;
  let server: ServerType;
  let origin: string;
  before(async () => {
    portal = await createTestPortal({ env: { METRICS_TOKEN: TOKEN }, extraHandlers: { "test.metrics-ok": () => Promise.resolve(), "test.metrics-fails": () => Promise.reject(new Error("deliberate")) } });
    server = serve({ fetch: portal.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await portal.close();
  });

  const scrape = async (): Promise<string> => {
    const res = await fetch(`${origin}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it("answers the machine itself, and refuses a proxied request and anyone without the token", async () => {
    const text = await scrape();
    for (const name of ["ttp_http_requests_total", "ttp_process_resident_memory_bytes", "ttp_nodejs_eventloop_lag_seconds", "ttp_mail_outbox_queued", "ttp_mail_outbox_oldest_age_seconds"]) {
      assert.match(text, new RegExp(`^# TYPE ${name} `, "m"), name);
    }
    if (portal.database.engine === "postgres") assert.match(text, /^ttp_db_pool_connections\{state="busy"\} \d+$/m, "the pool's use, on PostgreSQL");
    // Through a reverse proxy on the same machine, the socket is loopback but the request is not.
    assert.equal((await fetch(`${origin}/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } })).status, 404);
    assert.equal((await fetch(`${origin}/metrics`, { headers: { forwarded: "for=203.0.113.9" } })).status, 404);
    // No socket at all (as from elsewhere): the token, and only the right one.
    assert.equal((await portal.app.request("/metrics")).status, 404);
    assert.equal((await portal.app.request("/metrics", { headers: { authorization: `Bearer ${TOKEN}x` } })).status, 404);
    assert.equal((await portal.app.request("/metrics", { headers: { authorization: "Bearer " } })).status, 404);
    const withToken = await portal.app.request("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(withToken.status, 200);
    assert.match(await withToken.text(), /^# TYPE ttp_jobs gauge/m);
  });

  it("counts a request by its route's pattern and status, never by its raw URL", async () => {
    const home = { method: "GET", route: "/:lang", status: "200" };
    const before = sample(await scrape(), "ttp_http_requests_total", home) ?? 0;
    const res = await fetch(`${origin}/en`);
    assert.equal(res.status, 200);
    await res.arrayBuffer();
    assert.equal((await fetch(`${origin}/en/no-such-page-4711`)).status, 404);
    const text = await scrape();
    assert.equal(sample(text, "ttp_http_requests_total", home), before + 1, "the home page counted once more, by its pattern");
    assert.ok((sample(text, "ttp_http_request_duration_seconds_count", home) ?? 0) >= 1, "and timed");
    assert.ok(!text.includes("no-such-page-4711"), "no raw URL in a label");
    assert.ok((sample(text, "ttp_http_requests_total", { status: "404", route: "(none)" }) ?? 0) >= 1, "an unmatched page counted as (none)");
  });

  it("moves with a job's attempts and the mail outbox's backlog", async () => {
    const before = await scrape();
    const ok0 = sample(before, "ttp_job_attempts_total", { kind: "test.metrics-ok", outcome: "done" }) ?? 0;
    const retry0 = sample(before, "ttp_job_attempts_total", { kind: "test.metrics-fails", outcome: "retry" }) ?? 0;
    const queued0 = sample(before, "ttp_mail_outbox_queued") ?? 0;

    await portal.database.db.transaction().execute(async (trx) => {
      await enqueueJob(trx, portal.clock, "test.metrics-ok", {});
      await enqueueJob(trx, portal.clock, "test.metrics-fails", {}, { maxAttempts: 3 });
    });
    await portal.database.db
      .transaction()
      .execute((trx) => queueMail(trx, portal.clock, { name: "test.metrics", render: () => ({ subject: "Metrics", paragraphs: ["Hello."] }) }, { address: "metrics@example.ca", locale: "en" }, {}));
    const waiting = await scrape();
    assert.equal(sample(waiting, "ttp_mail_outbox_queued"), queued0 + 1, "the message waits in the outbox");
    assert.equal(sample(waiting, "ttp_jobs", { kind: "test.metrics-fails", status: "pending" }), 1, "the job waits in the queue");

    await portal.jobs.drain();
    const afterDrain = await scrape();
    assert.equal(sample(afterDrain, "ttp_job_attempts_total", { kind: "test.metrics-ok", outcome: "done" }), ok0 + 1);
    assert.equal(sample(afterDrain, "ttp_job_attempts_total", { kind: "test.metrics-fails", outcome: "retry" }), retry0 + 1);
    assert.equal(sample(afterDrain, "ttp_mail_outbox_queued"), queued0, "delivered: the outbox is back where it was");
    assert.equal(sample(afterDrain, "ttp_mail_outbox_oldest_age_seconds"), 0);
  });
});

describe("METRICS_TOKEN", () => {
  it("is refused at start when too short to be a secret", () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: "test", METRICS_TOKEN: "short" }),
      (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith("METRICS_TOKEN must be at least 32 characters")),
    );
    assert.equal(loadConfig({ NODE_ENV: "test", METRICS_TOKEN: TOKEN }).metricsToken, TOKEN);
  });
});
