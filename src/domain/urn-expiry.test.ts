import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { addMonths, inactiveSince, isUrnExpired, reminderDue, urnExpiresAt } from "./urn-expiry.ts";

const at = (iso: string) => new Date(iso);
const DAY = 24 * 60 * 60 * 1000;

describe("URN expiry (EXP-1)", () => {
  it("adds calendar months, clamping to the month's last day", () => {
    assert.equal(addMonths(at("2026-01-31T10:00:00Z"), 1).toISOString(), "2026-02-28T10:00:00.000Z");
    assert.equal(addMonths(at("2028-02-29T00:00:00Z"), 24).toISOString(), "2030-02-28T00:00:00.000Z");
    assert.equal(addMonths(at("2026-11-26T15:00:00Z"), 24).toISOString(), "2028-11-26T15:00:00.000Z");
    assert.equal(addMonths(at("2026-03-31T00:00:00Z"), 21).toISOString(), "2027-12-31T00:00:00.000Z");
  });

  it("counts inactivity from the later of the last sign-in and the URN's issue", () => {
    assert.equal(inactiveSince({ lastSignInAt: null, urnIssuedAt: at("2026-01-01T00:00:00Z") }).toISOString(), "2026-01-01T00:00:00.000Z");
    assert.equal(inactiveSince({ lastSignInAt: at("2026-06-01T00:00:00Z"), urnIssuedAt: at("2026-01-01T00:00:00Z") }).toISOString(), "2026-06-01T00:00:00.000Z");
    assert.equal(inactiveSince({ lastSignInAt: at("2025-06-01T00:00:00Z"), urnIssuedAt: at("2026-01-01T00:00:00Z") }).toISOString(), "2026-01-01T00:00:00.000Z", "a new URN restarts the period");
  });

  it("is valid at two years less a day, or less a millisecond, and expired at two years", () => {
    const since = at("2026-11-26T15:00:00Z");
    const expiry = urnExpiresAt(since);
    assert.equal(expiry.toISOString(), "2028-11-26T15:00:00.000Z");
    assert.equal(isUrnExpired(since, new Date(expiry.getTime() - DAY)), false);
    assert.equal(isUrnExpired(since, new Date(expiry.getTime() - 1)), false);
    assert.equal(isUrnExpired(since, expiry), true);
    assert.equal(isUrnExpired(since, new Date(expiry.getTime() + 365 * DAY)), true);
  });
});

describe("reminders (EXP-4)", () => {
  const since = at("2026-01-15T12:00:00Z");
  it("is due at 12, 21 and 23 months, the latest threshold reached, and none after expiry", () => {
    assert.equal(reminderDue(since, at("2027-01-15T11:59:59Z")), null);
    assert.equal(reminderDue(since, at("2027-01-15T12:00:00Z")), "12-months");
    assert.equal(reminderDue(since, at("2027-10-15T11:00:00Z")), "12-months");
    assert.equal(reminderDue(since, at("2027-10-15T12:00:00Z")), "21-months");
    assert.equal(reminderDue(since, at("2027-12-15T12:00:00Z")), "23-months");
    assert.equal(reminderDue(since, at("2028-01-15T11:59:59Z")), "23-months");
    assert.equal(reminderDue(since, at("2028-01-15T12:00:00Z")), null);
  });
});
