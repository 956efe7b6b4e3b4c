// POST /__test/clock — moves the portal's clock. Only when TEST_CLOCK=1, which the
// configuration refuses in production. Body: {"advanceDays": n} or {"set": "ISO instant"}.
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../web/context.ts";
import type { PortalClock } from "../platform/clock.ts";
import { DAY_MS } from "../platform/clock.ts";

const body = z.union([
  z.object({ advanceDays: z.number().finite() }).strict(),
  z.object({ advanceMs: z.number().finite() }).strict(),
  z.object({ set: z.iso.datetime({ offset: true }) }).strict(),
]);

export function testClockRoutes(clock: PortalClock): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/__test/clock", (c) => c.json({ now: clock.now().toISOString() }));
  app.post("/__test/clock", async (c) => {
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return c.json({ error: "body must be JSON" }, 400);
    }
    const parsed = body.safeParse(json);
    if (!parsed.success) return c.json({ error: 'expected {"advanceDays": n}, {"advanceMs": n} or {"set": iso}' }, 400);
    const v = parsed.data;
    const now =
      "set" in v ? clock.set(new Date(v.set)) : "advanceDays" in v ? clock.advance(v.advanceDays * DAY_MS) : clock.advance(v.advanceMs);
    return c.json({ now: now.toISOString() });
  });
  return app;
}
