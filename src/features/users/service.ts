// A company's users (SPEC section 3): the list, adding a person by family name + URN + email
// (USR-3), role changes, contact details, deactivation and reactivation, and the transfer of
// ownership (USR-4).
//
// Concurrency (USR-5): every change starts by locking the company's row (SELECT … FOR UPDATE),
// so the changes of one company run one after the other, whichever app process serves them;
// each then re-reads the actor's membership inside the transaction and checks it with the
// same functions the route middleware used (domain/permissions.ts). The database itself keeps
// "exactly one active owner" (a partial unique index and a deferred constraint trigger,
// migration 0008), so even a bug here could not commit a company with no owner or two.
import type { AppDeps } from "../../web/context.ts";
import type { ExpressionBuilder } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database, Tx } from "../../platform/db/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { recordAudit } from "../../platform/audit.ts";
import { queueMail } from "../../platform/mail/outbox.ts";
import { cancelReservation, reserveAttempt, type ThrottlePolicy } from "../../platform/throttle.ts";
import { assignableRoles, can, canManageUser, type CompanyAction, type CompanyRole, type UserChange } from "../../domain/permissions.ts";
import { parseUrn } from "../../domain/urn.ts";
import { emailsMatch, namesMatch } from "../../domain/names.ts";
import type { Locale } from "../../domain/locale.ts";
import { notify } from "../notifications/service.ts";
import * as emails from "./emails.ts";

/** Who is acting, in which company: what the route's middleware resolved. */
export interface Actor {
  companyId: string;
  personId: string;
}

export interface CompanyUser {
  personId: string;
  givenName: string;
  familyName: string;
  urn: string;
  role: CompanyRole;
  status: "active" | "deactivated";
  /** This company's contact details for the person, falling back to the person's own. */
  jobTitle: string | null;
  email: string;
  phone: string;
  /** What was set for this company only (empty: the person's own details are shown). */
  companyContact: MembershipContact;
  addedAt: Date;
}

export interface MembershipContact {
  jobTitle: string;
  phone: string;
  email: string;
}

/** The identification USR-3 and USR-4 ask for: all three must match one person. */
export interface PersonIdentification {
  familyName: string;
  urn: string;
  email: string;
}

export type Refusal = "forbidden" | "not-found";
export type Outcome<R extends string = never> = { ok: true } | { ok: false; reason: Refusal | R; retryAt?: Date };

/** SEC-3: growing delays on URN look-up failures, per person and per client address. */
const URN_LOOKUP_POLICY: ThrottlePolicy = { freeFailures: 5, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000 };

function fullName(p: { given_name: string; family_name: string }): string {
  return `${p.given_name} ${p.family_name}`;
}

// ---- the transaction's first steps -----------------------------------------------------------

interface LockedCompany {
  id: string;
  legalName: string;
  status: string;
}

/** Locks the company's row: one membership change per company at a time (see the header). */
async function lockCompany(trx: Tx, companyId: string): Promise<LockedCompany | undefined> {
  const row = await trx.selectFrom("companies").select(["id", "legal_name", "status"]).where("id", "=", companyId).forUpdate().executeTakeFirst();
  return row ? { id: row.id, legalName: row.legal_name, status: row.status } : undefined;
}

interface Member {
  personId: string;
  role: CompanyRole;
  status: "active" | "deactivated";
  givenName: string;
  familyName: string;
  email: string;
  locale: Locale;
}

async function member(trx: Tx, companyId: string, personId: string): Promise<Member | undefined> {
  const row = await trx
    .selectFrom("company_users as cu")
    .innerJoin("people as p", "p.id", "cu.person_id")
    .select(["cu.role", "cu.status", "p.given_name", "p.family_name", "p.email", "p.preferred_locale"])
    .where("cu.company_id", "=", companyId)
    .where("cu.person_id", "=", personId)
    .executeTakeFirst();
  return row
    ? { personId, role: row.role, status: row.status, givenName: row.given_name, familyName: row.family_name, email: row.email, locale: row.preferred_locale }
    : undefined;
}

/** Locks the company and returns it with the actor's active membership, if `action` is theirs. */
async function begin(trx: Tx, actor: Actor, action: CompanyAction): Promise<{ company: LockedCompany; me: Member } | undefined> {
  const company = await lockCompany(trx, actor.companyId);
  if (!company || company.status !== "authorized") return undefined;
  const me = await member(trx, actor.companyId, actor.personId);
  if (!me || me.status !== "active" || !can(me.role, action)) return undefined;
  return { company, me };
}

/** The person identified by family name + URN + email, or undefined (never which part failed). */
async function identify(trx: Tx, id: PersonIdentification): Promise<{ id: string; given_name: string; family_name: string; email: string; preferred_locale: Locale } | undefined> {
  const urn = parseUrn(id.urn);
  if (!urn) return undefined;
  // An expired URN identifies no one (EXP-1): it opens nothing, and nobody can be added by it.
  const person = await trx
    .selectFrom("people")
    .select(["id", "given_name", "family_name", "email", "preferred_locale"])
    .where("urn", "=", urn)
    .where("urn_expired_at", "is", null)
    .executeTakeFirst();
  if (!person || !namesMatch(id.familyName, person.family_name) || !emailsMatch(id.email, person.email)) return undefined;
  return person;
}

/**
 * A look-up of a person by family name + URN + email is a guess (USR-3): counted per person
 * and per address before the person is looked for (SEC-7), and given back unless it found no
 * match.
 */
async function throttledLookup<T extends { ok: boolean; reason?: string }>(
  deps: AppDeps,
  actor: Actor,
  meta: RequestMeta,
  lookup: () => Promise<T>,
): Promise<T | { ok: false; reason: "throttled"; retryAt: Date }> {
  const reserved = await reserveAttempt(
    deps.db,
    [
      { key: `urn:person:${actor.personId}`, policy: URN_LOOKUP_POLICY },
      { key: `urn:ip:${meta.address}`, policy: URN_LOOKUP_POLICY },
    ],
    deps.clock.now(),
  );
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };
  const outcome = await lookup();
  if (outcome.ok || outcome.reason !== "no-match") await cancelReservation(deps.db, reserved.reservation);
  return outcome;
}

// ---- adding a user (USR-3) -------------------------------------------------------------------

export type AddOutcome = Outcome<"no-match" | "throttled" | "role-not-allowed" | "already-member" | "deactivated-member">;

export async function addUser(deps: AppDeps, actor: Actor, id: PersonIdentification, role: CompanyRole, meta: RequestMeta): Promise<AddOutcome> {
  return throttledLookup(deps, actor, meta, () => deps.db.transaction().execute(async (trx): Promise<AddOutcome> => {
    const started = await begin(trx, actor, "users.add");
    if (!started) return { ok: false, reason: "forbidden" };
    const { company, me } = started;
    if (!assignableRoles(me.role).includes(role)) return { ok: false, reason: "role-not-allowed" };
    const person = await identify(trx, id);
    if (!person) return { ok: false, reason: "no-match" };
    const existing = await member(trx, company.id, person.id);
    if (existing) return { ok: false, reason: existing.status === "active" ? "already-member" : "deactivated-member" };
    const now = deps.clock.now();
    await trx
      .insertInto("company_users")
      .values({ company_id: company.id, person_id: person.id, role, status: "active", created_at: now, updated_at: now, added_by_person_id: me.personId })
      .execute();
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: me.personId },
      action: "company-user.added",
      subject: { type: "person", id: person.id },
      companyId: company.id,
      after: { role, status: "active" },
      requestId: meta.requestId,
    });
    await notify(trx, deps.clock, company.id, "user-added", { name: fullName(person), role });
    await queueMail(trx, deps.clock, emails.userAddedEmail, { address: person.email, locale: person.preferred_locale }, {
      name: person.given_name,
      company: company.legalName,
      role,
      by: fullName({ given_name: me.givenName, family_name: me.familyName }),
    });
    return { ok: true };
  }));
}

// ---- managing a user ---------------------------------------------------------------------------

/** Writes one membership's row (the caller has locked the company and checked the change). */
async function updateMembership(
  trx: Tx,
  clock: Clock,
  companyId: string,
  personId: string,
  set: { role?: CompanyRole; status?: "active" | "deactivated"; deactivated_reason?: "by-user" | "urn-expired" | "owner-urn-expired" | null; job_title?: string | null; phone?: string | null; email?: string | null },
): Promise<void> {
  await trx.updateTable("company_users").set({ ...set, updated_at: clock.now() }).where("company_id", "=", companyId).where("person_id", "=", personId).execute();
}

/** Deactivates or reactivates `target` for `me`, with its audit event, notification and email. */
async function applyStatus(trx: Tx, deps: AppDeps, company: LockedCompany, me: Member, target: Member, status: "active" | "deactivated", meta: RequestMeta): Promise<void> {
  const deactivating = status === "deactivated";
  await updateMembership(trx, deps.clock, company.id, target.personId, { status, deactivated_reason: deactivating ? "by-user" : null });
  await recordAudit(trx, deps.clock, {
    actor: { type: "trader", id: me.personId },
    action: deactivating ? "company-user.deactivated" : "company-user.reactivated",
    subject: { type: "person", id: target.personId },
    companyId: company.id,
    before: { status: target.status },
    after: { status },
    requestId: meta.requestId,
  });
  const name = fullName({ given_name: target.givenName, family_name: target.familyName });
  await notify(trx, deps.clock, company.id, deactivating ? "user-deactivated" : "user-reactivated", { name });
  await queueMail(trx, deps.clock, deactivating ? emails.deactivatedEmail : emails.reactivatedEmail, { address: target.email, locale: target.locale }, {
    name: target.givenName,
    company: company.legalName,
  });
}

/** The common path of a change to another user: lock, re-check with canManageUser, apply. */
async function manage(
  deps: AppDeps,
  actor: Actor,
  targetId: string,
  change: UserChange,
  newRole: CompanyRole | undefined,
  apply: (trx: Tx, ctx: { company: LockedCompany; me: Member; target: Member }) => Promise<void>,
): Promise<Outcome> {
  if (!/^[0-9]{1,18}$/.test(targetId)) return { ok: false, reason: "not-found" };
  return deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    const company = await lockCompany(trx, actor.companyId);
    if (!company || company.status !== "authorized") return { ok: false, reason: "forbidden" };
    const me = await member(trx, actor.companyId, actor.personId);
    if (!me || me.status !== "active") return { ok: false, reason: "forbidden" };
    const target = await member(trx, actor.companyId, targetId);
    if (!target) return { ok: false, reason: "not-found" };
    if (!canManageUser(me, target, change, newRole)) return { ok: false, reason: "forbidden" };
    await apply(trx, { company, me, target });
    return { ok: true };
  });
}

/** What a person may do to a user, for showing only the actions that would be accepted. */
export function allowedChanges(me: { personId: string; role: CompanyRole }, target: { personId: string; role: CompanyRole; status: string }): AllowedChanges {
  // The answer depends on the two roles, whether it is oneself and the status only; kept (frozen)
  // per combination, as the users page asks it for each of up to hundreds of rows.
  const key = `${me.role}/${me.personId === target.personId}/${target.role}/${target.status}`;
  let allowed = ALLOWED_CHANGES.get(key);
  if (!allowed) {
    allowed = Object.freeze({
      editContact: canManageUser(me, target, "edit-contact"),
      roles: Object.freeze(assignableRoles(me.role).filter((r) => canManageUser(me, target, "change-role", r))),
      deactivate: target.status === "active" && canManageUser(me, target, "deactivate"),
      reactivate: target.status === "deactivated" && canManageUser(me, target, "reactivate"),
    });
    if (ALLOWED_CHANGES.size < 1000) ALLOWED_CHANGES.set(key, allowed);
  }
  return allowed;
}

export interface AllowedChanges {
  readonly editContact: boolean;
  readonly roles: readonly CompanyRole[];
  readonly deactivate: boolean;
  readonly reactivate: boolean;
}
const ALLOWED_CHANGES = new Map<string, AllowedChanges>();

export async function changeRole(deps: AppDeps, actor: Actor, targetId: string, role: CompanyRole, meta: RequestMeta): Promise<Outcome> {
  return manage(deps, actor, targetId, "change-role", role, async (trx, { company, me, target }) => {
    if (target.role === role) return;
    await updateMembership(trx, deps.clock, company.id, target.personId, { role });
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: me.personId },
      action: "company-user.role-changed",
      subject: { type: "person", id: target.personId },
      companyId: company.id,
      before: { role: target.role },
      after: { role },
      requestId: meta.requestId,
    });
    await notify(trx, deps.clock, company.id, "role-changed", { name: fullName({ given_name: target.givenName, family_name: target.familyName }), from: target.role, to: role });
    await queueMail(trx, deps.clock, emails.roleChangedEmail, { address: target.email, locale: target.locale }, { name: target.givenName, company: company.legalName, role });
  });
}

export async function setActive(deps: AppDeps, actor: Actor, targetId: string, change: "deactivate" | "reactivate", meta: RequestMeta): Promise<Outcome> {
  const status = change === "deactivate" ? "deactivated" : "active";
  return manage(deps, actor, targetId, change, undefined, async (trx, { company, me, target }) => {
    if (target.status !== status) await applyStatus(trx, deps, company, me, target, status, meta);
  });
}

export async function updateContact(deps: AppDeps, actor: Actor, targetId: string, contact: MembershipContact, meta: RequestMeta): Promise<Outcome> {
  return manage(deps, actor, targetId, "edit-contact", undefined, async (trx, { company, me, target }) => {
    const before = await trx
      .selectFrom("company_users")
      .select(["job_title", "phone", "email"])
      .where("company_id", "=", company.id)
      .where("person_id", "=", target.personId)
      .executeTakeFirstOrThrow();
    const after = { job_title: contact.jobTitle || null, phone: contact.phone || null, email: contact.email || null };
    await updateMembership(trx, deps.clock, company.id, target.personId, after);
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: me.personId },
      action: "company-user.contact-updated",
      subject: { type: "person", id: target.personId },
      companyId: company.id,
      before,
      after,
      requestId: meta.requestId,
    });
  });
}

// ---- transfer of ownership (USR-4) ----------------------------------------------------------

export type OutgoingChoice = Exclude<CompanyRole, "owner"> | "leave";

export const OUTGOING_CHOICES: readonly OutgoingChoice[] = ["proxy", "full-access", "admin-only", "leave"];

export interface Transferee {
  personId: string;
  givenName: string;
  familyName: string;
  role: CompanyRole;
}

export type FindOutcome = { ok: true; transferee: Transferee } | { ok: false; reason: Refusal | "no-match" | "throttled"; retryAt?: Date };

/**
 * The active user of the company (not the owner) identified by family name + URN + email.
 * One answer for every mismatch, whether the person exists, is not a user of the company, or
 * one of the three parts differs.
 */
async function findTransferee(trx: Tx, companyId: string, ownerId: string, id: PersonIdentification): Promise<Transferee | undefined> {
  const person = await identify(trx, id);
  if (!person || person.id === ownerId) return undefined;
  const m = await member(trx, companyId, person.id);
  if (!m || m.status !== "active") return undefined;
  return { personId: person.id, givenName: person.given_name, familyName: person.family_name, role: m.role };
}

/** The first step of a transfer: who would become owner (nothing changes). */
export async function previewTransfer(deps: AppDeps, actor: Actor, id: PersonIdentification, meta: RequestMeta): Promise<FindOutcome> {
  return throttledLookup(deps, actor, meta, () => deps.db.transaction().execute(async (trx): Promise<FindOutcome> => {
    const started = await begin(trx, actor, "ownership.transfer");
    if (!started) return { ok: false, reason: "forbidden" };
    const transferee = await findTransferee(trx, actor.companyId, actor.personId, id);
    return transferee ? { ok: true, transferee } : { ok: false, reason: "no-match" };
  }));
}

export async function transferOwnership(deps: AppDeps, actor: Actor, id: PersonIdentification, outgoing: OutgoingChoice, meta: RequestMeta): Promise<FindOutcome> {
  return throttledLookup(deps, actor, meta, () => deps.db.transaction().execute(async (trx): Promise<FindOutcome> => {
    const started = await begin(trx, actor, "ownership.transfer");
    if (!started) return { ok: false, reason: "forbidden" };
    const { company, me } = started;
    const transferee = await findTransferee(trx, company.id, me.personId, id);
    if (!transferee) return { ok: false, reason: "no-match" };
    // The outgoing owner first: the partial unique index allows one active owner at any moment.
    if (outgoing === "leave") {
      await trx.deleteFrom("company_users").where("company_id", "=", company.id).where("person_id", "=", me.personId).execute();
    } else {
      await updateMembership(trx, deps.clock, company.id, me.personId, { role: outgoing });
    }
    await updateMembership(trx, deps.clock, company.id, transferee.personId, { role: "owner" });
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: me.personId },
      action: "company.ownership-transferred",
      subject: { type: "company", id: company.id },
      companyId: company.id,
      before: { owner: me.personId, newOwnerRole: transferee.role },
      after: { owner: transferee.personId, previousOwner: outgoing },
      requestId: meta.requestId,
    });
    const from = fullName({ given_name: me.givenName, family_name: me.familyName });
    const to = fullName({ given_name: transferee.givenName, family_name: transferee.familyName });
    await notify(trx, deps.clock, company.id, "ownership-transferred", { from, to });
    if (outgoing === "leave") await notify(trx, deps.clock, company.id, "user-left", { name: from });
    const newOwner = await member(trx, company.id, transferee.personId);
    await queueMail(trx, deps.clock, emails.ownershipReceivedEmail, { address: newOwner!.email, locale: newOwner!.locale }, { name: transferee.givenName, company: company.legalName, from });
    await queueMail(trx, deps.clock, emails.ownershipHandedOverEmail, { address: me.email, locale: me.locale }, { name: me.givenName, company: company.legalName, to, outgoing });
    return { ok: true, transferee };
  }));
}

// ---- expired URNs (EXP-1, EXP-3) -------------------------------------------------------------

/**
 * What a person's expired URN does to their companies, in the caller's transaction: each of
 * their memberships is deactivated; where they are the account owner, every other user of the
 * company is deactivated too (EXP-3), and stays so until the owner, back with a new URN,
 * reactivates them. The owner's own membership stays: the expired URN already keeps them out,
 * and a company always has exactly one owner (USR-5).
 */
export async function cascadeUrnExpiry(trx: Tx, clock: Clock, personId: string, requestId: string | null): Promise<void> {
  const person = await trx.selectFrom("people").select(["given_name", "family_name"]).where("id", "=", personId).executeTakeFirstOrThrow();
  const name = fullName(person);
  const memberships = await trx
    .selectFrom("company_users")
    .select(["company_id", "role"])
    .where("person_id", "=", personId)
    .where("status", "=", "active")
    .orderBy("company_id")
    .execute();
  const now = clock.now();
  for (const m of memberships) {
    const company = await lockCompany(trx, m.company_id);
    if (!company) continue;
    if (m.role === "owner") {
      const others = await trx
        .updateTable("company_users")
        .set({ status: "deactivated", deactivated_reason: "owner-urn-expired", updated_at: now })
        .where("company_id", "=", company.id)
        .where("status", "=", "active")
        .where("person_id", "!=", personId)
        .returning("person_id")
        .execute();
      await recordAudit(trx, clock, {
        actor: { type: "system" },
        action: "company.owner-urn-expired",
        subject: { type: "company", id: company.id },
        companyId: company.id,
        before: { owner: personId },
        after: { deactivated: others.map((o) => o.person_id) },
        requestId,
      });
      await notify(trx, clock, company.id, "owner-urn-expired", { name });
      for (const other of others) {
        const p = await trx.selectFrom("people").select(["given_name", "email", "preferred_locale"]).where("id", "=", other.person_id).executeTakeFirstOrThrow();
        await queueMail(trx, clock, emails.ownerExpiredEmail, { address: p.email, locale: p.preferred_locale }, { name: p.given_name, company: company.legalName });
      }
    } else {
      await updateMembership(trx, clock, company.id, personId, { status: "deactivated", deactivated_reason: "urn-expired" });
      await recordAudit(trx, clock, {
        actor: { type: "system" },
        action: "company-user.urn-expired",
        subject: { type: "person", id: personId },
        companyId: company.id,
        before: { status: "active", role: m.role },
        after: { status: "deactivated", reason: "urn-expired" },
        requestId,
      });
      await notify(trx, clock, company.id, "user-urn-expired", { name });
    }
  }
}

/** `usersToReactivate` of the company in the enclosing query, as a JSON array (one round trip). */
export function usersToReactivateOf(eb: ExpressionBuilder<Database, "companies">) {
  return jsonArrayFrom(
    eb
      .selectFrom("company_users as cu")
      .innerJoin("people as p", "p.id", "cu.person_id")
      .select(["cu.person_id", "p.given_name", "p.family_name"])
      .whereRef("cu.company_id", "=", "companies.id")
      .where("cu.status", "=", "deactivated")
      .where("cu.deactivated_reason", "in", ["owner-urn-expired", "urn-expired"])
      .where("p.urn_expired_at", "is", null)
      .orderBy("p.family_name"),
  );
}

export function reactivationListFromJson(rows: { person_id: string; given_name: string; family_name: string }[]): { personId: string; name: string }[] {
  return rows.map((r) => ({ personId: String(r.person_id), name: fullName(r) }));
}

/** Users deactivated by an expired URN whose URN works again: the owner reactivates them (EXP-3). */
export async function usersToReactivate(deps: Pick<AppDeps, "db">, companyId: string): Promise<{ personId: string; name: string }[]> {
  const rows = await deps.db
    .selectFrom("company_users as cu")
    .innerJoin("people as p", "p.id", "cu.person_id")
    .select(["cu.person_id", "p.given_name", "p.family_name"])
    .where("cu.company_id", "=", companyId)
    .where("cu.status", "=", "deactivated")
    .where("cu.deactivated_reason", "in", ["owner-urn-expired", "urn-expired"])
    .where("p.urn_expired_at", "is", null)
    .orderBy("p.family_name")
    .execute();
  return rows.map((r) => ({ personId: r.person_id, name: fullName(r) }));
}

/** Reactivates, at once, every user `usersToReactivate` lists (EXP-3). */
export async function reactivateAfterExpiry(deps: AppDeps, actor: Actor, meta: RequestMeta): Promise<{ ok: true; count: number } | { ok: false; reason: Refusal }> {
  return deps.db.transaction().execute(async (trx) => {
    const started = await begin(trx, actor, "users.reactivate");
    if (!started) return { ok: false as const, reason: "forbidden" as const };
    const { company, me } = started;
    const waiting = await usersToReactivate({ db: trx }, company.id);
    let count = 0;
    for (const w of waiting) {
      const target = await member(trx, company.id, w.personId);
      if (!target || !canManageUser(me, target, "reactivate")) continue;
      await applyStatus(trx, deps, company, me, target, "active", meta);
      count++;
    }
    return { ok: true as const, count };
  });
}

/** The companies a person can no longer open, and why (their account page says so). */
export async function lockedMemberships(
  deps: Pick<AppDeps, "db">,
  personId: string,
): Promise<{ companyId: string; legalName: string; reason: "by-user" | "urn-expired" | "owner-urn-expired" }[]> {
  const rows = await deps.db
    .selectFrom("company_users")
    .innerJoin("companies", "companies.id", "company_users.company_id")
    .select(["companies.id", "companies.legal_name", "company_users.deactivated_reason"])
    .where("company_users.person_id", "=", personId)
    .where("company_users.status", "=", "deactivated")
    .orderBy("companies.legal_name")
    .execute();
  return rows.map((r) => ({ companyId: r.id, legalName: r.legal_name, reason: r.deactivated_reason ?? "by-user" }));
}
