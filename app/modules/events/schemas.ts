import { z } from "zod";
import { eventPhases } from "#db/schema";
import { isLocalDateTime, isValidTimezone } from "~/lib/time";

const localDateTime = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .refine(isLocalDateTime, { message: `Enter the ${label} as a date and time` });

export const eventSchema = z
  .object({
    title: z.string({ error: "Enter a title" }).trim().min(3, "Use at least 3 characters").max(120, "Use at most 120 characters"),
    description: z.string().trim().max(10_000, "Use at most 10,000 characters").default(""),
    timezone: z.string({ error: "Pick a timezone" }).refine(isValidTimezone, { message: "Pick a timezone from the list" }),
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

export const phaseChangeSchema = z.object({
  to: z.enum(eventPhases, { error: "Pick a phase" }),
  confirmed: z.boolean().default(false),
  reason: z.string().trim().max(500, "Use at most 500 characters").default(""),
});

export const addJudgeSchema = z.object({
  email: z
    .string({ error: "Enter the judge's email address" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter a valid email address" })),
});

export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "event";
}
