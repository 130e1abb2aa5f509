import { describe, expect, it } from "vitest";
import { conflictMessage, differingFields, formVersion, noteVersionSent } from "./conflict";

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

describe("formVersion", () => {
  const entry = { id: "e1", version: 5 };

  it("is the version a save of this entry was sent with in the same request, when older than the entry's", () => {
    const context = {};
    noteVersionSent(context, "e1", "3");
    expect(formVersion(context, entry)).toBe(3);
  });

  it("is the entry's own version otherwise", () => {
    // Nothing sent in this request, or sent in another request.
    expect(formVersion({}, entry)).toBe(5);
    expect(formVersion(undefined, entry)).toBe(5);
    const other = {};
    noteVersionSent(other, "e1", "3");
    expect(formVersion({}, entry)).toBe(5);
    // Sent for another entry, or not older than the entry's.
    const elsewhere = {};
    noteVersionSent(elsewhere, "e2", "3");
    expect(formVersion(elsewhere, entry)).toBe(5);
    const newer = {};
    noteVersionSent(newer, "e1", "7");
    expect(formVersion(newer, entry)).toBe(5);
    const same = {};
    noteVersionSent(same, "e1", "5");
    expect(formVersion(same, entry)).toBe(5);
  });

  it("ignores a version that is not a whole number", () => {
    for (const sent of ["", "2.5", "-1", "3e0", " 3", "1234567890", null, ["3"]]) {
      const context = {};
      noteVersionSent(context, "e1", sent);
      expect(formVersion(context, entry)).toBe(5);
    }
  });
});
