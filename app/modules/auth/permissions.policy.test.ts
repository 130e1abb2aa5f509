// The event-access policy: who sees, joins, edits, scores and reads what, phase by phase.
// (permissions.test.ts covers problems and the rubric, permissions.judging.test.ts conflicts and assignments.)
import { describe, expect, it } from "vitest";
import { phaseWords } from "~/modules/events/phases";
import {
  canChangeTeam,
  canCreateEvent,
  canEditEntry,
  canJoinTeam,
  canLeadTeam,
  canManageEvent,
  canManageUsers,
  canReadOutbox,
  canScoreEntry,
  canViewEntry,
  canViewEvent,
  canViewJudgeQueue,
  canViewResults,
  canViewTeam,
  type Actor,
  type EntryRef,
  type EventAccess,
} from "./permissions";

const member: Actor = { id: "m", role: "member" };
const organizerRole: Actor = { id: "o", role: "organizer" };
const admin: Actor = { id: "a", role: "admin" };

const deadline = new Date("2026-06-01T12:00:00Z");
const before = new Date("2026-06-01T11:59:59Z");
const after = new Date("2026-06-01T12:00:01Z");

const ev = (over: Partial<EventAccess> = {}): EventAccess => ({
  phase: "open",
  submissionDeadline: deadline,
  isOrganizer: false,
  isJudge: false,
  teamId: null,
  ...over,
});
const submitted = (teamId = "t1"): EntryRef => ({ teamId, status: "submitted" });
const draft = (teamId = "t1"): EntryRef => ({ teamId, status: "draft" });

const phases = ["draft", "open", "judging", "closed"] as const;

describe("canCreateEvent", () => {
  it("allows admins and organizers", () => {
    expect(canCreateEvent(admin)).toEqual({ ok: true });
    expect(canCreateEvent(organizerRole)).toEqual({ ok: true });
  });
  it("refuses a plain member with a 403 that says how to get the role", () => {
    expect(canCreateEvent(member)).toEqual({
      ok: false,
      status: 403,
      reason: "Only organizers can create events. Ask an admin for the organizer role.",
    });
  });
});

describe("canManageUsers", () => {
  it("is for admins only", () => {
    expect(canManageUsers(admin).ok).toBe(true);
    expect(canManageUsers(organizerRole)).toMatchObject({ ok: false, status: 403 });
    expect(canManageUsers(member)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("canReadOutbox", () => {
  it("is for admins only: the outbox holds every mail, reset links included", () => {
    expect(canReadOutbox(admin).ok).toBe(true);
    expect(canReadOutbox(organizerRole)).toMatchObject({ ok: false, status: 403 });
    expect(canReadOutbox(member)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("canViewEvent", () => {
  it("answers 404 for a draft to anyone who does not organize it, even a global organizer, judge or team member", () => {
    const notFound = { ok: false, status: 404, reason: "Event not found" };
    expect(canViewEvent(member, ev({ phase: "draft" }))).toEqual(notFound);
    expect(canViewEvent(organizerRole, ev({ phase: "draft" }))).toEqual(notFound);
    expect(canViewEvent(member, ev({ phase: "draft", isJudge: true }))).toEqual(notFound);
    expect(canViewEvent(member, ev({ phase: "draft", teamId: "t1" }))).toEqual(notFound);
  });
  it("shows a draft to its organizers and to admins", () => {
    expect(canViewEvent(member, ev({ phase: "draft", isOrganizer: true })).ok).toBe(true);
    expect(canViewEvent(admin, ev({ phase: "draft" })).ok).toBe(true);
  });
  it("shows open, judging and closed events to every signed-in member", () => {
    for (const phase of ["open", "judging", "closed"] as const) expect(canViewEvent(member, ev({ phase })).ok).toBe(true);
  });
});

describe("canManageEvent", () => {
  it("lets admins manage any event in any phase", () => {
    for (const phase of phases) expect(canManageEvent(admin, ev({ phase })).ok).toBe(true);
  });
  it("refuses a global organizer who does not organize this event", () => {
    expect(canManageEvent(organizerRole, ev())).toEqual({ ok: false, status: 403, reason: "Only this event's organizers can do that." });
    expect(canManageEvent(organizerRole, ev({ phase: "draft" }))).toMatchObject({ ok: false, status: 404 });
  });
});

describe("canJoinTeam", () => {
  it("allows a member without a team while the event is open and before the deadline", () => {
    expect(canJoinTeam(member, ev(), before)).toEqual({ ok: true });
  });
  it("refuses someone already in a team for the event", () => {
    expect(canJoinTeam(member, ev({ teamId: "t1" }), before)).toEqual({
      ok: false,
      status: 403,
      reason: "You are already in a team for this event: one team per person per event.",
    });
  });
  it("refuses when the event is not open: a draft is 404, a draft's organizer gets 'not open yet'", () => {
    expect(canJoinTeam(member, ev({ phase: "draft" }), before)).toMatchObject({ ok: false, status: 404 });
    expect(canJoinTeam(member, ev({ phase: "draft", isOrganizer: true }), before)).toEqual({
      ok: false,
      status: 403,
      reason: "This event is not open yet.",
    });
  });
  it("refuses at and after the submission deadline", () => {
    const reason = "Submissions are closed: the submission deadline has passed.";
    expect(canJoinTeam(member, ev(), deadline)).toEqual({ ok: false, status: 403, reason });
    expect(canJoinTeam(member, ev(), after)).toEqual({ ok: false, status: 403, reason });
  });
  it("refuses in judging and closed, even before the deadline (judging started early)", () => {
    for (const phase of ["judging", "closed"] as const) {
      expect(canJoinTeam(member, ev({ phase }), before)).toEqual({
        ok: false,
        status: 403,
        reason: phaseWords[phase].submissionsClosed,
      });
    }
  });
});

describe("canViewTeam", () => {
  it("shows a team to its members, the event's organizers and admins", () => {
    expect(canViewTeam(member, ev({ teamId: "t1" }), "t1").ok).toBe(true);
    expect(canViewTeam(member, ev({ isOrganizer: true }), "t1").ok).toBe(true);
    expect(canViewTeam(admin, ev(), "t1").ok).toBe(true);
  });
  it("refuses members of another team and outsiders", () => {
    expect(canViewTeam(member, ev({ teamId: "t2" }), "t1")).toEqual({ ok: false, status: 403, reason: "Only the team's members can see this team." });
    expect(canViewTeam(member, ev(), "t1").ok).toBe(false);
  });
});

describe("canEditEntry", () => {
  it("allows the team's members while the event is open and before the deadline", () => {
    expect(canEditEntry(member, ev({ teamId: "t1" }), "t1", before)).toEqual({ ok: true });
  });
  it("refuses other teams, organizers and admins: only members edit", () => {
    const reason = "Only the team's members can edit its entry.";
    expect(canEditEntry(member, ev({ teamId: "t2" }), "t1", before)).toEqual({ ok: false, status: 403, reason });
    expect(canEditEntry(member, ev({ isOrganizer: true }), "t1", before)).toEqual({ ok: false, status: 403, reason });
    expect(canEditEntry(admin, ev(), "t1", before)).toEqual({ ok: false, status: 403, reason });
  });
  it("refuses the team at or after the deadline", () => {
    expect(canEditEntry(member, ev({ teamId: "t1" }), "t1", deadline)).toMatchObject({
      ok: false,
      reason: "Submissions are closed: the submission deadline has passed.",
    });
    expect(canEditEntry(member, ev({ teamId: "t1" }), "t1", after).ok).toBe(false);
  });
  it("refuses the team once the event is in judging or closed, even before the deadline", () => {
    for (const phase of ["judging", "closed"] as const) {
      expect(canEditEntry(member, ev({ phase, teamId: "t1" }), "t1", before)).toMatchObject({
        ok: false,
        reason: phaseWords[phase].submissionsClosed,
      });
    }
  });
});

describe("canViewEntry", () => {
  it("always shows a team its own entry, draft or submitted, in any visible phase", () => {
    for (const phase of ["open", "judging", "closed"] as const) {
      expect(canViewEntry(member, ev({ phase, teamId: "t1" }), draft(), before).ok).toBe(true);
      expect(canViewEntry(member, ev({ phase, teamId: "t1" }), submitted(), after).ok).toBe(true);
    }
  });
  it("shows any entry to the event's organizers and admins", () => {
    expect(canViewEntry(member, ev({ isOrganizer: true }), draft(), before).ok).toBe(true);
    expect(canViewEntry(admin, ev(), draft(), before).ok).toBe(true);
  });
  it("hides other teams' submitted entries before the deadline", () => {
    expect(canViewEntry(member, ev({ teamId: "t2" }), submitted(), before)).toEqual({
      ok: false,
      status: 403,
      reason: "Entries become visible to other participants after the submission deadline.",
    });
  });
  it("shows other teams' submitted entries from the deadline on", () => {
    expect(canViewEntry(member, ev({ teamId: "t2" }), submitted(), deadline).ok).toBe(true);
    expect(canViewEntry(member, ev(), submitted(), after).ok).toBe(true);
  });
  it("never shows another team's draft, even after the deadline or once closed", () => {
    expect(canViewEntry(member, ev({ teamId: "t2" }), draft(), after)).toEqual({ ok: false, status: 403, reason: "This entry is still a draft." });
    expect(canViewEntry(member, ev({ phase: "closed" }), draft(), after).ok).toBe(false);
    expect(canViewEntry(member, ev({ phase: "judging", isJudge: true }), draft(), after).ok).toBe(false);
  });
  it("shows submitted entries to judges during judging and closed, even when judging started before the deadline", () => {
    expect(canViewEntry(member, ev({ phase: "judging", isJudge: true }), submitted(), before).ok).toBe(true);
    expect(canViewEntry(member, ev({ phase: "closed", isJudge: true }), submitted(), before).ok).toBe(true);
  });
  it("does not give a judge early access while the event is still open", () => {
    expect(canViewEntry(member, ev({ phase: "open", isJudge: true }), submitted(), before).ok).toBe(false);
  });
  it("shows a closed event's submitted entries to everyone", () => {
    expect(canViewEntry(member, ev({ phase: "closed" }), submitted(), before).ok).toBe(true);
  });
  it("answers 404 for any entry of a draft event to outsiders", () => {
    expect(canViewEntry(member, ev({ phase: "draft" }), submitted(), after)).toMatchObject({ ok: false, status: 404 });
  });
});

describe("canScoreEntry", () => {
  const judging = (over: Partial<EventAccess> = {}) => ev({ phase: "judging", isJudge: true, ...over });

  it("allows a judge to score another team's submitted entry during judging", () => {
    expect(canScoreEntry(member, judging(), submitted())).toEqual({ ok: true });
    expect(canScoreEntry(member, judging({ teamId: "t2" }), submitted("t1"))).toEqual({ ok: true });
  });
  it("refuses a judge who is on the entry's team", () => {
    expect(canScoreEntry(member, judging({ teamId: "t1" }), submitted("t1"))).toEqual({
      ok: false,
      status: 403,
      reason: "You cannot score an entry of your own team.",
    });
  });
  it("refuses non-judges, including the event's organizers and admins", () => {
    const reason = "Only this event's judges can score entries.";
    expect(canScoreEntry(member, judging({ isJudge: false }), submitted())).toEqual({ ok: false, status: 403, reason });
    expect(canScoreEntry(member, judging({ isJudge: false, isOrganizer: true }), submitted())).toEqual({ ok: false, status: 403, reason });
    expect(canScoreEntry(admin, judging({ isJudge: false }), submitted())).toEqual({ ok: false, status: 403, reason });
  });
  it("refuses draft entries", () => {
    expect(canScoreEntry(member, judging(), draft())).toMatchObject({ ok: false, reason: "Only submitted entries are scored." });
  });
  it("refuses outside judging: open and closed are 403, a draft event is 404", () => {
    const reason = "Scores can be given or changed only while the event is in judging.";
    expect(canScoreEntry(member, judging({ phase: "open" }), submitted())).toEqual({ ok: false, status: 403, reason });
    expect(canScoreEntry(member, judging({ phase: "closed" }), submitted())).toEqual({ ok: false, status: 403, reason });
    expect(canScoreEntry(member, judging({ phase: "draft" }), submitted())).toMatchObject({ ok: false, status: 404 });
  });
});

describe("canViewResults", () => {
  it("shows results to everyone once the event is closed", () => {
    expect(canViewResults(member, ev({ phase: "closed" })).ok).toBe(true);
    expect(canViewResults(member, ev({ phase: "closed", teamId: "t1" })).ok).toBe(true);
  });
  it("shows results to organizers and admins during judging", () => {
    expect(canViewResults(member, ev({ phase: "judging", isOrganizer: true })).ok).toBe(true);
    expect(canViewResults(admin, ev({ phase: "judging" })).ok).toBe(true);
  });
  it("hides results from members, teams and judges during judging", () => {
    const refused = { ok: false, status: 403, reason: "Results are published when the event closes." };
    expect(canViewResults(member, ev({ phase: "judging" }))).toEqual(refused);
    expect(canViewResults(member, ev({ phase: "judging", teamId: "t1" }))).toEqual(refused);
    expect(canViewResults(member, ev({ phase: "judging", isJudge: true }))).toEqual(refused);
  });
  it("hides results while open, even from organizers", () => {
    expect(canViewResults(member, ev({ phase: "open", isOrganizer: true })).ok).toBe(false);
    expect(canViewResults(admin, ev({ phase: "open" })).ok).toBe(false);
  });
  it("answers 404 for a draft to outsiders", () => {
    expect(canViewResults(member, ev({ phase: "draft" }))).toMatchObject({ ok: false, status: 404 });
  });
});

describe("canViewJudgeQueue", () => {
  it("is for the event's judges only", () => {
    expect(canViewJudgeQueue(member, ev({ phase: "judging", isJudge: true })).ok).toBe(true);
    expect(canViewJudgeQueue(member, ev({ phase: "judging", isOrganizer: true }))).toEqual({
      ok: false,
      status: 403,
      reason: "Only this event's judges have a judging queue.",
    });
    expect(canViewJudgeQueue(admin, ev({ phase: "judging" })).ok).toBe(false);
  });
});

describe("canChangeTeam and canLeadTeam", () => {
  const team = { id: "t1", leadId: "lead" };
  const lead: Actor = { id: "lead", role: "member" };

  it("let members change their team while submissions are open", () => {
    expect(canChangeTeam(member, ev({ teamId: "t1" }), "t1", before).ok).toBe(true);
    expect(canChangeTeam(member, ev({ teamId: "t2" }), "t1", before)).toMatchObject({ ok: false, reason: "Only the team's members can change the team." });
    expect(canChangeTeam(member, ev({ teamId: "t1" }), "t1", after).ok).toBe(false);
    expect(canChangeTeam(member, ev({ phase: "judging", teamId: "t1" }), "t1", before).ok).toBe(false);
  });
  it("keep lead-only actions for the lead", () => {
    expect(canLeadTeam(lead, ev({ teamId: "t1" }), team, before).ok).toBe(true);
    expect(canLeadTeam(member, ev({ teamId: "t1" }), team, before)).toEqual({ ok: false, status: 403, reason: "Only the team lead can do that." });
    expect(canLeadTeam(lead, ev({ teamId: "t1" }), team, after)).toMatchObject({
      ok: false,
      reason: "Submissions are closed: the submission deadline has passed.",
    });
  });
});
