// The PIP officer's queue fixture (APP-11; DESIGN.md "Performance", growth): a signed-in PIP
// officer and open review cases of authorized companies (each with its owner), written straight
// into the portal's tables once the portal has migrated the bench database, with set-based SQL.
//
// Two sizes in one run: SMALL (100 cases) for `review-queue`, then grown in place to LARGE
// (100,000 cases) for `review-queue-100k`, so the two p99 compare directly (run.ts prints the
// growth ratio). Each target loads two pages in turn: the first page and the 200th (reached by
// its keyset cursor, as a person paging through would), so a queue paged with OFFSET would show
// at once. A tenth of the cases wait on a request for information (half of them overdue), a
// third are assigned; the officer's queue reads them all.
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "../src/platform/db/schema.ts";
import type { StaffTables } from "../src/features/staff/schema.ts";
import { clientNumberCheckDigit } from "../src/domain/client-number.ts";
import { QUEUE_PAGE_SIZE } from "../src/features/review/queue.ts";
import type { Endpoint } from "./load.ts";
import { BenchError } from "./shared.ts";
import { seedStaffUser, signInStaff } from "./staff-session.ts";

export const QUEUE_SMALL = { cases: 100 } as const;
export const QUEUE_LARGE = { cases: 100_000 } as const;
/** The deep page loaded beside the first (needs LARGE; with SMALL the last page is loaded). */
const DEEP_PAGE = 200;
const CHUNK = 20_000;

type BenchDb = Kysely<Database & StaffTables>;

function connect(databaseUrl: string): { pool: pg.Pool; db: BenchDb } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, statement_timeout: 300_000 });
  return { pool, db: new Kysely<Database & StaffTables>({ dialect: new PostgresDialect({ pool }) }) };
}

interface Fixture {
  staffUserId: string;
  cases: number;
}
const fixtures = new Map<string, Promise<Fixture>>();

/**
 * Cases `from` … `to - 1`: for each, a person (the owner), an authorized company, its owner
 * membership and an open case waiting since a minute per case ago. One transaction per chunk
 * (the one-owner constraint trigger is deferred to its commit).
 */
async function seedCases(pool: pg.Pool, staffUserId: string, from: number, to: number, progress: (line: string) => void): Promise<void> {
  const client = await pool.connect();
  try {
    for (let start = from; start < to; start += CHUNK) {
      const end = Math.min(to, start + CHUNK);
      const ks: number[] = [];
      const clientNumbers: string[] = [];
      for (let k = start; k < end; k++) {
        const body = String(600_000_000 + k);
        ks.push(k);
        clientNumbers.push(body + clientNumberCheckDigit(body));
      }
      await client.query("begin");
      await client.query(
        `create temporary table bench_queue on commit drop as
           select k, number from unnest($1::int[], $2::text[]) as t(k, number)`,
        [ks, clientNumbers],
      );
      await client.query(
        `insert into people (urn, given_name, family_name, email, phone, preferred_locale, created_at, updated_at)
           select 'RQ' || lpad(k::text, 9, '0'), 'Owner', 'Queue' || k, 'owner' || k || '@queue.example', '613-555-0100',
                  case when k % 3 = 0 then 'fr' else 'en' end, now(), now()
           from bench_queue`,
      );
      await client.query(
        `insert into companies (legal_name, operating_name, country, lines_of_business, correspondence_locale, address, client_number,
                                status, origin, membership_status, created_at, updated_at, authorized_at)
           select 'Queue Freight ' || k || ' Ltd.', null, 'CA',
                  case k % 4 when 0 then '["importer"]' when 1 then '["importer","highway-carrier"]' when 2 then '["highway-carrier"]' else '["warehouse"]' end::jsonb,
                  'en', '{"line1":"1 Bench St","line2":"","city":"Ottawa","region":"ON","postalCode":"K1A 0B1","country":"CA"}'::jsonb,
                  number, 'activated', 'registered',
                  case when k % 10 = 0 then 'information-requested' when k % 2 = 0 then 'under-review' else 'submitted' end, now(), now(), now()
           from bench_queue`,
      );
      await client.query(
        `insert into company_users (company_id, person_id, role, status, created_at, updated_at)
           select c.id, p.id, 'owner', 'active', now(), now()
           from bench_queue b
           join people p on p.urn = 'RQ' || lpad(b.k::text, 9, '0')
           join companies c on c.client_number = b.number`,
      );
      await client.query(
        `update companies c set status = 'authorized' from bench_queue b where c.client_number = b.number`,
      );
      await client.query(
        `insert into review_cases (company_id, opened_at, status, waiting_kind, waiting_since, assigned_staff_id, assigned_at)
           select c.id, now() - make_interval(mins => ${QUEUE_LARGE.cases} - b.k), c.membership_status,
                  case when b.k % 10 = 5 then 'response' else 'application' end,
                  now() - make_interval(mins => ${QUEUE_LARGE.cases} - b.k),
                  case when b.k % 3 = 0 then $1::bigint end, case when b.k % 3 = 0 then now() end
           from bench_queue b join companies c on c.client_number = b.number`,
        [staffUserId],
      );
      await client.query(
        `insert into information_requests (case_id, company_id, message, items, due_on, created_at, created_by_staff_id)
           select rc.id, rc.company_id, 'Send the written risk assessment.', '[]'::jsonb,
                  (current_date + case when b.k % 20 = 0 then -3 else 20 end), now(), $1::bigint
           from bench_queue b
           join companies c on c.client_number = b.number
           join review_cases rc on rc.company_id = c.id and rc.closed_at is null
           where b.k % 10 = 0`,
        [staffUserId],
      );
      await client.query("commit");
      progress(`review-queue: ${end.toLocaleString("en")} cases seeded`);
    }
    for (const table of ["people", "companies", "company_users", "review_cases", "information_requests"]) await client.query(`vacuum (analyze) ${table}`);
  } catch (err) {
    await client.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function ensureCases(databaseUrl: string, db: BenchDb, pool: pg.Pool, cases: number, progress: (line: string) => void): Promise<Fixture> {
  let pending = fixtures.get(databaseUrl);
  if (!pending) {
    pending = seedStaffUser(db, { username: "bench-pip", displayName: "Pat Reviewer", roles: ["pip-officer"] }).then((staffUserId) => ({ staffUserId, cases: 0 }));
    fixtures.set(databaseUrl, pending);
  }
  const fixture = await pending;
  if (fixture.cases < cases) {
    const started = performance.now();
    await seedCases(pool, fixture.staffUserId, fixture.cases, cases, progress);
    fixture.cases = cases;
    progress(`review-queue: ${cases.toLocaleString("en")} open cases ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return fixture;
}

/** The keyset cursor of the last case of page `page - 1` (what the page's *Next* link carries). */
async function cursorBefore(pool: pg.Pool, page: number): Promise<string | null> {
  if (page <= 1) return null;
  const res = await pool.query<{ cursor: string }>(
    `select to_char(waiting_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || id as cursor
       from review_cases where closed_at is null order by waiting_since, id offset $1 limit 1`,
    [(page - 1) * QUEUE_PAGE_SIZE - 1],
  );
  return res.rows[0]?.cursor ?? null;
}

/** The plan of the queue's first page and of the deep page, as the portal's query runs them. */
async function plans(pool: pg.Pool, cursor: string | null): Promise<string[]> {
  const query = (after: string) => `explain (analyze, buffers)
    select rc.id, co.legal_name, (select min(ir.due_on) from information_requests ir where ir.case_id = rc.id and ir.responded_at is null)
      from review_cases rc join companies co on co.id = rc.company_id
     where rc.closed_at is null ${after}
     order by rc.waiting_since, rc.id limit ${QUEUE_PAGE_SIZE + 1}`;
  const out: string[] = [];
  const summarize = (label: string, rows: { "QUERY PLAN": string }[]) => {
    const text = rows.map((r) => r["QUERY PLAN"]).join("\n");
    const seq = [...new Set([...text.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]))];
    const time = /Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? "?";
    out.push(`${label}: ${text.includes("review_cases_queue_idx") ? "review_cases_queue_idx used" : "WARNING: review_cases_queue_idx not used"}, ${seq.length ? `sequential scan of ${seq.join(", ")}` : "no sequential scan"}, executed in ${time} ms`);
  };
  summarize("queue page 1 (plan of the same SQL shape)", (await pool.query<{ "QUERY PLAN": string }>(query(""))).rows);
  if (cursor) {
    const [since, id] = cursor.split("_");
    summarize(`queue page ${DEEP_PAGE} by keyset`, (await pool.query<{ "QUERY PLAN": string }>(query(`and (rc.waiting_since, rc.id) > ('${since}'::timestamptz, ${Number(id)})`))).rows);
  }
  return out;
}

export async function reviewQueueEndpoint(databaseUrl: string, size: { cases: number }, progress: (line: string) => void): Promise<Endpoint> {
  const { pool, db } = connect(databaseUrl);
  try {
    const fixture = await ensureCases(databaseUrl, db, pool, size.cases, progress);
    const cookie = await signInStaff(db, fixture.staffUserId);
    const pages = Math.ceil(size.cases / QUEUE_PAGE_SIZE);
    const deep = Math.min(DEEP_PAGE, pages);
    const cursor = await cursorBefore(pool, deep);
    if (deep > 1 && !cursor) throw new BenchError(`review-queue: no case found to start page ${deep} after`);
    const counts = await sql<{ open: string }>`select count(*) as open from review_cases where closed_at is null`.execute(db);
    return {
      path: "/en/staff/pip",
      morePaths: cursor ? [`/en/staff/pip?after=${encodeURIComponent(cursor)}`] : [],
      headers: { cookie },
      expectBody: ["Queue Freight"],
      notes: [`database: ${Number(counts.rows[0]!.open).toLocaleString("en")} open cases; pages loaded: 1 and ${deep}`, ...(await plans(pool, cursor))],
    };
  } finally {
    await db.destroy();
  }
}
