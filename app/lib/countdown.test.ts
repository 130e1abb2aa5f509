import { describe, expect, it } from "vitest";
import { countdownText } from "./countdown";

describe("countdownText", () => {
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  const d = 24 * h;
  it("says the two largest units left", () => {
    expect(countdownText(2 * d + 3 * h + 59 * m)).toBe("2 days 3 hours");
    expect(countdownText(d)).toBe("1 day 0 hours");
    expect(countdownText(d - 1)).toBe("23 hours 59 minutes");
    expect(countdownText(h + m)).toBe("1 hour 1 minute");
    expect(countdownText(12 * m + 5 * s)).toBe("12 minutes 5 seconds");
    expect(countdownText(m + 999)).toBe("1 minute 0 seconds");
    expect(countdownText(59 * s + 999)).toBe("59 seconds");
    expect(countdownText(s)).toBe("1 second");
  });
  it("never goes below zero", () => {
    expect(countdownText(0)).toBe("0 seconds");
    expect(countdownText(-5 * m)).toBe("0 seconds");
  });
});
