// A second OpenID provider for the Sign-In Partner tests, configured independently of the
// bundled Demo Bank: oidc-provider on its own port, its own RSA key, one confidential client
// (client_secret_basic) with PKCE required, RP-initiated logout on, and interactions of its own
// that a test drives with fetch (a form with a username; "cancel" answers access_denied). It
// records what reached it: each authorization request's parameters, each time it asked the
// person to sign in (and why), each end-session request.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Provider, type Configuration } from "oidc-provider";

export interface AskedToSignIn {
  uid: string;
  prompt: string;
  reasons: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The query of every request to the authorization endpoint, oldest first. */
  readonly authorizations: URLSearchParams[];
  /** Every time the provider showed its sign-in page, with the policy's reasons. */
  readonly askedToSignIn: AskedToSignIn[];
  /** The query of every request to the end-session endpoint, oldest first. */
  readonly endSessions: URLSearchParams[];
  /** Every sign-out the person confirmed at the provider. */
  readonly loggedOut: string[];
  /** Stops answering: the port is closed, open connections dropped. */
  stop(): Promise<void>;
}

export interface TestProviderOptions {
  /** The portal's origin: its callback and signed-out pages are the client's registered URIs. */
  portalBaseUrl: string;
  callbackPath: string;
}

function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const clientId = `portal-${randomBytes(4).toString("hex")}`;
  const clientSecret = randomBytes(24).toString("base64url");
  const authorizations: URLSearchParams[] = [];
  const askedToSignIn: AskedToSignIn[] = [];
  const endSessions: URLSearchParams[] = [];
  const loggedOut: string[] = [];

  const holder: { provider?: Provider } = {};
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://provider.test");
      if (url.pathname === "/auth") authorizations.push(url.searchParams);
      if (url.pathname === "/session/end") endSessions.push(url.searchParams);
      const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
      if (interaction && req.method === "GET") {
        const details = await holder.provider!.interactionDetails(req, res);
        askedToSignIn.push({ uid: details.uid, prompt: details.prompt.name, reasons: details.prompt.reasons });
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
          `<!doctype html><html lang="en"><title>Test Bank</title><h1>Sign in to Test Bank (${escape(details.prompt.name)})</h1>` +
            `<form method="post" action="/interaction/${escape(details.uid)}"><label>Username <input name="username"></label><button name="action" value="login">Sign in</button><button name="action" value="cancel">Cancel</button></form>`,
        );
        return;
      }
      if (interaction && req.method === "POST") {
        const body = await readBody(req);
        const result =
          body.get("action") === "cancel"
            ? { error: "access_denied", error_description: "the person cancelled at Test Bank" }
            : { login: { accountId: `test-bank-${(body.get("username") ?? "").trim().toLowerCase()}` } };
        await holder.provider!.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
        return;
      }
      await holder.provider!.callback()(req, res);
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = { ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: `test-bank-${randomBytes(4).toString("hex")}`, use: "sig", alg: "RS256" };
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        token_endpoint_auth_method: "client_secret_basic",
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: [`${options.portalBaseUrl}${options.callbackPath}`],
        post_logout_redirect_uris: [`${options.portalBaseUrl}/en/sign-in?signedOut=1`, `${options.portalBaseUrl}/fr/sign-in?signedOut=1`],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    pkce: { required: () => true },
    responseTypes: ["code"],
    scopes: ["openid"],
    claims: { openid: ["sub"] },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = `<!doctype html><html lang="en"><title>Sign out of Test Bank</title><h1>Sign out of Test Bank?</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button></html>`;
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // No consent page: the portal is this bank's only client.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client?.clientId;
      if (!accountId || !client) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(client);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client, accountId });
      grant.addOIDCScope("openid");
      await grant.save();
      return grant;
    },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    ttl: { AuthorizationCode: 60, IdToken: 600, AccessToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="en"><title>Test Bank error</title><h1>Test Bank cannot continue</h1><pre>${escape(JSON.stringify(out))}</pre></html>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  holder.provider = provider;
  provider.on("end_session.success", (ctx: { oidc: { session?: { accountId?: string } } }) => loggedOut.push(ctx.oidc.session?.accountId ?? "?"));
  (provider as unknown as NodeJS.EventEmitter).on("error", () => {});

  return {
    issuer,
    clientId,
    clientSecret,
    authorizations,
    askedToSignIn,
    endSessions,
    loggedOut,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
