// An event's custom submission questions and their answers (ADR 036). Every write to the questions carries "no entry
// submitted yet" in its own statement; answers are written by saveEntry, in the draft's batch.
import { and, asc, countDistinct, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import { entries, entryAnswers, submissionQuestions } from "#db/schema";
import { db } from "~/db.server";
import type { Confirmation } from "~/lib/confirm";
import { newId } from "~/lib/ids";
import { changedMeanwhileMessage, changedSince, stampOf } from "~/lib/stamp.server";
import { parseOptions, readOptions, withRemovalKept, type Question, type QuestionsInput } from "./questions";

const LOCKED = "The questions are locked: a team has submitted its entry with these answers.";
const noneSubmitted = (eventId: string) => sql`not exists(select 1 from entries e where e.event_id = ${eventId} and e.status = 'submitted')`;

/** A fingerprint of the stored questions as the editor shows them, for its stale-page check (ADR 060). */
export const questionsStamp = (questions: Question[]) => stampOf(questions);

export async function listQuestions(eventId: string): Promise<Question[]> {
  const rows = await db.select().from(submissionQuestions).where(eq(submissionQuestions.eventId, eventId)).orderBy(asc(submissionQuestions.position));
  return rows.map((r) => ({ id: r.id, kind: r.kind, label: r.label, required: r.required, options: readOptions(r.options) }));
}

/** Once any entry of the event is submitted, its questions stay as they were answered. */
export async function questionsLocked(eventId: string): Promise<boolean> {
  const [row] = await db.all<{ submitted: number }>(
    sql`select exists(select 1 from entries e where e.event_id = ${eventId} and e.status = 'submitted') as submitted`,
  );
  return Boolean(row?.submitted);
}

/** What saving would remove: the stored questions left out (ids and labels), and how many teams' draft answers go with them. */
type QuestionRemovalFacts = { ids: string[]; labels: string[]; teamCount: number };

/**
 * Replaces the questions with the submitted ones, in order: known ids are updated, new rows inserted, missing ones
 * deleted (their draft answers with them). Deleting a stored question needs the confirmation (ADR 012); without it
 * nothing changes and the answer says what would be lost. One batch; if an entry is submitted first, nothing changes.
 */
export async function saveQuestions(
  eventId: string,
  input: QuestionsInput,
  confirmation: Confirmation,
  /** The ids the confirm step named: a question added meanwhile by someone else is asked about again, not removed. */
  confirmedRemovals: readonly string[] = [],
  /** The editor's stamp of the questions it was loaded with: a save from a page read before another save is refused. */
  stamp?: string,
): Promise<{ ok: true } | { ok: false; message: string } | { ok: false; confirm: QuestionRemovalFacts }> {
  if (await questionsLocked(eventId)) return { ok: false, message: LOCKED };
  // Saved meanwhile by another organizer (or this one in another tab): this form would put back what they removed,
  // undo what they changed, or remove what they added. Refused; the form keeps the edits (ADR 072).
  if (changedSince(stamp, questionsStamp(await listQuestions(eventId)))) return { ok: false, message: changedMeanwhileMessage("the submission questions") };
  const stored = await db
    .select({ id: submissionQuestions.id, label: submissionQuestions.label })
    .from(submissionQuestions)
    .where(eq(submissionQuestions.eventId, eventId))
    .orderBy(asc(submissionQuestions.position));
  const existing = new Set(stored.map((q) => q.id));
  const submittedIds = new Set(input.questions.map((q) => q.id));
  const leftOut = stored.filter((q) => !submittedIds.has(q.id));
  const named = new Set(confirmedRemovals);
  const confirmed = confirmation.confirmed && leftOut.length === named.size && leftOut.every((q) => named.has(q.id));
  if (leftOut.length > 0 && !confirmed)
    return {
      ok: false,
      confirm: { ids: leftOut.map((q) => q.id), labels: leftOut.map((q) => q.label), teamCount: await teamsWithAnswers(leftOut.map((q) => q.id)) },
    };
  const rows = input.questions.map((q, position) => {
    const known = Boolean(q.id && existing.has(q.id));
    return {
      id: known ? q.id! : newId(),
      known,
      position,
      kind: q.kind,
      label: q.label,
      required: q.required ? 1 : 0,
      options: JSON.stringify(q.kind === "choice" ? parseOptions(q.options) : []),
    };
  });
  const kept = rows.filter((r) => r.known).map((r) => r.id);
  const guard = noneSubmitted(eventId);
  const [removed, ...writes] = await db.batch([
    db
      .delete(submissionQuestions)
      .where(and(eq(submissionQuestions.eventId, eventId), kept.length ? notInArray(submissionQuestions.id, kept) : undefined, guard)),
    ...rows.map((r) =>
      r.known
        ? db.run(sql`update submission_questions set position = ${r.position}, kind = ${r.kind}, label = ${r.label}, required = ${r.required},
            options = ${r.options} where event_id = ${eventId} and id = ${r.id} and ${guard}`)
        : db.run(sql`insert into submission_questions (id, event_id, position, kind, label, required, options)
            select ${r.id}, ${eventId}, ${r.position}, ${r.kind}, ${r.label}, ${r.required}, ${r.options} where ${guard}`),
    ),
  ]);
  const changed = [removed, ...writes].some((w) => (w as { rowsAffected?: number }).rowsAffected);
  if (!changed && (rows.length > 0 || existing.size > 0) && (await questionsLocked(eventId))) return { ok: false, message: LOCKED };
  return { ok: true };
}

/**
 * The editor after "Keep the question" (ADR 046): what was submitted, with the named stored questions back, and the
 * texts of those put back (none if another organizer removed them meanwhile).
 */
export async function questionsKeepingRemoval(
  eventId: string,
  input: QuestionsInput,
  removing: readonly string[],
): Promise<{ questions: QuestionsInput["questions"]; restored: string[] }> {
  const stored = await listQuestions(eventId);
  const submitted = new Set(input.questions.map((q) => q.id));
  const named = new Set(removing);
  return {
    questions: withRemovalKept(input.questions, stored, removing),
    restored: stored.filter((q) => named.has(q.id) && !submitted.has(q.id)).map((q) => q.label),
  };
}

/** How many teams have a draft answer to any of these questions (an empty answer is none). */
async function teamsWithAnswers(questionIds: string[]): Promise<number> {
  const [row] = await db
    .select({ teams: countDistinct(entries.teamId) })
    .from(entryAnswers)
    .innerJoin(entries, eq(entries.id, entryAnswers.entryId))
    .where(and(inArray(entryAnswers.questionId, questionIds), ne(entryAnswers.value, "")));
  return row?.teams ?? 0;
}

/** One entry's answers by question id (the entry form's values). */
export async function answersFor(entryId: string): Promise<Record<string, string>> {
  const rows = await db.select({ questionId: entryAnswers.questionId, value: entryAnswers.value }).from(entryAnswers).where(eq(entryAnswers.entryId, entryId));
  return Object.fromEntries(rows.map((r) => [r.questionId, r.value]));
}

/** The event's questions with one entry's answers, for the entry page and the judge's sheet: answered ones only. */
export async function answeredQuestions(eventId: string, entryId: string) {
  const [questions, answers] = await Promise.all([listQuestions(eventId), answersFor(entryId)]);
  return questions.filter((q) => answers[q.id]).map((q) => ({ id: q.id, kind: q.kind, label: q.label, value: answers[q.id] }));
}

/** Every answer of the event's entries, by entry then question id (the CSV export). */
export async function answersByEntry(eventId: string): Promise<Map<string, Record<string, string>>> {
  const rows = await db
    .select({ entryId: entryAnswers.entryId, questionId: entryAnswers.questionId, value: entryAnswers.value })
    .from(entryAnswers)
    .innerJoin(submissionQuestions, eq(submissionQuestions.id, entryAnswers.questionId))
    .where(eq(submissionQuestions.eventId, eventId));
  const byEntry = new Map<string, Record<string, string>>();
  for (const r of rows) byEntry.set(r.entryId, { ...byEntry.get(r.entryId), [r.questionId]: r.value });
  return byEntry;
}
