// The page's words for the password rules of ID-2 that a password broke, shared by every
// form that sets a password (GCKey, staff).
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordRule } from "../domain/password-policy.ts";
import type { Locale } from "../domain/locale.ts";
import { messages } from "./i18n/index.ts";

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
