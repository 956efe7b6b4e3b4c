// The PIP dashboard fixture (DESIGN.md "Performance"): an authorized company with its account
// owner signed in, a few other users and a page of system notifications, written straight
// into the portal's tables once the portal has migrated the bench database. The owner's
// session is made as the portal makes one (a random token in the cookie, its SHA-256 in
// `sessions`), so the portal serves the dashboard exactly as to a browser that signed in.
import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { CompanyRole, Database } from "../src/platform/db/schema.ts";
import { hashToken } from "../src/platform/sessions.ts";
import { sessionCookieName } from "../src/web/middleware/session.ts";
import { csrfCookieName } from "../src/web/middleware/csrf.ts";
import { clientNumberCheckDigit } from "../src/domain/client-number.ts";
import { urnCheckCharacter } from "../src/domain/urn.ts";
import type { Endpoint } from "./load.ts";
import { BASELINE_ROWS } from "./shared.ts";

export const DASHBOARD_COMPANY = "Northwind Freight Ltd.";

/** The portal's base URL is http://localhost:PORT in the bench, so its cookies have no __Host- prefix. */
const HTTPS = false;

interface Member {
  readonly given: string;
  readonly family: string;
  readonly role: CompanyRole;
  readonly status: "active" | "deactivated";
}

/** The first is the account owner, who signs in; five active users in all, one deactivated. */
const MEMBERS: readonly Member[] = [
  { given: "Marie", family: "Tremblay", role: "owner", status: "active" },
  { given: "Ann", family: "Lee", role: "full-access", status: "active" },
  { given: "Samir", family: "Haddad", role: "proxy", status: "active" },
  { given: "Chloé", family: "Gagnon", role: "full-access", status: "active" },
  { given: "Peter", family: "Novak", role: "admin-only", status: "active" },
  { given: "Lucy", family: "Moreau", role: "full-access", status: "deactivated" },
];

/** Oldest first; the dashboard shows the latest 10, so two fall off the page. */
const NOTIFICATIONS: readonly { kind: string; params: Record<string, string> }[] = [
  { kind: "letter-sent", params: { sentOn: "2025-01-06" } },
  { kind: "company-authorized", params: {} },
  { kind: "user-added", params: { name: "Ann Lee", role: "full-access" } },
  { kind: "user-added", params: { name: "Samir Haddad", role: "full-access" } },
  { kind: "role-changed", params: { name: "Samir Haddad", from: "full-access", to: "proxy" } },
  { kind: "user-added", params: { name: "Chloé Gagnon", role: "full-access" } },
  { kind: "user-added", params: { name: "Peter Novak", role: "admin-only" } },
  { kind: "user-added", params: { name: "Lucy Moreau", role: "full-access" } },
  { kind: "profile-updated", params: { name: "Marie Tremblay" } },
  { kind: "user-deactivated", params: { name: "Lucy Moreau" } },
  { kind: "profile-updated", params: { name: "Ann Lee" } },
  { kind: "user-added", params: { name: "Ann Lee", role: "full-access" } },
];

const ADDRESS = { line1: "2200 Rue Notre-Dame Ouest", line2: "", city: "Montréal", region: "QC", postalCode: "H3J 1N4", country: "CA" };

export interface DashboardFixture {
  readonly companyId: string;
  /** The Cookie header of the signed-in owner's browser (session, and the CSRF cookie every page sets). */
  readonly cookie: string;
}

/** A URN in canonical form for member `i` (Crockford base-32 body, then its check character). */
function urn(i: number): string {
  const body = `BENCH${String(i).padStart(3, "0")}`.replace(/[ILOU]/g, "X");
  return body + urnCheckCharacter(body);
}

export async function seedDashboard(databaseUrl: string): Promise<DashboardFixture> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, statement_timeout: 30_000 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const fixture = await db.transaction().execute(async (trx) => {
      const now = new Date();
      const personIds: string[] = [];
      const credentialIds: string[] = [];
      for (const [i, m] of MEMBERS.entries()) {
        const person = await trx
          .insertInto("people")
          .values({
            urn: urn(i),
            given_name: m.given,
            family_name: m.family,
            email: `${m.given.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")}.${m.family.toLowerCase()}@northwind.example`,
            phone: `514-555-01${String(i).padStart(2, "0")}`,
            preferred_locale: "en",
            email_verified_at: now,
            mfa_terms_accepted_at: now,
            last_sign_in_at: now,
            created_at: now,
            updated_at: now,
            urn_issued_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const credential = await trx
          .insertInto("credentials")
          .values({
            kind: "partner",
            person_id: person.id,
            username: null,
            username_normalized: null,
            password_hash: null,
            password_changed_at: null,
            recovery_email: null,
            partner_subject: `bench-partner-subject-${i}`,
            created_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        personIds.push(person.id);
        credentialIds.push(credential.id);
      }
      const ownerId = personIds[0]!;
      const ownerCredentialId = credentialIds[0]!;

      // Activated first: the deferred one-owner trigger (migration 0008) checks an authorized
      // company at commit, by which time the owner's row below exists.
      const body = "481516234";
      const company = await trx
        .insertInto("companies")
        .values({
          legal_name: DASHBOARD_COMPANY,
          operating_name: "Northwind",
          country: "CA",
          bn9: "123456782",
          program_account: null,
          carrier_code: null,
          lines_of_business: JSON.stringify(["importer", "exporter"]),
          correspondence_locale: "en",
          address: JSON.stringify(ADDRESS),
          client_number: body + clientNumberCheckDigit(body),
          status: "activated",
          origin: "registered",
          membership_status: "existing-member",
          owner_designate_person_id: null,
          created_by_staff_id: null,
          activated_at: now,
          activated_by_person_id: ownerId,
          authorized_at: null,
          created_at: now,
          updated_at: now,
          business_started_on: "2009-04-01",
          employee_count: 120,
          website: "https://northwind.example",
          primary_contact: JSON.stringify({ name: "Marie Tremblay", title: "Director of Trade Compliance", phone: "514-555-0100", email: "compliance@northwind.example" }),
          profile_updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("company_users")
        .values(
          MEMBERS.map((m, i) => ({
            company_id: company.id,
            person_id: personIds[i]!,
            role: m.role,
            status: m.status,
            created_at: now,
            updated_at: now,
            deactivated_reason: m.status === "deactivated" ? ("by-user" as const) : null,
            job_title: i === 0 ? "Director of Trade Compliance" : null,
            added_by_person_id: i === 0 ? null : ownerId,
          })),
        )
        .execute();
      await trx.updateTable("companies").set({ status: "authorized", authorized_at: now, updated_at: now }).where("id", "=", company.id).execute();

      await trx
        .insertInto("notifications")
        .values(
          NOTIFICATIONS.map((n, i) => ({
            company_id: company.id,
            kind: n.kind,
            params: JSON.stringify(n.params),
            created_at: new Date(now.getTime() - (NOTIFICATIONS.length - i) * 86_400_000),
          })),
        )
        .execute();

      // The owner's signed-in session, as authenticateSession leaves it.
      const token = randomBytes(32).toString("base64url");
      await trx
        .insertInto("sessions")
        .values({
          token_hash: hashToken(token),
          credential_id: ownerCredentialId,
          person_id: ownerId,
          stage: "authenticated",
          locale: "en",
          user_agent: "bench",
          created_at: now,
          authenticated_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + 12 * 3_600_000),
        })
        .execute();
      // Ended sessions of the members, so the portal's session index is as big as the
      // baseline's (BASELINE_ROWS rows in all).
      await sql`
        insert into sessions (token_hash, credential_id, person_id, stage, locale, created_at, authenticated_at, last_seen_at, expires_at, ended_at, ended_reason)
        select encode(sha256(convert_to('bench-ended-' || g, 'UTF8')), 'base64'), c.id, c.person_id, 'authenticated', 'en',
               now() - interval '2 days', now() - interval '2 days', now() - interval '2 days', now() - interval '1 day', now() - interval '2 days', 'signed-out'
        from generate_series(1, ${BASELINE_ROWS - 1}::int) as g
        join credentials c on c.id = (${credentialIds}::bigint[])[1 + g % ${credentialIds.length}::int]`.execute(trx);
      const csrf = randomBytes(32).toString("base64url");
      return { companyId: company.id, cookie: `${sessionCookieName(HTTPS)}=${token}; ${csrfCookieName(HTTPS)}=${csrf}` };
    });
    for (const table of ["people", "credentials", "sessions", "companies", "company_users", "notifications"]) {
      await sql`analyze ${sql.table(table)}`.execute(db);
    }
    return fixture;
  } finally {
    await db.destroy();
  }
}

/**
 * The dashboard request for the seeded owner. run.ts's preflight checks it once before any
 * load: it must be the dashboard itself (200, the company's name, its sections and
 * notifications), not a redirect to sign in nor a 403 page, or the numbers would measure
 * something else.
 */
export async function dashboardEndpoint(databaseUrl: string): Promise<Endpoint> {
  const fixture = await seedDashboard(databaseUrl);
  return {
    path: `/en/companies/${fixture.companyId}`,
    headers: { cookie: fixture.cookie },
    expectBody: [DASHBOARD_COMPANY, 'data-testid="dashboard-company"', 'data-testid="section-users"', 'data-testid="notifications"', "Samir Haddad"],
  };
}
