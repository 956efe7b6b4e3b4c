// A stand-in for GC Notify's API on 127.0.0.1, for tests: POST /v2/notifications/email as
// documentation.notification.canada.ca describes it (send.md, start.md) — not the real service.
//  - Authorization: "ApiKey-v1 <key>": missing → 401, another key → 403 (AuthError);
//  - JSON body: email_address (an address), template_id (a known template), personalisation
//    (an object carrying every placeholder of the template), reference (a string, optional);
//    anything else → 400 ValidationError / BadRequestError, in GC Notify's error envelope
//    { status_code, errors: [{ error, message }] };
//  - otherwise 201 with the documented answer (id, reference, content, uri, template);
//  - `failNext` makes the next answers 429 (RateLimitError) or 500 (Exception) first.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface NotifyTemplate {
  id: string;
  /** The template's placeholders, each of which personalisation must carry. */
  placeholders: string[];
}

export interface AcceptedNotification {
  id: string;
  email_address: string;
  template_id: string;
  personalisation: Record<string, unknown>;
  reference: string | undefined;
}

export interface NotifyStandIn {
  /** The base URL to give as NOTIFY_BASE_URL. */
  url: string;
  /** The notifications answered 201, oldest first. */
  accepted: AcceptedNotification[];
  /** Every request's status, in order (to see a retry happen). */
  answers: number[];
  /** Answer these statuses first, one per request, before handling requests normally. */
  failNext: (429 | 500 | 502 | 503)[];
  close(): Promise<void>;
}

/** A key shaped as GC Notify's are: gcntfy-{key name}-{service id}-{secret}. */
export const STAND_IN_KEY = "gcntfy-portal_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function errorBody(status: number, error: string, message: string): string {
  return JSON.stringify({ status_code: status, errors: [{ error, message }] });
}

export async function startNotifyStandIn(options: { apiKey?: string; templates: NotifyTemplate[] }): Promise<NotifyStandIn> {
  const apiKey = options.apiKey ?? STAND_IN_KEY;
  const templates = new Map(options.templates.map((t) => [t.id, t]));
  const accepted: AcceptedNotification[] = [];
  const answers: number[] = [];
  const failNext: NotifyStandIn["failNext"] = [];

  const answer = (res: ServerResponse, status: number, body: string): void => {
    answers.push(status);
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://stand-in");
    if (req.method !== "POST" || url.pathname !== "/v2/notifications/email") {
      return answer(res, 404, errorBody(404, "NotFound", "The requested URL was not found on the server."));
    }
    const authorization = req.headers.authorization;
    if (!authorization) return answer(res, 401, errorBody(401, "AuthError", "Unauthorized, authentication token must be provided"));
    if (authorization !== `ApiKey-v1 ${apiKey}`) return answer(res, 403, errorBody(403, "AuthError", "Invalid token: API key not found"));
    const failure = failNext.shift();
    if (failure === 429) return answer(res, 429, errorBody(429, "RateLimitError", "Exceeded rate limit for key type LIVE of 1000 requests per 60 seconds"));
    if (failure !== undefined) return answer(res, failure, errorBody(failure, "Exception", "Internal server error"));

    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      if (typeof body !== "object" || body === null || Array.isArray(body)) throw new Error("not an object");
    } catch {
      return answer(res, 400, errorBody(400, "ValidationError", "Invalid JSON supplied in POST data"));
    }
    const problems: string[] = [];
    if (body.email_address === undefined) problems.push("email_address is a required property");
    else if (typeof body.email_address !== "string" || !EMAIL.test(body.email_address)) problems.push("email_address Not a valid email address");
    if (body.template_id === undefined) problems.push("template_id is a required property");
    else if (typeof body.template_id !== "string" || !/^[0-9a-f-]{36}$/i.test(body.template_id)) problems.push("template_id is not a valid UUID");
    const personalisation = body.personalisation ?? {};
    if (typeof personalisation !== "object" || personalisation === null || Array.isArray(personalisation)) problems.push("personalisation is not of type object");
    if (body.reference !== undefined && typeof body.reference !== "string") problems.push("reference is not of type string");
    const known = ["email_address", "template_id", "personalisation", "reference", "email_reply_to_id"];
    for (const key of Object.keys(body)) if (!known.includes(key)) problems.push(`Additional properties are not allowed (${key} was unexpected)`);
    if (problems.length > 0) {
      answers.push(400);
      res.writeHead(400, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ status_code: 400, errors: problems.map((message) => ({ error: "ValidationError", message })) }));
      return;
    }
    const template = templates.get(body.template_id as string);
    if (!template) return answer(res, 400, errorBody(400, "BadRequestError", "Template not found"));
    const values = personalisation as Record<string, unknown>;
    const missing = template.placeholders.filter((p) => values[p] === undefined || values[p] === null);
    if (missing.length > 0) return answer(res, 400, errorBody(400, "BadRequestError", `Missing personalisation: ${missing.join(", ")}`));

    const id = randomUUID();
    const notification: AcceptedNotification = {
      id,
      email_address: body.email_address as string,
      template_id: template.id,
      personalisation: values,
      reference: body.reference as string | undefined,
    };
    accepted.push(notification);
    const fill = (s: string): string => s.replace(/\(\(([^)]+)\)\)/g, (_m, name: string) => {
      const value = values[name];
      return typeof value === "string" ? value : JSON.stringify(value ?? "");
    });
    const base = `http://${req.headers.host ?? "127.0.0.1"}`;
    answer(
      res,
      201,
      JSON.stringify({
        id,
        reference: notification.reference ?? null,
        content: { subject: fill("((subject))"), body: fill("((body))"), from_email: "trusted.trader@notification.canada.ca" },
        uri: `${base}/v2/notifications/${id}`,
        template: { id: template.id, version: 1, uri: `${base}/v2/template/${template.id}` },
      }),
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) answer(res, 500, errorBody(500, "Exception", String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    answers,
    failNext,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
