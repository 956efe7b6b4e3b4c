import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, type TestDatabase } from "../../test/helpers/db.ts";
import { PortalClock } from "./clock.ts";
import { AuditOutsideTransactionError, recordAudit } from "./audit.ts";

let database: TestDatabase;
const clock = new PortalClock();
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

describe("audit trail (X-3)", () => {
  it("commits the event with the change it records", async () => {
    await database.db.transaction().execute(async (trx) => {
      await recordAudit(trx, clock, {
        actor: { type: "staff", id: "42" },
        action: "test.changed",
        subject: { type: "thing", id: "7" },
        before: { name: "old" },
        after: { name: "new" },
      });
    });
    const row = await database.db.selectFrom("audit_events").selectAll().where("action", "=", "test.changed").executeTakeFirstOrThrow();
    assert.equal(row.actor_id, "42");
    assert.deepEqual(row.before, { name: "old" });
    assert.deepEqual(row.after, { name: "new" });
  });

  it("rolls the event back when the change rolls back", async () => {
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, clock, { actor: { type: "system" }, action: "test.rolled-back", subject: { type: "thing" } });
        throw new Error("the change failed");
      }),
      /the change failed/,
    );
    const rows = await database.db.selectFrom("audit_events").select("id").where("action", "=", "test.rolled-back").execute();
    assert.equal(rows.length, 0);
  });

  it("refuses to write outside a transaction", async () => {
    await assert.rejects(
      // @ts-expect-error — the type already demands a transaction; this checks the runtime guard too
      recordAudit(database.db, clock, { actor: { type: "system" }, action: "x", subject: { type: "y" } }),
      AuditOutsideTransactionError,
    );
  });
});
