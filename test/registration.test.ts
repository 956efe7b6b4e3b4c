// Company registration and activation through HTTP (SPEC section 2): eligibility, identity,
// the address as printed, the letter, new codes, 45-day expiry, activation, the terms.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { fieldErrors, person, signIn, signUpAndSignIn, type Person } from "./helpers/identity.ts";
import { BNS, ELIGIBLE, readQueuedLetter, registerCompany } from "./helpers/registration.ts";
import { DAY_MS } from "../src/platform/clock.ts";

let portal: TestPortal;
before(async () => {
  portal = await createTestPortal();
  portal.clock.set(new Date("2026-12-18T15:00:00Z"));
});
after(() => portal.close());

let n = 0;
const people = new WeakMap<object, Person>();
async function trader(lang: "en" | "fr" = "en") {
  const p = person(`reg${++n}`, lang);
  const client = await signUpAndSignIn(portal, p);
  people.set(client, p);
  return client;
}
/** The same person, signed in again (after the test clock jumped past the idle limit). */
async function again(client: Awaited<ReturnType<typeof trader>>) {
  return signIn(portal, people.get(client)!);
}

async function activate(client: Awaited<ReturnType<typeof trader>>, clientNumber: string, code: string, lang = "en") {
  return client.postForm(`/${lang}/registration/activate`, { clientNumber, activationCode: code });
}

describe("eligibility (REG-1)", () => {
  it("explains every unmet criterion in the page's language and keeps nothing", async () => {
    const client = await trader("fr");
    const res = await client.postForm("/fr/registration/eligibility", { ...ELIGIBLE, solvent: "no", carmRegistered: "no" });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /L’entreprise doit être solvable/);
    assert.match(html, /portail client de la GCRA/);
    assert.equal((await client.get("/fr/registration/identity")).headers.get("location"), "/fr/registration/eligibility");
  });

  it("sends customs brokers and shipping agents to the program by email", async () => {
    const client = await trader();
    const res = await client.postForm("/en/registration/eligibility", { ...ELIGIBLE, lines: "customs-broker" });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Customs brokers and shipping agents cannot register[^<]*pip-pep@example\.gc\.ca/);
  });

  it("requires an answer to every question", async () => {
    const client = await trader();
    const res = await client.postForm("/en/registration/eligibility", { country: "CA" });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(await res.text()).length >= 7);
  });
});

describe("company identity and address (REG-2, REG-3)", () => {
  it("verifies the business number's check digit and accepts the program-account form", async () => {
    const client = await trader();
    await client.postForm("/en/registration/eligibility", ELIGIBLE);
    const bad = await client.postForm("/en/registration/identity", { legalName: "Typo Inc.", businessNumber: "123456789", correspondenceLocale: "en" });
    assert.equal(bad.status, 422);
    assert.ok(fieldErrors(await bad.text()).some((e) => e.startsWith("Enter a valid 9-digit business number")));
    const ok = await client.postForm("/en/registration/identity", { legalName: "Typo Inc.", businessNumber: "123456782 rm 0001", correspondenceLocale: "en" });
    assert.equal(ok.status, 303);
  });

  it("shows the address exactly as it will be printed, and refuses a malformed postal code", async () => {
    const client = await trader();
    await client.postForm("/en/registration/eligibility", ELIGIBLE);
    await client.postForm("/en/registration/identity", { legalName: "Côte-Nord Fret ltée", businessNumber: BNS[8]!, correspondenceLocale: "fr" });
    const bad = await client.postForm("/en/registration/address", { line1: "1 Main", city: "Sept-Îles", region: "QC", postalCode: "12345" });
    assert.ok(fieldErrors(await bad.text()).includes("Enter a postal code in the format A1A 1A1."));
    await client.postForm("/en/registration/address", { line1: "700 boul. Laure", line2: "bureau 3", city: "Sept-Îles", region: "QC", postalCode: "g4r1y1" });
    const page = await (await client.get("/en/registration/confirm")).text();
    const printed = /data-testid="printed-address">([\s\S]*?)<\/pre>/.exec(page)?.[1];
    assert.equal(printed, "CÔTE-NORD FRET LTÉE\n700 BOUL. LAURE\nBUREAU 3\nSEPT-ÎLES QC  G4R 1Y1\nCANADA");
  });

  it("allows one portal account per business number", async () => {
    const first = await trader();
    await registerCompany(first, "en", { legalName: "Unique BN Inc.", bn: BNS[1]! });
    const second = await trader();
    await second.postForm("/en/registration/eligibility", ELIGIBLE);
    const res = await second.postForm("/en/registration/identity", { legalName: "Copycat Inc.", businessNumber: BNS[1]!, correspondenceLocale: "en" });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(await res.text()).some((e) => e.startsWith("A portal account already exists for this business number")));
    const count = await portal.database.db.selectFrom("companies").select("id").where("bn9", "=", BNS[1]!).execute();
    assert.equal(count.length, 1);
  });
});

describe("steps answered out of order, and double submissions", () => {
  it("starts identity and address again when the eligibility answers change", async () => {
    const client = await trader();
    await client.postForm("/en/registration/eligibility", { ...ELIGIBLE, country: "US", lines: "highway-carrier", canadianCarrierCode: "yes", canadianBusinessNumber: "no" });
    await client.postForm("/en/registration/identity", { legalName: "Drift Freight LLC", carrierCode: "DRFT", correspondenceLocale: "en" });
    await client.postForm("/en/registration/address", { line1: "1 Main St", city: "Buffalo", region: "NY", postalCode: "14201" });
    // Now a Canadian importer: the earlier identity (no business number) and U.S. address do not fit.
    await client.postForm("/en/registration/eligibility", ELIGIBLE);
    assert.equal((await client.get("/en/registration/confirm")).headers.get("location"), "/en/registration/address");
    assert.equal((await client.postForm("/en/registration/confirm", {})).headers.get("location"), "/en/registration/eligibility");
    const rows = await portal.database.db.selectFrom("companies").select("id").where("legal_name", "=", "Drift Freight LLC").execute();
    assert.equal(rows.length, 0);
  });

  it("creates one company when the confirmation is sent twice at once", async () => {
    const client = await trader();
    await client.postForm("/en/registration/eligibility", { ...ELIGIBLE, country: "US", lines: "highway-carrier", canadianCarrierCode: "yes", canadianBusinessNumber: "no" });
    await client.postForm("/en/registration/identity", { legalName: "Double Click Trucking", carrierCode: "DBLC", correspondenceLocale: "en" });
    await client.postForm("/en/registration/address", { line1: "9 Elm St", city: "Detroit", region: "MI", postalCode: "48201" });
    const answers = await Promise.all([client.postForm("/en/registration/confirm", {}), client.postForm("/en/registration/confirm", {})]);
    const locations = answers.map((a) => a.headers.get("location")).sort();
    // One click registers; the other lands on the registration page, which lists the company.
    assert.deepEqual(locations, ["/en/registration", "/en/registration?registered=1"]);
    const rows = await portal.database.db.selectFrom("companies").select("id").where("legal_name", "=", "Double Click Trucking").execute();
    assert.equal(rows.length, 1);
  });

  it("refuses a name the letter could not print, in the page's language", async () => {
    const client = await trader("fr");
    await client.postForm("/fr/registration/eligibility", ELIGIBLE);
    const res = await client.postForm("/fr/registration/identity", { legalName: "Łódź Trading", businessNumber: "222222226", correspondenceLocale: "fr" });
    assert.equal(res.status, 422);
    assert.ok(fieldErrors(await res.text()).some((e) => e.startsWith("La lettre ne peut pas imprimer ces caractères\u00a0: Ł")));
  });
});

describe("the letter (REG-4)", () => {
  it("tells when the letter should arrive: 15 business days, holidays excluded", async () => {
    const client = await trader();
    await registerCompany(client, "en", { legalName: "Holiday Freight Inc.", bn: BNS[2]! });
    const page = await (await client.get("/en/registration")).text();
    // Friday 18 December 2026 + 15 business days, skipping 25, 28 December and 1 January.
    assert.match(page, /It should arrive by January 13, 2027, within 15 business days\./);
    assert.match(page, /being prepared for registered mail/);
    portal.clock.advance(30 * DAY_MS);
    const late = await (await (await again(client)).get("/en/registration")).text();
    assert.match(late, /should have arrived by January 13, 2027\. If it has not, contact the Partners in Protection program at pip-pep@example\.gc\.ca/);
    portal.clock.advance(-30 * DAY_MS);
  });

  it("prints the company's language first, then the other, with the client number and code", async () => {
    const client = await trader();
    await registerCompany(client, "en", { legalName: "Bilingue Transport ltée", bn: BNS[3]!, locale: "fr" });
    const { text, code, clientNumber } = await readQueuedLetter(portal, "Bilingue Transport ltée");
    assert.ok(text.indexOf("Numéro de client") < text.indexOf("Client number"), "French first");
    assert.match(text, /BILINGUE TRANSPORT LTÉE/);
    assert.equal(code.length, 14);
    assert.match(clientNumber, /^\d{3} \d{3} \d{3} \d$/);
    const codes = await portal.database.db.selectFrom("activation_codes").select("code_hash").execute();
    for (const c of codes) assert.ok(!c.code_hash.includes(code.replace(/-/g, "")), "codes are stored hashed");
  });
});

describe("activation (REG-5 to REG-7)", () => {
  it("activates with the letter's numbers; only the owner accepts the terms; then the dashboard", async () => {
    const owner = await trader();
    await registerCompany(owner, "en", { legalName: "Activation Works Inc.", bn: BNS[4]! });
    const { clientNumber, code } = await readQueuedLetter(portal, "Activation Works Inc.");

    // Another person holding the letter cannot activate a company someone registered.
    const other = await trader();
    const refused = await activate(other, clientNumber, code);
    assert.ok(fieldErrors(await refused.text()).includes("Only the person who registered this company in the portal can activate it."));

    const res = await activate(owner, clientNumber.replace(/ /g, ""), code.toLowerCase());
    assert.equal(res.status, 303);
    const termsUrl = res.headers.get("location")!;
    assert.match(termsUrl, /^\/en\/companies\/\d+\/terms$/);
    const companyUrl = termsUrl.replace(/\/terms$/, "");

    const dashboard = await (await owner.get(companyUrl)).text();
    assert.match(dashboard, /Activated, terms not yet accepted/);
    assert.equal((await other.get(companyUrl)).status, 403, "not a user of this company");
    assert.equal((await other.postForm(termsUrl, { agree: "yes" })).status, 403, "only the owner accepts");
    assert.equal((await owner.postForm(termsUrl, {})).status, 422, "the box must be ticked");
    const accepted = await owner.postForm(termsUrl, { agree: "yes" });
    assert.equal(accepted.headers.get("location"), `${companyUrl}?authorized=1`);
    const after = await (await owner.get(`${companyUrl}?authorized=1`)).text();
    assert.match(after, /Activation Works Inc\./);
    assert.match(after, new RegExp(clientNumber));
    assert.match(after, /Not applied yet/);
    assert.match(after, />Authorized</);
    const account = await (await owner.get("/en/account")).text();
    assert.match(account, /PIP dashboard of Activation Works Inc\./);
  });

  it("lets nothing of the company change between activation and the owner's acceptance", async () => {
    const owner = await trader();
    await registerCompany(owner, "en", { legalName: "Not Yet Authorized Inc.", bn: "900000001" });
    const { clientNumber, code } = await readQueuedLetter(portal, "Not Yet Authorized Inc.");
    const hub = await (await owner.get("/en/registration/new-code")).text();
    const companyId = /&quot;value&quot;:&quot;(\d+)&quot;/.exec(hub)?.[1];
    assert.ok(companyId);
    assert.equal((await activate(owner, clientNumber, code)).status, 303);
    // Activated, not authorized: no new code, no second activation, and the dashboard offers
    // only the terms.
    const newCode = await owner.postForm("/en/registration/new-code", { companyId });
    assert.equal(newCode.status, 422);
    const codes = await portal.database.db.selectFrom("activation_codes").select("id").where("company_id", "=", companyId).execute();
    assert.equal(codes.length, 1, "no code was issued");
    assert.ok(fieldErrors(await (await activate(owner, clientNumber, code)).text()).includes("This company's account is already activated."));
    const dashboard = await (await owner.get(`/en/companies/${companyId}`)).text();
    assert.match(dashboard, /The account owner must accept the terms and conditions of use before the account can be used/);
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(dashboard)?.[1] ?? "";
    assert.equal(main.match(/<form/g)?.length ?? 0, 0, "no form to change anything");
  });

  it("never says which half was wrong, and locks the code after 5 wrong tries", async () => {
    const owner = await trader();
    await registerCompany(owner, "en", { legalName: "Lockout Ltd.", bn: BNS[5]! });
    const { clientNumber, code } = await readQueuedLetter(portal, "Lockout Ltd.");
    const wrongCode = code.startsWith("A") ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    const wrongClient = await activate(owner, "123 456 789 4", code);
    const wrongHalf = await activate(owner, clientNumber, wrongCode);
    const m1 = fieldErrors(await wrongClient.text());
    const m2 = fieldErrors(await wrongHalf.text());
    assert.deepEqual(m1, m2, "the same message whichever half is wrong");
    assert.deepEqual(m1, ["The client number and activation code do not match. Check both and try again."]);
    for (let i = 0; i < 3; i++) await activate(owner, clientNumber, wrongCode);
    const fifth = await activate(owner, clientNumber, wrongCode);
    assert.ok(fieldErrors(await fifth.text()).includes("This activation code is locked after too many wrong tries. Request a new activation code."));
    portal.clock.advance(10 * 60_000);
    const right = await activate(owner, clientNumber, code);
    assert.ok(fieldErrors(await right.text()).includes("This activation code is locked after too many wrong tries. Request a new activation code."));
  });

  it("counts parallel wrong guesses against the code's 5 tries", async () => {
    const owner = await trader();
    await registerCompany(owner, "en", { legalName: "Parallel Guess Ltd.", bn: "333333334" });
    const { clientNumber, code } = await readQueuedLetter(portal, "Parallel Guess Ltd.");
    const wrongCode = code.startsWith("A") ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    await Promise.all(Array.from({ length: 20 }, () => activate(owner, clientNumber, wrongCode)));
    portal.clock.advance(31 * 60_000); // past the growing delay those failures earned
    const right = await activate(await again(owner), clientNumber, code);
    assert.ok(fieldErrors(await right.text()).includes("This activation code is locked after too many wrong tries. Request a new activation code."));
  });

  it("voids the old code at once when a new one is requested", async () => {
    const owner = await trader();
    await registerCompany(owner, "en", { legalName: "New Code Co.", bn: BNS[6]! });
    const old = await readQueuedLetter(portal, "New Code Co.");
    const hub = await (await owner.get("/en/registration/new-code")).text();
    const companyId = /name="companyId"[^>]*options="[^"]*&quot;value&quot;:&quot;(\d+)&quot;/.exec(hub)?.[1];
    assert.ok(companyId);
    const res = await owner.postForm("/en/registration/new-code", { companyId });
    assert.equal(res.headers.get("location"), "/en/registration?newcode=1");
    const fresh = await readQueuedLetter(portal, "New Code Co.");
    assert.notEqual(fresh.code, old.code);
    assert.equal(fresh.clientNumber, old.clientNumber);
    const voided = await activate(owner, old.clientNumber, old.code);
    assert.ok(fieldErrors(await voided.text()).includes("The client number and activation code do not match. Check both and try again."));
    assert.equal((await activate(owner, fresh.clientNumber, fresh.code)).status, 303);
  });

  it("expires a code 45 days after issue, to the moment", async () => {
    const early = await trader();
    await registerCompany(early, "en", { legalName: "Just In Time Inc.", bn: BNS[7]! });
    const a = await readQueuedLetter(portal, "Just In Time Inc.");
    const late = await trader();
    await registerCompany(late, "en", { legalName: "Too Late Inc.", bn: "111111118" });
    const b = await readQueuedLetter(portal, "Too Late Inc.");
    const start = portal.clock.now().getTime();
    portal.clock.set(new Date(start + 45 * DAY_MS - 60_000));
    assert.equal((await activate(await again(early), a.clientNumber, a.code)).status, 303, "a minute before 45 days: still valid");
    portal.clock.set(new Date(start + 45 * DAY_MS));
    const expired = await activate(await again(late), b.clientNumber, b.code);
    assert.ok(fieldErrors(await expired.text()).includes("This activation code has expired. Request a new activation code."));
    portal.clock.set(new Date(start));
  });
});
