// Who records what became of an entry (ADR 030): its team and its problem's owner, for a submitted entry, once closed.
import { describe, expect, it } from "vitest";
import { eventPhases } from "#db/enums";
import { canRecordFollowUp, type Actor, type EntryRef, type EventAccess } from "./permissions";

const member: Actor = { id: "m", role: "member" };
const admin: Actor = { id: "a", role: "admin" };
const ev = (over: Partial<EventAccess> = {}): EventAccess => ({
  phase: "closed",
  submissionDeadline: new Date("2026-06-01T12:00:00Z"),
  isOrganizer: false,
  isJudge: false,
  teamId: null,
  ...over,
});
const entry: EntryRef = { teamId: "t1", status: "submitted" };
const notOwner = { problemOwner: false };

describe("canRecordFollowUp", () => {
  it("lets the entry's team record once the event is closed", () => {
    expect(canRecordFollowUp(member, ev({ teamId: "t1" }), entry, notOwner)).toEqual({ ok: true });
  });

  it("lets the problem's owner record, though not in the team", () => {
    expect(canRecordFollowUp(member, ev(), entry, { problemOwner: true })).toEqual({ ok: true });
  });

  it("refuses another team, a judge, the organizers and admins", () => {
    for (const [actor, access] of [
      [member, ev({ teamId: "t2" })],
      [member, ev({ isJudge: true })],
      [member, ev({ isOrganizer: true })],
      [admin, ev()],
    ] as const) {
      const decision = canRecordFollowUp(actor, access, entry, notOwner);
      expect(decision).toMatchObject({ ok: false, status: 403 });
      expect(!decision.ok && decision.reason).toContain("Only the entry's team");
    }
  });

  it("refuses in every phase but closed, saying why", () => {
    for (const phase of eventPhases.filter((p) => p !== "closed" && p !== "draft")) {
      const decision = canRecordFollowUp(member, ev({ phase, teamId: "t1" }), entry, notOwner);
      expect(decision).toMatchObject({ ok: false, status: 403 });
      expect(!decision.ok && decision.reason).toContain("once the event is closed");
    }
    // A draft is not even confirmed to exist.
    expect(canRecordFollowUp(member, ev({ phase: "draft", teamId: "t1" }), entry, notOwner)).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses a draft entry", () => {
    expect(canRecordFollowUp(member, ev({ teamId: "t1" }), { ...entry, status: "draft" }, notOwner)).toMatchObject({ ok: false });
  });
});
