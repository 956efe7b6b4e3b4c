// The application profile (APP-3) and the security profile (APP-4) as their pages read them
// (APP-8): answers against the catalogue (domain/catalogue), divisions, the lines of business,
// completion for the dashboard (APP-1), and the evidence attached to items (APP-9; the bytes
// live in the file store, see evidence.ts). Saving answers, lines and divisions is in
// changes.ts.
//
// A profile is a "subject": "application", or "division:<id>" for a division's security
// profile. Every answered item is one row of profile_answers with a row version: a page sends
// back the version it showed, and a save that finds a newer one for an answer it would change
// does not overwrite it (the page then shows both and lets the person choose).
//
// Each page's data is read in one round trip: JSON subqueries of the company's row.
import type { AppDeps } from "../../web/context.ts";
import type { Database, Db, Tx } from "../../platform/db/index.ts";
import { sql, type Expression, type ExpressionBuilder } from "kysely";
import type { Facility, ScanStatus } from "../../platform/db/schema.ts";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import { recordAudit } from "../../platform/audit.ts";
import type { FoldedValue } from "../../web/middleware/company-membership.ts";
import { heldRead } from "../../web/middleware/held-reads.ts";
import {
  CATEGORY_IDS,
  PORTAL_LINES,
  criteriaFor,
  currentCatalogue,
  questionsFor,
  sectionProgress,
  type AnswerContext,
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
//
// A page reads its data in one round trip (DESIGN.md "Performance"): one query over the
// company's row that embeds each piece it needs — answers, evidence, users, divisions — as a
// JSON subquery. Each piece is defined once below, as a JSON value of a query over `companies`
// (it refers to `companies.id`), with the function that turns what it read into what the code
// uses. JSON carries no types: ids and sizes come back as numbers, timestamps as strings.

/** A query over `companies`, which the pieces below are part of. */
type OfCompany = ExpressionBuilder<Database, "companies">;

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

/** The answers of one subject, with who saved each last (only `items`, when given). */
export function answersJson(eb: OfCompany, subject: string, items?: readonly string[]) {
  return jsonArrayFrom(
    eb
      .selectFrom("profile_answers as a")
      .leftJoin("people as p", "p.id", "a.updated_by_person_id")
      .select(["a.item_id", "a.answer", "a.version", "a.updated_at", "p.given_name", "p.family_name"])
      .whereRef("a.company_id", "=", "companies.id")
      .where("a.subject", "=", subject)
      .$if(items !== undefined, (q) => (items!.length === 0 ? q.where(sql<boolean>`false`) : q.where("a.item_id", "in", items!))),
  );
}

type AnswerJson = JsonRow<ReturnType<typeof answersJson>>;
/** The type of one row of a JSON array piece. */
type JsonRow<E> = E extends Expression<(infer T)[]> ? T : never;

function storedFrom(rows: readonly AnswerJson[]): Map<string, StoredItem> {
  return new Map(
    rows.map((r) => [
      r.item_id,
      { answer: r.answer, version: r.version, updatedAt: new Date(r.updated_at), updatedBy: r.given_name ? `${r.given_name} ${r.family_name}` : null },
    ]),
  );
}

/** The evidence files of one subject, with who uploaded each. */
function evidenceJson(eb: OfCompany, subject: string) {
  return jsonArrayFrom(
    eb
      .selectFrom("evidence_files as e")
      .innerJoin("people as p", "p.id", "e.uploaded_by_person_id")
      .select(["e.id", "e.item_id", "e.file_name", "e.size", "e.mime", "e.sha256", "e.scan_status", "e.uploaded_at", "e.submitted_at", "p.given_name", "p.family_name"])
      .whereRef("e.company_id", "=", "companies.id")
      .where("e.subject", "=", subject)
      .orderBy("e.id"),
  );
}

function evidenceFrom(rows: readonly JsonRow<ReturnType<typeof evidenceJson>>[]): Map<string, EvidenceView[]> {
  const byItem = new Map<string, EvidenceView[]>();
  for (const r of rows) {
    const list = byItem.get(r.item_id) ?? [];
    list.push({
      id: String(r.id),
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
  for (const [id, files] of evidence) if (files.length > 0) out[id] = { count: files.length, allClean: files.every((f) => countsAsClean(f.scanStatus)) };
  return out;
}

export interface CompanyUserOption {
  personId: string;
  name: string;
}

/** The company's active users, for a "company-user" answer (the PIP contact). */
function usersJson(eb: OfCompany) {
  return jsonArrayFrom(
    eb
      .selectFrom("company_users as cu")
      .innerJoin("people as p", "p.id", "cu.person_id")
      .select(["p.id", "p.given_name", "p.family_name"])
      .whereRef("cu.company_id", "=", "companies.id")
      .where("cu.status", "=", "active")
      .orderBy("p.family_name")
      .orderBy("p.given_name"),
  );
}

function usersFrom(rows: readonly JsonRow<ReturnType<typeof usersJson>>[]): CompanyUserOption[] {
  return rows.map((r) => ({ personId: String(r.id), name: `${r.given_name} ${r.family_name}` }));
}

export async function companyUserOptions(deps: Pick<AppDeps, "db">, companyId: string): Promise<CompanyUserOption[]> {
  const row = await deps.db.selectFrom("companies").select((eb) => usersJson(eb).as("users")).where("companies.id", "=", companyId).executeTakeFirst();
  return usersFrom(row?.users ?? []);
}

export function portalLines(lines: readonly string[]): PortalLine[] {
  return PORTAL_LINES.filter((l) => lines.includes(l));
}

export async function companyLines(db: Db | Tx, companyId: string): Promise<PortalLine[]> {
  const row = await db.selectFrom("companies").select("lines_of_business").where("id", "=", companyId).executeTakeFirst();
  return portalLines(row?.lines_of_business ?? []);
}

/** The names of the company profile's facilities. */
function facilityNamesOf(facilities: readonly Facility[] | null): string[] {
  return (facilities ?? []).map((f) => f.name);
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

export interface ItemsPage<I extends CatalogueItem> {
  items: readonly I[];
  stored: Map<string, StoredItem>;
  evidence: Map<string, EvidenceView[]>;
  progress: SectionProgress;
  users: CompanyUserOption[];
}

/** What the application profile's pages show, read in one round trip. */
interface ApplicationData {
  lines: PortalLine[];
  stored: Map<string, StoredItem>;
  evidence: Map<string, EvidenceView[]>;
  users: CompanyUserOption[];
}

async function applicationData(deps: Pick<AppDeps, "db">, companyId: string): Promise<ApplicationData> {
  const row = await deps.db
    .selectFrom("companies")
    .select((eb) => ["companies.lines_of_business", answersJson(eb, APPLICATION).as("answers"), evidenceJson(eb, APPLICATION).as("files"), usersJson(eb).as("users")])
    .where("companies.id", "=", companyId)
    .executeTakeFirst();
  return {
    lines: portalLines(row?.lines_of_business ?? []),
    stored: storedFrom(row?.answers ?? []),
    evidence: evidenceFrom(row?.files ?? []),
    users: usersFrom(row?.users ?? []),
  };
}

function contextOf(data: ApplicationData): AnswerContext {
  return { companyUsers: data.users.map((u) => u.personId) };
}

export async function applicationOverview(deps: Pick<AppDeps, "db">, companyId: string): Promise<ApplicationOverview> {
  const data = await applicationData(deps, companyId);
  const catalogue = currentCatalogue();
  const answers = rawAnswers(data.stored);
  const files = evidenceStatuses(data.evidence);
  const groups = questionsFor(catalogue, data.lines);
  const parts = groups.map((g) => ({ part: g.part, progress: sectionProgress(g.questions, answers, files, contextOf(data)) }));
  const progress = sectionProgress(
    groups.flatMap((g) => g.questions),
    answers,
    files,
    contextOf(data),
  );
  const keptLines = PORTAL_LINES.filter((l) => !data.lines.includes(l) && catalogue.questions.some((q) => q.part === l && data.stored.has(q.id)));
  return { lines: data.lines, parts, progress, keptLines };
}

/** Every part the company operates, in order, with its page. */
function partsOf(data: ApplicationData): { part: Part; page: ItemsPage<CatalogueItem> }[] {
  const answers = rawAnswers(data.stored);
  const files = evidenceStatuses(data.evidence);
  return questionsFor(currentCatalogue(), data.lines).map((g) => ({
    part: g.part,
    page: { items: g.questions, stored: data.stored, evidence: data.evidence, progress: sectionProgress(g.questions, answers, files, contextOf(data)), users: data.users },
  }));
}

/** One part of the application profile, or undefined when the company does not operate it. */
export async function applicationPart(deps: Pick<AppDeps, "db">, companyId: string, part: string): Promise<ItemsPage<CatalogueItem> | undefined> {
  return partsOf(await applicationData(deps, companyId)).find((p) => p.part === part)?.page;
}

/** Every part's page, read in one round trip (where an evidence form of any part posts). */
export async function applicationPages(deps: Pick<AppDeps, "db">, companyId: string): Promise<{ part: Part; page: ItemsPage<CatalogueItem> }[]> {
  return partsOf(await applicationData(deps, companyId));
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

function divisionRows(eb: OfCompany) {
  return eb.selectFrom("divisions as d").select(["d.id", "d.name", "d.lines", "d.facilities"]).whereRef("d.company_id", "=", "companies.id");
}

/** The company's divisions, in order. */
function divisionsJson(eb: OfCompany) {
  return jsonArrayFrom(divisionRows(eb).orderBy("d.id"));
}

/** One division of the company (null: none of its divisions has this id). */
function divisionJson(eb: OfCompany, divisionId: string) {
  return jsonObjectFrom(divisionRows(eb).where("d.id", "=", divisionId));
}

function divisionOf(row: JsonRow<ReturnType<typeof divisionsJson>>): Division {
  return { id: String(row.id), name: row.name, lines: portalLines(row.lines), facilities: row.facilities };
}

/** A division id of a URL as the database writes it (no leading zeros), or undefined. */
function divisionIdOf(divisionId: string): string | undefined {
  return /^\d{1,18}$/.test(divisionId) ? BigInt(divisionId).toString() : undefined;
}

/**
 * A company has at least one division (APP-4): the first time the security profile is opened,
 * one is made for it — named after the company, carrying out all its lines and using all its
 * facilities — ready to answer (and to rename, or to split). `read` reads the page; when it
 * finds no division, the first one is made and the page read again.
 */
async function withFirstDivision<T extends { divisions: readonly Division[] }>(deps: Pick<AppDeps, "db" | "clock">, companyId: string, read: () => Promise<T>): Promise<T> {
  const first = await read();
  if (first.divisions.length > 0) return first;
  await deps.db.transaction().execute(async (trx) => {
    const company = await trx.selectFrom("companies").select(["legal_name", "operating_name", "lines_of_business", "facilities"]).where("id", "=", companyId).forUpdate().executeTakeFirstOrThrow();
    const exists = await trx.selectFrom("divisions").select("id").where("company_id", "=", companyId).executeTakeFirst();
    if (exists) return;
    const now = deps.clock.now();
    const lines = portalLines(company.lines_of_business);
    const row = await trx
      .insertInto("divisions")
      .values({
        company_id: companyId,
        name: company.operating_name ?? company.legal_name,
        lines: JSON.stringify(lines),
        facilities: JSON.stringify(facilityNamesOf(company.facilities)),
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, deps.clock, { actor: { type: "system" }, action: "division.created", subject: { type: "division", id: row.id }, companyId, after: { lines, first: true } });
  });
  return read();
}

export async function division(deps: Pick<AppDeps, "db">, companyId: string, divisionId: string): Promise<Division | undefined> {
  const id = divisionIdOf(divisionId);
  if (!id) return undefined;
  const row = await deps.db.selectFrom("companies").select((eb) => divisionJson(eb, id).as("division")).where("companies.id", "=", companyId).executeTakeFirst();
  return row?.division ? divisionOf(row.division) : undefined;
}

/** What a division's pages show (its overview, its categories), read in one round trip. */
export interface DivisionData {
  division: Division;
  stored: Map<string, StoredItem>;
  evidence: Map<string, EvidenceView[]>;
  /** The names of the company profile's facilities (a division may name one since removed). */
  facilities: string[];
}

/** A division's page data (the company's facilities, the division, its answers and files) as one JSON object. */
function divisionDataJson(outer: ExpressionBuilder<never, never>, companyId: string, divisionId: string, subject: string) {
  const eb0 = outer as unknown as ExpressionBuilder<Database, never>;
  return jsonObjectFrom(
    eb0
      .selectFrom("companies")
      .select((eb) => ["companies.facilities", divisionJson(eb, divisionId).as("division"), answersJson(eb, subject).as("answers"), evidenceJson(eb, subject).as("files")])
      .where("companies.id", "=", companyId),
  );
}

type DivisionRow = NonNullable<ReturnType<typeof divisionDataJson> extends Expression<infer T> ? T : never>;

/**
 * The division's data read with the session and the membership, for the pages that show it
 * (the division, its categories, the delete confirmation), and kept between views
 * (web/middleware/held-reads.ts): one round trip (app.ts).
 */
const DIVISION = heldRead({
  key: "division",
  rest: new RegExp(`^/security/divisions/([0-9]{1,18})(?:/(?:delete|${CATEGORY_IDS.join("|")}))?$`),
  args: (match) => {
    const id = divisionIdOf(match[1]!);
    return id ? { divisionId: id, subject: divisionSubject(id) } : undefined;
  },
  action: "security-profile.view",
  read: (eb, a) => divisionDataJson(eb, a.companyId, a.divisionId, a.subject),
});

/** A division's pages' reads with the session, for sessionContext (app.ts). */
export const DIVISION_READS = DIVISION.reads;

/** A division of the company with its answers and files, on its own round trip (undefined: no such division). */
export async function divisionData(deps: Pick<AppDeps, "db">, companyId: string, divisionId: string): Promise<DivisionData | undefined> {
  const id = divisionIdOf(divisionId);
  if (!id) return undefined;
  const row = await deps.db.selectNoFrom((eb) => divisionDataJson(eb as never, companyId, id, divisionSubject(id)).as("data")).executeTakeFirst();
  return divisionDataFrom(row?.data ?? null);
}

/** The same from what was read with the session for the division `divisionId` of the URL, or held since (undefined: none). */
export function foldedDivisionData(db: Db, folded: FoldedValue | undefined, companyId: string, divisionId: string): DivisionData | undefined | "not-read" {
  const id = divisionIdOf(divisionId);
  const value = id ? DIVISION.value(db, folded, { companyId, divisionId: id }) : "not-read";
  return value === "not-read" ? value : divisionDataFrom(value);
}

function divisionDataFrom(value: unknown): DivisionData | undefined {
  const row = value as DivisionRow | null;
  if (!row?.division) return undefined;
  return { division: divisionOf(row.division), stored: storedFrom(row.answers), evidence: evidenceFrom(row.files), facilities: facilityNamesOf(row.facilities) };
}

/** The categories that apply to a division's lines, in order, with their criteria. */
function categoryGroups(lines: readonly PortalLine[]) {
  return criteriaFor(currentCatalogue(), lines).flatMap((a) => a.categories);
}

/** A division's progress by category, and in all. */
export function divisionOverview(data: DivisionData): { categories: CategorySummary[]; progress: SectionProgress } {
  const answers = rawAnswers(data.stored);
  const files = evidenceStatuses(data.evidence);
  const groups = categoryGroups(data.division.lines);
  return {
    categories: groups.map((g) => ({ category: g.category, count: g.criteria.length, progress: sectionProgress(g.criteria, answers, files) })),
    progress: divisionProgress(data.division.lines, answers, files),
  };
}

function divisionProgress(lines: readonly PortalLine[], answers: Record<string, RawAnswer>, files: Record<string, EvidenceStatus>): SectionProgress {
  return sectionProgress(
    categoryGroups(lines).flatMap((g) => g.criteria),
    answers,
    files,
  );
}

/** One category page of a division, or undefined when nothing of that category applies. */
export function categoryPage(data: DivisionData, category: string): ItemsPage<Criterion> | undefined {
  const group = categoryGroups(data.division.lines).find((g) => g.category === category);
  if (!group) return undefined;
  return { items: group.criteria, stored: data.stored, evidence: data.evidence, progress: sectionProgress(group.criteria, rawAnswers(data.stored), evidenceStatuses(data.evidence)), users: [] };
}

/** The categories of a division in order, for "Save and continue". */
export function categoriesOf(d: Division): CategoryId[] {
  return categoryGroups(d.lines).map((c) => c.category);
}

/**
 * Every answer's and every evidence file's verdict, of every subject of the company: what the
 * progress of the profiles is computed from (verdictsOf sorts them by subject).
 */
function answerVerdictsJson(eb: OfCompany) {
  return jsonArrayFrom(eb.selectFrom("profile_answers as a").select(["a.subject", "a.item_id", "a.answer"]).whereRef("a.company_id", "=", "companies.id"));
}

function fileVerdictsJson(eb: OfCompany) {
  return jsonArrayFrom(eb.selectFrom("evidence_files as e").select(["e.subject", "e.item_id", "e.scan_status"]).whereRef("e.company_id", "=", "companies.id"));
}

interface Verdicts {
  answers: readonly JsonRow<ReturnType<typeof answerVerdictsJson>>[];
  files: readonly JsonRow<ReturnType<typeof fileVerdictsJson>>[];
}

function verdictsOf(row: Verdicts, subject: string): { answers: Record<string, RawAnswer>; files: Record<string, EvidenceStatus> } {
  const answers: Record<string, RawAnswer> = {};
  for (const a of row.answers) if (a.subject === subject) answers[a.item_id] = a.answer;
  const files: Record<string, EvidenceStatus> = {};
  for (const f of row.files) {
    if (f.subject !== subject) continue;
    const before = files[f.item_id] ?? { count: 0, allClean: true };
    files[f.item_id] = { count: before.count + 1, allClean: before.allClean && countsAsClean(f.scan_status) };
  }
  return { answers, files };
}

function divisionSummary(d: Division, verdicts: Verdicts): DivisionSummary {
  const own = verdictsOf(verdicts, divisionSubject(d.id));
  return { ...d, progress: divisionProgress(d.lines, own.answers, own.files) };
}

export async function securityOverview(deps: Pick<AppDeps, "db" | "clock">, companyId: string): Promise<{ divisions: DivisionSummary[]; progress: SectionProgress }> {
  const read = async () => {
    const row = await deps.db
      .selectFrom("companies")
      .select((eb) => [divisionsJson(eb).as("divisions"), answerVerdictsJson(eb).as("answers"), fileVerdictsJson(eb).as("files")])
      .where("companies.id", "=", companyId)
      .executeTakeFirst();
    return { divisions: (row?.divisions ?? []).map(divisionOf), answers: row?.answers ?? [], files: row?.files ?? [] };
  };
  const data = await withFirstDivision(deps, companyId, read);
  const summaries = data.divisions.map((d) => divisionSummary(d, data));
  return { divisions: summaries, progress: combine(summaries.map((s) => s.progress)) };
}

function combine(parts: readonly SectionProgress[]): SectionProgress {
  const answered = parts.reduce((n, p) => n + p.answered, 0);
  const total = parts.reduce((n, p) => n + p.total, 0);
  const state: SectionState =
    parts.length > 0 && parts.every((p) => p.state === "complete") ? "complete" : parts.every((p) => p.state === "not-started") ? "not-started" : "in-progress";
  return { state, answered, total };
}

/** What the division form offers (the company's lines and facilities) and the divisions it has. */
export interface DivisionForm {
  lines: PortalLine[];
  facilities: string[];
  divisions: Division[];
}

/** The division form's data, in one round trip (a post checks what it sent against it). */
export async function divisionFormData(deps: Pick<AppDeps, "db">, companyId: string): Promise<DivisionForm> {
  const row = await deps.db
    .selectFrom("companies")
    .select((eb) => ["companies.lines_of_business", "companies.facilities", divisionsJson(eb).as("divisions")])
    .where("companies.id", "=", companyId)
    .executeTakeFirst();
  return { lines: portalLines(row?.lines_of_business ?? []), facilities: facilityNamesOf(row?.facilities ?? null), divisions: (row?.divisions ?? []).map(divisionOf) };
}

/** The division of a URL among the form's, or undefined. */
export function divisionIn(form: DivisionForm, divisionId: string): Division | undefined {
  const id = divisionIdOf(divisionId);
  return form.divisions.find((d) => d.id === id);
}

/** The same for the form's page, which opens the security profile (its first division is made then). */
export function divisionFormPage(deps: Pick<AppDeps, "db" | "clock">, companyId: string): Promise<DivisionForm> {
  return withFirstDivision(deps, companyId, () => divisionFormData(deps, companyId));
}

// ---- completion for the dashboard (APP-1) -------------------------------------------------

export interface ProfilesProgress {
  application: SectionProgress;
  security: SectionProgress;
}

/**
 * Both profiles' completion, read in one round trip: the company's lines, its divisions, every
 * answer and every evidence file's verdict, and its active users (for the PIP contact answer),
 * as one JSON value of a query over `companies` (it refers to `companies.id`): for a page that
 * shows the progress beside its own data in one round trip. Divisions are not made here: a
 * company that has none yet counts as not started.
 */
export function profilesProgressJson(eb: OfCompany) {
  return jsonObjectFrom(
    eb
      .selectFrom("companies as co")
      .select(["co.lines_of_business", divisionsJson(eb).as("divisions"), answerVerdictsJson(eb).as("answers"), fileVerdictsJson(eb).as("files"), usersJson(eb).as("users")])
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
  const app = verdictsOf(row, APPLICATION);
  const application = sectionProgress(
    questionsFor(currentCatalogue(), portalLines(row.lines_of_business)).flatMap((g) => g.questions),
    app.answers,
    app.files,
    { companyUsers: usersFrom(row.users).map((u) => u.personId) },
  );
  const divisions = row.divisions.map((d) => divisionSummary(divisionOf(d), row).progress);
  return { application, security: divisions.length === 0 ? empty : combine(divisions) };
}
