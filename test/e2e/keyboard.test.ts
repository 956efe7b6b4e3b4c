// A keyboard-only person in a real browser, in English and in French (issue 15, WCAG 2.1.1,
// 2.4.3, 3.3.1, 4.1.3, 2.2.1): no clicks, only Tab, Shift+Tab, Enter, Space, the arrow keys and
// Escape through page.keyboard. From the home page they create a GCKey with a password that is
// too short: the form comes back with its title starting "Error: " and focus on the error
// summary; its link moves focus into the password field, which they fix. They choose their
// language with the arrow keys, send the multi-factor terms without agreeing (focus on the
// summary again, its link into the checkbox, Space ticks it), enter the code and accept the
// terms. On the account page (320 px wide without sideways scrolling) the idle warning opens;
// Escape closes it, a status message says the session was extended, and the server agrees: the
// session outlives the 20 minutes it would have had. axe checks every page.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserPortalSuite, browserTests, expectAccessible, waitForComponents, watchProblems } from "../helpers/browser.ts";
import { horizontalOverflow } from "../helpers/every-page.ts";
import { PASSWORD, latestCode } from "../helpers/identity.ts";
import { messages } from "../../src/web/i18n/index.ts";
import { IDLE_WARNING_MS } from "../../src/web/render.tsx";
import { SESSION_IDLE_MS } from "../../src/platform/sessions.ts";

const { describe, it, before, after } = browserTests();

type Lang = "en" | "fr";

/** What the title of a page with errors starts with, as a person reads it. */
const ERROR_TITLE: Record<Lang, string> = { en: "Error: ", fr: "Erreur\u00a0: " };

/** Where the keyboard focus is, looking through the design system's shadow roots. */
interface Focus {
  tag: string;
  id: string;
  role: string;
  type: string;
  checked: boolean;
  /** The element's text, or its innermost host's (a gcds-button's or gcds-link's slotted words). */
  text: string;
  /** The custom elements the focus is inside, outermost first ("gcds-error-summary", "gcds-link"). */
  hosts: string[];
  /** The ids of those hosts, outermost first. */
  hostIds: string[];
}

async function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    let el = document.activeElement;
    const hosts: Element[] = [];
    while (el?.shadowRoot?.activeElement) {
      hosts.push(el);
      el = el.shadowRoot.activeElement;
    }
    const own = el instanceof HTMLElement ? el.innerText.trim() : "";
    const host = hosts.at(-1);
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      id: el?.id ?? "",
      role: el?.getAttribute("role") ?? "",
      type: el?.getAttribute("type") ?? "",
      checked: el instanceof HTMLInputElement ? el.checked : false,
      text: (own || (host instanceof HTMLElement ? host.innerText.trim() : "") || el?.getAttribute("aria-label") || "").replace(/\s+/g, " "),
      hosts: hosts.map((h) => h.tagName.toLowerCase()),
      hostIds: hosts.map((h) => h.id),
    };
  });
}

function describeFocus(f: Focus): string {
  return `${[...f.hosts, f.tag].join(" > ")}#${f.id} "${f.text.slice(0, 60)}"`;
}

/**
 * Presses Tab (or Shift+Tab) until the focus is where `wanted` says, and returns it; fails,
 * naming every stop, when it never gets there. This is how a keyboard user finds a control.
 */
async function tabTo(page: Page, label: string, wanted: (f: Focus) => boolean, options: { back?: boolean; max?: number } = {}): Promise<Focus> {
  const stops: string[] = [];
  for (let i = 0; i < (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
    const f = await focus(page);
    if (wanted(f)) return f;
    stops.push(describeFocus(f));
  }
  assert.fail(`Tab never reached ${label}; it stopped at:\n${stops.join("\n")}`);
}

const field = (id: string) => (f: Focus) => f.tag === "input" && f.id === id;
const named = (text: string, tags = ["a", "button"]) => (f: Focus) => tags.includes(f.tag) && f.text === text;

/** Tabs to the field `id`, and types `text` into it. */
async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, `the field ${id}`, field(id));
  await page.keyboard.type(text);
}

/** Presses `key` where the focus is, and waits for the page it loads and its components. */
async function pressAndLoad(page: Page, key: string): Promise<void> {
  const loaded = page.waitForEvent("load");
  await page.keyboard.press(key);
  await loaded;
  await waitForComponents(page);
}

/** Waits until the focus is on the error summary's box (in its shadow root), and checks the title. */
async function expectFocusOnErrorSummary(page: Page, lang: Lang, label: string): Promise<void> {
  await page
    .waitForFunction(() => {
      const summary = document.activeElement;
      return summary?.tagName === "GCDS-ERROR-SUMMARY" && summary.shadowRoot?.activeElement?.getAttribute("role") === "alert";
    })
    .catch(async () => assert.fail(`${label}: focus is not on the error summary but on ${describeFocus(await focus(page))}`));
  const title = await page.title();
  assert.ok(title.startsWith(ERROR_TITLE[lang]), `${label}: the title says there are errors: ${JSON.stringify(title)}`);
}

describe("a keyboard-only person", () => {
  const suite = browserPortalSuite({ before, after });

  for (const lang of ["en", "fr"] as const) {
    const t = messages(lang);
    const m = t.identity;

    it(`signs up, fixes a form's errors from its summary and keeps the session with Escape (${lang})`, async () => {
      const context = await suite.browser.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA", viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const email = `keyboard.${lang}@example.ca`;

      await page.goto(`${suite.server.baseUrl}/${lang}`);
      await waitForComponents(page);
      await tabTo(page, "the sign-in link", named(t.home.signInButton));
      await pressAndLoad(page, "Enter");
      assert.equal(new URL(page.url()).pathname, `/${lang}/sign-in`);
      await expectAccessible(page, `keyboard-${lang}-1-chooser`);
      await tabTo(page, "Continue with GCKey", named(m.gckeyButton));
      await pressAndLoad(page, "Enter");
      await tabTo(page, "Create a GCKey", named(m.createGckeyLink));
      await pressAndLoad(page, "Enter");
      assert.equal(new URL(page.url()).pathname, `/${lang}/gckey/create`);
      await expectAccessible(page, `keyboard-${lang}-2-create`);
      assert.ok(!(await page.title()).startsWith(ERROR_TITLE[lang]), "no error in the title before the form is sent");

      // A password that is too short: the form comes back with errors.
      await typeInto(page, "username", `keys${lang}user01`);
      await typeInto(page, "password", "blue kayak");
      await typeInto(page, "confirmPassword", "blue kayak");
      await typeInto(page, "answer-school", "Lisgar");
      await typeInto(page, "answer-street", "Elgin");
      await typeInto(page, "answer-book", "Maria Chapdelaine");
      await tabTo(page, "the create button", named(m.createGckeyButton, ["button"]));
      await pressAndLoad(page, "Enter");
      assert.equal(new URL(page.url()).pathname, `/${lang}/gckey/create`, "the form posts back to its own page");
      await expectFocusOnErrorSummary(page, lang, "create");
      await expectAccessible(page, `keyboard-${lang}-3-create-errors`);

      // The summary's link moves focus into the field; the person fixes it.
      const link = await tabTo(page, "the summary's link", (f) => f.tag === "a" && f.hosts[0] === "gcds-error-summary", { max: 3 });
      assert.equal(link.text, m.passwordTooShort(12), "the summary's first link names the password's problem");
      await page.keyboard.press("Enter");
      const into = await focus(page);
      assert.deepEqual([into.tag, into.id, into.type], ["input", "password", "password"], `focus moved into the password field, not ${describeFocus(into)}`);
      await page.keyboard.type(PASSWORD);
      await typeInto(page, "confirmPassword", PASSWORD);
      const back = await tabTo(page, "the password field again", field("password"), { back: true, max: 3 });
      assert.equal(back.type, "password", "Shift+Tab goes back to the password field");
      await tabTo(page, "the create button", named(m.createGckeyButton, ["button"]));
      await pressAndLoad(page, "Enter");

      // The profile: the language chosen with the arrow keys.
      assert.equal(new URL(page.url()).pathname, `/${lang}/sign-in/profile`);
      assert.ok(!(await page.title()).startsWith(ERROR_TITLE[lang]));
      await expectAccessible(page, `keyboard-${lang}-4-profile`);
      await typeInto(page, "givenName", "Robin");
      await typeInto(page, "familyName", "Lévesque");
      await typeInto(page, "email", email);
      await typeInto(page, "phone", "613-555-0150");
      const radio = await tabTo(page, "the language radios", (f) => f.tag === "input" && f.type === "radio");
      assert.deepEqual([radio.id, radio.checked], [`preferredLocale-${lang}`, true], "the page's language is chosen at first");
      await page.keyboard.press(lang === "en" ? "ArrowDown" : "ArrowUp");
      assert.equal((await focus(page)).id, `preferredLocale-${lang === "en" ? "fr" : "en"}`, "an arrow key moves to the other language");
      await page.keyboard.press(lang === "en" ? "ArrowUp" : "ArrowDown");
      const chosen = await focus(page);
      assert.deepEqual([chosen.id, chosen.checked], [`preferredLocale-${lang}`, true], "and back");
      await tabTo(page, "the create-profile button", named(m.createProfileButton, ["button"]));
      await pressAndLoad(page, "Enter");

      // The multi-factor terms, sent without agreeing: the summary's link leads into the checkbox.
      assert.equal(new URL(page.url()).pathname, `/${lang}/sign-in/mfa-terms`);
      await tabTo(page, "the continue button", named(m.continueButton, ["button"]));
      await pressAndLoad(page, "Enter");
      await expectFocusOnErrorSummary(page, lang, "mfa-terms");
      await expectAccessible(page, `keyboard-${lang}-5-mfa-terms-errors`);
      const agreeLink = await tabTo(page, "the summary's link", (f) => f.tag === "a" && f.hosts[0] === "gcds-error-summary", { max: 3 });
      assert.equal(agreeLink.text, t.forms.mustAgree);
      await page.keyboard.press("Enter");
      const box = await focus(page);
      assert.deepEqual([box.tag, box.type, box.id, box.hostIds[0]], ["input", "checkbox", "agree", "agree"], `focus moved into the checkbox, not ${describeFocus(box)}`);
      await page.keyboard.press("Space");
      assert.equal((await focus(page)).checked, true, "Space ticks the box");
      await tabTo(page, "the continue button", named(m.continueButton, ["button"]));
      await pressAndLoad(page, "Enter");

      // The code page: one primary action, the others are links.
      assert.equal(new URL(page.url()).pathname, `/${lang}/sign-in/code`);
      await expectAccessible(page, `keyboard-${lang}-6-code`);
      assert.equal(await page.locator("gcds-button").count(), 1, "one button on the code page: Verify");
      await typeInto(page, "code", await latestCode(suite.portal, email));
      await tabTo(page, "the verify button", named(m.verifyButton, ["button"]));
      await pressAndLoad(page, "Enter");

      assert.equal(new URL(page.url()).pathname, `/${lang}/sign-in/terms`);
      await tabTo(page, "the terms checkbox", (f) => f.tag === "input" && f.id === "agree");
      await page.keyboard.press("Space");
      await tabTo(page, "the accept button", named(m.acceptButton, ["button"]));
      await pressAndLoad(page, "Enter");
      assert.equal(new URL(page.url()).pathname, `/${lang}/registration`);

      // The account page, with the browser's clock under the test's hand for the idle warning.
      await page.clock.install();
      await tabTo(page, "the account link", named(m.accountTitle, ["a"]));
      await pressAndLoad(page, "Enter");
      assert.equal(new URL(page.url()).pathname, `/${lang}/account`);
      await expectAccessible(page, `keyboard-${lang}-7-account`);
      await page.setViewportSize({ width: 320, height: 800 });
      assert.equal(await horizontalOverflow(page), 0, "the account page does not scroll sideways at 320 px");
      if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/keyboard-${lang}-7-account-320.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      // The warning opens 2 minutes before the session would end; the server's clock goes along.
      const quietMs = SESSION_IDLE_MS - IDLE_WARNING_MS;
      suite.portal.clock.advance(quietMs);
      await page.clock.fastForward(quietMs);
      const dialog = page.locator("dialog#session-timeout");
      await dialog.waitFor({ state: "visible" });
      const offered = await focus(page);
      assert.deepEqual([offered.tag, offered.text], ["button", m.staySignedIn], "the warning's focus is on Stay signed in");
      await expectAccessible(page, `keyboard-${lang}-8-idle-warning`);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      const status = page.getByRole("status").filter({ hasText: m.sessionExtended });
      await status.waitFor();
      assert.equal(await status.innerText(), m.sessionExtended, "a status message says the session was extended");
      await expectAccessible(page, `keyboard-${lang}-9-extended`);

      // 19 minutes after the warning (37 after the last page), the session still lives: Escape
      // extended it. Without a request for another 21 minutes, it ends.
      suite.portal.clock.advance(SESSION_IDLE_MS - 60_000);
      await tabTo(page, "the account link", named(m.accountTitle, ["a"]), { back: true });
      await pressAndLoad(page, "Enter");
      assert.equal(new URL(page.url()).pathname, `/${lang}/account`, "still signed in after Escape");
      suite.portal.clock.advance(SESSION_IDLE_MS + 60_000);
      await page.reload();
      assert.equal(new URL(page.url()).pathname, `/${lang}/sign-in`, "an idle session does end: the check above could fail");

      // The two forms sent with errors answered 422, as they must; nothing else went wrong.
      const expected422 = [`http 422: /${lang}/gckey/create`, `http 422: /${lang}/sign-in/mfa-terms`];
      assert.deepEqual(
        problems.filter((p) => p.startsWith("http ")),
        expected422,
      );
      assert.deepEqual(
        problems.filter((p) => !p.startsWith("http ") && !p.includes("status of 422")),
        [],
      );
      await context.close();
    });
  }
});
