// URN expiry (EXP-1) and the reminders before it (EXP-4), as pure date rules. A person's
// inactivity starts at their last sign-in or at the issue of their current URN, whichever is
// later; the URN expires two calendar years after that, and the reminders go at 12, 21 and 23
// months. Month arithmetic is on calendar dates in UTC: a day that does not exist in the target
// month (29 February, 31 April) is the last day of that month.

export const URN_LIFETIME_MONTHS = 24;

export const REMINDERS = [
  { kind: "12-months", months: 12 },
  { kind: "21-months", months: 21 },
  { kind: "23-months", months: 23 },
] as const;

export type ReminderKind = (typeof REMINDERS)[number]["kind"];

/** `date` plus `months` calendar months, keeping the time of day (UTC). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const target = new Date(Date.UTC(y, m, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/** When the person's inactivity began: their last sign-in or their URN's issue, the later. */
export function inactiveSince(p: { lastSignInAt: Date | null; urnIssuedAt: Date }): Date {
  return p.lastSignInAt && p.lastSignInAt > p.urnIssuedAt ? p.lastSignInAt : p.urnIssuedAt;
}

export function urnExpiresAt(since: Date): Date {
  return addMonths(since, URN_LIFETIME_MONTHS);
}

/** EXP-1: expired from the moment two years of inactivity are complete. */
export function isUrnExpired(since: Date, now: Date): boolean {
  return now.getTime() >= urnExpiresAt(since).getTime();
}

/**
 * The reminder due now for this period of inactivity, if any: the latest threshold reached
 * (a portal that was down at 12 months does not send a stale yearly reminder at 21), and none
 * once the URN has expired.
 */
export function reminderDue(since: Date, now: Date): ReminderKind | null {
  if (isUrnExpired(since, now)) return null;
  let due: ReminderKind | null = null;
  for (const r of REMINDERS) if (now.getTime() >= addMonths(since, r.months).getTime()) due = r.kind;
  return due;
}
