// The trader's side of the application (APP-5, APP-12, APP-13, APP-16): submitting the profiles
// as an immutable snapshot, responding to a request for information with another, asking for an
// informal review of a proposed denial, and the company's own record of what it submitted and
// what the CBSA decided.
//
// Every change is one transaction that starts with profiles' beginChange (locks the company's
// row, re-checks the actor's role with the matrix), checks the status, writes, and moves the
// membership with applyTransition (the one way a status changes). The lock makes two submissions
// of one company run one after the other: the second finds the status already moved.
import type { AppDeps } from "../../web/context.ts";
import type { Db, Tx } from "../../platform/db/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import type { RequestedItem, SubmissionKind } from "../../platform/db/schema.ts";
import { sql } from "kysely";
import { recordAudit } from "../../platform/audit.ts";
import { canonicalJson, sha256Hex, type Snapshot } from "../../domain/snapshot.ts";
import { decide, IN_FORCE, isMembershipStatus, UNDER_REVIEW, windowEnds, TRANSITIONS, type MembershipStatus } from "../../domain/membership.ts";
import { applyTransition, recordReference, tellMembershipEvent } from "../membership/service.ts";
import type { DecisionLetter } from "../membership/letter.ts";
import { beginChange } from "../profiles/changes.ts";
import type { Actor } from "../profiles/service.ts";
import { readiness, readSnapshotBody, type Readiness } from "./snapshot.ts";
import { documentUnsupportedCharacters } from "../../platform/pdf/document.ts";
import { submissionDocument } from "./submission-pdf.ts";

/**
 * The snapshot holds characters the submission's PDF cannot print (its fonts cover Latin-1 and
 * French typography): refused before anything is written, so that every submission has its PDF.
 */
export class UnprintableSubmission extends Error {
  constructor(readonly characters: string[]) {
    super(`the submission holds characters its PDF cannot print: ${characters.join(" ")}`);
  }
}

/** Runs a submission's transaction; an unprintable snapshot rolls it back and becomes a refusal. */
export async function refusingUnprintable<T>(work: () => Promise<T>): Promise<T | { ok: false; reason: "unprintable"; characters: string[] }> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof UnprintableSubmission) return { ok: false, reason: "unprintable", characters: err.characters };
    throw err;
  }
}

/** The longest statement an owner may give with a request for an informal review. */
export const STATEMENT_MAX_LENGTH = 4000;

/** A declared name as compared: NFC, spaces collapsed, trimmed, lower case. */
export function foldDeclaredName(name: string): string {
  return name.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim().toLocaleLowerCase("en-CA");
}

/** Whether the name the owner typed is their name as the portal holds it (APP-5's declaration). */
export function declaredNameMatches(typed: string, recorded: string): boolean {
  const a = foldDeclaredName(typed);
  return a.length > 0 && a === foldDeclaredName(recorded);
}

/** The transition a submission of the profiles makes from `status`, if any (APP-5, APP-15). */
export function submissionTransition(status: string): "submit" | "resubmit" | null {
  if (status === "not-applied") return "submit";
  if (status === "revalidation-due") return "resubmit";
  return null;
}

export const asStatus = (s: string): MembershipStatus => (isMembershipStatus(s) ? s : "not-applied");

// ---- the snapshot -------------------------------------------------------------------------

export interface SnapshotInput {
  companyId: string;
  caseId: string;
  kind: SubmissionKind;
  person: { personId: string; name: string };
  declaredName: string;
  request?: { id: string; message: string };
  actionPlan?: { id: string; reasons: string; dueOn: string };
  statement?: string;
  /** Draft files attached to the statement (evidence_files of this subject): submitted with it. */
  statementSubject?: string;
}

export interface WrittenSnapshot {
  id: string;
  reference: string;
  sha256: string;
}

/**
 * Reads the profiles as they are (inside the caller's transaction, the company locked), writes
 * them as an immutable submission with the SHA-256 of their canonical JSON, and marks every
 * evidence file it refers to as submitted (never removable again, APP-9).
 */
export async function writeSnapshot(trx: Tx, clock: Clock, input: SnapshotInput): Promise<WrittenSnapshot> {
  const body = await readSnapshotBody(trx, input.companyId);
  if (!body) throw new Error(`no company ${input.companyId}`);
  const { id } = await trx.selectNoFrom((eb) => eb.fn<string>("nextval", [eb.val("submissions_id_seq")]).as("id")).executeTakeFirstOrThrow();
  const now = clock.now();
  const reference = recordReference("PIP", now, id);
  const statementFiles = input.statementSubject
    ? await trx
        .selectFrom("evidence_files")
        .select(["id", "file_name", "size", "mime", "sha256", "scan_status"])
        .where("company_id", "=", input.companyId)
        .where("subject", "=", input.statementSubject)
        .where("submitted_at", "is", null)
        .where("scan_status", "!=", "infected")
        .orderBy("id")
        .execute()
    : [];
  const statementEvidence = statementFiles.map((f) => ({ id: String(f.id), fileName: f.file_name, size: Number(f.size), mime: f.mime, sha256: f.sha256, scanStatus: f.scan_status }));
  const evidenceIds = [...body.evidenceIds, ...statementEvidence.map((f) => f.id)];
  const snapshot: Snapshot = {
    format: 1,
    kind: input.kind,
    reference,
    catalogueVersion: body.catalogueVersion,
    company: body.company,
    application: body.application,
    divisions: body.divisions,
    ...(input.request ? { request: input.request } : {}),
    ...(input.actionPlan ? { actionPlan: input.actionPlan } : {}),
    ...(input.statement !== undefined ? { statement: input.statement } : {}),
    ...(input.statementSubject ? { statementEvidence } : {}),
    submittedBy: { personId: input.person.personId, name: input.person.name, declaredName: input.declaredName },
    submittedAt: now.toISOString(),
  };
  const content = canonicalJson(snapshot);
  const sha256 = sha256Hex(content);
  const unprintable = documentUnsupportedCharacters(submissionDocument(snapshot, "en", sha256));
  if (unprintable.length > 0) throw new UnprintableSubmission(unprintable);
  await trx
    .insertInto("submissions")
    .values({
      id: String(id),
      company_id: input.companyId,
      case_id: input.caseId,
      kind: input.kind,
      reference,
      catalogue_version: body.catalogueVersion,
      content,
      sha256,
      declared_name: input.declaredName,
      submitted_by_person_id: input.person.personId,
      submitted_at: now,
      // The counter the profiles are at, read in the same statement (the company is locked).
      profiles_version: (eb) => eb.selectFrom("companies").select("profiles_version").where("id", "=", input.companyId),
    })
    .execute();
  if (evidenceIds.length > 0) {
    await trx.updateTable("evidence_files").set({ submitted_at: now }).where("company_id", "=", input.companyId).where("id", "in", evidenceIds).where("submitted_at", "is", null).execute();
  }
  return { id: String(id), reference, sha256 };
}

export async function personName(trx: Tx, personId: string): Promise<string> {
  const p = await trx.selectFrom("people").select(["given_name", "family_name"]).where("id", "=", personId).executeTakeFirstOrThrow();
  return `${p.given_name} ${p.family_name}`;
}

// ---- submitting the application (APP-5) ---------------------------------------------------

export interface SubmitState {
  status: MembershipStatus;
  readiness: Readiness;
  /** The transition a submission would make now; null when the status does not allow one. */
  transition: "submit" | "resubmit" | null;
}

export async function submitState(deps: Pick<AppDeps, "db">, companyId: string): Promise<SubmitState | undefined> {
  const co = await deps.db.selectFrom("companies").select(["membership_status"]).where("id", "=", companyId).executeTakeFirst();
  if (!co) return undefined;
  const status = asStatus(co.membership_status);
  return { status, readiness: await readiness(deps.db, companyId), transition: submissionTransition(status) };
}

export type SubmitRefusal = "forbidden" | "not-ready" | "wrong-status" | "name-mismatch";

export type SubmitOutcome =
  | { ok: true; submissionId: string; reference: string; sha256: string }
  | { ok: false; reason: SubmitRefusal; status?: MembershipStatus; readiness?: Readiness }
  | { ok: false; reason: "unprintable"; characters: string[] };

/** APP-5: the owner submits the profiles (or resubmits them for revalidation, APP-15). */
export async function submitApplication(deps: Pick<AppDeps, "db" | "clock">, actor: Actor, declaredName: string, meta: RequestMeta): Promise<SubmitOutcome> {
  return refusingUnprintable(() => deps.db.transaction().execute(async (trx): Promise<SubmitOutcome> => {
    if (!(await beginChange(trx, actor, "account.submit"))) return { ok: false, reason: "forbidden" };
    const co = await trx.selectFrom("companies").select(["membership_status"]).where("id", "=", actor.companyId).executeTakeFirstOrThrow();
    const status = asStatus(co.membership_status);
    const transition = submissionTransition(status);
    if (!transition) return { ok: false, reason: "wrong-status", status };
    const ready = await readiness(trx, actor.companyId);
    if (!ready.ready) return { ok: false, reason: "not-ready", status, readiness: ready };
    const name = await personName(trx, actor.personId);
    if (!declaredNameMatches(declaredName, name)) return { ok: false, reason: "name-mismatch", status };

    const now = deps.clock.now();
    const kind: SubmissionKind = transition === "submit" ? "application" : "resubmission";
    const open = await trx.selectFrom("review_cases").select("id").where("company_id", "=", actor.companyId).where("closed_at", "is", null).executeTakeFirst();
    let caseId: string;
    if (open) {
      caseId = open.id;
      await trx.updateTable("review_cases").set({ waiting_kind: kind, waiting_since: now }).where("id", "=", caseId).execute();
    } else {
      const created = await trx
        .insertInto("review_cases")
        .values({ company_id: actor.companyId, opened_at: now, status: TRANSITIONS[transition].to, waiting_kind: kind, waiting_since: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      caseId = created.id;
    }
    const written = await writeSnapshot(trx, deps.clock, { companyId: actor.companyId, caseId, kind, person: { personId: actor.personId, name }, declaredName: declaredName.normalize("NFC").trim() });
    const moved = await applyTransition(trx, deps.clock, { companyId: actor.companyId, name: transition, acting: { actor: "owner", personId: actor.personId }, requestId: meta.requestId });
    if (!moved.ok) throw new Error(`${transition} refused after its checks: ${moved.reason}`);
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: actor.personId },
      action: "application.submitted",
      subject: { type: "submission", id: written.id },
      companyId: actor.companyId,
      after: { reference: written.reference, sha256: written.sha256, kind },
      requestId: meta.requestId,
    });
    return { ok: true, submissionId: written.id, reference: written.reference, sha256: written.sha256 };
  }));
}

// ---- a submission, for its confirmation page and its PDF ----------------------------------

export interface SubmissionRecord {
  id: string;
  kind: SubmissionKind;
  reference: string;
  sha256: string;
  submittedAt: Date;
  submittedBy: string;
}

/** A submission of the company (null when the id is another company's or none). */
export async function submissionOf(deps: Pick<AppDeps, "db">, companyId: string, submissionId: string): Promise<(SubmissionRecord & { content: string; locale: "en" | "fr" }) | undefined> {
  const row = await deps.db
    .selectFrom("submissions as s")
    .innerJoin("people as p", "p.id", "s.submitted_by_person_id")
    .innerJoin("companies as co", "co.id", "s.company_id")
    .select(["s.id", "s.kind", "s.reference", "s.sha256", "s.submitted_at", "s.content", "p.given_name", "p.family_name", "co.correspondence_locale"])
    .where("s.id", "=", submissionId)
    .where("s.company_id", "=", companyId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    reference: row.reference,
    sha256: row.sha256,
    submittedAt: new Date(row.submitted_at),
    submittedBy: `${row.given_name} ${row.family_name}`,
    content: row.content,
    locale: row.correspondence_locale,
  };
}

/** A decision's letter of the company (undefined when the id is another company's or has none). */
export async function letterOf(deps: Pick<AppDeps, "db">, companyId: string, decisionId: string): Promise<{ reference: string; letter: DecisionLetter } | undefined> {
  const row = await deps.db.selectFrom("decisions").select(["reference", "letter"]).where("id", "=", decisionId).where("company_id", "=", companyId).executeTakeFirst();
  if (!row?.letter) return undefined;
  return { reference: row.reference, letter: row.letter as unknown as DecisionLetter };
}

// ---- requests for information (APP-12) ----------------------------------------------------

export interface InformationRequestView {
  id: string;
  message: string;
  items: RequestedItem[];
  dueOn: string;
  createdAt: Date;
  respondedAt: Date | null;
  responseReference: string | null;
  status: MembershipStatus;
  /** Whether the owner may respond now: the request is open and the status is information-requested. */
  open: boolean;
  readiness: Readiness;
  /** The company's divisions by id, to name the security items asked about. */
  divisions: Map<string, string>;
}

/**
 * Whether a request belongs to the open case of a member's changes (APP-5): the officer asked
 * about submitted changes, the status stayed `member`, and the response makes no transition.
 */
export async function requestAboutChanges(db: Db | Tx, caseId: string, status: string): Promise<boolean> {
  if (!IN_FORCE.includes(asStatus(status))) return false;
  const rc = await db.selectFrom("review_cases").select("id").where("id", "=", caseId).where("closed_at", "is", null).executeTakeFirst();
  return rc !== undefined;
}

export async function informationRequest(deps: Pick<AppDeps, "db">, companyId: string, requestId: string): Promise<InformationRequestView | undefined> {
  const row = await deps.db
    .selectFrom("information_requests as r")
    .innerJoin("companies as co", "co.id", "r.company_id")
    .leftJoin("submissions as s", "s.id", "r.response_submission_id")
    .select(["r.id", "r.case_id", "r.message", "r.items", sql<string>`r.due_on::text`.as("due_on"), "r.created_at", "r.responded_at", "s.reference", "co.membership_status"])
    .where("r.id", "=", requestId)
    .where("r.company_id", "=", companyId)
    .executeTakeFirst();
  if (!row) return undefined;
  const status = asStatus(row.membership_status);
  return {
    id: row.id,
    message: row.message,
    items: row.items,
    dueOn: row.due_on,
    createdAt: new Date(row.created_at),
    respondedAt: row.responded_at ? new Date(row.responded_at) : null,
    responseReference: row.reference,
    status,
    open: row.responded_at === null && (status === "information-requested" || (await requestAboutChanges(deps.db, row.case_id, status))),
    readiness: await readiness(deps.db, companyId),
    divisions: new Map((await deps.db.selectFrom("divisions").select(["id", "name"]).where("company_id", "=", companyId).execute()).map((d) => [String(d.id), d.name])),
  };
}

export type RespondRefusal = "forbidden" | "not-found" | "closed" | "not-ready" | "name-mismatch";

export type RespondOutcome =
  | { ok: true; submissionId: string; reference: string }
  | { ok: false; reason: RespondRefusal; readiness?: Readiness }
  | { ok: false; reason: "unprintable"; characters: string[] };

/** APP-12: the owner submits the response to a request for information, as a snapshot of its own. */
export async function respondToRequest(deps: Pick<AppDeps, "db" | "clock">, actor: Actor, requestId: string, declaredName: string, meta: RequestMeta): Promise<RespondOutcome> {
  return refusingUnprintable(() => deps.db.transaction().execute(async (trx): Promise<RespondOutcome> => {
    if (!(await beginChange(trx, actor, "account.submit"))) return { ok: false, reason: "forbidden" };
    const request = await trx
      .selectFrom("information_requests")
      .select(["id", "case_id", "message", "responded_at"])
      .where("id", "=", requestId)
      .where("company_id", "=", actor.companyId)
      .executeTakeFirst();
    if (!request) return { ok: false, reason: "not-found" };
    const co = await trx.selectFrom("companies").select(["membership_status"]).where("id", "=", actor.companyId).executeTakeFirstOrThrow();
    const onChanges = await requestAboutChanges(trx, request.case_id, co.membership_status);
    if (request.responded_at !== null || (co.membership_status !== "information-requested" && !onChanges)) return { ok: false, reason: "closed" };
    const ready = await readiness(trx, actor.companyId);
    if (!ready.ready) return { ok: false, reason: "not-ready", readiness: ready };
    const name = await personName(trx, actor.personId);
    if (!declaredNameMatches(declaredName, name)) return { ok: false, reason: "name-mismatch" };
    const now = deps.clock.now();
    const written = await writeSnapshot(trx, deps.clock, {
      companyId: actor.companyId,
      caseId: request.case_id,
      kind: "response",
      person: { personId: actor.personId, name },
      declaredName: declaredName.normalize("NFC").trim(),
      request: { id: request.id, message: request.message },
    });
    await trx.updateTable("information_requests").set({ responded_at: now, response_submission_id: written.id }).where("id", "=", request.id).execute();
    await trx.updateTable("review_cases").set({ waiting_kind: "response", waiting_since: now }).where("id", "=", request.case_id).execute();
    if (onChanges) {
      // A request about a member's changes: the status stays `member` (no transition).
      await tellMembershipEvent(trx, deps.clock, actor.companyId, "changes-response-submitted");
    } else {
      const moved = await applyTransition(trx, deps.clock, { companyId: actor.companyId, name: "respond", acting: { actor: "owner", personId: actor.personId }, requestId: meta.requestId });
      if (!moved.ok) throw new Error(`respond refused after its checks: ${moved.reason}`);
    }
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: actor.personId },
      action: "application.response-submitted",
      subject: { type: "submission", id: written.id },
      companyId: actor.companyId,
      after: { reference: written.reference, sha256: written.sha256, request: request.id },
      requestId: meta.requestId,
    });
    return { ok: true, submissionId: written.id, reference: written.reference };
  }));
}

// ---- informal review of a proposed denial (APP-13) ----------------------------------------

export interface InformalReviewState {
  status: MembershipStatus;
  /** Whether the owner may ask now (status and the 30 days). */
  allowed: boolean;
  /** The moment the 30 days end, when a denial is proposed. */
  endsAt: Date | null;
}

export function informalReviewFacts(status: string, denialProposedAt: Date | null, now: Date): InformalReviewState {
  const s = asStatus(status);
  const facts = { status: s, now, denialProposedAt };
  const window = TRANSITIONS["request-informal-review"].window;
  const endsAt = s === "denial-proposed" ? (windowEnds(window, facts) ?? null) : null;
  return { status: s, allowed: decide("request-informal-review", facts, { actor: "owner" }).ok, endsAt };
}

export async function informalReviewState(deps: Pick<AppDeps, "db" | "clock">, companyId: string): Promise<InformalReviewState | undefined> {
  const co = await deps.db.selectFrom("companies").select(["membership_status", "denial_proposed_at"]).where("id", "=", companyId).executeTakeFirst();
  if (!co) return undefined;
  return informalReviewFacts(co.membership_status, co.denial_proposed_at ? new Date(co.denial_proposed_at) : null, deps.clock.now());
}

export type InformalReviewOutcome = { ok: true } | { ok: false; reason: "forbidden" | "refused" };

export async function requestInformalReview(deps: Pick<AppDeps, "db" | "clock">, actor: Actor, statement: string, meta: RequestMeta): Promise<InformalReviewOutcome> {
  return deps.db.transaction().execute(async (trx): Promise<InformalReviewOutcome> => {
    if (!(await beginChange(trx, actor, "account.submit"))) return { ok: false, reason: "forbidden" };
    const moved = await applyTransition(trx, deps.clock, { companyId: actor.companyId, name: "request-informal-review", acting: { actor: "owner", personId: actor.personId }, requestId: meta.requestId });
    if (!moved.ok) return { ok: false, reason: "refused" };
    const now = deps.clock.now();
    await trx.updateTable("review_cases").set({ waiting_kind: "informal-review", waiting_since: now }).where("company_id", "=", actor.companyId).where("closed_at", "is", null).execute();
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: actor.personId },
      action: "application.informal-review-requested",
      subject: { type: "company", id: actor.companyId },
      companyId: actor.companyId,
      after: { statement },
      requestId: meta.requestId,
    });
    return { ok: true };
  });
}

// ---- the company's record (APP-16) --------------------------------------------------------

export interface CompanyRecord {
  submissions: SubmissionRecord[];
  requests: { id: string; createdAt: Date; dueOn: string; respondedAt: Date | null }[];
  decisions: { id: string; reference: string; transition: string; toStatus: string; decidedAt: Date; hasLetter: boolean }[];
}

export async function companyRecord(deps: Pick<AppDeps, "db">, companyId: string): Promise<CompanyRecord> {
  const [submissions, requests, decisions] = await Promise.all([
    deps.db
      .selectFrom("submissions as s")
      .innerJoin("people as p", "p.id", "s.submitted_by_person_id")
      .select(["s.id", "s.kind", "s.reference", "s.sha256", "s.submitted_at", "p.given_name", "p.family_name"])
      .where("s.company_id", "=", companyId)
      .orderBy("s.id", "desc")
      .execute(),
    deps.db.selectFrom("information_requests").select(["id", "created_at", sql<string>`due_on::text`.as("due_on"), "responded_at"]).where("company_id", "=", companyId).orderBy("id", "desc").execute(),
    deps.db
      .selectFrom("decisions")
      .select((eb) => ["id", "reference", "transition", "to_status", "decided_at", eb("letter", "is not", null).as("has_letter")])
      .where("company_id", "=", companyId)
      .orderBy("id", "desc")
      .execute(),
  ]);
  return {
    submissions: submissions.map((s) => ({ id: s.id, kind: s.kind, reference: s.reference, sha256: s.sha256, submittedAt: new Date(s.submitted_at), submittedBy: `${s.given_name} ${s.family_name}` })),
    requests: requests.map((r) => ({ id: r.id, createdAt: new Date(r.created_at), dueOn: r.due_on, respondedAt: r.responded_at ? new Date(r.responded_at) : null })),
    decisions: decisions.map((d) => ({ id: d.id, reference: d.reference, transition: d.transition, toStatus: d.to_status, decidedAt: new Date(d.decided_at), hasLetter: Boolean(d.has_letter) })),
  };
}

/** Whether the CBSA is reviewing: saved changes are drafts, not sent, except a response (APP-5). */
export function underReview(status: string): boolean {
  return UNDER_REVIEW.includes(asStatus(status));
}
