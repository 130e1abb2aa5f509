// Each phase has its own wording; a past event shows when it ran as a range.
import { describe, expect, it } from "vitest";
import { canJoinTeam } from "~/modules/auth/permissions";
import { eventDates, eventWhen, phaseOrder, phaseWords } from "./phases";

const times = {
  startsAt: new Date("2026-11-03T09:00:00Z"),
  submissionDeadline: new Date("2026-11-05T17:00:00Z"),
  judgingDeadline: new Date("2026-11-17T17:00:00Z"),
  timezone: "Europe/Berlin",
};
const access = (phase: (typeof phaseOrder)[number]) => ({
  phase,
  submissionDeadline: times.submissionDeadline,
  isOrganizer: false,
  isJudge: false,
  teamId: null,
});
const member = { id: "u1", role: "member" as const };

describe("phase wording", () => {
  it("says why submissions are closed in the words of each phase", () => {
    const before = new Date("2026-11-04T09:00:00Z");
    expect(canJoinTeam(member, { ...access("draft"), isOrganizer: true }, before)).toMatchObject({ ok: false, reason: "This event is not open yet." });
    expect(canJoinTeam(member, access("open"), before)).toMatchObject({ ok: true });
    expect(canJoinTeam(member, access("judging"), before)).toMatchObject({ ok: false, reason: "Submissions are closed: the event has moved to judging." });
    expect(canJoinTeam(member, access("closed"), before)).toMatchObject({
      ok: false,
      reason: "Submissions are closed: the event is over and its results are published.",
    });
  });

  it("says when an event happens for its phase, and when a past one ran as a date range", () => {
    expect(eventWhen({ ...times, phase: "draft" })).toBe("Starts Tue, 3 Nov 2026, 10:00 CET");
    expect(eventWhen({ ...times, phase: "open" })).toBe("Submissions close Thu, 5 Nov 2026, 18:00 CET");
    expect(eventWhen({ ...times, phase: "judging" })).toBe("Judging ends Tue, 17 Nov 2026, 18:00 CET");
    expect(eventWhen({ ...times, phase: "closed" })).toBe("Ran 3 – 17 Nov 2026");
    expect(eventWhen({ ...times, phase: "closed", judgingDeadline: new Date("2026-12-02T10:00:00Z") })).toBe("Ran 3 Nov – 2 Dec 2026");
    // Published before the judging deadline: it ran until it was published; published after it, until the deadline.
    expect(eventWhen({ ...times, phase: "closed", closedAt: new Date("2026-11-05T20:00:00Z") })).toBe("Ran 3 – 5 Nov 2026");
    expect(eventWhen({ ...times, phase: "closed", closedAt: new Date("2026-11-30T20:00:00Z") })).toBe("Ran 3 – 17 Nov 2026");
    expect(eventWhen({ ...times, phase: "closed", closedAt: null })).toBe("Ran 3 – 17 Nov 2026");
    expect(eventDates({ ...times, phase: "closed", closedAt: "2026-11-05T20:00:00Z" }, new Date("2026-11-20T09:00:00Z")).ran).toBe("3 – 5 Nov 2026");
  });

  it("gives the event page its dates as words: the range once closed, the deadline with how far off it is, and the countdown", () => {
    const now = new Date("2026-11-04T09:00:00Z");
    expect(eventDates({ ...times, phase: "open" }, now)).toEqual({
      ran: null,
      moments: {
        starts: "Tue, 3 Nov 2026, 10:00 CET",
        submission: "Thu, 5 Nov 2026, 18:00 CET (in 1 day and 8 hours)",
        judging: "Tue, 17 Nov 2026, 18:00 CET",
      },
      next: { label: "Submissions close", at: "2026-11-05T17:00:00.000Z" },
    });
    expect(eventDates({ ...times, phase: "judging" }, new Date("2026-11-06T09:00:00Z")).moments?.submission).toBe("Thu, 5 Nov 2026, 18:00 CET (16 hours ago)");
    expect(eventDates({ ...times, phase: "closed" }, new Date("2026-11-20T09:00:00Z"))).toEqual({ ran: "3 – 17 Nov 2026", moments: null, next: null });
  });

  it("keeps every phase's words in one table, in phase order", () => {
    expect(phaseOrder.map((p) => phaseWords[p].badge).join(" → ")).toBe("Draft → Open → Judging → Results published");
    expect(phaseOrder.map((p) => phaseWords[p].section)).toEqual(["Your drafts", "Open for entries", "In judging", "Past events"]);
  });
});
