// Reading a company's profiles as a snapshot (APP-5): the company profile, every answer of the
// application profile and of each division's security profile that the catalogue asks of the
// company's lines, and the evidence files by id and SHA-256. Called inside the submission's
// transaction, after the company's row is locked, so that what is read is what is submitted.
// Also: whether the profiles are ready to submit (every part complete, every required file clean).
import type { Db, Tx } from "../../platform/db/index.ts";
import { currentCatalogue, criteriaFor, questionsFor } from "../../domain/catalogue/index.ts";
import { PORTAL_LINES, type PortalLine } from "../../domain/catalogue/types.ts";
import type { EvidenceRef, ProfileContent, SnapshotCompany, SnapshotDivision } from "../../domain/snapshot.ts";
import { profileState } from "../../domain/company-profile.ts";
import { APPLICATION, divisionSubject, profilesProgress } from "../profiles/service.ts";

export interface SnapshotBody {
  catalogueVersion: string;
  company: SnapshotCompany;
  application: ProfileContent;
  divisions: SnapshotDivision[];
  /** Every evidence file the snapshot refers to. */
  evidenceIds: string[];
}

const linesOf = (lines: readonly string[]): PortalLine[] => PORTAL_LINES.filter((l) => lines.includes(l));

export async function readSnapshotBody(trx: Db | Tx, companyId: string): Promise<SnapshotBody | undefined> {
  const catalogue = currentCatalogue();
  const co = await trx.selectFrom("companies").selectAll().where("id", "=", companyId).executeTakeFirst();
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
  const progress = await profilesProgress({ db }, companyId);
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
