import { z } from "zod";

export const MOST_VALUABLE_FAILURE = "Most valuable failure";

/** Offered to every event; organizers add them with one click and may add their own. */
export const defaultAwards = [
  { name: "Best overall", description: "The highest-ranked entry overall." },
  { name: MOST_VALUABLE_FAILURE, description: "A failed attempt whose post-mortem teaches the next team the most." },
  { name: "Best AI metric", description: "The clearest metric: defined, with a baseline, and measured." },
] as const;

export const awardSchema = z.object({
  name: z.string({ error: "Name the award" }).trim().min(2, "Name the award").max(80, "Use at most 80 characters"),
  description: z.string().trim().max(300, "Use at most 300 characters").default(""),
});
