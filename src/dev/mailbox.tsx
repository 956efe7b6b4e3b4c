// The development mailbox: messages "sent" while no SMTP server is configured, newest
// first. Mounted only outside production.
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../web/context.ts";
import { formatDateTime, messages } from "../web/i18n/index.ts";
import { IdsInText } from "../web/identifier.tsx";
import { Table } from "../web/table.tsx";
import { renderPage } from "../web/render.tsx";
import { errorPage } from "../web/errors.tsx";
import { LANG } from "../web/paths.ts";

export function mailboxRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(`${LANG}/dev/mailbox`, async (c) => {
    const locale = c.get("locale");
    const t = messages(locale).mailbox;
    const rows = await deps.db
      .selectFrom("dev_mailbox")
      .select(["id", "to_address", "subject", "received_at"])
      .orderBy("id", "desc")
      .limit(200)
      .execute();
    return renderPage(
      c,
      t.title,
      <>
        <gcds-heading tag="h1">{t.title}</gcds-heading>
        <gcds-text>{t.intro}</gcds-text>
        {rows.length === 0 ? (
          <gcds-text>{t.empty}</gcds-text>
        ) : (
          <Table caption={t.title} hideCaption>
            <thead>
              <tr>
                <th scope="col">{t.received}</th>
                <th scope="col">{t.to}</th>
                <th scope="col">{t.subject}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr>
                  <td>{formatDateTime(locale, new Date(m.received_at))}</td>
                  <td>{m.to_address}</td>
                  <td>
                    <a href={`/${locale}/dev/mailbox/${m.id}`}>{m.subject}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </>,
    );
  });

  app.get(`${LANG}/dev/mailbox/:id{[0-9]{1,18}}`, async (c) => {
    const locale = c.get("locale");
    const t = messages(locale).mailbox;
    const m = await deps.db.selectFrom("dev_mailbox").selectAll().where("id", "=", c.req.param("id")).executeTakeFirst();
    if (!m) return errorPage(c, "notFound");
    return renderPage(
      c,
      t.messageTitle(m.subject),
      <>
        <gcds-heading tag="h1">{t.messageTitle(m.subject)}</gcds-heading>
        <dl class="ttp-details">
          <dt>{t.to}</dt>
          <dd>{m.to_address}</dd>
          <dt>{t.received}</dt>
          <dd>{formatDateTime(locale, new Date(m.received_at))}</dd>
        </dl>
        <pre class="ttp-pre" data-testid="mail-body">
          <IdsInText text={m.text_body} />
        </pre>
        <gcds-text>
          <gcds-link href={`/${locale}/dev/mailbox`}>{t.back}</gcds-link>
        </gcds-text>
      </>,
    );
  });

  return app;
}
