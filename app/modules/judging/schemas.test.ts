import { describe, expect, it } from "vitest";
import {
  conflictAsText,
  conflictSchema,
  judgingSettingsSchema,
  namesOtherCriteria,
  scoreSheetSchema,
  sheetAsText,
  sheetForRubric,
  withdrawConflictSchema,
} from "./schemas";

// Built inside each test, not at import: a schema made once at import would never see a mutant (ADR 013).
const schema = () => scoreSheetSchema(["fit", "metric"], 5);
const issues = (input: unknown) => {
  const r = schema().safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("scoreSheetSchema", () => {
  it("accepts a full sheet, trimming comments and defaulting them and the overall comment to empty", () => {
    expect(
      schema().parse({
        scores: [
          { criterionId: "fit", value: 5, comment: "  great fit " },
          { criterionId: "metric", value: 1 },
        ],
      }),
    ).toEqual({
      scores: [
        { criterionId: "fit", value: 5, comment: "great fit" },
        { criterionId: "metric", value: 1, comment: "" },
      ],
      overallComment: "",
    });
  });

  it("accepts a partial sheet: at least one value, comments only beside values", () => {
    expect(issues({ scores: [{ criterionId: "fit", value: 3 }, { criterionId: "metric" }], overallComment: " later " })).toEqual([]);
  });

  it("accepts an empty sheet without a message per row (the action sums up what is still to score)", () => {
    expect(issues({ scores: [{ criterionId: "fit" }, { criterionId: "metric" }] })).toEqual([]);
  });

  it("asks for a value beside a comment", () => {
    expect(
      issues({
        scores: [
          { criterionId: "fit", value: 2 },
          { criterionId: "metric", comment: "why?" },
        ],
      }),
    ).toEqual([
      ["scores.1.value", "Pick a value to keep this comment"],
      ["scores", "Nothing was saved: a comment has no score beside it. Pick a value for it, or clear the comment, then save again."],
    ]);
    // Two comments without a value: one line for the sheet says so.
    expect(
      issues({
        scores: [
          { criterionId: "fit", comment: "a" },
          { criterionId: "metric", comment: "b" },
        ],
      }).filter(([path]) => path === "scores"),
    ).toEqual([["scores", "Nothing was saved: 2 comments have no score beside them. Pick a value for each, or clear those comments, then save again."]]);
  });

  it("refuses values off the scale or not whole, with the scale in the message", () => {
    for (const value of [0, 6, 2.5, "3"]) {
      expect(
        issues({
          scores: [
            { criterionId: "fit", value },
            { criterionId: "metric", value: 3 },
          ],
        }),
        String(value),
      ).toEqual([["scores.0.value", "Pick a value from 1 to 5"]]);
    }
    expect(scoreSheetSchema(["x"], 7).safeParse({ scores: [{ criterionId: "x", value: 7 }] }).success).toBe(true);
  });

  it("refuses unknown criteria, a missing criterion and a criterion named twice", () => {
    expect(
      issues({
        scores: [
          { criterionId: "fit", value: 2 },
          { criterionId: "other", value: 2 },
        ],
      }),
    ).toEqual([["scores.1.criterionId", "Unknown criterion"]]);
    expect(issues({ scores: [{ criterionId: "fit", value: 2 }] })).toEqual([["scores", "Score every criterion"]]);
    expect(
      issues({
        scores: [
          { criterionId: "fit", value: 2 },
          { criterionId: "fit", value: 3 },
        ],
      }),
    ).toEqual([["scores", "Score every criterion"]]);
  });

  it("caps comment lengths with a message", () => {
    const ok = [
      { criterionId: "fit", value: 2, comment: "c".repeat(2000) },
      { criterionId: "metric", value: 2 },
    ];
    expect(issues({ scores: ok, overallComment: "o".repeat(4000) })).toEqual([]);
    expect(issues({ scores: [{ ...ok[0], comment: "c".repeat(2001) }, ok[1]] })).toEqual([["scores.0.comment", "Use at most 2,000 characters"]]);
    expect(issues({ scores: ok, overallComment: "o".repeat(4001) })).toEqual([["overallComment", "Use at most 4,000 characters"]]);
  });
});

describe("namesOtherCriteria", () => {
  const rows = (...ids: unknown[]) => ids.map((criterionId) => ({ criterionId, value: "3" }));
  it("is false for a sheet of the rubric's criteria, in any order", () => {
    expect(namesOtherCriteria(rows("fit", "metric"), ["fit", "metric"])).toBe(false);
    expect(namesOtherCriteria(rows("metric", "fit"), ["fit", "metric"])).toBe(false);
  });
  it("is true for a sheet of other criteria, one criterion more or fewer, or rows without ids", () => {
    expect(namesOtherCriteria(rows("old-fit", "old-metric"), ["fit", "metric"])).toBe(true);
    expect(namesOtherCriteria(rows("fit"), ["fit", "metric"])).toBe(true);
    expect(namesOtherCriteria(rows("fit", "metric", "demo"), ["fit", "metric"])).toBe(true);
    expect(namesOtherCriteria(rows("fit", 7), ["fit", "metric"])).toBe(true);
    expect(namesOtherCriteria([null, null], ["fit", "metric"])).toBe(true);
    expect(namesOtherCriteria(undefined, ["fit", "metric"])).toBe(true);
    expect(namesOtherCriteria(undefined, [])).toBe(false);
  });
});

describe("sheetAsText", () => {
  const criteria = [
    { id: "fit", name: "Problem fit" },
    { id: "metric", name: "AI metric" },
  ];
  it("gives each criterion with a value or a comment by its name, then the overall comment, trimmed", () => {
    const payload = {
      scores: [
        { criterionId: "fit", value: "4", comment: "  Clear owner.  " },
        { criterionId: "metric", value: "", comment: "" },
      ],
      overallComment: " Strong start ",
    };
    expect(sheetAsText(payload, criteria)).toEqual(["Problem fit: 4 (“Clear owner.”)", "Overall comment: “Strong start”"]);
  });
  it("keeps a comment without a value, and a row of a criterion the rubric no longer has", () => {
    const payload = {
      scores: [
        { criterionId: "metric", comment: "No baseline" },
        { criterionId: "gone", value: "2" },
      ],
    };
    expect(sheetAsText(payload, criteria)).toEqual(["AI metric: no score (“No baseline”)", "A criterion: 2"]);
  });
  it("is empty for an empty sheet or a payload without rows", () => {
    expect(sheetAsText({ scores: [{ criterionId: "fit", value: " ", comment: " " }], overallComment: "" }, criteria)).toEqual([]);
    expect(sheetAsText({ scores: "x", overallComment: 3 }, criteria)).toEqual([]);
    expect(sheetAsText({ scores: [null] }, criteria)).toEqual([]);
  });
});

describe("conflictAsText", () => {
  it("gives the reason as typed, trimmed, or nothing", () => {
    expect(conflictAsText({ reason: "  I coached them. " })).toEqual(["Your reason: “I coached them.”"]);
    expect(conflictAsText({ reason: " " })).toEqual([]);
    expect(conflictAsText({})).toEqual([]);
  });
});

describe("conflict and settings schemas", () => {
  it("asks for a short reason for a conflict", () => {
    expect(conflictSchema.parse({ reason: "  my cousin  " })).toEqual({ reason: "my cousin" });
    expect(conflictSchema.safeParse({ reason: " ab " }).error?.issues[0].message).toBe("Say briefly why (for the organizers)");
    expect(conflictSchema.safeParse({}).error?.issues[0].message).toBe("Say briefly why (for the organizers)");
    expect(conflictSchema.safeParse({ reason: "r".repeat(501) }).error?.issues[0].message).toBe("Use at most 500 characters");
  });

  it("needs the conflict to withdraw", () => {
    expect(withdrawConflictSchema.parse({ entryId: " e1 " })).toEqual({ entryId: "e1" });
    expect(withdrawConflictSchema.safeParse({ entryId: "  " }).error?.issues[0].message).toBe("Pick the conflict to withdraw");
  });

  it("defaults every judging setting to off", () => {
    expect(judgingSettingsSchema.parse({})).toEqual({ normalizeScores: false, blindJudging: false, showJudgeNames: false });
    expect(judgingSettingsSchema.parse({ blindJudging: true })).toMatchObject({ blindJudging: true, normalizeScores: false });
  });
});

describe("sheetForRubric", () => {
  it("gives each current criterion what was typed for it, and nothing to a new one, even of the same name", () => {
    const payload = {
      scores: [
        { criterionId: "fit-1", value: "4", comment: " Clear owner. " },
        { criterionId: "metric-1", value: "2", comment: "" },
        "odd",
        { criterionId: 7, value: "5" },
      ],
      overallComment: " Strong ",
    };
    const current = [
      { id: "metric-1", name: "AI metric" },
      { id: "fit-2", name: "Problem fit" },
    ];
    expect(sheetForRubric(payload, current)).toEqual({
      scores: [
        { criterionId: "metric-1", value: "2", comment: "" },
        { criterionId: "fit-2", value: "", comment: "" },
      ],
      overallComment: "Strong",
    });
    expect(sheetForRubric({}, [{ id: "x" }])).toEqual({ scores: [{ criterionId: "x", value: "", comment: "" }], overallComment: "" });
  });
});
