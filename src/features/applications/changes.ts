// Changes a member submits (APP-5): once a decision made the company a member, edits to the
// profiles are drafts until the account owner submits them as a *changes* snapshot, with the
// differences from the previous snapshot; the snapshot opens a case in the officers' queue,
// which the officer accepts or answers with a request for information (features/review). The
// status stays `member` throughout: changes are not a transition of APP-10.
//
// While the CBSA is reviewing (an open case, or a status of UNDER_REVIEW) changes are saved
// but cannot be submitted, except as the response to a request for information.
import { sql, type Expression, type ExpressionBuilder } from "kysely";
import { jsonBuildObject, jsonObjectFrom } from "kysely/helpers/postgres";
import type { AppDeps } from "../../web/context.ts";
import type { Database } from "../../platform/db/schema.ts";
import type { Db, Tx } from "../../platform/db/index.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { recordAudit } from "../../platform/audit.ts";
import { snapshotDifferences, type Snapshot, type SnapshotDifference } from "../../domain/snapshot.ts";
import type { MembershipStatus } from "../../domain/membership.ts";
import { tellMembershipEvent } from "../membership/service.ts";
import { beginChange } from "../profiles/changes.ts";
import { profilesProgressJson, progressFrom, type Actor } from "../profiles/service.ts";
import { readinessFrom, SNAPSHOT_COMPANY_COLUMNS, snapshotBodyFrom, snapshotRowsJson, type Readiness, type SnapshotCompanyRow } from "./snapshot.ts";
import { asStatus, declaredNameMatches, personName, refusingUnprintable, writeSnapshot } from "./service.ts";

/** Why changes cannot be submitted now (null when they can). */
export type ChangesBlock = "not-member" | "under-review" | "no-changes" | "not-ready";

export interface PendingChanges {
  status: MembershipStatus;
  /** The latest snapshot the differences are counted from. */
  previous: { reference: string; submittedAt: Date } | null;
  differences: SnapshotDifference[];
  readiness: Readiness;
  /** Whether a case is open (the CBSA is looking at something of the company). */
  caseOpen: boolean;
  /** The divisions' names by id, now and in the latest snapshot (to name the differences). */
  divisionNames: Map<string, string>;
  block: ChangesBlock | null;
}

type OfCompany = ExpressionBuilder<Database, "companies">;

/**
 * What the changes are computed from, as one JSON subquery over `companies`: the latest
 * snapshot, whether a case is open, and the profiles' rows as a snapshot would hold them.
 */
export function changesFactsJson(eb: OfCompany) {
  return jsonBuildObject({
    latest: jsonObjectFrom(
      eb
        .selectFrom("submissions as s")
        .select(["s.reference", "s.submitted_at", "s.content"])
        .whereRef("s.company_id", "=", "companies.id")
        .orderBy("s.id", "desc")
        .limit(1),
    ),
    case_open: openCase(eb),
    ...snapshotRowsJson(eb),
  });
}

export type ChangesFacts = JsonRow<ReturnType<typeof changesFactsJson>>;

/** Nothing changed since the latest snapshot (their profiles_version counters are equal; migration 0017). */
export interface UnchangedSinceSnapshot {
  unchanged: true;
  case_open: boolean;
}

/**
 * For a member's dashboard, on every view: when the profiles' counter is still the latest
 * snapshot's, only that (nothing to read or compare); else everything changesFrom compares.
 */
export function memberChangesJson(eb: OfCompany) {
  const snapshotVersion = eb.selectFrom("submissions as s").select("s.profiles_version").whereRef("s.company_id", "=", "companies.id").orderBy("s.id", "desc").limit(1);
  return sql<UnchangedSinceSnapshot | ChangesFacts>`case when ${snapshotVersion} = ${eb.ref("companies.profiles_version")}
    then json_build_object('unchanged', true, 'case_open', ${openCase(eb)})
    else ${changesFactsJson(eb)} end`;
}

function openCase(eb: OfCompany) {
  return eb.exists(eb.selectFrom("review_cases as rc").select("rc.id").whereRef("rc.company_id", "=", "companies.id").where("rc.closed_at", "is", null));
}

/** The changes a member's dashboard shows, from what memberChangesJson read. */
export function memberChangesFrom(status: MembershipStatus, co: SnapshotCompanyRow, facts: UnchangedSinceSnapshot | ChangesFacts, ready: Readiness): Pick<PendingChanges, "block" | "differences" | "divisionNames"> {
  if ("unchanged" in facts) return { block: facts.case_open ? "under-review" : "no-changes", differences: [], divisionNames: new Map() };
  return changesFrom(status, co, facts, ready);
}
type JsonRow<E> = E extends Expression<infer T> ? NonNullable<T> : never;

/** The changes from what changesFactsJson read, the company's own row and its readiness. */
export function changesFrom(status: MembershipStatus, co: SnapshotCompanyRow, facts: ChangesFacts, ready: Readiness): PendingChanges {
  const latest = facts.latest
    ? { reference: facts.latest.reference, submittedAt: new Date(facts.latest.submitted_at), snapshot: JSON.parse(facts.latest.content) as Snapshot }
    : null;
  const body = snapshotBodyFrom(co, facts);
  const differences = latest ? snapshotDifferences(latest.snapshot, { ...latest.snapshot, company: body.company, application: body.application, divisions: body.divisions }) : [];
  const caseOpen = Boolean(facts.case_open);
  let block: ChangesBlock | null = null;
  if (status !== "member" || !latest) block = "not-member";
  else if (caseOpen) block = "under-review";
  else if (differences.length === 0) block = "no-changes";
  else if (!ready.ready) block = "not-ready";
  return {
    status,
    previous: latest ? { reference: latest.reference, submittedAt: latest.submittedAt } : null,
    differences,
    readiness: ready,
    caseOpen,
    divisionNames: new Map([...(latest?.snapshot.divisions ?? []), ...body.divisions].map((d) => [d.id, d.name])),
    block,
  };
}

/** The profiles as they are now compared with the latest snapshot, and whether they can be submitted as changes (one query). */
export async function pendingChanges(db: Db | Tx, companyId: string): Promise<PendingChanges | undefined> {
  const co = await db
    .selectFrom("companies")
    .select((eb) => [...SNAPSHOT_COMPANY_COLUMNS, "membership_status", "profile_updated_at", profilesProgressJson(eb).as("progress"), changesFactsJson(eb).as("changes")])
    .where("id", "=", companyId)
    .executeTakeFirst();
  if (!co) return undefined;
  return changesFrom(asStatus(co.membership_status), co, co.changes, readinessFrom(co, progressFrom(co.progress)));
}

export type ChangesOutcome =
  | { ok: true; submissionId: string; reference: string }
  | { ok: false; reason: "forbidden" | "name-mismatch" }
  | { ok: false; reason: "blocked"; block: ChangesBlock }
  | { ok: false; reason: "unprintable"; characters: string[] };

/** APP-5: the owner submits the member's changes as a snapshot of their own; a case opens for the officers. */
export async function submitChanges(deps: Pick<AppDeps, "db" | "clock">, actor: Actor, declaredName: string, meta: RequestMeta): Promise<ChangesOutcome> {
  return refusingUnprintable(() =>
    deps.db.transaction().execute(async (trx): Promise<ChangesOutcome> => {
      if (!(await beginChange(trx, actor, "account.submit"))) return { ok: false, reason: "forbidden" };
      const pending = await pendingChanges(trx, actor.companyId);
      if (!pending) return { ok: false, reason: "forbidden" };
      if (pending.block) return { ok: false, reason: "blocked", block: pending.block };
      const name = await personName(trx, actor.personId);
      if (!declaredNameMatches(declaredName, name)) return { ok: false, reason: "name-mismatch" };
      const now = deps.clock.now();
      const opened = await trx
        .insertInto("review_cases")
        .values({ company_id: actor.companyId, opened_at: now, status: pending.status, waiting_kind: "changes", waiting_since: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      const written = await writeSnapshot(trx, deps.clock, {
        companyId: actor.companyId,
        caseId: opened.id,
        kind: "changes",
        person: { personId: actor.personId, name },
        declaredName: declaredName.normalize("NFC").trim(),
      });
      await recordAudit(trx, deps.clock, {
        actor: { type: "trader", id: actor.personId },
        action: "application.changes-submitted",
        subject: { type: "submission", id: written.id },
        companyId: actor.companyId,
        after: { reference: written.reference, sha256: written.sha256, differences: pending.differences.length },
        requestId: meta.requestId,
      });
      await tellMembershipEvent(trx, deps.clock, actor.companyId, "changes-submitted");
      return { ok: true, submissionId: written.id, reference: written.reference };
    }),
  );
}
