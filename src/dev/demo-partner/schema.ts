// Table types of the demo Sign-In Partner (migration 0003_demo_partner). They are kept out
// of platform/db/schema.ts: only this development-only folder reads or writes them, through
// `db.withTables<DemoPartnerTables>()`.
import type { ColumnType } from "kysely";
import type { Db } from "../../platform/db/index.ts";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: objects come back parsed; values are written as JSON text. */
type Jsonb<T> = ColumnType<T, string, string>;

/** Each bank username (normalized) has one stable random subject. */
export interface DemoPartnerAccountsTable {
  subject: string;
  username: string;
  created_at: DefaultedTimestamp;
}

/** oidc-provider's storage: one row per model instance (Session, Interaction, Grant, AuthorizationCode…). */
export interface DemoPartnerStoreTable {
  model: string;
  id: string;
  payload: Jsonb<Record<string, unknown>>;
  /** Null: never expires. */
  expires_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  grant_id: string | null;
  uid: string | null;
  user_code: string | null;
  consumed_at: Timestamp | null;
}

/** The provider's long-lived secrets: its signing keys and its cookie keys. */
export interface DemoPartnerKeysTable {
  name: string;
  value: Jsonb<unknown>;
  created_at: DefaultedTimestamp;
}

// A type alias (not an interface): withTables wants an indexable record.
export type DemoPartnerTables = {
  demo_partner_accounts: DemoPartnerAccountsTable;
  demo_partner_store: DemoPartnerStoreTable;
  demo_partner_keys: DemoPartnerKeysTable;
};

export function demoPartnerDb(db: Db) {
  return db.withTables<DemoPartnerTables>();
}

export type DemoPartnerDb = ReturnType<typeof demoPartnerDb>;
