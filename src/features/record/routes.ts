// HTTP routes of the company's record as data (APP-16): the download of record.json, every role's
// (status.view; what a role may not see of the profiles is left out by the export itself, USR-2),
// audited; and the published JSON Schema of that file, public.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../web/context.ts";
import { COMPANY } from "../../web/paths.ts";
import { companyAction } from "../../web/middleware/company-access.tsx";
import { requestMeta } from "../../web/request-meta.ts";
import { attachmentResponse } from "../../web/attachment.ts";
import { recordAudit } from "../../platform/audit.ts";
import { calendarDate } from "../../platform/clock.ts";
import { companyRecordExport } from "./export.ts";
import { RECORD_FORMAT, SCHEMA_PATH } from "./format.ts";

/** The schema's bytes, read once: served as they are in the repository. */
const SCHEMA = readFileSync(new URL("./company-record.schema.json", import.meta.url));

export const RECORD_JSON_PATH = `${COMPANY}/record.json`;

export function recordRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(SCHEMA_PATH, () =>
    new Response(new Uint8Array(SCHEMA), {
      headers: {
        "content-type": "application/schema+json",
        "x-content-type-options": "nosniff",
        // Public and the same for everyone; a signed-in caller still gets no-store (SEC-8).
        "cache-control": "public, max-age=3600",
      },
    }),
  );

  app.get(RECORD_JSON_PATH, companyAction(deps, "status.view"), async (c) => {
    const access = c.get("companyAccess");
    const record = await companyRecordExport(deps, access.companyId, access.role);
    const body = Buffer.from(`${JSON.stringify(record, null, 2)}\n`, "utf8");
    const meta = requestMeta(c);
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, deps.clock, {
        actor: { type: "trader", id: access.personId },
        action: "record.exported",
        subject: { type: "company", id: access.companyId },
        companyId: access.companyId,
        after: { format: RECORD_FORMAT, role: access.role, sha256: createHash("sha256").update(body).digest("hex") },
        requestId: meta.requestId,
      }),
    );
    const name = `record-${record.company.clientNumber}-${calendarDate(new Date(record.generatedAt))}.json`;
    return attachmentResponse(new Uint8Array(body), { type: "application/json; charset=utf-8", name, size: body.length });
  });

  return app;
}
