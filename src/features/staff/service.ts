// CBSA staff accounts (SPEC STAFF-1): creating, listing, disabling and resetting them, the
// one-time sign-in details handed out (a password and an authenticator key, shown once), and
// resealing TOTP secrets after an APP_KEY rotation; staff sign-in is in sign-in.ts. Every
// change is one transaction with its audit event (actor "staff", or "system" for the first
// administrator and the command line).
import { isSealed, seal, sealedUnderCurrentKey, unseal } from "../../platform/app-key.ts";
import { createCipheriv, createDecipheriv, randomBytes, randomInt } from "node:crypto";
import { sql, type RawBuilder } from "kysely";
import { newTotpSecret, totpUri as platformTotpUri } from "../../platform/totp.ts";
import type { AppDeps } from "../../web/context.ts";
import { recordAudit, type AuditEvent } from "../../platform/audit.ts";
import { checkPassword } from "../../domain/password-policy.ts";
import { hashPassword } from "../identity/gckey.ts";
import { staffDb, STAFF_ROLES, type StaffRole, type StaffTx } from "./schema.ts";
import { endStaffUserSessions } from "./sessions.ts";
import { removeStaffPasskeysOnReset } from "./passkeys.ts";

/** What the staff services need: the database and the one clock (the CLI has no web app). */
export type StaffDeps = Pick<AppDeps, "db" | "clock">;

export type { StaffRequestMeta as RequestMeta } from "./schema.ts";

/** After this many consecutive wrong passwords, only an administrator's reset reopens the account. */
export const STAFF_LOCK_AFTER_FAILURES = 100;

export const TOTP_ISSUER = "Trusted Trader Portal (CBSA)";
/** How long one-time details wait for the administrator's next page. */
export const REVEAL_TTL_MS = 5 * 60 * 1000;

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/;
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}'’ .-]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeStaffUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, "").trim().replace(/\s+/g, " ");
}

// ---------------------------------------------------------------------------------------
// Secrets handed out: one-time passwords and authenticator keys
// ---------------------------------------------------------------------------------------

const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i

/** A one-time password: 4 groups of 5 unambiguous characters (about 99 bits), within the GCKey policy. */
export function generateOneTimePassword(username: string): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(""));
    const password = groups.join("-");
    if (checkPassword(password, username).ok) return password;
  }
}

export { newTotpSecret, totpStep, matchTotpStep } from "../../platform/totp.ts";

export function totpUri(username: string, secret: string): string {
  return platformTotpUri(TOTP_ISSUER, username, secret);
}

/** Sign-in details shown once to whoever issued them. */
export interface IssuedSignIn {
  username: string;
  password: string;
  totpSecret: string;
  totpUri: string;
}

/** Issued details waiting for the administrator's next page, and why they were issued. */
export type PendingReveal = IssuedSignIn & { kind: "created" | "reset" };

// ---------------------------------------------------------------------------------------
// Staff accounts
// ---------------------------------------------------------------------------------------

export interface StaffUserInput {
  username: string;
  displayName: string;
  email: string;
  roles: string[];
}

export type StaffUserError =
  | { field: "username"; problem: "invalid" | "taken" }
  | { field: "displayName"; problem: "required" | "tooLong" | "invalid" }
  | { field: "email"; problem: "required" | "invalid" }
  | { field: "roles"; problem: "required" | "invalid" };

export function validateStaffUser(input: StaffUserInput): StaffUserError[] {
  const errors: StaffUserError[] = [];
  if (!USERNAME.test(input.username)) errors.push({ field: "username", problem: "invalid" });
  if (!input.displayName) errors.push({ field: "displayName", problem: "required" });
  else if (input.displayName.length > 100) errors.push({ field: "displayName", problem: "tooLong" });
  else if (!NAME.test(input.displayName)) errors.push({ field: "displayName", problem: "invalid" });
  if (!input.email) errors.push({ field: "email", problem: "required" });
  else if (input.email.length > 254 || !EMAIL.test(input.email)) errors.push({ field: "email", problem: "invalid" });
  if (input.roles.length === 0) errors.push({ field: "roles", problem: "required" });
  else if (!input.roles.every((r) => (STAFF_ROLES as readonly string[]).includes(r))) errors.push({ field: "roles", problem: "invalid" });
  return errors;
}

/** Who made a change: a signed-in staff member, or the system (first start, command line). */
export type StaffActor = { type: "staff"; id: string } | { type: "system"; via: string };

function auditActor(actor: StaffActor): AuditEvent["actor"] {
  return actor.type === "staff" ? { type: "staff", id: actor.id } : { type: "system" };
}

function sortedRoles(roles: readonly string[]): StaffRole[] {
  return STAFF_ROLES.filter((r) => roles.includes(r));
}

/** Inserts a staff account and its audit event; null when the username is taken. */
export async function insertStaffUser(
  trx: StaffTx,
  deps: StaffDeps,
  input: { username: string; displayName: string; email: string; roles: StaffRole[] },
  secrets: { passwordHash: string; totpSecret: string },
  actor: StaffActor,
  requestId: string | null,
): Promise<{ id: string } | null> {
  const now = deps.clock.now();
  const row = await trx
    .insertInto("staff_users")
    .values({
      username: input.username,
      username_normalized: normalizeStaffUsername(input.username),
      display_name: input.displayName,
      email: input.email,
      password_hash: secrets.passwordHash,
      totp_secret: seal(secrets.totpSecret), // encrypted under APP_KEY (SEC-8)
      roles: input.roles,
      must_change_password: true,
      password_changed_at: now,
      created_at: now,
      created_by: actor.type === "staff" ? actor.id : null,
    })
    .onConflict((oc) => oc.column("username_normalized").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return null;
  await recordAudit(trx, deps.clock, {
    actor: auditActor(actor),
    action: "staff.user-created",
    subject: { type: "staff-user", id: row.id },
    after: { username: input.username, displayName: input.displayName, email: input.email, roles: input.roles, ...(actor.type === "system" ? { via: actor.via } : {}) },
    requestId,
  });
  return row;
}

export type CreateStaffUserResult = { ok: true; id: string; issued: IssuedSignIn } | { ok: false; errors: StaffUserError[] };

/** Creates a staff account with a one-time password (to change at first sign-in) and an authenticator key. */
export async function createStaffUser(
  deps: StaffDeps,
  input: StaffUserInput,
  actor: StaffActor,
  requestId: string | null = null,
  onCreated?: (trx: StaffTx, id: string, issued: IssuedSignIn) => Promise<void>,
): Promise<CreateStaffUserResult> {
  const errors = validateStaffUser(input);
  if (errors.length > 0) return { ok: false, errors };
  const db = staffDb(deps.db);
  const taken = await db.selectFrom("staff_users").select("id").where("username_normalized", "=", normalizeStaffUsername(input.username)).executeTakeFirst();
  if (taken) return { ok: false, errors: [{ field: "username", problem: "taken" }] };
  const password = generateOneTimePassword(input.username);
  const totpSecret = newTotpSecret();
  const passwordHash = await hashPassword(password);
  const issued: IssuedSignIn = { username: input.username, password, totpSecret, totpUri: totpUri(input.username, totpSecret) };
  return db.transaction().execute(async (trx) => {
    const row = await insertStaffUser(
      trx,
      deps,
      { username: input.username, displayName: input.displayName, email: input.email, roles: sortedRoles(input.roles) },
      { passwordHash, totpSecret },
      actor,
      requestId,
    );
    if (!row) return { ok: false as const, errors: [{ field: "username" as const, problem: "taken" as const }] };
    if (onCreated) await onCreated(trx, row.id, issued);
    return { ok: true as const, id: row.id, issued };
  });
}

export interface StaffUserView {
  id: string;
  username: string;
  displayName: string;
  email: string;
  roles: StaffRole[];
  mustChangePassword: boolean;
  locked: boolean;
  disabledAt: Date | null;
  createdAt: Date;
}

function toView(r: {
  id: string;
  username: string;
  display_name: string;
  email: string;
  roles: StaffRole[];
  must_change_password: boolean;
  consecutive_failures: number;
  disabled_at: Date | string | null;
  created_at: Date | string;
}): StaffUserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    roles: r.roles,
    mustChangePassword: r.must_change_password,
    locked: r.consecutive_failures >= STAFF_LOCK_AFTER_FAILURES,
    disabledAt: r.disabled_at ? new Date(r.disabled_at) : null,
    createdAt: new Date(r.created_at),
  };
}

const VIEW_COLUMNS = ["id", "username", "display_name", "email", "roles", "must_change_password", "consecutive_failures", "disabled_at", "created_at"] as const;

/** Every staff account: enabled ones first, then by username. */
export async function listStaffUsers(deps: StaffDeps): Promise<StaffUserView[]> {
  const rows = await staffDb(deps.db)
    .selectFrom("staff_users")
    .select([...VIEW_COLUMNS])
    .orderBy(sql`disabled_at is not null`)
    .orderBy("username_normalized")
    .execute();
  return rows.map(toView);
}

export async function getStaffUser(deps: StaffDeps, id: string): Promise<StaffUserView | null> {
  const row = await staffDb(deps.db).selectFrom("staff_users").select([...VIEW_COLUMNS]).where("id", "=", id).executeTakeFirst();
  return row ? toView(row) : null;
}

/**
 * A staff member's display name as a subquery over an id column of another feature's query
 * (`staffNameOf("rc.assigned_staff_id")`), so that a list of cases gets its officers' names in
 * its own round trip; null when the column is null.
 */
export function staffNameOf(idColumn: string): RawBuilder<string | null> {
  return sql<string | null>`(select su.display_name from staff_users su where su.id = ${sql.ref(idColumn)})`;
}

/** Staff members' display names by id, for showing who did what (audit timelines). */
export async function staffNames(deps: Pick<AppDeps, "db">, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await staffDb(deps.db).selectFrom("staff_users").select(["id", "display_name"]).where("id", "in", [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export type DisableResult = { ok: true } | { ok: false; reason: "self" | "notFound" };

/** Disables a staff account and ends its sessions at once. */
export async function disableStaffUser(deps: StaffDeps, actor: StaffActor, id: string, requestId: string | null): Promise<DisableResult> {
  if (actor.type === "staff" && actor.id === id) return { ok: false, reason: "self" };
  return staffDb(deps.db)
    .transaction()
    .execute(async (trx) => {
      const now = deps.clock.now();
      const row = await trx.updateTable("staff_users").set({ disabled_at: now }).where("id", "=", id).where("disabled_at", "is", null).returning(["username"]).executeTakeFirst();
      if (!row) return { ok: false as const, reason: "notFound" as const };
      const ended = await endStaffUserSessions(trx, deps.clock, id, "account-disabled");
      await recordAudit(trx, deps.clock, {
        actor: auditActor(actor),
        action: "staff.user-disabled",
        subject: { type: "staff-user", id },
        before: { disabled: false },
        after: { disabled: true, sessionsEnded: ended },
        requestId,
      });
      return { ok: true as const };
    });
}

export type ResetResult = { ok: true; issued: IssuedSignIn } | { ok: false; reason: "self" | "notFound" };

/**
 * New sign-in details for an enabled account (a lost device, a forgotten password, a lock
 * after too many wrong passwords): a new one-time password and authenticator key; the old
 * ones stop working, the person's passkeys are removed and their sessions end. Not one's own (another administrator, or
 * the command line, does that).
 */
export async function resetStaffSignIn(
  deps: StaffDeps,
  actor: StaffActor,
  id: string,
  requestId: string | null,
  onReset?: (trx: StaffTx, issued: IssuedSignIn) => Promise<void>,
): Promise<ResetResult> {
  if (actor.type === "staff" && actor.id === id) return { ok: false, reason: "self" };
  const db = staffDb(deps.db);
  const user = await db.selectFrom("staff_users").select(["username", "email"]).where("id", "=", id).where("disabled_at", "is", null).executeTakeFirst();
  if (!user) return { ok: false, reason: "notFound" };
  const password = generateOneTimePassword(user.username);
  const totpSecret = newTotpSecret();
  const passwordHash = await hashPassword(password);
  const issued: IssuedSignIn = { username: user.username, password, totpSecret, totpUri: totpUri(user.username, totpSecret) };
  return db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const row = await trx
      .updateTable("staff_users")
      .set({
        password_hash: passwordHash,
        password_changed_at: now,
        must_change_password: true,
        totp_secret: seal(totpSecret),
        totp_confirmed_at: null,
        last_totp_step: null,
        consecutive_failures: 0,
      })
      .where("id", "=", id)
      .where("disabled_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!row) return { ok: false as const, reason: "notFound" as const };
    const ended = await endStaffUserSessions(trx, deps.clock, id, "sign-in-reset");
    // The person's passkeys go with the old key: a lost or taken device must not outlive the reset.
    const passkeysRemoved = await removeStaffPasskeysOnReset(trx, deps, id, user.email, auditActor(actor), requestId);
    await recordAudit(trx, deps.clock, {
      actor: auditActor(actor),
      action: "staff.sign-in-reset",
      subject: { type: "staff-user", id },
      after: { mustChangePassword: true, newAuthenticatorKey: true, sessionsEnded: ended, passkeysRemoved },
      requestId,
    });
    if (onReset) await onReset(trx, issued);
    return { ok: true as const, issued };
  });
}

// ---------------------------------------------------------------------------------------
// One-time details, shown once after a redirect (post/redirect/get) and never kept readable
// ---------------------------------------------------------------------------------------

/**
 * Keeps `issued` for the issuing session's next page: AES-256-GCM under a fresh key that is
 * returned (for the administrator's cookie) and not stored. Returns the key.
 */
export async function stashReveal(trx: StaffTx, deps: StaffDeps, sessionId: string, staffUserId: string, issued: PendingReveal): Promise<string> {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(issued), "utf8"), cipher.final()]);
  const ciphertext = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
  // One pending reveal per administrator's session and account.
  await trx.deleteFrom("staff_reveals").where("staff_session_id", "=", sessionId).where("staff_user_id", "=", staffUserId).execute();
  await trx
    .insertInto("staff_reveals")
    .values({ staff_session_id: sessionId, staff_user_id: staffUserId, ciphertext, expires_at: new Date(deps.clock.now().getTime() + REVEAL_TTL_MS) })
    .execute();
  return key.toString("base64url");
}

/** Takes (and deletes) the details kept for this session and account; null when gone, expired or the key is wrong. */
export async function takeReveal(deps: StaffDeps, sessionId: string, staffUserId: string, key: string | undefined): Promise<PendingReveal | null> {
  const db = staffDb(deps.db);
  await db.deleteFrom("staff_reveals").where("expires_at", "<=", deps.clock.now()).execute();
  const row = await db
    .deleteFrom("staff_reveals")
    .where("staff_session_id", "=", sessionId)
    .where("staff_user_id", "=", staffUserId)
    .returning(["ciphertext"])
    .executeTakeFirst();
  if (!row || !key) return null;
  try {
    const [iv = "", tag = "", body = ""] = row.ciphertext.split(".");
    const decipher = createDecipheriv("aes-256-gcm", Buffer.from(key, "base64url"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const text = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    return JSON.parse(text) as PendingReveal;
  } catch {
    return null;
  }
}

/**
 * After an APP_KEY rotation: every TOTP secret still sealed under APP_KEY_PREVIOUS is sealed
 * again under APP_KEY, so that the previous key can be retired. Returns how many moved.
 */
export async function resealStaffSecrets(deps: StaffDeps): Promise<number> {
  const db = staffDb(deps.db);
  let moved = 0;
  for (const row of await db.selectFrom("staff_users").select(["id", "totp_secret"]).execute()) {
    if (sealedUnderCurrentKey(row.totp_secret)) continue;
    // Under the previous key (a rotation), or, from before migration 0012, in clear.
    const sealed = seal(isSealed(row.totp_secret) ? unseal(row.totp_secret) : row.totp_secret);
    const done = await db.updateTable("staff_users").set({ totp_secret: sealed }).where("id", "=", row.id).where("totp_secret", "=", row.totp_secret).executeTakeFirst();
    moved += Number(done.numUpdatedRows);
  }
  return moved;
}
