import { z } from "zod";
import { typedRows, typedText } from "~/lib/kept";
import { MAX_FINALISTS } from "./rounds";

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
        const stray = rows.flatMap((r, i) => (r.value === undefined && r.comment ? [i] : []));
        for (const i of stray) ctx.addIssue({ code: "custom", path: [i, "value"], message: "Pick a value to keep this comment" });
        // Also said for the whole sheet, beside its Save buttons: nothing of the sheet is saved until then.
        if (stray.length)
          ctx.addIssue({
            code: "custom",
            path: [],
            message: `Nothing was saved: ${stray.length === 1 ? "a comment has no score" : `${stray.length} comments have no score`} beside ${stray.length === 1 ? "it" : "them"}. Pick a value for ${stray.length === 1 ? "it" : "each"}, or clear ${stray.length === 1 ? "the comment" : "those comments"}, then save again.`,
          });
      }),
    overallComment: z.string().trim().max(4000, "Use at most 4,000 characters").default(""),
  });
}

/**
 * Whether a posted sheet's rows name other criteria than the round's rubric now: a page opened before the final round
 * started with criteria of its own, or before the organizers added or removed one (before the first score). Its
 * values cannot be matched to the rubric, and the fields' own messages would land on hidden inputs, so the sheet is
 * refused as a whole, with one message.
 */
export function namesOtherCriteria(postedRows: unknown, criterionIds: readonly string[]): boolean {
  const ids = (Array.isArray(postedRows) ? postedRows : []).map((row) => (row as { criterionId?: unknown } | null)?.criterionId);
  return ids.length !== criterionIds.length || ids.some((id) => typeof id !== "string" || !criterionIds.includes(id));
}

/**
 * What a refused score sheet held, as lines to copy: each criterion given a value or a comment, by its name (a
 * criterion the rubric no longer has is "A criterion"), then the overall comment. For when the page read again cannot
 * show the sheet itself (without JavaScript, after results were published or the entry left the judge's queue).
 */
export function sheetAsText(payload: Record<string, unknown>, criteria: readonly { id: string; name: string }[]): string[] {
  const lines = typedRows(payload.scores).flatMap((row) => {
    const value = typedText(row.value);
    const comment = typedText(row.comment);
    if (!value && !comment) return [];
    const name = criteria.find((c) => c.id === row.criterionId)?.name ?? "A criterion";
    return [`${name}: ${value || "no score"}${comment ? ` (“${comment}”)` : ""}`];
  });
  const overall = typedText(payload.overallComment);
  return overall ? [...lines, `Overall comment: “${overall}”`] : lines;
}

/**
 * A sheet sent against a rubric that changed since its page was opened, as rows of the current rubric: each criterion
 * takes what was typed for it, else nothing (a criterion of the final round is a new one, even when it has a round-1
 * criterion's name; what was typed for that one is listed to copy instead).
 */
export function sheetForRubric(
  payload: Record<string, unknown>,
  criteria: readonly { id: string }[],
): { scores: { criterionId: string; value: string; comment: string }[]; overallComment: string } {
  const rows = typedRows(payload.scores);
  return {
    scores: criteria.map((c) => {
      const row = rows.find((r) => r.criterionId === c.id);
      return { criterionId: c.id, value: typedText(row?.value), comment: typedText(row?.comment) };
    }),
    overallComment: typedText(payload.overallComment),
  };
}

/** What a refused conflict held, as a line to copy: its reason. */
export function conflictAsText(payload: Record<string, unknown>): string[] {
  const reason = typedText(payload.reason);
  return reason ? [`Your reason: “${reason}”`] : [];
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

const rubricChoices = ["same", "live-demo"] as const;
const wordsUpTo = (max: number, what: string) => z.string().trim().max(max, `Use at most ${max} characters for ${what}`);

/** The "Close round 1 and start the final round" form. */
export const startFinalRoundSchema = z.object({
  top: z.number({ error: "Say how many finalists the ranking suggests" }).int().min(1).max(MAX_FINALISTS),
  finalists: z.array(z.string().max(100)).max(500).default([]),
  /** The top N the page suggested, its ids joined by commas: the ranking it was read from (checkShortlist's `shown`). */
  suggested: z.string().max(20_000).optional(),
  reason: wordsUpTo(500, "the reason").default(""),
  judges: z.array(z.string().max(100)).max(200).default([]),
  judgeEmails: wordsUpTo(2000, "the emails").default(""),
  rubric: z.enum(rubricChoices, { error: "Pick the final round's rubric" }),
  confirmed: z
    .boolean()
    .default(false)
    .refine((v) => v, "Tick the confirmation: round 1 closes for good and its scores become read-only."),
});
export type StartFinalRoundInput = z.infer<typeof startFinalRoundSchema>;

/** An award organizers add or rename. */
export const awardSchema = z.object({
  name: z.string({ error: "Name the award" }).trim().min(2, "Name the award").max(80, "Use at most 80 characters"),
  description: z.string().trim().max(300, "Use at most 300 characters").default(""),
});
