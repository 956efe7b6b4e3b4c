// PGlite runs each statement synchronously on the main thread, one at a time, and hands itself
// to the next waiting statement inside the same microtask chain: under load the queue of
// statements drained back to back and Node never got back to its sockets, so a page that makes
// no query (the home page) waited seconds behind the dashboards (issue 14: p50 2.8 s beside 50
// dashboard connections). Here every top-level statement and every transaction takes its turn
// in our own queue, and each turn starts with setImmediate, after Node has polled its sockets:
// between two statements the event loop serves whatever arrived. A transaction is one turn (its
// own statements run on PGlite's transaction object, outside this queue), as PGlite's own
// query waits for a running transaction.
import { setImmediate as nextTurn } from "node:timers/promises";
import type { PGlite } from "@electric-sql/pglite";

export function takingTurns(pglite: PGlite): PGlite {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = tail.then(() => nextTurn()).then(work);
    tail = turn.catch(() => undefined);
    return turn;
  };
  return new Proxy(pglite, {
    get(target, prop) {
      if (prop === "query") return (...args: Parameters<PGlite["query"]>) => inTurn(() => target.query(...args));
      if (prop === "transaction") return (...args: Parameters<PGlite["transaction"]>) => inTurn(() => target.transaction(...args));
      const value: unknown = Reflect.get(target, prop, target);
      // Methods run on PGlite itself (its private fields are not the proxy's).
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
