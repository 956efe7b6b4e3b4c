// What an officer reads of a case (STAFF-5, APP-11 to APP-13): the case page's view (the
// snapshot as submitted, the differences from the previous one, findings, requests, site
// validations, decisions, the timeline) and the files, submissions and letters it offers for
// download, each only through its case. The officer's actions are service.ts.
import { sql } from "kysely";
import type { AppDeps } from "../../web/context.ts";
import type { Locale } from "../../domain/locale.ts";
import { isMembershipStatus, type MembershipStatus } from "../../domain/membership.ts";
import { snapshotDifferences, type Snapshot, type SnapshotDifference } from "../../domain/snapshot.ts";
import type { FindingOutcome, RequestedItem } from "../../platform/db/schema.ts";
import { calendarDate as calendarInOttawa } from "../../platform/clock.ts";
import { staffNames } from "../staff/service.ts";

type Deps = Pick<AppDeps, "db" | "clock">;

// ---- the case -------------------------------------------------------------------------------

/** The legal name of the case's company (for the queue's "assigned to you" notice). */
export async function caseCompanyName(deps: Deps, caseId: string): Promise<string | undefined> {
  if (!/^\d{1,18}$/.test(caseId)) return undefined;
  const row = await deps.db.selectFrom("review_cases as rc").innerJoin("companies as co", "co.id", "rc.company_id").select("co.legal_name").where("rc.id", "=", caseId).executeTakeFirst();
  return row?.legal_name;
}

export interface SubmissionView {
  id: string;
  reference: string;
  kind: string;
  sha256: string;
  submittedAt: Date;
  declaredName: string;
  snapshot: Snapshot;
}

export interface FindingView {
  outcome: FindingOutcome;
  note: string;
}

export interface RequestView {
  id: string;
  message: string;
  items: RequestedItem[];
  dueOn: string;
  createdAt: Date;
  respondedAt: Date | null;
}

export interface SiteValidationView {
  id: string;
  scheduledOn: string;
  facility: string;
  outcome: "satisfactory" | "unsatisfactory" | null;
  outcomeNote: string | null;
}

export interface DecisionView {
  id: string;
  transition: string;
  reference: string;
  reasons: string;
  decidedAt: Date;
}

export interface TimelineEntry {
  id: string;
  occurredAt: Date;
  actorType: string;
  actorName: string | null;
  action: string;
  after: Record<string, unknown> | null;
}

export interface CaseView {
  caseId: string;
  companyId: string;
  legalName: string;
  clientNumber: string;
  status: MembershipStatus;
  caseStatus: string;
  waitingKind: string;
  waitingSince: Date;
  openedAt: Date;
  closedAt: Date | null;
  assignedStaffId: string | null;
  assignedName: string | null;
  denialProposedAt: Date | null;
  /** The officer who cancelled the membership (who may not decide its appeal). */
  cancelledByStaffId: string | null;
  memberSince: string | null;
  anniversaryOn: string | null;
  /** Whether this is the company's latest case: a member is suspended from it. */
  isLatestCase: boolean;
  /** What the suspensions of this case asked for. */
  actionPlans: { id: string; reasons: string; dueOn: string; createdAt: Date; respondedAt: Date | null }[];
  latest: SubmissionView | null;
  previous: SubmissionView | null;
  differences: SnapshotDifference[] | null;
  /** Key `${subject}|${itemId}`. */
  findings: Map<string, FindingView>;
  requests: RequestView[];
  siteValidations: SiteValidationView[];
  decisions: DecisionView[];
  timeline: TimelineEntry[];
  /** Names of the company's people, by person id (for company-user answers). */
  people: Map<string, string>;
  /** Today in Ottawa (YYYY-MM-DD). */
  today: string;
}

export const findingKey = (subject: string, itemId: string) => `${subject}|${itemId}`;

function submissionView(r: { id: string; reference: string; kind: string; sha256: string; submitted_at: Date | string; declared_name: string; content: string }): SubmissionView {
  return { id: r.id, reference: r.reference, kind: r.kind, sha256: r.sha256, submittedAt: new Date(r.submitted_at), declaredName: r.declared_name, snapshot: JSON.parse(r.content) as Snapshot };
}

export async function caseView(deps: Deps, caseId: string): Promise<CaseView | undefined> {
  if (!/^\d{1,18}$/.test(caseId)) return undefined;
  const rc = await deps.db
    .selectFrom("review_cases as rc")
    .innerJoin("companies as co", "co.id", "rc.company_id")
    .select([
      "rc.id",
      "rc.company_id",
      "rc.status as case_status",
      "rc.waiting_kind",
      "rc.waiting_since",
      "rc.opened_at",
      "rc.closed_at",
      "rc.assigned_staff_id",
      "co.legal_name",
      "co.client_number",
      "co.membership_status",
      "co.denial_proposed_at",
      "co.cancelled_by_staff_id",
      "co.member_since",
      "co.anniversary_on",
      (eb) => eb.selectFrom("review_cases as last").select((e) => e.fn.max("last.id").as("m")).whereRef("last.company_id", "=", "rc.company_id").as("latest_case_id"),
    ])
    .where("rc.id", "=", caseId)
    .executeTakeFirst();
  if (!rc) return undefined;
  const cols = ["id", "reference", "kind", "sha256", "submitted_at", "declared_name", "content"] as const;
  const [latestRow, findings, requests, svs, decisions, events, people, plans] = await Promise.all([
    deps.db.selectFrom("submissions").select(cols).where("case_id", "=", caseId).orderBy("id", "desc").limit(1).executeTakeFirst(),
    deps.db.selectFrom("findings").select(["subject", "item_id", "outcome", "note"]).where("case_id", "=", caseId).execute(),
    deps.db.selectFrom("information_requests").select(["id", "message", "items", sql<string>`due_on::text`.as("due_on"), "created_at", "responded_at"]).where("case_id", "=", caseId).orderBy("id").execute(),
    deps.db.selectFrom("site_validations").select(["id", sql<string>`scheduled_on::text`.as("scheduled_on"), "facility", "outcome", "outcome_note"]).where("case_id", "=", caseId).orderBy("id").execute(),
    deps.db.selectFrom("decisions").select(["id", "transition", "reference", "reasons", "decided_at"]).where("company_id", "=", rc.company_id).orderBy("id").execute(),
    deps.db
      .selectFrom("audit_events as ae")
      .leftJoin("people as p", (j) => j.on(sql<boolean>`ae.actor_type = 'trader' and p.id::text = ae.actor_id`))
      .select(["ae.id", "ae.occurred_at", "ae.actor_type", "ae.actor_id", "ae.action", "ae.after", "p.given_name", "p.family_name"])
      .where("ae.company_id", "=", rc.company_id)
      .where((eb) => eb.or([eb("ae.action", "like", "membership.%"), eb("ae.action", "like", "application.%"), eb("ae.action", "like", "review.%")]))
      .orderBy("ae.id", "desc")
      .limit(300)
      .execute(),
    deps.db
      .selectFrom("company_users as cu")
      .innerJoin("people as p", "p.id", "cu.person_id")
      .select(["p.id", "p.given_name", "p.family_name"])
      .where("cu.company_id", "=", rc.company_id)
      .execute(),
    deps.db
      .selectFrom("action_plans")
      .select(["id", "reasons", sql<string>`due_on::text`.as("due_on"), "created_at", "responded_at"])
      .where("case_id", "=", caseId)
      .orderBy("id")
      .execute(),
  ]);
  const latest = latestRow ? submissionView(latestRow) : null;
  const previousRow = latest
    ? await deps.db.selectFrom("submissions").select(cols).where("company_id", "=", rc.company_id).where("id", "<", latest.id).orderBy("id", "desc").limit(1).executeTakeFirst()
    : undefined;
  const previous = previousRow ? submissionView(previousRow) : null;
  const staffIds = new Set<string>();
  if (rc.assigned_staff_id) staffIds.add(rc.assigned_staff_id);
  for (const e of events) if (e.actor_type === "staff" && e.actor_id) staffIds.add(e.actor_id);
  const names = await staffNames(deps, [...staffIds]);
  const status = isMembershipStatus(rc.membership_status) ? rc.membership_status : "not-applied";
  return {
    caseId: rc.id,
    companyId: rc.company_id,
    legalName: rc.legal_name,
    clientNumber: rc.client_number,
    status,
    caseStatus: rc.case_status,
    waitingKind: rc.waiting_kind,
    waitingSince: new Date(rc.waiting_since),
    openedAt: new Date(rc.opened_at),
    closedAt: rc.closed_at ? new Date(rc.closed_at) : null,
    assignedStaffId: rc.assigned_staff_id,
    assignedName: rc.assigned_staff_id ? (names.get(rc.assigned_staff_id) ?? null) : null,
    denialProposedAt: rc.denial_proposed_at ? new Date(rc.denial_proposed_at) : null,
    cancelledByStaffId: rc.cancelled_by_staff_id,
    memberSince: rc.member_since,
    anniversaryOn: rc.anniversary_on,
    isLatestCase: String(rc.latest_case_id) === String(rc.id),
    actionPlans: plans.map((p) => ({ id: p.id, reasons: p.reasons, dueOn: p.due_on, createdAt: new Date(p.created_at), respondedAt: p.responded_at ? new Date(p.responded_at) : null })),
    latest,
    previous,
    differences: latest && previous ? snapshotDifferences(previous.snapshot, latest.snapshot) : null,
    findings: new Map(findings.map((f) => [findingKey(f.subject, f.item_id), { outcome: f.outcome, note: f.note }])),
    requests: requests.map((r) => ({ id: r.id, message: r.message, items: r.items, dueOn: String(r.due_on), createdAt: new Date(r.created_at), respondedAt: r.responded_at ? new Date(r.responded_at) : null })),
    siteValidations: svs.map((s) => ({ id: s.id, scheduledOn: String(s.scheduled_on), facility: s.facility, outcome: s.outcome, outcomeNote: s.outcome_note })),
    decisions: decisions.map((d) => ({ id: d.id, transition: d.transition, reference: d.reference, reasons: d.reasons, decidedAt: new Date(d.decided_at) })),
    timeline: events.map((e) => ({
      id: e.id,
      occurredAt: new Date(e.occurred_at),
      actorType: e.actor_type,
      actorName: e.actor_type === "staff" ? (names.get(e.actor_id ?? "") ?? null) : e.given_name ? `${e.given_name} ${e.family_name ?? ""}`.trim() : null,
      action: e.action,
      after: e.after,
    })),
    people: new Map(people.map((p) => [p.id, `${p.given_name} ${p.family_name}`])),
    today: calendarInOttawa(deps.clock.now()),
  };
}

/** Every (subject, item id) the snapshot holds or asks about: what findings and requests may name. */
export function snapshotItems(s: Snapshot): Set<string> {
  const out = new Set<string>();
  const add = (subject: string, p: { answers: Record<string, unknown>; evidence: Record<string, unknown> }) => {
    for (const id of [...Object.keys(p.answers), ...Object.keys(p.evidence)]) out.add(findingKey(subject, id));
  };
  add("application", s.application);
  for (const d of s.divisions) add(`division:${d.id}`, d);
  return out;
}

// ---- files and letters ----------------------------------------------------------------------------

export interface CaseFile {
  storageKey: string;
  fileName: string;
  mime: string;
  size: number;
}

/**
 * An evidence file of the case's company that one of the company's submissions refers to; never
 * an infected one. Undefined otherwise (another company's file, a draft's file, an unknown id).
 */
export async function caseFile(deps: Deps, caseId: string, fileId: string): Promise<CaseFile | undefined> {
  if (!/^\d{1,18}$/.test(caseId) || !/^\d{1,18}$/.test(fileId)) return undefined;
  const rc = await deps.db.selectFrom("review_cases").select("company_id").where("id", "=", caseId).executeTakeFirst();
  if (!rc) return undefined;
  const file = await deps.db
    .selectFrom("evidence_files")
    .select(["id", "storage_key", "file_name", "mime", "size", "scan_status"])
    .where("company_id", "=", rc.company_id)
    .where("id", "=", fileId)
    .executeTakeFirst();
  if (!file || file.scan_status === "infected") return undefined;
  const submissions = await deps.db.selectFrom("submissions").select("content").where("company_id", "=", rc.company_id).execute();
  const referenced = submissions.some((s) => {
    const snap = JSON.parse(s.content) as Snapshot;
    return (snap.statementEvidence ?? []).some((r) => r.id === file.id) || [snap.application, ...snap.divisions].some((p) => Object.values(p.evidence).some((refs) => refs.some((r) => r.id === file.id)));
  });
  if (!referenced) return undefined;
  return { storageKey: file.storage_key, fileName: file.file_name, mime: file.mime, size: Number(file.size) };
}

/** A submission of the case's company, with its snapshot. */
export async function caseSubmission(deps: Deps, caseId: string, submissionId: string): Promise<(SubmissionView & { locale: Locale }) | undefined> {
  if (!/^\d{1,18}$/.test(caseId) || !/^\d{1,18}$/.test(submissionId)) return undefined;
  const row = await deps.db
    .selectFrom("submissions as s")
    .innerJoin("review_cases as rc", "rc.company_id", "s.company_id")
    .innerJoin("companies as co", "co.id", "s.company_id")
    .select(["s.id", "s.reference", "s.kind", "s.sha256", "s.submitted_at", "s.declared_name", "s.content", "co.correspondence_locale"])
    .where("rc.id", "=", caseId)
    .where("s.id", "=", submissionId)
    .executeTakeFirst();
  return row ? { ...submissionView(row), locale: row.correspondence_locale } : undefined;
}

/** A decision of the case's company, with its letter's words. */
export async function caseDecision(deps: Deps, caseId: string, decisionId: string): Promise<{ reference: string; letter: Record<string, unknown> | null } | undefined> {
  if (!/^\d{1,18}$/.test(caseId) || !/^\d{1,18}$/.test(decisionId)) return undefined;
  return deps.db
    .selectFrom("decisions as d")
    .innerJoin("review_cases as rc", "rc.company_id", "d.company_id")
    .select(["d.reference", "d.letter"])
    .where("rc.id", "=", caseId)
    .where("d.id", "=", decisionId)
    .executeTakeFirst();
}
