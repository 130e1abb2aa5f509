// Finding a team (ADR 032): who reads the page, who posts and asks, who answers and withdraws.
import { describe, expect, it } from "vitest";
import { canAskToJoin, canRecruit, canSeekTeam, canViewTeamFinder, canWithdrawJoinRequest, type EventAccess } from "./permissions";

const now = new Date("2026-12-02T10:00:00Z");
const ev: EventAccess = { phase: "open", submissionDeadline: new Date("2026-12-05T10:00:00Z"), isOrganizer: false, isJudge: false, teamId: null };
const person = { id: "p1", role: "member" as const, emailVerified: true };
const lead = { id: "lead", role: "member" as const, emailVerified: true };
const team = { id: "t1", leadId: "lead" };

describe("the Find a team page", () => {
  it("is open to anyone who sees the event while it is open", () => {
    expect(canViewTeamFinder(person, ev)).toEqual({ ok: true });
    expect(canViewTeamFinder(person, { ...ev, phase: "judging" })).toEqual({
      ok: false,
      status: 403,
      reason: "Finding a team is open only while the event is open.",
    });
    expect(canViewTeamFinder(person, { ...ev, phase: "draft" })).toMatchObject({ ok: false, status: 404 });
  });
});

describe("posting and asking", () => {
  it("needs a confirmed address, no team in the event, and an event before its deadline", () => {
    expect(canSeekTeam(person, ev, now)).toEqual({ ok: true });
    expect(canSeekTeam({ ...person, emailVerified: false }, ev, now)).toMatchObject({ ok: false, reason: expect.stringContaining("Confirm your email") });
    expect(canSeekTeam(person, { ...ev, teamId: "t9" }, now)).toMatchObject({ ok: false, reason: expect.stringContaining("already in a team") });
    expect(canSeekTeam(person, { ...ev, isJudge: true }, now)).toMatchObject({ ok: false, reason: expect.stringContaining("You judge this event") });
    expect(canSeekTeam(person, ev, new Date("2026-12-06T10:00:00Z"))).toMatchObject({ ok: false, reason: expect.stringContaining("deadline") });
  });

  it("asks only teams that are looking for members", () => {
    expect(canAskToJoin(person, ev, { lookingForMembers: true }, now)).toEqual({ ok: true });
    expect(canAskToJoin(person, ev, { lookingForMembers: false }, now)).toEqual({ ok: false, status: 403, reason: "This team is not looking for members." });
  });
});

describe("answering and withdrawing", () => {
  it("answers are the lead's, while the event is open", () => {
    expect(canRecruit(lead, { ...ev, teamId: "t1" }, team, now)).toEqual({ ok: true });
    expect(canRecruit(person, { ...ev, teamId: "t1" }, team, now)).toEqual({ ok: false, status: 403, reason: "Only the team lead can do that." });
    expect(canRecruit(person, ev, team, now)).toMatchObject({ ok: false, status: 403 });
    expect(canRecruit(lead, { ...ev, teamId: "t1", phase: "judging" }, team, now)).toMatchObject({ ok: false });
  });

  it("withdrawing is the asker's own", () => {
    expect(canWithdrawJoinRequest(person, ev, { userId: "p1" })).toEqual({ ok: true });
    expect(canWithdrawJoinRequest(lead, ev, { userId: "p1" })).toEqual({
      ok: false,
      status: 403,
      reason: "Only the person who asked can withdraw the request.",
    });
  });
});
