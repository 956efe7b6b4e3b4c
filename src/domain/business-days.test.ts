import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  MAX_YEAR,
  MIN_YEAR,
  addBusinessDays,
  addCalendarDays,
  federalHolidays,
  isBusinessDay,
} from "./business-days.ts";

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), independent of date-holidays. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** 0 = Sunday … 6 = Saturday, computed on UTC. */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function holiday(year: number, en: string) {
  const found = federalHolidays(year).find((h) => h.name.en === en);
  assert.ok(found, `${en} ${year}`);
  return found;
}

/** The business days strictly after `from` up to and including `to`, by isBusinessDay. */
function businessDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (isBusinessDay(d)) count++;
  }
  return count;
}

describe("federalHolidays", () => {
  it("lists the twelve holidays of 2027 with their names in both languages", () => {
    assert.deepEqual(federalHolidays(2027), [
      { date: "2027-01-01", observed: "2027-01-01", name: { en: "New Year's Day", fr: "Jour de l'An" } },
      { date: "2027-03-26", observed: "2027-03-26", name: { en: "Good Friday", fr: "Vendredi saint" } },
      { date: "2027-03-29", observed: "2027-03-29", name: { en: "Easter Monday", fr: "Lundi de Pâques" } },
      { date: "2027-05-24", observed: "2027-05-24", name: { en: "Victoria Day", fr: "Fête de Victoria" } },
      { date: "2027-07-01", observed: "2027-07-01", name: { en: "Canada Day", fr: "Fête du Canada" } },
      { date: "2027-08-02", observed: "2027-08-02", name: { en: "Civic Holiday", fr: "Congé civique" } },
      { date: "2027-09-06", observed: "2027-09-06", name: { en: "Labour Day", fr: "Fête du Travail" } },
      {
        date: "2027-09-30",
        observed: "2027-09-30",
        name: {
          en: "National Day for Truth and Reconciliation",
          fr: "Journée nationale de la vérité et de la réconciliation",
        },
      },
      { date: "2027-10-11", observed: "2027-10-11", name: { en: "Thanksgiving", fr: "Action de grâce" } },
      { date: "2027-11-11", observed: "2027-11-11", name: { en: "Remembrance Day", fr: "Jour du Souvenir" } },
      // 25 December 2027 is a Saturday: Christmas → Monday 27, Boxing Day (Sunday) → Tuesday 28.
      { date: "2027-12-25", observed: "2027-12-27", name: { en: "Christmas Day", fr: "Jour de Noël" } },
      { date: "2027-12-26", observed: "2027-12-28", name: { en: "Boxing Day", fr: "Lendemain de Noël" } },
    ]);
  });

  it("moves every weekend holiday of 2028 to the next Monday", () => {
    const moved = federalHolidays(2028)
      .filter((h) => h.date !== h.observed)
      .map((h) => [h.name.en, h.date, h.observed]);
    assert.deepEqual(moved, [
      ["New Year's Day", "2028-01-01", "2028-01-03"],
      ["Canada Day", "2028-07-01", "2028-07-03"],
      ["National Day for Truth and Reconciliation", "2028-09-30", "2028-10-02"],
      ["Remembrance Day", "2028-11-11", "2028-11-13"],
    ]);
  });

  it("observes Christmas on a Sunday on Tuesday 27, Boxing Day keeping Monday 26 (2022)", () => {
    assert.deepEqual(holiday(2022, "Christmas Day"), {
      date: "2022-12-25",
      observed: "2022-12-27",
      name: { en: "Christmas Day", fr: "Jour de Noël" },
    });
    assert.equal(holiday(2022, "Boxing Day").observed, "2022-12-26");
  });

  it("observes Boxing Day on a Saturday on Monday 28 (2026)", () => {
    assert.equal(holiday(2026, "Christmas Day").observed, "2026-12-25");
    assert.equal(holiday(2026, "Boxing Day").observed, "2026-12-28");
  });

  it("observes the National Day for Truth and Reconciliation only since 2021", () => {
    assert.equal(federalHolidays(2020).length, 11);
    assert.equal(
      federalHolidays(2020).some((h) => h.date === "2020-09-30"),
      false,
    );
    assert.equal(federalHolidays(2021).length, 12);
    assert.equal(holiday(2029, "National Day for Truth and Reconciliation").observed, "2029-10-01");
  });

  it("puts Victoria Day on the Monday before 25 May, a week earlier when the 25th is a Monday", () => {
    assert.equal(holiday(2026, "Victoria Day").date, "2026-05-18"); // 25 May 2026 is a Monday
    assert.equal(holiday(2027, "Victoria Day").date, "2027-05-24"); // 25 May 2027 is a Tuesday
    assert.equal(holiday(2025, "Victoria Day").date, "2025-05-19"); // 25 May 2025 is a Sunday
    assert.equal(holiday(2024, "Victoria Day").date, "2024-05-20"); // 25 May 2024 is a Saturday
  });

  it("computes the Monday holidays of 2026", () => {
    assert.equal(holiday(2026, "Civic Holiday").date, "2026-08-03");
    assert.equal(holiday(2026, "Labour Day").date, "2026-09-07");
    assert.equal(holiday(2026, "Thanksgiving").date, "2026-10-12");
  });

  it(`holds its invariants in every year ${MIN_YEAR}–${MAX_YEAR}`, () => {
    for (let year = MIN_YEAR; year <= MAX_YEAR; year++) {
      const list = federalHolidays(year);
      assert.equal(list.length, year >= 2021 ? 12 : 11, `count ${year}`);
      const observed = new Set<string>();
      for (const h of list) {
        assert.equal(h.date.slice(0, 4), String(year));
        assert.equal(h.observed.slice(0, 4), String(year));
        const dow = weekday(h.observed);
        assert.ok(dow >= 1 && dow <= 5, `${h.name.en} ${year} observed on a weekend`);
        assert.equal(h.observed === h.date, weekday(h.date) !== 0 && weekday(h.date) !== 6);
        assert.ok(h.observed >= h.date && addCalendarDays(h.date, 3) >= h.observed);
        assert.ok(!observed.has(h.observed), `${h.observed} observed twice`);
        observed.add(h.observed);
        assert.equal(isBusinessDay(h.observed), false);
      }
      const easter = easterSunday(year);
      assert.equal(holiday(year, "Good Friday").date, addCalendarDays(easter, -2), `Good Friday ${year}`);
      assert.equal(holiday(year, "Easter Monday").date, addCalendarDays(easter, 1), `Easter Monday ${year}`);
      const dates = list.map((h) => h.date);
      assert.deepEqual(dates, [...dates].sort(), `order ${year}`);
    }
  });

  it("returns copies that callers cannot use to change the calendar", () => {
    const first = federalHolidays(2027);
    const christmas = first.find((h) => h.name.en === "Christmas Day");
    assert.ok(christmas);
    christmas.observed = "2027-12-29";
    christmas.name.en = "changed";
    first.pop();
    assert.equal(federalHolidays(2027).length, 12);
    assert.equal(holiday(2027, "Christmas Day").observed, "2027-12-27");
    assert.equal(isBusinessDay("2027-12-29"), true);
  });

  it("refuses years outside the supported range or not whole", () => {
    for (const year of [MIN_YEAR - 1, MAX_YEAR + 1, 2026.5, Number.NaN]) {
      assert.throws(() => federalHolidays(year), RangeError, String(year));
    }
  });
});

describe("isBusinessDay", () => {
  it("is false on Saturdays and Sundays and true on ordinary weekdays", () => {
    assert.equal(isBusinessDay("2026-06-13"), false); // Saturday
    assert.equal(isBusinessDay("2026-06-14"), false); // Sunday
    for (const d of ["2026-06-15", "2026-06-16", "2026-06-17", "2026-06-18", "2026-06-19"]) {
      assert.equal(isBusinessDay(d), true, d);
    }
  });

  it("knows Christmas and New Year 2026–27 (Christmas on a Friday)", () => {
    const expected: Record<string, boolean> = {
      "2026-12-24": true, // Thursday
      "2026-12-25": false, // Friday, Christmas Day
      "2026-12-26": false, // Saturday, Boxing Day
      "2026-12-27": false, // Sunday
      "2026-12-28": false, // Monday, Boxing Day observed
      "2026-12-29": true,
      "2026-12-31": true,
      "2027-01-01": false, // Friday, New Year's Day
      "2027-01-04": true,
    };
    for (const [d, value] of Object.entries(expected)) assert.equal(isBusinessDay(d), value, d);
  });

  it("knows Christmas and New Year 2027–28 (Christmas and New Year's Day on a Saturday)", () => {
    const expected: Record<string, boolean> = {
      "2027-12-24": true, // Friday
      "2027-12-25": false, // Saturday, Christmas Day
      "2027-12-26": false, // Sunday, Boxing Day
      "2027-12-27": false, // Monday, Christmas observed
      "2027-12-28": false, // Tuesday, Boxing Day observed
      "2027-12-29": true,
      "2027-12-31": true, // Friday: New Year's Day is not moved back
      "2028-01-01": false, // Saturday, New Year's Day
      "2028-01-03": false, // Monday, New Year's Day observed
      "2028-01-04": true,
    };
    for (const [d, value] of Object.entries(expected)) assert.equal(isBusinessDay(d), value, d);
  });

  it("knows New Year's Day on a Sunday (2023 → Monday 2 January)", () => {
    assert.equal(isBusinessDay("2022-12-30"), true);
    assert.equal(isBusinessDay("2023-01-02"), false);
    assert.equal(isBusinessDay("2023-01-03"), true);
  });

  it("knows Canada Day on a Thursday (2027) and on a Saturday (2028)", () => {
    assert.equal(isBusinessDay("2027-07-01"), false);
    assert.equal(isBusinessDay("2027-07-02"), true);
    assert.equal(isBusinessDay("2028-06-30"), true);
    assert.equal(isBusinessDay("2028-07-03"), false);
    assert.equal(isBusinessDay("2028-07-04"), true);
  });

  it("knows 30 September on a weekday (2026) and on a weekend (2028)", () => {
    assert.equal(isBusinessDay("2026-09-30"), false); // Wednesday
    assert.equal(isBusinessDay("2026-10-01"), true);
    assert.equal(isBusinessDay("2028-09-29"), true); // Friday
    assert.equal(isBusinessDay("2028-10-02"), false); // Monday, observed
    assert.equal(isBusinessDay("2028-10-03"), true);
    assert.equal(isBusinessDay("2020-09-30"), true); // before 2021
  });

  it("knows Remembrance Day and Thanksgiving", () => {
    assert.equal(isBusinessDay("2026-11-11"), false); // Wednesday
    assert.equal(isBusinessDay("2028-11-13"), false); // 11 November 2028 is a Saturday
    assert.equal(isBusinessDay("2026-10-12"), false); // second Monday of October
    assert.equal(isBusinessDay("2026-10-05"), true); // first Monday of October
  });

  it("throws a RangeError for invalid date strings", () => {
    for (const bad of [
      "",
      "2026-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "2026-1-05",
      "20260105",
      "2026/01/05",
      "2026-01-05T00:00:00Z",
      " 2026-01-05",
      "2026-01-05 ",
      "1899-12-31",
      "3000-01-01",
      "+02026-01-05",
      "２０２６-01-05",
    ]) {
      assert.throws(() => isBusinessDay(bad), RangeError, JSON.stringify(bad));
      assert.throws(() => addBusinessDays(bad, 1), RangeError, JSON.stringify(bad));
      assert.throws(() => addCalendarDays(bad, 1), RangeError, JSON.stringify(bad));
    }
    assert.throws(() => isBusinessDay(undefined as unknown as string), RangeError);
    assert.equal(isBusinessDay("2028-02-29"), true); // a leap day is a date
  });
});

describe("addBusinessDays", () => {
  it("counts 15 business days across Christmas and New Year 2026–27", () => {
    // From Friday 18 December 2026: 21, 22, 23, 24 Dec (4); 25 Christmas, 26–27 weekend,
    // 28 Boxing Day observed; 29, 30, 31 (7); 1 Jan New Year's Day; 4–8 Jan (12);
    // 11, 12, 13 Jan (15).
    assert.equal(addBusinessDays("2026-12-18", 15), "2027-01-13");
  });

  it("counts across Christmas and New Year 2027–28", () => {
    // From Friday 24 December 2027: 25–28 closed (weekend, Christmas and Boxing Day
    // observed); 29, 30, 31 (3); 1–2 Jan weekend, 3 Jan New Year's observed; 4, 5 (5).
    assert.equal(addBusinessDays("2027-12-24", 5), "2028-01-05");
    // … then 6, 7 (7); 10–14 (12); 17, 18, 19 (15).
    assert.equal(addBusinessDays("2027-12-24", 15), "2028-01-19");
    assert.equal(addBusinessDays("2027-12-24", 1), "2027-12-29");
    assert.equal(addBusinessDays("2027-12-23", 1), "2027-12-24");
  });

  it("counts across Canada Day 2027 (Thursday) and 2028 (Saturday, observed Monday 3 July)", () => {
    assert.equal(addBusinessDays("2027-06-30", 1), "2027-07-02");
    // 30 Jun (1), 2 Jul (2), 5 Jul (3).
    assert.equal(addBusinessDays("2027-06-29", 3), "2027-07-05");
    assert.equal(addBusinessDays("2028-06-30", 1), "2028-07-04");
    // From Thursday 29 June 2028: 30 Jun (1), 4 Jul (2), 5 Jul (3).
    assert.equal(addBusinessDays("2028-06-29", 3), "2028-07-05");
  });

  it("counts across the Easter 2027 long weekend (Good Friday 26 March, Easter Monday 29 March)", () => {
    assert.equal(addBusinessDays("2027-03-25", 1), "2027-03-30");
    // 25 Mar (1), 30 Mar (2), 31 Mar (3).
    assert.equal(addBusinessDays("2027-03-24", 3), "2027-03-31");
  });

  it("counts across Victoria Day long weekends", () => {
    assert.equal(addBusinessDays("2026-05-15", 1), "2026-05-19"); // Victoria Day 18 May 2026
    assert.equal(addBusinessDays("2027-05-21", 1), "2027-05-25"); // Victoria Day 24 May 2027
    // From Wednesday 20 May 2026: 21, 22 (2); 25, 26 (4). Victoria Day is already past.
    assert.equal(addBusinessDays("2026-05-20", 4), "2026-05-26");
  });

  it("counts across 30 September on a weekday and on a weekend", () => {
    // 2026: 29 Sep (1), 30 Sep closed, 1 Oct (2).
    assert.equal(addBusinessDays("2026-09-28", 2), "2026-10-01");
    // 2028: Friday 29 Sep; 30 Sep–1 Oct weekend; 2 Oct observed; 3 Oct (1).
    assert.equal(addBusinessDays("2028-09-29", 1), "2028-10-03");
  });

  it("does not count a start that is itself a holiday or a weekend day", () => {
    assert.equal(addBusinessDays("2027-12-25", 1), "2027-12-29");
    assert.equal(addBusinessDays("2027-12-27", 1), "2027-12-29");
    assert.equal(addBusinessDays("2026-06-13", 1), "2026-06-15"); // Saturday → Monday
  });

  it("returns the start for n = 0 and counts back for n < 0", () => {
    assert.equal(addBusinessDays("2027-12-25", 0), "2027-12-25");
    assert.equal(addBusinessDays("2027-12-29", -1), "2027-12-24");
    assert.equal(addBusinessDays("2027-01-13", -15), "2026-12-18");
  });

  it("crosses many years", () => {
    // 2027 has 261 weekdays, 12 holidays, none observed twice: 249 business days.
    assert.equal(businessDaysBetween("2026-12-31", "2027-12-31"), 249);
    assert.equal(addBusinessDays("2026-12-31", 249), "2027-12-31");
  });

  it("refuses a non-integer n", () => {
    for (const n of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      assert.throws(() => addBusinessDays("2026-01-05", n), RangeError, String(n));
    }
  });

  it("throws rather than leave the supported years", () => {
    assert.throws(() => addBusinessDays(`${MAX_YEAR}-12-30`, 5), RangeError);
    assert.throws(() => addBusinessDays(`${MIN_YEAR}-01-02`, -5), RangeError);
  });

  const dateArb = fc
    .integer({ min: 0, max: 365 * 30 })
    .map((offset) => addCalendarDays("2015-01-01", offset));

  it("lands on a business day with exactly n business days in between (property)", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const end = addBusinessDays(start, n);
        assert.equal(isBusinessDay(end), true);
        assert.equal(businessDaysBetween(start, end), n);
      }),
    );
  });

  it("composes and inverts (property)", () => {
    fc.assert(
      fc.property(dateArb, fc.nat(40), fc.nat(40), (start, a, b) => {
        assert.equal(addBusinessDays(addBusinessDays(start, a), b), addBusinessDays(start, a + b));
        if (isBusinessDay(start)) assert.equal(addBusinessDays(addBusinessDays(start, a), -a), start);
      }),
    );
  });
});

describe("addCalendarDays", () => {
  it("adds and subtracts days across months, years and leap days", () => {
    assert.equal(addCalendarDays("2026-12-31", 1), "2027-01-01");
    assert.equal(addCalendarDays("2028-02-28", 1), "2028-02-29");
    assert.equal(addCalendarDays("2027-02-28", 1), "2027-03-01");
    assert.equal(addCalendarDays("2026-03-08", 1), "2026-03-09"); // a DST change in Canada
    assert.equal(addCalendarDays("2026-11-01", 1), "2026-11-02");
    assert.equal(addCalendarDays("2027-01-01", -1), "2026-12-31");
    assert.equal(addCalendarDays("2026-01-01", 365), "2027-01-01");
    assert.equal(addCalendarDays("2028-01-01", 366), "2029-01-01");
    assert.equal(addCalendarDays("2026-05-05", 0), "2026-05-05");
  });

  it("refuses a non-integer n and results outside the supported years", () => {
    assert.throws(() => addCalendarDays("2026-01-01", 0.5), RangeError);
    assert.throws(() => addCalendarDays(`${MAX_YEAR}-12-31`, 1), RangeError);
    assert.throws(() => addCalendarDays(`${MIN_YEAR}-01-01`, -1), RangeError);
  });
});
