// The users page fixture (SPEC section 3, "Add and manage users"; DESIGN.md "Performance": any
// other signed-in trader page ≥ 0.5× the baseline, and its growth): an authorized member company
// with 200 users of every role, some deactivated, some with contact details of their own for
// this company, its account owner signed in. Written straight into the portal's tables with the
// helpers of bench/dashboard.ts, once per database: `users-page` loads the page on the small
// database, `users-page-500k` on the database staff-search-500k grew (run.ts prints the growth
// ratio), with the plans of the page's queries.
import type { CompanyRole } from "../src/platform/db/schema.ts";
import { findSession } from "../src/platform/sessions.ts";
import { foldedReadFor, membershipAlongside } from "../src/web/middleware/company-membership.ts";
import { USERS_READS } from "../src/features/users/list.ts";
import { messages } from "../src/web/i18n/index.ts";
import type { Endpoint } from "./load.ts";
import {
  connectBench,
  databaseSize,
  emailName,
  growDatabase,
  pagePlans,
  seedMemberCompany,
  seedOnce,
  signIn,
  WALL_CLOCK,
  type CompanyFixture,
  type CompanySeed,
} from "./dashboard.ts";

export const USERS_PAGE_COMPANY = "Saguenay Customs Brokers Inc.";
export const USERS_PAGE_USERS = 200;

const GIVEN = ["Émilie", "Jean-Philippe", "Nadia", "Olivier", "Catherine", "Mathieu", "Sophie", "Karim", "Julie", "Étienne", "Mei", "Rajesh", "Ana", "Hugo", "Zoé", "Daniel", "Fatou", "Louis", "Inès", "Thomas"] as const;
const FAMILY = ["Bouchard", "Côté", "Gauthier", "Bélanger", "Lévesque", "Nguyen", "Pelletier", "Fortin", "Ouellet", "Girard", "Patel", "Lavoie", "Bergeron", "Morin", "Dubé", "Chen", "Sánchez", "Leblanc", "Caron", "Poirier", "Simard", "Roy", "Thériault"] as const;

interface UserSeed {
  readonly given: string;
  readonly family: string;
  readonly role: CompanyRole;
  readonly status: "active" | "deactivated";
  /** Contact details for this company only (the page shows them instead of the person's own). */
  readonly ownContact: boolean;
}

/**
 * User `i` (0 is the owner): 8 proxies, a third admin-only, the rest full access; one in nine
 * deactivated; one in four with contact details of their own for this company.
 */
function userAt(i: number): UserSeed {
  const role: CompanyRole = i === 0 ? "owner" : i % 25 === 1 ? "proxy" : i % 3 === 0 ? "admin-only" : "full-access";
  return {
    given: GIVEN[i % GIVEN.length]!,
    family: FAMILY[(i * 7 + Math.floor(i / GIVEN.length)) % FAMILY.length]!,
    role,
    status: i !== 0 && i % 9 === 4 ? "deactivated" : "active",
    ownContact: i % 4 === 2,
  };
}

const USERS: readonly UserSeed[] = Array.from({ length: USERS_PAGE_USERS }, (_, i) => userAt(i));

const COMPANY: CompanySeed = {
  legalName: USERS_PAGE_COMPANY,
  operatingName: "Saguenay Customs",
  bn9: "745812390",
  carrierCode: null,
  lines: ["importer", "exporter"],
  address: { line1: "1200 Boulevard Talbot", line2: "Bureau 300", city: "Saguenay", region: "QC", postalCode: "G7H 4B6", country: "CA" },
  clientNumberBody: "731902468",
  businessStartedOn: "1987-05-11",
  employeeCount: 640,
  website: "https://saguenay-customs.example",
  primaryContact: { name: "Émilie Bouchard", title: "Chief Compliance Officer", phone: "418-555-0300", email: "compliance@saguenay-customs.example" },
};

const companyEmail = (i: number): string => `user${i}.desk@saguenay-customs.example`;

const seeded = new Map<string, Promise<CompanyFixture>>();

function seedUsersPage(databaseUrl: string): Promise<CompanyFixture> {
  return seedOnce(seeded, databaseUrl, () =>
    seedMemberCompany(
      databaseUrl,
      {
        label: "users-page",
        company: COMPANY,
        people: USERS,
        how: {
          urnPrefix: "BENCW",
          partnerSubjectPrefix: "bench-users-page-partner-subject-",
          email: (given, family, i) => `${emailName(given)}.${emailName(family)}${i}@mail.example`,
          phone: (i) => `418-555-${String(1000 + i).padStart(4, "0")}`,
        },
        memberships: (personIds) =>
          USERS.map((u, i) => ({
            personId: personIds[i]!,
            role: u.role,
            status: u.status,
            jobTitle: i === 0 ? "Chief Compliance Officer" : u.ownContact ? "Customs Entry Clerk" : null,
            email: u.ownContact ? companyEmail(i) : null,
            phone: u.ownContact ? `418-555-${String(5000 + i).padStart(4, "0")} ext. ${i}` : null,
          })),
        tables: [],
      },
      () => Promise.resolve({}),
    ),
  );
}

/**
 * The users page for the seeded owner (on the database grown to LARGE with `grown`, with the
 * plans of its queries). run.ts's preflight checks it once before any load: 200, the page's
 * title and table, every one of the 200 users' rows, the owner marked as "you", a deactivated
 * user and a company-only e-mail address, not a redirect to sign in nor a 403 page.
 */
export async function usersPageEndpoint(databaseUrl: string, options: { grown: boolean; progress: (line: string) => void }): Promise<Endpoint> {
  const fixture = await seedUsersPage(databaseUrl);
  if (options.grown) await growDatabase(databaseUrl, options.progress);
  const { db } = connectBench(databaseUrl);
  let session: { token: string; cookie: string };
  try {
    session = await signIn(db, { personId: fixture.ownerId, credentialId: fixture.ownerCredentialId });
  } finally {
    await db.destroy();
  }
  const plans = options.grown
    ? await pagePlans(databaseUrl, "users page", async (db) => {
        // The list is read with the session (USERS_READS), as the portal reads it on a first view;
        // then the usual view, when the portal holds the list: only the version with the session.
        const [withData, versionOnly] = USERS_READS;
        await findSession(db, WALL_CLOCK, session.token, membershipAlongside(fixture.companyId, foldedReadFor([withData], db, fixture.companyId, "/users")));
        await findSession(db, WALL_CLOCK, session.token, membershipAlongside(fixture.companyId, { page: versionOnly, args: { companyId: fixture.companyId } }));
      })
    : [];
  const t = messages("en").users;
  const owner = USERS[0]!;
  const deactivated = USERS.filter((u) => u.status === "deactivated").length;
  const ownContact = USERS.findIndex((u) => u.ownContact);
  const roles = new Map<string, number>();
  for (const u of USERS) roles.set(u.role, (roles.get(u.role) ?? 0) + 1);
  return {
    path: `/en/companies/${fixture.companyId}/users`,
    headers: { cookie: session.cookie },
    expectBody: [
      t.listTitle,
      'data-testid="users"',
      t.tableCaption(USERS_PAGE_COMPANY),
      `${owner.given} ${owner.family}</a> ${t.you}`,
      `<td>${t.statuses.deactivated}</td>`,
      companyEmail(ownContact),
      ...fixture.personIds.map((id) => `data-person="${id}"`),
    ],
    notes: [
      `fixture: ${USERS.length} users (${[...roles].map(([role, n]) => `${n} ${role}`).join(", ")}; ${deactivated} deactivated; ` +
        `${USERS.filter((u) => u.ownContact).length} with contact details for this company)`,
      await databaseSize(databaseUrl),
      ...plans,
    ],
  };
}
