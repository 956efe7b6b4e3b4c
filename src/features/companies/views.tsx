// Pages of the company a person works in: choosing it (USR-1), its PIP dashboard (APP-1)
// and its company profile (APP-2).
import type { AppContext } from "../../web/context.ts";
import { formatDate, formatDateTime, formatNumber, messages } from "../../web/i18n/index.ts";
import { Notice } from "../../web/notice.tsx";
import { Checkbox, ErrorSummary, Input, PostForm, SubmitButton, type FieldErrors } from "../../web/forms.tsx";
import { AddressFields } from "../../web/address.tsx";
import { formatClientNumber } from "../../domain/client-number.ts";
import { formatBusinessNumber } from "../../domain/business-number.ts";
import { can, type CompanyRole } from "../../domain/permissions.ts";
import { isMembershipEvent, isMembershipStatus, isTransitionName } from "../../domain/membership.ts";
import { addCalendarDays } from "../../domain/business-days.ts";
import { REVALIDATION_GRACE_DAYS } from "../membership/service.ts";
import { changeWhere } from "../applications/member-views.tsx";
import type { NotificationText } from "../../web/i18n/companies.en.ts";
import type { PostalAddress } from "../../platform/db/schema.ts";
import type { Membership } from "../registration/service.ts";
import type { CompanyProfile, Dashboard, SectionState } from "./service.ts";
import { helpHref } from "../../web/contact.tsx";
import type { HelpTopic } from "../../web/i18n/help.en.ts";
import { FACILITY_SLOTS, type Values } from "./schema.ts";
import { Table } from "../../web/table.tsx";

function m(c: AppContext) {
  return messages(c.get("locale"));
}

export function ChooseCompanyPage(props: { c: AppContext; companies: Membership[] }) {
  const t = m(props.c);
  const lang = props.c.get("locale");
  return (
    <>
      <gcds-heading tag="h1">{t.companies.chooseTitle}</gcds-heading>
      <gcds-text>{props.companies.length === 1 ? t.companies.chooseIntroOne : t.companies.chooseIntro}</gcds-text>
      <Table caption={t.companies.chooseTableCaption} testid="companies">
        <thead>
          <tr>
            <th scope="col">{t.registration.companyName}</th>
            <th scope="col">{t.registration.clientNumber}</th>
            <th scope="col">{t.companies.yourRole}</th>
          </tr>
        </thead>
        <tbody>
          {props.companies.map((co) => (
            <tr>
              <td>
                <a href={`/${lang}/companies/${co.companyId}`} aria-label={t.companies.openCompany(co.legalName)}>
                  {co.legalName}
                </a>
              </td>
              <td class="ttp-id">{formatClientNumber(co.clientNumber)}</td>
              <td>{t.users.roles[co.role]}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <gcds-text>
        <gcds-link href={`/${lang}/registration`}>{t.companies.registerOrActivate}</gcds-link>
      </gcds-text>
    </>
  );
}

function State(props: { c: AppContext; state: SectionState }) {
  return <p class="ttp-state">{m(props.c).companies.sectionStates[props.state]}</p>;
}

/** A profile's state with its count: "In progress — 12 of 40 answered" (APP-1). */
function Progress(props: { c: AppContext; progress: { state: SectionState; answered: number; total: number } }) {
  const t = m(props.c);
  return <p class="ttp-state">{t.profiles.stateWithProgress(t.companies.sectionStates[props.progress.state], props.progress.answered, props.progress.total)}</p>;
}

function Section(props: { heading: string; text: string; children?: unknown; testid: string; help?: { c: AppContext; topic: HelpTopic } }) {
  return (
    <li class="ttp-section" data-testid={props.testid}>
      <h3>{props.heading}</h3>
      <p>{props.text}</p>
      {props.children}
      {props.help ? (
        <p class="ttp-help-links">
          <a href={helpHref(props.help.c.get("locale"), props.help.topic)}>{m(props.help.c).help.sectionHelp(props.heading)}</a>
        </p>
      ) : null}
    </li>
  );
}

export function DashboardPage(props: { c: AppContext; dashboard: Dashboard; notice?: string | undefined; noticeBody?: string | undefined }) {
  const t = m(props.c);
  const lang = props.c.get("locale");
  const d = props.dashboard;
  const role = d.role;
  const base = `/${lang}/companies/${d.id}`;
  const day = (iso: string) => formatDate(lang, new Date(`${iso}T12:00:00Z`));
  const membershipNotice = (transition: string, status: string) =>
    t.membership.notification(
      isTransitionName(transition) ? t.membership.changed[transition] : transition,
      isMembershipStatus(status) ? t.membership.statuses[status] : status,
    );
  const roleLower = (r: string) => (t.users.roles[r as CompanyRole] ?? r).toLocaleLowerCase(lang === "fr" ? "fr-CA" : "en-CA");
  return (
    <>
      <gcds-heading tag="h1">{t.registration.dashboardTitle}</gcds-heading>
      {props.notice ? (
        <Notice role="success" title={props.notice}>
          {props.noticeBody ? <gcds-text>{props.noticeBody}</gcds-text> : undefined}
        </Notice>
      ) : null}
      <dl class="ttp-details" data-testid="dashboard-company">
        <dt>{t.registration.companyName}</dt>
        <dd>{d.legalName}</dd>
        <dt>{t.registration.clientNumber}</dt>
        <dd class="ttp-id">{formatClientNumber(d.clientNumber)}</dd>
        <dt>{t.registration.membershipStatus}</dt>
        <dd>{isMembershipStatus(d.membershipStatus) ? t.membership.statuses[d.membershipStatus] : d.membershipStatus}</dd>
        <dt>{t.registration.accountStatus}</dt>
        <dd>{t.registration.accountStatuses[d.status]}</dd>
        <dt>{t.companies.yourRole}</dt>
        <dd>{t.users.roles[role]}</dd>
      </dl>
      {d.status === "activated" ? (
        <Notice role="warning" title={t.companies.awaitingTermsTitle}>
          <gcds-text>{t.registration.awaitingTerms}</gcds-text>
          {role === "owner" ? (
            <gcds-text>
              <gcds-link href={`${base}/terms`}>{t.registration.acceptTermsLink}</gcds-link>
            </gcds-text>
          ) : (
            <gcds-text>{t.registration.termsOwnerOnly}</gcds-text>
          )}
        </Notice>
      ) : null}
      {props.dashboard.toReactivate.length > 0 ? (
        <Notice role="warning" title={t.companies.reactivateHeading}>
          <gcds-text>{t.companies.reactivateText}</gcds-text>
          <ul class="ttp-list" data-testid="to-reactivate">
            {props.dashboard.toReactivate.map((u) => (
              <li>{u.name}</li>
            ))}
          </ul>
          <PostForm c={props.c} action={`${base}/users/reactivate-expired`}>
            <SubmitButton>{t.companies.reactivateAll}</SubmitButton>
          </PostForm>
        </Notice>
      ) : null}
      {d.status === "authorized" ? (
        <>
          <gcds-heading tag="h2">{t.companies.sectionsHeading}</gcds-heading>
          <ul class="ttp-sections">
            <Section heading={t.companies.sections.companyProfile} text={t.companies.sectionTexts.companyProfile} testid="section-company-profile" help={{ c: props.c, topic: "company-profile" }}>
              <State c={props.c} state={d.profile} />
              <p>
                <a href={`${base}/profile`}>{t.companies.sections.companyProfile}</a>
              </p>
              <details class="ttp-more">
                <summary>{t.companies.moreMenu}</summary>
                <ul>
                  <li>
                    <a href={`${base}/users`}>{t.companies.sections.users}</a>
                  </li>
                  {can(role, "ownership.transfer") ? (
                    <li>
                      <a href={`${base}/transfer`}>{t.users.transferLink}</a>
                    </li>
                  ) : null}
                </ul>
              </details>
            </Section>
            <Section heading={t.companies.sections.users} text={t.companies.sectionTexts.users} testid="section-users" help={{ c: props.c, topic: "users" }}>
              <p class="ttp-state">{t.companies.usersCount(d.activeUsers)}</p>
              <p>
                <a href={`${base}/users`}>{t.companies.sections.users}</a>
              </p>
            </Section>
            <Section heading={t.companies.sections.applicationProfile} text={t.companies.sectionTexts.applicationProfile} testid="section-application-profile" help={{ c: props.c, topic: "application-profile" }}>
              {can(role, "application-profile.view") && d.profiles ? (
                <>
                  <Progress c={props.c} progress={d.profiles.application} />
                  <p>
                    <a href={`${base}/application`}>{t.companies.sections.applicationProfile}</a>
                  </p>
                </>
              ) : (
                <p>{t.companies.sectionUnavailable}</p>
              )}
            </Section>
            <Section heading={t.companies.sections.securityProfile} text={t.companies.sectionTexts.securityProfile} testid="section-security-profile" help={{ c: props.c, topic: "security-profile" }}>
              {can(role, "security-profile.view") && d.profiles ? (
                <>
                  <Progress c={props.c} progress={d.profiles.security} />
                  <p>
                    <a href={`${base}/security`}>{t.companies.sections.securityProfile}</a>
                  </p>
                </>
              ) : (
                <p>{t.companies.sectionUnavailable}</p>
              )}
            </Section>
          </ul>
        </>
      ) : null}
      {d.status === "authorized" ? <ApplicationSection c={props.c} dashboard={d} /> : null}
      <gcds-heading tag="h2">{t.companies.notificationsHeading}</gcds-heading>
      {d.notifications.length === 0 ? (
        <gcds-text>{t.companies.noNotifications}</gcds-text>
      ) : (
        <ul class="ttp-notifications" data-testid="notifications">
          {d.notifications.map((n) => (
            <li>
              <time datetime={n.createdAt.toISOString()}>{formatDateTime(lang, n.createdAt)}</time>
              {" — "}
              {(t.companies.notifications[n.kind] as (p: typeof n.params, x: NotificationText) => string)(n.params, {
                role: roleLower,
                day,
                membership: membershipNotice,
                membershipEvent: (event: string, status: string) =>
                  t.membership.notification(isMembershipEvent(event) ? t.membership.events[event] : event, isMembershipStatus(status) ? t.membership.statuses[status] : status),
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The application on the dashboard (APP-1): submit, requests for information, informal review, the record. */
function ApplicationSection(props: { c: AppContext; dashboard: Dashboard }) {
  const t = m(props.c);
  const a = t.applications;
  const lang = props.c.get("locale");
  const d = props.dashboard;
  const app = d.application;
  const base = `/${lang}/companies/${d.id}`;
  const owner = can(d.role, "account.submit");
  const day = (iso: string) => formatDate(lang, new Date(`${iso}T12:00:00Z`));
  return (
    <section data-testid="dashboard-application">
      <gcds-heading tag="h2">{a.dashboardHeading}</gcds-heading>
      {app.transition ? (
        owner ? (
          app.ready ? (
            <>
              <gcds-text>{app.transition === "resubmit" ? a.dashboardReadyResubmit : a.dashboardReady}</gcds-text>
              <div class="ttp-actions">
                <gcds-button type="link" href={`${base}/application/submit`}>
                  {app.transition === "resubmit" ? a.dashboardResubmit : a.dashboardSubmit}
                </gcds-button>
              </div>
            </>
          ) : (
            <>
              <gcds-text>{a.dashboardNotReady}</gcds-text>
              <gcds-text>
                <gcds-link href={`${base}/application/submit`}>{a.dashboardSeeWhatIsMissing}</gcds-link>
              </gcds-text>
            </>
          )
        ) : (
          <gcds-text>{a.dashboardOwnerOnly}</gcds-text>
        )
      ) : null}
      {app.underReview ? <gcds-text>{a.dashboardDrafts}</gcds-text> : null}
      <MemberSection c={props.c} dashboard={d} />
      {app.openRequests.length > 0 ? (
        <>
          <gcds-heading tag="h3">{a.dashboardRequestsHeading}</gcds-heading>
          <ul class="ttp-list" data-testid="open-requests">
            {app.openRequests.map((r) => (
              <li>
                <a href={`${base}/requests/${r.id}`} aria-label={a.dashboardOpenRequest(day(r.dueOn))}>
                  {a.dashboardRequest(formatDate(lang, r.createdAt), day(r.dueOn))}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {app.informalReview ? (
        <Notice role="warning" title={a.dashboardDenialProposed}>
          {app.informalReview.allowed && app.informalReview.endsAt ? <gcds-text>{a.dashboardInformalUntil(formatDateTime(lang, app.informalReview.endsAt))}</gcds-text> : null}
          {app.informalReview.allowed ? (
            owner ? (
              <gcds-text>
                <gcds-link href={`${base}/informal-review`}>{a.informalTitle}</gcds-link>
              </gcds-text>
            ) : (
              <gcds-text>{a.dashboardInformalOwnerOnly}</gcds-text>
            )
          ) : null}
        </Notice>
      ) : null}
      <gcds-text>
        <gcds-link href={`${base}/record`}>{a.dashboardRecord}</gcds-link>
      </gcds-text>
      {app.withdrawable ? (
        <gcds-text>
          <gcds-link href={`${base}/withdraw`}>{t.member.dashboardWithdraw}</gcds-link>
        </gcds-text>
      ) : null}
    </section>
  );
}

/** How many differences the dashboard lists before "and n more". */
const CHANGES_SHOWN = 10;

/** A member's part of the dashboard: its dates, changes to submit, a suspension's action plan, a cancellation's appeal. */
function MemberSection(props: { c: AppContext; dashboard: Dashboard }) {
  const t = m(props.c);
  const x = t.member;
  const lang = props.c.get("locale");
  const d = props.dashboard;
  const app = d.application;
  const base = `/${lang}/companies/${d.id}`;
  const owner = can(d.role, "account.submit");
  const day = (iso: string) => formatDate(lang, new Date(`${iso}T12:00:00Z`));
  const status = d.membershipStatus;
  const changes = app.changes;
  return (
    <>
      {(status === "member" || status === "revalidation-due") && app.memberSince && app.anniversaryOn ? (
        <gcds-text data-testid="member-since">{x.memberSince(day(app.memberSince), day(app.anniversaryOn))}</gcds-text>
      ) : null}
      {status === "revalidation-due" && app.anniversaryOn ? (
        <Notice role="warning" title={x.dashboardRevalidationDueTitle}>
          <gcds-text>{x.dashboardRevalidationDue(day(addCalendarDays(app.anniversaryOn, REVALIDATION_GRACE_DAYS)))}</gcds-text>
        </Notice>
      ) : null}
      {status === "member" && !owner ? <gcds-text>{x.dashboardChangesOwnerOnly}</gcds-text> : null}
      {changes ? (
        <section data-testid="dashboard-changes">
          <gcds-heading tag="h3">{x.changesTitle}</gcds-heading>
          {changes.block === "under-review" ? (
            <gcds-text>{x.dashboardChangesInReview}</gcds-text>
          ) : changes.differences.length === 0 ? (
            <gcds-text>{x.dashboardNoChanges}</gcds-text>
          ) : (
            <>
              <gcds-text>{x.dashboardChanges(changes.differences.length)}</gcds-text>
              <ul class="ttp-list" data-testid="changes-list">
                {changes.differences.slice(0, CHANGES_SHOWN).map((diff) => (
                  <li>
                    {changeWhere(props.c, diff, changes.divisions)} ({x.changeKinds[diff.change]?.toLocaleLowerCase(lang === "fr" ? "fr-CA" : "en-CA")})
                  </li>
                ))}
                {changes.differences.length > CHANGES_SHOWN ? <li>{x.dashboardMoreChanges(changes.differences.length - CHANGES_SHOWN)}</li> : null}
              </ul>
              {changes.block === "not-ready" ? <gcds-text>{x.blocked["not-ready"]}</gcds-text> : null}
              <div class="ttp-actions">
                <gcds-button type="link" href={`${base}/changes/submit`}>
                  {x.changesButton}
                </gcds-button>
              </div>
            </>
          )}
        </section>
      ) : null}
      {status === "suspended" ? (
        <Notice role="danger" title={x.dashboardSuspended}>
          {app.actionPlan ? (
            <>
              <gcds-text>{app.actionPlan.respondedAt ? x.dashboardActionPlanSubmitted(formatDateTime(lang, app.actionPlan.respondedAt)) : x.dashboardActionPlanDue(day(app.actionPlan.dueOn))}</gcds-text>
              <gcds-text>
                <gcds-link href={`${base}/action-plan`}>{owner && !app.actionPlan.respondedAt ? x.actionPlanLink : x.actionPlanView}</gcds-link>
              </gcds-text>
            </>
          ) : null}
        </Notice>
      ) : null}
      {status === "cancelled" && app.appeal ? (
        <Notice role="danger" title={x.dashboardCancelled}>
          {app.appeal.allowed && app.appeal.endsAt ? (
            <>
              <gcds-text>{x.dashboardAppealUntil(formatDateTime(lang, app.appeal.endsAt))}</gcds-text>
              {owner ? (
                <div class="ttp-actions">
                  <gcds-button type="link" href={`${base}/appeal`}>
                    {x.appealButton}
                  </gcds-button>
                </div>
              ) : (
                <gcds-text>{x.dashboardAppealOwnerOnly}</gcds-text>
              )}
            </>
          ) : (
            <gcds-text>{x.dashboardCancellationFinal}</gcds-text>
          )}
        </Notice>
      ) : null}
    </>
  );
}

function Address(props: { address: PostalAddress }) {
  const a = props.address;
  return (
    <>
      {[a.line1, a.line2, `${a.city} ${a.region}  ${a.postalCode}`].filter(Boolean).map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

export function ProfilePage(props: { c: AppContext; profile: CompanyProfile; canUpdate: boolean; notice?: string | undefined; companyId: string }) {
  const t = m(props.c).companies;
  const lang = props.c.get("locale");
  const p = props.profile;
  const none = <span>{t.notProvided}</span>;
  return (
    <>
      <gcds-heading tag="h1">{t.profileTitle}</gcds-heading>
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      <gcds-text>{t.profileIntro}</gcds-text>
      <dl class="ttp-details" data-testid="company-profile">
        <dt>{t.legalName}</dt>
        <dd>{p.legalName}</dd>
        <dt>{t.operatingName}</dt>
        <dd>{p.operatingName ?? none}</dd>
        {p.bn9 ? (
          <>
            <dt>{t.businessNumber}</dt>
            <dd>{p.programAccount ?? formatBusinessNumber(p.bn9)}</dd>
          </>
        ) : null}
        {p.carrierCode ? (
          <>
            <dt>{t.carrierCode}</dt>
            <dd>{p.carrierCode}</dd>
          </>
        ) : null}
        <dt>{m(props.c).registration.clientNumber}</dt>
        <dd class="ttp-id">{formatClientNumber(p.clientNumber)}</dd>
        <dt>{t.businessStart}</dt>
        <dd>{p.businessStartedOn ? formatDate(lang, new Date(`${p.businessStartedOn}T12:00:00Z`)) : none}</dd>
        <dt>{t.employees}</dt>
        <dd>{p.employeeCount === null ? none : formatNumber(lang, p.employeeCount)}</dd>
        <dt>{t.website}</dt>
        <dd>{p.website ?? none}</dd>
        <dt>{t.headOffice}</dt>
        <dd>
          <Address address={p.headOffice} />
        </dd>
        <dt>{t.mailingAddress}</dt>
        <dd>{p.mailingAddress ? <Address address={p.mailingAddress} /> : t.mailingSame}</dd>
        <dt>{t.facilities}</dt>
        <dd>
          {p.facilities.length === 0 ? (
            none
          ) : (
            <ul class="ttp-list">
              {p.facilities.map((f) => (
                <li>
                  <strong>{f.name}</strong>
                  <br />
                  <Address address={f.address} />
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t.primaryContact}</dt>
        <dd>
          {p.primaryContact ? (
            <>
              {p.primaryContact.name}
              {p.primaryContact.title ? `, ${p.primaryContact.title}` : ""}
              <br />
              {p.primaryContact.phone}
              <br />
              {p.primaryContact.email}
            </>
          ) : (
            none
          )}
        </dd>
      </dl>
      {props.canUpdate ? (
        <gcds-text>
          <gcds-link href={`/${lang}/companies/${props.companyId}/profile/edit`}>{t.editProfile}</gcds-link>
        </gcds-text>
      ) : null}
      <gcds-text>
        <gcds-link href={`/${lang}/companies/${props.companyId}`}>{m(props.c).registration.dashboardTitle}</gcds-link>
      </gcds-text>
    </>
  );
}

export function ProfileEditPage(props: { c: AppContext; errors: FieldErrors; values: Values; country: "CA" | "US"; companyId: string }) {
  const t = m(props.c).companies;
  const lang = props.c.get("locale");
  const v = props.values;
  const e = props.errors;
  return (
    <>
      <gcds-heading tag="h1">{t.editProfile}</gcds-heading>
      <ErrorSummary c={props.c} errors={e} />
      <PostForm c={props.c}>
        <Input name="legalName" label={t.legalName} required errors={e} value={v.legalName} autocomplete="organization" />
        <Input name="operatingName" label={t.operatingName} hint={t.operatingNameHint} errors={e} value={v.operatingName} />
        <Input name="businessStartedOn" label={t.businessStart} hint={t.businessStartHint} errors={e} value={v.businessStartedOn} size={10} />
        <Input name="employeeCount" label={t.employees} errors={e} value={v.employeeCount} inputmode="numeric" size={10} />
        <Input name="website" label={t.website} hint={t.websiteHint} errors={e} value={v.website} autocomplete="url" />
        <fieldset class="ttp-fieldset">
          <legend>
            <gcds-heading tag="h2">{t.headOffice}</gcds-heading>
          </legend>
          <gcds-text>{t.headOfficeHint}</gcds-text>
          <AddressFields c={props.c} errors={e} values={v} country={props.country} prefix="ho_" />
        </fieldset>
        <fieldset class="ttp-fieldset">
          <legend>
            <gcds-heading tag="h2">{t.mailingAddress}</gcds-heading>
          </legend>
          <Checkbox name="mailingSame" legend={t.mailingAddress} label={t.mailingSame} errors={e} checked={v.mailingSame === "yes"} />
          <AddressFields c={props.c} errors={e} values={v} country={props.country} prefix="ml_" optional />
        </fieldset>
        <fieldset class="ttp-fieldset">
          <legend>
            <gcds-heading tag="h2">{t.facilities}</gcds-heading>
          </legend>
          <gcds-text>{t.facilitiesHint}</gcds-text>
          {Array.from({ length: FACILITY_SLOTS }, (_, i) => (
            <fieldset class="ttp-fieldset">
              <legend>{t.facilityLegend(i + 1)}</legend>
              <Input name={`f${i + 1}_name`} label={t.facilityName(i + 1)} errors={e} value={v[`f${i + 1}_name`]} />
              <AddressFields c={props.c} errors={e} values={v} country={props.country} prefix={`f${i + 1}_`} optional />
            </fieldset>
          ))}
          <gcds-text>{t.addFacilityHint}</gcds-text>
        </fieldset>
        <fieldset class="ttp-fieldset">
          <legend>
            <gcds-heading tag="h2">{t.primaryContact}</gcds-heading>
          </legend>
          <Input name="pc_name" label={t.contactName} errors={e} value={v.pc_name} autocomplete="name" />
          <Input name="pc_title" label={t.contactTitle} errors={e} value={v.pc_title} autocomplete="organization-title" />
          <Input name="pc_phone" label={t.contactPhone} type="tel" errors={e} value={v.pc_phone} autocomplete="tel" />
          <Input name="pc_email" label={t.contactEmail} type="email" errors={e} value={v.pc_email} autocomplete="email" />
        </fieldset>
        <SubmitButton>{t.saveProfile}</SubmitButton>
      </PostForm>
      <gcds-text>
        <gcds-link href={`/${lang}/companies/${props.companyId}/profile`}>{t.cancel}</gcds-link>
      </gcds-text>
    </>
  );
}
