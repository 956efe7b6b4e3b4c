// URN expiry and regaining access (SPEC section 4, STAFF-3): expiring a URN after two years
// without a sign-in (by a daily job, and at every sign-in attempt so that it holds even when
// the job has not run), the reminders before it, and the TCCU's console — finding a person,
// seeing their companies, issuing a new URN.
import { randomBytes } from "node:crypto";
import type { AppDeps } from "../../web/context.ts";
import type { Tx } from "../../platform/db/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { recordAudit } from "../../platform/audit.ts";
import { queueMail } from "../../platform/mail/outbox.ts";
import { formatUrn, generateUrn, parseUrn } from "../../domain/urn.ts";
import { searchTerms, searchWords } from "../../domain/names.ts";
import { addMonths, inactiveSince, isUrnExpired, reminderDue, URN_LIFETIME_MONTHS, type ReminderKind } from "../../domain/urn-expiry.ts";
import type { CompanyRole } from "../../domain/permissions.ts";
import type { Locale } from "../../domain/locale.ts";
import { cascadeUrnExpiry } from "../users/service.ts";
import * as emails from "./emails.ts";

export const URN_EXPIRY_JOB = "urn.expire";
export const URN_REMINDER_JOB = "urn.reminders";
/** Both jobs run every six hours: a day late is never late for a rule counted in months. */
export const URN_JOBS_EVERY_MS = 6 * 60 * 60 * 1000;
const BATCH = 200;

// ---- the TCCU's search terms -------------------------------------------------------------

/** Rewrites the person's search terms; called in the transaction of every change to them. */
export async function refreshSearchTerms(trx: Tx, personId: string): Promise<void> {
  const p = await trx.selectFrom("people").select(["given_name", "family_name", "email", "urn"]).where("id", "=", personId).executeTakeFirstOrThrow();
  await trx.deleteFrom("person_search_terms").where("person_id", "=", personId).execute();
  await trx
    .insertInto("person_search_terms")
    .values(searchTerms(p).map((term) => ({ person_id: personId, term })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

// ---- expiry (EXP-1, EXP-3) -----------------------------------------------------------------

interface ActivityRow {
  last_sign_in_at: Date | string | null;
  urn_issued_at: Date | string;
}

function since(p: ActivityRow): Date {
  return inactiveSince({ lastSignInAt: p.last_sign_in_at ? new Date(p.last_sign_in_at) : null, urnIssuedAt: new Date(p.urn_issued_at) });
}

/** Marks the URN expired and takes away what it opened, in the caller's transaction. */
async function expire(trx: Tx, clock: Clock, personId: string, requestId: string | null): Promise<void> {
  const updated = await trx
    .updateTable("people")
    .set({ urn_expired_at: clock.now() })
    .where("id", "=", personId)
    .where("urn_expired_at", "is", null)
    .returning(["urn"])
    .executeTakeFirst();
  if (!updated) return; // another process expired it first
  await recordAudit(trx, clock, {
    actor: { type: "system" },
    action: "person.urn-expired",
    subject: { type: "person", id: personId },
    after: { urn: updated.urn },
    requestId,
  });
  await cascadeUrnExpiry(trx, clock, personId, requestId);
}

/**
 * At a sign-in attempt, after the credential checked out: whether the person's URN has
 * expired (expiring it now if the job has not yet). An expired URN opens no session.
 */
export async function urnExpiredAtSignIn(trx: Tx, clock: Clock, personId: string, requestId: string): Promise<boolean> {
  const p = await trx.selectFrom("people").select(["last_sign_in_at", "urn_issued_at", "urn_expired_at"]).where("id", "=", personId).forUpdate().executeTakeFirstOrThrow();
  if (p.urn_expired_at) return true;
  if (!isUrnExpired(since(p), clock.now())) return false;
  await expire(trx, clock, personId, requestId);
  return true;
}

/** The daily sweep: every URN whose two years are complete expires, in batches. */
export async function expireInactiveUrns(deps: Pick<AppDeps, "db" | "clock">): Promise<number> {
  const cutoff = addMonths(deps.clock.now(), -URN_LIFETIME_MONTHS);
  let total = 0;
  let after = "0";
  for (;;) {
    const expired = await deps.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom("people")
        .select(["id", "last_sign_in_at", "urn_issued_at"])
        .where("urn_expired_at", "is", null)
        .where("urn_issued_at", "<=", cutoff)
        .where((eb) => eb.or([eb("last_sign_in_at", "is", null), eb("last_sign_in_at", "<=", cutoff)]))
        .where("id", ">", after)
        .orderBy("id")
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      let n = 0;
      for (const r of rows) {
        if (!isUrnExpired(since(r), deps.clock.now())) continue;
        await expire(trx, deps.clock, r.id, null);
        n++;
      }
      return { seen: rows.length, n, last: rows[rows.length - 1]?.id };
    });
    total += expired.n;
    if (expired.seen < BATCH || !expired.last) return total;
    after = expired.last;
  }
}

// ---- reminders (EXP-4) ---------------------------------------------------------------------

/**
 * Sends each reminder that is due, once per person, kind and period of inactivity: the row in
 * urn_reminders is written in the same transaction as the queued email, and its primary key
 * makes a second process's insert (or a second run) a no-op that sends nothing.
 */
export async function sendUrnReminders(deps: Pick<AppDeps, "db" | "clock">): Promise<number> {
  const now = deps.clock.now();
  const firstThreshold = addMonths(now, -12);
  let sent = 0;
  let after = "0";
  for (;;) {
    const rows = await deps.db
      .selectFrom("people")
      .select(["id", "last_sign_in_at", "urn_issued_at"])
      .where("urn_expired_at", "is", null)
      .where("urn_issued_at", "<=", firstThreshold)
      .where((eb) => eb.or([eb("last_sign_in_at", "is", null), eb("last_sign_in_at", "<=", firstThreshold)]))
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      const start = since(r);
      const kind = reminderDue(start, now);
      if (kind && (await sendReminder(deps, r.id, kind, start))) sent++;
    }
    if (rows.length < BATCH) return sent;
    after = rows[rows.length - 1]!.id;
  }
}

async function sendReminder(deps: Pick<AppDeps, "db" | "clock">, personId: string, kind: ReminderKind, start: Date): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto("urn_reminders")
      .values({ person_id: personId, kind, inactive_since: start, sent_at: deps.clock.now() })
      .onConflict((oc) => oc.doNothing())
      .returning("person_id")
      .executeTakeFirst();
    if (!claimed) return false;
    const person = await trx.selectFrom("people").select(["given_name", "email", "preferred_locale", "urn"]).where("id", "=", personId).executeTakeFirstOrThrow();
    const owned = await trx
      .selectFrom("company_users")
      .innerJoin("companies", "companies.id", "company_users.company_id")
      .select("companies.legal_name")
      .where("company_users.person_id", "=", personId)
      .where("company_users.role", "=", "owner")
      .where("company_users.status", "=", "active")
      .orderBy("companies.legal_name")
      .execute();
    await queueMail(trx, deps.clock, emails.urnReminderEmail, { address: person.email, locale: person.preferred_locale }, {
      name: person.given_name,
      kind,
      expiresOn: addMonths(start, URN_LIFETIME_MONTHS).toISOString(),
      ownerOf: owned.map((o) => o.legal_name),
    });
    await recordAudit(trx, deps.clock, { actor: { type: "system" }, action: "person.urn-reminder-sent", subject: { type: "person", id: personId }, after: { kind }, requestId: null });
    return true;
  });
}

// ---- the TCCU console (STAFF-3) -----------------------------------------------------------

export interface PersonHit {
  personId: string;
  givenName: string;
  familyName: string;
  email: string;
  urn: string;
  expired: boolean;
}

export const SEARCH_LIMIT = 50;

/**
 * People matching every word of the query by prefix of a name, the email or the URN, without
 * case or accents (STAFF-3). Each word is looked up in person_search_terms' btree index; a word
 * that reads as a URN (with or without hyphens) matches that URN.
 */
export async function searchPeople(deps: Pick<AppDeps, "db">, query: string): Promise<PersonHit[]> {
  // Each word, and for a word that may be part of a URN typed with hyphens ("urn-7q2m-k4"),
  // the same without the prefix and hyphens; a whole URN is read as one.
  const words = searchWords(query)
    .map((w) => {
      const urn = parseUrn(w);
      if (urn) return [urn.toLowerCase()];
      const compact = w.replace(/^urn-?/, "").replace(/-/g, "");
      return [...new Set([w, compact])].filter((v) => v.length >= 2);
    })
    .filter((variants) => variants.length > 0);
  if (words.length === 0) return [];
  const like = (v: string) => `${v.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  let q = deps.db.selectFrom("people").select(["id", "given_name", "family_name", "email", "urn", "urn_expired_at"]);
  for (const variants of words) {
    q = q.where("id", "in", (eb) =>
      eb
        .selectFrom("person_search_terms")
        .select("person_id")
        .where((e) => e.or(variants.map((v) => e("term", "like", like(v))))),
    );
  }
  const rows = await q.orderBy("family_name").orderBy("given_name").limit(SEARCH_LIMIT).execute();
  return rows.map((r) => ({ personId: r.id, givenName: r.given_name, familyName: r.family_name, email: r.email, urn: r.urn, expired: r.urn_expired_at !== null }));
}

export interface TccuPerson extends PersonHit {
  phone: string;
  preferredLocale: Locale;
  lastSignInAt: Date | null;
  urnIssuedAt: Date;
  urnExpiredAt: Date | null;
  urnExpiresAt: Date;
  companies: { companyId: string; legalName: string; clientNumber: string; role: CompanyRole; status: "active" | "deactivated"; reason: string | null }[];
}

export async function personForTccu(deps: Pick<AppDeps, "db">, personId: string): Promise<TccuPerson | undefined> {
  if (!/^[0-9]{1,18}$/.test(personId)) return undefined;
  const p = await deps.db.selectFrom("people").selectAll().where("id", "=", personId).executeTakeFirst();
  if (!p) return undefined;
  const companies = await deps.db
    .selectFrom("company_users as cu")
    .innerJoin("companies as c", "c.id", "cu.company_id")
    .select(["c.id", "c.legal_name", "c.client_number", "cu.role", "cu.status", "cu.deactivated_reason"])
    .where("cu.person_id", "=", personId)
    .orderBy("c.legal_name")
    .execute();
  const start = since(p);
  return {
    personId: p.id,
    givenName: p.given_name,
    familyName: p.family_name,
    email: p.email,
    phone: p.phone,
    urn: p.urn,
    preferredLocale: p.preferred_locale,
    expired: p.urn_expired_at !== null,
    lastSignInAt: p.last_sign_in_at ? new Date(p.last_sign_in_at) : null,
    urnIssuedAt: new Date(p.urn_issued_at),
    urnExpiredAt: p.urn_expired_at ? new Date(p.urn_expired_at) : null,
    urnExpiresAt: addMonths(start, URN_LIFETIME_MONTHS),
    companies: companies.map((c) => ({ companyId: c.id, legalName: c.legal_name, clientNumber: c.client_number, role: c.role, status: c.status, reason: c.deactivated_reason })),
  };
}

/**
 * EXP-2: a new URN for the person, with the TCCU's recorded reason. The old URN stops working
 * (it is replaced), the two years start again, and the person receives the new URN by email.
 * Memberships stay as they are: deactivated ones wait for the account owner (EXP-3); an owner's
 * own membership was never deactivated, so the owner's access returns with the new URN.
 */
export async function issueNewUrn(deps: AppDeps, staffId: string, personId: string, reason: string, meta: RequestMeta): Promise<{ urn: string } | undefined> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("people").select(["urn", "urn_expired_at", "given_name", "email", "preferred_locale"]).where("id", "=", personId).forUpdate().executeTakeFirst();
    if (!before) return undefined;
    const now = deps.clock.now();
    let urn: string | undefined;
    for (let attempt = 0; !urn; attempt++) {
      if (attempt >= 5) throw new Error("could not issue a unique URN");
      const candidate = generateUrn((n) => randomBytes(n));
      const taken = await trx.selectFrom("people").select("id").where("urn", "=", candidate).executeTakeFirst();
      if (!taken) urn = candidate;
    }
    await trx.updateTable("people").set({ urn, urn_issued_at: now, urn_expired_at: null, updated_at: now }).where("id", "=", personId).execute();
    await refreshSearchTerms(trx, personId);
    await recordAudit(trx, deps.clock, {
      actor: { type: "staff", id: staffId },
      action: "person.urn-reissued",
      subject: { type: "person", id: personId },
      before: { urn: before.urn, expiredAt: before.urn_expired_at },
      after: { urn, reason },
      requestId: meta.requestId,
    });
    // The TCCU's action also shows on the timeline of every company the person is a user of.
    const memberships = await trx.selectFrom("company_users").select("company_id").where("person_id", "=", personId).execute();
    for (const m of memberships) {
      await recordAudit(trx, deps.clock, {
        actor: { type: "staff", id: staffId },
        action: "company-user.urn-reissued",
        subject: { type: "person", id: personId },
        companyId: m.company_id,
        after: { reason },
        requestId: meta.requestId,
      });
    }
    await queueMail(trx, deps.clock, emails.newUrnEmail, { address: before.email, locale: before.preferred_locale }, { name: before.given_name, urn: formatUrn(urn) });
    return { urn };
  });
}
