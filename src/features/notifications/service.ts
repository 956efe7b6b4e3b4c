// A company's system notifications (APP-1): what the portal tells every user of the company
// on its dashboard — users added, roles changed, users deactivated or reactivated, ownership
// transferred, the activation letter mailed, the account authorized, the profile updated.
// Written in the transaction of the change they report; their text is rendered in the
// reader's language from the kind and the parameters recorded at the time.
import type { ExpressionBuilder } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database, Tx } from "../../platform/db/index.ts";
import type { Clock } from "../../platform/clock.ts";

export interface NotificationParams {
  "user-added": { name: string; role: string };
  "role-changed": { name: string; from: string; to: string };
  "user-deactivated": { name: string };
  "user-reactivated": { name: string };
  "user-left": { name: string };
  "ownership-transferred": { from: string; to: string };
  "letter-sent": { sentOn: string };
  "company-authorized": Record<string, never>;
  "profile-updated": { name: string };
  "user-urn-expired": { name: string };
  "owner-urn-expired": { name: string };
  /** A membership transition (APP-10): its name and the status it led to. */
  "membership-changed": { transition: string; status: string };
  /** Something in the membership's file that is not a transition (features/membership MEMBERSHIP_EVENTS). */
  "membership-event": { event: string; status: string };
}

export type NotificationKind = keyof NotificationParams;

export type CompanyNotification = {
  [K in NotificationKind]: { id: string; kind: K; params: NotificationParams[K]; createdAt: Date };
}[NotificationKind];

const KINDS: readonly string[] = [
  "user-added",
  "role-changed",
  "user-deactivated",
  "user-reactivated",
  "user-left",
  "ownership-transferred",
  "letter-sent",
  "company-authorized",
  "profile-updated",
  "user-urn-expired",
  "owner-urn-expired",
  "membership-changed",
  "membership-event",
] satisfies NotificationKind[];

export async function notify<K extends NotificationKind>(trx: Tx, clock: Clock, companyId: string, kind: K, params: NotificationParams[K]): Promise<void> {
  await trx.insertInto("notifications").values({ company_id: companyId, kind, params: JSON.stringify(params), created_at: clock.now() }).execute();
}

/**
 * The latest notifications of the company in the enclosing query (a JSON array), for pages
 * that read the company in one round trip; `fromJson` turns the rows into notifications.
 */
export function latestNotificationsOf(eb: ExpressionBuilder<Database, "companies">, limit = 10) {
  return jsonArrayFrom(
    eb
      .selectFrom("notifications")
      .select(["notifications.id", "notifications.kind", "notifications.params", "notifications.created_at"])
      .whereRef("notifications.company_id", "=", "companies.id")
      .orderBy("notifications.id", "desc")
      .limit(limit),
  );
}

export function fromJson(rows: { id: string; kind: string; params: Record<string, string>; created_at: Date | string }[]): CompanyNotification[] {
  return rows
    .filter((r) => KINDS.includes(r.kind))
    .map((r) => ({ id: String(r.id), kind: r.kind, params: r.params, createdAt: new Date(r.created_at) }) as CompanyNotification);
}
