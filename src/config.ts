// Every setting of the portal, read from the environment once, at start.
// DESIGN.md's table is the reference; the README repeats it for operators.
import { z } from "zod";
import { AppKeyError, parseAppKey } from "./platform/app-key.ts";

const DEMO_PARTNER = "demo";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().trim().min(3).default("Trusted Trader Portal <noreply@trusted-trader.localhost>"),
  PARTNER_ISSUER: optionalString.pipe(z.url().optional()),
  PARTNER_CLIENT_ID: optionalString,
  PARTNER_CLIENT_SECRET: optionalString,
  TEST_CLOCK: z.enum(["0", "1", ""]).default("0"),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  APP_KEY: optionalString,
  APP_KEY_PREVIOUS: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  readonly env: "development" | "production" | "test";
  readonly isProduction: boolean;
  readonly port: number;
  readonly host: string;
  /** Public origin and path prefix, without a trailing slash. */
  readonly baseUrl: string;
  readonly database: { readonly kind: "postgres"; readonly url: string } | { readonly kind: "pglite"; readonly dataDir: string };
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string };
  /** `issuer: "demo"` is the bundled development partner. */
  readonly partner: { readonly issuer: string; readonly clientId: string; readonly clientSecret: string | undefined };
  readonly testClock: boolean;
  readonly logLevel: string;
  /** How many reverse proxies (load balancers) stand in front: their X-Forwarded-For entries are trusted. */
  readonly trustProxyHops: number;
  /**
   * The application key (SEC-8): APP_KEY (and APP_KEY_PREVIOUS during a rotation), or, outside
   * production when APP_KEY is unset, the key generated once into `generateInto` (DATA_DIR).
   */
  readonly appKey: { readonly current: Buffer | undefined; readonly previous: Buffer | undefined; readonly generateInto: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws a ConfigError naming every problem at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === "production";
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  const partnerConfigured = e.PARTNER_ISSUER !== undefined;

  const problems: string[] = [];
  const key = (name: "APP_KEY" | "APP_KEY_PREVIOUS"): Buffer | undefined => {
    const text = e[name];
    if (text === undefined) return undefined;
    try {
      return parseAppKey(text, name);
    } catch (err) {
      if (err instanceof AppKeyError) problems.push(err.message);
      return undefined;
    }
  };
  const appKey = { current: key("APP_KEY"), previous: key("APP_KEY_PREVIOUS"), generateInto: e.DATA_DIR };
  if (appKey.previous && !e.APP_KEY) problems.push("APP_KEY_PREVIOUS is set without APP_KEY: set the new key as APP_KEY and the old one as APP_KEY_PREVIOUS.");
  if (isProduction) {
    if (!e.APP_KEY) problems.push("APP_KEY is required in production (32 random bytes in base64; keep it in a secret store, never in the database's backups).");
    if (!e.DATABASE_URL) problems.push("DATABASE_URL is required in production (the embedded database is for development only).");
    if (!e.SMTP_URL) problems.push("SMTP_URL is required in production (the development mailbox does not send mail).");
    if (!e.BASE_URL) problems.push("BASE_URL is required in production.");
    else if (!e.BASE_URL.startsWith("https://")) problems.push("BASE_URL must use https:// in production.");
    if (!partnerConfigured) problems.push("PARTNER_ISSUER is required in production (the demo Sign-In Partner is for development only).");
    if (!e.PARTNER_CLIENT_ID) problems.push("PARTNER_CLIENT_ID is required in production.");
    if (!e.PARTNER_CLIENT_SECRET) problems.push("PARTNER_CLIENT_SECRET is required in production.");
    if (e.TEST_CLOCK === "1") problems.push("TEST_CLOCK must not be set in production.");
  } else if (partnerConfigured && !e.PARTNER_CLIENT_ID) {
    problems.push("PARTNER_CLIENT_ID is required when PARTNER_ISSUER is set.");
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    database: e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL } : { kind: "pglite", dataDir: e.DATA_DIR },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    partner: partnerConfigured
      ? { issuer: e.PARTNER_ISSUER!, clientId: e.PARTNER_CLIENT_ID!, clientSecret: e.PARTNER_CLIENT_SECRET }
      : { issuer: DEMO_PARTNER, clientId: "trusted-trader-portal", clientSecret: undefined },
    testClock: e.TEST_CLOCK === "1",
    logLevel: e.LOG_LEVEL,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    appKey,
  };
}
