import { z } from "zod";
import { oneSpaceBetweenWords } from "~/lib/words";
import { eventPhases } from "#db/enums";
import { isLocalDateTime, isValidTimezone } from "~/lib/time";

const localDateTime = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .max(30, `Enter the ${label} as a date and time`)
    .refine(isLocalDateTime, { message: `Enter the ${label} as a date and time` });

/** Slugs that would shadow a fixed route under /events/. */
export const reservedSlugs = ["new"] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const eventSchema = z
  .object({
    title: z
      .string({ error: "Enter a title" })
      .trim()
      .overwrite(oneSpaceBetweenWords)
      .min(3, "Use at least 3 characters")
      .max(120, "Use at most 120 characters"),
    // Blank = generated from the title.
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .min(3, "Use at least 3 characters")
      .max(60, "Use at most 60 characters")
      .regex(SLUG, { message: "Use lowercase letters, digits and single hyphens, e.g. winter-ai-2026" })
      .refine((s) => !(reservedSlugs as readonly string[]).includes(s), { message: "This address is reserved: pick another" })
      .optional(),
    tagline: z.string().trim().max(160, "Use at most 160 characters").optional(),
    description: z.string().trim().max(10_000, "Use at most 10,000 characters").default(""),
    rules: z.string().trim().max(20_000, "Use at most 20,000 characters").default(""),
    timezone: z
      .string({ error: "Pick a timezone" })
      .max(100, "Pick a timezone from the list")
      .refine(isValidTimezone, { message: "Pick a timezone from the list" }),
    startsAt: localDateTime("start time"),
    submissionDeadline: localDateTime("submission deadline"),
    judgingDeadline: localDateTime("judging deadline"),
    maxTeamSize: z
      .number({ error: "Enter a whole number from 1 to 20" })
      .int("Enter a whole number from 1 to 20")
      .min(1, "A team has at least 1 person")
      .max(20, "At most 20 people per team"),
  })
  .superRefine((v, ctx) => {
    // Same timezone on both sides, so the ISO-like strings compare in time order.
    if (isLocalDateTime(v.startsAt) && isLocalDateTime(v.submissionDeadline) && v.submissionDeadline <= v.startsAt) {
      ctx.addIssue({ code: "custom", path: ["submissionDeadline"], message: "The submission deadline must be after the start" });
    }
    if (isLocalDateTime(v.submissionDeadline) && isLocalDateTime(v.judgingDeadline) && v.judgingDeadline <= v.submissionDeadline) {
      ctx.addIssue({ code: "custom", path: ["judgingDeadline"], message: "The judging deadline must be after the submission deadline" });
    }
  });

export type EventInput = z.infer<typeof eventSchema>;

/** The email of an account an organizer adds to the event's judges or organizers. */
const personByEmailSchema = (who: "judge" | "organizer") =>
  z.object({
    email: z
      .string({ error: `Enter the ${who}'s email address` })
      .trim()
      .toLowerCase()
      .max(254, "That email address is too long")
      .pipe(z.email({ error: "Enter a valid email address" })),
  });

export const addOrganizerSchema = personByEmailSchema("organizer");

export const phaseChangeSchema = z.object({
  to: z.enum(eventPhases, { error: "Pick a phase" }),
  confirmed: z.boolean().default(false),
  reason: z.string().trim().max(500, "Use at most 500 characters").default(""),
  /** Reopening submissions asks for a new deadline, in the event's time zone; whether it is needed is the step's rule. */
  submissionDeadline: z
    .string()
    .max(30, "Enter the new submission deadline as a date and time")
    .refine(isLocalDateTime, { message: "Enter the new submission deadline as a date and time" })
    .optional(),
});

export const addJudgeSchema = personByEmailSchema("judge");

/** Inviting a judge by email: the same address rules; no account needed. */
export const inviteJudgeByEmailSchema = personByEmailSchema("judge");

export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  if (!slug) return "event";
  return (reservedSlugs as readonly string[]).includes(slug) ? `${slug}-event` : slug;
}

export const judgeInviteSchema = z.object({
  days: z
    .number({ error: "Enter a number of days from 1 to 30" })
    .int("Enter a whole number of days")
    .min(1, "A link lasts at least 1 day")
    .max(30, "A link lasts at most 30 days"),
});

export const judgesPerEntrySchema = z
  .object({
    mode: z.enum(["all", "per-entry"], { error: "Pick how judges are assigned" }),
    judgesPerEntry: z
      .number({ error: "Enter a whole number from 1 to 20" })
      .int("Enter a whole number from 1 to 20")
      .min(1, "At least 1 judge per entry")
      .max(20, "At most 20 judges per entry")
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "per-entry" && v.judgesPerEntry === undefined) {
      ctx.addIssue({ code: "custom", path: ["judgesPerEntry"], message: "Enter how many judges score each entry" });
    }
  });

export const assignmentSchema = z.object({
  entryId: z.string({ error: "Pick an entry" }).min(1, "Pick an entry").max(100),
  judgeId: z.string({ error: "Pick a judge" }).min(1, "Pick a judge").max(100),
});

export const rubricSchema = z
  .object({
    criteria: z
      .array(
        z.object({
          id: z.string().max(64).optional(),
          name: z.string({ error: "Name the criterion" }).trim().min(2, "Use at least 2 characters").max(80, "Use at most 80 characters"),
          description: z.string({ error: "Say what judges look for" }).trim().min(3, "Use at least 3 characters").max(500, "Use at most 500 characters"),
          weight: z.number({ error: "Enter a weight from 0 to 100" }).int("Enter a whole number").min(0, "Use 0 to 100").max(100, "Use 0 to 100"),
          levels: z.array(z.string().trim().max(300, "Use at most 300 characters").optional()).max(10, "At most 10 levels").optional(),
        }),
        { error: "The rubric needs at least one criterion" },
      )
      .min(1, "The rubric needs at least one criterion")
      .max(12, "Use at most 12 criteria"),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.criteria.forEach((c, i) => {
      const key = c.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["criteria", i, "name"], message: "Two criteria have this name" });
      seen.add(key);
    });
  });

export type RubricInput = z.infer<typeof rubricSchema>;

export const scaleSchema = z.object({
  scaleMax: z.number({ error: "Pick a scale" }).refine((n) => n === 5 || n === 10, { message: "Pick 1–5 or 1–10" }),
});
