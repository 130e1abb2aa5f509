import { describe, expect, it } from "vitest";
import { cssPercent } from "./css-percent";

describe("cssPercent", () => {
  it("is the share to a tenth of a percent", () => {
    expect(cssPercent(1)).toBe("100%");
    expect(cssPercent(0.5)).toBe("50%");
    expect(cssPercent(1 / 3)).toBe("33.3%");
    expect(cssPercent(2 / 3)).toBe("66.7%");
    expect(cssPercent(4.2 / 5)).toBe("84%");
    expect(cssPercent(0.0004)).toBe("0%");
    expect(cssPercent(0.0005)).toBe("0.1%");
  });

  it("is kept within 0–100%, and 0% for a share of nothing", () => {
    expect(cssPercent(0)).toBe("0%");
    expect(cssPercent(-0.2)).toBe("0%");
    expect(cssPercent(1.4)).toBe("100%");
    expect(cssPercent(0 / 0)).toBe("0%");
  });
});
