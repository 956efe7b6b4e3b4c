// A fixed query compiled once per process (DESIGN.md "Performance"): building a Kysely query
// (parsing references, freezing nodes, compiling SQL) costs more CPU than the round trip on a
// page like the dashboard. A CompiledOnce builds its query the first time with stand-ins for its
// arguments, keeps the SQL, and from then on only swaps the arguments' values into the
// parameters. The builder must use each argument as a parameter value only (no argument in an
// identifier or in control flow), and anything else it depends on must make a separate
// CompiledOnce (e.g. one per role variant). The SQL is kept per database handle (one per process
// in production; each test portal has its own, so its plugins see the query once): use it on the
// app's handle, not inside a transaction (a transaction is a new handle each time).
import { randomBytes } from "node:crypto";
import type { CompiledQuery, Kysely } from "kysely";
import type { Database } from "./schema.ts";

interface Compilable<R> {
  compile(): CompiledQuery<R>;
}

export class CompiledOnce<K extends string, R> {
  readonly #keys: readonly K[];
  readonly #build: (db: Kysely<Database>, args: Record<K, string>) => Compilable<R>;
  readonly #compiled = new WeakMap<object, { query: CompiledQuery<R>; slots: (K | undefined)[] }>();

  constructor(keys: readonly K[], build: (db: Kysely<Database>, args: Record<K, string>) => Compilable<R>) {
    this.#keys = keys;
    this.#build = build;
  }

  #compile(db: Kysely<Database>): { query: CompiledQuery<R>; slots: (K | undefined)[] } {
    const salt = randomBytes(9).toString("base64url");
    const standIns = Object.fromEntries(this.#keys.map((k) => [k, `\u0001${k}\u0001${salt}`])) as Record<K, string>;
    const query = this.#build(db, standIns).compile();
    const byStandIn = new Map(this.#keys.map((k) => [standIns[k], k] as const));
    const slots = query.parameters.map((p) => (typeof p === "string" ? byStandIn.get(p) : undefined));
    for (const k of this.#keys) {
      if (!slots.includes(k)) throw new Error(`CompiledOnce: argument ${k} is not a parameter of the query`);
      if (query.sql.includes(standIns[k])) throw new Error(`CompiledOnce: argument ${k} is inside the SQL text, not a parameter`);
    }
    return { query, slots };
  }

  /** Runs the query with these arguments on `db`. */
  async execute(db: Kysely<Database>, args: Record<K, string>): Promise<R[]> {
    let compiled = this.#compiled.get(db);
    if (!compiled) this.#compiled.set(db, (compiled = this.#compile(db)));
    const { query, slots } = compiled;
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i];
      return slot === undefined ? p : args[slot];
    });
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  }
}
