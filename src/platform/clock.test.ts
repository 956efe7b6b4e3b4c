import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { DAY_MS, PortalClock } from "./clock.ts";
import { createTestPortal, type TestPortal } from "../../test/helpers/app.ts";

describe("the one clock", () => {
  it("moves forward and can be set", () => {
    const clock = new PortalClock();
    const start = clock.now().getTime();
    const later = clock.advance(45 * DAY_MS).getTime();
    assert.ok(later - start >= 45 * DAY_MS && later - start < 45 * DAY_MS + 1000);
    assert.equal(clock.set(new Date("2027-07-01T12:00:00Z")).toISOString().slice(0, 16), "2027-07-01T12:00");
  });
});

describe("POST /__test/clock", () => {
  let portal: TestPortal;
  before(async () => {
    portal = await createTestPortal();
  });
  after(() => portal.close());

  it("sets and advances the portal's clock", async () => {
    const set = await portal.app.request("/__test/clock", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ set: "2027-01-15T10:00:00Z" }),
    });
    assert.equal(set.status, 200);
    const moved = await portal.app.request("/__test/clock", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ advanceDays: 2 }),
    });
    const { now } = (await moved.json()) as { now: string };
    assert.equal(now.slice(0, 13), "2027-01-17T10");
    assert.equal(portal.clock.now().toISOString().slice(0, 13), "2027-01-17T10");
  });

  it("refuses malformed bodies and cross-site calls", async () => {
    const bad = await portal.app.request("/__test/clock", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    assert.equal(bad.status, 400);
    const extra = await portal.app.request("/__test/clock", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ advanceDays: 1, extra: true }),
    });
    assert.equal(extra.status, 400);
    const crossSite = await portal.app.request("/__test/clock", {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      body: JSON.stringify({ advanceDays: 1 }),
    });
    assert.equal(crossSite.status, 403);
  });

  it("does not exist without TEST_CLOCK=1", async () => {
    const plain = await createTestPortal({ env: { TEST_CLOCK: "0" } });
    try {
      const res = await plain.app.request("/__test/clock", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      assert.equal(res.status, 404);
      assert.equal((await plain.app.request("/en/__test/error")).status, 404);
    } finally {
      await plain.close();
    }
  });
});
