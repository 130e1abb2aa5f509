import { describe, expect, it } from "vitest";
import { fieldLabel, notSavedMessage } from "./autosave.server";

describe("notSavedMessage", () => {
  it("names the fields to fix, the first three and how many more", () => {
    expect(notSavedMessage(false, [])).toBe("Your changes are not saved: fix the fields whose messages are next to them, then save again.");
    expect(notSavedMessage(false, ["Demo link"])).toBe("Your changes are not saved: fix “Demo link” (its message is next to it), then save again.");
    expect(notSavedMessage(true, ["Title", "Next steps"])).toBe(
      "Not submitted, and your changes are not saved: fix “Title” and “Next steps” (each message is next to its field), then submit again.",
    );
    expect(notSavedMessage(false, ["A", "B", "C"])).toBe(
      "Your changes are not saved: fix “A”, “B” and “C” (each message is next to its field), then save again.",
    );
    expect(notSavedMessage(false, ["A", "B", "C", "D", "E"])).toBe(
      "Your changes are not saved: fix “A”, “B”, “C” and 2 more (each message is next to its field), then save again.",
    );
  });
});

describe("fieldLabel", () => {
  it("names an entry field by its label and a question by its own", () => {
    const questions = [{ id: "q1", label: "Track", kind: "short-text" as const, required: false, options: [] }];
    expect(fieldLabel("demoUrl", questions)).toBe("Demo link");
    expect(fieldLabel("answers.q1", questions)).toBe("Track");
    expect(fieldLabel("answers.q2", questions)).toBeUndefined();
  });
});
