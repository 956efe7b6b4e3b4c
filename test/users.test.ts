// A company's users over HTTP (SPEC section 3): adding a person by family name + URN + email
// (USR-3), who may give which role and change whom (USR-2), deactivation and reactivation
// taking effect on the very next request, the transfer of ownership (USR-4), several
// companies per person (USR-1) and the database's own guard of "exactly one owner" (USR-5).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { fieldErrors, latestMail, person, signIn, signUpAndSignIn, type Person } from "./helpers/identity.ts";
import type { TestClient } from "./helpers/client.ts";
import { activeOwners, authorizedCompany, memberOf, type Member } from "./helpers/companies.ts";
import { pageText as text } from "./helpers/page-text.ts";

let portal: TestPortal;

interface Someone {
  p: Person;
  client: TestClient;
  member: Member;
}

async function someone(n: string, lang: "en" | "fr" = "en"): Promise<Someone> {
  const p = person(n, lang);
  const client = await signUpAndSignIn(portal, p);
  return { p, client, member: await memberOf(portal, client) };
}

async function auditCount(): Promise<number> {
  return (await portal.database.db.selectFrom("audit_events").select("id").execute()).length;
}


before(async () => {
  portal = await createTestPortal();
});
after(() => portal.close());

describe("adding a user (USR-3)", () => {
  let owner: Someone;
  let newcomer: Someone;
  let companyId: string;
  before(async () => {
    owner = await someone("ua1");
    newcomer = await someone("ua2", "fr");
    companyId = await authorizedCompany(portal, "Ajout Ltée", owner.member);
  });

  it("refuses a mismatch with one message, whichever part is wrong, and changes nothing", async () => {
    const right = { familyName: newcomer.p.familyName, urn: newcomer.member.formattedUrn, email: newcomer.p.email, role: "full-access" };
    const wrongs = [
      { ...right, familyName: `${newcomer.p.familyName}x` },
      { ...right, urn: "URN-0000-0000-0" },
      { ...right, email: "someone.else@example.ca" },
    ];
    const before = await auditCount();
    const pages: string[] = [];
    for (const form of wrongs) {
      const res = await owner.client.postForm(`/en/companies/${companyId}/users/add`, form);
      assert.equal(res.status, 422);
      pages.push(text(await res.text()));
    }
    for (const page of pages) assert.match(page, /No portal user matches this family name, URN and email address/);
    assert.equal(await auditCount(), before, "nothing changed");
    const list = text(await (await owner.client.get(`/en/companies/${companyId}/users`)).text());
    assert.doesNotMatch(list, new RegExp(newcomer.p.familyName));
  });

  it("adds the person when all three match (any case and accents), tells them by email, and shows the company on their account page", async () => {
    const res = await owner.client.postForm(`/en/companies/${companyId}/users/add`, {
      familyName: `  ${newcomer.p.familyName.toUpperCase()} `,
      urn: newcomer.member.urn.toLowerCase(),
      email: newcomer.p.email.toUpperCase(),
      role: "full-access",
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `/en/companies/${companyId}/users?done=added`);
    const list = text(await (await owner.client.get(`/en/companies/${companyId}/users?done=added`)).text());
    assert.match(list, /The person was added to the company and told by email/);
    assert.match(list, new RegExp(`${newcomer.p.familyName} ${newcomer.member.formattedUrn} Full-access user Active`));
    const mail = await latestMail(portal, newcomer.p.email);
    assert.match(mail.subject, /ajouté à une entreprise/, "in the person's language");
    assert.match(mail.text, /Ajout Ltée/);
    assert.match(mail.text, /Utilisateur à accès complet/);
    assert.match(text(await (await newcomer.client.get("/fr/account")).text()), /Ajout Ltée/);
    const dashboard = text(await (await owner.client.get(`/en/companies/${companyId}`)).text());
    assert.match(dashboard, new RegExp(`Alex ${newcomer.p.familyName} was added as full-access user`));
  });

  it("says a person already in the company is already a user", async () => {
    const res = await owner.client.postForm(`/en/companies/${companyId}/users/add`, {
      familyName: newcomer.p.familyName,
      urn: newcomer.member.formattedUrn,
      email: newcomer.p.email,
      role: "admin-only",
    });
    assert.equal(res.status, 422);
    assert.match(text(await res.text()), /already a user of the company/);
  });

  it("lets full-access and admin-only users give only full-access or admin-only", async () => {
    const adder = await someone("ua3");
    const candidate = await someone("ua4");
    const company = await authorizedCompany(portal, "Rôles inc.", owner.member, [{ member: adder.member, role: "admin-only" }]);
    const form = { familyName: candidate.p.familyName, urn: candidate.member.formattedUrn, email: candidate.p.email };
    const page = await (await adder.client.get(`/en/companies/${company}/users/add`)).text();
    assert.doesNotMatch(page, /Proxy account owner/, "the proxy role is not offered");
    const refused = await adder.client.postForm(`/en/companies/${company}/users/add`, { ...form, role: "proxy" });
    assert.equal(refused.status, 422);
    assert.equal((await adder.client.postForm(`/en/companies/${company}/users/add`, { ...form, role: "owner" })).status, 422, "nobody adds an owner");
    assert.equal((await adder.client.postForm(`/en/companies/${company}/users/add`, { ...form, role: "admin-only" })).status, 303);
  });

  it("slows down repeated look-ups that match no one (SEC-3), in the page's language", async () => {
    const guesser = await someone("ua5", "fr");
    const company = await authorizedCompany(portal, "Devinette inc.", guesser.member);
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await guesser.client.postForm(`/fr/companies/${company}/users/add`, { familyName: "Personne", urn: "URN-0000-0000-0", email: "x@example.ca", role: "full-access" });
    }
    assert.equal(last!.status, 429);
    assert.match(text(await last!.text()), /Trop de recherches sans résultat/);
  });
});

describe("managing users (USR-2)", () => {
  let owner: Someone;
  let proxy: Someone;
  let full: Someone;
  let admin: Someone;
  let companyId: string;
  before(async () => {
    owner = await someone("um1");
    proxy = await someone("um2");
    full = await someone("um3");
    admin = await someone("um4");
    companyId = await authorizedCompany(portal, "Gestion inc.", owner.member, [
      { member: proxy.member, role: "proxy" },
      { member: full.member, role: "full-access" },
      { member: admin.member, role: "admin-only" },
    ]);
  });
  const url = (who: Someone, what: string) => `/en/companies/${companyId}/users/${who.member.personId}/${what}`;

  it("refuses changes USR-2 does not allow, with nothing changed", async () => {
    const before = await auditCount();
    const refusals: [Someone, string, Record<string, string>][] = [
      [admin, url(proxy, "role"), { role: "admin-only" }], // only the owner or a proxy touches a proxy
      [admin, url(proxy, "deactivate"), {}],
      [admin, url(full, "role"), { role: "proxy" }], // proxy is not admin-only's to give
      [proxy, url(owner, "role"), { role: "admin-only" }], // the owner changes only by transfer
      [proxy, url(owner, "deactivate"), {}],
      [proxy, url(owner, "contact"), { jobTitle: "Intern" }],
      [full, url(admin, "role"), { role: "full-access" }], // full-access users do not edit users
      [full, url(admin, "deactivate"), {}],
      [admin, url(full, "reactivate"), {}], // only the owner and proxies reactivate
      [proxy, url(proxy, "role"), { role: "full-access" }], // nobody changes their own role
      [owner, url(owner, "deactivate"), {}],
    ];
    for (const [who, path, form] of refusals) {
      const res = await who.client.postForm(path, form);
      assert.ok(res.status === 403 || res.status === 422, `${who.p.username} ${path}: ${res.status}`);
    }
    assert.equal(await auditCount(), before);
    const list = text(await (await owner.client.get(`/en/companies/${companyId}/users`)).text());
    assert.match(list, new RegExp(`${proxy.p.familyName} \\S+ Proxy account owner Active`));
    assert.match(list, new RegExp(`${full.p.familyName} \\S+ Full-access user Active`));
  });

  it("offers on a user's page only the changes the viewer may make", async () => {
    const asAdmin = text(await (await admin.client.get(`/en/companies/${companyId}/users/${proxy.member.personId}`)).text());
    assert.doesNotMatch(asAdmin, /Change the role|Deactivate the user/);
    assert.match(asAdmin, /Your role does not allow you to change this user/);
    const asProxy = text(await (await proxy.client.get(`/en/companies/${companyId}/users/${full.member.personId}`)).text());
    assert.match(asProxy, /Change the role/);
    assert.match(asProxy, /Deactivate the user/);
    const ownerPage = text(await (await proxy.client.get(`/en/companies/${companyId}/users/${owner.member.personId}`)).text());
    assert.match(ownerPage, /The account owner changes only when the owner transfers ownership/);
  });

  it("lets every user edit their own contact details for the company", async () => {
    const res = await full.client.postForm(`/en/companies/${companyId}/my-contact`, { jobTitle: "Logistics lead", phone: "613 555 0199", email: "lead@example.ca" });
    assert.equal(res.status, 303);
    const list = text(await (await owner.client.get(`/en/companies/${companyId}/users`)).text());
    assert.match(list, /Logistics lead lead@example\.ca 613 555 0199/);
    const bad = await full.client.postForm(`/fr/companies/${companyId}/my-contact`, { jobTitle: "", phone: "12", email: "nope" });
    assert.equal(bad.status, 422);
    const errors = fieldErrors(await bad.text());
    assert.ok(errors.includes("Entrez un numéro de téléphone de 10 à 15 chiffres."), errors.join(" | "));
    assert.ok(errors.some((e) => e.startsWith("Entrez une adresse courriel")), errors.join(" | "));
  });

  it("refuses a demoted proxy and a deactivated user on their very next request, and lets them back when reactivated", async () => {
    // The proxy may reactivate users; demoted to admin-only, they may not.
    assert.equal((await proxy.client.postForm(url(full, "reactivate"), {})).status, 303);
    assert.equal((await owner.client.postForm(url(proxy, "role"), { role: "admin-only" })).status, 303);
    assert.equal((await proxy.client.postForm(url(full, "reactivate"), {})).status, 403);
    assert.match(text(await (await proxy.client.get(`/en/companies/${companyId}`)).text()), /Your role Admin-only user/);

    assert.equal((await owner.client.postForm(url(full, "deactivate"), {})).status, 303);
    const refused = await full.client.get(`/en/companies/${companyId}`);
    assert.equal(refused.status, 403);
    assert.doesNotMatch(await refused.text(), /Gestion inc\./);
    assert.match((await latestMail(portal, full.p.email)).subject, /deactivated/);
    const list = text(await (await owner.client.get(`/en/companies/${companyId}/users`)).text());
    assert.match(list, new RegExp(`${full.p.familyName} \\S+ Full-access user Deactivated`));

    assert.equal((await owner.client.postForm(url(full, "reactivate"), {})).status, 303);
    assert.equal((await full.client.get(`/en/companies/${companyId}`)).status, 200);
    const dashboard = text(await (await owner.client.get(`/en/companies/${companyId}`)).text());
    assert.match(dashboard, new RegExp(`Alex ${full.p.familyName} was reactivated`));
    assert.match(dashboard, new RegExp(`Alex ${proxy.p.familyName}'s role changed from proxy account owner to admin-only user`));
  });

  it("gives a user of company A nothing of company B's people by guessing identifiers", async () => {
    const stranger = await someone("um5");
    const other = await authorizedCompany(portal, "Autre Ltée", stranger.member);
    // B's person under A's URL: not a user of A.
    assert.equal((await owner.client.get(`/en/companies/${companyId}/users/${stranger.member.personId}`)).status, 404);
    assert.equal((await owner.client.postForm(`/en/companies/${companyId}/users/${stranger.member.personId}/deactivate`, {})).status, 404);
    // A's person under B's URL: A's owner is no user of B.
    for (const path of [`/en/companies/${other}/users`, `/en/companies/${other}/users/${stranger.member.personId}`, `/en/companies/${other}/profile`]) {
      const res = await owner.client.get(path);
      assert.equal(res.status, 403, path);
      assert.doesNotMatch(await res.text(), /Autre Ltée/);
    }
    assert.equal((await stranger.client.get(`/en/companies/${other}`)).status, 200);
  });
});

describe("reassigning the account owner (USR-4)", () => {
  it("identifies the new owner, confirms, notifies both, and leaves exactly one owner", async () => {
    const owner = await someone("ut1", "fr");
    const heir = await someone("ut2");
    const outsider = await someone("ut3");
    const companyId = await authorizedCompany(portal, "Transfert inc.", owner.member, [{ member: heir.member, role: "full-access" }]);
    const form = { familyName: heir.p.familyName, urn: heir.member.formattedUrn, email: heir.p.email, outgoing: "proxy" };

    const page = text(await (await owner.client.get(`/fr/companies/${companyId}/transfer`)).text());
    assert.match(page, /pouvoir de signature/, "the reminder about signing authority");
    assert.match(page, /non un consultant ou un employé temporaire/);
    assert.match(page, /doit d’abord créer son propre compte/, "what to do when the new owner is not a portal user");
    assert.ok(page.indexOf("doit d’abord créer son propre compte") < page.indexOf("Continuer"), "said before the Continue button, not after it");

    // A portal user who is not a user of the company cannot receive ownership.
    const stranger = await owner.client.postForm(`/fr/companies/${companyId}/transfer`, {
      ...form,
      familyName: outsider.p.familyName,
      urn: outsider.member.formattedUrn,
      email: outsider.p.email,
    });
    assert.equal(stranger.status, 422);
    assert.match(text(await stranger.text()), /Aucun utilisateur actif de cette entreprise ne correspond/);

    const confirm = await owner.client.postForm(`/fr/companies/${companyId}/transfer`, form);
    assert.equal(confirm.status, 200);
    assert.match(text(await confirm.text()), new RegExp(`Alex ${heir.p.familyName} deviendra le propriétaire du compte de Transfert inc\\.`));
    assert.deepEqual(await activeOwners(portal, companyId), [owner.member.personId], "nothing changes before the confirmation");

    const done = await owner.client.postForm(`/fr/companies/${companyId}/transfer`, { ...form, confirm: "yes" });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get("location"), `/fr/companies/${companyId}?transferred=1`);
    assert.deepEqual(await activeOwners(portal, companyId), [heir.member.personId]);
    const dashboard = text(await (await owner.client.get(`/fr/companies/${companyId}?transferred=1`)).text());
    assert.match(dashboard, /La propriété a été transférée/);
    assert.match(dashboard, /Votre rôle Propriétaire mandataire du compte/);
    assert.match(dashboard, new RegExp(`Alex ${owner.p.familyName} a transféré la propriété du compte à Alex ${heir.p.familyName}`));
    assert.match((await latestMail(portal, heir.p.email)).subject, /You are now the account owner/);
    assert.match((await latestMail(portal, owner.p.email)).text, /Propriétaire mandataire du compte/);

    // Only the (new) owner is offered, and may use, the transfer.
    assert.equal((await owner.client.get(`/fr/companies/${companyId}/transfer`)).status, 403);
    assert.doesNotMatch(await (await owner.client.get(`/fr/companies/${companyId}/users`)).text(), /Réassigner le propriétaire du compte/);
    assert.match(await (await heir.client.get(`/en/companies/${companyId}/users`)).text(), /Reassign account owner/);

    // The new owner hands it back and leaves the company.
    const back = await heir.client.postForm(`/en/companies/${companyId}/transfer`, {
      familyName: owner.p.familyName,
      urn: owner.member.formattedUrn,
      email: owner.p.email,
      outgoing: "leave",
      confirm: "yes",
    });
    assert.equal(back.status, 303);
    assert.equal(back.headers.get("location"), "/en/account?left=1");
    assert.match(text(await (await heir.client.get("/en/account?left=1")).text()), /You transferred ownership and left the company/);
    assert.equal((await heir.client.get(`/en/companies/${companyId}`)).status, 403);
    assert.deepEqual(await activeOwners(portal, companyId), [owner.member.personId]);
  });
});

describe("several companies per person (USR-1)", () => {
  it("lets a person in two companies choose one, and names the company in use on its pages", async () => {
    const consultant = await someone("uc1");
    const a = await someone("uc2");
    const b = await someone("uc3");
    const first = await authorizedCompany(portal, "Première inc.", a.member, [{ member: consultant.member, role: "proxy" }]);
    const second = await authorizedCompany(portal, "Seconde inc.", b.member, [{ member: consultant.member, role: "full-access" }]);
    const again = await signIn(portal, consultant.p);
    const chooser = await again.get("/en/companies");
    assert.equal(chooser.status, 200);
    const page = text(await chooser.text());
    assert.match(page, /Première inc\. .* Proxy account owner/);
    assert.match(page, /Seconde inc\. .* Full-access user/);
    const dashboard = await (await again.get(`/en/companies/${second}`)).text();
    assert.match(text(dashboard), /You are working in Seconde inc\./);
    assert.match(dashboard, /href="\/en\/companies"[^>]*>Change company/);
    assert.match(text(await (await again.get(`/en/companies/${first}/users`)).text()), /You are working in Première inc\./);
  });

  it("takes a person with one company straight to its dashboard after sign-in", async () => {
    const solo = await someone("uc4");
    const companyId = await authorizedCompany(portal, "Solo inc.", solo.member);
    const client = await signIn(portal, solo.p);
    const res = await client.get("/en/account");
    assert.match(text(await res.text()), /Solo inc\./);
    // signIn's last answer went to the dashboard: the helper accepts /en/companies/{id}.
    assert.equal((await client.get(`/en/companies/${companyId}`)).status, 200);
  });
});

describe("exactly one active owner, kept by the database (USR-5)", () => {
  it("refuses a second owner and a company left without one, even from code that skips the service", async () => {
    const owner = await someone("uo1");
    const other = await someone("uo2");
    const companyId = await authorizedCompany(portal, "Invariant inc.", owner.member, [{ member: other.member, role: "full-access" }]);
    const db = portal.database.db;
    await assert.rejects(
      db.updateTable("company_users").set({ role: "owner" }).where("company_id", "=", companyId).where("person_id", "=", other.member.personId).execute(),
      "a second active owner",
    );
    await assert.rejects(
      db.updateTable("company_users").set({ role: "proxy" }).where("company_id", "=", companyId).where("person_id", "=", owner.member.personId).execute(),
      /exactly one active account owner/,
      "no owner at all",
    );
    await assert.rejects(
      db.updateTable("company_users").set({ status: "deactivated" }).where("company_id", "=", companyId).where("role", "=", "owner").execute(),
      /exactly one active account owner/,
    );
    await assert.rejects(db.deleteFrom("company_users").where("company_id", "=", companyId).where("role", "=", "owner").execute(), /exactly one active account owner/);
    assert.deepEqual(await activeOwners(portal, companyId), [owner.member.personId]);
  });
});
