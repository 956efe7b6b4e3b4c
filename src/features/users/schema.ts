// Form parsing for a company's users: the identification of a person (USR-3, USR-4), the role
// to give, a membership's contact details and the outgoing owner's choice.
import type { FieldErrors, FormBody } from "../../web/forms.tsx";
import { messages } from "../../web/i18n/index.ts";
import { checkEmail, checkPhone, textField } from "../../web/validation.ts";
import { isCompanyRole, type CompanyRole } from "../../domain/permissions.ts";
import type { Locale } from "../../domain/locale.ts";
import { OUTGOING_CHOICES, type MembershipContact, type OutgoingChoice, type PersonIdentification } from "./service.ts";

export type Values = Record<string, string>;
type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; values: Values };

const FIELD_MAX = 100;

function identification(locale: Locale, body: FormBody, errors: FieldErrors): { id: PersonIdentification; values: Values } {
  const f = messages(locale).forms;
  const values = { familyName: textField(body, "familyName").slice(0, FIELD_MAX), urn: textField(body, "urn").slice(0, 40), email: textField(body, "email").slice(0, 254) };
  if (!values.familyName) errors.familyName = f.required;
  if (!values.urn) errors.urn = f.required;
  if (!values.email) errors.email = f.required;
  return { id: values, values };
}

export function parseAddUser(locale: Locale, body: FormBody, allowed: readonly CompanyRole[]): Parsed<{ id: PersonIdentification; role: CompanyRole }> {
  const errors: FieldErrors = {};
  const { id, values } = identification(locale, body, errors);
  const role = textField(body, "role");
  values.role = role;
  if (!isCompanyRole(role) || !allowed.includes(role)) errors.role = messages(locale).forms.chooseOne;
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, value: { id, role: role as CompanyRole } };
}

export function parseTransfer(locale: Locale, body: FormBody): Parsed<{ id: PersonIdentification; outgoing: OutgoingChoice }> {
  const errors: FieldErrors = {};
  const { id, values } = identification(locale, body, errors);
  const outgoing = textField(body, "outgoing");
  values.outgoing = outgoing;
  if (!(OUTGOING_CHOICES as readonly string[]).includes(outgoing)) errors.outgoing = messages(locale).forms.chooseOne;
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, value: { id, outgoing: outgoing as OutgoingChoice } };
}

export function parseRole(locale: Locale, body: FormBody, allowed: readonly CompanyRole[]): Parsed<CompanyRole> {
  const role = textField(body, "role");
  if (!isCompanyRole(role) || !allowed.includes(role)) return { ok: false, errors: { role: messages(locale).forms.chooseOne }, values: { role } };
  return { ok: true, value: role };
}

export function parseMembershipContact(locale: Locale, body: FormBody): Parsed<MembershipContact> {
  const t = messages(locale).companies;
  const values = { jobTitle: textField(body, "jobTitle"), phone: textField(body, "phone"), email: textField(body, "email").toLowerCase() };
  const errors: FieldErrors = {};
  if (values.jobTitle.length > FIELD_MAX) errors.jobTitle = t.tooLong(FIELD_MAX);
  if (values.phone) {
    const problem = checkPhone(locale, values.phone);
    if (problem) errors.phone = problem;
  }
  if (values.email) {
    const problem = checkEmail(locale, values.email);
    if (problem) errors.email = problem;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, value: values };
}
