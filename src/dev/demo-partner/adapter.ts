// oidc-provider's storage on the database (the Adapter interface of oidc-provider), so that
// the Demo Bank's sessions, interactions, codes and grants survive a restart and are shared
// by every process of the portal. Expiry uses the database's clock, as oidc-provider uses the
// real time (not the portal's test clock).
import { sql } from "kysely";
import type { Adapter, AdapterPayload } from "oidc-provider";
import type { DemoPartnerDb } from "./schema.ts";

/** Models whose instances belong to a grant and go when it is revoked. */
const GRANTABLE = new Set(["AccessToken", "AuthorizationCode", "RefreshToken", "DeviceCode", "BackchannelAuthenticationRequest", "PreAuthorizedCode"]);

export class DatabaseAdapter implements Adapter {
  constructor(
    private readonly db: DemoPartnerDb,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const expiresAt = typeof expiresIn === "number" && expiresIn > 0 ? sql<Date>`now() + make_interval(secs => ${expiresIn}::double precision)` : null;
    const row = {
      payload: JSON.stringify(payload),
      expires_at: expiresAt,
      grant_id: payload.grantId ?? null,
      uid: payload.uid ?? null,
      user_code: payload.userCode ?? null,
      consumed_at: null,
    };
    await this.db
      .insertInto("demo_partner_store")
      .values({ model: this.model, id, ...row })
      .onConflict((oc) => oc.columns(["model", "id"]).doUpdateSet(row))
      .execute();
    // Sign-ins leave short-lived rows behind; each new interaction sweeps the expired ones.
    if (this.model === "Interaction") {
      await this.db.deleteFrom("demo_partner_store").where("expires_at", "<", sql<Date>`now()`).execute();
    }
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.findWhere("id", id);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findWhere("uid", uid);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findWhere("user_code", userCode);
  }

  async consume(id: string): Promise<void> {
    await this.db.updateTable("demo_partner_store").set({ consumed_at: sql<Date>`now()` }).where("model", "=", this.model).where("id", "=", id).execute();
  }

  async destroy(id: string): Promise<void> {
    await this.db.deleteFrom("demo_partner_store").where("model", "=", this.model).where("id", "=", id).execute();
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db.deleteFrom("demo_partner_store").where("grant_id", "=", grantId).where("model", "in", [...GRANTABLE]).execute();
  }

  private async findWhere(column: "id" | "uid" | "user_code", value: string): Promise<AdapterPayload | undefined> {
    const row = await this.db
      .selectFrom("demo_partner_store")
      .select(["payload", sql<number | null>`floor(extract(epoch from consumed_at))::int`.as("consumed")])
      .where("model", "=", this.model)
      .where(column, "=", value)
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", sql<Date>`now()`)]))
      .executeTakeFirst();
    if (!row) return undefined;
    const payload = row.payload as AdapterPayload;
    return row.consumed === null ? payload : { ...payload, consumed: row.consumed };
  }
}

export function databaseAdapterFactory(db: DemoPartnerDb): (model: string) => Adapter {
  return (model) => new DatabaseAdapter(db, model);
}
