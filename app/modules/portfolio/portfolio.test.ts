import { describe, expect, it } from "vitest";
import type { EventAccess } from "~/modules/auth/permissions";
import { profileChanges, showsOnPortfolio, shownProfile, skillList } from "./portfolio";

const now = new Date("2026-12-02T10:00:00Z");
const open: EventAccess = { phase: "open", submissionDeadline: new Date("2026-12-03T10:00:00Z"), isOrganizer: false, isJudge: false, teamId: null };
const closed: EventAccess = { ...open, phase: "closed" };
const viewer = { id: "v", role: "member" as const };
const submitted = { teamId: "t", status: "submitted" as const, hidden: false };

describe("showsOnPortfolio", () => {
  it("follows the entry page: a submitted entry of an open event stays with its team until the deadline", () => {
    expect(showsOnPortfolio(viewer, "p", open, submitted, false, now)).toBe(false);
    expect(showsOnPortfolio(viewer, "p", { ...open, teamId: "t" }, submitted, false, now)).toBe(true);
    expect(showsOnPortfolio(viewer, "p", closed, submitted, false, now)).toBe(true);
    expect(showsOnPortfolio(viewer, "p", closed, { ...submitted, status: "draft" }, false, now)).toBe(false);
  });

  it("drops a hidden entry for everyone but its person, and every entry a blind judge may not attribute", () => {
    expect(showsOnPortfolio(viewer, "p", closed, { ...submitted, hidden: true }, false, now)).toBe(false);
    expect(showsOnPortfolio({ id: "p", role: "member" }, "p", { ...closed, teamId: "t" }, { ...submitted, hidden: true }, false, now)).toBe(true);
    expect(showsOnPortfolio(viewer, "p", { ...closed, phase: "judging", isJudge: true }, submitted, true, now)).toBe(false);
  });
});

describe("skillList", () => {
  it("splits on commas, semicolons and lines, dropping blanks and repeats", () => {
    expect(skillList(" SQL, prompt design;; sql\nPython ")).toEqual(["SQL", "prompt design", "Python"]);
  });
});

describe("profileChanges", () => {
  const stored = { name: "Kim Kept", headline: "Analyst", skills: "SQL, Python" };
  const shown = shownProfile(stored);

  it("is only the fields changed from what the form showed, skills as the list keeps them", () => {
    expect(profileChanges(stored, shown)).toEqual({});
    expect(profileChanges({ ...stored, headline: "Lead analyst" }, shown)).toEqual({ headline: "Lead analyst" });
    expect(profileChanges({ ...stored, name: "Kim Keeper", skills: "SQL; Python" }, shown)).toEqual({ name: "Kim Keeper" });
    expect(profileChanges({ ...stored, skills: "SQL, Python, dbt" }, shown)).toEqual({ skills: "SQL, Python, dbt" });
    expect(profileChanges({ ...stored, headline: "" }, shown)).toEqual({ headline: "" });
  });

  it("is every field for a form that sent nothing readable (a page of an earlier version)", () => {
    const input = { ...stored, skills: "SQL;sql, Python" };
    for (const sent of [undefined, "", "{", '["Kim Kept"]', "[1, 2, 3]", '["Kim Kept", 80, "SQL, Python"]'])
      expect(profileChanges(input, sent)).toEqual(stored);
  });
});
