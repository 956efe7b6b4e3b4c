// The company's own record as one JSON file (APP-16: open data about themselves): the company,
// its profiles as they are now, every submission (with the canonical JSON its SHA-256 was taken
// over, so anyone can re-hash it), the decisions and their letters' facts, requests for
// information, site validations, action plans, the company's users and its audit timeline.
// Its shape is declared in format.ts and published as a JSON Schema (company-record.schema.json,
// served at SCHEMA_PATH).
//
// What is read is ONE company's, and only what the company may see of itself:
// - never a storage key, URN, credential, hash of a secret, session or token;
// - never the identity of a CBSA officer (who decided, scheduled, asked): "cbsa";
// - people are named only when they are (or were) users of this company;
// - an audit event's before/after only through a whitelist of facts per action (CHANGES).
// USR-2: a role that may not view the application and security profiles (admin-only) gets
// `profiles: null` and submissions without their snapshot and content; `omitted` says so.
//
// Every read happens in one read-only, repeatable-read transaction: the file is one moment's
// record, not pieces of several.
import type { AppDeps } from "../../web/context.ts";
import type { Tx } from "../../platform/db/index.ts";
import type { PostalAddress } from "../../platform/db/schema.ts";
import { can, type CompanyRole } from "../../domain/permissions.ts";
import { APPLICATION, divisionSubject } from "../profiles/service.ts";
import { RECORD_FORMAT, SCHEMA_PATH, type ChangeValue, type CompanyRecordExport, type Day, type Iso, type RecordAddress, type RecordAnswer, type RecordEvidence, type RecordLetter, type RecordOmission, type RecordProfiles, type RecordTimelineEvent } from "./format.ts";

/** Profiles' events: their facts are part of the profiles, left out with them (USR-2). */
const PROFILE_EVENT = /^(profile\.|evidence\.|division\.|application\.line-)/;

/**
 * The facts of an audit event's before/after that the company's record shows, by action (or
 * action prefix ending in "."). Anything not named here is left out: person ids (owners,
 * deactivated users), URNs, sessions, credentials, staff ids (assignments), the officer's
 * findings, the answers themselves (they are in `profiles`), virus signatures. Only strings,
 * numbers, booleans, null and arrays of strings pass; objects never do.
 */
const CHANGES: Record<string, readonly string[]> = {
  "membership.": ["status", "reasons", "decision"],
  "company.registered": ["legalName", "bn9", "clientNumber", "lines"],
  "company.created-by-cbsa": ["legalName", "bn9", "clientNumber"],
  "company.activated": ["status"],
  "company.terms-accepted": ["status"],
  "company.profile-updated": ["legalName", "operatingName", "businessStartedOn", "employeeCount", "website"],
  "letter.sent": ["trackingNumber", "sentOn"],
  "company-user.added": ["role", "status"],
  "company-user.deactivated": ["status", "reason"],
  "company-user.reactivated": ["status"],
  "company-user.role-changed": ["role"],
  "company-user.urn-expired": ["status", "role", "reason"],
  "company-user.urn-reissued": ["reason"],
  "application.submitted": ["reference", "sha256", "kind"],
  "application.response-submitted": ["reference", "sha256"],
  "application.changes-submitted": ["reference", "sha256", "differences"],
  "application.action-plan-submitted": ["reference", "sha256"],
  "application.appeal-submitted": ["reference", "sha256"],
  "review.action-plan-requested": ["dueOn", "decision"],
  "application.line-added": ["lines"],
  "application.line-removed": ["lines"],
  "evidence.attached": ["subject", "item", "fileName", "size", "mime", "sha256", "scan"],
  "evidence.removed": ["subject", "item", "fileName", "sha256"],
  "evidence.refused-infected": ["subject", "item", "fileName", "size", "sha256"],
  "division.created": ["name", "lines", "facilities", "first"],
  "division.updated": ["name", "lines", "facilities"],
  "division.deleted": ["name", "answers", "files"],
  "review.information-requested": ["dueOn"],
  "review.site-validation-scheduled": ["date", "facility"],
  "review.site-validation-recorded": ["outcome", "note"],
  "record.exported": ["format", "role", "sha256"],
};

function allowedKeys(action: string): readonly string[] {
  if (CHANGES[action]) return CHANGES[action];
  const prefix = Object.keys(CHANGES).find((k) => k.endsWith(".") && action.startsWith(k));
  return prefix ? CHANGES[prefix]! : [];
}

function whitelisted(values: Record<string, unknown> | null, keys: readonly string[]): Record<string, ChangeValue> | null {
  if (!values || keys.length === 0) return null;
  const out: Record<string, ChangeValue> = {};
  for (const key of keys) {
    if (!Object.hasOwn(values, key)) continue;
    const v = values[key];
    if (v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) out[key] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[key] = [...v];
  }
  return Object.keys(out).length > 0 ? out : null;
}

const iso = (v: Date | string): Iso => new Date(v).toISOString();
const isoOrNull = (v: Date | string | null | undefined): Iso | null => (v === null || v === undefined ? null : iso(v));
const day = (v: string): Day => v.slice(0, 10);
const dayOrNull = (v: string | null | undefined): Day | null => (v ? day(v) : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

function address(a: PostalAddress | Record<string, unknown>): RecordAddress {
  const r = a as Record<string, unknown>;
  return {
    line1: str(r["line1"]) ?? "",
    line2: str(r["line2"]) ?? "",
    city: str(r["city"]) ?? "",
    region: str(r["region"]) ?? "",
    postalCode: str(r["postalCode"]) ?? "",
    country: str(r["country"]) ?? "",
  };
}

/** A decision letter's facts (decisions.letter), field by field: whatever else it may grow is not exported. */
function letterOf(raw: Record<string, unknown> | null): RecordLetter | null {
  if (!raw) return null;
  const company = raw["company"] as Record<string, unknown> | null | undefined;
  const sv = raw["siteValidation"] as Record<string, unknown> | null | undefined;
  const rv = raw["revalidation"] as Record<string, unknown> | null | undefined;
  return {
    reference: str(raw["reference"]) ?? "",
    transition: str(raw["transition"]) ?? "",
    decidedOn: day(str(raw["decidedOn"]) ?? ""),
    language: raw["locale"] === "fr" ? "fr" : "en",
    company: company
      ? {
          legalName: str(company["legalName"]) ?? "",
          clientNumber: str(company["clientNumber"]) ?? "",
          address: Array.isArray(company["address"]) ? company["address"].filter((l): l is string => typeof l === "string") : [],
        }
      : null,
    reasons: str(raw["reasons"]) ?? "",
    memberSince: dayOrNull(str(raw["memberSince"])),
    anniversaryOn: dayOrNull(str(raw["anniversaryOn"])),
    informalReviewBy: dayOrNull(str(raw["informalReviewBy"])),
    siteValidation: sv ? { date: day(str(sv["date"]) ?? ""), facility: str(sv["facility"]) ?? "", outcome: str(sv["outcome"]) } : null,
    actionPlanDueOn: dayOrNull(str(raw["actionPlanDueOn"])),
    revalidation: rv ? { anniversaryOn: day(str(rv["anniversaryOn"]) ?? ""), resubmitBy: day(str(rv["resubmitBy"]) ?? "") } : null,
  };
}

const PROFILES_OMITTED = "This role may not view the application and security profiles (USR-2): they are left out.";

/**
 * The record of `companyId` as `role` may see it. The caller has checked that the person is an
 * active user of the company with that role (the route's companyAction).
 */
export async function companyRecordExport(deps: Pick<AppDeps, "db" | "clock">, companyId: string, role: CompanyRole): Promise<CompanyRecordExport> {
  const seesProfiles = can(role, "application-profile.view") && can(role, "security-profile.view");
  const generatedAt = deps.clock.now();
  return deps.db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute((trx) => read(trx, companyId, role, seesProfiles, generatedAt));
}

async function read(trx: Tx, companyId: string, role: CompanyRole, seesProfiles: boolean, generatedAt: Date): Promise<CompanyRecordExport> {
  const co = await trx.selectFrom("companies").selectAll().where("id", "=", companyId).executeTakeFirstOrThrow();
  const [users, submissions, decisions, requests, visits, plans, events] = await Promise.all([
    trx
      .selectFrom("company_users as cu")
      .innerJoin("people as p", "p.id", "cu.person_id")
      .select([
        "p.id",
        "p.given_name",
        "p.family_name",
        "p.email",
        "p.preferred_locale",
        "cu.role",
        "cu.status",
        "cu.deactivated_reason",
        "cu.job_title",
        "cu.phone",
        "cu.email as contact_email",
        "cu.created_at",
        "cu.updated_at",
      ])
      .where("cu.company_id", "=", companyId)
      .orderBy("cu.created_at")
      .orderBy("p.id")
      .execute(),
    trx
      .selectFrom("submissions")
      .select(["id", "kind", "reference", "catalogue_version", "submitted_at", "declared_name", "sha256", "content"])
      .where("company_id", "=", companyId)
      .orderBy("id")
      .execute(),
    trx
      .selectFrom("decisions")
      .select(["id", "reference", "transition", "from_status", "to_status", "reasons", "decided_at", "decided_by_staff_id", "decided_by_person_id", "letter"])
      .where("company_id", "=", companyId)
      .orderBy("id")
      .execute(),
    trx
      .selectFrom("information_requests as r")
      .leftJoin("submissions as s", (j) => j.onRef("s.id", "=", "r.response_submission_id").onRef("s.company_id", "=", "r.company_id"))
      .select(["r.id", "r.message", "r.items", "r.due_on", "r.created_at", "r.responded_at", "s.reference as response_reference"])
      .where("r.company_id", "=", companyId)
      .orderBy("r.id")
      .execute(),
    trx
      .selectFrom("site_validations")
      .select(["id", "scheduled_on", "facility", "scheduled_at", "outcome", "outcome_note", "recorded_at"])
      .where("company_id", "=", companyId)
      .orderBy("id")
      .execute(),
    trx
      .selectFrom("action_plans as a")
      .leftJoin("decisions as d", (j) => j.onRef("d.id", "=", "a.decision_id").onRef("d.company_id", "=", "a.company_id"))
      .leftJoin("submissions as s", (j) => j.onRef("s.id", "=", "a.response_submission_id").onRef("s.company_id", "=", "a.company_id"))
      .select(["a.id", "a.reasons", "a.due_on", "a.created_at", "a.created_by_staff_id", "a.reminded_at", "a.responded_at", "d.reference as decision_reference", "s.reference as response_reference"])
      .where("a.company_id", "=", companyId)
      .orderBy("a.id")
      .execute(),
    trx
      .selectFrom("audit_events")
      .select(["occurred_at", "actor_type", "actor_id", "action", "subject_type", "subject_id", "before", "after"])
      .where("company_id", "=", companyId)
      .orderBy("occurred_at")
      .orderBy("id")
      .execute(),
  ]);

  const omitted: RecordOmission[] = seesProfiles
    ? []
    : [
        { path: "/profiles", reason: "role-may-not-view-profiles", explanation: PROFILES_OMITTED },
        { path: "/submissions/*/content", reason: "role-may-not-view-profiles", explanation: "A submission's content is a snapshot of the profiles: left out for this role (USR-2). Its sha256 stays." },
        { path: "/submissions/*/snapshot", reason: "role-may-not-view-profiles", explanation: "A submission's snapshot holds the profiles: left out for this role (USR-2)." },
        { path: "/timeline/*/before", reason: "role-may-not-view-profiles", explanation: "The facts of the profiles' events (answers, divisions, evidence files, lines) are left out for this role (USR-2)." },
        { path: "/timeline/*/after", reason: "role-may-not-view-profiles", explanation: "The facts of the profiles' events (answers, divisions, evidence files, lines) are left out for this role (USR-2)." },
      ];

  const userNames = new Map(users.map((u) => [String(u.id), `${u.given_name} ${u.family_name}`]));

  return {
    $schema: SCHEMA_PATH,
    format: RECORD_FORMAT,
    generatedAt: iso(generatedAt),
    role,
    omitted,
    company: {
      id: String(co.id),
      legalName: co.legal_name,
      operatingName: co.operating_name,
      clientNumber: co.client_number,
      bn9: co.bn9,
      programAccount: co.program_account,
      carrierCode: co.carrier_code,
      country: co.country,
      correspondenceLanguage: co.correspondence_locale,
      linesOfBusiness: [...co.lines_of_business],
      headOffice: address(co.address),
      mailingAddress: co.mailing_address ? address(co.mailing_address) : null,
      facilities: (co.facilities ?? []).map((f) => ({ name: f.name, address: address(f.address) })),
      businessStartedOn: dayOrNull(co.business_started_on),
      employeeCount: co.employee_count,
      website: co.website,
      primaryContact: co.primary_contact
        ? { name: co.primary_contact.name, title: co.primary_contact.title, phone: co.primary_contact.phone, email: co.primary_contact.email }
        : null,
      accountStatus: co.status,
      origin: co.origin,
      createdAt: iso(co.created_at),
      activatedAt: isoOrNull(co.activated_at),
      authorizedAt: isoOrNull(co.authorized_at),
      profileUpdatedAt: isoOrNull(co.profile_updated_at),
      membership: {
        status: co.membership_status,
        changedAt: isoOrNull(co.membership_changed_at),
        memberSince: dayOrNull(co.member_since),
        anniversaryOn: dayOrNull(co.anniversary_on),
        denialProposedAt: isoOrNull(co.denial_proposed_at),
        cancelledAt: isoOrNull(co.cancelled_at),
        cancellationFinalAt: isoOrNull(co.cancellation_final_at),
      },
    },
    profiles: seesProfiles ? await readProfiles(trx, companyId) : null,
    submissions: submissions.map((s) => ({
      id: String(s.id),
      kind: s.kind,
      reference: s.reference,
      catalogueVersion: s.catalogue_version,
      submittedAt: iso(s.submitted_at),
      declaredName: s.declared_name,
      sha256: s.sha256,
      content: seesProfiles ? s.content : null,
      snapshot: seesProfiles ? (JSON.parse(s.content) as Record<string, unknown>) : null,
    })),
    decisions: decisions.map((d) => ({
      id: String(d.id),
      reference: d.reference,
      transition: d.transition,
      fromStatus: d.from_status,
      toStatus: d.to_status,
      reasons: d.reasons,
      decidedAt: iso(d.decided_at),
      decidedBy: d.decided_by_staff_id ? "cbsa" : d.decided_by_person_id ? "company" : "portal",
      letter: letterOf(d.letter),
    })),
    informationRequests: requests.map((r) => ({
      id: String(r.id),
      message: r.message,
      items: (r.items ?? []).map((i) => ({ subject: i.subject, itemId: i.itemId })),
      dueOn: day(r.due_on),
      createdAt: iso(r.created_at),
      respondedAt: isoOrNull(r.responded_at),
      responseSubmissionReference: r.response_reference ?? null,
    })),
    siteValidations: visits.map((v) => ({
      id: String(v.id),
      scheduledOn: day(v.scheduled_on),
      facility: v.facility,
      scheduledAt: iso(v.scheduled_at),
      outcome: v.outcome ?? null,
      note: v.outcome_note ?? null,
      recordedAt: isoOrNull(v.recorded_at),
    })),
    actionPlans: plans.map((a) => ({
      id: String(a.id),
      decisionReference: a.decision_reference ?? null,
      reasons: a.reasons,
      dueOn: day(a.due_on),
      createdAt: iso(a.created_at),
      createdBy: a.created_by_staff_id ? "cbsa" : "portal",
      remindedAt: isoOrNull(a.reminded_at),
      respondedAt: isoOrNull(a.responded_at),
      responseSubmissionReference: a.response_reference ?? null,
    })),
    users: users.map((u) => ({
      id: String(u.id),
      givenName: u.given_name,
      familyName: u.family_name,
      email: u.email,
      preferredLanguage: u.preferred_locale,
      role: u.role,
      status: u.status,
      deactivatedReason: u.deactivated_reason ?? null,
      contact: { jobTitle: u.job_title ?? null, phone: u.phone ?? null, email: u.contact_email ?? null },
      addedAt: iso(u.created_at),
      updatedAt: iso(u.updated_at),
    })),
    timeline: events.map((e): RecordTimelineEvent => {
      const keys = !seesProfiles && PROFILE_EVENT.test(e.action) ? [] : allowedKeys(e.action);
      const subjectId = e.subject_id === null ? null : String(e.subject_id);
      const subjectName = e.subject_type === "person" && subjectId ? userNames.get(subjectId) : undefined;
      return {
        occurredAt: iso(e.occurred_at),
        action: e.action,
        // A person is named when they are one of the company's users; their id is then the users' id.
        subject: e.subject_type === "person" ? { type: "person", id: subjectName ? subjectId : null, ...(subjectName ? { name: subjectName } : {}) } : { type: e.subject_type, id: e.subject_type.startsWith("staff") ? null : subjectId },
        actor: actorOf(e.actor_type, e.actor_id === null ? null : String(e.actor_id), userNames),
        before: whitelisted(e.before, keys),
        after: whitelisted(e.after, keys),
      };
    }),
  };
}

function actorOf(type: string, id: string | null, userNames: ReadonlyMap<string, string>): RecordTimelineEvent["actor"] {
  if (type === "staff") return { type: "cbsa" };
  if (type === "system") return { type: "portal" };
  if (type === "trader" && id) {
    const name = userNames.get(id);
    return name ? { type: "user", userId: id, name } : { type: "person" };
  }
  return { type: "anonymous" };
}

async function readProfiles(trx: Tx, companyId: string): Promise<RecordProfiles> {
  const [divisions, answers, files] = await Promise.all([
    trx.selectFrom("divisions").select(["id", "name", "lines", "facilities", "created_at", "updated_at"]).where("company_id", "=", companyId).orderBy("id").execute(),
    trx
      .selectFrom("profile_answers")
      .select(["subject", "item_id", "catalogue_version", "answer", "updated_at"])
      .where("company_id", "=", companyId)
      .orderBy("subject")
      .orderBy("item_id")
      .execute(),
    // Never storage_key (where the bytes are) nor the scanner's signature text.
    trx
      .selectFrom("evidence_files")
      .select(["id", "subject", "item_id", "file_name", "size", "mime", "sha256", "scan_status", "uploaded_at", "submitted_at"])
      .where("company_id", "=", companyId)
      .orderBy("id")
      .execute(),
  ]);
  const answersOf = (subject: string): RecordAnswer[] =>
    answers
      .filter((a) => a.subject === subject)
      .map((a) => ({
        item: a.item_id,
        catalogueVersion: a.catalogue_version,
        value: a.answer.value ?? null,
        ...(a.answer.explanation === undefined ? {} : { explanation: a.answer.explanation }),
        updatedAt: iso(a.updated_at),
      }));
  const evidenceOf = (subject: string): RecordEvidence[] =>
    files
      .filter((f) => f.subject === subject)
      .map((f) => ({
        id: String(f.id),
        subject: f.subject,
        item: f.item_id,
        fileName: f.file_name,
        size: Number(f.size),
        mime: f.mime,
        sha256: f.sha256,
        scanStatus: f.scan_status,
        uploadedAt: iso(f.uploaded_at),
        submittedAt: isoOrNull(f.submitted_at),
      }));
  return {
    application: { answers: answersOf(APPLICATION), evidence: evidenceOf(APPLICATION) },
    divisions: divisions.map((d) => {
      const subject = divisionSubject(String(d.id));
      return {
        id: String(d.id),
        name: d.name,
        lines: [...d.lines],
        facilities: [...d.facilities],
        createdAt: iso(d.created_at),
        updatedAt: iso(d.updated_at),
        answers: answersOf(subject),
        evidence: evidenceOf(subject),
      };
    }),
  };
}
