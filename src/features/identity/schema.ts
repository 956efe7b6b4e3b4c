// Form parsing for identity pages: each returns the typed value, or messages per field in
// the page's language together with the person's input to show again.
import type { FieldErrors } from "../../web/forms.tsx";
import { field } from "../../web/forms.tsx";
import { messages } from "../../web/i18n/index.ts";
import type { Locale } from "../../domain/locale.ts";
import { passwordMessage } from "../../web/password-messages.ts";
import { checkEmail, cleanText } from "../../web/validation.ts";
import type { GckeySignUpError } from "./gckey.ts";
import type { ProfileInput } from "./service.ts";

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}'’ .-]*$/u;


/** 10 to 15 digits, with spaces, dashes, dots, brackets, a leading + and an "x" extension. */
export function checkPhone(locale: Locale, value: string): string | null {
  const f = messages(locale).forms;
  if (value === "") return f.required;
  const [main = "", ext] = value.toLowerCase().split(/\s*(?:x|ext\.?|poste)\s*/);
  const digits = main.replace(/[\s().+-]/g, "");
  if (!/^\+?[\d\s().-]+$/.test(main) || !/^\d{10,15}$/.test(digits) || (ext !== undefined && !/^\d{1,6}$/.test(ext))) return f.phoneInvalid;
  return null;
}

function checkName(locale: Locale, value: string): string | null {
  const f = messages(locale).forms;
  if (value === "") return f.required;
  if (value.length > 100) return f.tooLong(100);
  if (!NAME.test(value)) return f.nameInvalid;
  return null;
}

export function parseProfile(
  locale: Locale,
  body: Record<string, unknown>,
  withEmail: boolean,
): { ok: true; value: ProfileInput } | { ok: false; errors: FieldErrors; values: Record<string, string> } {
  const values = {
    givenName: cleanText(field(body, "givenName")),
    familyName: cleanText(field(body, "familyName")),
    email: cleanText(field(body, "email")).toLowerCase(),
    phone: cleanText(field(body, "phone")),
    preferredLocale: field(body, "preferredLocale"),
  };
  const errors: FieldErrors = {};
  const given = checkName(locale, values.givenName);
  if (given) errors.givenName = given;
  const family = checkName(locale, values.familyName);
  if (family) errors.familyName = family;
  if (withEmail) {
    const email = checkEmail(locale, values.email);
    if (email) errors.email = email;
  }
  const phone = checkPhone(locale, values.phone);
  if (phone) errors.phone = phone;
  if (values.preferredLocale !== "en" && values.preferredLocale !== "fr") errors.preferredLocale = messages(locale).forms.chooseOne;
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    value: { ...values, preferredLocale: values.preferredLocale as Locale },
  };
}

export function signUpErrors(locale: Locale, errors: GckeySignUpError[]): FieldErrors {
  const m = messages(locale).identity;
  const out: FieldErrors = {};
  for (const e of errors) {
    if (e.field === "username") out.username = e.problem === "taken" ? m.usernameTaken : m.usernameInvalid;
    else if (e.field === "password") out.password = passwordMessage(locale, e.failures, e.forbidden);
    else if (e.field === "confirmPassword") out.confirmPassword = m.passwordMismatch;
    else if (e.field === "recoveryEmail") out.recoveryEmail = messages(locale).forms.emailInvalid;
    else out[e.field] = m.answerRequired;
  }
  return out;
}
