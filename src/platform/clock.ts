// The one clock. Every time rule of the portal reads "now" from here, so that
// tests (and TEST_CLOCK=1 runs) can move time for the whole process at once.

export interface Clock {
  now(): Date;
}

/** Wall-clock time, with an offset that only the test clock endpoint moves. */
export class PortalClock implements Clock {
  #offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  /** Moves the clock forward (or back, with a negative number) by `ms`. */
  advance(ms: number): Date {
    this.#offsetMs += ms;
    return this.now();
  }

  /** Makes "now" the given instant; time keeps running from there. */
  set(instant: Date): Date {
    this.#offsetMs = instant.getTime() - Date.now();
    return this.now();
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date (YYYY-MM-DD) of an instant in the federal government's zone. */
export function calendarDate(instant: Date, timeZone = "America/Toronto"): string {
  let f = calendarFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    calendarFormats.set(timeZone, f);
  }
  return f.format(instant);
}

/** One formatter per zone: building one per call costs time and native memory. */
const calendarFormats = new Map<string, Intl.DateTimeFormat>();
