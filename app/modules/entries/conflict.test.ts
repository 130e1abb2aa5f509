import { describe, expect, it } from "vitest";
import { conflictMessage, differingFields } from "./conflict";

describe("differingFields", () => {
  it("names the fields whose saved value differs from the form's, by label, in the form's order", () => {
    const saved = { title: "Claims sorter", approach: "Rules", outcome: "working", tags: "claims", metricResult: "" };
    const typed = { title: "Claims sorter ", approach: "A small model", outcome: "partial", tags: "claims", metricResult: null, version: 3 };
    expect(differingFields(saved, typed)).toEqual(["Outcome", "Approach: models, tools and data used"]);
  });

  it("compares only the fields the form sent", () => {
    expect(differingFields({ title: "A", summary: "B" }, { title: "A" })).toEqual([]);
  });
});

describe("conflictMessage", () => {
  it("says where to look when the versions differ, and what to do in every case", () => {
    expect(conflictMessage(["Title", "Approach: models, tools and data used"])).toBe(
      "A teammate saved this entry after you opened it. The saved entry differs from your form in: Title; Approach: models, tools and data used. Your text is still in the form: copy what you need, reload to see their version, and save again.",
    );
    expect(conflictMessage([])).toBe(
      "A teammate saved this entry after you opened it. Your text is still in the form: copy what you need, reload to see their version, and save again.",
    );
  });
});
