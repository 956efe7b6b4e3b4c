// The public home page (/en, /fr): what the portal is for, how to get in, supported browsers.
import { Hono } from "hono";
import type { AppEnv } from "../../web/context.ts";
import { messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { preferredLocale } from "../../web/middleware/request.ts";
import { LANG } from "../../web/paths.ts";

export function homeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/", (c) => c.redirect(`/${preferredLocale(c.req.header("accept-language"))}`, 302));

  app.get(LANG, (c) => {
    const t = messages(c.get("locale")).home;
    return renderPage(
      c,
      t.title,
      <>
        <gcds-heading tag="h1">{t.title}</gcds-heading>
        <gcds-text>{t.lead}</gcds-text>
        <gcds-button type="link" button-role="start" href={`/${c.get("locale")}/sign-in`}>
          {t.signInButton}
        </gcds-button>

        <gcds-notice notice-role="info" notice-title-tag="h2" notice-title={t.browsersTitle}>
          <gcds-text>{t.browsers}</gcds-text>
        </gcds-notice>

        <gcds-heading tag="h2">{t.credentialsTitle}</gcds-heading>
        <gcds-text>{t.credentialsIntro}</gcds-text>
        <gcds-heading tag="h3">{t.gckeyTitle}</gcds-heading>
        <gcds-text>{t.gckey}</gcds-text>
        <gcds-heading tag="h3">{t.partnerTitle}</gcds-heading>
        <gcds-text>{t.partner}</gcds-text>
        <gcds-text>{t.urn}</gcds-text>

        <gcds-heading tag="h2">{t.stepsTitle}</gcds-heading>
        <ol class="ttp-list">
          {t.steps.map((step) => (
            <li>{step}</li>
          ))}
        </ol>
        <gcds-text>{t.activationNote}</gcds-text>
      </>,
    );
  });

  return app;
}
