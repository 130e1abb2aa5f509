import { describe, expect, it } from "vitest";
import { problemAsText } from "./fields";

describe("problemAsText", () => {
  it("names each field given, in the form's order, without the word optional, and leaves out blanks", () => {
    expect(problemAsText({ ownerName: " Dana ", title: "Refunds are slow", summary: "  ", metricUnit: "%", stray: "x" })).toEqual([
      "Title: Refunds are slow",
      "Unit: %",
      "Owner's name: Dana",
    ]);
  });
  it("is empty for an empty form", () => {
    expect(problemAsText({})).toEqual([]);
  });
});
