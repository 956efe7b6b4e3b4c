// The application and security profiles over HTTP (APP-1, APP-3, APP-4, APP-8): answering part
// by part and category by category, the dashboard's completion going from not started through
// "n of m" to complete, validation in French with nothing changed, drafts that keep what was
// typed, a save that never overwrites another user's newer answer, lines of business added and
// removed (answers kept), divisions.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { fieldErrors, person, signUpAndSignIn } from "./helpers/identity.ts";
import type { TestClient } from "./helpers/client.ts";
import { authorizedCompany, memberOf, type Member } from "./helpers/companies.ts";
import { criteriaFor, currentCatalogue, questionsFor, type CatalogueItem } from "../src/domain/catalogue/index.ts";
import { pageText as text } from "./helpers/page-text.ts";

let portal: TestPortal;
let owner: TestClient;
let full: TestClient;
let ownerMember: Member;

before(async () => {
  portal = await createTestPortal();
  owner = await signUpAndSignIn(portal, person("pf1"));
  full = await signUpAndSignIn(portal, person("pf2", "fr"));
  ownerMember = await memberOf(portal, owner);
});
after(() => portal.close());

/** The titles of the page's notices (the design system shows them from an attribute). */
function notices(html: string): string[] {
  return [...html.matchAll(/notice-title="([^"]*)"/g)].map((m) => m[1]!.replace(/&#39;/g, "'").replace(/&amp;/g, "&"));
}


/** A valid answer for an item, as the page's fields (a "no" on a must comes with its explanation). */
function validFields(item: CatalogueItem, userId: string, answer: "yes" | "no" = "yes"): Record<string, string> {
  const a = `a-${item.id}`;
  const type = item.answer;
  switch (type.kind) {
    case "yes-no":
      return { [a]: answer };
    case "yes-no-explain":
      return type.explainWhen === answer ? { [a]: answer, [`x-${item.id}`]: "Explained in detail for the test." } : { [a]: answer };
    case "confirm":
      return { [a]: "yes" };
    case "choice":
      return { [a]: type.options[0]!.id };
    case "company-user":
      return { [a]: userId };
    case "number":
      return { [a]: String(type.min) };
    case "date":
      return { [a]: "2026-01-15" };
    case "text":
      return { [a]: type.format === "carrier-code" ? "AB12" : "Answered for the test" };
  }
}

/** The version fields (`b-<id>`) of a page as it was served: a save states what it saw. */
function versions(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/name="(b-[A-Z]+-\d+)" value="(\d+)"/g)].map((m) => [m[1]!, m[2]!]));
}

async function openAndSave(client: TestClient, path: string, fields: Record<string, string>, then = "continue"): Promise<Response> {
  const page = await (await client.get(path)).text();
  return client.postForm(path, { ...versions(page), ...fields, then });
}

describe("the application profile (APP-3)", () => {
  let companyId: string;
  let base: string;
  before(async () => {
    companyId = await authorizedCompany(portal, "Profils Importation inc.", ownerMember, [{ member: await memberOf(portal, full), role: "full-access" }]);
    base = `/en/companies/${companyId}`;
  });

  it("goes from not started through n of m to complete on the dashboard, part by part", async () => {
    const dashboard = async () => text(await (await owner.get(base)).text());
    assert.match(await dashboard(), /Application profile .*? Not started/);
    const parts = questionsFor(currentCatalogue(), ["importer"]);
    assert.deepEqual(
      parts.map((p) => p.part),
      ["general", "importer"],
    );
    // The general part, all but one answered: in progress, with its count.
    const general = parts[0]!.questions;
    const firstFields: Record<string, string> = Object.assign({}, ...general.slice(0, -1).map((q) => validFields(q, ownerMember.personId))) as Record<string, string>;
    const saved = await openAndSave(owner, `${base}/application/parts/general`, firstFields);
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get("location"), `${base}/application/parts/importer?saved=1`, "save and continue goes to the next part");
    // Every required question counts, and an optional one once something is typed into it.
    const required = parts.flatMap((p) => p.questions).filter((q) => q.required || general.slice(0, -1).includes(q)).length;
    const answered = general.slice(0, -1).length;
    assert.match(await dashboard(), new RegExp(`Application profile .*? In progress — ${answered} of ${required} answered`));
    // The rest (a browser posts every field of the page, the answers already given included).
    await openAndSave(owner, `${base}/application/parts/general`, { ...firstFields, ...validFields(general.at(-1)!, ownerMember.personId) });
    const last = await openAndSave(owner, `${base}/application/parts/importer`, Object.assign({}, ...parts[1]!.questions.map((q) => validFields(q, ownerMember.personId))) as Record<string, string>);
    assert.equal(last.headers.get("location"), `${base}/application?saved=1`, "the last part goes back to the overview");
    assert.match(await dashboard(), /Application profile .*? Complete/);
    const overview = text(await (await owner.get(`${base}/application`)).text());
    assert.match(overview, /General information Complete/);
  });

  it("refuses a malformed answer in French with a message on the field, keeps what was typed and saves nothing", async () => {
    const path = `/fr/companies/${companyId}/application/parts/general`;
    const before = await (await full.get(path)).text();
    const numberQuestion = currentCatalogue().questions.find((q) => q.part === "general" && q.answer.kind === "number")!;
    const other = currentCatalogue().questions.find((q) => q.part === "general" && q.answer.kind === "text")!;
    const res = await full.postForm(path, { ...versions(before), [`a-${numberQuestion.id}`]: "beaucoup", [`a-${other.id}`]: "Changé par erreur", then: "continue" });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<html lang="fr">/);
    assert.ok(fieldErrors(html).includes(`${numberQuestion.id}\u00a0: Entrez un nombre, par exemple 12.`), fieldErrors(html).join(" | "));
    assert.match(html, /gcds-error-summary/);
    assert.match(html, /value="beaucoup"/, "what was typed is shown again");
    const after = await (await full.get(path)).text();
    assert.doesNotMatch(after, /Changé par erreur/, "nothing of that save was kept, not even the valid answer");
  });

  it("adds and removes a line of business: the removal asks first, and the answers are kept and come back", async () => {
    const add = await owner.postForm(`${base}/application/lines`, { line: "exporter" });
    assert.equal(add.headers.get("location"), `${base}/application?added=1`);
    const exporterQuestion = currentCatalogue().questions.find((q) => q.part === "exporter")!;
    const saved = await openAndSave(owner, `${base}/application/parts/exporter`, validFields(exporterQuestion, ownerMember.personId), "later");
    assert.equal(saved.status, 303);
    const confirm = text(await (await owner.get(`${base}/application/lines/exporter/remove`)).text());
    assert.match(confirm, /The part for Exporter has 1 answer\. They are kept, but they will not be part of your application\./);
    const removed = await owner.postForm(`${base}/application/lines/exporter/remove`, {});
    assert.equal(removed.headers.get("location"), `${base}/application?removed=1`);
    const overview = text(await (await owner.get(`${base}/application`)).text());
    assert.match(overview, /Answers kept for lines you removed: Exporter\./);
    assert.doesNotMatch(overview, /Open the part: Exporter/);
    assert.equal((await owner.get(`${base}/application/parts/exporter`)).status, 303, "the removed line's part is not offered");
    await owner.postForm(`${base}/application/lines`, { line: "exporter" });
    const back = await (await owner.get(`${base}/application/parts/exporter`)).text();
    assert.match(back, new RegExp(`data-testid="item-${exporterQuestion.id}"`));
    assert.match(text(await (await owner.get(`${base}/application`)).text()), /Exporter In progress — 1 of/);
  });

  it("never offers a customs broker or shipping agent line, and never removes the last line", async () => {
    const broker = await owner.postForm(`${base}/application/lines`, { line: "customs-broker" });
    assert.equal(broker.status, 422);
    assert.match(notices(await broker.text()).join(), /Customs brokers and shipping agents do not apply through the portal/);
    await owner.postForm(`${base}/application/lines/exporter/remove`, {});
    const last = await owner.postForm(`${base}/application/lines/importer/remove`, {});
    assert.equal(last.status, 422);
    assert.deepEqual(notices(await last.text()), ["Your company needs at least one line of business."]);
  });
});

describe("the security profile (APP-4, APP-8)", () => {
  let companyId: string;
  let base: string;
  let divisionId: string;
  before(async () => {
    companyId = await authorizedCompany(portal, "Sécurité Transport ltée", ownerMember, [{ member: await memberOf(portal, full), role: "full-access" }]);
    base = `/en/companies/${companyId}`;
    const page = await (await owner.get(`${base}/security`)).text();
    divisionId = /security\/divisions\/(\d+)"/.exec(page)![1]!;
  });

  it("has one division ready to answer, named after the company, with the categories of its line", async () => {
    const page = text(await (await owner.get(`${base}/security/divisions/${divisionId}`)).text());
    assert.match(page, /Sécurité Transport ltée/);
    for (const group of criteriaFor(currentCatalogue(), ["importer"]).flatMap((a) => a.categories)) {
      assert.match(page, new RegExp(`${currentCatalogue().categories[group.category].name.en} ${group.criteria.length} Not started`));
    }
  });

  it("saves a must answered no without its explanation as a draft that does not count, until explained", async () => {
    const ra = criteriaFor(currentCatalogue(), ["importer"])
      .flatMap((a) => a.categories)
      .find((c) => c.category === "risk-assessment")!.criteria;
    const must = ra.find((c) => c.level === "must" && c.answer.kind === "yes-no-explain" && c.answer.explainWhen === "no")!;
    const path = `${base}/security/divisions/${divisionId}/risk-assessment`;
    const res = await openAndSave(owner, path, { [`a-${must.id}`]: "no" }, "later");
    assert.equal(res.status, 303, "a draft is saved");
    let page = text(await (await owner.get(path)).text());
    assert.match(page, /Saved as a draft: add the explanation for this answer to count as answered\./);
    assert.match(page, new RegExp(`In progress — 0 of ${ra.length} answered`));
    await openAndSave(owner, path, { [`a-${must.id}`]: "no", [`x-${must.id}`]: "We are writing it with our broker; it will be ready in March." }, "later");
    page = text(await (await owner.get(path)).text());
    assert.doesNotMatch(page, /Saved as a draft/);
    assert.match(page, new RegExp(`In progress — 1 of ${ra.length} answered`));
  });

  it("never silently overwrites an answer another user changed after the page was opened: it shows both", async () => {
    const cy = criteriaFor(currentCatalogue(), ["importer"])
      .flatMap((a) => a.categories)
      .find((c) => c.category === "cybersecurity")!.criteria;
    const [first, second] = cy.filter((c) => c.answer.kind === "yes-no" || c.answer.kind === "yes-no-explain") as [CatalogueItem, CatalogueItem];
    const path = `${base}/security/divisions/${divisionId}/cybersecurity`;
    const opened = await (await owner.get(path)).text(); // the owner opens the page
    // Meanwhile the full-access user answers the first criterion.
    const frPath = `/fr/companies/${companyId}/security/divisions/${divisionId}/cybersecurity`;
    assert.equal((await openAndSave(full, frPath, validFields(first, "", "yes"), "later")).status, 303);
    // The owner saves a different answer to it, and an answer to the second.
    const res = await owner.postForm(path, { ...versions(opened), ...validFields(first, "", "no"), ...validFields(second, "", "yes"), then: "continue" });
    assert.equal(res.status, 409);
    const html = await res.text();
    assert.deepEqual(notices(html), ["Someone else changed some of these answers"]);
    const conflict = text(/data-testid="conflict-[^"]+"[\s\S]*?<\/div>/.exec(html)![0]);
    assert.match(conflict, /Saved by Alex Tremblay\S* on .*: Yes/);
    assert.match(conflict, /Your answer, still in the form: No/);
    // Nothing of theirs was lost; the second answer was saved.
    const now = text(await (await owner.get(path)).text());
    assert.match(now, /In progress — \d+ of/);
    const fresh = await (await full.get(frPath)).text();
    assert.match(fresh, new RegExp(`name="a-${first.id}"[^>]*options="[^"]*&quot;value&quot;:&quot;yes&quot;,&quot;checked&quot;:true`), "their yes is still saved");
    // Saving again from the page that showed both keeps the owner's answer, deliberately.
    const again = await owner.postForm(path, { ...versions(html), ...validFields(first, "", "no"), ...validFields(second, "", "yes"), then: "later" });
    assert.equal(again.status, 303);
    const finalPage = await (await full.get(frPath)).text();
    assert.match(finalPage, new RegExp(`name="a-${first.id}"[^>]*options="[^"]*&quot;value&quot;:&quot;no&quot;,&quot;checked&quot;:true`));
  });

  it("adds a second division with its own lines and criteria, changes it, and removes it (never the last)", async () => {
    await owner.postForm(`${base}/application/lines`, { line: "highway-carrier" });
    const created = await owner.postForm(`${base}/security/divisions/new`, { name: "Transport routier", lines: "highway-carrier" });
    assert.equal(created.status, 303);
    const second = /divisions\/(\d+)\?created=1/.exec(created.headers.get("location") ?? "")![1]!;
    const page = await (await owner.get(created.headers.get("location")!)).text();
    assert.deepEqual(notices(page), ["The division is added. Its security profile is ready to answer."]);
    const carrierOnly = currentCatalogue().criteria.find((c) => c.lines.length === 1 && c.lines[0] === "highway-carrier")!;
    const categoryPage = await (await owner.get(`${base}/security/divisions/${second}/${carrierOnly.category}`)).text();
    assert.match(categoryPage, new RegExp(`data-testid="item-${carrierOnly.id}"`), "a highway carrier's criterion is asked of this division");
    const firstCategory = await (await owner.get(`${base}/security/divisions/${divisionId}/${carrierOnly.category}`)).text();
    assert.doesNotMatch(firstCategory, new RegExp(`data-testid="item-${carrierOnly.id}"`), "and not of the importer's");

    const bad = await owner.postForm(`${base}/security/divisions/${second}/edit`, { name: "", lines: "rail-carrier" });
    assert.equal(bad.status, 422);
    assert.deepEqual(fieldErrors(await bad.text()), ["This information is required.", "Choose one option."]);
    const renamed = await owner.postForm(`${base}/security/divisions/${second}/edit`, { name: "Transport routier Est", lines: "highway-carrier" });
    assert.equal(renamed.headers.get("location"), `${base}/security/divisions/${second}?saved=1`);

    const removed = await owner.postForm(`${base}/security/divisions/${second}/delete`, {});
    assert.equal(removed.headers.get("location"), `${base}/security?deleted=1`);
    assert.doesNotMatch(text(await (await owner.get(`${base}/security`)).text()), /Transport routier Est/);
    const last = await owner.postForm(`${base}/security/divisions/${divisionId}/delete`, {});
    assert.equal(last.status, 422);
    assert.deepEqual(notices(await last.text()), ["Your company needs at least one division. Change this one instead."]);
  });
});
