import { describe, expect, it } from "vitest";
import { blindJudgingNote, settingChangeWords } from "./settings";

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

describe("settingChangeWords", () => {
  it("words each setting switched on and off", () => {
    expect(settingChangeWords("normalize_scores", true)).toBe("made the normalized ranking official");
    expect(settingChangeWords("normalize_scores", false)).toBe("made the raw ranking official");
    expect(settingChangeWords("blind_judging", true)).toBe("turned blind judging on");
    expect(settingChangeWords("blind_judging", false)).toBe("turned blind judging off");
    expect(settingChangeWords("show_judge_names", true)).toBe("showed judge names to teams");
    expect(settingChangeWords("show_judge_names", false)).toBe("hid judge names from teams");
  });

  it("words the people's choice vote switched on with its closing time, switched off, and its close moved", () => {
    const closes = "Tue, 8 Dec 2026, 17:00 CET";
    expect(settingChangeWords("peoples_choice_enabled", true, closes)).toBe("turned the people's choice vote on, closing Tue, 8 Dec 2026, 17:00 CET");
    expect(settingChangeWords("peoples_choice_enabled", true)).toBe("turned the people's choice vote on");
    expect(settingChangeWords("peoples_choice_enabled", false, closes)).toBe("turned the people's choice vote off");
    expect(settingChangeWords("peoples_choice_closes_at", true, closes)).toBe("moved the close of the people's choice vote to Tue, 8 Dec 2026, 17:00 CET");
  });
});
