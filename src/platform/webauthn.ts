// Passkeys (WebAuthn) as a second factor, for traders (ID-9) and CBSA staff (STAFF-1): the
// relying party's side, over @simplewebauthn/server. The relying party ID is BASE_URL's host
// and the only origin accepted is BASE_URL's origin, so a passkey made here answers nowhere
// else and an answer made for another site is refused (phishing resistance).
//
// A ceremony (registering a passkey, or signing in with one) belongs to a session: its options
// are made when the page is drawn, their challenge kept in `webauthn_challenges` for that
// session (one per purpose, CHALLENGE_TTL_MS), and the verification TAKES it (deletes it) before
// checking the answer — so an answer is good once, for the session it was made for. The
// signature counter is kept and must move forward (a counter that goes back is a cloned
// authenticator, refused); it is updated only from the value read (compare and set), so two
// concurrent uses of one answer cannot both pass.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "./db/schema.ts";
import type { Clock } from "./clock.ts";

/** How long a page's passkey options stay good. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** What the browser is given to finish in (the authenticator's prompt). */
const CEREMONY_TIMEOUT_MS = 2 * 60 * 1000;
/** EdDSA, ES256, RS256: what authenticators make. Given explicitly, so no post-quantum probe runs. */
const ALGORITHMS = [-8, -7, -257];
/** The longest answer we read (an attestation object with its certificates is a few KB). */
export const MAX_RESPONSE_LENGTH = 16 * 1024;
export const MAX_PASSKEYS = 10;

type Handle = Kysely<Database> | Transaction<Database>;

export interface RelyingParty {
  /** The RP ID: BASE_URL's host name (WebAuthn refuses IP addresses: use a name, e.g. localhost). */
  id: string;
  /** The only origin accepted: BASE_URL's. */
  origin: string;
  name: string;
}

export function relyingParty(baseUrl: string, name = "Trusted Trader Portal"): RelyingParty {
  const url = new URL(baseUrl);
  return { id: url.hostname, origin: url.origin, name };
}

/** Whose passkeys: a trader's (a person) or a CBSA staff member's. */
export type PasskeyOwner = { kind: "person"; id: string } | { kind: "staff"; id: string };
/** Which session does the ceremony: a trader's or a staff member's. */
export type CeremonySession = { kind: "trader"; id: string } | { kind: "staff"; id: string };

function ownerColumn(owner: PasskeyOwner): "person_id" | "staff_user_id" {
  return owner.kind === "person" ? "person_id" : "staff_user_id";
}

function sessionColumn(session: CeremonySession): "session_id" | "staff_session_id" {
  return session.kind === "trader" ? "session_id" : "staff_session_id";
}

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** A synced passkey (in a password manager or a phone's account) rather than one device's. */
  synced: boolean;
  backedUp: boolean;
}

/** The owner's passkeys, oldest first. */
export async function listPasskeys(db: Handle, owner: PasskeyOwner): Promise<PasskeyView[]> {
  const rows = await db
    .selectFrom("passkeys")
    .select(["id", "name", "created_at", "last_used_at", "device_type", "backed_up"])
    .where(ownerColumn(owner), "=", owner.id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: new Date(r.created_at),
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
    synced: r.device_type === "multiDevice",
    backedUp: r.backed_up,
  }));
}

export async function countPasskeys(db: Handle, owner: PasskeyOwner): Promise<number> {
  const row = await db.selectFrom("passkeys").select((eb) => eb.fn.countAll<string>().as("n")).where(ownerColumn(owner), "=", owner.id).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Keeps `challenge` as the session's one `purpose` ceremony (replacing an earlier one). */
async function keepChallenge(db: Handle, clock: Clock, session: CeremonySession, purpose: "register" | "authenticate", challenge: string): Promise<void> {
  const column = sessionColumn(session);
  const expires = new Date(clock.now().getTime() + CHALLENGE_TTL_MS);
  await db
    .insertInto("webauthn_challenges")
    .values({ session_id: session.kind === "trader" ? session.id : null, staff_session_id: session.kind === "staff" ? session.id : null, purpose, challenge, expires_at: expires })
    .onConflict((oc) => oc.columns([column, "purpose"]).doUpdateSet({ challenge, expires_at: expires }))
    .execute();
}

/** Takes (deletes) the session's challenge for `purpose`: null when there is none or it expired. */
async function takeChallenge(db: Handle, clock: Clock, session: CeremonySession, purpose: "register" | "authenticate"): Promise<string | null> {
  const row = await db.deleteFrom("webauthn_challenges").where(sessionColumn(session), "=", session.id).where("purpose", "=", purpose).returning(["challenge", "expires_at"]).executeTakeFirst();
  return row && new Date(row.expires_at) > clock.now() ? row.challenge : null;
}

function parseJson<T>(text: string): T | null {
  if (!text || text.length > MAX_RESPONSE_LENGTH) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || typeof (value as { id?: unknown }).id !== "string" || typeof (value as { response?: unknown }).response !== "object") return null;
    return value as T;
  } catch {
    return null;
  }
}

// ---- registration ------------------------------------------------------------------------

/**
 * The options for adding a passkey (navigator.credentials.create), the challenge kept for the
 * session. The owner's passkeys are excluded, so one authenticator is not added twice.
 */
export async function registrationOptions(
  db: Handle,
  clock: Clock,
  rp: RelyingParty,
  session: CeremonySession,
  owner: PasskeyOwner,
  user: { name: string; displayName: string },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db.selectFrom("passkeys").select(["credential_id", "transports"]).where(ownerColumn(owner), "=", owner.id).execute();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.name,
    userDisplayName: user.displayName,
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.credential_id, transports: c.transports })),
    // A passkey (discoverable) where the authenticator can; a security key without a PIN is
    // fine too: this is the second factor, after the password or the partner.
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
    supportedAlgorithmIDs: ALGORITHMS,
  });
  await keepChallenge(db, clock, session, "register", options.challenge);
  return options;
}

export interface NewPasskey {
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  deviceType: "singleDevice" | "multiDevice";
  backedUp: boolean;
}

export type RegistrationCheck = { ok: true; passkey: NewPasskey } | { ok: false; reason: "expired" | "invalid" | "duplicate"; detail?: string };

/** Verifies the browser's answer to registrationOptions (taking the session's challenge). */
export async function verifyRegistration(db: Handle, clock: Clock, rp: RelyingParty, session: CeremonySession, responseText: string): Promise<RegistrationCheck> {
  const response = parseJson<RegistrationResponseJSON>(responseText);
  const challenge = await takeChallenge(db, clock, session, "register");
  if (!challenge) return { ok: false, reason: "expired" };
  if (!response) return { ok: false, reason: "invalid", detail: "malformed response" };
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch (err) {
    return { ok: false, reason: "invalid", detail: err instanceof Error ? err.message.slice(0, 200) : "verification failed" };
  }
  if (!verified.verified) return { ok: false, reason: "invalid", detail: "not verified" };
  const info = verified.registrationInfo;
  const taken = await db.selectFrom("passkeys").select("id").where("credential_id", "=", info.credential.id).executeTakeFirst();
  if (taken) return { ok: false, reason: "duplicate" };
  return {
    ok: true,
    passkey: {
      credentialId: info.credential.id,
      publicKey: info.credential.publicKey,
      counter: info.credential.counter,
      transports: (info.credential.transports ?? []).filter((t) => /^[a-z-]{1,20}$/.test(t)).slice(0, 8),
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
    },
  };
}

/** Stores a verified passkey for `owner`, in the caller's transaction; null when its id is already known. */
export async function insertPasskey(trx: Handle, clock: Clock, owner: PasskeyOwner, passkey: NewPasskey, name: string): Promise<{ id: string } | null> {
  const row = await trx
    .insertInto("passkeys")
    .values({
      person_id: owner.kind === "person" ? owner.id : null,
      staff_user_id: owner.kind === "staff" ? owner.id : null,
      credential_id: passkey.credentialId,
      public_key: passkey.publicKey,
      counter: passkey.counter,
      transports: passkey.transports,
      device_type: passkey.deviceType,
      backed_up: passkey.backedUp,
      name,
      created_at: clock.now(),
    })
    .onConflict((oc) => oc.column("credential_id").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row ?? null;
}

/** Removes one of the owner's passkeys (in the caller's transaction); its name, or null when it is not theirs. */
export async function deletePasskey(trx: Handle, owner: PasskeyOwner, passkeyId: string): Promise<{ name: string } | null> {
  const row = await trx.deleteFrom("passkeys").where("id", "=", passkeyId).where(ownerColumn(owner), "=", owner.id).returning(["name"]).executeTakeFirst();
  return row ?? null;
}

/** Removes every passkey of the owner (in the caller's transaction), e.g. when a staff member's sign-in is reset; what was removed. */
export async function deleteAllPasskeys(trx: Handle, owner: PasskeyOwner): Promise<{ id: string; name: string }[]> {
  const rows = await trx.deleteFrom("passkeys").where(ownerColumn(owner), "=", owner.id).returning(["id", "name"]).execute();
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Deletes the ceremonies of `kind` sessions whose challenge expired before `now` (a page opened and left). */
export async function deleteExpiredChallenges(db: Handle, now: Date, kind: CeremonySession["kind"]): Promise<number> {
  const result = await db.deleteFrom("webauthn_challenges").where("expires_at", "<=", now).where(sessionColumn({ kind, id: "0" }), "is not", null).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---- authentication ----------------------------------------------------------------------

/**
 * The options for signing in with one of the owner's passkeys (navigator.credentials.get), the
 * challenge kept for the session; null when the owner has none.
 */
export async function authenticationOptions(db: Handle, clock: Clock, rp: RelyingParty, session: CeremonySession, owner: PasskeyOwner): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const existing = await db.selectFrom("passkeys").select(["credential_id", "transports"]).where(ownerColumn(owner), "=", owner.id).execute();
  if (existing.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: existing.map((c) => ({ id: c.credential_id, transports: c.transports })),
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification: "preferred",
  });
  await keepChallenge(db, clock, session, "authenticate", options.challenge);
  return options;
}

export type AuthenticationCheck =
  | { ok: true; passkeyId: string; name: string }
  /** expired: no challenge for this session (expired, used, or never made): nothing was compared. */
  | { ok: false; reason: "expired" }
  /** unknown: not one of the owner's passkeys; invalid: the answer does not verify; counter: the counter went back; replayed: used at the same moment. */
  | { ok: false; reason: "unknown" | "invalid" | "counter" | "replayed"; detail?: string };

/** Verifies the browser's answer to authenticationOptions (taking the session's challenge) and records the use. */
export async function verifyAuthentication(db: Handle, clock: Clock, rp: RelyingParty, session: CeremonySession, owner: PasskeyOwner, responseText: string): Promise<AuthenticationCheck> {
  const response = parseJson<AuthenticationResponseJSON>(responseText);
  const challenge = await takeChallenge(db, clock, session, "authenticate");
  if (!challenge) return { ok: false, reason: "expired" };
  if (!response) return { ok: false, reason: "invalid", detail: "malformed response" };
  const stored = await db
    .selectFrom("passkeys")
    .select(["id", "name", "credential_id", "public_key", "counter", "transports"])
    .where("credential_id", "=", response.id)
    .where(ownerColumn(owner), "=", owner.id)
    .executeTakeFirst();
  if (!stored) return { ok: false, reason: "unknown" };
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: stored.credential_id, publicKey: new Uint8Array(stored.public_key), counter: Number(stored.counter), transports: stored.transports },
      requireUserVerification: false,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : "";
    return { ok: false, reason: /counter value/i.test(message) ? "counter" : "invalid", detail: message.slice(0, 200) };
  }
  if (!verified.verified) return { ok: false, reason: "invalid", detail: "not verified" };
  const used = await db
    .updateTable("passkeys")
    .set({ counter: verified.authenticationInfo.newCounter, last_used_at: clock.now(), backed_up: verified.authenticationInfo.credentialBackedUp })
    .where("id", "=", stored.id)
    .where("counter", "=", stored.counter)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return { ok: false, reason: "replayed" };
  return { ok: true, passkeyId: stored.id, name: stored.name };
}
