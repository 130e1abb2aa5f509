import { describe, expect, it } from "vitest";
import { possessive } from "./possessive";

describe("possessive", () => {
  it("adds 's, or only the apostrophe to a name ending in s", () => {
    expect(possessive("Team Alpha")).toBe("Team Alpha's");
    expect(possessive("Ramp Rockets")).toBe("Ramp Rockets'");
    expect(possessive("QUEUE WHISPERERS")).toBe("QUEUE WHISPERERS'");
    expect(possessive("Priya")).toBe("Priya's");
  });
});
