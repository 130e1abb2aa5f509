import { z } from "zod";

/**
 * Scores for one entry by one judge: a value and optional comment per criterion, and an overall comment.
 * A sheet may be partial or even empty (saved work in progress; the action says what is still to score
 * instead of flagging every blank), but a comment needs a value beside it because a score row holds both.
 */
export function scoreSheetSchema(criterionIds: string[], scaleMax: number) {
  const pick = `Pick a value from 1 to ${scaleMax}`;
  return z.object({
    scores: z
      .array(
        z.object({
          criterionId: z
            .string()
            .max(100)
            .refine((id) => criterionIds.includes(id), { message: "Unknown criterion" }),
          value: z.number({ error: pick }).int(pick).min(1, pick).max(scaleMax, pick).optional(),
          comment: z.string().trim().max(2000, "Use at most 2,000 characters").default(""),
        }),
      )
      .length(criterionIds.length, "Score every criterion")
      // Each criterion exactly once: six rows naming one criterion twice would otherwise pass the length check and leave another unscored.
      .refine((rows) => new Set(rows.map((r) => r.criterionId)).size === rows.length, { message: "Score every criterion" })
      .superRefine((rows, ctx) => {
        rows.forEach((r, i) => {
          if (r.value === undefined && r.comment) ctx.addIssue({ code: "custom", path: [i, "value"], message: "Pick a value to keep this comment" });
        });
      }),
    overallComment: z.string().trim().max(4000, "Use at most 4,000 characters").default(""),
  });
}

export const conflictSchema = z.object({
  reason: z
    .string({ error: "Say briefly why (for the organizers)" })
    .trim()
    .min(3, "Say briefly why (for the organizers)")
    .max(500, "Use at most 500 characters"),
});

export const withdrawConflictSchema = z.object({
  entryId: z.string({ error: "Pick the conflict to withdraw" }).trim().min(1, "Pick the conflict to withdraw").max(100),
});

export const judgingSettingsSchema = z.object({
  normalizeScores: z.boolean().default(false),
  blindJudging: z.boolean().default(false),
  showJudgeNames: z.boolean().default(false),
});
