import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  ACTIVATION_CODE_ALPHABET,
  ACTIVATION_CODE_VALIDITY_DAYS,
  activationCodeExpiry,
  formatActivationCode,
  generateActivationCode,
  isActivationCodeExpired,
  normalizeActivationCode,
} from "./activation-code.ts";

const codeArb = fc
  .array(fc.constantFrom(...ACTIVATION_CODE_ALPHABET), { minLength: 12, maxLength: 12 })
  .map((chars) => chars.join(""));

describe("ACTIVATION_CODE_ALPHABET", () => {
  it("is the 30 unambiguous characters, each once", () => {
    assert.equal(ACTIVATION_CODE_ALPHABET, "23456789ABCDEFGHJKMNPQRSTVWXYZ");
    assert.equal(ACTIVATION_CODE_ALPHABET.length, 30);
    assert.equal(new Set(ACTIVATION_CODE_ALPHABET).size, 30);
    for (const ch of "01OILU") assert.ok(!ACTIVATION_CODE_ALPHABET.includes(ch), ch);
  });
});

describe("generateActivationCode", () => {
  it("asks for randomInt(alphabet length) for each of the 12 characters and maps values in order", () => {
    const calls: number[] = [];
    let i = 0;
    const code = generateActivationCode((max) => {
      calls.push(max);
      return (i++ * 5) % max;
    });
    assert.deepEqual(calls, Array<number>(12).fill(ACTIVATION_CODE_ALPHABET.length));
    const expected = Array.from({ length: 12 }, (_, k) => ACTIVATION_CODE_ALPHABET[(k * 5) % 30]).join("");
    assert.equal(code, expected);
    assert.equal(generateActivationCode(() => 0), "222222222222");
    assert.equal(generateActivationCode((max) => max - 1), "ZZZZZZZZZZZZ");
  });

  it("produces canonical codes that normalize to themselves", () => {
    for (let k = 0; k < 1000; k++) {
      const code = generateActivationCode(randomInt);
      assert.match(code, /^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{12}$/);
      assert.equal(normalizeActivationCode(code), code);
    }
  });

  it("is unbiased: a uniform randomInt gives every character with the same frequency", () => {
    // Cycling through 0…29 is a perfectly uniform source: every character must come out
    // exactly equally often (no modulo reduction or rejection skews it).
    let counter = 0;
    const counts = new Map<string, number>();
    for (let k = 0; k < 30 * 10; k++) {
      for (const ch of generateActivationCode((max) => counter++ % max)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    assert.equal(counts.size, 30);
    for (const [ch, n] of counts) assert.equal(n, 120, ch);
  });

  it("refuses a randomInt that returns out of range", () => {
    for (const bad of [-1, 30, 2.5, Number.NaN]) {
      assert.throws(() => generateActivationCode(() => bad), RangeError, String(bad));
    }
  });
});

describe("formatActivationCode", () => {
  it('shows "ABCD-EFGH-JKMN"', () => {
    assert.equal(formatActivationCode("ABCDEFGHJKMN"), "ABCD-EFGH-JKMN");
  });

  it("refuses anything not canonical", () => {
    for (const bad of ["", "ABCDEFGHJKM", "ABCDEFGHJKMNP", "abcdefghjkmn", "ABCD-EFGH-JKMN", "ABCDEFGHJKM0", "ABCDEFGHJKMU"]) {
      assert.throws(() => formatActivationCode(bad), RangeError, bad);
    }
  });

  it("round-trips with normalizeActivationCode (property)", () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        const shown = formatActivationCode(code);
        assert.match(shown, /^.{4}-.{4}-.{4}$/);
        assert.equal(normalizeActivationCode(shown), code);
        assert.equal(normalizeActivationCode(shown.toLowerCase()), code);
        assert.equal(normalizeActivationCode(shown.replaceAll("-", " ")), code);
      }),
    );
  });
});

describe("normalizeActivationCode", () => {
  it("strips spaces and hyphens and upper-cases", () => {
    for (const typed of [
      "ABCDEFGHJKMN",
      "abcdefghjkmn",
      "AbCd-eFgH-jKmN",
      " abcd efgh jkmn ",
      "ab-cd-ef-gh-jk-mn",
      "ABCD\tEFGH\u00a0JKMN",
      "ABCD – EFGH — JKMN",
    ]) {
      assert.equal(normalizeActivationCode(typed), "ABCDEFGHJKMN", JSON.stringify(typed));
    }
  });

  it("refuses the wrong length", () => {
    for (const bad of ["", "ABCDEFGHJKM", "ABCDEFGHJKMNP", "ABCD-EFGH", "A".repeat(100)]) {
      assert.equal(normalizeActivationCode(bad), null, bad);
    }
  });

  it("refuses characters outside the alphabet, ambiguous ones included", () => {
    for (const ch of ["0", "1", "O", "o", "I", "i", "L", "l", "U", "u", "_", ".", "é", "Ａ"]) {
      const typed = `ABCDEFGHJKM${ch}`;
      assert.equal(normalizeActivationCode(typed), null, typed);
    }
    assert.equal(normalizeActivationCode("ABCDEFGHJKß"), null); // "ß" upper-cases to "SS"
    assert.equal(normalizeActivationCode(undefined as unknown as string), null);
  });
});

describe("activation code expiry", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const issued = new Date("2026-03-01T14:30:00.000Z");

  it("lasts 45 days", () => {
    assert.equal(ACTIVATION_CODE_VALIDITY_DAYS, 45);
  });

  it("expires exactly 45 × 24 hours after issue, whatever the daylight saving changes", () => {
    // 8 March 2026 is a DST change in Canada; the validity is counted in hours, not days.
    assert.equal(activationCodeExpiry(issued).toISOString(), "2026-04-15T14:30:00.000Z");
    assert.equal(activationCodeExpiry(issued).getTime() - issued.getTime(), 45 * DAY);
  });

  it("is valid one millisecond before the 45 days and expired at exactly 45 days", () => {
    const expiry = issued.getTime() + 45 * DAY;
    assert.equal(isActivationCodeExpired(issued, new Date(expiry - 1)), false);
    assert.equal(isActivationCodeExpired(issued, new Date(expiry)), true);
    assert.equal(isActivationCodeExpired(issued, new Date(expiry + 1)), true);
    assert.equal(isActivationCodeExpired(issued, issued), false);
    assert.equal(isActivationCodeExpired(issued, new Date(issued.getTime() + 44 * DAY)), false);
  });

  it("does not change the Date it is given", () => {
    const copy = new Date(issued.getTime());
    activationCodeExpiry(copy);
    assert.equal(copy.getTime(), issued.getTime());
  });

  it("refuses invalid dates", () => {
    const invalid = new Date(Number.NaN);
    assert.throws(() => activationCodeExpiry(invalid), RangeError);
    assert.throws(() => isActivationCodeExpired(invalid, issued), RangeError);
    assert.throws(() => isActivationCodeExpired(issued, invalid), RangeError);
  });
});
