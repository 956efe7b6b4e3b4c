// Company fixtures for tests of company pages: an authorized company with its owner and
// members, put straight into the database (registration and activation have their own tests).
import type { TestPortal } from "./app.ts";
import type { TestClient } from "./client.ts";
import type { CompanyRole } from "../../src/domain/permissions.ts";
import { formatUrn } from "../../src/domain/urn.ts";
import { clientNumberCheckDigit } from "../../src/domain/client-number.ts";
import { randomInt } from "node:crypto";

export interface Member {
  personId: string;
  /** Canonical URN (9 characters). */
  urn: string;
  /** As people read it: URN-XXXX-XXXX-X. */
  formattedUrn: string;
}

/** The signed-in client's person, read from their account page. */
export async function memberOf(portal: TestPortal, client: TestClient): Promise<Member> {
  const html = await (await client.get("/en/account")).text();
  const m = /URN-([0-9A-Z]{4})-([0-9A-Z]{4})-([0-9A-Z])/.exec(html);
  if (!m) throw new Error("no URN on the account page");
  const urn = `${m[1]}${m[2]}${m[3]}`;
  const row = await portal.database.db.selectFrom("people").select("id").where("urn", "=", urn).executeTakeFirstOrThrow();
  return { personId: row.id, urn, formattedUrn: formatUrn(urn) };
}

let companies = 0;

/**
 * An authorized company with `owner` as its account owner and `others` as its users. The
 * company is inserted as activated and authorized only once its owner is in: the database
 * refuses an authorized company without exactly one active owner (USR-5).
 */
export async function authorizedCompany(
  portal: TestPortal,
  legalName: string,
  owner: Member,
  others: { member: Member; role: Exclude<CompanyRole, "owner">; status?: "active" | "deactivated" }[] = [],
): Promise<string> {
  companies++;
  const now = portal.clock.now();
  const body = `9${String(randomInt(1e5)).padStart(5, "0")}${String(companies).padStart(3, "0")}`;
  const clientNumber = body + clientNumberCheckDigit(body);
  return portal.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("companies")
      .values({
        legal_name: legalName,
        operating_name: null,
        country: "CA",
        bn9: null,
        program_account: null,
        carrier_code: null,
        lines_of_business: JSON.stringify(["importer"]),
        correspondence_locale: "en",
        address: JSON.stringify({ line1: "100 Queen St", line2: "", city: "Ottawa", region: "ON", postalCode: "K1P 1J9", country: "CA" }),
        client_number: clientNumber,
        status: "activated",
        origin: "cbsa-created",
        membership_status: "not-applied",
        owner_designate_person_id: null,
        created_by_staff_id: null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const members = [{ member: owner, role: "owner" as CompanyRole, status: "active" as const }, ...others];
    for (const m of members) {
      await trx
        .insertInto("company_users")
        .values({ company_id: row.id, person_id: m.member.personId, role: m.role, status: m.status ?? "active", created_at: now, updated_at: now })
        .execute();
    }
    await trx.updateTable("companies").set({ status: "authorized", authorized_at: now }).where("id", "=", row.id).execute();
    return row.id;
  });
}

/** How many active owners the company has (USR-5 says: exactly one). */
export async function activeOwners(portal: TestPortal, companyId: string): Promise<string[]> {
  const rows = await portal.database.db
    .selectFrom("company_users")
    .select("person_id")
    .where("company_id", "=", companyId)
    .where("role", "=", "owner")
    .where("status", "=", "active")
    .execute();
  return rows.map((r) => r.person_id);
}
