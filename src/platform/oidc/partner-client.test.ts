// The Sign-In Partner client on its own, against a stand-in discovery document: the
// authorization request it builds (PKCE S256, state, nonce, ui_locales), discovery retried
// after a failure, HTTPS enforced unless allowed. The whole flow against the Demo Bank is in
// test/demo-partner.test.ts.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createPartnerClient, PartnerError } from "./partner-client.ts";
import { PortalClock } from "../clock.ts";

const now = (): number => new PortalClock().now().getTime();

let server: Server;
let issuer: string;
let up = false;
let discoveryCalls = 0;

before(async () => {
  server = createServer((req, res) => {
    if (req.url === "/.well-known/openid-configuration") {
      discoveryCalls++;
      if (!up) {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/auth`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ["code"],
          subject_types_supported: ["public"],
          id_token_signing_alg_values_supported: ["RS256"],
          code_challenge_methods_supported: ["S256"],
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function rejectsWith(promise: Promise<unknown>, code: PartnerError["code"]): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof PartnerError, `expected a PartnerError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

describe("createPartnerClient", () => {
  it("says the partner is unavailable while discovery fails, and tries again on the next call", async () => {
    up = false;
    const client = createPartnerClient({ now, issuer, clientId: "portal", clientSecret: undefined, allowHttp: true });
    await rejectsWith(client.start("http://portal.test/auth/partner/callback", "en"), "unavailable");
    const afterFailure = discoveryCalls;
    up = true;
    const request = await client.start("http://portal.test/auth/partner/callback", "en");
    assert.equal(discoveryCalls, afterFailure + 1, "discovery retried after the failure");
    await client.start("http://portal.test/auth/partner/callback", "fr");
    assert.equal(discoveryCalls, afterFailure + 1, "a successful discovery is cached");
    assert.ok(request.url.startsWith(`${issuer}/auth?`));
  });

  it("builds an authorization code request with PKCE S256, a fresh state and nonce, and the language", async () => {
    up = true;
    const client = createPartnerClient({ now, issuer, clientId: "portal", clientSecret: undefined, allowHttp: true });
    const a = await client.start("http://portal.test/auth/partner/callback", "fr");
    const b = await client.start("http://portal.test/auth/partner/callback", "fr");
    const q = new URL(a.url).searchParams;
    assert.equal(q.get("response_type"), "code");
    assert.equal(q.get("client_id"), "portal");
    assert.equal(q.get("scope"), "openid");
    assert.equal(q.get("redirect_uri"), "http://portal.test/auth/partner/callback");
    assert.equal(q.get("ui_locales"), "fr");
    assert.equal(q.get("state"), a.state);
    assert.equal(q.get("nonce"), a.nonce);
    assert.equal(q.get("code_challenge_method"), "S256");
    assert.equal(q.get("code_challenge"), createHash("sha256").update(a.codeVerifier).digest("base64url"));
    assert.ok(a.state.length >= 32 && a.nonce.length >= 32 && a.codeVerifier.length >= 43);
    assert.notEqual(a.state, b.state);
    assert.notEqual(a.nonce, b.nonce);
    assert.notEqual(a.codeVerifier, b.codeVerifier);
  });

  it("refuses an http:// partner unless allowed (development only)", async () => {
    up = true;
    const client = createPartnerClient({ now, issuer, clientId: "portal", clientSecret: "s3cret", allowHttp: false });
    await rejectsWith(client.start("https://portal.test/auth/partner/callback", "en"), "unavailable");
  });

  it("says the partner is unavailable when nothing answers", async () => {
    const client = createPartnerClient({ now, issuer: "http://127.0.0.1:9", clientId: "portal", clientSecret: undefined, allowHttp: true, timeoutSeconds: 2 });
    await rejectsWith(client.start("http://portal.test/auth/partner/callback", "en"), "unavailable");
  });

  it("rejects a callback whose state is not the expected one, before calling the partner", async () => {
    up = true;
    const client = createPartnerClient({ now, issuer, clientId: "portal", clientSecret: undefined, allowHttp: true });
    const request = await client.start("http://portal.test/auth/partner/callback", "en");
    const callback = new URL(`http://portal.test/auth/partner/callback?code=abc&state=forged&iss=${encodeURIComponent(issuer)}`);
    await rejectsWith(client.finish(callback, { ...request, redirectUri: "http://portal.test/auth/partner/callback" }), "invalid");
  });
});
