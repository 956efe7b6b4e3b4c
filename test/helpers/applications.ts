// Test set-up for the application's life (APP-5 and after): a company whose every profile is
// complete — the company profile, every application question of its lines, every criterion of
// each division — with a clean evidence file (real bytes in the file store) wherever the answer
// needs one. Written straight into the database: the tests then drive the submission and the
// review through HTTP, as a person would.
import { createHash } from "node:crypto";
import { currentCatalogue, criteriaFor, evidenceRequired, questionsFor, validateAnswer } from "../../src/domain/catalogue/index.ts";
import { PORTAL_LINES, type AnswerType, type CatalogueItem, type PortalLine } from "../../src/domain/catalogue/types.ts";
import { newFileKey } from "../../src/platform/storage/index.ts";
import { pdfFile } from "./evidence-files.ts";
import type { TestPortal } from "./app.ts";

/** A valid answer of each kind (the owner's person id for a "company user" question). */
export function validAnswerFor(type: AnswerType, ownerPersonId: string): { value: unknown; explanation?: string } {
  switch (type.kind) {
    case "yes-no":
    case "confirm":
      return { value: "yes" };
    case "yes-no-explain":
      return type.explainWhen === "yes" ? { value: "yes", explanation: "Details are given in the attached document." } : { value: "yes" };
    case "text":
      return { value: type.format === "carrier-code" ? "ABCD" : "Written procedure, reviewed every year." };
    case "choice":
      return { value: type.multiple ? [type.options[0]!.id] : type.options[0]!.id };
    case "number":
      return { value: type.min };
    case "date":
      return { value: "2015-06-01" };
    case "company-user":
      return { value: ownerPersonId };
  }
}

export interface CompletedProfiles {
  divisionId: string;
  /** Evidence file ids written, by "subject/item". */
  files: Map<string, string>;
}

/**
 * Completes every profile of `companyId` (lines as in the companies row; one division carrying
 * all of them, created when the company has none). `skip` leaves those item ids unanswered.
 */
export async function completeProfiles(portal: TestPortal, companyId: string, ownerPersonId: string, skip: readonly string[] = []): Promise<CompletedProfiles> {
  const db = portal.database.db;
  const catalogue = currentCatalogue();
  const now = portal.clock.now();
  const co = await db.selectFrom("companies").select(["lines_of_business"]).where("id", "=", companyId).executeTakeFirstOrThrow();
  const lines = PORTAL_LINES.filter<PortalLine>((l): l is PortalLine => co.lines_of_business.includes(l));
  await db
    .updateTable("companies")
    .set({
      business_started_on: "2010-04-01",
      employee_count: 25,
      primary_contact: JSON.stringify({ name: "Pat Contact", title: "Compliance manager", phone: "613-555-0100", email: "pat@example.com" }),
      facilities: JSON.stringify([{ name: "Main warehouse", address: { line1: "1 Depot Rd", line2: "", city: "Ottawa", region: "ON", postalCode: "K1A 0B1", country: "CA" } }]),
      profile_updated_at: now,
    })
    .where("id", "=", companyId)
    .execute();
  let division = await db.selectFrom("divisions").select("id").where("company_id", "=", companyId).orderBy("id").executeTakeFirst();
  if (!division) {
    division = await db
      .insertInto("divisions")
      .values({ company_id: companyId, name: "Main division", lines: JSON.stringify(lines), facilities: JSON.stringify(["Main warehouse"]), created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
  }
  const divisionLines = lines;
  const files = new Map<string, string>();
  const pdf = await pdfFile("Evidence written for the tests");
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  const answer = async (subject: string, item: CatalogueItem) => {
    if (skip.includes(item.id)) return;
    const raw = validAnswerFor(item.answer, ownerPersonId);
    const check = validateAnswer(item, raw, { companyUsers: [ownerPersonId] });
    if (!check.ok) throw new Error(`test answer for ${item.id} is not valid: ${check.problem}`);
    await db
      .insertInto("profile_answers")
      .values({ company_id: companyId, subject, item_id: item.id, catalogue_version: catalogue.version, answer: JSON.stringify(raw), version: 1, updated_at: now, updated_by_person_id: ownerPersonId })
      .onConflict((oc) => oc.columns(["company_id", "subject", "item_id"]).doUpdateSet({ answer: JSON.stringify(raw), updated_at: now }))
      .execute();
    if (check.value && evidenceRequired(item, check.value)) {
      const key = newFileKey();
      await portal.deps.files.put(key, [pdf]);
      const row = await db
        .insertInto("evidence_files")
        .values({
          company_id: companyId,
          subject,
          item_id: item.id,
          storage_key: key,
          file_name: `${item.id}.pdf`,
          size: pdf.length,
          mime: "application/pdf",
          sha256,
          scan_status: "clean",
          scan_signature: null,
          uploaded_at: now,
          uploaded_by_person_id: ownerPersonId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      files.set(`${subject}/${item.id}`, row.id);
    }
  };
  for (const g of questionsFor(catalogue, lines)) for (const q of g.questions) await answer("application", q);
  for (const a of criteriaFor(catalogue, divisionLines)) for (const cat of a.categories) for (const c of cat.criteria) await answer(`division:${division.id}`, c);
  return { divisionId: division.id, files };
}
