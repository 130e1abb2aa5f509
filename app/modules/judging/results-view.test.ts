import { describe, expect, it } from "vitest";
import { MIN_ENTRIES_FOR_NORMALIZATION } from "./results";
import {
  awardNamesByEntry,
  criterionBars,
  isFlagged,
  pickRanking,
  pickShown,
  RANKING_PAGE_SIZE,
  rankingPage,
  rankingSentence,
  sharedRanks,
} from "./results-view";

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

describe("criterionBars", () => {
  it("draws one bar per criterion, as tall as the mean's share of the scale, none when unscored", () => {
    // 12 wide, 2 apart, 24 tall when full.
    expect(criterionBars([5, 2.5, null], 5)).toEqual({ width: 40, path: "M0 24h12v-24h-12zM14 24h12v-12h-12z" });
    expect(criterionBars([null, 1], 10)).toEqual({ width: 26, path: "M14 24h12v-2.4h-12z" });
  });

  it("keeps every bar within its full height and draws none for a nonsense scale", () => {
    expect(criterionBars([7, -1, 0], 5).path).toBe("M0 24h12v-24h-12z");
    expect(criterionBars([3], 0).path).toBe("");
    expect(criterionBars([3], -5).path).toBe("");
  });

  it("rounds heights to a tenth of a pixel", () => {
    expect(criterionBars([2, 2.2], 3).path).toBe("M0 24h12v-16h-12zM14 24h12v-17.6h-12z");
    expect(criterionBars([1.23456], 7).path).toBe("M0 24h12v-4.2h-12z");
  });

  it("is nothing wide for a rubric without criteria", () => {
    expect(criterionBars([], 5)).toEqual({ width: 0, path: "" });
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

describe("rankingPage", () => {
  const rows = Array.from({ length: 60 }, (_, i) => i + 1);

  it(`shows ${RANKING_PAGE_SIZE} entries a page unless told otherwise, the first page unless another is asked for`, () => {
    expect(rankingPage(rows, null)).toMatchObject({ rows: rows.slice(0, RANKING_PAGE_SIZE), page: 1, first: 1, last: RANKING_PAGE_SIZE, total: 60 });
    expect(rankingPage(rows, null, 25)).toMatchObject({ page: 1, pages: 3, first: 1, last: 25, total: 60 });
    expect(rankingPage(rows, "2", 25)).toMatchObject({ rows: rows.slice(25, 50), page: 2, first: 26, last: 50 });
    expect(rankingPage(rows, "3", 25)).toMatchObject({ rows: [51, 52, 53, 54, 55, 56, 57, 58, 59, 60], page: 3, first: 51, last: 60 });
  });

  it("answers a page past the end with the last one, and anything else with the first", () => {
    expect(rankingPage(rows, "4", 25).page).toBe(3);
    expect(rankingPage(rows, "99", 25).rows).toEqual(rows.slice(50));
    for (const odd of ["0", "-1", "1.5", "two", ""]) expect(rankingPage(rows, odd, 25).page).toBe(1);
  });

  it("has one page, possibly empty, for a small or empty ranking", () => {
    expect(rankingPage(rows.slice(0, 25), "2", 25)).toMatchObject({ page: 1, pages: 1, last: 25 });
    expect(rankingPage([], null)).toEqual({ rows: [], page: 1, pages: 1, first: 0, last: 0, total: 0, size: 20 });
  });
});

describe("isFlagged", () => {
  const clean = { rank: 3, disagreement: false, incomplete: 0, missing: 0 };
  const tied = new Set([1, 5]);

  it("flags a row whose rank is shared, whose judges disagree, or with incomplete or missing sheets", () => {
    expect(isFlagged({ ...clean, rank: 5 }, tied)).toBe(true);
    expect(isFlagged({ ...clean, disagreement: true }, tied)).toBe(true);
    expect(isFlagged({ ...clean, incomplete: 1 }, tied)).toBe(true);
    expect(isFlagged({ ...clean, missing: 2 }, tied)).toBe(true);
  });

  it("leaves a row alone with none of them, an unscored one included", () => {
    expect(isFlagged(clean, tied)).toBe(false);
    expect(isFlagged({ ...clean, rank: null }, tied)).toBe(false);
    expect(isFlagged({ ...clean, rank: 2 }, new Set())).toBe(false);
  });
});

describe("pickShown", () => {
  it("shows the flagged entries only when asked, and every entry otherwise", () => {
    expect(pickShown("flagged")).toBe("flagged");
    expect(pickShown(null)).toBe("all");
    expect(pickShown("FLAGGED")).toBe("all");
    expect(pickShown("all")).toBe("all");
  });
});
