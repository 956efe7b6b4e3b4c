// GET /metrics: Prometheus's text format (platform/metrics.ts), for the operator's scraper only.
// Reachable from the machine itself (a loopback socket, and no proxy in between: a request a
// reverse proxy on the same machine forwards carries X-Forwarded-For or Forwarded), or from
// anywhere with `Authorization: Bearer <METRICS_TOKEN>`. Anyone else gets a plain 404, as if
// there were nothing here.
import { timingSafeEqual, createHash } from "node:crypto";
import { Hono } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { AppDeps, AppContext, AppEnv } from "./context.ts";
import { metricsText } from "../platform/metrics.ts";
import type { PoolUse } from "../platform/db/index.ts";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function fromLoopback(c: AppContext): boolean {
  if (c.req.header("x-forwarded-for") !== undefined || c.req.header("forwarded") !== undefined) return false;
  try {
    return LOOPBACK.test(getConnInfo(c).remote.address ?? "");
  } catch {
    return false; // app.request() without a socket
  }
}

const digest = (text: string): Buffer => createHash("sha256").update(text).digest();

function hasToken(c: AppContext, token: string | undefined): boolean {
  if (!token) return false;
  const given = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

export function metricsRoutes(deps: Pick<AppDeps, "db" | "clock" | "config"> & { dbPool?: () => PoolUse }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/metrics", async (c) => {
    // Never kept by a cache, whoever asks (the numbers change; a refusal is not a page to keep).
    c.header("cache-control", "no-store");
    if (!fromLoopback(c) && !hasToken(c, deps.config.metricsToken)) return c.text("Not found", 404);
    const { contentType, body } = await metricsText(deps.db, deps.clock.now(), deps.dbPool);
    return c.body(body, 200, { "content-type": contentType });
  });
  return app;
}
