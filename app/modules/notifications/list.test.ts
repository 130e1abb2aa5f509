import { describe, expect, it } from "vitest";
import { noticeLine, safeNoticePath, unreadWords } from "./list";

describe("safeNoticePath", () => {
  it("keeps a path inside the app", () => {
    expect(safeNoticePath("/events/winter/teams/abc")).toBe("/events/winter/teams/abc");
    expect(safeNoticePath("/events/winter?tab=judges#scores")).toBe("/events/winter?tab=judges#scores");
  });

  it("sends anything that could leave the site back to the list", () => {
    for (const bad of ["//evil.example/x", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "", "events/winter", "/a b"]) {
      expect(safeNoticePath(bad)).toBe("/notifications");
    }
  });
});

describe("noticeLine", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  it("says how long ago, the exact time in UTC, and whether it is unread", () => {
    const line = noticeLine({ id: "n1", title: "T", body: "B", createdAt: new Date("2026-12-02T09:00:00Z"), readAt: null }, now);
    expect(line).toMatchObject({ id: "n1", unread: true, ago: "3 hours ago", at: "2026-12-02T09:00:00.000Z" });
    expect(line.exact).toContain("09:00");
    expect(noticeLine({ id: "n2", title: "T", body: "B", createdAt: now, readAt: now }, now).unread).toBe(false);
  });

  it("gives the exact time in the notice's event's time zone, as the event's pages do", () => {
    const line = noticeLine({ id: "n3", title: "T", body: "B", createdAt: new Date("2026-12-05T01:37:00Z"), readAt: null, timezone: "Europe/Berlin" }, now);
    expect(line.exact).toContain("02:37");
    expect(line.exact).toContain("CET");
  });
});

describe("unreadWords", () => {
  it("names a count, and nothing for none", () => {
    expect(unreadWords(3)).toBe("3 unread");
    expect(unreadWords(0)).toBe("");
  });
});
