// HTTP routes of the stronger second factors (ID-9): the account's sign-in security pages and
// the sign-in step "factor". Forms post back to their own URL; errors re-render with 422 (429
// when a growing delay runs); success redirects with 303 — except the recovery codes, shown
// once in the answer to the post that made them (pages for a signed-in person are no-store).
import { Hono } from "hono";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { LANG } from "../../web/paths.ts";
import { formatTime, messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { errorPage } from "../../web/errors.tsx";
import { field, readForm, type FieldErrors } from "../../web/forms.tsx";
import { requireSignedIn, requireStage, stagePath } from "../../web/middleware/session.ts";
import { cleanText } from "../../web/validation.ts";
import { requestMeta as meta } from "../../web/request-meta.ts";
import { MAX_PASSKEYS, MAX_RESPONSE_LENGTH } from "../../platform/webauthn.ts";
import * as factors from "./factors.ts";
import * as views from "./factors-views.tsx";

const ID = ":id{[0-9]{1,18}}";

export function factorRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const t = (c: AppContext) => messages(c.get("locale")).factors;
  const lang = (c: AppContext) => c.get("locale");
  const security = (c: AppContext, query = "") => c.redirect(`/${lang(c)}/account/security${query}`, 303);
  const page = (c: AppContext, title: string, body: Parameters<typeof renderPage>[2], status: 200 | 422 | 429 = 200) => renderPage(c, title, body, status);
  const back = (c: AppContext) => (
    <gcds-text>
      <gcds-link href={`/${lang(c)}/account/security`}>{t(c).cancel}</gcds-link>
    </gcds-text>
  );

  // ---- the security page -----------------------------------------------------------------
  app.get(`${LANG}/account/security`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const m = t(c);
    const q = c.req.query();
    const summary = await factors.factorSummary(deps, r.session.personId);
    const added = q.added ? summary.passkeys.find((p) => p.id === q.added) : undefined;
    const emailBackOn = q.emailOn !== undefined ? m.notices.emailBackOn : undefined;
    const notice: views.NoticeText | undefined = added
      ? { title: m.notices.passkeyAdded(added.name), body: m.notices.passkeyAddedBody }
      : q.removed !== undefined
        ? { title: m.notices.passkeyRemoved, body: emailBackOn }
        : q.app === "added"
          ? { title: m.notices.appAdded, body: m.notices.appAddedBody }
          : q.app === "removed"
            ? { title: m.notices.appRemoved, body: emailBackOn }
            : q.email === "on"
              ? { title: m.notices.emailOn, body: m.notices.emailOnBody }
              : undefined;
    return page(c, m.securityTitle, <views.SecurityPage c={c} summary={summary} maxPasskeys={MAX_PASSKEYS} notice={notice} />);
  });

  // ---- passkeys ------------------------------------------------------------------------------
  const addPasskeyPage = async (c: AppContext, session: Parameters<typeof factors.passkeyRegistration>[1], errors: FieldErrors, values: Record<string, string>, status: 200 | 422) => {
    const options = await factors.passkeyRegistration(deps, session);
    if (!options) return security(c);
    return page(c, t(c).addPasskeyTitle, <views.AddPasskeyPage c={c} options={options} errors={errors} values={values} back={back(c)} />, status);
  };
  app.get(`${LANG}/account/security/passkeys/new`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    return addPasskeyPage(c, r.session, {}, {}, 200);
  });
  app.post(`${LANG}/account/security/passkeys/new`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const m = t(c);
    const body = await readForm(c);
    const name = cleanText(field(body, "name"));
    const response = field(body, "response").slice(0, MAX_RESPONSE_LENGTH + 1);
    if (!name) return addPasskeyPage(c, r.session, { name: m.passkeyNameRequired }, { name }, 422);
    if (name.length > factors.PASSKEY_NAME_MAX) return addPasskeyPage(c, r.session, { name: m.passkeyNameTooLong }, { name: name.slice(0, 200) }, 422);
    if (!response) return addPasskeyPage(c, r.session, { "passkey-form": m.passkeyNotCreated }, { name }, 422);
    const result = await factors.addPasskey(deps, r.session, name, response, meta(c));
    if (result.ok) {
      const added = (await factors.factorSummary(deps, r.session.personId)).passkeys.at(-1);
      return security(c, added ? `?added=${added.id}` : "");
    }
    if (result.reason === "limit") return security(c);
    const message = result.reason === "expired" ? m.passkeyExpired : result.reason === "duplicate" ? m.passkeyDuplicate : m.passkeyInvalid;
    return addPasskeyPage(c, r.session, { "passkey-form": message }, { name }, 422);
  });

  app.get(`${LANG}/account/security/passkeys/${ID}/remove`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const m = t(c);
    const passkey = await factors.passkeyOf(deps, r.session.personId, c.req.param("id"));
    if (!passkey) return errorPage(c, "notFound");
    const last = (await factors.emailCodesOff(deps.db, r.session.personId)) && (await factors.isLastStrongFactor(deps, r.session.personId));
    const title = m.removePasskeyTitle(passkey.name);
    return page(c, title, <views.ConfirmFactorPage c={c} title={title} text={[m.removePasskeyText]} warning={last ? { title: m.removeLastWarningTitle, body: m.removeLastWarning } : undefined} button={m.removeButton} />);
  });
  app.post(`${LANG}/account/security/passkeys/${ID}/remove`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const result = await factors.removePasskey(deps, r.session.personId, c.req.param("id"), meta(c));
    if (!result.ok) return errorPage(c, "notFound");
    return security(c, `?removed=1${result.emailBackOn ? "&emailOn=1" : ""}`);
  });

  // ---- the authenticator app -------------------------------------------------------------------
  const appPage = async (c: AppContext, personId: string, errors: FieldErrors, status: 200 | 422 | 429) => {
    const setup = await factors.authenticatorSetup(deps, personId);
    if (!setup) return security(c);
    return page(c, t(c).appTitle, <views.AuthenticatorSetupPage c={c} setup={setup} errors={errors} />, status);
  };
  app.get(`${LANG}/account/security/authenticator`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    return appPage(c, r.session.personId, {}, 200);
  });
  app.post(`${LANG}/account/security/authenticator`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const m = t(c);
    const result = await factors.confirmAuthenticator(deps, r.session.personId, field(await readForm(c), "code").slice(0, 20), meta(c));
    if (result.ok) return security(c, "?app=added");
    if (result.reason === "throttled") return appPage(c, r.session.personId, { code: messages(lang(c)).identity.throttled(formatTime(lang(c), result.retryAt)) }, 429);
    if (result.reason === "none") return security(c);
    return appPage(c, r.session.personId, { code: result.reason === "format" ? m.appCodeFormat : m.appCodeWrong }, 422);
  });
  app.get(`${LANG}/account/security/authenticator/remove`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const m = t(c);
    const summary = await factors.factorSummary(deps, r.session.personId);
    if (!summary.app) return security(c);
    const last = summary.emailCodesOffAt !== null && summary.passkeys.length === 0;
    return page(c, m.removeAppTitle, <views.ConfirmFactorPage c={c} title={m.removeAppTitle} text={[m.removeAppText]} warning={last ? { title: m.removeLastWarningTitle, body: m.removeLastWarning } : undefined} button={m.removeButton} />);
  });
  app.post(`${LANG}/account/security/authenticator/remove`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const result = await factors.removeAuthenticator(deps, r.session.personId, meta(c));
    return security(c, result.ok ? `?app=removed${result.emailBackOn ? "&emailOn=1" : ""}` : "");
  });

  // ---- email codes and recovery codes ----------------------------------------------------------
  app.get(`${LANG}/account/security/email-codes/off`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const m = t(c);
    if (await factors.emailCodesOff(deps.db, r.session.personId)) return security(c);
    if (!(await factors.hasStrongFactor(deps.db, r.session.personId))) return page(c, m.emailOffNeedsFactorTitle, <views.NeedsStrongFactorPage c={c} />);
    const have = views.strongFactors(await factors.factorSummary(deps, r.session.personId));
    return page(c, m.emailOffTitle, <views.ConfirmFactorPage c={c} title={m.emailOffTitle} text={m.emailOffText(have)} button={m.emailOffButton} role="primary" />);
  });
  app.post(`${LANG}/account/security/email-codes/off`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const m = t(c);
    const result = await factors.turnEmailCodesOff(deps, r.session.personId, meta(c));
    if (!result.ok) return result.reason === "no-strong-factor" ? page(c, m.emailOffNeedsFactorTitle, <views.NeedsStrongFactorPage c={c} />, 422) : security(c);
    const have = views.strongFactors(await factors.factorSummary(deps, r.session.personId));
    return page(c, m.recoveryTitle, <views.RecoveryCodesPage c={c} codes={result.codes} have={have} />);
  });
  app.post(`${LANG}/account/security/email-codes/on`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const changed = await factors.turnEmailCodesOn(deps, r.session.personId, meta(c));
    return security(c, changed ? "?email=on" : "");
  });
  app.get(`${LANG}/account/security/recovery-codes`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const m = t(c);
    if (!(await factors.emailCodesOff(deps.db, r.session.personId))) return security(c);
    return page(c, m.regenerateTitle, <views.ConfirmFactorPage c={c} title={m.regenerateTitle} text={[m.regenerateText]} button={m.regenerateButton} role="primary" />);
  });
  app.post(`${LANG}/account/security/recovery-codes`, async (c) => {
    const r = requireSignedIn(c);
    if ("redirect" in r) return r.redirect;
    const codes = await factors.regenerateRecoveryCodes(deps, r.session.personId, meta(c));
    if (!codes) return security(c);
    const have = views.strongFactors(await factors.factorSummary(deps, r.session.personId));
    return page(c, t(c).recoveryTitle, <views.RecoveryCodesPage c={c} codes={codes} have={have} />);
  });

  // ---- the sign-in step: a passkey, the app, a recovery code, or the email code ---------------
  const factorPage = async (c: AppContext, session: Parameters<typeof factors.signInChoices>[1], errors: FieldErrors, status: 200 | 422 | 429, notice?: string) => {
    const choices = await factors.signInChoices(deps, session);
    return page(c, t(c).factorTitle, <views.FactorPage c={c} choices={choices} errors={errors} notice={notice} />, status);
  };
  app.get(`${LANG}/sign-in/factor`, async (c) => {
    const r = requireStage(c, ["factor"]);
    if ("redirect" in r) return r.redirect;
    return factorPage(c, r.session, {}, 200);
  });
  app.post(`${LANG}/sign-in/factor`, async (c) => {
    const r = requireStage(c, ["factor"]);
    if ("redirect" in r) return r.redirect;
    const m = t(c);
    const body = await readForm(c);
    const method = field(body, "method");
    if (method === "email") {
      if (await factors.chooseEmailCode(deps, r.session, meta(c))) return c.redirect(stagePath(lang(c), "mfa"), 303);
      return factorPage(c, r.session, { recoveryCode: m.emailCodesAreOff }, 422);
    }
    let result: factors.FactorCheck;
    let errorField: string;
    if (method === "passkey") {
      errorField = "passkey";
      result = await factors.verifyPasskeySignIn(deps, r.session, field(body, "response").slice(0, MAX_RESPONSE_LENGTH + 1), meta(c));
    } else if (method === "app") {
      errorField = "appCode";
      result = await factors.verifyAppSignIn(deps, r.session, field(body, "appCode").slice(0, 20), meta(c));
    } else if (method === "recovery") {
      errorField = "recoveryCode";
      result = await factors.verifyRecoveryCodeSignIn(deps, r.session, field(body, "recoveryCode").slice(0, 40), meta(c));
    } else {
      return factorPage(c, r.session, {}, 422);
    }
    if (result.ok) return c.redirect(stagePath(lang(c), "terms"), 303);
    let message: string;
    switch (result.reason) {
      case "throttled":
        message = messages(lang(c)).identity.throttled(formatTime(lang(c), result.retryAt));
        break;
      case "format":
        message = method === "app" ? m.appCodeFormat : m.recoveryFormat;
        break;
      case "wrong":
        message = method === "app" ? m.appCodeWrong : m.recoveryWrong;
        break;
      case "used":
        message = m.appCodeUsed;
        break;
      case "expired":
        message = m.passkeyRequestExpired;
        break;
      case "missing":
        message = m.passkeyMissing;
        break;
      default:
        message = m.passkeyRefused;
    }
    return factorPage(c, r.session, { [errorField]: message }, result.reason === "throttled" ? 429 : 422);
  });

  return app;
}
