// Passkeys of CBSA staff as their second factor beside the TOTP code (STAFF-1, ID-9): the account
// page's list, adding one (the browser's attestation verified by platform/webauthn.ts, the
// challenge bound to the staff session), removing one's own, and removing them all when an
// administrator resets the person's sign-in. Every change is one transaction that locks the
// staff member's row, with its audit event and an email to the staff member: in the language of
// the page they made the change on (staff accounts keep no preferred language), in both
// languages when an administrator's reset removed them. The sign-in with a passkey is in
// sign-in.ts, beside the TOTP code it stands in for.
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import type { AppDeps } from "../../web/context.ts";
import type { Tx } from "../../platform/db/index.ts";
import { recordAudit, type AuditEvent } from "../../platform/audit.ts";
import { queueMail, type MailTemplate } from "../../platform/mail/outbox.ts";
import {
  countPasskeys,
  deleteAllPasskeys,
  deletePasskey,
  insertPasskey,
  listPasskeys,
  MAX_PASSKEYS,
  registrationOptions,
  relyingParty,
  verifyRegistration,
  type PasskeyOwner,
  type PasskeyView,
} from "../../platform/webauthn.ts";
import type { Locale } from "../../domain/locale.ts";
import { messages } from "../../web/i18n/index.ts";
import type { StaffRequestMeta as RequestMeta, StaffRole, StaffTables } from "./schema.ts";
import type { StaffSession } from "./sessions.ts";

/** What the passkey services need: the database, the clock and BASE_URL (the relying party). */
export type StaffPasskeyDeps = Pick<AppDeps, "db" | "clock" | "config">;

export const STAFF_PASSKEY_NAME_MAX = 100;

export const ownerOfStaff = (staffUserId: string): PasskeyOwner => ({ kind: "staff", id: staffUserId });

// ---------------------------------------------------------------------------------------
// The email that confirms every change
// ---------------------------------------------------------------------------------------

export type StaffPasskeyChange = { kind: "added" | "removed"; name: string } | { kind: "reset"; names: string[] };

function staffPasskeyMail(locale: Locale, change: StaffPasskeyChange): { subject: string; paragraphs: string[] } {
  const t = messages(locale);
  const e = t.factors.emails;
  const [subject, text] =
    change.kind === "reset"
      ? [e.staffPasskeysResetSubject, e.staffPasskeysReset(change.names)]
      : change.kind === "added"
        ? [e.staffPasskeyAddedSubject, e.staffPasskeyAdded(change.name)]
        : [e.staffPasskeyRemovedSubject, e.staffPasskeyRemoved(change.name)];
  return { subject, paragraphs: [text, e.staffIfNotYou, t.emails.noReply, t.emails.signature] };
}

/**
 * A staff member's passkey added or removed. A reset by an administrator is written in both
 * languages (English first), since nothing says which one the staff member reads.
 */
export const staffPasskeyChangedEmail: MailTemplate<StaffPasskeyChange> = {
  name: "staff.passkey-changed",
  render(locale, change) {
    if (change.kind !== "reset") return staffPasskeyMail(locale, change);
    const en = staffPasskeyMail("en", change);
    const fr = staffPasskeyMail("fr", change);
    return { subject: `${en.subject} / ${fr.subject}`, paragraphs: [...en.paragraphs, ...fr.paragraphs] };
  },
};

/** The change's transaction, seeing the staff tables too. */
function staffTx(trx: Tx) {
  return trx.withTables<StaffTables>();
}
type StaffTrx = ReturnType<typeof staffTx>;

/** The relying party: BASE_URL's host, named for staff in their authenticator's list. */
export const staffRp = (deps: Pick<AppDeps, "config">) => relyingParty(deps.config.baseUrl, "Trusted Trader Portal (CBSA)");

/** Locks the staff member's row for the change (one passkey change at a time per person); their email. */
async function lockStaff(trx: StaffTrx, staffUserId: string): Promise<{ email: string } | undefined> {
  return trx.selectFrom("staff_users").select(["email"]).where("id", "=", staffUserId).where("disabled_at", "is", null).forUpdate().executeTakeFirst();
}

async function audit(trx: Tx, deps: Pick<AppDeps, "clock">, actor: AuditEvent["actor"], staffUserId: string, action: string, requestId: string | null, after: Record<string, unknown>): Promise<void> {
  await recordAudit(trx, deps.clock, { actor, action, subject: { type: "staff-user", id: staffUserId }, after, requestId });
}

// ---------------------------------------------------------------------------------------
// The account page
// ---------------------------------------------------------------------------------------

export interface StaffAccount {
  displayName: string;
  username: string;
  email: string;
  roles: StaffRole[];
  /** When the authenticator app's first code was accepted; null before the first sign-in. */
  totpConfirmedAt: Date | null;
  /** When the last code accepted was shown by the app (its time step). */
  totpLastUsedAt: Date | null;
  passkeys: PasskeyView[];
}

export async function staffAccount(deps: Pick<AppDeps, "db">, staffUserId: string): Promise<StaffAccount> {
  const [user, passkeys] = await Promise.all([
    deps.db
      .withTables<StaffTables>()
      .selectFrom("staff_users")
      .select(["display_name", "username", "email", "roles", "totp_confirmed_at", "last_totp_step"])
      .where("id", "=", staffUserId)
      .executeTakeFirstOrThrow(),
    listPasskeys(deps.db, ownerOfStaff(staffUserId)),
  ]);
  return {
    displayName: user.display_name,
    username: user.username,
    email: user.email,
    roles: user.roles,
    totpConfirmedAt: user.totp_confirmed_at ? new Date(user.totp_confirmed_at) : null,
    totpLastUsedAt: user.last_totp_step === null ? null : new Date(Number(user.last_totp_step) * 30_000),
    passkeys,
  };
}

/** One of the staff member's own passkeys; null when there is none of that id, or it is someone else's. */
export async function staffPasskeyOf(deps: Pick<AppDeps, "db">, staffUserId: string, passkeyId: string): Promise<PasskeyView | null> {
  return (await listPasskeys(deps.db, ownerOfStaff(staffUserId))).find((p) => p.id === passkeyId) ?? null;
}

// ---------------------------------------------------------------------------------------
// Adding and removing
// ---------------------------------------------------------------------------------------

/** The options for the "add a passkey" page (the challenge kept for this staff session), or null at the most allowed. */
export async function staffPasskeyRegistration(deps: StaffPasskeyDeps, session: StaffSession): Promise<PublicKeyCredentialCreationOptionsJSON | null> {
  const owner = ownerOfStaff(session.staff.id);
  if ((await countPasskeys(deps.db, owner)) >= MAX_PASSKEYS) return null;
  return registrationOptions(deps.db, deps.clock, staffRp(deps), { kind: "staff", id: session.id }, owner, {
    name: session.staff.username,
    displayName: session.staff.displayName,
  });
}

export type AddStaffPasskeyResult = { ok: true; id: string } | { ok: false; reason: "expired" | "invalid" | "duplicate" | "limit" };

/** Verifies the browser's new passkey (taking the session's challenge) and keeps it under `name`. */
export async function addStaffPasskey(deps: StaffPasskeyDeps, session: StaffSession, name: string, responseText: string, locale: Locale, meta: RequestMeta): Promise<AddStaffPasskeyResult> {
  const staffUserId = session.staff.id;
  const actor = { type: "staff" as const, id: staffUserId };
  const checked = await verifyRegistration(deps.db, deps.clock, staffRp(deps), { kind: "staff", id: session.id }, responseText);
  if (!checked.ok) {
    await deps.db.transaction().execute((trx) => audit(trx, deps, actor, staffUserId, "staff.passkey-refused", meta.requestId, { step: "register", reason: checked.reason, detail: checked.detail ?? null, session: session.id }));
    return { ok: false, reason: checked.reason };
  }
  return deps.db.transaction().execute(async (trx): Promise<AddStaffPasskeyResult> => {
    const staff = await lockStaff(staffTx(trx), staffUserId);
    if (!staff) return { ok: false, reason: "invalid" };
    if ((await countPasskeys(trx, ownerOfStaff(staffUserId))) >= MAX_PASSKEYS) return { ok: false, reason: "limit" };
    const row = await insertPasskey(trx, deps.clock, ownerOfStaff(staffUserId), checked.passkey, name);
    if (!row) return { ok: false, reason: "duplicate" };
    await audit(trx, deps, actor, staffUserId, "staff.passkey-added", meta.requestId, { passkey: row.id, name, synced: checked.passkey.deviceType === "multiDevice", backedUp: checked.passkey.backedUp });
    await queueMail(trx, deps.clock, staffPasskeyChangedEmail, { address: staff.email, locale }, { kind: "added", name });
    return { ok: true, id: row.id };
  });
}

/** Removes one of the staff member's own passkeys; false when it is not theirs (or already gone). */
export async function removeStaffPasskey(deps: Pick<AppDeps, "db" | "clock">, staffUserId: string, passkeyId: string, locale: Locale, meta: RequestMeta): Promise<{ ok: true; name: string } | { ok: false }> {
  return deps.db.transaction().execute(async (trx) => {
    const staff = await lockStaff(staffTx(trx), staffUserId);
    if (!staff) return { ok: false as const };
    const removed = await deletePasskey(trx, ownerOfStaff(staffUserId), passkeyId);
    if (!removed) return { ok: false as const };
    await audit(trx, deps, { type: "staff", id: staffUserId }, staffUserId, "staff.passkey-removed", meta.requestId, { passkey: passkeyId, name: removed.name, reason: "by-staff-member" });
    await queueMail(trx, deps.clock, staffPasskeyChangedEmail, { address: staff.email, locale }, { kind: "removed", name: removed.name });
    return { ok: true as const, name: removed.name };
  });
}

/**
 * In the transaction of an administrator's reset of the staff member's sign-in: every passkey
 * goes (a lost or taken device must not outlive the reset), each audited, and the staff member
 * is told once, in both languages. Returns how many were removed.
 */
export async function removeStaffPasskeysOnReset(trx: Tx, deps: Pick<AppDeps, "clock">, staffUserId: string, email: string, actor: AuditEvent["actor"], requestId: string | null): Promise<number> {
  const removed = await deleteAllPasskeys(trx, ownerOfStaff(staffUserId));
  for (const passkey of removed) {
    await audit(trx, deps, actor, staffUserId, "staff.passkey-removed", requestId, { passkey: passkey.id, name: passkey.name, reason: "sign-in-reset" });
  }
  if (removed.length > 0) await queueMail(trx, deps.clock, staffPasskeyChangedEmail, { address: email, locale: "en" }, { kind: "reset", names: removed.map((p) => p.name) });
  return removed.length;
}
