import { describe, expect, it } from "vitest";
import type { EventAccess } from "~/modules/auth/permissions";
import { blindJudging } from "./blind.server";

const judge = { id: "j", role: "member" as const };
const access = (over: Partial<EventAccess> = {}): EventAccess => ({
  phase: "judging",
  submissionDeadline: new Date(0),
  isOrganizer: false,
  isJudge: true,
  teamId: null,
  ...over,
});
const rows = [
  { teamId: "t1", teamName: "Alpha", members: ["Ann"] },
  { teamId: "t2", teamName: "Beta", members: ["Bo"] },
];

describe("blindJudging", () => {
  it("hides names, members and team ids from a judge of a blind event, except the judge's own team", () => {
    const blind = blindJudging(judge, access({ teamId: "t2" }), { blindJudging: true });
    expect(blind.active).toBe(true);
    expect(blind.rows(rows)).toEqual([
      { teamId: "", teamName: null, members: [] },
      { teamId: "t2", teamName: "Beta", members: ["Bo"] },
    ]);
  });

  it("hides nothing when the event is not blind, once results are published, or from organizers, admins and non-judges", () => {
    const cases = [
      blindJudging(judge, access(), { blindJudging: false }),
      blindJudging(judge, access({ phase: "closed" }), { blindJudging: true }),
      blindJudging(judge, access({ isOrganizer: true }), { blindJudging: true }),
      blindJudging({ id: "a", role: "admin" }, access(), { blindJudging: true }),
      blindJudging(judge, access({ isJudge: false }), { blindJudging: true }),
    ];
    for (const blind of cases) {
      expect(blind.rows(rows)).toEqual(rows);
      expect(blind.active).toBe(false);
    }
  });
});
