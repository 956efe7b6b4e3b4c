import { intlTag, type Locale } from "../../domain/locale.ts";
import { en, type Messages } from "./en.ts";
import { fr } from "./fr.ts";

export type { Messages } from "./en.ts";

const catalogue: Record<Locale, Messages> = { en, fr };

export function messages(locale: Locale): Messages {
  return catalogue[locale];
}

type FormatStyle = "date" | "dateTime" | "time";

// One style per language for dates and one for date-times, sharing the same long date (issue 15):
// "March 1, 2027" and "March 1, 2027 at 10:00 a.m."; "1 mars 2027" and "1 mars 2027 à 10 h 00".
const STYLES: Record<FormatStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "long" },
  dateTime: { dateStyle: "long", timeStyle: "short" },
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
  return remembered(`d|${locale}|${timeZone}|${date.getTime()}`, () => formatter(locale, "date", timeZone).format(date));
}

// Formatting a date is slow (ICU), and a page shows the same few instants at each request (its
// notifications, due dates, the last sign-in): the texts are kept, a bounded number of them.
const MAX_DATE_TEXTS = 10_000;
const dateTexts = new Map<string, string>();

function remembered(key: string, text: () => string): string {
  const known = dateTexts.get(key);
  if (known !== undefined) return known;
  const made = text();
  if (dateTexts.size >= MAX_DATE_TEXTS) dateTexts.clear();
  dateTexts.set(key, made);
  return made;
}

/** A space, or the narrow no-break space some locales put before "a.m.". */
const SPACES = /[ \u202f]/g;

/**
 * A date and time of day. The time ("10:00 a.m.", "14 h 18") is written with no-break spaces, so
 * it is never broken over two lines, wherever the text goes (a page, an attribute, an email).
 */
export function formatDateTime(locale: Locale, date: Date, timeZone = "America/Toronto"): string {
  return remembered(`t|${locale}|${timeZone}|${date.getTime()}`, () => dateTimeText(locale, date, timeZone));
}

function dateTimeText(locale: Locale, date: Date, timeZone: string): string {
  let out = "";
  let inTime = false;
  for (const part of formatter(locale, "dateTime", timeZone).formatToParts(date)) {
    if (part.type === "hour") inTime = true;
    out += inTime ? part.value.replace(SPACES, "\u00a0") : part.value;
  }
  return out;
}

/** A time of day with seconds and zone, for "try again at …" messages; it never breaks either. */
export function formatTime(locale: Locale, date: Date, timeZone = "America/Toronto"): string {
  return formatter(locale, "time", timeZone).format(date).replace(SPACES, "\u00a0");
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

/** ISO date (YYYY-MM-DD) for the date modified and <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
