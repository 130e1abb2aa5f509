// An AI metric as one line ("12 min → 4 min (target) → 6 min"): the digest, the archive's cards and a problem's
// history say it the same way. On its own, so pages that show it do not load the digest's code (ADR 043).
export function metricLine(e: { metricBaseline: string; metricTarget: string; metricResult: string; metricUnit: string }) {
  const unit = e.metricUnit ? ` ${e.metricUnit}` : "";
  const value = (v: string) => (v.trim() ? `${v.trim()}${unit}` : "—");
  const result = e.metricResult.trim() ? `${e.metricResult.trim()}${unit}` : "not measured";
  return `${value(e.metricBaseline)} → ${value(e.metricTarget)} (target) → ${result}`;
}
