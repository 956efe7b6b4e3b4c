// GC Notify as the mail transport, against a local stand-in for its API (helpers/notify-stand-in.ts,
// built from GC Notify's public documentation — not the real service): the outbox's job delivers
// each message once with the language's template and the rendered subject and body; 429 and 5xx
// are retried by the job queue with growing delays; a 400 or 403 fails the message with GC Notify's
// cause and is not retried; the API key is in no log line, outbox row or job row.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { sql } from "kysely";
import { loadConfig, NOTIFY_PUBLIC_API } from "../src/config.ts";
import { PortalClock } from "../src/platform/clock.ts";
import { createLogger } from "../src/platform/log.ts";
import { JobRunner, retryDelayMs } from "../src/platform/jobs/queue.ts";
import { MAIL_DELIVERY_JOB, mailDeliveryHandler, queueMail, type MailTemplate } from "../src/platform/mail/outbox.ts";
import { mailTransportFor, type MailTransport } from "../src/platform/mail/transport.ts";
import { notifyTransport } from "../src/platform/mail/notify.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/db.ts";
import { STAND_IN_KEY, startNotifyStandIn, type NotifyStandIn } from "./helpers/notify-stand-in.ts";

const TEMPLATE_EN = "1c7a0d4e-2f55-4c39-9e2a-6f0b7d1e8a01";
const TEMPLATE_FR = "9b3e6f21-8d4c-4a7e-b1f0-2c5d8e9a7f02";
/** The secret part of the key: what must never be written anywhere but the request header. */
const SECRET = STAND_IN_KEY.slice(-36);

const greeting: MailTemplate<{ name: string }> = {
  name: "test.notify-greeting",
  render: (locale, { name }) =>
    locale === "fr"
      ? { subject: `Bonjour ${name} — votre accès`, paragraphs: [`Bonjour ${name},`, "Voici votre code\u00a0: « 493817 »."] }
      : { subject: `Hello ${name} — your access`, paragraphs: [`Hello ${name},`, "Here is your code: 493817."] },
};

interface Harness {
  db: TestDatabase;
  clock: PortalClock;
  jobs: JobRunner;
  transport: MailTransport;
  logText(): string;
  queue(to: string, locale: "en" | "fr", name: string): Promise<string>;
  outbox(id: string): Promise<{ status: string; attempts: number; last_error: string | null; text_body: string }>;
  job(outboxId: string): Promise<{ status: string; attempts: number; run_at: Date; last_error: string | null }>;
}

async function harness(env: Record<string, string>, transportOverride?: (db: TestDatabase, clock: PortalClock) => MailTransport): Promise<Harness> {
  const config = loadConfig({ NODE_ENV: "test", BASE_URL: "http://localhost", ...env });
  const db = await createTestDatabase();
  const clock = new PortalClock();
  clock.freeze();
  const raw: string[] = [];
  const logger = createLogger(
    "debug",
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        raw.push(chunk.toString("utf8"));
        cb();
      },
    }),
  );
  const transport = transportOverride ? transportOverride(db, clock) : mailTransportFor(config, db.db, clock);
  const jobs = new JobRunner({
    db: db.db,
    clock,
    logger,
    handlers: { [MAIL_DELIVERY_JOB]: mailDeliveryHandler({ db: db.db, clock, transport, from: config.mail.from, logger }) },
  });
  return {
    db,
    clock,
    jobs,
    transport,
    logText: () => raw.join(""),
    queue: (to, locale, name) => db.db.transaction().execute((trx) => queueMail(trx, clock, greeting, { address: to, locale }, { name })),
    outbox: (id) => db.db.selectFrom("mail_outbox").select(["status", "attempts", "last_error", "text_body"]).where("id", "=", id).executeTakeFirstOrThrow(),
    job: async (outboxId) => {
      const row = await db.db
        .selectFrom("jobs")
        .select(["status", "attempts", "run_at", "last_error"])
        .where("kind", "=", MAIL_DELIVERY_JOB)
        .where(sql<string>`payload->>'outboxId'`, "=", outboxId)
        .executeTakeFirstOrThrow();
      return { ...row, run_at: new Date(row.run_at) };
    },
  };
}

function notifyEnv(standIn: NotifyStandIn, key = STAND_IN_KEY): Record<string, string> {
  return { NOTIFY_API_KEY: key, NOTIFY_BASE_URL: standIn.url, NOTIFY_TEMPLATE_ID_EN: TEMPLATE_EN, NOTIFY_TEMPLATE_ID_FR: TEMPLATE_FR };
}

function assertNoKey(text: string, where: string): void {
  assert.ok(!text.includes(STAND_IN_KEY), `the API key is not in ${where}`);
  assert.ok(!text.includes(SECRET), `the key's secret is not in ${where}`);
}

describe("mail through GC Notify (a local stand-in for its API)", () => {
  let standIn: NotifyStandIn;
  let h: Harness;
  before(async () => {
    standIn = await startNotifyStandIn({
      templates: [
        { id: TEMPLATE_EN, placeholders: ["subject", "body"] },
        { id: TEMPLATE_FR, placeholders: ["subject", "body"] },
      ],
    });
    h = await harness(notifyEnv(standIn));
  });
  after(async () => {
    await h.jobs.stop();
    await h.db.close();
    await standIn.close();
  });

  it("is the transport the settings choose when NOTIFY_API_KEY is set, with GC Notify's public API by default", () => {
    assert.equal(h.transport.kind, "notify");
    const c = loadConfig({ NOTIFY_API_KEY: STAND_IN_KEY, NOTIFY_TEMPLATE_ID_EN: TEMPLATE_EN, NOTIFY_TEMPLATE_ID_FR: TEMPLATE_FR });
    assert.deepEqual(c.mail.notify, { apiKey: STAND_IN_KEY, baseUrl: NOTIFY_PUBLIC_API, templateIds: { en: TEMPLATE_EN, fr: TEMPLATE_FR } });
  });

  for (const [locale, template, name] of [
    ["en", TEMPLATE_EN, "Bob"],
    ["fr", TEMPLATE_FR, "Amélie"],
  ] as const) {
    it(`delivers a message in ${locale} exactly once, with the ${locale} template and the rendered subject and body`, async () => {
      const before = standIn.accepted.length;
      const id = await h.queue(`${name.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")}@example.ca`, locale, name);
      assert.equal(standIn.accepted.length, before, "nothing is sent inside the transaction");
      await h.jobs.drain();
      assert.equal(standIn.accepted.length, before + 1);
      const sent = standIn.accepted.at(-1)!;
      assert.equal(sent.template_id, template);
      assert.equal(sent.reference, id, "the reference is the outbox row");
      const rendered = greeting.render(locale, { name });
      assert.deepEqual(sent.personalisation, { subject: rendered.subject, body: rendered.paragraphs.join("\n\n") });
      assert.equal((await h.outbox(id)).status, "sent");
      assert.equal((await h.job(id)).status, "done");

      const answers = standIn.answers.length;
      h.clock.advance(60 * 60 * 1000);
      await h.jobs.drain();
      assert.equal(standIn.answers.length, answers, "never asked twice");
    });
  }

  it("retries a 429 through the job queue, then delivers exactly once", async () => {
    const before = standIn.accepted.length;
    standIn.failNext.push(429);
    const id = await h.queue("rate@example.ca", "en", "Rate");
    await h.jobs.drain();
    let row = await h.outbox(id);
    assert.equal(row.status, "queued");
    assert.match(row.last_error ?? "", /429.*RateLimitError: Exceeded rate limit/);
    const job = await h.job(id);
    assert.equal(job.status, "pending");
    assert.equal(job.run_at.getTime(), h.clock.now().getTime() + retryDelayMs(1));
    assert.equal(standIn.accepted.length, before);

    await h.jobs.drain();
    assert.equal(standIn.answers.at(-1), 429, "not asked again before its time");
    h.clock.advance(retryDelayMs(1));
    await h.jobs.drain();
    row = await h.outbox(id);
    assert.equal(row.status, "sent");
    assert.equal(row.attempts, 2);
    assert.equal(standIn.accepted.length, before + 1);
    assert.equal(standIn.accepted.filter((n) => n.reference === id).length, 1);
  });

  it("retries 500 and 503 with growing delays, then delivers exactly once", async () => {
    const before = standIn.accepted.length;
    standIn.failNext.push(500, 503);
    const id = await h.queue("server@example.ca", "fr", "Serveur");
    await h.jobs.drain();
    assert.match((await h.outbox(id)).last_error ?? "", /500.*Internal server error/);
    const first = (await h.job(id)).run_at.getTime() - h.clock.now().getTime();
    h.clock.advance(first);
    await h.jobs.drain();
    assert.match((await h.outbox(id)).last_error ?? "", /503/);
    const second = (await h.job(id)).run_at.getTime() - h.clock.now().getTime();
    assert.ok(second > first, `the second delay (${second} ms) is longer than the first (${first} ms)`);
    h.clock.advance(second);
    await h.jobs.drain();
    const row = await h.outbox(id);
    assert.equal(row.status, "sent");
    assert.equal(row.attempts, 3);
    assert.equal(standIn.accepted.length, before + 1);
    assert.equal(standIn.accepted.filter((n) => n.reference === id).length, 1);
  });

  it("records a 400 as a failed delivery with GC Notify's cause, and does not try again", async () => {
    const id = await h.queue("not-an-address", "en", "Nobody");
    await h.jobs.drain();
    const row = await h.outbox(id);
    assert.equal(row.status, "failed");
    assert.equal(row.attempts, 1);
    assert.match(row.last_error ?? "", /GC Notify answered 400: ValidationError: email_address Not a valid email address/);
    const job = await h.job(id);
    assert.equal(job.status, "failed");
    assert.match(job.last_error ?? "", /email_address Not a valid email address/);

    const answers = standIn.answers.length;
    h.clock.advance(24 * 60 * 60 * 1000);
    await h.jobs.drain();
    assert.equal(standIn.answers.length, answers, "no further request");
    assert.match(h.logText(), /"final":true/);
  });

  it("keeps the API key out of every log line, outbox row and job row", async () => {
    // A retried failure, a final one and a delivery, each logged.
    standIn.failNext.push(500);
    await h.queue("again@example.ca", "en", "Again");
    await h.queue("not-an-address-either", "fr", "Personne");
    await h.jobs.drain();
    h.clock.advance(retryDelayMs(1));
    await h.jobs.drain();
    const log = h.logText();
    assert.match(log, /"msg":"mail delivered"/, "the log was captured");
    assert.match(log, /"msg":"job failed"/, "failures were logged too");
    assertNoKey(log, "the log");
    const rows = await h.db.db.selectFrom("mail_outbox").select("last_error").execute();
    const jobs = await h.db.db.selectFrom("jobs").select(["last_error", "payload"]).execute();
    assertNoKey(JSON.stringify([rows, jobs]), "the outbox or jobs tables");
  });
});

describe("GC Notify refusing the key, or out of reach", () => {
  let standIn: NotifyStandIn;
  before(async () => {
    standIn = await startNotifyStandIn({ templates: [{ id: TEMPLATE_EN, placeholders: ["subject", "body"] }, { id: TEMPLATE_FR, placeholders: ["subject", "body"] }] });
  });
  after(() => standIn.close());

  it("records a 403 (a key GC Notify does not know) as failed with its cause, once, and logs no key", async () => {
    const wrongKey = "gcntfy-revoked-26785a09-ab16-4eb0-8407-a37497a57506-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    const h = await harness(notifyEnv(standIn, wrongKey));
    try {
      const id = await h.queue("someone@example.ca", "en", "Someone");
      await h.jobs.drain();
      const row = await h.outbox(id);
      assert.equal(row.status, "failed");
      assert.match(row.last_error ?? "", /403: AuthError: Invalid token: API key not found/);
      assert.equal((await h.job(id)).status, "failed");
      h.clock.advance(24 * 60 * 60 * 1000);
      const answers = standIn.answers.length;
      await h.jobs.drain();
      assert.equal(standIn.answers.length, answers, "not retried");
      const log = h.logText();
      assert.ok(!log.includes(wrongKey) && !log.includes(wrongKey.slice(-36)), "the key is not in the log");
    } finally {
      await h.jobs.stop();
      await h.db.close();
    }
  });

  it("retries when GC Notify cannot be reached, with no key in the cause", async () => {
    // A port nothing listens on: the stand-in's own, once closed.
    const gone = await startNotifyStandIn({ templates: [] });
    await gone.close();
    const h = await harness(notifyEnv(gone));
    try {
      const id = await h.queue("someone@example.ca", "en", "Someone");
      await h.jobs.drain();
      const row = await h.outbox(id);
      assert.equal(row.status, "queued", "tried again later");
      assert.match(row.last_error ?? "", /GC Notify could not be reached/);
      assertNoKey(`${row.last_error}${h.logText()}`, "the cause or the log");
    } finally {
      await h.jobs.stop();
      await h.db.close();
    }
  });

  it("scrubs the key from an answer that echoes it", async () => {
    const echo = notifyTransport({ apiKey: STAND_IN_KEY, baseUrl: "http://127.0.0.1:1", templateIds: { en: TEMPLATE_EN, fr: TEMPLATE_FR } });
    // fetch is replaced for this one call: a misbehaving proxy that repeats the request's header.
    const realFetch = globalThis.fetch;
    const echoing: typeof fetch = (_url, init) => {
      const header = new Headers(init?.headers).get("authorization") ?? "";
      return Promise.resolve(new Response(JSON.stringify({ status_code: 400, errors: [{ error: "BadRequestError", message: `bad header ${header}` }] }), { status: 400 }));
    };
    globalThis.fetch = echoing;
    try {
      await assert.rejects(
        echo.send({ outboxId: "1", from: "x", to: "a@example.ca", subject: "s", text: "t", html: "", locale: "en" }),
        (err: Error) => err.name === "PermanentMailError" && /\[redacted\]/.test(err.message) && !err.message.includes(SECRET),
      );
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe("mailTransportFor", () => {
  it("chooses GC Notify over SMTP, SMTP over the development mailbox", async () => {
    const db = await createTestDatabase();
    const clock = new PortalClock();
    try {
      const notify = { NOTIFY_API_KEY: STAND_IN_KEY, NOTIFY_TEMPLATE_ID_EN: TEMPLATE_EN, NOTIFY_TEMPLATE_ID_FR: TEMPLATE_FR };
      const kind = (env: Record<string, string>): string => {
        const t = mailTransportFor(loadConfig(env), db.db, clock);
        t.close?.();
        return t.kind;
      };
      assert.equal(kind({ ...notify, SMTP_URL: "smtp://127.0.0.1:2525" }), "notify");
      assert.equal(kind({ SMTP_URL: "smtp://127.0.0.1:2525" }), "smtp");
      assert.equal(kind({}), "dev-mailbox");
    } finally {
      await db.close();
    }
  });
});
