// Words for an entry's outcome and root cause, apart from the zod schemas so that pages which only show them
// do not load zod (ADR 043).
import type { RootCause } from "#db/enums";

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
