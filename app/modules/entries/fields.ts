// The entry form's fields: their labels, and which of them a complete entry must fill in. No zod here, so the
// entry form and pages that name fields load none (ADR 043); schemas.ts checks exactly these fields.
import type { Outcome } from "#db/enums";

/** The entry form's field labels: the form, its autosave messages and its tests say the same words. */
export const entryFieldLabels = {
  version: "Version",
  title: "Title",
  summary: "One-line summary",
  outcome: "Outcome",
  tags: "Tags",
  demoUrl: "Demo link",
  repoUrl: "Repository link",
  videoUrl: "Video link",
  approach: "Approach: models, tools and data used",
  metricName: "Metric name",
  metricUnit: "Unit",
  metricBaseline: "Baseline",
  metricTarget: "Target",
  metricResult: "Measured result",
  postMortemWorked: "What worked",
  postMortemDidNotWork: "What did not work",
  postMortemRootCause: "Root cause",
  postMortemRootCauseOther: "Root cause, if other",
  postMortemDifferently: "What we would do differently",
  postMortemNextSteps: "Next steps",
} as const;

export type EntryField = keyof typeof entryFieldLabels;

// What a complete entry must fill in. The messages for a field left empty are the submit schema's (schemas.ts), so
// that the form, which only marks the others "(optional)", does not load them.
const alwaysRequired = [
  "title",
  "summary",
  "approach",
  "metricName",
  "metricBaseline",
  "postMortemWorked",
  "postMortemDidNotWork",
  "postMortemDifferently",
  "postMortemNextSteps",
  "outcome",
  "postMortemRootCause",
] as const satisfies readonly EntryField[];

export type RequiredField = (typeof alwaysRequired)[number] | "metricResult";

/**
 * What a complete entry must fill in, for an outcome (none picked yet counts as not failed). A failed
 * attempt may leave the measured result empty; demo, repository and video links are optional for every
 * outcome, and a failed attempt often has none. The submit schema and the form's "(optional)" marks both
 * read this list.
 */
export function requiredToSubmit(outcome: Outcome | "" | null | undefined): ReadonlySet<RequiredField> {
  const need = new Set<RequiredField>(alwaysRequired);
  if (outcome !== "failed") need.add("metricResult");
  return need;
}

/**
 * The entry form names the questions it shows in this field, so a save can tell which were added after it loaded
 * (questionsAddedSince). Here rather than in questions.ts, which the form's first load then need not fetch.
 */
export const SHOWN_QUESTIONS_FIELD = "shownQuestions";
