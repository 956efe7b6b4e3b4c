// The first CBSA staff administrator (DESIGN "How it runs"): at first start, when there is no
// staff account at all, the portal creates one and its one-time sign-in details are printed
// once (by main.ts, to stdout, never through the JSON logger).
import { sql } from "kysely";
import { hashPassword } from "../identity/gckey.ts";
import { staffDb } from "./schema.ts";
import { generateOneTimePassword, insertStaffUser, newTotpSecret, totpUri, type IssuedSignIn, type StaffDeps } from "./service.ts";

export const FIRST_ADMINISTRATOR_USERNAME = "admin";

/**
 * At first start: when there is no staff account at all, creates "admin" (administrator
 * role, a one-time password, an authenticator key) and returns its details to print once;
 * null when staff accounts already exist. Safe when several processes start at once: a
 * transaction-scoped advisory lock lets one of them check and create.
 */
export async function ensureFirstAdministrator(deps: StaffDeps): Promise<IssuedSignIn | null> {
  const db = staffDb(deps.db);
  if (await db.selectFrom("staff_users").select("id").limit(1).executeTakeFirst()) return null;
  const username = FIRST_ADMINISTRATOR_USERNAME;
  const password = generateOneTimePassword(username);
  const totpSecret = newTotpSecret();
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('ttp:staff:first-administrator'))`.execute(trx);
    if (await trx.selectFrom("staff_users").select("id").limit(1).executeTakeFirst()) return null;
    const row = await insertStaffUser(
      trx,
      deps,
      { username, displayName: "Administrator", email: "admin@trusted-trader.localhost", roles: ["admin"] },
      { passwordHash, totpSecret },
      { type: "system", via: "first-start" },
      null,
    );
    if (!row) return null;
    return { username, password, totpSecret, totpUri: totpUri(username, totpSecret) };
  });
}

/** The lines main.ts prints for the first administrator (the details are shown only this once). */
export function firstAdministratorNotice(issued: IssuedSignIn, baseUrl: string): string {
  return [
    "",
    "A CBSA staff administrator account was created. These details are shown only once:",
    `  sign in at:            ${baseUrl}/en/staff/sign-in`,
    `  username:              ${issued.username}`,
    `  one-time password:     ${issued.password}   (you choose your own at first sign-in)`,
    `  authenticator key:     ${issued.totpSecret}   (time-based, SHA-1, 6 digits, 30 s)`,
    `  authenticator address: ${issued.totpUri}`,
    "",
  ].join("\n");
}

/**
 * The one readable line main.ts prints once the portal listens, outside production: where a
 * newcomer goes first (issue 15). The development mailbox exists only when no mail service is set.
 */
export function readyLine(baseUrl: string, devMailbox: boolean): string {
  const parts = [`Portal ready at ${baseUrl}/en`];
  if (devMailbox) parts.push(`development mailbox ${baseUrl}/en/dev/mailbox`);
  parts.push(`staff sign-in ${baseUrl}/en/staff/sign-in`);
  return `${parts.join(" · ")}\n`;
}
