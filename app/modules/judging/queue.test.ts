import { describe, expect, it } from "vitest";
import { afterSave, nextToScore, sheetState, stillToScore, type QueueItem } from "./queue";

const item = (id: string, scored: number, criterionCount = 6): QueueItem => ({ id, scored, criterionCount });

describe("sheetState", () => {
  it("is todo with no value, partial with some, done with every criterion", () => {
    expect([sheetState(item("a", 0)), sheetState(item("a", 3)), sheetState(item("a", 6)), sheetState(item("a", 7))]).toEqual([
      "todo",
      "partial",
      "done",
      "done",
    ]);
    expect(sheetState(item("a", 0, 0))).toBe("todo");
    // A rubric without criteria never makes a sheet done.
    expect(sheetState(item("a", 1, 0))).toBe("partial");
  });
});

describe("nextToScore", () => {
  const queue = [item("a", 6), item("b", 0), item("c", 6), item("d", 2)];

  it("takes the next unfinished entry after the current one, skipping finished ones", () => {
    expect(nextToScore(queue, "b")?.id).toBe("d");
    expect(nextToScore(queue, "a")?.id).toBe("b");
  });

  it("goes on after the current entry, not back to the first unfinished one", () => {
    const open = [item("a", 0), item("b", 0), item("c", 0), item("d", 0)];
    expect(nextToScore(open, "b")?.id).toBe("c");
    expect(nextToScore(open, "c")?.id).toBe("d");
    expect(nextToScore(open, "d")?.id).toBe("a");
    expect(nextToScore([item("a", 0), item("b", 0), item("c", 6)], "b")?.id).toBe("a");
  });

  it("wraps round to the start and never returns the current entry", () => {
    expect(nextToScore(queue, "d")?.id).toBe("b");
    expect(nextToScore([item("a", 0)], "a")).toBeNull();
    expect(nextToScore([item("a", 6), item("b", 3)], "b")).toBeNull();
  });

  it("without a current entry, or one not in the queue, takes the first unfinished", () => {
    expect(nextToScore(queue)?.id).toBe("b");
    expect(nextToScore(queue, "gone")?.id).toBe("b");
    expect(nextToScore([item("a", 6)])).toBeNull();
  });
});

describe("afterSave", () => {
  const base = { title: "Triage", criterionCount: 6, overallComment: false, next: null };

  it("Save: a complete or partial sheet goes back to the queue, saying what is still to score", () => {
    expect(afterSave({ ...base, scored: 6, then: "queue" })).toEqual({ go: "queue", message: "Scores saved for Triage." });
    expect(afterSave({ ...base, scored: 3, then: "queue" })).toEqual({
      go: "queue",
      message: "Partial scores saved for Triage: 3 of 6 criteria still to score.",
    });
  });

  it("Save with no value yet: stays on the sheet with one summary", () => {
    expect(afterSave({ ...base, scored: 0, then: "queue" })).toEqual({
      go: "sheet",
      message: "Nothing scored yet for Triage: 6 of 6 criteria still to score.",
    });
    expect(afterSave({ ...base, scored: 0, overallComment: true, then: "queue" })).toEqual({
      go: "sheet",
      message: "Overall comment saved for Triage: 6 of 6 criteria still to score.",
    });
  });

  it("Save and next entry: opens the next unfinished entry, or returns to the queue when none is left", () => {
    expect(afterSave({ ...base, scored: 6, then: "next", next: { id: "e2", title: "Invoices" } })).toEqual({
      go: "entry",
      entryId: "e2",
      message: "Scores saved for Triage. Next: Invoices.",
    });
    expect(afterSave({ ...base, scored: 0, then: "next", next: { id: "e2", title: "Invoices" } })).toMatchObject({ go: "entry", entryId: "e2" });
    expect(afterSave({ ...base, scored: 6, then: "next" })).toEqual({ go: "queue", message: "Scores saved for Triage. All your sheets are complete." });
    expect(afterSave({ ...base, scored: 2, then: "next" })).toEqual({
      go: "queue",
      message: "Partial scores saved for Triage: 4 of 6 criteria still to score. No other entry is waiting for your scores.",
    });
  });

  it("words one criterion in the singular", () => {
    expect(stillToScore(0, 1)).toBe("1 of 1 criterion still to score");
    expect(stillToScore(2, 6)).toBe("4 of 6 criteria still to score");
  });
});
