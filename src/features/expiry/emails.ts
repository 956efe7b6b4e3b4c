// The messages of URN expiry (EXP-2, EXP-4), each rendered in the recipient's language.
import type { MailTemplate } from "../../platform/mail/outbox.ts";
import { formatDate, messages } from "../../web/i18n/index.ts";
import type { Locale } from "../../domain/locale.ts";
import type { ReminderKind } from "../../domain/urn-expiry.ts";

function withSignature(locale: Locale, paragraphs: string[]): string[] {
  const t = messages(locale).emails;
  return [...paragraphs, t.noReply, t.signature];
}

const e = (locale: Locale) => messages(locale).expiry.emails;
const MONTHS: Record<ReminderKind, number> = { "12-months": 12, "21-months": 21, "23-months": 23 };

export const urnReminderEmail: MailTemplate<{ name: string; kind: ReminderKind; expiresOn: string; ownerOf: string[] }> = {
  name: "expiry.reminder",
  render: (locale, p) => {
    const companies = new Intl.ListFormat(locale === "fr" ? "fr-CA" : "en-CA", { type: "conjunction" }).format(p.ownerOf);
    const body = e(locale).reminderBody(p.name, MONTHS[p.kind], formatDate(locale, new Date(p.expiresOn)));
    return {
      subject: e(locale).reminderSubject[p.kind],
      paragraphs: withSignature(locale, p.ownerOf.length > 0 ? [...body, e(locale).ownerWarning(companies)] : body),
    };
  },
};

export const newUrnEmail: MailTemplate<{ name: string; urn: string }> = {
  name: "expiry.new-urn",
  render: (locale, p) => ({ subject: e(locale).newUrnSubject, paragraphs: withSignature(locale, e(locale).newUrnBody(p.name, p.urn)) }),
};
