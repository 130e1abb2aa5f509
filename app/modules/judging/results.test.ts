import { describe, expect, it } from "vitest";
import { computeEventResults, computeResults, computeSyntheticResults, DISAGREEMENT_SD, rankWithTies, syntheticResultsInput, toPercent, weightedTotal } from "./results";

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

describe("computeEventResults", () => {
  const one = [{ id: "x", weight: 1 }];
  // One criterion on 1..5: values 1,2,3,4,5 map to totals 0,25,50,75,100.
  const s = (entryId: string, judgeId: string, value: number, criterionId = "x") => ({ entryId, judgeId, criterionId, value });

  it("normalizes a harsh judge with three or more entries onto the overall scale", () => {
    // j1 is generous (5,4,3 → 100,75,50), j2 harsh (3,2,1 → 50,25,0): same order, different level.
    const scores = [s("a", "j1", 5), s("b", "j1", 4), s("c", "j1", 3), s("a", "j2", 3), s("b", "j2", 2), s("c", "j2", 1)];
    const r = computeEventResults({ entryIds: ["a", "b", "c"], criteria: one, scaleMax: 5, scores });
    const info = new Map(r.judges.map((j) => [j.judgeId, j]));
    expect(info.get("j1")!.normalized).toBe(true);
    expect(info.get("j2")!.normalized).toBe(true);
    const a = r.rows.find((x) => x.entryId === "a")!;
    // All six totals: μ = 50, σ = √(6250/6). Each judge: σⱼ = √(1250/3), and "a" sits 25 above μⱼ → both give 50 + σ·25/σⱼ ≈ 89.53.
    const expected = 50 + (Math.sqrt(6250 / 6) * 25) / Math.sqrt(1250 / 3);
    expect(a.judgeTotals[0].normalized).toBeCloseTo(a.judgeTotals[1].normalized, 9);
    expect(a.normalizedScore).toBeCloseTo(expected, 6);
    expect(a.score).toBe(75);
    expect(r.rows.map((x) => [x.entryId, x.rank, x.normalizedRank])).toEqual([
      ["a", 1, 1],
      ["b", 2, 2],
      ["c", 3, 3],
    ]);
  });

  it("leaves a judge with fewer than three entries raw", () => {
    const scores = [s("a", "j1", 5), s("b", "j1", 4), s("c", "j1", 3), s("a", "j2", 1), s("b", "j2", 2)];
    const r = computeEventResults({ entryIds: ["a", "b", "c"], criteria: one, scaleMax: 5, scores });
    const j2 = r.judges.find((j) => j.judgeId === "j2")!;
    expect(j2).toMatchObject({ entries: 2, normalized: false });
    const b = r.rows.find((x) => x.entryId === "b")!;
    expect(b.judgeTotals.find((t) => t.judgeId === "j2")!.normalized).toBe(25);
  });

  it("counts a judge with zero spread as raw", () => {
    const scores = [s("a", "j1", 5), s("b", "j1", 3), s("c", "j1", 1), s("a", "j2", 4), s("b", "j2", 4), s("c", "j2", 4)];
    const r = computeEventResults({ entryIds: ["a", "b", "c"], criteria: one, scaleMax: 5, scores });
    expect(r.judges.find((j) => j.judgeId === "j2")).toMatchObject({ sd: 0, normalized: false });
    for (const row of r.rows) expect(row.judgeTotals.find((t) => t.judgeId === "j2")!.normalized).toBe(75);
    // j1: μ=50, σⱼ=√(5000/3); overall σ differs, so j1's totals move but keep their order.
    expect(r.rows.map((x) => x.entryId)).toEqual(["a", "b", "c"]);
  });

  it("with all-equal scores gives every entry rank 1 in both rankings and flags nothing", () => {
    const scores = ["a", "b", "c"].flatMap((e) => ["j1", "j2", "j3"].map((j) => s(e, j, 3)));
    const r = computeEventResults({ entryIds: ["a", "b", "c"], criteria: one, scaleMax: 5, scores });
    expect(r.rows.map((x) => [x.rank, x.normalizedRank, x.score, x.normalizedScore])).toEqual([
      [1, 1, 50, 50],
      [1, 1, 50, 50],
      [1, 1, 50, 50],
    ]);
    expect(r.rows.some((x) => x.disagreement)).toBe(false);
    expect(r.judges.every((j) => !j.normalized)).toBe(true);
  });

  it("flags disagreement above the threshold and not below it", () => {
    const scores = [s("a", "j1", 5), s("a", "j2", 1), s("b", "j1", 4), s("b", "j2", 3)];
    const r = computeEventResults({ entryIds: ["a", "b"], criteria: one, scaleMax: 5, scores });
    const a = r.rows.find((x) => x.entryId === "a")!;
    const b = r.rows.find((x) => x.entryId === "b")!;
    expect(a.spread).toBe(50);
    expect(a.disagreement).toBe(true);
    expect(b.spread).toBe(12.5);
    expect(b.spread! < DISAGREEMENT_SD).toBe(true);
    expect(b.disagreement).toBe(false);
  });

  it("lists judges who were expected but gave no score, and judges with an incomplete sheet", () => {
    const two = [
      { id: "x", weight: 1 },
      { id: "y", weight: 1 },
    ];
    const scores = [s("a", "j1", 5), s("a", "j1", 5, "y"), s("a", "j2", 3)];
    const r = computeEventResults({ entryIds: ["a"], criteria: two, scaleMax: 5, scores, expectedJudges: new Map([["a", ["j1", "j2", "j3"]]]) });
    expect(r.rows[0]).toMatchObject({ missingJudges: ["j3"], incompleteJudges: ["j2"], score: 100 });
  });

  it("orders a shared rank by the most-weighted criterion, then by judges' first places, never changing the rank", () => {
    const crit = [
      { id: "fit", weight: 3 },
      { id: "metric", weight: 1 },
    ];
    // a: fit 4, metric 2 → (3·75 + 25)/4 = 62.5; b: fit 3, metric 5 → (3·50 + 100)/4 = 62.5. Tied; a wins on "fit".
    const scores = [s("b", "j1", 3, "fit"), s("b", "j1", 5, "metric"), s("a", "j1", 4, "fit"), s("a", "j1", 2, "metric")];
    const r = computeEventResults({ entryIds: ["b", "a"], criteria: crit, scaleMax: 5, scores });
    expect(r.mostWeightedCriterionId).toBe("fit");
    expect(r.rows.map((x) => [x.entryId, x.rank, x.score])).toEqual([
      ["a", 1, 62.5],
      ["b", 1, 62.5],
    ]);
  });

  it("uses judges' first places when the most-weighted criterion is equal too", () => {
    // j1: a=100 (first), b=50; j2: a=50, b=100 (first); j3: b=75 first, a=75 first → a and b both 75 on average.
    // c is everyone's lowest. First places: a 2 (j1, j3), b 2 (j2, j3) → still tied; c ranked 3.
    const scores = [s("a", "j1", 5), s("b", "j1", 3), s("c", "j1", 1), s("a", "j2", 3), s("b", "j2", 5), s("c", "j2", 1), s("a", "j3", 4), s("b", "j3", 4), s("c", "j3", 1)];
    const r = computeEventResults({ entryIds: ["b", "a", "c"], criteria: one, scaleMax: 5, scores });
    const byId = new Map(r.rows.map((x) => [x.entryId, x]));
    expect(byId.get("a")!.firstPlaces).toBe(2);
    expect(byId.get("b")!.firstPlaces).toBe(2);
    expect([byId.get("a")!.rank, byId.get("b")!.rank, byId.get("c")!.rank]).toEqual([1, 1, 3]);
    // Equal on every key: input order is kept, not shuffled.
    expect(r.rows.map((x) => x.entryId)).toEqual(["b", "a", "c"]);

    // One more first place for a breaks the order (not the shared rank).
    const more = [...scores, s("a", "j4", 5), s("b", "j4", 4), s("c", "j4", 4), s("a", "j5", 3), s("b", "j5", 4), s("c", "j5", 1)];
    const r2 = computeEventResults({ entryIds: ["b", "a", "c"], criteria: one, scaleMax: 5, scores: more });
    const a2 = r2.rows.find((x) => x.entryId === "a")!;
    const b2 = r2.rows.find((x) => x.entryId === "b")!;
    expect(a2.score).toBe(b2.score);
    expect(a2.firstPlaces).toBe(3);
    expect(b2.firstPlaces).toBe(3);
  });

  it("counts every value per criterion for the distribution chart", () => {
    const scores = [s("a", "j1", 5), s("b", "j1", 5), s("c", "j1", 2)];
    const r = computeEventResults({ entryIds: ["a", "b", "c"], criteria: one, scaleMax: 5, scores });
    expect(r.distributions).toEqual([{ criterionId: "x", counts: [0, 1, 0, 0, 2] }]);
  });

  it("orders by the normalized ranking when that is official", () => {
    // j2 scores only b (harsh, raw) while j1 (3 entries) is normalized.
    const scores = [s("a", "j1", 5), s("b", "j1", 4), s("c", "j1", 1), s("b", "j2", 1)];
    const raw = computeEventResults({ entryIds: ["a", "b", "c"], criteria: one, scaleMax: 5, scores });
    const norm = computeEventResults({ entryIds: ["a", "b", "c"], criteria: one, scaleMax: 5, scores, official: "normalized" });
    // Raw: a 100, b (75 + 0)/2 = 37.5, c 0.
    expect(raw.rows.map((x) => x.entryId)).toEqual(["a", "b", "c"]);
    const ranks = norm.rows.map((x) => x.normalizedRank!);
    expect(ranks).toEqual([...ranks].sort((p, q) => p - q));
    expect(norm.rows.every((x) => x.normalizedScore !== null)).toBe(true);
  });

  it("computes a 500 × 20 × 6 synthetic event deterministically", () => {
    const input = syntheticResultsInput();
    expect(input.scores).toHaveLength(500 * 20 * 6);
    const r = computeSyntheticResults();
    expect(r.rows).toHaveLength(500);
    expect(r.judges.every((j) => j.entries === 500 && j.normalized)).toBe(true);
    expect(computeSyntheticResults({ entries: 5, judges: 2 }).rows.map((x) => x.score)).toEqual(computeSyntheticResults({ entries: 5, judges: 2 }).rows.map((x) => x.score));
  });
});
