// The CBSA side of registration (STAFF-2, STAFF-4): the mail room's queue of activation
// letters, opening them to print (audited) and recording each registered mailing (the letter's
// code is then erased), the staff list of companies, and a company's timeline.
import type { AppDeps } from "../../web/context.ts";
import { recordAudit } from "../../platform/audit.ts";
import { calendarDate } from "../../platform/clock.ts";
import { queueMail, type MailTemplate } from "../../platform/mail/outbox.ts";
import type { ActivationLetter } from "../../platform/pdf/letters.ts";
import { formatDate, messages } from "../../web/i18n/index.ts";
import type { Locale } from "../../domain/locale.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { notify } from "../notifications/service.ts";
import { staffNames } from "../staff/service.ts";
import { sql } from "kysely";

function registrationText(locale: Locale) {
  return messages(locale).registration;
}

// ---- the mail room (STAFF-2) ------------------------------------------------------------------

export interface QueuedLetter {
  id: string;
  companyId: string;
  legalName: string;
  clientNumber: string;
  createdAt: Date;
  expectedBy: string;
}

export async function queuedLetters(deps: AppDeps): Promise<QueuedLetter[]> {
  const rows = await deps.db
    .selectFrom("letters")
    .innerJoin("companies", "companies.id", "letters.company_id")
    .select(["letters.id", "letters.company_id", "companies.legal_name", "companies.client_number", "letters.created_at", "letters.expected_by"])
    .where("letters.status", "=", "queued")
    .orderBy("letters.created_at", "asc")
    .orderBy("letters.id", "asc")
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    companyId: r.company_id,
    legalName: r.legal_name,
    clientNumber: r.client_number,
    createdAt: new Date(r.created_at),
    expectedBy: r.expected_by,
  }));
}

/** One queued letter, by id (whatever the length of the queue). */
export async function queuedLetter(deps: AppDeps, letterId: string): Promise<QueuedLetter | undefined> {
  const r = await deps.db
    .selectFrom("letters")
    .innerJoin("companies", "companies.id", "letters.company_id")
    .select(["letters.id", "letters.company_id", "companies.legal_name", "companies.client_number", "letters.created_at", "letters.expected_by"])
    .where("letters.id", "=", letterId)
    .where("letters.status", "=", "queued")
    .executeTakeFirst();
  return r
    ? { id: r.id, companyId: r.company_id, legalName: r.legal_name, clientNumber: r.client_number, createdAt: new Date(r.created_at), expectedBy: r.expected_by }
    : undefined;
}

/** The printable content of queued letters, in the order asked; each opening is audited. */
export async function lettersToPrint(deps: AppDeps, staffId: string, ids: string[], meta: RequestMeta): Promise<ActivationLetter[]> {
  if (ids.length === 0) return [];
  const rows = await deps.db.selectFrom("letters").select(["id", "company_id", "content"]).where("id", "in", ids).where("status", "=", "queued").execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => r !== undefined && r.content !== null);
  if (ordered.length > 0) {
    await deps.db.transaction().execute(async (trx) => {
      for (const r of ordered) {
        await recordAudit(trx, deps.clock, {
          actor: { type: "staff", id: staffId },
          action: "letter.printed",
          subject: { type: "letter", id: r.id },
          companyId: r.company_id,
          requestId: meta.requestId,
        });
      }
    });
  }
  return ordered.map((r) => r.content as unknown as ActivationLetter);
}

const letterSentEmail: MailTemplate<{ company: string; date: string; tracking: string }> = {
  name: "registration.letter-sent",
  render: (locale, p) => ({
    subject: registrationText(locale).emails.letterSentSubject,
    paragraphs: [...registrationText(locale).emails.letterSentBody(p.company, p.date, p.tracking), messages(locale).emails.signature],
  }),
};

export type RecordResult = { ok: true } | { ok: false; reason: "not-queued" | "date-out-of-range" };

/** Records the registered mailing; the letter's printable content (its code) is then erased. */
export async function recordLetterSent(deps: AppDeps, staffId: string, letterId: string, tracking: string, sentOn: string, meta: RequestMeta): Promise<RecordResult> {
  return deps.db.transaction().execute(async (trx) => {
    const letter = await trx
      .selectFrom("letters")
      .innerJoin("companies", "companies.id", "letters.company_id")
      .select(["letters.id", "letters.status", "letters.created_at", "letters.company_id", "companies.legal_name", "companies.owner_designate_person_id"])
      .where("letters.id", "=", letterId)
      .forUpdate()
      .executeTakeFirst();
    if (!letter || letter.status !== "queued") return { ok: false as const, reason: "not-queued" as const };
    const now = deps.clock.now();
    if (sentOn > calendarDate(now) || sentOn < calendarDate(new Date(letter.created_at))) return { ok: false as const, reason: "date-out-of-range" as const };
    await trx
      .updateTable("letters")
      .set({ status: "sent", sent_on: sentOn, tracking_number: tracking, recorded_at: now, recorded_by_staff_id: staffId, content: null })
      .where("id", "=", letterId)
      .execute();
    if (letter.owner_designate_person_id) {
      const person = await trx.selectFrom("people").select(["email", "preferred_locale"]).where("id", "=", letter.owner_designate_person_id).executeTakeFirstOrThrow();
      await queueMail(
        trx,
        deps.clock,
        letterSentEmail,
        { address: person.email, locale: person.preferred_locale },
        { company: letter.legal_name, date: formatDate(person.preferred_locale, new Date(`${sentOn}T12:00:00Z`)), tracking },
      );
    }
    await recordAudit(trx, deps.clock, {
      actor: { type: "staff", id: staffId },
      action: "letter.sent",
      subject: { type: "letter", id: letterId },
      companyId: letter.company_id,
      after: { trackingNumber: tracking, sentOn },
      requestId: meta.requestId,
    });
    await notify(trx, deps.clock, letter.company_id, "letter-sent", { sentOn });
    return { ok: true as const };
  });
}

export interface CompanySummary {
  id: string;
  legalName: string;
  clientNumber: string;
  status: string;
  origin: string;
  createdAt: Date;
}

export async function recentCompanies(deps: AppDeps, limit = 50): Promise<CompanySummary[]> {
  const rows = await deps.db
    .selectFrom("companies")
    .select(["id", "legal_name", "client_number", "status", "origin", "created_at"])
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, legalName: r.legal_name, clientNumber: r.client_number, status: r.status, origin: r.origin, createdAt: new Date(r.created_at) }));
}

// ---- the company timeline (STAFF-4) -----------------------------------------------------------

export interface TimelineEvent {
  id: string;
  occurredAt: Date;
  actorType: string;
  /** The person's or staff member's name, when the actor was one. */
  actorName: string | null;
  action: string;
}

/** The company's audit trail, newest first (at most `limit` events). */
export async function companyTimeline(deps: Pick<AppDeps, "db">, companyId: string, limit = 500): Promise<{ company: CompanySummary; events: TimelineEvent[] } | undefined> {
  const company = await deps.db.selectFrom("companies").select(["id", "legal_name", "client_number", "status", "origin", "created_at"]).where("id", "=", companyId).executeTakeFirst();
  if (!company) return undefined;
  const rows = await deps.db
    .selectFrom("audit_events")
    .leftJoin("people", (j) => j.on(sql<boolean>`audit_events.actor_type = 'trader' and people.id::text = audit_events.actor_id`))
    .select(["audit_events.id", "audit_events.occurred_at", "audit_events.actor_type", "audit_events.actor_id", "audit_events.action", "people.given_name", "people.family_name"])
    .where("audit_events.company_id", "=", companyId)
    .orderBy("audit_events.id", "desc")
    .limit(limit)
    .execute();
  const staff = await staffNames(deps, [...new Set(rows.filter((r) => r.actor_type === "staff" && r.actor_id).map((r) => r.actor_id!))]);
  return {
    company: { id: company.id, legalName: company.legal_name, clientNumber: company.client_number, status: company.status, origin: company.origin, createdAt: new Date(company.created_at) },
    events: rows.map((r) => ({
      id: r.id,
      occurredAt: new Date(r.occurred_at),
      actorType: r.actor_type,
      actorName: r.actor_type === "staff" ? (staff.get(r.actor_id ?? "") ?? null) : r.given_name ? `${r.given_name} ${r.family_name}` : null,
      action: r.action,
    })),
  };
}
