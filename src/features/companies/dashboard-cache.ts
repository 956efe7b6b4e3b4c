// The PIP dashboard's data kept between views (DESIGN.md "Performance"): what a company's
// dashboard shows changes far less often than it is viewed, and reading it is most of the
// database's work for the page. When a process holds a company's data, each view's session
// look-up reads only the company's version (company_page_versions, moved by triggers with every
// change to a table the dashboard reads: migration 0019); when that is not the version held, the
// page reads its data again on its own, and holds it (companies/service.ts). A view shows what
// the database holds at that moment, whichever process made the change. The data held is the company's, the same for every viewer; what depends on the
// viewer (the role, the membership) is read on every view.
//
// One cache per database handle (a process has one; each test portal its own), the companies
// viewed most recently first, at most LIMIT of them.
import type { Db } from "../../platform/db/index.ts";

/** Companies whose dashboards a process keeps (about 5 KB each). */
const LIMIT = 2_000;

interface Held {
  readonly version: bigint;
  readonly data: unknown;
}

export class DashboardCache {
  readonly #held = new Map<string, Held>();
  readonly #limit: number;

  constructor(limit = LIMIT) {
    this.#limit = limit;
  }

  /** Whether anything is held for the company. */
  holds(companyId: string): boolean {
    return this.#held.has(companyId);
  }

  /** What is held for the company at exactly this version, else undefined. */
  get(companyId: string, version: string): unknown {
    const held = this.#held.get(companyId);
    if (!held || held.version !== BigInt(version)) return undefined;
    // Most recently viewed last, so that the oldest is the first to go.
    this.#held.delete(companyId);
    this.#held.set(companyId, held);
    return held.data;
  }

  /**
   * Keeps data read at `version` (frozen: the pages share it), unless something newer is held:
   * of two views reading at once, the one that read later wins.
   */
  hold(companyId: string, version: string, data: unknown): void {
    const v = BigInt(version);
    const held = this.#held.get(companyId);
    if (held && held.version > v) return;
    this.#held.delete(companyId);
    this.#held.set(companyId, { version: v, data: deepFreeze(data) });
    if (this.#held.size > this.#limit) this.#held.delete(this.#held.keys().next().value!);
  }

  get size(): number {
    return this.#held.size;
  }
}

const caches = new WeakMap<Db, DashboardCache>();

/** The dashboard cache of a database handle. */
export function dashboardCache(db: Db): DashboardCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new DashboardCache()));
  return cache;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
