// The one clock. Every time rule of the portal reads "now" from here, so that
// tests (and TEST_CLOCK=1 runs) can move time for the whole process at once.

export interface Clock {
  now(): Date;
}

/** Wall-clock time, with an offset that only the test clock endpoint moves. */
export class PortalClock implements Clock {
  #offsetMs = 0;
  /** When frozen (tests only), the instant that "now" stays at until moved. */
  #frozenAt: number | null = null;

  now(): Date {
    return new Date(this.#frozenAt ?? Date.now() + this.#offsetMs);
  }

  /** Moves the clock forward (or back, with a negative number) by `ms`. */
  advance(ms: number): Date {
    if (this.#frozenAt !== null) this.#frozenAt += ms;
    else this.#offsetMs += ms;
    return this.now();
  }

  /** Makes "now" the given instant; time keeps running from there (unless frozen). */
  set(instant: Date): Date {
    if (this.#frozenAt !== null) this.#frozenAt = instant.getTime();
    else this.#offsetMs = instant.getTime() - Date.now();
    return this.now();
  }

  /**
   * Stops time where it is, so that a test of delays measured in seconds does not depend on
   * how fast a busy machine answers; only advance() and set() move it until unfreeze().
   */
  freeze(): Date {
    this.#frozenAt ??= Date.now() + this.#offsetMs;
    return this.now();
  }

  /** Lets time run again from the frozen instant. */
  unfreeze(): Date {
    if (this.#frozenAt !== null) this.#offsetMs = this.#frozenAt - Date.now();
    this.#frozenAt = null;
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
