// The demo Sign-In Partner ("Demo Bank", SPEC ID-3) end to end over real HTTP: the portal's
// relying party (platform/oidc/partner-client.ts) against the Demo Bank mounted in the same
// app and port, with a cookie jar and manual redirects like a browser. The routes are mounted
// here as app.ts will mount them: after the request context, security headers and body limit,
// before the CSRF middleware; a tiny callback handler stands in for the portal's sign-in.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { PortalClock } from "../src/platform/clock.ts";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import type { Browser as Chromium } from "playwright-core";
import { browserTests, expectAccessible, launchBrowser, startServer, watchProblems, type RunningServer } from "./helpers/browser.ts";
import type { AppEnv } from "../src/web/context.ts";
import { requestContext } from "../src/web/middleware/request.ts";
import { securityHeaders } from "../src/web/middleware/security-headers.ts";
import { DEMO_CLIENT_ID, DEMO_PARTNER_PATH, demoPartnerIssuer, demoPartnerRoutes } from "../src/dev/demo-partner/index.ts";
import { PARTNER_CALLBACK_PATH } from "../src/web/paths.ts";
import { createPartnerClient, PartnerError, type PartnerAuthRequest, type PartnerClient } from "../src/platform/oidc/partner-client.ts";

let server: RunningServer;
let portal: TestPortal;
let client: PartnerClient;
let callbackUrl: string;
/** The app behind the server; replaced to simulate a restart of the portal. */
let current: Hono<AppEnv>;
/** What the portal would keep with the browser's pending sign-in. */
let pending: PartnerAuthRequest | undefined;

/** The portal with the demo partner mounted as the lead will mount it in app.ts. */
function portalWithDemoPartner(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", requestContext(portal.deps.logger));
  app.use("*", securityHeaders({ https: false }));
  app.use("*", bodyLimit({ maxSize: 64 * 1024 }));
  app.route("/", demoPartnerRoutes(portal.deps));
  // Stand-in for the portal's callback: finish the sign-in, answer the subject or the error code.
  app.get(PARTNER_CALLBACK_PATH, async (c) => {
    if (!pending) return c.json({ error: "no pending sign-in" }, 400);
    try {
      const { subject } = await client.finish(new URL(c.req.url), { ...pending, redirectUri: callbackUrl });
      return c.json({ subject });
    } catch (err) {
      if (err instanceof PartnerError) return c.json({ error: err.code }, 400);
      throw err;
    }
  });
  app.all("*", (c) => portal.app.fetch(c.req.raw, c.env));
  return app;
}

before(async () => {
  const front = new Hono<AppEnv>();
  front.all("*", (c) => current.fetch(c.req.raw, c.env));
  server = await startServer(front);
  portal = await createTestPortal({ env: { BASE_URL: server.baseUrl } });
  current = portalWithDemoPartner();
  callbackUrl = `${server.baseUrl}${PARTNER_CALLBACK_PATH}`;
  client = createPartnerClient({ now: () => new PortalClock().now().getTime(), issuer: demoPartnerIssuer(server.baseUrl), clientId: DEMO_CLIENT_ID, clientSecret: undefined, allowHttp: true });
});
after(async () => {
  await server.close();
  await portal.close();
});

/** A browser: a cookie jar (by name and path), no automatic redirects, same-origin form posts. */
class Browser {
  private readonly jar = new Map<string, { name: string; value: string; path: string }>();

  async get(url: string): Promise<Response> {
    return this.send(url, { method: "GET" });
  }

  async post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.baseUrl, "sec-fetch-site": "same-origin", ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  private async send(url: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
    const target = new URL(url, server.baseUrl);
    const cookie = [...this.jar.values()]
      .filter((c) => target.pathname === c.path || target.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const res = await fetch(target, { ...init, redirect: "manual", headers: { ...(cookie ? { cookie } : {}), ...init.headers } });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";").map((s) => s.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attrs.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) ?? "/";
      const expired = attrs.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)).getTime() < new Date().getTime()));
      if (expired || value === "") this.jar.delete(`${name};${path}`);
      else this.jar.set(`${name};${path}`, { name, value, path });
    }
    return res;
  }
}

function location(res: Response): string {
  const to = res.headers.get("location");
  assert.ok(to, `expected a redirect, got ${res.status}`);
  return new URL(to, server.baseUrl).href;
}

function csrfField(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(m?.[1], "the sign-in form carries a CSRF proof");
  return m[1];
}

interface AtTheBank {
  browser: Browser;
  request: PartnerAuthRequest;
  loginUrl: string;
  page: Response;
  html: string;
}

/** The portal starts a sign-in and the browser follows it to the Demo Bank's sign-in page. */
async function goToBank(locale: "en" | "fr" = "en"): Promise<AtTheBank> {
  const request = await client.start(callbackUrl, locale);
  pending = request;
  const browser = new Browser();
  const authorize = await browser.get(request.url);
  assert.equal(authorize.status, 303, await authorize.clone().text());
  const loginUrl = location(authorize);
  assert.ok(loginUrl.startsWith(`${server.baseUrl}${DEMO_PARTNER_PATH}/interaction/`), loginUrl);
  const page = await browser.get(loginUrl);
  return { browser, request, loginUrl, page, html: await page.clone().text() };
}

/** Submits the sign-in form and follows the redirects back to the portal's callback URL. */
async function submit(bank: AtTheBank, fields: Record<string, string>): Promise<string> {
  const posted = await bank.browser.post(bank.loginUrl, { _csrf: csrfField(bank.html), ...fields });
  assert.equal(posted.status, 303, await posted.clone().text());
  let url = location(posted);
  for (let hops = 0; !url.startsWith(callbackUrl); hops++) {
    assert.ok(hops < 5, "too many redirects");
    url = location(await bank.browser.get(url));
  }
  return url;
}

async function callback(bank: AtTheBank, url: string): Promise<{ status: number; body: { subject?: string; error?: string } }> {
  const res = await bank.browser.get(url);
  return { status: res.status, body: (await res.json()) as { subject?: string; error?: string } };
}

async function signIn(username: string, locale: "en" | "fr" = "en"): Promise<string> {
  const bank = await goToBank(locale);
  const result = await callback(bank, await submit(bank, { username, action: "login" }));
  assert.equal(result.status, 200, JSON.stringify(result.body));
  assert.ok(result.body.subject);
  return result.body.subject;
}

describe("the Demo Bank (demo Sign-In Partner)", () => {
  it("publishes its OpenID configuration under /dev/partner", async () => {
    const res = await fetch(`${server.baseUrl}${DEMO_PARTNER_PATH}/.well-known/openid-configuration`);
    assert.equal(res.status, 200);
    const meta = (await res.json()) as Record<string, unknown>;
    assert.equal(meta.issuer, `${server.baseUrl}${DEMO_PARTNER_PATH}`);
    assert.equal(meta.authorization_endpoint, `${server.baseUrl}${DEMO_PARTNER_PATH}/auth`);
    assert.equal(meta.token_endpoint, `${server.baseUrl}${DEMO_PARTNER_PATH}/token`);
    assert.deepEqual(meta.code_challenge_methods_supported, ["S256"]);
    assert.deepEqual(meta.response_types_supported, ["code"]);
    assert.deepEqual(meta.ui_locales_supported, ["en", "fr"]);
    const jwks = (await (await fetch(String(meta.jwks_uri))).json()) as { keys: Record<string, unknown>[] };
    assert.equal(jwks.keys.length, 1);
    assert.equal(jwks.keys[0]?.d, undefined, "only the public key is published");
  });

  it("signs a person in: Demo Bank page in French, empty username refused, subject returned to the portal", async () => {
    const bank = await goToBank("fr");
    assert.equal(bank.page.status, 200);
    const csp = bank.page.headers.get("content-security-policy") ?? "";
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /form-action 'self'/);
    assert.match(bank.html, /^<!doctype html><html lang="fr">/);
    assert.match(bank.html, /<title>Ouvrir une session à la Banque Démo — Banque Démo<\/title>/);
    assert.equal(bank.html.match(/<h1>/g)?.length, 1);
    assert.match(bank.html, /<label for="username">Nom d’utilisateur bancaire<\/label>/);
    assert.match(bank.html, /<input type="text" id="username" name="username"/);
    assert.doesNotMatch(bank.html, /<script/);

    const empty = await bank.browser.post(bank.loginUrl, { _csrf: csrfField(bank.html), username: "   ", action: "login" });
    assert.equal(empty.status, 422);
    const emptyHtml = await empty.text();
    assert.match(emptyHtml, /Entrez un nom d’utilisateur bancaire\./);
    assert.match(emptyHtml, /aria-invalid="true"/);
    assert.match(emptyHtml, /aria-describedby="username-hint username-error"/);

    const tooLong = await bank.browser.post(bank.loginUrl, { _csrf: csrfField(bank.html), username: "x".repeat(65), action: "login" });
    assert.equal(tooLong.status, 422);
    assert.match(await tooLong.text(), /au plus 64 caractères/);

    const back = await submit(bank, { username: "Alice Tremblay", action: "login" });
    const params = new URL(back).searchParams;
    assert.ok(params.get("code"));
    assert.equal(params.get("state"), bank.request.state);
    assert.equal(params.get("iss"), demoPartnerIssuer(server.baseUrl));
    const result = await callback(bank, back);
    assert.equal(result.status, 200);
    assert.match(result.body.subject ?? "", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("shows the sign-in page in English when the portal asks for English", async () => {
    const bank = await goToBank("en");
    assert.match(bank.html, /^<!doctype html><html lang="en">/);
    assert.match(bank.html, /<h1>Sign in to Demo Bank<\/h1>/);
    assert.match(bank.html, /Cancel and return to the portal/);
  });

  it("gives the same username the same subject every time, and another username another subject", async () => {
    const first = await signIn("bob.gagnon");
    const again = await signIn("bob.gagnon", "fr");
    const sameIgnoringCase = await signIn("  Bob.Gagnon ");
    const other = await signIn("carol");
    assert.equal(again, first);
    assert.equal(sameIgnoringCase, first);
    assert.notEqual(other, first);
  });

  it("asks again at the next sign-in in the same browser (no silent reuse of the bank session)", async () => {
    const bank = await goToBank();
    const back = await submit(bank, { username: "dave", action: "login" });
    assert.equal((await callback(bank, back)).status, 200);
    pending = await client.start(callbackUrl, "en");
    const authorize = await bank.browser.get(pending.url);
    assert.equal(authorize.status, 303);
    assert.ok(location(authorize).startsWith(`${server.baseUrl}${DEMO_PARTNER_PATH}/interaction/`), "back to the sign-in page, not to the portal");
  });

  it("returns access_denied when the person cancels: the portal sees PartnerError 'cancelled'", async () => {
    const bank = await goToBank("fr");
    const back = await submit(bank, { username: "", action: "cancel" });
    const params = new URL(back).searchParams;
    assert.equal(params.get("error"), "access_denied");
    assert.equal(params.get("code"), null);
    const result = await callback(bank, back);
    assert.deepEqual(result, { status: 400, body: { error: "cancelled" } });
  });

  it("refuses a callback with a tampered state (PartnerError 'invalid')", async () => {
    const bank = await goToBank();
    const back = new URL(await submit(bank, { username: "erin", action: "login" }));
    back.searchParams.set("state", `${bank.request.state.slice(0, -2)}xx`);
    const result = await callback(bank, back.href);
    assert.deepEqual(result, { status: 400, body: { error: "invalid" } });
  });

  it("refuses a replayed authorization code", async () => {
    const bank = await goToBank();
    const back = await submit(bank, { username: "frank", action: "login" });
    assert.equal((await callback(bank, back)).status, 200);
    const replay = await callback(bank, back);
    assert.deepEqual(replay, { status: 400, body: { error: "invalid" } });
  });

  it("refuses the code with another sign-in's PKCE verifier or nonce", async () => {
    const bank = await goToBank();
    const back = new URL(await submit(bank, { username: "gina", action: "login" }));
    const other = await client.start(callbackUrl, "en");
    await assert.rejects(client.finish(back, { ...bank.request, codeVerifier: other.codeVerifier, redirectUri: callbackUrl }), (err: unknown) => {
      assert.ok(err instanceof PartnerError);
      assert.equal(err.code, "invalid");
      return true;
    });
    const bank2 = await goToBank();
    const back2 = new URL(await submit(bank2, { username: "gina", action: "login" }));
    await assert.rejects(client.finish(back2, { ...bank2.request, nonce: other.nonce, redirectUri: callbackUrl }), (err: unknown) => {
      assert.ok(err instanceof PartnerError);
      assert.equal(err.code, "invalid");
      return true;
    });
  });

  it("keeps its sessions, keys and accounts in the database: a sign-in begun before a restart ends after it", async () => {
    const before = await signIn("hugo");
    const bank = await goToBank();
    current = portalWithDemoPartner(); // a new provider instance: nothing carried over in memory
    const back = await submit(bank, { username: "hugo", action: "login" });
    const result = await callback(bank, back);
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.equal(result.body.subject, before);
  });

  it("refuses a sign-in form posted without its CSRF proof or from another site", async () => {
    const bank = await goToBank();
    const noToken = await bank.browser.post(bank.loginUrl, { username: "mallory", action: "login" });
    assert.equal(noToken.status, 403);
    const crossSite = await bank.browser.post(bank.loginUrl, { _csrf: csrfField(bank.html), username: "mallory", action: "login" }, { "sec-fetch-site": "cross-site", origin: "https://evil.example" });
    assert.equal(crossSite.status, 403);
    // The genuine form still works afterwards.
    const back = await submit(bank, { username: "ivy", action: "login" });
    assert.equal((await callback(bank, back)).status, 200);
  });

  it("answers a bad authorization request with its own page, under the portal's CSP and without script", async () => {
    const res = await fetch(`${server.baseUrl}${DEMO_PARTNER_PATH}/auth?client_id=nobody&response_type=code&scope=openid&ui_locales=fr`, { headers: { accept: "text/html" } });
    assert.equal(res.status, 400);
    assert.match(res.headers.get("content-security-policy") ?? "", /script-src 'self'/);
    const html = await res.text();
    assert.match(html, /^<!doctype html><html lang="fr">/);
    assert.match(html, /<h1>La Banque Démo ne peut pas continuer<\/h1>/);
    assert.doesNotMatch(html, /<script/);
  });

  it("answers an unknown or expired sign-in page with an error page, not a crash", async () => {
    const res = await new Browser().get(`${DEMO_PARTNER_PATH}/interaction/not-a-real-one`);
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Demo Bank cannot continue/);
  });

  it("never writes bank usernames, codes or tokens to the portal's logs", async () => {
    const bank = await goToBank();
    const back = await submit(bank, { username: "quentin-the-unique", action: "login" });
    assert.equal((await callback(bank, back)).status, 200);
    const logs = portal.logText();
    assert.match(logs, /"path":"\/dev\/partner\/token"/, "the token request was logged (path only)");
    assert.doesNotMatch(logs, /quentin-the-unique/);
    assert.doesNotMatch(logs, new RegExp(new URL(back).searchParams.get("code") ?? "no code"));
    assert.doesNotMatch(logs, new RegExp(bank.request.state));
  });
});

describe("the Demo Bank in a browser", () => {
  // These need Chromium: where it is missing, each test is skipped with the reason.
  const { it, before, after } = browserTests();
  let chromium: Chromium;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(() => chromium?.close());

  for (const [lang, signIn, cancel, missing] of [
    ["en", "Sign in", "Cancel and return to the portal", "Enter a bank username."],
    ["fr", "Ouvrir une session", "Annuler et revenir au portail", "Entrez un nom d’utilisateur bancaire."],
  ] as const) {
    it(`signs in and cancels through the accessible sign-in page, with no CSP violation (${lang})`, async () => {
      const context = await chromium.newContext({ locale: lang === "en" ? "en-CA" : "fr-CA" });
      const page = await context.newPage();
      const problems = watchProblems(page);

      pending = await client.start(callbackUrl, lang);
      await page.goto(pending.url);
      assert.equal(await page.locator("html").getAttribute("lang"), lang);
      await expectAccessible(page, `demo-bank-${lang}`);

      await page.getByRole("button", { name: signIn }).click();
      await page.getByText(missing).first().waitFor();
      await expectAccessible(page, `demo-bank-error-${lang}`);

      await page.getByLabel(lang === "en" ? "Bank username" : "Nom d’utilisateur bancaire").fill(`browser-${lang}`);
      await page.getByRole("button", { name: signIn }).click();
      await page.waitForURL((url) => url.pathname === PARTNER_CALLBACK_PATH);
      const signedIn = JSON.parse(await page.locator("body").innerText()) as { subject?: string };
      assert.ok(signedIn.subject);

      pending = await client.start(callbackUrl, lang);
      await page.goto(pending.url);
      await page.getByRole("button", { name: cancel }).click();
      await page.waitForURL((url) => url.pathname === PARTNER_CALLBACK_PATH);
      assert.deepEqual(JSON.parse(await page.locator("body").innerText()), { error: "cancelled" });

      // Expected: the 422 of the empty username, the 400 of the test callback's "cancelled";
      // the favicon's 404 is not the bank's concern. Anything else (a CSP violation) is.
      assert.deepEqual(problems.filter((p) => !/status of (400|404|422)|^http (400|422): /.test(p)), []);
      await context.close();
    });
  }
});
