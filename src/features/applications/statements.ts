// The owner's written answers to a suspension and a cancellation (APP-13, APP-14): the action
// plan a suspension asks for, and the appeal of a cancellation within 30 days. Each is a
// statement with optional files (uploaded beforehand as drafts of the subject `action-plan` or
// `appeal`, profiles/evidence.ts), submitted as a snapshot of its own that carries the profiles
// as they are, the statement and the files by id and SHA-256, and waits in the officers' queue.
import type { AppDeps } from "../../web/context.ts";
import type { Db } from "../../platform/db/index.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { sql } from "kysely";
import { recordAudit } from "../../platform/audit.ts";
import { decide, TRANSITIONS, windowEnds, type MembershipStatus } from "../../domain/membership.ts";
import { applyTransition, tellMembershipEvent } from "../membership/service.ts";
import { beginChange } from "../profiles/changes.ts";
import type { Actor } from "../profiles/service.ts";
import { asStatus, declaredNameMatches, personName, refusingUnprintable, writeSnapshot } from "./service.ts";

/** The longest statement (an action plan, an appeal). */
export const STATEMENT_TEXT_MAX = 8000;

/** Subjects of the draft files attached to a statement (evidence_files.subject), and the one "item" they belong to. */
export const STATEMENT_SUBJECTS = { "action-plan": "action-plan", appeal: "appeal" } as const;
export type StatementKind = keyof typeof STATEMENT_SUBJECTS;
export const STATEMENT_ITEM = "statement";

export interface StatementFile {
  id: string;
  fileName: string;
  size: number;
  mime: string;
  scanStatus: string;
}

/** The draft files attached to the next statement of `kind`. */
export async function statementFiles(db: Db, companyId: string, kind: StatementKind): Promise<StatementFile[]> {
  const rows = await db
    .selectFrom("evidence_files")
    .select(["id", "file_name", "size", "mime", "scan_status"])
    .where("company_id", "=", companyId)
    .where("subject", "=", STATEMENT_SUBJECTS[kind])
    .where("submitted_at", "is", null)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, size: Number(r.size), mime: r.mime, scanStatus: r.scan_status }));
}

export type StatementRefusal = "forbidden" | "closed" | "name-mismatch" | "pending-files";
export type StatementOutcome = { ok: true; submissionId: string; reference: string } | { ok: false; reason: StatementRefusal } | { ok: false; reason: "unprintable"; characters: string[] };

async function hasPendingFiles(trx: Parameters<typeof writeSnapshot>[0], companyId: string, subject: string): Promise<boolean> {
  const row = await trx
    .selectFrom("evidence_files")
    .select("id")
    .where("company_id", "=", companyId)
    .where("subject", "=", subject)
    .where("submitted_at", "is", null)
    .where("scan_status", "=", "pending")
    .executeTakeFirst();
  return row !== undefined;
}

// ---- the action plan of a suspension (APP-13) -----------------------------------------------

export interface ActionPlanView {
  id: string;
  reasons: string;
  dueOn: string;
  createdAt: Date;
  respondedAt: Date | null;
  responseReference: string | null;
  responseSubmissionId: string | null;
  status: MembershipStatus;
  /** Whether the owner may submit the plan now (the plan is open and the membership suspended). */
  open: boolean;
  /** Whether a job suspended the membership (no revalidation resubmitted). */
  byJob: boolean;
}

/** The company's latest action plan (the one its suspension asked for), or undefined. */
export async function latestActionPlan(db: Db, companyId: string): Promise<ActionPlanView | undefined> {
  const row = await db
    .selectFrom("action_plans as ap")
    .innerJoin("companies as co", "co.id", "ap.company_id")
    .leftJoin("submissions as s", "s.id", "ap.response_submission_id")
    .select(["ap.id", "ap.reasons", sql<string>`ap.due_on::text`.as("due_on"), "ap.created_at", "ap.created_by_staff_id", "ap.responded_at", "ap.response_submission_id", "s.reference", "co.membership_status"])
    .where("ap.company_id", "=", companyId)
    .orderBy("ap.id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const status = asStatus(row.membership_status);
  return {
    id: row.id,
    reasons: row.reasons,
    dueOn: row.due_on,
    createdAt: new Date(row.created_at),
    respondedAt: row.responded_at ? new Date(row.responded_at) : null,
    responseReference: row.reference,
    responseSubmissionId: row.response_submission_id,
    status,
    open: row.responded_at === null && status === "suspended",
    byJob: row.created_by_staff_id === null,
  };
}

/** APP-13: the owner submits the action plan the suspension asked for, as a snapshot; the case waits on the officer again. */
export async function submitActionPlan(deps: Pick<AppDeps, "db" | "clock">, actor: Actor, planId: string, statement: string, declaredName: string, meta: RequestMeta): Promise<StatementOutcome> {
  return refusingUnprintable(() =>
    deps.db.transaction().execute(async (trx): Promise<StatementOutcome> => {
      if (!(await beginChange(trx, actor, "account.submit"))) return { ok: false, reason: "forbidden" };
      const plan = await trx
        .selectFrom("action_plans")
        .select(["id", "case_id", "reasons", sql<string>`due_on::text`.as("due_on"), "responded_at"])
        .where("id", "=", planId)
        .where("company_id", "=", actor.companyId)
        .executeTakeFirst();
      const co = await trx.selectFrom("companies").select("membership_status").where("id", "=", actor.companyId).executeTakeFirstOrThrow();
      if (!plan || plan.responded_at !== null || co.membership_status !== "suspended") return { ok: false, reason: "closed" };
      if (await hasPendingFiles(trx, actor.companyId, STATEMENT_SUBJECTS["action-plan"])) return { ok: false, reason: "pending-files" };
      const name = await personName(trx, actor.personId);
      if (!declaredNameMatches(declaredName, name)) return { ok: false, reason: "name-mismatch" };
      const now = deps.clock.now();
      const written = await writeSnapshot(trx, deps.clock, {
        companyId: actor.companyId,
        caseId: plan.case_id,
        kind: "action-plan",
        person: { personId: actor.personId, name },
        declaredName: declaredName.normalize("NFC").trim(),
        actionPlan: { id: plan.id, reasons: plan.reasons, dueOn: plan.due_on },
        statement,
        statementSubject: STATEMENT_SUBJECTS["action-plan"],
      });
      await trx.updateTable("action_plans").set({ responded_at: now, response_submission_id: written.id }).where("id", "=", plan.id).execute();
      await trx.updateTable("review_cases").set({ waiting_kind: "action-plan", waiting_since: now }).where("id", "=", plan.case_id).execute();
      await recordAudit(trx, deps.clock, {
        actor: { type: "trader", id: actor.personId },
        action: "application.action-plan-submitted",
        subject: { type: "submission", id: written.id },
        companyId: actor.companyId,
        after: { reference: written.reference, sha256: written.sha256, actionPlan: plan.id },
        requestId: meta.requestId,
      });
      await tellMembershipEvent(trx, deps.clock, actor.companyId, "action-plan-submitted");
      return { ok: true, submissionId: written.id, reference: written.reference };
    }),
  );
}

// ---- the appeal of a cancellation (APP-14) --------------------------------------------------

export interface AppealState {
  status: MembershipStatus;
  /** Whether the owner may appeal now (cancelled, within 30 days, not final). */
  allowed: boolean;
  /** The moment the 30 days end (when cancelled). */
  endsAt: Date | null;
}

export function appealFacts(co: { membership_status: string; cancelled_at: Date | string | null; cancellation_final_at: Date | string | null }, now: Date): AppealState {
  const status = asStatus(co.membership_status);
  const facts = {
    status,
    now,
    cancelledAt: co.cancelled_at ? new Date(co.cancelled_at) : null,
    cancellationFinalAt: co.cancellation_final_at ? new Date(co.cancellation_final_at) : null,
  };
  const endsAt = status === "cancelled" ? (windowEnds(TRANSITIONS.appeal.window, facts) ?? null) : null;
  return { status, allowed: decide("appeal", facts, { actor: "owner" }).ok, endsAt };
}

export async function appealState(deps: Pick<AppDeps, "db" | "clock">, companyId: string): Promise<AppealState | undefined> {
  const co = await deps.db.selectFrom("companies").select(["membership_status", "cancelled_at", "cancellation_final_at"]).where("id", "=", companyId).executeTakeFirst();
  return co ? appealFacts(co, deps.clock.now()) : undefined;
}

/** APP-14: the owner appeals the cancellation within 30 days; the appeal opens a case that another officer decides. */
export async function submitAppeal(deps: Pick<AppDeps, "db" | "clock">, actor: Actor, statement: string, declaredName: string, meta: RequestMeta): Promise<StatementOutcome> {
  return refusingUnprintable(() =>
    deps.db.transaction().execute(async (trx): Promise<StatementOutcome> => {
      if (!(await beginChange(trx, actor, "account.submit"))) return { ok: false, reason: "forbidden" };
      const co = await trx.selectFrom("companies").select(["membership_status", "cancelled_at", "cancellation_final_at"]).where("id", "=", actor.companyId).executeTakeFirstOrThrow();
      if (!appealFacts(co, deps.clock.now()).allowed) return { ok: false, reason: "closed" };
      if (await hasPendingFiles(trx, actor.companyId, STATEMENT_SUBJECTS.appeal)) return { ok: false, reason: "pending-files" };
      const name = await personName(trx, actor.personId);
      if (!declaredNameMatches(declaredName, name)) return { ok: false, reason: "name-mismatch" };
      const now = deps.clock.now();
      const opened = await trx
        .insertInto("review_cases")
        .values({ company_id: actor.companyId, opened_at: now, status: "cancelled", waiting_kind: "appeal", waiting_since: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      const written = await writeSnapshot(trx, deps.clock, {
        companyId: actor.companyId,
        caseId: opened.id,
        kind: "appeal",
        person: { personId: actor.personId, name },
        declaredName: declaredName.normalize("NFC").trim(),
        statement,
        statementSubject: STATEMENT_SUBJECTS.appeal,
      });
      const moved = await applyTransition(trx, deps.clock, { companyId: actor.companyId, name: "appeal", acting: { actor: "owner", personId: actor.personId }, requestId: meta.requestId });
      if (!moved.ok) throw new Error(`appeal refused after its checks: ${moved.reason}`);
      await recordAudit(trx, deps.clock, {
        actor: { type: "trader", id: actor.personId },
        action: "application.appeal-submitted",
        subject: { type: "submission", id: written.id },
        companyId: actor.companyId,
        after: { reference: written.reference, sha256: written.sha256 },
        requestId: meta.requestId,
      });
      return { ok: true, submissionId: written.id, reference: written.reference };
    }),
  );
}
