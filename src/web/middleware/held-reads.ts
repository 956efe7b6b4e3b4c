// Company pages' data kept between views (DESIGN.md "Performance"): what the dashboard, the
// users page or a division's pages show changes far less often than it is viewed, and reading
// it is most of the database's work for those pages. A held read (heldRead below) wraps a
// page's folded read (company-membership.ts) in two:
// - when the process holds nothing for the page, the session's read brings the data with the
//   company's version, and the process keeps both;
// - when it holds the page's data, the session's read brings only the company's current
//   version (company_page_versions, moved by triggers with every change to a table those pages
//   read: migration 0019). The same version: the data held is what the database holds now. Another:
//   the data held is let go, and the page reads on its own this once (the next view brings
//   the data with the session again).
// A separate statement for each (not one statement with the data under a condition): PostgreSQL
// sets up every part of a statement's plan on each run, executed or not, and for the dashboard
// that setup was two thirds of the look-up's cost.
//
// The data held is the company's, the same for everyone who may see the page: the read's
// own `action` gate (the membership and the role) and anything that depends on the viewer are
// read or decided on every view. One store per database handle (a process has one; each test
// portal its own), at most LIMIT pages and BUDGET of their data, the least recently viewed let
// go first.
import { sql, type ExpressionBuilder } from "kysely";
import type { Database, Db } from "../../platform/db/index.ts";
import { foldedValue, type FoldedPageRead, type FoldedValue } from "./company-membership.ts";

/** Pages' data a process keeps: at most this many pages... */
const LIMIT = 2_000;
/**
 * ...and at most this much of it, counted as its JSON's length (a dashboard is about 5,000
 * characters, a users page of 200 users about 40,000): well within `npm start`'s heap limit.
 */
const BUDGET = 16_000_000;

interface Held {
  readonly version: bigint;
  readonly data: unknown;
  readonly size: number;
}

/** What a process holds of company pages' data, by page and arguments. */
export class HeldPages {
  readonly #held = new Map<string, Held>();
  readonly #limit: number;
  readonly #budget: number;
  #size = 0;

  constructor(limit = LIMIT, budget = BUDGET) {
    this.#limit = limit;
    this.#budget = budget;
  }

  holds(key: string): boolean {
    return this.#held.has(key);
  }

  /** What is held under `key` at exactly this version, else undefined. */
  get(key: string, version: string): unknown {
    const held = this.#held.get(key);
    if (!held || held.version !== BigInt(version)) return undefined;
    // Most recently viewed last, so that the oldest is the first to go.
    this.#held.delete(key);
    this.#held.set(key, held);
    return held.data;
  }

  /**
   * Keeps data read at `version` (frozen: the pages share it), unless something newer is held:
   * of two views reading at once, the one that read later wins.
   */
  hold(key: string, version: string, data: unknown): void {
    const v = BigInt(version);
    const held = this.#held.get(key);
    if (held && held.version > v) return;
    const size = JSON.stringify(data)?.length ?? 0;
    this.drop(key);
    if (size > this.#budget) return;
    this.#held.set(key, { version: v, data: deepFreeze(data), size });
    this.#size += size;
    // The least recently viewed go first.
    while (this.#held.size > this.#limit || this.#size > this.#budget) this.drop(this.#held.keys().next().value!);
  }

  drop(key: string): void {
    const held = this.#held.get(key);
    if (!held) return;
    this.#held.delete(key);
    this.#size -= held.size;
  }

  get size(): number {
    return this.#held.size;
  }
}

const stores = new WeakMap<Db, HeldPages>();

/** What the process holds for the pages of a database handle. */
export function heldPages(db: Db): HeldPages {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new HeldPages()));
  return store;
}

/** The version of what a company's pages show, as text (0 before any change was counted). */
export function companyPageVersion(outer: ExpressionBuilder<never, never>, companyId: string) {
  const eb = outer as unknown as ExpressionBuilder<Database, never>;
  return sql<string>`coalesce((${eb.selectFrom("company_page_versions as pv").select("pv.version").where("pv.company_id", "=", companyId)}), 0)::text`;
}

export interface HeldRead {
  /** The two folded reads, for sessionContext (app.ts). */
  readonly reads: readonly [FoldedPageRead, FoldedPageRead];
  /**
   * The page's data for these arguments (the company's id and those the page takes from its
   * path), from the session's read or from what is held; null when the read's gate refused
   * (as a folded read's null); "not-read" when neither brought it: the page reads on its own.
   */
  value(db: Db, folded: FoldedValue | undefined, args: Record<string, string>): unknown;
}

/** The key of a page's data: the read's key and every argument of it, the company's included. */
function heldKey(readKey: string, args: Readonly<Record<string, string>>): string {
  return [readKey, ...Object.keys(args).sort().map((k) => `${k}=${args[k]}`)].join("\u0000");
}

/**
 * A folded read whose data the process keeps between views. Every table `read` reads must move
 * the company's version (migration 0019; test/held-reads.test.ts checks each held read's SQL).
 */
export function heldRead<K extends string>(read: FoldedPageRead<K>): HeldRead {
  const argsOf = (match: RegExpExecArray, at: { companyId: string; db: Db }, held: boolean) => {
    const args = read.args(match, at);
    return args && heldPages(at.db).holds(heldKey(read.key, { ...args, companyId: at.companyId })) === held ? args : undefined;
  };
  const withData: FoldedPageRead<K> = {
    key: read.key,
    rest: read.rest,
    action: read.action,
    args: (match, at) => argsOf(match, at, false),
    read: (eb, a, personRef) => sql`json_build_object('version', ${companyPageVersion(eb, a.companyId)}, 'data', ${read.read(eb, a, personRef)})`,
  };
  const versionOnly: FoldedPageRead<K> = {
    key: `${read.key}-version`,
    rest: read.rest,
    action: read.action,
    args: (match, at) => argsOf(match, at, true),
    // With the arguments it was read for: the held data's (a compiled statement has each of its
    // arguments as a parameter, platform/db/compiled.ts).
    read: (eb, a) =>
      sql`json_build_object('version', ${companyPageVersion(eb, a.companyId)}, 'for', json_build_array(${sql.join(
        Object.keys(a)
          .sort()
          .map((k) => sql`${a[k as K | "companyId"]}::text`),
      )}))`,
  };
  return {
    reads: [withData, versionOnly],
    value(db, folded, args) {
      const store = heldPages(db);
      const read = foldedValue(folded, withData, args) as { version: string; data: unknown } | null | undefined;
      if (read !== undefined) {
        if (read === null) return null;
        store.hold(heldKey(withData.key, folded!.args), read.version, read.data);
        return read.data;
      }
      const current = foldedValue(folded, versionOnly, args) as { version: string } | null | undefined;
      if (current === undefined) return "not-read";
      if (current === null) return null;
      const key = heldKey(withData.key, folded!.args);
      const held = store.get(key, current.version);
      if (held !== undefined) return held;
      // Changed since: the page reads on its own, and the next view with the session again.
      store.drop(key);
      return "not-read";
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
