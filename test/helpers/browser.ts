// Browser tests: Debian's Chromium driven by playwright-core, with axe for accessibility.
// Where Chromium is missing each test is skipped with a clear reason — except under CI=true,
// where they fail.
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import assert from "node:assert/strict";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type Browser, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import type { Hono } from "hono";
import type { AppEnv } from "../../src/web/context.ts";
import { createTestPortal, type TestPortal } from "./app.ts";
import { skipUnless, type ConditionalTests } from "./skip.ts";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * `describe`, `it` and the hooks for browser tests: where Chromium is missing each test is
 * reported as skipped, with the reason; under CI=true a missing Chromium is a failure.
 */
export function browserTests(): ConditionalTests {
  const found = existsSync(chromiumPath);
  if (!found && process.env.CI === "true") throw new Error(`CI=true but Chromium is missing at ${chromiumPath}: browser tests must run in CI`);
  return skipUnless(found, `browser tests skipped: Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

export interface RunningServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves an app on 127.0.0.1. Pass a factory when the app must know its own address. */
export async function startServer(app: Hono<AppEnv> | ((baseUrl: string) => Promise<Hono<AppEnv>>)): Promise<RunningServer> {
  let handler: Hono<AppEnv> | undefined = typeof app === "function" ? undefined : app;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: (req, env) => handler!.fetch(req, env), port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  if (typeof app === "function") handler = await app(baseUrl);
  return {
    baseUrl,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until the design system's components have rendered. */
export async function waitForComponents(page: Page): Promise<void> {
  // Every design-system element of the page, not only the chrome: axe once measured the
  // contrast of a gcds-input's hint while that input was still drawing itself (a flaky
  // color-contrast on the PostgreSQL run). Then two frames, so its styles are applied.
  await page.waitForFunction(() => [...document.querySelectorAll("*")].every((el) => !el.localName.startsWith("gcds-") || el.classList.contains("hydrated")));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** What every page is checked against: WCAG 2.1 A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * Fails with a readable list when axe finds any WCAG 2.1 A/AA (or best-practice) violation on
 * the page.
 *
 * Every rule still runs on every element of the page, shadow roots included; two things make
 * it ~3 times cheaper than AxeBuilder's default (measured on 2 cores, the suite running: ~1.6 s
 * to ~0.6 s on a small page, ~13 s to ~3.5 s on the review case page):
 * - axe.run in the page itself (legacy mode), not runPartial there and finishRun in a second,
 *   blank page, which injects axe twice and opens a page per check. The portal's pages have no
 *   iframes; same-origin frames would still be checked.
 * - only the violations are reported in full (`resultTypes`); passes, incomplete and
 *   inapplicable keep one node each. The default serialises every node every rule looked at —
 *   a CSS selector, an XPath and an ancestry each, quadratic on a page of thousands of elements
 *   — and this check reads only the violations. The violations are the same, node for node.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  assert.deepEqual(await axeViolations(page), [], `axe violations on ${label}`);
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/${label.replace(/[^a-z0-9-]+/gi, "_")}.png`, fullPage: true });
  }
}

/** The page's axe violations, one readable line each (the run `expectAccessible` describes). */
export async function axeViolations(page: Page): Promise<string[]> {
  await waitForComponents(page);
  const result = await new AxeBuilder({ page }).setLegacyMode(true).options({ runOnly: { type: "tag", values: AXE_TAGS }, resultTypes: ["violations"] }).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Collects what a page would report as a problem: CSP violations, failed loads, page errors. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("requestfailed", (req) => {
    // A navigation cancels loads still in flight (the favicon, say): that is not a failure.
    if (req.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ""}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`http ${res.status()}: ${new URL(res.url()).pathname}`);
  });
  return problems;
}

/** The text of the page's one h1 (the design system renders it inside a shadow root). */
export async function pageHeading(page: Page): Promise<string> {
  assert.equal(await page.getByRole("heading", { level: 1 }).count(), 1, "exactly one h1");
  return (await page.locator("gcds-heading[tag=h1], h1").first().innerText()).trim();
}

export interface BrowserPortal {
  portal: TestPortal;
  server: RunningServer;
  browser: Browser;
}

/**
 * A portal served on a port with its real address as BASE_URL (the demo partner's issuer and
 * the links in emails need it), and Chromium. Close it with `closeBrowserPortal`.
 */
export async function openBrowserPortal(): Promise<BrowserPortal> {
  let portal: TestPortal | undefined;
  const server = await startServer(async (baseUrl) => {
    portal = await createTestPortal({ env: { BASE_URL: baseUrl } });
    return portal.app;
  });
  return { portal: portal!, server, browser: await launchBrowser() };
}

/** Closes what `openBrowserPortal` opened; safe after a partial start. */
export async function closeBrowserPortal(opened: Partial<BrowserPortal>): Promise<void> {
  await opened.browser?.close();
  await opened.server?.close();
  await opened.portal?.close();
}

/** What a suite does around its portal: `afterOpen` (its set-up), `beforeClose` (closing what it opened in the browser). */
interface SuiteSteps {
  afterOpen?: () => Promise<void>;
  beforeClose?: () => Promise<void>;
}

/**
 * A suite's portal, server and Chromium: opened (by `openBrowserPortal`, or `open`) in the
 * suite's `before`, then `afterOpen`; in its `after`, `beforeClose`, then closed. Call it where
 * the hooks belong (in the `describe`, or at the top of the file); the fields are there once
 * `before` has run. A set-up that needs the portal goes in `afterOpen`, not in a hook of its
 * own: at the top of a file, node:test does not wait for one `before` to end to start the next.
 */
export function browserPortalSuite(hooks: Pick<ConditionalTests, "before" | "after">, steps?: SuiteSteps): BrowserPortal;
export function browserPortalSuite<T extends BrowserPortal>(hooks: Pick<ConditionalTests, "before" | "after">, steps: SuiteSteps & { open: () => Promise<T> }): T;
export function browserPortalSuite(hooks: Pick<ConditionalTests, "before" | "after">, steps: SuiteSteps & { open?: () => Promise<BrowserPortal> } = {}): BrowserPortal {
  const opened = {} as BrowserPortal;
  hooks.before(async () => {
    Object.assign(opened, await (steps.open ?? openBrowserPortal)());
    await steps.afterOpen?.();
  });
  hooks.after(async () => {
    await steps.beforeClose?.();
    await closeBrowserPortal(opened);
  });
  return opened;
}
