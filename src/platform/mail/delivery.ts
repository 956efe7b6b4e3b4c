// What the mail transports share (transport.ts, notify.ts): what a transport is, the refusal
// that is never retried, and the reachability check /readyz asks them for.
import { PermanentJobError } from "../jobs/queue.ts";

export interface OutgoingMail {
  outboxId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: "en" | "fr";
}

export interface MailTransport {
  readonly kind: "notify" | "smtp" | "dev-mailbox";
  send(mail: OutgoingMail): Promise<void>;
  /** Rejects when the service cannot be reached now (for /readyz); absent: nothing to reach. */
  check?(): Promise<void>;
  close?(): void;
}

/**
 * A delivery that can never succeed as it is (GC Notify's 400, 403…): the outbox records it as
 * failed with this message as its cause, and the job is not tried again. Other errors are retried.
 */
export class PermanentMailError extends PermanentJobError {
  constructor(message: string) {
    super(message);
    this.name = "PermanentMailError";
  }
}

/**
 * A reachability check that runs at most once per `okMs` after a success (per `failMs` after a
 * failure); concurrent callers share the check in flight.
 */
export function cachedCheck(run: () => Promise<void>, okMs = 15_000, failMs = 5_000): () => Promise<void> {
  // Elapsed time (performance.now), not the portal's clock, which a test may move.
  let last: { at: number; ok: true } | { at: number; ok: false; error: Error } | undefined;
  let running: Promise<void> | undefined;
  return () => {
    const now = performance.now();
    if (last && now - last.at < (last.ok ? okMs : failMs)) return last.ok ? Promise.resolve() : Promise.reject(last.error);
    running ??= run().then(
      () => {
        last = { at: performance.now(), ok: true };
        running = undefined;
      },
      (error: unknown) => {
        last = { at: performance.now(), ok: false, error: error instanceof Error ? error : new Error(String(error)) };
        running = undefined;
        throw error;
      },
    );
    return running;
  };
}
