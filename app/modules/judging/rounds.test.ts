import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  asRound,
  checkShortlist,
  DEFAULT_FINALISTS,
  finalJudgeClash,
  finalRoundBlockers,
  parseEmailList,
  requestedTop,
  roundOneGapsNote,
  topFinalists,
} from "./rounds";
import { startFinalRoundSchema } from "./schemas";

const ranking = [
  { entryId: "a", rank: 1 },
  { entryId: "b", rank: 2 },
  { entryId: "c", rank: 3 },
  { entryId: "d", rank: 3 },
  { entryId: "e", rank: 5 },
  { entryId: "f", rank: null },
];

describe("topFinalists", () => {
  it("takes the entries ranked N or better, all of a tie at the cut, never an unranked one", () => {
    expect(topFinalists(ranking, 1)).toEqual(["a"]);
    expect(topFinalists(ranking, 2)).toEqual(["a", "b"]);
    expect(topFinalists(ranking, 3)).toEqual(["a", "b", "c", "d"]);
    expect(topFinalists(ranking, 4)).toEqual(["a", "b", "c", "d"]);
    expect(topFinalists(ranking, 99)).toEqual(["a", "b", "c", "d", "e"]);
  });
  it("is empty for no N", () => {
    expect(topFinalists(ranking, 0)).toEqual([]);
    expect(topFinalists(ranking, Number.NaN)).toEqual([]);
  });
});

describe("requestedTop", () => {
  it("reads ?top=, else the default, kept between 1 and the number of entries", () => {
    expect(requestedTop(null, 10)).toBe(DEFAULT_FINALISTS);
    expect(requestedTop("5", 10)).toBe(5);
    expect(requestedTop("12", 10)).toBe(10);
    expect(requestedTop("0", 10)).toBe(DEFAULT_FINALISTS);
    expect(requestedTop("2.5", 10)).toBe(DEFAULT_FINALISTS);
    expect(requestedTop("abc", 10)).toBe(DEFAULT_FINALISTS);
    expect(requestedTop(null, 2)).toBe(2);
    expect(requestedTop(null, 0)).toBe(1);
  });
});

describe("checkShortlist", () => {
  it("keeps the top N without a reason", () => {
    const check = checkShortlist(ranking, 2, ["a", "b"], "");
    expect(check).toEqual({
      ok: true,
      handChanges: 0,
      finalists: ["a", "b"],
      decisions: [
        { entryId: "a", decision: "top", reason: "" },
        { entryId: "b", decision: "top", reason: "" },
      ],
    });
  });
  it("records an entry added and one removed by hand, each with the reason", () => {
    const check = checkShortlist(ranking, 2, ["a", "e"], "  Live demo broke on the day  ");
    expect(check).toEqual({
      ok: true,
      handChanges: 2,
      finalists: ["a", "e"],
      decisions: [
        { entryId: "a", decision: "top", reason: "" },
        { entryId: "b", decision: "removed", reason: "Live demo broke on the day" },
        { entryId: "e", decision: "added", reason: "Live demo broke on the day" },
      ],
    });
  });
  it("refuses, as stale, ticks made against a top N the ranking no longer has; the same top N in any order passes", () => {
    // The page showed a and c as the top 2; scores saved since made it a and b.
    const stale = checkShortlist(ranking, 2, ["a", "c"], "Kept c on purpose", ["a", "c"]);
    expect(stale).toMatchObject({ ok: false, field: "finalists", stale: true });
    expect(checkShortlist(ranking, 2, ["a", "b"], "", ["a"])).toMatchObject({ ok: false, stale: true });
    expect(checkShortlist(ranking, 2, ["a", "b"], "", ["a", "b", "c"])).toMatchObject({ ok: false, stale: true });
    expect(checkShortlist(ranking, 2, ["a", "b"], "", ["b", "a"])).toMatchObject({ ok: true, handChanges: 0 });
    // A page that does not say what it showed (an older form) is checked as before.
    expect(checkShortlist(ranking, 2, ["a", "b"], "", null)).toMatchObject({ ok: true, handChanges: 0 });
  });
  it("refuses a hand change without a reason", () => {
    expect(checkShortlist(ranking, 2, ["a"], "")).toMatchObject({ ok: false, field: "reason" });
    expect(checkShortlist(ranking, 2, ["a", "b", "c"], " ab ")).toMatchObject({ ok: false, field: "reason" });
    expect(checkShortlist(ranking, 2, ["a", "b", "c"], "abc")).toMatchObject({ ok: true, handChanges: 1 });
  });
  it("refuses an empty shortlist and an entry outside the ranking", () => {
    expect(checkShortlist(ranking, 2, [], "whatever")).toMatchObject({ ok: false, field: "finalists", message: "Pick at least one finalist." });
    expect(checkShortlist(ranking, 2, ["a", "zzz"], "whatever")).toMatchObject({ ok: false, field: "finalists" });
  });
  it("counts a repeated pick once", () => {
    expect(checkShortlist(ranking, 1, ["a", "a"], "")).toMatchObject({ ok: true, finalists: ["a"] });
  });
});

describe("finalRoundBlockers", () => {
  it("lets the final round start only from round 1 of judging, with entries", () => {
    expect(finalRoundBlockers({ phase: "judging", round: 1, submittedEntries: 3 })).toEqual([]);
    expect(finalRoundBlockers({ phase: "open", round: 1, submittedEntries: 3 })).toHaveLength(1);
    expect(finalRoundBlockers({ phase: "closed", round: 1, submittedEntries: 3 })).toHaveLength(1);
    expect(finalRoundBlockers({ phase: "judging", round: 2, submittedEntries: 3 })).toEqual(["The final round has already started."]);
    expect(finalRoundBlockers({ phase: "judging", round: 1, submittedEntries: 0 })).toEqual(["There is no submitted entry to shortlist."]);
  });
});

describe("roundOneGapsNote", () => {
  it("says nothing when every expected sheet is complete, and counts them when not, in the singular for one", () => {
    expect(roundOneGapsNote({ expectedSheets: 4, completeSheets: 4 })).toBeNull();
    expect(roundOneGapsNote({ expectedSheets: 0, completeSheets: 0 })).toBeNull();
    expect(roundOneGapsNote({ expectedSheets: 4, completeSheets: 3 })).toMatch(
      /^Round 1's judging is not complete: 3 of 4 expected score sheets are complete\. /,
    );
    expect(roundOneGapsNote({ expectedSheets: 1, completeSheets: 0 })).toMatch(/: 0 of 1 expected score sheet is complete\. /);
  });
});

describe("finalJudgeClash", () => {
  it("names a judge who is in a team of the event", () => {
    const teams = [
      { title: "Alpha", memberIds: ["u1"] },
      { title: "Beta", memberIds: ["u2", "u3"] },
    ];
    expect(finalJudgeClash([{ id: "j", name: "Jo" }], teams)).toBeNull();
    expect(finalJudgeClash([{ id: "u3", name: "Sam" }], teams)).toBe("Sam is in the team of “Beta” in this event, so they cannot judge the final round.");
  });
});

describe("asRound and the form", () => {
  it("reads round 2 only as 2", () => {
    expect(asRound(2)).toBe(2);
    expect(asRound(1)).toBe(1);
    expect(asRound(3)).toBe(1);
    expect(asRound(null)).toBe(1);
    expect(asRound(undefined)).toBe(1);
  });
  it("splits typed emails, lower-cased, without repeats", () => {
    expect(parseEmailList(" A@x.com,b@x.com\nb@x.com ; c@x.com  ")).toEqual(["a@x.com", "b@x.com", "c@x.com"]);
    expect(parseEmailList("   ")).toEqual([]);
  });
  it("needs the confirmation and a known rubric", () => {
    const form = (fields: Record<string, string | string[]>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
      return parseWithZod(data, { schema: startFinalRoundSchema });
    };
    expect(form({ top: "2", finalists: "a", rubric: "same", confirmed: "on" }).status).toBe("success");
    const errors = (s: ReturnType<typeof form>) => (s.status === "error" ? s.reply().error : undefined);
    const unconfirmed = form({ top: "2", finalists: ["a", "b"], rubric: "same" });
    expect(unconfirmed.status).toBe("error");
    expect(errors(unconfirmed)?.confirmed?.[0]).toMatch(/Tick the confirmation/);
    expect(errors(form({ top: "2", finalists: "a", rubric: "other", confirmed: "on" }))?.rubric).toBeTruthy();
  });
});
