// The web shell through HTTP: home pages in both languages, the language toggle, redirects,
// error pages, security headers, CSRF, assets, health checks and request logs.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { TestClient } from "./helpers/client.ts";
import { LANG } from "../src/web/paths.ts";

let portal: TestPortal;
let probeCalls = 0;

before(async () => {
  portal = await createTestPortal();
  // A state-changing route for the CSRF tests: counts how often it really runs.
  portal.app.post(`${LANG}/__probe`, (c) => {
    probeCalls++;
    return c.text("changed");
  });
});
after(() => portal.close());

describe("home page", () => {
  it("is served in English at /en and in French at /fr, each with one h1 and its language", async () => {
    const en = await portal.app.request("/en");
    assert.equal(en.status, 200);
    const enHtml = await en.text();
    assert.match(enHtml, /^<!doctype html><html lang="en">/);
    assert.match(enHtml, /Partners in Protection/);
    assert.match(enHtml, /Microsoft Edge or Google Chrome/);
    assert.match(enHtml, /GCKey/);
    assert.match(enHtml, /Sign-In Partner/);
    assert.equal(enHtml.match(/tag="h1"/g)?.length, 1);

    const fr = await portal.app.request("/fr");
    assert.equal(fr.status, 200);
    const frHtml = await fr.text();
    assert.match(frHtml, /<html lang="fr">/);
    assert.match(frHtml, /Partenaires en protection/);
    assert.match(frHtml, /Microsoft Edge ou Google Chrome/);
    assert.match(frHtml, /CléGC/);
  });

  it("links the language toggle to the same page in the other language, query included", async () => {
    const en = await (await portal.app.request("/en/dev/mailbox?x=1")).text();
    assert.match(en, /lang-href="\/fr\/dev\/mailbox\?x=1"/);
    const fr = await (await portal.app.request("/fr")).text();
    assert.match(fr, /lang-href="\/en"/);
  });

  it("redirects / to the browser's preferred language", async () => {
    const fr = await portal.app.request("/", { headers: { "accept-language": "fr-CA,fr;q=0.9,en;q=0.8" } });
    assert.equal(fr.status, 302);
    assert.equal(fr.headers.get("location"), "/fr");
    const en = await portal.app.request("/", { headers: { "accept-language": "fr;q=0.4, en-CA" } });
    assert.equal(en.headers.get("location"), "/en");
    const none = await portal.app.request("/");
    assert.equal(none.headers.get("location"), "/en");
  });

  it("redirects /en/ and /fr/ to /en and /fr for good", async () => {
    for (const lang of ["en", "fr"]) {
      const res = await portal.app.request(`/${lang}/`);
      assert.ok(res.status === 301 || res.status === 308, `/${lang}/: status ${res.status}`);
      assert.equal(res.headers.get("location"), `/${lang}`);
      assert.equal((await portal.app.request(res.headers.get("location")!)).status, 200);
    }
  });

  it("redirects any page asked for with a trailing slash to the page without it, query kept", async () => {
    const cases: [string, string][] = [
      ["/en/sign-in/", "/en/sign-in"],
      ["/fr/gckey/create/?x=1&y=%C3%A9", "/fr/gckey/create?x=1&y=%C3%A9"],
      ["/en/sign-in//", "/en/sign-in"],
      ["/fr/no-such-page/", "/fr/no-such-page"],
    ];
    for (const [from, to] of cases) {
      const res = await portal.app.request(from);
      assert.ok(res.status === 301 || res.status === 308, `${from}: status ${res.status}`);
      assert.equal(res.headers.get("location"), to, from);
    }
    assert.equal((await portal.app.request("/en/sign-in/")).headers.get("location"), "/en/sign-in");
    assert.equal((await portal.app.request("/fr/sign-in/", { method: "HEAD" })).headers.get("location"), "/fr/sign-in");
    // Only under /en and /fr, and never a way to another site.
    assert.equal((await portal.app.request("/english/")).status, 404);
    const sneaky = await portal.app.request("/en//evil.example/");
    assert.equal(sneaky.headers.get("location"), "/en//evil.example");
  });

  it("leaves a POST to a path with a trailing slash alone", async () => {
    const client = new TestClient(portal.app);
    const res = await client.postForm("/en/sign-in/gckey/", { username: "x", password: "y" });
    assert.equal(res.status, 404);
  });
});

describe("error pages", () => {
  it("answers an unknown page with 404 in the URL's language", async () => {
    const en = await portal.app.request("/en/no-such-page");
    assert.equal(en.status, 404);
    assert.match(await en.text(), /We couldn(&#39;|')t find that page/);
    const fr = await portal.app.request("/fr/aucune-page");
    assert.equal(fr.status, 404);
    assert.match(await fr.text(), /Nous ne pouvons trouver cette page/);
  });

  it("uses the browser's language for a 404 outside /en and /fr", async () => {
    const res = await portal.app.request("/nowhere", { headers: { "accept-language": "fr-CA" } });
    assert.equal(res.status, 404);
    assert.match(await res.text(), /<html lang="fr">/);
  });

  it("shows a 500 page with a reference and never the stack trace or error message", async () => {
    for (const [lang, text] of [
      ["en", /Something went wrong/],
      ["fr", /Un problème est survenu/],
    ] as const) {
      const res = await portal.app.request(`/${lang}/__test/error`);
      assert.equal(res.status, 500);
      const html = await res.text();
      assert.match(html, text);
      assert.doesNotMatch(html, /deliberate test failure/);
      assert.doesNotMatch(html, /at .*\.ts:\d+/);
      // A reference short enough to read over the telephone: 8 Crockford base-32 characters in 2 groups.
      const reference = /data-testid="error-reference">[^<]*?([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})</.exec(html)?.[1];
      assert.ok(reference, "the page shows a short reference");
      assert.doesNotMatch(html, new RegExp(res.headers.get("x-request-id")!), "not the 36-character request id");
      // The operator finds the reference a person reads out in the log line of that request's error.
      const logged = portal.logLines.find((l) => l.msg === "unhandled error" && l.reference === reference);
      assert.ok(logged, "the error's log line carries the reference");
      assert.equal(logged.requestId, res.headers.get("x-request-id"), "and the request's id");
      assert.match(JSON.stringify(logged.err), /deliberate test failure/, "with its cause");
    }
  });

  it("answers malformed percent-encoding with an error page, not a crash", async () => {
    const res = await portal.app.request("/en/%E0%A4%A");
    assert.ok(res.status === 404 || res.status === 400, `status ${res.status}`);
    assert.match(await res.text(), /<html lang="en">/);
  });

  it("answers a malformed multipart body with 400 in the page's language and runs nothing", async () => {
    const client = new TestClient(portal.app);
    await client.get("/fr");
    const before = probeCalls;
    const res = await client.request("/fr/__probe", {
      method: "POST",
      headers: { "content-type": "multipart/form-data", "sec-fetch-site": "same-origin", "x-csrf-token": client.csrfToken()! },
      body: "--nope\r\ngarbage",
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Nous n’avons pas pu comprendre la demande/);
    assert.equal(probeCalls, before);
  });

  it("answers a client that breaks off its multipart upload with 400, logged as a warning only", async () => {
    const client = new TestClient(portal.app);
    await client.get("/fr");
    const enc = new TextEncoder();
    const part = `--XYZ\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken()!}\r\n--XYZ\r\nContent-Disposition: form-data; name="file"; filename="plan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 ${"x".repeat(2000)}`;
    // With and without a Content-Length: without one, the body limit reads the body to count it.
    for (const declared of [undefined, "40000"]) {
      const before = probeCalls;
      const logged = portal.logLines.length;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(enc.encode(part));
          setTimeout(() => controller.error(new Error("aborted")), 5);
        },
      });
      const res = await client.request("/fr/__probe", {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=XYZ", origin: "http://localhost", "sec-fetch-site": "same-origin", ...(declared ? { "content-length": declared } : {}) },
        body,
        duplex: "half",
      } as RequestInit & { headers: Record<string, string> });
      const label = declared ? "with Content-Length" : "without Content-Length";
      assert.equal(res.status, 400, label);
      assert.match(await res.text(), /Nous n’avons pas pu comprendre la demande/, label);
      assert.equal(probeCalls, before, `${label}: nothing ran`);
      const lines = portal.logLines.slice(logged).filter((l) => l.msg !== "request");
      assert.ok(!lines.some((l) => l.msg === "unhandled error" || (l.level as number) > 40), `${label}: no error logged: ${JSON.stringify(lines)}`);
      assert.ok(!JSON.stringify(lines).includes("stack"), `${label}: no stack logged`);
    }
  });

  it("refuses an oversized body with 413 in the page's language and runs nothing", async () => {
    const client = new TestClient(portal.app);
    const before = probeCalls;
    const res = await client.postForm("/fr/__probe", { big: "x".repeat(200_000) });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /trop volumineuse/);
    assert.equal(probeCalls, before);
  });
});

describe("security headers (SEC-2)", () => {
  it("sends a CSP without inline script, frame-ancestors none and no referrer", async () => {
    const res = await portal.app.request("/en");
    const csp = res.headers.get("content-security-policy") ?? "";
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    assert.equal(scriptSrc, "script-src 'self'");
    assert.doesNotMatch(scriptSrc, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.equal(res.headers.get("referrer-policy"), "no-referrer");
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.equal(res.headers.get("x-frame-options"), "DENY");
  });

  it("has no inline script in its pages", async () => {
    const html = await (await portal.app.request("/en")).text();
    for (const tag of html.match(/<script[^>]*>/g) ?? []) assert.match(tag, /src="\/assets\//);
    assert.doesNotMatch(html, /\son[a-z]+="/); // no inline event handlers
  });

  it("adds HSTS only when served over HTTPS", async () => {
    assert.equal((await portal.app.request("/en")).headers.get("strict-transport-security"), null);
    const https = await createTestPortal({ env: { BASE_URL: "https://portal.example" } });
    try {
      const res = await https.app.request("https://portal.example/en");
      assert.match(res.headers.get("strict-transport-security") ?? "", /max-age=\d+/);
    } finally {
      await https.close();
    }
  });
});

describe("CSRF protection (SEC-1)", () => {
  it("lets a same-origin form with the token through", async () => {
    const client = new TestClient(portal.app);
    const before = probeCalls;
    const res = await client.postForm("/en/__probe", { a: "1" });
    assert.equal(res.status, 200);
    assert.equal(probeCalls, before + 1);
  });

  it("refuses a cross-site POST even with a valid token, in the page's language", async () => {
    const client = new TestClient(portal.app);
    const before = probeCalls;
    const res = await client.postForm("/fr/__probe", { a: "1" }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /Votre formulaire a expiré/);
    assert.equal(probeCalls, before);
  });

  it("accepts the 'Origin: null' that browsers send under no-referrer, only when same-origin", async () => {
    const client = new TestClient(portal.app);
    const before = probeCalls;
    const ours = await client.postForm("/en/__probe", {}, { origin: "null", "sec-fetch-site": "same-origin" });
    assert.equal(ours.status, 200);
    const theirs = await client.postForm("/en/__probe", {}, { origin: "null", "sec-fetch-site": "cross-site" });
    assert.equal(theirs.status, 403);
    const unknown = await client.postForm("/en/__probe", {}, { origin: "null", "sec-fetch-site": "" });
    assert.equal(unknown.status, 403);
    assert.equal(probeCalls, before + 1);
  });

  it("refuses a POST from another origin when the browser sends no fetch metadata", async () => {
    const client = new TestClient(portal.app);
    await client.get("/en");
    const before = probeCalls;
    const res = await client.request("/en/__probe", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: `_csrf=${client.csrfToken()}`,
    });
    assert.equal(res.status, 403);
    assert.equal(probeCalls, before);
  });

  it("refuses a POST without the token, or with a wrong one, or without the cookie", async () => {
    const client = new TestClient(portal.app);
    await client.get("/en");
    const before = probeCalls;
    const missing = await client.request("/en/__probe", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
      body: "a=1",
    });
    assert.equal(missing.status, 403);
    const wrong = await client.postForm("/en/__probe", { _csrf: "A".repeat(43) });
    assert.equal(wrong.status, 403);
    const noCookie = await portal.app.request("/en/__probe", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `_csrf=${"A".repeat(43)}`,
    });
    assert.equal(noCookie.status, 403);
    assert.equal(probeCalls, before);
  });
});

describe("assets", () => {
  it("serves the design system from our origin with no Google Fonts or CDN address", async () => {
    const css = await portal.app.request("/assets/gcds/gcds.css");
    assert.equal(css.status, 200);
    const text = await css.text();
    assert.ok(text.length > 10_000);
    assert.doesNotMatch(text, /googleapis|cdn\.design-system|https?:\/\//);
    assert.match(text, /\/assets\/fonts\/icons\/gcds-icons\.woff/);
    const fonts = await (await portal.app.request("/assets/fonts.css")).text();
    for (const url of fonts.match(/\/assets\/fonts\/[^")]+/g) ?? []) {
      const font = await portal.app.request(url);
      assert.equal(font.status, 200, url);
    }
    assert.equal((await portal.app.request("/assets/gcds/gcds.esm.js")).status, 200);
    assert.equal((await portal.app.request("/assets/fonts/icons/gcds-icons.woff")).status, 200);
  });

  it("answers a conditional request with 304", async () => {
    const first = await portal.app.request("/assets/app.css");
    const etag = first.headers.get("etag")!;
    const again = await portal.app.request("/assets/app.css", { headers: { "if-none-match": etag } });
    assert.equal(again.status, 304);
  });
});

describe("health", () => {
  it("answers /healthz and /readyz (which checks the database)", async () => {
    assert.equal((await portal.app.request("/healthz")).status, 200);
    const ready = await portal.app.request("/readyz");
    assert.equal(ready.status, 200);
    assert.equal(await ready.text(), "ready");
  });
});

describe("request logs (SEC-4)", () => {
  it("writes one JSON line per request, without query strings, cookies or form secrets", async () => {
    const client = new TestClient(portal.app);
    await client.get("/en?code=739215&token=sekrit-token");
    await client.postForm("/en/__probe", { password: "hunter2-very-secret" });
    const text = portal.logText();
    assert.doesNotMatch(text, /739215|sekrit-token|hunter2-very-secret/);
    assert.doesNotMatch(text, new RegExp(client.csrfToken()!));
    const line = portal.logLines.find((l) => l.msg === "request" && l.path === "/en");
    assert.ok(line, "a request line for /en");
    assert.equal(line.status, 200);
    assert.equal(typeof line.requestId, "string");
  });

  it("redacts secret fields that code passes to the logger", () => {
    portal.deps.logger.info({ password: "p4ss-w0rd-xyz", user: { token: "tok-123-abc" }, code: "123456" }, "probe");
    const text = portal.logText();
    assert.doesNotMatch(text, /p4ss-w0rd-xyz|tok-123-abc|"123456"/);
    assert.match(text, /\[redacted\]/);
  });
});
