// Reading a company's profiles as a snapshot (APP-5): the company profile, every answer of the
// application profile and of each division's security profile that the catalogue asks of the
// company's lines, and the evidence files by id and SHA-256. Called inside the submission's
// transaction, after the company's row is locked, so that what is read is what is submitted.
// Also: whether the profiles are ready to submit (every part complete, every required file clean).
import type { ExpressionBuilder, Selectable } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Db, Tx } from "../../platform/db/index.ts";
import type { CompaniesTable, Database } from "../../platform/db/schema.ts";
import { currentCatalogue, criteriaFor, questionsFor } from "../../domain/catalogue/index.ts";
import { PORTAL_LINES, type PortalLine } from "../../domain/catalogue/types.ts";
import type { EvidenceRef, ProfileContent, SnapshotCompany, SnapshotDivision } from "../../domain/snapshot.ts";
import { profileState } from "../../domain/company-profile.ts";
import { APPLICATION, divisionSubject, profilesProgress, type ProfilesProgress } from "../profiles/service.ts";

export interface SnapshotBody {
  catalogueVersion: string;
  company: SnapshotCompany;
  application: ProfileContent;
  divisions: SnapshotDivision[];
  /** Every evidence file the snapshot refers to. */
  evidenceIds: string[];
}

const linesOf = (lines: readonly string[]): PortalLine[] => PORTAL_LINES.filter((l) => lines.includes(l));

/** The company's own columns a snapshot holds. */
export type SnapshotCompanyRow = Pick<
  Selectable<CompaniesTable>,
  | "id"
  | "legal_name"
  | "operating_name"
  | "client_number"
  | "bn9"
  | "program_account"
  | "carrier_code"
  | "lines_of_business"
  | "business_started_on"
  | "employee_count"
  | "website"
  | "address"
  | "mailing_address"
  | "facilities"
  | "primary_contact"
>;

export const SNAPSHOT_COMPANY_COLUMNS = [
  "id",
  "legal_name",
  "operating_name",
  "client_number",
  "bn9",
  "program_account",
  "carrier_code",
  "lines_of_business",
  "business_started_on",
  "employee_count",
  "website",
  "address",
  "mailing_address",
  "facilities",
  "primary_contact",
] as const satisfies readonly (keyof SnapshotCompanyRow)[];

type OfCompany = ExpressionBuilder<Database, "companies">;

/**
 * The rows of a snapshot besides the company's own, as JSON subqueries over `companies` (for
 * pages that read them in their one query: the member's dashboard, APP-5).
 */
export function snapshotRowsJson(eb: OfCompany) {
  return {
    divisions: jsonArrayFrom(
      eb.selectFrom("divisions as d").select(["d.id", "d.name", "d.lines", "d.facilities"]).whereRef("d.company_id", "=", "companies.id").orderBy("d.id"),
    ),
    answers: jsonArrayFrom(eb.selectFrom("profile_answers as a").select(["a.subject", "a.item_id", "a.answer"]).whereRef("a.company_id", "=", "companies.id")),
    files: jsonArrayFrom(
      eb
        .selectFrom("evidence_files as e")
        .select(["e.id", "e.subject", "e.item_id", "e.file_name", "e.size", "e.mime", "e.sha256", "e.scan_status"])
        .whereRef("e.company_id", "=", "companies.id")
        .orderBy("e.id"),
    ),
  };
}

/** What snapshotRowsJson reads (ids and sizes as the driver or JSON gives them). */
export interface SnapshotRows {
  divisions: readonly { id: string | number; name: string; lines: readonly string[]; facilities: readonly string[] }[];
  answers: readonly { subject: string; item_id: string; answer: { value?: unknown; explanation?: unknown } }[];
  files: readonly { id: string | number; subject: string; item_id: string; file_name: string; size: string | number; mime: string; sha256: string; scan_status: string }[];
}

export async function readSnapshotBody(trx: Db | Tx, companyId: string): Promise<SnapshotBody | undefined> {
  const co = await trx.selectFrom("companies").select(SNAPSHOT_COMPANY_COLUMNS).where("id", "=", companyId).executeTakeFirst();
  if (!co) return undefined;
  const [divisions, answers, files] = await Promise.all([
    trx.selectFrom("divisions").select(["id", "name", "lines", "facilities"]).where("company_id", "=", companyId).orderBy("id").execute(),
    trx.selectFrom("profile_answers").select(["subject", "item_id", "answer"]).where("company_id", "=", companyId).execute(),
    trx
      .selectFrom("evidence_files")
      .select(["id", "subject", "item_id", "file_name", "size", "mime", "sha256", "scan_status"])
      .where("company_id", "=", companyId)
      .orderBy("id")
      .execute(),
  ]);
  return snapshotBodyFrom(co, { divisions, answers, files });
}

/** A snapshot's body from the company's row and its other rows (read by either of the above). */
export function snapshotBodyFrom(co: SnapshotCompanyRow, { divisions, answers, files }: SnapshotRows): SnapshotBody {
  const catalogue = currentCatalogue();
  const evidenceIds: string[] = [];
  const content = (subject: string, itemIds: readonly string[]): ProfileContent => {
    const wanted = new Set(itemIds);
    const out: ProfileContent = { answers: {}, evidence: {} };
    for (const a of answers) {
      if (a.subject !== subject || !wanted.has(a.item_id)) continue;
      out.answers[a.item_id] = a.answer.explanation === undefined ? { value: a.answer.value ?? null } : { value: a.answer.value ?? null, explanation: a.answer.explanation };
    }
    for (const f of files) {
      if (f.subject !== subject || !wanted.has(f.item_id)) continue;
      const ref: EvidenceRef = { id: String(f.id), fileName: f.file_name, size: Number(f.size), mime: f.mime, sha256: f.sha256, scanStatus: f.scan_status };
      (out.evidence[f.item_id] ??= []).push(ref);
      evidenceIds.push(ref.id);
    }
    return out;
  };
  const lines = linesOf(co.lines_of_business);
  const application = content(
    APPLICATION,
    questionsFor(catalogue, lines).flatMap((g) => g.questions.map((q) => q.id)),
  );
  const snapshotDivisions: SnapshotDivision[] = divisions.map((d) => {
    const dl = linesOf(d.lines);
    return {
      id: String(d.id),
      name: d.name,
      lines: dl,
      facilities: [...d.facilities],
      ...content(
        divisionSubject(String(d.id)),
        criteriaFor(catalogue, dl).flatMap((a) => a.categories.flatMap((c) => c.criteria.map((x) => x.id))),
      ),
    };
  });
  return {
    catalogueVersion: catalogue.version,
    company: {
      id: String(co.id),
      legalName: co.legal_name,
      operatingName: co.operating_name,
      clientNumber: co.client_number,
      bn9: co.bn9,
      programAccount: co.program_account,
      carrierCode: co.carrier_code,
      linesOfBusiness: [...co.lines_of_business],
      businessStartedOn: co.business_started_on,
      employeeCount: co.employee_count,
      website: co.website,
      headOffice: co.address,
      mailingAddress: co.mailing_address,
      facilities: co.facilities.map((f) => ({ name: f.name, address: f.address })),
      primaryContact: co.primary_contact,
    },
    application,
    divisions: snapshotDivisions,
    evidenceIds,
  };
}

export interface Readiness {
  companyProfile: boolean;
  application: boolean;
  security: boolean;
  /** Everything complete and every required evidence file clean (APP-5). */
  ready: boolean;
}

/** Whether the company's profiles may be submitted: the company, application and security profiles complete. */
export async function readiness(db: Db | Tx, companyId: string): Promise<Readiness> {
  const co = await db
    .selectFrom("companies")
    .select(["business_started_on", "employee_count", "primary_contact", "profile_updated_at"])
    .where("id", "=", companyId)
    .executeTakeFirst();
  if (!co) return { companyProfile: false, application: false, security: false, ready: false };
  return readinessFrom(co, await profilesProgress({ db }, companyId));
}

/** Readiness from the company profile's columns and the profiles' progress. */
export function readinessFrom(
  co: Pick<Selectable<CompaniesTable>, "business_started_on" | "employee_count" | "primary_contact" | "profile_updated_at">,
  progress: ProfilesProgress,
): Readiness {
  const companyProfile =
    profileState({
      businessStartedOn: co.business_started_on,
      employeeCount: co.employee_count,
      primaryContact: co.primary_contact,
      updatedAt: co.profile_updated_at ? new Date(co.profile_updated_at) : null,
    }) === "complete";
  const application = progress.application.state === "complete";
  const security = progress.security.state === "complete";
  return { companyProfile, application, security, ready: companyProfile && application && security };
}
