// The mail outbox: a message is rendered and queued in the transaction of the change
// that causes it, with a job that delivers it. Delivery is at least once; in the normal
// path exactly once (a sent message is marked so and never sent again). A sent message is
// kept KEEP_SENT_MAIL_MS, then the six-hourly cleanup job deletes it (cleanupMailOutbox).
import { sql } from "kysely";
import type { Db, Tx } from "../db/index.ts";
import { DAY_MS, type Clock } from "../clock.ts";
import type { Logger } from "../log.ts";
import { enqueueJob, type JobHandler } from "../jobs/queue.ts";
import { PermanentMailError, type MailTransport } from "./delivery.ts";
import type { Locale } from "../../domain/locale.ts";

export const MAIL_DELIVERY_JOB = "mail.deliver";
const MAIL_MAX_ATTEMPTS = 12;
/** What remains of a sensitive message's body after delivery. */
export const ERASED = "[erased after delivery]"; // about 11 hours of retries with the queue's backoff
/** How long a delivered message is kept after it was sent (for questions about what was sent, and when). */
export const KEEP_SENT_MAIL_MS = 30 * DAY_MS;

/** What a template produces: a subject and plain paragraphs (escaped for HTML here). */
export interface MailContent {
  subject: string;
  paragraphs: string[];
}

/** A message kind, written once per feature, rendered in the recipient's language. */
export interface MailTemplate<P> {
  readonly name: string;
  /** The message carries a secret (a one-time code): its body is erased once delivered (SEC-4). */
  readonly sensitive?: boolean;
  render(locale: Locale, params: P): MailContent;
}

export interface Recipient {
  address: string;
  locale: Locale;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

export function renderMailBodies(locale: Locale, content: MailContent): { text: string; html: string } {
  const text = content.paragraphs.join("\n\n") + "\n";
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body>` +
    content.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("") +
    `</body></html>`;
  return { text, html };
}

/** Renders `template` in the recipient's language and queues it. Call inside the change's transaction. */
export async function queueMail<P>(trx: Tx, clock: Clock, template: MailTemplate<P>, to: Recipient, params: P): Promise<string> {
  if (!trx.isTransaction) throw new Error("queueMail must be called inside the transaction of the change that causes the message");
  const content = template.render(to.locale, params);
  const { text, html } = renderMailBodies(to.locale, content);
  const row = await trx
    .insertInto("mail_outbox")
    .values({
      template: template.name,
      locale: to.locale,
      to_address: to.address,
      subject: content.subject,
      text_body: text,
      html_body: html,
      status: "queued",
      created_at: clock.now(),
      sensitive: template.sensitive ?? false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await enqueueJob(trx, clock, MAIL_DELIVERY_JOB, { outboxId: row.id }, { maxAttempts: MAIL_MAX_ATTEMPTS });
  return row.id;
}

export function mailDeliveryHandler(deps: { db: Db; clock: Clock; transport: MailTransport; from: string; logger: Logger }): JobHandler {
  const { db, clock, transport, from, logger } = deps;
  return async (job) => {
    const outboxId = String(job.payload.outboxId);
    const message = await db.selectFrom("mail_outbox").selectAll().where("id", "=", outboxId).executeTakeFirst();
    if (!message) throw new Error(`outbox message ${outboxId} not found`);
    if (message.status === "sent") return; // already delivered: never twice in the normal path
    try {
      await transport.send({
        outboxId,
        from,
        to: message.to_address,
        subject: message.subject,
        text: message.text_body,
        html: message.html_body,
        locale: message.locale,
      });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      // A message the transport refuses for good (GC Notify's 400/403) is failed now, with its
      // cause; the runner does not try a PermanentJobError again.
      const final = err instanceof PermanentMailError || job.attempts >= job.maxAttempts;
      await db
        .updateTable("mail_outbox")
        .set((eb) => ({
          attempts: eb("attempts", "+", 1),
          last_error: error,
          status: final ? "failed" : "queued",
        }))
        .where("id", "=", outboxId)
        .execute();
      throw err;
    }
    await db
      .updateTable("mail_outbox")
      .set((eb) => ({
        status: "sent",
        sent_at: clock.now(),
        attempts: eb("attempts", "+", 1),
        last_error: null,
        ...(message.sensitive ? { text_body: ERASED, html_body: ERASED } : {}),
      }))
      .where("id", "=", outboxId)
      .execute();
    logger.info({ outboxId, template: message.template, transport: transport.kind }, "mail delivered");
  };
}

/**
 * Deletes the messages sent more than KEEP_SENT_MAIL_MS ago, with their copies in the
 * development mailbox (which refers to them), and returns how many. Queued and failed messages
 * stay, and so does a sent one whose delivery job is still pending or running (a retry after a
 * crash reads the row to see that it went). Run by the six-hourly cleanup job.
 */
export async function cleanupMailOutbox(deps: { db: Db; clock: Clock }): Promise<number> {
  const sentBefore = new Date(deps.clock.now().getTime() - KEEP_SENT_MAIL_MS);
  return deps.db.transaction().execute(async (trx) => {
    const old = trx
      .selectFrom("mail_outbox")
      .select("mail_outbox.id")
      .where("mail_outbox.status", "=", "sent")
      .where("mail_outbox.sent_at", "<", sentBefore)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("jobs")
              .select("jobs.id")
              .where("jobs.kind", "=", MAIL_DELIVERY_JOB)
              .where("jobs.status", "in", ["pending", "running"])
              .where(sql<string>`jobs.payload->>'outboxId'`, "=", sql<string>`mail_outbox.id::text`),
          ),
        ),
      );
    await trx.deleteFrom("dev_mailbox").where("outbox_id", "in", old).execute();
    const deleted = await trx.deleteFrom("mail_outbox").where("id", "in", old).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  });
}
