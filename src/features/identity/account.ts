// The signed-in person's own portal account: their profile as the account page shows it,
// contact details, and a change of email, confirmed by a code sent to the new address.
// Every change is one transaction with its audit event and any mail it causes.
import type { AppDeps } from "../../web/context.ts";
import { recordAudit } from "../../platform/audit.ts";
import { queueMail } from "../../platform/mail/outbox.ts";
import type { SessionRecord } from "../../platform/sessions.ts";
import type { Locale } from "../../domain/locale.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { refreshSearchTerms } from "../expiry/service.ts";
import { checkCode, type CodeCheck, type ProfileInput, type ResendResult } from "./service.ts";
import { RESEND_INTERVAL_MS, issueCode } from "./codes.ts";
import { emailChangeEmail } from "./emails.ts";

export interface PersonView {
  id: string;
  urn: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  preferredLocale: Locale;
  credentialKind: "gckey" | "partner";
}

export async function getPerson(deps: AppDeps, session: SessionRecord & { personId: string }): Promise<PersonView> {
  const row = await deps.db
    .selectFrom("people")
    .innerJoin("credentials", "credentials.person_id", "people.id")
    .select(["people.id", "people.urn", "people.given_name", "people.family_name", "people.email", "people.phone", "people.preferred_locale", "credentials.kind"])
    .where("people.id", "=", session.personId)
    .where("credentials.id", "=", session.credentialId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    urn: row.urn,
    givenName: row.given_name,
    familyName: row.family_name,
    email: row.email,
    phone: row.phone,
    preferredLocale: row.preferred_locale,
    credentialKind: row.kind,
  };
}

export async function updateContactDetails(
  deps: AppDeps,
  personId: string,
  input: Omit<ProfileInput, "email">,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("people").select(["given_name", "family_name", "phone", "preferred_locale"]).where("id", "=", personId).executeTakeFirstOrThrow();
    await trx
      .updateTable("people")
      .set({ given_name: input.givenName, family_name: input.familyName, phone: input.phone, preferred_locale: input.preferredLocale, updated_at: deps.clock.now() })
      .where("id", "=", personId)
      .execute();
    await refreshSearchTerms(trx, personId);
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: personId },
      action: "person.contact-updated",
      subject: { type: "person", id: personId },
      before: { ...before },
      after: { given_name: input.givenName, family_name: input.familyName, phone: input.phone, preferred_locale: input.preferredLocale },
      requestId: meta.requestId,
    });
  });
}

export async function requestEmailChange(deps: AppDeps, personId: string, newEmail: string, meta: RequestMeta): Promise<ResendResult> {
  const now = deps.clock.now();
  const recent = await deps.db
    .selectFrom("one_time_codes")
    .select("created_at")
    .where("purpose", "=", "email-change")
    .where("person_id", "=", personId)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  if (recent && now.getTime() - new Date(recent.created_at).getTime() < RESEND_INTERVAL_MS) {
    return { ok: false, reason: "tooSoon", retryAt: new Date(new Date(recent.created_at).getTime() + RESEND_INTERVAL_MS) };
  }
  await deps.db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom("people").select(["preferred_locale"]).where("id", "=", personId).executeTakeFirstOrThrow();
    const code = await issueCode(trx, deps, { purpose: "email-change", personId, targetEmail: newEmail });
    await queueMail(trx, deps.clock, emailChangeEmail, { address: newEmail, locale: person.preferred_locale }, { code });
    await recordAudit(trx, deps.clock, { actor: { type: "trader", id: personId }, action: "person.email-change-requested", subject: { type: "person", id: personId }, requestId: meta.requestId });
  });
  return { ok: true };
}

export async function pendingEmailChange(deps: AppDeps, personId: string): Promise<string | null> {
  const row = await deps.db
    .selectFrom("one_time_codes")
    .select(["target_email", "expires_at"])
    .where("purpose", "=", "email-change")
    .where("person_id", "=", personId)
    .where("consumed_at", "is", null)
    .where("voided_at", "is", null)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return row && new Date(row.expires_at) > deps.clock.now() ? row.target_email : null;
}

export async function confirmEmailChange(deps: AppDeps, personId: string, input: string, meta: RequestMeta): Promise<CodeCheck> {
  const result = await checkCode(deps, { personId }, "email-change", input);
  if (!result.ok) return result;
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const before = await trx.selectFrom("people").select("email").where("id", "=", personId).executeTakeFirstOrThrow();
    const consumed = await trx.updateTable("one_time_codes").set({ consumed_at: now }).where("id", "=", result.codeId!).where("consumed_at", "is", null).executeTakeFirst();
    if (Number(consumed.numUpdatedRows) !== 1) return; // a double submission: already done
    await trx.updateTable("people").set({ email: result.targetEmail!, email_verified_at: now, updated_at: now }).where("id", "=", personId).execute();
    await refreshSearchTerms(trx, personId);
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: personId },
      action: "person.email-changed",
      subject: { type: "person", id: personId },
      before: { email: before.email },
      after: { email: result.targetEmail },
      requestId: meta.requestId,
    });
  });
  return { ok: true };
}
