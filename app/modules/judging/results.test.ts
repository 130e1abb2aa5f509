import { describe, expect, it } from "vitest";
import { computeEventResults, computeResults, DISAGREEMENT_SD, rankWithTies, toPercent, weightedTotal } from "./results";

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
    expect(
      weightedTotal(
        new Map([
          ["fit", 5],
          ["metric", 1],
        ]),
        criteria,
        5,
      ),
    ).toBe(75);
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
    // The bars count the same complete sheets as the score: j2's 1 for fit is left out.
    expect(r.criterionMeans.find((m) => m.criterionId === "fit")!.mean).toBe(5);
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
    // All five totals: μ = 50, σ = √1250. j1 (100, 75, 50) puts "b" at its own mean, so at μ = 50; j2's raw 25 stays.
    const b = r.rows.find((x) => x.entryId === "b")!;
    expect(b.normalizedScore).toBeCloseTo((50 + 25) / 2, 9);
  });

  it("counts a judge with zero spread as raw", () => {
    const scores = [s("a", "j1", 5), s("b", "j1", 3), s("c", "j1", 1), s("a", "j2", 4), s("b", "j2", 4), s("c", "j2", 4)];
    const r = computeEventResults({ entryIds: ["a", "b", "c"], criteria: one, scaleMax: 5, scores });
    expect(r.judges.find((j) => j.judgeId === "j2")).toMatchObject({ sd: 0, normalized: false });
    // All six totals: μ = 62.5. j1 (100, 50, 0) puts "b" at its own mean, so at 62.5, and "a" and "c" as far
    // above as below it; j2's 75 stays raw everywhere (normalizing it would divide by a zero spread).
    const [a, b, c] = ["a", "b", "c"].map((id) => r.rows.find((x) => x.entryId === id)!);
    expect(b.normalizedScore).toBeCloseTo((62.5 + 75) / 2, 9);
    expect(a.normalizedScore! + c.normalizedScore!).toBeCloseTo(62.5 + 75, 9);
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
    const scores = [
      s("a", "j1", 5),
      s("b", "j1", 3),
      s("c", "j1", 1),
      s("a", "j2", 3),
      s("b", "j2", 5),
      s("c", "j2", 1),
      s("a", "j3", 4),
      s("b", "j3", 4),
      s("c", "j3", 1),
    ];
    const r = computeEventResults({ entryIds: ["b", "a", "c"], criteria: one, scaleMax: 5, scores });
    const byId = new Map(r.rows.map((x) => [x.entryId, x]));
    expect(byId.get("a")!.firstPlaces).toBe(2);
    expect(byId.get("b")!.firstPlaces).toBe(2);
    expect([byId.get("a")!.rank, byId.get("b")!.rank, byId.get("c")!.rank]).toEqual([1, 1, 3]);
    // Equal on every key: input order is kept, not shuffled.
    expect(r.rows.map((x) => x.entryId)).toEqual(["b", "a", "c"]);
  });

  it("puts the entry with more judges' first places first within a shared rank", () => {
    // a: 5, 5, 1 and b: 4, 4, 3 → both mean 11/3 (66.67 points), equal on the only (most-weighted) criterion.
    // j1 and j2 rank a first, j3 ranks b first: a has 2 first places, b 1, so a is listed first despite the input order.
    const scores = [s("a", "j1", 5), s("b", "j1", 4), s("a", "j2", 5), s("b", "j2", 4), s("a", "j3", 1), s("b", "j3", 3)];
    const r = computeEventResults({ entryIds: ["b", "a"], criteria: one, scaleMax: 5, scores });
    expect(r.rows.map((x) => [x.entryId, x.rank, x.firstPlaces])).toEqual([
      ["a", 1, 2],
      ["b", 1, 1],
    ]);
    expect(r.rows[0].topCriterionMean).toBe(r.rows[1].topCriterionMean);
    // The normalized ranking (all three judges have only two entries, so stays raw) uses the same tie-break.
    expect(r.rows.map((x) => x.normalizedRank)).toEqual([1, 1]);
    const norm = computeEventResults({ entryIds: ["b", "a"], criteria: one, scaleMax: 5, scores, official: "normalized" });
    expect(norm.rows.map((x) => x.entryId)).toEqual(["a", "b"]);
  });

  it("counts every value per criterion for the distribution chart", () => {
    const scores = [s("a", "j1", 5), s("b", "j1", 5), s("c", "j1", 2)];
    const r = computeEventResults({ entryIds: ["a", "b", "c"], criteria: one, scaleMax: 5, scores });
    expect(r.distributions).toEqual([{ criterionId: "x", counts: [0, 1, 0, 0, 2] }]);
  });

  it("orders by the normalized ranking when that is official, and by the raw one otherwise", () => {
    // j1 is harsh (h 50, p 25, q 0), j2 lenient (l 75, r 100, s 100). Raw, l beats h; normalized, h is j1's best
    // by 1.22 of j1's own deviations and l is j2's worst by 1.41 of j2's, so h comes first and l last.
    const scores = [s("h", "j1", 3), s("p", "j1", 2), s("q", "j1", 1), s("l", "j2", 4), s("r", "j2", 5), s("t", "j2", 5)];
    const entryIds = ["h", "p", "q", "l", "r", "t"];
    const raw = computeEventResults({ entryIds, criteria: one, scaleMax: 5, scores });
    const norm = computeEventResults({ entryIds, criteria: one, scaleMax: 5, scores, official: "normalized" });
    expect(raw.rows.map((x) => [x.entryId, x.rank])).toEqual([
      ["r", 1],
      ["t", 1],
      ["l", 3],
      ["h", 4],
      ["p", 5],
      ["q", 6],
    ]);
    expect(norm.rows.map((x) => [x.entryId, x.normalizedRank])).toEqual([
      ["h", 1],
      ["r", 2],
      ["t", 2],
      ["p", 4],
      ["q", 5],
      ["l", 6],
    ]);
    // Both rankings are on every row whichever is official.
    expect(computeEventResults({ entryIds, criteria: one, scaleMax: 5, scores, official: "raw" }).rows.map((x) => x.entryId)).toEqual(
      raw.rows.map((x) => x.entryId),
    );
    const h = norm.rows.find((x) => x.entryId === "h")!;
    expect([h.rank, h.normalizedRank, h.score]).toEqual([4, 1, 50]);
    // All six totals: μ = 350/6; j1: μⱼ = 25, σⱼ = √(1250/3); h = μ + σ·25/σⱼ.
    const mu = 350 / 6;
    const sigma = Math.sqrt([50, 25, 0, 75, 100, 100].reduce((a, x) => a + (x - mu) ** 2, 0) / 6);
    expect(h.normalizedScore).toBeCloseTo(mu + (sigma * 25) / Math.sqrt(1250 / 3), 9);
    expect(norm.judges.find((j) => j.judgeId === "j1")).toEqual({ judgeId: "j1", entries: 3, mean: 25, sd: Math.sqrt(1250 / 3), normalized: true });
  });

  it("flags disagreement only strictly above the threshold", () => {
    // On a 1..6 scale the levels are 0, 20, 40, 60, 80, 100 points. a: 0 and 40 → spread exactly 20, not flagged;
    // b: 0 and 60 → spread 30, flagged; c: one judge → no spread.
    const scores = [s("a", "j1", 1), s("a", "j2", 3), s("b", "j1", 1), s("b", "j2", 4), s("c", "j1", 6)];
    const r = computeEventResults({ entryIds: ["a", "b", "c"], criteria: one, scaleMax: 6, scores });
    const byId = new Map(r.rows.map((x) => [x.entryId, x]));
    expect(byId.get("a")).toMatchObject({ spread: DISAGREEMENT_SD, disagreement: false });
    expect(byId.get("b")).toMatchObject({ spread: 30, disagreement: true });
    expect(byId.get("c")).toMatchObject({ spread: null, disagreement: false, score: 100 });
  });

  it("normalizes a judge with exactly three complete sheets, and keeps an incomplete sheet out of it", () => {
    const two = [
      { id: "x", weight: 1 },
      { id: "y", weight: 1 },
    ];
    // j1 completes a, b, c; j2 completes a, b and leaves c half scored, so j2 has two totals and stays raw.
    const both = (e: string, j: string, v: number) => [s(e, j, v, "x"), s(e, j, v, "y")];
    const scores = [...both("a", "j1", 5), ...both("b", "j1", 3), ...both("c", "j1", 1), ...both("a", "j2", 2), ...both("b", "j2", 4), s("c", "j2", 5, "x")];
    const r = computeEventResults({ entryIds: ["a", "b", "c"], criteria: two, scaleMax: 5, scores });
    expect(r.judges).toEqual([
      { judgeId: "j1", entries: 3, mean: 50, sd: Math.sqrt(5000 / 3), normalized: true },
      { judgeId: "j2", entries: 2, mean: 50, sd: 25, normalized: false },
    ]);
    const c = r.rows.find((x) => x.entryId === "c")!;
    expect(c.incompleteJudges).toEqual(["j2"]);
    expect(c.judged).toBe(1);
    expect(c.score).toBe(0);
    // criterionMeans count the complete sheets only, as the score does: j2's half sheet (x 5) is left out.
    expect(c.criterionMeans).toEqual([
      { criterionId: "x", mean: 1 },
      { criterionId: "y", mean: 1 },
    ]);
    expect(c.topCriterionMean).toBe(1);
    expect(c.missingJudges).toEqual([]);
  });

  it("takes the first of several equally weighted criteria as the tie-break criterion", () => {
    const crit = [
      { id: "p", weight: 2 },
      { id: "q", weight: 2 },
      { id: "r", weight: 1 },
    ];
    // a: p 4, q 2, r 3 and b: p 2, q 4, r 3 → equal totals; a leads on p (the first top-weighted), b on q.
    const scores = [s("b", "j1", 2, "p"), s("b", "j1", 4, "q"), s("b", "j1", 3, "r"), s("a", "j1", 4, "p"), s("a", "j1", 2, "q"), s("a", "j1", 3, "r")];
    const r = computeEventResults({ entryIds: ["b", "a"], criteria: crit, scaleMax: 5, scores });
    expect(r.mostWeightedCriterionId).toBe("p");
    expect(r.rows.map((x) => [x.entryId, x.rank, x.topCriterionMean])).toEqual([
      ["a", 1, 4],
      ["b", 1, 2],
    ]);
  });

  it("breaks ties on the most-weighted criterion wherever it is listed", () => {
    const crit = [
      { id: "metric", weight: 1 },
      { id: "fit", weight: 3 },
    ];
    // a: metric 5, fit 2 → (100 + 3·25)/4 = 43.75; b: metric 2, fit 3 → (25 + 3·50)/4 = 43.75. b leads on fit.
    const scores = [s("a", "j1", 5, "metric"), s("a", "j1", 2, "fit"), s("b", "j1", 2, "metric"), s("b", "j1", 3, "fit")];
    const r = computeEventResults({ entryIds: ["a", "b"], criteria: crit, scaleMax: 5, scores });
    expect(r.mostWeightedCriterionId).toBe("fit");
    expect(r.rows.map((x) => [x.entryId, x.rank, x.score, x.topCriterionMean])).toEqual([
      ["b", 1, 43.75, 3],
      ["a", 1, 43.75, 2],
    ]);
  });

  it("lists entries without a score last, without a rank, in both orders", () => {
    const scores = [s("a", "j1", 2), s("b", "j1", 4)];
    for (const official of ["raw", "normalized"] as const) {
      const r = computeEventResults({ entryIds: ["none", "a", "other", "b"], criteria: one, scaleMax: 5, scores, official });
      expect(r.rows.map((x) => [x.entryId, x.rank, x.normalizedRank, x.topCriterionMean])).toEqual([
        ["b", 1, 1, 4],
        ["a", 2, 2, 2],
        ["none", null, null, null],
        ["other", null, null, null],
      ]);
    }
    expect(computeEventResults({ entryIds: ["a"], criteria: [], scaleMax: 5, scores: [] })).toEqual({
      rows: [expect.objectContaining({ entryId: "a", score: null, topCriterionMean: null, firstPlaces: 0, missingJudges: [] })],
      judges: [],
      distributions: [],
      mostWeightedCriterionId: null,
    });
  });

  it("leaves values outside the scale out of the distribution and scores of unknown criteria out of totals", () => {
    const scores = [s("a", "j1", 0), s("b", "j1", 6), s("c", "j1", 5), s("c", "j1", 1, "gone"), s("d", "j1", 1)];
    const r = computeEventResults({ entryIds: ["c"], criteria: one, scaleMax: 5, scores });
    expect(r.distributions).toEqual([{ criterionId: "x", counts: [1, 0, 0, 0, 1] }]);
    expect(r.rows[0].score).toBe(100);
  });

  it("keeps weightedTotal null when the weights sum to zero", () => {
    expect(weightedTotal(new Map([["z", 3]]), [{ id: "z", weight: 0 }], 5)).toBeNull();
    expect(weightedTotal(new Map(), [], 5)).toBeNull();
  });

  it("keeps every value of an event with many score sheets, however the scores arrive", () => {
    // 50 entries × 3 judges = 150 sheets. Entry i gets (i % 5) + 1 from every judge, so its score is 25 × (i % 5).
    const entryIds = Array.from({ length: 50 }, (_, i) => `e${i}`);
    const scores = entryIds.flatMap((e, i) => ["j1", "j2", "j3"].map((j) => s(e, j, (i % 5) + 1)));
    for (const order of [scores, [...scores].reverse()]) {
      const r = computeEventResults({ entryIds, criteria: one, scaleMax: 5, scores: order });
      expect(r.rows.map((x) => x.score)).toEqual([
        ...Array(10).fill(100),
        ...Array(10).fill(75),
        ...Array(10).fill(50),
        ...Array(10).fill(25),
        ...Array(10).fill(0),
      ]);
      expect(r.rows.map((x) => x.rank)).toEqual([1, 11, 21, 31, 41].flatMap((rank) => Array(10).fill(rank)));
      expect(r.judges.map((j) => j.entries)).toEqual([50, 50, 50]);
      expect(r.rows.every((x) => x.judged === 3 && x.spread === 0 && x.criterionMeans[0].mean === x.topCriterionMean)).toBe(true);
    }
  });

  it("treats scores equal to 6 decimals as one rank, and a difference past that as two", () => {
    expect(rankWithTies([{ s: 50 }, { s: 50 + 1e-8 }, { s: 50.00001 }], (x) => x.s).map((r) => r.rank)).toEqual([1, 2, 2]);
  });
});
