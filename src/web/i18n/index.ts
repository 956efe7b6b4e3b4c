import { intlTag, type Locale } from "../../domain/locale.ts";
import { en, type Messages } from "./en.ts";
import { fr } from "./fr.ts";

export type { Messages } from "./en.ts";

const catalogue: Record<Locale, Messages> = { en, fr };

export function messages(locale: Locale): Messages {
  return catalogue[locale];
}

export function formatDate(locale: Locale, date: Date, timeZone = "America/Toronto"): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "long", timeZone }).format(date);
}

export function formatDateTime(locale: Locale, date: Date, timeZone = "America/Toronto"): string {
  return new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** A time of day with seconds and zone, for "try again at …" messages. */
export function formatTime(locale: Locale, date: Date, timeZone = "America/Toronto"): string {
  return new Intl.DateTimeFormat(intlTag(locale), { hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short", timeZone }).format(date);
}

/** ISO date (YYYY-MM-DD) for gcds-date-modified and <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
