// Pages of company registration and activation, and the PIP dashboard.
import { Notice } from "../../web/notice.tsx";
import type { AppContext } from "../../web/context.ts";
import { formatDate, messages } from "../../web/i18n/index.ts";
import { ContactBlock, contactsOf } from "../../web/contact.tsx";
import { Checkbox, Checkboxes, ErrorSummary, Input, PostForm, Radios, SubmitButton, type FieldErrors } from "../../web/forms.tsx";
import { formatClientNumber } from "../../domain/client-number.ts";
import { LINES_OF_BUSINESS, type EligibilityCriterion } from "../../domain/eligibility.ts";
import type { PostalAddress } from "../../platform/db/schema.ts";
import { US_QUESTIONS, YES_NO_QUESTIONS, type Values } from "./schema.ts";
import { AddressFields } from "../../web/address.tsx";
import type { PendingRegistration, RegistrationDraft } from "./service.ts";
import type { CompanyView } from "./activation.ts";
import { unbreakable } from "../../web/identifier.tsx";

function r(c: AppContext) {
  return messages(c.get("locale")).registration;
}

function day(c: AppContext, isoDate: string): string {
  return formatDate(c.get("locale"), new Date(`${isoDate}T12:00:00Z`));
}

function str(v: string | string[] | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}


/** Right after registering: what was registered, and what happens next (the letter, the code, how long). */
function RegisteredNotice(props: { c: AppContext; registered: PendingRegistration }) {
  const t = r(props.c);
  const p = props.registered;
  return (
    <Notice role="success" title={t.registeredTitle(p.legalName)}>
      <gcds-text margin-bottom="0">{t.nextHeading}</gcds-text>
      <ol class="ttp-list" data-testid="registered-next">
        <li>{t.nextLetter}</li>
        {p.letter ? <li>{t.nextArrives(day(props.c, p.letter.expectedBy))}</li> : null}
        <li>{t.nextActivate}</li>
        {p.codeExpiresAt ? <li>{t.nextCodeExpires(formatDate(props.c.get("locale"), p.codeExpiresAt))}</li> : null}
      </ol>
    </Notice>
  );
}

/**
 * The registration page. `registered`: the company just registered — the page says what happens
 * next instead of offering to register or activate again (a link to register another stays).
 */
export function HubPage(props: { c: AppContext; pending: PendingRegistration[]; today: string; now: Date; notice?: string | undefined; registered?: PendingRegistration | undefined }) {
  const t = r(props.c);
  const lang = props.c.get("locale");
  return (
    <>
      <gcds-heading tag="h1">{t.hubTitle}</gcds-heading>
      {props.registered ? <RegisteredNotice c={props.c} registered={props.registered} /> : null}
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      {props.registered ? null : <gcds-text>{t.hubIntro}</gcds-text>}
      {props.pending.length > 0 ? (
        <section aria-labelledby="pending-heading">
          <gcds-heading tag="h2" id="pending-heading">
            {t.pendingHeading}
          </gcds-heading>
          {props.pending.map((p) => (
            <div class="ttp-panel" data-testid="pending-registration">
              <gcds-heading tag="h3" margin-top="0">
                {p.legalName}
              </gcds-heading>
              <dl class="ttp-details">
                <dt>{t.clientNumber}</dt>
                <dd class="ttp-id">{formatClientNumber(p.clientNumber)}</dd>
              </dl>
              <gcds-text>
                {p.letter?.status === "sent" ? t.letterSent(day(props.c, p.letter.sentOn!), unbreakable(p.letter.trackingNumber!)) : t.letterQueued}
              </gcds-text>
              {p.letter ? (
                <gcds-text>{props.today > p.letter.expectedBy ? t.overdue(day(props.c, p.letter.expectedBy), contactsOf(props.c).program.email) : t.expectedBy(day(props.c, p.letter.expectedBy))}</gcds-text>
              ) : null}
              {p.letter && props.today > p.letter.expectedBy ? <ContactBlock c={props.c} office="program" headingTag="h3" withPurpose={false} /> : null}
              {p.codeExpiresAt ? (
                <gcds-text>{p.codeExpiresAt <= props.now ? t.codeExpired : t.codeExpiresOn(formatDate(lang, p.codeExpiresAt))}</gcds-text>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
      {props.registered ? (
        <gcds-text>
          <gcds-link href={`/${lang}/registration/eligibility`}>{t.registerAnother}</gcds-link>
        </gcds-text>
      ) : (
        <>
          <gcds-heading tag="h2">{t.chooseHeading}</gcds-heading>
          <gcds-grid columns="1fr" columns-tablet="1fr 1fr 1fr" tag="div">
            <gcds-card card-title={t.registerTitle} card-title-tag="h3" href={`/${lang}/registration/eligibility`} description={t.registerText}></gcds-card>
            <gcds-card card-title={t.newCodeTitle} card-title-tag="h3" href={`/${lang}/registration/new-code`} description={t.newCodeText}></gcds-card>
            <gcds-card card-title={t.activateTitle} card-title-tag="h3" href={`/${lang}/registration/activate`} description={t.activateText}></gcds-card>
          </gcds-grid>
        </>
      )}
    </>
  );
}

/** The page's h1 with the step of registration it is (gcds-stepper: "Step 2 of 4", in the page's language). */
function Step(props: { c: AppContext; current: 1 | 2 | 3 | 4; children: string }) {
  return (
    <gcds-stepper current-step={props.current} total-steps={4} tag="h1" lang={props.c.get("locale")}>
      {props.children}
    </gcds-stepper>
  );
}

function yesNo(c: AppContext) {
  return [
    { value: "yes", label: r(c).yes },
    { value: "no", label: r(c).no },
  ];
}

export function EligibilityPage(props: { c: AppContext; errors: FieldErrors; values: Values }) {
  const t = r(props.c);
  const v = props.values;
  return (
    <>
      <Step c={props.c} current={1}>{t.eligibilityTitle}</Step>
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{t.eligibilityIntro}</gcds-text>
      <PostForm c={props.c}>
        <Radios
          name="country"
          legend={t.countryLegend}
          required
          errors={props.errors}
          value={str(v.country)}
          options={(["CA", "US", "other"] as const).map((k) => ({ value: k, label: t.countries[k] }))}
        />
        <Checkboxes
          name="lines"
          legend={t.linesLegend}
          hint={t.linesHint}
          required
          errors={props.errors}
          values={Array.isArray(v.lines) ? v.lines : []}
          options={LINES_OF_BUSINESS.map((l) => ({ value: l, label: t.lines[l] }))}
        />
        {YES_NO_QUESTIONS.map((q) => (
          <Radios name={q} legend={t.questions[q]} required errors={props.errors} value={str(v[q])} options={yesNo(props.c)} />
        ))}
        {US_QUESTIONS.map((q) => (
          <Radios name={q} legend={t.questions[q]} hint={t.usQuestionHint} errors={props.errors} value={str(v[q])} options={yesNo(props.c)} />
        ))}
        <SubmitButton>{t.nextButton}</SubmitButton>
      </PostForm>
    </>
  );
}

export function IneligiblePage(props: { c: AppContext; failures: EligibilityCriterion[] }) {
  const t = r(props.c);
  return (
    <>
      <gcds-heading tag="h1">{t.ineligibleTitle}</gcds-heading>
      <gcds-text>{t.ineligibleIntro}</gcds-text>
      <ul class="ttp-list" data-testid="ineligible-criteria">
        {props.failures.map((f) => (
          <li>{t.criteria[f]}</li>
        ))}
      </ul>
      <gcds-text>
        <gcds-link href={`/${props.c.get("locale")}/registration/eligibility`}>{t.changeAnswers}</gcds-link>
      </gcds-text>
    </>
  );
}

export function ContactProgramPage(props: { c: AppContext }) {
  const t = r(props.c);
  return (
    <>
      <gcds-heading tag="h1">{t.contactProgramTitle}</gcds-heading>
      <gcds-text>{t.contactProgram(contactsOf(props.c).program.email)}</gcds-text>
      <ContactBlock c={props.c} office="program" withPurpose={false} />
      <gcds-text>
        <gcds-link href={`/${props.c.get("locale")}/registration`}>{t.hubTitle}</gcds-link>
      </gcds-text>
    </>
  );
}

export function IdentityFields(props: { c: AppContext; errors: FieldErrors; values: Values; needs: { bn: boolean; carrierCode: boolean; carrier: boolean } }) {
  const t = r(props.c);
  const langs = messages(props.c.get("locale")).languages;
  const v = props.values;
  return (
    <>
      <Input name="legalName" label={t.legalName} required errors={props.errors} value={str(v.legalName)} autocomplete="organization" />
      <Input name="operatingName" label={t.operatingName} hint={t.operatingNameHint} errors={props.errors} value={str(v.operatingName)} />
      <Input
        name="businessNumber"
        label={props.needs.bn ? t.businessNumber : t.businessNumberOptional}
        hint={t.businessNumberHint}
        required={props.needs.bn}
        errors={props.errors}
        value={str(v.businessNumber)}
      />
      {props.needs.carrier ? (
        <Input
          name="carrierCode"
          label={props.needs.carrierCode ? t.carrierCode : t.carrierCodeOptional}
          hint={t.carrierCodeHint}
          required={props.needs.carrierCode}
          errors={props.errors}
          value={str(v.carrierCode)}
          size={6}
        />
      ) : null}
      <Radios
        name="correspondenceLocale"
        legend={t.correspondenceLegend}
        required
        errors={props.errors}
        value={str(v.correspondenceLocale) ?? props.c.get("locale")}
        options={[
          { value: "en", label: langs.en },
          { value: "fr", label: langs.fr },
        ]}
      />
    </>
  );
}

export function IdentityPage(props: { c: AppContext; errors: FieldErrors; values: Values; needs: { bn: boolean; carrierCode: boolean; carrier: boolean }; droppedLines: boolean }) {
  const t = r(props.c);
  return (
    <>
      <Step c={props.c} current={2}>{t.identityTitle}</Step>
      <ErrorSummary c={props.c} errors={props.errors} />
      {props.droppedLines ? <Notice role="info" title={t.droppedLines} /> : null}
      <PostForm c={props.c}>
        <IdentityFields c={props.c} errors={props.errors} values={props.values} needs={props.needs} />
        <SubmitButton>{t.nextButton}</SubmitButton>
      </PostForm>
    </>
  );
}

export function AddressPage(props: { c: AppContext; errors: FieldErrors; values: Values; country: "CA" | "US" }) {
  const t = r(props.c);
  return (
    <>
      <Step c={props.c} current={3}>{t.addressTitle}</Step>
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{t.addressIntro}</gcds-text>
      <PostForm c={props.c}>
        <AddressFields c={props.c} errors={props.errors} values={props.values} country={props.country} />
        <SubmitButton>{t.nextButton}</SubmitButton>
      </PostForm>
    </>
  );
}

export function ConfirmPage(props: { c: AppContext; draft: Required<RegistrationDraft>; printed: string[]; error?: string | undefined }) {
  const t = r(props.c);
  const lang = props.c.get("locale");
  return (
    <>
      <Step c={props.c} current={4}>{t.confirmTitle}</Step>
      {props.error ? <Notice role="danger" title={props.error} /> : null}
      <gcds-text>{t.confirmIntro}</gcds-text>
      <pre class="ttp-address" data-testid="printed-address">
        {props.printed.join("\n")}
      </pre>
      <ul class="ttp-list">
        <li>
          <gcds-link href={`/${lang}/registration/address`}>{t.changeAddress}</gcds-link>
        </li>
        <li>
          <gcds-link href={`/${lang}/registration/identity`}>{t.changeIdentity}</gcds-link>
        </li>
      </ul>
      <PostForm c={props.c}>
        <SubmitButton>{t.confirmButton}</SubmitButton>
      </PostForm>
    </>
  );
}

export function ActivatePage(props: { c: AppContext; errors: FieldErrors; values: Values }) {
  const t = r(props.c);
  return (
    <>
      <gcds-heading tag="h1">{t.activatePageTitle}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{t.activateIntro}</gcds-text>
      <PostForm c={props.c}>
        <Input name="clientNumber" label={t.clientNumber} required errors={props.errors} value={str(props.values.clientNumber)} inputmode="numeric" size={16} autocomplete="off" />
        <Input name="activationCode" label={t.activationCode} hint={t.activationCodeHint} required errors={props.errors} value={str(props.values.activationCode)} size={16} autocomplete="off" />
        <SubmitButton>{t.activateButton}</SubmitButton>
      </PostForm>
    </>
  );
}

export function NewCodePage(props: { c: AppContext; pending: PendingRegistration[]; errors: FieldErrors }) {
  const t = r(props.c);
  return (
    <>
      <gcds-heading tag="h1">{t.newCodePageTitle}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      {props.pending.length === 0 ? (
        <gcds-text>{t.noPendingCompanies}</gcds-text>
      ) : (
        <>
          <gcds-text>{t.newCodeIntro}</gcds-text>
          <PostForm c={props.c}>
            <Radios
              name="companyId"
              legend={t.newCodeCompany}
              required
              errors={props.errors}
              value={props.pending.length === 1 ? props.pending[0]!.companyId : undefined}
              options={props.pending.map((p) => ({ value: p.companyId, label: `${p.legalName} (${unbreakable(formatClientNumber(p.clientNumber))})` }))}
            />
            <SubmitButton>{t.newCodeButton}</SubmitButton>
          </PostForm>
        </>
      )}
      <gcds-text>{t.cbsaCreatedNote(contactsOf(props.c).program.email)}</gcds-text>
    </>
  );
}

export function CompanyTermsPage(props: { c: AppContext; company: CompanyView; errors: FieldErrors }) {
  const t = r(props.c);
  return (
    <>
      <gcds-heading tag="h1">{t.termsTitle}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      <Notice role="success" title={props.company.legalName}>
        <gcds-text>{t.termsMessage}</gcds-text>
      </Notice>
      <ol class="ttp-list">
        {t.termsBody.map((p) => (
          <li>{p}</li>
        ))}
      </ol>
      <PostForm c={props.c}>
        <Checkbox name="agree" legend={messages(props.c.get("locale")).identity.agreeLegend} label={t.termsAgree} required errors={props.errors} />
        <SubmitButton>{t.acceptButton}</SubmitButton>
      </PostForm>
    </>
  );
}

export function addressLines(address: PostalAddress): string[] {
  return [address.line1, address.line2, `${address.city} ${address.region} ${address.postalCode}`].filter(Boolean);
}
