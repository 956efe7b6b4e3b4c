// The TCCU console (STAFF-3): finding a portal user, their companies, a new URN.
import { StaffBar } from "../staff/views.tsx";
import type { AppContext } from "../../web/context.ts";
import { formatDate, formatDateTime, messages } from "../../web/i18n/index.ts";
import { Notice } from "../../web/notice.tsx";
import { ErrorSummary, Input, PostForm, SubmitButton, type FieldErrors } from "../../web/forms.tsx";
import { formatUrn } from "../../domain/urn.ts";
import { formatClientNumber } from "../../domain/client-number.ts";
import { SEARCH_LIMIT, type PersonHit, type TccuPerson } from "./service.ts";
import { unbreakable } from "../../web/identifier.tsx";
import { Table } from "../../web/table.tsx";

function m(c: AppContext) {
  return messages(c.get("locale"));
}

export function SearchPage(props: { c: AppContext; query: string; hits: PersonHit[] | undefined; errors: FieldErrors }) {
  const t = m(props.c).expiry.tccu;
  const lang = props.c.get("locale");
  return (
    <>
      <StaffBar c={props.c} />
      <gcds-heading tag="h1">{t.title}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      <gcds-text>{t.intro}</gcds-text>
      <form method="get" action={`/${lang}/staff/tccu`} role="search">
        <Input name="q" label={t.query} hint={t.queryHint} errors={props.errors} value={props.query} autocomplete="off" />
        <SubmitButton>{t.searchButton}</SubmitButton>
      </form>
      {props.hits === undefined ? null : props.hits.length === 0 ? (
        <gcds-text>{t.noResults}</gcds-text>
      ) : (
        <Table caption={t.resultsCaption(props.hits.length, SEARCH_LIMIT)} testid="hits">
          <thead>
            <tr>
              <th scope="col">{t.colName}</th>
              <th scope="col">{t.colEmail}</th>
              <th scope="col">{t.colUrn}</th>
              <th scope="col">{t.colState}</th>
            </tr>
          </thead>
          <tbody>
            {props.hits.map((h) => (
              <tr>
                <td>
                  <a href={`/${lang}/staff/tccu/people/${h.personId}`}>
                    {h.familyName}, {h.givenName}
                  </a>
                </td>
                <td>{h.email}</td>
                <td class="ttp-id">{formatUrn(h.urn)}</td>
                <td>{h.expired ? <strong>{t.expired}</strong> : t.valid}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

/** After a new URN is issued: what was issued (the title) and what happens next, for this person. */
function IssuedNotice(props: { c: AppContext; person: TccuPerson }) {
  const lang = props.c.get("locale");
  const t = m(props.c).expiry.tccu;
  const p = props.person;
  const list = (names: string[]) => new Intl.ListFormat(lang === "fr" ? "fr-CA" : "en-CA", { type: "conjunction" }).format(names);
  const deactivated = p.companies.filter((co) => co.status !== "active").map((co) => co.legalName);
  const owned = p.companies.filter((co) => co.role === "owner" && co.status === "active").map((co) => co.legalName);
  return (
    <Notice role="success" title={t.issued(unbreakable(formatUrn(p.urn)))}>
      <gcds-text margin-bottom="0">{t.issuedNext}</gcds-text>
      <ul class="ttp-list" data-testid="issued-next">
        <li>{t.issuedSent(p.email)}</li>
        {deactivated.length > 0 ? <li>{t.issuedStillDeactivated(list(deactivated))}</li> : null}
        {owned.length > 0 ? <li>{t.issuedOwner(list(owned))}</li> : null}
        {p.companies.length === 0 ? <li>{t.issuedNoCompanies}</li> : null}
      </ul>
    </Notice>
  );
}

/** A person for the TCCU; `issued` right after a new URN: the notice says what happens next and the form is not offered again. */
export function PersonPage(props: { c: AppContext; person: TccuPerson; errors: FieldErrors; reason: string; issued?: boolean }) {
  const all = m(props.c);
  const t = all.expiry.tccu;
  const lang = props.c.get("locale");
  const p = props.person;
  return (
    <>
      <StaffBar c={props.c} />
      <gcds-heading tag="h1">{t.personTitle(`${p.givenName} ${p.familyName}`)}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      {props.issued ? <IssuedNotice c={props.c} person={p} /> : null}
      <dl class="ttp-details" data-testid="person">
        <dt>{t.colUrn}</dt>
        <dd class="ttp-id">{formatUrn(p.urn)}</dd>
        <dt>{t.colState}</dt>
        <dd>{p.expired ? <strong>{t.expired}</strong> : t.valid}</dd>
        <dt>{t.colEmail}</dt>
        <dd>{p.email}</dd>
        <dt>{t.phone}</dt>
        <dd>{p.phone}</dd>
        <dt>{t.language}</dt>
        <dd>{all.languages[p.preferredLocale]}</dd>
        <dt>{t.lastSignIn}</dt>
        <dd>{p.lastSignInAt ? formatDateTime(lang, p.lastSignInAt) : t.never}</dd>
        <dt>{t.urnIssued}</dt>
        <dd>{formatDate(lang, p.urnIssuedAt)}</dd>
        <dt>{p.urnExpiredAt ? t.urnExpiredOn : t.urnExpiresOn}</dt>
        <dd>{formatDate(lang, p.urnExpiredAt ?? p.urnExpiresAt)}</dd>
      </dl>
      {p.companies.length === 0 ? (
        <gcds-text>{t.noCompanies}</gcds-text>
      ) : (
        <Table caption={t.companiesCaption} testid="memberships">
          <thead>
            <tr>
              <th scope="col">{t.colCompany}</th>
              <th scope="col">{t.colClientNumber}</th>
              <th scope="col">{t.colRole}</th>
              <th scope="col">{t.colAccess}</th>
            </tr>
          </thead>
          <tbody>
            {p.companies.map((co) => (
              <tr>
                <td>
                  <a href={`/${lang}/staff/companies/${co.companyId}`} aria-label={t.timelineLink(co.legalName)}>
                    {co.legalName}
                  </a>
                </td>
                <td class="ttp-id">{formatClientNumber(co.clientNumber)}</td>
                <td>{all.users.roles[co.role]}</td>
                <td>{co.status === "active" ? t.active : (t.deactivatedReasons[co.reason ?? "by-user"] ?? co.reason)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {props.issued ? null : (
        <>
          <gcds-heading tag="h2">{t.issueHeading}</gcds-heading>
          <gcds-text>{t.issueText}</gcds-text>
          <PostForm c={props.c} action={`/${lang}/staff/tccu/people/${p.personId}/new-urn`}>
            <Input name="reason" label={t.reason} hint={t.reasonHint} required errors={props.errors} value={props.reason} autocomplete="off" />
            <SubmitButton>{t.issueButton}</SubmitButton>
          </PostForm>
        </>
      )}
      <gcds-text>
        <gcds-link href={`/${lang}/staff/tccu`}>{t.backToSearch}</gcds-link>
      </gcds-text>
    </>
  );
}
