// The messages identity sends, each rendered in the recipient's language.
import type { MailTemplate } from "../../platform/mail/outbox.ts";
import { messages } from "../../web/i18n/index.ts";
import type { Locale } from "../../domain/locale.ts";

function withSignature(locale: Locale, paragraphs: string[]): string[] {
  const t = messages(locale).emails;
  return [...paragraphs, t.noReply, t.signature];
}

export const urnConfirmationEmail: MailTemplate<{ name: string; urn: string }> = {
  name: "identity.urn-confirmation",
  render: (locale, p) => ({ subject: messages(locale).emails.urnSubject, paragraphs: withSignature(locale, messages(locale).emails.urnBody(p.name, p.urn)) }),
};

export const mfaCodeEmail: MailTemplate<{ code: string }> = {
  name: "identity.mfa-code",
  sensitive: true,
  render: (locale, p) => ({ subject: messages(locale).emails.mfaSubject, paragraphs: withSignature(locale, messages(locale).emails.mfaBody(p.code)) }),
};

export const passwordResetEmail: MailTemplate<{ code: string }> = {
  name: "identity.password-reset-code",
  sensitive: true,
  render: (locale, p) => ({ subject: messages(locale).emails.resetSubject, paragraphs: withSignature(locale, messages(locale).emails.resetBody(p.code)) }),
};

export const emailChangeEmail: MailTemplate<{ code: string }> = {
  name: "identity.email-change-code",
  sensitive: true,
  render: (locale, p) => ({ subject: messages(locale).emails.emailChangeSubject, paragraphs: withSignature(locale, messages(locale).emails.emailChangeBody(p.code)) }),
};

export const passwordChangedEmail: MailTemplate<Record<string, never>> = {
  name: "identity.password-changed",
  render: (locale) => ({ subject: messages(locale).emails.passwordChangedSubject, paragraphs: withSignature(locale, messages(locale).emails.passwordChangedBody) }),
};
