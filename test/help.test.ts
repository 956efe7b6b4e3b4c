// Issue 15: the help section, the Contact us page and the configured contact block wherever a
// page sends a person to someone (the 500 page, a 403 inside a company, the expired URN).
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn } from "./helpers/identity.ts";
import { authorizedCompany, memberOf } from "./helpers/companies.ts";
import { TestClient } from "./helpers/client.ts";
import { addMonths } from "../src/domain/urn-expiry.ts";
import { readyLine } from "../src/features/staff/bootstrap.ts";

/** Offices set to values no default has, so that the pages are seen to read the configuration. */
const CONTACTS = {
  HELP_DESK_PHONE: "1-866-555-0177",
  HELP_DESK_EMAIL: "desk@help.example.gc.ca",
  HELP_DESK_HOURS_EN: "Weekdays, 7 a.m. to 9 p.m. Eastern time",
  HELP_DESK_HOURS_FR: "En semaine, de 7\u00a0h à 21\u00a0h (heure de l’Est)",
  TCCU_PHONE: "1-866-555-0178",
  TCCU_EMAIL: "unit@tccu.example.gc.ca",
  TCCU_HOURS_EN: "Weekdays, 9 a.m. to 3 p.m. Eastern time",
  TCCU_HOURS_FR: "En semaine, de 9\u00a0h à 15\u00a0h (heure de l’Est)",
  PIP_PHONE: "1-866-555-0179",
  PIP_EMAIL: "program@pip.example.gc.ca",
  PIP_HOURS_EN: "Weekdays, 8 a.m. to 4 p.m. Eastern time",
  PIP_HOURS_FR: "En semaine, de 8\u00a0h à 16\u00a0h (heure de l’Est)",
};

let portal: TestPortal;

/** The page's words, tags removed. */
function words(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t\r\n]+/g, " ");
}

/** The contact block of one office (data-testid="contact-…"), as words. */
function block(html: string, office: "helpDesk" | "tccu" | "program"): string {
  const m = new RegExp(`<section class="ttp-contact" data-testid="contact-${office}">([\\s\\S]*?)</section>`).exec(html);
  assert.ok(m, `the page has the ${office} contact block`);
  return words(m[1]!);
}

before(async () => {
  portal = await createTestPortal({ env: CONTACTS });
});
after(() => portal.close());

describe("the Contact us page", () => {
  it("gives each office's telephone, email and hours from the configuration, in each language", async () => {
    for (const [lang, title, hours] of [
      ["en", /Contact us/, "HOURS_EN"],
      ["fr", /Nous joindre/, "HOURS_FR"],
    ] as const) {
      const res = await portal.app.request(`/${lang}/contact`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      assert.match(words(html), title);
      for (const [office, prefix] of [
        ["helpDesk", "HELP_DESK"],
        ["tccu", "TCCU"],
        ["program", "PIP"],
      ] as const) {
        const details = block(html, office);
        const env = CONTACTS as Record<string, string>;
        assert.ok(details.includes(env[`${prefix}_PHONE`]!), `${lang} ${office}: telephone`);
        assert.ok(details.includes(env[`${prefix}_EMAIL`]!), `${lang} ${office}: email`);
        assert.ok(details.includes(env[`${prefix}_${hours}`]!), `${lang} ${office}: hours in ${lang}`);
      }
      assert.match(html, /href="tel:\+18665550177"/, "the telephone is a tel: link");
      assert.match(html, /href="mailto:unit@tccu\.example\.gc\.ca"/);
    }
  });
});

describe("the help page", () => {
  it("explains the dashboard, roles, users, transfer, activation, URN expiry and the profiles, in each language", async () => {
    for (const [lang, expected] of [
      ["en", [/The PIP dashboard/, /Roles and what each can do/, /Adding users/, /Transferring account ownership/, /new activation codes/, /user reference number \(URN\) expires/, /The security profile/]],
      ["fr", [/Le tableau de bord PEP/, /Les rôles et ce que chacun permet de faire/, /Ajouter des utilisateurs/, /Transférer la propriété du compte/, /nouveau code d’activation/, /numéro de référence d’utilisateur \(NRU\) expire/, /Le profil de sécurité/]],
    ] as const) {
      const res = await portal.app.request(`/${lang}/help`);
      assert.equal(res.status, 200);
      const html = await res.text();
      for (const text of expected) assert.match(words(html), text, `${lang}: ${String(text)}`);
      for (const anchor of ["dashboard", "roles", "users", "transfer", "activation", "urn", "company-profile", "application-profile", "security-profile"]) {
        assert.match(html, new RegExp(`<section id="${anchor}"`), `${lang}: #${anchor}`);
        assert.match(html, new RegExp(`href="#${anchor}"`), `${lang}: listed on the page`);
      }
      assert.match(html, new RegExp(`href="/${lang}/contact"`), "points to Contact us");
    }
  });

  it("shows the permission matrix as it is: only the account owner transfers ownership, admin-only users see no application profile", async () => {
    const html = await (await portal.app.request("/en/help")).text();
    const table = /<table[^>]*data-testid="roles-table"[^>]*>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
    const row = (label: string) => words(new RegExp(`<tr><th scope="row">${label}</th>([\\s\\S]*?)</tr>`).exec(table)?.[1] ?? "").trim();
    assert.equal(row("Transfer account ownership"), "Yes No No No");
    assert.equal(row("View the application profile"), "Yes Yes Yes No");
    assert.equal(row("Reactivate users"), "Yes Yes No No");
  });
});

describe("signed-in pages", () => {
  it("link to help and Contact us from the account bar, and each dashboard section to its help topic", async () => {
    const owner = await signUpAndSignIn(portal, person("hown", "fr"));
    const companyId = await authorizedCompany(portal, "Aide Ltée", await memberOf(portal, owner));
    const html = await (await owner.get(`/fr/companies/${companyId}`)).text();
    const bar = /<nav class="ttp-account-bar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
    assert.match(bar, /href="\/fr\/help"/);
    assert.match(bar, /href="\/fr\/contact"/);
    for (const [section, topic] of [
      ["section-company-profile", "company-profile"],
      ["section-users", "users"],
      ["section-application-profile", "application-profile"],
      ["section-security-profile", "security-profile"],
    ]) {
      // The card: from its testid to the next card (or the end of the list).
      const start = html.indexOf(`data-testid="${section}"`);
      assert.ok(start >= 0, section);
      const next = html.indexOf('class="ttp-section"', start);
      const card = html.slice(start, next > 0 ? next : html.indexOf("</ul>", html.lastIndexOf('class="ttp-section"')) + 5);
      assert.match(card, new RegExp(`href="/fr/help#${topic}"`), section);
    }
    // The help page is the same for a signed-in person, with the signed-in chrome.
    const help = await (await owner.get("/fr/help")).text();
    assert.match(help, /class="ttp-account-bar"/);
  });
});

describe("dead ends name who to contact and how", () => {
  it("a 403 inside a company names the roles that may do it and links to that company's dashboard", async () => {
    const owner = await signUpAndSignIn(portal, person("hownb"));
    const adminP = person("hadm");
    const admin = await signUpAndSignIn(portal, adminP);
    const companyId = await authorizedCompany(portal, "Refusals Inc.", await memberOf(portal, owner), [{ member: await memberOf(portal, admin), role: "admin-only" }]);
    for (const path of ["transfer", "application"]) {
      const res = await admin.get(`/en/companies/${companyId}/${path}`);
      assert.equal(res.status, 403, path);
      const html = await res.text();
      const reason = words(/data-testid="refusal-reason"[^>]*>([\s\S]*?)<\/gcds-text>/.exec(html)?.[1] ?? "");
      if (path === "transfer") assert.match(reason, /Only these roles can do this in this company: Account owner\./);
      else assert.match(reason, /Account owner, Proxy account owner, Full-access user\./);
      assert.match(html, new RegExp(`href="/en/companies/${companyId}"[^>]*>Go to the PIP dashboard of Refusals Inc\\.`));
      assert.match(html, /href="\/en\/contact"/);
    }
  });

  it("the 500 page gives the help desk's configured details with its short reference", async () => {
    const html = await (await portal.app.request("/fr/__test/error")).text();
    const desk = block(html, "helpDesk");
    assert.ok(desk.includes(CONTACTS.HELP_DESK_PHONE) && desk.includes(CONTACTS.HELP_DESK_EMAIL) && desk.includes(CONTACTS.HELP_DESK_HOURS_FR), desk);
    assert.match(words(html), /Référence pour le service d’assistance\u00a0: [0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/);
  });

  it("the expired-URN page gives the TCCU's telephone, email and hours", async () => {
    const p = person("hexp", "fr");
    const client = await signUpAndSignIn(portal, p);
    const member = await memberOf(portal, client);
    const row = await portal.database.db.selectFrom("people").select("last_sign_in_at").where("id", "=", member.personId).executeTakeFirstOrThrow();
    portal.clock.set(addMonths(new Date(row.last_sign_in_at!), 25));
    const res = await new TestClient(portal.app).postForm("/fr/sign-in/gckey", { username: p.username, password: p.password });
    assert.equal(res.status, 403);
    const tccu = block(await res.text(), "tccu");
    for (const value of [CONTACTS.TCCU_PHONE, CONTACTS.TCCU_EMAIL, CONTACTS.TCCU_HOURS_FR]) assert.ok(tccu.includes(value), `${value} in: ${tccu}`);
  });
});

describe("the start-up line", () => {
  it("names the portal's address, the development mailbox (when there is one) and the staff sign-in", () => {
    assert.equal(
      readyLine("http://localhost:3000", true),
      "Portal ready at http://localhost:3000/en · development mailbox http://localhost:3000/en/dev/mailbox · staff sign-in http://localhost:3000/en/staff/sign-in\n",
    );
    assert.doesNotMatch(readyLine("https://portal.example.gc.ca", false), /mailbox/);
  });
});
