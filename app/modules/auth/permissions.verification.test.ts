// The confirmed-address rules of the one policy (ADR 028): pure decisions with their reasons.
import { describe, expect, it } from "vitest";
import { canBeAddedToRoster, canJoinTeam, canTakePart, type EventAccess } from "./permissions";

const before = new Date("2026-12-01T10:00:00Z");
const ev: EventAccess = { phase: "open", submissionDeadline: new Date("2026-12-03T10:00:00Z"), isOrganizer: false, isJudge: false, teamId: null };
const unconfirmed = { id: "u1", role: "member" as const, emailVerified: false };
const confirmed = { ...unconfirmed, emailVerified: true };
const reason = "Confirm your email address first: open the link we mailed you, or send it again from the banner at the top of the page.";

describe("a confirmed address", () => {
  it("is needed to join or create a team, and to take part as a judge through an invite", () => {
    expect(canTakePart(unconfirmed)).toEqual({ ok: false, status: 403, reason });
    expect(canTakePart(confirmed)).toEqual({ ok: true });
    expect(canJoinTeam(unconfirmed, ev, before)).toEqual({ ok: false, status: 403, reason });
    expect(canJoinTeam(confirmed, ev, before)).toEqual({ ok: true });
  });

  it("does not hide the other reasons: a draft stays a 404, closed submissions say so first", () => {
    expect(canJoinTeam(unconfirmed, { ...ev, phase: "draft" }, before)).toMatchObject({ ok: false, status: 404 });
    expect(canJoinTeam(unconfirmed, ev, new Date("2026-12-04T10:00:00Z"))).toMatchObject({
      reason: "Submissions are closed: the submission deadline has passed.",
    });
  });

  it("is needed to be added as judge or co-organizer, and the refusal names the person", () => {
    expect(canBeAddedToRoster({ name: "Jo", emailVerified: true })).toEqual({ ok: true });
    expect(canBeAddedToRoster({ name: "Jo", emailVerified: false })).toEqual({
      ok: false,
      status: 403,
      reason: "Jo has not confirmed their email address yet, so they cannot be added. Ask them to open the link in their sign-up email.",
    });
  });
});
