import { describe, expect, it } from "vitest";
import type { VoteWindow } from "~/modules/peoples-choice/rules";
import { canManagePeoplesChoice, canSeeVoteCounts, canVote, type EventAccess } from "./permissions";

const member = { id: "m", role: "member" as const };
const unconfirmed = { id: "u", role: "member" as const, emailVerified: false };
const admin = { id: "a", role: "admin" as const };
const ev = (over: Partial<EventAccess> = {}): EventAccess => ({
  phase: "judging",
  submissionDeadline: new Date(0),
  isOrganizer: false,
  isJudge: false,
  teamId: null,
  ...over,
});
const times = { opensAt: new Date(0), closesAt: new Date(1) };
const open: VoteWindow = { state: "open", ...times };
const theirs = { teamId: "their-team", status: "submitted" as const };

describe("canVote", () => {
  it("lets anyone signed in who sees the event vote for another team's submitted entry while the vote is open", () => {
    expect(canVote(member, ev(), theirs, open)).toEqual({ ok: true });
    expect(canVote(member, ev({ teamId: "my-team" }), theirs, open)).toEqual({ ok: true });
    expect(canVote(member, ev({ isJudge: true }), theirs, open)).toEqual({ ok: true });
    expect(canVote(admin, ev({ isOrganizer: true }), theirs, open)).toEqual({ ok: true });
  });

  it("never for one's own team", () => {
    expect(canVote(member, ev({ teamId: "their-team" }), theirs, open)).toEqual({
      ok: false,
      status: 403,
      reason: "You cannot vote for your own team's entry.",
    });
  });

  it("only while the vote is open", () => {
    expect(canVote(member, ev(), theirs, { state: "off" })).toMatchObject({ ok: false, reason: "This event has no people's choice vote." });
    expect(canVote(member, ev(), theirs, { state: "not-yet", ...times })).toMatchObject({
      ok: false,
      reason: "The people's choice vote opens at the submission deadline.",
    });
    expect(canVote(member, ev(), theirs, { state: "closed", ...times })).toMatchObject({ ok: false, reason: "The people's choice vote is closed." });
  });

  it("only for submitted entries, only with a confirmed address, and never in a draft someone cannot see", () => {
    expect(canVote(member, ev(), { teamId: "their-team", status: "draft" }, open)).toMatchObject({
      ok: false,
      reason: "Only submitted entries take part in the people's choice vote.",
    });
    expect(canVote(unconfirmed, ev(), theirs, open)).toMatchObject({ ok: false, status: 403, reason: expect.stringContaining("Confirm your email") });
    expect(canVote(member, ev({ phase: "draft" }), theirs, open)).toMatchObject({ ok: false, status: 404 });
  });
});

describe("canManagePeoplesChoice", () => {
  it("is for organizers and admins until results are published", () => {
    expect(canManagePeoplesChoice(member, ev({ isOrganizer: true, phase: "open" })).ok).toBe(true);
    expect(canManagePeoplesChoice(admin, ev()).ok).toBe(true);
    expect(canManagePeoplesChoice(member, ev({ teamId: "t" }))).toMatchObject({ ok: false, status: 403 });
    expect(canManagePeoplesChoice(member, ev({ isOrganizer: true, phase: "closed" }))).toEqual({
      ok: false,
      status: 403,
      reason: "Results are published: reopen the event for judging (with a reason) to change its people's choice vote.",
    });
  });
});

describe("canSeeVoteCounts", () => {
  it("hides counts from everyone, organizers and admins included, until results are published", () => {
    for (const phase of ["open", "judging"] as const) {
      expect(canSeeVoteCounts(member, ev({ phase, isOrganizer: true })).ok).toBe(false);
      expect(canSeeVoteCounts(admin, ev({ phase })).ok).toBe(false);
    }
    expect(canSeeVoteCounts(member, ev({ phase: "closed" })).ok).toBe(true);
    expect(canSeeVoteCounts(member, ev({ phase: "draft" }))).toMatchObject({ ok: false, status: 404 });
  });

  it("keeps counts a publishing showed visible to the organizers after a reopen, and to nobody else", () => {
    expect(canSeeVoteCounts(member, ev({ phase: "judging", isOrganizer: true }), true).ok).toBe(true);
    expect(canSeeVoteCounts(admin, ev({ phase: "judging" }), true).ok).toBe(true);
    expect(canSeeVoteCounts(member, ev({ phase: "judging" }), true)).toMatchObject({ ok: false, status: 403 });
    expect(canSeeVoteCounts(member, ev({ phase: "judging", isJudge: true }), true)).toMatchObject({ ok: false, status: 403 });
    expect(canSeeVoteCounts(member, ev({ phase: "draft" }), true)).toMatchObject({ ok: false, status: 404 });
  });
});
