import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MetricChart } from "./metric-chart";

/** The chart's width and, for each value label, where it starts and how many characters it has. */
function layout(props: Parameters<typeof MetricChart>[0]) {
  const html = renderToStaticMarkup(createElement(MetricChart, props));
  const width = Number(/viewBox="0 0 ([\d.]+) 96"/.exec(html)![1]);
  const labels = [...html.matchAll(/<text x="([\d.]+)"[^>]*fill="#0f172a">([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), chars: m[2].length }));
  return { width, labels };
}

describe("MetricChart", () => {
  it("leaves room for each value after its bar, long units included", () => {
    for (const unit of ["", "%", "minutes", "tickets per agent per day"]) {
      const { width, labels } = layout({ name: "Handling time", unit, baseline: "12", target: "8", result: "9.5" });
      expect(labels).toHaveLength(3);
      for (const label of labels) expect(label.x + label.chars * 7, unit).toBeLessThanOrEqual(width);
    }
  });

  it("keeps the usual width for short values", () => {
    expect(layout({ name: "Accuracy", unit: "%", baseline: "71", target: "85", result: "88" }).width).toBe(300);
  });
});
