// The application profile (APP-3) and the security profile (APP-4), as a company's users work
// on them (APP-8): answers saved as drafts against the catalogue (domain/catalogue), divisions,
// the lines of business, completion for the dashboard (APP-1), and the evidence attached to
// items (APP-9; the bytes live in the file store, see evidence.ts).
//
// A profile is a "subject": "application", or "division:<id>" for a division's security
// profile. Every answered item is one row of profile_answers with a row version: a page sends
// back the version it showed, and a save that finds a newer one for an answer it would change
// does not overwrite it (the page then shows both and lets the person choose).
//
// Every change is one transaction that first locks the company's row, re-reads the actor's
// membership and checks it with the same matrix as the route (domain/permissions.ts), and
// writes its audit event with before and after.
import type { AppDeps } from "../../web/context.ts";
import type { Database, Db, Tx } from "../../platform/db/index.ts";
import type { ExpressionBuilder } from "kysely";
import type { RequestMeta } from "../../web/request-meta.ts";
import type { ScanStatus } from "../../platform/db/schema.ts";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import { recordAudit } from "../../platform/audit.ts";
import { can, isCompanyRole, type CompanyAction } from "../../domain/permissions.ts";
import { NON_PORTAL_LINES } from "../../domain/eligibility.ts";
import {
  CURRENT_VERSION,
  PORTAL_LINES,
  criteriaFor,
  currentCatalogue,
  questionsFor,
  sectionProgress,
  validateAnswer,
  type AnswerContext,
  type AnswerProblem,
  type CatalogueItem,
  type CategoryId,
  type Criterion,
  type EvidenceStatus,
  type Part,
  type PortalLine,
  type RawAnswer,
  type SectionProgress,
  type SectionState,
} from "../../domain/catalogue/index.ts";

export const APPLICATION = "application";
export const divisionSubject = (divisionId: string): string => `division:${divisionId}`;

/** Who is acting, in which company: what the route's middleware resolved. */
export interface Actor {
  companyId: string;
  personId: string;
}

export function isPortalLine(line: string): line is PortalLine {
  return (PORTAL_LINES as readonly string[]).includes(line);
}

// ---- reading ------------------------------------------------------------------------------

export interface StoredItem {
  answer: RawAnswer;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

export interface EvidenceView {
  id: string;
  itemId: string;
  fileName: string;
  size: number;
  mime: string;
  sha256: string;
  scanStatus: ScanStatus;
  uploadedAt: Date;
  uploadedBy: string;
  submitted: boolean;
}

/** Whether a file counts for completion: scanned clean, or no scanner configured (not scanned). */
export function countsAsClean(status: ScanStatus): boolean {
  return status === "clean" || status === "not-scanned";
}

function evidenceStatusOf(files: readonly EvidenceView[] | undefined): EvidenceStatus | undefined {
  if (!files || files.length === 0) return undefined;
  return { count: files.length, allClean: files.every((f) => countsAsClean(f.scanStatus)) };
}

async function storedAnswers(db: AppDeps["db"] | Tx, companyId: string, subject: string): Promise<Map<string, StoredItem>> {
  const rows = await db
    .selectFrom("profile_answers as a")
    .leftJoin("people as p", "p.id", "a.updated_by_person_id")
    .select(["a.item_id", "a.answer", "a.version", "a.updated_at", "p.given_name", "p.family_name"])
    .where("a.company_id", "=", companyId)
    .where("a.subject", "=", subject)
    .execute();
  return new Map(
    rows.map((r) => [
      r.item_id,
      {
        answer: r.answer,
        version: r.version,
        updatedAt: new Date(r.updated_at),
        updatedBy: r.given_name ? `${r.given_name} ${r.family_name}` : null,
      },
    ]),
  );
}

export async function evidenceOf(deps: Pick<AppDeps, "db">, companyId: string, subject: string): Promise<Map<string, EvidenceView[]>> {
  const rows = await deps.db
    .selectFrom("evidence_files as e")
    .innerJoin("people as p", "p.id", "e.uploaded_by_person_id")
    .select(["e.id", "e.item_id", "e.file_name", "e.size", "e.mime", "e.sha256", "e.scan_status", "e.uploaded_at", "e.submitted_at", "p.given_name", "p.family_name"])
    .where("e.company_id", "=", companyId)
    .where("e.subject", "=", subject)
    .orderBy("e.id")
    .execute();
  const byItem = new Map<string, EvidenceView[]>();
  for (const r of rows) {
    const list = byItem.get(r.item_id) ?? [];
    list.push({
      id: r.id,
      itemId: r.item_id,
      fileName: r.file_name,
      size: Number(r.size),
      mime: r.mime,
      sha256: r.sha256,
      scanStatus: r.scan_status,
      uploadedAt: new Date(r.uploaded_at),
      uploadedBy: `${r.given_name} ${r.family_name}`,
      submitted: r.submitted_at !== null,
    });
    byItem.set(r.item_id, list);
  }
  return byItem;
}

function rawAnswers(stored: Map<string, StoredItem>): Record<string, RawAnswer> {
  return Object.fromEntries([...stored].map(([id, s]) => [id, s.answer]));
}

function evidenceStatuses(evidence: Map<string, EvidenceView[]>): Record<string, EvidenceStatus> {
  const out: Record<string, EvidenceStatus> = {};
  for (const [id, files] of evidence) {
    const status = evidenceStatusOf(files);
    if (status) out[id] = status;
  }
  return out;
}

export interface CompanyUserOption {
  personId: string;
  name: string;
}

/** The company's active users, for a "company-user" answer (the PIP contact). */
export async function companyUserOptions(deps: Pick<AppDeps, "db">, companyId: string): Promise<CompanyUserOption[]> {
  const rows = await deps.db
    .selectFrom("company_users as cu")
    .innerJoin("people as p", "p.id", "cu.person_id")
    .select(["p.id", "p.given_name", "p.family_name"])
    .where("cu.company_id", "=", companyId)
    .where("cu.status", "=", "active")
    .orderBy("p.family_name")
    .orderBy("p.given_name")
    .execute();
  return rows.map((r) => ({ personId: r.id, name: `${r.given_name} ${r.family_name}` }));
}

async function companyLines(db: AppDeps["db"] | Tx, companyId: string): Promise<PortalLine[]> {
  const row = await db.selectFrom("companies").select("lines_of_business").where("id", "=", companyId).executeTakeFirst();
  const lines = (row?.lines_of_business ?? []);
  return PORTAL_LINES.filter((l) => lines.includes(l));
}

// ---- the application profile (APP-3) -----------------------------------------------------

export interface PartSummary {
  part: Part;
  progress: SectionProgress;
}

export interface ApplicationOverview {
  lines: PortalLine[];
  parts: PartSummary[];
  progress: SectionProgress;
  /** Lines that had answers and were removed: their answers are kept, not submitted. */
  keptLines: PortalLine[];
}

export async function applicationOverview(deps: Pick<AppDeps, "db">, companyId: string): Promise<ApplicationOverview> {
  const catalogue = currentCatalogue();
  const [lines, stored, evidence, users] = await Promise.all([
    companyLines(deps.db, companyId),
    storedAnswers(deps.db, companyId, APPLICATION),
    evidenceOf(deps, companyId, APPLICATION),
    companyUserOptions(deps, companyId),
  ]);
  const answers = rawAnswers(stored);
  const files = evidenceStatuses(evidence);
  const context: AnswerContext = { companyUsers: users.map((u) => u.personId) };
  const groups = questionsFor(catalogue, lines);
  const parts = groups.map((g) => ({ part: g.part, progress: sectionProgress(g.questions, answers, files, context) }));
  const progress = sectionProgress(
    groups.flatMap((g) => g.questions),
    answers,
    files,
    context,
  );
  const keptLines = PORTAL_LINES.filter((l) => !lines.includes(l) && catalogue.questions.some((q) => q.part === l && stored.has(q.id)));
  return { lines, parts, progress, keptLines };
}

export interface ItemsPage<I extends CatalogueItem> {
  items: readonly I[];
  stored: Map<string, StoredItem>;
  evidence: Map<string, EvidenceView[]>;
  progress: SectionProgress;
  users: CompanyUserOption[];
}

/** One part of the application profile, or undefined when the company does not operate it. */
export async function applicationPart(deps: Pick<AppDeps, "db">, companyId: string, part: string): Promise<ItemsPage<CatalogueItem> | undefined> {
  const catalogue = currentCatalogue();
  const lines = await companyLines(deps.db, companyId);
  const group = questionsFor(catalogue, lines).find((g) => g.part === part);
  if (!group) return undefined;
  const [stored, evidence, users] = await Promise.all([storedAnswers(deps.db, companyId, APPLICATION), evidenceOf(deps, companyId, APPLICATION), companyUserOptions(deps, companyId)]);
  const progress = sectionProgress(group.questions, rawAnswers(stored), evidenceStatuses(evidence), { companyUsers: users.map((u) => u.personId) });
  return { items: group.questions, stored, evidence, progress, users };
}

/** The parts in order, for "Save and continue". */
export async function applicationParts(deps: Pick<AppDeps, "db">, companyId: string): Promise<Part[]> {
  return questionsFor(currentCatalogue(), await companyLines(deps.db, companyId)).map((g) => g.part);
}

// ---- the security profile (APP-4) --------------------------------------------------------

export interface Division {
  id: string;
  name: string;
  lines: PortalLine[];
  facilities: string[];
}

export interface DivisionSummary extends Division {
  progress: SectionProgress;
}

export interface CategorySummary {
  category: CategoryId;
  progress: SectionProgress;
  count: number;
}

function divisionOf(row: { id: string; name: string; lines: string[]; facilities: string[] }): Division {
  return { id: row.id, name: row.name, lines: PORTAL_LINES.filter((l) => row.lines.includes(l)), facilities: row.facilities };
}

/**
 * The company's divisions. A company has at least one (APP-4): the first time the security
 * profile is opened, one division is made for it — named after the company, carrying out all
 * its lines and using all its facilities — ready to answer (and to rename, or to split).
 */
export async function divisions(deps: Pick<AppDeps, "db" | "clock">, companyId: string): Promise<Division[]> {
  const read = () => deps.db.selectFrom("divisions").select(["id", "name", "lines", "facilities"]).where("company_id", "=", companyId).orderBy("id").execute();
  let rows = await read();
  if (rows.length === 0) {
    await deps.db.transaction().execute(async (trx) => {
      const company = await trx.selectFrom("companies").select(["legal_name", "operating_name", "lines_of_business", "facilities"]).where("id", "=", companyId).forUpdate().executeTakeFirstOrThrow();
      const exists = await trx.selectFrom("divisions").select("id").where("company_id", "=", companyId).executeTakeFirst();
      if (exists) return;
      const now = deps.clock.now();
      const lines = PORTAL_LINES.filter((l) => (company.lines_of_business).includes(l));
      const row = await trx
        .insertInto("divisions")
        .values({
          company_id: companyId,
          name: company.operating_name ?? company.legal_name,
          lines: JSON.stringify(lines),
          facilities: JSON.stringify((company.facilities ?? []).map((f) => f.name)),
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, deps.clock, { actor: { type: "system" }, action: "division.created", subject: { type: "division", id: row.id }, companyId, after: { lines, first: true } });
    });
    rows = await read();
  }
  return rows.map(divisionOf);
}

export async function division(deps: Pick<AppDeps, "db">, companyId: string, divisionId: string): Promise<Division | undefined> {
  if (!/^\d{1,18}$/.test(divisionId)) return undefined;
  const row = await deps.db.selectFrom("divisions").select(["id", "name", "lines", "facilities"]).where("company_id", "=", companyId).where("id", "=", divisionId).executeTakeFirst();
  return row ? divisionOf(row) : undefined;
}

/** A division's progress by category, and in all. */
export async function divisionOverview(deps: Pick<AppDeps, "db">, companyId: string, d: Division): Promise<{ categories: CategorySummary[]; progress: SectionProgress }> {
  const catalogue = currentCatalogue();
  const subject = divisionSubject(d.id);
  const [stored, evidence] = await Promise.all([storedAnswers(deps.db, companyId, subject), evidenceOf(deps, companyId, subject)]);
  const answers = rawAnswers(stored);
  const files = evidenceStatuses(evidence);
  const groups = criteriaFor(catalogue, d.lines).flatMap((a) => a.categories);
  return {
    categories: groups.map((g) => ({ category: g.category, count: g.criteria.length, progress: sectionProgress(g.criteria, answers, files) })),
    progress: sectionProgress(
      groups.flatMap((g) => g.criteria),
      answers,
      files,
    ),
  };
}

export async function securityOverview(deps: Pick<AppDeps, "db" | "clock">, companyId: string): Promise<{ divisions: DivisionSummary[]; progress: SectionProgress }> {
  const list = await divisions(deps, companyId);
  const summaries = await Promise.all(list.map(async (d) => ({ ...d, progress: (await divisionOverview(deps, companyId, d)).progress })));
  return { divisions: summaries, progress: combine(summaries.map((s) => s.progress)) };
}

function combine(parts: readonly SectionProgress[]): SectionProgress {
  const answered = parts.reduce((n, p) => n + p.answered, 0);
  const total = parts.reduce((n, p) => n + p.total, 0);
  const state: SectionState =
    parts.length > 0 && parts.every((p) => p.state === "complete") ? "complete" : parts.every((p) => p.state === "not-started") ? "not-started" : "in-progress";
  return { state, answered, total };
}

/** One category page of a division, or undefined when nothing of that category applies. */
export async function categoryPage(deps: Pick<AppDeps, "db">, companyId: string, d: Division, category: string): Promise<ItemsPage<Criterion> | undefined> {
  const group = criteriaFor(currentCatalogue(), d.lines)
    .flatMap((a) => a.categories)
    .find((g) => g.category === category);
  if (!group) return undefined;
  const subject = divisionSubject(d.id);
  const [stored, evidence] = await Promise.all([storedAnswers(deps.db, companyId, subject), evidenceOf(deps, companyId, subject)]);
  return { items: group.criteria, stored, evidence, progress: sectionProgress(group.criteria, rawAnswers(stored), evidenceStatuses(evidence)), users: [] };
}

/** The categories of a division in order, for "Save and continue". */
export function categoriesOf(d: Division): CategoryId[] {
  return criteriaFor(currentCatalogue(), d.lines).flatMap((a) => a.categories.map((c) => c.category));
}

// ---- completion for the dashboard (APP-1) -------------------------------------------------

export interface ProfilesProgress {
  application: SectionProgress;
  security: SectionProgress;
}

/**
 * Both profiles' completion, read in one round trip: the company's lines, its divisions, every
 * answer and every evidence file's verdict, and its active users (for the PIP contact answer).
 * Divisions are not made here: a company that has none yet counts as not started.
 */
/**
 * What profilesProgress reads, as one JSON value of a query over `companies` (it refers to
 * `companies.id`): for a page that shows the progress beside its own data in one round trip.
 */
export function profilesProgressJson(eb: ExpressionBuilder<Database, "companies">) {
  return jsonObjectFrom(
    eb
      .selectFrom("companies as co")
      .select((e) => [
        "co.lines_of_business",
        jsonArrayFrom(e.selectFrom("divisions as d").select(["d.id", "d.lines"]).whereRef("d.company_id", "=", "co.id").orderBy("d.id")).as("divisions"),
        jsonArrayFrom(e.selectFrom("profile_answers as a").select(["a.subject", "a.item_id", "a.answer"]).whereRef("a.company_id", "=", "co.id")).as("answers"),
        jsonArrayFrom(e.selectFrom("evidence_files as e").select(["e.subject", "e.item_id", "e.scan_status"]).whereRef("e.company_id", "=", "co.id")).as("files"),
        jsonArrayFrom(e.selectFrom("company_users as cu").select(["cu.person_id"]).whereRef("cu.company_id", "=", "co.id").where("cu.status", "=", "active")).as("users"),
      ])
      .whereRef("co.id", "=", "companies.id"),
  );
}

export type ProfilesProgressRow = NonNullable<Awaited<ReturnType<typeof readProgressRow>>>;

function readProgressRow(db: Db | Tx, companyId: string) {
  return db
    .selectFrom("companies")
    .select((eb) => profilesProgressJson(eb).as("progress"))
    .where("companies.id", "=", companyId)
    .executeTakeFirst()
    .then((r) => r?.progress ?? undefined);
}

export async function profilesProgress(deps: Pick<AppDeps, "db">, companyId: string): Promise<ProfilesProgress> {
  return progressFrom(await readProgressRow(deps.db, companyId));
}

/** The application and security profiles' progress from what profilesProgressJson read. */
export function progressFrom(row: ProfilesProgressRow | undefined | null): ProfilesProgress {
  const empty: SectionProgress = { state: "not-started", answered: 0, total: 0 };
  if (!row) return { application: empty, security: empty };
  const catalogue = currentCatalogue();
  const bySubject = (subject: string) => {
    const answers: Record<string, RawAnswer> = {};
    for (const a of row.answers) if (a.subject === subject) answers[a.item_id] = a.answer;
    const files: Record<string, EvidenceStatus> = {};
    for (const f of row.files) {
      if (f.subject !== subject) continue;
      const before = files[f.item_id] ?? { count: 0, allClean: true };
      files[f.item_id] = { count: before.count + 1, allClean: before.allClean && countsAsClean(f.scan_status) };
    }
    return { answers, files };
  };
  const lines = PORTAL_LINES.filter((l) => (row.lines_of_business).includes(l));
  const app = bySubject(APPLICATION);
  const application = sectionProgress(
    questionsFor(catalogue, lines).flatMap((g) => g.questions),
    app.answers,
    app.files,
    { companyUsers: row.users.map((u) => String(u.person_id)) },
  );
  const divisionProgress = row.divisions.map((d) => {
    const own = bySubject(divisionSubject(d.id));
    return sectionProgress(
      criteriaFor(catalogue, PORTAL_LINES.filter((l) => (d.lines).includes(l))).flatMap((a) => a.categories.flatMap((c) => c.criteria)),
      own.answers,
      own.files,
    );
  });
  return { application, security: divisionProgress.length === 0 ? empty : combine(divisionProgress) };
}

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
        : await trx
            .selectFrom("profile_answers as a")
            .leftJoin("people as p", "p.id", "a.updated_by_person_id")
            .select(["a.item_id", "a.answer", "a.version", "a.updated_at", "p.given_name", "p.family_name"])
            .where("a.company_id", "=", actor.companyId)
            .where("a.subject", "=", subject)
            .where("a.item_id", "in", ids)
            .execute();
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

/** How many answers a line's part has: removing a line with answers asks for a confirmation. */
export async function answersOfLine(deps: Pick<AppDeps, "db">, companyId: string, line: PortalLine): Promise<number> {
  const ids = currentCatalogue()
    .questions.filter((q) => q.part === line)
    .map((q) => q.id);
  if (ids.length === 0) return 0;
  const row = await deps.db
    .selectFrom("profile_answers")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("company_id", "=", companyId)
    .where("subject", "=", APPLICATION)
    .where("item_id", "in", ids)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- divisions (APP-4) ---------------------------------------------------------------------

export interface DivisionInput {
  name: string;
  lines: string[];
  facilities: string[];
}

export type DivisionOutcome = { ok: true; divisionId: string } | { ok: false; reason: "forbidden" | "not-found" | "last-division" };

/** The facilities of the company profile, by name. */
export async function facilityNames(deps: Pick<AppDeps, "db">, companyId: string): Promise<string[]> {
  const row = await deps.db.selectFrom("companies").select("facilities").where("id", "=", companyId).executeTakeFirst();
  return (row?.facilities ?? []).map((f) => f.name);
}

export async function companyPortalLines(deps: Pick<AppDeps, "db">, companyId: string): Promise<PortalLine[]> {
  return companyLines(deps.db, companyId);
}

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

