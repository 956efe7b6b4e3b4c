// Stronger second factors for traders (SPEC ID-9): passkeys (WebAuthn, several, each named),
// one authenticator app (TOTP, a code used once, its secret sealed under APP_KEY), email codes
// turned off once a strong factor exists (then 10 single-use recovery codes, stored as keyed
// hashes), and the sign-in step that offers them before the email code (ID-5).
//
// Every change is one transaction that locks the person's row (so two removals at once cannot
// both miss that they removed the last strong factor), with its audit event and an email to
// the person. Every try at sign-in — a passkey's answer, an app's code, a recovery code — is
// counted before it is checked, on the person's growing delays (SEC-3, SEC-7).
import { randomInt } from "node:crypto";
import type { AppDeps } from "../../web/context.ts";
import type { Tx } from "../../platform/db/index.ts";
import { keyedHash, keyedHashCandidates, seal, unseal, sealedUnderCurrentKey } from "../../platform/app-key.ts";
import { recordAudit } from "../../platform/audit.ts";
import { queueMail, type MailTemplate } from "../../platform/mail/outbox.ts";
import { cancelReservation, reserveAttempt, settleSuccess, type ThrottlePolicy } from "../../platform/throttle.ts";
import { setStage, type SessionRecord } from "../../platform/sessions.ts";
import {
  authenticationOptions,
  countPasskeys,
  deletePasskey,
  insertPasskey,
  listPasskeys,
  MAX_PASSKEYS,
  registrationOptions,
  relyingParty,
  verifyAuthentication,
  verifyRegistration,
  type PasskeyView,
} from "../../platform/webauthn.ts";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { matchTotpStep, newTotpSecret, totpQrDataUrl, totpUri } from "../../platform/totp.ts";
import { messages } from "../../web/i18n/index.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { emailCodesOff, hasStrongFactor, strongFactorsOf } from "./factor-state.ts";
import type { StrongFactors } from "../../web/i18n/factors.en.ts";
import { sendMfaCode } from "./service.ts";

export { emailCodesOff, hasStrongFactor } from "./factor-state.ts";

/** Growing delays on a person's strong-factor tries at sign-in (and the app's setup code). */
export const FACTOR_PERSON_POLICY: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 5_000, maxDelayMs: 30 * 60_000 };
export const RECOVERY_CODE_COUNT = 10;
export const PASSKEY_NAME_MAX = 100;
const TOTP_ISSUER = "Trusted Trader Portal";
/** A setup page's key is kept this long for the code that confirms it (a reload shows the same key). */
const APP_SETUP_TTL_MS = 30 * 60 * 1000;
/** Crockford's base 32: no I, L, O or U. */
const RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const factorKey = (personId: string) => `factor:person:${personId}`;
const ownerOf = (personId: string) => ({ kind: "person" as const, id: personId });

// ---------------------------------------------------------------------------------------
// The email that confirms every change (ID-9)
// ---------------------------------------------------------------------------------------

export type FactorChange =
  | { kind: "passkey-added" | "passkey-removed"; name: string }
  | { kind: "email-off"; have: StrongFactors }
  | { kind: "app-added" | "app-removed" | "email-on" | "email-back-on" | "recovery-new" }
  | { kind: "recovery-used"; left: number };

export const factorChangedEmail: MailTemplate<FactorChange> = {
  name: "identity.factor-changed",
  render(locale, change) {
    const t = messages(locale);
    const e = t.factors.emails;
    const [subject, text] = ((): [string, string] => {
      switch (change.kind) {
        case "passkey-added":
          return [e.passkeyAddedSubject, e.passkeyAdded(change.name)];
        case "passkey-removed":
          return [e.passkeyRemovedSubject, e.passkeyRemoved(change.name)];
        case "app-added":
          return [e.appAddedSubject, e.appAdded];
        case "app-removed":
          return [e.appRemovedSubject, e.appRemoved];
        case "email-off":
          return [e.emailOffSubject, e.emailOff(change.have)];
        case "email-on":
          return [e.emailOnSubject, e.emailOn];
        case "email-back-on":
          return [e.emailOnSubject, e.emailBackOn];
        case "recovery-new":
          return [e.recoveryNewSubject, e.recoveryNew];
        case "recovery-used":
          return [e.recoveryUsedSubject, e.recoveryUsed(change.left)];
      }
    })();
    return { subject, paragraphs: [text, e.ifNotYou, t.emails.noReply, t.emails.signature] };
  },
};

/** Locks the person's row for the change (one factor change at a time per person); their email and language. */
async function lockPerson(trx: Tx, personId: string): Promise<{ email: string; preferred_locale: "en" | "fr"; email_codes_off_at: Date | string | null }> {
  return trx.selectFrom("people").select(["email", "preferred_locale", "email_codes_off_at"]).where("id", "=", personId).forUpdate().executeTakeFirstOrThrow();
}

async function tell(trx: Tx, deps: Pick<AppDeps, "clock">, person: { email: string; preferred_locale: "en" | "fr" }, change: FactorChange): Promise<void> {
  await queueMail(trx, deps.clock, factorChangedEmail, { address: person.email, locale: person.preferred_locale }, change);
}

async function audit(trx: Tx, deps: Pick<AppDeps, "clock">, personId: string, action: string, meta: RequestMeta, after?: Record<string, unknown>): Promise<void> {
  await recordAudit(trx, deps.clock, { actor: { type: "trader", id: personId }, action, subject: { type: "person", id: personId }, ...(after ? { after } : {}), requestId: meta.requestId });
}

/**
 * After a factor was removed: when it was the last strong one, email codes come back on and
 * the recovery codes go (they stood in for email codes). Returns whether that happened.
 */
async function afterFactorRemoved(trx: Tx, deps: Pick<AppDeps, "clock">, personId: string, person: { email: string; preferred_locale: "en" | "fr"; email_codes_off_at: unknown }, meta: RequestMeta): Promise<boolean> {
  if (person.email_codes_off_at == null || (await hasStrongFactor(trx, personId))) return false;
  await trx.updateTable("people").set({ email_codes_off_at: null }).where("id", "=", personId).execute();
  const removed = await trx.deleteFrom("recovery_codes").where("person_id", "=", personId).executeTakeFirst();
  await audit(trx, deps, personId, "mfa.email-codes-on", meta, { reason: "last-strong-factor-removed", recoveryCodesRemoved: Number(removed.numDeletedRows) });
  await tell(trx, deps, person, { kind: "email-back-on" });
  return true;
}

// ---------------------------------------------------------------------------------------
// What a person has
// ---------------------------------------------------------------------------------------

export interface FactorSummary {
  passkeys: PasskeyView[];
  app: { addedAt: Date; lastUsedAt: Date | null } | null;
  emailCodesOffAt: Date | null;
  recoveryCodesLeft: number;
}

export async function factorSummary(deps: Pick<AppDeps, "db">, personId: string): Promise<FactorSummary> {
  const [passkeys, app, person, left] = await Promise.all([
    listPasskeys(deps.db, ownerOf(personId)),
    deps.db.selectFrom("totp_authenticators").select(["confirmed_at", "last_used_at"]).where("person_id", "=", personId).where("confirmed_at", "is not", null).executeTakeFirst(),
    deps.db.selectFrom("people").select("email_codes_off_at").where("id", "=", personId).executeTakeFirstOrThrow(),
    deps.db.selectFrom("recovery_codes").select((eb) => eb.fn.countAll<string>().as("n")).where("person_id", "=", personId).where("used_at", "is", null).executeTakeFirstOrThrow(),
  ]);
  return {
    passkeys,
    app: app?.confirmed_at ? { addedAt: new Date(app.confirmed_at), lastUsedAt: app.last_used_at ? new Date(app.last_used_at) : null } : null,
    emailCodesOffAt: person.email_codes_off_at ? new Date(person.email_codes_off_at) : null,
    recoveryCodesLeft: Number(left.n),
  };
}

// ---------------------------------------------------------------------------------------
// Passkeys on the account page
// ---------------------------------------------------------------------------------------

/** The options for the "add a passkey" page, or null when the person has the most allowed. */
export async function passkeyRegistration(deps: AppDeps, session: SessionRecord & { personId: string }): Promise<PublicKeyCredentialCreationOptionsJSON | null> {
  if ((await countPasskeys(deps.db, ownerOf(session.personId))) >= MAX_PASSKEYS) return null;
  const person = await deps.db.selectFrom("people").select(["email", "given_name", "family_name"]).where("id", "=", session.personId).executeTakeFirstOrThrow();
  return registrationOptions(deps.db, deps.clock, relyingParty(deps.config.baseUrl), { kind: "trader", id: session.id }, ownerOf(session.personId), {
    name: person.email,
    displayName: `${person.given_name} ${person.family_name}`,
  });
}

export type AddPasskeyResult = { ok: true } | { ok: false; reason: "expired" | "invalid" | "duplicate" | "limit" };

/** Verifies the browser's new passkey and keeps it under `name`. */
export async function addPasskey(deps: AppDeps, session: SessionRecord & { personId: string }, name: string, responseText: string, meta: RequestMeta): Promise<AddPasskeyResult> {
  const personId = session.personId;
  const checked = await verifyRegistration(deps.db, deps.clock, relyingParty(deps.config.baseUrl), { kind: "trader", id: session.id }, responseText);
  if (!checked.ok) {
    await deps.db.transaction().execute((trx) => audit(trx, deps, personId, "mfa.passkey-refused", meta, { step: "register", reason: checked.reason, detail: checked.detail ?? null }));
    return { ok: false, reason: checked.reason };
  }
  return deps.db.transaction().execute(async (trx): Promise<AddPasskeyResult> => {
    const person = await lockPerson(trx, personId);
    if ((await countPasskeys(trx, ownerOf(personId))) >= MAX_PASSKEYS) return { ok: false, reason: "limit" };
    const row = await insertPasskey(trx, deps.clock, ownerOf(personId), checked.passkey, name);
    if (!row) return { ok: false, reason: "duplicate" };
    await audit(trx, deps, personId, "mfa.passkey-added", meta, { passkey: row.id, name, synced: checked.passkey.deviceType === "multiDevice", backedUp: checked.passkey.backedUp });
    await tell(trx, deps, person, { kind: "passkey-added", name });
    return { ok: true };
  });
}

export async function passkeyOf(deps: Pick<AppDeps, "db">, personId: string, passkeyId: string): Promise<PasskeyView | null> {
  return (await listPasskeys(deps.db, ownerOf(personId))).find((p) => p.id === passkeyId) ?? null;
}

/** Whether removing one factor would leave the person without a strong one (the page warns). */
export async function isLastStrongFactor(deps: Pick<AppDeps, "db">, personId: string): Promise<boolean> {
  const summary = await factorSummary(deps, personId);
  return summary.passkeys.length + (summary.app ? 1 : 0) <= 1;
}

export type RemovalResult = { ok: true; name: string; emailBackOn: boolean } | { ok: false };

export async function removePasskey(deps: AppDeps, personId: string, passkeyId: string, meta: RequestMeta): Promise<RemovalResult> {
  return deps.db.transaction().execute(async (trx): Promise<RemovalResult> => {
    const person = await lockPerson(trx, personId);
    const removed = await deletePasskey(trx, ownerOf(personId), passkeyId);
    if (!removed) return { ok: false };
    await audit(trx, deps, personId, "mfa.passkey-removed", meta, { passkey: passkeyId, name: removed.name });
    await tell(trx, deps, person, { kind: "passkey-removed", name: removed.name });
    const emailBackOn = await afterFactorRemoved(trx, deps, personId, person, meta);
    return { ok: true, name: removed.name, emailBackOn };
  });
}

// ---------------------------------------------------------------------------------------
// The authenticator app on the account page
// ---------------------------------------------------------------------------------------

export interface AppSetup {
  secret: string;
  uri: string;
  qrDataUrl: string;
}

/**
 * The key (and its QR code) for setting up an app; kept, sealed, until a code confirms it. A
 * reload within APP_SETUP_TTL_MS shows the same key. Null when an app is already set up.
 */
export async function authenticatorSetup(deps: AppDeps, personId: string): Promise<AppSetup | null> {
  return deps.db.transaction().execute(async (trx) => {
    const person = await lockPerson(trx, personId);
    const row = await trx.selectFrom("totp_authenticators").select(["secret_sealed", "created_at", "confirmed_at"]).where("person_id", "=", personId).executeTakeFirst();
    if (row?.confirmed_at) return null;
    const now = deps.clock.now();
    let secret: string;
    if (row && new Date(row.created_at).getTime() + APP_SETUP_TTL_MS > now.getTime()) {
      secret = unseal(row.secret_sealed);
    } else {
      secret = newTotpSecret();
      await trx
        .insertInto("totp_authenticators")
        .values({ person_id: personId, secret_sealed: seal(secret), created_at: now })
        .onConflict((oc) => oc.column("person_id").doUpdateSet({ secret_sealed: seal(secret), created_at: now, last_step: null }))
        .execute();
    }
    const uri = totpUri(TOTP_ISSUER, person.email, secret);
    return { secret, uri, qrDataUrl: totpQrDataUrl(uri) };
  });
}

export type AppCodeCheck = { ok: true } | { ok: false; reason: "format" | "wrong" | "used" | "none" } | { ok: false; reason: "throttled"; retryAt: Date };

function cleanCode(input: string): string | null {
  const code = input.replace(/\s+/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

/** The first code from the app confirms it: from then on it is a factor. */
export async function confirmAuthenticator(deps: AppDeps, personId: string, input: string, meta: RequestMeta): Promise<AppCodeCheck> {
  const code = cleanCode(input);
  if (!code) return { ok: false, reason: "format" };
  const pending = await deps.db.selectFrom("totp_authenticators").select(["secret_sealed", "confirmed_at"]).where("person_id", "=", personId).executeTakeFirst();
  if (!pending || pending.confirmed_at) return { ok: false, reason: "none" };
  const now = deps.clock.now();
  const key = `factor-setup:person:${personId}`;
  const reserved = await reserveAttempt(deps.db, [{ key, policy: FACTOR_PERSON_POLICY }], now);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };
  const step = matchTotpStep(unseal(pending.secret_sealed), code, now);
  if (step === null) return { ok: false, reason: "wrong" };
  const done = await deps.db.transaction().execute(async (trx) => {
    const person = await lockPerson(trx, personId);
    const confirmed = await trx
      .updateTable("totp_authenticators")
      .set({ confirmed_at: now, last_step: step })
      .where("person_id", "=", personId)
      .where("confirmed_at", "is", null)
      .where("secret_sealed", "=", pending.secret_sealed)
      .executeTakeFirst();
    if (Number(confirmed.numUpdatedRows) !== 1) return false;
    await audit(trx, deps, personId, "mfa.app-added", meta);
    await tell(trx, deps, person, { kind: "app-added" });
    return true;
  });
  if (!done) return { ok: false, reason: "none" };
  await settleSuccess(deps.db, reserved.reservation, [key]);
  return { ok: true };
}

export async function removeAuthenticator(deps: AppDeps, personId: string, meta: RequestMeta): Promise<{ ok: true; emailBackOn: boolean } | { ok: false }> {
  return deps.db.transaction().execute(async (trx) => {
    const person = await lockPerson(trx, personId);
    const removed = await trx.deleteFrom("totp_authenticators").where("person_id", "=", personId).where("confirmed_at", "is not", null).executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) return { ok: false as const };
    await audit(trx, deps, personId, "mfa.app-removed", meta);
    await tell(trx, deps, person, { kind: "app-removed" });
    return { ok: true as const, emailBackOn: await afterFactorRemoved(trx, deps, personId, person, meta) };
  });
}

// ---------------------------------------------------------------------------------------
// Email codes off and on; recovery codes
// ---------------------------------------------------------------------------------------

function newRecoveryCode(): string {
  return Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
}

/** A recovery code as shown: two groups of 5. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What was typed, read as Crockford base 32 (any case, spaces and hyphens ignored, O as 0, I and L as 1); null when it cannot be a code. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(code) ? code : null;
}

function recoveryDigest(personId: string, code: string): string {
  return `${personId}:${code}`;
}

/** Replaces the person's recovery codes with 10 new ones (in the caller's transaction); returns them, formatted, to show once. */
async function issueRecoveryCodes(trx: Tx, deps: Pick<AppDeps, "clock">, personId: string): Promise<string[]> {
  await trx.deleteFrom("recovery_codes").where("person_id", "=", personId).execute();
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(newRecoveryCode());
  const now = deps.clock.now();
  await trx
    .insertInto("recovery_codes")
    .values([...codes].map((code) => ({ person_id: personId, code_hash: keyedHash("recovery-code", recoveryDigest(personId, code)), created_at: now })))
    .execute();
  return [...codes].map(formatRecoveryCode);
}

export type EmailOffResult = { ok: true; codes: string[] } | { ok: false; reason: "no-strong-factor" | "already-off" };

export async function turnEmailCodesOff(deps: AppDeps, personId: string, meta: RequestMeta): Promise<EmailOffResult> {
  return deps.db.transaction().execute(async (trx): Promise<EmailOffResult> => {
    const person = await lockPerson(trx, personId);
    if (person.email_codes_off_at != null) return { ok: false, reason: "already-off" };
    if (!(await hasStrongFactor(trx, personId))) return { ok: false, reason: "no-strong-factor" };
    await trx.updateTable("people").set({ email_codes_off_at: deps.clock.now() }).where("id", "=", personId).execute();
    const codes = await issueRecoveryCodes(trx, deps, personId);
    await audit(trx, deps, personId, "mfa.email-codes-off", meta, { recoveryCodes: codes.length });
    await tell(trx, deps, person, { kind: "email-off", have: await strongFactorsOf(trx, personId) });
    return { ok: true, codes };
  });
}

export async function turnEmailCodesOn(deps: AppDeps, personId: string, meta: RequestMeta): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const person = await lockPerson(trx, personId);
    if (person.email_codes_off_at == null) return false;
    await trx.updateTable("people").set({ email_codes_off_at: null }).where("id", "=", personId).execute();
    const removed = await trx.deleteFrom("recovery_codes").where("person_id", "=", personId).executeTakeFirst();
    await audit(trx, deps, personId, "mfa.email-codes-on", meta, { reason: "by-person", recoveryCodesRemoved: Number(removed.numDeletedRows) });
    await tell(trx, deps, person, { kind: "email-on" });
    return true;
  });
}

export async function regenerateRecoveryCodes(deps: AppDeps, personId: string, meta: RequestMeta): Promise<string[] | null> {
  return deps.db.transaction().execute(async (trx) => {
    const person = await lockPerson(trx, personId);
    if (person.email_codes_off_at == null) return null;
    const codes = await issueRecoveryCodes(trx, deps, personId);
    await audit(trx, deps, personId, "mfa.recovery-codes-regenerated", meta, { recoveryCodes: codes.length });
    await tell(trx, deps, person, { kind: "recovery-new" });
    return codes;
  });
}

/** After an APP_KEY rotation: app secrets sealed under the previous key move to the current one. */
export async function resealFactorSecrets(deps: Pick<AppDeps, "db">): Promise<number> {
  let moved = 0;
  for (const row of await deps.db.selectFrom("totp_authenticators").select(["person_id", "secret_sealed"]).execute()) {
    if (sealedUnderCurrentKey(row.secret_sealed)) continue;
    const done = await deps.db
      .updateTable("totp_authenticators")
      .set({ secret_sealed: seal(unseal(row.secret_sealed)) })
      .where("person_id", "=", row.person_id)
      .where("secret_sealed", "=", row.secret_sealed)
      .executeTakeFirst();
    moved += Number(done.numUpdatedRows);
  }
  return moved;
}

// ---------------------------------------------------------------------------------------
// The sign-in step (stage "factor")
// ---------------------------------------------------------------------------------------

export interface FactorChoices {
  /** The passkey ceremony's options (its challenge kept for this session), or null without passkeys. */
  passkeyOptions: PublicKeyCredentialRequestOptionsJSON | null;
  app: boolean;
  emailCodesOn: boolean;
  recoveryCodesLeft: number;
}

/** What the sign-in page offers this person, strongest first. */
export async function signInChoices(deps: AppDeps, session: SessionRecord): Promise<FactorChoices> {
  const personId = session.personId!;
  const [passkeyOptions, summary] = await Promise.all([
    authenticationOptions(deps.db, deps.clock, relyingParty(deps.config.baseUrl), { kind: "trader", id: session.id }, ownerOf(personId)),
    factorSummary(deps, personId),
  ]);
  return { passkeyOptions, app: summary.app !== null, emailCodesOn: summary.emailCodesOffAt === null, recoveryCodesLeft: summary.recoveryCodesLeft };
}

export type FactorCheck =
  | { ok: true }
  /** format: not a code; wrong: not right; used: an app's code already used; expired: the passkey request is gone; missing: no passkey answer; refused: the passkey did not verify. */
  | { ok: false; reason: "format" | "wrong" | "used" | "expired" | "missing" | "refused" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/** The factor was right: the sign-in moves on to the terms (ID-6). */
async function factorPassed(deps: AppDeps, session: SessionRecord, method: string, meta: RequestMeta, extra: (trx: Tx) => Promise<void> = async () => {}): Promise<void> {
  const personId = session.personId!;
  await deps.db.transaction().execute(async (trx) => {
    await setStage(trx, session.id, "terms");
    await audit(trx, deps, personId, "mfa.verified", meta, { method });
    await extra(trx);
  });
}

async function factorRefused(deps: AppDeps, session: SessionRecord, method: string, reason: string, meta: RequestMeta, detail?: string): Promise<void> {
  await deps.db.transaction().execute((trx) => audit(trx, deps, session.personId!, "mfa.factor-refused", meta, { method, reason, session: session.id, ...(detail ? { detail } : {}) }));
}

/** Reserves one try on the person's growing delays before anything is compared (SEC-7). */
async function reserveTry(deps: AppDeps, personId: string) {
  return reserveAttempt(deps.db, [{ key: factorKey(personId), policy: FACTOR_PERSON_POLICY }], deps.clock.now());
}

export async function verifyPasskeySignIn(deps: AppDeps, session: SessionRecord, responseText: string, meta: RequestMeta): Promise<FactorCheck> {
  const personId = session.personId!;
  if (!responseText) return { ok: false, reason: "missing" };
  const reserved = await reserveTry(deps, personId);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };
  const checked = await verifyAuthentication(deps.db, deps.clock, relyingParty(deps.config.baseUrl), { kind: "trader", id: session.id }, ownerOf(personId), responseText);
  if (!checked.ok) {
    // No challenge for this session: nothing was compared, the try is given back.
    if (checked.reason === "expired") await cancelReservation(deps.db, reserved.reservation);
    await factorRefused(deps, session, "passkey", checked.reason, meta, "detail" in checked ? checked.detail : undefined);
    return { ok: false, reason: checked.reason === "expired" ? "expired" : "refused" };
  }
  await settleSuccess(deps.db, reserved.reservation, [factorKey(personId)]);
  await factorPassed(deps, session, "passkey", meta, (trx) => audit(trx, deps, personId, "mfa.passkey-used", meta, { passkey: checked.passkeyId }));
  return { ok: true };
}

export async function verifyAppSignIn(deps: AppDeps, session: SessionRecord, input: string, meta: RequestMeta): Promise<FactorCheck> {
  const personId = session.personId!;
  const code = cleanCode(input);
  if (!code) return { ok: false, reason: "format" };
  const reserved = await reserveTry(deps, personId);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };
  const now = deps.clock.now();
  const app = await deps.db.selectFrom("totp_authenticators").select(["secret_sealed", "last_step"]).where("person_id", "=", personId).where("confirmed_at", "is not", null).executeTakeFirst();
  const step = app ? matchTotpStep(unseal(app.secret_sealed), code, now) : null;
  let failure: "wrong" | "used" | null = step === null ? "wrong" : app?.last_step != null && step <= Number(app.last_step) ? "used" : null;
  if (failure === null) {
    // Each step once, even for two submissions at the same moment: the row moves forward once.
    const claimed = await deps.db
      .updateTable("totp_authenticators")
      .set({ last_step: step, last_used_at: now })
      .where("person_id", "=", personId)
      .where("confirmed_at", "is not", null)
      .where((eb) => eb.or([eb("last_step", "is", null), eb("last_step", "<", String(step))]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) failure = "used";
  }
  if (failure) {
    await factorRefused(deps, session, "app", failure, meta);
    return { ok: false, reason: failure };
  }
  await settleSuccess(deps.db, reserved.reservation, [factorKey(personId)]);
  await factorPassed(deps, session, "app", meta);
  return { ok: true };
}

export async function verifyRecoveryCodeSignIn(deps: AppDeps, session: SessionRecord, input: string, meta: RequestMeta): Promise<FactorCheck> {
  const personId = session.personId!;
  const code = normalizeRecoveryCode(input);
  if (!code) return { ok: false, reason: "format" };
  const reserved = await reserveTry(deps, personId);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };
  const now = deps.clock.now();
  // Single use: only the first of two submissions of one code marks it used.
  const used = await deps.db
    .updateTable("recovery_codes")
    .set({ used_at: now })
    .where("person_id", "=", personId)
    .where("code_hash", "in", keyedHashCandidates("recovery-code", recoveryDigest(personId, code)))
    .where("used_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!used) {
    await factorRefused(deps, session, "recovery-code", "wrong", meta);
    return { ok: false, reason: "wrong" };
  }
  await settleSuccess(deps.db, reserved.reservation, [factorKey(personId)]);
  await factorPassed(deps, session, "recovery-code", meta, async (trx) => {
    const person = await lockPerson(trx, personId);
    const left = await trx.selectFrom("recovery_codes").select((eb) => eb.fn.countAll<string>().as("n")).where("person_id", "=", personId).where("used_at", "is", null).executeTakeFirstOrThrow();
    await tell(trx, deps, person, { kind: "recovery-used", left: Number(left.n) });
  });
  return { ok: true };
}

/** The person asks for the email code instead (ID-9): refused when they turned email codes off. */
export async function chooseEmailCode(deps: AppDeps, session: SessionRecord, meta: RequestMeta): Promise<boolean> {
  const personId = session.personId!;
  return deps.db.transaction().execute(async (trx) => {
    if (await emailCodesOff(trx, personId)) return false;
    await setStage(trx, session.id, "mfa");
    await sendMfaCode(trx, deps, session.id, personId);
    await audit(trx, deps, personId, "mfa.email-code-chosen", meta);
    return true;
  });
}

/** From the email code's page back to the strong factors; false when the person has none. */
export async function chooseStrongFactor(deps: AppDeps, session: SessionRecord): Promise<boolean> {
  const personId = session.personId!;
  if (!(await hasStrongFactor(deps.db, personId))) return false;
  await deps.db.transaction().execute((trx) => setStage(trx, session.id, "factor"));
  return true;
}
