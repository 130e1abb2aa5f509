// The event form's fields and their labels, in the form's order: the form shows them, and a refused form's text to
// copy names them the same way (app/lib/kept.ts).
import { fieldsAsText } from "~/lib/kept";

export const eventFieldLabels = {
  title: "Title",
  slug: "Web address",
  tagline: "Tagline (optional)",
  description: "Description",
  rules: "Rules and FAQ (optional)",
  timezone: "Timezone",
  startsAt: "Starts",
  submissionDeadline: "Submission deadline",
  judgingDeadline: "Judging deadline",
  maxTeamSize: "Maximum team size",
} as const;

export type EventField = keyof typeof eventFieldLabels;

/** What a refused event form held, as lines to copy: each field given, by its label. */
export function eventAsText(payload: Record<string, unknown>): string[] {
  return fieldsAsText(payload, eventFieldLabels);
}
