import { describe, expect, it } from "vitest";
import { entryGapLine, judgeGapLine, sheetStatus, type SheetFacts } from "./sheets";

const facts = (over: Partial<SheetFacts> = {}): SheetFacts => ({
  entries: [
    { id: "e1", title: "Ticket triage" },
    { id: "e2", title: "Invoice bot" },
  ],
  judges: [
    { id: "ana", name: "Ana" },
    { id: "ben", name: "Ben" },
  ],
  expected: new Map([
    ["e1", ["ana", "ben"]],
    ["e2", ["ana", "ben"]],
  ]),
  scored: [],
  criterionCount: 6,
  ...over,
});

describe("sheetStatus", () => {
  it("counts complete, incomplete and missing sheets per entry and per judge", () => {
    const s = sheetStatus(
      facts({
        scored: [
          { entryId: "e1", judgeId: "ana", count: 6 },
          { entryId: "e1", judgeId: "ben", count: 2 },
          { entryId: "e2", judgeId: "ana", count: 6 },
        ],
      }),
    );
    expect([s.complete, s.expected]).toEqual([2, 4]);
    expect(s.byEntry[0]).toMatchObject({ complete: 1, expected: 2, missing: [], incomplete: [{ judge: "Ben", scored: 2 }] });
    expect(s.byEntry[1]).toMatchObject({ complete: 1, missing: ["Ben"], incomplete: [] });
    expect(s.byJudge).toEqual([
      { id: "ana", name: "Ana", assigned: 2, done: 2, incomplete: 0, missing: 0 },
      { id: "ben", name: "Ben", assigned: 2, done: 0, incomplete: 1, missing: 1 },
    ]);
    expect(s.judgesWithGaps.map((j) => j.name)).toEqual(["Ben"]);
    expect(s.entriesWithGaps.map((e) => entryGapLine(e, 6))).toEqual([
      "Ticket triage: incomplete from Ben (2 of 6 criteria)",
      "Invoice bot: no sheet from Ben",
    ]);
    expect(judgeGapLine(s.judgesWithGaps[0])).toBe("Ben: 0 of 2 sheets complete (1 incomplete, 1 not started)");
  });

  it("has no gaps when every expected sheet is complete", () => {
    const all = ["e1", "e2"].flatMap((entryId) => ["ana", "ben"].map((judgeId) => ({ entryId, judgeId, count: 6 })));
    const s = sheetStatus(facts({ scored: all }));
    expect([s.entriesWithGaps, s.judgesWithGaps]).toEqual([[], []]);
  });

  it("flags an entry nobody is assigned to score, and judges only count what they are assigned", () => {
    const s = sheetStatus(facts({ expected: new Map([["e1", ["ana"]]]), scored: [{ entryId: "e1", judgeId: "ana", count: 6 }] }));
    expect(s.entriesWithGaps.map((e) => entryGapLine(e, 6))).toEqual(["Invoice bot: no judge is assigned to score it"]);
    expect(s.byJudge.map((j) => [j.name, j.done, j.assigned])).toEqual([
      ["Ana", 1, 1],
      ["Ben", 0, 0],
    ]);
  });
});
