// A judge's queue: which sheets are finished, and which entry comes next. Pure, so the queue page,
// the "Save and next entry" button and the tests agree on one rule.

export type QueueItem = { id: string; scored: number; criterionCount: number };
export type SheetState = "todo" | "partial" | "done";

/** A sheet is done when every criterion of the rubric has a value (the same rule as sheets.ts). */
export function sheetState(item: Pick<QueueItem, "scored" | "criterionCount">): SheetState {
  if (item.scored === 0) return "todo";
  return item.criterionCount > 0 && item.scored >= item.criterionCount ? "done" : "partial";
}

/**
 * The next unfinished entry after `currentId` in queue order, wrapping round to the start, never
 * `currentId` itself; null when every other sheet is done. Without `currentId`, the first unfinished one.
 */
export function nextToScore<T extends QueueItem>(queue: T[], currentId?: string): T | null {
  const at = currentId === undefined ? -1 : queue.findIndex((q) => q.id === currentId);
  const ordered = at < 0 ? queue : [...queue.slice(at + 1), ...queue.slice(0, at)];
  return ordered.find((q) => q.id !== currentId && sheetState(q) !== "done") ?? null;
}

/** "3 of 6 criteria still to score": what a saved sheet still lacks. */
export function stillToScore(scored: number, criterionCount: number): string {
  const left = Math.max(criterionCount - scored, 0);
  return `${left} of ${criterionCount} ${criterionCount === 1 ? "criterion" : "criteria"} still to score`;
}

export type AfterSave = { go: "entry"; entryId: string; message: string } | { go: "queue"; message: string } | { go: "sheet"; message: string };

/**
 * Where a judge goes after saving a sheet, and what they are told. "Save" returns to the queue, or stays
 * on a sheet that still has no value (there is nothing to come back to); "Save and next entry" opens the
 * next unfinished sheet, or the queue when none is left.
 */
export function afterSave(s: {
  title: string;
  scored: number;
  criterionCount: number;
  overallComment: boolean;
  then: "queue" | "next";
  next: { id: string; title: string } | null;
}): AfterSave {
  const state = sheetState(s);
  const saved =
    state === "done"
      ? `Scores saved for ${s.title}.`
      : state === "partial"
        ? `Partial scores saved for ${s.title}: ${stillToScore(s.scored, s.criterionCount)}.`
        : `${s.overallComment ? `Overall comment saved for ${s.title}` : `Nothing scored yet for ${s.title}`}: ${stillToScore(0, s.criterionCount)}.`;
  if (s.then === "next") {
    if (s.next) return { go: "entry", entryId: s.next.id, message: `${saved} Next: ${s.next.title}.` };
    return { go: "queue", message: state === "done" ? `${saved} All your sheets are complete.` : `${saved} No other entry is waiting for your scores.` };
  }
  return state === "todo" ? { go: "sheet", message: saved } : { go: "queue", message: saved };
}
