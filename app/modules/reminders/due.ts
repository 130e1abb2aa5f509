// Which reminder is due, as a pure rule (ADR 026): the scheduler asks it at every tick for each deadline, and
// the claim row it names makes each reminder go out once.

const HOUR = 3_600_000;

/** A reminder sent this long before a deadline; `key` names it in the claim row. */
export type Threshold = { key: string; before: number };

/** Reminders before a submission or judging deadline: a day ahead, then an hour ahead. */
export const reminderThresholds: readonly Threshold[] = [
  { key: "24h", before: 24 * HOUR },
  { key: "1h", before: HOUR },
];

/**
 * The reminder due at `now` for this deadline, or null. A threshold is due once `now` reaches it and only while
 * the deadline is still ahead, so a process back after downtime sends what is still useful and nothing stale.
 * When several thresholds have passed (downtime, or a deadline set close), only the nearest one is due: one
 * reminder saying how long is left, not two at once.
 */
export function dueReminder(deadline: Date, now: Date, thresholds: readonly Threshold[] = reminderThresholds): Threshold | null {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return null;
  const passed = thresholds.filter((t) => left <= t.before);
  if (passed.length === 0) return null;
  return passed.reduce((nearest, t) => (t.before < nearest.before ? t : nearest));
}

/** How long an organizer waits between two "Remind" presses for the same judge. */
export const REMIND_AGAIN_AFTER = HOUR;

/** When the judge may be reminded again by hand, given when they last were (null: never). */
export function remindAgainAt(lastSentAt: Date | null): Date | null {
  return lastSentAt ? new Date(lastSentAt.getTime() + REMIND_AGAIN_AFTER) : null;
}

/** Whether a "Remind" press at `now` sends (the same cut-off the database's guarded upsert applies). */
export function mayRemindNow(lastSentAt: Date | null, now: Date): boolean {
  const again = remindAgainAt(lastSentAt);
  return again === null || now.getTime() >= again.getTime();
}
