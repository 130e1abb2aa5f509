import { describe, expect, it } from "vitest";
import { canEditSubmissionQuestions, type EventAccess } from "./permissions";

const member = { id: "m", role: "member" as const };
const admin = { id: "a", role: "admin" as const };
const ev = (over: Partial<EventAccess> = {}): EventAccess => ({
  phase: "open",
  submissionDeadline: new Date(0),
  isOrganizer: false,
  isJudge: false,
  teamId: null,
  ...over,
});

describe("canEditSubmissionQuestions", () => {
  it("lets organizers and admins edit until the first entry is submitted", () => {
    for (const phase of ["draft", "open"] as const)
      expect(canEditSubmissionQuestions(member, ev({ phase, isOrganizer: true }), { submitted: false }).ok).toBe(true);
    expect(canEditSubmissionQuestions(admin, ev(), { submitted: false }).ok).toBe(true);
  });
  it("locks with a reason once an entry is submitted, for admins too", () => {
    expect(canEditSubmissionQuestions(admin, ev({ isOrganizer: true }), { submitted: true })).toEqual({
      ok: false,
      status: 403,
      reason: "The questions are locked: a team has submitted its entry with these answers.",
    });
  });
  it("refuses team members and judges; a draft event stays hidden", () => {
    expect(canEditSubmissionQuestions(member, ev({ teamId: "t" }), { submitted: false }).ok).toBe(false);
    expect(canEditSubmissionQuestions(member, ev({ isJudge: true }), { submitted: false }).ok).toBe(false);
    expect(canEditSubmissionQuestions(member, ev({ phase: "draft" }), { submitted: false })).toMatchObject({ ok: false, status: 404 });
  });
});
