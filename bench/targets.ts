// What the benchmark compares: each target is one portal request against one baseline request,
// loaded alternately. Add a comparison by adding an entry to TARGETS.
import { dashboardEndpoint } from "./dashboard.ts";
import type { Endpoint } from "./load.ts";
import { BASELINE_COOKIE, BASELINE_PATH, BASELINE_TOKEN } from "./shared.ts";

/** What a target may use to prepare its requests (e.g. sign in and keep the cookie). */
export interface BenchContext {
  readonly portalOrigin: string;
  readonly baselineOrigin: string;
  /** The bench database (PostgreSQL), already migrated by the portal. */
  readonly databaseUrl: string;
}

/** A fixed request, or one prepared once before the target's warm-up. */
export type EndpointSpec = Endpoint | ((ctx: BenchContext) => Endpoint | Promise<Endpoint>);

export interface Target {
  /** Short name, also accepted on the command line: `npm run bench -- home`. */
  readonly name: string;
  readonly description: string;
  readonly portal: EndpointSpec;
  readonly baseline: EndpointSpec;
}

/** The baseline page: one session look-up by primary key, with the seeded session's cookie. */
export const BASELINE_SESSION_PAGE: Endpoint = {
  path: BASELINE_PATH,
  headers: { cookie: `${BASELINE_COOKIE}=${BASELINE_TOKEN}` },
};

export const TARGETS: readonly Target[] = [
  {
    name: "home",
    description: "public home page vs minimal page with one session look-up",
    portal: { path: "/en" },
    baseline: BASELINE_SESSION_PAGE,
  },
  {
    name: "dashboard",
    description: "PIP dashboard of an authorized company, for its signed-in account owner, vs minimal page with one session look-up",
    // bench/dashboard.ts seeds the company, its users, notifications and the owner's session.
    portal: (ctx) => dashboardEndpoint(ctx.databaseUrl),
    baseline: BASELINE_SESSION_PAGE,
  },
];

export async function resolveEndpoint(spec: EndpointSpec, ctx: BenchContext): Promise<Endpoint> {
  return typeof spec === "function" ? await spec(ctx) : spec;
}
