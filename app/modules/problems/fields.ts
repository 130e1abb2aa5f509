// A problem form's fields and their labels, in the form's order: the form shows them, and a refused form's text to
// copy names them the same way (app/lib/kept.ts).
import { fieldsAsText } from "~/lib/kept";

export const problemFieldLabels = {
  title: "Title",
  summary: "Summary",
  whoHasIt: "Who has the problem",
  costToday: "What it costs today",
  dataAvailable: "Data available",
  constraints: "Constraints (optional)",
  metricName: "Metric name",
  metricUnit: "Unit (optional)",
  metricBaseline: "Baseline (optional)",
  ownerName: "Owner's name (optional)",
  ownerEmail: "Owner's account email (optional)",
} as const;

export type ProblemField = keyof typeof problemFieldLabels;

/** What a refused problem form held, as lines to copy: each field given, by its label. */
export function problemAsText(payload: Record<string, unknown>): string[] {
  return fieldsAsText(payload, problemFieldLabels);
}
