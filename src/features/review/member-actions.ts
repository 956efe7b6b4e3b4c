// What an officer does with a member (APP-5 changes, APP-13 suspension): accept the changes a
// member submitted (closing their case; a request for information is the other answer, in
// service.ts), and suspend a membership with its reasons and the due date of the action plan
// the company must submit. A suspension opens a case when none is open (a member's last case
// is usually closed by its approval); the officer acts from the company's latest case page.
import type { AppDeps } from "../../web/context.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { recordAudit } from "../../platform/audit.ts";
import { calendarDate as calendarInOttawa } from "../../platform/clock.ts";
import { decide, IN_FORCE } from "../../domain/membership.ts";
import { addCalendarDays } from "../../domain/business-days.ts";
import { applyTransition, tellMembershipEvent } from "../membership/service.ts";
import { earliestDueOn, officerAction, staffActor, transitionOutcome, type ActionOutcome } from "./service.ts";

type Deps = Pick<AppDeps, "db" | "clock">;

/** Calendar days an action plan is given by default. */
export const ACTION_PLAN_DEFAULT_DAYS = 30;

export function defaultActionPlanDueOn(today: string): string {
  return addCalendarDays(today, ACTION_PLAN_DEFAULT_DAYS);
}

/** The officer accepts a member's submitted changes: the case closes, the company is told. */
export async function acceptChanges(deps: Deps, staffId: string, caseId: string, expected: string, note: string, meta: RequestMeta): Promise<ActionOutcome> {
  return officerAction<object>(deps, caseId, expected, async (trx, c) => {
    const rc = await trx.selectFrom("review_cases").select(["waiting_kind"]).where("id", "=", c.caseId).executeTakeFirstOrThrow();
    // In force: a changes case left open across the anniversary is still decided (APP-15).
    if (!IN_FORCE.includes(c.status) || !["changes", "response"].includes(rc.waiting_kind)) return { ok: false, reason: "refused", detail: "wrong-status" };
    const open = await trx.selectFrom("information_requests").select("id").where("case_id", "=", c.caseId).where("responded_at", "is", null).executeTakeFirst();
    if (open) return { ok: false, reason: "refused", detail: "open-request" };
    const now = deps.clock.now();
    await trx.updateTable("review_cases").set({ closed_at: now, outcome: "accept-changes" }).where("id", "=", c.caseId).execute();
    await recordAudit(trx, deps.clock, {
      actor: staffActor(staffId),
      action: "review.changes-accepted",
      subject: { type: "review-case", id: c.caseId },
      companyId: c.companyId,
      after: note ? { note } : null,
      requestId: meta.requestId,
    });
    await tellMembershipEvent(trx, deps.clock, c.companyId, "changes-accepted");
    return { ok: true };
  });
}

export interface SuspensionInput {
  reasons: string;
  /** The action plan's due date (YYYY-MM-DD). */
  dueOn: string;
}

/**
 * APP-13: the officer suspends the membership from the company's latest case (open or closed):
 * a case opens when none is, waiting for the action plan; the decision (with its letter) and
 * the action plan are written in the same transaction.
 */
export async function suspendMembership(deps: Deps, staffId: string, caseId: string, expected: string, input: SuspensionInput, meta: RequestMeta): Promise<ActionOutcome<{ caseId: string; reference: string | null }>> {
  return officerAction<{ caseId: string; reference: string | null }>(
    deps,
    caseId,
    expected,
    async (trx, c) => {
      const now = deps.clock.now();
      if (!decide("suspend", { status: c.status, now }, { actor: "officer", staffId }).ok) return { ok: false, reason: "refused", detail: "wrong-status" };
      if (input.dueOn < earliestDueOn(calendarInOttawa(now))) return { ok: false, reason: "refused", detail: "too-soon" };
      const latest = await trx.selectFrom("review_cases").select("id").where("company_id", "=", c.companyId).orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
      if (latest.id !== c.caseId) return { ok: false, reason: "changed" };
      let target = c.caseId;
      if (c.open) {
        await trx.updateTable("review_cases").set({ waiting_kind: "action-plan-due", waiting_since: now }).where("id", "=", c.caseId).execute();
      } else {
        const opened = await trx
          .insertInto("review_cases")
          .values({ company_id: c.companyId, opened_at: now, status: c.status, waiting_kind: "action-plan-due", waiting_since: now, assigned_staff_id: staffId, assigned_at: now })
          .returning("id")
          .executeTakeFirstOrThrow();
        target = opened.id;
      }
      const t = transitionOutcome(
        await applyTransition(trx, deps.clock, {
          companyId: c.companyId,
          name: "suspend",
          acting: { actor: "officer", staffId },
          reasons: input.reasons,
          actionPlanDueOn: input.dueOn,
          requestId: meta.requestId,
        }),
      );
      if (!t.ok) return t;
      const plan = await trx
        .insertInto("action_plans")
        .values({ case_id: target, company_id: c.companyId, decision_id: t.decisionId, reasons: input.reasons, due_on: input.dueOn, created_at: now, created_by_staff_id: staffId })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, deps.clock, {
        actor: staffActor(staffId),
        action: "review.action-plan-requested",
        subject: { type: "action-plan", id: plan.id },
        companyId: c.companyId,
        after: { dueOn: input.dueOn, decision: t.reference },
        requestId: meta.requestId,
      });
      return { ok: true, caseId: target, reference: t.reference };
    },
    { closedToo: true },
  );
}
