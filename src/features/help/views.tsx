// The help page and the Contact us page (issue 15). Public: they read nothing but the
// catalogue, the permission matrix and the configured contact details.
import type { AppContext } from "../../web/context.ts";
import { messages } from "../../web/i18n/index.ts";
import { HELP_TOPICS, type HelpTopic, type HelpTopicText } from "../../web/i18n/help.en.ts";
import { COMPANY_ROLES, matrixRows } from "../../domain/permissions.ts";
import { AllContacts, helpHref } from "../../web/contact.tsx";
import { Table } from "../../web/table.tsx";

function Topic(props: { id: HelpTopic; text: HelpTopicText; children?: unknown }) {
  const { text } = props;
  const items = text.list?.map((item) => <li>{item}</li>);
  return (
    <section id={props.id} data-testid={`help-${props.id}`}>
      <gcds-heading tag="h2">{text.title}</gcds-heading>
      {text.paragraphs.map((p) => (
        <gcds-text>{p}</gcds-text>
      ))}
      {items ? text.ordered ? <ol class="ttp-list">{items}</ol> : <ul class="ttp-list">{items}</ul> : null}
      {props.children}
    </section>
  );
}

/** USR-2's table as the help page shows it, generated from the matrix (never a second copy). */
function RolesTable(props: { c: AppContext }) {
  const t = messages(props.c.get("locale"));
  const table = t.help.rolesTable;
  return (
    <Table caption={table.caption} class="ttp-roles-table" testid="roles-table">
        <thead>
          <tr>
            <th scope="col">{table.action}</th>
            {COMPANY_ROLES.map((role) => (
              <th scope="col">{t.users.roles[role]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrixRows().map((row) => (
            <tr>
              <th scope="row">{table.actions[row.action]}</th>
              {COMPANY_ROLES.map((role) => (
                <td>{row.allowed.includes(role) ? table.yes : table.no}</td>
              ))}
            </tr>
          ))}
        </tbody>
    </Table>
  );
}

export function HelpPage(props: { c: AppContext }) {
  const lang = props.c.get("locale");
  const t = messages(lang);
  const h = t.help;
  return (
    <>
      <gcds-heading tag="h1">{h.title}</gcds-heading>
      <gcds-text>{h.lead}</gcds-text>
      <nav aria-label={h.onThisPage}>
        <gcds-heading tag="h2">{h.onThisPage}</gcds-heading>
        <ul class="ttp-list" data-testid="help-contents">
          {HELP_TOPICS.map((id) => (
            <li>
              <a href={`#${id}`}>{h.topics[id].title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {HELP_TOPICS.map((id) => (
        <Topic id={id} text={h.topics[id]}>
          {id === "roles" ? (
            <>
              <dl class="ttp-details">
                {COMPANY_ROLES.map((role) => (
                  <>
                    <dt>{t.users.roles[role]}</dt>
                    <dd>{t.users.roleHints[role]}</dd>
                  </>
                ))}
              </dl>
              <RolesTable c={props.c} />
            </>
          ) : null}
        </Topic>
      ))}
      <section>
        <gcds-heading tag="h2">{h.moreHelpTitle}</gcds-heading>
        <gcds-text>
          {h.moreHelp} <gcds-link href={`/${lang}/contact`}>{h.contactLink}</gcds-link>
        </gcds-text>
      </section>
    </>
  );
}

export function ContactPage(props: { c: AppContext }) {
  const lang = props.c.get("locale");
  const t = messages(lang).contact;
  return (
    <>
      <gcds-heading tag="h1">{t.title}</gcds-heading>
      <gcds-text>{t.lead}</gcds-text>
      <AllContacts c={props.c} />
      <gcds-text>{t.referenceTip}</gcds-text>
      <gcds-text>
        <gcds-link href={helpHref(lang)}>{t.helpLink}</gcds-link>
      </gcds-text>
    </>
  );
}
