// The demo Sign-In Partner inside the portal's own Hono app (development only):
//   /dev/partner/interaction/:uid  the Demo Bank's sign-in page (ours: Hono, no script)
//   /dev/partner/*                 everything else is oidc-provider (discovery, authorize,
//                                  token, jwks…), handed the Node.js request and response.
// Mount it before the portal's CSRF middleware: the token endpoint is called server to
// server without the portal's cookie. The sign-in form carries its own CSRF proof.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { HttpBindings } from "@hono/node-server";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type Provider from "oidc-provider";
import { errors } from "oidc-provider";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { csrfProtection } from "../../web/middleware/csrf.ts";
import { securityHeaders } from "../../web/middleware/security-headers.ts";
import type { Locale } from "../../domain/locale.ts";
import { checkUsername, subjectFor } from "./accounts.ts";
import { demoBankMessages } from "./messages.ts";
import { DEMO_PARTNER_PATH, createDemoProvider, interactionPath, uiLocale } from "./provider.ts";
import { demoPartnerDb } from "./schema.ts";
import { ErrorPage, LoginPage, renderDocument } from "./views.tsx";

/** The request body limit for the provider's endpoints (oidc-provider's own is 56 KiB). */
const MAX_BODY_BYTES = 64 * 1024;

/** The header by which @hono/node-server knows the response was written directly. */
const ALREADY_SENT_HEADER = [...RESPONSE_ALREADY_SENT.headers.keys()].find((name) => name.includes("already-sent")) ?? "x-hono-already-sent";

interface Running {
  provider: Provider;
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** The portal's security headers, put on every response the provider writes itself. */
  headers: [string, string][];
}

function nodeBindings(c: AppContext): HttpBindings | undefined {
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming && env.outgoing ? (env as HttpBindings) : undefined;
}

async function portalSecurityHeaders(https: boolean): Promise<[string, string][]> {
  const probe = new Hono();
  probe.use(securityHeaders({ https }));
  probe.get("/", (c) => c.body(null, 204));
  const res = await probe.request("/");
  return [...res.headers];
}

/**
 * The request as oidc-provider (Koa) expects it: the path below the mount point in `url`,
 * the full one in `originalUrl` (the Express convention it reads its mount path from), and a
 * body it can read even when a middleware before us has already read the original stream.
 */
function providerRequest(incoming: IncomingMessage, url: URL, body: Buffer): IncomingMessage {
  const req = Readable.from(body.length > 0 ? [body] : []);
  return Object.assign(req, {
    method: incoming.method,
    url: `${url.pathname.slice(DEMO_PARTNER_PATH.length) || "/"}${url.search}`,
    originalUrl: `${url.pathname}${url.search}`,
    headers: incoming.headers,
    rawHeaders: incoming.rawHeaders,
    httpVersion: incoming.httpVersion,
    httpVersionMajor: incoming.httpVersionMajor,
    httpVersionMinor: incoming.httpVersionMinor,
    socket: incoming.socket,
    connection: incoming.socket,
  }) as unknown as IncomingMessage;
}

export function demoPartnerRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, logger } = deps;
  const https = config.baseUrl.startsWith("https://");
  const db = demoPartnerDb(deps.db);
  const app = new Hono<AppEnv>();

  // Made on first use (it reads or creates its keys in the database); a failure is retried.
  let running: Promise<Running> | undefined;
  const start = (): Promise<Running> => {
    running ??= (async () => {
      const provider = await createDemoProvider({ baseUrl: config.baseUrl, db, logger });
      return { provider, handle: provider.callback(), headers: await portalSecurityHeaders(https) };
    })().catch((err: unknown) => {
      running = undefined;
      throw err;
    });
    return running;
  };

  const errorPage = async (c: AppContext, locale: Locale, status: 400 | 403 | 503) =>
    c.html(await renderDocument(ErrorPage({ locale, details: {} })), status);

  const interactionRoute = `${DEMO_PARTNER_PATH}/interaction/:uid{[A-Za-z0-9_-]{1,64}}`;

  // The sign-in form's CSRF proof: the portal's own token (cookie + hidden field) and origin check.
  app.use(
    interactionRoute,
    csrfProtection({
      baseUrl: config.baseUrl,
      https,
      onRefused: (c) => errorPage(c, c.get("locale"), 403),
    }),
  );

  /** The interaction of this browser (its cookie) for the uid in the URL, or an error page. */
  const loadInteraction = async (c: AppContext) => {
    const bindings = nodeBindings(c);
    if (!bindings) return { page: await errorPage(c, c.get("locale"), 503) } as const;
    const { provider } = await start();
    try {
      const interaction = await provider.interactionDetails(bindings.incoming, bindings.outgoing);
      if (interaction.uid !== c.req.param("uid")) return { page: await errorPage(c, c.get("locale"), 400) } as const;
      const locale = uiLocale(interaction.params.ui_locales, c.req.header("accept-language"));
      return { provider, interaction, bindings, locale } as const;
    } catch (err) {
      if (err instanceof errors.SessionNotFound) return { page: await errorPage(c, c.get("locale"), 400) } as const;
      throw err;
    }
  };

  app.get(interactionRoute, async (c) => {
    const loaded = await loadInteraction(c);
    if ("page" in loaded) return loaded.page;
    const page = LoginPage({ locale: loaded.locale, action: interactionPath(loaded.interaction.uid), csrfToken: c.get("csrfToken"), username: "" });
    c.header("cache-control", "no-store");
    return c.html(await renderDocument(page));
  });

  app.post(interactionRoute, async (c) => {
    const loaded = await loadInteraction(c);
    if ("page" in loaded) return loaded.page;
    const { provider, interaction, bindings, locale } = loaded;
    const form = await c.req.parseBody();

    if (form.action === "cancel") {
      const returnTo = await provider.interactionResult(
        bindings.incoming,
        bindings.outgoing,
        { error: "access_denied", error_description: "End-User aborted interaction" },
        { mergeWithLastSubmission: false },
      );
      return c.redirect(returnTo, 303);
    }

    const checked = checkUsername(form.username);
    if (!checked.ok) {
      const t = demoBankMessages(locale);
      const page = LoginPage({
        locale,
        action: interactionPath(interaction.uid),
        csrfToken: c.get("csrfToken"),
        username: typeof form.username === "string" ? form.username : "",
        error: checked.problem === "missing" ? t.usernameMissing : t.usernameTooLong,
      });
      c.header("cache-control", "no-store");
      return c.html(await renderDocument(page), 422);
    }

    const subject = await subjectFor(db, checked.key);
    const returnTo = await provider.interactionResult(bindings.incoming, bindings.outgoing, { login: { accountId: subject } }, { mergeWithLastSubmission: false });
    return c.redirect(returnTo, 303);
  });

  // Everything else is the OpenID Provider itself.
  app.use(`${DEMO_PARTNER_PATH}/*`, bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text("Payload Too Large", 413) }));
  app.all(`${DEMO_PARTNER_PATH}/*`, async (c) => {
    const bindings = nodeBindings(c);
    if (!bindings) return errorPage(c, c.get("locale"), 503);
    const { handle, headers } = await start();
    const method = c.req.method;
    const body = method === "GET" || method === "HEAD" ? Buffer.alloc(0) : Buffer.from(await c.req.arrayBuffer());
    const { outgoing } = bindings;
    for (const [name, value] of headers) outgoing.setHeader(name, value);
    await handle(providerRequest(bindings.incoming, new URL(c.req.url), body), outgoing);
    // Already written by the provider; the status is for the portal's request log.
    const sent = new Response(null, { status: outgoing.statusCode, headers: { [ALREADY_SENT_HEADER]: "true" } });
    // @hono/node-server writes its lightweight responses without looking for that header (and
    // would write the head a second time: ERR_HTTP_HEADERS_SENT); reading the body makes this
    // a real Response, whose header it does check.
    void sent.body;
    return sent;
  });

  return app;
}
