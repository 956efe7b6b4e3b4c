import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { HeldPages } from "./held-reads.ts";

describe("HeldPages", () => {
  it("gives what it holds at that version only", () => {
    const cache = new HeldPages();
    assert.equal(cache.holds("7"), false);
    cache.hold("7", "12", { name: "A" });
    assert.equal(cache.holds("7"), true);
    assert.deepEqual(cache.get("7", "12"), { name: "A" });
    assert.equal(cache.get("7", "13"), undefined, "another version is not what it holds");
    assert.equal(cache.get("8", "12"), undefined);
    cache.drop("7");
    assert.equal(cache.holds("7"), false);
  });

  it("keeps the newer of two reads, whichever is held last", () => {
    const cache = new HeldPages();
    cache.hold("7", "20", { name: "new" });
    cache.hold("7", "19", { name: "old" });
    assert.deepEqual(cache.get("7", "20"), { name: "new" });
    assert.equal(cache.get("7", "19"), undefined);
    cache.hold("7", "21", { name: "newer" });
    assert.deepEqual(cache.get("7", "21"), { name: "newer" });
  });

  it("freezes what it holds, so that no page can change it for the next", () => {
    const cache = new HeldPages();
    cache.hold("7", "1", { list: [{ id: "1" }] });
    const held = cache.get("7", "1") as { list: { id: string }[] };
    assert.throws(() => {
      held.list[0]!.id = "2";
    }, TypeError);
  });

  it("lets go of the company viewed least recently beyond its limit", () => {
    const cache = new HeldPages(2);
    cache.hold("1", "1", {});
    cache.hold("2", "1", {});
    cache.get("1", "1");
    cache.hold("3", "1", {});
    assert.equal(cache.size, 2);
    assert.equal(cache.holds("2"), false, "the least recently viewed went");
    assert.ok(cache.holds("1") && cache.holds("3"));
  });

  it("keeps no more data than its budget, counted as JSON", () => {
    const cache = new HeldPages(10, 30);
    cache.hold("1", "1", { n: "0123456789" }); // 16 characters
    cache.hold("2", "1", { n: "0123456789" });
    assert.equal(cache.holds("1"), false, "two would be 32: the least recently viewed went");
    assert.equal(cache.holds("2"), true);
    cache.hold("3", "1", { n: "a".repeat(40) });
    assert.equal(cache.holds("3"), false, "more than the whole budget is not held");
    assert.equal(cache.holds("2"), true, "and lets go of nothing");
  });
});
