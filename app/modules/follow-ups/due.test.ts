import { describe, expect, it } from "vitest";
import { askWindow, checkpointWords, dueFollowUp, followUpCheckpoints, STALE_AFTER } from "./due";

const DAY = 86_400_000;
const closedAt = new Date("2026-10-01T09:00:00Z");
const at = (days: number) => new Date(closedAt.getTime() + days * DAY);
const key = (days: number) => dueFollowUp(closedAt, at(days))?.key ?? null;

describe("dueFollowUp", () => {
  it("has nothing due before 30 days", () => {
    expect(key(0)).toBeNull();
    expect(key(-5)).toBeNull();
    expect(dueFollowUp(closedAt, new Date(at(30).getTime() - 1))).toBeNull();
  });

  it("makes the 30-day ask due at exactly 30 days, and while it is not stale", () => {
    expect(key(30)).toBe("30d");
    expect(key(45)).toBe("30d");
    expect(dueFollowUp(closedAt, new Date(at(60).getTime() - 1))?.key).toBe("30d");
  });

  it("sends nothing stale: a 30-day ask missed for a month is skipped", () => {
    expect(STALE_AFTER).toBe(30 * DAY);
    expect(key(60)).toBeNull();
    expect(key(89)).toBeNull();
  });

  it("makes the 90-day ask due at 90 days, until it is stale", () => {
    expect(key(90)).toBe("90d");
    expect(key(119)).toBe("90d");
    expect(key(120)).toBeNull();
    expect(key(400)).toBeNull();
  });

  it("does not ask for the 30-day follow-up once the 90-day one is due (back after downtime from day 29 to day 95)", () => {
    expect(key(29)).toBeNull();
    expect(key(95)).toBe("90d");
    expect(dueFollowUp(closedAt, at(95), [...followUpCheckpoints].reverse())?.key).toBe("90d");
  });

  it("has nothing due without checkpoints", () => {
    expect(dueFollowUp(closedAt, at(30), [])).toBeNull();
  });
});

describe("askWindow", () => {
  it("reads events closed between 120 and 30 days ago: every event with an ask that can be due", () => {
    const now = at(100);
    expect(askWindow(now)).toEqual({ closedFrom: new Date(now.getTime() - 120 * DAY), closedUntil: new Date(now.getTime() - 30 * DAY) });
  });
});

describe("checkpointWords", () => {
  it("says the checkpoint in days", () => {
    expect(followUpCheckpoints.map(checkpointWords)).toEqual(["30 days", "90 days"]);
  });
});
