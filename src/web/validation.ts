// Reading and checking form text, shared by every feature's schema: cleaned text (NFC, no
// control characters, single spaces), the control characters the form reader refuses, and
// the checks several forms share (email, phone).
import { z } from "zod";
import { messages } from "./i18n/index.ts";
import type { Locale } from "../domain/locale.ts";

/** A form's fields as read from the request: a value, a file, or several of them under one name. */
export type FormBody = Record<string, string | File | (string | File)[]>;

const emailSchema = z.email();

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_LINE_BREAKS_AND_TABS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Whether text holds a control character its field does not accept: NUL and every other C0
 * control, and DEL; a multi-line field also takes tab, line feed and carriage return. The form
 * reader refuses a form with any (SEC-6): nothing is silently dropped from what is saved.
 */
export function hasForbiddenControls(value: string, multiline = false): boolean {
  return (multiline ? CONTROLS_BUT_LINE_BREAKS_AND_TABS : CONTROLS).test(value);
}

/**
 * One line of text as it is stored: NFC, single spaces, trimmed. A form never gets here with a
 * control character (readForm refuses the form); text from elsewhere (a query string) loses them.
 */
export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, "").trim().replace(/\s+/g, " ");
}

/**
 * A username as typed, only trimmed: never NFC, which turns the Kelvin sign (U+212A) into an
 * ASCII K, so that checkUsername sees what was typed and refuses it, and a sign-in with it
 * matches nobody (ID-2: usernames are ASCII letters and digits).
 */
export function usernameText(value: string): string {
  return value.trim();
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
