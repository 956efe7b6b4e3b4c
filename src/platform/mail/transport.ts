// Where mail goes: GC Notify (NOTIFY_API_KEY, notify.ts), an SMTP server (SMTP_URL) or,
// outside production, the development mailbox table that the /dev/mailbox page shows.
import nodemailer from "nodemailer";
import type { Config } from "../../config.ts";
import type { Db } from "../db/index.ts";
import type { Clock } from "../clock.ts";
import { notifyTransport } from "./notify.ts";
import { cachedCheck, type MailTransport } from "./delivery.ts";

export type { MailTransport, OutgoingMail } from "./delivery.ts";


/** The transport the settings choose: GC Notify when NOTIFY_API_KEY is set, else SMTP_URL, else the development mailbox. */
export function mailTransportFor(config: Pick<Config, "mail" | "baseUrl">, db: Db, clock: Clock): MailTransport {
  if (config.mail.notify) return notifyTransport(config.mail.notify);
  if (config.mail.smtpUrl) return smtpTransport(config.mail.smtpUrl, new URL(config.baseUrl).hostname);
  return devMailboxTransport(db, clock);
}

/** SMTP through nodemailer. The Message-ID is derived from the outbox row, so a message
 * sent twice after a crash carries the same id and receivers can drop the copy. */
export function smtpTransport(smtpUrl: string, messageIdDomain: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: "smtp",
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<outbox-${mail.outboxId}@${messageIdDomain}>`,
        headers: { "Content-Language": mail.locale === "en" ? "en-CA" : "fr-CA" },
      });
    },
    // Connects (and authenticates) to the server; /readyz asks every few seconds, so kept a while.
    check: cachedCheck(async () => {
      await transporter.verify();
    }),
    close: () => transporter.close(),
  };
}


/** Development mailbox: one row per outbox message, never two (the unique outbox_id). */
export function devMailboxTransport(db: Db, clock: Clock): MailTransport {
  return {
    kind: "dev-mailbox",
    async send(mail) {
      await db
        .insertInto("dev_mailbox")
        .values({
          outbox_id: mail.outboxId,
          to_address: mail.to,
          from_address: mail.from,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html,
          received_at: clock.now(),
        })
        .onConflict((oc) => oc.column("outbox_id").doNothing())
        .execute();
    },
  };
}
