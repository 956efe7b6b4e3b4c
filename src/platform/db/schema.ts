// Table types for Kysely. One interface per table; migrations are the source of truth,
// these types follow them.
import type { ColumnType, Expression, Generated, JSONColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A nullable column that inserts may leave out. */
type Optional<T, I = T> = ColumnType<T | null, I | null | undefined, I | null>;
type Json = JSONColumnType<Record<string, unknown>, string, string>;

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  company_id: string | null;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
}

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  payload: Json;
  status: "pending" | "running" | "done" | "failed";
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  template: string;
  locale: "en" | "fr";
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: "queued" | "sent" | "failed";
  created_at: Timestamp;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** The body carries a secret (a one-time code): erased once delivered. */
  sensitive: Generated<boolean>;
}

/** Messages "delivered" by the development transport; the mailbox page lists them. */
export interface DevMailboxTable {
  id: Generated<string>;
  outbox_id: string;
  to_address: string;
  from_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  received_at: Timestamp;
}

export interface PeopleTable {
  id: Generated<string>;
  urn: string;
  given_name: string;
  family_name: string;
  email: string;
  phone: string;
  preferred_locale: "en" | "fr";
  email_verified_at: Timestamp | null;
  mfa_terms_accepted_at: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When the current URN was issued: at creation, or by the TCCU (EXP-2). */
  urn_issued_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Set when the URN expired (EXP-1); cleared by a new URN. */
  urn_expired_at: Optional<Date, Date | string>;
  /** When the person turned email codes off (ID-9; they have a passkey or an authenticator app); null: on. */
  email_codes_off_at: Optional<Date, Date | string>;
}

export interface CredentialsTable {
  id: Generated<string>;
  kind: "gckey" | "partner";
  person_id: string | null;
  username: string | null;
  username_normalized: string | null;
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  recovery_email: string | null;
  consecutive_failures: Generated<number>;
  recovery_required: Generated<boolean>;
  partner_subject: string | null;
  created_at: Timestamp;
}

export interface RecoveryAnswersTable {
  credential_id: string;
  question: string;
  answer_hash: string;
}

/** "factor": a passkey or an authenticator app is offered (ID-9); "mfa": the emailed code (ID-5). */
export type SessionStage = "profile" | "mfa-terms" | "factor" | "mfa" | "terms" | "authenticated";

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  credential_id: string;
  person_id: string | null;
  stage: SessionStage;
  locale: "en" | "fr";
  user_agent: string | null;
  created_at: Timestamp;
  authenticated_at: Timestamp | null;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  ended_reason: string | null;
}

export interface OneTimeCodesTable {
  id: Generated<string>;
  purpose: "mfa" | "email-change" | "password-reset";
  session_id: string | null;
  credential_id: string | null;
  person_id: string | null;
  target_email: string | null;
  code_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  failed_attempts: Generated<number>;
  consumed_at: Timestamp | null;
  voided_at: Timestamp | null;
}

export interface ThrottlesTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: Timestamp;
}

export interface PartnerAuthRequestsTable {
  id_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  locale: "en" | "fr";
  expires_at: Timestamp;
  /** When the portal sent the person to the partner: the ID token's auth_time must be later (max_age=0). */
  requested_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A partner sign-in's ID token, sealed under APP_KEY, for the provider's end_session_endpoint at sign-out. */
export interface PartnerSessionHintsTable {
  session_id: string;
  id_token_sealed: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** A WebAuthn credential (ID-9, STAFF-1): a trader's (person_id) or a staff member's (staff_user_id). */
export interface PasskeysTable {
  id: Generated<string>;
  person_id: string | null;
  staff_user_id: string | null;
  /** The credential id, base64url. */
  credential_id: string;
  /** The COSE public key, as the authenticator gave it. */
  public_key: Uint8Array;
  /** The signature counter last seen (bigint, read as text). */
  counter: ColumnType<string, string | number | undefined, string | number>;
  transports: ColumnType<string[], string[] | undefined, string[]>;
  device_type: "singleDevice" | "multiDevice";
  backed_up: boolean;
  name: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

/** The challenge of the WebAuthn ceremony a session is doing; deleted when used. */
export interface WebauthnChallengesTable {
  id: Generated<string>;
  session_id: string | null;
  staff_session_id: string | null;
  purpose: "register" | "authenticate";
  challenge: string;
  expires_at: Timestamp;
}

/** A trader's authenticator app (ID-9): the secret sealed under APP_KEY; confirmed_at null while being set up. */
export interface TotpAuthenticatorsTable {
  person_id: string;
  secret_sealed: string;
  /** The last time step accepted: a step's code is used once. */
  last_step: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  created_at: Timestamp;
  confirmed_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

/** Single-use recovery codes of a person who turned email codes off, as keyed hashes. */
export interface RecoveryCodesTable {
  id: Generated<string>;
  person_id: string;
  code_hash: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PostalAddress {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: "CA" | "US";
}

export interface CompaniesTable {
  id: Generated<string>;
  legal_name: string;
  operating_name: string | null;
  country: "CA" | "US";
  bn9: string | null;
  program_account: string | null;
  carrier_code: string | null;
  lines_of_business: JSONColumnType<string[], string, string>;
  correspondence_locale: "en" | "fr";
  address: JSONColumnType<PostalAddress, string, string>;
  client_number: string;
  status: "pending-activation" | "activated" | "authorized";
  origin: "registered" | "cbsa-created";
  membership_status: string;
  /** Moves with every change to what a snapshot holds (migration 0017's triggers). */
  profiles_version: Generated<string>;
  owner_designate_person_id: string | null;
  created_by_staff_id: string | null;
  activated_at: Timestamp | null;
  activated_by_person_id: string | null;
  authorized_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The company profile (APP-2), beyond what registration collected. */
  business_started_on: Optional<string>;
  employee_count: Optional<number>;
  website: Optional<string>;
  mailing_address: Optional<PostalAddress, string>;
  facilities: ColumnType<Facility[], string | undefined, string>;
  primary_contact: Optional<PrimaryContact, string>;
  profile_updated_at: Optional<Date, Date | string>;
  /** The membership state machine's dates (domain/membership.ts, APP-10). */
  membership_changed_at: Optional<Date, Date | string>;
  member_since: Optional<string>;
  anniversary_on: Optional<string>;
  denial_proposed_at: Optional<Date, Date | string>;
  cancelled_at: Optional<Date, Date | string>;
  cancelled_by_staff_id: Optional<string>;
  /** When the cancellation could no longer be appealed (30 days passed, or the appeal dismissed). */
  cancellation_final_at: Optional<Date, Date | string>;
}

export interface Facility {
  name: string;
  address: PostalAddress;
}

export interface PrimaryContact {
  name: string;
  title: string;
  phone: string;
  email: string;
}

export type CompanyRole = "owner" | "proxy" | "full-access" | "admin-only";

export interface CompanyUsersTable {
  company_id: string;
  person_id: string;
  role: CompanyRole;
  status: "active" | "deactivated";
  created_at: Timestamp;
  updated_at: Timestamp;
  /** This membership's business contact details; null: the person's own. */
  job_title: Optional<string>;
  phone: Optional<string>;
  email: Optional<string>;
  added_by_person_id: Optional<string>;
  deactivated_reason: Optional<"by-user" | "urn-expired" | "owner-urn-expired">;
}

/** The version of what a company's pages show, moved by triggers (migration 0019; web/middleware/held-reads.ts). */
export interface CompanyPageVersionsTable {
  company_id: string;
  version: string;
}

export interface UrnRemindersTable {
  person_id: string;
  kind: "12-months" | "21-months" | "23-months";
  inactive_since: Timestamp;
  sent_at: Timestamp;
}

export interface PersonSearchTermsTable {
  person_id: string;
  term: string;
}

export interface NotificationsTable {
  id: Generated<string>;
  company_id: string;
  kind: string;
  params: JSONColumnType<Record<string, string>, string, string>;
  created_at: Timestamp;
}

export interface ActivationCodesTable {
  id: Generated<string>;
  company_id: string;
  code_hash: string;
  issued_at: Timestamp;
  expires_at: Timestamp;
  failed_attempts: Generated<number>;
  locked_at: Timestamp | null;
  voided_at: Timestamp | null;
  used_at: Timestamp | null;
}

/** A division of a company's business (APP-4): its own security profile. */
export interface DivisionsTable {
  id: Generated<string>;
  company_id: string;
  name: string;
  lines: JSONColumnType<string[], string, string>;
  /** Names of the company profile's facilities the division uses. */
  facilities: JSONColumnType<string[], string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One answered item of a profile: `subject` is "application" or "division:<id>" (APP-8). */
export interface ProfileAnswersTable {
  company_id: string;
  subject: string;
  item_id: string;
  catalogue_version: string;
  answer: JSONColumnType<{ value?: unknown; explanation?: unknown }, string, string>;
  /** Goes up by one at every save; a save states the version its page was opened at. */
  version: number;
  updated_at: Timestamp;
  updated_by_person_id: string | null;
}

export type ScanStatus = "pending" | "clean" | "infected" | "error" | "not-scanned";

/** A document attached to a profile item (APP-9); its bytes are in the file store under storage_key. */
export interface EvidenceFilesTable {
  id: Generated<string>;
  company_id: string;
  subject: string;
  item_id: string;
  storage_key: string;
  file_name: string;
  size: ColumnType<string, number | string, number | string>;
  mime: string;
  sha256: string;
  scan_status: ScanStatus;
  scan_signature: string | null;
  uploaded_at: Timestamp;
  uploaded_by_person_id: string;
  submitted_at: Timestamp | null;
}

/** Wrong activation tries of one person on one code (SEC-7). */
export interface ActivationAttemptsTable {
  activation_code_id: string;
  person_id: string;
  failed_attempts: Generated<number>;
}

export interface LettersTable {
  id: Generated<string>;
  company_id: string;
  activation_code_id: string;
  status: "queued" | "sent" | "voided";
  content: JSONColumnType<Record<string, unknown>, string, string> | null;
  recipient: JSONColumnType<string[], string, string>;
  created_at: Timestamp;
  expected_by: string;
  sent_on: string | null;
  tracking_number: string | null;
  recorded_at: Timestamp | null;
  recorded_by_staff_id: string | null;
  voided_at: Timestamp | null;
}

export interface RegistrationDraftsTable {
  person_id: string;
  data: JSONColumnType<Record<string, unknown>, string, string>;
  updated_at: Timestamp;
}

/** One review, from a submission to its decision (APP-11). */
export interface ReviewCasesTable {
  id: Generated<string>;
  company_id: string;
  opened_at: Timestamp;
  closed_at: Optional<Date, Date | string>;
  /** The company's membership status while the case is open (mirrors companies.membership_status). */
  status: string;
  /** What the officer is waiting on: the kind of the latest submission. */
  waiting_kind: string;
  waiting_since: Timestamp;
  assigned_staff_id: Optional<string>;
  assigned_at: Optional<Date, Date | string>;
  outcome: Optional<string>;
  /** Why the case closed when the company ended it (a withdrawal's reason). */
  closed_reason: Optional<string>;
}

export type SubmissionKind = "application" | "response" | "changes" | "appeal" | "resubmission" | "action-plan";

/** An immutable snapshot (APP-5): `content` is the canonical JSON its `sha256` was taken over. */
export interface SubmissionsTable {
  id: Generated<string>;
  company_id: string;
  case_id: string;
  kind: SubmissionKind;
  reference: string;
  catalogue_version: string;
  content: string;
  sha256: string;
  declared_name: string;
  submitted_by_person_id: string;
  submitted_at: Timestamp;
  /** companies.profiles_version when the snapshot was taken (null before migration 0017). */
  profiles_version: ColumnType<string | null, string | Expression<string> | null | undefined, never>;
}

export type FindingOutcome = "meets" | "does-not-meet" | "not-applicable";

export interface FindingsTable {
  case_id: string;
  subject: string;
  item_id: string;
  outcome: FindingOutcome;
  note: Generated<string>;
  updated_at: Timestamp;
  updated_by_staff_id: string;
}

/** What an item named by a request for information is: a profile subject and an item of it. */
export interface RequestedItem {
  subject: string;
  itemId: string;
}

export interface InformationRequestsTable {
  id: Generated<string>;
  case_id: string;
  company_id: string;
  message: string;
  items: ColumnType<RequestedItem[], string | undefined, string>;
  due_on: string;
  created_at: Timestamp;
  created_by_staff_id: string;
  responded_at: Optional<Date, Date | string>;
  response_submission_id: Optional<string>;
  reminded_before_at: Optional<Date, Date | string>;
  reminded_due_at: Optional<Date, Date | string>;
}

export interface SiteValidationsTable {
  id: Generated<string>;
  case_id: string;
  company_id: string;
  scheduled_on: string;
  facility: string;
  scheduled_at: Timestamp;
  scheduled_by_staff_id: string;
  outcome: Optional<"satisfactory" | "unsatisfactory">;
  outcome_note: Optional<string>;
  recorded_at: Optional<Date, Date | string>;
  recorded_by_staff_id: Optional<string>;
}

/** A membership decision or transition with its reasons and its letter's words (immutable). */
export interface DecisionsTable {
  id: Generated<string>;
  case_id: Optional<string>;
  company_id: string;
  transition: string;
  from_status: string;
  to_status: string;
  reasons: Generated<string>;
  reference: string;
  letter: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  decided_at: Timestamp;
  decided_by_staff_id: Optional<string>;
  decided_by_person_id: Optional<string>;
}

/** What a suspension asks of the company (APP-13): reasons, the action plan's due date, its response. */
export interface ActionPlansTable {
  id: Generated<string>;
  case_id: string;
  company_id: string;
  decision_id: Optional<string>;
  reasons: string;
  due_on: string;
  created_at: Timestamp;
  /** Null when a job suspended the membership (revalidation not resubmitted). */
  created_by_staff_id: Optional<string>;
  reminded_at: Optional<Date, Date | string>;
  responded_at: Optional<Date, Date | string>;
  response_submission_id: Optional<string>;
}

/** A revalidation reminder sent (APP-15): the key is the claim that makes it once. */
export interface RevalidationRemindersTable {
  company_id: string;
  anniversary_on: string;
  days_before: number;
  sent_at: Timestamp;
}

export interface Database {
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  mail_outbox: MailOutboxTable;
  dev_mailbox: DevMailboxTable;
  people: PeopleTable;
  credentials: CredentialsTable;
  recovery_answers: RecoveryAnswersTable;
  sessions: SessionsTable;
  one_time_codes: OneTimeCodesTable;
  throttles: ThrottlesTable;
  partner_auth_requests: PartnerAuthRequestsTable;
  partner_session_hints: PartnerSessionHintsTable;
  companies: CompaniesTable;
  company_users: CompanyUsersTable;
  company_page_versions: CompanyPageVersionsTable;
  activation_codes: ActivationCodesTable;
  activation_attempts: ActivationAttemptsTable;
  divisions: DivisionsTable;
  profile_answers: ProfileAnswersTable;
  evidence_files: EvidenceFilesTable;
  letters: LettersTable;
  registration_drafts: RegistrationDraftsTable;
  notifications: NotificationsTable;
  review_cases: ReviewCasesTable;
  submissions: SubmissionsTable;
  findings: FindingsTable;
  information_requests: InformationRequestsTable;
  site_validations: SiteValidationsTable;
  decisions: DecisionsTable;
  action_plans: ActionPlansTable;
  revalidation_reminders: RevalidationRemindersTable;
  urn_reminders: UrnRemindersTable;
  person_search_terms: PersonSearchTermsTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  totp_authenticators: TotpAuthenticatorsTable;
  recovery_codes: RecoveryCodesTable;
}
