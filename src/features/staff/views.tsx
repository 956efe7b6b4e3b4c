// Pages of CBSA staff sign-in, the staff home and staff accounts. Every string comes from
// web/i18n/staff.{en,fr}.ts (and the shared form and password-rule messages).
import { Notice, type NoticeRole } from "../../web/notice.tsx";
import type { AppContext } from "../../web/context.ts";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { formatDate, formatDateTime, messages } from "../../web/i18n/index.ts";
import { CsrfField, ErrorSummary, Input, PostForm, SubmitButton, type FieldErrors } from "../../web/forms.tsx";
import { passwordHint } from "../../web/password-messages.ts";
import { STAFF_ROLES, type StaffRole } from "./schema.ts";
import { staffToolsFor, type AuthenticatedStaff } from "./guard.ts";
import { staffMessages } from "./messages.ts";
import type { IssuedSignIn, StaffUserView } from "./service.ts";
import type { StaffAccount } from "./passkeys.ts";
import { PasskeyCeremony, PasskeyTable, WebauthnScripts } from "../../web/webauthn-form.tsx";
import { MAX_PASSKEYS } from "../../platform/webauthn.ts";
import { Table } from "../../web/table.tsx";

type Values = Record<string, string>;

function sm(c: AppContext) {
  return staffMessages(c.get("locale"));
}

function Heading(props: { text: string }) {
  return <gcds-heading tag="h1">{props.text}</gcds-heading>;
}

/**
 * Who is signed in, the way home, sign-out: at the top of every page of a signed-in staff
 * member — the staff tools of other features (mail room, companies, TCCU) put it on theirs.
 */
export function StaffBar(props: { c: AppContext; staff?: AuthenticatedStaff }) {
  const m = sm(props.c);
  const lang = props.c.get("locale");
  const session = props.staff ?? props.c.get("staffSession");
  if (session?.stage !== "authenticated") return null;
  const staff = session as AuthenticatedStaff;
  return (
    <nav class="ttp-account-bar" aria-label={m.nav}>
      <span>{m.signedInAs(staff.staff.displayName, staff.staff.username)}</span>
      <a href={`/${lang}/staff`}>{m.homeLink}</a>
      <a href={`/${lang}/staff/account`} data-testid="staff-account-link">
        {m.accountLink}
      </a>
      <form method="post" action={`/${lang}/staff/sign-out`}>
        <CsrfField c={props.c} />
        <button type="submit" class="ttp-link-button">
          {m.signOut}
        </button>
      </form>
    </nav>
  );
}

function CancelSignIn(props: { c: AppContext }) {
  return (
    <PostForm c={props.c} action={`/${props.c.get("locale")}/staff/sign-out`}>
      <SubmitButton role="secondary">{sm(props.c).cancelSignIn}</SubmitButton>
    </PostForm>
  );
}

// ---- sign-in -------------------------------------------------------------------------------

export function SignInPage(props: { c: AppContext; errors: FieldErrors; values: Values; notice?: { role: NoticeRole; text: string } | undefined }) {
  const m = sm(props.c);
  const lang = props.c.get("locale");
  return (
    <>
      <Heading text={m.signInTitle} />
      {props.notice ? <Notice role={props.notice.role} title={props.notice.text} /> : null}
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.signInIntro}</gcds-text>
      <PostForm c={props.c}>
        <Input name="username" label={m.username} autocomplete="username" required errors={props.errors} value={props.values.username} />
        <Input name="password" label={m.password} type="password" autocomplete="current-password" required errors={props.errors} />
        <SubmitButton>{m.signInButton}</SubmitButton>
      </PostForm>
      <gcds-text>
        <gcds-link href={`/${lang}/sign-in`}>{m.traderSignIn}</gcds-link>
      </gcds-text>
    </>
  );
}

/**
 * The second step: with passkeys, *Use a passkey* first (a form posting method=passkey and the
 * browser's answer), then the code of the authenticator app, which always works (its form has no
 * method field: anything but a passkey is a code).
 */
export function TotpPage(props: { c: AppContext; errors: FieldErrors; firstTime: boolean; passkeyOptions: PublicKeyCredentialRequestOptionsJSON | null }) {
  const m = sm(props.c);
  const f = messages(props.c.get("locale")).factors;
  const action = `/${props.c.get("locale")}/staff/sign-in/totp`;
  const codeForm = (
    <PostForm c={props.c} action={action}>
      <Input name="code" label={m.totpLabel} hint={m.totpHint} inputmode="numeric" autocomplete="one-time-code" required={!props.passkeyOptions} size={8} errors={props.errors} />
      <SubmitButton role={props.passkeyOptions ? "secondary" : "primary"}>{m.continueButton}</SubmitButton>
    </PostForm>
  );
  return (
    <>
      <Heading text={props.passkeyOptions ? f.staffSignInTitle : m.totpTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      {props.passkeyOptions ? (
        <>
          <gcds-text>{f.staffPasskeyOrCode}</gcds-text>
          <section id="passkey" tabindex={-1} data-testid="staff-passkey-sign-in">
            <gcds-heading tag="h2">{f.usePasskeyHeading}</gcds-heading>
            <gcds-text>{f.staffUsePasskeyText}</gcds-text>
            {props.errors.passkey ? <Notice role="danger" title={props.errors.passkey} /> : null}
            <PasskeyCeremony c={props.c} kind="authenticate" options={props.passkeyOptions} unsupported={f.staffNoPasskeyDeviceSignIn} button={f.usePasskeyButton} action={action} testid="staff-passkey-form">
              <input type="hidden" name="method" value="passkey" />
            </PasskeyCeremony>
          </section>
          <gcds-heading tag="h2">{f.staffUseCodeHeading}</gcds-heading>
          <gcds-text>{m.totpIntro}</gcds-text>
          {codeForm}
        </>
      ) : (
        <>
          <gcds-text>{m.totpIntro}</gcds-text>
          {props.firstTime ? <gcds-text>{m.totpFirstTime}</gcds-text> : null}
          {codeForm}
        </>
      )}
      <CancelSignIn c={props.c} />
      {props.passkeyOptions ? <WebauthnScripts /> : null}
    </>
  );
}

export function ChangePasswordPage(props: { c: AppContext; errors: FieldErrors }) {
  const m = sm(props.c);
  return (
    <>
      <Heading text={m.changePasswordTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.changePasswordIntro}</gcds-text>
      <PostForm c={props.c}>
        <Input name="password" label={m.newPassword} hint={passwordHint(props.c.get("locale"))} type="password" autocomplete="new-password" required errors={props.errors} />
        <Input name="confirmPassword" label={m.confirmPassword} type="password" autocomplete="new-password" required errors={props.errors} />
        <SubmitButton>{m.savePasswordButton}</SubmitButton>
      </PostForm>
      <CancelSignIn c={props.c} />
    </>
  );
}

// ---- home ----------------------------------------------------------------------------------

export function HomePage(props: { c: AppContext; staff: AuthenticatedStaff }) {
  const m = sm(props.c);
  const lang = props.c.get("locale");
  const tools = staffToolsFor(props.staff.staff.roles);
  return (
    <>
      <StaffBar c={props.c} staff={props.staff} />
      <Heading text={m.homeTitle} />
      <gcds-heading tag="h2">{m.toolsHeading}</gcds-heading>
      {tools.length === 0 ? (
        <gcds-text>{m.noTools}</gcds-text>
      ) : (
        <ul class="ttp-list" data-testid="staff-tools">
          {tools.map((tool) => (
            <li>
              <gcds-link href={`/${lang}/staff/${tool.path}`}>{m.tools[tool.key].title}</gcds-link>
              <br />
              {m.tools[tool.key].text}
            </li>
          ))}
        </ul>
      )}
      <gcds-heading tag="h2">{m.rolesHeading}</gcds-heading>
      <ul class="ttp-list">
        {props.staff.staff.roles.map((r) => (
          <li>{m.roles[r]}</li>
        ))}
      </ul>
    </>
  );
}

// ---- staff accounts --------------------------------------------------------------------------

function status(c: AppContext, u: StaffUserView): string {
  const m = sm(c);
  if (u.disabledAt) return m.statusDisabled(formatDate(c.get("locale"), u.disabledAt));
  if (u.locked) return m.statusLocked;
  if (u.mustChangePassword) return m.statusFirstSignIn;
  return m.statusActive;
}

export function UsersPage(props: { c: AppContext; staff: AuthenticatedStaff; users: StaffUserView[]; notice?: string | undefined }) {
  const m = sm(props.c);
  const lang = props.c.get("locale");
  return (
    <>
      <StaffBar c={props.c} staff={props.staff} />
      <Heading text={m.usersTitle} />
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      <div class="ttp-actions">
        <gcds-button type="link" href={`/${lang}/staff/users/new`}>
          {m.createUserLink}
        </gcds-button>
      </div>
      <Table caption={m.usersTitle} hideCaption>
        <thead>
          <tr>
            <th scope="col">{m.colUsername}</th>
            <th scope="col">{m.colName}</th>
            <th scope="col">{m.colEmail}</th>
            <th scope="col">{m.colRoles}</th>
            <th scope="col">{m.colStatus}</th>
            <th scope="col">{m.colActions}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr data-username={u.username}>
              <th scope="row">{u.username}</th>
              <td>{u.displayName}</td>
              <td>{u.email}</td>
              <td>{u.roles.map((r) => m.roles[r]).join(", ")}</td>
              <td>{status(props.c, u)}</td>
              <td>
                {u.disabledAt || u.id === props.staff.staff.id ? null : (
                  <ul class="ttp-list">
                    <li>
                      <gcds-link href={`/${lang}/staff/users/${u.id}/reset`}>{m.resetLink(u.username)}</gcds-link>
                    </li>
                    <li>
                      <gcds-link href={`/${lang}/staff/users/${u.id}/disable`}>{m.disableLink(u.username)}</gcds-link>
                    </li>
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

function RolesField(props: { c: AppContext; errors: FieldErrors; selected: readonly string[] }) {
  const m = sm(props.c);
  const options = STAFF_ROLES.map((r) => ({ id: `roles-${r}`, label: m.roles[r], value: r, ...(props.selected.includes(r) ? { checked: true } : {}) }));
  return (
    <gcds-checkboxes
      id="roles"
      name="roles"
      legend={m.rolesLegend}
      hint={m.rolesHint}
      options={JSON.stringify(options)}
      required
      error-message={props.errors.roles}
      validate-on="other"
    ></gcds-checkboxes>
  );
}

export function CreateUserPage(props: { c: AppContext; staff: AuthenticatedStaff; errors: FieldErrors; values: Values; roles: readonly StaffRole[] }) {
  const m = sm(props.c);
  const lang = props.c.get("locale");
  return (
    <>
      <StaffBar c={props.c} staff={props.staff} />
      <Heading text={m.createUserTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.createUserIntro}</gcds-text>
      <PostForm c={props.c}>
        <Input name="username" label={m.username} hint={m.usernameHint} autocomplete="off" required errors={props.errors} value={props.values.username} />
        <Input name="displayName" label={m.displayName} autocomplete="off" required errors={props.errors} value={props.values.displayName} />
        <Input name="email" label={m.email} type="email" autocomplete="off" required errors={props.errors} value={props.values.email} />
        <RolesField c={props.c} errors={props.errors} selected={props.roles} />
        <SubmitButton>{m.createUserButton}</SubmitButton>
      </PostForm>
      <gcds-text>
        <gcds-link href={`/${lang}/staff/users`}>{m.cancel}</gcds-link>
      </gcds-text>
    </>
  );
}

/** The authenticator key in groups of 4, as authenticator apps show and accept it. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

export function IssuedPage(props: { c: AppContext; staff: AuthenticatedStaff; issued: IssuedSignIn; title: string }) {
  const m = sm(props.c);
  const lang = props.c.get("locale");
  const i = props.issued;
  return (
    <>
      <StaffBar c={props.c} staff={props.staff} />
      <Heading text={props.title} />
      <gcds-text>{m.detailsIntro(i.username)}</gcds-text>
      <dl class="ttp-details">
        <dt>{m.username}</dt>
        <dd>
          <code data-testid="issued-username">{i.username}</code>
        </dd>
        <dt>{m.oneTimePassword}</dt>
        <dd>
          <code data-testid="issued-password">{i.password}</code>
          <br />
          {m.oneTimePasswordHelp}
        </dd>
        <dt>{m.totpKey}</dt>
        <dd>
          <code data-testid="issued-totp-secret">{grouped(i.totpSecret)}</code>
          <br />
          {m.totpKeyHelp}
        </dd>
        <dt>{m.totpUri}</dt>
        <dd>
          <p class="ttp-pre" style="overflow-wrap: anywhere" data-testid="issued-totp-uri">
            {i.totpUri}
          </p>
          {m.totpUriHelp}
        </dd>
      </dl>
      <gcds-text>
        <gcds-link href={`/${lang}/staff/users`}>{m.backToUsers}</gcds-link>
      </gcds-text>
    </>
  );
}

export function DetailsGonePage(props: { c: AppContext; staff: AuthenticatedStaff }) {
  const m = sm(props.c);
  const lang = props.c.get("locale");
  return (
    <>
      <StaffBar c={props.c} staff={props.staff} />
      <Heading text={m.detailsGoneTitle} />
      <gcds-text>{m.detailsGone}</gcds-text>
      <gcds-text>
        <gcds-link href={`/${lang}/staff/users`}>{m.backToUsers}</gcds-link>
      </gcds-text>
    </>
  );
}

/** "Are you sure?" before disabling an account or resetting its sign-in details; posts back to itself. */
export function ConfirmPage(props: {
  c: AppContext;
  staff: AuthenticatedStaff;
  title: string;
  text: string;
  button: string;
  refusal?: string | undefined;
  /** Where Cancel leads: the staff accounts unless said. */
  backHref?: string;
}) {
  const m = sm(props.c);
  const lang = props.c.get("locale");
  return (
    <>
      <StaffBar c={props.c} staff={props.staff} />
      <Heading text={props.title} />
      {props.refusal ? <Notice role="danger" title={props.refusal} /> : null}
      <gcds-text>{props.text}</gcds-text>
      {props.refusal ? null : (
        <PostForm c={props.c}>
          <SubmitButton role="danger">{props.button}</SubmitButton>
        </PostForm>
      )}
      <gcds-text>
        <gcds-link href={props.backHref ?? `/${lang}/staff/users`}>{m.cancel}</gcds-link>
      </gcds-text>
    </>
  );
}

// ---- the staff member's own account ------------------------------------------------------------

/** Their name, username and roles, their authenticator app, their passkeys (to add and remove). */
export function AccountPage(props: { c: AppContext; staff: AuthenticatedStaff; account: StaffAccount; notice?: string | undefined }) {
  const m = sm(props.c);
  const f = messages(props.c.get("locale")).factors;
  const lang = props.c.get("locale");
  const a = props.account;
  const base = `/${lang}/staff/account`;
  return (
    <>
      <StaffBar c={props.c} staff={props.staff} />
      <Heading text={f.staffAccountTitle} />
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      <gcds-heading tag="h2">{f.staffDetailsHeading}</gcds-heading>
      <dl class="ttp-details" data-testid="staff-account">
        <dt>{f.staffName}</dt>
        <dd>{a.displayName}</dd>
        <dt>{f.staffUsername}</dt>
        <dd>
          <span class="ttp-id">{a.username}</span>
        </dd>
        <dt>{f.staffEmail}</dt>
        <dd>{a.email}</dd>
        <dt>{f.staffRoles}</dt>
        {/* One line, as the staff accounts' table says them: a list's bullet sat apart from the other values. */}
        <dd data-testid="staff-roles">{a.roles.map((r) => m.roles[r]).join(", ")}</dd>
      </dl>

      <gcds-heading tag="h2">{f.staffTitle}</gcds-heading>
      <gcds-text>{f.staffIntro}</gcds-text>
      <gcds-heading tag="h3">{f.appHeading}</gcds-heading>
      <gcds-text data-testid="staff-totp-status">{a.totpConfirmedAt ? f.staffAppSince(formatDate(lang, a.totpConfirmedAt)) : f.staffAppText}</gcds-text>
      {a.totpLastUsedAt ? <gcds-text>{f.staffAppLastUsed(formatDateTime(lang, a.totpLastUsedAt))}</gcds-text> : null}
      <gcds-text>{f.staffAppLost}</gcds-text>

      <gcds-heading tag="h3">{f.passkeysHeading}</gcds-heading>
      <gcds-text>{f.passkeyWhat}</gcds-text>
      {a.passkeys.length === 0 ? (
        <gcds-text data-testid="staff-no-passkeys">{f.staffNoPasskeys}</gcds-text>
      ) : (
        <PasskeyTable c={props.c} passkeys={a.passkeys} removeHref={(id) => `${base}/passkeys/${id}/remove`} />
      )}
      {a.passkeys.length >= MAX_PASSKEYS ? (
        <gcds-text>{f.passkeyLimit(MAX_PASSKEYS)}</gcds-text>
      ) : (
        <div class="ttp-actions">
          <gcds-button type="link" href={`${base}/passkeys/new`} button-role="secondary" data-testid="add-passkey">
            {f.addPasskeyLink}
          </gcds-button>
        </div>
      )}
    </>
  );
}
