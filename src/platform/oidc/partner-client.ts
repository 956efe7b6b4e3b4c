// The Sign-In Partner relying party (SPEC ID-3): OpenID Connect authorization code flow with
// PKCE (S256), state and nonce, on openid-client. The portal keeps only the provider's stable
// subject: finish() validates everything and returns `sub`, nothing else (no tokens, no
// claims). Errors come out as PartnerError with a code the sign-in page can explain.
import * as oidc from "openid-client";

export interface PartnerAuthRequest {
  /** Where to send the browser. */
  url: string;
  /** Keep these three with the browser's pending sign-in (server side) until the callback. */
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface PartnerClient {
  /** Authorization code + PKCE (S256), state and nonce. redirectUri is the portal's callback. */
  start(redirectUri: string, uiLocale: "en" | "fr"): Promise<PartnerAuthRequest>;
  /**
   * Validates the callback (state, nonce, PKCE, ID token) and returns only the provider's
   * stable subject. Throws PartnerError on any failure (the person cancelling included:
   * error=access_denied gives code "cancelled").
   */
  finish(callbackUrl: URL, expected: { state: string; nonce: string; codeVerifier: string; redirectUri: string }): Promise<{ subject: string }>;
}

export type PartnerErrorCode = "cancelled" | "invalid" | "unavailable";

export class PartnerError extends Error {
  constructor(
    readonly code: PartnerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PartnerError";
  }
}

export interface PartnerClientOptions {
  issuer: string;
  clientId: string;
  /** undefined: a public client (token_endpoint_auth_method "none"); else client_secret_basic. */
  clientSecret: string | undefined;
  /** Allow http:// (the bundled demo partner in development); never in production. */
  allowHttp: boolean;
  /** Seconds to wait for the provider's answers (discovery and token). Default 10. */
  timeoutSeconds?: number;
}

/** Errors the provider may answer that mean "try again later", not "this was wrong". */
const UNAVAILABLE_ERRORS = new Set(["server_error", "temporarily_unavailable"]);

function isNetworkFailure(err: unknown): boolean {
  if (err instanceof DOMException) return err.name === "TimeoutError" || err.name === "AbortError";
  // fetch() rejects with a TypeError for network failures; openid-client's own argument
  // checks are TypeErrors too, but carry an ERR_INVALID_ARG_* code.
  if (err instanceof TypeError) {
    const code = (err as TypeError & { code?: unknown }).code;
    return !(typeof code === "string" && code.startsWith("ERR_INVALID_ARG"));
  }
  return false;
}

/** Sorts any failure of openid-client into a PartnerError (never with tokens in its message). */
export function toPartnerError(err: unknown): PartnerError {
  if (err instanceof PartnerError) return err;
  if (err instanceof oidc.AuthorizationResponseError) {
    if (err.error === "access_denied") return new PartnerError("cancelled", "the person cancelled at the partner", { cause: err });
    if (UNAVAILABLE_ERRORS.has(err.error)) return new PartnerError("unavailable", `the partner answered ${err.error}`, { cause: err });
    return new PartnerError("invalid", `the partner refused the sign-in: ${err.error}`, { cause: err });
  }
  if (err instanceof oidc.ResponseBodyError) {
    if (err.status >= 500 || UNAVAILABLE_ERRORS.has(err.error)) return new PartnerError("unavailable", `the partner answered ${err.error}`, { cause: err });
    return new PartnerError("invalid", `the partner's token endpoint refused: ${err.error}`, { cause: err });
  }
  if (isNetworkFailure(err)) return new PartnerError("unavailable", "the partner could not be reached", { cause: err });
  if (err instanceof oidc.ClientError) {
    if (isNetworkFailure(err.cause)) return new PartnerError("unavailable", "the partner could not be reached", { cause: err });
    // An HTTP error status where JSON was expected: the partner is down or misrouted.
    if (err.code === "OAUTH_RESPONSE_IS_NOT_CONFORM" && err.cause instanceof Response && err.cause.status >= 500) {
      return new PartnerError("unavailable", `the partner answered HTTP ${err.cause.status}`, { cause: err });
    }
    return new PartnerError("invalid", `the partner's answer failed validation (${err.code ?? err.message})`, { cause: err });
  }
  return new PartnerError("invalid", "the partner sign-in failed", { cause: err });
}

export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  const issuer = new URL(options.issuer);
  const timeout = options.timeoutSeconds ?? 10;
  const clientAuth = options.clientSecret === undefined ? oidc.None() : oidc.ClientSecretBasic(options.clientSecret);
  const metadata: Partial<oidc.ClientMetadata> =
    options.clientSecret === undefined ? { token_endpoint_auth_method: "none" } : { client_secret: options.clientSecret, token_endpoint_auth_method: "client_secret_basic" };

  // Discovery on first use, then cached; a failed discovery is forgotten and retried on the next call.
  let configuration: Promise<oidc.Configuration> | undefined;
  const configured = (): Promise<oidc.Configuration> => {
    configuration ??= oidc
      .discovery(issuer, options.clientId, metadata, clientAuth, {
        timeout,
        ...(options.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((err: unknown) => {
        configuration = undefined;
        const failure = toPartnerError(err);
        // A discovery that fails is the partner being unreachable or misconfigured: either way
        // the person can do nothing about it.
        throw new PartnerError("unavailable", `partner discovery failed: ${failure.message}`, { cause: err });
      });
    return configuration;
  };

  return {
    async start(redirectUri, uiLocale) {
      const config = await configured();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        response_type: "code",
        scope: "openid",
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        ui_locales: uiLocale,
      });
      return { url: url.href, state, nonce, codeVerifier };
    },

    async finish(callbackUrl, expected) {
      const config = await configured();
      // The token request must name the redirect URI of the authorization request exactly,
      // whatever host or proxy the callback arrived through: keep only the callback's query.
      const current = new URL(expected.redirectUri);
      current.search = callbackUrl.search;
      let subject: unknown;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, current, {
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          pkceCodeVerifier: expected.codeVerifier,
          idTokenExpected: true,
        });
        subject = tokens.claims()?.sub;
      } catch (err) {
        throw toPartnerError(err);
      }
      if (typeof subject !== "string" || subject === "") throw new PartnerError("invalid", "the ID token has no subject");
      return { subject };
    },
  };
}
