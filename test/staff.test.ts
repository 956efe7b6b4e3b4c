// CBSA staff accounts and staff sign-in through HTTP (SPEC STAFF-1, SEC-1, SEC-3): the first
// administrator, password + TOTP + a password of one's own, TOTP steps used once, growing
// delays, roles, staff and trader sessions kept apart, CSRF, the idle limit, the command line.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as OTPAuth from "otpauth";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { TestClient } from "./helpers/client.ts";
import { fieldErrors, person, signUpAndSignIn } from "./helpers/identity.ts";
import { spawn } from "node:child_process";
import { repoRoot } from "./helpers/process.ts";
import { staffRoutes } from "../src/features/staff/routes.tsx";
import { staffSessionContext } from "../src/features/staff/sessions.ts";
import { ensureFirstAdministrator } from "../src/features/staff/bootstrap.ts";
import { createStaffUser, type IssuedSignIn } from "../src/features/staff/service.ts";
import type { StaffRole } from "../src/features/staff/schema.ts";
import { signedInStaff } from "./helpers/staff.ts";

const MINUTE = 60_000;
const STEP = 30_000;
const NEW_PASSWORD = "a quiet harbour at dawn";
let portal: TestPortal;

before(async () => {
  portal = await createTestPortal();
  // Until app.ts mounts the staff feature, mount it here. Middleware that createApp added
  // with app.use("*") (CSRF, security headers, trader sessions) runs for routes added later.
  if (!portal.app.routes.some((r) => r.path.includes("/staff/sign-in"))) {
    portal.app.use("*", staffSessionContext(portal.deps));
    portal.app.route("/", staffRoutes(portal.deps));
  }
});
after(() => portal.close());

function code(issued: { totpUri: string }, at = portal.clock.now()): string {
  const totp = OTPAuth.URI.parse(issued.totpUri);
  assert.ok(totp instanceof OTPAuth.TOTP);
  return totp.generate({ timestamp: at.getTime() });
}

function expectRedirect(res: Response, to: string | RegExp, label = "redirect"): void {
  assert.equal(res.status, 303, `${label}: status ${res.status}`);
  const location = res.headers.get("location") ?? "";
  if (typeof to === "string") assert.equal(location, to, label);
  else assert.match(location, to, label);
}

let counter = 0;
async function newStaff(roles: StaffRole[], username = `staff${++counter}`): Promise<IssuedSignIn> {
  const result = await createStaffUser(portal.deps, { username, displayName: "Dana Roy", email: `${username}@cbsa-asfc.gc.ca`, roles }, { type: "system", via: "test" });
  assert.ok(result.ok, JSON.stringify(result));
  return result.issued;
}

/** Password, TOTP and (first time) a new password: a signed-in staff client on the staff home. */
async function staffSignIn(issued: IssuedSignIn, options: { password?: string; client?: TestClient; lang?: "en" | "fr" } = {}): Promise<TestClient> {
  const client = options.client ?? new TestClient(portal.app);
  const l = options.lang ?? "en";
  expectRedirect(await client.postForm(`/${l}/staff/sign-in`, { username: issued.username, password: options.password ?? issued.password }), `/${l}/staff/sign-in/totp`, "password");
  const totp = await client.postForm(`/${l}/staff/sign-in/totp`, { code: code(issued) });
  if (options.password === undefined) {
    expectRedirect(totp, `/${l}/staff/sign-in/password`, "TOTP (first time)");
    expectRedirect(await client.postForm(`/${l}/staff/sign-in/password`, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), `/${l}/staff`, "new password");
  } else {
    expectRedirect(totp, `/${l}/staff`, "TOTP");
  }
  return client;
}

function staffCookie(client: TestClient): string | undefined {
  return client.cookies.get("ttp-staff");
}

/** The text of a page without markup, for "does not show" checks. */
async function pageText(res: Response): Promise<string> {
  return (await res.text()).replace(/<[^>]+>/g, " ");
}

describe("the first administrator", () => {
  it("is created once, even when two starts race, and signs in with password, TOTP and a new password", async () => {
    const [a, b] = await Promise.all([ensureFirstAdministrator(portal.deps), ensureFirstAdministrator(portal.deps)]);
    const created = [a, b].filter((x) => x !== null);
    assert.equal(created.length, 1, "exactly one start creates the administrator");
    assert.equal(await ensureFirstAdministrator(portal.deps), null, "a later start prints nothing");
    const admin = created[0]!;
    assert.equal(admin.username, "admin");
    assert.match(admin.totpUri, /^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    assert.ok(admin.totpUri.includes(admin.totpSecret));

    const client = await staffSignIn(admin);
    const home = await client.get("/en/staff");
    assert.equal(home.status, 200);
    const html = await home.text();
    assert.match(html, /CBSA staff tools/);
    assert.match(html, /href="\/en\/staff\/users"/, "an administrator sees the staff accounts tool");
    assert.doesNotMatch(html, /href="\/en\/staff\/mail-room"/, "but not the tools of roles they do not hold");

    const events = await portal.database.db.selectFrom("audit_events").select(["actor_type", "action"]).where("action", "like", "staff.%").execute();
    assert.ok(events.some((e) => e.actor_type === "system" && e.action === "staff.user-created"));
    assert.ok(events.some((e) => e.actor_type === "staff" && e.action === "staff.sign-in.completed"));
  });
});

describe("staff sign-in", () => {
  it("asks for the TOTP code, then a password of one's own, then opens the home with a new token", async () => {
    const issued = await newStaff(["mail-room", "tccu"]);
    const client = new TestClient(portal.app);
    expectRedirect(await client.postForm("/en/staff/sign-in", { username: issued.username.toUpperCase(), password: issued.password }), "/en/staff/sign-in/totp", "usernames ignore case");
    const atTotp = staffCookie(client);
    assert.ok(atTotp);
    expectRedirect(await client.get("/en/staff"), "/en/staff/sign-in/totp", "nothing opens before the second factor");
    const totpPage = await client.get("/en/staff/sign-in/totp");
    assert.match(await totpPage.text(), /First sign-in: add the authenticator key/);

    expectRedirect(await client.postForm("/en/staff/sign-in/totp", { code: code(issued) }), "/en/staff/sign-in/password");
    expectRedirect(await client.get("/en/staff"), "/en/staff/sign-in/password", "nothing opens before the new password");

    const withName = await client.postForm("/en/staff/sign-in/password", { password: `my ${issued.username} password`, confirmPassword: `my ${issued.username} password` });
    assert.equal(withName.status, 422);
    assert.ok(fieldErrors(await withName.text()).includes("Your password cannot contain your username."));
    const same = await client.postForm("/en/staff/sign-in/password", { password: issued.password, confirmPassword: issued.password });
    assert.equal(same.status, 422);
    assert.ok(fieldErrors(await same.text()).includes("Choose a password different from the one you were given."));
    const common = await client.postForm("/en/staff/sign-in/password", { password: "password1234", confirmPassword: "password1234" });
    assert.equal(common.status, 422, "the GCKey policy applies (common passwords)");
    const mismatch = await client.postForm("/en/staff/sign-in/password", { password: NEW_PASSWORD, confirmPassword: "something else entirely" });
    assert.equal(mismatch.status, 422);

    expectRedirect(await client.postForm("/en/staff/sign-in/password", { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), "/en/staff");
    const authenticated = staffCookie(client);
    assert.ok(authenticated && authenticated !== atTotp, "a new token once signed in (no fixation)");
    const stale = new TestClient(portal.app);
    stale.cookies.set("ttp-staff", atTotp);
    expectRedirect(await stale.get("/en/staff"), "/en/staff/sign-in?ended=1", "the sign-in token no longer opens anything");

    const home = await client.get("/en/staff");
    assert.equal(home.status, 200);
    const html = await home.text();
    for (const path of ["mail-room", "tccu", "companies"]) assert.match(html, new RegExp(`href="/en/staff/${path}"`), `the ${path} tool`);
    assert.doesNotMatch(html, /href="\/en\/staff\/users"/, "no staff administration without the role");
    assert.match(html, /Signed in as Dana Roy/);
    const fr = await client.get("/fr/staff");
    assert.match(await fr.text(), /Outils du personnel de l’ASFC/, "in French too");

    expectRedirect(await client.postForm("/en/staff/sign-out", {}), "/en/staff/sign-in?signedOut=1");
    expectRedirect(await client.get("/en/staff"), /^\/en\/staff\/sign-in/, "signed out");

    // The next sign-in: the new password and a TOTP code of a later step; no password change.
    portal.clock.advance(STEP);
    await staffSignIn(issued, { password: NEW_PASSWORD, lang: "fr" });
    const oldPassword = await new TestClient(portal.app).postForm("/en/staff/sign-in", { username: issued.username, password: issued.password });
    assert.equal(oldPassword.status, 422, "the one-time password worked once");
  });

  it("refuses a wrong TOTP code and stays at that step", async () => {
    const issued = await newStaff(["tccu"]);
    const client = new TestClient(portal.app);
    expectRedirect(await client.postForm("/en/staff/sign-in", { username: issued.username, password: issued.password }), "/en/staff/sign-in/totp");
    const right = code(issued);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    const res = await client.postForm("/en/staff/sign-in/totp", { code: wrong });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.ok(fieldErrors(html).some((e) => e.startsWith("That code is not correct.")));
    assert.match(html, /gcds-error-summary/);
    const format = await client.postForm("/en/staff/sign-in/totp", { code: "12ab" });
    assert.equal(format.status, 422);
    assert.ok(fieldErrors(await format.text()).includes("Enter the 6 digits shown in your authenticator app."));
    const old = await client.postForm("/en/staff/sign-in/totp", { code: code(issued, new Date(portal.clock.now().getTime() - 3 * STEP)) });
    assert.equal(old.status, 422, "a code from more than one step ago is refused");
    expectRedirect(await client.get("/en/staff"), "/en/staff/sign-in/totp");
    expectRedirect(await client.postForm("/en/staff/sign-in/totp", { code: right }), "/en/staff/sign-in/password", "the right code still works");
  });

  it("accepts each TOTP step once: a code already used, or an earlier one, is refused", async () => {
    const issued = await newStaff(["pip-officer"]);
    const first = await staffSignIn(issued);
    const used = code(issued);
    await first.postForm("/en/staff/sign-out", {});

    const again = new TestClient(portal.app);
    expectRedirect(await again.postForm("/en/staff/sign-in", { username: issued.username, password: NEW_PASSWORD }), "/en/staff/sign-in/totp");
    const replay = await again.postForm("/en/staff/sign-in/totp", { code: used });
    assert.equal(replay.status, 422);
    assert.ok(fieldErrors(await replay.text()).includes("That code has already been used. Wait for your app to show a new code, then enter it."));
    const earlier = await again.postForm("/en/staff/sign-in/totp", { code: code(issued, new Date(portal.clock.now().getTime() - STEP)) });
    assert.equal(earlier.status, 422, "the previous step's code, though within the window, is older than the one used");

    portal.clock.advance(STEP);
    expectRedirect(await again.postForm("/en/staff/sign-in/totp", { code: code(issued) }), "/en/staff", "the next step's code works");
  });

  it("answers an unknown username exactly as a known one, with the same growing delays", async (t) => {
    // Delays of seconds: time stands still, so that a slow machine cannot outwait them.
    portal.clock.freeze();
    t.after(() => portal.clock.unfreeze());
    const known = await newStaff(["mail-room"]);
    const run = async (username: string) => {
      const client = new TestClient(portal.app);
      const answers: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await client.postForm("/en/staff/sign-in", { username, password: "not the right password at all" });
        const errors = fieldErrors(await res.text()).map((e) => e.replace(/until .* and try again/, "until … and try again"));
        answers.push(`${res.status} ${errors.join(" | ")}`);
      }
      return { client, answers };
    };
    const a = await run(known.username);
    const b = await run("nobody-here");
    assert.deepEqual(a.answers, b.answers);
    assert.ok(a.answers[0]!.startsWith("422 The username or password is not correct."));
    assert.ok(a.answers.at(-1)!.startsWith("429 Too many unsuccessful attempts."), a.answers.join("\n"));
    const blocked = await new TestClient(portal.app).postForm("/en/staff/sign-in", { username: known.username, password: known.password });
    assert.equal(blocked.status, 429, "while delayed, even the right password waits (counted per username, from any address)");
    portal.clock.advance(16 * MINUTE);
    expectRedirect(await new TestClient(portal.app).postForm("/en/staff/sign-in", { username: known.username, password: known.password }), "/en/staff/sign-in/totp", "after the delay");
  });

  it("ends an idle staff session after 20 minutes (test clock)", async () => {
    const issued = await newStaff(["tccu"]);
    const client = await staffSignIn(issued);
    portal.clock.advance(19 * MINUTE);
    assert.equal((await client.get("/en/staff")).status, 200, "activity keeps it alive");
    portal.clock.advance(19 * MINUTE);
    assert.equal((await client.get("/en/staff")).status, 200);
    portal.clock.advance(20 * MINUTE + 1000);
    expectRedirect(await client.get("/en/staff"), "/en/staff/sign-in?ended=1");
    const signIn = await client.get("/en/staff/sign-in?ended=1");
    assert.match(await signIn.text(), /Your session ended/);
  });
});

describe("staff roles and separation from traders", () => {
  it("gives a staff member without the role a 403 page on the staff accounts pages, and changes nothing", async () => {
    const issued = await newStaff(["mail-room"]);
    const client = await staffSignIn(issued);
    const list = await client.get("/en/staff/users");
    assert.equal(list.status, 403);
    assert.doesNotMatch(await list.text(), /Create a staff account/);
    const fr = await client.get("/fr/staff/users/new");
    assert.equal(fr.status, 403);
    const post = await client.postForm("/en/staff/users/new", { username: "sneaky", displayName: "Sneaky Person", email: "s@example.ca", roles: "admin" });
    assert.equal(post.status, 403);
    const login = await new TestClient(portal.app).postForm("/en/staff/sign-in", { username: "sneaky", password: "x".repeat(20) });
    assert.equal(login.status, 422, "no account was created");
  });

  it("sends a trader's session on a staff page to the staff sign-in page, never showing staff content", async () => {
    const trader = await signUpAndSignIn(portal, person(101));
    for (const path of ["/en/staff", "/en/staff/users", "/fr/staff/users/new", "/en/staff/sign-in/totp", "/en/staff/sign-in/password"]) {
      const res = await trader.get(path);
      expectRedirect(res, /^\/(en|fr)\/staff\/sign-in$/, path);
      assert.equal(await res.text(), "", `${path} shows nothing`);
    }
    const post = await trader.postForm("/en/staff/users/new", { username: "traderpick", displayName: "Trader Pick", email: "t@example.ca", roles: "admin" });
    expectRedirect(post, "/en/staff/sign-in");
    const signIn = await trader.get("/en/staff/sign-in");
    assert.equal(signIn.status, 200);
    const text = await pageText(signIn);
    assert.match(text, /CBSA staff sign-in/);
    assert.doesNotMatch(text, /Signed in as/);
    assert.doesNotMatch(await (await trader.get("/en/staff/sign-in")).text(), /href="\/en\/account"/, "no trader account bar: the trader's session plays no part on staff pages");
    assert.equal((await trader.get("/en/account")).status, 200, "the trader is still signed in on trader pages");
  });

  it("does not sign a staff member in on trader pages", async () => {
    const issued = await newStaff(["tccu", "admin"]);
    const client = await staffSignIn(issued);
    expectRedirect(await client.get("/en/account"), "/en/sign-in");
    expectRedirect(await client.get("/en/sign-in/terms"), "/en/sign-in");
    assert.equal((await client.get("/en/staff")).status, 200, "still signed in as staff");
  });

  it("requires the CSRF proof on staff forms", async () => {
    const issued = await newStaff(["admin"]);
    const client = await staffSignIn(issued);
    const send = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      client.request(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost", "sec-fetch-site": "same-origin", ...headers },
        body: new URLSearchParams(fields).toString(),
      });
    const noToken = await send("/en/staff/users/new", { username: "forged01", displayName: "Forged One", email: "f@example.ca", roles: "admin" });
    assert.equal(noToken.status, 403);
    const crossSite = await send(
      "/en/staff/users/new",
      { _csrf: client.csrfToken()!, username: "forged02", displayName: "Forged Two", email: "f@example.ca", roles: "admin" },
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    );
    assert.equal(crossSite.status, 403);
    assert.equal((await send("/en/staff/sign-out", {})).status, 403, "sign-out too");
    assert.equal((await send("/en/staff/sign-in", { username: "x", password: "y" })).status, 403, "and sign-in");
    const users = await (await client.get("/en/staff/users")).text();
    assert.doesNotMatch(users, /forged0/, "nothing was created");
    assert.equal((await client.get("/en/staff")).status, 200, "and the session was not ended");
  });
});

describe("staff accounts (administrators)", () => {
  it("creates an account, shows its one-time details once, and the person signs in with them", async () => {
    const admin = await staffSignIn(await newStaff(["admin"]));
    const form = await admin.get("/en/staff/users/new");
    assert.equal(form.status, 200);

    const bad = await admin.postForm("/fr/staff/users/new", { username: "x", displayName: "", email: "pas-un-courriel" });
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    const errors = fieldErrors(badHtml);
    assert.ok(errors.some((e) => e.startsWith("Utilisez de 3 à 32 caractères")));
    assert.ok(errors.includes("Ce renseignement est obligatoire."));
    assert.ok(errors.includes("Entrez une adresse courriel au format nom@exemple.com."));
    assert.ok(errors.includes("Choisissez au moins un rôle."));
    assert.match(badHtml, /gcds-error-summary/);
    assert.match(badHtml, /value="pas-un-courriel"/, "the input is kept");

    const body = new URLSearchParams({ _csrf: admin.csrfToken()!, username: "Mail.Clerk", displayName: "Jean Côté", email: "Jean.Cote@cbsa-asfc.gc.ca" });
    body.append("roles", "mail-room");
    body.append("roles", "pip-officer");
    const created = await admin.request("/en/staff/users/new", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost", "sec-fetch-site": "same-origin" },
      body: body.toString(),
    });
    expectRedirect(created, /^\/en\/staff\/users\/\d+\/issued$/);
    const issuedPath = created.headers.get("location")!;
    const shown = await admin.get(issuedPath);
    assert.equal(shown.status, 200);
    assert.equal(shown.headers.get("cache-control"), "no-store");
    const html = await shown.text();
    const password = /data-testid="issued-password">([^<]+)</.exec(html)?.[1];
    const totpUri = /data-testid="issued-totp-uri">\s*([^<\s]+)\s*</.exec(html)?.[1]?.replace(/&amp;/g, "&");
    const secret = /data-testid="issued-totp-secret">([^<]+)</.exec(html)?.[1]?.replace(/ /g, "");
    assert.ok(password && totpUri && secret, html);
    assert.ok(totpUri.includes(`secret=${secret}`), "the key and its address agree");

    const again = await admin.get(issuedPath);
    assert.equal(again.status, 410, "shown once");
    const againText = await pageText(again);
    assert.match(againText, /already shown/);
    assert.ok(!againText.includes(password));

    const duplicate = await admin.postForm("/en/staff/users/new", { username: "mail.clerk", displayName: "Other Person", email: "o@example.ca", roles: "tccu" });
    assert.equal(duplicate.status, 422);
    assert.ok(fieldErrors(await duplicate.text()).includes("This username is already used by another staff account."));

    const clerk = await staffSignIn({ username: "mail.clerk", password, totpSecret: secret, totpUri });
    const home = await (await clerk.get("/en/staff")).text();
    assert.match(home, /href="\/en\/staff\/mail-room"/);
    assert.match(home, /href="\/en\/staff\/companies"/, "PIP officers see companies");
    assert.doesNotMatch(home, /href="\/en\/staff\/tccu"/);

    const list = await (await admin.get("/en/staff/users")).text();
    assert.match(list, /Mail\.Clerk/);
    assert.match(list, /jean\.cote@cbsa-asfc\.gc\.ca/);
    assert.match(list, /Mail room, PIP officer/);
  });

  it("disables an account: its sessions end and it can no longer sign in; not one's own", async () => {
    const adminIssued = await newStaff(["admin"]);
    const admin = await staffSignIn(adminIssued);
    const target = await newStaff(["tccu"]);
    const targetClient = await staffSignIn(target);
    const list = await (await admin.get("/en/staff/users")).text();
    const disablePath = new RegExp(`href="(/en/staff/users/(\\d+)/disable)"[^>]*>Disable ${target.username}<`).exec(list);
    assert.ok(disablePath, "a disable link per account");
    assert.equal((await admin.get(disablePath[1]!)).status, 200);
    expectRedirect(await admin.postForm(disablePath[1]!, {}), `/en/staff/users?disabled=${disablePath[2]}`);
    assert.match(await (await admin.get(`/en/staff/users?disabled=${disablePath[2]}`)).text(), new RegExp(`The staff account ${target.username} was disabled`));

    expectRedirect(await targetClient.get("/en/staff"), "/en/staff/sign-in?ended=1", "signed out at once");
    const retry = await new TestClient(portal.app).postForm("/en/staff/sign-in", { username: target.username, password: NEW_PASSWORD });
    assert.equal(retry.status, 422);
    assert.ok(fieldErrors(await retry.text()).includes("The username or password is not correct."), "the same answer as a wrong password");

    assert.doesNotMatch(list, new RegExp(`Disable ${adminIssued.username}<`), "no disable link for oneself");
    const self = await staffDbId(adminIssued.username);
    const refused = await admin.postForm(`/en/staff/users/${self}/disable`, {});
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /You cannot disable your own account/);
    assert.equal((await admin.get("/en/staff")).status, 200, "still enabled");
  });

  it("resets a person's sign-in details: new one-time password and key, the old ones stop working", async () => {
    const admin = await staffSignIn(await newStaff(["admin"]));
    const target = await newStaff(["mail-room"]);
    const targetClient = await staffSignIn(target);
    const id = await staffDbId(target.username);
    assert.equal((await admin.get(`/fr/staff/users/${id}/reset`)).status, 200);
    expectRedirect(await admin.postForm(`/en/staff/users/${id}/reset`, {}), `/en/staff/users/${id}/issued`);
    const html = await (await admin.get(`/en/staff/users/${id}/issued`)).text();
    assert.match(html, /New sign-in details/);
    const password = /data-testid="issued-password">([^<]+)</.exec(html)![1]!;
    const totpUri = /data-testid="issued-totp-uri">\s*([^<\s]+)\s*</.exec(html)![1]!.replace(/&amp;/g, "&");
    expectRedirect(await targetClient.get("/en/staff"), "/en/staff/sign-in?ended=1", "the person was signed out");
    assert.equal((await new TestClient(portal.app).postForm("/en/staff/sign-in", { username: target.username, password: NEW_PASSWORD })).status, 422, "the old password stopped working");
    portal.clock.advance(STEP);
    await staffSignIn({ ...target, password, totpUri }, {});
  });
});

async function staffDbId(username: string): Promise<string> {
  const row = await portal.database.db
    .withTables<{ staff_users: { id: string; username_normalized: string } }>()
    .selectFrom("staff_users")
    .select("id")
    .where("username_normalized", "=", username.toLowerCase())
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Runs the command line on the test runner's Node and tsx; its exit code and output. */
function runCli(env: Record<string, string>, args: string[]): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/create-staff-user.ts", ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proc.stdout.on("data", (d: Buffer) => (output += d.toString()));
  proc.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => proc.on("close", (code) => resolve({ code, output })));
}

describe("the command line", () => {
  it("creates a staff account in the configured database and prints its details once; refuses a duplicate", async () => {
    // On PostgreSQL the command line works on this portal's own database; PGlite in memory
    // cannot be shared with another process, so there it gets a data folder of its own.
    const dataDir = portal.database.url ? null : mkdtempSync(join(tmpdir(), "ttp-staff-cli-"));
    try {
      const env = { NODE_ENV: "development", LOG_LEVEL: "silent", ...(dataDir ? { DATA_DIR: dataDir, DATABASE_URL: "" } : { DATABASE_URL: portal.database.url! }) };
      const args = ["--username", "cli.user", "--name", "Chris Lee", "--email", "chris.lee@cbsa-asfc.gc.ca", "--role", "tccu", "--role", "admin"];
      const first = await runCli(env, args);
      assert.equal(first.code, 0, first.output);
      const password = /one-time password: +(\S+)/.exec(first.output)?.[1];
      const totpSecret = /authenticator key: +(\S+)/.exec(first.output)?.[1];
      const totpUri = /authenticator address: +(otpauth:\/\/totp\/\S+)/.exec(first.output)?.[1];
      assert.ok(password && totpSecret && totpUri, first.output);
      assert.ok(totpUri.includes(`secret=${totpSecret}`));
      const second = await runCli(env, args);
      assert.equal(second.code, 65, second.output);
      assert.match(second.output, /Nothing was created/);
      assert.doesNotMatch(second.output, /one-time password/);
      const usage = await runCli(env, ["--username", "only"]);
      assert.equal(usage.code, 64, usage.output);
      if (!dataDir) {
        const client = await staffSignIn({ username: "cli.user", password, totpSecret, totpUri });
        assert.match(await (await client.get("/en/staff")).text(), /href="\/en\/staff\/users"/);
      }
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("the staff idle warning (WCAG 2.2.1)", () => {
  it("warns a signed-in staff member before the idle limit and lets them stay signed in", async () => {
    const client = await signedInStaff(portal, ["tccu"], "fr");
    const html = await (await client.get("/fr/staff/tccu")).text();
    assert.match(html, /<dialog id="session-timeout"[^>]*data-idle-ms="1200000"[^>]*data-ended-url="\/fr\/staff\/sign-in\?ended=1"/);
    assert.match(html, /action="\/fr\/staff\/session\/extend" data-extend/);
    assert.match(html, /src="\/assets\/session-timeout\.js"/);
    assert.doesNotMatch(html, /href="\/fr\/account"/, "no trader account bar on a staff page");
    const extended = await client.request("/fr/staff/session/extend", {
      method: "POST",
      headers: { accept: "application/json", "x-csrf-token": client.csrfToken()!, origin: "http://localhost", "sec-fetch-site": "same-origin" },
    });
    assert.equal(extended.status, 200);
    assert.deepEqual(await extended.json(), { ok: true });
    const stranger = new TestClient(portal.app);
    await stranger.get("/fr");
    const refused = await stranger.request("/fr/staff/session/extend", {
      method: "POST",
      headers: { accept: "application/json", "x-csrf-token": stranger.csrfToken()!, origin: "http://localhost", "sec-fetch-site": "same-origin" },
    });
    assert.equal(refused.status, 401);
  });
});
