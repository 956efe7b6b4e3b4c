import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PreparedStatements, type QueryingClient } from "./prepared.ts";

/** A client that records what it was asked, and can fail a named statement once. */
function fakeClient(failNamedWith?: { code: string; message: string }) {
  const calls: { name: string | undefined; text: string; values: unknown[] | undefined }[] = [];
  let fail = failNamedWith;
  const client: QueryingClient = {
    query(textOrConfig, values) {
      const config = typeof textOrConfig === "string" ? { text: textOrConfig, values } : textOrConfig;
      calls.push({ name: "name" in config ? config.name : undefined, text: config.text, values: config.values });
      if (fail && "name" in config && config.name) {
        const err = Object.assign(new Error(fail.message), { code: fail.code });
        fail = undefined;
        return Promise.reject(err);
      }
      return Promise.resolve({ rows: [] });
    },
  };
  return { client, calls };
}

describe("named prepared statements on PostgreSQL", () => {
  it("names a text from its third execution on, with the same name on every connection, and passes its values", async () => {
    const prepared = new PreparedStatements(3, 10);
    const a = fakeClient();
    const b = fakeClient();
    prepared.install(a.client);
    prepared.install(b.client);
    prepared.install(a.client); // once per client, however often the pool says it connected
    for (let i = 0; i < 3; i++) await a.client.query("select $1::int", [i]);
    await b.client.query("select $1::int", [7]);
    assert.deepEqual(
      [...a.calls, ...b.calls].map((c) => [c.name !== undefined, c.values]),
      [
        [false, [0]],
        [false, [1]],
        [true, [2]],
        [true, [7]],
      ],
    );
    assert.equal(a.calls[2]!.name, b.calls[0]!.name);
    assert.match(a.calls[2]!.name!, /^ttp_[0-9a-f]{24}$/);
  });

  it("names at most its cap of texts; the rest stay unnamed", async () => {
    const prepared = new PreparedStatements(1, 2);
    const { client, calls } = fakeClient();
    prepared.install(client);
    for (const n of [1, 2, 3, 4]) await client.query(`select ${n}`);
    assert.deepEqual(
      calls.map((c) => c.name !== undefined),
      [true, true, false, false],
    );
    assert.equal(prepared.namedCount, 2);
  });

  it("retries a statement whose cached plan no longer fits unnamed, and never names it again; other errors stay errors", async () => {
    const prepared = new PreparedStatements(1, 10);
    const stale = fakeClient({ code: "0A000", message: "cached plan must not change result type" });
    prepared.install(stale.client);
    await stale.client.query("select * from t");
    await stale.client.query("select * from t");
    assert.deepEqual(
      stale.calls.map((c) => c.name !== undefined),
      [true, false, false],
    );
    const broken = fakeClient({ code: "42P01", message: 'relation "t" does not exist' });
    prepared.install(broken.client);
    await assert.rejects(broken.client.query("select * from u"), /does not exist/);
  });
});
