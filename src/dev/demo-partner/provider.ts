// The Demo Bank's OpenID Provider (oidc-provider), configured for one first-party client,
// the portal: authorization code with PKCE (S256) only, `openid` scope only, ID tokens that
// carry nothing but the subject. Its storage, signing key and cookie keys are in the database.
import type { EventEmitter } from "node:events";
import { Provider, interactionPolicy, type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { preferredLocale } from "../../web/middleware/request.ts";
import { isLocale, type Locale } from "../../domain/locale.ts";
import type { Logger } from "../../platform/log.ts";
import { databaseAdapterFactory } from "./adapter.ts";
import { loadDemoPartnerSecrets } from "./keys.ts";
import { subjectExists } from "./accounts.ts";
import type { DemoPartnerDb } from "./schema.ts";
import { ErrorPage, renderDocument } from "./views.tsx";
import { PARTNER_CALLBACK_PATH } from "../../web/paths.ts";

/** Where the demo partner lives in the portal; its issuer is `${baseUrl}${DEMO_PARTNER_PATH}`. */
export const DEMO_PARTNER_PATH = "/dev/partner";
/** The portal's client id at the Demo Bank (a public client: PKCE, no secret). */
export const DEMO_CLIENT_ID = "trusted-trader-portal";
/** The portal's callback, registered as the client's only redirect URI. */

export function demoPartnerIssuer(baseUrl: string): string {
  return `${baseUrl}${DEMO_PARTNER_PATH}`;
}

export function interactionPath(uid: string): string {
  return `${DEMO_PARTNER_PATH}/interaction/${uid}`;
}

/** The first supported language in an OpenID `ui_locales` value (space-separated tags). */
export function uiLocale(uiLocales: unknown, acceptLanguage: string | undefined): Locale {
  if (typeof uiLocales === "string") {
    for (const tag of uiLocales.split(" ")) {
      const lang = tag.split("-")[0]?.toLowerCase();
      if (isLocale(lang)) return lang;
    }
  }
  return preferredLocale(acceptLanguage);
}

export interface DemoProviderOptions {
  baseUrl: string;
  db: DemoPartnerDb;
  logger: Logger;
}

export async function createDemoProvider(options: DemoProviderOptions): Promise<Provider> {
  const { baseUrl, db, logger } = options;
  const secrets = await loadDemoPartnerSecrets(db);

  // The Demo Bank asks who you are at every sign-in, even with a live Demo Bank session:
  // several people may try the portal in one browser, and each must get their own subject.
  const policy = interactionPolicy.base();
  policy
    .get("login")
    ?.checks.add(
      new interactionPolicy.Check("demo_bank_always_asks", "the Demo Bank asks at every sign-in", (ctx) =>
        ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );

  const cookieOptions = { httpOnly: true, sameSite: "lax", signed: true } as const;

  const configuration: Configuration = {
    adapter: databaseAdapterFactory(db),
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        client_name: "Trusted Trader Portal",
        application_type: "web",
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: [`${baseUrl}${PARTNER_CALLBACK_PATH}`],
      },
    ],
    jwks: { keys: [secrets.signingKey] },
    cookies: {
      keys: secrets.cookieKeys,
      names: { session: "demo_bank_session", interaction: "demo_bank_interaction", resume: "demo_bank_resume" },
      long: cookieOptions,
      short: cookieOptions,
    },
    features: {
      devInteractions: { enabled: false }, // our own pages, under the portal's CSP
      rpInitiatedLogout: { enabled: false }, // its default pages carry inline styles and outside fonts
      userinfo: { enabled: false }, // the portal needs the ID token's subject only
    },
    responseTypes: ["code"],
    pkce: { required: () => true },
    scopes: ["openid"],
    claims: { openid: ["sub"] },
    discovery: { ui_locales_supported: ["en", "fr"] },
    interactions: {
      policy,
      url: (_ctx, interaction) => interactionPath(interaction.uid),
    },
    // First-party client: no consent page; the openid scope is granted on sign-in.
    loadExistingGrant: async (ctx) => {
      const { oidc } = ctx;
      const accountId = oidc.session?.accountId;
      const clientId = oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientId);
      if (grantId) {
        const existing = await oidc.provider.Grant.find(grantId);
        if (existing && existing.accountId === accountId && existing.clientId === clientId) return existing;
      }
      const grant = new oidc.provider.Grant({ clientId, accountId });
      grant.addOIDCScope("openid");
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, sub) => {
      if (!(await subjectExists(db, sub))) return undefined;
      return { accountId: sub, claims: () => ({ sub }) };
    },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 10 * 60,
      IdToken: 10 * 60,
      Interaction: 30 * 60,
      Session: 30 * 60,
      Grant: 30 * 60,
    },
    renderError: async (ctx: KoaContextWithOIDC, out) => {
      const params = (ctx.oidc as Partial<KoaContextWithOIDC["oidc"]> | undefined)?.params;
      const locale = uiLocale(params?.ui_locales, ctx.get("accept-language") || undefined);
      const details: Record<string, string> = {};
      for (const [key, value] of Object.entries(out)) if (typeof value === "string" && key !== "state") details[key] = value;
      ctx.type = "html";
      ctx.body = await renderDocument(ErrorPage({ locale, details }));
    },
  };

  const provider = new Provider(demoPartnerIssuer(baseUrl), configuration);
  // Behind an HTTPS proxy, trust its X-Forwarded-Proto so that cookies are marked Secure.
  provider.proxy = baseUrl.startsWith("https://");
  provider.on("server_error", (_ctx: unknown, err: unknown) => logger.error({ err }, "demo partner server error"));
  // Koa's own error event: without a listener it would print to the console.
  (provider as unknown as EventEmitter).on("error", (err: unknown) => logger.error({ err }, "demo partner error"));
  return provider;
}
