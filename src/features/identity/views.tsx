// Pages of sign-in and of the person's own portal account. Every string comes from i18n.
import { ContactBlock } from "../../web/contact.tsx";
import type { Child } from "hono/jsx";
import { Notice } from "../../web/notice.tsx";
import { Table } from "../../web/table.tsx";
import type { AppContext } from "../../web/context.ts";
import { formatDateTime, messages } from "../../web/i18n/index.ts";
import { ErrorSummary, Input, PostForm, Radios, SubmitButton, Checkbox, type FieldErrors } from "../../web/forms.tsx";
import { passwordHint } from "../../web/password-messages.ts";
import { formatUrn } from "../../domain/urn.ts";
import type { ActiveSessionSummary } from "../../platform/sessions.ts";
import { RECOVERY_QUESTIONS } from "./gckey.ts";
import type { PersonView } from "./account.ts";

type Values = Record<string, string>;

function t(c: AppContext) {
  return messages(c.get("locale"));
}


export function Heading(props: { text: string }) {
  return <gcds-heading tag="h1">{props.text}</gcds-heading>;
}

export function SignInChooser(props: { c: AppContext; notice?: { role: "info" | "success" | "warning" | "danger"; text: string; body?: string | undefined } | undefined }) {
  const m = t(props.c).identity;
  const lang = props.c.get("locale");
  return (
    <>
      <Heading text={m.signInTitle} />
      {props.notice ? (
        <Notice role={props.notice.role} title={props.notice.text}>
          {props.notice.body ? <gcds-text>{props.notice.body}</gcds-text> : undefined}
        </Notice>
      ) : null}
      <gcds-text>{m.signInIntro}</gcds-text>
      <gcds-heading tag="h2">{m.gckeyHeading}</gcds-heading>
      <gcds-text>{m.gckeyText}</gcds-text>
      <gcds-button type="link" href={`/${lang}/sign-in/gckey`}>
        {m.gckeyButton}
      </gcds-button>
      <gcds-heading tag="h2">{m.partnerHeading}</gcds-heading>
      <gcds-text>{m.partnerText}</gcds-text>
      <gcds-button type="link" href={`/${lang}/sign-in/partner`} button-role="secondary">
        {m.partnerButton}
      </gcds-button>
    </>
  );
}

export function GckeySignInPage(props: { c: AppContext; errors: FieldErrors; values: Values }) {
  const m = t(props.c).identity;
  const lang = props.c.get("locale");
  return (
    <>
      <Heading text={m.gckeySignInTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <PostForm c={props.c}>
        <Input name="username" label={m.username} autocomplete="username" required errors={props.errors} value={props.values.username} />
        <Input name="password" label={m.password} type="password" autocomplete="current-password" required errors={props.errors} />
        <SubmitButton>{m.signInButton}</SubmitButton>
      </PostForm>
      <ul class="ttp-list">
        <li>
          <gcds-link href={`/${lang}/gckey/create`}>{m.createGckeyLink}</gcds-link>
        </li>
        <li>
          <gcds-link href={`/${lang}/gckey/forgot`}>{m.forgotPasswordLink}</gcds-link>
        </li>
      </ul>
    </>
  );
}

/** A new password's field, with every rule of ID-2 as its hint (tied to the field, shown before typing). */
function NewPasswordInput(props: { c: AppContext; errors: FieldErrors }) {
  const m = t(props.c).identity;
  return <Input name="password" label={m.newPassword} hint={passwordHint(props.c.get("locale"))} type="password" autocomplete="new-password" required errors={props.errors} />;
}

function RecoveryAnswers(props: { c: AppContext; errors: FieldErrors; values: Values; required: boolean }) {
  const m = t(props.c).identity;
  return (
    <>
      {RECOVERY_QUESTIONS.map((q) => (
        <Input name={`answer-${q}`} label={m.recoveryQuestions[q]} errors={props.errors} value={props.values[`answer-${q}`]} required={props.required} autocomplete="off" />
      ))}
    </>
  );
}

export function GckeyCreatePage(props: { c: AppContext; errors: FieldErrors; values: Values }) {
  const m = t(props.c).identity;
  return (
    <>
      <Heading text={m.signUpTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <PostForm c={props.c}>
        <Input name="username" label={m.username} hint={m.usernameHint} autocomplete="username" required errors={props.errors} value={props.values.username} />
        <NewPasswordInput c={props.c} errors={props.errors} />
        <Input name="confirmPassword" label={m.confirmPassword} type="password" autocomplete="new-password" required errors={props.errors} />
        <gcds-heading tag="h2">{m.recoveryHeading}</gcds-heading>
        <gcds-text>{m.recoveryIntro}</gcds-text>
        <RecoveryAnswers c={props.c} errors={props.errors} values={props.values} required />
        <Input name="recoveryEmail" label={m.recoveryEmail} hint={m.recoveryEmailHint} type="email" autocomplete="email" errors={props.errors} value={props.values.recoveryEmail} />
        <SubmitButton>{m.createGckeyButton}</SubmitButton>
      </PostForm>
    </>
  );
}

export function ForgotPage(props: { c: AppContext; errors: FieldErrors; values: Values }) {
  const m = t(props.c).identity;
  return (
    <>
      <Heading text={m.forgotTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.forgotIntro}</gcds-text>
      <PostForm c={props.c}>
        <Input name="username" label={m.username} autocomplete="username" required errors={props.errors} value={props.values.username} />
        <SubmitButton>{m.nextButton}</SubmitButton>
      </PostForm>
    </>
  );
}

export function ResetPage(props: { c: AppContext; errors: FieldErrors; values: Values; username: string }) {
  const m = t(props.c).identity;
  return (
    <>
      <Heading text={m.resetTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.resetIntro(props.username)}</gcds-text>
      <PostForm c={props.c}>
        <input type="hidden" name="username" value={props.username} />
        <Input name="code" label={m.resetCodeLabel} hint={m.resetCodeHint} inputmode="numeric" autocomplete="one-time-code" errors={props.errors} value={props.values.code} size={8} />
        <gcds-heading tag="h2">{m.resetAnswersHeading}</gcds-heading>
        <RecoveryAnswers c={props.c} errors={props.errors} values={props.values} required={false} />
        <gcds-heading tag="h2">{m.resetNewPasswordHeading}</gcds-heading>
        <NewPasswordInput c={props.c} errors={props.errors} />
        <Input name="confirmPassword" label={m.confirmPassword} type="password" autocomplete="new-password" required errors={props.errors} />
        <SubmitButton>{m.resetButton}</SubmitButton>
      </PostForm>
    </>
  );
}

function ProfileFields(props: { c: AppContext; errors: FieldErrors; values: Values; withEmail: boolean }) {
  const m = t(props.c).identity;
  return (
    <>
      <Input name="givenName" label={m.givenName} autocomplete="given-name" required errors={props.errors} value={props.values.givenName} />
      <Input name="familyName" label={m.familyName} autocomplete="family-name" required errors={props.errors} value={props.values.familyName} />
      {props.withEmail ? <Input name="email" label={m.email} hint={m.emailHint} type="email" autocomplete="email" required errors={props.errors} value={props.values.email} /> : null}
      <Input name="phone" label={m.phone} hint={m.phoneHint} type="tel" autocomplete="tel" required errors={props.errors} value={props.values.phone} />
      <Radios
        name="preferredLocale"
        legend={m.preferredLanguage}
        hint={m.preferredLanguageHint}
        required
        errors={props.errors}
        value={props.values.preferredLocale ?? props.c.get("locale")}
        options={[
          // In the page's language ("French" on an English page), so no option is in another language (WCAG 3.1.2).
          { value: "en", label: m.languageNames.en },
          { value: "fr", label: m.languageNames.fr },
        ]}
      />
    </>
  );
}

export function ProfilePage(props: { c: AppContext; errors: FieldErrors; values: Values }) {
  const m = t(props.c).identity;
  return (
    <>
      <Heading text={m.profileTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.profileIntro}</gcds-text>
      <PostForm c={props.c}>
        <ProfileFields c={props.c} errors={props.errors} values={props.values} withEmail />
        <SubmitButton>{m.createProfileButton}</SubmitButton>
      </PostForm>
      <CancelSignIn c={props.c} />
    </>
  );
}

function CancelSignIn(props: { c: AppContext }) {
  const m = t(props.c).identity;
  return (
    <PostForm c={props.c} action={`/${props.c.get("locale")}/sign-out`}>
      <SubmitButton role="secondary">{m.cancelSignIn}</SubmitButton>
    </PostForm>
  );
}

function AgreementPage(props: { c: AppContext; errors: FieldErrors; title: string; intro: string; body: string[]; agree: string; button: string }) {
  const m = t(props.c).identity;
  return (
    <>
      <Heading text={props.title} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{props.intro}</gcds-text>
      <ol class="ttp-list">
        {props.body.map((p) => (
          <li>{p}</li>
        ))}
      </ol>
      <PostForm c={props.c}>
        <Checkbox name="agree" legend={m.agreeLegend} label={props.agree} required errors={props.errors} />
        <SubmitButton>{props.button}</SubmitButton>
      </PostForm>
      <CancelSignIn c={props.c} />
    </>
  );
}

export function MfaTermsPage(props: { c: AppContext; errors: FieldErrors }) {
  const m = t(props.c).identity;
  return <AgreementPage c={props.c} errors={props.errors} title={m.mfaTermsTitle} intro={m.mfaTermsIntro} body={m.mfaTermsBody} agree={m.mfaTermsAgree} button={m.continueButton} />;
}

export function PortalTermsPage(props: { c: AppContext; errors: FieldErrors }) {
  const m = t(props.c).identity;
  return <AgreementPage c={props.c} errors={props.errors} title={m.termsTitle} intro={m.termsIntro} body={m.termsBody} agree={m.termsAgree} button={m.acceptButton} />;
}

export function CodePage(props: { c: AppContext; errors: FieldErrors; maskedEmail: string; notice?: string | undefined; instead?: Child | undefined }) {
  const m = t(props.c).identity;
  return (
    <>
      <Heading text={m.codeTitle} />
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.codeSent(props.maskedEmail)}</gcds-text>
      <PostForm c={props.c}>
        <Input name="code" label={m.codeLabel} hint={m.codeHint} inputmode="numeric" autocomplete="one-time-code" required size={8} errors={props.errors} />
        <SubmitButton name="action" value="verify">
          {m.verifyButton}
        </SubmitButton>
      </PostForm>
      {props.instead}
      {/* One primary action (verify); asking for a new code and cancelling are links (issue 15: three stacked buttons). */}
      <ul class="ttp-list">
        <li>
          <PostForm c={props.c}>
            <input type="hidden" name="action" value="resend" />
            <button type="submit" class="ttp-link-button">
              {m.resendButton}
            </button>
          </PostForm>
        </li>
        <li>
          <PostForm c={props.c} action={`/${props.c.get("locale")}/sign-out`}>
            <button type="submit" class="ttp-link-button">
              {m.cancelSignIn}
            </button>
          </PostForm>
        </li>
      </ul>
    </>
  );
}

export function AccountPage(props: {
  c: AppContext;
  person: PersonView;
  companies: { companyId: string; legalName: string }[];
  locked: { companyId: string; legalName: string; reason: "by-user" | "urn-expired" | "owner-urn-expired" }[];
  notice?: string | undefined;
  /** What the notice says after its title, if anything. */
  noticeBody?: string | undefined;
  /** The sign-in security section (passkeys, authenticator app, email codes: ID-9). */
  security?: Child | undefined;
}) {
  const m = t(props.c).identity;
  const lang = props.c.get("locale");
  const p = props.person;
  return (
    <>
      <Heading text={m.accountTitle} />
      {props.notice ? (
        <Notice role="success" title={props.notice}>
          {props.noticeBody ? <gcds-text>{props.noticeBody}</gcds-text> : undefined}
        </Notice>
      ) : null}
      <gcds-text>{m.signedInAs(`${p.givenName} ${p.familyName}`)}</gcds-text>
      <gcds-heading tag="h2">{m.urnLabel}</gcds-heading>
      <p class="ttp-urn ttp-id" data-testid="urn">
        {formatUrn(p.urn)}
      </p>
      <gcds-text>{m.urnHelp}</gcds-text>
      <gcds-heading tag="h2">{m.contactHeading}</gcds-heading>
      <dl class="ttp-details">
        <dt>{m.givenName}</dt>
        <dd>{p.givenName}</dd>
        <dt>{m.familyName}</dt>
        <dd>{p.familyName}</dd>
        <dt>{m.email}</dt>
        <dd>{p.email}</dd>
        <dt>{m.phone}</dt>
        <dd>{p.phone}</dd>
        <dt>{m.preferredLanguage}</dt>
        <dd>{m.languageNames[p.preferredLocale]}</dd>
      </dl>
      <ul class="ttp-list">
        <li>
          <gcds-link href={`/${lang}/account/contact`}>{m.editContact}</gcds-link>
        </li>
        <li>
          <gcds-link href={`/${lang}/account/email`}>{m.changeEmail}</gcds-link>
        </li>
        <li>
          <gcds-link href={`/${lang}/account/sessions`}>{m.sessionsLink}</gcds-link>
        </li>
        {p.credentialKind === "gckey" ? (
          <li>
            <gcds-link href={`/${lang}/account/password`}>{m.changePasswordLink}</gcds-link>
          </li>
        ) : null}
      </ul>
      {props.security}
      <gcds-heading tag="h2">{m.companiesHeading}</gcds-heading>
      {props.companies.length === 0 ? (
        <gcds-text>{m.noCompanies}</gcds-text>
      ) : (
        <ul class="ttp-list" data-testid="companies">
          {props.companies.map((co) => (
            <li>
              <gcds-link href={`/${lang}/companies/${co.companyId}`}>{t(props.c).registration.openDashboard(co.legalName)}</gcds-link>
            </li>
          ))}
        </ul>
      )}
      {props.locked.length > 0 ? (
        <>
          <gcds-heading tag="h3">{m.lockedCompaniesHeading}</gcds-heading>
          <ul class="ttp-list" data-testid="locked-companies">
            {props.locked.map((co) => (
              <li>
                <strong>{co.legalName}</strong> — {m.lockedReasons[co.reason]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <gcds-text>
        <gcds-link href={`/${lang}/registration`}>{t(props.c).registration.companiesLink}</gcds-link>
      </gcds-text>
    </>
  );
}

export function ContactPage(props: { c: AppContext; errors: FieldErrors; values: Values }) {
  const m = t(props.c).identity;
  return (
    <>
      <Heading text={m.contactTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <PostForm c={props.c}>
        <ProfileFields c={props.c} errors={props.errors} values={props.values} withEmail={false} />
        <SubmitButton>{m.saveButton}</SubmitButton>
      </PostForm>
      <BackToAccount c={props.c} />
    </>
  );
}

export function EmailChangePage(props: { c: AppContext; errors: FieldErrors; values: Values }) {
  const m = t(props.c).identity;
  return (
    <>
      <Heading text={m.emailChangeTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.emailChangeIntro}</gcds-text>
      <PostForm c={props.c}>
        <Input name="email" label={m.newEmail} type="email" autocomplete="email" required errors={props.errors} value={props.values.email} />
        <SubmitButton>{m.sendCodeButton}</SubmitButton>
      </PostForm>
      <BackToAccount c={props.c} />
    </>
  );
}

export function EmailConfirmPage(props: { c: AppContext; errors: FieldErrors; target: string }) {
  const m = t(props.c).identity;
  return (
    <>
      <Heading text={m.emailCodeTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{m.emailCodeSent(props.target)}</gcds-text>
      <PostForm c={props.c}>
        <Input name="code" label={m.codeLabel} hint={m.codeHint} inputmode="numeric" autocomplete="one-time-code" required size={8} errors={props.errors} />
        <SubmitButton>{m.confirmButton}</SubmitButton>
      </PostForm>
      <BackToAccount c={props.c} />
    </>
  );
}

function describeBrowser(ua: string | null, unknown: string): string {
  if (!ua) return unknown;
  const browser = /Edg\//.test(ua) ? "Microsoft Edge" : /Chrome\//.test(ua) ? "Chrome" : /Firefox\//.test(ua) ? "Firefox" : /Safari\//.test(ua) ? "Safari" : null;
  const os = /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Android/.test(ua) ? "Android" : /Linux/.test(ua) ? "Linux" : /iPhone|iPad/.test(ua) ? "iOS" : null;
  return browser ? (os ? `${browser} (${os})` : browser) : unknown;
}

export function SessionsPage(props: { c: AppContext; sessions: ActiveSessionSummary[]; currentId: string; notice?: string | undefined }) {
  const m = t(props.c).identity;
  const locale = props.c.get("locale");
  const others = props.sessions.filter((s) => s.id !== props.currentId).length;
  return (
    <>
      <Heading text={m.sessionsTitle} />
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      <gcds-text>{m.sessionsIntro}</gcds-text>
      <Table caption={m.sessionsTitle} hideCaption>
        <thead>
          <tr>
            <th scope="col">{m.sessionBrowser}</th>
            <th scope="col">{m.sessionSignedIn}</th>
            <th scope="col">{m.sessionLastActivity}</th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr>
              <td>
                {describeBrowser(s.userAgent, m.unknownBrowser)}
                {s.id === props.currentId ? <strong> — {m.thisSession}</strong> : null}
              </td>
              <td>{s.authenticatedAt ? formatDateTime(locale, s.authenticatedAt) : ""}</td>
              <td>{formatDateTime(locale, s.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {others > 0 ? (
        <PostForm c={props.c}>
          <SubmitButton role="danger">{m.endOthersButton}</SubmitButton>
        </PostForm>
      ) : (
        <gcds-text>{m.noOtherSessions}</gcds-text>
      )}
      <BackToAccount c={props.c} />
    </>
  );
}

export function ChangePasswordPage(props: { c: AppContext; errors: FieldErrors }) {
  const m = t(props.c).identity;
  return (
    <>
      <Heading text={m.changePasswordTitle} />
      <ErrorSummary c={props.c} errors={props.errors} />
      <PostForm c={props.c}>
        <Input name="currentPassword" label={m.currentPassword} type="password" autocomplete="current-password" required errors={props.errors} />
        <NewPasswordInput c={props.c} errors={props.errors} />
        <Input name="confirmPassword" label={m.confirmPassword} type="password" autocomplete="new-password" required errors={props.errors} />
        <SubmitButton>{m.changePasswordButton}</SubmitButton>
      </PostForm>
      <BackToAccount c={props.c} />
    </>
  );
}

function BackToAccount(props: { c: AppContext }) {
  return (
    <gcds-text>
      <gcds-link href={`/${props.c.get("locale")}/account`}>{t(props.c).identity.backToAccount}</gcds-link>
    </gcds-text>
  );
}

export function UrnExpiredPage(props: { c: AppContext }) {
  const m = t(props.c).expiry;
  return (
    <>
      <gcds-heading tag="h1">{m.expiredTitle}</gcds-heading>
      {m.expiredText.map((p) => (
        <gcds-text>{p}</gcds-text>
      ))}
      <ContactBlock c={props.c} office="tccu" />
      <gcds-text>
        <gcds-link href={`/${props.c.get("locale")}`}>{t(props.c).errors.goHome}</gcds-link>
      </gcds-text>
    </>
  );
}

/**
 * After a partner session's sign-out: the portal's session is over, and the browser goes on
 * to the provider's end_session_endpoint (the response's Refresh header; a form's redirect to
 * another site would be stopped by the CSP's form-action). The link is there for a browser
 * that does not follow it.
 */
export function PartnerSignOutPage(props: { c: AppContext; endSessionUrl: string }) {
  const m = t(props.c).identity;
  return (
    <>
      <Heading text={m.partnerSignOutTitle} />
      <Notice role="success" title={m.signedOutNotice} />
      <gcds-text>{m.partnerSignOutText}</gcds-text>
      <gcds-text>
        <gcds-link href={props.endSessionUrl}>{m.partnerSignOutLink}</gcds-link>
      </gcds-text>
    </>
  );
}
