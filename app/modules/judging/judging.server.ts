import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { criteria, entries, eventJudges, judgeAssignments, judgeConflicts, problems, reviews, scores, teamMembers, teams, users } from "#db/schema";
import { db, dbClient } from "~/db.server";
import { afterSave, nextToScore } from "./queue";
import { computeEventResults, type Score } from "./results";

/**
 * Scores and comments that count: not those of a judge who declared a conflict with the entry.
 * Declaring one deletes them (declareConflict), but a save racing the declaration, or rows from
 * before that rule, must not count either: every reader of scores filters with this.
 */
export function notConflicted(table: typeof scores | typeof reviews) {
  return sql`not exists (select 1 from judge_conflicts k where k.entry_id = ${table.entryId} and k.judge_id = ${table.judgeId})`;
}

type JudgingEvent = { id: string; judgesPerEntry: number | null };

/**
 * Entries this judge should score: submitted, not of a team the judge belongs to, not declared a conflict,
 * and, when the event assigns judges per entry, only the judge's assigned entries.
 */
export async function judgeQueue(event: JudgingEvent, judgeId: string) {
  const assigned =
    event.judgesPerEntry === null ? undefined : sql`exists(select 1 from judge_assignments a where a.entry_id = entries.id and a.judge_id = ${judgeId})`;
  return db
    .select({
      id: entries.id,
      title: entries.title,
      outcome: entries.outcome,
      teamId: entries.teamId,
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
        eq(entries.eventId, event.id),
        eq(entries.status, "submitted"),
        sql`not exists(select 1 from team_members m where m.team_id = entries.team_id and m.user_id = ${judgeId})`,
        sql`not exists(select 1 from judge_conflicts k where k.entry_id = entries.id and k.judge_id = ${judgeId})`,
        assigned,
      ),
    )
    .orderBy(asc(entries.title));
}

/** Whether this judge declared a conflict on the entry, and whether it is theirs to score under assignment. */
export async function judgeEntryFacts(event: JudgingEvent, entryId: string, judgeId: string) {
  const [row] = await db
    .select({
      conflicted: sql<number>`exists(select 1 from judge_conflicts k where k.entry_id = ${entryId} and k.judge_id = ${judgeId})`,
      assigned: sql<number>`exists(select 1 from judge_assignments a where a.entry_id = ${entryId} and a.judge_id = ${judgeId})`,
    })
    .from(entries)
    .where(eq(entries.id, entryId));
  return { conflicted: Boolean(row?.conflicted), assigned: event.judgesPerEntry === null || Boolean(row?.assigned) };
}

/**
 * A judge steps away from an entry. Scores and the overall comment they already gave it are removed in
 * the same batch: a conflicted judge's opinion must not count, in results, feedback or awards.
 */
export async function declareConflict(eventId: string, entryId: string, judgeId: string, reason: string) {
  await db.batch([
    db
      .insert(judgeConflicts)
      .values({ eventId, entryId, judgeId, reason })
      .onConflictDoUpdate({ target: [judgeConflicts.entryId, judgeConflicts.judgeId], set: { reason } }),
    db.delete(scores).where(and(eq(scores.entryId, entryId), eq(scores.judgeId, judgeId))),
    db.delete(reviews).where(and(eq(reviews.entryId, entryId), eq(reviews.judgeId, judgeId))),
  ]);
}

/** The judge takes a declared conflict back: the entry returns to their queue, unscored. False if there was none. */
export async function withdrawConflict(eventId: string, entryId: string, judgeId: string) {
  const removed = await db
    .delete(judgeConflicts)
    .where(and(eq(judgeConflicts.eventId, eventId), eq(judgeConflicts.entryId, entryId), eq(judgeConflicts.judgeId, judgeId)))
    .returning({ entryId: judgeConflicts.entryId });
  return removed.length > 0;
}

/** Conflicts the judge declared in this event (shown under their queue). */
export function judgeConflictList(eventId: string, judgeId: string) {
  return db
    .select({ entryId: judgeConflicts.entryId, title: entries.title, reason: judgeConflicts.reason })
    .from(judgeConflicts)
    .innerJoin(entries, eq(entries.id, judgeConflicts.entryId))
    .where(and(eq(judgeConflicts.eventId, eventId), eq(judgeConflicts.judgeId, judgeId)))
    .orderBy(asc(entries.title));
}

/** Every declared conflict of the event, for its organizers. */
export function eventConflicts(eventId: string) {
  return db
    .select({ entryId: judgeConflicts.entryId, title: entries.title, judgeName: users.name, reason: judgeConflicts.reason })
    .from(judgeConflicts)
    .innerJoin(entries, eq(entries.id, judgeConflicts.entryId))
    .innerJoin(users, eq(users.id, judgeConflicts.judgeId))
    .where(eq(judgeConflicts.eventId, eventId))
    .orderBy(asc(entries.title), asc(users.name));
}

/** Only this judge's own scores for the entry. */
export function judgeScores(entryId: string, judgeId: string) {
  return db
    .select({ criterionId: scores.criterionId, value: scores.value, comment: scores.comment })
    .from(scores)
    .where(and(eq(scores.entryId, entryId), eq(scores.judgeId, judgeId)));
}

export async function judgeReview(entryId: string, judgeId: string) {
  const [row] = await db
    .select({ comment: reviews.comment })
    .from(reviews)
    .where(and(eq(reviews.entryId, entryId), eq(reviews.judgeId, judgeId)));
  return row?.comment ?? "";
}

/** Upserts the criteria that have a value; criteria left blank keep whatever was saved before (partial work). */
export async function saveScores(
  entryId: string,
  judgeId: string,
  sheet: { criterionId: string; value?: number | undefined; comment: string }[],
  now: Date,
  overallComment?: string,
) {
  const rows = sheet.flatMap((s) =>
    s.value === undefined ? [] : [{ entryId, judgeId, criterionId: s.criterionId, value: s.value, comment: s.comment, updatedAt: now }],
  );
  if (rows.length) {
    await db
      .insert(scores)
      .values(rows)
      .onConflictDoUpdate({
        target: [scores.entryId, scores.judgeId, scores.criterionId],
        set: { value: sql`excluded.value`, comment: sql`excluded.comment`, updatedAt: sql`excluded.updated_at` },
      });
  }
  if (overallComment !== undefined) {
    await db
      .insert(reviews)
      .values({ entryId, judgeId, comment: overallComment, updatedAt: now })
      .onConflictDoUpdate({ target: [reviews.entryId, reviews.judgeId], set: { comment: overallComment, updatedAt: now } });
  }
}

type SheetInput = { criterionId: string; value?: number | undefined; comment: string }[];

/**
 * Saves what the judge filled in (a partial or empty sheet too) and decides where they go next: the
 * next unfinished entry of their own queue (so assignments, conflicts and their team count), or the queue.
 */
export async function saveSheet(
  event: JudgingEvent,
  entry: { id: string; title: string },
  judgeId: string,
  input: { scores: SheetInput; overallComment: string; then: "queue" | "next" },
  now: Date,
) {
  await saveScores(entry.id, judgeId, input.scores, now, input.overallComment);
  const [saved, queue] = await Promise.all([judgeScores(entry.id, judgeId), input.then === "next" ? judgeQueue(event, judgeId) : Promise.resolve([])]);
  // scoreSheetSchema lets through one row per rubric criterion, so the sheet's rows are the rubric.
  const rubric = new Set(input.scores.map((s) => s.criterionId));
  const next = nextToScore(queue, entry.id);
  return afterSave({
    title: entry.title,
    scored: saved.filter((s) => rubric.has(s.criterionId)).length,
    criterionCount: rubric.size,
    overallComment: input.overallComment !== "",
    then: input.then,
    next: next ? { id: next.id, title: next.title } : null,
  });
}

/** Who should score each entry: assigned judges (or every judge), minus conflicts and the team's own members. */
async function expectedJudges(event: JudgingEvent, entryRows: { id: string; teamId: string }[]) {
  const entryIds = entryRows.map((e) => e.id);
  if (entryIds.length === 0) return new Map<string, string[]>();
  const [judges, assignments, conflicts, members] = await Promise.all([
    db.select({ id: eventJudges.userId }).from(eventJudges).where(eq(eventJudges.eventId, event.id)),
    event.judgesPerEntry === null
      ? Promise.resolve([])
      : db
          .select({ entryId: judgeAssignments.entryId, judgeId: judgeAssignments.judgeId })
          .from(judgeAssignments)
          .where(eq(judgeAssignments.eventId, event.id)),
    db.select({ entryId: judgeConflicts.entryId, judgeId: judgeConflicts.judgeId }).from(judgeConflicts).where(eq(judgeConflicts.eventId, event.id)),
    db.select({ teamId: teamMembers.teamId, userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.eventId, event.id)),
  ]);
  const judgeIds = new Set(judges.map((j) => j.id));
  const conflicted = new Set(conflicts.map((c) => `${c.entryId}:${c.judgeId}`));
  const inTeam = new Set(members.map((m) => `${m.teamId}:${m.userId}`));
  const assigned = new Map<string, string[]>();
  for (const a of assignments) {
    if (!judgeIds.has(a.judgeId)) continue;
    const judges = assigned.get(a.entryId);
    if (judges) judges.push(a.judgeId);
    else assigned.set(a.entryId, [a.judgeId]);
  }
  const map = new Map<string, string[]>();
  for (const e of entryRows) {
    const candidates = event.judgesPerEntry === null ? [...judgeIds] : (assigned.get(e.id) ?? []);
    map.set(
      e.id,
      candidates.filter((j) => !conflicted.has(`${e.id}:${j}`) && !inTeam.has(`${e.teamId}:${j}`)),
    );
  }
  return map;
}

/**
 * Scores that count for the event's submitted entries, one sheet after another. One lean query on the
 * client itself: at a 300-entry event that is ~9,000 rows, and the ORM's mapping of each row cost more
 * than the query (ADR 033). The client's rows carry the aliased columns as properties, so they are the
 * computation's input as they are.
 */
async function countedScores(eventId: string): Promise<Score[]> {
  const { rows } = await dbClient.execute({
    sql: `select s.entry_id as entryId, s.judge_id as judgeId, s.criterion_id as criterionId, s.value as value
          from entries e join scores s on s.entry_id = e.id
          where e.event_id = ? and e.status = 'submitted'
            and not exists (select 1 from judge_conflicts k where k.entry_id = s.entry_id and k.judge_id = s.judge_id)`,
    args: [eventId],
  });
  return rows as unknown as Score[];
}

type ResultsEvent = JudgingEvent & { scaleMax: number; normalizeScores?: boolean };

/** Both rankings of an event's submitted entries, with flags and breakdowns. Callers decide who may see it. */
export async function eventResults(event: ResultsEvent, view?: "raw" | "normalized") {
  const [rubric, submitted] = await Promise.all([
    db.select().from(criteria).where(eq(criteria.eventId, event.id)).orderBy(asc(criteria.position)),
    db
      .select({ id: entries.id, title: entries.title, outcome: entries.outcome, teamName: teams.name, teamId: teams.id, problemTitle: problems.title })
      .from(entries)
      .innerJoin(teams, eq(teams.id, entries.teamId))
      .innerJoin(problems, eq(problems.id, teams.problemId))
      .where(and(eq(entries.eventId, event.id), eq(entries.status, "submitted")))
      .orderBy(asc(entries.title)),
  ]);
  const entryIds = submitted.map((e) => e.id);
  const [allScores, expected] = await Promise.all([entryIds.length ? countedScores(event.id) : Promise.resolve([]), expectedJudges(event, submitted)]);
  const official = event.normalizeScores ? "normalized" : "raw";
  const summary = computeEventResults({
    entryIds,
    criteria: rubric,
    scaleMax: event.scaleMax,
    scores: allScores,
    expectedJudges: expected,
    official: view ?? official,
  });
  const byId = new Map(submitted.map((e) => [e.id, e]));
  return { rubric, official, ...summary, rows: summary.rows.map((r) => ({ ...r, entry: byId.get(r.entryId)! })) };
}

export type FeedbackSheet = { judge: string; overall: string; scores: { criterionName: string; value: number; comment: string }[] };

/** Judges' scores and comments on one entry, one sheet per judge; names only when the organizer chose to show them. */
export async function entryFeedback(entryId: string, showJudgeNames = false): Promise<FeedbackSheet[]> {
  const [rows, overall] = await Promise.all([
    db
      .select({ judgeId: scores.judgeId, judgeName: users.name, criterionName: criteria.name, value: scores.value, comment: scores.comment })
      .from(scores)
      .innerJoin(criteria, eq(criteria.id, scores.criterionId))
      .innerJoin(users, eq(users.id, scores.judgeId))
      .where(and(eq(scores.entryId, entryId), notConflicted(scores)))
      .orderBy(asc(scores.judgeId), asc(criteria.position)),
    db
      .select({ judgeId: reviews.judgeId, judgeName: users.name, comment: reviews.comment })
      .from(reviews)
      .innerJoin(users, eq(users.id, reviews.judgeId))
      .where(and(eq(reviews.entryId, entryId), notConflicted(reviews))),
  ]);
  const order: string[] = [];
  const names = new Map<string, string>();
  for (const r of [...rows, ...overall]) {
    if (!names.has(r.judgeId)) order.push(r.judgeId);
    names.set(r.judgeId, r.judgeName);
  }
  return order.map((judgeId, i) => ({
    judge: showJudgeNames ? names.get(judgeId)! : `Judge ${i + 1}`,
    overall: overall.find((o) => o.judgeId === judgeId)?.comment ?? "",
    scores: rows.filter((r) => r.judgeId === judgeId).map(({ criterionName, value, comment }) => ({ criterionName, value, comment })),
  }));
}

/** Every score and overall comment of the event with judge names, for the organizers' raw export. */
export function rawScoreRows(eventId: string) {
  return db
    .select({
      entryTitle: entries.title,
      teamName: teams.name,
      judgeName: users.name,
      judgeEmail: users.email,
      criterionName: criteria.name,
      weight: criteria.weight,
      value: scores.value,
      comment: scores.comment,
      updatedAt: scores.updatedAt,
    })
    .from(scores)
    .innerJoin(entries, eq(entries.id, scores.entryId))
    .innerJoin(teams, eq(teams.id, entries.teamId))
    .innerJoin(users, eq(users.id, scores.judgeId))
    .innerJoin(criteria, eq(criteria.id, scores.criterionId))
    .where(and(eq(entries.eventId, eventId), notConflicted(scores)))
    .orderBy(asc(entries.title), asc(users.name), asc(criteria.position));
}

export function overallCommentRows(eventId: string) {
  return db
    .select({ entryTitle: entries.title, teamName: teams.name, judgeName: users.name, judgeEmail: users.email, comment: reviews.comment })
    .from(reviews)
    .innerJoin(entries, eq(entries.id, reviews.entryId))
    .innerJoin(teams, eq(teams.id, entries.teamId))
    .innerJoin(users, eq(users.id, reviews.judgeId))
    .where(and(eq(entries.eventId, eventId), sql`reviews.comment <> ''`, notConflicted(reviews)))
    .orderBy(asc(entries.title), asc(users.name));
}

export function judgeNames(ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
}
