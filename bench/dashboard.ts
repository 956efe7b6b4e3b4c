// The PIP dashboard fixture (DESIGN.md "Performance"): an authorized company, a member of the
// PIP (approved a year ago: its application snapshot and the closed case), its account owner
// signed in, a few other users and a page of system notifications, written straight into the
// portal's tables once the portal has migrated the bench database. The owner's session is made
// as the portal makes one (a random token in the cookie, its keyed hash in `sessions`), so the
// portal serves the dashboard exactly as to a browser that signed in.
//
// The same company's dashboard is loaded twice in a full run: `dashboard` on the small database,
// `dashboard-500k` once staff-search-500k grew it (run.ts prints the growth ratio), with the
// plans of the page's queries. The company is seeded once per database.
//
// The helpers a company page's fixture needs (people with their credentials, an authorized
// member company with its users, the owner's session, the session padding, the plans of the
// page's queries) are exported for the other fixtures (security-category.ts, users-page.ts).
import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect, sql, type CompiledQuery, type Transaction } from "kysely";
import pg from "pg";
import type { CompanyRole, Database, PostalAddress, PrimaryContact } from "../src/platform/db/schema.ts";
import { calendarDate, DAY_MS, type Clock } from "../src/platform/clock.ts";
import { findSession, hashToken } from "../src/platform/sessions.ts";
import { sessionCookieName } from "../src/web/middleware/session.ts";
import { csrfCookieName } from "../src/web/middleware/csrf.ts";
import { foldedReadFor, membershipAlongside } from "../src/web/middleware/company-membership.ts";
import { clientNumberCheckDigit } from "../src/domain/client-number.ts";
import { URN_BODY_LENGTH, urnCheckCharacter } from "../src/domain/urn.ts";
import { DASHBOARD_READS } from "../src/features/companies/service.ts";
import { writeSnapshot } from "../src/features/applications/service.ts";
import { fourYearsAfter } from "../src/features/membership/service.ts";
import { messages } from "../src/web/i18n/index.ts";
import type { Endpoint } from "./load.ts";
import { BASELINE_ROWS, BenchError } from "./shared.ts";
import { growPopulation, LARGE } from "./staff-search.ts";

export const DASHBOARD_COMPANY = "Northwind Freight Ltd.";

/** The portal's base URL is http://localhost:PORT in the bench, so its cookies have no __Host- prefix. */
const HTTPS = false;

// --- helpers for the fixtures of company pages ------------------------------------------------

export type BenchDb = Kysely<Database>;
export type BenchTx = Transaction<Database>;

/**
 * A Kysely on the bench database (one connection) that records every query it runs in
 * `captured`: the plans below read the exact SQL the portal's own functions compiled.
 */
export function connectBench(databaseUrl: string): { pool: pg.Pool; db: BenchDb; captured: CompiledQuery[] } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, statement_timeout: 30_000 });
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === "query") captured.push(event.query);
    },
  });
  return { pool, db, captured };
}

/** The wall clock, as the portal's (the bench never moves time). */
export const WALL_CLOCK: Clock = { now: () => new Date() };

/** A URN in canonical form: `prefix` then `i`, zero-padded to the body's 8 characters (Crockford base-32), then its check character. */
export function benchUrn(prefix: string, i: number): string {
  const body = `${prefix}${String(i).padStart(URN_BODY_LENGTH - prefix.length, "0")}`.replace(/[ILOU]/g, "X");
  return body + urnCheckCharacter(body);
}

/** An e-mail local part of a name: lower case, accents and anything but letters dropped. */
export function emailName(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z]+/g, "");
}

export interface SeedPerson {
  readonly given: string;
  readonly family: string;
  readonly email: string;
  readonly phone: string;
  readonly urn: string;
  /** The Sign-In Partner subject of the person's credential. */
  readonly partnerSubject: string;
}

/** People with a verified profile and a Sign-In Partner credential each; ids in the order given. */
export async function insertPeople(trx: BenchTx, people: readonly SeedPerson[], now: Date): Promise<{ personIds: string[]; credentialIds: string[] }> {
  const persons = await trx
    .insertInto("people")
    .values(
      people.map((p) => ({
        urn: p.urn,
        given_name: p.given,
        family_name: p.family,
        email: p.email,
        phone: p.phone,
        preferred_locale: "en" as const,
        email_verified_at: now,
        mfa_terms_accepted_at: now,
        last_sign_in_at: now,
        created_at: now,
        updated_at: now,
        urn_issued_at: now,
      })),
    )
    .returning(["id", "urn"])
    .execute();
  const personOf = new Map(persons.map((r) => [r.urn, r.id]));
  const personIds = people.map((p) => personOf.get(p.urn)!);
  const credentials = await trx
    .insertInto("credentials")
    .values(
      people.map((p, i) => ({
        kind: "partner" as const,
        person_id: personIds[i]!,
        username: null,
        username_normalized: null,
        password_hash: null,
        password_changed_at: null,
        recovery_email: null,
        partner_subject: p.partnerSubject,
        created_at: now,
      })),
    )
    .returning(["id", "person_id"])
    .execute();
  const credentialOf = new Map(credentials.map((r) => [r.person_id, r.id]));
  return { personIds, credentialIds: personIds.map((id) => credentialOf.get(id)!) };
}

/** What differs between the fixtures' companies; the rest makes an authorized member of the PIP. */
export interface CompanySeed {
  readonly legalName: string;
  readonly operatingName: string;
  readonly bn9: string;
  readonly carrierCode: string | null;
  readonly lines: readonly string[];
  readonly address: PostalAddress;
  /** Nine digits; the client number is them and their check digit. */
  readonly clientNumberBody: string;
  readonly businessStartedOn: string;
  readonly employeeCount: number;
  readonly website: string;
  readonly primaryContact: PrimaryContact;
}

export interface SeedMembership {
  readonly personId: string;
  readonly role: CompanyRole;
  readonly status: "active" | "deactivated";
  readonly jobTitle: string | null;
  /** This company's contact details for the person (null: the person's own). */
  readonly email?: string | null;
  readonly phone?: string | null;
}

/** How long ago the fixtures' companies became members (their anniversary is 4 years after). */
const MEMBER_FOR_DAYS = 365;

/**
 * An authorized company, a member of the PIP for a year (status `member`, member since and
 * anniversary as an approval sets them), with its users; the first membership is the owner's,
 * who activated the company and added the others. Returns the company's id.
 */
export async function insertMemberCompany(trx: BenchTx, seed: CompanySeed, memberships: readonly SeedMembership[], now: Date): Promise<string> {
  const ownerId = memberships[0]!.personId;
  const approvedAt = new Date(now.getTime() - MEMBER_FOR_DAYS * DAY_MS);
  const memberSince = calendarDate(approvedAt);
  // Activated first: the deferred one-owner trigger (migration 0008) checks an authorized
  // company at commit, by which time the owner's row below exists.
  const company = await trx
    .insertInto("companies")
    .values({
      legal_name: seed.legalName,
      operating_name: seed.operatingName,
      country: "CA",
      bn9: seed.bn9,
      program_account: null,
      carrier_code: seed.carrierCode,
      lines_of_business: JSON.stringify(seed.lines),
      correspondence_locale: "en",
      address: JSON.stringify(seed.address),
      client_number: seed.clientNumberBody + clientNumberCheckDigit(seed.clientNumberBody),
      status: "activated",
      origin: "registered",
      membership_status: "member",
      membership_changed_at: approvedAt,
      member_since: memberSince,
      anniversary_on: fourYearsAfter(memberSince),
      owner_designate_person_id: null,
      created_by_staff_id: null,
      activated_at: now,
      activated_by_person_id: ownerId,
      authorized_at: null,
      created_at: now,
      updated_at: now,
      business_started_on: seed.businessStartedOn,
      employee_count: seed.employeeCount,
      website: seed.website,
      primary_contact: JSON.stringify(seed.primaryContact),
      profile_updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("company_users")
    .values(
      memberships.map((m, i) => ({
        company_id: company.id,
        person_id: m.personId,
        role: m.role,
        status: m.status,
        created_at: now,
        updated_at: now,
        deactivated_reason: m.status === "deactivated" ? ("by-user" as const) : null,
        job_title: m.jobTitle,
        email: m.email ?? null,
        phone: m.phone ?? null,
        added_by_person_id: i === 0 ? null : ownerId,
      })),
    )
    .execute();
  await trx.updateTable("companies").set({ status: "authorized", authorized_at: now, updated_at: now }).where("id", "=", company.id).execute();
  return company.id;
}

/**
 * A signed-in session of the person, as authenticateSession leaves it; returns its token and
 * the browser's Cookie header (session, and the CSRF cookie every page sets). A new one per
 * target: the 20-minute idle limit then never depends on how long seeding took.
 */
export async function signIn(db: BenchDb | BenchTx, person: { personId: string; credentialId: string }): Promise<{ token: string; cookie: string }> {
  const now = new Date();
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      credential_id: person.credentialId,
      person_id: person.personId,
      stage: "authenticated",
      locale: "en",
      user_agent: "bench",
      created_at: now,
      authenticated_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + 12 * 3_600_000),
    })
    .execute();
  const csrf = randomBytes(32).toString("base64url");
  return { token, cookie: `${sessionCookieName(HTTPS)}=${token}; ${csrfCookieName(HTTPS)}=${csrf}` };
}

/**
 * Ended sessions of these credentials, so the portal's session index is at least as big as the
 * baseline's (BASELINE_ROWS rows in all; none added when another fixture already made it so).
 * Returns how many were added.
 */
export async function padSessions(trx: BenchTx, credentialIds: readonly string[], label: string): Promise<number> {
  const { n } = await trx.selectFrom("sessions").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  const padding = Math.max(0, BASELINE_ROWS - Number(n));
  if (padding > 0) {
    await sql`
      insert into sessions (token_hash, credential_id, person_id, stage, locale, created_at, authenticated_at, last_seen_at, expires_at, ended_at, ended_reason)
      select encode(sha256(convert_to(${`bench-${label}-ended-`}::text || g, 'UTF8')), 'base64'), c.id, c.person_id, 'authenticated', 'en',
             now() - interval '2 days', now() - interval '2 days', now() - interval '2 days', now() - interval '1 day', now() - interval '2 days', 'signed-out'
      from generate_series(1, ${padding}::int) as g
      join credentials c on c.id = (${credentialIds}::bigint[])[1 + g % ${credentialIds.length}::int]`.execute(trx);
  }
  return padding;
}

export async function analyze(db: BenchDb, tables: readonly string[]): Promise<void> {
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
}

/** How a fixture names and reaches its people. */
export interface PeopleSpec {
  /** The URNs' first characters (each fixture its own, so they never collide). */
  readonly urnPrefix: string;
  readonly partnerSubjectPrefix: string;
  readonly email: (given: string, family: string, i: number) => string;
  readonly phone: (i: number) => string;
}

/** The people of a company page's fixture, with their signed-in owner (the first). */
export interface CompanyFixture {
  readonly companyId: string;
  readonly ownerId: string;
  readonly ownerCredentialId: string;
  readonly personIds: readonly string[];
  /** The Cookie header of the signed-in owner's browser (session, and the CSRF cookie every page sets). */
  readonly cookie: string;
  /** Ended sessions added so the portal's session index is as big as the baseline's. */
  readonly paddingSessions: number;
}

/**
 * A company page's fixture in one transaction: the people, the member company with their
 * memberships (the first the owner's), what `more` adds (it may use the ids), the owner's
 * session and the session padding; then the tables analyzed (the common ones and `tables`).
 */
export async function seedMemberCompany<T extends object>(
  databaseUrl: string,
  spec: {
    readonly label: string;
    readonly company: CompanySeed;
    readonly people: readonly { given: string; family: string }[];
    readonly how: PeopleSpec;
    readonly memberships: (personIds: readonly string[]) => SeedMembership[];
    readonly tables: readonly string[];
  },
  more: (trx: BenchTx, seeded: { companyId: string; personIds: readonly string[]; now: Date }) => Promise<T>,
): Promise<CompanyFixture & T> {
  const { db } = connectBench(databaseUrl);
  try {
    const fixture = await db.transaction().execute(async (trx) => {
      const now = new Date();
      const people = spec.people.map((p, i) => ({
        given: p.given,
        family: p.family,
        email: spec.how.email(p.given, p.family, i),
        phone: spec.how.phone(i),
        urn: benchUrn(spec.how.urnPrefix, i),
        partnerSubject: `${spec.how.partnerSubjectPrefix}${i}`,
      }));
      const { personIds, credentialIds } = await insertPeople(trx, people, now);
      const companyId = await insertMemberCompany(trx, spec.company, spec.memberships(personIds), now);
      const extra = await more(trx, { companyId, personIds, now });
      const { cookie } = await signIn(trx, { personId: personIds[0]!, credentialId: credentialIds[0]! });
      const paddingSessions = await padSessions(trx, credentialIds, spec.label);
      return { ...extra, companyId, ownerId: personIds[0]!, ownerCredentialId: credentialIds[0]!, personIds, cookie, paddingSessions };
    });
    await analyze(db, [...new Set(["people", "credentials", "sessions", "companies", "company_users", ...spec.tables])]);
    return fixture;
  } finally {
    await db.destroy();
  }
}

/** A fixture seeded once per database, whichever of its targets asks first. */
export function seedOnce<T>(seeded: Map<string, Promise<T>>, databaseUrl: string, seed: () => Promise<T>): Promise<T> {
  let pending = seeded.get(databaseUrl);
  if (!pending) {
    pending = seed();
    seeded.set(databaseUrl, pending);
  }
  return pending;
}

// --- the plans of a page's queries ------------------------------------------------------------

/** Tables a sequential scan of which is flagged: more rows than this (pg_class.reltuples). */
const BIG_TABLE_ROWS = 10_000;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the reads a company page makes, as the report's notes. The SQL
 * is the portal's own: `page` calls the portal's functions (the session look-up with the
 * membership, then the page's service) on a Kysely that records what they compiled, and each
 * recorded SELECT is explained with its parameters. (Logging statements on the server does not
 * work here: pg_stat_statements is not preloaded, and the server log is not ours to read.) The
 * session's touch (an UPDATE at most every 15 s) is left out: explain analyze would run it.
 */
export async function pagePlans(databaseUrl: string, label: string, page: (db: BenchDb) => Promise<void>): Promise<string[]> {
  const { pool, db, captured } = connectBench(databaseUrl);
  try {
    await page(db);
    const reads = captured.filter((q) => /^\s*(select|with)\b/i.test(q.sql));
    const sizes = await sql<{ relname: string; rows: number }>`
      select relname, reltuples::float8 as rows from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`.execute(db);
    const rowsOf = new Map(sizes.rows.map((r) => [r.relname, Math.max(0, Number(r.rows))]));
    const summaries: string[] = [];
    const details: string[] = [];
    for (const [i, query] of reads.entries()) {
      const res = await pool.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]);
      const plan = res.rows.map((r) => r["QUERY PLAN"]);
      const text = plan.join("\n");
      const seqScans = [...new Set([...text.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!))];
      const big = seqScans.filter((t) => (rowsOf.get(t) ?? 0) > BIG_TABLE_ROWS);
      const indexes = [...new Set([...text.matchAll(/Index (?:Only )?Scan (?:Backward )?using (\w+)/g)].map((m) => m[1]!))];
      const time = /Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? "?";
      const scans = seqScans.map((t) => `${t} (${(rowsOf.get(t) ?? 0).toLocaleString("en")} rows)`).join(", ");
      summaries.push(
        `${label} query ${i + 1}/${reads.length}: executed in ${time} ms; indexes ${indexes.join(", ") || "none"}; ` +
          (seqScans.length === 0 ? "no sequential scan" : `${big.length > 0 ? "WARNING: " : ""}sequential scan of ${scans}`),
      );
      details.push(`${label} query ${i + 1}: ${query.sql}  -- ${JSON.stringify(query.parameters)}`, "  explain (analyze, buffers):", ...plan.map((line) => `    ${line}`));
    }
    if (reads.length === 0) throw new BenchError(`${label}: the page's functions ran no query`);
    return [
      `${label}: ${reads.length} reads per request (the SQL recorded from the portal's own functions; the session's touch, a write every 15 s at most, not shown)`,
      ...summaries,
      ...details,
    ];
  } finally {
    await db.destroy();
  }
}

/** The database's size, for the notes of a target. */
export async function databaseSize(databaseUrl: string): Promise<string> {
  const { db } = connectBench(databaseUrl);
  try {
    const counts = await sql<{ people: string; companies: string; memberships: string; cases: string }>`
      select (select count(*) from people) as people, (select count(*) from companies) as companies,
             (select count(*) from company_users) as memberships, (select count(*) from review_cases) as cases`.execute(db);
    const c = counts.rows[0]!;
    const n = (v: string): string => Number(v).toLocaleString("en");
    return `database: ${n(c.people)} people, ${n(c.companies)} companies, ${n(c.memberships)} memberships, ${n(c.cases)} review cases`;
  } finally {
    await db.destroy();
  }
}

/** For a growth target: the database grown as staff-search-500k grows it (nothing to do after that target). */
export async function growDatabase(databaseUrl: string, progress: (line: string) => void): Promise<void> {
  await growPopulation(databaseUrl, LARGE, progress);
}

// --- the dashboard's company --------------------------------------------------------------------

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

const COMPANY: CompanySeed = {
  legalName: DASHBOARD_COMPANY,
  operatingName: "Northwind",
  bn9: "123456782",
  carrierCode: null,
  lines: ["importer", "exporter"],
  address: { line1: "2200 Rue Notre-Dame Ouest", line2: "", city: "Montréal", region: "QC", postalCode: "H3J 1N4", country: "CA" },
  clientNumberBody: "481516234",
  businessStartedOn: "2009-04-01",
  employeeCount: 120,
  website: "https://northwind.example",
  primaryContact: { name: "Marie Tremblay", title: "Director of Trade Compliance", phone: "514-555-0100", email: "compliance@northwind.example" },
};

/**
 * The application the company was approved on, a year ago: the case the approval closed, and
 * the snapshot written by the portal's own writeSnapshot (so the member's dashboard compares the
 * profiles with it: no changes since).
 */
async function insertApprovedApplication(trx: BenchTx, companyId: string, owner: { personId: string; name: string }, now: Date): Promise<void> {
  const approvedAt = new Date(now.getTime() - MEMBER_FOR_DAYS * DAY_MS);
  const submittedAt = new Date(approvedAt.getTime() - 30 * DAY_MS);
  const reviewCase = await trx
    .insertInto("review_cases")
    .values({ company_id: companyId, opened_at: submittedAt, closed_at: approvedAt, status: "member", waiting_kind: "application", waiting_since: submittedAt, outcome: "approve" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await writeSnapshot(trx, { now: () => submittedAt }, { companyId, caseId: reviewCase.id, kind: "application", person: owner, declaredName: owner.name });
}

export type DashboardFixture = CompanyFixture;

/** Seeds the dashboard's company on the database at `databaseUrl`, with a signed-in session of its owner (also used by bench/pglite.ts). */
export function seedDashboard(databaseUrl: string): Promise<DashboardFixture> {
  const owner = MEMBERS[0]!;
  return seedMemberCompany(
    databaseUrl,
    {
      label: "dashboard",
      company: COMPANY,
      people: MEMBERS,
      how: {
        urnPrefix: "BENCH",
        partnerSubjectPrefix: "bench-partner-subject-",
        email: (given, family) => `${emailName(given)}.${emailName(family)}@northwind.example`,
        phone: (i) => `514-555-01${String(i).padStart(2, "0")}`,
      },
      memberships: (personIds) => MEMBERS.map((m, i) => ({ personId: personIds[i]!, role: m.role, status: m.status, jobTitle: i === 0 ? "Director of Trade Compliance" : null })),
      tables: ["notifications", "review_cases", "submissions"],
    },
    async (trx, { companyId, personIds, now }) => {
      await insertApprovedApplication(trx, companyId, { personId: personIds[0]!, name: `${owner.given} ${owner.family}` }, now);
      await trx
        .insertInto("notifications")
        .values(
          NOTIFICATIONS.map((n, i) => ({
            company_id: companyId,
            kind: n.kind,
            params: JSON.stringify(n.params),
            created_at: new Date(now.getTime() - (NOTIFICATIONS.length - i) * DAY_MS),
          })),
        )
        .execute();
      return {};
    },
  );
}

/** The dashboard's company of each bench database: seeded by whichever of its targets runs first. */
const dashboards = new Map<string, Promise<DashboardFixture>>();

/**
 * The dashboard request for the seeded owner (on the database grown to LARGE with `grown`, with
 * the plans of its queries). run.ts's preflight checks it once before any load: it must be the
 * member's dashboard itself (200, the company's name, its sections and notifications, the status
 * "Member", the membership's dates and its changes block), not a redirect to sign in nor a 403
 * page, or the numbers would measure something else.
 */
export async function dashboardEndpoint(databaseUrl: string, options: { grown?: boolean; progress?: (line: string) => void } = {}): Promise<Endpoint> {
  const fixture = await seedOnce(dashboards, databaseUrl, () => seedDashboard(databaseUrl));
  if (options.grown) await growDatabase(databaseUrl, options.progress ?? (() => {}));
  const { db } = connectBench(databaseUrl);
  let session: { token: string; cookie: string };
  try {
    session = await signIn(db, { personId: fixture.ownerId, credentialId: fixture.ownerCredentialId });
  } finally {
    await db.destroy();
  }
  const plans = options.grown
    ? await pagePlans(databaseUrl, "dashboard", async (db) => {
        // A first view (the data with the session), then the usual one (the portal holds the
        // data: only its version with the session).
        const [withData, versionOnly] = DASHBOARD_READS;
        await findSession(db, WALL_CLOCK, session.token, membershipAlongside(fixture.companyId, foldedReadFor([withData], db, fixture.companyId, "")));
        await findSession(db, WALL_CLOCK, session.token, membershipAlongside(fixture.companyId, { page: versionOnly, args: { companyId: fixture.companyId } }));
      })
    : [];
  const t = messages("en");
  return {
    path: `/en/companies/${fixture.companyId}`,
    headers: { cookie: session.cookie },
    expectBody: [
      DASHBOARD_COMPANY,
      'data-testid="dashboard-company"',
      `<dd>${t.membership.statuses.member}</dd>`,
      'data-testid="section-users"',
      'data-testid="notifications"',
      "Samir Haddad",
      'data-testid="member-since"',
      'data-testid="dashboard-changes"',
      t.member.dashboardNoChanges,
    ],
    notes: [await databaseSize(databaseUrl), ...plans],
  };
}
