import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "./config.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
  assert.fail("expected the configuration to be refused");
}

const SAFE_PRODUCTION = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://portal@db.internal:5432/portal",
  SMTP_URL: "smtp://mail.internal:25",
  BASE_URL: "https://portal.example.gc.ca",
  PARTNER_ISSUER: "https://broker.example.ca",
  PARTNER_CLIENT_ID: "ttp",
  PARTNER_CLIENT_SECRET: "s3cret",
  APP_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("configuration", () => {
  it("runs a first start with no settings: PGlite under ./data, the mailbox, the demo partner, port 3000", () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.host, "127.0.0.1");
    assert.equal(c.baseUrl, "http://localhost:3000");
    assert.deepEqual(c.database, { kind: "pglite", dataDir: "./data" });
    assert.equal(c.mail.smtpUrl, undefined);
    assert.equal(c.partner.issuer, "demo");
    assert.equal(c.testClock, false);
  });

  it("uses PostgreSQL when DATABASE_URL is set and drops a trailing slash from BASE_URL", () => {
    const c = loadConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/ttp", BASE_URL: "http://localhost:8080/" });
    assert.deepEqual(c.database, { kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/ttp" });
    assert.equal(c.baseUrl, "http://localhost:8080");
  });

  it("accepts a complete, safe production configuration", () => {
    const c = loadConfig(SAFE_PRODUCTION);
    assert.equal(c.isProduction, true);
    assert.equal(c.partner.issuer, "https://broker.example.ca");
  });

  it("refuses production without a database, SMTP, an HTTPS base URL or a real partner, naming each", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    for (const name of ["DATABASE_URL", "SMTP_URL", "BASE_URL", "PARTNER_ISSUER", "PARTNER_CLIENT_ID", "PARTNER_CLIENT_SECRET", "APP_KEY"]) {
      assert.ok(problems.some((p) => p.includes(name)), `a problem names ${name}: ${problems.join(" | ")}`);
    }
  });

  it("refuses an APP_KEY that is not 32 bytes of base64, and a previous key without a current one (SEC-8)", () => {
    assert.match(problemsOf({ ...SAFE_PRODUCTION, APP_KEY: "too-short" }).join(), /APP_KEY must be 32 random bytes in base64/);
    assert.match(problemsOf({ ...SAFE_PRODUCTION, APP_KEY: Buffer.alloc(31, 1).toString("base64") }).join(), /APP_KEY must be 32 random bytes/);
    assert.match(problemsOf({ APP_KEY_PREVIOUS: Buffer.alloc(32, 1).toString("base64") }).join(), /APP_KEY_PREVIOUS is set without APP_KEY/);
    const c = loadConfig({ ...SAFE_PRODUCTION, APP_KEY_PREVIOUS: Buffer.alloc(32, 9).toString("base64") });
    assert.deepEqual(c.appKey.current, Buffer.alloc(32, 7));
    assert.deepEqual(c.appKey.previous, Buffer.alloc(32, 9));
  });

  it("refuses plain HTTP and the test clock in production", () => {
    assert.match(problemsOf({ ...SAFE_PRODUCTION, BASE_URL: "http://portal.example.gc.ca" }).join(), /BASE_URL must use https/);
    assert.match(problemsOf({ ...SAFE_PRODUCTION, TEST_CLOCK: "1" }).join(), /TEST_CLOCK/);
  });

  it("refuses malformed values with the variable's name", () => {
    assert.match(problemsOf({ PORT: "eighty" }).join(), /PORT/);
    assert.match(problemsOf({ DATABASE_URL: "mysql://x/y" }).join(), /DATABASE_URL/);
    assert.match(problemsOf({ SMTP_URL: "http://mail" }).join(), /SMTP_URL/);
  });
});
