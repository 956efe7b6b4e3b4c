// One browser journey of the Sign-In Partner's sign-out against an independently configured
// provider (test/helpers/partner-provider.ts): the sign-out form posts to the portal, whose
// CSP allows forms to post only to itself (form-action 'self'), so the portal answers with a
// page that sends Chromium on to the provider's end_session_endpoint (Refresh). This checks
// that Chromium really gets there and back to the signed-out page, with no CSP violation.
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { Hono } from "hono";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { browserTests, launchBrowser, startServer, watchProblems, type RunningServer } from "./helpers/browser.ts";
import { startTestProvider, type TestProvider } from "./helpers/partner-provider.ts";
import type { AppEnv } from "../src/web/context.ts";
import { PARTNER_CALLBACK_PATH } from "../src/web/paths.ts";

const { describe, it, before, after } = browserTests();

describe("the Sign-In Partner's sign-out in a browser", () => {
  let server: RunningServer;
  let provider: TestProvider;
  let portal: TestPortal;
  let chromium: Browser;
  before(async () => {
    const holder: { app?: Hono<AppEnv> } = {};
    const front = new Hono<AppEnv>();
    front.all("*", (c) => holder.app!.fetch(c.req.raw, c.env));
    server = await startServer(front);
    provider = await startTestProvider({ portalBaseUrl: server.baseUrl, callbackPath: PARTNER_CALLBACK_PATH });
    portal = await createTestPortal({ env: { BASE_URL: server.baseUrl, PARTNER_ISSUER: provider.issuer, PARTNER_CLIENT_ID: provider.clientId, PARTNER_CLIENT_SECRET: provider.clientSecret } });
    holder.app = portal.app;
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
    await server?.close();
    await provider?.stop();
    await portal?.close();
  });

  for (const lang of ["en", "fr"] as const) {
    it(`goes through the provider's end_session_endpoint back to the signed-out page (${lang})`, async () => {
      const context = await chromium.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${server.baseUrl}/${lang}/sign-in/partner`);
      await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/interaction/`));
      await page.getByLabel("Username").fill(`browser-${lang}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(`${server.baseUrl}/${lang}/sign-in/profile`);

      // The sign-out form as the page chrome posts it, with the page's CSRF proof.
      const ended = provider.endSessions.length;
      await page.evaluate((action) => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = action;
        const csrf = document.createElement("input");
        csrf.type = "hidden";
        csrf.name = "_csrf";
        csrf.value = document.querySelector<HTMLInputElement>("input[name=_csrf]")!.value;
        form.append(csrf);
        document.body.append(form);
        form.submit();
      }, `/${lang}/sign-out`);
      await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/session/end`));
      assert.equal(provider.endSessions.length, ended + 1);
      await page.getByRole("button", { name: "Yes, sign me out" }).click();
      await page.waitForURL(`${server.baseUrl}/${lang}/sign-in?signedOut=1`);
      await page.getByText(lang === "en" ? "You are signed out." : "Votre session est fermée.").first().waitFor();
      assert.deepEqual(
        problems.filter((p) => /Content Security Policy|form-action/i.test(p)),
        [],
      );
      await context.close();
    });
  }
});
