// The help section and the Contact us page (issue 15): /{lang}/help and /{lang}/contact, public,
// the same signed in or not (the layout shows the signed-in chrome when there is a session).
import { Hono } from "hono";
import type { AppEnv } from "../../web/context.ts";
import { messages } from "../../web/i18n/index.ts";
import { renderPage } from "../../web/render.tsx";
import { LANG } from "../../web/paths.ts";
import { ContactPage, HelpPage } from "./views.tsx";

export function helpRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(`${LANG}/help`, (c) => renderPage(c, messages(c.get("locale")).help.title, <HelpPage c={c} />));
  app.get(`${LANG}/contact`, (c) => renderPage(c, messages(c.get("locale")).contact.title, <ContactPage c={c} />));
  return app;
}
