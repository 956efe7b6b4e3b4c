// The staff pages' messages in the page's language (web/i18n, under `staff`).
import type { Locale } from "../../domain/locale.ts";
import { messages } from "../../web/i18n/index.ts";
import type { StaffMessages } from "../../web/i18n/staff.en.ts";

export function staffMessages(locale: Locale): StaffMessages {
  return messages(locale).staff;
}
