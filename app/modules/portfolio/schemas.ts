import { z } from "zod";
import { personNameSchema } from "~/modules/auth/schemas";

export const profileSchema = z.object({
  name: personNameSchema,
  headline: z.string().trim().max(80, "Use at most 80 characters").optional().default(""),
  skills: z.string().trim().max(300, "Use at most 300 characters").optional().default(""),
  /** What the form showed (shownProfile): a save writes only what the person changed. */
  shown: z.string().max(4000).optional(),
});

export const portfolioVisibilitySchema = z.object({
  intent: z.enum(["hide", "show"], { error: "Choose hide or show" }),
  entryId: z.string({ error: "Pick an entry" }).min(1, "Pick an entry").max(100),
});
