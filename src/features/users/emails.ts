// The messages a company's users receive (USR-3, USR-4, deactivation), each rendered in the
// recipient's language.
import type { MailTemplate } from "../../platform/mail/outbox.ts";
import { messages } from "../../web/i18n/index.ts";
import type { Locale } from "../../domain/locale.ts";
import type { CompanyRole } from "../../domain/permissions.ts";

function withSignature(locale: Locale, paragraphs: string[]): string[] {
  const t = messages(locale).emails;
  return [...paragraphs, t.noReply, t.signature];
}

function roleName(locale: Locale, role: CompanyRole): string {
  return messages(locale).users.roles[role];
}

const u = (locale: Locale) => messages(locale).users.emails;

export const userAddedEmail: MailTemplate<{ name: string; company: string; role: CompanyRole; by: string }> = {
  name: "users.added",
  render: (locale, p) => ({ subject: u(locale).addedSubject, paragraphs: withSignature(locale, u(locale).addedBody(p.name, p.company, roleName(locale, p.role), p.by)) }),
};

export const roleChangedEmail: MailTemplate<{ name: string; company: string; role: CompanyRole }> = {
  name: "users.role-changed",
  render: (locale, p) => ({ subject: u(locale).roleChangedSubject, paragraphs: withSignature(locale, u(locale).roleChangedBody(p.name, p.company, roleName(locale, p.role))) }),
};

export const deactivatedEmail: MailTemplate<{ name: string; company: string }> = {
  name: "users.deactivated",
  render: (locale, p) => ({ subject: u(locale).deactivatedSubject, paragraphs: withSignature(locale, u(locale).deactivatedBody(p.name, p.company)) }),
};

export const reactivatedEmail: MailTemplate<{ name: string; company: string }> = {
  name: "users.reactivated",
  render: (locale, p) => ({ subject: u(locale).reactivatedSubject, paragraphs: withSignature(locale, u(locale).reactivatedBody(p.name, p.company)) }),
};

export const ownershipReceivedEmail: MailTemplate<{ name: string; company: string; from: string }> = {
  name: "users.ownership-received",
  render: (locale, p) => ({ subject: u(locale).ownershipReceivedSubject, paragraphs: withSignature(locale, u(locale).ownershipReceivedBody(p.name, p.company, p.from)) }),
};

export const ownershipHandedOverEmail: MailTemplate<{ name: string; company: string; to: string; outgoing: Exclude<CompanyRole, "owner"> | "leave" }> = {
  name: "users.ownership-handed-over",
  render: (locale, p) => ({
    subject: u(locale).ownershipHandedOverSubject,
    paragraphs: withSignature(
      locale,
      u(locale).ownershipHandedOverBody(p.name, p.company, p.to, p.outgoing === "leave" ? u(locale).left : u(locale).newRole(roleName(locale, p.outgoing))),
    ),
  }),
};

export const ownerExpiredEmail: MailTemplate<{ name: string; company: string }> = {
  name: "users.owner-urn-expired",
  render: (locale, p) => ({ subject: u(locale).ownerExpiredSubject, paragraphs: withSignature(locale, u(locale).ownerExpiredBody(p.name, p.company)) }),
};
