// Staff sign-in (SPEC STAFF-1): username and password (argon2id, the GCKey policy), then a
// TOTP code from an authenticator app (RFC 6238: SHA-1, 6 digits, 30 s, ±1 step, each step
// once) or a passkey, then — the first time and after a reset — a password of the person's
// own; and signing out. Every change is one transaction with its audit event.
import { randomBytes } from "node:crypto";
import argon2 from "argon2";
import { sql } from "kysely";
import { unseal } from "../../platform/app-key.ts";
import { matchTotpStep } from "../../platform/totp.ts";
import { recordAudit } from "../../platform/audit.ts";
import { cancelReservation, reserveAttempt, settleSuccess, type ThrottlePolicy } from "../../platform/throttle.ts";
import { authenticationOptions, verifyAuthentication } from "../../platform/webauthn.ts";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { normalizePassword } from "../../domain/password-policy.ts";
import { hashPassword, validateNewPassword, type GckeySignUpError } from "../identity/gckey.ts";
import { staffDb, type StaffRequestMeta as RequestMeta, type StaffTx } from "./schema.ts";
import { authenticateStaffSession, createStaffSession, endStaffSession, endStaffUserSessions, setStaffStage, type StaffSession } from "./sessions.ts";
import { ownerOfStaff, staffRp, type StaffPasskeyDeps } from "./passkeys.ts";
import { normalizeStaffUsername, STAFF_LOCK_AFTER_FAILURES, type StaffDeps } from "./service.ts";

/** Growing delays (SEC-3): per username typed, per client address, per account for TOTP codes. */
export const STAFF_PASSWORD_USER_POLICY: ThrottlePolicy = { freeFailures: 3, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 };
export const STAFF_PASSWORD_ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 };
export const STAFF_TOTP_POLICY: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 5_000, maxDelayMs: 30 * 60_000 };

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the username is unknown, so both cases take as long. */
function timingDummy(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}

/** Where a half-finished sign-in stands: the first TOTP confirms the authenticator. */
export async function signInState(deps: StaffDeps, staffUserId: string): Promise<{ totpConfirmed: boolean; mustChangePassword: boolean }> {
  const row = await staffDb(deps.db).selectFrom("staff_users").select(["totp_confirmed_at", "must_change_password"]).where("id", "=", staffUserId).executeTakeFirstOrThrow();
  return { totpConfirmed: row.totp_confirmed_at !== null, mustChangePassword: row.must_change_password };
}

export type StaffSignInResult =
  | { ok: true; token: string; stage: "totp" }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/**
 * Username and password. The answer is the same whether or not the username exists (or is
 * disabled, or locked): the same message, the same delays (counted on the username typed and
 * the client address), about the same time (an unknown username is checked against a dummy hash).
 */
export async function signInStaff(deps: StaffDeps, username: string, password: string, meta: RequestMeta): Promise<StaffSignInResult> {
  const db = staffDb(deps.db);
  const normalized = normalizeStaffUsername(username);
  const userKey = `staff-pw:user:${normalized}`;
  const now = deps.clock.now();
  // Counted before the password is compared (SEC-7).
  const reserved = await reserveAttempt(
    deps.db,
    [
      { key: userKey, policy: STAFF_PASSWORD_USER_POLICY },
      { key: `staff-pw:addr:${meta.address}`, policy: STAFF_PASSWORD_ADDRESS_POLICY },
    ],
    now,
  );
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };

  const user = await db
    .selectFrom("staff_users")
    .select(["id", "password_hash", "disabled_at", "consecutive_failures"])
    .where("username_normalized", "=", normalized)
    .executeTakeFirst();
  const hash = user?.password_hash ?? (await timingDummy());
  const matches = await argon2.verify(hash, normalizePassword(password)).catch(() => false);

  if (!user || !matches || user.disabled_at !== null || user.consecutive_failures >= STAFF_LOCK_AFTER_FAILURES) {
    // The same statements whether or not the username exists: an unknown one updates no row.
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("staff_users")
        .set((eb) => ({ consecutive_failures: eb("consecutive_failures", "+", 1) }))
        .where("id", "=", user?.id ?? "0")
        .returning("consecutive_failures")
        .executeTakeFirst();
      await recordAudit(trx, deps.clock, {
        actor: { type: "anonymous" },
        action: "staff.sign-in-failed",
        subject: user ? { type: "staff-user", id: user.id } : { type: "unknown-username" },
        after: { consecutiveFailures: row?.consecutive_failures ?? null, disabled: user ? user.disabled_at !== null : null },
        requestId: meta.requestId,
      });
    });
    return { ok: false, reason: "invalid" };
  }

  await settleSuccess(deps.db, reserved.reservation, [userKey]);
  const started = await db.transaction().execute(async (trx) => {
    await trx.updateTable("staff_users").set({ consecutive_failures: 0 }).where("id", "=", user.id).execute();
    const session = await createStaffSession(trx, deps.clock, { staffUserId: user.id, stage: "totp", userAgent: meta.userAgent });
    await recordAudit(trx, deps.clock, {
      actor: { type: "staff", id: user.id },
      action: "staff.sign-in.password-accepted",
      subject: { type: "staff-user", id: user.id },
      after: { session: session.id, stage: "totp" },
      requestId: meta.requestId,
    });
    return session;
  });
  return { ok: true, token: started.token, stage: "totp" };
}

export type TotpResult =
  | { ok: true; stage: "change-password" }
  | { ok: true; stage: "authenticated"; token: string }
  | { ok: false; reason: "format" | "wrong" | "reused" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/** The second factor: a code of the person's authenticator, within ±1 step, each step once. */
export async function verifyStaffTotp(deps: StaffDeps, session: StaffSession, input: string, meta: RequestMeta): Promise<TotpResult> {
  const code = input.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "format" };
  const db = staffDb(deps.db);
  const userId = session.staff.id;
  const key = `staff-totp:user:${userId}`;
  const now = deps.clock.now();
  // Counted before the code is compared (SEC-7).
  const reserved = await reserveAttempt(deps.db, [{ key, policy: STAFF_TOTP_POLICY }], now);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };

  const user = await db.selectFrom("staff_users").select(["totp_secret", "last_totp_step", "must_change_password"]).where("id", "=", userId).executeTakeFirstOrThrow();
  const step = matchTotpStep(unseal(user.totp_secret), code, now);
  const lastStep = user.last_totp_step === null ? null : Number(user.last_totp_step);
  const failure = step === null ? "wrong" : lastStep !== null && step <= lastStep ? "reused" : null;

  const result = await db.transaction().execute(async (trx): Promise<TotpResult> => {
    if (failure === null && step !== null) {
      // Each step once, even for two submissions at the same moment: the row moves forward only once.
      const claimed = await trx
        .updateTable("staff_users")
        .set({ last_totp_step: step, totp_confirmed_at: sql<Date>`coalesce(totp_confirmed_at, ${now}::timestamptz)` })
        .where("id", "=", userId)
        .where((eb) => eb.or([eb("last_totp_step", "is", null), eb("last_totp_step", "<", String(step))]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 1) return secondFactorPassed(trx, deps, session, user.must_change_password, { method: "totp" }, meta);
    }
    await recordAudit(trx, deps.clock, {
      actor: { type: "staff", id: userId },
      action: "staff.sign-in.totp-refused",
      subject: { type: "staff-user", id: userId },
      after: { session: session.id, reason: failure ?? "reused" },
      requestId: meta.requestId,
    });
    return { ok: false, reason: failure ?? "reused" };
  });
  if (result.ok) await settleSuccess(deps.db, reserved.reservation, [key]);
  return result;
}

/**
 * The second factor was right (a TOTP code, or a passkey): the sign-in moves on to a password of
 * the person's own (first time, after a reset), or completes with a new token.
 */
async function secondFactorPassed(
  trx: StaffTx,
  deps: StaffDeps,
  session: StaffSession,
  mustChangePassword: boolean,
  factor: { method: "totp" } | { method: "passkey"; passkey: string },
  meta: RequestMeta,
): Promise<Extract<TotpResult, { ok: true }>> {
  const userId = session.staff.id;
  const now = deps.clock.now();
  const actor = { type: "staff" as const, id: userId };
  const subject = { type: "staff-user", id: userId };
  if (factor.method === "passkey") await recordAudit(trx, deps.clock, { actor, action: "staff.sign-in.passkey-verified", subject, after: { session: session.id, passkey: factor.passkey }, requestId: meta.requestId });
  if (mustChangePassword) {
    await setStaffStage(trx, session.id, "change-password");
    if (factor.method === "totp") await recordAudit(trx, deps.clock, { actor, action: "staff.sign-in.totp-verified", subject, after: { session: session.id, stage: "change-password" }, requestId: meta.requestId });
    return { ok: true, stage: "change-password" };
  }
  const token = await authenticateStaffSession(trx, deps.clock, session.id);
  await trx.updateTable("staff_users").set({ last_sign_in_at: now }).where("id", "=", userId).execute();
  await recordAudit(trx, deps.clock, { actor, action: "staff.sign-in.completed", subject, after: { session: session.id, method: factor.method }, requestId: meta.requestId });
  return { ok: true, stage: "authenticated", token };
}

/** The passkey ceremony the code step offers first (its challenge kept for this staff session); null without passkeys. */
export async function staffSignInPasskeyOptions(deps: StaffPasskeyDeps, session: StaffSession): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  return authenticationOptions(deps.db, deps.clock, staffRp(deps), { kind: "staff", id: session.id }, ownerOfStaff(session.staff.id));
}

export type StaffPasskeyResult =
  | Extract<TotpResult, { ok: true }>
  /** missing: no answer was sent; expired: no passkey request for this session (expired, used, never made). */
  | { ok: false; reason: "missing" | "expired" }
  /** invalid: the answer does not verify (another challenge or origin, a replay); unknown: not one of this staff member's passkeys; counter: its counter went back. */
  | { ok: false; reason: "invalid" | "unknown" | "counter" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/**
 * The second factor by passkey, in place of the TOTP code: the browser's assertion for the
 * challenge this staff session was given, by one of the staff member's own passkeys, its counter
 * moving forward. Each try is counted on the same growing delays as the codes (SEC-3, SEC-7).
 */
export async function verifyStaffPasskey(deps: StaffPasskeyDeps, session: StaffSession, responseText: string, meta: RequestMeta): Promise<StaffPasskeyResult> {
  if (!responseText) return { ok: false, reason: "missing" };
  const userId = session.staff.id;
  const key = `staff-totp:user:${userId}`;
  const reserved = await reserveAttempt(deps.db, [{ key, policy: STAFF_TOTP_POLICY }], deps.clock.now());
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };
  const checked = await verifyAuthentication(deps.db, deps.clock, staffRp(deps), { kind: "staff", id: session.id }, ownerOfStaff(userId), responseText);
  const db = staffDb(deps.db);
  if (!checked.ok) {
    // No challenge for this session: nothing was compared, the try is given back.
    if (checked.reason === "expired") await cancelReservation(deps.db, reserved.reservation);
    await db.transaction().execute((trx) =>
      recordAudit(trx, deps.clock, {
        actor: { type: "staff", id: userId },
        action: "staff.sign-in.passkey-refused",
        subject: { type: "staff-user", id: userId },
        after: { session: session.id, reason: checked.reason, ...("detail" in checked && checked.detail ? { detail: checked.detail } : {}) },
        requestId: meta.requestId,
      }),
    );
    return { ok: false, reason: checked.reason === "replayed" ? "invalid" : checked.reason };
  }
  const user = await db.selectFrom("staff_users").select(["must_change_password"]).where("id", "=", userId).executeTakeFirstOrThrow();
  const result = await db.transaction().execute((trx) => secondFactorPassed(trx, deps, session, user.must_change_password, { method: "passkey", passkey: checked.passkeyId }, meta));
  await settleSuccess(deps.db, reserved.reservation, [key]);
  return result;
}

export type ChangePasswordResult = { ok: true; token: string } | { ok: false; errors: (GckeySignUpError | { field: "password"; problem: "same" })[] };

/** The first sign-in's (or a reset's) own password, under the GCKey policy, not containing the username. */
export async function changeInitialPassword(deps: StaffDeps, session: StaffSession, password: string, confirm: string, meta: RequestMeta): Promise<ChangePasswordResult> {
  const db = staffDb(deps.db);
  const userId = session.staff.id;
  const user = await db.selectFrom("staff_users").select(["username", "password_hash"]).where("id", "=", userId).executeTakeFirstOrThrow();
  const errors: (GckeySignUpError | { field: "password"; problem: "same" })[] = validateNewPassword(password, confirm, user.username);
  if (errors.length === 0 && (await argon2.verify(user.password_hash, normalizePassword(password)).catch(() => false))) errors.push({ field: "password", problem: "same" });
  if (errors.length > 0) return { ok: false, errors };
  const hash = await hashPassword(password);
  const token = await db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    await trx.updateTable("staff_users").set({ password_hash: hash, password_changed_at: now, must_change_password: false, last_sign_in_at: now }).where("id", "=", userId).execute();
    const ended = await endStaffUserSessions(trx, deps.clock, userId, "password-changed", session.id);
    const token = await authenticateStaffSession(trx, deps.clock, session.id);
    await recordAudit(trx, deps.clock, { actor: { type: "staff", id: userId }, action: "staff.password-changed", subject: { type: "staff-user", id: userId }, after: { otherSessionsEnded: ended }, requestId: meta.requestId });
    await recordAudit(trx, deps.clock, { actor: { type: "staff", id: userId }, action: "staff.sign-in.completed", subject: { type: "staff-user", id: userId }, after: { session: session.id }, requestId: meta.requestId });
    return token;
  });
  return { ok: true, token };
}

export async function signOutStaff(deps: StaffDeps, session: StaffSession, meta: RequestMeta): Promise<void> {
  await staffDb(deps.db)
    .transaction()
    .execute(async (trx) => {
      await endStaffSession(trx, deps.clock, session.id, "signed-out");
      await recordAudit(trx, deps.clock, { actor: { type: "staff", id: session.staff.id }, action: "staff.sign-out", subject: { type: "staff-session", id: session.id }, requestId: meta.requestId });
    });
}
