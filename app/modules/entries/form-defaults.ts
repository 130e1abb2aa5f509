/** The three metric fields a business problem suggests and an entry fills in. */
type MetricFields = { metricName: string; metricUnit: string; metricBaseline: string };

/**
 * The AI metric the entry form starts with: the entry's own, or, while the entry has no metric yet
 * (name, unit and baseline all empty), the one its problem suggests. The form shows these as values
 * the team saves with the entry, so a team that measures something else just types over them.
 */
export function metricDefaults(entry: MetricFields, problem: MetricFields | null): MetricFields & { fromProblem: boolean } {
  const own = { metricName: entry.metricName, metricUnit: entry.metricUnit, metricBaseline: entry.metricBaseline };
  const entryHasNone = !own.metricName && !own.metricUnit && !own.metricBaseline;
  if (!entryHasNone || !problem || (!problem.metricName && !problem.metricUnit && !problem.metricBaseline)) return { ...own, fromProblem: false };
  return { metricName: problem.metricName, metricUnit: problem.metricUnit, metricBaseline: problem.metricBaseline, fromProblem: true };
}
