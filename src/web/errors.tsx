// Error pages in the page's language (SEC-6): a clear message, never a stack trace.
import { randomBytes } from "node:crypto";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext } from "./context.ts";
import { messages } from "./i18n/index.ts";
import { renderPage } from "./render.tsx";
import { ContactBlock, ContactPageLink } from "./contact.tsx";
import { PERMISSIONS, type CompanyAction } from "../domain/permissions.ts";

/** Crockford's base 32: no I, L, O or U, so a reference read over the telephone is not misheard. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A help-desk reference for an unhandled error: 8 Crockford base-32 characters (40 random
 * bits) in 2 groups, "7K4Q-9XMT", short enough to read over the telephone. The "unhandled
 * error" log line records it, so support finds the failure from what the person reads out.
 */
export function newErrorReference(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = "";
  for (let i = 0; i < 8; i++) {
    out = CROCKFORD[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** What a 403 inside a company says: the roles that may do it (USR-2), or that the account is not authorized yet (REG-7). */
export type CompanyRefusal =
  | { companyId: string; legalName: string; reason: "role"; action: CompanyAction }
  | { companyId: string; legalName: string; reason: "not-authorized" };

export interface ErrorPageOptions {
  /** serverError: the reference the log line records (newErrorReference). */
  reference?: string;
  /** forbidden: the refusal inside a company the caller belongs to. */
  company?: CompanyRefusal;
}

export type ErrorKind = "notFound" | "serverError" | "badRequest" | "tooLarge" | "forbidden" | "csrf";

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  notFound: 404,
  serverError: 500,
  badRequest: 400,
  tooLarge: 413,
  forbidden: 403,
  csrf: 403,
};

export function errorPage(c: AppContext, kind: ErrorKind, options: ErrorPageOptions = {}): Response | Promise<Response> {
  const lang = c.get("locale");
  const all = messages(lang);
  const t = all.errors;
  const texts: Record<ErrorKind, { title: string; text: string }> = {
    notFound: { title: t.notFoundTitle, text: t.notFound },
    serverError: { title: t.serverErrorTitle, text: t.serverError },
    badRequest: { title: t.badRequestTitle, text: t.badRequest },
    tooLarge: { title: t.tooLargeTitle, text: t.tooLarge },
    forbidden: { title: t.forbiddenTitle, text: t.forbidden },
    csrf: { title: t.csrfTitle, text: t.csrf },
  };
  const { title, text } = texts[kind];
  return renderPage(
    c,
    title,
    <>
      <gcds-heading tag="h1">{title}</gcds-heading>
      <gcds-text>{text}</gcds-text>
      {kind === "serverError" ? (
        <>
          <gcds-text data-testid="error-reference">{t.reference(options.reference ?? newErrorReference())}</gcds-text>
          <gcds-text>{t.serverErrorContact}</gcds-text>
          <ContactBlock c={c} office="helpDesk" withPurpose={false} />
        </>
      ) : null}
      {kind === "forbidden" && options.company ? (
        <>
          <gcds-text data-testid="refusal-reason">
            {options.company.reason === "role"
              ? t.neededRoles(PERMISSIONS[options.company.action].map((role) => all.users.roles[role]).join(", "))
              : t.notAuthorizedYet}
          </gcds-text>
          <gcds-text>
            <gcds-link href={`/${lang}/companies/${options.company.companyId}`}>{t.goToDashboard(options.company.legalName)}</gcds-link>
          </gcds-text>
        </>
      ) : (
        <gcds-text>
          <gcds-link href={`/${lang}`}>{t.goHome}</gcds-link>
        </gcds-text>
      )}
      {kind === "serverError" ? null : <ContactPageLink c={c} />}
    </>,
    STATUS[kind],
  );
}
