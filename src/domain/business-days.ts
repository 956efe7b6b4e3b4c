// Business days (REG-4): the federal government's working days. A day is a business day
// unless it is a Saturday, a Sunday, or the day a federal holiday is observed:
//
//   New Year's Day, Good Friday, Easter Monday, Victoria Day, Canada Day, Civic Holiday,
//   Labour Day, National Day for Truth and Reconciliation (since 2021), Thanksgiving,
//   Remembrance Day, Christmas Day, Boxing Day.
//
// A holiday that falls on a Saturday or Sunday is observed on the next working day(s):
// New Year's Day on a Sunday → Monday 2 January; Christmas Day on a Saturday → Monday 27 and
// Boxing Day (Sunday) → Tuesday 28; Christmas Day on a Sunday → Tuesday 27, since Monday 26
// is Boxing Day itself.
//
// The dates come from `date-holidays`, given our own rules in its rule language (its
// built-in CA set lacks several of these holidays and observes none on a weekday). A rule
// "12-25 and if saturday then next monday if sunday then next tuesday" yields the holiday
// itself and, when it falls on a weekend, a second entry flagged `substitute` (because the
// rule is set with `substitute: true`) on the day it is observed. Every year's result is
// checked — one actual date per holiday, an observed day exactly when the actual date is on
// a weekend, every observed day a distinct weekday — and cached.
//
// Calendar dates are "YYYY-MM-DD" strings (the federal government's calendar, no time zone
// anywhere); arithmetic is done on day numbers (days since 1970-01-01), never on local time.

import Holidays from "date-holidays";

export interface HolidayName {
  en: string;
  fr: string;
}

export interface FederalHoliday {
  /** The holiday's own date, "YYYY-MM-DD" (may be a Saturday or Sunday). */
  date: string;
  /** The weekday on which it is observed (the same as `date` unless that is a weekend). */
  observed: string;
  name: HolidayName;
}

/** The holidays, each as a rule in date-holidays' rule language. */
const FEDERAL_HOLIDAY_RULES: readonly { rule: string; since?: number; name: HolidayName }[] = [
  {
    rule: "01-01 and if saturday,sunday then next monday",
    name: { en: "New Year's Day", fr: "Jour de l'An" },
  },
  { rule: "easter -2", name: { en: "Good Friday", fr: "Vendredi saint" } },
  { rule: "easter 1", name: { en: "Easter Monday", fr: "Lundi de Pâques" } },
  // The Monday before 25 May (18–24 May).
  { rule: "monday before 05-25", name: { en: "Victoria Day", fr: "Fête de Victoria" } },
  {
    rule: "07-01 and if saturday,sunday then next monday",
    name: { en: "Canada Day", fr: "Fête du Canada" },
  },
  { rule: "1st monday in August", name: { en: "Civic Holiday", fr: "Congé civique" } },
  { rule: "1st monday in September", name: { en: "Labour Day", fr: "Fête du Travail" } },
  {
    // "since 2021" is given as an active range: inside the rule ("09-30 since 2021 and if …")
    // date-holidays drops the holiday itself when it falls on a weekend.
    rule: "09-30 and if saturday,sunday then next monday",
    since: 2021,
    name: {
      en: "National Day for Truth and Reconciliation",
      fr: "Journée nationale de la vérité et de la réconciliation",
    },
  },
  { rule: "2nd monday in October", name: { en: "Thanksgiving", fr: "Action de grâce" } },
  {
    rule: "11-11 and if saturday,sunday then next monday",
    name: { en: "Remembrance Day", fr: "Jour du Souvenir" },
  },
  {
    // On a Sunday the next working day is Tuesday 27: Monday 26 is Boxing Day.
    rule: "12-25 and if saturday then next monday if sunday then next tuesday",
    name: { en: "Christmas Day", fr: "Jour de Noël" },
  },
  {
    // On a Saturday (Christmas on Friday) → Monday 28; on a Sunday (Christmas on Saturday,
    // observed Monday 27) → Tuesday 28.
    rule: "12-26 and if saturday then next monday if sunday then next tuesday",
    name: { en: "Boxing Day", fr: "Lendemain de Noël" },
  },
];

/** The years this module computes holidays for. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" → days since 1970-01-01. Throws a RangeError for anything else. */
function toDayNumber(date: string): number {
  const match = typeof date === "string" ? ISO_DATE.exec(date) : null;
  if (match === null) throw new RangeError(`not a date in YYYY-MM-DD form: ${JSON.stringify(date)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`date outside ${MIN_YEAR}–${MAX_YEAR}: ${JSON.stringify(date)}`);
  }
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${JSON.stringify(date)}`);
  }
  return ms / MS_PER_DAY;
}

/** Days since 1970-01-01 → "YYYY-MM-DD". Throws a RangeError outside the supported years. */
function fromDayNumber(dayNumber: number): string {
  const iso = new Date(dayNumber * MS_PER_DAY).toISOString();
  const year = Number(iso.slice(0, 4));
  if (!/^\d{4}-/.test(iso) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`date outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return iso.slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year outside ${MIN_YEAR}–${MAX_YEAR}: ${year}`);
  }
}

function checkInteger(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer number of days: ${n}`);
}

let calendar: Holidays | undefined;

function holidayCalendar(): Holidays {
  if (calendar) return calendar;
  const hd = new Holidays({ languages: ["en", "fr"], timezone: "UTC" });
  for (const { rule, since, name } of FEDERAL_HOLIDAY_RULES) {
    const ok = hd.setHoliday(rule, {
      name: { ...name },
      type: "public",
      substitute: true,
      ...(since === undefined ? {} : { active: [{ from: `${since}-01-01` }] }),
    });
    if (!ok) throw new Error(`date-holidays refused the rule ${JSON.stringify(rule)}`);
  }
  calendar = hd;
  return hd;
}

interface YearCalendar {
  holidays: readonly FederalHoliday[];
  /** Every weekday that is not a business day because a holiday is observed on it. */
  closed: ReadonlySet<string>;
}

const yearCache = new Map<number, YearCalendar>();

function computeYear(year: number): YearCalendar {
  const entries = holidayCalendar().getHolidays(year);
  const holidays: FederalHoliday[] = [];
  for (const { rule, since, name } of FEDERAL_HOLIDAY_RULES) {
    const mine = entries.filter((entry) => entry.rule === rule);
    const actual = mine.filter((entry) => entry.substitute !== true);
    const substitutes = mine.filter((entry) => entry.substitute === true);
    if (since !== undefined && year < since) {
      if (mine.length > 0) throw new Error(`${name.en} before ${since} in ${year}`);
      continue;
    }
    const [own, extra] = actual;
    if (own === undefined || extra !== undefined || substitutes.length > 1) {
      throw new Error(`unexpected dates for ${name.en} in ${year}`);
    }
    const date = own.date.slice(0, 10);
    const dateNumber = toDayNumber(date);
    const substitute = substitutes[0]?.date.slice(0, 10);
    if (isWeekend(dateNumber) !== (substitute !== undefined)) {
      throw new Error(`${name.en} ${date}: observed day missing or unexpected`);
    }
    holidays.push({ date, observed: substitute ?? date, name: { ...name } });
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const closed = new Set<string>();
  for (const { observed, name } of holidays) {
    const day = toDayNumber(observed);
    if (isWeekend(day) || observed.slice(0, 4) !== String(year) || closed.has(observed)) {
      throw new Error(`${name.en} observed on ${observed}: not a distinct weekday of ${year}`);
    }
    closed.add(observed);
  }
  for (const holiday of holidays) Object.freeze(Object.freeze(holiday).name);
  return { holidays: Object.freeze(holidays), closed };
}

function yearCalendar(year: number): YearCalendar {
  let cached = yearCache.get(year);
  if (!cached) {
    cached = computeYear(year);
    yearCache.set(year, cached);
  }
  return cached;
}

/**
 * The federal holidays of a year, in date order: each one's own date, the weekday it is
 * observed on and its names. Throws a RangeError for a year outside MIN_YEAR–MAX_YEAR.
 */
export function federalHolidays(year: number): FederalHoliday[] {
  checkYear(year);
  return yearCalendar(year).holidays.map((h) => ({ ...h, name: { ...h.name } }));
}

function isBusinessDayNumber(dayNumber: number, date: string): boolean {
  if (isWeekend(dayNumber)) return false;
  return !yearCalendar(Number(date.slice(0, 4))).closed.has(date);
}

/** Whether a "YYYY-MM-DD" date is a federal business day. Throws a RangeError for a bad date. */
export function isBusinessDay(date: string): boolean {
  return isBusinessDayNumber(toDayNumber(date), date);
}

/** The date n calendar days after (n < 0: before) a "YYYY-MM-DD" date. */
export function addCalendarDays(date: string, n: number): string {
  checkInteger(n);
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * The date that is n business days after `start` (start itself not counted, whatever it
 * is): with n = 15, the 15th business day after it. n = 0 gives `start`; n < 0 counts back.
 * Throws a RangeError for a bad date or a non-integer n.
 */
export function addBusinessDays(start: string, n: number): string {
  checkInteger(n);
  let day = toDayNumber(start);
  let remaining = Math.abs(n);
  const step = n < 0 ? -1 : 1;
  while (remaining > 0) {
    day += step;
    if (isBusinessDayNumber(day, fromDayNumber(day))) remaining--;
  }
  return fromDayNumber(day);
}
