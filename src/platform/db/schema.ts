// Table types for Kysely. One interface per table; migrations are the source of truth,
// these types follow them.
import type { ColumnType, Generated, JSONColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = JSONColumnType<Record<string, unknown>, string, string>;

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  company_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
}

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: Json;
  status: "pending" | "running" | "done" | "failed";
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  template: string;
  locale: "en" | "fr";
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: "queued" | "sent" | "failed";
  created_at: Timestamp;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
}

/** Messages "delivered" by the development transport; the mailbox page lists them. */
export interface DevMailboxTable {
  id: Generated<string>;
  outbox_id: string;
  to_address: string;
  from_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  received_at: Timestamp;
}

export interface Database {
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  mail_outbox: MailOutboxTable;
  dev_mailbox: DevMailboxTable;
}
