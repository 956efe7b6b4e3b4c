import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Hono } from "hono";
import type { AppEnv } from "./context.ts";
import { clientAddress } from "./request-meta.ts";

async function addressOf(hops: number, headers: Record<string, string>, remoteAddress: string): Promise<string> {
  const app = new Hono<AppEnv>();
  app.get("/", (c) => c.text(clientAddress(c, hops)));
  const res = await app.request("/", { headers }, { incoming: { socket: { remoteAddress } } });
  return res.text();
}

describe("the client's address", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For claims", async () => {
    assert.equal(await addressOf(0, { "x-forwarded-for": "6.6.6.6" }, "198.51.100.7"), "198.51.100.7");
  });

  it("behind trusted proxies, is the entry the outermost one added; forged entries to its left are ignored", async () => {
    assert.equal(await addressOf(1, { "x-forwarded-for": "6.6.6.6, 203.0.113.9" }, "10.0.0.2"), "203.0.113.9");
    assert.equal(await addressOf(2, { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.3" }, "10.0.0.2"), "203.0.113.9");
    assert.equal(await addressOf(1, {}, "10.0.0.2"), "10.0.0.2", "no header: the socket");
  });

  it("counts IPv6 clients by their /64 and unwraps IPv4-mapped addresses", async () => {
    assert.equal(await addressOf(0, {}, "2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
    assert.equal(await addressOf(0, {}, "::ffff:198.51.100.7"), "198.51.100.7");
  });
});
