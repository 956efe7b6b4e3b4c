// Reading and checking form text, shared by every feature's schema: cleaned text (NFC, no
// control characters, single spaces) and the checks several forms share (email, phone).
import { z } from "zod";
import { messages } from "./i18n/index.ts";
import type { Locale } from "../domain/locale.ts";
import type { FormBody } from "./forms.tsx";

const emailSchema = z.email();

export function cleanText(value: string): string {
  // Control characters (C0 and DEL) never belong in a form's text.
  // eslint-disable-next-line no-control-regex
  return value.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, "").trim().replace(/\s+/g, " ");
}

/** A field's cleaned text; the first value when repeated; "" when absent or a file. */
export function textField(body: FormBody, name: string): string {
  const v = body[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === "string" ? cleanText(s) : "";
}

/** A problem with an email address in the page's language, or null. */
export function checkEmail(locale: Locale, value: string): string | null {
  const f = messages(locale).forms;
  if (value === "") return f.required;
  if (value.length > 254 || !emailSchema.safeParse(value).success) return f.emailInvalid;
  return null;
}

/** A problem with a telephone number (10 to 15 digits, the usual separators) or null. */
export function checkPhone(locale: Locale, value: string): string | null {
  const digits = value.replace(/\D/g, "");
  if (!/^[0-9+()\-. ]+$/.test(value) || digits.length < 10 || digits.length > 15) return messages(locale).companies.invalidPhone;
  return null;
}
