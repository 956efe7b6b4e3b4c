// Pages of a company's users: Add and manage users, one user, adding a user (USR-3) and
// reassigning the account owner (USR-4).
import { html } from "hono/html";
import type { AppContext } from "../../web/context.ts";
import { formatDate, messages } from "../../web/i18n/index.ts";
import { Notice } from "../../web/notice.tsx";
import { ErrorSummary, Input, PostForm, Radios, SubmitButton, type FieldErrors } from "../../web/forms.tsx";
import { formatUrn } from "../../domain/urn.ts";
import { can, type CompanyRole } from "../../domain/permissions.ts";
import { OUTGOING_CHOICES, type CompanyUser, type Transferee, allowedChanges } from "./service.ts";
import type { Values } from "./schema.ts";
import { Table } from "../../web/table.tsx";

function u(c: AppContext) {
  return messages(c.get("locale")).users;
}

function base(c: AppContext): string {
  const access = c.get("companyAccess");
  return `/${c.get("locale")}/companies/${access.companyId}`;
}

function roleOptions(c: AppContext, roles: readonly CompanyRole[]) {
  const t = u(c);
  return roles.map((r) => ({ value: r, label: t.roles[r], hint: t.roleHints[r] }));
}

/**
 * One row of the users table, as an escaping template rather than JSX: a company's table can
 * hold hundreds of rows, and a JSX node per cell made rendering most of the page's time (issue
 * 14; hono/html escapes every value it is given, as JSX does).
 */
function userRow(c: AppContext, me: { personId: string; role: CompanyRole }, user: CompanyUser) {
  const t = u(c);
  const name = `${user.givenName} ${user.familyName}`;
  const allowed = allowedChanges(me, user);
  const manageable = allowed.editContact || allowed.roles.length > 0 || allowed.deactivate || allowed.reactivate;
  return html`<tr data-person="${user.personId}"><td><a href="${base(c)}/users/${user.personId}" aria-label="${manageable ? t.manageLink(name) : t.viewLink(name)}">${name}</a>${user.personId === me.personId ? ` ${t.you}` : ""}</td><td class="ttp-id">${formatUrn(user.urn)}</td><td>${t.roles[user.role]}</td><td>${t.statuses[user.status]}</td><td>${user.jobTitle ? html`${user.jobTitle}<br />` : ""}${user.email}<br />${user.phone}</td></tr>`;
}

export function UsersPage(props: { c: AppContext; users: readonly CompanyUser[]; notice?: string | undefined }) {
  const t = u(props.c);
  const access = props.c.get("companyAccess");
  const me = { personId: access.personId, role: access.role };
  return (
    <>
      <gcds-heading tag="h1">{t.listTitle}</gcds-heading>
      {props.notice ? <Notice role="success" title={props.notice} /> : null}
      <gcds-text>{t.listIntro}</gcds-text>
      <ul class="ttp-list">
        {can(access.role, "users.add") ? (
          <li>
            <a href={`${base(props.c)}/users/add`}>{t.addLink}</a>
          </li>
        ) : null}
        {can(access.role, "ownership.transfer") ? (
          <li>
            <a href={`${base(props.c)}/transfer`}>{t.transferLink}</a>
          </li>
        ) : null}
      </ul>
      <Table caption={t.tableCaption(access.legalName)} testid="users">
        <thead>
          <tr>
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colUrn}</th>
            <th scope="col">{t.colRole}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col">{t.colContact}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => userRow(props.c, me, user))}
        </tbody>
      </Table>
      <gcds-text>
        <gcds-link href={base(props.c)}>{messages(props.c.get("locale")).registration.dashboardTitle}</gcds-link>
      </gcds-text>
    </>
  );
}

function Identification(props: { c: AppContext; errors: FieldErrors; values: Values }) {
  const t = u(props.c);
  return (
    <>
      <Input name="familyName" label={t.familyName} required errors={props.errors} value={props.values.familyName} autocomplete="off" />
      <Input name="urn" label={t.urn} hint={t.urnHint} required errors={props.errors} value={props.values.urn} autocomplete="off" size={20} />
      <Input name="email" label={t.email} type="email" required errors={props.errors} value={props.values.email} autocomplete="off" />
    </>
  );
}

export function AddUserPage(props: { c: AppContext; errors: FieldErrors; values: Values; roles: readonly CompanyRole[]; refusal?: string | undefined }) {
  const t = u(props.c);
  return (
    <>
      <gcds-heading tag="h1">{t.addTitle}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      {props.refusal ? <Notice role="danger" title={props.refusal} /> : null}
      <gcds-text>{t.addIntro}</gcds-text>
      <PostForm c={props.c}>
        <Identification c={props.c} errors={props.errors} values={props.values} />
        <Radios name="role" legend={t.roleLegend} required options={roleOptions(props.c, props.roles)} errors={props.errors} value={props.values.role} />
        <SubmitButton>{t.addButton}</SubmitButton>
      </PostForm>
      <gcds-text>
        <gcds-link href={`${base(props.c)}/users`}>{t.backToUsers}</gcds-link>
      </gcds-text>
    </>
  );
}

export function UserPage(props: { c: AppContext; user: CompanyUser; errors: FieldErrors; values: Values }) {
  const t = u(props.c);
  const lang = props.c.get("locale");
  const access = props.c.get("companyAccess");
  const me = { personId: access.personId, role: access.role };
  const user = props.user;
  const self = user.personId === me.personId;
  const allowed = allowedChanges(me, user);
  const here = `${base(props.c)}/users/${user.personId}`;
  return (
    <>
      <gcds-heading tag="h1">{t.userTitle(`${user.givenName} ${user.familyName}`)}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      <dl class="ttp-details" data-testid="user">
        <dt>{t.colUrn}</dt>
        <dd class="ttp-id">{formatUrn(user.urn)}</dd>
        <dt>{t.colRole}</dt>
        <dd>{t.roles[user.role]}</dd>
        <dt>{t.colStatus}</dt>
        <dd>{t.statuses[user.status]}</dd>
        <dt>{t.email}</dt>
        <dd>{user.email}</dd>
        <dt>{t.phone}</dt>
        <dd>{user.phone}</dd>
        {user.jobTitle ? (
          <>
            <dt>{t.jobTitle}</dt>
            <dd>{user.jobTitle}</dd>
          </>
        ) : null}
        <dt>{t.addedOn}</dt>
        <dd>{formatDate(lang, user.addedAt)}</dd>
      </dl>

      {allowed.editContact ? (
        <>
          <gcds-heading tag="h2">{t.businessContactHeading}</gcds-heading>
          <gcds-text>{t.contactHint}</gcds-text>
          <PostForm c={props.c} action={self ? `${base(props.c)}/my-contact` : `${here}/contact`} id="contact">
            <Input name="jobTitle" label={t.jobTitle} errors={props.errors} value={props.values.jobTitle} autocomplete="organization-title" />
            <Input name="phone" label={t.phone} type="tel" errors={props.errors} value={props.values.phone} autocomplete="tel" />
            <Input name="email" label={t.email} type="email" errors={props.errors} value={props.values.email} autocomplete="email" />
            <SubmitButton role="secondary">{t.saveContact}</SubmitButton>
          </PostForm>
        </>
      ) : null}

      <gcds-heading tag="h2">{t.roleHeading}</gcds-heading>
      {allowed.roles.length > 0 && user.status === "active" ? (
        <PostForm c={props.c} action={`${here}/role`} id="role-form">
          <Radios name="role" legend={t.changeRoleLegend} options={roleOptions(props.c, allowed.roles)} errors={props.errors} value={props.values.role ?? user.role} />
          <SubmitButton role="secondary">{t.changeRoleButton}</SubmitButton>
        </PostForm>
      ) : (
        <gcds-text>{user.role === "owner" ? t.ownerUnchangeable : self ? t.selfUnchangeable : t.noChangeAllowed}</gcds-text>
      )}

      {allowed.deactivate || allowed.reactivate ? (
        <>
          <gcds-heading tag="h2">{t.statusHeading}</gcds-heading>
          {allowed.deactivate ? (
            <PostForm c={props.c} action={`${here}/deactivate`}>
              <gcds-text>{t.deactivateText}</gcds-text>
              <SubmitButton role="danger">{t.deactivateButton}</SubmitButton>
            </PostForm>
          ) : (
            <PostForm c={props.c} action={`${here}/reactivate`}>
              <SubmitButton>{t.reactivateButton}</SubmitButton>
            </PostForm>
          )}
        </>
      ) : null}
      <gcds-text>
        <gcds-link href={`${base(props.c)}/users`}>{t.backToUsers}</gcds-link>
      </gcds-text>
    </>
  );
}

function TransferReminder(props: { c: AppContext }) {
  const t = u(props.c);
  return (
    <Notice role="warning" title={t.transferReminderTitle}>
      <gcds-text>{t.transferReminder}</gcds-text>
    </Notice>
  );
}

function outgoingOptions(c: AppContext) {
  const t = u(c);
  return OUTGOING_CHOICES.map((o) => (o === "leave" ? { value: o, label: t.outgoingLeave, hint: t.outgoingLeaveHint } : { value: o, label: t.roles[o], hint: t.roleHints[o] }));
}

export function TransferPage(props: { c: AppContext; errors: FieldErrors; values: Values; refusal?: string | undefined }) {
  const t = u(props.c);
  return (
    <>
      <gcds-heading tag="h1">{t.transferTitle}</gcds-heading>
      <ErrorSummary c={props.c} errors={props.errors} />
      {props.refusal ? <Notice role="danger" title={props.refusal} /> : null}
      <gcds-text>{t.transferIntro}</gcds-text>
      <TransferReminder c={props.c} />
      {/* Said before the form: who cannot be identified here yet, and what they do first. */}
      <gcds-heading tag="h2">{t.notPortalUserTitle}</gcds-heading>
      <gcds-text>{t.notPortalUser}</gcds-text>
      <PostForm c={props.c}>
        <gcds-heading tag="h2">{t.transferIdentify}</gcds-heading>
        <gcds-text>{t.transferIdentifyHint}</gcds-text>
        <Identification c={props.c} errors={props.errors} values={props.values} />
        <Radios name="outgoing" legend={t.outgoingLegend} required options={outgoingOptions(props.c)} errors={props.errors} value={props.values.outgoing} />
        <SubmitButton>{t.continue}</SubmitButton>
      </PostForm>
      <gcds-text>
        <gcds-link href={`${base(props.c)}/users`}>{t.backToUsers}</gcds-link>
      </gcds-text>
    </>
  );
}

export function TransferConfirmPage(props: { c: AppContext; transferee: Transferee; values: Values }) {
  const t = u(props.c);
  const access = props.c.get("companyAccess");
  const choice = props.values.outgoing === "leave" ? t.outgoingLeave : t.roles[props.values.outgoing as CompanyRole];
  return (
    <>
      <gcds-heading tag="h1">{t.confirmTitle}</gcds-heading>
      <TransferReminder c={props.c} />
      <gcds-text>
        <strong>{t.confirmText(`${props.transferee.givenName} ${props.transferee.familyName}`, access.legalName)}</strong>
      </gcds-text>
      <gcds-text>{t.confirmOutgoing(choice)}</gcds-text>
      <PostForm c={props.c}>
        {(["familyName", "urn", "email", "outgoing"] as const).map((k) => (
          <input type="hidden" name={k} value={props.values[k]} />
        ))}
        <input type="hidden" name="confirm" value="yes" />
        <SubmitButton>{t.confirmButton}</SubmitButton>
      </PostForm>
      <PostForm c={props.c}>
        {(["familyName", "urn", "email", "outgoing"] as const).map((k) => (
          <input type="hidden" name={k} value={props.values[k]} />
        ))}
        <input type="hidden" name="edit" value="yes" />
        <SubmitButton role="secondary">{t.changeAnswers}</SubmitButton>
      </PostForm>
    </>
  );
}
