import { describe, expect, it } from "vitest";
import { canChangeAssignments, canRemoveJudge, canScoreEntry, canStartFinalRound, canViewFinalRound, canViewRoundOne, type EventAccess } from "./permissions";

const member = { id: "m", role: "member" as const };
const admin = { id: "a", role: "admin" as const };
const ev = (over: Partial<EventAccess> = {}): EventAccess => ({
  phase: "judging",
  submissionDeadline: new Date(0),
  isOrganizer: false,
  isJudge: false,
  teamId: null,
  ...over,
});

describe("canViewFinalRound and canStartFinalRound (ADR 038)", () => {
  it("let organizers and admins see the final round in judging and once closed, never before", () => {
    for (const phase of ["judging", "closed"] as const) {
      expect(canViewFinalRound(member, ev({ phase, isOrganizer: true })).ok).toBe(true);
      expect(canViewFinalRound(admin, ev({ phase })).ok).toBe(true);
    }
    expect(canViewFinalRound(member, ev({ phase: "open", isOrganizer: true }))).toEqual({
      ok: false,
      status: 403,
      reason: "The final round is chosen during judging, after round 1.",
    });
  });
  it("refuse judges and team members", () => {
    expect(canViewFinalRound(member, ev({ isJudge: true })).ok).toBe(false);
    expect(canStartFinalRound(member, ev({ teamId: "t" }), { round: 1 }).ok).toBe(false);
  });
  it("start it only from round 1 of judging", () => {
    expect(canStartFinalRound(member, ev({ isOrganizer: true }), { round: 1 })).toEqual({ ok: true });
    expect(canStartFinalRound(admin, ev(), { round: 2 })).toEqual({ ok: false, status: 403, reason: "The final round has already started." });
    expect(canStartFinalRound(member, ev({ phase: "closed", isOrganizer: true }), { round: 1 })).toEqual({
      ok: false,
      status: 403,
      reason: "The final round starts from judging: results are already published.",
    });
  });
  it("show round 1's ranking to organizers only", () => {
    expect(canViewRoundOne(member, ev({ isOrganizer: true })).ok).toBe(true);
    expect(canViewRoundOne(member, ev({ phase: "closed", teamId: "t" })).ok).toBe(false);
    expect(canViewRoundOne(member, ev({ phase: "closed", isJudge: true })).ok).toBe(false);
  });
});

describe("round 1's roster and assignments once the final round started", () => {
  it("let organizers change assignments in round 1 only", () => {
    expect(canChangeAssignments(member, ev({ isOrganizer: true }), { round: 1 })).toEqual({ ok: true });
    expect(canChangeAssignments(admin, ev({ phase: "open" }), { round: 1 })).toEqual({ ok: true });
    expect(canChangeAssignments(member, ev({ isJudge: true }), { round: 1 }).ok).toBe(false);
    expect(canChangeAssignments(member, ev({ isOrganizer: true }), { round: 2 })).toEqual({
      ok: false,
      status: 403,
      reason: "Round 1 is closed: its assignments stay as they were. Every final round judge scores every finalist.",
    });
    // Published: the results' flags count the assignments as judged.
    expect(canChangeAssignments(member, ev({ isOrganizer: true, phase: "closed" }), { round: 1 })).toEqual({
      ok: false,
      status: 403,
      reason: "Results are published: the assignments stay as they were judged. Reopen the event for judging to change them.",
    });
  });

  it("let organizers remove a judge of the current round (removeJudge keeps round 1's roster in round 2), until results are published", () => {
    expect(canRemoveJudge(member, ev({ isOrganizer: true }))).toEqual({ ok: true });
    expect(canRemoveJudge(admin, ev({ phase: "judging" }))).toEqual({ ok: true });
    // Published: the results' flags count the assignments as judged, which a removal would hand to others.
    expect(canRemoveJudge(admin, ev({ phase: "closed" }))).toEqual({
      ok: false,
      status: 403,
      reason: "Results are published, so the judges stay as they judged: reopen the event for judging to remove a judge.",
    });
    expect(canRemoveJudge(member, ev({ isJudge: true })).ok).toBe(false);
  });
});

describe("canScoreEntry in the final round", () => {
  const entry = { teamId: "other", status: "submitted" as const };
  it("refuses an entry that is not a finalist, with its own reason", () => {
    expect(canScoreEntry(member, ev({ isJudge: true }), entry, { conflicted: false, assigned: false, notFinalist: true })).toEqual({
      ok: false,
      status: 403,
      reason: "Round 1 is closed: only the finalists are scored in the final round.",
    });
    expect(canScoreEntry(member, ev({ isJudge: true }), entry, { conflicted: false, assigned: false, notFinalist: false })).toMatchObject({
      reason: "This entry is not assigned to you.",
    });
    expect(canScoreEntry(member, ev({ isJudge: true }), entry, { conflicted: false, assigned: true, notFinalist: false }).ok).toBe(true);
  });
});
