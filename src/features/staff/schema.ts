// Table types of CBSA staff accounts and staff sessions (STAFF-1), kept beside the feature
// and reached through `db.withTables<StaffTables>()`. Migration 0004_staff is their source
// of truth.
import type { ColumnType, Generated, Kysely, Transaction } from "kysely";
import type { Database } from "../../platform/db/index.ts";

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export const STAFF_ROLES = ["mail-room", "tccu", "pip-officer", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

export type StaffSessionStage = "totp" | "change-password" | "authenticated";

/** What a staff action records of its request: the browser, the client address, the log line. */
export interface StaffRequestMeta {
  userAgent: string | null;
  address: string;
  requestId: string | null;
}

export interface StaffUsersTable {
  id: Generated<string>;
  /** As typed by the administrator; unique without regard to case (username_normalized). */
  username: string;
  username_normalized: string;
  display_name: string;
  email: string;
  /** argon2id, the same parameters as GCKey passwords. */
  password_hash: string;
  /** Base32 (RFC 4648) secret of the RFC 6238 authenticator: SHA-1, 6 digits, 30 s. */
  totp_secret: string;
  /** The last TOTP time step accepted: a step is usable once. */
  last_totp_step: ColumnType<string | null, string | number | null, string | number | null>;
  roles: ColumnType<StaffRole[], StaffRole[], StaffRole[]>;
  must_change_password: boolean;
  consecutive_failures: Generated<number>;
  totp_confirmed_at: Timestamp | null;
  password_changed_at: Timestamp;
  last_sign_in_at: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface StaffSessionsTable {
  id: Generated<string>;
  token_hash: string;
  staff_user_id: string;
  stage: StaffSessionStage;
  user_agent: string | null;
  created_at: Timestamp;
  authenticated_at: Timestamp | null;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  ended_reason: string | null;
}

/**
 * One-time sign-in details waiting to be shown once to the administrator who issued them:
 * encrypted (AES-256-GCM) with a key that only the administrator's browser holds (a cookie),
 * deleted when read or after a few minutes. Neither half alone reveals them (SEC-4).
 */
export interface StaffRevealsTable {
  id: Generated<string>;
  staff_session_id: string;
  staff_user_id: string;
  ciphertext: string;
  expires_at: Timestamp;
}

// A type alias, not an interface: withTables<T> wants an indexable record type.
export type StaffTables = {
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  staff_reveals: StaffRevealsTable;
};

export type StaffDb = Kysely<Database & StaffTables>;
export type StaffTx = Transaction<Database & StaffTables>;

export function staffDb(db: Kysely<Database>): StaffDb {
  return db.withTables<StaffTables>();
}
