// The CBSA side of registration through HTTP: the mail room's letters (STAFF-2) and the
// records of existing members (REG-8).
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { fieldErrors, person, signUpAndSignIn } from "./helpers/identity.ts";
import { hasPdftotext, pdftotext, registerCompany } from "./helpers/registration.ts";
import { signedInStaff } from "./helpers/staff.ts";
import { skipUnless } from "./helpers/skip.ts";
import type { TestClient } from "./helpers/client.ts";
import { calendarDate } from "../src/platform/clock.ts";

// Every test here reads a printed letter: without pdftotext each is skipped, with the reason.
const { describe, it, before, after } = skipUnless(hasPdftotext(), "needs pdftotext (poppler-utils); CI installs it");

let portal: TestPortal;
let mailRoom: TestClient;
before(async () => {
  portal = await createTestPortal();
  mailRoom = await signedInStaff(portal, ["mail-room"]);
});
after(() => portal.close());

/** The queued letter's id for a company, as the mail room's queue lists it. */
async function queuedLetterId(company: string): Promise<string> {
  const html = await (await mailRoom.get("/en/staff/mail-room")).text();
  const row = html.split("<tr").find((r) => r.includes(company));
  const id = row && /letters\/(\d+)\/pdf/.exec(row)?.[1];
  assert.ok(id, `the queue lists ${company}`);
  return id;
}

async function printedNumbers(letterId: string): Promise<{ clientNumber: string; code: string }> {
  const res = await mailRoom.get(`/en/staff/mail-room/letters/${letterId}/pdf`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "application/pdf");
  assert.equal(res.headers.get("cache-control"), "no-store");
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), "%PDF-");
  if (!hasPdftotext()) throw new Error("pdftotext is needed to read the letter");
  const text = pdftotext(bytes);
  const clientNumber = /\b(\d{3} \d{3} \d{3} \d)\b/.exec(text)?.[1];
  const code = /\b([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})\b/.exec(text)?.[1];
  assert.ok(clientNumber && code, text);
  return { clientNumber, code };
}

describe("the mail room", () => {
  it("prints a batch as one PDF, records the mailing, and the trader sees it", async () => {
    const trader = await signUpAndSignIn(portal, person("mail1"));
    await registerCompany(trader, "en", { legalName: "Batch One Inc.", bn: "123456782" });
    const other = await signUpAndSignIn(portal, person("mail2"));
    await registerCompany(other, "en", { legalName: "Batch Two Inc.", bn: "100000009" });
    const one = await queuedLetterId("Batch One Inc.");
    const two = await queuedLetterId("Batch Two Inc.");

    const batch = await mailRoom.get(`/en/staff/mail-room/letters.pdf?ids=${one}&ids=${two}`);
    assert.equal(batch.headers.get("content-type"), "application/pdf");
    const text = pdftotext(new Uint8Array(await batch.arrayBuffer()));
    assert.ok(text.indexOf("BATCH ONE INC.") >= 0 && text.indexOf("BATCH TWO INC.") > text.indexOf("BATCH ONE INC."), "both letters, in order");
    assert.equal((await mailRoom.get("/en/staff/mail-room/letters.pdf")).headers.get("location"), "/en/staff/mail-room?none=1");
    // The queue's page names each row's checkbox ids-<id> (gcds-checkboxes sets its name in the
    // form data, so rows sharing one name would send only the last): both rows, one PDF.
    const queuePage = await (await mailRoom.get("/en/staff/mail-room")).text();
    assert.match(queuePage, new RegExp(`<gcds-checkboxes name="ids-${one}" hide-label="true" options="[^"]*Select letter L\u2011${one} to Batch One Inc\\.`));
    const rows = await mailRoom.get(`/en/staff/mail-room/letters.pdf?ids-${one}=${one}&ids-${two}=${two}`);
    assert.equal(rows.headers.get("content-type"), "application/pdf");
    const rowsText = pdftotext(new Uint8Array(await rows.arrayBuffer()));
    assert.ok(rowsText.includes("BATCH ONE INC.") && rowsText.includes("BATCH TWO INC."), "both rows' letters");

    const bad = await mailRoom.postForm(`/en/staff/mail-room/letters/${one}`, { tracking: "RN123456784CA", sentOn: "2099-01-01" });
    assert.equal(bad.status, 422);
    const badPage = await bad.text();
    const errors = fieldErrors(badPage);
    assert.ok(errors.some((e) => e.startsWith("Enter a registered mail number")));
    // The date sent is the design system's date input (day, month, year), given back as posted.
    assert.match(badPage, /<gcds-date-input id="sentOn" name="sentOn" legend="Date sent" format="full" hint="[^"]+" value="2099-01-01"/);
    // Nothing, or a date with a part missing (the component posts "2026--05"), each says what to do.
    const empty = fieldErrors(await (await mailRoom.postForm(`/en/staff/mail-room/letters/${one}`, { tracking: "", sentOn: "" })).text());
    assert.deepEqual(empty, ["Enter the registered mail tracking number.", "Enter the date the letter was sent."]);
    const partial = await mailRoom.postForm(`/en/staff/mail-room/letters/${one}`, { tracking: "RN123456785CA", sentOn: "2026--05" });
    const partialPage = await partial.text();
    assert.deepEqual(fieldErrors(partialPage), ["Enter the date the letter was sent: its day, month and year."]);
    assert.match(partialPage, /<gcds-date-input id="sentOn"[^>]* error-message="Enter the date the letter was sent: its day, month and year\."/);
    const future = await mailRoom.postForm(`/en/staff/mail-room/letters/${one}`, { tracking: "RN123456785CA", sentOn: "2099-01-01" });
    assert.ok(fieldErrors(await future.text()).includes("The date cannot be in the future or before the letter was queued."));

    const today = calendarDate(portal.clock.now());
    const ok = await mailRoom.postForm(`/en/staff/mail-room/letters/${one}`, { tracking: "rn 123 456 785 ca", sentOn: today });
    assert.equal(ok.headers.get("location"), `/en/staff/mail-room?recorded=${one}`);
    const queue = await (await mailRoom.get(`/en/staff/mail-room?recorded=${one}`)).text();
    // The letter id cannot be broken over two lines: a non-breaking hyphen in the notice's title.
    assert.match(queue, new RegExp(`Letter L\u2011${one} is recorded as sent`));
    assert.doesNotMatch(queue, /Batch One Inc\./, "no longer in the queue");
    assert.equal((await mailRoom.get(`/en/staff/mail-room/letters/${one}/pdf`)).status, 404, "a sent letter's code is gone");

    const hub = await (await trader.get("/en/registration")).text();
    assert.match(hub, /The letter was sent by registered mail on [^<]* \(tracking number RN123456785CA\)/);
    await portal.jobs.drain();
    const mail = await portal.database.db.selectFrom("dev_mailbox").select("subject").where("to_address", "=", "trader" + "mail1@example.ca").orderBy("id", "desc").executeTakeFirstOrThrow();
    assert.match(mail.subject, /activation letter was mailed/);
  });

  it("keeps traders and staff without the role out", async () => {
    const trader = await signUpAndSignIn(portal, person("mail3"));
    const res = await trader.get("/en/staff/mail-room");
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/en/staff/sign-in");
    const tccu = await signedInStaff(portal, ["tccu"]);
    assert.equal((await tccu.get("/en/staff/mail-room")).status, 403);
    assert.equal((await tccu.get("/en/staff/mail-room/letters.pdf?ids=1")).status, 403);
  });
});

describe("existing members (REG-8)", () => {
  it("a PIP officer creates the record; its person goes straight to activation and becomes the owner", async () => {
    const officer = await signedInStaff(portal, ["pip-officer"], "fr");
    const form = await officer.get("/fr/staff/companies/new");
    assert.equal(form.status, 200);
    const invalid = await officer.postForm("/fr/staff/companies/new", { country: "CA", legalName: "", businessNumber: "123", correspondenceLocale: "fr" });
    assert.equal(invalid.status, 422);
    assert.ok(fieldErrors(await invalid.text()).length >= 4);
    const created = await officer.postForm("/fr/staff/companies/new", {
      country: "CA",
      lines: "highway-carrier",
      legalName: "Transport Boréal inc.",
      businessNumber: "200000008",
      correspondenceLocale: "fr",
      line1: "45 chemin du Lac",
      city: "Chicoutimi",
      region: "QC",
      postalCode: "G7H 1A1",
    });
    assert.equal(created.status, 303);
    const list = await (await officer.get(created.headers.get("location")!)).text();
    // The client number as it is printed, with no-break spaces: it cannot wrap in the notice's title.
    assert.match(list, /notice-title="Transport Boréal inc\. a été créée avec le numéro de client \d{3}\u00a0\d{3}\u00a0\d{3}\u00a0\d\."/);
    assert.match(list, /Sa lettre est dans la file de la salle du courrier\./, "the notice's body, after its title");

    const { clientNumber, code } = await printedNumbers(await queuedLetterId("Transport Boréal inc."));
    const member = await signUpAndSignIn(portal, person("boreal", "fr"));
    const activated = await member.postForm("/fr/registration/activate", { clientNumber, activationCode: code });
    assert.equal(activated.status, 303);
    const terms = activated.headers.get("location")!;
    assert.equal((await member.postForm(terms, { agree: "yes" })).status, 303);
    const dashboard = await (await member.get(terms.replace(/\/terms$/, ""))).text();
    assert.match(dashboard, /Transport Boréal inc\./);
    assert.match(dashboard, />Membre</, "an existing member");
    assert.match(dashboard, />Autorisé</);

    const latecomer = await signUpAndSignIn(portal, person("late", "fr"));
    const again = await latecomer.postForm("/fr/registration/activate", { clientNumber, activationCode: code });
    assert.equal(again.status, 422, "the code was used: nobody else becomes owner");
    assert.equal((await latecomer.get(terms.replace(/\/terms$/, ""))).status, 403);
  });

  it("is refused to staff who are neither PIP officers nor administrators", async () => {
    const mail = await signedInStaff(portal, ["mail-room"]);
    assert.equal((await mail.get("/en/staff/companies/new")).status, 403);
    const res = await mail.postForm("/en/staff/companies/new", { country: "CA", legalName: "Nope Inc." });
    assert.equal(res.status, 403);
  });
});
