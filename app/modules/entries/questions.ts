// Custom submission questions (ADR 036): what organizers may ask, and what counts as an answer. Pure, shared by
// the organizers' editor, the entry form (client and server) and the entry page.
import { z } from "zod";
import { questionKinds, type QuestionKind } from "#db/enums";

export const MAX_QUESTIONS = 5;
const MIN_OPTIONS = 2;
const MAX_OPTIONS = 10;
const MAX_LABEL = 200;
const MAX_OPTION = 80;
/** The longest answer of a text question; a yes/no or a choice is checked against its values instead. */
const MAX_ANSWER = { "short-text": 200, "long-text": 2000 } as const;

export const questionKindLabels: Record<QuestionKind, string> = {
  "short-text": "Short text",
  "long-text": "Long text",
  "yes-no": "Yes or no",
  choice: "One of a list",
};

export type Question = { id: string; kind: QuestionKind; label: string; required: boolean; options: string[] };

/** The options textarea: one choice a line, blank lines and repeats dropped. */
export function parseOptions(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()))].filter(Boolean);
}

/** questions.options is a JSON array of texts; anything else reads as no options. */
export function readOptions(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

const questionInput = z
  .object({
    id: z.string().max(40).optional(),
    label: z.string({ error: "Write the question" }).trim().min(1, "Write the question").max(MAX_LABEL, `Use at most ${MAX_LABEL} characters`),
    kind: z.enum(questionKinds, { error: "Pick the kind of answer" }),
    required: z.boolean().default(false),
    options: z.string().max(2000, "Use at most 2,000 characters").default(""),
  })
  .superRefine((q, ctx) => {
    if (q.kind !== "choice") return;
    const options = parseOptions(q.options);
    if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS)
      ctx.addIssue({ code: "custom", path: ["options"], message: `Give ${MIN_OPTIONS} to ${MAX_OPTIONS} different options, one a line` });
    else if (options.some((o) => o.length > MAX_OPTION))
      ctx.addIssue({ code: "custom", path: ["options"], message: `Keep each option to ${MAX_OPTION} characters` });
  });

/** The organizers' editor: up to five questions, in order. */
export const questionsFormSchema = z.object({
  questions: z.array(questionInput).max(MAX_QUESTIONS, `Ask at most ${MAX_QUESTIONS} questions`).default([]),
});

export type QuestionsInput = z.infer<typeof questionsFormSchema>;

/**
 * The editor's fields for these questions, named as the form names them, so a confirm step (ADR 012) can send
 * the same save again: parsed with questionsFormSchema they give back the same questions.
 */
export function questionsFormFields(input: QuestionsInput): Record<string, string> {
  const fields: Record<string, string> = {};
  input.questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (q.id) fields[`${at}.id`] = q.id;
    fields[`${at}.label`] = q.label;
    fields[`${at}.kind`] = q.kind;
    if (q.required) fields[`${at}.required`] = "on";
    if (q.options) fields[`${at}.options`] = q.options;
  });
  return fields;
}

/**
 * "Keep the question" on the removal confirm step (ADR 046): the submitted questions with the stored ones the
 * step named put back at their stored places, so the editor comes back with the other unsaved edits.
 */
export function withRemovalKept(submitted: QuestionsInput["questions"], stored: Question[], removing: readonly string[]): QuestionsInput["questions"] {
  const named = new Set(removing);
  const present = new Set(submitted.map((q) => q.id));
  const questions = [...submitted];
  stored.forEach((q, position) => {
    if (!named.has(q.id) || present.has(q.id)) return;
    questions.splice(Math.min(position, questions.length), 0, { id: q.id, label: q.label, kind: q.kind, required: q.required, options: q.options.join("\n") });
  });
  return questions;
}

/** What is wrong with one answer, or null: the value must fit its kind; a required question must be answered to submit. */
export function answerProblem(question: Question, value: string, submitting: boolean): string | null {
  if (!value) return submitting && question.required ? "Answer this question to submit the entry" : null;
  if (question.kind === "yes-no") return value === "yes" || value === "no" ? null : "Answer yes or no";
  if (question.kind === "choice") return question.options.includes(value) ? null : "Pick one of the listed options";
  if (value.length > MAX_ANSWER[question.kind]) return `Use at most ${MAX_ANSWER[question.kind].toLocaleString("en")} characters`;
  if (question.kind === "short-text" && /[\r\n]/.test(value)) return "Keep the answer to one line";
  return null;
}

/** The entry form's `answers` object: one trimmed text per question, checked by answerProblem. */
export function answersSchema(questions: Question[], submitting: boolean) {
  // The maximum also lets a long answer come back into the form when something else is wrong (parseForm's echo).
  const longest = (k: QuestionKind) => (k === "short-text" || k === "long-text" ? MAX_ANSWER[k] : MAX_OPTION);
  const shape = Object.fromEntries(
    questions.map((q) => [
      q.id,
      z
        .string()
        .trim()
        .max(longest(q.kind), `Use at most ${longest(q.kind).toLocaleString("en")} characters`)
        .default(""),
    ]),
  );
  return z
    .object(shape)
    .prefault({})
    .superRefine((answers, ctx) => {
      for (const q of questions) {
        const problem = answerProblem(q, (answers as Record<string, string>)[q.id] ?? "", submitting);
        if (problem) ctx.addIssue({ code: "custom", path: [q.id], message: problem });
      }
    });
}
