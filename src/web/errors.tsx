// Error pages in the page's language (SEC-6): a clear message, never a stack trace.
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppContext } from "./context.ts";
import { messages } from "./i18n/index.ts";
import { renderPage } from "./render.tsx";

export type ErrorKind = "notFound" | "serverError" | "badRequest" | "tooLarge" | "forbidden" | "csrf";

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  notFound: 404,
  serverError: 500,
  badRequest: 400,
  tooLarge: 413,
  forbidden: 403,
  csrf: 403,
};

export function errorPage(c: AppContext, kind: ErrorKind): Response | Promise<Response> {
  const t = messages(c.get("locale")).errors;
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
      {kind === "serverError" ? <gcds-text size="small">{t.reference(c.get("requestId"))}</gcds-text> : null}
      <gcds-text>
        <gcds-link href={`/${c.get("locale")}`}>{t.goHome}</gcds-link>
      </gcds-text>
    </>,
    STATUS[kind],
  );
}
