import { z } from "zod";

/** Scores for one entry by one judge: a value and optional comment per criterion. */
export function scoreSheetSchema(criterionIds: string[], scaleMax: number) {
  return z.object({
    scores: z
      .array(
        z.object({
          criterionId: z.string().refine((id) => criterionIds.includes(id), { message: "Unknown criterion" }),
          value: z
            .number({ error: `Pick a value from 1 to ${scaleMax}` })
            .int(`Pick a value from 1 to ${scaleMax}`)
            .min(1, `Pick a value from 1 to ${scaleMax}`)
            .max(scaleMax, `Pick a value from 1 to ${scaleMax}`),
          comment: z.string().trim().max(2000, "Use at most 2,000 characters").default(""),
        }),
      )
      .length(criterionIds.length, "Score every criterion")
      // Each criterion exactly once: six rows naming one criterion twice would otherwise pass the length check and leave another unscored.
      .refine((rows) => new Set(rows.map((r) => r.criterionId)).size === rows.length, { message: "Score every criterion" }),
  });
}
