// Every setting of the portal, read from the environment once, at start.
// DESIGN.md's table is the reference; the README repeats it for operators.
import { z } from "zod";
import { AppKeyError, parseAppKey } from "./platform/app-key.ts";
import { parseClamdHost, type ScannerConfig } from "./platform/scan/clamd.ts";
import { directoryStorage, parseStorageUrl, type StorageConfig } from "./platform/storage/config.ts";

const DEMO_PARTNER = "demo";
/** GC Notify's public API (documentation.notification.canada.ca, "Base URL"). */
export const NOTIFY_PUBLIC_API = "https://api.notification.canada.ca";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** A GC Notify API key as Notify shows it once, at creation: gcntfy-{key name}-{service id}-{secret}. */
const NOTIFY_KEY_SHAPE = new RegExp(`^gcntfy-\\S+-${UUID}-${UUID}$`, "i");
const TEMPLATE_ID_SHAPE = new RegExp(`^${UUID}$`, "i");

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
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().trim().min(3).default("Trusted Trader Portal <noreply@trusted-trader.localhost>"),
  // Its shape is checked below, so that a malformed key is named in the message, never repeated.
  NOTIFY_API_KEY: optionalString,
  NOTIFY_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  NOTIFY_TEMPLATE_ID_EN: optionalString.pipe(z.string().regex(TEMPLATE_ID_SHAPE, "must be a GC Notify template id (a UUID)").optional()),
  NOTIFY_TEMPLATE_ID_FR: optionalString.pipe(z.string().regex(TEMPLATE_ID_SHAPE, "must be a GC Notify template id (a UUID)").optional()),
  PARTNER_ISSUER: optionalString.pipe(z.url().optional()),
  PARTNER_CLIENT_ID: optionalString,
  PARTNER_CLIENT_SECRET: optionalString,
  TEST_CLOCK: z.enum(["0", "1", ""]).default("0"),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  METRICS_TOKEN: optionalString,
  APP_KEY: optionalString,
  APP_KEY_PREVIOUS: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  STORAGE_URL: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  CLAMD_SOCKET: optionalString,
  CLAMD_HOST: optionalString,
  EVIDENCE_MAX_FILE_MB: z.coerce.number().int().min(1).max(1024).default(20),
  EVIDENCE_COMPANY_LIMIT_MB: z.coerce.number().int().min(1).max(10 * 1024 * 1024).default(500),
});

const MIB = 1024 * 1024;

/** The three offices a page may send a person to (issue 15: every dead end names who to contact and how). */
export const CONTACT_OFFICES = ["helpDesk", "tccu", "program"] as const;
export type ContactOffice = (typeof CONTACT_OFFICES)[number];
/** Each office's settings: {PREFIX}_PHONE, {PREFIX}_EMAIL, {PREFIX}_HOURS_EN, {PREFIX}_HOURS_FR. */
const CONTACT_PREFIX: Record<ContactOffice, string> = { helpDesk: "HELP_DESK", tccu: "TCCU", program: "PIP" };

/** How to reach one office: its telephone, email and hours (the hours' wording in each language). */
export interface ContactPoint {
  readonly phone: string;
  readonly email: string;
  readonly hours: { readonly en: string; readonly fr: string };
}

/**
 * Development defaults: plainly fictitious (555-01xx numbers are reserved for fiction,
 * example.gc.ca is no real address), so that nobody mistakes them for the real offices.
 * Production requires every one of them to be set.
 */
export const DEVELOPMENT_CONTACTS: Readonly<Record<ContactOffice, ContactPoint>> = Object.freeze({
  helpDesk: {
    phone: "1-800-555-0101",
    email: "portal-helpdesk@example.gc.ca",
    hours: { en: "Monday to Friday, 8 a.m. to 8 p.m. Eastern time", fr: "Du lundi au vendredi, de 8\u00a0h à 20\u00a0h (heure de l’Est)" },
  },
  tccu: {
    phone: "1-800-555-0102",
    email: "tccu-utcc@example.gc.ca",
    hours: { en: "Monday to Friday, 8 a.m. to 4 p.m. Eastern time", fr: "Du lundi au vendredi, de 8\u00a0h à 16\u00a0h (heure de l’Est)" },
  },
  program: {
    phone: "1-800-555-0103",
    email: "pip-pep@example.gc.ca",
    hours: { en: "Monday to Friday, 8:30 a.m. to 4:30 p.m. Eastern time", fr: "Du lundi au vendredi, de 8\u00a0h\u00a030 à 16\u00a0h\u00a030 (heure de l’Est)" },
  },
});

/** The contact block from the environment, each setting falling back to its development default (production: named as a problem). */
function readContacts(env: Record<string, string | undefined>, isProduction: boolean, problems: string[]): Record<ContactOffice, ContactPoint> {
  const out = {} as Record<ContactOffice, ContactPoint>;
  for (const office of CONTACT_OFFICES) {
    const prefix = CONTACT_PREFIX[office];
    const d = DEVELOPMENT_CONTACTS[office];
    const value = (suffix: string, fallback: string): string => {
      const v = env[`${prefix}_${suffix}`]?.trim();
      if (v) return v;
      if (isProduction) problems.push(`${prefix}_${suffix} is required in production (the portal's pages tell people how to reach this office; the development default is fictitious).`);
      return fallback;
    };
    const email = value("EMAIL", d.email);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push(`${prefix}_EMAIL must be an email address.`);
    const phone = value("PHONE", d.phone);
    if (!/^[0-9+() .-]{7,30}$/.test(phone)) problems.push(`${prefix}_PHONE must be a telephone number (digits, spaces, hyphens, parentheses, +).`);
    out[office] = { phone, email, hours: { en: value("HOURS_EN", d.hours.en), fr: value("HOURS_FR", d.hours.fr) } };
  }
  return out;
}

export interface Config {
  readonly env: "development" | "production" | "test";
  readonly isProduction: boolean;
  readonly port: number;
  readonly host: string;
  /** Public origin and path prefix, without a trailing slash. */
  readonly baseUrl: string;
  /** PostgreSQL with its pool's size (DATABASE_POOL_SIZE connections per instance), or PGlite in DATA_DIR. */
  readonly database: { readonly kind: "postgres"; readonly url: string; readonly poolSize: number } | { readonly kind: "pglite"; readonly dataDir: string };
  /**
   * Where mail goes: GC Notify when `notify` is set (NOTIFY_API_KEY), else SMTP (SMTP_URL), else
   * the development mailbox. `from` is SMTP's sender; GC Notify sends from the service's own address.
   */
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string; readonly notify: NotifyConfig | undefined };
  /** `issuer: "demo"` is the bundled development partner. */
  readonly partner: { readonly issuer: string; readonly clientId: string; readonly clientSecret: string | undefined };
  readonly testClock: boolean;
  readonly logLevel: string;
  /** How many reverse proxies (load balancers) stand in front: their X-Forwarded-For entries are trusted. */
  readonly trustProxyHops: number;
  /** The bearer token that opens /metrics to a scraper that is not on this machine (METRICS_TOKEN). */
  readonly metricsToken: string | undefined;
  /**
   * The application key (SEC-8): APP_KEY (and APP_KEY_PREVIOUS during a rotation), or, outside
   * production when APP_KEY is unset, the key generated once into `generateInto` (DATA_DIR).
   */
  readonly appKey: { readonly current: Buffer | undefined; readonly previous: Buffer | undefined; readonly generateInto: string };
  /** Where evidence files live (APP-9): STORAGE_URL, or DATA_DIR/evidence. */
  readonly storage: StorageConfig;
  /** The malware scanner (CLAMD_SOCKET or CLAMD_HOST); "none": files are marked not scanned. */
  readonly scanner: ScannerConfig;
  /** APP-9's limits, in bytes (the settings are in MiB). */
  readonly evidence: { readonly maxFileBytes: number; readonly companyLimitBytes: number };
  /** Who a person is told to contact, and how (HELP_DESK_*, TCCU_*, PIP_*; development defaults are fictitious). */
  readonly contacts: Readonly<Record<ContactOffice, ContactPoint>>;
}

/** GC Notify (notification.canada.ca): the API key, the API's base URL and the generic template of each language. */
export interface NotifyConfig {
  readonly apiKey: string;
  /** Without a trailing slash. */
  readonly baseUrl: string;
  readonly templateIds: { readonly en: string; readonly fr: string };
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
  if (e.METRICS_TOKEN !== undefined && e.METRICS_TOKEN.length < 32) problems.push("METRICS_TOKEN must be at least 32 characters (a random token; /metrics is open to whoever holds it).");
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
    if (!e.SMTP_URL && !e.NOTIFY_API_KEY) problems.push("SMTP_URL or NOTIFY_API_KEY is required in production (the development mailbox does not send mail).");
    if (!e.BASE_URL) problems.push("BASE_URL is required in production.");
    else if (!e.BASE_URL.startsWith("https://")) problems.push("BASE_URL must use https:// in production.");
    if (!partnerConfigured) problems.push("PARTNER_ISSUER is required in production (the demo Sign-In Partner is for development only).");
    else if (!e.PARTNER_ISSUER!.startsWith("https://")) problems.push("PARTNER_ISSUER must use https:// in production (the Sign-In Partner's tokens and client secret must not travel in clear).");
    if (!e.PARTNER_CLIENT_ID) problems.push("PARTNER_CLIENT_ID is required in production.");
    if (!e.PARTNER_CLIENT_SECRET) problems.push("PARTNER_CLIENT_SECRET is required in production.");
    if (e.TEST_CLOCK === "1") problems.push("TEST_CLOCK must not be set in production.");
  } else if (partnerConfigured && !e.PARTNER_CLIENT_ID) {
    problems.push("PARTNER_CLIENT_ID is required when PARTNER_ISSUER is set.");
  }

  let notify: NotifyConfig | undefined;
  if (e.NOTIFY_API_KEY !== undefined) {
    // The key's value never goes into a message: only its name and the expected shape.
    if (!NOTIFY_KEY_SHAPE.test(e.NOTIFY_API_KEY)) {
      problems.push("NOTIFY_API_KEY is not shaped like a GC Notify API key: expected gcntfy-<key name>-<service id>-<secret>, the whole key as GC Notify shows it when it is created.");
    }
    if (!e.NOTIFY_TEMPLATE_ID_EN) problems.push("NOTIFY_TEMPLATE_ID_EN is required with NOTIFY_API_KEY (the English template with ((subject)) and ((body)) placeholders).");
    if (!e.NOTIFY_TEMPLATE_ID_FR) problems.push("NOTIFY_TEMPLATE_ID_FR is required with NOTIFY_API_KEY (the French template with ((subject)) and ((body)) placeholders).");
    const baseUrl = (e.NOTIFY_BASE_URL ?? NOTIFY_PUBLIC_API).replace(/\/+$/, "");
    if (isProduction && !baseUrl.startsWith("https://")) problems.push("NOTIFY_BASE_URL must use https:// in production (the API key travels with every request).");
    if (e.NOTIFY_TEMPLATE_ID_EN && e.NOTIFY_TEMPLATE_ID_FR) {
      notify = { apiKey: e.NOTIFY_API_KEY, baseUrl, templateIds: { en: e.NOTIFY_TEMPLATE_ID_EN, fr: e.NOTIFY_TEMPLATE_ID_FR } };
    }
  }

  let storage = directoryStorage(e.DATA_DIR);
  const hasAccessKey = e.S3_ACCESS_KEY_ID !== undefined;
  if (hasAccessKey !== (e.S3_SECRET_ACCESS_KEY !== undefined)) problems.push("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together.");
  if (e.STORAGE_URL !== undefined) {
    const credentials = hasAccessKey && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : undefined;
    const parsedStorage = parseStorageUrl(e.STORAGE_URL, credentials);
    if ("problems" in parsedStorage) problems.push(...parsedStorage.problems);
    else storage = parsedStorage.config;
    if (isProduction && !credentials) problems.push("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are required in production with an s3:// STORAGE_URL.");
  } else if (hasAccessKey) {
    problems.push("S3_ACCESS_KEY_ID is set but STORAGE_URL is not: set STORAGE_URL=s3://bucket?… to use object storage.");
  }

  let scanner: ScannerConfig = { kind: "none" };
  if (e.CLAMD_SOCKET !== undefined && e.CLAMD_HOST !== undefined) problems.push("Set CLAMD_SOCKET or CLAMD_HOST, not both.");
  else if (e.CLAMD_SOCKET !== undefined) scanner = { kind: "clamd", socket: e.CLAMD_SOCKET };
  else if (e.CLAMD_HOST !== undefined) {
    const address = parseClamdHost(e.CLAMD_HOST);
    if (address) scanner = { kind: "clamd", ...address };
    else problems.push(`CLAMD_HOST must be host:port (for example 127.0.0.1:3310); got "${e.CLAMD_HOST}".`);
  }
  if (e.EVIDENCE_COMPANY_LIMIT_MB < e.EVIDENCE_MAX_FILE_MB) problems.push("EVIDENCE_COMPANY_LIMIT_MB must not be less than EVIDENCE_MAX_FILE_MB.");
  const contacts = readContacts(env, isProduction, problems);

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    database: e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE } : { kind: "pglite", dataDir: e.DATA_DIR },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, notify },
    partner: partnerConfigured
      ? { issuer: e.PARTNER_ISSUER!, clientId: e.PARTNER_CLIENT_ID!, clientSecret: e.PARTNER_CLIENT_SECRET }
      : { issuer: DEMO_PARTNER, clientId: "trusted-trader-portal", clientSecret: undefined },
    testClock: e.TEST_CLOCK === "1",
    logLevel: e.LOG_LEVEL,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    metricsToken: e.METRICS_TOKEN,
    appKey,
    storage,
    scanner,
    evidence: { maxFileBytes: e.EVIDENCE_MAX_FILE_MB * MIB, companyLimitBytes: e.EVIDENCE_COMPANY_LIMIT_MB * MIB },
    contacts,
  };
}
