// The zod schemas of custom submission questions (ADR 036): the organizers' editor and the entry form's answers.
// The limits and rules they check are in questions.ts, which loads no zod (ADR 043).
import { z } from "zod";
import { questionKinds, type QuestionKind } from "#db/enums";
import { answerProblem, MAX_ANSWER, MAX_LABEL, MAX_OPTION, MAX_OPTIONS, MAX_QUESTIONS, MIN_OPTIONS, parseOptions, type Question } from "./questions";

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
