// The Sign-In Partner relying party (SPEC ID-3): OpenID Connect authorization code flow with
// PKCE (S256), state and nonce, on openid-client. The portal keeps only the provider's stable
// subject: finish() validates everything and returns `sub` — and, only where the provider
// offers RP-initiated logout, the ID token as the hint its end_session_endpoint asks for.
// Every sign-in asks the provider to authenticate the person again (prompt=login, max_age=0:
// a shared computer's bank session is not reused), and the ID token's auth_time must show it.
// Before a person is sent to the provider, its keys must still answer (a short, cached check),
// so a dead provider gives the portal's page rather than the browser's.
// Errors come out as PartnerError with a code the sign-in page can explain and a detail an
// operator can act on (never a code, token or secret).
import * as oidc from "openid-client";

export interface PartnerAuthRequest {
  /** Where to send the browser. */
  url: string;
  /** Keep these three with the browser's pending sign-in (server side) until the callback. */
  state: string;
  nonce: string;
  codeVerifier: string;
  /**
   * When the request was built (ms, on the client's `now` clock: the portal's). finish() takes
   * the time since then, on the same clock, as the ID token's max age.
   */
  requestedAt: number;
}

export interface PartnerClient {
  /** Authorization code + PKCE (S256), state and nonce. redirectUri is the portal's callback. */
  start(redirectUri: string, uiLocale: "en" | "fr"): Promise<PartnerAuthRequest>;
  /**
   * Validates the callback (state, nonce, PKCE, ID token) and returns only the provider's
   * stable subject. Throws PartnerError on any failure (the person cancelling included:
   * error=access_denied gives code "cancelled").
   */
  finish(callbackUrl: URL, expected: PartnerExpected): Promise<PartnerSignIn>;
  /**
   * Where to send the browser to end the person's session at the provider, or undefined when
   * the provider offers no end_session_endpoint or does not answer now (sign-out then ends the
   * portal's session only).
   */
  endSessionUrl(idTokenHint: string, postLogoutRedirectUri: string, uiLocale: "en" | "fr"): Promise<string | undefined>;
}

export interface PartnerExpected {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  /**
   * When the authorization request was built (start()'s requestedAt). The ID token's auth_time
   * must not be older (within openid-client's clock tolerance): the provider really asked
   * again. Without it, auth_time must be within the last MAX_SIGN_IN_SECONDS.
   */
  requestedAt?: number;
}

/** How long a sign-in at the provider may take when the request's time is not known. */
const MAX_SIGN_IN_SECONDS = 10 * 60;

export interface PartnerSignIn {
  subject: string;
  /** The ID token, only when the provider has an end_session_endpoint (its id_token_hint). */
  endSessionHint: string | undefined;
}

export type PartnerErrorCode = "cancelled" | "invalid" | "unavailable";

/**
 * Why a partner sign-in was refused, for the operator's log: `cause` is the provider's OAuth
 * `error` (invalid_client, invalid_grant, access_denied …) or the portal's own name for what
 * failed (state_mismatch, nonce_mismatch, auth_time_too_old, unreachable …); `description`
 * the provider's error_description or the check's message. Neither ever holds a code, token,
 * state, nonce or secret (safeText() strips anything token-like, to be sure).
 */
export interface PartnerFailure {
  cause: string;
  description?: string;
}

export class PartnerError extends Error {
  readonly failure: PartnerFailure;
  constructor(
    readonly code: PartnerErrorCode,
    message: string,
    options?: { cause?: unknown; failure?: PartnerFailure },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PartnerError";
    this.failure = options?.failure ?? { cause: code };
  }
}

/** An OAuth error code as a log may hold it (RFC 6749 codes are short words with underscores). */
function safeCode(code: unknown, fallback: string): string {
  return typeof code === "string" && /^[A-Za-z0-9_.-]{1,64}$/.test(code) ? code : fallback;
}

/** Short, printable, and with anything that looks like a token, code or secret taken out. */
export function safeText(text: unknown, max = 200): string | undefined {
  if (typeof text !== "string" || text === "") return undefined;
  return text
    .replace(/\p{Cc}+/gu, " ")
    .replace(/[A-Za-z0-9_\-+/=.~]{24,}/g, "[redacted]")
    .slice(0, max);
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
  /** Seconds to wait for the reachability check before a redirect to the provider. Default 2. */
  reachabilityTimeoutSeconds?: number;
  /** How long a reachability check that answered is trusted. Default 30 s (a failed one: 5 s). */
  reachabilityTtlSeconds?: number;
  /**
   * The clock (ms) of the reachability cache and of the time a sign-in took; the portal passes
   * its own (X-5), so a test can move past the cache.
   */
  now: () => number;
}

/** How long a failed reachability check stands before the provider is tried again. */
const UNREACHABLE_TTL_MS = 5_000;

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

/**
 * What a failed check of openid-client says: its general message, or the more precise one of
 * the oauth4webapi error it wraps (constant texts naming a parameter or claim, never a value;
 * the values sit in that error's own cause, which is never read here).
 */
function checkMessage(err: oidc.ClientError): string {
  return err.cause instanceof Error && err.cause.name === "OperationProcessingError" ? err.cause.message : err.message;
}

/** The portal's own name for a failed check of openid-client (OperationProcessingError …). */
function checkCause(err: oidc.ClientError): string {
  const message = checkMessage(err);
  if (/"state"/.test(message)) return "state_mismatch";
  if (/"nonce"/.test(message)) return "nonce_mismatch";
  if (/"iss"/.test(message)) return "issuer_mismatch";
  if (/auth_time|End-User authentication/.test(message)) return "auth_time_too_old";
  return (err.code ?? "validation_failed").toLowerCase();
}

/** Sorts any failure of openid-client into a PartnerError (never with tokens in its message). */
export function toPartnerError(err: unknown): PartnerError {
  if (err instanceof PartnerError) return err;
  if (err instanceof oidc.AuthorizationResponseError) {
    const failure = { cause: safeCode(err.error, "error"), description: safeText(err.error_description) };
    if (err.error === "access_denied") return new PartnerError("cancelled", "the person cancelled at the partner", { cause: err, failure });
    if (UNAVAILABLE_ERRORS.has(err.error)) return new PartnerError("unavailable", `the partner answered ${failure.cause}`, { cause: err, failure });
    return new PartnerError("invalid", `the partner refused the sign-in: ${failure.cause}`, { cause: err, failure });
  }
  if (err instanceof oidc.ResponseBodyError) {
    const failure = { cause: safeCode(err.error, `http_${err.status}`), description: safeText(err.error_description) };
    if (err.status >= 500 || UNAVAILABLE_ERRORS.has(err.error)) return new PartnerError("unavailable", `the partner answered ${failure.cause}`, { cause: err, failure });
    return new PartnerError("invalid", `the partner's token endpoint refused: ${failure.cause}`, { cause: err, failure });
  }
  if (err instanceof oidc.WWWAuthenticateChallengeError) {
    // A 401 with a challenge: the token endpoint did not accept the portal's client credentials.
    const challenge = err.cause[0];
    const failure = {
      cause: safeCode(challenge?.parameters.error, err.status === 401 ? "invalid_client" : `http_${err.status}`),
      description: safeText(challenge?.parameters.error_description),
    };
    return new PartnerError("invalid", `the partner's token endpoint refused: ${failure.cause}`, { cause: err, failure });
  }
  const unreachable = { cause: "unreachable", description: "the partner could not be reached" };
  if (isNetworkFailure(err)) return new PartnerError("unavailable", "the partner could not be reached", { cause: err, failure: unreachable });
  if (err instanceof oidc.ClientError) {
    if (isNetworkFailure(err.cause)) return new PartnerError("unavailable", "the partner could not be reached", { cause: err, failure: unreachable });
    // An HTTP error status where JSON was expected: the partner is down or misrouted.
    if (err.code === "OAUTH_RESPONSE_IS_NOT_CONFORM" && err.cause instanceof Response && err.cause.status >= 500) {
      return new PartnerError("unavailable", `the partner answered HTTP ${err.cause.status}`, { cause: err, failure: { cause: `http_${err.cause.status}` } });
    }
    const failure = { cause: checkCause(err), description: safeText(checkMessage(err)) };
    return new PartnerError("invalid", `the partner's answer failed validation (${err.code ?? failure.description})`, { cause: err, failure });
  }
  return new PartnerError("invalid", "the partner sign-in failed", { cause: err, failure: { cause: "unexpected", description: safeText(err instanceof Error ? err.name : undefined) } });
}

export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  const issuer = new URL(options.issuer);
  const timeout = options.timeoutSeconds ?? 10;
  const clientAuth = options.clientSecret === undefined ? oidc.None() : oidc.ClientSecretBasic(options.clientSecret);
  const metadata: Partial<oidc.ClientMetadata> =
    options.clientSecret === undefined ? { token_endpoint_auth_method: "none" } : { client_secret: options.clientSecret, token_endpoint_auth_method: "client_secret_basic" };

  const insecure = options.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {};
  const now = options.now;
  const reachabilityTimeoutMs = (options.reachabilityTimeoutSeconds ?? 2) * 1000;
  const reachableTtlMs = (options.reachabilityTtlSeconds ?? 30) * 1000;

  // Discovery on first use, then cached; a failed discovery is forgotten and retried on the next call.
  let configuration: Promise<oidc.Configuration> | undefined;
  const configured = (): Promise<oidc.Configuration> => {
    configuration ??= oidc
      .discovery(issuer, options.clientId, metadata, clientAuth, { timeout, ...insecure })
      .then((config) => {
        // Discovery just answered: that is a reachability check too.
        reachability = { until: now() + reachableTtlMs, result: Promise.resolve(undefined) };
        return config;
      })
      .catch((err: unknown) => {
        configuration = undefined;
        const failure = toPartnerError(err);
        // A discovery that fails is the partner being unreachable or misconfigured: either way
        // the person can do nothing about it.
        throw new PartnerError("unavailable", `partner discovery failed: ${failure.message}`, {
          cause: err,
          failure: { cause: "discovery_failed", description: safeText(failure.message) },
        });
      });
    return configuration;
  };

  // The reachability check: the provider's JWKS (the keys every sign-in's ID token is checked
  // with) must answer, within a short timeout. Its answer (undefined, or the failure) is shared
  // by concurrent sign-ins and cached: reachableTtlMs when it answered, UNREACHABLE_TTL_MS not.
  let reachability: { until: number; result: Promise<PartnerError | undefined> } | undefined;
  const checkReachable = async (config: oidc.Configuration): Promise<void> => {
    if (!reachability || reachability.until <= now()) {
      const probe = probeJwks(config).then((failure) => {
        if (reachability?.result === probe) reachability.until = now() + (failure ? UNREACHABLE_TTL_MS : reachableTtlMs);
        return failure;
      });
      // While a probe runs, other callers wait for the same answer.
      reachability = { until: Number.POSITIVE_INFINITY, result: probe };
    }
    const failure = await reachability.result;
    if (failure) throw failure;
  };
  const probeJwks = async (config: oidc.Configuration): Promise<PartnerError | undefined> => {
    const jwksUri = config.serverMetadata().jwks_uri ?? new URL(".well-known/openid-configuration", issuer.href.endsWith("/") ? issuer : `${issuer.href}/`).href;
    try {
      const res = await fetch(jwksUri, { headers: { accept: "application/json" }, redirect: "manual", signal: AbortSignal.timeout(reachabilityTimeoutMs) });
      await res.body?.cancel();
      if (res.ok) return undefined;
      return new PartnerError("unavailable", `the partner's keys answered HTTP ${res.status}`, { failure: { cause: `http_${res.status}`, description: "the reachability check of jwks_uri failed" } });
    } catch (err) {
      const timedOut = err instanceof DOMException && err.name === "TimeoutError";
      return new PartnerError("unavailable", timedOut ? "the partner's keys did not answer in time" : "the partner could not be reached", {
        cause: err,
        failure: { cause: timedOut ? "timeout" : "unreachable", description: `the reachability check of jwks_uri failed${timedOut ? ` (no answer in ${reachabilityTimeoutMs / 1000} s)` : ""}` },
      });
    }
  };

  return {
    async start(redirectUri, uiLocale) {
      const config = await configured();
      await checkReachable(config);
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
        // Authenticate again at every sign-in, even with a live session at the provider (a
        // shared computer): prompt=login, and max_age=0 so the ID token carries auth_time.
        prompt: "login",
        max_age: "0",
      });
      return { url: url.href, state, nonce, codeVerifier, requestedAt: now() };
    },

    async finish(callbackUrl, expected) {
      const config = await configured();
      // The token request must name the redirect URI of the authorization request exactly,
      // whatever host or proxy the callback arrived through: keep only the callback's query.
      const current = new URL(expected.redirectUri);
      current.search = callbackUrl.search;
      let subject: unknown;
      let idToken: string | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, current, {
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          pkceCodeVerifier: expected.codeVerifier,
          idTokenExpected: true,
          // auth_time is required and must be no older than the request (max_age=0 was asked).
          maxAge: expected.requestedAt === undefined ? MAX_SIGN_IN_SECONDS : Math.max(0, Math.ceil((now() - expected.requestedAt) / 1000)),
        });
        subject = tokens.claims()?.sub;
        idToken = tokens.id_token;
      } catch (err) {
        throw toPartnerError(err);
      }
      if (typeof subject !== "string" || subject === "") throw new PartnerError("invalid", "the ID token has no subject", { failure: { cause: "no_subject" } });
      return { subject, endSessionHint: config.serverMetadata().end_session_endpoint ? idToken : undefined };
    },

    async endSessionUrl(idTokenHint, postLogoutRedirectUri, uiLocale) {
      let config: oidc.Configuration;
      try {
        config = await configured();
        if (!config.serverMetadata().end_session_endpoint) return undefined;
        await checkReachable(config);
      } catch {
        return undefined;
      }
      return oidc.buildEndSessionUrl(config, {
        id_token_hint: idTokenHint,
        post_logout_redirect_uri: postLogoutRedirectUri,
        client_id: options.clientId,
        ui_locales: uiLocale,
      }).href;
    },
  };
}
