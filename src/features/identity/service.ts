// Trader sign-in (SPEC section 1): a session opened from any credential, the Sign-In Partner,
// the portal user profile and its URN, the emailed MFA code, terms at every sign-in, sessions.
// GCKey is in gckey.ts, the person's own account in account.ts, one-time codes in codes.ts.
// Every change is one transaction with its audit event and any mail it causes.
import { randomBytes } from "node:crypto";
import type { AppDeps } from "../../web/context.ts";
import type { Tx } from "../../platform/db/index.ts";
import type { SessionStage } from "../../platform/db/schema.ts";
import { recordAudit } from "../../platform/audit.ts";
import { queueMail } from "../../platform/mail/outbox.ts";
import { cancelReservation, reserveAttempt, settleSuccess, type ThrottlePolicy } from "../../platform/throttle.ts";
import {
  authenticateSession,
  createSession,
  endOtherSessions,
  endSession,
  hashToken,
  setStage,
  type SessionRecord,
} from "../../platform/sessions.ts";
import { formatUrn, generateUrn } from "../../domain/urn.ts";
import type { Locale } from "../../domain/locale.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { refreshSearchTerms, urnExpiredAtSignIn } from "../expiry/service.ts";
import { keepEndSessionHint } from "./partner.ts";
import { emailCodesOff, hasStrongFactor } from "./factor-state.ts";
import { CODE_MAX_TRIES, RESEND_INTERVAL_MS, codeMatches, issueCode } from "./codes.ts";
import { mfaCodeEmail, urnConfirmationEmail } from "./emails.ts";

export const MAX_CODES_PER_SIGN_IN = 5;

/** Growing delays on a person's wrong codes, across all their codes. */
export const CODE_PERSON_POLICY: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 5_000, maxDelayMs: 30 * 60_000 };

export type { RequestMeta } from "../../web/request-meta.ts";

/** What the caller sees after a credential has been accepted: a session and where it goes next. */
export interface SignInStarted {
  token: string;
  stage: SessionStage;
}

// ---------------------------------------------------------------------------------------
// Starting a sign-in, whichever the credential
// ---------------------------------------------------------------------------------------

export async function sendMfaCode(trx: Tx, deps: AppDeps, sessionId: string, personId: string): Promise<void> {
  const person = await trx.selectFrom("people").select(["email", "preferred_locale"]).where("id", "=", personId).executeTakeFirstOrThrow();
  const code = await issueCode(trx, deps, { purpose: "mfa", sessionId, personId });
  await queueMail(trx, deps.clock, mfaCodeEmail, { address: person.email, locale: person.preferred_locale }, { code });
}

/**
 * A credential was accepted: open a session at the first stage this person still needs. A
 * person with a passkey or an authenticator app is offered it first (ID-9: "factor", no code
 * sent unless they ask for one); everyone else gets the emailed code (ID-5).
 */
export async function beginSignIn(trx: Tx, deps: AppDeps, credential: { id: string; person_id: string | null }, meta: RequestMeta): Promise<SignInStarted> {
  let stage: SessionStage = "profile";
  if (credential.person_id) {
    const person = await trx.selectFrom("people").select(["mfa_terms_accepted_at"]).where("id", "=", credential.person_id).executeTakeFirstOrThrow();
    stage = !person.mfa_terms_accepted_at ? "mfa-terms" : (await hasStrongFactor(trx, credential.person_id)) ? "factor" : "mfa";
  }
  const { id, token } = await createSession(trx, deps.clock, {
    credentialId: credential.id,
    personId: credential.person_id,
    stage,
    locale: meta.locale,
    userAgent: meta.userAgent,
  });
  if (stage === "mfa") await sendMfaCode(trx, deps, id, credential.person_id!);
  await recordAudit(trx, deps.clock, {
    actor: { type: credential.person_id ? "trader" : "anonymous", id: credential.person_id },
    action: "sign-in.credential-accepted",
    subject: { type: "credential", id: credential.id },
    after: { session: id, stage },
    requestId: meta.requestId,
  });
  return { token, stage };
}

// ---------------------------------------------------------------------------------------
// Sign-In Partner (ID-3): only the provider's subject is kept
// ---------------------------------------------------------------------------------------

/**
 * The partner's subject opens a session, or "urn-expired" when the person's URN has expired
 * (EXP-1). With an end-session hint (the ID token, where the provider offers RP-initiated
 * logout), the hint is kept with the new session for sign-out (partner.ts).
 */
export async function signInWithPartner(deps: AppDeps, subject: string, meta: RequestMeta, endSessionHint?: string): Promise<SignInStarted | "urn-expired"> {
  return deps.db.transaction().execute(async (trx) => {
    let credential = await trx.selectFrom("credentials").select(["id", "person_id"]).where("kind", "=", "partner").where("partner_subject", "=", subject).executeTakeFirst();
    if (!credential) {
      credential = await trx
        .insertInto("credentials")
        .values({ kind: "partner", partner_subject: subject, created_at: deps.clock.now() })
        .onConflict((oc) => oc.column("partner_subject").where("kind", "=", "partner").doNothing())
        .returning(["id", "person_id"])
        .executeTakeFirst();
      credential ??= await trx.selectFrom("credentials").select(["id", "person_id"]).where("kind", "=", "partner").where("partner_subject", "=", subject).executeTakeFirstOrThrow();
      await recordAudit(trx, deps.clock, { actor: { type: "anonymous" }, action: "partner.linked", subject: { type: "credential", id: credential.id }, requestId: meta.requestId });
    }
    if (credential.person_id && (await urnExpiredAtSignIn(trx, deps.clock, credential.person_id, meta.requestId))) return "urn-expired" as const;
    const started = await beginSignIn(trx, deps, credential, meta);
    if (endSessionHint) {
      const session = await trx.selectFrom("sessions").select("id").where("token_hash", "=", hashToken(started.token)).executeTakeFirstOrThrow();
      await keepEndSessionHint(trx, deps, session.id, endSessionHint);
    }
    return started;
  });
}

// ---------------------------------------------------------------------------------------
// Profile and URN (ID-4)
// ---------------------------------------------------------------------------------------

export interface ProfileInput {
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  preferredLocale: Locale;
}

/** Creates the profile once; a second submission (a double click) changes nothing: urn null. */
export async function createProfile(deps: AppDeps, session: SessionRecord, input: ProfileInput, meta: RequestMeta): Promise<{ urn: string | null }> {
  return deps.db.transaction().execute(async (trx) => {
    const credential = await trx.selectFrom("credentials").select(["person_id"]).where("id", "=", session.credentialId).forUpdate().executeTakeFirstOrThrow();
    if (credential.person_id) return { urn: null };
    const now = deps.clock.now();
    let person: { id: string; urn: string } | undefined;
    for (let attempt = 0; !person; attempt++) {
      if (attempt >= 5) throw new Error("could not issue a unique URN");
      person = await trx
        .insertInto("people")
        .values({
          urn: generateUrn((n) => randomBytes(n)),
          given_name: input.givenName,
          family_name: input.familyName,
          email: input.email,
          phone: input.phone,
          preferred_locale: input.preferredLocale,
          created_at: now,
          updated_at: now,
          urn_issued_at: now,
        })
        .onConflict((oc) => oc.column("urn").doNothing())
        .returning(["id", "urn"])
        .executeTakeFirst();
    }
    await trx.updateTable("credentials").set({ person_id: person.id }).where("id", "=", session.credentialId).execute();
    await refreshSearchTerms(trx, person.id);
    await setStage(trx, session.id, "mfa-terms", person.id);
    await queueMail(trx, deps.clock, urnConfirmationEmail, { address: input.email, locale: input.preferredLocale }, { name: input.givenName, urn: formatUrn(person.urn) });
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: person.id },
      action: "person.created",
      subject: { type: "person", id: person.id },
      after: { urn: person.urn, credential: session.credentialId },
      requestId: meta.requestId,
    });
    return { urn: person.urn };
  });
}

// ---------------------------------------------------------------------------------------
// MFA (ID-5) and terms (ID-6)
// ---------------------------------------------------------------------------------------

export async function acceptMfaTerms(deps: AppDeps, session: SessionRecord, meta: RequestMeta): Promise<void> {
  const personId = session.personId!;
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable("people").set({ mfa_terms_accepted_at: deps.clock.now() }).where("id", "=", personId).execute();
    await setStage(trx, session.id, "mfa");
    await sendMfaCode(trx, deps, session.id, personId);
    await recordAudit(trx, deps.clock, { actor: { type: "trader", id: personId }, action: "mfa.terms-accepted", subject: { type: "person", id: personId }, requestId: meta.requestId });
  });
}

export type ResendResult = { ok: true } | { ok: false; reason: "tooSoon"; retryAt: Date } | { ok: false; reason: "tooMany" };

export async function resendMfaCode(deps: AppDeps, session: SessionRecord, meta: RequestMeta): Promise<ResendResult> {
  const personId = session.personId!;
  const now = deps.clock.now();
  const codes = await deps.db
    .selectFrom("one_time_codes")
    .select(["created_at"])
    .where("purpose", "=", "mfa")
    .where("session_id", "=", session.id)
    .orderBy("created_at", "desc")
    .execute();
  if (codes.length >= MAX_CODES_PER_SIGN_IN) return { ok: false, reason: "tooMany" };
  const last = codes[0] ? new Date(codes[0].created_at) : null;
  if (last && now.getTime() - last.getTime() < RESEND_INTERVAL_MS) return { ok: false, reason: "tooSoon", retryAt: new Date(last.getTime() + RESEND_INTERVAL_MS) };
  await deps.db.transaction().execute(async (trx) => {
    await sendMfaCode(trx, deps, session.id, personId);
    await recordAudit(trx, deps.clock, { actor: { type: "trader", id: personId }, action: "mfa.code-resent", subject: { type: "person", id: personId }, requestId: meta.requestId });
  });
  return { ok: true };
}

export type CodeCheck =
  | { ok: true }
  /** disabled: the person turned email codes off (ID-9), so no emailed code is accepted. */
  | { ok: false; reason: "format" | "expired" | "locked" | "none" | "disabled" }
  | { ok: false; reason: "wrong"; triesLeft: number }
  | { ok: false; reason: "throttled"; retryAt: Date };

/** Checks a 6-digit code of `purpose` for its owner; counts failures on the code and the person. */
export async function checkCode(
  deps: AppDeps,
  owner: { sessionId?: string; personId: string },
  purpose: "mfa" | "email-change",
  input: string,
): Promise<CodeCheck & { codeId?: string; targetEmail?: string | null }> {
  const code = input.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "format" };
  const now = deps.clock.now();
  const personKey = `code:person:${owner.personId}`;
  let q = deps.db
    .selectFrom("one_time_codes")
    .select(["id", "code_hash", "expires_at", "failed_attempts", "target_email"])
    .where("purpose", "=", purpose)
    .where("consumed_at", "is", null)
    .where("voided_at", "is", null);
  q = owner.sessionId ? q.where("session_id", "=", owner.sessionId) : q.where("person_id", "=", owner.personId);
  const row = await q.orderBy("created_at", "desc").executeTakeFirst();
  if (!row) return { ok: false, reason: "none" };
  if (row.failed_attempts >= CODE_MAX_TRIES) return { ok: false, reason: "locked" };
  if (new Date(row.expires_at) <= now) return { ok: false, reason: "expired" };
  // Two counts, each reserved before comparing (SEC-7): the person's growing delays across
  // all their codes, then this code's own 5 tries.
  const personTry = await reserveAttempt(deps.db, [{ key: personKey, policy: CODE_PERSON_POLICY }], now);
  if (!personTry.ok) return { ok: false, reason: "throttled", retryAt: personTry.retryAt };
  const reserved = await deps.db
    .updateTable("one_time_codes")
    .set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1) }))
    .where("id", "=", row.id)
    .where("failed_attempts", "<", CODE_MAX_TRIES)
    .where("consumed_at", "is", null)
    .where("voided_at", "is", null)
    .returning("failed_attempts")
    .executeTakeFirst();
  if (!reserved) {
    // The code was used up by parallel tries: nothing was compared, so the person's count goes back.
    await cancelReservation(deps.db, personTry.reservation);
    return { ok: false, reason: "locked" };
  }
  if (!codeMatches(row.code_hash, code)) {
    const left = CODE_MAX_TRIES - reserved.failed_attempts;
    return left <= 0 ? { ok: false, reason: "locked" } : { ok: false, reason: "wrong", triesLeft: left };
  }
  await settleSuccess(deps.db, personTry.reservation, [personKey]);
  return { ok: true, codeId: row.id, targetEmail: row.target_email };
}

export async function verifyMfaCode(deps: AppDeps, session: SessionRecord, input: string, meta: RequestMeta): Promise<CodeCheck> {
  const personId = session.personId!;
  if (await emailCodesOff(deps.db, personId)) return { ok: false, reason: "disabled" };
  const result = await checkCode(deps, { sessionId: session.id, personId }, "mfa", input);
  if (!result.ok) return result;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Single use: only the first of two concurrent submissions consumes the code and moves
    // the sign-in on; a second (a double click) finds the work done.
    const consumed = await trx.updateTable("one_time_codes").set({ consumed_at: now }).where("id", "=", result.codeId!).where("consumed_at", "is", null).executeTakeFirst();
    if (Number(consumed.numUpdatedRows) !== 1) return;
    await trx.updateTable("people").set({ email_verified_at: now }).where("id", "=", personId).where("email_verified_at", "is", null).execute();
    await setStage(trx, session.id, "terms");
    await recordAudit(trx, deps.clock, { actor: { type: "trader", id: personId }, action: "mfa.verified", subject: { type: "person", id: personId }, requestId: meta.requestId });
  });
  return { ok: true };
}

/** Accepting the portal's terms completes the sign-in: the session gets a new token. */
export async function acceptPortalTerms(deps: AppDeps, session: SessionRecord, meta: RequestMeta): Promise<string> {
  const personId = session.personId!;
  return deps.db.transaction().execute(async (trx) => {
    const token = await authenticateSession(trx, deps.clock, session.id);
    await trx.updateTable("people").set({ last_sign_in_at: deps.clock.now() }).where("id", "=", personId).execute();
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: personId },
      action: "sign-in.completed",
      subject: { type: "person", id: personId },
      after: { session: session.id, termsAccepted: true },
      requestId: meta.requestId,
    });
    return token;
  });
}

export async function signOut(deps: AppDeps, session: SessionRecord, meta: RequestMeta): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await endSession(trx, deps.clock, session.id, "signed-out");
    await recordAudit(trx, deps.clock, {
      actor: { type: session.personId ? "trader" : "anonymous", id: session.personId },
      action: "sign-out",
      subject: { type: "session", id: session.id },
      requestId: meta.requestId,
    });
  });
}

export async function endOthers(deps: AppDeps, session: SessionRecord & { personId: string }, meta: RequestMeta): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const n = await endOtherSessions(trx, deps.clock, session.personId, session.id, "ended-by-person");
    await recordAudit(trx, deps.clock, { actor: { type: "trader", id: session.personId }, action: "sessions.ended-others", subject: { type: "person", id: session.personId }, after: { ended: n }, requestId: meta.requestId });
    return n;
  });
}

/** For the code page: the address the code went to, partly hidden. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${shown}${"•".repeat(Math.max(1, Math.min(6, local.length - shown.length)))}@${domain}`;
}
