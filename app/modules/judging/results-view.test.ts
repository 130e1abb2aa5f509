import { describe, expect, it } from "vitest";
import { MIN_ENTRIES_FOR_NORMALIZATION } from "./results";
import { awardNamesByEntry, criterionFill, pickRanking, rankingSentence, sharedRanks } from "./results-view";

describe("pickRanking", () => {
  it("shows the official ranking unless another is asked for", () => {
    expect(pickRanking(null, false)).toEqual({ view: "raw", official: "raw", other: "normalized" });
    expect(pickRanking(null, true)).toEqual({ view: "normalized", official: "normalized", other: "raw" });
    expect(pickRanking("normalized", false)).toEqual({ view: "normalized", official: "raw", other: "raw" });
    expect(pickRanking("raw", true)).toEqual({ view: "raw", official: "normalized", other: "normalized" });
  });

  it("ignores anything else in the URL", () => {
    expect(pickRanking("RAW", true).view).toBe("normalized");
    expect(pickRanking("", false).view).toBe("raw");
  });
});

describe("sharedRanks", () => {
  it("finds ranks held by two or more entries, never the unranked", () => {
    expect([...sharedRanks([1, 2, 2, 4, null, null])]).toEqual([2]);
    expect([...sharedRanks([1, 1, 1, 4, 4])]).toEqual([1, 4]);
    expect(sharedRanks([1, 2, 3]).size).toBe(0);
  });
});

describe("criterionFill", () => {
  it("is the mean's share of the scale, 0 when unscored, kept within 0..1", () => {
    expect(criterionFill(5, 5)).toBe(1);
    expect(criterionFill(2.5, 5)).toBe(0.5);
    expect(criterionFill(null, 5)).toBe(0);
    expect(criterionFill(7, 5)).toBe(1);
    expect(criterionFill(3, 0)).toBe(0);
  });
});

describe("rankingSentence", () => {
  it("names the official ranking first, in one sentence, with the normalization threshold", () => {
    const raw = rankingSentence("raw");
    const normalized = rankingSentence("normalized");
    expect(raw).toMatch(/^The official ranking averages the judges' totals as given;/);
    expect(normalized).toMatch(/^The official ranking uses normalized scores/);
    for (const s of [raw, normalized]) {
      expect(s).toContain(`at least ${MIN_ENTRIES_FOR_NORMALIZATION} score sheets`);
      expect(s.match(/\./g)).toHaveLength(1);
    }
  });
});

describe("awardNamesByEntry", () => {
  it("groups given awards by entry in list order and skips awards not given", () => {
    expect(
      awardNamesByEntry([
        { name: "Best overall", entryId: "a" },
        { name: "Most valuable failure", entryId: "b" },
        { name: "Best AI metric", entryId: "a" },
        { name: "Unused", entryId: null },
      ]),
    ).toEqual({ a: ["Best overall", "Best AI metric"], b: ["Most valuable failure"] });
  });
});
