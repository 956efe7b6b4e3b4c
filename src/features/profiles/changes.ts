// Changes to a company's profiles (APP-3, APP-4, APP-8): answers saved as drafts with their
// row versions, the lines of business, and divisions. What the pages read is in service.ts.
//
// Every change is one transaction that first locks the company's row, re-reads the actor's
// membership and checks it with the same matrix as the route (domain/permissions.ts), and
// writes its audit event with before and after (beginChange).
import type { AppDeps } from "../../web/context.ts";
import type { Tx } from "../../platform/db/index.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { recordAudit } from "../../platform/audit.ts";
import { can, isCompanyRole, type CompanyAction } from "../../domain/permissions.ts";
import { NON_PORTAL_LINES } from "../../domain/eligibility.ts";
import {
  CURRENT_VERSION,
  PORTAL_LINES,
  currentCatalogue,
  validateAnswer,
  type AnswerContext,
  type AnswerProblem,
  type CatalogueItem,
  type PortalLine,
  type RawAnswer,
} from "../../domain/catalogue/index.ts";
import { APPLICATION, answersJson, companyLines, companyUserOptions, divisionSubject, isPortalLine, portalLines, type Actor } from "./service.ts";

// ---- changes -------------------------------------------------------------------------------

/**
 * The start of every change to a company's profiles: locks the company's row (changes of one
 * company run one after the other) and re-checks the actor's active membership with the matrix.
 */
export async function beginChange(trx: Tx, actor: Actor, action: CompanyAction): Promise<boolean> {
  const company = await trx.selectFrom("companies").select(["status"]).where("id", "=", actor.companyId).forUpdate().executeTakeFirst();
  if (!company || company.status !== "authorized") return false;
  const me = await trx
    .selectFrom("company_users")
    .select(["role", "status"])
    .where("company_id", "=", actor.companyId)
    .where("person_id", "=", actor.personId)
    .executeTakeFirst();
  return !!me && me.status === "active" && isCompanyRole(me.role) && can(me.role, action);
}

export interface PostedItem {
  itemId: string;
  raw: RawAnswer;
  /** The answer's version when the page was opened (0: it had none). */
  base: number;
}

export interface Conflict {
  itemId: string;
  /** What is saved now, by someone else, since the page was opened. */
  theirs: RawAnswer;
  theirsBy: string | null;
  theirsAt: Date;
  version: number;
  /** What this person sent. */
  mine: RawAnswer;
}

export type SaveOutcome =
  | { ok: true; changed: number }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "invalid"; problems: Record<string, { problem: AnswerProblem; field: "value" | "explanation" }> }
  | { ok: false; reason: "conflict"; conflicts: Conflict[]; changed: number };

/** Problems that keep an answer from counting but not from being saved as a draft. */
const DRAFT_PROBLEMS: readonly AnswerProblem[] = ["required", "explanation-required"];

function isBlankRaw(raw: RawAnswer): boolean {
  const v = raw.value;
  const blankValue = v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
  return blankValue && (typeof raw.explanation !== "string" || raw.explanation.trim() === "");
}

/** What is stored for a posted answer: null to clear it; a draft keeps what was typed. */
function toStore(item: CatalogueItem, raw: RawAnswer, context: AnswerContext): { store: RawAnswer | null } | { problem: AnswerProblem; field: "value" | "explanation" } {
  if (isBlankRaw(raw)) return { store: null };
  const check = validateAnswer(item, raw, context);
  if (check.ok) return { store: check.value ? { ...check.value } : null };
  if (DRAFT_PROBLEMS.includes(check.problem)) {
    const explanation = typeof raw.explanation === "string" ? raw.explanation.trim() : "";
    return { store: { value: raw.value, ...(explanation ? { explanation } : {}) } };
  }
  return { problem: check.problem, field: check.field };
}

function same(a: RawAnswer | null | undefined, b: RawAnswer | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Saves the answers of one page. Nothing is saved when any answer is malformed (a number that
 * is not one, an option that does not exist, too long): the page shows what was typed. An
 * incomplete answer (a "no" on a must without its explanation) is saved as a draft and does
 * not count as answered. An answer someone else changed since the page was opened is not
 * overwritten: it comes back as a conflict, and the rest is saved.
 */
export async function saveAnswers(
  deps: Pick<AppDeps, "db" | "clock">,
  actor: Actor,
  action: "application-profile.update" | "security-profile.update",
  subject: string,
  items: readonly CatalogueItem[],
  posted: readonly PostedItem[],
  meta: RequestMeta,
): Promise<SaveOutcome> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const users = (await companyUserOptions(deps, actor.companyId)).map((u) => u.personId);
  const context: AnswerContext = { companyUsers: users };
  const problems: Record<string, { problem: AnswerProblem; field: "value" | "explanation" }> = {};
  const wanted = new Map<string, { store: RawAnswer | null; base: number; raw: RawAnswer }>();
  for (const p of posted) {
    const item = byId.get(p.itemId);
    if (!item) continue;
    const result = toStore(item, p.raw, context);
    if ("problem" in result) problems[p.itemId] = { problem: result.problem, field: result.field };
    else wanted.set(p.itemId, { store: result.store, base: p.base, raw: p.raw });
  }
  if (Object.keys(problems).length > 0) return { ok: false, reason: "invalid", problems };

  return deps.db.transaction().execute(async (trx): Promise<SaveOutcome> => {
    if (!(await beginChange(trx, actor, action))) return { ok: false, reason: "forbidden" };
    const ids = [...wanted.keys()];
    const current =
      ids.length === 0
        ? []
        : ((await trx.selectFrom("companies").select((eb) => answersJson(eb, subject, ids).as("answers")).where("companies.id", "=", actor.companyId).executeTakeFirst())?.answers ?? []);
    const now = deps.clock.now();
    const conflicts: Conflict[] = [];
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [itemId, w] of wanted) {
      const row = current.find((r) => r.item_id === itemId);
      const stored = (row?.answer) ?? null;
      if (same(stored, w.store)) continue;
      const version = row?.version ?? 0;
      if (version !== w.base) {
        conflicts.push({
          itemId,
          theirs: stored ?? {},
          theirsBy: row?.given_name ? `${row.given_name} ${row.family_name}` : null,
          theirsAt: row ? new Date(row.updated_at) : now,
          version,
          mine: w.raw,
        });
        continue;
      }
      before[itemId] = stored;
      after[itemId] = w.store;
      if (w.store === null) {
        await trx.deleteFrom("profile_answers").where("company_id", "=", actor.companyId).where("subject", "=", subject).where("item_id", "=", itemId).where("version", "=", version).execute();
      } else if (row) {
        const updated = await trx
          .updateTable("profile_answers")
          .set({ answer: JSON.stringify(w.store), version: version + 1, catalogue_version: CURRENT_VERSION, updated_at: now, updated_by_person_id: actor.personId })
          .where("company_id", "=", actor.companyId)
          .where("subject", "=", subject)
          .where("item_id", "=", itemId)
          .where("version", "=", version)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new Error("answer changed under a company lock");
      } else {
        await trx
          .insertInto("profile_answers")
          .values({
            company_id: actor.companyId,
            subject,
            item_id: itemId,
            catalogue_version: CURRENT_VERSION,
            answer: JSON.stringify(w.store),
            version: 1,
            updated_at: now,
            updated_by_person_id: actor.personId,
          })
          .execute();
      }
    }
    const changed = Object.keys(after).length;
    if (changed > 0) {
      await recordAudit(trx, deps.clock, {
        actor: { type: "trader", id: actor.personId },
        action: "profile.answers-saved",
        subject: { type: subject === APPLICATION ? "application-profile" : "security-profile", id: subject === APPLICATION ? actor.companyId : subject.slice("division:".length) },
        companyId: actor.companyId,
        before,
        after,
        requestId: meta.requestId,
      });
    }
    return conflicts.length > 0 ? { ok: false, reason: "conflict", conflicts, changed } : { ok: true, changed };
  });
}

// ---- lines of business (APP-3) ------------------------------------------------------------

export type LineOutcome = { ok: true } | { ok: false; reason: "forbidden" | "not-allowed" | "last-line" | "division-needs-line"; division?: string };

/**
 * Adds or removes a line of business before submission. Never a customs broker or shipping
 * agent line (they cannot use the portal); never the last line. Removing keeps the line's
 * answers (out of the submission, back if the line is added again); a division that carries
 * out only that line must be changed first.
 */
export async function changeLine(deps: Pick<AppDeps, "db" | "clock">, actor: Actor, line: string, change: "add" | "remove", meta: RequestMeta): Promise<LineOutcome> {
  if (!isPortalLine(line) || (NON_PORTAL_LINES as readonly string[]).includes(line)) return { ok: false, reason: "not-allowed" };
  return deps.db.transaction().execute(async (trx): Promise<LineOutcome> => {
    if (!(await beginChange(trx, actor, "application-profile.update"))) return { ok: false, reason: "forbidden" };
    const lines = await companyLines(trx, actor.companyId);
    const next = change === "add" ? [...new Set([...lines, line])] : lines.filter((l) => l !== line);
    if (next.length === 0) return { ok: false, reason: "last-line" };
    if (next.length === lines.length) return { ok: true };
    if (change === "remove") {
      const divs = await trx.selectFrom("divisions").select(["id", "name", "lines"]).where("company_id", "=", actor.companyId).execute();
      const stuck = divs.find((d) => (d.lines).length === 1 && (d.lines)[0] === line);
      if (stuck) return { ok: false, reason: "division-needs-line", division: stuck.name };
      for (const d of divs) {
        if ((d.lines).includes(line)) {
          await trx.updateTable("divisions").set({ lines: JSON.stringify((d.lines).filter((l) => l !== line)), updated_at: deps.clock.now() }).where("id", "=", d.id).execute();
        }
      }
    }
    const ordered = PORTAL_LINES.filter((l) => next.includes(l));
    await trx.updateTable("companies").set({ lines_of_business: JSON.stringify(ordered), updated_at: deps.clock.now() }).where("id", "=", actor.companyId).execute();
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: actor.personId },
      action: change === "add" ? "application.line-added" : "application.line-removed",
      subject: { type: "company", id: actor.companyId },
      companyId: actor.companyId,
      before: { lines },
      after: { lines: ordered },
      requestId: meta.requestId,
    });
    return { ok: true };
  });
}

/**
 * The page that removes a line: the company's lines, and how many answers the line's part has
 * (removing a line with answers asks for a confirmation).
 */
export async function lineRemoval(deps: Pick<AppDeps, "db">, companyId: string, line: PortalLine): Promise<{ lines: PortalLine[]; answers: number }> {
  const ids = currentCatalogue()
    .questions.filter((q) => q.part === line)
    .map((q) => q.id);
  const row = await deps.db
    .selectFrom("companies")
    .select((eb) => ["companies.lines_of_business", answersJson(eb, APPLICATION, ids).as("answers")])
    .where("companies.id", "=", companyId)
    .executeTakeFirst();
  return { lines: portalLines(row?.lines_of_business ?? []), answers: row?.answers.length ?? 0 };
}

// ---- divisions (APP-4) ---------------------------------------------------------------------

export interface DivisionInput {
  name: string;
  lines: string[];
  facilities: string[];
}

export type DivisionOutcome = { ok: true; divisionId: string } | { ok: false; reason: "forbidden" | "not-found" | "last-division" };

export async function saveDivision(deps: Pick<AppDeps, "db" | "clock">, actor: Actor, divisionId: string | null, input: DivisionInput, meta: RequestMeta): Promise<DivisionOutcome> {
  return deps.db.transaction().execute(async (trx): Promise<DivisionOutcome> => {
    if (!(await beginChange(trx, actor, "security-profile.update"))) return { ok: false, reason: "forbidden" };
    const now = deps.clock.now();
    const values = { name: input.name, lines: JSON.stringify(input.lines), facilities: JSON.stringify(input.facilities), updated_at: now };
    if (divisionId === null) {
      const row = await trx
        .insertInto("divisions")
        .values({ company_id: actor.companyId, ...values, created_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, deps.clock, { actor: { type: "trader", id: actor.personId }, action: "division.created", subject: { type: "division", id: row.id }, companyId: actor.companyId, after: { ...input }, requestId: meta.requestId });
      return { ok: true, divisionId: row.id };
    }
    const before = await trx.selectFrom("divisions").select(["name", "lines", "facilities"]).where("company_id", "=", actor.companyId).where("id", "=", divisionId).executeTakeFirst();
    if (!before) return { ok: false, reason: "not-found" };
    await trx.updateTable("divisions").set(values).where("id", "=", divisionId).execute();
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: actor.personId },
      action: "division.updated",
      subject: { type: "division", id: divisionId },
      companyId: actor.companyId,
      before: { ...before },
      after: { ...input },
      requestId: meta.requestId,
    });
    return { ok: true, divisionId };
  });
}

/**
 * Removes a division with its answers and its draft evidence (the caller deletes the files
 * from the store once this has committed). Never the last division.
 */
export async function deleteDivision(deps: Pick<AppDeps, "db" | "clock">, actor: Actor, divisionId: string, meta: RequestMeta): Promise<{ ok: true; storageKeys: string[] } | { ok: false; reason: "forbidden" | "not-found" | "last-division" | "submitted-evidence" }> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await beginChange(trx, actor, "security-profile.update"))) return { ok: false as const, reason: "forbidden" as const };
    const all = await trx.selectFrom("divisions").select(["id", "name"]).where("company_id", "=", actor.companyId).execute();
    const target = all.find((d) => d.id === divisionId);
    if (!target) return { ok: false as const, reason: "not-found" as const };
    if (all.length <= 1) return { ok: false as const, reason: "last-division" as const };
    const subject = divisionSubject(divisionId);
    const files = await trx.selectFrom("evidence_files").select(["storage_key", "submitted_at"]).where("company_id", "=", actor.companyId).where("subject", "=", subject).execute();
    if (files.some((f) => f.submitted_at !== null)) return { ok: false as const, reason: "submitted-evidence" as const };
    const answers = await trx.deleteFrom("profile_answers").where("company_id", "=", actor.companyId).where("subject", "=", subject).executeTakeFirst();
    await trx.deleteFrom("evidence_files").where("company_id", "=", actor.companyId).where("subject", "=", subject).execute();
    await trx.deleteFrom("divisions").where("id", "=", divisionId).execute();
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: actor.personId },
      action: "division.deleted",
      subject: { type: "division", id: divisionId },
      companyId: actor.companyId,
      before: { name: target.name, answers: Number(answers.numDeletedRows), files: files.length },
      requestId: meta.requestId,
    });
    return { ok: true as const, storageKeys: files.map((f) => f.storage_key) };
  });
}

/** Lines that a division may carry out: the company's own (validated by the route). */
export function linesAllowed(companyLinesList: readonly PortalLine[], lines: readonly string[]): lines is PortalLine[] {
  return lines.every((l) => (companyLinesList as readonly string[]).includes(l));
}

