// The company as its users see it: the PIP dashboard (APP-1) and the company profile (APP-2).
import type { AppDeps } from "../../web/context.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import type { Facility, PostalAddress, PrimaryContact } from "../../platform/db/schema.ts";
import { recordAudit } from "../../platform/audit.ts";
import { can, isCompanyRole, type CompanyRole } from "../../domain/permissions.ts";
import { sql, type Expression, type ExpressionBuilder } from "kysely";
import type { Database } from "../../platform/db/index.ts";
import type { FoldedValue } from "../../web/middleware/company-membership.ts";
import { CompiledOnce } from "../../platform/db/compiled.ts";
import { heldRead } from "../../web/middleware/held-reads.ts";
import { fromJson, latestNotificationsOf, notify, type CompanyNotification } from "../notifications/service.ts";
import { reactivationListFromJson, usersToReactivateOf } from "../users/service.ts";
import { profilesProgressJson, progressFrom, type ProfilesProgress } from "../profiles/service.ts";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import { profileState, type SectionState } from "../../domain/company-profile.ts";
import type { SnapshotDifference } from "../../domain/snapshot.ts";
import { memberChangesFrom, memberChangesJson, type ChangesBlock, type ChangesFacts, type UnchangedSinceSnapshot } from "../applications/changes.ts";
import { SNAPSHOT_COMPANY_COLUMNS } from "../applications/snapshot.ts";
import { appealFacts } from "../applications/statements.ts";
import { mayWithdraw } from "../applications/withdrawal.ts";
import { decide, isMembershipStatus, TRANSITIONS, UNDER_REVIEW, windowEnds, type MembershipStatus } from "../../domain/membership.ts";

type MemberChanges = ChangesFacts | UnchangedSinceSnapshot;

export type { SectionState };
export { profileState };

export interface CompanyProfile {
  legalName: string;
  operatingName: string | null;
  country: "CA" | "US";
  bn9: string | null;
  programAccount: string | null;
  carrierCode: string | null;
  clientNumber: string;
  businessStartedOn: string | null;
  employeeCount: number | null;
  website: string | null;
  headOffice: PostalAddress;
  mailingAddress: PostalAddress | null;
  facilities: Facility[];
  primaryContact: PrimaryContact | null;
  updatedAt: Date | null;
}

/** What the company itself may change in its profile (the BN and client number are the CBSA's). */
export type CompanyProfileInput = Pick<
  CompanyProfile,
  "legalName" | "operatingName" | "businessStartedOn" | "employeeCount" | "website" | "headOffice" | "mailingAddress" | "facilities" | "primaryContact"
>;

export interface Dashboard {
  id: string;
  legalName: string;
  clientNumber: string;
  status: "pending-activation" | "activated" | "authorized";
  membershipStatus: string;
  role: CompanyRole;
  activeUsers: number;
  profile: SectionState;
  notifications: CompanyNotification[];
  /** Users an expired URN locked out, to reactivate (only for roles that may). */
  toReactivate: { personId: string; name: string }[];
  /** The application and security profiles' completion, for roles that may see them (APP-1). */
  profiles: ProfilesProgress | null;
  /** The application (APP-1, APP-5): what submitting would do now, and whether the profiles are ready. */
  application: {
    /** The transition a submission makes from the status; null when the status allows none. */
    transition: "submit" | "resubmit" | null;
    /** Every profile complete (null when the role may not see the profiles). */
    ready: boolean | null;
    /** The CBSA is reviewing: saved changes are drafts (APP-5). */
    underReview: boolean;
    /** Open requests for information, soonest due first (APP-12). */
    openRequests: { id: string; dueOn: string; createdAt: Date }[];
    /** A proposed denial: whether an informal review may be asked for now, and until when (APP-13). */
    informalReview: { allowed: boolean; endsAt: Date | null } | null;
    /** A member's dates (YYYY-MM-DD): since when, and the anniversary of its revalidation (APP-15). */
    memberSince: string | null;
    anniversaryOn: string | null;
    /** The latest action plan a suspension asked for, while suspended (APP-13). */
    actionPlan: { id: string; dueOn: string; respondedAt: Date | null } | null;
    /** A cancellation: whether the owner may appeal now, and until when (APP-14). */
    appeal: { allowed: boolean; endsAt: Date | null } | null;
    /** Whether the owner may withdraw the application or membership now. */
    withdrawable: boolean;
    /** A member's changes since the last snapshot, for the owner (APP-5); null otherwise. */
    changes: { block: ChangesBlock | null; differences: SnapshotDifference[]; divisions: Map<string, string> } | null;
  };
}

/**
 * What the company's dashboard shows every viewer alike, as one JSON object (null: no such
 * company): the company, its count of active users, its latest notifications, the users an
 * expired URN locked out (EXP-3), the profiles' progress (APP-1), a member's changes since the
 * last snapshot (APP-5), the open requests for information and the latest action plan. What a
 * viewer's role lets them see of it is decided in dashboardFrom, on every view: this data is
 * kept between views (web/middleware/held-reads.ts) and shared by all the company's viewers.
 */
function companyDashboardJson(outer: ExpressionBuilder<never, never>, companyId: string) {
  const eb0 = outer as unknown as ExpressionBuilder<Database, never>;
  return jsonObjectFrom(
    eb0
      .selectFrom("companies")
      .select((eb) => [
        // The snapshot's columns include the company profile's (business start, employees, contact);
        // the id as text, as the driver gives a bigint.
        ...SNAPSHOT_COMPANY_COLUMNS.filter((c) => c !== "id").map((c) => `companies.${c}` as const),
        sql<string>`companies.id::text`.as("id"),
        "companies.status",
        "companies.membership_status",
        "companies.profile_updated_at",
        eb
          .selectFrom("company_users")
          .select((e) => e.fn.countAll<string>().as("n"))
          .whereRef("company_users.company_id", "=", "companies.id")
          .where("company_users.status", "=", "active")
          .as("active_users"),
        latestNotificationsOf(eb).as("notifications"),
        usersToReactivateOf(eb).as("to_reactivate"),
        profilesProgressJson(eb).as("progress"),
        // A member's changes since the last snapshot (APP-5).
        sql<MemberChanges | null>`case when companies.membership_status = 'member' then ${memberChangesJson(eb)} end`.as("changes"),
        "companies.denial_proposed_at",
        "companies.member_since",
        "companies.anniversary_on",
        "companies.cancelled_at",
        "companies.cancellation_final_at",
        jsonObjectFrom(
          eb
            .selectFrom("action_plans as ap")
            .select(["ap.id", sql<string>`ap.due_on::text`.as("due_on"), "ap.responded_at"])
            .whereRef("ap.company_id", "=", "companies.id")
            .orderBy("ap.id", "desc")
            .limit(1),
        ).as("action_plan"),
        jsonArrayFrom(
          eb
            .selectFrom("information_requests as r")
            .select(["r.id", sql<string>`r.due_on::text`.as("due_on"), "r.created_at"])
            .whereRef("r.company_id", "=", "companies.id")
            .where("r.responded_at", "is", null)
            .orderBy("r.due_on")
            .orderBy("r.id"),
        ).as("open_requests"),
      ])
      .where("companies.id", "=", companyId),
  );
}

/** What companyDashboardJson reads. */
type DashboardRow = NonNullable<ReturnType<typeof companyDashboardJson> extends Expression<infer T> ? T : never>;

/**
 * The dashboard read with the session and the membership (sessionContext in app.ts; the route
 * finds it under its key), kept between views (web/middleware/held-reads.ts): one round trip per
 * view, which brings only the company's page version when the portal holds the data already.
 */
const DASHBOARD = heldRead({
  key: "dashboard",
  rest: /^$/,
  args: () => ({}),
  action: "status.view",
  read: (eb, a) => companyDashboardJson(eb, a.companyId),
});

/** The company page reads of the dashboard, for sessionContext (app.ts). */
export const DASHBOARD_READS = DASHBOARD.reads;

/** The dashboard's data on its own, with the viewer's role, compiled once (platform/db/compiled.ts). */
const DASHBOARD_QUERY = new CompiledOnce(["companyId", "personId"], (db, a) =>
  db.selectNoFrom((eb) => [
    eb
      .selectFrom("company_users as viewer")
      .select("viewer.role")
      .where("viewer.company_id", "=", a.companyId)
      .where("viewer.person_id", "=", a.personId)
      .where("viewer.status", "=", "active")
      .as("viewer_role"),
    companyDashboardJson(eb as never, a.companyId).as("dashboard"),
  ]),
);

/**
 * The dashboard of a company for one of its active users (the middleware checked who), in one
 * round trip of its own (companyDashboardJson), as their role lets them see it. Undefined when
 * the person is no active user of it.
 */
export async function dashboard(deps: Pick<AppDeps, "db" | "clock">, companyId: string, personId: string): Promise<Dashboard | undefined> {
  const [row] = await DASHBOARD_QUERY.execute(deps.db, { companyId, personId });
  if (!row || !isCompanyRole(row.viewer_role)) return undefined;
  return dashboardFrom(deps, row.dashboard, row.viewer_role);
}

/**
 * The dashboard from what was read with the session for this company, or held since (DASHBOARD),
 * for a viewer of `role` (the membership read with it); "not-read" when neither: the route then
 * reads on its own.
 */
export function foldedDashboard(deps: Pick<AppDeps, "db" | "clock">, folded: FoldedValue | undefined, companyId: string, role: CompanyRole): Dashboard | undefined | "not-read" {
  const data = DASHBOARD.value(deps.db, folded, { companyId });
  return data === "not-read" ? data : dashboardFrom(deps, data as DashboardRow | null, role);
}

/** The dashboard from what companyDashboardJson read (null: no such company), as a viewer of `role` sees it. */
function dashboardFrom(deps: Pick<AppDeps, "clock">, row: DashboardRow | null, role: CompanyRole): Dashboard | undefined {
  if (!row) return undefined;
  const seesProfiles = can(role, "application-profile.view");
  const submits = can(role, "account.submit");
  const profiles = row.status === "authorized" && seesProfiles ? progressFrom(row.progress) : null;
  const profile = profileState({
    businessStartedOn: row.business_started_on,
    employeeCount: row.employee_count,
    primaryContact: row.primary_contact,
    updatedAt: row.profile_updated_at ? new Date(row.profile_updated_at) : null,
  });
  const status: MembershipStatus = isMembershipStatus(row.membership_status) ? row.membership_status : "not-applied";
  const denialProposedAt = row.denial_proposed_at ? new Date(row.denial_proposed_at) : null;
  const facts = { status, now: deps.clock.now(), denialProposedAt };
  const owner = submits;
  const ready = profiles ? profile === "complete" && profiles.application.state === "complete" && profiles.security.state === "complete" : null;
  // A member's changes since the last snapshot, for the owner only (APP-5).
  const pending =
    status === "member" && owner && profiles && row.changes
      ? memberChangesFrom(status, row, row.changes, {
          companyProfile: profile === "complete",
          application: profiles.application.state === "complete",
          security: profiles.security.state === "complete",
          ready: ready === true,
        })
      : undefined;
  return {
    id: row.id,
    legalName: row.legal_name,
    clientNumber: row.client_number,
    status: row.status,
    membershipStatus: row.membership_status,
    role,
    activeUsers: Number(row.active_users ?? 0),
    profile,
    notifications: fromJson(row.notifications),
    toReactivate: can(role, "users.reactivate") ? reactivationListFromJson(row.to_reactivate) : [],
    profiles,
    application: {
      transition: status === "not-applied" ? "submit" : status === "revalidation-due" ? "resubmit" : null,
      ready,
      underReview: UNDER_REVIEW.includes(status),
      openRequests: row.open_requests.map((r) => ({ id: String(r.id), dueOn: r.due_on, createdAt: new Date(r.created_at) })),
      informalReview:
        status === "denial-proposed"
          ? {
              allowed: decide("request-informal-review", facts, { actor: "owner" }).ok,
              endsAt: windowEnds(TRANSITIONS["request-informal-review"].window, facts) ?? null,
            }
          : null,
      memberSince: row.member_since,
      anniversaryOn: row.anniversary_on,
      actionPlan: status === "suspended" && row.action_plan ? { id: String(row.action_plan.id), dueOn: row.action_plan.due_on, respondedAt: row.action_plan.responded_at ? new Date(row.action_plan.responded_at) : null } : null,
      appeal: status === "cancelled" ? appealFacts(row, deps.clock.now()) : null,
      withdrawable: owner && mayWithdraw(status, deps.clock.now()),
      changes: pending ? { block: pending.block, differences: pending.differences, divisions: pending.divisionNames } : null,
    },
  };
}

export async function companyProfile(deps: Pick<AppDeps, "db">, companyId: string): Promise<CompanyProfile | undefined> {
  const row = await deps.db.selectFrom("companies").selectAll().where("id", "=", companyId).executeTakeFirst();
  if (!row) return undefined;
  return {
    legalName: row.legal_name,
    operatingName: row.operating_name,
    country: row.country,
    bn9: row.bn9,
    programAccount: row.program_account,
    carrierCode: row.carrier_code,
    clientNumber: row.client_number,
    businessStartedOn: row.business_started_on,
    employeeCount: row.employee_count,
    website: row.website,
    headOffice: row.address,
    mailingAddress: row.mailing_address,
    facilities: row.facilities,
    primaryContact: row.primary_contact,
    updatedAt: row.profile_updated_at ? new Date(row.profile_updated_at) : null,
  };
}

/** APP-2: saves the profile, audited with before and after, and tells the company. */
export async function updateCompanyProfile(
  deps: AppDeps,
  actor: { companyId: string; personId: string },
  input: CompanyProfileInput,
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; reason: "forbidden" }> {
  return deps.db.transaction().execute(async (trx) => {
    const company = await trx.selectFrom("companies").selectAll().where("id", "=", actor.companyId).forUpdate().executeTakeFirst();
    const me = await trx
      .selectFrom("company_users as cu")
      .innerJoin("people as p", "p.id", "cu.person_id")
      .select(["cu.role", "cu.status", "p.given_name", "p.family_name"])
      .where("cu.company_id", "=", actor.companyId)
      .where("cu.person_id", "=", actor.personId)
      .executeTakeFirst();
    if (!company || company.status !== "authorized" || !me || me.status !== "active" || !isCompanyRole(me.role) || !can(me.role, "company-profile.update")) {
      return { ok: false as const, reason: "forbidden" as const };
    }
    const now = deps.clock.now();
    const before = {
      legalName: company.legal_name,
      operatingName: company.operating_name,
      businessStartedOn: company.business_started_on,
      employeeCount: company.employee_count,
      website: company.website,
      headOffice: company.address,
      mailingAddress: company.mailing_address,
      facilities: company.facilities,
      primaryContact: company.primary_contact,
    };
    await trx
      .updateTable("companies")
      .set({
        legal_name: input.legalName,
        operating_name: input.operatingName,
        business_started_on: input.businessStartedOn,
        employee_count: input.employeeCount,
        website: input.website,
        address: JSON.stringify(input.headOffice),
        mailing_address: input.mailingAddress ? JSON.stringify(input.mailingAddress) : null,
        facilities: JSON.stringify(input.facilities),
        primary_contact: input.primaryContact ? JSON.stringify(input.primaryContact) : null,
        profile_updated_at: now,
        updated_at: now,
      })
      .where("id", "=", actor.companyId)
      .execute();
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: actor.personId },
      action: "company.profile-updated",
      subject: { type: "company", id: actor.companyId },
      companyId: actor.companyId,
      before,
      after: { ...input },
      requestId: meta.requestId,
    });
    await notify(trx, deps.clock, actor.companyId, "profile-updated", { name: `${me.given_name} ${me.family_name}` });
    return { ok: true as const };
  });
}
