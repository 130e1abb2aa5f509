import { describe, expect, it } from "vitest";
import { canChangeAwards, canDeclareConflict, canManageJudging, canWithdrawConflict, canReadFeedback, canScoreEntry, type EventAccess } from "./permissions";

const judge = { id: "j", role: "member" as const };
const ev = (over: Partial<EventAccess> = {}): EventAccess => ({
  phase: "judging",
  submissionDeadline: new Date(0),
  isOrganizer: false,
  isJudge: true,
  teamId: null,
  ...over,
});
const entry = { teamId: "t1", status: "submitted" as const };

describe("canScoreEntry with conflicts and assignments", () => {
  it("allows an assigned judge without a conflict", () => {
    expect(canScoreEntry(judge, ev(), entry, { conflicted: false, assigned: true }).ok).toBe(true);
  });
  it("refuses a conflicted judge", () => {
    expect(canScoreEntry(judge, ev(), entry, { conflicted: true, assigned: true })).toMatchObject({ ok: false, status: 403 });
  });
  it("refuses an unassigned judge", () => {
    expect(canScoreEntry(judge, ev(), entry, { conflicted: false, assigned: false })).toEqual({
      ok: false,
      status: 403,
      reason: "This entry is not assigned to you.",
    });
  });
  it("still refuses the judge's own team first", () => {
    expect(canScoreEntry(judge, ev({ teamId: "t1" }), entry, { conflicted: false, assigned: true })).toMatchObject({
      reason: "You cannot score an entry of your own team.",
    });
  });
});

describe("canDeclareConflict", () => {
  it("is for judges before results are published", () => {
    expect(canDeclareConflict(judge, ev(), entry).ok).toBe(true);
    expect(canDeclareConflict(judge, ev({ phase: "open" }), entry).ok).toBe(true);
    expect(canDeclareConflict(judge, ev({ phase: "closed" }), entry).ok).toBe(false);
    expect(canDeclareConflict(judge, ev({ isJudge: false }), entry).ok).toBe(false);
  });
  it("in round 1, needs no assignment: a conflict keeps the entry out of the judge's queue for good", () => {
    expect(canDeclareConflict(judge, ev(), entry, { conflicted: false, assigned: false }).ok).toBe(true);
  });
  it("in the final round, is only for a final round judge on a finalist: round 1's scores stand", () => {
    expect(canDeclareConflict(judge, ev(), entry, { conflicted: false, assigned: true, notFinalist: false, finalRound: true }).ok).toBe(true);
    for (const notFinalist of [true, false])
      expect(canDeclareConflict(judge, ev(), entry, { conflicted: false, assigned: false, notFinalist, finalRound: true })).toEqual({
        ok: false,
        status: 403,
        reason: "Round 1 is closed and its scores stand: you do not judge this entry in the final round. If a conflict came to light, tell an organizer.",
      });
  });
});

describe("canWithdrawConflict", () => {
  it("is for judges before results are published", () => {
    expect(canWithdrawConflict(judge, ev()).ok).toBe(true);
    expect(canWithdrawConflict(judge, ev({ phase: "open" })).ok).toBe(true);
    expect(canWithdrawConflict(judge, ev({ phase: "closed" }))).toEqual({
      ok: false,
      status: 403,
      reason: "Conflicts can be withdrawn only before results are published.",
    });
    expect(canWithdrawConflict(judge, ev({ isJudge: false, isOrganizer: true })).ok).toBe(false);
  });

  it("in the final round, only on an entry the judge scores there: round 1's conflicts stay", () => {
    const finalRound = (assigned: boolean) => ({ conflicted: true, assigned, notFinalist: !assigned, finalRound: true });
    expect(canWithdrawConflict(judge, ev(), finalRound(true))).toEqual({ ok: true });
    expect(canWithdrawConflict(judge, ev(), finalRound(false))).toEqual({
      ok: false,
      status: 403,
      reason: "Round 1 is closed and its record stands: this conflict stays, as you do not judge this entry in the final round.",
    });
    // Round 1's facts carry no round: an unassigned entry's conflict can still be withdrawn.
    expect(canWithdrawConflict(judge, ev(), { conflicted: true, assigned: false })).toEqual({ ok: true });
  });
});

describe("canManageJudging", () => {
  it("is for organizers and admins only", () => {
    expect(canManageJudging(judge, ev()).ok).toBe(false);
    expect(canManageJudging(judge, ev({ isOrganizer: true })).ok).toBe(true);
    expect(canManageJudging({ id: "a", role: "admin" }, ev()).ok).toBe(true);
  });
});

describe("canReadFeedback", () => {
  it("is for the entry's team once results are published", () => {
    expect(canReadFeedback(judge, ev({ teamId: "t1", phase: "closed" }), entry).ok).toBe(true);
    expect(canReadFeedback(judge, ev({ teamId: "t1", phase: "judging" }), entry).ok).toBe(false);
    expect(canReadFeedback(judge, ev({ teamId: "t2", phase: "closed" }), entry).ok).toBe(false);
  });
});

describe("canChangeAwards", () => {
  it("lets organizers change awards until results are published, then only after reopening", () => {
    const organizer = { id: "o", role: "organizer" as const };
    for (const phase of ["open", "judging"] as const) expect(canChangeAwards(organizer, { ...ev(), phase, isOrganizer: true }).ok).toBe(true);
    expect(canChangeAwards(organizer, { ...ev(), phase: "closed", isOrganizer: true })).toMatchObject({
      ok: false,
      reason: "Results are published: reopen the event for judging (with a reason) to change its awards.",
    });
    expect(canChangeAwards({ id: "m", role: "member" }, { ...ev(), phase: "judging" }).ok).toBe(false);
  });
});
