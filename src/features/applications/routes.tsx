// HTTP routes of the applications feature (filled in by the feature).
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../web/context.ts";

export function applicationsRoutes(_deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
