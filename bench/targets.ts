// What the benchmark compares: each target is one portal request against one baseline request,
// loaded alternately. Add a comparison by adding an entry to TARGETS.
import { DASHBOARD_COMPANY, dashboardEndpoint } from "./dashboard.ts";
import type { Endpoint } from "./load.ts";
import { SECURITY_CATEGORY, SECURITY_CRITERIA_COUNT, SECURITY_FILE_COUNT, SECURITY_LINES, securityCategoryEndpoint } from "./security-category.ts";
import { BASELINE_COOKIE, BASELINE_PATH, BASELINE_TOKEN } from "./shared.ts";
import { LARGE, SMALL, staffSearchEndpoint } from "./staff-search.ts";
import { QUEUE_LARGE, QUEUE_SMALL, reviewQueueEndpoint } from "./review-queue.ts";
import { USERS_PAGE_COMPANY, USERS_PAGE_USERS, usersPageEndpoint } from "./users-page.ts";

/** What a target may use to prepare its requests (e.g. sign in and keep the cookie). */
export interface BenchContext {
  readonly portalOrigin: string;
  readonly baselineOrigin: string;
  /** The bench database (PostgreSQL), already migrated by the portal. */
  readonly databaseUrl: string;
  /** A progress line on stderr, for long preparations (seeding). */
  readonly progress: (line: string) => void;
}

/** A fixed request, or one prepared once before the target's warm-up. */
export type EndpointSpec = Endpoint | ((ctx: BenchContext) => Endpoint | Promise<Endpoint>);

export interface Target {
  /** Short name, also accepted on the command line: `npm run bench -- home`. */
  readonly name: string;
  readonly description: string;
  readonly portal: EndpointSpec;
  readonly baseline: EndpointSpec;
  /** The target this one grows: the same requests on a bigger database. When both run, the
   * report adds the growth ratio (this p99 ÷ that p99; DESIGN.md "Performance", growth). */
  readonly growthOf?: string;
  /** Time the preparation may take on top of the load (the run's watchdog allows for it). */
  readonly setupBudgetSeconds?: number;
}

/** The baseline page: one session look-up by primary key, with the seeded session's cookie. */
export const BASELINE_SESSION_PAGE: Endpoint = {
  path: BASELINE_PATH,
  headers: { cookie: `${BASELINE_COOKIE}=${BASELINE_TOKEN}` },
};

/**
 * The growth targets of other pages: after staff-search-500k, a few seconds (their company if no
 * small target seeded it, a session, the plans). Run without it, the first of them grows the
 * database itself, as that target does: 108 s on a busy 2-CPU machine (105 s of seeding).
 */
const GROWN_SETUP_SECONDS = 200;

export const TARGETS: readonly Target[] = [
  {
    name: "home",
    description: "public home page vs minimal page with one session look-up",
    portal: { path: "/en" },
    baseline: BASELINE_SESSION_PAGE,
  },
  {
    name: "dashboard",
    description: `PIP dashboard of ${DASHBOARD_COMPANY}, a member for a year, for its signed-in account owner, vs minimal page with one session look-up`,
    // bench/dashboard.ts seeds the company, its users, its approved application, notifications
    // and the owner's session.
    portal: (ctx) => dashboardEndpoint(ctx.databaseUrl, { grown: false, progress: ctx.progress }),
    baseline: BASELINE_SESSION_PAGE,
  },
  {
    name: "users-page",
    description: `users page (Add and manage users) of ${USERS_PAGE_COMPANY}, ${USERS_PAGE_USERS} users of every role, some deactivated, for its signed-in account owner, vs minimal page with one session look-up`,
    // bench/users-page.ts seeds the company, its users and the owner's session.
    portal: (ctx) => usersPageEndpoint(ctx.databaseUrl, { grown: false, progress: ctx.progress }),
    baseline: BASELINE_SESSION_PAGE,
  },
  {
    name: "security-category",
    description: `security-profile category page (${SECURITY_CATEGORY} of a ${SECURITY_LINES.join(" + ")} division: ${SECURITY_CRITERIA_COUNT} criteria answered, ${SECURITY_FILE_COUNT} evidence files listed), for the signed-in account owner, vs minimal page with one session look-up`,
    // bench/security-category.ts seeds the company, its owner's session, the division, an
    // answer to every criterion of the category and the evidence rows (no bytes in the store).
    portal: (ctx) => securityCategoryEndpoint(ctx.databaseUrl),
    baseline: BASELINE_SESSION_PAGE,
  },
  {
    name: "staff-search",
    description: `TCCU search for a portal user (STAFF-3), signed-in staff member, ${SMALL.people} users in ${SMALL.companies} companies, vs minimal page with one session look-up`,
    // bench/staff-search.ts seeds the staff member, the people with their search terms, and
    // their companies; three queries in turn (family-name, email and URN prefixes).
    portal: (ctx) => staffSearchEndpoint(ctx.databaseUrl, SMALL, ctx.progress, { plans: false }),
    baseline: BASELINE_SESSION_PAGE,
    setupBudgetSeconds: 30,
  },
  {
    name: "review-queue",
    description: `PIP officer's queue (APP-11), signed-in officer, ${QUEUE_SMALL.cases} open cases, first page and last page by keyset in turn, vs minimal page with one session look-up`,
    // bench/review-queue.ts seeds the officer, the companies with their owners and open cases.
    portal: (ctx) => reviewQueueEndpoint(ctx.databaseUrl, QUEUE_SMALL, ctx.progress),
    baseline: BASELINE_SESSION_PAGE,
    setupBudgetSeconds: 30,
  },
  {
    // Grows the database for good (as staff-search-500k after it).
    name: "review-queue-100k",
    description: `the same queue with ${QUEUE_LARGE.cases.toLocaleString("en")} open cases, first page and page 200 by keyset in turn, vs minimal page with one session look-up`,
    portal: (ctx) => reviewQueueEndpoint(ctx.databaseUrl, QUEUE_LARGE, ctx.progress),
    baseline: BASELINE_SESSION_PAGE,
    growthOf: "review-queue",
    setupBudgetSeconds: 300,
  },
  {
    // It grows the database for good: the targets after it run on 500,000 users.
    name: "staff-search-500k",
    description: `the same TCCU searches with ${LARGE.people.toLocaleString("en")} users in ${LARGE.companies.toLocaleString("en")} companies, vs minimal page with one session look-up`,
    portal: (ctx) => staffSearchEndpoint(ctx.databaseUrl, LARGE, ctx.progress, { plans: true }),
    baseline: BASELINE_SESSION_PAGE,
    growthOf: "staff-search",
    setupBudgetSeconds: 300,
  },
  {
    // After staff-search-500k, on the database it grew (each grows it itself when run without it).
    name: "dashboard-500k",
    description: `the same dashboard with ${LARGE.people.toLocaleString("en")} users in ${LARGE.companies.toLocaleString("en")} companies, vs minimal page with one session look-up`,
    portal: (ctx) => dashboardEndpoint(ctx.databaseUrl, { grown: true, progress: ctx.progress }),
    baseline: BASELINE_SESSION_PAGE,
    growthOf: "dashboard",
    setupBudgetSeconds: GROWN_SETUP_SECONDS,
  },
  {
    name: "users-page-500k",
    description: `the same users page with ${LARGE.people.toLocaleString("en")} users in ${LARGE.companies.toLocaleString("en")} companies, vs minimal page with one session look-up`,
    portal: (ctx) => usersPageEndpoint(ctx.databaseUrl, { grown: true, progress: ctx.progress }),
    baseline: BASELINE_SESSION_PAGE,
    growthOf: "users-page",
    setupBudgetSeconds: GROWN_SETUP_SECONDS,
  },
];

export async function resolveEndpoint(spec: EndpointSpec, ctx: BenchContext): Promise<Endpoint> {
  return typeof spec === "function" ? await spec(ctx) : spec;
}
