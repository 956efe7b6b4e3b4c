// The security-profile category page fixture (issue 11; DESIGN.md "Performance", "profiles'
// category pages"): an authorized highway carrier that also runs a warehouse (a member of the
// PIP, as bench/dashboard.ts's insertMemberCompany makes one), its account owner
// signed in, one division carrying out both lines, every criterion of the division's
// "conveyance-iit" category answered (10 criteria for those two lines in catalogue 2026-1), and
// three evidence files listed under two of them. Written straight into the portal's tables once
// the portal has migrated the bench database, as bench/dashboard.ts does; the owner's session is
// made as the portal makes one (a random token in the cookie, its keyed hash in `sessions`).
// The files' bytes are not in the store: the page only lists the rows.
import { randomBytes } from "node:crypto";
import type { CompanyRole } from "../src/platform/db/schema.ts";
import {
  criteriaFor,
  CURRENT_VERSION,
  currentCatalogue,
  sectionProgress,
  type CategoryId,
  type Criterion,
  type PortalLine,
  type RawAnswer,
} from "../src/domain/catalogue/index.ts";
import { messages } from "../src/web/i18n/index.ts";
import type { Endpoint } from "./load.ts";
import { BASELINE_ROWS, BenchError } from "./shared.ts";
import { emailName, seedMemberCompany, type CompanyFixture, type CompanySeed } from "./dashboard.ts";

export const SECURITY_COMPANY = "Laurentide Haulage Inc.";
export const SECURITY_DIVISION = "Linehaul and cross-dock";
/** The division's lines: with both, "conveyance-iit" has 10 criteria (9 for a highway carrier alone). */
export const SECURITY_LINES: readonly PortalLine[] = ["highway-carrier", "warehouse-operator"];
export const SECURITY_CATEGORY: CategoryId = "conveyance-iit";

interface Member {
  readonly given: string;
  readonly family: string;
  readonly role: CompanyRole;
}

/** The first is the account owner, who signs in; the second answered some criteria and uploaded a file. */
const MEMBERS: readonly Member[] = [
  { given: "Daniel", family: "Roy", role: "owner" },
  { given: "Priya", family: "Natarajan", role: "full-access" },
];

/** Evidence files: `of` is the index among the category's criteria that require evidence. */
const FILES: readonly { of: number; name: string; size: number; mime: string; by: number; daysAgo: number }[] = [
  { of: 0, name: "trailer-inspection-checklist.pdf", size: 184_320, mime: "application/pdf", by: 1, daysAgo: 9 },
  { of: 0, name: "yard-inspection-photo.jpg", size: 1_572_864, mime: "image/jpeg", by: 0, daysAgo: 6 },
  { of: 1, name: "inspection-log-2025-q4.xlsx", size: 48_128, mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", by: 1, daysAgo: 3 },
];

/** The one criterion answered "no" (with its explanation, so it still counts). */
const NO_EXPLANATION = "Drivers are trained on it this spring; the written procedure is in review.";

const COMPANY: CompanySeed = {
  legalName: SECURITY_COMPANY,
  operatingName: "Laurentide Haulage",
  bn9: "876543208",
  carrierCode: "LAUH",
  lines: SECURITY_LINES,
  address: { line1: "4150 Chemin de la Côte-de-Liesse", line2: "", city: "Saint-Laurent", region: "QC", postalCode: "H4N 2P7", country: "CA" },
  clientNumberBody: "592837465",
  businessStartedOn: "1998-09-14",
  employeeCount: 340,
  website: "https://laurentide.example",
  primaryContact: { name: "Daniel Roy", title: "Vice-President, Operations", phone: "514-555-0200", email: "security@laurentide.example" },
};

export interface SecurityCategoryFixture extends CompanyFixture {
  readonly divisionId: string;
  readonly criteria: readonly Criterion[];
  /** Item id → file names, in upload order. */
  readonly files: ReadonlyMap<string, readonly string[]>;
  readonly explanation: string;
}

/** The category's criteria for the division's lines (catalogue order). */
function categoryCriteria(): readonly Criterion[] {
  const group = criteriaFor(currentCatalogue(), SECURITY_LINES)
    .flatMap((a) => a.categories)
    .find((g) => g.category === SECURITY_CATEGORY);
  if (!group) throw new BenchError(`security-category: no criterion of ${SECURITY_CATEGORY} applies to ${SECURITY_LINES.join(" + ")}`);
  return group.criteria;
}

/**
 * A complete, valid answer to criterion `c`: "yes" where yes/no (with details where the
 * catalogue asks for them with "yes"), the last must answered "no" with its explanation, the
 * top of a number's range. Checked below with the catalogue's own sectionProgress.
 */
function answerFor(c: Criterion, noId: string | undefined): RawAnswer {
  const a = c.answer;
  switch (a.kind) {
    case "yes-no":
    case "confirm":
      return { value: "yes" };
    case "yes-no-explain":
      if (c.id === noId) return { value: "no", explanation: NO_EXPLANATION };
      return a.explainWhen === "yes" ? { value: "yes", explanation: "GPS units on every tractor and trailer, watched around the clock by our dispatch office." } : { value: "yes" };
    case "number":
      return { value: a.max };
    case "choice":
      return { value: a.multiple ? [a.options[0]!.id] : a.options[0]!.id };
    case "date":
      return { value: "2025-06-02" };
    case "text":
      return { value: "Reviewed every year by the security coordinator." };
    case "company-user":
      throw new BenchError(`security-category: ${c.id} asks for a company user, which this fixture does not answer`);
  }
}

/** For the target's description: the size of the page. */
export const SECURITY_CRITERIA_COUNT = categoryCriteria().length;
export const SECURITY_FILE_COUNT = FILES.length;

export async function seedSecurityCategory(databaseUrl: string): Promise<SecurityCategoryFixture> {
  const criteria = categoryCriteria();
  const withEvidence = criteria.filter((c) => c.evidence.rule === "required");
  if (withEvidence.length < 2) throw new BenchError(`security-category: ${SECURITY_CATEGORY} has fewer than two criteria that require evidence`);
  // The last "must" without required evidence is answered "no" (a "no" needs no file).
  const noId = criteria.findLast((c) => c.level === "must" && c.answer.kind === "yes-no-explain" && c.answer.explainWhen === "no" && c.evidence.rule === "none")?.id;
  const answers = new Map(criteria.map((c) => [c.id, answerFor(c, noId)]));
  const files = new Map<string, string[]>();
  for (const f of FILES) {
    const id = withEvidence[f.of]!.id;
    files.set(id, [...(files.get(id) ?? []), f.name]);
  }

  // Before writing anything: the fixture must be what the page calls complete.
  const progress = sectionProgress(
    criteria,
    Object.fromEntries(answers),
    Object.fromEntries([...files].map(([id, names]) => [id, { count: names.length, allClean: true }])),
  );
  if (progress.state !== "complete" || progress.answered !== criteria.length) {
    throw new BenchError(`security-category: the fixture's answers are ${progress.state}, ${progress.answered} of ${progress.total} (expected all ${criteria.length})`);
  }

  const fixture = await seedMemberCompany(
    databaseUrl,
    {
      label: "security",
      company: COMPANY,
      people: MEMBERS,
      how: {
        urnPrefix: "BENCHS",
        partnerSubjectPrefix: "bench-security-partner-subject-",
        email: (given, family) => `${emailName(given)}.${emailName(family)}@laurentide.example`,
        phone: (i) => `514-555-02${String(i).padStart(2, "0")}`,
      },
      memberships: (personIds) =>
        MEMBERS.map((m, i) => ({ personId: personIds[i]!, role: m.role, status: "active", jobTitle: i === 0 ? "Vice-President, Operations" : "Security Coordinator" })),
      tables: ["divisions", "profile_answers", "evidence_files"],
    },
    async (trx, { companyId, personIds, now }) => {
      const division = await trx
        .insertInto("divisions")
        .values({ company_id: companyId, name: SECURITY_DIVISION, lines: JSON.stringify(SECURITY_LINES), facilities: "[]", created_at: now, updated_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      const subject = `division:${division.id}`;

      // Every criterion answered, alternately by the owner and the coordinator, some saved twice.
      await trx
        .insertInto("profile_answers")
        .values(
          criteria.map((c, i) => ({
            company_id: companyId,
            subject,
            item_id: c.id,
            catalogue_version: CURRENT_VERSION,
            answer: JSON.stringify(answers.get(c.id)),
            version: 1 + (i % 3 === 0 ? 1 : 0),
            updated_at: new Date(now.getTime() - (criteria.length - i) * 3_600_000),
            updated_by_person_id: personIds[i % personIds.length]!,
          })),
        )
        .execute();

      await trx
        .insertInto("evidence_files")
        .values(
          FILES.map((f, i) => ({
            company_id: companyId,
            subject,
            item_id: withEvidence[f.of]!.id,
            storage_key: `bench/security-category/${division.id}/${i}-${randomBytes(8).toString("hex")}`,
            file_name: f.name,
            size: f.size,
            mime: f.mime,
            sha256: randomBytes(32).toString("hex"),
            scan_status: "clean" as const,
            scan_signature: null,
            uploaded_at: new Date(now.getTime() - f.daysAgo * 86_400_000),
            uploaded_by_person_id: personIds[f.by]!,
            submitted_at: null,
          })),
        )
        .execute();
      return { divisionId: division.id };
    },
  );
  return { ...fixture, criteria, files, explanation: NO_EXPLANATION };
}

/**
 * The category page for the seeded owner. run.ts's preflight checks it once before any load: it
 * must be the page itself (200; its title, every criterion, the answer explained, the three
 * files by name and their uploader, the progress "Complete"), not a redirect to sign in, a 403
 * or a redirect to the division (a category that does not apply), or the numbers would measure
 * something else.
 */
export async function securityCategoryEndpoint(databaseUrl: string): Promise<Endpoint> {
  const fixture = await seedSecurityCategory(databaseUrl);
  const t = messages("en");
  const title = t.profiles.categoryTitle(currentCatalogue().categories[SECURITY_CATEGORY].name.en, SECURITY_DIVISION);
  const fileNames = [...fixture.files.values()].flat();
  const evidenceItems = [...fixture.files.keys()];
  return {
    path: `/en/companies/${fixture.companyId}/security/divisions/${fixture.divisionId}/${SECURITY_CATEGORY}`,
    headers: { cookie: fixture.cookie },
    expectBody: [
      title,
      `data-testid="page-progress">${t.companies.sectionStates.complete}<`,
      ...fixture.criteria.map((c) => `data-testid="item-${c.id}"`),
      fixture.explanation,
      ...evidenceItems.map((id) => t.profiles.evidenceTableCaption(id)),
      ...fileNames,
      `${MEMBERS[1]!.given} ${MEMBERS[1]!.family}`,
    ],
    notes: [
      `fixture: division "${SECURITY_DIVISION}" (${SECURITY_LINES.join(" + ")}), category ${SECURITY_CATEGORY}: ` +
        `${fixture.criteria.length} criteria (${fixture.criteria.map((c) => c.id).join(", ")}), all answered; ` +
        `${fileNames.length} evidence files listed on ${evidenceItems.join(", ")} (rows only, no bytes in the store); ` +
        `${fixture.paddingSessions} ended sessions added to reach ${BASELINE_ROWS} sessions`,
    ],
  };
}
