import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseTrackingNumber, s10CheckDigit } from "./registered-mail.ts";

describe("registered-mail item numbers (S10)", () => {
  it("computes the check digit, including the 10 → 0 and 11 → 5 cases", () => {
    assert.equal(s10CheckDigit("47312482"), 9); // the UPU standard's example, RA473124829GB
    assert.equal(s10CheckDigit("12345678"), 5);
    assert.equal(s10CheckDigit("00000008"), 0, "weighted sum 56 leaves 1: 11 - 1 = 10 → 0");
    assert.equal(s10CheckDigit("00000000"), 5, "weighted sum 0: 11 → 5");
  });

  it("accepts well-formed numbers in any case and spacing, and refuses the rest", () => {
    assert.equal(parseTrackingNumber("rn 123 456 785 ca"), "RN123456785CA");
    assert.equal(parseTrackingNumber("RA473124829GB"), "RA473124829GB");
    assert.equal(parseTrackingNumber("RN123456784CA"), null, "wrong check digit");
    assert.equal(parseTrackingNumber("RN123456795CA"), null, "a changed serial digit");
    assert.equal(parseTrackingNumber("RN12345678CA"), null, "too short");
    assert.equal(parseTrackingNumber("1N123456785CA"), null, "letters where letters belong");
    assert.equal(parseTrackingNumber(""), null);
  });
});
