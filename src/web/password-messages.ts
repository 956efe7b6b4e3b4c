// The page's words for the password rules of ID-2 that a password broke, shared by every
// form that sets a password (GCKey, staff).
import { FORBIDDEN_PASSWORD_CHARACTERS, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordRule } from "../domain/password-policy.ts";
import type { Locale } from "../domain/locale.ts";
import { messages } from "./i18n/index.ts";

/**
 * The letters among the characters GCKey refuses (ID-2): ß ð þ ø and the capitals Ð Þ Ø. Someone
 * told "accented letters are allowed" would not guess these are refused, so the hint names them
 * apart from the symbols. (ª, º and µ, letters to Unicode, read as symbols and are listed there.)
 */
export const REFUSED_LOWER_LETTERS = ["\u00DF", "\u00F0", "\u00FE", "\u00F8"] as const; // ß ð þ ø
export const REFUSED_CAPITAL_LETTERS = ["\u00D0", "\u00DE", "\u00D8"] as const; // Ð Þ Ø
const REFUSED_LETTERS = new Set<string>([...REFUSED_LOWER_LETTERS, ...REFUSED_CAPITAL_LETTERS]);
/** The other refused characters, in the order of FORBIDDEN_PASSWORD_CHARACTERS. */
export const REFUSED_SYMBOLS = [...FORBIDDEN_PASSWORD_CHARACTERS].filter((ch) => !REFUSED_LETTERS.has(ch));

/**
 * The password field's hint, every rule in plain words: it is the field's description
 * (gcds-input ties its hint to the input with aria-describedby), so a screen reader reads the
 * rules with the field (WCAG 1.3.1, 3.3.2).
 */
export function passwordHint(locale: Locale): string {
  const m = messages(locale).identity;
  return m.passwordHint(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, REFUSED_LOWER_LETTERS.join(", "), REFUSED_CAPITAL_LETTERS.join(", "), REFUSED_SYMBOLS.join(" "));
}

/** The page's message for each password rule that failed, as one sentence per rule. */
export function passwordMessage(locale: Locale, failures: PasswordRule[], forbidden: string[]): string {
  const m = messages(locale).identity;
  return failures
    .map((rule) => {
      switch (rule) {
        case "tooShort":
          return m.passwordTooShort(PASSWORD_MIN_LENGTH);
        case "tooLong":
          return m.passwordTooLong(PASSWORD_MAX_LENGTH);
        case "forbiddenCharacters":
          return m.passwordForbidden(forbidden.join(" "));
        case "containsUsername":
          return m.passwordContainsUsername;
        case "common":
          return m.passwordCommon;
      }
    })
    .join(" ");
}
