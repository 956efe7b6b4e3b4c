// HTTP routes of CBSA staff sign-in, the staff home and staff accounts (STAFF-1). Forms post
// back to their own URL; errors re-render with 422 (429 when throttled); success redirects
// with 303. Every page of the staff area lives under /{lang}/staff.
import { Hono, type MiddlewareHandler } from "hono";
import { clientAddress } from "../../web/request-meta.ts";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { AppContext, AppDeps, AppEnv } from "../../web/context.ts";
import { LANG } from "../../web/paths.ts";
import { formatTime, messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { errorPage } from "../../web/errors.tsx";
import { field, readForm, type FieldErrors } from "../../web/forms.tsx";
import type { Locale } from "../../domain/locale.ts";
import { isStaffRole, STAFF_ROLES, type StaffRole } from "./schema.ts";
import { clearStaffCookie, currentStaffSession, setStaffCookie } from "./sessions.ts";
import { requireStaff, requireStaffStage, STAFF_TOOL_ROLES, staffStagePath, type AuthenticatedStaff } from "./guard.ts";
import { staffMessages } from "./messages.ts";
import * as service from "./service.ts";
import * as signIn from "./sign-in.ts";
import * as passkeys from "./passkeys.ts";
import type { RequestMeta, StaffUserError } from "./service.ts";
import type { ChangePasswordResult } from "./sign-in.ts";
import * as views from "./views.tsx";
import { passwordMessage } from "../../web/password-messages.ts";
import { AddPasskeyPage } from "../../web/webauthn-form.tsx";
import { MAX_RESPONSE_LENGTH } from "../../platform/webauthn.ts";

const ID = ":id{[0-9]{1,18}}";

function meta(c: AppContext): RequestMeta {
  return { userAgent: c.req.header("user-agent") ?? null, address: clientAddress(c, c.get("trustProxyHops")), requestId: c.get("requestId") };
}

/** One text field; when a field is sent several times, its last value. */
function text(body: Record<string, unknown>, name: string): string {
  const v: unknown = body[name];
  const last: unknown = Array.isArray(v) ? (v as unknown[]).at(-1) : v;
  return field({ [name]: last }, name);
}

/** The roles ticked: repeated fields (or the components' comma-separated value), distinct. */
function rolesFrom(body: Record<string, unknown>): string[] {
  const raw = body.roles;
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
  return [...new Set(values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))].slice(0, STAFF_ROLES.length + 1);
}

function passwordErrors(locale: Locale, errors: Extract<ChangePasswordResult, { ok: false }>["errors"]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    if (e.field === "password" && e.problem === "rules") out.password = passwordMessage(locale, e.failures, e.forbidden);
    else if (e.field === "password" && e.problem === "same") out.password = staffMessages(locale).passwordSameAsOld;
    else if (e.field === "confirmPassword") out.confirmPassword = messages(locale).identity.passwordMismatch;
  }
  return out;
}

function userErrors(locale: Locale, errors: StaffUserError[]): FieldErrors {
  const m = staffMessages(locale);
  const f = messages(locale).forms;
  const out: FieldErrors = {};
  for (const e of errors) {
    if (e.field === "username") out.username = e.problem === "taken" ? m.usernameTaken : m.usernameInvalid;
    else if (e.field === "displayName") out.displayName = e.problem === "required" ? f.required : e.problem === "tooLong" ? f.tooLong(100) : f.nameInvalid;
    else if (e.field === "email") out.email = e.problem === "required" ? f.required : f.emailInvalid;
    else out.roles = m.chooseRole;
  }
  return out;
}

export function staffRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const https = deps.config.baseUrl.startsWith("https://");
  // The key of one account's one-time details, for the next page only (one cookie per account,
  // so that two tabs issuing details do not overwrite each other's).
  const revealCookie = (id: string) => `${https ? "__Host-" : ""}ttp-staff-reveal-${id}`;
  const m = (c: AppContext) => staffMessages(c.get("locale"));
  const lang = (c: AppContext) => c.get("locale");
  const page = (c: AppContext, title: string, body: Parameters<typeof renderPage>[2], status: 200 | 410 | 422 | 429 = 200) => renderPage(c, title, body, status);

  // The staff area: the trader session is not in play here (no trader chrome, nothing a
  // staff page could mistake for a staff member), and no staff page is kept in a cache.
  const area: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set("session", null);
    await next();
    c.header("Cache-Control", "no-store");
  };
  app.use(`${LANG}/staff`, area);
  app.use(`${LANG}/staff/*`, area);

  // ---- sign-in: username and password ------------------------------------------------------
  app.get(`${LANG}/staff/sign-in`, (c) => {
    const session = currentStaffSession(c);
    if (session) return c.redirect(staffStagePath(lang(c), session.stage), 303);
    const q = c.req.query();
    const notice =
      q.ended !== undefined || c.get("staffSessionEnded")
        ? { role: "warning" as const, text: m(c).sessionEndedNotice }
        : q.signedOut !== undefined
          ? { role: "success" as const, text: m(c).signedOutNotice }
          : undefined;
    return page(c, m(c).signInTitle, <views.SignInPage c={c} errors={{}} values={{}} notice={notice} />);
  });
  app.post(`${LANG}/staff/sign-in`, async (c) => {
    const session = currentStaffSession(c);
    if (session) return c.redirect(staffStagePath(lang(c), session.stage), 303);
    const body = await readForm(c);
    const username = service.cleanText(text(body, "username")).slice(0, 64);
    const password = text(body, "password").slice(0, 1024);
    const errors: FieldErrors = {};
    if (!username) errors.username = m(c).enterUsername;
    if (!password) errors.password = m(c).enterPassword;
    if (Object.keys(errors).length === 0) {
      const result = await signIn.signInStaff(deps, username, password, meta(c));
      if (result.ok) {
        setStaffCookie(c, https, result.token);
        return c.redirect(staffStagePath(lang(c), result.stage), 303);
      }
      if (result.reason === "throttled") {
        errors.password = m(c).throttled(formatTime(lang(c), result.retryAt));
        return page(c, m(c).signInTitle, <views.SignInPage c={c} errors={errors} values={{ username }} />, 429);
      }
      errors.password = m(c).invalidCredentials;
    }
    return page(c, m(c).signInTitle, <views.SignInPage c={c} errors={errors} values={{ username }} />, 422);
  });

  // ---- sign-in: the second factor (a passkey, or the authenticator's code) -------------------
  const f = (c: AppContext) => messages(c.get("locale")).factors;
  const totpPage = async (c: AppContext, session: Parameters<typeof signIn.staffSignInPasskeyOptions>[1], errors: FieldErrors, status: 200 | 422 | 429) => {
    const [state, passkeyOptions] = await Promise.all([signIn.signInState(deps, session.staff.id), signIn.staffSignInPasskeyOptions(deps, session)]);
    // Without a passkey left to offer (removed meanwhile), a passkey's message goes with the code field.
    if (!passkeyOptions && errors.passkey) errors = { code: errors.passkey };
    const title = passkeyOptions ? f(c).staffSignInTitle : m(c).totpTitle;
    return page(c, title, <views.TotpPage c={c} errors={errors} firstTime={!state.totpConfirmed} passkeyOptions={passkeyOptions} />, status);
  };
  const signedInBySecondFactor = (c: AppContext, result: { stage: "change-password" } | { stage: "authenticated"; token: string }) => {
    if (result.stage === "authenticated") setStaffCookie(c, https, result.token);
    return c.redirect(staffStagePath(lang(c), result.stage), 303);
  };
  app.get(`${LANG}/staff/sign-in/totp`, async (c) => {
    const r = requireStaffStage(c, ["totp"]);
    if ("response" in r) return r.response;
    return totpPage(c, r.session, {}, 200);
  });
  app.post(`${LANG}/staff/sign-in/totp`, async (c) => {
    const r = requireStaffStage(c, ["totp"]);
    if ("response" in r) return r.response;
    const body = await readForm(c);
    if (text(body, "method") === "passkey") {
      const result = await signIn.verifyStaffPasskey(deps, r.session, text(body, "response").slice(0, MAX_RESPONSE_LENGTH + 1), meta(c));
      if (result.ok) return signedInBySecondFactor(c, result);
      if (result.reason === "throttled") return totpPage(c, r.session, { passkey: m(c).throttled(formatTime(lang(c), result.retryAt)) }, 429);
      const messageOf = {
        missing: f(c).passkeyMissing,
        expired: f(c).passkeyRequestExpired,
        invalid: f(c).staffPasskeyInvalid,
        unknown: f(c).staffPasskeyUnknown,
        counter: f(c).staffPasskeyCounter,
      };
      return totpPage(c, r.session, { passkey: messageOf[result.reason] }, 422);
    }
    const result = await signIn.verifyStaffTotp(deps, r.session, text(body, "code").slice(0, 20), meta(c));
    if (result.ok) return signedInBySecondFactor(c, result);
    if (result.reason === "throttled") return totpPage(c, r.session, { code: m(c).throttled(formatTime(lang(c), result.retryAt)) }, 429);
    const message = result.reason === "format" ? m(c).totpFormat : result.reason === "reused" ? m(c).totpReused : m(c).totpWrong;
    return totpPage(c, r.session, { code: message }, 422);
  });

  // ---- sign-in: a password of one's own (first time, after a reset) --------------------------
  app.get(`${LANG}/staff/sign-in/password`, (c) => {
    const r = requireStaffStage(c, ["change-password"]);
    if ("response" in r) return r.response;
    return page(c, m(c).changePasswordTitle, <views.ChangePasswordPage c={c} errors={{}} />);
  });
  app.post(`${LANG}/staff/sign-in/password`, async (c) => {
    const r = requireStaffStage(c, ["change-password"]);
    if ("response" in r) return r.response;
    const body = await readForm(c);
    const result = await signIn.changeInitialPassword(deps, r.session, text(body, "password").slice(0, 1024), text(body, "confirmPassword").slice(0, 1024), meta(c));
    if (result.ok) {
      setStaffCookie(c, https, result.token);
      return c.redirect(staffStagePath(lang(c), "authenticated"), 303);
    }
    return page(c, m(c).changePasswordTitle, <views.ChangePasswordPage c={c} errors={passwordErrors(lang(c), result.errors)} />, 422);
  });

  app.post(`${LANG}/staff/sign-out`, async (c) => {
    const session = currentStaffSession(c);
    if (session) await signIn.signOutStaff(deps, session, meta(c));
    clearStaffCookie(c, https);
    return c.redirect(`/${lang(c)}/staff/sign-in?signedOut=1`, 303);
  });

  /** Keeps a staff session alive (the idle warning's "Stay signed in"); any staff request does. */
  app.post(`${LANG}/staff/session/extend`, async (c) => {
    const wantsJson = (c.req.header("accept") ?? "").includes("application/json");
    const r = requireStaff(c, []);
    if ("response" in r) return wantsJson ? c.json({ ok: false }, 401) : r.response;
    if (wantsJson) return c.json({ ok: true });
    const next = field(await readForm(c), "next");
    return c.redirect(/^\/(en|fr)\/staff(\/[\w\-/]*)?$/.test(next) ? next : `/${lang(c)}/staff`, 303);
  });

  // ---- the staff home ----------------------------------------------------------------------
  app.get(`${LANG}/staff`, (c) => {
    const r = requireStaff(c, []);
    if ("response" in r) return r.response;
    return page(c, m(c).homeTitle, <views.HomePage c={c} staff={r.staff} />);
  });

  // ---- the staff member's own account: details, authenticator app, passkeys --------------------
  const account = (c: AppContext, query = "") => c.redirect(`/${lang(c)}/staff/account${query}`, 303);
  const backToAccount = (c: AppContext) => (
    <gcds-text>
      <gcds-link href={`/${lang(c)}/staff/account`}>{f(c).staffBackToAccount}</gcds-link>
    </gcds-text>
  );

  app.get(`${LANG}/staff/account`, async (c) => {
    const r = requireStaff(c, []);
    if ("response" in r) return r.response;
    const q = c.req.query();
    const details = await passkeys.staffAccount(deps, r.staff.staff.id);
    const added = q.added ? details.passkeys.find((p) => p.id === q.added) : undefined;
    const notice = added ? f(c).notices.passkeyAdded(added.name) : q.removed !== undefined ? f(c).notices.passkeyRemoved : undefined;
    return page(c, f(c).staffAccountTitle, <views.AccountPage c={c} staff={r.staff} account={details} notice={notice} />);
  });

  const addPasskeyPage = async (c: AppContext, staff: AuthenticatedStaff, errors: FieldErrors, values: Record<string, string>, status: 200 | 422) => {
    const options = await passkeys.staffPasskeyRegistration(deps, staff);
    if (!options) return account(c);
    return page(
      c,
      f(c).addPasskeyTitle,
      <AddPasskeyPage c={c} options={options} errors={errors} values={values} back={backToAccount(c)} before={<views.StaffBar c={c} staff={staff} />} unsupported={f(c).staffNoPasskeyDevice} />,
      status,
    );
  };
  app.get(`${LANG}/staff/account/passkeys/new`, async (c) => {
    const r = requireStaff(c, []);
    if ("response" in r) return r.response;
    return addPasskeyPage(c, r.staff, {}, {}, 200);
  });
  app.post(`${LANG}/staff/account/passkeys/new`, async (c) => {
    const r = requireStaff(c, []);
    if ("response" in r) return r.response;
    const body = await readForm(c);
    const name = service.cleanText(text(body, "name"));
    const response = text(body, "response").slice(0, MAX_RESPONSE_LENGTH + 1);
    if (!name) return addPasskeyPage(c, r.staff, { name: f(c).passkeyNameRequired }, { name }, 422);
    if (name.length > passkeys.STAFF_PASSKEY_NAME_MAX) return addPasskeyPage(c, r.staff, { name: f(c).passkeyNameTooLong }, { name: name.slice(0, 200) }, 422);
    if (!response) return addPasskeyPage(c, r.staff, { "passkey-form": f(c).passkeyNotCreated }, { name }, 422);
    const result = await passkeys.addStaffPasskey(deps, r.staff, name, response, lang(c), meta(c));
    if (result.ok) return account(c, `?added=${result.id}`);
    if (result.reason === "limit") return account(c);
    const message = result.reason === "expired" ? f(c).passkeyExpired : result.reason === "duplicate" ? f(c).passkeyDuplicate : f(c).passkeyInvalid;
    return addPasskeyPage(c, r.staff, { "passkey-form": message }, { name }, 422);
  });

  app.get(`${LANG}/staff/account/passkeys/${ID}/remove`, async (c) => {
    const r = requireStaff(c, []);
    if ("response" in r) return r.response;
    // Only one's own: another staff member's passkey (or a trader's) is not found.
    const passkey = await passkeys.staffPasskeyOf(deps, r.staff.staff.id, c.req.param("id"));
    if (!passkey) return errorPage(c, "notFound");
    const title = f(c).removePasskeyTitle(passkey.name);
    return page(c, title, <views.ConfirmPage c={c} staff={r.staff} title={title} text={f(c).staffRemovePasskeyText} button={f(c).removeButton} backHref={`/${lang(c)}/staff/account`} />);
  });
  app.post(`${LANG}/staff/account/passkeys/${ID}/remove`, async (c) => {
    const r = requireStaff(c, []);
    if ("response" in r) return r.response;
    const result = await passkeys.removeStaffPasskey(deps, r.staff.staff.id, c.req.param("id"), lang(c), meta(c));
    if (!result.ok) return errorPage(c, "notFound");
    return account(c, "?removed=1");
  });

  // ---- staff accounts (administrators) -----------------------------------------------------
  const admins = STAFF_TOOL_ROLES.users;

  app.get(`${LANG}/staff/users`, async (c) => {
    const r = requireStaff(c, admins);
    if ("response" in r) return r.response;
    const disabledId = c.req.query("disabled");
    const disabled = disabledId && /^\d{1,18}$/.test(disabledId) ? await service.getStaffUser(deps, disabledId) : null;
    const users = await service.listStaffUsers(deps);
    return page(c, m(c).usersTitle, <views.UsersPage c={c} staff={r.staff} users={users} notice={disabled ? m(c).userDisabledNotice(disabled.username) : undefined} />);
  });

  app.get(`${LANG}/staff/users/new`, (c) => {
    const r = requireStaff(c, admins);
    if ("response" in r) return r.response;
    return page(c, m(c).createUserTitle, <views.CreateUserPage c={c} staff={r.staff} errors={{}} values={{}} roles={[]} />);
  });
  app.post(`${LANG}/staff/users/new`, async (c) => {
    const r = requireStaff(c, admins);
    if ("response" in r) return r.response;
    const body = await readForm(c);
    const values = {
      username: service.cleanText(text(body, "username")).slice(0, 64),
      displayName: service.cleanText(text(body, "displayName")).slice(0, 200),
      email: service.cleanText(text(body, "email")).toLowerCase().slice(0, 300),
    };
    const roles = rolesFrom(body);
    let revealKey = "";
    const result = await service.createStaffUser(deps, { ...values, roles }, { type: "staff", id: r.staff.staff.id }, c.get("requestId"), async (trx, id, issued) => {
      revealKey = await service.stashReveal(trx, deps, r.staff.id, id, { ...issued, kind: "created" });
    });
    if (!result.ok) {
      const ticked: StaffRole[] = roles.filter(isStaffRole);
      return page(c, m(c).createUserTitle, <views.CreateUserPage c={c} staff={r.staff} errors={userErrors(lang(c), result.errors)} values={values} roles={ticked} />, 422);
    }
    setCookie(c, revealCookie(result.id), revealKey, { path: "/", httpOnly: true, sameSite: "Strict", secure: https, maxAge: service.REVEAL_TTL_MS / 1000 });
    return c.redirect(`/${lang(c)}/staff/users/${result.id}/issued`, 303);
  });

  /** The one-time details, once, to the administrator's session that issued them. */
  app.get(`${LANG}/staff/users/${ID}/issued`, async (c) => {
    const r = requireStaff(c, admins);
    if ("response" in r) return r.response;
    const id = c.req.param("id");
    const key = getCookie(c, revealCookie(id));
    deleteCookie(c, revealCookie(id), { path: "/", secure: https });
    const issued = await service.takeReveal(deps, r.staff.id, id, key);
    if (!issued) return page(c, m(c).detailsGoneTitle, <views.DetailsGonePage c={c} staff={r.staff} />, 410);
    const title = issued.kind === "created" ? m(c).createdTitle : m(c).resetDoneTitle;
    return page(c, title, <views.IssuedPage c={c} staff={r.staff} issued={issued} title={title} />);
  });

  app.get(`${LANG}/staff/users/${ID}/disable`, async (c) => {
    const r = requireStaff(c, admins);
    if ("response" in r) return r.response;
    const user = await service.getStaffUser(deps, c.req.param("id"));
    if (!user || user.disabledAt) return errorPage(c, "notFound");
    const refusal = user.id === r.staff.staff.id ? m(c).cannotDisableSelf : undefined;
    return page(c, m(c).disableTitle(user.username), <views.ConfirmPage c={c} staff={r.staff} title={m(c).disableTitle(user.username)} text={m(c).disableText} button={m(c).disableButton} refusal={refusal} />);
  });
  app.post(`${LANG}/staff/users/${ID}/disable`, async (c) => {
    const r = requireStaff(c, admins);
    if ("response" in r) return r.response;
    const user = await service.getStaffUser(deps, c.req.param("id"));
    if (!user) return errorPage(c, "notFound");
    const result = await service.disableStaffUser(deps, { type: "staff", id: r.staff.staff.id }, user.id, c.get("requestId"));
    if (!result.ok && result.reason === "self") {
      const title = m(c).disableTitle(user.username);
      return page(c, title, <views.ConfirmPage c={c} staff={r.staff} title={title} text={m(c).disableText} button={m(c).disableButton} refusal={m(c).cannotDisableSelf} />, 422);
    }
    return c.redirect(`/${lang(c)}/staff/users${result.ok ? `?disabled=${user.id}` : ""}`, 303);
  });

  app.get(`${LANG}/staff/users/${ID}/reset`, async (c) => {
    const r = requireStaff(c, admins);
    if ("response" in r) return r.response;
    const user = await service.getStaffUser(deps, c.req.param("id"));
    if (!user || user.disabledAt) return errorPage(c, "notFound");
    const title = m(c).resetTitle(user.username);
    const refusal = user.id === r.staff.staff.id ? m(c).cannotResetSelf : undefined;
    return page(c, title, <views.ConfirmPage c={c} staff={r.staff} title={title} text={`${m(c).resetText} ${f(c).staffResetRemovesPasskeys}`} button={m(c).resetButton} refusal={refusal} />);
  });
  app.post(`${LANG}/staff/users/${ID}/reset`, async (c) => {
    const r = requireStaff(c, admins);
    if ("response" in r) return r.response;
    const id = c.req.param("id");
    let revealKey = "";
    const result = await service.resetStaffSignIn(deps, { type: "staff", id: r.staff.staff.id }, id, c.get("requestId"), async (trx, issued) => {
      revealKey = await service.stashReveal(trx, deps, r.staff.id, id, { ...issued, kind: "reset" });
    });
    if (!result.ok && result.reason === "self") {
      const title = m(c).resetTitle(r.staff.staff.username);
      return page(c, title, <views.ConfirmPage c={c} staff={r.staff} title={title} text={`${m(c).resetText} ${f(c).staffResetRemovesPasskeys}`} button={m(c).resetButton} refusal={m(c).cannotResetSelf} />, 422);
    }
    if (!result.ok) return errorPage(c, "notFound");
    setCookie(c, revealCookie(id), revealKey, { path: "/", httpOnly: true, sameSite: "Strict", secure: https, maxAge: service.REVEAL_TTL_MS / 1000 });
    return c.redirect(`/${lang(c)}/staff/users/${id}/issued`, 303);
  });

  return app;
}
