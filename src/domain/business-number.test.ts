import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { formatBusinessNumber, luhnValid, parseBusinessNumber } from "./business-number.ts";

/**
 * The Luhn check digit for 8 digits, written independently of the module: the weights
 * alternate 2,1,… from the digit next to the check digit; two-digit products add their digits.
 */
function luhnCheckDigit(body8: string): string {
  let sum = 0;
  for (let i = 0; i < body8.length; i++) {
    const weight = (body8.length - i) % 2 === 1 ? 2 : 1;
    const product = Number(body8[i]) * weight;
    sum += Math.floor(product / 10) + (product % 10);
  }
  return String((10 - (sum % 10)) % 10);
}

const VALID = ["123456782", "123026635", "000000000", "100000009", "987654324", "046454286"];

describe("luhnValid", () => {
  it("accepts known valid numbers and refuses known invalid ones", () => {
    assert.equal(luhnValid("79927398713"), true); // the textbook example
    assert.equal(luhnValid("79927398710"), false);
    assert.equal(luhnValid("4539148803436467"), true); // a 16-digit test card number
    assert.equal(luhnValid("123456782"), true);
    assert.equal(luhnValid("123456783"), false); // python-stdnum's invalid example
    assert.equal(luhnValid("0"), true);
    assert.equal(luhnValid("1"), false);
  });

  it("refuses the empty string and anything but ASCII digits", () => {
    for (const bad of ["", "12345678Z", "1234 5678 2", "١٢٣", "-0", "12345678２"]) {
      assert.equal(luhnValid(bad), false, bad);
    }
  });

  it("agrees with the independent check digit (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (body) => {
        const check = luhnCheckDigit(body);
        for (let d = 0; d <= 9; d++) assert.equal(luhnValid(body + String(d)), String(d) === check);
      }),
    );
  });
});

describe("parseBusinessNumber", () => {
  it("accepts valid 9-digit business numbers", () => {
    for (const bn of VALID) {
      assert.equal(luhnCheckDigit(bn.slice(0, 8)), bn[8], `fixture ${bn}`);
      assert.deepEqual(parseBusinessNumber(bn), { bn9: bn, programAccount: null });
    }
  });

  it("refuses a wrong check digit", () => {
    assert.equal(parseBusinessNumber("123456783"), null);
    assert.equal(parseBusinessNumber("123026636"), null);
    assert.equal(parseBusinessNumber("123456783 RM 0001"), null);
  });

  it("refuses every single-digit substitution of a valid business number (exhaustive)", () => {
    for (const bn of VALID) {
      for (let position = 0; position < 9; position++) {
        for (let digit = 0; digit <= 9; digit++) {
          if (bn[position] === String(digit)) continue;
          const changed = bn.slice(0, position) + String(digit) + bn.slice(position + 1);
          assert.equal(parseBusinessNumber(changed), null, changed);
          assert.equal(parseBusinessNumber(`${changed}RM0001`), null, `${changed}RM0001`);
        }
      }
    }
  });

  it("refuses every single-digit substitution of random valid numbers (property)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{8}$/),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, delta) => {
          const bn = body + luhnCheckDigit(body);
          assert.notEqual(parseBusinessNumber(bn), null);
          const digit = (Number(bn[position]) + delta) % 10;
          const changed = bn.slice(0, position) + String(digit) + bn.slice(position + 1);
          assert.equal(parseBusinessNumber(changed), null);
        },
      ),
    );
  });

  it("accepts the program account form and keeps its first 9 digits", () => {
    const expected = { bn9: "123456782", programAccount: "123456782RM0001" };
    for (const typed of [
      "123456782 RM 0001",
      "123456782RM0001",
      "123456782rm0001",
      "123456782 Rm 0001",
      "123-456-782-RM-0001",
      " 123 456 782 RM0001 ",
      "123456782\tRM\u00a00001",
      "123456782 – RM – 0001",
    ]) {
      assert.deepEqual(parseBusinessNumber(typed), expected, typed);
    }
    assert.deepEqual(parseBusinessNumber("123026635 rc 0001"), {
      bn9: "123026635",
      programAccount: "123026635RC0001",
    });
    // Any two letters, as other CRA programs exist (RZ, RR, …).
    assert.deepEqual(parseBusinessNumber("123456782RZ0002")?.programAccount, "123456782RZ0002");
  });

  it("accepts spaces and hyphens anywhere in the 9-digit form", () => {
    for (const typed of ["123 456 782", "123-456-782", "12345 6782", " 123456782 ", "1-2-3-4-5-6-7-8-2"]) {
      assert.deepEqual(parseBusinessNumber(typed), { bn9: "123456782", programAccount: null }, typed);
    }
  });

  it("refuses wrong lengths and characters", () => {
    for (const bad of [
      "",
      "12345678",
      "1234567820",
      "12345678Z",
      "123456782 RM",
      "123456782 RM 001",
      "123456782 RM 00001",
      "123456782 R1 0001",
      "123456782 RMM 0001",
      "123456782 0001 RM",
      "123456782 RM 000A",
      "RM 0001 123456782",
      "123.456.782",
      "123_456_782",
      "１２３４５６７８２", // full-width digits
      "123456782 ﬀ 0001", // a ligature that upper-cases to two letters
      "123456782 ÉÉ 0001",
      "1".repeat(100),
    ]) {
      assert.equal(parseBusinessNumber(bad), null, JSON.stringify(bad));
    }
    assert.equal(parseBusinessNumber(undefined as unknown as string), null);
  });
});

describe("formatBusinessNumber", () => {
  it("groups the 9 digits by three", () => {
    assert.equal(formatBusinessNumber("123456782"), "123 456 782");
    assert.equal(formatBusinessNumber("000000000"), "000 000 000");
  });

  it("round-trips through parseBusinessNumber", () => {
    for (const bn of VALID) assert.equal(parseBusinessNumber(formatBusinessNumber(bn))?.bn9, bn);
  });

  it("refuses anything but 9 digits", () => {
    for (const bad of ["", "12345678", "1234567820", "123 456 782", "12345678Z", "123456782RM0001"]) {
      assert.throws(() => formatBusinessNumber(bad), RangeError, bad);
    }
  });
});
