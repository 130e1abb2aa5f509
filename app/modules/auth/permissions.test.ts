import { describe, expect, it } from "vitest";
import { canEditRubric, canManageEvent, canManageProblems, entryListVisibility, type EventAccess } from "./permissions";

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

describe("canManageEvent", () => {
  it("is for the event's organizers and admins; a draft stays hidden (404) from everyone else", () => {
    expect(canManageEvent(member, ev({ isOrganizer: true })).ok).toBe(true);
    expect(canManageEvent(admin, ev()).ok).toBe(true);
    expect(canManageEvent(member, ev())).toEqual({ ok: false, status: 403, reason: "Only this event's organizers can do that." });
    expect(canManageEvent(member, ev({ phase: "draft", isJudge: true }))).toMatchObject({ ok: false, status: 404 });
  });
});

describe("canManageProblems", () => {
  it("lets organizers change problems while the event is a draft or open", () => {
    expect(canManageProblems(member, ev({ phase: "draft", isOrganizer: true })).ok).toBe(true);
    expect(canManageProblems(member, ev({ phase: "open", isOrganizer: true })).ok).toBe(true);
  });
  it("refuses once judging starts, even to organizers and admins", () => {
    for (const phase of ["judging", "closed"] as const) {
      expect(canManageProblems(member, ev({ phase, isOrganizer: true }))).toEqual({
        ok: false,
        status: 403,
        reason: "Problems can be changed only while the event is a draft or open.",
      });
      expect(canManageProblems(admin, ev({ phase })).ok).toBe(false);
    }
  });
  it("refuses judges and team members", () => {
    expect(canManageProblems(member, ev({ isJudge: true })).ok).toBe(false);
    expect(canManageProblems(member, ev({ teamId: "t" })).ok).toBe(false);
  });
});

describe("canEditRubric", () => {
  it("lets organizers edit until the first score, in any phase", () => {
    for (const phase of ["draft", "open", "judging"] as const) expect(canEditRubric(member, ev({ phase, isOrganizer: true }), { scored: false }).ok).toBe(true);
  });
  it("locks once a score exists", () => {
    expect(canEditRubric(member, ev({ phase: "judging", isOrganizer: true }), { scored: true })).toEqual({
      ok: false,
      status: 403,
      reason: "The rubric is locked: judges have started scoring with it.",
    });
  });
  it("refuses non-organizers whatever the scores", () => {
    expect(canEditRubric(member, ev({ isJudge: true }), { scored: false }).ok).toBe(false);
  });
});

describe("entryListVisibility", () => {
  const before = new Date(-1);
  const after = new Date(1);
  it("lists every submitted entry to whoever may open any other team's: organizers, judges while judging, everyone after the deadline", () => {
    expect(entryListVisibility(member, ev({ isOrganizer: true }), before)).toEqual({ all: true });
    expect(entryListVisibility(member, ev({ isJudge: true, phase: "judging" }), before)).toEqual({ all: true });
    expect(entryListVisibility(member, ev({ teamId: "t1" }), after)).toEqual({ all: true });
  });
  it("before the deadline a participant's list holds only their own team's entry, and somebody without a team sees none", () => {
    expect(entryListVisibility(member, ev({ teamId: "t1", submissionDeadline: new Date(10) }), before)).toEqual({ all: false, teamId: "t1" });
    expect(entryListVisibility(member, ev({ submissionDeadline: new Date(10) }), before)).toEqual({ all: false, teamId: null });
    expect(entryListVisibility(member, ev({ isJudge: true, submissionDeadline: new Date(10) }), before)).toEqual({ all: false, teamId: null });
  });
  it("shows nothing of a draft event to people who cannot see the event", () => {
    expect(entryListVisibility(member, ev({ phase: "draft", teamId: "t1" }), after)).toEqual({ all: false, teamId: null });
  });
});
