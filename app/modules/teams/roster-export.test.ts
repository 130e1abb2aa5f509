import { describe, expect, it } from "vitest";
import { rosterRows, submissionState } from "./roster-export";

describe("teams CSV rows", () => {
  it("calls an untitled draft 'no entry', a titled one 'draft'", () => {
    expect(submissionState(null)).toBe("no entry");
    expect(submissionState({ status: "draft", title: "  " })).toBe("no entry");
    expect(submissionState({ status: "draft", title: "Half done" })).toBe("draft");
    expect(submissionState({ status: "submitted", title: "Done" })).toBe("submitted");
  });

  it("puts the lead first among the members", () => {
    const [row] = rosterRows([
      {
        name: "Blue",
        problemTitle: "Slow close",
        leadId: "l",
        entry: null,
        members: [
          { id: "m", name: "Mia", email: "mia@example.com" },
          { id: "l", name: "Lea", email: "lea@example.com" },
        ],
      },
    ]);
    expect(row).toEqual(["Blue", "Slow close", "no entry", "", "Lea", "lea@example.com", "Lea; Mia", "lea@example.com; mia@example.com"]);
  });
});
