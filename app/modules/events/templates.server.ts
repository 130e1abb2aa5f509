// "New event from this one" (issue 16, ADR 035): what a new event takes from an earlier one. Its
// problems (those the organizer ticks), rubric, awards, submission questions, judging settings and description come along;
// teams, entries, scores, judges and phase never do.
import { and, asc, eq, inArray } from "drizzle-orm";
import { awards, criteria, problems, submissionQuestions } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { listProblemsOf, problemCopies } from "~/modules/problems/problems.server";
import type { EventRow } from "./events.server";
import { PEOPLES_CHOICE } from "~/modules/judging/awards";

export type EventTemplate = { source: EventRow; problemIds: string[] };

/** What the new-event page shows about the source before anything is created. */
export async function templatePreview(source: EventRow) {
  const [problemRows, criterionRows, awardRows, questionRows] = await Promise.all([
    listProblemsOf(source.id),
    db
      .select({ name: criteria.name, weight: criteria.weight })
      .from(criteria)
      .where(and(eq(criteria.eventId, source.id), eq(criteria.round, 1)))
      .orderBy(asc(criteria.position)),
    db.select({ name: awards.name, kind: awards.kind }).from(awards).where(eq(awards.eventId, source.id)).orderBy(asc(awards.position), asc(awards.name)),
    db
      .select({ label: submissionQuestions.label })
      .from(submissionQuestions)
      .where(eq(submissionQuestions.eventId, source.id))
      .orderBy(asc(submissionQuestions.position)),
  ]);
  return {
    slug: source.slug,
    title: source.title,
    problems: problemRows.filter((p) => !p.retired),
    criteria: criterionRows,
    scaleMax: source.scaleMax,
    awards: awardRows.filter((a) => a.kind !== PEOPLES_CHOICE).map((a) => a.name),
    // Said on the page, since the award list above leaves it out: it comes back with the vote, when turned on.
    hadPeoplesChoice: awardRows.some((a) => a.kind === PEOPLES_CHOICE),
    questions: questionRows.map((q) => q.label),
    settings: {
      judgesPerEntry: source.judgesPerEntry,
      blindJudging: source.blindJudging,
      normalizeScores: source.normalizeScores,
      showJudgeNames: source.showJudgeNames,
    },
  };
}

export type TemplatePreview = Awaited<ReturnType<typeof templatePreview>>;

/** The form's starting values on a new event from `source`: everything but its title and dates. */
export function templateDefaults(source: EventRow) {
  return { description: source.description, rules: source.rules, timezone: source.timezone, maxTeamSize: String(source.maxTeamSize), tagline: source.tagline };
}

/** The rows a new event `eventId` copies from its template: judging settings, rubric, awards (unawarded), submission questions, chosen problems. */
export async function templateRows(template: EventTemplate, eventId: string) {
  const { source } = template;
  const [criterionRows, awardRows, problemRows, questionRows] = await Promise.all([
    db
      .select()
      .from(criteria)
      .where(and(eq(criteria.eventId, source.id), eq(criteria.round, 1)))
      .orderBy(asc(criteria.position)),
    db.select().from(awards).where(eq(awards.eventId, source.id)).orderBy(asc(awards.position)),
    template.problemIds.length
      ? db
          .select()
          .from(problems)
          .where(and(eq(problems.eventId, source.id), inArray(problems.id, template.problemIds)))
          .orderBy(asc(problems.position))
      : Promise.resolve([]),
    db.select().from(submissionQuestions).where(eq(submissionQuestions.eventId, source.id)).orderBy(asc(submissionQuestions.position)),
  ]);
  return {
    settings: {
      scaleMax: source.scaleMax,
      judgesPerEntry: source.judgesPerEntry,
      blindJudging: source.blindJudging,
      normalizeScores: source.normalizeScores,
      showJudgeNames: source.showJudgeNames,
    },
    criteria: criterionRows.map(({ id: _id, eventId: _eventId, ...fields }) => ({ ...fields, id: newId(), eventId })),
    // The People's choice award comes with its vote (ADR 031), which is not copied: turning the vote on adds it again.
    awards: awardRows
      .filter((a) => a.kind !== PEOPLES_CHOICE)
      .map((a) => ({ id: newId(), eventId, name: a.name, description: a.description, kind: a.kind, position: a.position })),
    // Questions are the organizers' to change until the new event's first entry is submitted (ADR 036).
    questions: questionRows.map(({ id: _id, eventId: _eventId, ...fields }) => ({ ...fields, id: newId(), eventId })),
    // A retired problem stays behind even if its id was sent.
    problems: problemCopies(
      problemRows.filter((p) => p.retiredAt === null),
      eventId,
      0,
    ),
  };
}
