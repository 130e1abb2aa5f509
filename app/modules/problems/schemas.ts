import { z } from "zod";

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `Use at most ${max.toLocaleString("en")} characters`);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max.toLocaleString("en")} characters`)
    .default("");

export const problemSchema = z.object({
  title: text("a title", 120),
  summary: text("a summary", 2000),
  whoHasIt: text("who has the problem", 500),
  costToday: text("what it costs today", 1000),
  dataAvailable: text("the data available", 2000),
  constraints: optional(2000),
  metricName: text("the AI metric that would show progress", 200),
  metricUnit: optional(40),
  metricBaseline: optional(100),
  // Who answers questions about the problem: a name, an account (by email), or both.
  ownerName: optional(120),
  ownerEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long")
    .pipe(z.email({ error: "Enter a valid email address, or leave it blank" }))
    .optional(),
});

export type ProblemInput = z.infer<typeof problemSchema>;

export const moveProblemSchema = z.object({
  problemId: z.string({ error: "Pick a problem" }).min(1, "Pick a problem").max(100),
  direction: z.enum(["up", "down"], { error: "Move up or down" }),
});

/** "New event from this one" (events/templates.server.ts): the source event and which of its problems come along (none is fine). */
export const templateSchema = z.object({
  from: z.string().min(1).max(100),
  problemIds: z.array(z.string().min(1).max(100)).max(100, "Copy at most 100 problems at once: untick some.").default([]),
});

export const copyProblemsSchema = z.object({
  from: z.string({ error: "Pick an event to copy from" }).min(1, "Pick an event to copy from").max(100),
  problemIds: z.array(z.string().min(1).max(100)).min(1, "Tick at least one problem to copy").max(100, "Copy at most 100 problems at once: untick some."),
});
