// HTTP routes of the review feature (filled in by the feature).
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../web/context.ts";

export function reviewRoutes(_deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
