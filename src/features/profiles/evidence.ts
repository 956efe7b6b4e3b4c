// Evidence files attached to profile items (APP-9). An upload streams from the request into the
// file store (web/multipart.ts → platform/uploads.ts: size, SHA-256, type from the bytes), is
// scanned when a scanner is configured, and only then becomes a row — in one transaction with
// its audit event. Every way an upload can fail (the client breaks off, too large, a type we
// do not take, over the company's total, infected, the scanner down) deletes what was stored:
// no file and no row are left behind.
import type { AppDeps } from "../../web/context.ts";
import type { RequestMeta } from "../../web/request-meta.ts";
import { readMultipart, MultipartError } from "../../web/multipart.ts";
import { CSRF_FIELD, csrfTokensMatch } from "../../web/middleware/csrf.ts";
import { FormCharactersRefused } from "../../web/forms.tsx";
import { recordAudit } from "../../platform/audit.ts";
import { newFileKey } from "../../platform/storage/index.ts";
import { cleanFileName, receiveFile, UploadRefused, type ReceivedFile } from "../../platform/uploads.ts";
import type { ScanStatus } from "../../platform/db/schema.ts";
import type { CatalogueItem } from "../../domain/catalogue/index.ts";
import { beginChange } from "./changes.ts";
import type { Actor } from "./service.ts";

export type UploadProblem = "no-file" | "too-large" | "type-not-allowed" | "quota" | "infected" | "scan-error" | "not-an-item";

export type UploadOutcome =
  | { ok: true; fileId: string; itemId: string }
  | { ok: false; reason: "forbidden" | "csrf" | "bad-request" }
  | { ok: false; reason: "refused"; problem: UploadProblem; itemId: string | null };

class CsrfMismatch extends Error {}
class NotAnItem extends Error {}

/**
 * Receives one evidence file for one of `items` of `subject`. The multipart body is read here,
 * not by the CSRF middleware (which would hold the whole file in memory): the form's `_csrf`
 * field, sent before the file, is checked against the request's token before a byte of the
 * file is stored.
 */
export async function uploadEvidence(
  deps: Pick<AppDeps, "db" | "clock" | "files" | "scanner" | "config">,
  actor: Actor,
  action: "application-profile.update" | "security-profile.update" | "account.submit",
  subject: string,
  /** The items a file may be attached to (catalogue items, or a statement's one item). */
  items: readonly { id: string; evidence: Pick<CatalogueItem["evidence"], "rule"> }[],
  request: Request,
  csrfToken: string,
  meta: RequestMeta,
): Promise<UploadOutcome> {
  const { maxFileBytes, companyLimitBytes } = deps.config.evidence;
  const key = newFileKey();
  let itemId = null as string | null;
  let received: ReceivedFile | undefined;
  let fileName = "file";
  try {
    const form = await readMultipart(request, {
      maxFileBytes,
      beforeFile: (fields) => {
        const token = fields[CSRF_FIELD];
        if (typeof token !== "string" || !csrfTokensMatch(token, csrfToken)) throw new CsrfMismatch();
        const id = typeof fields.item === "string" ? fields.item : "";
        const item = items.find((i) => i.id === id);
        if (!item || item.evidence.rule === "none") throw new NotAnItem();
        itemId = item.id;
      },
      onFile: (part) => {
        fileName = cleanFileName(part.fileName);
        return receiveFile(part.stream, { maxBytes: maxFileBytes, store: deps.files, key });
      },
    });
    if (!form.file) {
      // No file chosen: still a form of ours only if its token is right.
      const token = form.fields[CSRF_FIELD];
      if (typeof token !== "string" || !csrfTokensMatch(token, csrfToken)) return { ok: false, reason: "csrf" };
      const id = typeof form.fields.item === "string" ? form.fields.item : "";
      return { ok: false, reason: "refused", problem: "no-file", itemId: items.some((i) => i.id === id) ? id : null };
    }
    received = form.file.result;
  } catch (err) {
    await deps.files.delete(key).catch(() => undefined);
    if (err instanceof CsrfMismatch) return { ok: false, reason: "csrf" };
    if (err instanceof NotAnItem) return { ok: false, reason: "refused", problem: "not-an-item", itemId: null };
    if (err instanceof UploadRefused) return { ok: false, reason: "refused", problem: err.reason === "too-large" ? "too-large" : "type-not-allowed", itemId };
    if (err instanceof MultipartError) {
      if (err.reason === "too-large") return { ok: false, reason: "refused", problem: "too-large", itemId };
      return { ok: false, reason: "bad-request" };
    }
    if (err instanceof FormCharactersRefused) return { ok: false, reason: "bad-request" };
    throw err;
  }
  const item = itemId ?? "";
  if (!item) throw new Error("a file was received without its item");

  const discard = () => deps.files.delete(key).catch(() => undefined);
  try {
    let scanStatus: ScanStatus = "not-scanned";
    let signature: string | null = null;
    if (deps.scanner.kind === "clamd") {
      const verdict = await deps.scanner.scanFile(deps.files, key);
      if (verdict.verdict === "error") {
        await discard();
        return { ok: false, reason: "refused", problem: "scan-error", itemId: item };
      }
      if (verdict.verdict === "infected") {
        await discard();
        signature = verdict.signature;
        await deps.db.transaction().execute((trx) =>
          recordAudit(trx, deps.clock, {
            actor: { type: "trader", id: actor.personId },
            action: "evidence.refused-infected",
            subject: { type: "company", id: actor.companyId },
            companyId: actor.companyId,
            after: { subject, item, fileName, size: received.size, sha256: received.sha256, signature },
            requestId: meta.requestId,
          }),
        );
        return { ok: false, reason: "refused", problem: "infected", itemId: item };
      }
      scanStatus = "clean";
    }
    const now = deps.clock.now();
    const outcome = await deps.db.transaction().execute(async (trx): Promise<UploadOutcome> => {
      // The company's row, locked here, serializes uploads of one company, so two cannot both fit the last megabytes.
      if (!(await beginChange(trx, actor, action))) return { ok: false, reason: "forbidden" };
      const used = await trx
        .selectFrom("evidence_files")
        .select((eb) => eb.fn.coalesce(eb.fn.sum<string>("size"), eb.lit(0)).as("total"))
        .where("company_id", "=", actor.companyId)
        .executeTakeFirstOrThrow();
      if (Number(used.total) + received.size > companyLimitBytes) return { ok: false, reason: "refused", problem: "quota", itemId: item };
      const row = await trx
        .insertInto("evidence_files")
        .values({
          company_id: actor.companyId,
          subject,
          item_id: item,
          storage_key: key,
          file_name: fileName,
          size: received.size,
          mime: received.mime,
          sha256: received.sha256,
          scan_status: scanStatus,
          scan_signature: null,
          uploaded_at: now,
          uploaded_by_person_id: actor.personId,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, deps.clock, {
        actor: { type: "trader", id: actor.personId },
        action: "evidence.attached",
        subject: { type: "evidence-file", id: row.id },
        companyId: actor.companyId,
        after: { subject, item, fileName, size: received.size, mime: received.mime, sha256: received.sha256, scan: scanStatus },
        requestId: meta.requestId,
      });
      return { ok: true, fileId: row.id, itemId: item };
    });
    if (!outcome.ok) await discard();
    return outcome;
  } catch (err) {
    await discard();
    throw err;
  }
}

export interface EvidenceFile {
  id: string;
  storageKey: string;
  fileName: string;
  mime: string;
  size: number;
  submitted: boolean;
}

/** One file of the company's subject, or undefined (another company's id finds nothing). */
export async function evidenceFile(deps: Pick<AppDeps, "db">, companyId: string, subject: string, fileId: string): Promise<EvidenceFile | undefined> {
  if (!/^\d{1,18}$/.test(fileId)) return undefined;
  const row = await deps.db
    .selectFrom("evidence_files")
    .select(["id", "storage_key", "file_name", "mime", "size", "submitted_at", "scan_status"])
    .where("company_id", "=", companyId)
    .where("subject", "=", subject)
    .where("id", "=", fileId)
    .executeTakeFirst();
  if (!row || row.scan_status === "infected") return undefined;
  return { id: row.id, storageKey: row.storage_key, fileName: row.file_name, mime: row.mime, size: Number(row.size), submitted: row.submitted_at !== null };
}

/** Removes a draft's file: the row (audited) in a transaction, then the bytes. Never a submitted file. */
export async function removeEvidence(
  deps: Pick<AppDeps, "db" | "clock" | "files">,
  actor: Actor,
  action: "application-profile.update" | "security-profile.update" | "account.submit",
  subject: string,
  fileId: string,
  meta: RequestMeta,
): Promise<{ ok: true; itemId: string } | { ok: false; reason: "forbidden" | "not-found" | "submitted" }> {
  const result = await deps.db.transaction().execute(async (trx) => {
    if (!(await beginChange(trx, actor, action))) return { ok: false as const, reason: "forbidden" as const };
    const row = await trx
      .selectFrom("evidence_files")
      .select(["id", "item_id", "storage_key", "file_name", "sha256", "submitted_at"])
      .where("company_id", "=", actor.companyId)
      .where("subject", "=", subject)
      .where("id", "=", fileId)
      .executeTakeFirst();
    if (!row) return { ok: false as const, reason: "not-found" as const };
    if (row.submitted_at !== null) return { ok: false as const, reason: "submitted" as const };
    await trx.deleteFrom("evidence_files").where("id", "=", row.id).execute();
    await recordAudit(trx, deps.clock, {
      actor: { type: "trader", id: actor.personId },
      action: "evidence.removed",
      subject: { type: "evidence-file", id: row.id },
      companyId: actor.companyId,
      before: { subject, item: row.item_id, fileName: row.file_name, sha256: row.sha256 },
      requestId: meta.requestId,
    });
    return { ok: true as const, itemId: row.item_id, key: row.storage_key };
  });
  if (!result.ok) return result;
  await deps.files.delete(result.key);
  return { ok: true, itemId: result.itemId };
}
