// Trader identity (SPEC section 1): GCKey and Sign-In Partner credentials, the portal user
// profile and its URN, the email one-time code, terms at every sign-in, sessions.
// Every change is one transaction with its audit event and any mail it causes.
import { createHash, randomBytes, randomInt } from "node:crypto";
import { keyedHash, keyedHashMatches } from "../../platform/app-key.ts";
import argon2 from "argon2";
import type { AppDeps } from "../../web/context.ts";
import type { Tx } from "../../platform/db/index.ts";
import type { SessionStage } from "../../platform/db/schema.ts";
import { recordAudit } from "../../platform/audit.ts";
import { queueMail } from "../../platform/mail/outbox.ts";
import { enqueueJob } from "../../platform/jobs/queue.ts";
import { cancelReservation, clearFailures, reserveAttempt, settleSuccess, type ThrottleKey, type ThrottlePolicy } from "../../platform/throttle.ts";
import {
  authenticateSession,
  createSession,
  endCredentialSessions,
  endOtherSessions,
  endSession,
  hashToken,
  setStage,
  type SessionRecord,
} from "../../platform/sessions.ts";
import { checkPassword, checkUsername, normalizePassword, normalizeUsername, type PasswordRule } from "../../domain/password-policy.ts";
import { formatUrn, generateUrn } from "../../domain/urn.ts";
import type { Locale } from "../../domain/locale.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { refreshSearchTerms, urnExpiredAtSignIn } from "../expiry/service.ts";
import { keepEndSessionHint } from "./partner.ts";
import { emailCodesOff, hasStrongFactor } from "./factor-state.ts";
import { emailChangeEmail, mfaCodeEmail, passwordChangedEmail, passwordResetEmail, urnConfirmationEmail } from "./emails.ts";

export const CODE_TTL_MS = 10 * 60 * 1000;
export const CODE_MAX_TRIES = 5;
export const RESEND_INTERVAL_MS = 60 * 1000;
export const MAX_CODES_PER_SIGN_IN = 5;
/** After this many consecutive wrong passwords only recovery reopens the account (SEC-3). */
export const RECOVERY_AFTER_FAILURES = 100;

export const RECOVERY_QUESTIONS = ["school", "street", "book"] as const;
export type RecoveryQuestion = (typeof RECOVERY_QUESTIONS)[number];

/** Growing delays: per username, per client address, per person for codes. */
export const PASSWORD_USER_POLICY: ThrottlePolicy = { freeFailures: 3, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 };
export const PASSWORD_ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 };
export const CODE_PERSON_POLICY: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 5_000, maxDelayMs: 30 * 60_000 };
export const RECOVERY_POLICY: ThrottlePolicy = { freeFailures: 3, baseDelayMs: 5_000, maxDelayMs: 60 * 60_000 };
/** Requests for a reset code: a few are free, then growing delays. */
export const RECOVERY_REQUEST_POLICY: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 60_000, maxDelayMs: 60 * 60_000 };

const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the username is unknown, so both cases take as long. */
function timingDummy(): Promise<string> {
  dummyHash ??= argon2.hash(randomBytes(16).toString("hex"), ARGON2_OPTIONS);
  return dummyHash;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(normalizePassword(password), ARGON2_OPTIONS);
}

function normalizeAnswer(answer: string): string {
  return answer.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
}

/** A one-time code's digest before the key (and the form migration 0012 found and keyed). */
export function unkeyedCodeDigest(code: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${code}`).digest("base64url");
}

/** `salt:HMAC(APP_KEY, sha256(salt:code))` (SEC-8): a stolen table cannot be tried offline. */
function hashCode(code: string, salt: string): string {
  return `${salt}:${keyedHash("code", unkeyedCodeDigest(code, salt))}`;
}

function codeMatches(stored: string, code: string): boolean {
  const [salt = "", hash = ""] = stored.split(":");
  return keyedHashMatches("code", unkeyedCodeDigest(code, salt), hash);
}

function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export type { RequestMeta } from "../../web/request-meta.ts";

/** What the caller sees after a credential has been accepted: a session and where it goes next. */
export interface SignInStarted {
  token: string;
  stage: SessionStage;
}

// ---------------------------------------------------------------------------------------
// Starting a sign-in, whichever the credential
// ---------------------------------------------------------------------------------------

async function issueCode(
  trx: Tx,
  deps: Pick<AppDeps, "clock">,
  values: { purpose: "mfa" | "email-change" | "password-reset"; sessionId?: string; credentialId?: string; personId?: string; targetEmail?: string },
): Promise<string> {
  const now = deps.clock.now();
  // A new code voids the earlier ones of the same purpose and owner.
  let voids = trx.updateTable("one_time_codes").set({ voided_at: now }).where("purpose", "=", values.purpose).where("consumed_at", "is", null).where("voided_at", "is", null);
  if (values.sessionId) voids = voids.where("session_id", "=", values.sessionId);
  else if (values.credentialId) voids = voids.where("credential_id", "=", values.credentialId);
  else if (values.personId) voids = voids.where("person_id", "=", values.personId);
  await voids.execute();
  const code = newCode();
  await trx
    .insertInto("one_time_codes")
    .values({
      purpose: values.purpose,
      session_id: values.sessionId ?? null,
      credential_id: values.credentialId ?? null,
      person_id: values.personId ?? null,
      target_email: values.targetEmail ?? null,
      code_hash: hashCode(code, randomBytes(12).toString("base64url")),
      created_at: now,
      expires_at: new Date(now.getTime() + CODE_TTL_MS),
    })
    .execute();
  return code;
}

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
async function beginSignIn(trx: Tx, deps: AppDeps, credential: { id: string; person_id: string | null }, meta: RequestMeta): Promise<SignInStarted> {
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
// GCKey
// ---------------------------------------------------------------------------------------

export interface GckeySignUpInput {
  username: string;
  password: string;
  confirmPassword: string;
  answers: Record<RecoveryQuestion, string>;
  recoveryEmail: string | null;
  /** The page checked the recovery email's format; an invalid one stops the sign-up. */
  recoveryEmailValid: boolean;
}

export type GckeySignUpError =
  | { field: "recoveryEmail"; problem: "invalid" }
  | { field: "username"; problem: "invalid" | "taken" }
  | { field: "password"; problem: "rules"; failures: PasswordRule[]; forbidden: string[] }
  | { field: "confirmPassword"; problem: "mismatch" }
  | { field: `answer-${RecoveryQuestion}`; problem: "required" };

export function validateNewPassword(password: string, confirm: string, username: string): GckeySignUpError[] {
  const errors: GckeySignUpError[] = [];
  const check = checkPassword(password, username);
  if (!check.ok) errors.push({ field: "password", problem: "rules", failures: check.failures, forbidden: check.forbidden });
  else if (normalizePassword(password) !== normalizePassword(confirm)) errors.push({ field: "confirmPassword", problem: "mismatch" });
  return errors;
}

export async function signUpGckey(deps: AppDeps, input: GckeySignUpInput, meta: RequestMeta): Promise<{ ok: true; started: SignInStarted } | { ok: false; errors: GckeySignUpError[] }> {
  const errors: GckeySignUpError[] = [];
  if (checkUsername(input.username) !== "ok") errors.push({ field: "username", problem: "invalid" });
  errors.push(...validateNewPassword(input.password, input.confirmPassword, input.username));
  for (const q of RECOVERY_QUESTIONS) if (normalizeAnswer(input.answers[q]).length < 3) errors.push({ field: `answer-${q}`, problem: "required" });
  if (!input.recoveryEmailValid) errors.push({ field: "recoveryEmail", problem: "invalid" });
  const normalized = normalizeUsername(input.username);
  // Cheap checks before the (deliberately slow) hashing.
  if (errors.length === 0 && (await deps.db.selectFrom("credentials").select("id").where("kind", "=", "gckey").where("username_normalized", "=", normalized).executeTakeFirst())) {
    errors.push({ field: "username", problem: "taken" });
  }
  if (errors.length > 0) return { ok: false, errors };

  const passwordHash = await hashPassword(input.password);
  const answerHashes = await Promise.all(RECOVERY_QUESTIONS.map((q) => argon2.hash(normalizeAnswer(input.answers[q]), ARGON2_OPTIONS)));

  return deps.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("credentials").select("id").where("kind", "=", "gckey").where("username_normalized", "=", normalized).executeTakeFirst();
    if (taken) return { ok: false as const, errors: [{ field: "username" as const, problem: "taken" as const }] };
    const now = deps.clock.now();
    const credential = await trx
      .insertInto("credentials")
      .values({
        kind: "gckey",
        username: input.username.trim(),
        username_normalized: normalized,
        password_hash: passwordHash,
        password_changed_at: now,
        recovery_email: input.recoveryEmail,
        created_at: now,
      })
      .returning(["id", "person_id"])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("recovery_answers")
      .values(RECOVERY_QUESTIONS.map((q, i) => ({ credential_id: credential.id, question: q, answer_hash: answerHashes[i]! })))
      .execute();
    await recordAudit(trx, deps.clock, {
      actor: { type: "anonymous" },
      action: "gckey.created",
      subject: { type: "credential", id: credential.id },
      after: { username: normalized, recoveryEmail: input.recoveryEmail !== null },
      requestId: meta.requestId,
    });
    return { ok: true as const, started: await beginSignIn(trx, deps, credential, meta) };
  });
}

export type GckeySignInResult =
  | { ok: true; started: SignInStarted }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date }
  /** EXP-1: the credential is right, but the person's URN has expired: no session. */
  | { ok: false; reason: "urn-expired" };

/**
 * Username + password. The answer is the same whether or not the username exists: the
 * same message, the same delays (counted on the username typed), the same work — one
 * argon2 verification and the same writes (an unknown username is checked against a dummy
 * hash, and its failure is audited too, under a keyed hash of what was typed).
 * The try is counted before the password is compared (SEC-7).
 */
export async function signInGckey(deps: AppDeps, username: string, password: string, meta: RequestMeta): Promise<GckeySignInResult> {
  const normalized = normalizeUsername(username);
  const userKey = `pw:user:${normalized}`;
  const keys: ThrottleKey[] = [
    { key: userKey, policy: PASSWORD_USER_POLICY },
    { key: `pw:addr:${meta.address}`, policy: PASSWORD_ADDRESS_POLICY },
  ];
  const now = deps.clock.now();
  const reserved = await reserveAttempt(deps.db, keys, now);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };

  const credential = await deps.db
    .selectFrom("credentials")
    .select(["id", "person_id", "password_hash", "recovery_required"])
    .where("kind", "=", "gckey")
    .where("username_normalized", "=", normalized)
    .executeTakeFirst();
  const hash = credential?.password_hash ?? (await timingDummy());
  const normalizedPassword = normalizePassword(password);
  const matches = await argon2.verify(hash, normalizedPassword).catch(() => false);

  if (!credential || !matches || credential.recovery_required) {
    await deps.db.transaction().execute(async (trx) => {
      // The same statements whether or not the username exists: an unknown one updates no row.
      const row = await trx
        .updateTable("credentials")
        .set((eb) => ({ consecutive_failures: eb("consecutive_failures", "+", 1) }))
        .where("id", "=", credential?.id ?? "0")
        .returning("consecutive_failures")
        .executeTakeFirst();
      if (credential && row && row.consecutive_failures >= RECOVERY_AFTER_FAILURES && !credential.recovery_required) {
        await trx.updateTable("credentials").set({ recovery_required: true }).where("id", "=", credential.id).execute();
      }
      await recordAudit(trx, deps.clock, {
        actor: { type: "anonymous" },
        action: "gckey.sign-in-failed",
        subject: credential ? { type: "credential", id: credential.id } : { type: "unknown-username" },
        after: { consecutiveFailures: row?.consecutive_failures ?? null },
        requestId: meta.requestId,
      });
    });
    return { ok: false, reason: "invalid" };
  }

  const rehash = argon2.needsRehash(credential.password_hash!, ARGON2_OPTIONS) ? await argon2.hash(normalizedPassword, ARGON2_OPTIONS) : null;
  await settleSuccess(deps.db, reserved.reservation, [userKey]);
  const started = await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("credentials")
      .set({ consecutive_failures: 0, ...(rehash ? { password_hash: rehash } : {}) })
      .where("id", "=", credential.id)
      .execute();
    if (credential.person_id && (await urnExpiredAtSignIn(trx, deps.clock, credential.person_id, meta.requestId))) return null;
    return beginSignIn(trx, deps, credential, meta);
  });
  return started ? { ok: true, started } : { ok: false, reason: "urn-expired" };
}

export async function changePassword(
  deps: AppDeps,
  session: SessionRecord & { personId: string },
  current: string,
  next: string,
  confirm: string,
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; errors: (GckeySignUpError | { field: "currentPassword"; problem: "wrong" | "throttled" })[] }> {
  const credential = await deps.db.selectFrom("credentials").select(["id", "kind", "username", "password_hash"]).where("id", "=", session.credentialId).executeTakeFirstOrThrow();
  if (credential.kind !== "gckey" || !credential.password_hash) throw new Error("not a GCKey credential");
  const errors: (GckeySignUpError | { field: "currentPassword"; problem: "wrong" | "throttled" })[] = [];
  // Wrong current passwords count like wrong sign-in passwords: a borrowed session cannot guess freely.
  const reserved = await reserveAttempt(deps.db, [{ key: `pw:change:${credential.id}`, policy: PASSWORD_USER_POLICY }], deps.clock.now());
  if (!reserved.ok) return { ok: false, errors: [{ field: "currentPassword", problem: "throttled" }] };
  if (await argon2.verify(credential.password_hash, normalizePassword(current)).catch(() => false)) {
    await settleSuccess(deps.db, reserved.reservation, [`pw:change:${credential.id}`]);
  } else {
    errors.push({ field: "currentPassword", problem: "wrong" });
  }
  errors.push(...validateNewPassword(next, confirm, credential.username ?? ""));
  if (errors.length > 0) return { ok: false, errors };
  const hash = await hashPassword(next);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable("credentials").set({ password_hash: hash, password_changed_at: deps.clock.now() }).where("id", "=", credential.id).execute();
    await endOtherSessions(trx, deps.clock, session.personId, session.id, "password-changed");
    const person = await trx.selectFrom("people").select(["email", "preferred_locale"]).where("id", "=", session.personId).executeTakeFirstOrThrow();
    await queueMail(trx, deps.clock, passwordChangedEmail, { address: person.email, locale: person.preferred_locale }, {});
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: session.personId },
      action: "gckey.password-changed",
      subject: { type: "credential", id: credential.id },
      requestId: meta.requestId,
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------
// GCKey recovery: a code to the recovery email, or the recovery answers (ID-2)
// ---------------------------------------------------------------------------------------

/** The job that looks up a recovery request's username and sends its reset code. */
export const RECOVERY_REQUEST_JOB = "identity.recovery-request";

interface RecoveryRequest {
  username: string;
  locale: Locale;
  requestId: string | null;
}

/**
 * A request for a reset code. The answer says nothing of the username, and neither does the
 * work behind it (SEC-8): every request is counted, then queued as one job, known username or
 * not; the job (sendRecoveryCode) looks the username up and sends the code when it has a
 * recovery email.
 */
export async function startRecovery(deps: AppDeps, username: string, meta: RequestMeta): Promise<{ throttledUntil: Date | null }> {
  const normalized = normalizeUsername(username);
  const now = deps.clock.now();
  // Each request counts, known username or not, and is counted before anything else: nobody
  // can flood a recovery inbox, even with parallel requests.
  const reserved = await reserveAttempt(
    deps.db,
    [
      { key: `recovery-request:user:${normalized}`, policy: RECOVERY_REQUEST_POLICY },
      { key: `recovery-request:addr:${meta.address}`, policy: RECOVERY_REQUEST_POLICY },
    ],
    now,
  );
  if (!reserved.ok) return { throttledUntil: reserved.retryAt };
  const request: RecoveryRequest = { username: normalized, locale: meta.locale, requestId: meta.requestId };
  await deps.db.transaction().execute((trx) => enqueueJob(trx, deps.clock, RECOVERY_REQUEST_JOB, { ...request }));
  return { throttledUntil: null };
}

/** The recovery job: a code to the recovery email, at most one a minute per credential. */
export async function sendRecoveryCode(deps: Pick<AppDeps, "db" | "clock">, payload: unknown): Promise<void> {
  const request = payload as RecoveryRequest;
  await deps.db.transaction().execute(async (trx) => {
    const credential = await trx
      .selectFrom("credentials")
      .leftJoin("people", "people.id", "credentials.person_id")
      .select(["credentials.id", "credentials.recovery_email", "people.preferred_locale"])
      .where("credentials.kind", "=", "gckey")
      .where("credentials.username_normalized", "=", request.username)
      .forUpdate("credentials")
      .executeTakeFirst();
    if (!credential?.recovery_email) return;
    const now = deps.clock.now();
    const recent = await trx
      .selectFrom("one_time_codes")
      .select("created_at")
      .where("purpose", "=", "password-reset")
      .where("credential_id", "=", credential.id)
      .where("created_at", ">", new Date(now.getTime() - RESEND_INTERVAL_MS))
      .executeTakeFirst();
    if (recent) return;
    const code = await issueCode(trx, deps, { purpose: "password-reset", credentialId: credential.id, targetEmail: credential.recovery_email });
    await queueMail(trx, deps.clock, passwordResetEmail, { address: credential.recovery_email, locale: credential.preferred_locale ?? request.locale }, { code });
    await recordAudit(trx, deps.clock, { actor: { type: "anonymous" }, action: "gckey.recovery-code-sent", subject: { type: "credential", id: credential.id }, requestId: request.requestId });
  });
}

class CodeAlreadyUsed extends Error {}

export type RecoveryResult =
  | { ok: true }
  | { ok: false; reason: "rules"; errors: GckeySignUpError[] }
  | { ok: false; reason: "needsProof" }
  | { ok: false; reason: "failed" }
  | { ok: false; reason: "throttled"; retryAt: Date };

export async function completeRecovery(
  deps: AppDeps,
  input: { username: string; code: string; answers: Record<RecoveryQuestion, string>; password: string; confirmPassword: string },
  meta: RequestMeta,
): Promise<RecoveryResult> {
  const normalized = normalizeUsername(input.username);
  const userKey = `recovery:user:${normalized}`;
  const code = input.code.replace(/\s+/g, "");
  const answered = RECOVERY_QUESTIONS.every((q) => normalizeAnswer(input.answers[q]).length > 0);
  if (!/^\d{6}$/.test(code) && !answered) return { ok: false, reason: "needsProof" };
  const errors = validateNewPassword(input.password, input.confirmPassword, input.username);
  if (errors.length > 0) return { ok: false, reason: "rules", errors };

  // Counted before anything is compared (SEC-7).
  const now = deps.clock.now();
  const reserved = await reserveAttempt(
    deps.db,
    [
      { key: userKey, policy: RECOVERY_POLICY },
      { key: `recovery:addr:${meta.address}`, policy: PASSWORD_ADDRESS_POLICY },
    ],
    now,
  );
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };

  // The same work whether or not the username exists (SEC-8): the same queries (an unknown
  // username's match no row) and, when answers were given, three argon2 verifications.
  const credential = await deps.db
    .selectFrom("credentials")
    .select(["id", "person_id"])
    .where("kind", "=", "gckey")
    .where("username_normalized", "=", normalized)
    .executeTakeFirst();
  const credentialId = credential?.id ?? "0";

  let proven = false;
  let codeId: string | null = null;
  if (/^\d{6}$/.test(code)) {
    const row = await deps.db
      .selectFrom("one_time_codes")
      .select(["id", "code_hash", "expires_at", "failed_attempts"])
      .where("purpose", "=", "password-reset")
      .where("credential_id", "=", credentialId)
      .where("consumed_at", "is", null)
      .where("voided_at", "is", null)
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    // The code's own 5 tries, reserved before comparing.
    const tried =
      row && new Date(row.expires_at) > now
        ? await deps.db
            .updateTable("one_time_codes")
            .set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1) }))
            .where("id", "=", row.id)
            .where("failed_attempts", "<", CODE_MAX_TRIES)
            .where("consumed_at", "is", null)
            .returning("id")
            .executeTakeFirst()
        : undefined;
    if (row && tried && codeMatches(row.code_hash, code)) {
      proven = true;
      codeId = row.id;
    }
  }
  if (!proven && answered) {
    const stored = await deps.db.selectFrom("recovery_answers").select(["question", "answer_hash"]).where("credential_id", "=", credentialId).execute();
    const dummy = await timingDummy();
    const results = await Promise.all(
      RECOVERY_QUESTIONS.map(async (q) => {
        const hash = stored.find((s) => s.question === q)?.answer_hash;
        const ok = await argon2.verify(hash ?? dummy, normalizeAnswer(input.answers[q])).catch(() => false);
        return ok && hash !== undefined;
      }),
    );
    proven = credential !== undefined && results.every(Boolean);
  }

  if (!credential || !proven) return { ok: false, reason: "failed" };

  const hash = await hashPassword(input.password);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("credentials")
        .set({ password_hash: hash, password_changed_at: now, consecutive_failures: 0, recovery_required: false })
        .where("id", "=", credential.id)
        .execute();
      if (codeId) {
        const consumed = await trx.updateTable("one_time_codes").set({ consumed_at: now }).where("id", "=", codeId).where("consumed_at", "is", null).executeTakeFirst();
        if (Number(consumed.numUpdatedRows) !== 1) throw new CodeAlreadyUsed();
      }
      await endCredentialSessions(trx, deps.clock, credential.id, "password-reset");
      if (credential.person_id) {
        const person = await trx.selectFrom("people").select(["email", "preferred_locale"]).where("id", "=", credential.person_id).executeTakeFirstOrThrow();
        await queueMail(trx, deps.clock, passwordChangedEmail, { address: person.email, locale: person.preferred_locale }, {});
      }
      await recordAudit(trx, deps.clock, {
        actor: { type: "anonymous" },
        action: "gckey.password-reset",
        subject: { type: "credential", id: credential.id },
        after: { by: codeId ? "recovery-email" : "recovery-answers" },
        requestId: meta.requestId,
      });
    });
  } catch (err) {
    if (err instanceof CodeAlreadyUsed) return { ok: false, reason: "failed" };
    throw err;
  }
  await settleSuccess(deps.db, reserved.reservation, [userKey]);
  await clearFailures(deps.db, [`pw:user:${normalized}`]);
  return { ok: true };
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
async function checkCode(
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

// ---------------------------------------------------------------------------------------
// The person's own profile
// ---------------------------------------------------------------------------------------

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

/** For the code page: the address the code went to, partly hidden. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${shown}${"•".repeat(Math.max(1, Math.min(6, local.length - shown.length)))}@${domain}`;
}
