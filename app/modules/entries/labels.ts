// Words for an entry's outcome, root cause and answers to custom questions (ADR 036), apart from the zod schemas so that pages which only show them
// do not load zod (ADR 043).
import type { QuestionKind, RootCause } from "#db/enums";

export const outcomeLabels = { working: "Working prototype", partial: "Partial prototype", failed: "Failed attempt" } as const;
/** The short form badges show; every other place says outcomeLabels. */
export const outcomeBadgeLabels: Record<keyof typeof outcomeLabels, string> = { working: "Working", partial: "Partial", failed: "Failed attempt" };

export const rootCauseLabels: Record<RootCause, string> = {
  "data-missing-context": "Data lacked context",
  "model-capability": "Model capability",
  "latency-or-cost": "Latency or cost",
  "ux-or-adoption": "UX or adoption",
  integration: "Integration",
  "scope-or-time": "Scope or time",
  evaluation: "Evaluation",
  other: "Other",
};

export const yesNoLabels = { yes: "Yes", no: "No" } as const;

/** An answer as the entry page and the CSV show it. */
export function answerText(question: { kind: QuestionKind }, value: string): string {
  if (question.kind === "yes-no" && (value === "yes" || value === "no")) return yesNoLabels[value];
  return value;
}
