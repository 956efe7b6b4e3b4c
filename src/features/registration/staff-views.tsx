// The CBSA side of registration: the mail room's letter queue and the record of a mailing
// (STAFF-2), and creating the record of an existing member (REG-8, STAFF-4).
import { StaffBar } from "../staff/views.tsx";
import type { AppContext } from "../../web/context.ts";
import { formatDate, formatDateTime, messages } from "../../web/i18n/index.ts";
import { Checkboxes, ErrorSummary, Input, PostForm, Radios, SubmitButton, type FieldErrors } from "../../web/forms.tsx";
import { formatClientNumber } from "../../domain/client-number.ts";
import { LINES_OF_BUSINESS } from "../../domain/eligibility.ts";
import type { Values } from "./schema.ts";
import type { CompanySummary, QueuedLetter, TimelineEvent } from "./staff-service.ts";
import { IdentityFields } from "./views.tsx";
import { AddressFields } from "../../web/address.tsx";
import { Notice } from "../../web/notice.tsx";
import { Table } from "../../web/table.tsx";

function r(c: AppContext) {
  return messages(c.get("locale")).registration;
}

/**
 * The design system's date input (day, month, year): it posts one field, `name`, as YYYY-MM-DD
 * (form-associated). Server-side errors go into its error-message; the host carries the id the
 * error summary links to. A value shown again must be a whole date, or the component refuses it.
 */
function DateInput(p: { name: string; legend: string; hint?: string; value?: string; errors: FieldErrors; required?: boolean }) {
  const whole = p.value && /^\d{4}-\d{2}-\d{2}$/.test(p.value) ? p.value : undefined;
  return (
    <gcds-date-input
      id={p.name}
      name={p.name}
      legend={p.legend}
      format="full"
      hint={p.hint}
      value={whole}
      required={p.required ?? false}
      error-message={p.errors[p.name]}
      validate-on="other"
    ></gcds-date-input>
  );
}

export function MailRoomPage(props: { c: AppContext; letters: QueuedLetter[]; notice?: string | undefined; error?: string | undefined }) {
  const t = r(props.c).mailRoom;
  const lang = props.c.get("locale");
  return (
    <>
      <StaffBar c={props.c} />
      <gcds-heading tag="h1">{t.title}</gcds-heading>
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      {props.error ? <Notice role="danger" title={props.error} /> : null}
      <gcds-text>{t.intro}</gcds-text>
      {props.letters.length === 0 ? (
        <gcds-text>{t.empty}</gcds-text>
      ) : (
        <form method="get" action={`/${lang}/staff/mail-room/letters.pdf`} target="_blank">
          <Table caption={t.title} hideCaption>
            <thead>
              <tr>
                <th scope="col">{t.select}</th>
                <th scope="col">{t.letter}</th>
                <th scope="col">{t.company}</th>
                <th scope="col">{r(props.c).clientNumber}</th>
                <th scope="col">{t.created}</th>
                <th scope="col">{t.expectedBy}</th>
              </tr>
            </thead>
            <tbody>
              {props.letters.map((l) => (
                <tr data-testid="queued-letter">
                  <td>
                    {/* One design-system checkbox per row, its label hidden but naming the letter and the company;
                        each row its own name (ids-<id>): gcds-checkboxes sets, not appends, its name in the form data. */}
                    <gcds-checkboxes name={`ids-${l.id}`} hide-label options={JSON.stringify([{ id: `letter-${l.id}`, label: t.selectLetter(l.id, l.legalName), value: l.id }])}></gcds-checkboxes>
                  </td>
                  <td>
                    <a href={`/${lang}/staff/mail-room/letters/${l.id}/pdf`}>{t.openPdf(l.id)}</a>
                    <br />
                    <a href={`/${lang}/staff/mail-room/letters/${l.id}`}>{t.recordButton}</a>
                  </td>
                  <td>{l.legalName}</td>
                  <td class="ttp-id">{formatClientNumber(l.clientNumber)}</td>
                  <td>{formatDateTime(lang, l.createdAt)}</td>
                  <td>{formatDate(lang, new Date(`${l.expectedBy}T12:00:00Z`))}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <button type="submit" class="ttp-button">
            {t.printSelected}
          </button>
        </form>
      )}
    </>
  );
}

export function RecordMailingPage(props: { c: AppContext; letter: QueuedLetter; errors: FieldErrors; values: Values }) {
  const t = r(props.c).mailRoom;
  const lang = props.c.get("locale");
  return (
    <>
      <StaffBar c={props.c} />
      <gcds-heading tag="h1">{t.recordHeading(props.letter.id, props.letter.legalName)}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>
        <gcds-link href={`/${lang}/staff/mail-room/letters/${props.letter.id}/pdf`}>{t.openPdf(props.letter.id)}</gcds-link>
      </gcds-text>
      <PostForm c={props.c}>
        <Input name="tracking" label={t.tracking} hint={t.trackingHint} required errors={props.errors} value={typeof props.values.tracking === "string" ? props.values.tracking : ""} size={16} autocomplete="off" />
        <DateInput name="sentOn" legend={t.sentOn} hint={t.sentOnHint} required errors={props.errors} value={typeof props.values.sentOn === "string" ? props.values.sentOn : ""} />
        <SubmitButton>{t.recordButton}</SubmitButton>
      </PostForm>
      <gcds-text>
        <gcds-link href={`/${lang}/staff/mail-room`}>{t.title}</gcds-link>
      </gcds-text>
    </>
  );
}

export function StaffCompaniesPage(props: { c: AppContext; companies: CompanySummary[]; canCreate: boolean; notice?: string | undefined; noticeBody?: string | undefined }) {
  const t = r(props.c);
  const lang = props.c.get("locale");
  return (
    <>
      <StaffBar c={props.c} />
      <gcds-heading tag="h1">{t.staffCompanies.listTitle}</gcds-heading>
      {props.notice ? (
        <Notice role="success" title={props.notice}>
          {props.noticeBody ? <gcds-text>{props.noticeBody}</gcds-text> : undefined}
        </Notice>
      ) : null}
      {props.canCreate ? (
        <gcds-text>
          <gcds-link href={`/${lang}/staff/companies/new`}>{t.staffCompanies.title}</gcds-link>
        </gcds-text>
      ) : null}
      <Table caption={t.staffCompanies.listTitle} hideCaption>
        <thead>
          <tr>
            <th scope="col">{t.companyName}</th>
            <th scope="col">{t.clientNumber}</th>
            <th scope="col">{t.accountStatus}</th>
          </tr>
        </thead>
        <tbody>
          {props.companies.map((co) => (
            <tr>
              <td>
                <a href={`/${lang}/staff/companies/${co.id}`}>{co.legalName}</a>
              </td>
              <td class="ttp-id">{formatClientNumber(co.clientNumber)}</td>
              <td>{t.accountStatuses[co.status as keyof typeof t.accountStatuses] ?? co.status}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

export function NewMemberPage(props: { c: AppContext; errors: FieldErrors; values: Values }) {
  const t = r(props.c);
  const country = props.values.country === "US" ? "US" : "CA";
  return (
    <>
      <StaffBar c={props.c} />
      <gcds-heading tag="h1">{t.staffCompanies.title}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{t.staffCompanies.intro}</gcds-text>
      <PostForm c={props.c}>
        <Radios
          name="country"
          legend={t.staffCompanies.country}
          required
          errors={props.errors}
          value={typeof props.values.country === "string" ? props.values.country : "CA"}
          options={(["CA", "US"] as const).map((k) => ({ value: k, label: t.countries[k] }))}
        />
        <Checkboxes
          name="lines"
          legend={t.staffCompanies.linesLegend}
          required
          errors={props.errors}
          values={Array.isArray(props.values.lines) ? props.values.lines : []}
          options={LINES_OF_BUSINESS.filter((l) => l !== "customs-broker" && l !== "shipping-agent").map((l) => ({ value: l, label: t.lines[l] }))}
        />
        <IdentityFields c={props.c} errors={props.errors} values={props.values} needs={{ bn: country === "CA", carrierCode: false, carrier: true }} />
        <AddressFields c={props.c} errors={props.errors} values={props.values} country={country} />
        <SubmitButton>{t.staffCompanies.createButton}</SubmitButton>
      </PostForm>
    </>
  );
}

/** STAFF-4: a company's timeline — its audit trail, newest first. */
export function CompanyTimelinePage(props: { c: AppContext; company: CompanySummary; events: TimelineEvent[] }) {
  const lang = props.c.get("locale");
  const t = messages(lang).expiry.timeline;
  const reg = r(props.c);
  const who = (e: TimelineEvent) => (e.actorType === "staff" ? t.staff(e.actorName ?? "?") : e.actorType === "trader" && e.actorName ? t.trader(e.actorName) : t.system);
  // Membership transitions and events say what the company was told; never the audit's own key.
  const all = messages(lang);
  const what = (action: string): string => {
    const name = action.replace(/^membership\./, "");
    if (t.actions[action]) return t.actions[action];
    if (all.review.actions[action]) return all.review.actions[action];
    if (action.startsWith("membership.") && name in all.membership.changed) return all.membership.changed[name as keyof typeof all.membership.changed];
    if (action.startsWith("membership.") && name in all.membership.events) return all.membership.events[name as keyof typeof all.membership.events];
    return action;
  };
  return (
    <>
      <StaffBar c={props.c} />
      <gcds-heading tag="h1">{t.title(props.company.legalName)}</gcds-heading>
      <dl class="ttp-details">
        <dt>{reg.clientNumber}</dt>
        <dd class="ttp-id">{formatClientNumber(props.company.clientNumber)}</dd>
        <dt>{reg.accountStatus}</dt>
        <dd>{reg.accountStatuses[props.company.status as keyof typeof reg.accountStatuses] ?? props.company.status}</dd>
      </dl>
      <gcds-text>{t.intro}</gcds-text>
      {props.events.length === 0 ? (
        <gcds-text>{t.none}</gcds-text>
      ) : (
        <Table caption={t.caption} testid="timeline">
          <thead>
            <tr>
              <th scope="col">{t.colWhen}</th>
              <th scope="col">{t.colWho}</th>
              <th scope="col">{t.colWhat}</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => (
              <tr>
                <td>
                  <time class="ttp-id" datetime={e.occurredAt.toISOString()}>{formatDateTime(lang, e.occurredAt)}</time>
                </td>
                <td>{who(e)}</td>
                <td>{what(e.action)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <gcds-text>
        <gcds-link href={`/${lang}/staff/companies`}>{reg.staffCompanies.listTitle}</gcds-link>
      </gcds-text>
    </>
  );
}
