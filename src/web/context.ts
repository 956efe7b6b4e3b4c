// What every request handler can reach: the app's dependencies and per-request values.
import type { Context } from "hono";
import type { Config } from "../config.ts";
import type { Db } from "../platform/db/index.ts";
import type { Clock, PortalClock } from "../platform/clock.ts";
import type { Logger } from "../platform/log.ts";
import type { MailTransport } from "../platform/mail/transport.ts";
import type { Locale } from "../domain/locale.ts";

export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly engine: "postgres" | "pglite";
  readonly clock: Clock;
  /** Present only when TEST_CLOCK=1 (never in production). */
  readonly testClock?: PortalClock;
  readonly logger: Logger;
  readonly mailTransport: MailTransport;
}

export interface AppEnv {
  Variables: {
    locale: Locale;
    requestId: string;
    csrfToken: string;
  };
}

export type AppContext = Context<AppEnv>;
