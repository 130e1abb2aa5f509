import { describe, expect, it } from "vitest";
import { eventRoles, roleLink } from "./roles";

const none = { isOrganizer: false, isJudge: false, team: null };
const team = (leadId: string) => ({ id: "t1", name: "Blue", leadId });

describe("eventRoles", () => {
  it("names each role, most responsibility first", () => {
    expect(eventRoles("u", { ...none, isOrganizer: true, isJudge: true }).map((r) => r.label)).toEqual(["Organizer", "Judge"]);
    expect(eventRoles("u", none)).toEqual([]);
  });

  it("tells the team lead from a team member by who leads the team", () => {
    expect(eventRoles("u", { ...none, team: team("u") })).toEqual([{ kind: "team-lead", label: "Team lead of Blue" }]);
    expect(eventRoles("u", { ...none, team: team("other") })).toEqual([{ kind: "team-member", label: "Team member of Blue" }]);
  });
});

describe("roleLink", () => {
  it("points each role at where its work is done; a judge's queue only while judging", () => {
    expect(roleLink("hack", "open", { kind: "organizer", label: "Organizer" }, null)).toEqual({ to: "/events/hack/manage", label: "Manage" });
    expect(roleLink("hack", "judging", { kind: "judge", label: "Judge" }, null)).toEqual({ to: "/events/hack/judging", label: "Judging queue" });
    expect(roleLink("hack", "closed", { kind: "judge", label: "Judge" }, null)).toBeNull();
    expect(roleLink("hack", "open", { kind: "team-member", label: "Team member of Blue" }, "t1")).toEqual({ to: "/events/hack/teams/t1", label: "Your team" });
  });
});
