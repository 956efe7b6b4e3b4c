// The format of the company's record file (APP-16): its version, where its JSON Schema is published, and the type of every part of it.
import type { RequestedItem, ScanStatus } from "../../platform/db/schema.ts";
import type { CompanyRole } from "../../domain/permissions.ts";

/** Where the schema of this file is published (served by features/record/routes.ts). */
export const SCHEMA_PATH = "/schemas/company-record.schema.json";
export const RECORD_FORMAT = 1;

export type Iso = string;
export type Day = string;

export interface RecordAddress {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

export interface RecordCompany {
  id: string;
  legalName: string;
  operatingName: string | null;
  clientNumber: string;
  bn9: string | null;
  programAccount: string | null;
  carrierCode: string | null;
  country: string;
  correspondenceLanguage: "en" | "fr";
  linesOfBusiness: string[];
  headOffice: RecordAddress;
  mailingAddress: RecordAddress | null;
  facilities: { name: string; address: RecordAddress }[];
  businessStartedOn: Day | null;
  employeeCount: number | null;
  website: string | null;
  primaryContact: { name: string; title: string; phone: string; email: string } | null;
  accountStatus: string;
  origin: string;
  createdAt: Iso;
  activatedAt: Iso | null;
  authorizedAt: Iso | null;
  profileUpdatedAt: Iso | null;
  membership: {
    status: string;
    changedAt: Iso | null;
    memberSince: Day | null;
    anniversaryOn: Day | null;
    denialProposedAt: Iso | null;
    cancelledAt: Iso | null;
    cancellationFinalAt: Iso | null;
  };
}

export interface RecordAnswer {
  item: string;
  catalogueVersion: string;
  value: unknown;
  explanation?: unknown;
  updatedAt: Iso;
}

export interface RecordEvidence {
  id: string;
  subject: string;
  item: string;
  fileName: string;
  size: number;
  mime: string;
  sha256: string;
  scanStatus: ScanStatus;
  uploadedAt: Iso;
  submittedAt: Iso | null;
}

export interface RecordProfiles {
  application: { answers: RecordAnswer[]; evidence: RecordEvidence[] };
  divisions: {
    id: string;
    name: string;
    lines: string[];
    facilities: string[];
    createdAt: Iso;
    updatedAt: Iso;
    answers: RecordAnswer[];
    evidence: RecordEvidence[];
  }[];
}

export interface RecordSubmission {
  id: string;
  kind: string;
  reference: string;
  catalogueVersion: string;
  submittedAt: Iso;
  declaredName: string;
  sha256: string;
  /** The canonical JSON the SHA-256 was taken over, byte for byte; null when omitted (USR-2). */
  content: string | null;
  /** `content`, parsed; null when omitted (USR-2). */
  snapshot: Record<string, unknown> | null;
}

export interface RecordLetter {
  reference: string;
  transition: string;
  decidedOn: Day;
  language: "en" | "fr";
  company: { legalName: string; clientNumber: string; address: string[] } | null;
  reasons: string;
  memberSince: Day | null;
  anniversaryOn: Day | null;
  informalReviewBy: Day | null;
  siteValidation: { date: Day; facility: string; outcome: string | null } | null;
  actionPlanDueOn: Day | null;
  revalidation: { anniversaryOn: Day; resubmitBy: Day } | null;
}

export interface RecordDecision {
  id: string;
  reference: string;
  transition: string;
  fromStatus: string;
  toStatus: string;
  reasons: string;
  decidedAt: Iso;
  decidedBy: "cbsa" | "company" | "portal";
  letter: RecordLetter | null;
}

export interface RecordInformationRequest {
  id: string;
  message: string;
  items: RequestedItem[];
  dueOn: Day;
  createdAt: Iso;
  respondedAt: Iso | null;
  responseSubmissionReference: string | null;
}

export interface RecordSiteValidation {
  id: string;
  scheduledOn: Day;
  facility: string;
  scheduledAt: Iso;
  outcome: "satisfactory" | "unsatisfactory" | null;
  note: string | null;
  recordedAt: Iso | null;
}

export interface RecordActionPlan {
  id: string;
  decisionReference: string | null;
  reasons: string;
  dueOn: Day;
  createdAt: Iso;
  createdBy: "cbsa" | "portal";
  remindedAt: Iso | null;
  respondedAt: Iso | null;
  responseSubmissionReference: string | null;
}

export interface RecordUser {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  preferredLanguage: "en" | "fr";
  role: CompanyRole;
  status: "active" | "deactivated";
  deactivatedReason: string | null;
  contact: { jobTitle: string | null; phone: string | null; email: string | null };
  addedAt: Iso;
  updatedAt: Iso;
}

export type ChangeValue = string | number | boolean | null | string[];

export interface RecordTimelineEvent {
  occurredAt: Iso;
  action: string;
  subject: { type: string; id: string | null; name?: string };
  actor: { type: "user" | "person" | "cbsa" | "portal" | "anonymous"; userId?: string; name?: string };
  before: Record<string, ChangeValue> | null;
  after: Record<string, ChangeValue> | null;
}

export interface RecordOmission {
  /** A JSON path in this file. */
  path: string;
  reason: "role-may-not-view-profiles";
  explanation: string;
}

export interface CompanyRecordExport {
  $schema: string;
  format: typeof RECORD_FORMAT;
  generatedAt: Iso;
  /** The role of the user the file was made for: it decides what is left out. */
  role: CompanyRole;
  omitted: RecordOmission[];
  company: RecordCompany;
  profiles: RecordProfiles | null;
  submissions: RecordSubmission[];
  decisions: RecordDecision[];
  informationRequests: RecordInformationRequest[];
  siteValidations: RecordSiteValidation[];
  actionPlans: RecordActionPlan[];
  users: RecordUser[];
  timeline: RecordTimelineEvent[];
}
