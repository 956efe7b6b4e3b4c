// Activation of a registered company with its letter's code (REG-6, SEC-7) and the owner's acceptance of the terms (REG-7).
import { keyedHashMatches } from "../../platform/app-key.ts";
import type { AppDeps } from "../../web/context.ts";
import { recordAudit } from "../../platform/audit.ts";
import { queueMail, type MailTemplate } from "../../platform/mail/outbox.ts";
import { cancelReservation, reserveAttempt, type ThrottlePolicy } from "../../platform/throttle.ts";
import { parseClientNumber } from "../../domain/client-number.ts";
import { normalizeActivationCode } from "../../domain/activation-code.ts";
import { messages } from "../../web/i18n/index.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { notify } from "../notifications/service.ts";
import { unkeyedActivationDigest } from "./service.ts";

export const ACTIVATION_MAX_TRIES = 5;
const ACTIVATION_POLICY: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 5_000, maxDelayMs: 30 * 60_000 };

const activatedEmail: MailTemplate<{ company: string }> = {
  name: "registration.activated",
  render: (locale, p) => ({
    subject: messages(locale).registration.emails.activatedSubject,
    paragraphs: [...messages(locale).registration.emails.activatedBody(p.company), messages(locale).emails.signature],
  }),
};

/** One of the code's own 5 tries (the owner-designate's); null when none is left. */
async function reserveCodeTry(deps: AppDeps, codeId: string): Promise<number | null> {
  const row = await deps.db
    .updateTable("activation_codes")
    .set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1) }))
    .where("id", "=", codeId)
    .where("locked_at", "is", null)
    .where("failed_attempts", "<", ACTIVATION_MAX_TRIES)
    .returning("failed_attempts")
    .executeTakeFirst();
  return row ? row.failed_attempts : null;
}

/** One of this person's own 5 tries on the code; null when none is left. */
async function reservePersonTry(deps: AppDeps, codeId: string, personId: string): Promise<number | null> {
  const row = await deps.db
    .insertInto("activation_attempts")
    .values({ activation_code_id: codeId, person_id: personId, failed_attempts: 1 })
    .onConflict((oc) =>
      oc
        .columns(["activation_code_id", "person_id"])
        .doUpdateSet((eb) => ({ failed_attempts: eb("activation_attempts.failed_attempts", "+", 1) }))
        .where("activation_attempts.failed_attempts", "<", ACTIVATION_MAX_TRIES),
    )
    .returning("failed_attempts")
    .executeTakeFirst();
  return row ? row.failed_attempts : null;
}

async function giveBackTry(deps: AppDeps, codeId: string, personId: string | null): Promise<void> {
  if (personId === null) {
    await deps.db
      .updateTable("activation_codes")
      .set((eb) => ({ failed_attempts: eb("failed_attempts", "-", 1) }))
      .where("id", "=", codeId)
      .where("failed_attempts", ">", 0)
      .execute();
  } else {
    await deps.db
      .updateTable("activation_attempts")
      .set((eb) => ({ failed_attempts: eb("failed_attempts", "-", 1) }))
      .where("activation_code_id", "=", codeId)
      .where("person_id", "=", personId)
      .where("failed_attempts", ">", 0)
      .execute();
  }
}

export type ActivationResult =
  | { ok: true; companyId: string }
  | { ok: false; reason: "failed" | "locked" | "locked-for-you" | "expired" | "not-designate" | "already" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/**
 * REG-6 with SEC-7: every try is counted before the code is compared — in the growing delays
 * per person and per address, and in the 5 tries on the code in force. Whose 5 tries? The
 * owner-designate's wrong tries count against the code itself, which locks after 5 (a new code
 * must be requested). Anyone else's count only against their own 5 on that code
 * (activation_attempts): a trader who knows a client number can lock themself out, never the
 * company's code. A company the CBSA created (REG-8) has no designate, so there everyone's
 * tries are their own.
 */
export async function activateCompany(deps: AppDeps, personId: string, clientNumberInput: string, codeInput: string, meta: RequestMeta): Promise<ActivationResult> {
  const now = deps.clock.now();
  const reserved = await reserveAttempt(
    deps.db,
    [
      { key: `activate:person:${personId}`, policy: ACTIVATION_POLICY },
      { key: `activate:addr:${meta.address}`, policy: ACTIVATION_POLICY },
    ],
    now,
  );
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };

  const clientNumber = parseClientNumber(clientNumberInput);
  const code = normalizeActivationCode(codeInput);
  if (!clientNumber || !code) return { ok: false, reason: "failed" };
  const company = await deps.db
    .selectFrom("companies")
    .select(["id", "legal_name", "status", "origin", "owner_designate_person_id"])
    .where("client_number", "=", clientNumber)
    .executeTakeFirst();
  if (!company) return { ok: false, reason: "failed" };
  const codes = await deps.db
    .selectFrom("activation_codes")
    .select(["id", "code_hash", "expires_at", "failed_attempts", "locked_at", "voided_at", "used_at"])
    .where("company_id", "=", company.id)
    .orderBy("issued_at", "desc")
    .execute();
  const active = codes.find((c) => !c.voided_at && !c.used_at);
  const designate = company.origin === "registered" && company.owner_designate_person_id === personId;

  // The try on the code in force, reserved before comparing.
  let tries: number | null = null;
  if (active) {
    tries = designate ? await reserveCodeTry(deps, active.id) : await reservePersonTry(deps, active.id, personId);
    if (tries === null) return { ok: false, reason: designate ? "locked" : "locked-for-you" };
  }

  const digest = unkeyedActivationDigest(code);
  const matching = codes.find((c) => keyedHashMatches("activation", digest, c.code_hash));
  if (!matching || matching.voided_at) {
    // A wrong (or replaced) code: the try stays counted.
    if (active && tries !== null && tries >= ACTIVATION_MAX_TRIES) {
      if (!designate) return { ok: false, reason: "locked-for-you" };
      await deps.db.updateTable("activation_codes").set({ locked_at: now }).where("id", "=", active.id).where("locked_at", "is", null).execute();
      return { ok: false, reason: "locked" };
    }
    return { ok: false, reason: "failed" };
  }
  // The right code: nothing was guessed, so every count goes back.
  if (active && tries !== null) await giveBackTry(deps, active.id, designate ? null : personId);
  await cancelReservation(deps.db, reserved.reservation);
  // Only someone holding the right code learns more than "no match".
  if (matching.used_at || company.status !== "pending-activation") return { ok: false, reason: "already" };
  if (matching.locked_at || matching.failed_attempts >= ACTIVATION_MAX_TRIES) return { ok: false, reason: "locked" };
  if (new Date(matching.expires_at) <= now) return { ok: false, reason: "expired" };
  if (company.origin === "registered" && company.owner_designate_person_id !== personId) return { ok: false, reason: "not-designate" };

  return deps.db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable("activation_codes")
      .set({ used_at: now })
      .where("id", "=", matching.id)
      .where("used_at", "is", null)
      .where("voided_at", "is", null)
      .where("locked_at", "is", null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return { ok: false as const, reason: "already" as const };
    const activated = await trx
      .updateTable("companies")
      .set({ status: "activated", activated_at: now, activated_by_person_id: personId, updated_at: now })
      .where("id", "=", company.id)
      .where("status", "=", "pending-activation")
      .executeTakeFirst();
    if (Number(activated.numUpdatedRows) !== 1) throw new Error("company activated concurrently");
    // A letter still waiting in the mail room is no longer needed: erase its code.
    await trx.updateTable("letters").set({ status: "voided", voided_at: now, content: null }).where("company_id", "=", company.id).where("status", "=", "queued").execute();
    await trx.insertInto("company_users").values({ company_id: company.id, person_id: personId, role: "owner", status: "active", created_at: now, updated_at: now }).execute();
    const person = await trx.selectFrom("people").select(["email", "preferred_locale"]).where("id", "=", personId).executeTakeFirstOrThrow();
    await queueMail(trx, deps.clock, activatedEmail, { address: person.email, locale: person.preferred_locale }, { company: company.legal_name });
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: personId },
      action: "company.activated",
      subject: { type: "company", id: company.id },
      companyId: company.id,
      before: { status: "pending-activation" },
      after: { status: "activated", owner: personId },
      requestId: meta.requestId,
    });
    return { ok: true as const, companyId: company.id };
  });
}

export interface CompanyView {
  id: string;
  legalName: string;
  operatingName: string | null;
  clientNumber: string;
  status: "pending-activation" | "activated" | "authorized";
  membershipStatus: string;
  role: string;
}

/** The company as its active user sees it, or null for anyone else (SEC-5). */
export async function companyForMember(deps: AppDeps, personId: string, companyId: string): Promise<CompanyView | null> {
  const row = await deps.db
    .selectFrom("companies")
    .innerJoin("company_users", "company_users.company_id", "companies.id")
    .select([
      "companies.id",
      "companies.legal_name",
      "companies.operating_name",
      "companies.client_number",
      "companies.status",
      "companies.membership_status",
      "company_users.role",
    ])
    .where("companies.id", "=", companyId)
    .where("company_users.person_id", "=", personId)
    .where("company_users.status", "=", "active")
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    legalName: row.legal_name,
    operatingName: row.operating_name,
    clientNumber: row.client_number,
    status: row.status,
    membershipStatus: row.membership_status,
    role: row.role,
  };
}

/** REG-7: only the account owner accepts the terms, which authorizes the account. */
export async function acceptCompanyTerms(deps: AppDeps, personId: string, companyId: string, meta: RequestMeta): Promise<"ok" | "not-owner" | "not-activated"> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("companies")
      .innerJoin("company_users", "company_users.company_id", "companies.id")
      .select(["companies.status", "company_users.role"])
      .where("companies.id", "=", companyId)
      .where("company_users.person_id", "=", personId)
      .where("company_users.status", "=", "active")
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.role !== "owner") return "not-owner";
    if (row.status !== "activated") return "not-activated";
    const now = deps.clock.now();
    await trx.updateTable("companies").set({ status: "authorized", authorized_at: now, updated_at: now }).where("id", "=", companyId).execute();
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: personId },
      action: "company.terms-accepted",
      subject: { type: "company", id: companyId },
      companyId,
      before: { status: "activated" },
      after: { status: "authorized" },
      requestId: meta.requestId,
    });
    await notify(trx, deps.clock, companyId, "company-authorized", {});
    return "ok";
  });
}
