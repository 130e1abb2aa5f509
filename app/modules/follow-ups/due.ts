// When a team is asked what became of its entry, as a pure rule (ADR 030): the scheduler asks it at every tick for
// each closed event, and the claim row it names (in reminders_sent) makes each ask go out once.

const DAY = 86_400_000;

/** An ask this long after the event closed; `key` names it in the claim row. */
type Checkpoint = { key: string; after: number };

/** The follow-ups: 30 and 90 days after the event closed. */
export const followUpCheckpoints: readonly Checkpoint[] = [
  { key: "30d", after: 30 * DAY },
  { key: "90d", after: 90 * DAY },
];

/** An ask not sent within this long of its moment is stale (the app was down): it is skipped, never sent late. */
export const STALE_AFTER = 30 * DAY;

/**
 * The ask due at `now` for an event that closed at `closedAt`, or null. Only the latest checkpoint that has passed
 * can be due, and only within STALE_AFTER of it: a process back after downtime sends the 90-day ask rather than the
 * 30-day one once both have passed, and nothing at all for a moment long gone.
 */
export function dueFollowUp(closedAt: Date, now: Date, checkpoints: readonly Checkpoint[] = followUpCheckpoints): Checkpoint | null {
  const elapsed = now.getTime() - closedAt.getTime();
  const passed = checkpoints.filter((c) => elapsed >= c.after);
  if (passed.length === 0) return null;
  const latest = passed.reduce((a, b) => (b.after > a.after ? b : a));
  return elapsed < latest.after + STALE_AFTER ? latest : null;
}

/** Events closed within this window of `now` can have an ask due; the scheduler reads no others. */
export function askWindow(now: Date, checkpoints: readonly Checkpoint[] = followUpCheckpoints): { closedFrom: Date; closedUntil: Date } {
  const afters = checkpoints.map((c) => c.after);
  return {
    closedFrom: new Date(now.getTime() - Math.max(...afters) - STALE_AFTER),
    closedUntil: new Date(now.getTime() - Math.min(...afters)),
  };
}

/** "30 days", as the ask's title says it. */
export function checkpointWords(checkpoint: Checkpoint): string {
  return `${Math.round(checkpoint.after / DAY)} days`;
}
