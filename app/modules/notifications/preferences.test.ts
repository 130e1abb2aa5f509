import { describe, expect, it } from "vitest";
import { optionalKinds, type NotificationKind } from "./kinds";
import { preferencesToWrite, shownPreferences } from "./preferences";

const all = new Set<NotificationKind>(optionalKinds);
const without = (...kinds: NotificationKind[]) => new Set(optionalKinds.filter((k) => !kinds.includes(k)));

describe("shownPreferences", () => {
  it("lists every optional kind with whether its box was ticked; a kind never chosen is ticked", () => {
    const shown = shownPreferences({ announcement: false, "judge-added": true });
    expect(shown.split(" ")).toHaveLength(optionalKinds.length);
    expect(shown).toContain("announcement:0");
    expect(shown).toContain("judge-added:1");
    expect(shown).toContain("team-joined:1");
  });
});

describe("preferencesToWrite", () => {
  it("writes only the kinds ticked or unticked since the form showed them", () => {
    const shown = shownPreferences({ announcement: false });
    expect(preferencesToWrite(without("announcement"), shown)).toEqual([]);
    expect(preferencesToWrite(without("announcement", "team-joined"), shown)).toEqual(["team-joined"]);
    expect(preferencesToWrite(all, shown)).toEqual(["announcement"]);
  });

  it("leaves a kind the form did not show as stored", () => {
    const shown = shownPreferences({}).replace(/ ?team-joined:1/, "");
    expect(preferencesToWrite(without("team-joined"), shown)).toEqual([]);
  });

  it("writes every kind for a form that sent nothing readable (a page of an earlier version)", () => {
    expect(preferencesToWrite(all, undefined)).toEqual(optionalKinds);
    expect(preferencesToWrite(all, "nonsense")).toEqual(optionalKinds);
    expect(preferencesToWrite(all, "announcement:yes")).toEqual(optionalKinds);
  });
});
