import { z } from "zod";

/** The organizer's "Remind" press on the judges page: which judge. */
export const remindJudgeSchema = z.object({
  judgeId: z.string({ error: "Pick a judge to remind" }).min(1, "Pick a judge to remind").max(100),
});
