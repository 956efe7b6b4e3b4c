// URN expiry and regaining access (SPEC section 4, STAFF-3), driven by the test clock: the
// two-year boundary at sign-in, the owner cascade, the TCCU's new URN, the owner reactivating
// everyone, the reminders at 12, 21 and 23 months (each once, even with two workers at once),
// the TCCU's search, and the company timeline.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { latestMail, person, signIn, signUpAndSignIn, type Person } from "./helpers/identity.ts";
import { TestClient } from "./helpers/client.ts";
import { authorizedCompany, memberOf, type Member } from "./helpers/companies.ts";
import { signedInStaff } from "./helpers/staff.ts";
import { addMonths } from "../src/domain/urn-expiry.ts";
import { expireInactiveUrns, sendUrnReminders } from "../src/features/expiry/service.ts";
import { DAY_MS } from "../src/platform/clock.ts";
import { pageText as text } from "./helpers/page-text.ts";

let portal: TestPortal;


async function lastSignIn(member: Member): Promise<Date> {
  const row = await portal.database.db.selectFrom("people").select("last_sign_in_at").where("id", "=", member.personId).executeTakeFirstOrThrow();
  return new Date(row.last_sign_in_at!);
}

/** The password step alone: 303 to the code page while the URN is valid, the expiry page after. */
async function passwordStep(p: Person): Promise<Response> {
  return new TestClient(portal.app).postForm(`/${p.lang}/sign-in/gckey`, { username: p.username, password: p.password });
}

async function mailsTo(address: string): Promise<{ subject: string; text: string }[]> {
  await portal.jobs.drain();
  const rows = await portal.database.db.selectFrom("dev_mailbox").select(["subject", "text_body"]).where("to_address", "=", address).orderBy("outbox_id").execute();
  return rows.map((r) => ({ subject: r.subject, text: r.text_body }));
}

before(async () => {
  portal = await createTestPortal();
});
after(() => portal.close());

describe("the two-year boundary (EXP-1)", () => {
  it("is still valid at two years less a day, and expired at two years, at sign-in even before the job runs", async () => {
    const p = person("ex1", "fr");
    const client = await signUpAndSignIn(portal, p);
    const since = await lastSignIn(await memberOf(portal, client));
    const expiry = addMonths(since, 24);

    portal.clock.set(new Date(expiry.getTime() - DAY_MS));
    const valid = await passwordStep(p);
    assert.equal(valid.status, 303);
    assert.equal(valid.headers.get("location"), "/fr/sign-in/code");

    portal.clock.set(expiry);
    const expired = await passwordStep(p);
    assert.equal(expired.status, 403);
    const page = text(await expired.text());
    assert.match(page, /Votre numéro de référence d’utilisateur a expiré/);
    assert.match(page, /Unité technique des clients commerciaux \(UTCC\)/);
    assert.equal(expired.headers.getSetCookie().filter((c) => c.startsWith("ttp-session=") && !c.includes("Max-Age=0")).length, 0, "no session");
    // Still expired on the next attempt, and a sign-in attempt never restarts the two years.
    portal.clock.advance(DAY_MS);
    assert.equal((await passwordStep(p)).status, 403);
  });
});

describe("the owner cascade, the TCCU's new URN and reactivation (EXP-2, EXP-3)", () => {
  it("locks every user out with the owner, then the owner, with a new URN, reactivates them all", async () => {
    portal.clock.set(new Date("2027-03-01T15:00:00Z"));
    const ownerP = person("ex2");
    const userP = person("ex3", "fr");
    const proxyP = person("ex4");
    const ownerC = await signUpAndSignIn(portal, ownerP);
    const userC = await signUpAndSignIn(portal, userP);
    const proxyC = await signUpAndSignIn(portal, proxyP);
    const owner = await memberOf(portal, ownerC);
    const user = await memberOf(portal, userC);
    const proxy = await memberOf(portal, proxyC);
    const companyId = await authorizedCompany(portal, "Cascade Ltée", owner, [
      { member: user, role: "full-access" },
      { member: proxy, role: "proxy" },
    ]);

    // A year later the others sign in; the owner does not.
    portal.clock.set(new Date("2028-03-01T15:00:00Z"));
    await signIn(portal, userP);
    await signIn(portal, proxyP);

    // Two years after the owner's last sign-in, the scheduled job expires the owner's URN.
    portal.clock.set(addMonths(await lastSignIn(owner), 24));
    assert.equal(await expireInactiveUrns(portal.deps), 1);
    assert.equal(await expireInactiveUrns(portal.deps), 0, "once");

    // The other users, whose own URNs are valid, are refused and told why.
    const userAgain = await signIn(portal, userP);
    const refused = await userAgain.get(`/fr/companies/${companyId}`);
    assert.equal(refused.status, 403);
    const why = text(await refused.text());
    assert.match(why, /Le numéro de référence d’utilisateur du propriétaire du compte a expiré/);
    assert.match(why, /Votre accès à Cascade Ltée a été désactivé/);
    assert.ok((await mailsTo(userP.email)).some((m) => /Vous avez perdu l’accès à une entreprise/.test(m.subject) && m.text.includes("Cascade Ltée")));
    const chooser = await userAgain.get("/fr/companies");
    assert.equal(chooser.headers.get("location"), "/fr/account", "'Change company' leads a locked-out user to the page that says why");
    const account = text(await (await userAgain.get("/fr/account")).text());
    assert.match(account, /Entreprises que vous ne pouvez plus ouvrir Cascade Ltée — le numéro de référence d’utilisateur du propriétaire du compte a expiré/);
    const proxyAgain = await signIn(portal, proxyP);
    assert.equal((await proxyAgain.get(`/en/companies/${companyId}/users`)).status, 403);

    // The owner cannot sign in.
    assert.equal((await passwordStep(ownerP)).status, 403);

    // The TCCU finds the owner (part of the name, without accents or case) and issues a new URN.
    const tccu = await signedInStaff(portal, ["tccu"]);
    const search = await tccu.get(`/en/staff/tccu?q=${encodeURIComponent(ownerP.familyName.slice(0, 6).toUpperCase())}`);
    assert.equal(search.status, 200);
    const hits = await search.text();
    assert.match(text(hits), new RegExp(`${ownerP.familyName}, Alex ${ownerP.email} ${owner.formattedUrn} Expired`));
    const personPage = text(await (await tccu.get(`/en/staff/tccu/people/${owner.personId}`)).text());
    assert.match(personPage, /Cascade Ltée .* Account owner Active/);
    assert.match(personPage, /URN status Expired/);
    const noReason = await tccu.postForm(`/en/staff/tccu/people/${owner.personId}/new-urn`, { reason: "" });
    assert.equal(noReason.status, 422);
    const issued = await tccu.postForm(`/en/staff/tccu/people/${owner.personId}/new-urn`, { reason: "Identity verified by telephone, ticket 4411" });
    assert.equal(issued.status, 303);
    const after = text(await (await tccu.get(issued.headers.get("location")!)).text());
    // In the notice's title the URN is written with non-breaking hyphens, so it never wraps.
    const newUrn = /A new URN was issued: (URN\u2011[0-9A-Z]{4}\u2011[0-9A-Z]{4}\u2011[0-9A-Z])/.exec(after)?.[1]?.replaceAll("\u2011", "-");
    assert.ok(newUrn, after);
    // What happens next, for this person (the owner of Cascade Ltée), and the form is not offered again.
    assert.match(after, new RegExp(`What happens next The new URN was sent by email to ${ownerP.email.replace(/[.+]/g, "\\$&")}\\. The old URN no longer works\\.`));
    assert.match(after, /As the account owner of Cascade Ltée, they sign in with the new URN and then reactivate the company's users whose access was deactivated\./);
    assert.ok(!after.includes("Issue a new URN"), "no second issue form right after issuing");
    assert.match(after, new RegExp(`URN ${newUrn} URN status Valid`), "the details show the new URN as typed");
    assert.notEqual(newUrn, owner.formattedUrn);
    const mail = await latestMail(portal, ownerP.email);
    assert.match(mail.subject, /Your new user reference number/);
    assert.ok(mail.text.includes(newUrn), "the new URN is emailed");

    // The old URN stops working: nobody can be identified by it any more.
    const other = await signUpAndSignIn(portal, person("ex5"));
    const elsewhere = await authorizedCompany(portal, "Ailleurs inc.", await memberOf(portal, other));
    const byOldUrn = await other.postForm(`/en/companies/${elsewhere}/users/add`, { familyName: ownerP.familyName, urn: owner.formattedUrn, email: ownerP.email, role: "admin-only" });
    assert.equal(byOldUrn.status, 422);

    // The owner signs in and reactivates everyone at once.
    const ownerBack = await signIn(portal, ownerP);
    const dashboardHtml = await (await ownerBack.get(`/en/companies/${companyId}`)).text();
    assert.match(dashboardHtml, /notice-title="Users to reactivate"/);
    const dashboard = text(dashboardHtml);
    assert.match(dashboard, new RegExp(`Alex ${userP.familyName}`));
    assert.match(dashboard, new RegExp(`Alex ${proxyP.familyName}`));
    const reactivated = await ownerBack.postForm(`/en/companies/${companyId}/users/reactivate-expired`, {});
    assert.equal(reactivated.status, 303);
    assert.match(text(await (await ownerBack.get(reactivated.headers.get("location")!)).text()), /2 users were reactivated/);

    // A reactivated user signs in again and works in the company.
    const userFinally = await signIn(portal, userP);
    assert.equal((await userFinally.get(`/fr/companies/${companyId}`)).status, 200);

    // Every step is on the company's timeline.
    const timeline = text(await (await tccu.get(`/en/staff/companies/${companyId}`)).text());
    for (const event of ["The account owner's URN expired: other users deactivated", "The TCCU issued a new URN to a user", "User reactivated"]) {
      assert.ok(timeline.includes(event), `${event} on the timeline`);
    }
  });
});

describe("reminders (EXP-4)", () => {
  it("sends the reminders at 12, 21 and 23 months, each once, even with two workers at the same moment", async () => {
    portal.clock.set(new Date("2030-05-10T14:00:00Z"));
    const ownerP = person("ex6", "fr");
    const plainP = person("ex7");
    const ownerC = await signUpAndSignIn(portal, ownerP);
    const plainC = await signUpAndSignIn(portal, plainP);
    await authorizedCompany(portal, "Rappel Transport inc.", await memberOf(portal, ownerC));
    const since = await lastSignIn(await memberOf(portal, plainC));
    const base = (await mailsTo(plainP.email)).length;

    portal.clock.set(new Date(addMonths(since, 12).getTime() - 60_000));
    await Promise.all([sendUrnReminders(portal.deps), sendUrnReminders(portal.deps)]);
    assert.equal((await mailsTo(plainP.email)).length, base, "nothing before 12 months");

    const expected = ["Sign in to keep your user reference number", "expires in 3 months", "expires next month"];
    for (const [i, months] of [12, 21, 23].entries()) {
      portal.clock.set(new Date(addMonths(since, months).getTime() + 60 * 60_000));
      await Promise.all([sendUrnReminders(portal.deps), sendUrnReminders(portal.deps)]);
      await sendUrnReminders(portal.deps);
      const mails = (await mailsTo(plainP.email)).slice(base);
      assert.equal(mails.length, i + 1, `${months} months: one reminder more`);
      assert.match(mails[i]!.subject, new RegExp(expected[i]!));
      assert.doesNotMatch(mails[i]!.text, /account owner of/, "no company warning for a person who owns none");
    }
    const ownerMails = (await mailsTo(ownerP.email)).filter((m) => /numéro de référence d’utilisateur/.test(m.subject) && !/Votre nouveau/.test(m.subject));
    assert.equal(ownerMails.length, 3, "the owner's three reminders, in French");
    assert.match(ownerMails[2]!.text, /Vous êtes le propriétaire du compte de Rappel Transport inc\. Si votre NRU expire, tous les autres utilisateurs/);

    // At two years, no more reminders: the URN expires.
    portal.clock.set(addMonths(since, 24));
    assert.equal(await sendUrnReminders(portal.deps), 0);
  });
});

describe("the TCCU console (STAFF-3)", () => {
  it("finds people by part of a name, email or URN, without case or accents, for TCCU staff only", async () => {
    const p = { ...person("ex8"), familyName: "Lévesque-Côté" };
    const client = await signUpAndSignIn(portal, p);
    const member = await memberOf(portal, client);
    const tccu = await signedInStaff(portal, ["tccu"], "fr");
    for (const q of ["levesq", "CÔTÉ", "alex lév", "lévesque-co", p.email.slice(0, 8), member.formattedUrn.slice(0, 9), member.urn.slice(0, 5).toLowerCase()]) {
      const html = text(await (await tccu.get(`/fr/staff/tccu?q=${encodeURIComponent(q)}`)).text());
      assert.match(html, /Lévesque-Côté, Alex/, `found by ${q}`);
    }
    const none = text(await (await tccu.get(`/fr/staff/tccu?q=${encodeURIComponent("zzqx")}`)).text());
    assert.match(none, /Aucun utilisateur du portail ne correspond/);
    assert.equal((await tccu.get(`/fr/staff/tccu?q=a`)).status, 422);

    const mailRoom = await signedInStaff(portal, ["mail-room"]);
    assert.equal((await mailRoom.get("/en/staff/tccu?q=levesque")).status, 403);
    assert.equal((await mailRoom.postForm(`/en/staff/tccu/people/${member.personId}/new-urn`, { reason: "x" })).status, 403);
    const trader = await client.get("/en/staff/tccu?q=levesque");
    assert.notEqual(trader.status, 200, "a trader's session opens no staff page");
  });
});
