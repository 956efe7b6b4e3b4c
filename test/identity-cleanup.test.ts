// Housekeeping by the six-hourly cleanup job: old sessions (traders' and staff's) and spent
// codes go, live ones stay; mail sent long ago goes, unsent or recent mail stays.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createTestPortal, type TestPortal } from "./helpers/app.ts";
import { person, signUpAndSignIn } from "./helpers/identity.ts";
import { signedInStaff } from "./helpers/staff.ts";
import { cleanupIdentity } from "../src/features/identity/cleanup.ts";
import { cleanupStaff } from "../src/features/staff/cleanup.ts";
import { staffDb } from "../src/features/staff/schema.ts";
import { cleanupMailOutbox, MAIL_DELIVERY_JOB, queueMail, type MailTemplate } from "../src/platform/mail/outbox.ts";
import { DAY_MS } from "../src/platform/clock.ts";

let portal: TestPortal;
before(async () => {
  portal = await createTestPortal();
});
after(() => portal.close());

describe("identity cleanup", () => {
  it("deletes sessions over for 30 days and their codes, and keeps the live ones working", async () => {
    const gone = await signUpAndSignIn(portal, person(1));
    await gone.postForm("/en/sign-out", {});
    portal.clock.advance(31 * DAY_MS);
    const live = await signUpAndSignIn(portal, person(2));
    const before = await portal.database.db.selectFrom("sessions").select("id").execute();
    const result = await cleanupIdentity(portal.deps);
    assert.equal(result.sessions, 1, `the first person's signed-out session: ${JSON.stringify(result)}`);
    assert.ok(result.codes >= 1);
    const after = await portal.database.db.selectFrom("sessions").select("id").execute();
    assert.equal(after.length, before.length - result.sessions);
    assert.equal((await live.get("/en/account")).status, 200, "a live session is untouched");
    const audit = await portal.database.db.selectFrom("audit_events").select("id").where("action", "=", "sign-out").execute();
    assert.equal(audit.length, 1, "the audit trail stays");
  });
});

describe("staff cleanup", () => {
  let staffPortal: TestPortal;
  before(async () => {
    staffPortal = await createTestPortal();
  });
  after(() => staffPortal.close());

  const countSessions = async () => (await staffDb(staffPortal.database.db).selectFrom("staff_sessions").select("id").execute()).length;

  it("deletes staff sessions over for 30 days (with details never taken), and keeps recent and live ones", async () => {
    // An administrator issues an account, never opens its one-time details, and signs out.
    const admin = await signedInStaff(staffPortal, ["admin"]);
    const created = await admin.postForm("/en/staff/users/new", { username: "untaken1", displayName: "Una Taken", email: "u@cbsa-asfc.gc.ca", roles: "tccu" });
    assert.equal(created.status, 303);
    assert.equal((await admin.postForm("/en/staff/sign-out", {})).status, 303);
    const idle = await signedInStaff(staffPortal, ["tccu"]); // never signs out: idle, then past its 12 hours
    staffPortal.clock.advance(20 * DAY_MS);
    const recent = await signedInStaff(staffPortal, ["mail-room"]);
    assert.equal((await recent.postForm("/en/staff/sign-out", {})).status, 303); // over 11 days at cleanup: kept
    staffPortal.clock.advance(11 * DAY_MS);
    const live = await signedInStaff(staffPortal, ["tccu"]);
    assert.equal(await countSessions(), 4);

    const result = await cleanupStaff(staffPortal.deps);
    assert.deepEqual(result, { sessions: 2, reveals: 1 }, "the administrator's and the idle session, and the details kept for the first");
    assert.equal(await countSessions(), 2, "the recently ended and the live session stay");
    assert.equal((await live.get("/en/staff")).status, 200, "a live staff session is untouched");
    assert.notEqual((await idle.get("/en/staff")).status, 200);
    assert.deepEqual(await cleanupStaff(staffPortal.deps), { sessions: 0, reveals: 0 }, "nothing more to delete");
    const audit = await staffPortal.database.db.selectFrom("audit_events").select("id").where("action", "=", "staff.sign-out").execute();
    assert.equal(audit.length, 2, "the audit trail stays");
  });
});

describe("mail outbox cleanup", () => {
  let mailPortal: TestPortal;
  before(async () => {
    mailPortal = await createTestPortal();
  });
  after(() => mailPortal.close());

  const note: MailTemplate<{ label: string }> = { name: "test.note", render: (_l, { label }) => ({ subject: `Note ${label}`, paragraphs: [`About ${label}.`] }) };
  const queue = (label: string) =>
    mailPortal.database.db.transaction().execute((trx) => queueMail(trx, mailPortal.clock, note, { address: `${label}@example.ca`, locale: "en" }, { label }));
  const mailbox = async () => (await mailPortal.app.request("/en/dev/mailbox")).text();
  const outboxIds = async () => (await mailPortal.database.db.selectFrom("mail_outbox").select("id").orderBy("id").execute()).map((r) => r.id);

  it("deletes messages sent over 30 days ago with their mailbox copies; keeps recent, unsent and still-delivering ones", async () => {
    const old = await queue("old-sent");
    const crashed = await queue("old-crashed");
    await mailPortal.jobs.drain();
    mailPortal.clock.advance(20 * DAY_MS);
    const recent = await queue("recent-sent");
    await mailPortal.jobs.drain();
    const unsent = await queue("unsent"); // its delivery job is still pending
    // What a crash between "marked sent" and "job done" leaves: the job is running, its lock
    // lapsed; a runner will claim it again and read the row.
    await mailPortal.database.db
      .updateTable("jobs")
      .set({ status: "running", finished_at: null, locked_by: "crashed", locked_until: mailPortal.clock.now() })
      .where("kind", "=", MAIL_DELIVERY_JOB)
      .where((eb) => eb(eb.ref("payload", "->>").key("outboxId"), "=", crashed))
      .execute();
    mailPortal.clock.advance(11 * DAY_MS);
    assert.match(await mailbox(), /Note old-sent/);

    assert.equal(await cleanupMailOutbox(mailPortal.deps), 1);
    assert.deepEqual(await outboxIds(), [crashed, recent, unsent], `${old} went`);
    const list = await mailbox();
    assert.doesNotMatch(list, /Note old-sent/, "its development mailbox copy went with it");
    assert.match(list, /Note old-crashed/);
    assert.match(list, /Note recent-sent/);
    const link = /href="(\/en\/dev\/mailbox\/\d+)">Note recent-sent/.exec(list)?.[1];
    assert.ok(link, "the mailbox still lists and opens what remains");
    assert.equal((await mailPortal.app.request(link)).status, 200);

    // The crashed delivery's job finishes (it finds the message sent); the unsent one is delivered now.
    await mailPortal.jobs.drain();
    assert.equal(await cleanupMailOutbox(mailPortal.deps), 1, "the crashed one goes once its job is done");
    assert.deepEqual(await outboxIds(), [recent, unsent]);
    assert.match(await mailbox(), /Note unsent/);
  });
});
