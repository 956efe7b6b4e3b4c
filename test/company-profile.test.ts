// The PIP dashboard's sections and notifications (APP-1) and the company profile (APP-2) over
// HTTP: what each role sees, validation in the page's language with nothing changed, the
// saved profile, its completion state and its audit event, and nothing before authorization.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { fieldErrors, person, signUpAndSignIn } from "./helpers/identity.ts";
import type { TestClient } from "./helpers/client.ts";
import { authorizedCompany, memberOf } from "./helpers/companies.ts";
import { pageText as text } from "./helpers/page-text.ts";

let portal: TestPortal;
let owner: TestClient;
let admin: TestClient;
let companyId: string;


const VALID = {
  legalName: "Profil Transport Ltée",
  operatingName: "Profil Express",
  businessStartedOn: "2009-04-15",
  employeeCount: "1,250",
  website: "https://www.profil.example.ca",
  ho_line1: "200 rue Principale",
  ho_line2: "",
  ho_city: "Gatineau",
  ho_region: "QC",
  ho_postalCode: "j8x 2v1",
  mailingSame: "yes",
  f1_name: "Entrepôt Laval",
  f1_line1: "3000 boul. Industriel",
  f1_city: "Laval",
  f1_region: "QC",
  f1_postalCode: "H7L 4R9",
  pc_name: "Chloé Gagnon",
  pc_title: "Directrice de la conformité",
  pc_phone: "819-555-0142",
  pc_email: "Chloe.Gagnon@profil.example.ca",
};

before(async () => {
  portal = await createTestPortal();
  owner = await signUpAndSignIn(portal, person("cp1", "fr"));
  admin = await signUpAndSignIn(portal, person("cp2"));
  companyId = await authorizedCompany(portal, "Profil Transport inc.", await memberOf(portal, owner), [{ member: await memberOf(portal, admin), role: "admin-only" }]);
});
after(() => portal.close());

describe("the PIP dashboard (APP-1)", () => {
  it("shows the four sections with their state, and what the role does not allow", async () => {
    const asOwner = text(await (await owner.get(`/fr/companies/${companyId}`)).text());
    assert.match(asOwner, /Profil de l’entreprise .* Non commencé/);
    assert.match(asOwner, /Ajouter et gérer des utilisateurs .* 2 utilisateurs actifs/);
    assert.match(asOwner, /Profil de la demande .* Non commencé/);
    assert.match(asOwner, /Profil de sécurité .* Non commencé/);
    assert.match(asOwner, /Plus .* Réassigner le propriétaire du compte/, "the owner's More menu offers the transfer");
    const asAdmin = text(await (await admin.get(`/en/companies/${companyId}`)).text());
    assert.match(asAdmin, /Application profile .* Not available with your role/);
    assert.match(asAdmin, /Security profile .* Not available with your role/);
    assert.doesNotMatch(asAdmin, /Reassign account owner/);
  });
});

describe("the company profile (APP-2)", () => {
  it("refuses bad input with a message on each field in the page's language, and changes nothing", async () => {
    const before = (await portal.database.db.selectFrom("audit_events").select("id").execute()).length;
    const res = await owner.postForm(`/fr/companies/${companyId}/profile/edit`, {
      ...VALID,
      legalName: "",
      businessStartedOn: "2031-02-30",
      employeeCount: "beaucoup",
      website: "javascript:alert(1)",
      ho_postalCode: "12345",
      f1_name: "",
      pc_phone: "123",
      pc_email: "pas-une-adresse",
    });
    assert.equal(res.status, 422);
    const errors = fieldErrors(await res.text());
    for (const expected of [
      "Ce renseignement est obligatoire.",
      "Entrez une date réelle, sous la forme AAAA-MM-JJ, qui n’est pas dans le futur.",
      "Entrez un nombre entier de 0 à 10 000 000.",
      "Entrez une adresse Web qui commence par https:// ou http://",
      "Entrez un numéro de téléphone de 10 à 15 chiffres.",
    ]) {
      assert.ok(errors.includes(expected), `${expected} in: ${errors.join(" | ")}`);
    }
    assert.ok(errors.length >= 8, errors.join(" | "));
    assert.equal((await portal.database.db.selectFrom("audit_events").select("id").execute()).length, before);
    assert.match(text(await (await owner.get(`/fr/companies/${companyId}/profile`)).text()), /Profil Transport inc\./);
  });

  it("saves a valid profile, shows it, marks the section complete, tells the company and audits before and after", async () => {
    const res = await owner.postForm(`/fr/companies/${companyId}/profile/edit`, VALID);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `/fr/companies/${companyId}/profile?saved=1`);
    const page = text(await (await owner.get(`/fr/companies/${companyId}/profile?saved=1`)).text());
    assert.match(page, /Le profil de l’entreprise a été enregistré/);
    assert.match(page, /Dénomination sociale Profil Transport Ltée/);
    assert.match(page, /Date de début des activités 15 avril 2009/);
    assert.match(page, /Nombre d’employés 1\s250/);
    assert.match(page, /Gatineau QC J8X 2V1/);
    assert.match(page, /Adresse postale La même que l’adresse du siège social/);
    assert.match(page, /Entrepôt Laval 3000 boul\. Industriel Laval QC H7L 4R9/);
    assert.match(page, /Chloé Gagnon, Directrice de la conformité 819-555-0142 chloe\.gagnon@profil\.example\.ca/);
    const dashboard = text(await (await admin.get(`/en/companies/${companyId}`)).text());
    assert.match(dashboard, /Company profile .* Complete/);
    assert.match(dashboard, /updated the company profile/);
    assert.match(dashboard, /You are working in Profil Transport Ltée/);
    const audit = await portal.database.db
      .selectFrom("audit_events")
      .select(["before", "after"])
      .where("action", "=", "company.profile-updated")
      .where("company_id", "=", companyId)
      .executeTakeFirstOrThrow();
    assert.equal(audit.before?.legalName, "Profil Transport inc.");
    assert.equal(audit.after?.legalName, "Profil Transport Ltée");
  });

  it("lets every role update the profile, including admin-only users (USR-2)", async () => {
    const form = await admin.get(`/en/companies/${companyId}/profile/edit`);
    assert.equal(form.status, 200);
    assert.match(await form.text(), /value="Profil Transport Ltée"/, "the form shows what is saved");
    const res = await admin.postForm(`/en/companies/${companyId}/profile/edit`, { ...VALID, mailingSame: "", ml_line1: "PO Box 42", ml_city: "Gatineau", ml_region: "QC", ml_postalCode: "J8X 3Y5" });
    assert.equal(res.status, 303);
    assert.match(text(await (await admin.get(`/en/companies/${companyId}/profile`)).text()), /Mailing address PO Box 42 Gatineau QC J8X 3Y5/);
  });

  it("is not available before the account is authorized", async () => {
    const waiting = await signUpAndSignIn(portal, person("cp3"));
    const member = await memberOf(portal, waiting);
    const now = portal.clock.now();
    const row = await portal.database.db
      .insertInto("companies")
      .values({
        legal_name: "En attente inc.",
        operating_name: null,
        country: "CA",
        bn9: null,
        program_account: null,
        carrier_code: null,
        lines_of_business: JSON.stringify(["importer"]),
        correspondence_locale: "en",
        address: JSON.stringify({ line1: "1 Main St", line2: "", city: "Ottawa", region: "ON", postalCode: "K1A 0B1", country: "CA" }),
        client_number: "1000000010",
        status: "activated",
        origin: "registered",
        membership_status: "not-applied",
        owner_designate_person_id: null,
        created_by_staff_id: null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await portal.database.db.insertInto("company_users").values({ company_id: row.id, person_id: member.personId, role: "owner", status: "active", created_at: now, updated_at: now }).execute();
    assert.equal((await waiting.get(`/en/companies/${row.id}/profile`)).status, 403);
    assert.equal((await waiting.postForm(`/en/companies/${row.id}/profile/edit`, VALID)).status, 403);
    const dashboard = text(await (await waiting.get(`/en/companies/${row.id}`)).text());
    assert.match(dashboard, /Accept the terms and conditions of use/);
    assert.doesNotMatch(dashboard, /Application profile/);
  });
});
