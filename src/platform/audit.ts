// The audit trail: one helper, called inside the transaction of the change it
// records, so that a change and its audit event commit or roll back together.
import type { Tx } from "./db/index.ts";
import type { Clock } from "./clock.ts";

export type ActorType = "trader" | "staff" | "system" | "anonymous";

export interface AuditEvent {
  actor: { type: ActorType; id?: string | null };
  action: string;
  subject: { type: string; id?: string | null };
  companyId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
}

export class AuditOutsideTransactionError extends Error {
  constructor() {
    super("recordAudit must be called with the transaction of the change it records");
  }
}

export async function recordAudit(trx: Tx, clock: Clock, event: AuditEvent): Promise<void> {
  if (!trx.isTransaction) throw new AuditOutsideTransactionError();
  await trx
    .insertInto("audit_events")
    .values({
      occurred_at: clock.now(),
      actor_type: event.actor.type,
      actor_id: event.actor.id ?? null,
      action: event.action,
      subject_type: event.subject.type,
      subject_id: event.subject.id ?? null,
      company_id: event.companyId ?? null,
      before: event.before ? JSON.stringify(event.before) : null,
      after: event.after ? JSON.stringify(event.after) : null,
      request_id: event.requestId ?? null,
    })
    .execute();
}
