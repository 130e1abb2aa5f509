import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { criteria, entries, problems, scores, teamMembers, teams, users } from "#db/schema";
import { db } from "~/db.server";
import { computeResults } from "./results";

/** Entries this judge should score: submitted, and not of a team the judge belongs to. */
export async function judgeQueue(eventId: string, judgeId: string) {
  return db
    .select({
      id: entries.id,
      title: entries.title,
      outcome: entries.outcome,
      teamName: teams.name,
      problemTitle: problems.title,
      scored: sql<number>`(select count(*) from scores s where s.entry_id = entries.id and s.judge_id = ${judgeId})`,
      criterionCount: sql<number>`(select count(*) from criteria c where c.event_id = entries.event_id)`,
    })
    .from(entries)
    .innerJoin(teams, eq(teams.id, entries.teamId))
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .where(
      and(
        eq(entries.eventId, eventId),
        eq(entries.status, "submitted"),
        sql`not exists(select 1 from team_members m where m.team_id = entries.team_id and m.user_id = ${judgeId})`,
      ),
    )
    .orderBy(asc(entries.title));
}

/** Only this judge's own scores for the entry. */
export function judgeScores(entryId: string, judgeId: string) {
  return db
    .select({ criterionId: scores.criterionId, value: scores.value, comment: scores.comment })
    .from(scores)
    .where(and(eq(scores.entryId, entryId), eq(scores.judgeId, judgeId)));
}

export async function saveScores(entryId: string, judgeId: string, sheet: { criterionId: string; value: number; comment: string }[], now: Date) {
  if (sheet.length === 0) return;
  await db
    .insert(scores)
    .values(sheet.map((s) => ({ entryId, judgeId, criterionId: s.criterionId, value: s.value, comment: s.comment, updatedAt: now })))
    .onConflictDoUpdate({
      target: [scores.entryId, scores.judgeId, scores.criterionId],
      set: { value: sql`excluded.value`, comment: sql`excluded.comment`, updatedAt: sql`excluded.updated_at` },
    });
}

/** Ranking of an event's submitted entries. Callers decide who may see it. */
export async function eventResults(event: { id: string; scaleMax: number }) {
  const [rubric, submitted] = await Promise.all([
    db.select().from(criteria).where(eq(criteria.eventId, event.id)).orderBy(asc(criteria.position)),
    db
      .select({ id: entries.id, title: entries.title, outcome: entries.outcome, teamName: teams.name, teamId: teams.id, problemTitle: problems.title })
      .from(entries)
      .innerJoin(teams, eq(teams.id, entries.teamId))
      .innerJoin(problems, eq(problems.id, teams.problemId))
      .where(and(eq(entries.eventId, event.id), eq(entries.status, "submitted"))),
  ]);
  const entryIds = submitted.map((e) => e.id);
  const allScores = entryIds.length
    ? await db.select({ entryId: scores.entryId, judgeId: scores.judgeId, criterionId: scores.criterionId, value: scores.value }).from(scores).where(inArray(scores.entryId, entryIds))
    : [];
  const results = computeResults({ entryIds, criteria: rubric, scaleMax: event.scaleMax, scores: allScores });
  const byId = new Map(submitted.map((e) => [e.id, e]));
  return { rubric, rows: results.map((r) => ({ ...r, entry: byId.get(r.entryId)! })) };
}

/** Judges' comments on one entry, without judge names (teams read these after publishing). */
export function entryFeedback(entryId: string) {
  return db
    .select({ criterionName: criteria.name, value: scores.value, comment: scores.comment })
    .from(scores)
    .innerJoin(criteria, eq(criteria.id, scores.criterionId))
    .where(eq(scores.entryId, entryId))
    .orderBy(asc(criteria.position));
}

export function judgeNames(ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
}
