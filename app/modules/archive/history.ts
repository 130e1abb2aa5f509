// A problem's history across events: the same problem posted again (copied from another event, or
// written with the same words) and every attempt at it. Pure, unit-tested (ADR 023).
import { fold } from "./relevance";

/** Two problems are the same when their titles have the same words (letter case, accents and punctuation aside). */
export function problemKey(title: string): string {
  return (fold(title).match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
}

/**
 * A number as people write it in a metric field: "88", "88 %", "1,200", "-3.5", "12,5"; null when there is none. A
 * single comma with one or two digits after it is a decimal comma, as the follow-up form reads it: a thousands
 * separator always has three.
 */
export function metricNumber(text: string): number | null {
  const match = /-?\d[\d,]*(\.\d+)?/.exec(text.replace(/\s/g, ""));
  if (!match) return null;
  const written = match[0];
  const n = Number(/^-?\d+,\d{1,2}$/.test(written) ? written.replace(",", ".") : written.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

/** `metricToday`: the value its latest follow-up recorded (ADR 030), measured after the event; empty or absent without. */
export type MetricAttempt = { metricBaseline: string; metricTarget: string; metricResult: string; metricToday?: string | null };

/** The attempt's latest measured value: a follow-up's, recorded since the event, over the result at the event. */
export function latestResult(a: MetricAttempt): string {
  return a.metricToday?.trim() ? a.metricToday : a.metricResult;
}

/**
 * How far the latest measured value went from its baseline toward its target: 0 at the baseline, 1 at the
 * target, above 1 past it. The direction comes from the attempt itself (a target under the baseline
 * means lower is better). Null without a result, a baseline and a target that differ.
 */
export function metricProgress(a: MetricAttempt): number | null {
  const [baseline, target, result] = [a.metricBaseline, a.metricTarget, latestResult(a)].map(metricNumber);
  if (baseline === null || target === null || result === null || target === baseline) return null;
  return (result - baseline) / (target - baseline);
}

/**
 * The attempt whose latest measured value went furthest toward its own target (attempts measure against their own
 * baselines): a value a team recorded months later counts, as the "best result so far" it is.
 */
export function bestMetricAttempt<T extends MetricAttempt>(attempts: T[]): T | null {
  let best: { attempt: T; progress: number } | null = null;
  for (const attempt of attempts) {
    const progress = metricProgress(attempt);
    if (progress !== null && (!best || progress > best.progress)) best = { attempt, progress };
  }
  return best?.attempt ?? null;
}
