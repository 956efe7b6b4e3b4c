import { test } from "node:test";
import assert from "node:assert/strict";
import {
  MEMBERSHIP_ACTORS,
  MEMBERSHIP_STATUSES,
  TRANSITION_NAMES,
  decide,
  transitionsFrom,
  type MembershipActor,
  type MembershipStatus,
  type TransitionName,
} from "./membership.ts";

// APP-10 transcribed arrow by arrow, independently of the table in membership.ts:
// "from --name--> to : actors". Every (status, transition, actor) triple not listed here must be refused.
const APP_10 = `
not-applied --submit--> submitted : owner
submitted --start-review--> under-review : officer
under-review --request-information--> information-requested : officer
information-requested --respond--> under-review : owner
under-review --schedule-site-validation--> site-validation : officer
site-validation --approve--> member : officer
under-review --propose-denial--> denial-proposed : officer
site-validation --propose-denial--> denial-proposed : officer
denial-proposed --request-informal-review--> under-review : owner
denial-proposed --deny--> denied : officer job
member --suspend--> suspended : officer
suspended --reinstate--> member : officer
suspended --cancel--> cancelled : officer
cancelled --appeal--> appeal-submitted : owner
cancelled --cancellation-final--> cancelled : job
appeal-submitted --grant-appeal--> member : officer
appeal-submitted --dismiss-appeal--> cancelled : officer
member --revalidation-due--> revalidation-due : job
revalidation-due --resubmit--> under-review : owner
revalidation-due --suspend-unrevalidated--> suspended : job
submitted --withdraw--> withdrawn : owner
under-review --withdraw--> withdrawn : owner
information-requested --withdraw--> withdrawn : owner
site-validation --withdraw--> withdrawn : owner
member --withdraw--> withdrawn : owner
denial-proposed --withdraw--> withdrawn : owner
suspended --withdraw--> withdrawn : owner
cancelled --withdraw--> withdrawn : owner
appeal-submitted --withdraw--> withdrawn : owner
revalidation-due --withdraw--> withdrawn : owner
`;

interface Arrow {
  from: MembershipStatus;
  name: TransitionName;
  to: MembershipStatus;
  actors: MembershipActor[];
}

const arrows: Arrow[] = APP_10.trim()
  .split("\n")
  .map((line) => {
    const m = /^(\S+) --(\S+)--> (\S+) : (.+)$/.exec(line.trim());
    assert.ok(m, line);
    return { from: m[1] as MembershipStatus, name: m[2] as TransitionName, to: m[3] as MembershipStatus, actors: m[4]!.split(" ") as MembershipActor[] };
  });

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2027-03-01T12:00:00Z");
// Facts that satisfy every time limit the transition may carry (the limits have their own tests).
function factsFor(status: MembershipStatus, name: TransitionName) {
  const long = new Date(now.getTime() - 40 * DAY);
  const recent = new Date(now.getTime() - 2 * DAY);
  return {
    status,
    now,
    denialProposedAt: name === "deny" ? long : recent,
    cancelledAt: name === "cancellation-final" ? long : recent,
    cancelledByStaffId: "7",
  };
}

test("the table names every status of APP-10 and each arrow's ends exist", () => {
  for (const a of arrows) {
    assert.ok(MEMBERSHIP_STATUSES.includes(a.from), a.from);
    assert.ok(MEMBERSHIP_STATUSES.includes(a.to), a.to);
    assert.ok(TRANSITION_NAMES.includes(a.name), a.name);
  }
  const reached = new Set(arrows.flatMap((a) => [a.from, a.to]));
  assert.deepEqual([...MEMBERSHIP_STATUSES].filter((s) => !reached.has(s)), []);
});

test("every (status, transition, actor) triple: allowed exactly where APP-10 says, refused everywhere else", () => {
  let allowed = 0;
  let refused = 0;
  for (const status of MEMBERSHIP_STATUSES) {
    for (const name of TRANSITION_NAMES) {
      for (const actor of MEMBERSHIP_ACTORS) {
        const arrow = arrows.find((a) => a.from === status && a.name === name && a.actors.includes(actor));
        const result = decide(name, factsFor(status, name), { actor, ...(actor === "officer" ? { staffId: "8" } : {}) });
        if (arrow) {
          assert.deepEqual(result, { ok: true, to: arrow.to }, `${status} --${name}--> by ${actor}`);
          allowed += 1;
        } else {
          assert.equal(result.ok, false, `${status} --${name}--> by ${actor} must be refused`);
          refused += 1;
        }
      }
    }
  }
  assert.equal(allowed, arrows.reduce((n, a) => n + a.actors.length, 0));
  assert.equal(allowed + refused, MEMBERSHIP_STATUSES.length * TRANSITION_NAMES.length * MEMBERSHIP_ACTORS.length);
});

test("transitionsFrom lists what each actor may start from each status, as the arrows say", () => {
  for (const status of MEMBERSHIP_STATUSES) {
    for (const actor of MEMBERSHIP_ACTORS) {
      const expected = arrows.filter((a) => a.from === status && a.actors.includes(actor)).map((a) => a.name).sort();
      assert.deepEqual([...transitionsFrom(status, actor)].sort(), expected, `${status} / ${actor}`);
    }
  }
});

test("an informal review is asked for within 30 days of the proposed denial, not after", () => {
  const at = (days: number) => ({ status: "denial-proposed" as const, now, denialProposedAt: new Date(now.getTime() - days * DAY) });
  assert.deepEqual(decide("request-informal-review", at(29.99), { actor: "owner" }), { ok: true, to: "under-review" });
  assert.deepEqual(decide("request-informal-review", at(30), { actor: "owner" }), { ok: false, reason: "too-late" });
  assert.deepEqual(decide("deny", at(29.99), { actor: "job" }), { ok: false, reason: "too-early" });
  assert.deepEqual(decide("deny", at(30), { actor: "job" }), { ok: true, to: "denied" });
  assert.deepEqual(decide("deny", { status: "denial-proposed", now }, { actor: "job" }), { ok: false, reason: "too-early" });
});

test("a cancellation is made final after 30 days, once; no appeal after it", () => {
  const at = (days: number, finalAt: Date | null = null) => ({ status: "cancelled" as const, now, cancelledAt: new Date(now.getTime() - days * DAY), cancellationFinalAt: finalAt });
  assert.deepEqual(decide("cancellation-final", at(30 - 1 / 1440), { actor: "job" }), { ok: false, reason: "too-early" });
  assert.deepEqual(decide("cancellation-final", at(30), { actor: "job" }), { ok: true, to: "cancelled" });
  assert.deepEqual(decide("cancellation-final", at(31, now), { actor: "job" }), { ok: false, reason: "too-late" });
  assert.deepEqual(decide("appeal", at(30 - 1 / 1440), { actor: "owner" }), { ok: true, to: "appeal-submitted" });
  assert.deepEqual(decide("appeal", at(30), { actor: "owner" }), { ok: false, reason: "too-late" });
  // An appeal dismissed within the 30 days makes the cancellation final: no second appeal.
  assert.deepEqual(decide("appeal", at(5, now), { actor: "owner" }), { ok: false, reason: "too-late" });
});

test("an appeal comes within 30 days of the cancellation and is decided by another officer", () => {
  const cancelled = (days: number) => ({ status: "cancelled" as const, now, cancelledAt: new Date(now.getTime() - days * DAY) });
  assert.equal(decide("appeal", cancelled(29), { actor: "owner" }).ok, true);
  assert.deepEqual(decide("appeal", cancelled(31), { actor: "owner" }), { ok: false, reason: "too-late" });
  const appealed = { status: "appeal-submitted" as const, now, cancelledAt: new Date(now.getTime() - 10 * DAY), cancelledByStaffId: "7" };
  assert.deepEqual(decide("grant-appeal", appealed, { actor: "officer", staffId: "7" }), { ok: false, reason: "same-officer" });
  assert.deepEqual(decide("dismiss-appeal", appealed, { actor: "officer", staffId: "7" }), { ok: false, reason: "same-officer" });
  assert.deepEqual(decide("grant-appeal", appealed, { actor: "officer", staffId: "9" }), { ok: true, to: "member" });
});
