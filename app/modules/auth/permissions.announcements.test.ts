import { describe, expect, it } from "vitest";
import { canManageAnnouncements, readableAudiences, type EventAccess } from "./permissions";

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
const none = { teamSubmitted: false, teamWon: false, seeking: false };

describe("canManageAnnouncements", () => {
  it("is for the event's organizers and admins; a draft stays hidden (404) from everyone else", () => {
    expect(canManageAnnouncements(member, ev({ isOrganizer: true })).ok).toBe(true);
    expect(canManageAnnouncements(admin, ev()).ok).toBe(true);
    expect(canManageAnnouncements(member, ev({ teamId: "t", isJudge: true }))).toEqual({
      ok: false,
      status: 403,
      reason: "Only this event's organizers can write announcements.",
    });
    expect(canManageAnnouncements(member, ev({ phase: "draft" }))).toMatchObject({ ok: false, status: 404 });
  });
});

describe("readableAudiences", () => {
  it("gives organizers and admins every audience", () => {
    expect(readableAudiences(member, ev({ isOrganizer: true }), none)).toEqual(["everyone", "teams", "submitters", "judges", "winners"]);
    expect(readableAudiences(admin, ev(), none)).toHaveLength(5);
  });

  it("gives someone who has not joined the event nothing", () => {
    expect(readableAudiences(member, ev(), none)).toEqual([]);
  });

  it("gives a judge everyone and judges", () => {
    expect(readableAudiences(member, ev({ isJudge: true }), none)).toEqual(["everyone", "judges"]);
  });

  it("gives someone looking for a team everyone, and nothing that needs a team", () => {
    expect(readableAudiences(member, ev(), { ...none, seeking: true })).toEqual(["everyone"]);
  });

  it("gives a team member everyone and teams; submitters once their entry is in", () => {
    expect(readableAudiences(member, ev({ teamId: "t" }), none)).toEqual(["everyone", "teams"]);
    expect(readableAudiences(member, ev({ teamId: "t" }), { ...none, teamSubmitted: true })).toEqual(["everyone", "teams", "submitters"]);
  });

  it("gives a winning team winners only once results are published", () => {
    const won = { teamSubmitted: true, teamWon: true, seeking: false };
    expect(readableAudiences(member, ev({ teamId: "t", phase: "judging" }), won)).not.toContain("winners");
    expect(readableAudiences(member, ev({ teamId: "t", phase: "closed" }), won)).toContain("winners");
    expect(readableAudiences(member, ev({ phase: "closed" }), won)).toEqual([]);
  });

  it("gives nobody but organizers anything of a draft", () => {
    expect(readableAudiences(member, ev({ phase: "draft", teamId: "t", isJudge: true }), none)).toEqual([]);
  });
});
