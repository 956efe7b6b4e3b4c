// What every request handler can reach: the app's dependencies and per-request values.
import type { Context } from "hono";
import type { Config } from "../config.ts";
import type { Db } from "../platform/db/index.ts";
import type { Clock, PortalClock } from "../platform/clock.ts";
import type { Logger } from "../platform/log.ts";
import type { MailTransport } from "../platform/mail/transport.ts";
import type { FileStore } from "../platform/storage/index.ts";
import type { Scanner } from "../platform/scan/clamd.ts";
import type { Locale } from "../domain/locale.ts";
import type { SessionRecord } from "../platform/sessions.ts";
import type { PoolUse } from "../platform/db/index.ts";
import type { CompanyRole } from "../domain/permissions.ts";

export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly engine: "postgres" | "pglite";
  readonly clock: Clock;
  /** Present only when TEST_CLOCK=1 (never in production). */
  readonly testClock?: PortalClock;
  readonly logger: Logger;
  readonly mailTransport: MailTransport;
  /** Where evidence files live (APP-9). */
  readonly files: FileStore;
  /** The malware scanner for evidence files, or "none" (files are then marked not scanned). */
  readonly scanner: Scanner;
  /** The PostgreSQL pool's use, for /metrics (absent on the embedded database). */
  readonly dbPool?: () => PoolUse;
}

export interface AppEnv {
  Variables: {
    locale: Locale;
    requestId: string;
    csrfToken: string;
    /** The caller's live session, at whatever sign-in stage; null when there is none. */
    session: SessionRecord | null;
    /** True when the request carried a session cookie that had ended or expired. */
    sessionEnded: boolean;
    /** config.trustProxyHops, for reading the client's address. */
    trustProxyHops: number;
  };
}

export type AppContext = Context<AppEnv>;

/** The caller's membership in the company of the URL, set by companyAction() (web/middleware/company-access.tsx). */
export interface CompanyAccess {
  companyId: string;
  personId: string;
  role: CompanyRole;
  companyStatus: "pending-activation" | "activated" | "authorized";
  /** For the page chrome's "you are working in" (USR-1). */
  legalName: string;
  clientNumber: string;
}
