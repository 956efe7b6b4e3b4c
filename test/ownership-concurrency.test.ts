// USR-5 under concurrency: transfers and role changes fired at the same moment still leave
// every company with exactly one active owner. On PostgreSQL (TEST_DATABASE_URL, as in CI) the
// requests run in parallel on separate connections of the pool; the embedded database runs one
// transaction at a time, so there the test shows only that the outcome is the same.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn, type Person } from "./helpers/identity.ts";
import type { TestClient } from "./helpers/client.ts";
import { activeOwners, authorizedCompany, memberOf, type Member } from "./helpers/companies.ts";
import { testEngine } from "./helpers/db.ts";

let portal: TestPortal;
const people: { p: Person; client: TestClient; member: Member }[] = [];

before(async () => {
  portal = await createTestPortal();
  for (let i = 0; i < 4; i++) {
    const p = person(`cc${i}`);
    const client = await signUpAndSignIn(portal, p);
    people.push({ p, client, member: await memberOf(portal, client) });
  }
});
after(() => portal.close());

function identify(who: (typeof people)[number]) {
  return { familyName: who.p.familyName, urn: who.member.formattedUrn, email: who.p.email };
}

describe(`concurrent changes to a company's owner (${testEngine})`, () => {
  it("two transfers at once to different users: one wins, the other is refused, one owner remains", async () => {
    const [owner, a, b] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    for (let round = 0; round < 5; round++) {
      const companyId = await authorizedCompany(portal, `Course ${round} inc.`, owner.member, [
        { member: a.member, role: "full-access" },
        { member: b.member, role: "full-access" },
      ]);
      const url = `/en/companies/${companyId}/transfer`;
      const results = await Promise.all([
        owner.client.postForm(url, { ...identify(a), outgoing: "proxy", confirm: "yes" }),
        owner.client.postForm(url, { ...identify(b), outgoing: "admin-only", confirm: "yes" }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [303, 403], `round ${round}: one transfer done, the other refused (${statuses.join(", ")})`);
      const owners = await activeOwners(portal, companyId);
      assert.equal(owners.length, 1, `round ${round}: exactly one owner`);
      assert.ok([a.member.personId, b.member.personId].includes(owners[0]!), "the owner is one of the two");
    }
  });

  it("a transfer and a role change of its recipient at once: one owner remains, never demoted", async () => {
    const [owner, heir, proxy] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    for (let round = 0; round < 5; round++) {
      const companyId = await authorizedCompany(portal, `Rôle ${round} inc.`, owner.member, [
        { member: heir.member, role: "full-access" },
        { member: proxy.member, role: "proxy" },
      ]);
      await Promise.all([
        owner.client.postForm(`/en/companies/${companyId}/transfer`, { ...identify(heir), outgoing: "full-access", confirm: "yes" }),
        proxy.client.postForm(`/en/companies/${companyId}/users/${heir.member.personId}/role`, { role: "admin-only" }),
      ]);
      const owners = await activeOwners(portal, companyId);
      assert.equal(owners.length, 1, `round ${round}: exactly one owner`);
      // Whichever ran first, the other saw its result: a transfer to an admin-only user is
      // still allowed, and an owner cannot be demoted by a proxy.
      assert.equal(owners[0], heir.member.personId, `round ${round}: the transfer went through`);
    }
  });

  it("many role changes and a transfer at once keep one owner", async () => {
    const [owner, a, b, c] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const companyId = await authorizedCompany(portal, "Tempête inc.", owner.member, [
      { member: a.member, role: "proxy" },
      { member: b.member, role: "full-access" },
      { member: c.member, role: "admin-only" },
    ]);
    const requests: Promise<Response>[] = [owner.client.postForm(`/en/companies/${companyId}/transfer`, { ...identify(b), outgoing: "proxy", confirm: "yes" })];
    for (const role of ["admin-only", "full-access", "proxy", "admin-only"]) {
      requests.push(a.client.postForm(`/en/companies/${companyId}/users/${c.member.personId}/role`, { role }));
      requests.push(a.client.postForm(`/en/companies/${companyId}/users/${b.member.personId}/role`, { role }));
    }
    const results = await Promise.all(requests);
    for (const r of results) assert.ok([303, 403].includes(r.status), `status ${r.status}`);
    assert.equal((await activeOwners(portal, companyId)).length, 1);
  });
});
