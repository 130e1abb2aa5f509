import { z } from "zod";
import { outcomes, rootCauses, type entryStatuses } from "#db/enums";
import { requiredToSubmit, type EntryField, type RequiredField } from "./fields";
import { answersSchema } from "./question-schemas";
import type { Question } from "./questions";

const max = (n: number) =>
  z
    .string()
    .trim()
    .max(n, `Use at most ${n.toLocaleString("en")} characters`)
    .default("");
const url = z
  .string()
  .trim()
  .max(500, "Use at most 500 characters")
  // "demo.example.com" is how people copy a link: it is read as https://demo.example.com rather than refused (which
  // also stopped the draft's autosave). Anything with a scheme of its own, or none and no dot, stays as typed.
  .transform((v) => (/^[\w-]+(\.[\w-]+)+(:\d+)?([/?#]\S*)?$/.test(v) ? `https://${v}` : v))
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), { message: "Enter a full link starting with https:// or http://" })
  .default("");

// Draft: everything may be empty, but what is there must be well-formed.
const draftShape = {
  version: z.number({ error: "Reload the page: the form lost its version" }).int().min(1),
  title: max(120),
  summary: max(280),
  outcome: z.enum(outcomes, { error: "Pick an outcome" }).optional(),
  tags: max(200),
  demoUrl: url,
  repoUrl: url,
  videoUrl: url,
  approach: max(5000),
  metricName: max(200),
  metricUnit: max(40),
  metricBaseline: max(100),
  metricTarget: max(100),
  metricResult: max(100),
  postMortemWorked: max(5000),
  postMortemDidNotWork: max(5000),
  postMortemRootCause: z.enum(rootCauses, { error: "Pick a root cause from the list" }).optional(),
  postMortemRootCauseOther: max(200),
  postMortemDifferently: max(5000),
  postMortemNextSteps: max(5000),
} satisfies Record<EntryField, z.ZodType>;

export const entryDraftSchema = z.object(draftShape);

/** What submitting says next to a field a complete entry must fill in and that was left empty. */
const missing: Record<RequiredField, string> = {
  title: "Give the entry a title",
  summary: "Write a one-line summary",
  approach: "Describe the approach: models, tools and data used",
  metricName: "Name the AI metric",
  metricBaseline: "Give the metric's baseline",
  metricResult: "Give the measured result (only a failed attempt may leave it empty)",
  postMortemWorked: "Say what worked (even in a failed attempt something did)",
  postMortemDidNotWork: "Say what did not work",
  postMortemDifferently: "Say what you would do differently",
  postMortemNextSteps: "Name the next steps",
  outcome: "Pick an outcome",
  postMortemRootCause: "Pick the root cause",
};

// Submit: a complete entry. A failed attempt is complete when its post-mortem is.
function checkComplete(v: z.infer<typeof entryDraftSchema>, ctx: z.RefinementCtx) {
  const need = requiredToSubmit(v.outcome);
  for (const field of need) {
    if (field !== "metricResult" && !v[field]) ctx.addIssue({ code: "custom", path: [field], message: missing[field] });
  }
  if (v.postMortemRootCause === "other" && !v.postMortemRootCauseOther)
    ctx.addIssue({ code: "custom", path: ["postMortemRootCauseOther"], message: "Describe the root cause" });
  if (need.has("metricResult") && v.outcome && !v.metricResult) ctx.addIssue({ code: "custom", path: ["metricResult"], message: missing.metricResult });
}

export const entrySubmitSchema = z.object(draftShape).superRefine(checkComplete);

export type EntryInput = z.infer<typeof entryDraftSchema>;

/**
 * The entry with the event's custom questions (ADR 036) under `answers`: a draft checks that each answer fits its
 * question; submitting also needs every required question answered (answerProblem), next to its field.
 */
function entrySchemaWithQuestions(questions: Question[], submitting: boolean) {
  const schema = z.object({ ...draftShape, answers: answersSchema(questions, submitting) });
  return submitting ? schema.superRefine(checkComplete) : schema;
}

export type EntryWithAnswers = EntryInput & { answers?: Record<string, string> };

export function entrySchemaFor(action: FormDataEntryValue | null, questions: Question[] = []) {
  return entrySchemaWithQuestions(questions, action === "submit");
}

/**
 * Autosave never submits. On a draft it saves whatever is well-formed; on an entry already submitted it
 * saves only a still-complete entry, so half-typed text never turns a submitted entry incomplete behind
 * the team's back (the Save button stays the explicit way to do that).
 */
export function autosaveSchemaFor(status: (typeof entryStatuses)[number], questions: Question[] = []) {
  return entrySchemaWithQuestions(questions, status === "submitted");
}

/** One tag as entries store it: lower case, words joined by hyphens, at most 30 characters. Filters read it so too. */
export function normalizeTag(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, "-").slice(0, 30);
}

export function normalizeTags(tags: string): string {
  const seen = new Set<string>();
  for (const raw of tags.split(",")) {
    const tag = normalizeTag(raw);
    if (tag) seen.add(tag);
  }
  return [...seen].slice(0, 10).join(", ");
}
