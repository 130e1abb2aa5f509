import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import {
  criteria,
  entries,
  eventJudges,
  events,
  finalJudges,
  judgeAssignments,
  judgeConflicts,
  problems,
  overallComments,
  scores,
  teamMembers,
  teams,
  users,
} from "#db/schema";
import { db, dbClient, preparedQueries, preparedQuery } from "~/db.server";
import type { Confirmation } from "~/lib/confirm";
import type { Actor, EventAccess } from "~/modules/auth/permissions";
import { answeredQuestions } from "~/modules/entries/questions.server";
import { listScreenshots } from "~/modules/entries/screenshots.server";
import { recomputeAssignmentsOf } from "~/modules/events/assignments.server";
import { listCriteria } from "~/modules/events/events.server";
import { parseLevels } from "~/modules/events/rubric";
import { blindJudging } from "./blind.server";
import { afterSave, nextToScore } from "./queue";
import { computeEventResults, type Score } from "./results";
import { cachedResults, resultsVersion } from "./results-cache.server";
import { asRound, type JudgingRound } from "./rounds";
import { scoreSheetSchema, sheetAsText, sheetForRubric } from "./schemas";

/**
 * Scores and comments that count: not those of a judge who declared a conflict with the entry.
 * Declaring one deletes them (declareConflict), but a save racing the declaration, or rows from
 * before that rule, must not count either: every reader of scores filters with this.
 */
export function notConflicted(table: typeof scores | typeof overallComments) {
  return sql`not exists (select 1 from judge_conflicts k where k.entry_id = ${table.entryId} and k.judge_id = ${table.judgeId})`;
}

/** judgingRound: the event's current round (ADR 038); absent = round 1. */
type JudgingEvent = { id: string; judgesPerEntry: number | null; judgingRound?: number };

/** The entry (an SQL expression for its id) is on the final round's shortlist. */
const isFinalist = (entryId: unknown) => sql`exists(select 1 from finalists f where f.entry_id = ${entryId} and f.decision <> 'removed')`;
/** The person is a judge of the event's final round. */
const isFinalJudge = (eventId: unknown, judgeId: unknown) =>
  sql`exists(select 1 from final_judges fj where fj.event_id = ${eventId} and fj.user_id = ${judgeId})`;

/**
 * Entries this judge should score in the event's current round: submitted, not of a team the judge belongs to,
 * not declared a conflict; in round 1, when the event assigns judges per entry, only the judge's assigned entries;
 * in the final round, the finalists, and only for a judge of the final round (every final judge scores every finalist).
 */
export async function judgeQueue(event: JudgingEvent, judgeId: string) {
  const round = asRound(event.judgingRound);
  const shape = round === 2 ? "final" : event.judgesPerEntry === null ? "all" : "assigned";
  return queueOf(shape).all({ eventId: event.id, judgeId, round });
}

// Built once per shape (ADR 064): a judge's queue is read on every visit of it.
const queueOf = preparedQueries((shape: "final" | "assigned" | "all") => {
  const eventId = sql.placeholder("eventId");
  const judgeId = sql.placeholder("judgeId");
  const round = sql.placeholder("round");
  const assigned =
    shape === "final"
      ? and(isFinalist(sql`entries.id`), isFinalJudge(eventId, judgeId))
      : shape === "all"
        ? undefined
        : // The judge's assignments are read once (the event and judge index), not looked up entry by entry.
          sql`entries.id in (select a.entry_id from judge_assignments a where a.event_id = ${eventId} and a.judge_id = ${judgeId})`;
  return db
    .select({
      id: entries.id,
      title: entries.title,
      outcome: entries.outcome,
      teamId: entries.teamId,
      teamName: teams.name,
      problemTitle: problems.title,
      scored: sql<number>`(select count(*) from scores s join criteria c on c.id = s.criterion_id and c.round = ${round}
        where s.entry_id = entries.id and s.judge_id = ${judgeId})`,
      // The same for every row: not correlated, so SQLite counts once.
      criterionCount: sql<number>`(select count(*) from criteria c where c.event_id = ${eventId} and c.round = ${round})`,
    })
    .from(entries)
    .innerJoin(teams, eq(teams.id, entries.teamId))
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .where(
      and(
        // Under assignment the judge's few assigned entries lead (read by id); SQLite would otherwise walk every
        // entry of the event in title order for want of a sort, nearly twice the work at a 300-entry event. The
        // unary + keeps it from using the event's index for these two terms (issue 19).
        shape === "assigned" ? sql`+${entries.eventId} = ${eventId} and +${entries.status} = 'submitted'` : eq(entries.eventId, eventId),
        shape === "assigned" ? undefined : eq(entries.status, "submitted"),
        sql`not exists(select 1 from team_members m where m.team_id = entries.team_id and m.user_id = ${judgeId})`,
        sql`not exists(select 1 from judge_conflicts k where k.entry_id = entries.id and k.judge_id = ${judgeId})`,
        assigned,
      ),
    )
    .orderBy(asc(entries.title), asc(entries.id))
    .prepare();
});

/**
 * Whether this judge declared a conflict on the entry, and whether it is theirs to score: under assignment in round 1;
 * in the final round (finalRound), a finalist and a judge of the final round (notFinalist: the entry did not reach it).
 */
export async function judgeEntryFacts(event: JudgingEvent, entryId: string, judgeId: string) {
  const [row] = await db
    .select({
      conflicted: sql<number>`exists(select 1 from judge_conflicts k where k.entry_id = ${entryId} and k.judge_id = ${judgeId})`,
      assigned: sql<number>`exists(select 1 from judge_assignments a where a.entry_id = ${entryId} and a.judge_id = ${judgeId})`,
      finalist: sql<number>`${isFinalist(entryId)}`,
      finalJudge: sql<number>`${isFinalJudge(event.id, judgeId)}`,
    })
    .from(entries)
    .where(eq(entries.id, entryId));
  if (asRound(event.judgingRound) === 2)
    return {
      conflicted: Boolean(row?.conflicted),
      assigned: Boolean(row?.finalist) && Boolean(row?.finalJudge),
      notFinalist: !row?.finalist,
      finalRound: true,
    };
  return { conflicted: Boolean(row?.conflicted), assigned: event.judgesPerEntry === null || Boolean(row?.assigned) };
}

/** What declaring a conflict would delete: the judge's saved scores on the entry and overall comments, of how many rounds. */
export type ConflictLoss = { scores: number; comments: number; rounds: number };

/**
 * A judge steps away from an entry. Scores and the overall comment they already gave it are removed in
 * the same batch: a conflicted judge's opinion must not count, in results, feedback or awards. When that deletes
 * saved work, it happens only once confirmed (ADR 012): the first request is answered with what would be lost.
 */
export async function declareConflict(
  eventId: string,
  entryId: string,
  judgeId: string,
  reason: string,
  confirmation: Confirmation,
): Promise<{ ok: true } | { ok: false; confirm: ConflictLoss } | { ok: false; refused: string }> {
  if (!confirmation.confirmed) {
    const [loss] = await db.all<ConflictLoss>(sql`
      select (select count(*) from scores where entry_id = ${entryId} and judge_id = ${judgeId}) as scores,
             (select count(*) from overall_comments where entry_id = ${entryId} and judge_id = ${judgeId} and comment != '') as comments,
             (select count(*) from (
               select c.round from scores s join criteria c on c.id = s.criterion_id where s.entry_id = ${entryId} and s.judge_id = ${judgeId}
               union select round from overall_comments where entry_id = ${entryId} and judge_id = ${judgeId} and comment != '')) as rounds`);
    if (loss.scores > 0 || loss.comments > 0)
      return { ok: false, confirm: { scores: Number(loss.scores), comments: Number(loss.comments), rounds: Number(loss.rounds) } };
  }
  // The route's rule (canDeclareConflict) holds in every statement too, for a request checked just before results were
  // published or the final round started: before results, and in the final round only its judge on a finalist, since
  // the DELETEs reach round 1's closed sheet too.
  const may = sql`(select phase from events where id = ${eventId}) in ('open', 'judging')
    and ((select judging_round from events where id = ${eventId}) = 1 or (${isFinalist(entryId)} and ${isFinalJudge(eventId, judgeId)}))`;
  const [declared] = await db.batch([
    db.run(sql`insert into judge_conflicts (event_id, entry_id, judge_id, reason) select ${eventId}, ${entryId}, ${judgeId}, ${reason} where ${may}
      on conflict (entry_id, judge_id) do update set reason = excluded.reason`),
    db.delete(scores).where(and(eq(scores.entryId, entryId), eq(scores.judgeId, judgeId), may)),
    db.delete(overallComments).where(and(eq(overallComments.entryId, entryId), eq(overallComments.judgeId, judgeId), may)),
  ]);
  if (declared.rowsAffected !== 1)
    return { ok: false, refused: "The event moved on meanwhile (results were published, or the final round started): nothing was changed." };
  // Under "N judges per entry" the entry would otherwise be judged by one fewer, with no gap shown: another judge takes
  // the place. Every other assignment stays, so no judge's unscored entry moves while they score it.
  await recomputeAssignmentsOf(eventId, { keepEligible: true });
  return { ok: true };
}

/**
 * The judge takes a declared conflict back: the entry returns to their queue if it still lacks a judge. False if there
 * was none, or if the final round started and it is not theirs to score there (canWithdrawConflict, held here too).
 */
export async function withdrawConflict(eventId: string, entryId: string, judgeId: string) {
  const stillTheirs = sql`((select judging_round from events where id = ${eventId}) = 1 or (${isFinalist(entryId)} and ${isFinalJudge(eventId, judgeId)}))`;
  const removed = await db
    .delete(judgeConflicts)
    .where(and(eq(judgeConflicts.eventId, eventId), eq(judgeConflicts.entryId, entryId), eq(judgeConflicts.judgeId, judgeId), stillTheirs))
    .returning({ entryId: judgeConflicts.entryId });
  // The entry comes back to the judge only where it still lacks a judge (nobody took the place, or the roster shrank).
  if (removed.length > 0) await recomputeAssignmentsOf(eventId, { keepEligible: true });
  return removed.length > 0;
}

const judgeConflictsOf = preparedQuery(() =>
  db
    .select({ entryId: judgeConflicts.entryId, title: entries.title, reason: judgeConflicts.reason })
    .from(judgeConflicts)
    .innerJoin(entries, eq(entries.id, judgeConflicts.entryId))
    .where(and(eq(judgeConflicts.eventId, sql.placeholder("eventId")), eq(judgeConflicts.judgeId, sql.placeholder("judgeId"))))
    .orderBy(asc(entries.title), asc(entries.id))
    .prepare(),
);

/** Conflicts the judge declared in this event (shown under their queue). */
export function judgeConflictList(eventId: string, judgeId: string) {
  return judgeConflictsOf().all({ eventId, judgeId });
}

const eventConflictsOf = preparedQuery(() =>
  db
    .select({ entryId: judgeConflicts.entryId, title: entries.title, judgeName: users.name, reason: judgeConflicts.reason })
    .from(judgeConflicts)
    .innerJoin(entries, eq(entries.id, judgeConflicts.entryId))
    .innerJoin(users, eq(users.id, judgeConflicts.judgeId))
    .where(eq(judgeConflicts.eventId, sql.placeholder("eventId")))
    .orderBy(asc(entries.title), asc(entries.id), asc(users.name))
    .prepare(),
);

/** Every declared conflict of the event, for its organizers. */
export function eventConflicts(eventId: string) {
  return eventConflictsOf().all({ eventId });
}

/** Only this judge's own scores for the entry, in one round. */
function judgeScores(entryId: string, judgeId: string, round: JudgingRound = 1) {
  return db
    .select({ criterionId: scores.criterionId, value: scores.value, comment: scores.comment })
    .from(scores)
    .innerJoin(criteria, and(eq(criteria.id, scores.criterionId), eq(criteria.round, round)))
    .where(and(eq(scores.entryId, entryId), eq(scores.judgeId, judgeId)));
}

async function judgeOverallComment(entryId: string, judgeId: string, round: JudgingRound = 1) {
  const [row] = await db
    .select({ comment: overallComments.comment })
    .from(overallComments)
    .where(and(eq(overallComments.entryId, entryId), eq(overallComments.judgeId, judgeId), eq(overallComments.round, round)));
  return row?.comment ?? "";
}

/** judgingRound: the event's current round, whose sheet a judge fills in (ADR 038). */
type SheetEvent = { id: string; slug: string; title: string; scaleMax: number; judgingRound: number; blindJudging: boolean };

/**
 * What the score page shows a judge: the entry (its team hidden under blind judging) and the sheet of the current
 * round: in the final round, its rubric and this judge's final-round scores and overall comment (ADR 038).
 */
export async function scoreSheetView<E extends { id: string; teamId: string }>(
  actor: Actor,
  access: EventAccess,
  event: SheetEvent,
  found: { entry: E; teamName: string; problemTitle: string },
) {
  const round = asRound(event.judgingRound);
  // The sheet needs no team id, and a blind judge must not get one (blind.server.ts).
  const { teamId, ...entry } = found.entry;
  const [rubric, mine, overall, screenshots, answers] = await Promise.all([
    listCriteria(event.id, round),
    judgeScores(entry.id, actor.id, round),
    judgeOverallComment(entry.id, actor.id, round),
    listScreenshots(entry.id),
    answeredQuestions(event.id, entry.id),
  ]);
  return {
    event: { slug: event.slug, title: event.title, scaleMax: event.scaleMax, round },
    entry,
    teamName: blindJudging(actor, access, event).row({ teamId, teamName: found.teamName }).teamName,
    problemTitle: found.problemTitle,
    rubric: rubric.map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight, levels: parseLevels(c.levels) })),
    mine,
    overall,
    screenshots: screenshots.map((s) => ({ id: s.id, caption: s.caption })),
    answers,
  };
}

/**
 * What a posted sheet is checked against: the current round's criteria (for `namesOtherCriteria`), and the schema of
 * a sheet of them on the event's scale.
 */
export async function currentSheet(event: { id: string; scaleMax: number; judgingRound: number }) {
  const criteria = (await listCriteria(event.id, asRound(event.judgingRound))).map(({ id, name }) => ({ id, name }));
  const criterionIds = criteria.map((c) => c.id);
  return { criteria, criterionIds, schema: scoreSheetSchema(criterionIds, event.scaleMax) };
}

/** Said when a sheet names other criteria than the rubric now (`namesOtherCriteria`). */
export const RUBRIC_CHANGED =
  "The rubric changed since this page was opened (the final round started with its own criteria, or the organizers changed one), so nothing was saved. The sheet now follows the current rubric, keeping what you typed for criteria it still has; the rest is listed under “What you sent”. Check it and save again.";

/**
 * The answer to a sheet sent against another rubric (`namesOtherCriteria`): the sheet as rows of the current rubric
 * (`sheetForRubric`), which the page read again shows, and every line sent, by the name of its criterion in either
 * round, to copy what the current rubric has no row for. `sent`: the sheet as the reply keeps it.
 */
export async function sheetAfterRubricChange(eventId: string, sent: Record<string, unknown>, current: readonly { id: string }[]) {
  const named = await db.select({ id: criteria.id, name: criteria.name }).from(criteria).where(eq(criteria.eventId, eventId));
  return { initialValue: sheetForRubric(sent, current), kept: sheetAsText(sent, named) };
}

/**
 * Upserts the criteria that have a value; criteria left blank keep whatever was saved before (partial work). Each
 * statement writes only a criterion of the event's current round, and the overall comment goes to that round
 * (ADR 038): once the final round starts, round-1 scores cannot change, whatever a stale page sends.
 */
export async function saveScores(
  entryId: string,
  judgeId: string,
  sheet: { criterionId: string; value?: number | undefined; comment: string }[],
  now: Date,
  overallComment?: string,
  /** The round the caller checked the sheet against: nothing is written once the event is in another. */
  round?: JudgingRound,
) {
  const at = Math.floor(now.getTime() / 1000);
  const inRound = round === undefined ? sql`` : sql` and e.judging_round = ${round}`;
  const writes = sheet.flatMap((s) =>
    s.value === undefined
      ? []
      : [
          db.run(sql`insert into scores (entry_id, judge_id, criterion_id, value, comment, updated_at)
            select ${entryId}, ${judgeId}, c.id, ${s.value}, ${s.comment}, ${at} from criteria c join events e on e.id = c.event_id
            where c.id = ${s.criterionId} and c.round = e.judging_round and e.phase = 'judging'${inRound}
            on conflict (entry_id, judge_id, criterion_id) do update set value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at`),
        ],
  );
  if (overallComment !== undefined)
    writes.push(
      db.run(sql`insert into overall_comments (entry_id, judge_id, comment, round, updated_at)
        select ${entryId}, ${judgeId}, ${overallComment}, e.judging_round, ${at} from entries x join events e on e.id = x.event_id
        where x.id = ${entryId} and e.phase = 'judging'${inRound}
        on conflict (entry_id, judge_id, round) do update set comment = excluded.comment, updated_at = excluded.updated_at`),
    );
  const [first, ...rest] = writes;
  // How many rows were written: none when judging ended (or the round changed) after the caller's checks.
  if (!first) return 0;
  const results = await db.batch([first, ...rest]);
  return results.reduce((sum, r) => sum + r.rowsAffected, 0);
}

/** Said when a sheet's statements found judging over, after the route's checks had passed (ADR 012). */
export const JUDGING_ENDED_MEANWHILE =
  "Judging of this round ended while your sheet was on its way (results were published, or the final round started), so nothing was saved. Reload the page to see where judging stands.";

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
  const written = await saveScores(entry.id, judgeId, input.scores, now, input.overallComment, asRound(event.judgingRound));
  if (written === 0) {
    // The rubric the sheet would be scored against now (the final round's, if it started meanwhile).
    const [now] = await db.select({ judgingRound: events.judgingRound }).from(events).where(eq(events.id, event.id));
    const criteria = now ? await listCriteria(event.id, asRound(now.judgingRound)) : [];
    return { go: "refused" as const, message: JUDGING_ENDED_MEANWHILE, criteria: criteria.map((c) => ({ id: c.id })) };
  }
  const [saved, queue] = await Promise.all([
    judgeScores(entry.id, judgeId, asRound(event.judgingRound)),
    input.then === "next" ? judgeQueue(event, judgeId) : Promise.resolve([]),
  ]);
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

/**
 * Who should score each entry in a round: round 1's assigned judges (or every judge), the final round's judges for
 * its finalists; never a judge who declared a conflict or a member of the entry's team.
 */
async function expectedJudges(event: JudgingEvent, entryRows: { id: string; teamId: string }[], round: JudgingRound) {
  const entryIds = entryRows.map((e) => e.id);
  if (entryIds.length === 0) return new Map<string, string[]>();
  const everyone = round === 2 || event.judgesPerEntry === null;
  const [judges, assignments, conflicts, members] = await Promise.all([
    round === 2
      ? db.select({ id: finalJudges.userId }).from(finalJudges).where(eq(finalJudges.eventId, event.id))
      : db.select({ id: eventJudges.userId }).from(eventJudges).where(eq(eventJudges.eventId, event.id)),
    everyone
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
    const candidates = everyone ? [...judgeIds] : (assigned.get(e.id) ?? []);
    map.set(
      e.id,
      candidates.filter((j) => !conflicted.has(`${e.id}:${j}`) && !inTeam.has(`${e.teamId}:${j}`)),
    );
  }
  return map;
}

/**
 * Scores that count for the event's submitted entries in one round (scores on that round's criteria), one sheet
 * after another. One lean query on the client itself: at a 300-entry event that is ~9,000 rows, and the ORM's
 * mapping of each row cost more than the query (ADR 033). The client's rows carry the aliased columns as
 * properties, so they are the computation's input as they are.
 */
async function countedScores(eventId: string, round: JudgingRound): Promise<Score[]> {
  const { rows } = await dbClient.execute({
    sql: `select s.entry_id as entryId, s.judge_id as judgeId, s.criterion_id as criterionId, s.value as value
          from entries e join scores s on s.entry_id = e.id join criteria c on c.id = s.criterion_id and c.round = ?
          where e.event_id = ? and e.status = 'submitted'
            and not exists (select 1 from judge_conflicts k where k.entry_id = s.entry_id and k.judge_id = s.judge_id)`,
    args: [round, eventId],
  });
  return rows as unknown as Score[];
}

type ResultsEvent = JudgingEvent & { scaleMax: number; normalizeScores?: boolean };

/** One round's results computed from the database, and their weight for the cache (its score and entry rows). */
async function computeResultsOf(event: ResultsEvent, official: "raw" | "normalized", order: "raw" | "normalized", round: JudgingRound) {
  const [rubric, submitted] = await Promise.all([
    db
      .select()
      .from(criteria)
      .where(and(eq(criteria.eventId, event.id), eq(criteria.round, round)))
      .orderBy(asc(criteria.position)),
    db
      .select({ id: entries.id, title: entries.title, outcome: entries.outcome, teamName: teams.name, teamId: teams.id, problemTitle: problems.title })
      .from(entries)
      .innerJoin(teams, eq(teams.id, entries.teamId))
      .innerJoin(problems, eq(problems.id, teams.problemId))
      .where(and(eq(entries.eventId, event.id), eq(entries.status, "submitted"), round === 2 ? isFinalist(entries.id) : undefined))
      .orderBy(asc(entries.title), asc(entries.id)),
  ]);
  const entryIds = submitted.map((e) => e.id);
  const [allScores, expected] = await Promise.all([
    entryIds.length ? countedScores(event.id, round) : Promise.resolve([]),
    expectedJudges(event, submitted, round),
  ]);
  const summary = computeEventResults({
    entryIds,
    criteria: rubric,
    scaleMax: event.scaleMax,
    scores: allScores,
    expectedJudges: expected,
    official: order,
  });
  const byId = new Map(submitted.map((e) => [e.id, e]));
  const value = { round, rubric, official, ...summary, rows: summary.rows.map((r) => ({ ...r, entry: byId.get(r.entryId)! })) };
  return { value, weight: allScores.length + entryIds.length };
}

/**
 * Both rankings of one round's entries, with flags and breakdowns: round 1 ranks every submitted entry, the final
 * round its finalists under its own rubric, judges and normalization (ADR 038). Without `round`, the event's current
 * round, whose ranking is the official one. Callers decide who may see it, and must not change what they get: it
 * is cached per process until the event's results version moves (results-cache.server.ts, ADR 044); settings read
 * from the event row are part of the key.
 */
export async function eventResults(event: ResultsEvent, view?: "raw" | "normalized", round: JudgingRound = asRound(event.judgingRound)) {
  const official = event.normalizeScores ? "normalized" : "raw";
  const order = view ?? official;
  const key = [event.id, event.scaleMax, event.judgesPerEntry, official, order, round].join("|");
  return cachedResults(key, await resultsVersion(event.id), () => computeResultsOf(event, official, order, round));
}

export type FeedbackSheet = {
  judge: string;
  /** Only when the event had a final round (ADR 038): which round the sheet is from. */
  round?: JudgingRound;
  overall: string;
  scores: { criterionName: string; value: number; comment: string }[];
  /** A score is missing for some criterion of its round: the sheet does not count in the ranking (results.ts). */
  unfinished: boolean;
};

/**
 * Judges' scores and comments on one entry, one sheet per judge and round (final round first); names only when the
 * organizer chose to show them. A sheet left unfinished is shown as such: its comments may help the team, but it is
 * not part of the score.
 */
export async function entryFeedback(entryId: string, showJudgeNames = false): Promise<FeedbackSheet[]> {
  const [rows, overall, rubric] = await Promise.all([
    db
      .select({
        judgeId: scores.judgeId,
        judgeName: users.name,
        round: criteria.round,
        criterionName: criteria.name,
        value: scores.value,
        comment: scores.comment,
      })
      .from(scores)
      .innerJoin(criteria, eq(criteria.id, scores.criterionId))
      .innerJoin(users, eq(users.id, scores.judgeId))
      .where(and(eq(scores.entryId, entryId), notConflicted(scores)))
      .orderBy(desc(criteria.round), asc(scores.judgeId), asc(criteria.position)),
    db
      .select({ judgeId: overallComments.judgeId, judgeName: users.name, round: overallComments.round, comment: overallComments.comment })
      .from(overallComments)
      .innerJoin(users, eq(users.id, overallComments.judgeId))
      // A sheet saved with nothing picked and no comment ("Save and next entry" to move on) has nothing to read.
      .where(and(eq(overallComments.entryId, entryId), notConflicted(overallComments), ne(overallComments.comment, "")))
      .orderBy(desc(overallComments.round)),
    db
      .select({ round: criteria.round, count: sql<number>`count(*)` })
      .from(criteria)
      .innerJoin(entries, eq(entries.eventId, criteria.eventId))
      .where(eq(entries.id, entryId))
      .groupBy(criteria.round),
  ]);
  const sheets: { key: string; judgeId: string; round: number }[] = [];
  const names = new Map<string, string>();
  for (const r of [...rows, ...overall]) {
    const key = `${r.round}:${r.judgeId}`;
    if (!sheets.some((s) => s.key === key)) sheets.push({ key, judgeId: r.judgeId, round: r.round });
    names.set(r.judgeId, r.judgeName);
  }
  sheets.sort((a, b) => b.round - a.round);
  const twoRounds = sheets.some((s) => s.round === 2);
  const numbers = new Map<string, number>();
  return sheets.map((s) => {
    const n = (numbers.get(String(s.round)) ?? 0) + 1;
    numbers.set(String(s.round), n);
    const given = rows.filter((r) => r.judgeId === s.judgeId && r.round === s.round);
    return {
      judge: showJudgeNames ? names.get(s.judgeId)! : `Judge ${n}`,
      ...(twoRounds ? { round: asRound(s.round) } : {}),
      overall: overall.find((o) => o.judgeId === s.judgeId && o.round === s.round)?.comment ?? "",
      scores: given.map(({ criterionName, value, comment }) => ({ criterionName, value, comment })),
      unfinished: given.length < (rubric.find((c) => c.round === s.round)?.count ?? 0),
    };
  });
}

/** Every score and overall comment of the event with judge names, for the organizers' raw export. */
export function rawScoreRows(eventId: string) {
  return db
    .select({
      round: criteria.round,
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
    .orderBy(asc(criteria.round), asc(entries.title), asc(entries.id), asc(users.name), asc(criteria.position));
}

export function overallCommentRows(eventId: string) {
  return db
    .select({
      round: overallComments.round,
      entryTitle: entries.title,
      teamName: teams.name,
      judgeName: users.name,
      judgeEmail: users.email,
      comment: overallComments.comment,
    })
    .from(overallComments)
    .innerJoin(entries, eq(entries.id, overallComments.entryId))
    .innerJoin(teams, eq(teams.id, entries.teamId))
    .innerJoin(users, eq(users.id, overallComments.judgeId))
    .where(and(eq(entries.eventId, eventId), sql`overall_comments.comment <> ''`, notConflicted(overallComments)))
    .orderBy(asc(overallComments.round), asc(entries.title), asc(entries.id), asc(users.name));
}

const namesOf = preparedQuery(() =>
  db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(sql`${users.id} in (select value from json_each(${sql.placeholder("ids")}))`)
    .prepare(),
);

/**
 * Names of these judges; an id asked for twice (a judge missing on several entries) is bound once. The ids go as one
 * JSON array, so any number of them runs one statement, built once (ADR 064).
 */
export function judgeNames(ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return namesOf().all({ ids: JSON.stringify([...new Set(ids)]) });
}
