// The TCCU staff search fixture (STAFF-3; DESIGN.md "Performance", growth): a CBSA staff member
// with the tccu role signed in, and synthetic portal users in companies of five, written straight
// into the portal's tables once the portal has migrated the bench database. Every person's search
// terms are what the portal writes: searchTerms() of src/domain/names.ts, called for each one.
//
// Two sizes in one run, the same staff member and the same queries: SMALL (500 people in 100
// companies) for the `staff-search` target, then grown in place to LARGE (500,000 people in
// 100,000 companies) for `staff-search-500k`, so the two p99 compare directly (run.ts prints the
// growth ratio). The people are a pure function of their index, so the small set is the first
// thousandth of the large one and the queries find the same person in both.
import { setImmediate } from "node:timers/promises";
import { Kysely, PostgresDialect, sql, type CompiledQuery } from "kysely";
import pg from "pg";
import type { Database } from "../src/platform/db/schema.ts";
import type { StaffTables } from "../src/features/staff/schema.ts";
import { searchPeople } from "../src/features/expiry/service.ts";
import { clientNumberCheckDigit } from "../src/domain/client-number.ts";
import { foldName, searchTerms } from "../src/domain/names.ts";
import { formatUrn, URN_ALPHABET, urnCheckCharacter } from "../src/domain/urn.ts";
import type { Endpoint } from "./load.ts";
import { BenchError } from "./shared.ts";
import { seedStaffUser, signInStaff } from "./staff-session.ts";

export const USERS_PER_COMPANY = 5;
export const SMALL = { people: 500, companies: 100 } as const;
export const LARGE = { people: 500_000, companies: 100_000 } as const;

/** People per transaction while seeding (and per company block: a multiple of USERS_PER_COMPANY). */
const CHUNK = 25_000;
/** The searched-for person is the first from here on whose family name suits the queries. */
const TARGET_FROM = 123;

type BenchDb = Kysely<Database & StaffTables>;

// --- synthetic people -------------------------------------------------------------------------

/** Given names as people type them (accents, compound names): searchTerms() folds them. */
const GIVEN_NAMES = [
  "Marie", "Jean", "Anne", "Pierre", "Louis", "Chloé", "Émile", "Hélène", "François", "Zoé",
  "Noah", "Liam", "Olivia", "Emma", "Sofia", "Lucas", "Mia", "Ethan", "Amélie", "Gabriel",
  "Léa", "Nathan", "Sarah", "David", "Fatima", "Mohamed", "Wei", "Priya", "Arjun", "Mei",
  "Ji-woo", "Siobhán", "Aoife", "Raphaël", "Joël", "Mateo", "Isabella", "Kwame", "Amara", "Yusuf",
  "Marie-Ève", "Jean-François", "Anne-Sophie", "Thi Minh", "Björn", "Agnieszka", "Océane", "Maëlle", "Tomás", "Renée",
] as const;
const ONSETS = "bdfghjklmnprstvz";
const VOWELS = "aeiou";
const CODAS = ["", "", "n", "r", "s", "l", "t"] as const;
const COMPANY_SUFFIXES = ["Freight Ltd.", "Logistics Inc.", "Imports Inc.", "Transport Ltée", "Trading Co.", "Customs Brokers Ltd.", "Distribution inc."] as const;
const PLACES = [
  { city: "Montréal", region: "QC", area: "514" },
  { city: "Toronto", region: "ON", area: "416" },
  { city: "Vancouver", region: "BC", area: "604" },
  { city: "Calgary", region: "AB", area: "403" },
  { city: "Halifax", region: "NS", area: "902" },
  { city: "Winnipeg", region: "MB", area: "204" },
] as const;

/** A small, fast, deterministic generator (mulberry32), seeded per person or company. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A pronounceable family name of 2–4 syllables: "Kavomer". About 100,000 distinct 5-letter prefixes. */
function familyWord(random: () => number): string {
  const syllables = 2 + Math.floor(random() * random() * 3);
  let word = "";
  for (let s = 0; s < syllables; s++) word += pick([...ONSETS], random) + pick([...VOWELS], random);
  word += pick(CODAS, random);
  return word[0]!.toUpperCase() + word.slice(1);
}

/** Letters only, for email addresses and domains. */
function slug(name: string): string {
  return foldName(name).replace(/[^a-z]+/g, "");
}

/**
 * URN `i`: an odd multiplier is a bijection modulo 2^40 = 32^8, so every body is distinct and
 * the bodies look random (their prefixes spread like real URNs'); then its check character.
 */
function urnOf(i: number): string {
  let v = (BigInt(i) * 0x5deece66dn + 0xb5ad4eceda1n) & 0xff_ffff_ffffn;
  let body = "";
  for (let k = 0; k < 8; k++) {
    body = URN_ALPHABET[Number(v & 31n)]! + body;
    v >>= 5n;
  }
  return body + urnCheckCharacter(body);
}

interface SyntheticCompany {
  readonly legalName: string;
  readonly domain: string;
  readonly clientNumber: string;
  readonly bn9: string;
  readonly locale: "en" | "fr";
  readonly place: (typeof PLACES)[number];
}

function companyAt(k: number): SyntheticCompany {
  const random = generator(k * 2 + 1);
  const name = familyWord(random);
  const body = String(200_000_000 + k);
  return {
    legalName: `${name} ${pick(COMPANY_SUFFIXES, random)}`,
    domain: `${slug(name)}${k}.example`,
    clientNumber: body + clientNumberCheckDigit(body),
    bn9: String(300_000_000 + k),
    locale: random() < 0.3 ? "fr" : "en",
    place: pick(PLACES, random),
  };
}

interface SyntheticPerson {
  readonly given_name: string;
  readonly family_name: string;
  readonly email: string;
  readonly urn: string;
  readonly phone: string;
  readonly locale: "en" | "fr";
  /** Days since the profile was made (the URN issued) and since the last sign-in: under 11 months, so no URN job has anything to do. */
  readonly createdDaysAgo: number;
  readonly signedInDaysAgo: number;
}

/** Person `i`, of company floor(i / USERS_PER_COMPANY). */
function personAt(i: number, company: SyntheticCompany): SyntheticPerson {
  const random = generator(i * 2);
  const given = pick(GIVEN_NAMES, random);
  const family = random() < 0.08 ? `${familyWord(random)}-${familyWord(random)}` : familyWord(random);
  const createdDaysAgo = 1 + Math.floor(random() * 330);
  return {
    given_name: given,
    family_name: family,
    email: `${slug(given)}.${foldName(family).replace(/[^a-z-]+/g, "")}@${company.domain}`,
    urn: urnOf(i),
    phone: `${company.place.area}-555-${String(Math.floor(random() * 10_000)).padStart(4, "0")}`,
    locale: random() < 0.3 ? "fr" : "en",
    createdDaysAgo,
    signedInDaysAgo: Math.floor(random() * createdDaysAgo),
  };
}

function personAtIndex(i: number): SyntheticPerson {
  return personAt(i, companyAt(Math.floor(i / USERS_PER_COMPANY)));
}

// --- the searched-for person and the queries ----------------------------------------------------

export interface SearchQuery {
  readonly label: string;
  readonly q: string;
}

interface SearchTarget {
  readonly index: number;
  readonly person: SyntheticPerson;
  readonly queries: readonly SearchQuery[];
}

/**
 * The person every query finds (one of the small set, so present at both sizes), and three
 * queries as the TCCU types them: a family-name prefix, an email prefix, a URN prefix with its
 * hyphens. Each matches a handful of people at most, at either size.
 */
function searchTarget(): SearchTarget {
  const givenPrefixes = GIVEN_NAMES.map((g) => foldName(g));
  for (let i = TARGET_FROM; i < SMALL.people; i++) {
    const person = personAtIndex(i);
    const family = foldName(person.family_name);
    // One plain word of 6+ letters whose 5-letter prefix is no given name's.
    if (!/^[a-z]{6,}$/.test(family) || givenPrefixes.some((g) => g.startsWith(family.slice(0, 5)))) continue;
    const local = person.email.split("@")[0]!;
    return {
      index: i,
      person,
      queries: [
        { label: "family-name prefix", q: family.slice(0, 5) },
        { label: "email prefix", q: local.slice(0, local.indexOf(".") + 5) },
        { label: "URN prefix", q: formatUrn(person.urn).slice(0, 11) },
      ],
    };
  }
  throw new BenchError("staff-search: no person of the small set suits the queries");
}

// --- seeding ----------------------------------------------------------------------------------

/** Reserves `count` ids of `table`'s bigserial; returns the first. */
async function reserveIds(client: pg.ClientBase, table: "people" | "companies", count: number): Promise<number> {
  const res = await client.query<{ last: string }>(
    `select setval(pg_get_serial_sequence($1, 'id'), nextval(pg_get_serial_sequence($1, 'id')) + $2::bigint - 1) as last`,
    [table, count],
  );
  return Number(res.rows[0]!.last) - count + 1;
}

interface Chunk {
  readonly people: readonly SyntheticPerson[];
  readonly companies: readonly SyntheticCompany[];
  readonly firstPersonId: number;
  readonly firstCompanyId: number;
  readonly terms: { readonly personIds: number[]; readonly terms: string[] };
}

/**
 * People [from, to) and their companies (from and to are multiples of USERS_PER_COMPANY). It
 * yields to the event loop now and then, so the statements of the previous chunk keep flowing.
 */
async function buildChunk(from: number, to: number, firstPersonId: number, firstCompanyId: number): Promise<Chunk> {
  const companies: SyntheticCompany[] = [];
  const people: SyntheticPerson[] = [];
  const terms = { personIds: [] as number[], terms: [] as string[] };
  for (let k = from / USERS_PER_COMPANY; k < to / USERS_PER_COMPANY; k++) {
    if (k % 500 === 0) await setImmediate();
    const company = companyAt(k);
    companies.push(company);
    for (let slot = 0; slot < USERS_PER_COMPANY; slot++) {
      const person = personAt(k * USERS_PER_COMPANY + slot, company);
      const id = firstPersonId + people.length;
      people.push(person);
      for (const term of searchTerms(person)) {
        terms.personIds.push(id);
        terms.terms.push(term);
      }
    }
  }
  return { people, companies, firstPersonId, firstCompanyId, terms };
}

/** Roles of a company's five users, the owner first. */
const ROLES = ["owner", "full-access", "full-access", "proxy", "admin-only"] as const;

async function insertChunk(client: pg.ClientBase, chunk: Chunk): Promise<void> {
  const { people, companies } = chunk;
  await client.query("begin");
  try {
    await client.query(
      `insert into people (id, urn, given_name, family_name, email, phone, preferred_locale,
                           email_verified_at, mfa_terms_accepted_at, last_sign_in_at, created_at, updated_at, urn_issued_at)
       select $1::bigint + p.n - 1, p.urn, p.given, p.family, p.email, p.phone, p.locale,
              now() - p.created * interval '1 day', now() - p.created * interval '1 day', now() - p.signed_in * interval '1 day',
              now() - p.created * interval '1 day', now() - p.created * interval '1 day', now() - p.created * interval '1 day'
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[])
            with ordinality as p(urn, given, family, email, phone, locale, created, signed_in, n)`,
      [
        chunk.firstPersonId,
        people.map((p) => p.urn),
        people.map((p) => p.given_name),
        people.map((p) => p.family_name),
        people.map((p) => p.email),
        people.map((p) => p.phone),
        people.map((p) => p.locale),
        people.map((p) => p.createdDaysAgo),
        people.map((p) => p.signedInDaysAgo),
      ],
    );
    await client.query(`insert into person_search_terms (person_id, term) select * from unnest($1::bigint[], $2::text[])`, [
      chunk.terms.personIds,
      chunk.terms.terms,
    ]);
    // Authorized companies, members of the PIP for 200 days (their anniversary 4 years after, far
    // from the revalidation jobs' reach), each with exactly one active owner (the deferred
    // trigger of migration 0008 checks at commit).
    await client.query(
      `insert into companies (id, legal_name, operating_name, country, bn9, lines_of_business, correspondence_locale, address,
                              client_number, status, origin, membership_status, membership_changed_at, member_since, anniversary_on,
                              activated_at, activated_by_person_id, authorized_at, created_at, updated_at, employee_count, primary_contact)
       select $1::bigint + c.n - 1, c.legal_name, null, 'CA', c.bn9, '["importer"]'::jsonb, c.locale,
              jsonb_build_object('line1', (100 + c.n) || ' Rue Principale', 'line2', '', 'city', c.city, 'region', c.region, 'postalCode', 'H3J 1N4', 'country', 'CA'),
              c.client_number, 'authorized', 'registered', 'member', now() - interval '200 days', current_date - 200, (current_date - 200 + interval '4 years')::date,
              now() - interval '300 days', $2::bigint + (c.n - 1) * ${USERS_PER_COMPANY},
              now() - interval '200 days', now() - interval '400 days', now() - interval '30 days', 10 + c.n % 500, null
       from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) with ordinality as c(legal_name, bn9, locale, city, region, client_number, n)`,
      [
        chunk.firstCompanyId,
        chunk.firstPersonId,
        companies.map((c) => c.legalName),
        companies.map((c) => c.bn9),
        companies.map((c) => c.locale),
        companies.map((c) => c.place.city),
        companies.map((c) => c.place.region),
        companies.map((c) => c.clientNumber),
      ],
    );
    // Five users per company: the owner (the company's first person) and four added by the
    // owner; in one company of ten the last one's membership is deactivated.
    await client.query(
      `insert into company_users (company_id, person_id, role, status, created_at, updated_at, deactivated_reason, job_title, added_by_person_id)
       select $1::bigint + u.k, $2::bigint + u.n, ($4::text[])[1 + u.slot], u.status, now() - interval '300 days', now() - interval '30 days',
              case when u.status = 'deactivated' then 'by-user' end,
              case when u.slot = 0 then 'Director of Trade Compliance' end,
              case when u.slot <> 0 then $2::bigint + u.k * ${USERS_PER_COMPANY} end
       from (select n, n / ${USERS_PER_COMPANY} as k, n % ${USERS_PER_COMPANY} as slot,
                    case when n % ${USERS_PER_COMPANY} = ${USERS_PER_COMPANY - 1} and ($1::bigint + n / ${USERS_PER_COMPANY}) % 10 = 0 then 'deactivated' else 'active' end as status
             from generate_series(0, $3::int - 1) as n) as u`,
      [chunk.firstCompanyId, chunk.firstPersonId, people.length, ROLES],
    );
    await client.query("commit");
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  }
}

/** Seeds people [from, to) with their companies, CHUNK people per transaction; returns the search-term rows written. */
async function seedPeople(pool: pg.Pool, from: number, to: number, progress: (line: string) => void): Promise<number> {
  const client = await pool.connect();
  try {
    const firstPersonId = await reserveIds(client, "people", to - from);
    const firstCompanyId = await reserveIds(client, "companies", (to - from) / USERS_PER_COMPANY);
    const chunkAt = (start: number): Promise<Chunk> =>
      buildChunk(start, Math.min(to, start + CHUNK), firstPersonId + (start - from), firstCompanyId + (start - from) / USERS_PER_COMPANY);
    let terms = 0;
    let next: Promise<Chunk> | undefined = chunkAt(from);
    for (let start = from; next; start += CHUNK) {
      const chunk: Chunk = await next;
      const written = insertChunk(client, chunk);
      // Build the next chunk while the database writes this one.
      next = start + CHUNK < to ? chunkAt(start + CHUNK) : undefined;
      await Promise.all([written, next]);
      terms += chunk.terms.terms.length;
      if (to - from > CHUNK) progress(`staff-search: ${Math.min(to, start + CHUNK).toLocaleString("en")} of ${to.toLocaleString("en")} people`);
    }
    return terms;
  } finally {
    client.release();
  }
}

// --- the fixture, once per database, grown in place ----------------------------------------------

interface Fixture {
  readonly staffUserId: string;
  readonly target: SearchTarget;
  /** People seeded so far (the synthetic ones: the dashboard's few are not counted). */
  people: number;
}

const fixtures = new Map<string, Promise<Fixture>>();

function connect(databaseUrl: string): { pool: pg.Pool; db: BenchDb; captured: CompiledQuery[] } {
  // Seeding statements write up to ~200,000 rows each, on a machine that may be busy.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, statement_timeout: 180_000 });
  const captured: CompiledQuery[] = [];
  const db = new Kysely<Database & StaffTables>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === "query") captured.push(event.query);
    },
  });
  return { pool, db, captured };
}

/**
 * A sample of the people written so far, read back: their search terms must be exactly
 * searchTerms() of their row, or the ids of the bulk insert went astray.
 */
async function checkSearchTerms(db: BenchDb, sample: number): Promise<void> {
  const rows = await sql<{ id: string; given_name: string; family_name: string; email: string; urn: string; terms: string[] }>`
    select p.id, p.given_name, p.family_name, p.email, p.urn, array(select t.term from person_search_terms t where t.person_id = p.id order by t.term) as terms
    from people p
    where p.id in (select s.person_id from person_search_terms s group by s.person_id order by random() limit ${sample})`.execute(db);
  for (const row of rows.rows) {
    const expected = [...new Set(searchTerms(row))].sort();
    const actual = [...row.terms].sort();
    if (expected.join("\n") !== actual.join("\n")) {
      throw new BenchError(`staff-search: person ${row.id}'s search terms ${JSON.stringify(actual)} are not searchTerms() of the row: ${JSON.stringify(expected)}`);
    }
  }
  if (rows.rows.length === 0) throw new BenchError("staff-search: no seeded person found to check the search terms of");
}

const SEEDED_TABLES = ["people", "person_search_terms", "companies", "company_users", "staff_users", "staff_sessions"] as const;

/**
 * The database as in service after a bulk load: what autovacuum would have done (statistics, the
 * visibility map, hint bits), and the load's dirty pages written now by a checkpoint rather than
 * by the checkpointer during the measurement. Returns what was done, for the progress line.
 */
async function settle(db: BenchDb): Promise<string> {
  for (const table of SEEDED_TABLES) await sql`vacuum (analyze) ${sql.table(table)}`.execute(db);
  try {
    await sql`checkpoint`.execute(db);
    return "vacuum analyze and checkpoint";
  } catch (err) {
    // CHECKPOINT needs a superuser or pg_checkpoint; BENCH_DATABASE_URL may have neither.
    return `vacuum analyze (no checkpoint: ${err instanceof Error ? err.message : String(err)})`;
  }
}

/** Grows the synthetic population to `size.people`, seeding the staff member first if needed. */
async function ensureSize(databaseUrl: string, db: BenchDb, pool: pg.Pool, size: { people: number }, progress: (line: string) => void): Promise<Fixture> {
  let pending = fixtures.get(databaseUrl);
  if (!pending) {
    pending = seedStaffUser(db, { username: "bench-tccu", displayName: "Terry Officer", roles: ["tccu"] }).then((staffUserId) => ({ staffUserId, target: searchTarget(), people: 0 }));
    fixtures.set(databaseUrl, pending);
  }
  const fixture = await pending;
  if (fixture.people < size.people) {
    const started = performance.now();
    const terms = await seedPeople(pool, fixture.people, size.people, progress);
    fixture.people = size.people;
    await checkSearchTerms(db, 200);
    const seeded = performance.now();
    const settled = await settle(db);
    progress(
      `staff-search: ${size.people.toLocaleString("en")} people (${terms.toLocaleString("en")} search terms) seeded in ` +
        `${((seeded - started) / 1000).toFixed(1)} s, ${settled} ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
  }
  return fixture;
}

/**
 * The population grown to `size` (seeded here if no staff-search target did it yet): the growth
 * targets of other pages (dashboard-500k, users-page-500k) load on the database it leaves.
 */
export async function growPopulation(databaseUrl: string, size: { people: number }, progress: (line: string) => void): Promise<void> {
  const { pool, db } = connect(databaseUrl);
  try {
    await ensureSize(databaseUrl, db, pool, size, progress);
  } finally {
    await db.destroy();
  }
}

// --- what the report shows about the database and the query plan -----------------------------------

/** The SQL the portal runs for `q`: searchPeople itself, on a Kysely that records what it compiles. */
async function searchOnce(db: BenchDb, captured: CompiledQuery[], q: string): Promise<{ hits: number; query: CompiledQuery }> {
  captured.length = 0;
  const hits = await searchPeople({ db }, q);
  const query = captured.at(-1);
  if (!query) throw new BenchError(`staff-search: searchPeople(${JSON.stringify(q)}) ran no query`);
  return { hits: hits.length, query };
}

async function explain(pool: pg.Pool, query: CompiledQuery): Promise<string[]> {
  const res = await pool.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]);
  return res.rows.map((r) => r["QUERY PLAN"]);
}

const TERM_INDEX = "person_search_terms_term_idx";

/** One line about a plan: the term index or not, sequential scans, execution time. */
function planSummary(plan: readonly string[], large: boolean): string {
  const text = plan.join("\n");
  const seqScans = [...new Set([...text.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]))];
  const time = /Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? "?";
  const index = text.includes(TERM_INDEX) ? `${TERM_INDEX} used` : `WARNING: ${TERM_INDEX} not used`;
  // On a few hundred rows a sequential scan is the planner's right choice; on 500,000 it is the problem.
  const scans = seqScans.length === 0 ? "no sequential scan" : `${large ? "WARNING: " : ""}sequential scan of ${seqScans.join(", ")}`;
  return `${index}, ${scans}, executed in ${time} ms`;
}

/** Shown once (not loaded) for what they cost at this size: a common given name alone, and with a family-name prefix. */
function broadQueries(target: SearchTarget): SearchQuery[] {
  const given = foldName(target.person.given_name).split(/[\s-]/)[0]!;
  return [
    { label: "common given name (not loaded)", q: given },
    { label: "given name + family prefix (not loaded)", q: `${given} ${foldName(target.person.family_name).slice(0, 3)}` },
  ];
}

/**
 * The report's notes: the database's size, then each query once through searchPeople (the people
 * it shows) and explain analyze of the SQL it ran; with `withPlans`, the SQL and the whole plans
 * of the first loaded query and of the common given name.
 */
async function describe(db: BenchDb, pool: pg.Pool, captured: CompiledQuery[], fixture: Fixture, withPlans: boolean): Promise<string[]> {
  const counts = await sql<{ people: string; terms: string; companies: string; memberships: string }>`
    select (select count(*) from people) as people, (select count(*) from person_search_terms) as terms,
           (select count(*) from companies) as companies, (select count(*) from company_users) as memberships`.execute(db);
  const c = counts.rows[0]!;
  const n = (v: string): string => Number(v).toLocaleString("en");
  const { person, index } = fixture.target;
  const notes = [
    `database: ${n(c.people)} people, ${n(c.terms)} search terms, ${n(c.companies)} companies, ${n(c.memberships)} memberships`,
    `searched-for person #${index}: ${person.given_name} ${person.family_name}, ${person.email}, ${formatUrn(person.urn)}`,
  ];
  const plans: string[] = [];
  const queries = [...fixture.target.queries, ...broadQueries(fixture.target)];
  for (const [i, query] of queries.entries()) {
    const { hits, query: compiled } = await searchOnce(db, captured, query.q);
    const plan = await explain(pool, compiled);
    notes.push(`${query.label} ${JSON.stringify(query.q)}: ${hits} shown; ${planSummary(plan, fixture.people >= 100_000)}`);
    if (withPlans && (i === 0 || i === fixture.target.queries.length)) {
      plans.push(
        `${query.label} ${JSON.stringify(query.q)}: the portal's SQL (searchPeople): ${compiled.sql}  -- ${JSON.stringify(compiled.parameters)}`,
        "  explain (analyze, buffers):",
        ...plan.map((line) => `    ${line}`),
      );
    }
  }
  return [...notes, ...plans];
}

// --- the endpoints ----------------------------------------------------------------------------

/**
 * The TCCU search page for the seeded staff member at `size`, the three queries in turn. run.ts's
 * preflight checks each once before any load: 200, the results table and the searched-for
 * person's email and URN, not a redirect to the staff sign-in nor a 403 page.
 */
export async function staffSearchEndpoint(
  databaseUrl: string,
  size: { people: number },
  progress: (line: string) => void,
  options: { plans: boolean },
): Promise<Endpoint> {
  const { pool, db, captured } = connect(databaseUrl);
  try {
    const fixture = await ensureSize(databaseUrl, db, pool, size, progress);
    const cookie = await signInStaff(db, fixture.staffUserId);
    const notes = await describe(db, pool, captured, fixture, options.plans);
    const [first, ...more] = fixture.target.queries.map((query) => `/en/staff/tccu?q=${encodeURIComponent(query.q)}`);
    return {
      path: first!,
      morePaths: more,
      headers: { cookie },
      expectBody: ['data-testid="hits"', fixture.target.person.email, formatUrn(fixture.target.person.urn)],
      notes,
    };
  } finally {
    await db.destroy();
  }
}
