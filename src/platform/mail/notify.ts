// GC Notify (notification.canada.ca) as a mail transport: one POST /v2/notifications/email per
// outbox message, with a generic template per language whose personalisation carries the
// subject and body the portal already rendered.
//
// What is sent as the body: the plain-text rendering (paragraphs separated by blank lines).
// GC Notify builds the HTML part itself from its template (Markdown) and HTML-escapes
// personalisation, so the portal's own HTML would arrive as visible tags; the text body becomes
// paragraphs in GC Notify's layout, with its header and footer, in both parts of the message.
//
// Answers (as GC Notify documents them): 201 = accepted for delivery; 429 (rate or daily limit)
// and 5xx = try again later, which the job queue does with its growing delays; any other 4xx
// (400 validation or trial mode, 401/403 key, 404) = this message cannot go as it is: a
// PermanentMailError, recorded with GC Notify's errors[].message and not retried.
//
// The API key is kept in this closure only: it is in the Authorization header of each request
// and in no message, error or log line (an answer that echoed it is scrubbed too).
import type { NotifyConfig } from "../../config.ts";
import { cachedCheck, PermanentMailError, type MailTransport } from "./delivery.ts";

export interface NotifyTransportOptions {
  /** How long one request may take before it counts as a failure to retry (GC Notify suggests a few seconds). */
  timeoutMs?: number;
}

/** The error body GC Notify answers with: { status_code, errors: [{ error, message }] }. */
interface NotifyErrorBody {
  status_code?: number;
  errors?: { error?: string; message?: string }[];
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_CAUSE_LENGTH = 500;

export function notifyTransport(config: NotifyConfig, options: NotifyTransportOptions = {}): MailTransport {
  const { apiKey, templateIds } = config;
  const endpoint = `${config.baseUrl.replace(/\/+$/, "")}/v2/notifications/email`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const scrub = (text: string): string => text.split(apiKey).join("[redacted]").slice(0, MAX_CAUSE_LENGTH);

  return {
    kind: "notify",
    // Reachability only (any answer below 500 from the API's status page): the key is not sent.
    check: cachedCheck(async () => {
      const res = await fetch(`${config.baseUrl.replace(/\/+$/, "")}/_status`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 500) throw new Error(`GC Notify answered ${res.status}`);
    }),
    async send(mail) {
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: "POST",
          headers: { Authorization: `ApiKey-v1 ${apiKey}`, "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({
            email_address: mail.to,
            template_id: templateIds[mail.locale],
            personalisation: { subject: mail.subject, body: mail.text.trimEnd() },
            // The outbox row: no personal information, and it finds the message in GC Notify's reports.
            reference: mail.outboxId,
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        // Unreachable, refused, reset or too slow: the queue tries again later.
        const cause = err instanceof Error ? `${err.name}: ${err.message}${causeOf(err)}` : String(err);
        throw new Error(scrub(`GC Notify could not be reached at ${endpoint}: ${cause}`), { cause: err });
      }
      const text = await response.text().catch(() => "");
      if (response.ok) return;
      const cause = scrub(`GC Notify answered ${response.status}: ${describeErrors(text)}`);
      if (response.status === 408 || response.status === 429 || response.status >= 500) throw new Error(cause);
      throw new PermanentMailError(cause);
    },
  };
}

function causeOf(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? ` (${cause.message})` : "";
}

/** GC Notify's errors[].message, joined; or the start of whatever else came back. */
function describeErrors(text: string): string {
  try {
    const body = JSON.parse(text) as NotifyErrorBody;
    const messages = (body.errors ?? []).map((e) => [e.error, e.message].filter(Boolean).join(": ")).filter(Boolean);
    if (messages.length > 0) return messages.join("; ");
  } catch {
    /* not JSON: a proxy's page, say */
  }
  return text.trim() === "" ? "(no body)" : text.trim().slice(0, 200);
}
