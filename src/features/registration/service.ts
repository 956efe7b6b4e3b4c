// Company registration by registered mail (SPEC section 2, STAFF-2, STAFF-4): the
// registration draft, the client number and activation code, the letter the mail room
// prints, and new codes. Activation and the owner's acceptance of the terms are in
// activation.ts; the mail room's queue and the staff views of companies in staff-service.ts.
import { createHash, randomInt } from "node:crypto";
import { keyedHash } from "../../platform/app-key.ts";
import type { AppDeps } from "../../web/context.ts";
import type { Tx } from "../../platform/db/index.ts";
import type { PostalAddress } from "../../platform/db/schema.ts";
import { recordAudit } from "../../platform/audit.ts";
import { calendarDate } from "../../platform/clock.ts";
import { queueMail, type MailTemplate } from "../../platform/mail/outbox.ts";
import type { ActivationLetter, LetterBlock } from "../../platform/pdf/letters.ts";
import { addBusinessDays } from "../../domain/business-days.ts";
import { formatClientNumber, generateClientNumber } from "../../domain/client-number.ts";
import { activationCodeExpiry, formatActivationCode, generateActivationCode } from "../../domain/activation-code.ts";
import type { EligibilityAnswers, LineOfBusiness } from "../../domain/eligibility.ts";
import { identityNeeds, type CompanyIdentity } from "./schema.ts";
import { otherLocale, type Locale } from "../../domain/locale.ts";
import { formatDate, messages } from "../../web/i18n/index.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import type { CompanyRole } from "../../domain/permissions.ts";

export const LETTER_BUSINESS_DAYS = 15;


/** What a person has answered so far; kept between the steps of registration. */
export interface RegistrationDraft {
  eligibility?: { answers: EligibilityAnswers; portalLines: LineOfBusiness[] };
  identity?: CompanyIdentity;
  address?: PostalAddress;
}

/** An activation code's digest before the key (the form migration 0012 found and keyed). */
export function unkeyedActivationDigest(canonical: string): string {
  return createHash("sha256").update(`activation:${canonical}`).digest("base64url");
}

/** HMAC under APP_KEY (SEC-8): 12 characters from a small alphabet must not be tried offline. */
function hashActivationCode(canonical: string): string {
  return keyedHash("activation", unkeyedActivationDigest(canonical));
}

function registrationText(locale: Locale) {
  return messages(locale).registration;
}

// ---- drafts -------------------------------------------------------------------------------

export async function getDraft(deps: AppDeps, personId: string): Promise<RegistrationDraft> {
  const row = await deps.db.selectFrom("registration_drafts").select("data").where("person_id", "=", personId).executeTakeFirst();
  return (row?.data ?? {});
}

export async function saveDraft(deps: AppDeps, personId: string, draft: RegistrationDraft): Promise<void> {
  await deps.db
    .insertInto("registration_drafts")
    .values({ person_id: personId, data: JSON.stringify(draft), updated_at: deps.clock.now() })
    .onConflict((oc) => oc.column("person_id").doUpdateSet({ data: JSON.stringify(draft), updated_at: deps.clock.now() }))
    .execute();
}

export async function discardDraft(deps: AppDeps, personId: string): Promise<void> {
  await deps.db.deleteFrom("registration_drafts").where("person_id", "=", personId).execute();
}

export async function businessNumberTaken(deps: AppDeps, bn9: string): Promise<boolean> {
  return (await deps.db.selectFrom("companies").select("id").where("bn9", "=", bn9).executeTakeFirst()) !== undefined;
}

// ---- the address as printed ----------------------------------------------------------------

/** The recipient block exactly as the letter prints it (Canada Post style, upper case). */
export function printedAddress(legalName: string, address: PostalAddress): string[] {
  const up = (s: string) => s.normalize("NFC").toLocaleUpperCase("fr-CA");
  const lines = [up(legalName), up(address.line1)];
  if (address.line2) lines.push(up(address.line2));
  lines.push(`${up(address.city)} ${address.region}  ${address.postalCode}`);
  lines.push(address.country === "CA" ? "CANADA" : "UNITED STATES / ÉTATS-UNIS");
  return lines;
}

// ---- letters --------------------------------------------------------------------------------

function letterBlock(locale: Locale, companyName: string, issuedAt: Date, expiresAt: Date): LetterBlock {
  const t = registrationText(locale).letter;
  const expires = formatDate(locale, expiresAt);
  return {
    lang: locale,
    heading: t.heading,
    greeting: t.greeting(companyName),
    paragraphs: t.paragraphs(expires),
    labels: t.labels,
    issuedText: formatDate(locale, issuedAt),
    expiresText: expires,
    closing: t.closing,
  };
}

/** Issues a new activation code and queues its letter, voiding earlier codes and unsent letters. */
async function issueCodeAndLetter(
  trx: Tx,
  deps: AppDeps,
  company: { id: string; legal_name: string; client_number: string; correspondence_locale: Locale; address: PostalAddress },
): Promise<{ letterId: string; expectedBy: string }> {
  const now = deps.clock.now();
  await trx.updateTable("activation_codes").set({ voided_at: now }).where("company_id", "=", company.id).where("voided_at", "is", null).where("used_at", "is", null).execute();
  await trx
    .updateTable("letters")
    .set({ status: "voided", voided_at: now, content: null })
    .where("company_id", "=", company.id)
    .where("status", "=", "queued")
    .execute();
  const code = generateActivationCode((max) => randomInt(max));
  const expiresAt = activationCodeExpiry(now);
  const codeRow = await trx
    .insertInto("activation_codes")
    .values({ company_id: company.id, code_hash: hashActivationCode(code), issued_at: now, expires_at: expiresAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  const recipient = printedAddress(company.legal_name, company.address);
  const first = company.correspondence_locale;
  const expectedBy = addBusinessDays(calendarDate(now), LETTER_BUSINESS_DAYS);
  const letter = await trx
    .insertInto("letters")
    .values({
      company_id: company.id,
      activation_code_id: codeRow.id,
      status: "queued",
      content: JSON.stringify({}),
      recipient: JSON.stringify(recipient),
      created_at: now,
      expected_by: expectedBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const content: ActivationLetter = {
    letterId: `L-${letter.id}`,
    sender: registrationText(first).letter.sender,
    recipient,
    clientNumber: formatClientNumber(company.client_number),
    activationCode: formatActivationCode(code),
    blocks: [letterBlock(first, company.legal_name, now, expiresAt), letterBlock(otherLocale(first), company.legal_name, now, expiresAt)],
  };
  await trx.updateTable("letters").set({ content: JSON.stringify(content) }).where("id", "=", letter.id).execute();
  return { letterId: letter.id, expectedBy };
}

// ---- registering -----------------------------------------------------------------------------

const registeredEmail: MailTemplate<{ name: string; company: string; date: string }> = {
  name: "registration.registered",
  render: (locale, p) => ({
    subject: registrationText(locale).emails.registeredSubject,
    paragraphs: [...registrationText(locale).emails.registeredBody(p.name, p.company, p.date), messages(locale).emails.signature],
  }),
};

export type RegisterResult = { ok: true; companyId: string } | { ok: false; reason: "incomplete" | "bn-taken" | "already-confirmed" };

interface NewCompany {
  identity: CompanyIdentity;
  address: PostalAddress;
  lines: LineOfBusiness[];
  country: "CA" | "US";
  origin: "registered" | "cbsa-created";
  membershipStatus: string;
  ownerDesignate: string | null;
  createdByStaff: string | null;
}

async function insertCompany(trx: Tx, deps: AppDeps, c: NewCompany): Promise<{ id: string; clientNumber: string; expectedBy: string }> {
  const now = deps.clock.now();
  if (c.identity.bn9) {
    const taken = await trx.selectFrom("companies").select("id").where("bn9", "=", c.identity.bn9).executeTakeFirst();
    if (taken) throw new BusinessNumberTaken();
  }
  let company: { id: string; client_number: string } | undefined;
  for (let attempt = 0; !company; attempt++) {
    if (attempt >= 5) throw new Error("could not issue a unique client number");
    company = await trx
      .insertInto("companies")
      .values({
        legal_name: c.identity.legalName,
        operating_name: c.identity.operatingName,
        country: c.country,
        bn9: c.identity.bn9,
        program_account: c.identity.programAccount,
        carrier_code: c.identity.carrierCode,
        lines_of_business: JSON.stringify(c.lines),
        correspondence_locale: c.identity.correspondenceLocale,
        address: JSON.stringify(c.address),
        client_number: generateClientNumber((max) => randomInt(max)),
        status: "pending-activation",
        origin: c.origin,
        membership_status: c.membershipStatus,
        owner_designate_person_id: c.ownerDesignate,
        created_by_staff_id: c.createdByStaff,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column("client_number").doNothing())
      .returning(["id", "client_number"])
      .executeTakeFirst();
  }
  const { expectedBy } = await issueCodeAndLetter(trx, deps, {
    id: company.id,
    legal_name: c.identity.legalName,
    client_number: company.client_number,
    correspondence_locale: c.identity.correspondenceLocale,
    address: c.address,
  });
  return { id: company.id, clientNumber: company.client_number, expectedBy };
}

class BusinessNumberTaken extends Error {}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "23505";
}

/** Confirms a complete draft: the company, its client number, code and letter, in one transaction. */
export async function registerCompany(deps: AppDeps, personId: string, meta: RequestMeta): Promise<RegisterResult> {
  const draft = await getDraft(deps, personId);
  // No draft at all: nothing to confirm (typically the second of two clicks, whose first
  // has just registered the company).
  if (!draft.eligibility && !draft.identity && !draft.address) return { ok: false, reason: "already-confirmed" };
  if (!draft.eligibility || !draft.identity || !draft.address) return { ok: false, reason: "incomplete" };
  const { eligibility, identity, address } = draft;
  const country = eligibility.answers.country === "US" ? "US" : "CA";
  // The steps may have been answered in another order: check that they still fit together.
  const needs = identityNeeds(country, eligibility.portalLines);
  if (address.country !== country || (needs.bn && !identity.bn9) || (needs.carrierCode && !identity.carrierCode)) return { ok: false, reason: "incomplete" };
  try {
    const companyId = await deps.db.transaction().execute(async (trx) => {
      // One confirmation per draft: a double submission finds it gone.
      const claimed = await trx.deleteFrom("registration_drafts").where("person_id", "=", personId).returning("person_id").executeTakeFirst();
      if (!claimed) return "already-confirmed" as const;
      const created = await insertCompany(trx, deps, {
        identity,
        address,
        lines: eligibility.portalLines,
        country,
        origin: "registered",
        membershipStatus: "not-applied",
        ownerDesignate: personId,
        createdByStaff: null,
      });
      const person = await trx.selectFrom("people").select(["given_name", "email", "preferred_locale"]).where("id", "=", personId).executeTakeFirstOrThrow();
      await queueMail(
        trx,
        deps.clock,
        registeredEmail,
        { address: person.email, locale: person.preferred_locale },
        { name: person.given_name, company: identity.legalName, date: formatDate(person.preferred_locale, new Date(`${created.expectedBy}T12:00:00Z`)) },
      );
      await recordAudit(trx, deps.clock, {
        actor: { type: "trader", id: personId },
        action: "company.registered",
        subject: { type: "company", id: created.id },
        companyId: created.id,
        after: { legalName: identity.legalName, bn9: identity.bn9, clientNumber: created.clientNumber, address, lines: eligibility.portalLines },
        requestId: meta.requestId,
      });
      return created.id;
    });
    return companyId === "already-confirmed" ? { ok: false, reason: "already-confirmed" } : { ok: true, companyId };
  } catch (err) {
    if (err instanceof BusinessNumberTaken || isUniqueViolation(err)) return { ok: false, reason: "bn-taken" };
    throw err;
  }
}

/** REG-8: the CBSA creates the record of an existing member and queues its letter. */
export async function createExistingMember(
  deps: AppDeps,
  staffId: string,
  input: { identity: CompanyIdentity; address: PostalAddress; lines: LineOfBusiness[]; country: "CA" | "US" },
  meta: RequestMeta,
): Promise<{ ok: true; companyId: string; clientNumber: string } | { ok: false; reason: "bn-taken" }> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const created = await insertCompany(trx, deps, {
        ...input,
        origin: "cbsa-created",
        membershipStatus: "member",
        ownerDesignate: null,
        createdByStaff: staffId,
      });
      await recordAudit(trx, deps.clock, {
        actor: { type: "staff", id: staffId },
        action: "company.created-by-cbsa",
        subject: { type: "company", id: created.id },
        companyId: created.id,
        after: { legalName: input.identity.legalName, bn9: input.identity.bn9, clientNumber: created.clientNumber, address: input.address },
        requestId: meta.requestId,
      });
      return { ok: true as const, companyId: created.id, clientNumber: created.clientNumber };
    });
  } catch (err) {
    if (err instanceof BusinessNumberTaken || isUniqueViolation(err)) return { ok: false, reason: "bn-taken" };
    throw err;
  }
}

// ---- what the person sees on the registration page ------------------------------------------

export interface PendingRegistration {
  companyId: string;
  legalName: string;
  clientNumber: string;
  letter: { status: "queued" | "sent"; expectedBy: string; sentOn: string | null; trackingNumber: string | null } | null;
  codeExpiresAt: Date | null;
}

export async function pendingRegistrations(deps: AppDeps, personId: string): Promise<PendingRegistration[]> {
  const companies = await deps.db
    .selectFrom("companies")
    .select(["id", "legal_name", "client_number"])
    .where("owner_designate_person_id", "=", personId)
    .where("status", "=", "pending-activation")
    .orderBy("created_at", "asc")
    .execute();
  const out: PendingRegistration[] = [];
  for (const c of companies) {
    const letter = await deps.db
      .selectFrom("letters")
      .select(["status", "expected_by", "sent_on", "tracking_number"])
      .where("company_id", "=", c.id)
      .where("status", "!=", "voided")
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    const code = await deps.db
      .selectFrom("activation_codes")
      .select("expires_at")
      .where("company_id", "=", c.id)
      .where("voided_at", "is", null)
      .where("used_at", "is", null)
      .orderBy("issued_at", "desc")
      .executeTakeFirst();
    out.push({
      companyId: c.id,
      legalName: c.legal_name,
      clientNumber: c.client_number,
      letter: letter
        ? { status: letter.status === "sent" ? "sent" : "queued", expectedBy: letter.expected_by, sentOn: letter.sent_on, trackingNumber: letter.tracking_number }
        : null,
      codeExpiresAt: code ? new Date(code.expires_at) : null,
    });
  }
  return out;
}

/** A company the person works in (USR-1): their active memberships. */
export interface Membership {
  companyId: string;
  legalName: string;
  clientNumber: string;
  role: CompanyRole;
  companyStatus: "pending-activation" | "activated" | "authorized";
}

export async function memberships(deps: AppDeps, personId: string): Promise<Membership[]> {
  const rows = await deps.db
    .selectFrom("company_users")
    .innerJoin("companies", "companies.id", "company_users.company_id")
    .select(["companies.id", "companies.legal_name", "companies.client_number", "company_users.role", "companies.status"])
    .where("company_users.person_id", "=", personId)
    .where("company_users.status", "=", "active")
    .orderBy("companies.legal_name")
    .execute();
  return rows.map((r) => ({ companyId: r.id, legalName: r.legal_name, clientNumber: r.client_number, role: r.role, companyStatus: r.status }));
}

// ---- a new code (REG-5) -----------------------------------------------------------------------

export async function requestNewCode(deps: AppDeps, personId: string, companyId: string, meta: RequestMeta): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const company = await trx
      .selectFrom("companies")
      .select(["id", "legal_name", "client_number", "correspondence_locale", "address"])
      .where("id", "=", companyId)
      .where("owner_designate_person_id", "=", personId)
      .where("status", "=", "pending-activation")
      .forUpdate()
      .executeTakeFirst();
    if (!company) return false;
    const { letterId } = await issueCodeAndLetter(trx, deps, company);
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: personId },
      action: "company.new-activation-code",
      subject: { type: "company", id: company.id },
      companyId: company.id,
      after: { letter: letterId },
      requestId: meta.requestId,
    });
    return true;
  });
}
