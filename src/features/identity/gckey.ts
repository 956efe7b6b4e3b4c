// GCKey (SPEC section 1; recovery ID-2): sign-up and sign-in by username and password, the password change,
// and recovery by a code to the recovery email or by the recovery answers. Passwords and
// answers are kept as argon2id hashes. Every change is one transaction with its audit event
// and any mail it causes.
import { randomBytes } from "node:crypto";
import argon2 from "argon2";
import type { AppDeps } from "../../web/context.ts";
import { recordAudit } from "../../platform/audit.ts";
import { queueMail } from "../../platform/mail/outbox.ts";
import { enqueueJob } from "../../platform/jobs/queue.ts";
import { clearFailures, reserveAttempt, settleSuccess, type ThrottleKey, type ThrottlePolicy } from "../../platform/throttle.ts";
import { endCredentialSessions, endOtherSessions, type SessionRecord } from "../../platform/sessions.ts";
import { checkPassword, checkUsername, normalizePassword, normalizeUsername, type PasswordRule } from "../../domain/password-policy.ts";
import type { Locale } from "../../domain/locale.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { urnExpiredAtSignIn } from "../expiry/service.ts";
import { beginSignIn, type SignInStarted } from "./service.ts";
import { CODE_MAX_TRIES, RESEND_INTERVAL_MS, codeMatches, issueCode } from "./codes.ts";
import { passwordChangedEmail, passwordResetEmail } from "./emails.ts";

/** After this many consecutive wrong passwords only recovery reopens the account (SEC-3). */
export const RECOVERY_AFTER_FAILURES = 100;

export const RECOVERY_QUESTIONS = ["school", "street", "book"] as const;
export type RecoveryQuestion = (typeof RECOVERY_QUESTIONS)[number];

/** Growing delays: per username, per client address. */
export const PASSWORD_USER_POLICY: ThrottlePolicy = { freeFailures: 3, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 };
export const PASSWORD_ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 };
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

// ---------------------------------------------------------------------------------------
// Sign-up, sign-in and the password change
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
