// Filling judge_assignments for events that set judges per entry. The judge queue (judging module) reads it.
import { and, asc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { criteria, entries, eventJudges, events, judgeAssignments, judgeConflicts, scores, teamMembers, users } from "#db/schema";
import { db } from "~/db.server";
import { eligibleJudges, planAssignments, type AssignmentPlan } from "./assignments";
import { sheetState, type SheetState } from "~/modules/judging/queue";

type AssigningEvent = { id: string; judgesPerEntry: number | null };

/**
 * Assignments are round 1's, and change only while it runs (ADR 038). Routes refuse once the final round started; this
 * condition, inside every write, also covers a request that was checked just before the final round started.
 */
const inRoundOne = (eventId: string) => sql`(select judging_round from events where id = ${eventId}) = 1`;
export const ROUND_ONE_CLOSED = "The final round started meanwhile: round 1's assignments stay as they were. Reload the page.";

/**
 * Recomputes after the judge roster or the phase changed, or a judge declared or withdrew a conflict. Called by the
 * module functions that change them (addJudge, removeJudge, acceptJudgeInvite, changePhase, declareConflict,
 * withdrawConflict), never by routes, so no caller can forget it.
 * Reads judges-per-entry fresh, so a caller's stale event row cannot skip or misdirect the recompute.
 * Assignments are round 1's: once the final round started, round 1 is closed and they stay as they were (ADR 038).
 */
export async function recomputeAssignmentsOf(eventId: string, options: RecomputeOptions = {}): Promise<AssignmentPlan | null> {
  const [row] = await db.select({ judgesPerEntry: events.judgesPerEntry, judgingRound: events.judgingRound }).from(events).where(eq(events.id, eventId));
  if (!row || row.judgingRound === 2) return null;
  return recomputeAssignments({ id: eventId, judgesPerEntry: row.judgesPerEntry }, options);
}

/**
 * `keepEligible`: every current assignment that is still allowed stays, and only the gaps are filled (a judge's
 * declared or withdrawn conflict, which must not move other judges' unscored entries while they score). Without it,
 * unscored automatic assignments are planned afresh, balanced over the roster.
 */
type RecomputeOptions = { keepEligible?: boolean };

const hasScores = sql`exists(select 1 from scores s where s.entry_id = judge_assignments.entry_id and s.judge_id = judge_assignments.judge_id)`;

/**
 * Everything the plan needs, read in one go: judges, submitted entries with their members, conflicts, assignments.
 * A judge who scored an entry while every judge scored every entry has no assignment row for it: that pair counts as a
 * scored assignment (`row: false`), so switching to N judges per entry keeps it and writes its row.
 */
async function assignmentFacts(eventId: string) {
  const [judges, entryRows, members, conflicts, rows, scoredPairs] = await Promise.all([
    db.select({ id: eventJudges.userId }).from(eventJudges).where(eq(eventJudges.eventId, eventId)).orderBy(asc(eventJudges.userId)),
    db
      .select({ id: entries.id, title: entries.title, teamId: entries.teamId })
      .from(entries)
      .where(and(eq(entries.eventId, eventId), eq(entries.status, "submitted")))
      .orderBy(asc(entries.id)),
    db.select({ teamId: teamMembers.teamId, userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.eventId, eventId)),
    db.select({ entryId: judgeConflicts.entryId, judgeId: judgeConflicts.judgeId }).from(judgeConflicts).where(eq(judgeConflicts.eventId, eventId)),
    db
      .select({
        entryId: judgeAssignments.entryId,
        judgeId: judgeAssignments.judgeId,
        manual: judgeAssignments.manual,
        scored: sql<number>`${hasScores}`.mapWith(Boolean),
      })
      .from(judgeAssignments)
      .where(eq(judgeAssignments.eventId, eventId)),
    db
      .selectDistinct({ entryId: scores.entryId, judgeId: scores.judgeId })
      .from(scores)
      .innerJoin(entries, eq(entries.id, scores.entryId))
      .innerJoin(criteria, eq(criteria.id, scores.criterionId))
      .where(and(eq(entries.eventId, eventId), eq(criteria.round, 1))),
  ]);
  const hasRow = new Set(rows.map((a) => `${a.entryId} ${a.judgeId}`));
  // Only judges still on the roster: a removed judge's scores are no assignment to write.
  const onRoster = new Set(judges.map((j) => j.id));
  const current = [
    ...rows.map((a) => ({ ...a, row: true })),
    ...scoredPairs
      .filter((p) => onRoster.has(p.judgeId) && !hasRow.has(`${p.entryId} ${p.judgeId}`))
      .map((p) => ({ ...p, manual: false, scored: true, row: false })),
  ];
  return {
    judges: judges.map((j) => j.id),
    entries: entryRows.map((e) => ({ id: e.id, title: e.title, memberIds: members.filter((m) => m.teamId === e.teamId).map((m) => m.userId) })),
    conflicts,
    current,
  };
}

/** What recomputing would do, without saving: used to refuse a judges-per-entry number that cannot be met. */
export async function previewAssignments(eventId: string, judgesPerEntry: number): Promise<AssignmentPlan> {
  const facts = await assignmentFacts(eventId);
  const keep = facts.current.filter((a) => a.manual || a.scored);
  return planAssignments({ judgesPerEntry, judges: facts.judges, entries: facts.entries, conflicts: facts.conflicts, keep });
}

/**
 * Rebalances the automatic assignments. Never removes an assignment a judge has already scored under (the
 * condition is in the DELETE itself, so a score saved meanwhile still protects it); keeps manual ones unless
 * the judge is no longer eligible and has not scored. Returns the plan, whose message names any entry that
 * could not get enough judges (those get as many as possible).
 */
export async function recomputeAssignments(event: AssigningEvent, { keepEligible = false }: RecomputeOptions = {}): Promise<AssignmentPlan | null> {
  if (event.judgesPerEntry === null) return null;
  const facts = await assignmentFacts(event.id);
  const judgeSet = new Set(facts.judges);
  const ineligible = facts.current.filter((a) => {
    const entry = facts.entries.find((e) => e.id === a.entryId);
    return !entry || !judgeSet.has(a.judgeId) || !eligibleJudges(facts, entry).includes(a.judgeId);
  });
  const keep = facts.current.filter((a) => a.scored || ((a.manual || keepEligible) && !ineligible.includes(a)));
  const plan = planAssignments({ judgesPerEntry: event.judgesPerEntry, judges: facts.judges, entries: facts.entries, conflicts: facts.conflicts, keep });

  const dropIneligible = ineligible.filter((a) => (a.manual || keepEligible) && !a.scored);
  const unwritten = keep.filter((a) => !a.row);
  const roundOne = inRoundOne(event.id);
  const statements: BatchItem<"sqlite">[] = [
    ...(keepEligible
      ? []
      : [db.delete(judgeAssignments).where(and(eq(judgeAssignments.eventId, event.id), eq(judgeAssignments.manual, false), sql`not ${hasScores}`, roundOne))]),
    ...dropIneligible.map((a) =>
      db
        .delete(judgeAssignments)
        .where(
          and(
            eq(judgeAssignments.eventId, event.id),
            eq(judgeAssignments.entryId, a.entryId),
            eq(judgeAssignments.judgeId, a.judgeId),
            sql`not ${hasScores}`,
            roundOne,
          ),
        ),
    ),
    // One statement for all new assignments, as before the round check (a row per pair of the VALUES list), with the
    // rows of scored pairs that had none.
    ...(plan.add.length + unwritten.length ? [newAssignments(event.id, [...plan.add, ...unwritten])] : []),
  ];
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  return plan;
}

/**
 * The INSERT of automatic assignments, one row per pair. A plan is made from facts read before its batch runs: a judge
 * who declared a conflict, or was removed from the roster, meanwhile (two judges stepping away from the same entry at
 * once each fill their gap with the other) is left out by the statement itself, in round 1 only.
 */
export function newAssignments(eventId: string, pairs: readonly { entryId: string; judgeId: string }[]) {
  return db.run(sql`insert into judge_assignments (event_id, entry_id, judge_id, manual)
    select ${eventId}, column1, column2, 0 from (values ${sql.join(
      pairs.map((p) => sql`(${p.entryId}, ${p.judgeId})`),
      sql`, `,
    )})
    where ${inRoundOne(eventId)}
      and not exists (select 1 from judge_conflicts k where k.entry_id = column1 and k.judge_id = column2)
      and exists (select 1 from event_judges j where j.event_id = ${eventId} and j.user_id = column2)
    on conflict do nothing`);
}

/** Switches between "every judge scores every entry" (null) and N judges per entry. A number that cannot be met is refused. */
export async function setJudgesPerEntry(
  event: AssigningEvent,
  judgesPerEntry: number | null,
): Promise<{ ok: true; plan: AssignmentPlan | null } | { ok: false; message: string }> {
  if (judgesPerEntry !== null) {
    const preview = await previewAssignments(event.id, judgesPerEntry);
    if (!preview.ok) return { ok: false, message: preview.message ?? "Not enough judges." };
  }
  const set = await db
    .update(events)
    .set({ judgesPerEntry })
    .where(and(eq(events.id, event.id), eq(events.judgingRound, 1)));
  if (!set.rowsAffected) return { ok: false, message: ROUND_ONE_CLOSED };
  return { ok: true, plan: await recomputeAssignments({ id: event.id, judgesPerEntry }) };
}

/** An organizer assigns one judge to one entry by hand: kept on every recompute. */
export async function addAssignment(
  eventId: string,
  entryId: string,
  judgeId: string,
): Promise<{ ok: true } | { ok: false; field: "judgeId" | "entryId"; message: string }> {
  const facts = await assignmentFacts(eventId);
  const entry = facts.entries.find((e) => e.id === entryId);
  if (!entry) return { ok: false, field: "entryId", message: "Pick a submitted entry of this event." };
  if (!facts.judges.includes(judgeId)) return { ok: false, field: "judgeId", message: "Pick one of this event's judges." };
  if (entry.memberIds.includes(judgeId)) return { ok: false, field: "judgeId", message: "This judge is in the entry's team and cannot score it." };
  if (facts.conflicts.some((c) => c.entryId === entryId && c.judgeId === judgeId))
    return { ok: false, field: "judgeId", message: "This judge declared a conflict of interest with the entry." };
  const added = await db.run(sql`insert into judge_assignments (event_id, entry_id, judge_id, manual) select ${eventId}, ${entryId}, ${judgeId}, 1
    where ${inRoundOne(eventId)} on conflict (entry_id, judge_id) do update set manual = 1`);
  if (!added.rowsAffected) return { ok: false, field: "judgeId", message: ROUND_ONE_CLOSED };
  return { ok: true };
}

/** Removes one assignment, unless the judge has scored the entry (the scores must keep counting). */
export async function removeAssignment(eventId: string, entryId: string, judgeId: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const deleted = await db
    .delete(judgeAssignments)
    .where(
      and(
        eq(judgeAssignments.eventId, eventId),
        eq(judgeAssignments.entryId, entryId),
        eq(judgeAssignments.judgeId, judgeId),
        sql`not ${hasScores}`,
        inRoundOne(eventId),
      ),
    )
    .returning();
  if (deleted.length > 0) return { ok: true };
  if (!(await db.all(sql`select 1 where ${inRoundOne(eventId)}`)).length) return { ok: false, message: ROUND_ONE_CLOSED };
  const [still] = await db
    .select({ entryId: judgeAssignments.entryId })
    .from(judgeAssignments)
    .where(and(eq(judgeAssignments.eventId, eventId), eq(judgeAssignments.entryId, entryId), eq(judgeAssignments.judgeId, judgeId)));
  return { ok: false, message: still ? "This judge has started scoring the entry, so the assignment stays." : "That assignment does not exist." };
}

// Read once per query, not per row: each judge's count walks the pair's few scores in their own index and checks each
// criterion against this list (the unary + keeps SQLite from a seek per criterion instead).
const roundOneCriteria = (eventId: string) => sql`select id from criteria where event_id = ${eventId} and round = 1`;

/**
 * The assignment table for the judges page: each submitted entry with its judges, and how far each judge's round 1
 * sheet is. `scored` (a score given, which keeps the assignment) is read from round 1 alone: assignments are round 1's,
 * and they can change only while round 1 runs, before any final round score exists.
 */
export async function listAssignments(eventId: string) {
  const [entryRows, rows, [{ criterionCount }]] = await Promise.all([
    db
      .select({ id: entries.id, title: entries.title })
      .from(entries)
      .where(and(eq(entries.eventId, eventId), eq(entries.status, "submitted")))
      .orderBy(asc(entries.title), asc(entries.id)),
    db
      .select({
        entryId: judgeAssignments.entryId,
        judgeId: judgeAssignments.judgeId,
        judgeName: users.name,
        manual: judgeAssignments.manual,
        // How much of the round 1 sheet is scored: a sheet with one score is not "scored".
        roundOneScores: sql<number>`(select count(*) from scores s where s.entry_id = judge_assignments.entry_id
          and s.judge_id = judge_assignments.judge_id and +s.criterion_id in (${roundOneCriteria(eventId)}))`,
      })
      .from(judgeAssignments)
      .innerJoin(users, eq(users.id, judgeAssignments.judgeId))
      .where(eq(judgeAssignments.eventId, eventId))
      .orderBy(asc(users.name)),
    db.all<{ criterionCount: number }>(sql`select count(*) as criterionCount from (${roundOneCriteria(eventId)})`),
  ]);
  const byEntry = new Map<string, { judgeId: string; judgeName: string; manual: boolean; scored: boolean; sheet: SheetState }[]>();
  for (const { entryId, roundOneScores, ...r } of rows) {
    const judges = byEntry.get(entryId) ?? [];
    judges.push({ ...r, scored: roundOneScores > 0, sheet: sheetState({ scored: roundOneScores, criterionCount }) });
    byEntry.set(entryId, judges);
  }
  return entryRows.map((e) => ({ ...e, judges: byEntry.get(e.id) ?? [] }));
}
