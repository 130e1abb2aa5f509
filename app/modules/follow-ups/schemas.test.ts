import { describe, expect, it } from "vitest";
import { followUpAsText, followUpSchema } from "./schemas";

const answer = (metricValue?: string) => followUpSchema.safeParse({ status: "piloted", why: "Two teams try it.", metricValue });

describe("followUpSchema's metric value", () => {
  it("takes a number as people write it, or nothing", () => {
    for (const value of ["41", " 41 ", "-5", "+2", "150", "3.5", "1,200", "12,345,678.25", "0", "", undefined])
      expect(answer(value).success, String(value)).toBe(true);
    expect(answer(" 1,200 ").data?.metricValue).toBe("1,200");
    expect(answer(undefined).data?.metricValue).toBe("");
  });

  it("reads a decimal comma as a decimal point, but never a thousands separator", () => {
    expect(answer("86,5").data?.metricValue).toBe("86.5");
    expect(answer("-0,25").data?.metricValue).toBe("-0.25");
    expect(answer("12,34").data?.metricValue).toBe("12.34");
    expect(answer("1,200").data?.metricValue).toBe("1,200");
  });

  it("refuses words, units and other notations beside the field, since the unit is printed after the value", () => {
    for (const value of ["abc", "86 percent", "86 %", "1e3", "12,3456", "1,2,3", "1.", ".5", "4 1", "--3"]) {
      const parsed = answer(value);
      expect(parsed.success, value).toBe(false);
      expect(
        parsed.error?.issues.map((i) => [i.path.join("."), i.message]),
        value,
      ).toEqual([["metricValue", "Give the value as a number, like 41, 1,200, 3.5 or 3,5"]]);
    }
  });
});

describe("followUpAsText", () => {
  it("gives what happened by its label, why and the value, as typed", () => {
    expect(followUpAsText({ status: "piloted", why: " Two teams use it. ", metricValue: "41,5" })).toEqual([
      "What happened: Piloted",
      "Why: “Two teams use it.”",
      "The AI metric now: 41,5",
    ]);
  });
  it("leaves out what was not given, and a status that is not one", () => {
    expect(followUpAsText({ status: "toString", why: "", metricValue: " " })).toEqual([]);
    expect(followUpAsText({ why: "Nobody had time." })).toEqual(["Why: “Nobody had time.”"]);
  });
});
