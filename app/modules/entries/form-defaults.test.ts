import { describe, expect, it } from "vitest";
import { metricDefaults } from "./form-defaults";

const problem = { metricName: "Deflection rate", metricUnit: "%", metricBaseline: "0" };
const empty = { metricName: "", metricUnit: "", metricBaseline: "" };

describe("metricDefaults", () => {
  it("starts an entry without a metric from the problem's suggested one", () => {
    expect(metricDefaults(empty, problem)).toEqual({ ...problem, fromProblem: true });
  });
  it("keeps whatever the entry already has, even one field of three", () => {
    expect(metricDefaults({ ...empty, metricUnit: "tickets" }, problem)).toEqual({ ...empty, metricUnit: "tickets", fromProblem: false });
    const own = { metricName: "Hours saved", metricUnit: "h", metricBaseline: "40" };
    expect(metricDefaults(own, problem)).toEqual({ ...own, fromProblem: false });
  });
  it("has nothing to offer without a problem or when the problem suggests nothing", () => {
    expect(metricDefaults(empty, null)).toEqual({ ...empty, fromProblem: false });
    expect(metricDefaults(empty, empty)).toEqual({ ...empty, fromProblem: false });
  });
  it("takes a partial suggestion as it is", () => {
    expect(metricDefaults(empty, { metricName: "Disputes flagged", metricUnit: "", metricBaseline: "" })).toEqual({
      metricName: "Disputes flagged",
      metricUnit: "",
      metricBaseline: "",
      fromProblem: true,
    });
  });
});
