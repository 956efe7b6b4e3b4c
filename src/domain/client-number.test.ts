import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  clientNumberCheckDigit,
  formatClientNumber,
  generateClientNumber,
  parseClientNumber,
} from "./client-number.ts";

/** Damm's table as published (Wikipedia, "Damm algorithm"), copied independently of the module. */
const TABLE = [
  "0317598642",
  "7092154863",
  "4206871359",
  "1750983426",
  "6123045978",
  "3674209581",
  "5869720134",
  "8945362017",
  "9438617205",
  "2581436790",
];

function damm(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = Number(TABLE[interim]?.[Number(ch)]);
  return interim;
}

const bodyArb = fc.stringMatching(/^[1-9]\d{8}$/);
const numberArb = bodyArb.map((body) => body + clientNumberCheckDigit(body));

/** A seeded PRNG (mulberry32), so the sampled numbers are the same on every run. */
function prng(seed: number): (max: number) => number {
  let a = seed >>> 0;
  return (max) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

function substitutions(canonical: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < canonical.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (canonical[i] !== String(d)) out.push(canonical.slice(0, i) + String(d) + canonical.slice(i + 1));
    }
  }
  return out;
}

function adjacentTranspositions(canonical: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < canonical.length; i++) {
    const a = canonical[i];
    const b = canonical[i + 1];
    if (a !== undefined && b !== undefined && a !== b) {
      out.push(canonical.slice(0, i) + b + a + canonical.slice(i + 2));
    }
  }
  return out;
}

describe("the Damm check digit", () => {
  it("matches the published example (572 → 4) in the reference", () => {
    assert.equal(damm("572"), 4);
    assert.equal(damm("5724"), 0);
  });

  it("agrees with the reference implementation (property)", () => {
    fc.assert(
      fc.property(bodyArb, (body) => {
        assert.equal(clientNumberCheckDigit(body), String(damm(body)));
      }),
    );
  });

  it("gives known check digits", () => {
    assert.equal(clientNumberCheckDigit("100000572"), String(damm("100000572")));
    assert.equal(clientNumberCheckDigit("123456789"), String(damm("123456789")));
    assert.equal(clientNumberCheckDigit("123456789"), "4");
    assert.equal(clientNumberCheckDigit("999999999"), String(damm("999999999")));
  });

  it("refuses a body that is not 9 digits with a non-zero first digit", () => {
    for (const bad of ["", "12345678", "1234567890", "012345678", "12345678A", "123 45678", "１２３４５６７８９"]) {
      assert.throws(() => clientNumberCheckDigit(bad), RangeError, bad);
    }
  });
});

describe("generateClientNumber", () => {
  it("draws 1 + randomInt(9) for the first digit and randomInt(10) for the other eight", () => {
    const calls: number[] = [];
    const number = generateClientNumber((max) => {
      calls.push(max);
      return 0;
    });
    assert.deepEqual(calls, [9, 10, 10, 10, 10, 10, 10, 10, 10]);
    assert.equal(number, "100000000" + String(damm("100000000")));
    assert.equal(generateClientNumber((max) => max - 1), "999999999" + String(damm("999999999")));
  });

  it("produces valid canonical numbers", () => {
    const next = prng(7);
    for (let i = 0; i < 2000; i++) {
      const number = generateClientNumber(next);
      assert.match(number, /^[1-9]\d{9}$/);
      assert.equal(damm(number), 0);
      assert.equal(parseClientNumber(number), number);
    }
    assert.match(generateClientNumber(randomInt), /^[1-9]\d{9}$/);
  });

  it("uses every first digit 1–9 and every digit elsewhere", () => {
    const next = prng(11);
    const seen = Array.from({ length: 10 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      const number = generateClientNumber(next);
      for (let p = 0; p < 10; p++) seen[p]?.add(number[p] ?? "");
    }
    assert.deepEqual([...(seen[0] ?? [])].sort(), ["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    for (let p = 1; p < 10; p++) assert.equal(seen[p]?.size, 10, `position ${p}`);
  });

  it("refuses a randomInt that returns out of range", () => {
    for (const bad of [-1, 9, 1.5, Number.NaN]) {
      assert.throws(() => generateClientNumber(() => bad), RangeError, String(bad));
    }
    assert.throws(() => generateClientNumber((max) => max), RangeError);
  });
});

describe("parseClientNumber", () => {
  it("detects every single substitution and adjacent transposition (property)", () => {
    fc.assert(
      fc.property(numberArb, (number) => {
        assert.equal(parseClientNumber(number), number);
        for (const wrong of substitutions(number)) assert.equal(parseClientNumber(wrong), null, wrong);
        for (const wrong of adjacentTranspositions(number)) assert.equal(parseClientNumber(wrong), null, wrong);
      }),
      { numRuns: 500 },
    );
  });

  it("detects them exhaustively for seeded samples, the check digit included", () => {
    const next = prng(2026);
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const number = generateClientNumber(next);
      for (const wrong of [...substitutions(number), ...adjacentTranspositions(number)]) {
        assert.equal(parseClientNumber(wrong), null, wrong);
        checked++;
      }
    }
    assert.ok(checked > 300 * 90);
  });

  it("accepts spaces and hyphens anywhere", () => {
    const number = "123456789" + clientNumberCheckDigit("123456789");
    for (const typed of [
      number,
      "123 456 789 4",
      "123-456-789-4",
      " 1234 5678 94 ",
      "123\t456\u00a0789 – 4",
    ]) {
      assert.equal(parseClientNumber(typed), number, typed);
    }
  });

  it("refuses other characters, wrong lengths and a leading 0", () => {
    const body = "012345678";
    for (const bad of [
      "",
      "123456789",
      "12345678944",
      "123.456.789.4",
      "123456789A",
      "１２３４５６７８９４",
      body + String(damm(body)), // valid Damm, but a client number never starts with 0
      "1".repeat(100),
    ]) {
      assert.equal(parseClientNumber(bad), null, JSON.stringify(bad));
    }
    assert.equal(parseClientNumber(undefined as unknown as string), null);
  });
});

describe("formatClientNumber", () => {
  it('shows "123 456 789 4"', () => {
    assert.equal(formatClientNumber("1234567894"), "123 456 789 4");
  });

  it("round-trips with parseClientNumber (property)", () => {
    fc.assert(
      fc.property(numberArb, (number) => {
        const shown = formatClientNumber(number);
        assert.match(shown, /^\d{3} \d{3} \d{3} \d$/);
        assert.equal(parseClientNumber(shown), number);
      }),
    );
  });

  it("refuses anything not canonical", () => {
    for (const bad of ["", "123456789", "0123456789", "123 456 789 4", "12345678944"]) {
      assert.throws(() => formatClientNumber(bad), RangeError, bad);
    }
  });
});
