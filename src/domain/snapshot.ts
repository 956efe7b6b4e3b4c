// What a submission holds (APP-5): the shape of an immutable snapshot, its canonical JSON
// (the bytes its SHA-256 is taken over) and the differences between two snapshots (APP-11).
// Pure: the snapshot is read from the database by features/applications/snapshot.ts.
import { createHash } from "node:crypto";

/** An evidence file as a snapshot refers to it: by id and SHA-256, never copied. */
export interface EvidenceRef {
  id: string;
  fileName: string;
  size: number;
  mime: string;
  sha256: string;
  scanStatus: string;
}

export interface SnapshotAnswer {
  value: unknown;
  explanation?: unknown;
}

/** One profile's answers and evidence, by catalogue item id. */
export interface ProfileContent {
  answers: Record<string, SnapshotAnswer>;
  evidence: Record<string, EvidenceRef[]>;
}

export interface SnapshotCompany {
  id: string;
  legalName: string;
  operatingName: string | null;
  clientNumber: string;
  bn9: string | null;
  programAccount: string | null;
  carrierCode: string | null;
  linesOfBusiness: string[];
  businessStartedOn: string | null;
  employeeCount: number | null;
  website: string | null;
  headOffice: unknown;
  mailingAddress: unknown;
  facilities: { name: string; address: unknown }[];
  primaryContact: unknown;
}

export interface SnapshotDivision extends ProfileContent {
  id: string;
  name: string;
  lines: string[];
  facilities: string[];
}

export type SnapshotKind = "application" | "response" | "changes" | "appeal" | "resubmission" | "action-plan";

export interface Snapshot {
  format: 1;
  kind: SnapshotKind;
  reference: string;
  catalogueVersion: string;
  company: SnapshotCompany;
  application: ProfileContent;
  divisions: SnapshotDivision[];
  /** For a response: the request it answers. */
  request?: { id: string; message: string } | null;
  /** For an action plan: what the suspension asked and by when (YYYY-MM-DD). */
  actionPlan?: { id: string; reasons: string; dueOn: string } | null;
  /** For an appeal, the statement of appeal; for an action plan, the plan; for an informal review, the statement. */
  statement?: string | null;
  /** Files the owner attached to the statement (appeal, action plan), by id and SHA-256. */
  statementEvidence?: EvidenceRef[] | null;
  submittedBy: { personId: string; name: string; declaredName: string };
  /** ISO 8601. */
  submittedAt: string;
}

/**
 * JSON with every object's keys in code-point order and no whitespace (RFC 8785's ordering for
 * the strings and numbers a snapshot holds): the same snapshot always gives the same bytes.
 * `undefined` members are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("canonical JSON has no non-finite numbers");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** One difference between two snapshots: a profile item (or company field) added, changed or removed. */
export interface SnapshotDifference {
  /** "company", "application", or "division:<id>". */
  subject: string;
  /** The item id (catalogue id), company field name, or "division" for a division itself. */
  itemId: string;
  change: "added" | "changed" | "removed";
  before?: unknown;
  after?: unknown;
}

function profileDifferences(subject: string, before: ProfileContent | undefined, after: ProfileContent | undefined): SnapshotDifference[] {
  const out: SnapshotDifference[] = [];
  const ids = new Set([...Object.keys(before?.answers ?? {}), ...Object.keys(after?.answers ?? {}), ...Object.keys(before?.evidence ?? {}), ...Object.keys(after?.evidence ?? {})]);
  for (const id of [...ids].sort()) {
    const b = before ? { answer: before.answers[id], files: (before.evidence[id] ?? []).map((f) => f.sha256) } : undefined;
    const a = after ? { answer: after.answers[id], files: (after.evidence[id] ?? []).map((f) => f.sha256) } : undefined;
    const had = b !== undefined && (b.answer !== undefined || b.files.length > 0);
    const has = a !== undefined && (a.answer !== undefined || a.files.length > 0);
    if (!had && has) out.push({ subject, itemId: id, change: "added", after: a });
    else if (had && !has) out.push({ subject, itemId: id, change: "removed", before: b });
    else if (had && has && canonicalJson(a) !== canonicalJson(b)) out.push({ subject, itemId: id, change: "changed", before: b, after: a });
  }
  return out;
}

/** What changed from `previous` to `current`: company fields, application items, divisions and their items. */
export function snapshotDifferences(previous: Snapshot, current: Snapshot): SnapshotDifference[] {
  const out: SnapshotDifference[] = [];
  const fields = Object.keys({ ...previous.company, ...current.company }).sort() as (keyof SnapshotCompany)[];
  for (const f of fields) {
    if (f === "id") continue;
    const b = previous.company[f];
    const a = current.company[f];
    if (canonicalJson(b ?? null) !== canonicalJson(a ?? null)) out.push({ subject: "company", itemId: f, change: "changed", before: b, after: a });
  }
  out.push(...profileDifferences("application", previous.application, current.application));
  const before = new Map(previous.divisions.map((d) => [d.id, d]));
  const after = new Map(current.divisions.map((d) => [d.id, d]));
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => Number(x) - Number(y))) {
    const b = before.get(id);
    const a = after.get(id);
    const subject = `division:${id}`;
    if (!b && a) out.push({ subject, itemId: "division", change: "added", after: { name: a.name, lines: a.lines, facilities: a.facilities } });
    else if (b && !a) out.push({ subject, itemId: "division", change: "removed", before: { name: b.name, lines: b.lines, facilities: b.facilities } });
    else if (b && a) {
      const shape = (d: SnapshotDivision) => ({ name: d.name, lines: d.lines, facilities: d.facilities });
      if (canonicalJson(shape(b)) !== canonicalJson(shape(a))) out.push({ subject, itemId: "division", change: "changed", before: shape(b), after: shape(a) });
    }
    out.push(...profileDifferences(subject, b, a));
  }
  return out;
}
