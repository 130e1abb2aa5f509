import { describe, expect, it } from "vitest";
import { bestMetricAttempt, latestResult, metricNumber, metricProgress, problemKey } from "./history";

describe("problemKey", () => {
  it("matches titles with the same words, whatever their case, accents or punctuation", () => {
    expect(problemKey("Support ticket triage takes too long")).toBe(problemKey("  support TICKET triage — takes too long. "));
    expect(problemKey("Café routing")).toBe("cafe routing");
    expect(problemKey("Support ticket triage, second try")).not.toBe(problemKey("Support ticket triage takes too long"));
  });
});

describe("metricNumber", () => {
  it("reads the number people wrote, with units, spaces and thousands separators", () => {
    expect(metricNumber("88")).toBe(88);
    expect(metricNumber("88 %")).toBe(88);
    expect(metricNumber("1,200 tickets")).toBe(1200);
    expect(metricNumber("-3.5")).toBe(-3.5);
    // A decimal comma: one or two digits after a single comma.
    expect(metricNumber("12,5")).toBe(12.5);
    expect(metricNumber("86,25 %")).toBe(86.25);
    expect(metricNumber("-0,5 h")).toBe(-0.5);
    expect(metricNumber("1,250")).toBe(1250);
    expect(metricNumber("about 4 000")).toBe(4000);
    expect(metricNumber("")).toBeNull();
    expect(metricNumber("not measured")).toBeNull();
  });
});

describe("metricProgress and bestMetricAttempt", () => {
  const a = (metricBaseline: string, metricTarget: string, metricResult: string) => ({ metricBaseline, metricTarget, metricResult });

  it("measures progress from the baseline toward the target, in the attempt's own direction", () => {
    expect(metricProgress(a("71", "85", "88"))).toBeCloseTo(17 / 14);
    expect(metricProgress(a("12", "50", "34"))).toBeCloseTo(22 / 38);
    expect(metricProgress(a("6", "2", "4"))).toBe(0.5);
    expect(metricProgress(a("6", "2", "8"))).toBe(-0.5);
    expect(metricProgress(a("71", "85", ""))).toBeNull();
    expect(metricProgress(a("", "85", "80"))).toBeNull();
    expect(metricProgress(a("5", "5", "6"))).toBeNull();
  });

  it("picks the attempt that went furthest, or none when nothing was measured", () => {
    const worked = a("71", "85", "88");
    const partial = a("71", "85", "80");
    expect(bestMetricAttempt([partial, a("71", "85", ""), worked])).toBe(worked);
    expect(bestMetricAttempt([a("1", "2", "")])).toBeNull();
    expect(bestMetricAttempt([])).toBeNull();
  });

  it("counts the value a follow-up recorded after the event over the result at the event", () => {
    const measuredLater = { ...a("12", "50", "34"), metricToday: "61.5" };
    const atTheEvent = a("12", "50", "45");
    expect(latestResult(measuredLater)).toBe("61.5");
    expect(latestResult({ ...atTheEvent, metricToday: " " })).toBe("45");
    expect(latestResult({ ...atTheEvent, metricToday: null })).toBe("45");
    expect(metricProgress(measuredLater)).toBeCloseTo(49.5 / 38);
    expect(bestMetricAttempt([atTheEvent, measuredLater])).toBe(measuredLater);
    // A later value can also be worse: it counts as it is.
    expect(bestMetricAttempt([{ ...a("12", "50", "49"), metricToday: "20" }, atTheEvent])).toBe(atTheEvent);
  });
});
