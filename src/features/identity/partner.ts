// The Sign-In Partner's pieces beside the sign-in routes (ID-3, issue 17): the one relying-party
// client of the process, the ID token kept (sealed) with a partner session for the provider's
// end_session_endpoint, and the log line an operator reads when a partner sign-in is refused.
import type { Kysely, Transaction } from "kysely";
import type { AppDeps } from "../../web/context.ts";
import type { Database } from "../../platform/db/index.ts";
import { seal, unseal } from "../../platform/app-key.ts";
import { SESSION_ABSOLUTE_MS, SIGN_IN_WINDOW_MS } from "../../platform/sessions.ts";
import { createPartnerClient, type PartnerClient, type PartnerFailure } from "../../platform/oidc/partner-client.ts";
import { DEMO_CLIENT_ID, DEMO_PARTNER_PATH } from "../../dev/demo-partner/index.ts";

type Handle = Kysely<Database> | Transaction<Database>;

/**
 * The relying-party client for the configured partner (the bundled Demo Bank for "demo").
 * The reachability cache runs on the portal's clock, so a test can move past it.
 */
export function createConfiguredPartnerClient(deps: AppDeps): PartnerClient {
  const isDemo = deps.config.partner.issuer === "demo";
  return createPartnerClient({
    issuer: isDemo ? `${deps.config.baseUrl}${DEMO_PARTNER_PATH}` : deps.config.partner.issuer,
    clientId: isDemo ? DEMO_CLIENT_ID : deps.config.partner.clientId,
    clientSecret: isDemo ? undefined : deps.config.partner.clientSecret,
    allowHttp: !deps.config.isProduction,
    now: () => deps.clock.now().getTime(),
  });
}

/**
 * Keeps the ID token of a partner sign-in with its session (sealed under APP_KEY, never in a
 * cookie), for the id_token_hint of the provider's end_session_endpoint at sign-out. Hints past
 * their time (their session's absolute limit) are deleted on the way.
 */
export async function keepEndSessionHint(trx: Handle, deps: Pick<AppDeps, "clock">, sessionId: string, idToken: string): Promise<void> {
  const db = trx;
  const now = deps.clock.now();
  await db.deleteFrom("partner_session_hints").where("expires_at", "<", now).execute();
  await db
    .insertInto("partner_session_hints")
    .values({ session_id: sessionId, id_token_sealed: seal(idToken), created_at: now, expires_at: new Date(now.getTime() + SIGN_IN_WINDOW_MS + SESSION_ABSOLUTE_MS) })
    .onConflict((oc) => oc.column("session_id").doUpdateSet({ id_token_sealed: (eb) => eb.ref("excluded.id_token_sealed") }))
    .execute();
}

/** Takes (reads and deletes) a session's end-session hint: the ID token, or undefined. */
export async function takeEndSessionHint(db: Handle, sessionId: string): Promise<string | undefined> {
  const row = await db.deleteFrom("partner_session_hints").where("session_id", "=", sessionId).returning("id_token_sealed").executeTakeFirst();
  if (!row) return undefined;
  try {
    return unseal(row.id_token_sealed);
  } catch {
    // Sealed under a key that is gone: sign-out ends the portal's session only.
    return undefined;
  }
}

/**
 * The log line of a refused partner sign-in: the outcome the person saw (`reason`), and the
 * cause an operator can act on (`cause`, `description`, `step`) — never a code, token, state,
 * nonce or secret.
 */
export function logPartnerRefusal(
  deps: Pick<AppDeps, "logger">,
  requestId: string,
  step: "start" | "callback",
  reason: "cancelled" | "invalid" | "unavailable",
  failure: PartnerFailure,
): void {
  const fields = { requestId, reason, step, cause: failure.cause, ...(failure.description ? { description: failure.description } : {}) };
  if (reason === "unavailable") deps.logger.warn(fields, "sign-in partner unavailable");
  else deps.logger.info(fields, "sign-in partner refused");
}
