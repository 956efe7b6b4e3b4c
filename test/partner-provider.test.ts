// The Sign-In Partner against a second, independently configured OpenID provider (not the
// bundled Demo Bank: its own oidc-provider, client secret, keys, PKCE required, RP-initiated
// logout on — test/helpers/partner-provider.ts), through PARTNER_ISSUER / PARTNER_CLIENT_ID /
// PARTNER_CLIENT_SECRET as an operator sets them, over real HTTP with a cookie jar (issue 17):
// - every sign-in asks the provider to authenticate again (prompt=login, max_age=0), and it does;
// - sign-out ends the session at the provider's end_session_endpoint and comes back to the
//   signed-out page in the person's language;
// - refused sign-ins log a cause an operator can act on (invalid_client for a wrong secret, the
//   provider's error, a state mismatch, a replay, an expired request), never a secret or token;
// - a stopped provider gives the portal's "unavailable" page (503, both languages, no session).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Hono } from "hono";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { startServer, type RunningServer } from "./helpers/browser.ts";
import { latestCode } from "./helpers/identity.ts";
import { PartnerBrowser, location } from "./helpers/partner-browser.ts";
import { startTestProvider, type TestProvider } from "./helpers/partner-provider.ts";
import type { AppEnv } from "../src/web/context.ts";
import { PARTNER_CALLBACK_PATH } from "../src/web/paths.ts";

let server: RunningServer;
let provider: TestProvider;
let portal: TestPortal;
/** The same portal address with a wrong client secret (swapped in by one test). */
let wrongSecretPortal: TestPortal;
let current: Hono<AppEnv>;
const WRONG_SECRET = "wrong-secret-Zk3v9QpL2mX7rT";

before(async () => {
  const front = new Hono<AppEnv>();
  front.all("*", (c) => current.fetch(c.req.raw, c.env));
  server = await startServer(front);
  provider = await startTestProvider({ portalBaseUrl: server.baseUrl, callbackPath: PARTNER_CALLBACK_PATH });
  const env = { BASE_URL: server.baseUrl, PARTNER_ISSUER: provider.issuer, PARTNER_CLIENT_ID: provider.clientId };
  portal = await createTestPortal({ env: { ...env, PARTNER_CLIENT_SECRET: provider.clientSecret } });
  wrongSecretPortal = await createTestPortal({ env: { ...env, PARTNER_CLIENT_SECRET: WRONG_SECRET } });
  current = portal.app;
});
after(async () => {
  await server.close();
  await provider.stop();
  await portal.close();
  await wrongSecretPortal.close();
});

const isCallback = (url: URL) => url.pathname === PARTNER_CALLBACK_PATH;

/** The portal's "Sign-In Partner" link: the browser is sent to the provider's sign-in page. */
async function toProvider(browser: PartnerBrowser, lang: "en" | "fr" = "en"): Promise<{ authorize: URL; interaction: URL; html: string }> {
  const start = await browser.get(`/${lang}/sign-in/partner`);
  assert.equal(start.status, 303, await start.clone().text());
  const authorize = location(start, server.baseUrl);
  assert.equal(authorize.origin, provider.issuer);
  const { url, res } = await browser.follow(await browser.get(authorize.href));
  assert.equal(res.status, 200, `the provider's sign-in page: ${url.href}`);
  assert.match(url.pathname, /^\/interaction\//);
  return { authorize, interaction: url, html: await res.text() };
}

/** Signs in at the provider's page and follows its redirects to the portal's callback URL. */
async function atProvider(browser: PartnerBrowser, interaction: URL, username: string, action: "login" | "cancel" = "login"): Promise<URL> {
  const posted = await browser.postForm(interaction.href, { username, action });
  const { url } = await browser.follow(posted, isCallback);
  assert.ok(isCallback(url), url.href);
  return url;
}

/** The whole partner sign-in up to the portal's first stage: where the portal sends the browser. */
async function partnerSignIn(browser: PartnerBrowser, username: string, lang: "en" | "fr" = "en"): Promise<string> {
  const { interaction } = await toProvider(browser, lang);
  const back = await browser.get((await atProvider(browser, interaction, username)).href);
  assert.equal(back.status, 303);
  return location(back, server.baseUrl).pathname;
}

/** A new person's first sign-in through the partner, through profile, code and terms. */
async function signedInTrader(browser: PartnerBrowser, username: string, lang: "en" | "fr"): Promise<void> {
  assert.equal(await partnerSignIn(browser, username, lang), `/${lang}/sign-in/profile`);
  const email = `${username}@example.ca`;
  const profile = await browser.postPortal(`/${lang}/sign-in/profile`, { givenName: "Lena", familyName: "Roy", email, phone: "613-555-0199", preferredLocale: lang });
  assert.equal(location(profile, server.baseUrl).pathname, `/${lang}/sign-in/mfa-terms`);
  assert.equal(location(await browser.postPortal(`/${lang}/sign-in/mfa-terms`, { agree: "yes" }), server.baseUrl).pathname, `/${lang}/sign-in/code`);
  const code = await browser.postPortal(`/${lang}/sign-in/code`, { action: "verify", code: await latestCode(portal, email) });
  assert.equal(location(code, server.baseUrl).pathname, `/${lang}/sign-in/terms`);
  assert.equal(location(await browser.postPortal(`/${lang}/sign-in/terms`, { agree: "yes" }), server.baseUrl).pathname, `/${lang}/registration`);
}

/** The log lines of refused partner sign-ins written since `from`. */
function refusals(p: TestPortal, from: number): Record<string, unknown>[] {
  return p.logLines.slice(from).filter((l) => l.msg === "sign-in partner refused" || l.msg === "sign-in partner unavailable");
}

describe("the Sign-In Partner against an independently configured provider", () => {
  it("asks the provider to authenticate again at every sign-in, even with a live session there", async () => {
    const browser = new PartnerBrowser(server.baseUrl);
    const first = await toProvider(browser);
    const q = first.authorize.searchParams;
    assert.equal(q.get("prompt"), "login");
    assert.equal(q.get("max_age"), "0");
    assert.equal(q.get("code_challenge_method"), "S256");
    assert.equal(q.get("client_id"), provider.clientId);
    assert.equal(provider.authorizations.at(-1)?.get("prompt"), "login", "prompt=login reached the provider");
    const asked = provider.askedToSignIn.length;
    const back = await browser.get((await atProvider(browser, first.interaction, "ana")).href);
    assert.equal(location(back, server.baseUrl).pathname, "/en/sign-in/profile");
    assert.ok(browser.cookie("_session"), "the provider keeps a session in this browser");

    // The same browser, the provider's session still live: it asks again, because we asked.
    const second = await toProvider(browser);
    assert.equal(provider.askedToSignIn.length, asked + 1);
    const again = provider.askedToSignIn.at(-1)!;
    assert.equal(again.prompt, "login");
    assert.ok(again.reasons.includes("login_prompt"), `asked because of prompt=login: ${again.reasons.join(", ")}`);
    assert.ok(!again.reasons.includes("no_session"), "not because its session had ended");
    const back2 = await browser.get((await atProvider(browser, second.interaction, "ana")).href);
    assert.equal(location(back2, server.baseUrl).pathname, "/en/sign-in/profile", "the ID token's auth_time was accepted");
  });

  for (const lang of ["en", "fr"] as const) {
    it(`signs out at the provider's end_session_endpoint and comes back to the signed-out page (${lang})`, async () => {
      const browser = new PartnerBrowser(server.baseUrl);
      await signedInTrader(browser, `lena-${lang}`, lang);
      const hints = await portal.database.db.selectFrom("partner_session_hints" as never).select("id_token_sealed" as never).execute();
      assert.ok(hints.length > 0 && hints.every((h) => String((h as Record<string, unknown>).id_token_sealed).startsWith("sealed1.")), "the ID token is kept sealed");

      const signOut = await browser.postPortal(`/${lang}/sign-out`, {});
      assert.equal(signOut.status, 200);
      const refresh = /^0; url=(.+)$/.exec(signOut.headers.get("refresh") ?? "")?.[1];
      assert.ok(refresh, "the page sends the browser on to the provider");
      const html = await signOut.text();
      assert.match(html, new RegExp(`<html lang="${lang}"`));
      assert.match(html, lang === "en" ? /Continue to your Sign-In Partner/ : /Continuer vers votre partenaire de connexion/);
      assert.ok(html.includes(refresh.replace(/&/g, "&amp;")), "and links there too");
      assert.equal(browser.cookie("ttp-session"), undefined, "the portal's session cookie is gone");
      assert.equal((await browser.get(`/${lang}/account`)).status, 303, "the portal's session is over");

      const end = new URL(refresh);
      assert.equal(`${end.origin}${end.pathname}`, `${provider.issuer}/session/end`);
      assert.equal(end.searchParams.get("post_logout_redirect_uri"), `${server.baseUrl}/${lang}/sign-in?signedOut=1`);
      assert.equal(end.searchParams.get("client_id"), provider.clientId);
      assert.ok(end.searchParams.get("id_token_hint")?.split(".").length === 3, "the ID token as the hint");
      const ended = provider.endSessions.length;

      const confirm = await browser.get(end.href);
      assert.equal(confirm.status, 200);
      assert.equal(provider.endSessions.length, ended + 1, "sign-out reached the end_session_endpoint");
      const form = await confirm.text();
      const action = /action="([^"]+)"/.exec(form)?.[1];
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1];
      assert.ok(action && xsrf, form);
      const { url, res } = await browser.follow(await browser.postForm(new URL(action, provider.issuer).href, { xsrf, logout: "yes" }));
      assert.equal(url.href, `${server.baseUrl}/${lang}/sign-in?signedOut=1`);
      assert.equal(res.status, 200);
      assert.match(await res.text(), lang === "en" ? /You are signed out\./ : /Votre session est fermée\./);
      const rows = await portal.database.db.selectFrom("partner_session_hints" as never).select("id_token_sealed" as never).execute();
      assert.equal(rows.length, hints.length - 1, "the hint went with the session");

      // The provider's session is over: the next sign-in finds none there.
      await toProvider(browser, lang);
      assert.ok(provider.askedToSignIn.at(-1)!.reasons.includes("no_session"));
    });
  }

  it("logs the cause of each refused sign-in, without codes, states, tokens or secrets", async () => {
    const from = portal.logLines.length;
    const secrets: string[] = [provider.clientSecret];

    // The person cancels at the provider: its error and description.
    const cancel = new PartnerBrowser(server.baseUrl);
    const atBank = await toProvider(cancel);
    const cancelled = await cancel.get((await atProvider(cancel, atBank.interaction, "", "cancel")).href);
    assert.equal(location(cancelled, server.baseUrl).href, `${server.baseUrl}/en/sign-in?partner=cancelled`);

    // A tampered state.
    const tamper = new PartnerBrowser(server.baseUrl);
    const tampered = await atProvider(tamper, (await toProvider(tamper)).interaction, "tom");
    secrets.push(tampered.searchParams.get("code")!, tampered.searchParams.get("state")!);
    tampered.searchParams.set("state", "forged-state");
    assert.equal(location(await tamper.get(tampered.href), server.baseUrl).search, "?partner=failed");

    // A replayed callback: the first one signs in, the second finds its sign-in spent.
    const replay = new PartnerBrowser(server.baseUrl);
    const callback = await atProvider(replay, (await toProvider(replay)).interaction, "rita");
    secrets.push(callback.searchParams.get("code")!, callback.searchParams.get("state")!);
    assert.equal(location(await replay.get(callback.href), server.baseUrl).pathname, "/en/sign-in/profile");
    assert.equal(location(await replay.get(callback.href), server.baseUrl).search, "?partner=failed");

    // A sign-in left at the provider past its time (state and nonce expired with it).
    const slow = new PartnerBrowser(server.baseUrl);
    const slowBank = await toProvider(slow);
    portal.clock.advance(11 * 60 * 1000);
    const late = await atProvider(slow, slowBank.interaction, "sam");
    secrets.push(late.searchParams.get("code")!);
    assert.equal(location(await slow.get(late.href), server.baseUrl).search, "?partner=failed");

    const causes = refusals(portal, from).map((l) => [l.reason, l.cause]);
    assert.deepEqual(causes, [
      ["cancelled", "access_denied"],
      ["invalid", "state_mismatch"],
      ["invalid", "no_pending_request"],
      ["invalid", "request_expired"],
    ]);
    const cancelLine = refusals(portal, from)[0]!;
    assert.equal(cancelLine.description, "the person cancelled at Test Bank");
    assert.equal(typeof cancelLine.requestId, "string");
    const logs = portal.logText();
    for (const s of secrets) assert.ok(!logs.includes(s), "no code, state or secret in the logs");
    assert.doesNotMatch(logs, /eyJ[\w-]+\.eyJ/, "no JWT in the logs");
  });

  it("logs invalid_client, and neither secret, when the portal's client secret is wrong", async () => {
    current = wrongSecretPortal.app;
    try {
      const from = wrongSecretPortal.logLines.length;
      const browser = new PartnerBrowser(server.baseUrl);
      const callback = await atProvider(browser, (await toProvider(browser)).interaction, "wendy");
      const res = await browser.get(callback.href);
      assert.equal(location(res, server.baseUrl).href, `${server.baseUrl}/en/sign-in?partner=failed`);
      assert.equal(browser.cookie("ttp-session"), undefined, "no session");
      const lines = refusals(wrongSecretPortal, from);
      assert.equal(lines.length, 1, JSON.stringify(lines));
      assert.equal(lines[0]!.reason, "invalid");
      assert.equal(lines[0]!.cause, "invalid_client");
      const logs = wrongSecretPortal.logText();
      assert.ok(!logs.includes(WRONG_SECRET), "the configured secret is in no log line");
      assert.ok(!logs.includes(provider.clientSecret));
      assert.ok(!logs.includes(callback.searchParams.get("code")!), "nor the code");
      assert.ok(!logs.includes(Buffer.from(`${provider.clientId}:${WRONG_SECRET}`).toString("base64")), "nor the Basic credentials");
    } finally {
      current = portal.app;
    }
  });

  // Last: the provider stops for good.
  it("shows the portal's unavailable page (503, both languages, no session) once the provider has stopped", async () => {
    const signedIn = new PartnerBrowser(server.baseUrl);
    await signedInTrader(signedIn, "olga", "en");
    await provider.stop();
    portal.clock.advance(60 * 1000); // past the reachability check's cache
    const from = portal.logLines.length;
    for (const [lang, text] of [
      ["en", "The Sign-In Partner service is not available right now."],
      ["fr", "Le service de partenaire de connexion n’est pas disponible pour le moment."],
    ] as const) {
      const browser = new PartnerBrowser(server.baseUrl);
      const res = await browser.get(`/${lang}/sign-in/partner`);
      assert.equal(res.status, 503);
      const html = await res.text();
      assert.match(html, new RegExp(`<html lang="${lang}"`));
      assert.ok(html.includes(text), html);
      assert.ok(!res.headers.getSetCookie().some((c) => /^(ttp-session|ttp-partner)=/.test(c)), "no session, no pending sign-in");
    }
    const lines = refusals(portal, from);
    assert.deepEqual(
      lines.map((l) => [l.reason, l.step, l.cause]),
      [
        ["unavailable", "start", "unreachable"],
        ["unavailable", "start", "unreachable"],
      ],
    );

    // Sign-out still works while the provider does not answer: the portal's session ends.
    const signOut = await signedIn.postPortal("/en/sign-out", {});
    assert.equal(signOut.status, 303);
    assert.equal(location(signOut, server.baseUrl).href, `${server.baseUrl}/en/sign-in?signedOut=1`);
    assert.equal((await signedIn.get("/en/account")).status, 303);
  });
});
