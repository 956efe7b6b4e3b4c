// The public pages in a real browser, in English and French: the home page, the language
// toggle, a not-found page and an error page, each checked with axe; nothing loads from
// another origin and nothing breaks the CSP.
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { createTestPortal, type TestPortal } from "../helpers/app.ts";
import { browserTests, expectAccessible, launchBrowser, pageHeading, startServer, watchProblems, type RunningServer } from "../helpers/browser.ts";

const { describe, it, before, after } = browserTests();

describe("public pages in the browser", () => {
  let portal: TestPortal;
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    portal = await createTestPortal();
    server = await startServer(portal.app);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await portal?.close();
  });

  for (const [lang, other, h1, toggleName, notFound, serverError] of [
    ["en", "fr", "Trusted Trader Portal", "Français", "We couldn't find that page", "Something went wrong"],
    ["fr", "en", "Portail des négociants dignes de confiance", "English", "Nous ne pouvons trouver cette page", "Un problème est survenu"],
  ] as const) {
    it(`shows the home page, toggles language, and explains errors (${lang})`, async () => {
      const context = await browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const external: string[] = [];
      page.on("request", (req) => {
        if (!req.url().startsWith(server.baseUrl) && !req.url().startsWith("data:")) external.push(req.url());
      });

      // The root sends the browser to its language.
      await page.goto(`${server.baseUrl}/`);
      assert.equal(new URL(page.url()).pathname, `/${lang}`);
      await expectAccessible(page, `home-${lang}`);
      assert.equal(await pageHeading(page), h1);
      assert.equal(await page.locator("html").getAttribute("lang"), lang);
      await page.getByText(lang === "en" ? "Microsoft Edge or Google Chrome" : "Microsoft Edge ou Google Chrome").waitFor();

      // The skip link leads to the main content.
      await page.keyboard.press("Tab");
      const skip = lang === "en" ? "Skip to main content" : "Passer au contenu principal";
      await page.getByRole("link", { name: skip }).waitFor();
      await page.keyboard.press("Enter");
      // The jump is asynchronous: wait for it rather than read the address at once.
      await page.waitForURL((url) => url.hash === "#main-content");

      // The language toggle leads to the same page in the other language.
      await page.getByRole("link", { name: toggleName }).click();
      await page.waitForURL(`${server.baseUrl}/${other}`);
      await expectAccessible(page, `home-${other}-via-toggle-from-${lang}`);

      const missing = await page.goto(`${server.baseUrl}/${lang}/no-such-page`);
      assert.equal(missing?.status(), 404);
      await expectAccessible(page, `not-found-${lang}`);
      assert.equal(await pageHeading(page), notFound);

      const broken = await page.goto(`${server.baseUrl}/${lang}/__test/error`);
      assert.equal(broken?.status(), 500);
      await expectAccessible(page, `error-${lang}`);
      assert.equal(await pageHeading(page), serverError);

      // The 404 and 500 loads above log "Failed to load resource" by design; nothing else may.
      const unexpected = problems.filter((p) => !/status of (404|500)|http (404|500): \/(en|fr)\/(no-such-page|__test\/error)$/.test(p));
      assert.deepEqual(unexpected, []);
      assert.deepEqual(external, [], "everything comes from our own origin");
      await context.close();
    });
  }
});
