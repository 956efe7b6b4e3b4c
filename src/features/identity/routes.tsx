// HTTP routes of sign-in (GCKey, Sign-In Partner, profile, MFA, terms) and of the person's
// own portal account. Forms post back to their own URL; errors re-render with 422;
// success redirects with 303.
import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { LANG, PARTNER_CALLBACK_PATH } from "../../web/paths.ts";
import { formatTime, messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { field, readForm, type FieldErrors } from "../../web/forms.tsx";
import { clearSessionCookie, requireSignedIn, requireStage, setSessionCookie, stagePath } from "../../web/middleware/session.ts";
import { listActiveSessions, hashToken, tokenHashCandidates } from "../../platform/sessions.ts";
import { PartnerError, type PartnerClient } from "../../platform/oidc/partner-client.ts";
import { createConfiguredPartnerClient, logPartnerRefusal, takeEndSessionHint } from "./partner.ts";
import { checkUsername } from "../../domain/password-policy.ts";
import type { Locale } from "../../domain/locale.ts";
import * as service from "./service.ts";
import * as gckey from "./gckey.ts";
import { RECOVERY_QUESTIONS } from "./gckey.ts";
import * as account from "./account.ts";
import { requestMeta as meta } from "../../web/request-meta.ts";
import { parseProfile, signUpErrors } from "./schema.ts";
import { checkEmail, cleanText, usernameText } from "../../web/validation.ts";
import * as views from "./views.tsx";
import * as registration from "../registration/service.ts";
import * as users from "../users/service.ts";
import * as factors from "./factors.ts";
import { AccountSecuritySection, UseStrongFactorInstead } from "./factors-views.tsx";
import { factorRoutes } from "./factors-routes.tsx";

const PARTNER_COOKIE = "ttp-partner";
const PARTNER_REQUEST_TTL_MS = 10 * 60 * 1000;

function answersFrom(body: Record<string, unknown>): Record<gckey.RecoveryQuestion, string> {
  return Object.fromEntries(RECOVERY_QUESTIONS.map((q) => [q, field(body, `answer-${q}`).slice(0, 200)])) as Record<gckey.RecoveryQuestion, string>;
}

/** The page's words for a refused one-time code (sign-in or email change). */
function codeErrorMessage(c: AppContext, result: Exclude<service.CodeCheck, { ok: true }>): string {
  const m = messages(c.get("locale")).identity;
  switch (result.reason) {
    case "format":
      return m.codeFormat;
    case "wrong":
      return m.codeWrong(result.triesLeft);
    case "expired":
      return m.codeExpired;
    case "disabled":
      return messages(c.get("locale")).factors.emailCodesAreOff;
    case "throttled":
      return m.throttled(formatTime(c.get("locale"), result.retryAt));
    default:
      return m.codeLocked;
  }
}

export function identityRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const https = deps.config.baseUrl.startsWith("https://");
  let partner: PartnerClient | undefined;
  const partnerClient = (): PartnerClient => (partner ??= createConfiguredPartnerClient(deps));

  const page = (c: AppContext, title: string, body: Parameters<typeof renderPage>[2], status: 200 | 422 | 429 | 503 = 200) => renderPage(c, title, body, status);
  const t = (c: AppContext) => messages(c.get("locale"));
  const lang = (c: AppContext) => c.get("locale");
  /** EXP-1: the credential was right but the URN has expired: say so, and how to get a new one. */
  const urnExpiredPage = (c: AppContext) => renderPage(c, t(c).expiry.expiredTitle, <views.UrnExpiredPage c={c} />, 403);

  // ---- choosing a credential ------------------------------------------------------------
  app.get(`${LANG}/sign-in`, (c) => {
    const session = c.get("session");
    if (session) return c.redirect(stagePath(lang(c), session.stage), 303);
    const m = t(c).identity;
    const q = c.req.query();
    const notice =
      q.ended !== undefined
        ? { role: "warning" as const, text: m.sessionEndedNotice }
        : q.signedOut !== undefined
          ? { role: "success" as const, text: m.signedOutNotice }
          : q.reset !== undefined
            ? { role: "success" as const, text: m.passwordResetNotice, body: m.passwordResetNoticeBody }
            : q.partner === "cancelled"
              ? { role: "info" as const, text: m.partnerCancelled }
              : q.partner === "unavailable"
                ? { role: "danger" as const, text: m.partnerUnavailable }
                : q.partner !== undefined
                  ? { role: "danger" as const, text: m.partnerFailed }
                  : undefined;
    return page(c, m.signInTitle, <views.SignInChooser c={c} notice={notice} />);
  });

  // ---- GCKey -----------------------------------------------------------------------------
  app.get(`${LANG}/sign-in/gckey`, (c) => page(c, t(c).identity.gckeySignInTitle, <views.GckeySignInPage c={c} errors={{}} values={{}} />));
  app.post(`${LANG}/sign-in/gckey`, async (c) => {
    const m = t(c).identity;
    const body = await readForm(c);
    const username = usernameText(field(body, "username")).slice(0, 64);
    const password = field(body, "password").slice(0, 1024);
    const errors: FieldErrors = {};
    if (!username) errors.username = m.enterUsername;
    if (!password) errors.password = m.enterPassword;
    if (Object.keys(errors).length === 0) {
      const result = await gckey.signInGckey(deps, username, password, meta(c));
      if (result.ok) {
        setSessionCookie(c, https, result.started.token);
        return c.redirect(stagePath(lang(c), result.started.stage), 303);
      }
      if (result.reason === "urn-expired") return urnExpiredPage(c);
      if (result.reason === "throttled") {
        errors.password = m.throttled(formatTime(lang(c), result.retryAt));
        return page(c, m.gckeySignInTitle, <views.GckeySignInPage c={c} errors={errors} values={{ username }} />, 429);
      }
      errors.password = m.invalidCredentials;
    }
    return page(c, m.gckeySignInTitle, <views.GckeySignInPage c={c} errors={errors} values={{ username }} />, 422);
  });

  app.get(`${LANG}/gckey/create`, (c) => page(c, t(c).identity.signUpTitle, <views.GckeyCreatePage c={c} errors={{}} values={{}} />));
  app.post(`${LANG}/gckey/create`, async (c) => {
    const m = t(c).identity;
    const body = await readForm(c);
    const answers = answersFrom(body);
    const values: Record<string, string> = {
      username: usernameText(field(body, "username")).slice(0, 64),
      recoveryEmail: cleanText(field(body, "recoveryEmail")).toLowerCase(),
      ...Object.fromEntries(RECOVERY_QUESTIONS.map((q) => [`answer-${q}`, answers[q]])),
    };
    const emailProblem = values.recoveryEmail ? checkEmail(lang(c), values.recoveryEmail) : null;
    const result = await gckey.signUpGckey(
      deps,
      {
        username: values.username!,
        password: field(body, "password").slice(0, 1024),
        confirmPassword: field(body, "confirmPassword").slice(0, 1024),
        answers,
        recoveryEmail: values.recoveryEmail || null,
        recoveryEmailValid: emailProblem === null,
      },
      meta(c),
    );
    if (result.ok) {
      setSessionCookie(c, https, result.started.token);
      return c.redirect(stagePath(lang(c), result.started.stage), 303);
    }
    return page(c, m.signUpTitle, <views.GckeyCreatePage c={c} errors={signUpErrors(lang(c), result.errors)} values={values} />, 422);
  });

  app.get(`${LANG}/gckey/forgot`, (c) => page(c, t(c).identity.forgotTitle, <views.ForgotPage c={c} errors={{}} values={{}} />));
  app.post(`${LANG}/gckey/forgot`, async (c) => {
    const m = t(c).identity;
    const body = await readForm(c);
    const username = usernameText(field(body, "username")).slice(0, 64);
    if (checkUsername(username) !== "ok") {
      return page(c, m.forgotTitle, <views.ForgotPage c={c} errors={{ username: username ? m.usernameInvalid : m.enterUsername }} values={{ username }} />, 422);
    }
    const { throttledUntil } = await gckey.startRecovery(deps, username, meta(c));
    if (throttledUntil) {
      return page(c, m.forgotTitle, <views.ForgotPage c={c} errors={{ username: m.throttled(formatTime(lang(c), throttledUntil)) }} values={{ username }} />, 429);
    }
    return c.redirect(`/${lang(c)}/gckey/reset?username=${encodeURIComponent(username)}`, 303);
  });

  app.get(`${LANG}/gckey/reset`, (c) => {
    const username = usernameText(c.req.query("username") ?? "").slice(0, 64);
    if (checkUsername(username) !== "ok") return c.redirect(`/${lang(c)}/gckey/forgot`, 303);
    return page(c, t(c).identity.resetTitle, <views.ResetPage c={c} errors={{}} values={{}} username={username} />);
  });
  app.post(`${LANG}/gckey/reset`, async (c) => {
    const m = t(c).identity;
    const body = await readForm(c);
    const username = usernameText(field(body, "username")).slice(0, 64);
    if (checkUsername(username) !== "ok") return c.redirect(`/${lang(c)}/gckey/forgot`, 303);
    const answers = answersFrom(body);
    const code = cleanText(field(body, "code")).slice(0, 12);
    const values = { code, ...Object.fromEntries(RECOVERY_QUESTIONS.map((q) => [`answer-${q}`, answers[q]])) };
    const result = await gckey.completeRecovery(
      deps,
      { username, code, answers, password: field(body, "password").slice(0, 1024), confirmPassword: field(body, "confirmPassword").slice(0, 1024) },
      meta(c),
    );
    if (result.ok) return c.redirect(`/${lang(c)}/sign-in?reset=1`, 303);
    const errors: FieldErrors =
      result.reason === "rules"
        ? signUpErrors(lang(c), result.errors)
        : result.reason === "needsProof"
          ? { code: m.resetNeedsProof }
          : result.reason === "throttled"
            ? { code: m.throttled(formatTime(lang(c), result.retryAt)) }
            : { code: m.resetFailed };
    return page(c, m.resetTitle, <views.ResetPage c={c} errors={errors} values={values} username={username} />, result.reason === "throttled" ? 429 : 422);
  });

  // ---- Sign-In Partner -------------------------------------------------------------------
  app.get(`${LANG}/sign-in/partner`, async (c) => {
    const redirectUri = `${deps.config.baseUrl}${PARTNER_CALLBACK_PATH}`;
    let request;
    try {
      // Fails (unavailable) when the provider's discovery or keys do not answer now: the person
      // gets the portal's page, in their language, rather than the browser's "can't be reached".
      request = await partnerClient().start(redirectUri, lang(c));
    } catch (err) {
      const failure = err instanceof PartnerError ? err.failure : { cause: "unexpected" };
      logPartnerRefusal(deps, c.get("requestId"), "start", "unavailable", failure);
      const m = t(c).identity;
      return page(c, m.signInTitle, <views.SignInChooser c={c} notice={{ role: "danger", text: m.partnerUnavailable }} />, 503);
    }
    const id = randomBytes(32).toString("base64url");
    await deps.db
      .insertInto("partner_auth_requests")
      .values({
        id_hash: hashToken(id),
        state: request.state,
        nonce: request.nonce,
        code_verifier: request.codeVerifier,
        locale: lang(c),
        expires_at: new Date(deps.clock.now().getTime() + PARTNER_REQUEST_TTL_MS),
        requested_at: new Date(request.requestedAt),
      })
      .execute();
    setCookie(c, PARTNER_COOKIE, id, { path: PARTNER_CALLBACK_PATH, httpOnly: true, sameSite: "Lax", secure: https, maxAge: PARTNER_REQUEST_TTL_MS / 1000 });
    return c.redirect(request.url, 303);
  });

  app.get(PARTNER_CALLBACK_PATH, async (c) => {
    const id = getCookie(c, PARTNER_COOKIE);
    deleteCookie(c, PARTNER_COOKIE, { path: PARTNER_CALLBACK_PATH, secure: https });
    const pending = id
      ? await deps.db.deleteFrom("partner_auth_requests").where("id_hash", "in", tokenHashCandidates(id)).returningAll().executeTakeFirst()
      : undefined;
    const locale: Locale = pending?.locale ?? c.get("locale");
    if (!pending || new Date(pending.expires_at) <= deps.clock.now()) {
      // No pending sign-in for this browser: the callback replayed (its request is spent), a
      // browser without the cookie, or a sign-in left at the provider past its time (nonce and
      // state expired with it).
      const failure = pending
        ? { cause: "request_expired", description: `the sign-in was begun more than ${PARTNER_REQUEST_TTL_MS / 60000} minutes ago` }
        : { cause: "no_pending_request", description: id ? "no pending sign-in for this browser's cookie (a replayed or spent callback)" : "the callback came without the pending sign-in's cookie" };
      logPartnerRefusal(deps, c.get("requestId"), "callback", "invalid", failure);
      return c.redirect(`/${locale}/sign-in?partner=failed`, 303);
    }
    c.set("locale", locale);
    try {
      const signedIn = await partnerClient().finish(new URL(c.req.url, deps.config.baseUrl), {
        state: pending.state,
        nonce: pending.nonce,
        codeVerifier: pending.code_verifier,
        redirectUri: `${deps.config.baseUrl}${PARTNER_CALLBACK_PATH}`,
        ...(pending.requested_at ? { requestedAt: new Date(pending.requested_at).getTime() } : {}),
      });
      const started = await service.signInWithPartner(deps, signedIn.subject, meta(c), signedIn.endSessionHint);
      if (started === "urn-expired") return urnExpiredPage(c);
      setSessionCookie(c, https, started.token);
      return c.redirect(stagePath(locale, started.stage), 303);
    } catch (err) {
      if (err instanceof PartnerError) {
        logPartnerRefusal(deps, c.get("requestId"), "callback", err.code, err.failure);
        return c.redirect(`/${locale}/sign-in?partner=${err.code === "cancelled" ? "cancelled" : err.code === "unavailable" ? "unavailable" : "failed"}`, 303);
      }
      throw err;
    }
  });

  // ---- profile (first time), MFA, terms --------------------------------------------------
  app.get(`${LANG}/sign-in/profile`, (c) => {
    const r = requireStage(c, ["profile"]);
    if ("redirect" in r) return r.redirect;
    return page(c, t(c).identity.profileTitle, <views.ProfilePage c={c} errors={{}} values={{}} />);
  });
  app.post(`${LANG}/sign-in/profile`, async (c) => {
    const r = requireStage(c, ["profile"]);
    if ("redirect" in r) return r.redirect;
    const parsed = parseProfile(lang(c), await readForm(c), true);
    if (!parsed.ok) return page(c, t(c).identity.profileTitle, <views.ProfilePage c={c} errors={parsed.errors} values={parsed.values} />, 422);
    await service.createProfile(deps, r.session, parsed.value, meta(c));
    return c.redirect(stagePath(lang(c), "mfa-terms"), 303);
  });

  app.get(`${LANG}/sign-in/mfa-terms`, (c) => {
    const r = requireStage(c, ["mfa-terms"]);
    if ("redirect" in r) return r.redirect;
    return page(c, t(c).identity.mfaTermsTitle, <views.MfaTermsPage c={c} errors={{}} />);
  });
  app.post(`${LANG}/sign-in/mfa-terms`, async (c) => {
    const r = requireStage(c, ["mfa-terms"]);
    if ("redirect" in r) return r.redirect;
    const body = await readForm(c);
    if (field(body, "agree") !== "yes") return page(c, t(c).identity.mfaTermsTitle, <views.MfaTermsPage c={c} errors={{ agree: t(c).forms.mustAgree }} />, 422);
    await service.acceptMfaTerms(deps, r.session, meta(c));
    return c.redirect(stagePath(lang(c), "mfa"), 303);
  });

  const codePage = async (c: AppContext, sessionPersonId: string, errors: FieldErrors, status: 200 | 422 | 429, notice?: string) => {
    const person = await deps.db.selectFrom("people").select("email").where("id", "=", sessionPersonId).executeTakeFirstOrThrow();
    // ID-9: someone with a passkey or an app who chose the email code can go back to them.
    const instead = (await factors.hasStrongFactor(deps.db, sessionPersonId)) ? <UseStrongFactorInstead c={c} /> : undefined;
    return page(c, t(c).identity.codeTitle, <views.CodePage c={c} errors={errors} maskedEmail={service.maskEmail(person.email)} notice={notice} instead={instead} />, status);
  };
  app.get(`${LANG}/sign-in/code`, async (c) => {
    const r = requireStage(c, ["mfa"]);
    if ("redirect" in r) return r.redirect;
    return codePage(c, r.session.personId!, {}, 200, c.req.query("resent") !== undefined ? t(c).identity.newCodeSent : undefined);
  });
  app.post(`${LANG}/sign-in/code`, async (c) => {
    const r = requireStage(c, ["mfa"]);
    if ("redirect" in r) return r.redirect;
    const m = t(c).identity;
    const body = await readForm(c);
    // A person who turned email codes off (from another session) is sent to their strong factors.
    if (field(body, "action") === "factor" || (await factors.emailCodesOff(deps.db, r.session.personId!))) {
      if (await factors.chooseStrongFactor(deps, r.session)) return c.redirect(stagePath(lang(c), "factor"), 303);
    }
    if (field(body, "action") === "resend") {
      const resent = await service.resendMfaCode(deps, r.session, meta(c));
      if (resent.ok) return c.redirect(`${stagePath(lang(c), "mfa")}?resent=1`, 303);
      if (resent.reason === "tooMany") {
        await service.signOut(deps, r.session, meta(c));
        clearSessionCookie(c, https);
        return page(c, m.codeTitle, <views.SignInChooser c={c} notice={{ role: "warning", text: m.codeTooMany }} />, 429);
      }
      return codePage(c, r.session.personId!, { code: m.codeResendTooSoon(formatTime(lang(c), resent.retryAt)) }, 429);
    }
    const result = await service.verifyMfaCode(deps, r.session, field(body, "code").slice(0, 20), meta(c));
    if (result.ok) return c.redirect(stagePath(lang(c), "terms"), 303);
    const message = codeErrorMessage(c, result);
    return codePage(c, r.session.personId!, { code: message }, result.reason === "throttled" ? 429 : 422);
  });

  app.get(`${LANG}/sign-in/terms`, (c) => {
    const r = requireStage(c, ["terms"]);
    if ("redirect" in r) return r.redirect;
    return page(c, t(c).identity.termsTitle, <views.PortalTermsPage c={c} errors={{}} />);
  });
  app.post(`${LANG}/sign-in/terms`, async (c) => {
    const r = requireStage(c, ["terms"]);
    if ("redirect" in r) return r.redirect;
    const body = await readForm(c);
    if (field(body, "agree") !== "yes") return page(c, t(c).identity.termsTitle, <views.PortalTermsPage c={c} errors={{ agree: t(c).forms.mustAgree }} />, 422);
    const token = await service.acceptPortalTerms(deps, r.session, meta(c));
    setSessionCookie(c, https, token);
    // A person with no company yet lands on registration and activation (REG).
    // A person with one company works in it; with several, they choose (USR-1).
    // Someone whose companies all locked them out lands on their account page, which says why.
    const companies = await registration.memberships(deps, r.session.personId!);
    const locked = companies.length === 0 ? await users.lockedMemberships(deps, r.session.personId!) : [];
    const landing =
      companies.length === 1 ? `companies/${companies[0]!.companyId}` : companies.length > 1 ? "companies" : locked.length > 0 ? "account" : "registration";
    return c.redirect(`/${lang(c)}/${landing}`, 303);
  });

  app.post(`${LANG}/sign-out`, async (c) => {
    const session = c.get("session");
    const hint = session ? await takeEndSessionHint(deps.db, session.id) : undefined;
    if (session) await service.signOut(deps, session, meta(c));
    clearSessionCookie(c, https);
    const signedOut = `/${lang(c)}/sign-in?signedOut=1`;
    // A session signed in through a partner that offers RP-initiated logout: end the person's
    // session there too (a shared computer), and come back to the signed-out page. The browser
    // goes there from a page of ours (Refresh), as CSP form-action forbids a form's redirect to
    // another site; without an end_session_endpoint, or while the provider does not answer,
    // sign-out ends the portal's session only.
    const endSessionUrl = hint ? await partnerClient().endSessionUrl(hint, `${deps.config.baseUrl}${signedOut}`, lang(c)) : undefined;
    if (!endSessionUrl) return c.redirect(signedOut, 303);
    c.header("Refresh", `0; url=${endSessionUrl}`);
    return page(c, t(c).identity.partnerSignOutTitle, <views.PartnerSignOutPage c={c} endSessionUrl={endSessionUrl} />);
  });

  /** Keeps the session alive (the idle warning's "Stay signed in"); any request does. */
  app.post(`${LANG}/session/extend`, async (c) => {
    const wantsJson = (c.req.header("accept") ?? "").includes("application/json");
    const r = requireSignedIn(c);
    if ("redirect" in r) return wantsJson ? c.json({ ok: false }, 401) : r.redirect;
    if (wantsJson) return c.json({ ok: true, lastSeenAt: r.session.lastSeenAt.toISOString() });
    const next = field(await readForm(c), "next");
    return c.redirect(/^\/(en|fr)(\/[\w\-/]*)?$/.test(next) ? next : `/${lang(c)}/account`, 303);
  });

  // ---- the person's own portal account ----------------------------------------------------
  app.get(`${LANG}/account`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const person = await account.getPerson(deps, r.session);
    const [companies, locked, factorSummary] = await Promise.all([
      registration.memberships(deps, r.session.personId),
      users.lockedMemberships(deps, r.session.personId),
      factors.factorSummary(deps, r.session.personId),
    ]);
    const m = t(c).identity;
    const q = c.req.query();
    const notice: { title: string; body?: string } | undefined =
      q.saved !== undefined
        ? { title: m.contactSaved }
        : q.email !== undefined
          ? { title: m.emailChanged }
          : q.password !== undefined
            ? { title: m.passwordChanged }
            : q.left !== undefined
              ? { title: t(c).users.leftNotice, body: t(c).users.bothToldNotice }
              : undefined;
    return page(c, m.accountTitle, <views.AccountPage c={c} person={person} companies={companies} locked={locked} notice={notice?.title} noticeBody={notice?.body} security={<AccountSecuritySection c={c} summary={factorSummary} />} />);
  });

  app.get(`${LANG}/account/contact`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const p = await account.getPerson(deps, r.session);
    const values = { givenName: p.givenName, familyName: p.familyName, phone: p.phone, preferredLocale: p.preferredLocale };
    return page(c, t(c).identity.contactTitle, <views.ContactPage c={c} errors={{}} values={values} />);
  });
  app.post(`${LANG}/account/contact`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const parsed = parseProfile(lang(c), await readForm(c), false);
    if (!parsed.ok) return page(c, t(c).identity.contactTitle, <views.ContactPage c={c} errors={parsed.errors} values={parsed.values} />, 422);
    await account.updateContactDetails(deps, r.session.personId, parsed.value, meta(c));
    return c.redirect(`/${lang(c)}/account?saved=1`, 303);
  });

  app.get(`${LANG}/account/email`, (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    return page(c, t(c).identity.emailChangeTitle, <views.EmailChangePage c={c} errors={{}} values={{}} />);
  });
  app.post(`${LANG}/account/email`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const m = t(c).identity;
    const email = cleanText(field(await readForm(c), "email")).toLowerCase();
    const person = await account.getPerson(deps, r.session);
    const problem = checkEmail(lang(c), email) ?? (email === person.email ? m.emailSameAsCurrent : null);
    if (problem) return page(c, m.emailChangeTitle, <views.EmailChangePage c={c} errors={{ email: problem }} values={{ email }} />, 422);
    const sent = await account.requestEmailChange(deps, r.session.personId, email, meta(c));
    if (!sent.ok && sent.reason === "tooSoon") {
      return page(c, m.emailChangeTitle, <views.EmailChangePage c={c} errors={{ email: m.codeResendTooSoon(formatTime(lang(c), sent.retryAt)) }} values={{ email }} />, 429);
    }
    return c.redirect(`/${lang(c)}/account/email/confirm`, 303);
  });
  app.get(`${LANG}/account/email/confirm`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const target = await account.pendingEmailChange(deps, r.session.personId);
    if (!target) return c.redirect(`/${lang(c)}/account/email`, 303);
    return page(c, t(c).identity.emailCodeTitle, <views.EmailConfirmPage c={c} errors={{}} target={target} />);
  });
  app.post(`${LANG}/account/email/confirm`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const m = t(c).identity;
    const target = await account.pendingEmailChange(deps, r.session.personId);
    if (!target) return c.redirect(`/${lang(c)}/account/email`, 303);
    const result = await account.confirmEmailChange(deps, r.session.personId, field(await readForm(c), "code").slice(0, 20), meta(c));
    if (result.ok) return c.redirect(`/${lang(c)}/account?email=1`, 303);
    const message = codeErrorMessage(c, result);
    return page(c, m.emailCodeTitle, <views.EmailConfirmPage c={c} errors={{ code: message }} target={target} />, result.reason === "throttled" ? 429 : 422);
  });

  app.get(`${LANG}/account/sessions`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const sessions = await listActiveSessions(deps.db, deps.clock, r.session.personId);
    const ended = c.req.query("ended");
    const notice = ended !== undefined ? t(c).identity.othersEnded(Number(ended) || 0) : undefined;
    return page(c, t(c).identity.sessionsTitle, <views.SessionsPage c={c} sessions={sessions} currentId={r.session.id} notice={notice} />);
  });
  app.post(`${LANG}/account/sessions`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const n = await service.endOthers(deps, r.session, meta(c));
    return c.redirect(`/${lang(c)}/account/sessions?ended=${n}`, 303);
  });

  app.get(`${LANG}/account/password`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const person = await account.getPerson(deps, r.session);
    if (person.credentialKind !== "gckey") return c.redirect(`/${lang(c)}/account`, 303);
    return page(c, t(c).identity.changePasswordTitle, <views.ChangePasswordPage c={c} errors={{}} />);
  });
  app.post(`${LANG}/account/password`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const m = t(c).identity;
    const person = await account.getPerson(deps, r.session);
    if (person.credentialKind !== "gckey") return c.redirect(`/${lang(c)}/account`, 303);
    const body = await readForm(c);
    const result = await gckey.changePassword(
      deps,
      r.session,
      field(body, "currentPassword").slice(0, 1024),
      field(body, "password").slice(0, 1024),
      field(body, "confirmPassword").slice(0, 1024),
      meta(c),
    );
    if (result.ok) return c.redirect(`/${lang(c)}/account?password=1`, 303);
    const errors: FieldErrors = {};
    for (const e of result.errors) {
      if (e.field === "currentPassword") errors.currentPassword = e.problem === "throttled" ? m.tooManyTries : m.currentPasswordWrong;
      else Object.assign(errors, signUpErrors(lang(c), [e]));
    }
    return page(c, m.changePasswordTitle, <views.ChangePasswordPage c={c} errors={errors} />, 422);
  });

  // Passkeys, the authenticator app, email codes off and recovery codes; the sign-in step "factor" (ID-9).
  app.route("/", factorRoutes(deps));

  return app;
}
