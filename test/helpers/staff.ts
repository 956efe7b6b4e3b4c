// CBSA staff for integration tests: an account with the given roles, signed in over HTTP
// (password, TOTP from the account's key on the portal's clock, a new own password).
import assert from "node:assert/strict";
import * as OTPAuth from "otpauth";
import type { TestPortal } from "./app.ts";
import { TestClient } from "./client.ts";
import { unescapeHtml } from "./page-text.ts";
import { createStaffUser } from "../../src/features/staff/service.ts";
import type { StaffRole } from "../../src/features/staff/schema.ts";
import type { SoftwareAuthenticator } from "./software-authenticator.ts";

let counter = 0;

/** The password every staff member made by these helpers chooses at their first sign-in. */
export const STAFF_OWN_PASSWORD = "a staff member's own passphrase";

/** A staff member signed in, with what it takes to sign in again. */
export interface StaffMember {
  client: TestClient;
  id: string;
  username: string;
  email: string;
  /** Their own password (chosen at the first sign-in). */
  password: string;
  /** Their authenticator app: `totp.generate({ timestamp })` gives a code. */
  totp: OTPAuth.TOTP;
}

export async function signedInStaffMember(portal: TestPortal, roles: StaffRole[], lang: "en" | "fr" = "en"): Promise<StaffMember> {
  const username = `agent${++counter}${roles[0]!.replace(/[^a-z]/g, "")}`.slice(0, 16);
  const email = `${username}@cbsa-asfc.gc.ca`;
  const created = await createStaffUser(portal.deps, { username, displayName: "Sam Agent", email, roles }, { type: "system", via: "test" });
  assert.ok(created.ok, JSON.stringify(created));
  const client = new TestClient(portal.app);
  const step = async (path: string, fields: Record<string, string>, next: string) => {
    const res = await client.postForm(`/${lang}/staff/${path}`, fields);
    assert.equal(res.status, 303, `${path}: ${res.status}`);
    assert.equal(res.headers.get("location"), next);
  };
  await step("sign-in", { username, password: created.issued.password }, `/${lang}/staff/sign-in/totp`);
  const totp = OTPAuth.URI.parse(created.issued.totpUri) as OTPAuth.TOTP;
  await step("sign-in/totp", { code: totp.generate({ timestamp: portal.clock.now().getTime() }) }, `/${lang}/staff/sign-in/password`);
  await step("sign-in/password", { password: STAFF_OWN_PASSWORD, confirmPassword: STAFF_OWN_PASSWORD }, `/${lang}/staff`);
  return { client, id: created.id, username, email, password: STAFF_OWN_PASSWORD, totp };
}

export async function signedInStaff(portal: TestPortal, roles: StaffRole[], lang: "en" | "fr" = "en"): Promise<TestClient> {
  return (await signedInStaffMember(portal, roles, lang)).client;
}

/** The passkey options a page hands the browser (its ceremony form's data-options). */
export function passkeyOptionsIn(html: string): { challenge: string; allowCredentials?: { id: string }[]; excludeCredentials?: { id: string }[]; rp?: { id: string; name: string }; rpId?: string; user?: { name: string } } {
  const raw = /data-options="([^"]*)"/.exec(html)?.[1];
  assert.ok(raw, "the page carries passkey options");
  return JSON.parse(unescapeHtml(raw)) as ReturnType<typeof passkeyOptionsIn>;
}

/** Adds a passkey on a signed-in staff member's account page, as the browser would with `authenticator`; its id. */
export async function addStaffPasskey(client: TestClient, authenticator: SoftwareAuthenticator, name: string, lang: "en" | "fr" = "en"): Promise<string> {
  const page = await client.get(`/${lang}/staff/account/passkeys/new`);
  assert.equal(page.status, 200, `add-passkey page: ${page.status}`);
  const res = await client.postForm(`/${lang}/staff/account/passkeys/new`, { name, response: JSON.stringify(authenticator.register(passkeyOptionsIn(await page.text()))) });
  assert.equal(res.status, 303, `adding ${name}: ${res.status}`);
  const id = new RegExp(`^/${lang}/staff/account\\?added=(\\d+)$`).exec(res.headers.get("location") ?? "")?.[1];
  assert.ok(id, `adding ${name}: ${res.headers.get("location")}`);
  return id;
}
