// Pages of the stronger second factors (ID-9): the account page's sign-in security, adding and
// removing passkeys, the authenticator app, email codes off and the recovery codes, and the
// sign-in step that offers them. Every string comes from web/i18n/factors.{en,fr}.ts.
import type { Child } from "hono/jsx";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { Notice } from "../../web/notice.tsx";
import type { AppContext } from "../../web/context.ts";
import { formatDate, formatDateTime, messages } from "../../web/i18n/index.ts";
import { ErrorSummary, Input, PostForm, SubmitButton, type FieldErrors } from "../../web/forms.tsx";
import { PasskeyCeremony, PasskeyTable, WebauthnScripts } from "../../web/webauthn-form.tsx";
import { groupedSecret } from "../../platform/totp.ts";
import type { StrongFactors } from "../../web/i18n/factors.en.ts";
import type { AppSetup, FactorChoices, FactorSummary } from "./factors.ts";
import { Heading } from "./views.tsx";

// The passkey list and the page that adds one are shared with the staff pages (web/webauthn-form.tsx).
export { AddPasskeyPage, PasskeyTable } from "../../web/webauthn-form.tsx";

function f(c: AppContext) {
  return messages(c.get("locale")).factors;
}

function Back(props: { c: AppContext; to?: string; text?: string }) {
  const lang = props.c.get("locale");
  return (
    <gcds-text>
      <gcds-link href={props.to ?? `/${lang}/account/security`}>{props.text ?? f(props.c).backToSecurity}</gcds-link>
    </gcds-text>
  );
}

/** The account page's section: how the person confirms it's them, and the way to change it. */
export function AccountSecuritySection(props: { c: AppContext; summary: FactorSummary }) {
  const m = f(props.c);
  const s = props.summary;
  const emailOn = s.emailCodesOffAt === null;
  return (
    <>
      <gcds-heading tag="h2">{m.accountHeading}</gcds-heading>
      <gcds-text data-testid="factors-summary">{m.accountSummary(s.passkeys.length, s.app !== null, emailOn)}</gcds-text>
      {s.passkeys.length === 0 && !s.app ? <gcds-text>{m.accountEmailOnly}</gcds-text> : null}
      <gcds-text>
        <gcds-link href={`/${props.c.get("locale")}/account/security`}>{m.accountLink}</gcds-link>
      </gcds-text>
    </>
  );
}

/** A notice: one short sentence as its title, what follows from it as its body. */
export interface NoticeText {
  title: string;
  body?: string | undefined;
}

/** The stronger factors of a summary, for the messages that name them. */
export function strongFactors(s: FactorSummary): StrongFactors {
  return { passkeys: s.passkeys.length, app: s.app !== null };
}

export function SecurityPage(props: { c: AppContext; summary: FactorSummary; maxPasskeys: number; notice?: NoticeText | undefined }) {
  const m = f(props.c);
  const lang = props.c.get("locale");
  const s = props.summary;
  const strong = s.passkeys.length > 0 || s.app !== null;
  const base = `/${lang}/account/security`;
  return (
    <>
      <Heading text={m.securityTitle} />
      {props.notice ? (
        <Notice role="success" title={props.notice.title}>
          {props.notice.body ? <gcds-text>{props.notice.body}</gcds-text> : undefined}
        </Notice>
      ) : null}
      <gcds-text>{m.securityIntro}</gcds-text>

      <gcds-heading tag="h2">{m.passkeysHeading}</gcds-heading>
      <gcds-text>{m.passkeyWhat}</gcds-text>
      {s.passkeys.length === 0 ? <gcds-text>{m.noPasskeys}</gcds-text> : <PasskeyTable c={props.c} passkeys={s.passkeys} removeHref={(id) => `${base}/passkeys/${id}/remove`} />}
      {s.passkeys.length >= props.maxPasskeys ? (
        <gcds-text>{m.passkeyLimit(props.maxPasskeys)}</gcds-text>
      ) : (
        <div class="ttp-actions">
          <gcds-button type="link" href={`${base}/passkeys/new`} button-role="secondary">
            {m.addPasskeyLink}
          </gcds-button>
        </div>
      )}

      <gcds-heading tag="h2">{m.appHeading}</gcds-heading>
      <gcds-text>{m.appWhat}</gcds-text>
      {s.app ? (
        <>
          <gcds-text data-testid="app-status">{m.appAdded(formatDate(lang, s.app.addedAt), s.app.lastUsedAt ? formatDateTime(lang, s.app.lastUsedAt) : m.neverInSentence)}</gcds-text>
          <gcds-text>
            <gcds-link href={`${base}/authenticator/remove`}>{m.removeAppLink}</gcds-link>
          </gcds-text>
        </>
      ) : (
        <>
          <gcds-text data-testid="app-status">{m.noApp}</gcds-text>
          <div class="ttp-actions">
            <gcds-button type="link" href={`${base}/authenticator`} button-role="secondary">
              {m.setUpAppLink}
            </gcds-button>
          </div>
        </>
      )}

      <gcds-heading tag="h2">{m.emailHeading}</gcds-heading>
      {s.emailCodesOffAt === null ? (
        <>
          <gcds-text data-testid="email-status">{strong ? m.emailOn : m.emailOnOnly}</gcds-text>
          {strong ? (
            <div class="ttp-actions">
              <gcds-button type="link" href={`${base}/email-codes/off`} button-role="secondary">
                {m.turnEmailOffLink}
              </gcds-button>
            </div>
          ) : (
            <gcds-text>{m.emailOffNeedsFactor}</gcds-text>
          )}
        </>
      ) : (
        <>
          <gcds-text data-testid="email-status">{m.emailOff(formatDate(lang, s.emailCodesOffAt), strongFactors(s))}</gcds-text>
          <gcds-text data-testid="recovery-left">{m.recoveryLeft(s.recoveryCodesLeft)}</gcds-text>
          <gcds-text>
            <gcds-link href={`${base}/recovery-codes`}>{m.newRecoveryCodesLink}</gcds-link>
          </gcds-text>
          <PostForm c={props.c} action={`${base}/email-codes/on`}>
            <SubmitButton role="secondary">{m.turnEmailOnButton}</SubmitButton>
          </PostForm>
        </>
      )}
      <gcds-text>
        <gcds-link href={`/${lang}/account`}>{messages(lang).identity.backToAccount}</gcds-link>
      </gcds-text>
    </>
  );
}

/** "Are you sure?" before removing a factor or changing email codes; posts back to itself. */
export function ConfirmFactorPage(props: { c: AppContext; title: string; text: string[]; warning?: NoticeText | undefined; button: string; role?: "primary" | "danger"; back?: Child; before?: Child }) {
  const m = f(props.c);
  return (
    <>
      {props.before}
      <Heading text={props.title} />
      {props.warning ? (
        <Notice role="warning" title={props.warning.title}>
          {props.warning.body ? <gcds-text>{props.warning.body}</gcds-text> : undefined}
        </Notice>
      ) : null}
      {props.text.map((p) => (
        <gcds-text>{p}</gcds-text>
      ))}
      <PostForm c={props.c}>
        <SubmitButton role={props.role ?? "danger"}>{props.button}</SubmitButton>
      </PostForm>
      {props.back ?? <Back c={props.c} text={m.cancel} />}
    </>
  );
}

export function NeedsStrongFactorPage(props: { c: AppContext }) {
  const m = f(props.c);
  return (
    <>
      <Heading text={m.emailOffNeedsFactorTitle} />
      <gcds-text>{m.emailOffNeedsFactor}</gcds-text>
      <Back c={props.c} />
    </>
  );
}

export function AuthenticatorSetupPage(props: { c: AppContext; setup: AppSetup; errors: FieldErrors }) {
  const m = f(props.c);
  const [scan, type, enter] = m.appSteps;
  return (
    <>
      <Heading text={m.appTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.appWhat}</gcds-text>
      <ol class="ttp-list">
        <li>{scan}</li>
        <li>
          {type}
          <div>
            <img src={props.setup.qrDataUrl} alt={m.qrAlt} width="200" height="200" style="background:#fff;padding:4px;display:block;margin:12px 0" data-testid="totp-qr" />
          </div>
          <dl class="ttp-details">
            <dt>{m.appKey}</dt>
            <dd>
              <code data-testid="totp-secret">{groupedSecret(props.setup.secret)}</code>
            </dd>
          </dl>
        </li>
        <li>{enter}</li>
      </ol>
      <PostForm c={props.c}>
        <Input name="code" label={m.appCodeLabel} hint={m.appCodeHint} inputmode="numeric" autocomplete="one-time-code" required size={8} errors={props.errors} />
        <SubmitButton>{m.confirmAppButton}</SubmitButton>
      </PostForm>
      <gcds-text>{m.appNoPhone}</gcds-text>
      <Back c={props.c} text={m.cancel} />
    </>
  );
}

export function RecoveryCodesPage(props: { c: AppContext; codes: string[]; have: StrongFactors }) {
  const m = f(props.c);
  return (
    <>
      <Heading text={m.recoveryTitle} />
      <Notice role="warning" title={m.recoveryWarning}>
        <gcds-text>{m.recoveryIntro(props.have)}</gcds-text>
      </Notice>
      <ol class="ttp-list ttp-recovery-codes" aria-label={m.recoveryListLabel} data-testid="recovery-codes">
        {props.codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div class="ttp-actions">
        <gcds-button type="link" href={`/${props.c.get("locale")}/account/security`}>
          {m.recoveryDone}
        </gcds-button>
      </div>
    </>
  );
}

// ---- the sign-in step ------------------------------------------------------------------------

function CancelSignIn(props: { c: AppContext }) {
  return (
    <PostForm c={props.c} action={`/${props.c.get("locale")}/sign-out`}>
      <SubmitButton role="secondary">{messages(props.c.get("locale")).identity.cancelSignIn}</SubmitButton>
    </PostForm>
  );
}

/**
 * Stage "factor": the person's passkeys first, then their authenticator app, then — with email
 * codes on — a code by email, or — with them off — a recovery code.
 */
export function FactorPage(props: { c: AppContext; choices: FactorChoices; errors: FieldErrors; notice?: string | undefined }) {
  const m = f(props.c);
  const ch = props.choices;
  const action = `/${props.c.get("locale")}/sign-in/factor`;
  return (
    <>
      <Heading text={m.factorTitle} />
      {props.notice ? <Notice role="info" title={props.notice} /> : null}
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.factorIntro}</gcds-text>
      {ch.passkeyOptions ? (
        <section id="passkey" tabindex={-1}>
          <gcds-heading tag="h2">{m.usePasskeyHeading}</gcds-heading>
          <gcds-text>{m.usePasskeyText}</gcds-text>
          {props.errors.passkey ? (
            <Notice role="danger" title={m.passkeyErrorTitle}>
              <gcds-text>{props.errors.passkey}</gcds-text>
            </Notice>
          ) : null}
          <PasskeyCeremony c={props.c} kind="authenticate" options={ch.passkeyOptions satisfies PublicKeyCredentialRequestOptionsJSON} unsupported={m.noPasskeyDeviceSignIn} button={m.usePasskeyButton} action={action}>
            <input type="hidden" name="method" value="passkey" />
          </PasskeyCeremony>
        </section>
      ) : null}
      {ch.app ? (
        <>
          <gcds-heading tag="h2">{m.useAppHeading}</gcds-heading>
          <PostForm c={props.c} action={action}>
            <input type="hidden" name="method" value="app" />
            <Input name="appCode" label={m.appCodeLabel} hint={m.appCodeHint} inputmode="numeric" autocomplete="one-time-code" size={8} errors={props.errors} />
            <SubmitButton>{m.useAppButton}</SubmitButton>
          </PostForm>
        </>
      ) : null}
      {ch.emailCodesOn ? (
        <>
          <gcds-heading tag="h2">{m.useEmailHeading}</gcds-heading>
          <gcds-text>{m.useEmailText}</gcds-text>
          <PostForm c={props.c} action={action}>
            <input type="hidden" name="method" value="email" />
            <SubmitButton role="secondary">{m.useEmailButton}</SubmitButton>
          </PostForm>
        </>
      ) : (
        <>
          <gcds-heading tag="h2">{m.useRecoveryHeading}</gcds-heading>
          <gcds-text>{m.useRecoveryText({ passkeys: ch.passkeyOptions?.allowCredentials?.length ?? (ch.passkeyOptions ? 1 : 0), app: ch.app })}</gcds-text>
          <PostForm c={props.c} action={action}>
            <input type="hidden" name="method" value="recovery" />
            <Input name="recoveryCode" label={m.recoveryCodeLabel} hint={m.recoveryCodeHint} autocomplete="off" size={14} errors={props.errors} />
            <SubmitButton role="secondary">{m.useRecoveryButton}</SubmitButton>
          </PostForm>
          <gcds-text>{m.noRecoveryLeft}</gcds-text>
        </>
      )}
      <CancelSignIn c={props.c} />
      {ch.passkeyOptions ? <WebauthnScripts /> : null}
    </>
  );
}

/** On the email code's page, for a person who has a strong factor: back to it. */
export function UseStrongFactorInstead(props: { c: AppContext }) {
  return (
    <PostForm c={props.c} action={`/${props.c.get("locale")}/sign-in/code`}>
      <input type="hidden" name="action" value="factor" />
      <SubmitButton role="secondary">{f(props.c).useStrongInstead}</SubmitButton>
    </PostForm>
  );
}
