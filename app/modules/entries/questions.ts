// Custom submission questions (ADR 036): what organizers may ask, and what counts as an answer. Pure, shared by
// the organizers' editor, the entry form (client and server) and the entry page. Their zod schemas are in
// question-schemas.ts, so pages that only show questions load no zod (ADR 043).
import type { QuestionKind } from "#db/enums";
import type { QuestionsInput } from "./question-schemas";

export type { QuestionsInput };

export const MAX_QUESTIONS = 5;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
export const MAX_LABEL = 200;
export const MAX_OPTION = 80;
/** The longest answer of a text question; a yes/no or a choice is checked against its values instead. */
export const MAX_ANSWER = { "short-text": 200, "long-text": 2000 } as const;

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

/**
 * The questions the organizers added after the form was loaded (`shown`: the entry form's SHOWN_QUESTIONS_FIELD (fields.ts), a comma
 * list of ids; null from a form that does not send it, which hides nothing), and what to tell the team when such a
 * question stops its submission: its field is not on their page.
 */
export function questionsAddedSince(shown: string | null, questions: Question[]): { added: Question[]; message: string | null } {
  if (shown === null) return { added: [], message: null };
  const ids = new Set(shown.split(",").filter(Boolean));
  const added = questions.filter((q) => !ids.has(q.id));
  if (added.length === 0) return { added, message: null };
  const names = added.map((q) => `“${q.label}”`).join(", ");
  const which = added.length === 1 ? "a question" : "questions";
  return {
    added,
    message: `The organizers added ${which} since you opened this page (${names}). Save your draft, then reload the page to answer ${added.length === 1 ? "it" : "them"}.`,
  };
}
