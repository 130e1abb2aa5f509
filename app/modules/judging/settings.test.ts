import { describe, expect, it } from "vitest";
import { blindJudgingNote, settingChange } from "./settings";

describe("blindJudgingNote", () => {
  it("says nothing before any entry is scored", () => {
    expect(blindJudgingNote(false, 0)).toBeNull();
    expect(blindJudgingNote(true, 0)).toBeNull();
  });

  it("says names already seen stay seen when blind judging is switched on mid-judging", () => {
    expect(blindJudgingNote(false, 1)).toBe(
      "Judges have already scored 1 entry. Switching blind judging on hides team names from then on, not from what judges already saw.",
    );
    expect(blindJudgingNote(false, 12)).toMatch(/^Judges have already scored 12 entries\. /);
  });

  it("says names appear from then on when it is switched off", () => {
    expect(blindJudgingNote(true, 3)).toBe("Judges have already scored 3 entries. Switching blind judging off shows them team names from then on.");
  });
});

describe("settingChange", () => {
  const none = { normalizeScores: false, blindJudging: false, showJudgeNames: false };
  it("says nothing for a save that changed nothing", () => {
    expect(settingChange(none, none)).toBeNull();
    const all = { normalizeScores: true, blindJudging: true, showJudgeNames: true };
    expect(settingChange(all, all)).toBeNull();
  });

  it("words each setting switched on and off", () => {
    expect(settingChange(none, { ...none, normalizeScores: true })).toBe("made the normalized ranking official");
    expect(settingChange({ ...none, normalizeScores: true }, none)).toBe("made the raw ranking official");
    expect(settingChange(none, { ...none, blindJudging: true })).toBe("turned blind judging on");
    expect(settingChange({ ...none, blindJudging: true }, none)).toBe("turned blind judging off");
    expect(settingChange(none, { ...none, showJudgeNames: true })).toBe("showed judge names to teams");
    expect(settingChange({ ...none, showJudgeNames: true }, none)).toBe("hid judge names from teams");
  });

  it("joins several changes of one save into one line", () => {
    expect(settingChange(none, { normalizeScores: true, blindJudging: false, showJudgeNames: true })).toBe(
      "made the normalized ranking official and showed judge names to teams",
    );
    expect(settingChange(none, { normalizeScores: true, blindJudging: true, showJudgeNames: true })).toBe(
      "made the normalized ranking official, turned blind judging on and showed judge names to teams",
    );
  });
});
