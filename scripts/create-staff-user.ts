// Creates a CBSA staff account from the command line, as the staff accounts page does, and
// prints its one-time sign-in details once. Uses the portal's own settings (DATABASE_URL or
// DATA_DIR) and brings the database schema up to date first.
//
// On the embedded database (DATA_DIR) it needs the folder to itself: while the portal runs
// it is refused (exit 75) and nothing is written; create the account on the portal's Staff
// accounts page instead. On PostgreSQL it works beside running portals. Its details are
// printed only once the database is closed, so an account reported as created is on disk.
//
//   npm run staff:create -- --username jdoe --name "Jane Doe" --email jane.doe@cbsa-asfc.gc.ca --role mail-room [--role admin]
//   npm run staff:create -- --reset jdoe     (new one-time password and authenticator key)
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../src/config.ts";
import { resolveAppKeys, useAppKeys } from "../src/platform/app-key.ts";
import { PortalClock } from "../src/platform/clock.ts";
import { DataDirLocked, migrateToLatest, openDatabase } from "../src/platform/db/index.ts";
import { STAFF_ROLES } from "../src/features/staff/schema.ts";
import { createStaffUser, normalizeStaffUsername, resetStaffSignIn, type IssuedSignIn, type StaffUserError } from "../src/features/staff/service.ts";
import { staffDb } from "../src/features/staff/schema.ts";

const USAGE = `Usage:
  create-staff-user --username U --name "Full Name" --email E --role ROLE [--role ROLE …]
  create-staff-user --reset U
Roles: ${STAFF_ROLES.join(", ")}`;

const PROBLEMS: Record<StaffUserError["field"], string> = {
  username: "--username: 3 to 32 letters, digits, dots, hyphens or underscores, starting with a letter or digit, not already used",
  displayName: "--name: required, letters, spaces, apostrophes, dots and hyphens, 100 characters at most",
  email: "--email: a valid email address",
  roles: `--role: at least one of ${STAFF_ROLES.join(", ")}`,
};

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function print(issued: IssuedSignIn, baseUrl: string, what: string): void {
  process.stdout.write(
    [
      `${what} These details are shown only once:`,
      `  sign in at:            ${baseUrl}/en/staff/sign-in`,
      `  username:              ${issued.username}`,
      `  one-time password:     ${issued.password}   (a new password is chosen at first sign-in)`,
      `  authenticator key:     ${issued.totpSecret}   (time-based, SHA-1, 6 digits, 30 s)`,
      `  authenticator address: ${issued.totpUri}`,
      "",
    ].join("\n"),
  );
}

let args;
try {
  args = parseArgs({
    options: {
      username: { type: "string" },
      name: { type: "string" },
      email: { type: "string" },
      role: { type: "string", multiple: true },
      reset: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  }).values;
} catch (err) {
  fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`, 64);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!args.reset && (!args.username || !args.name || !args.email || !args.role?.length)) fail(USAGE, 64);

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) fail(err.message, 78);
  throw err;
}

useAppKeys(resolveAppKeys(config.appKey)); // the same key as the portal's: it seals the TOTP secret
const baseUrl = config.baseUrl;
const database = await openDatabase(
  config.database.kind === "postgres" ? { kind: "postgres", url: config.database.url, poolSize: 2 } : { kind: "pglite", dataDir: config.database.dataDir },
).catch((err: unknown) => {
  if (err instanceof DataDirLocked) {
    const what = args.reset ? "Nothing was changed: stop the portal first, or issue new details" : "Nothing was created: stop the portal first, or create the account";
    fail(`${err.message}\n${what} on its Staff accounts page (${baseUrl}/en/staff/users).`, 75); // EX_TEMPFAIL
  }
  throw err;
});
let exitCode = 0;
let report = () => {};
try {
  await migrateToLatest(database.db);
  const deps = { db: database.db, clock: new PortalClock() };
  if (args.reset) {
    const user = await staffDb(database.db).selectFrom("staff_users").select("id").where("username_normalized", "=", normalizeStaffUsername(args.reset)).executeTakeFirst();
    const result = user ? await resetStaffSignIn(deps, { type: "system", via: "cli" }, user.id, null) : null;
    if (result?.ok) {
      const { issued } = result;
      report = () => print(issued, config.baseUrl, `New sign-in details for the staff account "${issued.username}"; its sessions were ended.`);
    } else {
      process.stderr.write(`No enabled staff account is named "${args.reset}".\n`);
      exitCode = 65;
    }
  } else {
    const result = await createStaffUser(
      deps,
      { username: args.username!.trim(), displayName: args.name!.trim(), email: args.email!.trim().toLowerCase(), roles: args.role! },
      { type: "system", via: "cli" },
    );
    if (result.ok) {
      const { issued } = result;
      report = () => print(issued, config.baseUrl, `The staff account "${issued.username}" was created.`);
    } else {
      process.stderr.write(`Nothing was created:\n${[...new Set(result.errors.map((e) => PROBLEMS[e.field]))].map((p) => `  - ${p}`).join("\n")}\n`);
      exitCode = 65;
    }
  }
} finally {
  // Closing flushes the embedded database to disk; only then are the details shown.
  await database.close();
}
report();
process.exit(exitCode);
