import { z } from "zod";
import { followUpStatuses } from "#db/enums";
import { typedText } from "~/lib/kept";
import { METRIC_VALUE } from "./metric-value";
import { followUpLabels } from "./words";

const DECIMAL_COMMA = /^[-+]?\d+,\d{1,2}$/;

/** A follow-up's answer (ADR 030): what happened, why, and the AI metric's value today (optional: it may not be measured). */
export const followUpSchema = z.object({
  status: z.enum(followUpStatuses, { error: "Choose what happened to the entry" }),
  why: z.string({ error: "Say why, in a sentence or two" }).trim().min(3, "Say why, in a sentence or two").max(2000, "Use at most 2,000 characters"),
  // A number as people write it ("41", "1,200", "-3.5"): the metric's unit is printed after it on every page, so
  // "86 percent" would read "86 percent %", and words have no place where the best result so far is compared.
  // A decimal comma ("86,5") is read as a decimal point: with one or two digits after it, it cannot be a thousands
  // separator, which always has three.
  metricValue: z
    .string()
    .trim()
    .max(100, "Use at most 100 characters")
    .transform((v) => (DECIMAL_COMMA.test(v) ? v.replace(",", ".") : v))
    .pipe(z.string().regex(METRIC_VALUE, "Give the value as a number, like 41, 1,200, 3.5 or 3,5"))
    .optional()
    .default(""),
  // The newest answer the page showed (0: none), sent by the form so an answer recorded meanwhile is not buried
  // unseen; absent from a page of an earlier version of the app, which records as before.
  newest: z.coerce.number().int().min(0).optional(),
});

export type FollowUpInput = z.infer<typeof followUpSchema>;

/** What a refused answer held, as lines to copy (app/lib/kept.ts): what happened, why, and the metric's value. */
export function followUpAsText(payload: Record<string, unknown>): string[] {
  const status = typedText(payload.status);
  const label = Object.hasOwn(followUpLabels, status) ? followUpLabels[status as keyof typeof followUpLabels] : "";
  const why = typedText(payload.why);
  const value = typedText(payload.metricValue);
  return [label && `What happened: ${label}`, why && `Why: “${why}”`, value && `The AI metric now: ${value}`].filter(Boolean);
}
