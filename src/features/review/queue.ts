// The PIP officers' queue (APP-11): the open cases, oldest waiting first, filtered by status,
// line of business, assignment and overdue requests, or found by the company's name or client
// number (closed ones too); keyset pages on (waiting_since, id).
import { sql } from "kysely";
import type { AppDeps } from "../../web/context.ts";
import { calendarDate as calendarInOttawa } from "../../platform/clock.ts";
import type { MembershipStatus } from "../../domain/membership.ts";
import { staffNameOf } from "../staff/service.ts";

type Deps = Pick<AppDeps, "db" | "clock">;

export const QUEUE_PAGE_SIZE = 25;


export interface QueueFilters {
  status?: MembershipStatus | undefined;
  line?: string | undefined;
  /** Only cases assigned to this staff member. */
  assignedTo?: string | undefined;
  overdue?: boolean | undefined;
  /**
   * A company's legal name (part of it) or client number: the search also finds closed cases,
   * so that an officer reaches a member's latest case (to suspend it, APP-13).
   */
  search?: string | undefined;
  /** Keyset: the (waiting_since, id) of the last case of the previous page. */
  after?: { since: Date; id: string } | undefined;
}

export interface QueueRow {
  caseId: string;
  companyId: string;
  legalName: string;
  clientNumber: string;
  waitingKind: string;
  status: string;
  waitingSince: Date;
  assignedStaffId: string | null;
  assignedName: string | null;
  /** The earliest due date of the case's open requests for information. */
  dueOn: string | null;
  overdue: boolean;
  closed: boolean;
}

export function parseCursor(text: string | undefined): QueueFilters["after"] {
  if (!text) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)_(\d{1,18})$/.exec(text);
  if (!m) return undefined;
  const since = new Date(m[1]!);
  return Number.isNaN(since.getTime()) ? undefined : { since, id: m[2]! };
}

/** One page of the open cases, oldest waiting first, and the cursor of the next page (if any). */
export async function queue(deps: Deps, filters: QueueFilters): Promise<{ rows: QueueRow[]; next: string | null }> {
  const today = calendarInOttawa(deps.clock.now());
  let q = deps.db
    .selectFrom("review_cases as rc")
    .innerJoin("companies as co", "co.id", "rc.company_id")
    .select([
      "rc.id",
      "rc.company_id",
      "co.legal_name",
      "co.client_number",
      "rc.waiting_kind",
      "rc.status",
      "rc.waiting_since",
      "rc.assigned_staff_id",
      "rc.closed_at",
      // The timestamp as text, to the microsecond: the cursor must name exactly the stored value.
      sql<string>`to_char(rc.waiting_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as("since_text"),
      sql<string | null>`(select min(ir.due_on)::text from information_requests ir where ir.case_id = rc.id and ir.responded_at is null)`.as("due_on"),
      staffNameOf("rc.assigned_staff_id").as("assigned_name"),
    ])
    .$if(!filters.search, (qb) => qb.where("rc.closed_at", "is", null));
  if (filters.search) {
    const digits = filters.search.replace(/\D/g, "");
    const like = `%${filters.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([eb("co.legal_name", "ilike", like), ...(digits.length >= 5 ? [eb("co.client_number", "=", digits)] : [])]));
  }
  if (filters.status) q = q.where("rc.status", "=", filters.status);
  if (filters.line) q = q.where(sql<boolean>`co.lines_of_business @> ${JSON.stringify([filters.line])}::jsonb`);
  if (filters.assignedTo) q = q.where("rc.assigned_staff_id", "=", filters.assignedTo);
  if (filters.overdue) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("information_requests as ir")
          .select("ir.id")
          .whereRef("ir.case_id", "=", "rc.id")
          .where("ir.responded_at", "is", null)
          .where("ir.due_on", "<", today),
      ),
    );
  }
  if (filters.after) {
    const { since, id } = filters.after;
    q = q.where(sql<boolean>`(rc.waiting_since, rc.id) > (${since.toISOString()}::timestamptz, ${id}::bigint)`);
  }
  const rows = await q.orderBy("rc.waiting_since").orderBy("rc.id").limit(QUEUE_PAGE_SIZE + 1).execute();
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({
      caseId: r.id,
      companyId: r.company_id,
      legalName: r.legal_name,
      clientNumber: r.client_number,
      waitingKind: r.waiting_kind,
      status: r.status,
      waitingSince: new Date(r.waiting_since),
      assignedStaffId: r.assigned_staff_id,
      assignedName: r.assigned_name,
      dueOn: r.due_on,
      overdue: r.due_on !== null && r.due_on < today,
      closed: r.closed_at !== null,
    })),
    next: rows.length > QUEUE_PAGE_SIZE && last ? `${last.since_text}_${last.id}` : null,
  };
}
