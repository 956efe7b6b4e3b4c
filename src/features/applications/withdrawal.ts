// Withdrawal (APP-10): the account owner withdraws the application or the membership, from any
// status but `not-applied`, `denied` and `withdrawn`. The open case, if any, closes with the
// owner's reason; everyone in the company is told (applyTransition).
import type { AppDeps } from "../../web/context.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { decide, type MembershipStatus } from "../../domain/membership.ts";
import { applyTransition } from "../membership/service.ts";
import { beginChange } from "../profiles/changes.ts";
import type { Actor } from "../profiles/service.ts";
import { asStatus } from "./service.ts";

export const WITHDRAWAL_REASON_MAX = 2000;

export function mayWithdraw(status: string, now: Date): boolean {
  return decide("withdraw", { status: asStatus(status), now }, { actor: "owner" }).ok;
}

export async function withdrawalState(deps: Pick<AppDeps, "db" | "clock">, companyId: string): Promise<{ status: MembershipStatus; allowed: boolean } | undefined> {
  const co = await deps.db.selectFrom("companies").select("membership_status").where("id", "=", companyId).executeTakeFirst();
  return co ? { status: asStatus(co.membership_status), allowed: mayWithdraw(co.membership_status, deps.clock.now()) } : undefined;
}

export type WithdrawOutcome = { ok: true } | { ok: false; reason: "forbidden" | "refused" };

export async function withdraw(deps: Pick<AppDeps, "db" | "clock">, actor: Actor, reason: string, meta: RequestMeta): Promise<WithdrawOutcome> {
  return deps.db.transaction().execute(async (trx): Promise<WithdrawOutcome> => {
    if (!(await beginChange(trx, actor, "account.submit"))) return { ok: false, reason: "forbidden" };
    const moved = await applyTransition(trx, deps.clock, {
      companyId: actor.companyId,
      name: "withdraw",
      acting: { actor: "owner", personId: actor.personId },
      reasons: reason,
      closedReason: reason || "withdrawn by the account owner",
      requestId: meta.requestId,
    });
    return moved.ok ? { ok: true } : { ok: false, reason: "refused" };
  });
}
