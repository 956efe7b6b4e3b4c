// The app's routes as tests enumerate them: read from the Hono app itself, so that a route
// added tomorrow is in every test that walks them (authorization, no-store, every page), and a
// route path with its parameters filled for a request.
import assert from "node:assert/strict";
import type { Hono } from "hono";
import type { AppEnv } from "../../src/web/context.ts";

export interface AppRoute {
  method: string;
  /** As registered, e.g. "/:lang{(?:en|fr)}/companies/:companyId{[0-9]{1,18}}/profile". */
  path: string;
  /** Every handler registered for this method and path (middleware included), in order. */
  handlers: unknown[];
}

/** The app's routes of `method` ("GET", "POST", …; all but middleware when omitted), one per path. */
export function appRoutes(app: Hono<AppEnv>, method?: string): AppRoute[] {
  const byKey = new Map<string, AppRoute>();
  for (const r of app.routes) {
    if (r.method === "ALL" || (method && r.method !== method)) continue;
    const key = `${r.method} ${r.path}`;
    const route = byKey.get(key) ?? { method: r.method, path: r.path, handlers: [] };
    route.handlers.push(r.handler);
    byKey.set(key, route);
  }
  return [...byKey.values()];
}

/** The distinct paths of the app's GET routes. */
export function getPaths(app: Hono<AppEnv>): string[] {
  return appRoutes(app, "GET").map((r) => r.path);
}

/**
 * A parameter of a route path: `:name` with an optional pattern in braces, which may itself hold
 * braces (`:companyId{[0-9]{1,18}}`).
 */
const PARAM = /:([A-Za-z_][A-Za-z0-9_]*)(\{(?:[^{}]|\{[^{}]*\})*\})?/g;

/** The names of a route path's parameters, in order. */
export function routeParams(path: string): string[] {
  return [...path.matchAll(PARAM)].map((m) => m[1]!);
}

/**
 * The route path with each parameter replaced by what `fill` gives for it (its name, and the
 * route's path, since one name can mean different things on different routes). Fails naming the
 * route when `fill` knows no value for a parameter, or a wildcard is left: a new kind of route
 * parameter must be taught to the test, not skipped.
 */
export function fillRoute(path: string, fill: (param: string, path: string) => string | undefined): string {
  const filled = path.replace(PARAM, (_match, name: string) => {
    const value = fill(name, path);
    assert.ok(value !== undefined, `a route parameter this test does not know how to fill: ${name} in ${path}`);
    return value;
  });
  assert.doesNotMatch(filled, /[:*]/, `a route parameter this test does not know how to fill: ${path}`);
  return filled;
}
