// Who to contact and how (issue 15): the help desk, the TCCU and the Partners in Protection
// program, from the configuration (config.contacts), in the page's language. Every page that
// tells a person to contact someone shows this block instead of a bare name.
import type { AppContext } from "./context.ts";
import { CONTACT_OFFICES, DEVELOPMENT_CONTACTS, type ContactOffice, type ContactPoint } from "../config.ts";
import type { Locale } from "../domain/locale.ts";
import { messages } from "./i18n/index.ts";
import type { HelpTopic } from "./i18n/help.en.ts";
import { IdsInText } from "./identifier.tsx";

export type Contacts = Readonly<Record<ContactOffice, ContactPoint>>;

declare module "hono" {
  interface ContextVariableMap {
    /** The configured contact block (set once per request by the app, from config.contacts). */
    contacts: Contacts;
  }
}

/** The configured contact details, or the development defaults where no app set them (unit renders). */
export function contactsOf(c: AppContext): Contacts {
  return c.get("contacts") ?? DEVELOPMENT_CONTACTS;
}

/** A telephone number as a tel: address (digits and a leading +1 for a North American number). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, "");
  if (digits.startsWith("+")) return `tel:${digits}`;
  return `tel:+${digits.length === 10 ? `1${digits}` : digits}`;
}

function Details(props: { locale: Locale; point: ContactPoint }) {
  const t = messages(props.locale).contact;
  return (
    <dl class="ttp-details">
      <dt>{t.phone}</dt>
      <dd>
        <a class="ttp-id" href={telHref(props.point.phone)}>
          {props.point.phone}
        </a>
      </dd>
      <dt>{t.email}</dt>
      <dd>
        <a href={`mailto:${props.point.email}`}>{props.point.email}</a>
      </dd>
      <dt>{t.hours}</dt>
      {/* "8:30 a.m.", "16 h 30": each time stays on one line. */}
      <dd>
        <IdsInText text={props.point.hours[props.locale]} />
      </dd>
    </dl>
  );
}

/**
 * One office's contact details under a heading: its name, what it helps with, telephone,
 * email and hours. `headingTag` fits the page's outline (h2 on most pages).
 */
export function ContactBlock(props: { c: AppContext; office: ContactOffice; headingTag?: "h2" | "h3"; withPurpose?: boolean }) {
  const locale = props.c.get("locale");
  const t = messages(locale).contact;
  const office = t.offices[props.office];
  return (
    <section class="ttp-contact" data-testid={`contact-${props.office}`}>
      <gcds-heading tag={props.headingTag ?? "h2"}>{office.name}</gcds-heading>
      {props.withPurpose === false ? null : <gcds-text>{office.purpose}</gcds-text>}
      <Details locale={locale} point={contactsOf(props.c)[props.office]} />
    </section>
  );
}

/** Every office, in order (the contact page). */
export function AllContacts(props: { c: AppContext; headingTag?: "h2" | "h3" }) {
  return (
    <>
      {CONTACT_OFFICES.map((office) => (
        <ContactBlock c={props.c} office={office} {...(props.headingTag ? { headingTag: props.headingTag } : {})} />
      ))}
    </>
  );
}

/** The link to the contact page, for pages that show one office and point to the rest. */
export function ContactPageLink(props: { c: AppContext }) {
  const locale = props.c.get("locale");
  return (
    <gcds-text>
      <gcds-link href={`/${locale}/contact`}>{messages(locale).contact.allWays}</gcds-link>
    </gcds-text>
  );
}

/** The help page's address (features/help), with a topic's anchor: `/en/help#users`. */
export function helpHref(locale: Locale, topic?: HelpTopic): string {
  return topic ? `/${locale}/help#${topic}` : `/${locale}/help`;
}
