// The mail outbox end to end: queued in the change's transaction, delivered by the job
// queue over a real SMTP server on 127.0.0.1 or into the development mailbox.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "../../../test/helpers/app.ts";
import { decodeHeader, startSmtpServer, type TestSmtpServer } from "../../../test/helpers/smtp.ts";
import { queueMail, type MailTemplate } from "./outbox.ts";
import { retryDelayMs } from "../jobs/queue.ts";

const greeting: MailTemplate<{ name: string }> = {
  name: "test.greeting",
  render: (locale, { name }) =>
    locale === "fr"
      ? { subject: `Bonjour ${name} — votre accès`, paragraphs: [`Bonjour ${name},`, "Voici un message d’essai <pas de HTML>."] }
      : { subject: `Hello ${name} — your access`, paragraphs: [`Hello ${name},`, "This is a test message <no HTML>."] },
};

async function queue(portal: TestPortal, to: string, locale: "en" | "fr", name: string): Promise<string> {
  return portal.database.db.transaction().execute((trx) => queueMail(trx, portal.clock, greeting, { address: to, locale }, { name }));
}

describe("mail over SMTP", () => {
  let smtp: TestSmtpServer;
  let portal: TestPortal;
  before(async () => {
    smtp = await startSmtpServer();
    portal = await createTestPortal({ smtpUrl: smtp.url });
  });
  after(async () => {
    await portal.close();
    await smtp.close();
  });

  it("delivers a queued message once, in the recipient's language", async () => {
    const id = await queue(portal, "amelie@example.ca", "fr", "Amélie");
    assert.equal(smtp.received.length, 0, "nothing is sent inside the transaction");
    await portal.jobs.drain();
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0]!;
    assert.deepEqual(mail.to, ["amelie@example.ca"]);
    assert.equal(decodeHeader(mail.header("subject")), "Bonjour Amélie — votre accès");
    assert.equal(mail.header("content-language"), "fr-CA");
    assert.match(mail.header("message-id") ?? "", new RegExp(`<outbox-${id}@localhost>`));
    assert.match(mail.raw, /&lt;pas de HTML&gt;/, "the HTML part is escaped");

    await portal.jobs.drain();
    assert.equal(smtp.received.length, 1, "never sent twice");
    const row = await portal.database.db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    assert.equal(row.status, "sent");
  });

  it("erases a sensitive message's body from the outbox once delivered, not before", async () => {
    const secret: MailTemplate<{ code: string }> = { name: "test.secret", sensitive: true, render: (_l, p) => ({ subject: "Your code", paragraphs: [`Code: ${p.code}`] }) };
    const id = await portal.database.db.transaction().execute((trx) => queueMail(trx, portal.clock, secret, { address: "s@example.ca", locale: "en" }, { code: "493817" }));
    let row = await portal.database.db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    assert.match(row.text_body, /493817/, "kept until delivered, so a retry can send it");
    await portal.jobs.drain();
    assert.match(smtp.received.at(-1)!.raw, /493817/, "the recipient got the code");
    row = await portal.database.db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    assert.equal(row.status, "sent");
    assert.doesNotMatch(`${row.text_body}${row.html_body}`, /493817/);
  });

  it("queues nothing when the change's transaction rolls back", async () => {
    const before = smtp.received.length;
    await assert.rejects(
      portal.database.db.transaction().execute(async (trx) => {
        await queueMail(trx, portal.clock, greeting, { address: "x@example.ca", locale: "en" }, { name: "X" });
        throw new Error("the change failed");
      }),
    );
    await portal.jobs.drain();
    assert.equal(smtp.received.length, before);
  });

  it("retries with backoff when the server refuses, then delivers exactly one copy", async () => {
    const before = smtp.received.length;
    let refusals = 2;
    smtp.beforeAccept = () => (refusals-- > 0 ? Promise.reject(new Error("451 try again later")) : Promise.resolve());
    try {
      const id = await queue(portal, "bob@example.ca", "en", "Bob");
      await portal.jobs.drain();
      let row = await portal.database.db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      assert.equal(row.status, "queued");
      assert.equal(row.attempts, 1);
      assert.match(row.last_error ?? "", /try again later/);
      portal.clock.advance(retryDelayMs(1));
      await portal.jobs.drain();
      portal.clock.advance(retryDelayMs(2));
      await portal.jobs.drain();
      row = await portal.database.db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      assert.equal(row.status, "sent");
      assert.equal(smtp.received.length, before + 1);
      assert.equal(decodeHeader(smtp.received.at(-1)!.header("subject")), "Hello Bob — your access");
    } finally {
      smtp.beforeAccept = undefined;
    }
  });
});

describe("the development mailbox", () => {
  let portal: TestPortal;
  before(async () => {
    portal = await createTestPortal();
  });
  after(() => portal.close());

  it("lists delivered messages newest first and shows each one, in both languages", async () => {
    await queue(portal, "first@example.ca", "en", "First");
    portal.clock.advance(60_000);
    await queue(portal, "second@example.ca", "fr", "Deuxième");
    await portal.jobs.drain();

    const list = await (await portal.app.request("/en/dev/mailbox")).text();
    const first = list.indexOf("Hello First");
    const second = list.indexOf("Bonjour Deuxième");
    assert.ok(second > 0 && first > second, "newest first");
    const link = /href="(\/en\/dev\/mailbox\/\d+)">Bonjour Deuxi/.exec(list)?.[1];
    assert.ok(link);
    const page = await portal.app.request(link);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /second@example\.ca/);
    assert.match(html, /Voici un message d’essai &lt;pas de HTML&gt;\./);

    const fr = await (await portal.app.request("/fr/dev/mailbox")).text();
    assert.match(fr, /Boîte de courriel de développement/);
    assert.equal((await portal.app.request("/en/dev/mailbox/999999")).status, 404);
  });

  it("keeps one copy of a message delivered twice after a crash", async () => {
    const id = await queue(portal, "twice@example.ca", "en", "Twice");
    await portal.jobs.drain();
    // What a crash between "delivered" and "marked sent" would do: deliver again.
    await portal.deps.mailTransport.send({ outboxId: id, from: "x", to: "twice@example.ca", subject: "again", text: "", html: "", locale: "en" });
    const rows = await portal.database.db.selectFrom("dev_mailbox").select("id").where("outbox_id", "=", id).execute();
    assert.equal(rows.length, 1);
  });
});

describe("in production", () => {
  it("has no development mailbox", async () => {
    const portal = await createTestPortal({
      env: {
        NODE_ENV: "production",
        TEST_CLOCK: "0",
        DATABASE_URL: "postgres://unused@127.0.0.1:1/unused",
        SMTP_URL: "smtp://127.0.0.1:2525",
        BASE_URL: "https://portal.example.gc.ca",
        PARTNER_ISSUER: "https://broker.example.ca",
        PARTNER_CLIENT_ID: "ttp",
        PARTNER_CLIENT_SECRET: "secret",
        ...Object.fromEntries(["HELP_DESK", "TCCU", "PIP"].flatMap((p) => [[`${p}_PHONE`, "1-888-555-0199"], [`${p}_EMAIL`, "office@portal.example.gc.ca"], [`${p}_HOURS_EN`, "Weekdays"], [`${p}_HOURS_FR`, "En semaine"]])),
      },
    });
    try {
      assert.equal((await portal.app.request("https://portal.example.gc.ca/en/dev/mailbox")).status, 404);
      assert.equal((await portal.app.request("https://portal.example.gc.ca/__test/clock")).status, 404);
    } finally {
      await portal.close();
    }
  });
});
