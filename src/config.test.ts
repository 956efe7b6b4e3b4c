import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, loadConfig, NOTIFY_PUBLIC_API } from "./config.ts";
import { spawnTs } from "../test/helpers/process.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
  assert.fail("expected the configuration to be refused");
}

/** Production names its own offices (issue 15): the development defaults are fictitious. */
const PRODUCTION_CONTACTS = {
  HELP_DESK_PHONE: "1-888-555-0199",
  HELP_DESK_EMAIL: "helpdesk@portal.example.gc.ca",
  HELP_DESK_HOURS_EN: "Every day, 24 hours",
  HELP_DESK_HOURS_FR: "Tous les jours, 24\u00a0heures sur 24",
  TCCU_PHONE: "1-888-555-0198",
  TCCU_EMAIL: "tccu@portal.example.gc.ca",
  TCCU_HOURS_EN: "Weekdays",
  TCCU_HOURS_FR: "En semaine",
  PIP_PHONE: "1-888-555-0197",
  PIP_EMAIL: "pip@portal.example.gc.ca",
  PIP_HOURS_EN: "Weekdays",
  PIP_HOURS_FR: "En semaine",
};

const SAFE_PRODUCTION = {
  ...PRODUCTION_CONTACTS,
  NODE_ENV: "production",
  DATABASE_URL: "postgres://portal@db.internal:5432/portal",
  SMTP_URL: "smtp://mail.internal:25",
  BASE_URL: "https://portal.example.gc.ca",
  PARTNER_ISSUER: "https://broker.example.ca",
  PARTNER_CLIENT_ID: "ttp",
  PARTNER_CLIENT_SECRET: "s3cret",
  APP_KEY: Buffer.alloc(32, 7).toString("base64"),
};

const NOTIFY_KEY = "gcntfy-portal_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";
const NOTIFY = {
  NOTIFY_API_KEY: NOTIFY_KEY,
  NOTIFY_TEMPLATE_ID_EN: "1c7a0d4e-2f55-4c39-9e2a-6f0b7d1e8a01",
  NOTIFY_TEMPLATE_ID_FR: "9b3e6f21-8d4c-4a7e-b1f0-2c5d8e9a7f02",
};
const { SMTP_URL: _smtp, ...PRODUCTION_WITHOUT_MAIL } = SAFE_PRODUCTION;

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
    assert.deepEqual(c.database, { kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/ttp", poolSize: 10 });
    assert.equal(c.baseUrl, "http://localhost:8080");
  });

  it("takes the PostgreSQL pool's size from DATABASE_POOL_SIZE, and refuses one that is not 1 to 100", () => {
    const url = "postgres://postgres@127.0.0.1:5432/ttp";
    assert.deepEqual(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: "24" }).database, { kind: "postgres", url, poolSize: 24 });
    for (const bad of ["0", "101", "ten", "2.5"]) {
      assert.throws(
        () => loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: bad }),
        (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith("DATABASE_POOL_SIZE")),
        bad,
      );
    }
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

  it("gives fictitious development contact details, reads each office's from its settings, and requires them in production", () => {
    const dev = loadConfig({});
    assert.equal(dev.contacts.helpDesk.phone, "1-800-555-0101");
    assert.match(dev.contacts.tccu.email, /@example\.gc\.ca$/);
    const set = loadConfig({ TCCU_PHONE: "613-555-0142", TCCU_HOURS_FR: "En semaine" });
    assert.equal(set.contacts.tccu.phone, "613-555-0142");
    assert.equal(set.contacts.tccu.hours.fr, "En semaine");
    assert.equal(set.contacts.tccu.hours.en, dev.contacts.tccu.hours.en);
    const prod = loadConfig(SAFE_PRODUCTION);
    assert.equal(prod.contacts.program.email, "pip@portal.example.gc.ca");
    const { TCCU_EMAIL: _tccu, PIP_HOURS_FR: _hours, ...missing } = SAFE_PRODUCTION;
    const problems = problemsOf(missing).join(" | ");
    assert.match(problems, /TCCU_EMAIL is required in production/);
    assert.match(problems, /PIP_HOURS_FR is required in production/);
    assert.match(problemsOf({ HELP_DESK_EMAIL: "not an address", PIP_PHONE: "call us" }).join(" | "), /HELP_DESK_EMAIL must be an email address.*PIP_PHONE must be a telephone number/);
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

  it("keeps evidence files in DATA_DIR/evidence with no scanner, 20 MiB a file and 500 MiB a company by default", () => {
    const c = loadConfig({ DATA_DIR: "/srv/ttp" });
    assert.deepEqual(c.storage, { kind: "directory", dir: "/srv/ttp/evidence" });
    assert.deepEqual(c.scanner, { kind: "none" });
    assert.deepEqual(c.evidence, { maxFileBytes: 20 * 1024 * 1024, companyLimitBytes: 500 * 1024 * 1024 });
    const d = loadConfig({ EVIDENCE_MAX_FILE_MB: "5", EVIDENCE_COMPANY_LIMIT_MB: "50" });
    assert.deepEqual(d.evidence, { maxFileBytes: 5 * 1024 * 1024, companyLimitBytes: 50 * 1024 * 1024 });
  });

  it("reads an s3:// STORAGE_URL with its endpoint, region, key prefix and keys", () => {
    const c = loadConfig({ STORAGE_URL: "s3://ttp-evidence?endpoint=http://127.0.0.1:9000&region=ca-central-1", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" });
    assert.deepEqual(c.storage, {
      kind: "s3",
      bucket: "ttp-evidence",
      prefix: "",
      region: "ca-central-1",
      endpoint: "http://127.0.0.1:9000",
      credentials: { accessKeyId: "id", secretAccessKey: "secret" },
    });
    const aws = loadConfig({ ...SAFE_PRODUCTION, STORAGE_URL: "s3://ttp-evidence/portal-1?region=ca-central-1", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" });
    assert.equal(aws.storage.kind, "s3");
    assert.ok(aws.storage.kind === "s3" && aws.storage.endpoint === undefined && aws.storage.prefix === "portal-1/");
    // A custom server without a region signs for us-east-1 (what MinIO and the like accept).
    const minio = loadConfig({ STORAGE_URL: "s3://bucket?endpoint=https://minio.internal:9000/" });
    assert.ok(minio.storage.kind === "s3" && minio.storage.region === "us-east-1" && minio.storage.endpoint === "https://minio.internal:9000");
  });

  it("refuses an s3:// STORAGE_URL without keys in production, and keys given alone or half", () => {
    const url = "s3://ttp-evidence?region=ca-central-1";
    assert.match(problemsOf({ ...SAFE_PRODUCTION, STORAGE_URL: url }).join(), /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required in production/);
    assert.match(problemsOf({ ...SAFE_PRODUCTION, STORAGE_URL: url, S3_ACCESS_KEY_ID: "id" }).join(), /must be set together/);
    assert.match(problemsOf({ S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" }).join(), /STORAGE_URL is not/);
    // Outside production the SDK's own credential chain may serve.
    assert.equal(loadConfig({ STORAGE_URL: url }).storage.kind, "s3");
  });

  it("refuses a STORAGE_URL that is not a usable s3:// URL, naming it", () => {
    for (const [url, problem] of [
      ["not a url", /STORAGE_URL is not a URL/],
      ["file:///srv/evidence", /must start with s3:\/\//],
      ["https://bucket.example", /must start with s3:\/\//],
      ["s3://Bad_Bucket?region=ca-central-1", /not a valid bucket name/],
      ["s3://bucket?endpoint=ftp://host", /endpoint "ftp:\/\/host" is not an http/],
      ["s3://bucket?endpoint=nonsense", /is not an http/],
      ["s3://bucket", /needs \?region=/],
      ["s3://bucket?region=ca-central-1&bucket=x", /unknown parameter "bucket"/],
      ["s3://key:secret@bucket?region=ca-central-1", /must not carry keys/],
    ] as const) {
      assert.match(problemsOf({ STORAGE_URL: url }).join(" | "), problem, url);
    }
  });

  it("reads the ClamAV daemon's socket or host, and refuses both at once or a malformed host", () => {
    assert.deepEqual(loadConfig({ CLAMD_SOCKET: "/run/clamav/clamd.ctl" }).scanner, { kind: "clamd", socket: "/run/clamav/clamd.ctl" });
    assert.deepEqual(loadConfig({ CLAMD_HOST: "127.0.0.1:3310" }).scanner, { kind: "clamd", host: "127.0.0.1", port: 3310 });
    assert.deepEqual(loadConfig({ CLAMD_HOST: "clamav.internal" }).scanner, { kind: "clamd", host: "clamav.internal", port: 3310 });
    assert.deepEqual(loadConfig({ CLAMD_HOST: "[::1]:3311" }).scanner, { kind: "clamd", host: "::1", port: 3311 });
    assert.match(problemsOf({ CLAMD_SOCKET: "/run/clamd.sock", CLAMD_HOST: "127.0.0.1:3310" }).join(), /not both/);
    assert.match(problemsOf({ CLAMD_HOST: "tcp://127.0.0.1:3310" }).join(), /CLAMD_HOST must be host:port/);
    assert.match(problemsOf({ CLAMD_HOST: "127.0.0.1:99999" }).join(), /CLAMD_HOST/);
  });

  it("refuses evidence limits that are not whole positive numbers, or a company limit below a file's", () => {
    assert.match(problemsOf({ EVIDENCE_MAX_FILE_MB: "0" }).join(), /EVIDENCE_MAX_FILE_MB/);
    assert.match(problemsOf({ EVIDENCE_MAX_FILE_MB: "2.5" }).join(), /EVIDENCE_MAX_FILE_MB/);
    assert.match(problemsOf({ EVIDENCE_COMPANY_LIMIT_MB: "lots" }).join(), /EVIDENCE_COMPANY_LIMIT_MB/);
    assert.match(problemsOf({ EVIDENCE_MAX_FILE_MB: "50", EVIDENCE_COMPANY_LIMIT_MB: "40" }).join(), /must not be less than/);
  });

  it("takes GC Notify as production's mail instead of SMTP, on its public API unless NOTIFY_BASE_URL says otherwise", () => {
    const c = loadConfig({ ...PRODUCTION_WITHOUT_MAIL, ...NOTIFY });
    assert.equal(c.mail.smtpUrl, undefined);
    assert.deepEqual(c.mail.notify, { apiKey: NOTIFY_KEY, baseUrl: NOTIFY_PUBLIC_API, templateIds: { en: NOTIFY.NOTIFY_TEMPLATE_ID_EN, fr: NOTIFY.NOTIFY_TEMPLATE_ID_FR } });
    assert.equal(loadConfig({ ...NOTIFY, NOTIFY_BASE_URL: "http://127.0.0.1:4010/" }).mail.notify?.baseUrl, "http://127.0.0.1:4010");
    assert.equal(loadConfig({}).mail.notify, undefined);
  });

  it("refuses production with neither SMTP_URL nor NOTIFY_API_KEY, naming both", () => {
    assert.match(problemsOf(PRODUCTION_WITHOUT_MAIL).join(" | "), /SMTP_URL or NOTIFY_API_KEY is required in production/);
  });

  it("refuses an http:// PARTNER_ISSUER in production", () => {
    assert.match(problemsOf({ ...SAFE_PRODUCTION, PARTNER_ISSUER: "http://broker.example.ca" }).join(" | "), /PARTNER_ISSUER must use https:\/\/ in production/);
    // Outside production a local provider over http is how development and the tests run.
    assert.equal(loadConfig({ PARTNER_ISSUER: "http://127.0.0.1:4000", PARTNER_CLIENT_ID: "ttp" }).partner.issuer, "http://127.0.0.1:4000");
  });

  it("refuses NOTIFY_API_KEY without both template ids, in any environment, naming each missing one", () => {
    for (const base of [{}, { NODE_ENV: "test" }, SAFE_PRODUCTION] as Record<string, string>[]) {
      const neither = problemsOf({ ...base, NOTIFY_API_KEY: NOTIFY_KEY }).join(" | ");
      assert.match(neither, /NOTIFY_TEMPLATE_ID_EN is required with NOTIFY_API_KEY/);
      assert.match(neither, /NOTIFY_TEMPLATE_ID_FR is required with NOTIFY_API_KEY/);
    }
    const noFrench = problemsOf({ ...NOTIFY, NOTIFY_TEMPLATE_ID_FR: "" });
    assert.deepEqual(noFrench.filter((p) => p.includes("NOTIFY_TEMPLATE_ID")).length, 1);
    assert.match(noFrench.join(), /NOTIFY_TEMPLATE_ID_FR is required/);
    assert.match(problemsOf({ ...NOTIFY, NOTIFY_TEMPLATE_ID_EN: "welcome-en" }).join(), /NOTIFY_TEMPLATE_ID_EN: must be a GC Notify template id/);
  });

  it("refuses a NOTIFY_API_KEY not shaped like a GC Notify key, without repeating it", () => {
    for (const key of ["3d844edf-8d35-48ac-975b-e847b4f122b0", "portal_live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0", "gcntfy-portal_live-26785a09-ab16-4eb0-8407-a37497a57506", "ApiKey-v1 " + NOTIFY_KEY]) {
      const problems = problemsOf({ ...NOTIFY, NOTIFY_API_KEY: key }).join(" | ");
      assert.match(problems, /NOTIFY_API_KEY is not shaped like a GC Notify API key/, key);
      assert.ok(!problems.includes(key), "the value is not echoed");
    }
  });

  it("refuses an http:// NOTIFY_BASE_URL in production (the key goes with every request)", () => {
    assert.match(problemsOf({ ...SAFE_PRODUCTION, ...NOTIFY, NOTIFY_BASE_URL: "http://notify.internal" }).join(), /NOTIFY_BASE_URL must use https:\/\/ in production/);
    assert.match(problemsOf({ ...NOTIFY, NOTIFY_BASE_URL: "ftp://notify.internal" }).join(), /NOTIFY_BASE_URL/);
  });

  it("stops the start with exit 78, naming each refused setting (and no key)", async () => {
    const badKey = "gcntfy-portal_live-26785a09-ab16-4eb0-8407-a37497a57506";
    const child = spawnTs("src/main.ts", {
      ...Object.fromEntries(["SMTP_URL", "STORAGE_URL", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "CLAMD_SOCKET", "CLAMD_HOST", "APP_KEY_PREVIOUS", "NOTIFY_BASE_URL", "METRICS_TOKEN"].map((k) => [k, ""])),
      ...PRODUCTION_WITHOUT_MAIL,
      PARTNER_ISSUER: "http://broker.example.ca",
      NOTIFY_API_KEY: badKey,
      NOTIFY_TEMPLATE_ID_EN: "",
      NOTIFY_TEMPLATE_ID_FR: "",
      TEST_CLOCK: "0",
      PORT: "0",
    });
    const code = await child.exited;
    const output = child.output();
    assert.equal(code, 78, output);
    for (const problem of [
      /PARTNER_ISSUER must use https:\/\/ in production/,
      /NOTIFY_API_KEY is not shaped like a GC Notify API key/,
      /NOTIFY_TEMPLATE_ID_EN is required with NOTIFY_API_KEY/,
      /NOTIFY_TEMPLATE_ID_FR is required with NOTIFY_API_KEY/,
    ]) {
      assert.match(output, problem);
    }
    assert.ok(!output.includes(badKey), "the key is not printed");
    assert.doesNotMatch(output, /\n\s+at /, "no stack trace");
  });
});
