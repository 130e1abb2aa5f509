import { describe, expect, it } from "vitest";
import { computeEventResults, type ResultsInput, type Score } from "~/modules/judging/results";
import { realisticResultsInput } from "./results-data";
import { computeEventResultsBefore } from "./results-reference";

/** Deterministic choices for the perturbations below. */
function picker(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % n;
  };
}

/** Real events are messier than the generator: half-finished sheets, rescored values, scores in any order. */
function messy(input: ResultsInput, seed: number): ResultsInput {
  const pick = picker(seed);
  const scores: Score[] = input.scores.filter(() => pick(12) !== 0);
  // Rescored values (the later one counts), a criterion no longer in the rubric, an entry not ranked.
  for (let i = 0; i < 20; i++) scores.push({ ...input.scores[pick(input.scores.length)], value: 1 + pick(5) });
  scores.push({ entryId: input.entryIds[0], judgeId: "late", criterionId: "gone", value: 3 });
  scores.push({ entryId: "withdrawn", judgeId: "j0", criterionId: input.criteria[0].id, value: 4 });
  for (let i = scores.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [scores[i], scores[j]] = [scores[j], scores[i]];
  }
  const expectedJudges = new Map(input.entryIds.map((id, e) => [id, ["j0", "j1", `nobody${e % 3}`]]));
  return { ...input, entryIds: [...input.entryIds, "unscored"], scores, expectedJudges };
}

describe("computeEventResults against the computation it replaced", () => {
  it.each([
    { entries: 40, judges: 6, criteria: 6, seed: 1 },
    { entries: 25, judges: 4, criteria: 2, scaleMax: 3, seed: 2 },
    { entries: 12, judges: 3, criteria: 1, scaleMax: 2, seed: 3 },
  ])("agrees to the last bit on $entries entries × $judges judges × $criteria criteria, in both orders", (size) => {
    for (const input of [realisticResultsInput(size), messy(realisticResultsInput(size), size.seed)]) {
      for (const official of ["raw", "normalized"] as const) {
        expect(computeEventResults({ ...input, official })).toEqual(computeEventResultsBefore({ ...input, official }));
      }
    }
  });

  it("agrees with judges who score only their assigned entries, in the order the database returns them", () => {
    const input = realisticResultsInput({ entries: 60, judges: 10, criteria: 6, seed: 4 });
    const assigned = input.scores.filter((s) => (Number(s.entryId.slice(1)) + Number(s.judgeId.slice(1))) % 5 < 2);
    const byKey = [...assigned].sort((a, b) => (a.entryId + a.judgeId < b.entryId + b.judgeId ? -1 : 1));
    for (const scores of [assigned, byKey]) {
      expect(computeEventResults({ ...input, scores, official: "normalized" })).toEqual(
        computeEventResultsBefore({ ...input, scores, official: "normalized" }),
      );
    }
  });
});
