// Named prepared statements on PostgreSQL (DESIGN.md "Performance"). The portal's pages make
// large queries (JSON subqueries for the session, the membership and the page's data), and
// PostgreSQL plans an unnamed statement at every execution: on the dashboard, planning took
// twice as long as running the query (0.8–1.1 ms against 0.36 ms). A statement sent with a
// name is parsed once per connection, and after a few executions PostgreSQL keeps a generic
// plan for it, so repeat executions skip planning.
//
// Which SQL gets a name: a text seen PROMOTE_AFTER times in this process (a page's fixed
// queries, quickly), up to MAX_NAMED texts (each one lives on every pooled connection, and
// `in (…)` lists of every length make new texts: past the cap, texts stay unnamed). The name
// is the text's hash, so it means one text everywhere. A named statement whose cached plan no
// longer fits (another instance migrated the table under it: "cached plan must not change
// result type") is retried once unnamed, and its text is never named again.
import { createHash } from "node:crypto";

export const PROMOTE_AFTER = 3;
export const MAX_NAMED = 500;

interface QueryConfig {
  name?: string;
  text: string;
  values?: unknown[];
}

/** The slice of a pg client this needs (a pg.PoolClient in production, a fake in tests). */
export interface QueryingClient {
  query(textOrConfig: string | QueryConfig, values?: unknown[]): Promise<unknown>;
}

export class PreparedStatements {
  readonly #seen = new Map<string, number>();
  readonly #named = new Map<string, string>();
  readonly #refused = new Set<string>();

  constructor(
    private readonly promoteAfter = PROMOTE_AFTER,
    private readonly maxNamed = MAX_NAMED,
  ) {}

  /** The name to send `text` under now, or undefined to send it unnamed. */
  nameFor(text: string): string | undefined {
    const named = this.#named.get(text);
    if (named) return named;
    if (this.#refused.has(text) || this.#named.size >= this.maxNamed) return undefined;
    const seen = (this.#seen.get(text) ?? 0) + 1;
    if (seen < this.promoteAfter) {
      // Counting is bounded too: a text seen once among many is forgotten first.
      if (this.#seen.size >= this.maxNamed * 4) this.#seen.clear();
      this.#seen.set(text, seen);
      return undefined;
    }
    this.#seen.delete(text);
    const name = `ttp_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    this.#named.set(text, name);
    return name;
  }

  /** Never name `text` again (its prepared plan no longer fits). */
  refuse(text: string): void {
    this.#named.delete(text);
    this.#refused.add(text);
  }

  get namedCount(): number {
    return this.#named.size;
  }

  /** Makes `client.query(text, values)` send promoted texts as named statements. Once per client. */
  install(client: QueryingClient): void {
    const marked = client as QueryingClient & { [INSTALLED]?: true };
    if (marked[INSTALLED]) return;
    marked[INSTALLED] = true;
    const query = client.query.bind(client);
    client.query = async (textOrConfig: string | QueryConfig, values?: unknown[]) => {
      if (typeof textOrConfig !== "string") return query(textOrConfig, values);
      const name = this.nameFor(textOrConfig);
      if (!name) return query(textOrConfig, values);
      try {
        return await query({ name, text: textOrConfig, values: values ?? [] });
      } catch (err) {
        if (!isStalePlan(err)) throw err;
        this.refuse(textOrConfig);
        return query(textOrConfig, values);
      }
    };
  }
}

const INSTALLED = Symbol("ttp.prepared");

function isStalePlan(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === "0A000" && /cached plan must not change result type/.test(e.message ?? "");
}
