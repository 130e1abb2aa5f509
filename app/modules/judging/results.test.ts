import { describe, expect, it } from "vitest";
import { computeResults, rankWithTies, toPercent, weightedTotal } from "./results";

const criteria = [
  { id: "fit", weight: 3 },
  { id: "metric", weight: 1 },
];

describe("weightedTotal", () => {
  it("maps the lowest level to 0 and the highest to 100", () => {
    expect(toPercent(1, 5)).toBe(0);
    expect(toPercent(5, 5)).toBe(100);
    expect(toPercent(3, 5)).toBe(50);
  });

  it("weights criteria", () => {
    // fit 5 → 100 (×3), metric 1 → 0 (×1): 300 / 4 = 75
    expect(weightedTotal(new Map([["fit", 5], ["metric", 1]]), criteria, 5)).toBe(75);
  });

  it("is null when a criterion is missing", () => {
    expect(weightedTotal(new Map([["fit", 5]]), criteria, 5)).toBeNull();
  });
});

describe("rankWithTies", () => {
  it("shares ranks and skips the next (1, 2, 2, 4)", () => {
    const ranked = rankWithTies([{ s: 10 }, { s: 80 }, { s: 50 }, { s: 50 }], (x) => x.s);
    expect(ranked.map((r) => [r.s, r.rank])).toEqual([
      [80, 1],
      [50, 2],
      [50, 2],
      [10, 4],
    ]);
  });

  it("puts unscored items last without a rank", () => {
    const ranked = rankWithTies([{ s: null }, { s: 1 }], (x) => x.s);
    expect(ranked.map((r) => r.rank)).toEqual([1, null]);
  });

  it("gives everybody rank 1 when all scores are equal", () => {
    expect(rankWithTies([{ s: 5 }, { s: 5 }, { s: 5 }], (x) => x.s).map((r) => r.rank)).toEqual([1, 1, 1]);
  });
});

describe("computeResults", () => {
  const score = (entryId: string, judgeId: string, fit: number, metric?: number) => [
    { entryId, judgeId, criterionId: "fit", value: fit },
    ...(metric === undefined ? [] : [{ entryId, judgeId, criterionId: "metric", value: metric }]),
  ];

  it("averages complete judges and ranks entries", () => {
    const results = computeResults({
      entryIds: ["a", "b", "c"],
      criteria,
      scaleMax: 5,
      scores: [...score("a", "j1", 5, 5), ...score("a", "j2", 3, 3), ...score("b", "j1", 5, 1), ...score("b", "j2", 5, 1)],
    });
    const a = results.find((r) => r.entryId === "a")!;
    const b = results.find((r) => r.entryId === "b")!;
    const c = results.find((r) => r.entryId === "c")!;
    expect(a.score).toBe(75); // (100 + 50) / 2
    expect(b.score).toBe(75); // (75 + 75) / 2
    expect([a.rank, b.rank]).toEqual([1, 1]);
    expect(c.score).toBeNull();
    expect(c.rank).toBeNull();
  });

  it("leaves a judge who skipped a criterion out of the mean and lists them", () => {
    const [r] = computeResults({ entryIds: ["a"], criteria, scaleMax: 5, scores: [...score("a", "j1", 5, 5), ...score("a", "j2", 1)] });
    expect(r.score).toBe(100);
    expect(r.incompleteJudges).toEqual(["j2"]);
    expect(r.criterionMeans.find((m) => m.criterionId === "fit")!.mean).toBe(3);
  });
});
