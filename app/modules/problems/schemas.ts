import { z } from "zod";

const text = (label: string, max: number) =>
  z.string({ error: `Enter ${label}` }).trim().min(1, `Enter ${label}`).max(max, `Use at most ${max.toLocaleString("en")} characters`);
const optional = (max: number) => z.string().trim().max(max, `Use at most ${max.toLocaleString("en")} characters`).default("");

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
});

export type ProblemInput = z.infer<typeof problemSchema>;
