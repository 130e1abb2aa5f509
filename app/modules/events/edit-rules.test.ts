import { describe, expect, it } from "vitest";
import { checkEventEdit, type EditedEvent } from "./edit-rules";

const now = new Date("2030-06-01T12:00:00Z");
const H = 3600_000;
const at = (hours: number) => new Date(now.getTime() + hours * H);
const before = (over: Partial<EditedEvent> = {}): EditedEvent => ({
  phase: "open",
  timezone: "UTC",
  startsAt: at(-24),
  submissionDeadline: at(24),
  judgingDeadline: at(72),
  peoplesChoiceEnabled: false,
  peoplesChoiceClosesAt: null,
  ...over,
});
const same = (b: EditedEvent) => ({
  startsAt: b.startsAt,
  submissionDeadline: b.submissionDeadline,
  judgingDeadline: b.judgingDeadline,
  timezone: b.timezone,
  maxTeamSize: 5,
});
const noTeams = { largestTeam: null };

describe("checkEventEdit", () => {
  it("refuses moving an open event's deadline into the past, which would close submissions without a word", () => {
    const b = before();
    expect(checkEventEdit(b, { ...same(b), submissionDeadline: at(-1) }, noTeams, now)).toMatchObject({
      field: "submissionDeadline",
      message: /^That time has passed/,
    });
    expect(checkEventEdit(b, { ...same(b), submissionDeadline: now }, noTeams, now)).toMatchObject({ field: "submissionDeadline" });
    expect(checkEventEdit(b, { ...same(b), submissionDeadline: at(1) }, noTeams, now)).toBeNull();
    // A deadline already past (judging not started yet) can be kept or moved about while other details change.
    const late = before({ submissionDeadline: at(-2) });
    expect(checkEventEdit(late, same(late), noTeams, now)).toBeNull();
    expect(checkEventEdit(late, { ...same(late), submissionDeadline: at(-3) }, noTeams, now)).toBeNull();
    // A draft takes no entries: its dates are free.
    const draft = before({ phase: "draft" });
    expect(checkEventEdit(draft, { ...same(draft), submissionDeadline: at(-1) }, noTeams, now)).toBeNull();
  });

  it("keeps a published event's dates in the past, unless they stay as they were", () => {
    const b = before({ phase: "closed", startsAt: at(-96), submissionDeadline: at(-72), judgingDeadline: at(-1) });
    expect(checkEventEdit(b, same(b), noTeams, now)).toBeNull();
    expect(checkEventEdit(b, { ...same(b), judgingDeadline: at(1) }, noTeams, now)).toEqual({
      field: "judgingDeadline",
      message: "Results are published, so the event has happened: its dates cannot be in the future",
    });
    expect(checkEventEdit(b, { ...same(b), startsAt: at(2) }, noTeams, now)).toMatchObject({ field: "startsAt" });
    expect(checkEventEdit(b, { ...same(b), judgingDeadline: at(-2) }, noTeams, now)).toBeNull();
  });

  it("refuses a deadline at or after the People's choice vote's close, which would end the vote before it opens", () => {
    const b = before({ peoplesChoiceEnabled: true, peoplesChoiceClosesAt: at(48) });
    expect(checkEventEdit(b, { ...same(b), submissionDeadline: at(48) }, noTeams, now)).toEqual({
      field: "submissionDeadline",
      message:
        "The People's choice vote opens at the submission deadline and closes Mon, 3 Jun 2030, 12:00 UTC: pick an earlier deadline, or move the vote's close first",
    });
    expect(checkEventEdit(b, { ...same(b), submissionDeadline: at(47) }, noTeams, now)).toBeNull();
    // A vote turned off keeps its time but holds nothing back.
    const off = { ...b, peoplesChoiceEnabled: false };
    expect(checkEventEdit(off, { ...same(off), submissionDeadline: at(50) }, noTeams, now)).toBeNull();
  });

  it("refuses a maximum team size below a team's members, naming the team", () => {
    const b = before();
    const facts = { largestTeam: { name: "Ramp Rockets", members: 3 } };
    expect(checkEventEdit(b, { ...same(b), maxTeamSize: 2 }, facts, now)).toEqual({
      field: "maxTeamSize",
      message: "Ramp Rockets has 3 members: the maximum cannot be below 3",
    });
    expect(checkEventEdit(b, { ...same(b), maxTeamSize: 3 }, facts, now)).toBeNull();
  });
});
