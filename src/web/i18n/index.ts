import { intlTag, type Locale } from "../../domain/locale.ts";
import { en, type Messages } from "./en.ts";
import { fr } from "./fr.ts";

export type { Messages } from "./en.ts";

const catalogue: Record<Locale, Messages> = { en, fr };

export function messages(locale: Locale): Messages {
  return catalogue[locale];
}

type FormatStyle = "date" | "dateTime" | "time";

const STYLES: Record<FormatStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "long" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  time: { hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short" },
};

// Building an Intl.DateTimeFormat costs tens of microseconds and native memory that the
// garbage collector does not see: each one is built once per locale, style and zone, and kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, style: FormatStyle, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${style}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlTag(locale), { ...STYLES[style], timeZone });
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(locale: Locale, date: Date, timeZone = "America/Toronto"): string {
  return formatter(locale, "date", timeZone).format(date);
}

export function formatDateTime(locale: Locale, date: Date, timeZone = "America/Toronto"): string {
  return formatter(locale, "dateTime", timeZone).format(date);
}

/** A time of day with seconds and zone, for "try again at …" messages. */
export function formatTime(locale: Locale, date: Date, timeZone = "America/Toronto"): string {
  return formatter(locale, "time", timeZone).format(date);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the locale's style (1 234,5 / 1,234.5), with at most `maximumFractionDigits` decimals (3 if not given). */
export function formatNumber(locale: Locale, value: number, maximumFractionDigits?: number): string {
  const key = `${locale}|${maximumFractionDigits ?? ""}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlTag(locale), maximumFractionDigits === undefined ? {} : { maximumFractionDigits });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

/** ISO date (YYYY-MM-DD) for gcds-date-modified and <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
