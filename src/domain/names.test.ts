import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { emailsMatch, foldName, namesMatch } from "./names.ts";

describe("names", () => {
  it("ignores case, accents and spacing", () => {
    assert.equal(foldName("  Lévesque-ROY  "), "levesque-roy");
    assert.ok(namesMatch("levesque-roy", "Lévesque-Roy"));
    assert.ok(namesMatch("Ç O T É", "ç o t é"));
    assert.ok(namesMatch("Van  der\u00a0Berg", "van der berg"));
    assert.ok(namesMatch("Ø'Brien", "Ø'Brien"), "letters without a decomposition stay themselves");
  });

  it("keeps letters and their order significant", () => {
    assert.ok(!namesMatch("Levesque", "Levesques"));
    assert.ok(!namesMatch("Roy-Levesque", "Levesque-Roy"));
    assert.ok(!namesMatch("vanderberg", "van der berg"), "a space is part of the name");
    assert.ok(!namesMatch("", ""), "an empty name matches nothing");
    assert.ok(!namesMatch("   ", " "));
  });

  it("compares emails without case or surrounding spaces", () => {
    assert.ok(emailsMatch(" A.Tremblay@Example.ca ", "a.tremblay@example.ca"));
    assert.ok(!emailsMatch("a.tremblay@example.com", "a.tremblay@example.ca"));
    assert.ok(!emailsMatch("", ""));
  });
});
