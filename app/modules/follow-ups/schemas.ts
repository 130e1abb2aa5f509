import { z } from "zod";
import { followUpStatuses } from "#db/enums";

/** A follow-up's answer (ADR 030): what happened, why, and the AI metric's value today (optional: it may not be measured). */
export const followUpSchema = z.object({
  status: z.enum(followUpStatuses, { error: "Choose what happened to the entry" }),
  why: z.string({ error: "Say why, in a sentence or two" }).trim().min(3, "Say why, in a sentence or two").max(2000, "Use at most 2,000 characters"),
  metricValue: z.string().trim().max(100, "Use at most 100 characters").optional().default(""),
});

export type FollowUpInput = z.infer<typeof followUpSchema>;
