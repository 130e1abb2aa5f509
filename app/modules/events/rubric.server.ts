// Editing an event's rubric. Every write carries "no score yet" in its own statement: the rubric locks at the first score.
// Each judging round has its own rubric (ADR 038): the final round's locks at its own first score.
import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import { criteria, events } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { levelsJson, parseLevels } from "./rubric";
import type { JudgingRound } from "~/modules/judging/rounds";
import type { RubricInput } from "./schemas";

const noScores = (eventId: string) => sql`not exists(select 1 from scores s join entries e on e.id = s.entry_id where e.event_id = ${eventId})`;
const noRoundScores = (eventId: string, round: JudgingRound) =>
  sql`not exists(select 1 from scores s join criteria c on c.id = s.criterion_id where c.event_id = ${eventId} and c.round = ${round})`;

/** Once any score of the round exists, its rubric is locked: results use the rubric the scores were given under. */
export async function rubricLocked(eventId: string, round: JudgingRound = 1): Promise<boolean> {
  const [row] = await db.all<{ scored: number }>(sql`select not ${noRoundScores(eventId, round)} as scored`);
  return Boolean(row?.scored);
}

/**
 * Replaces the rubric with the submitted criteria, in order: known ids are updated, new rows inserted, missing
 * ones deleted. All in one batch; if a score lands first, every statement matches nothing and the rubric stays.
 */
export async function saveRubric(
  eventId: string,
  scaleMax: number,
  input: RubricInput,
  round: JudgingRound = 1,
): Promise<{ ok: true } | { ok: false; message: string }> {
  if (await rubricLocked(eventId, round)) return { ok: false, message: "The rubric is locked: judges have started scoring with it." };
  const existing = new Set(
    (
      await db
        .select({ id: criteria.id })
        .from(criteria)
        .where(and(eq(criteria.eventId, eventId), eq(criteria.round, round)))
    ).map((c) => c.id),
  );
  const rows = input.criteria.map((c, position) => ({
    id: c.id && existing.has(c.id) ? c.id : newId(),
    isNew: !(c.id && existing.has(c.id)),
    position,
    name: c.name,
    description: c.description,
    weight: c.weight,
    levels: levelsJson(c.levels ?? [], scaleMax),
  }));
  const kept = rows.filter((r) => !r.isNew).map((r) => r.id);
  const guard = noRoundScores(eventId, round);
  const [, ...writes] = await db.batch([
    db.delete(criteria).where(and(eq(criteria.eventId, eventId), eq(criteria.round, round), kept.length ? notInArray(criteria.id, kept) : undefined, guard)),
    ...rows.map((r) =>
      r.isNew
        ? db.run(sql`insert into criteria (id, event_id, position, name, description, weight, levels, round)
            select ${r.id}, ${eventId}, ${r.position}, ${r.name}, ${r.description}, ${r.weight}, ${r.levels}, ${round} where ${guard}`)
        : db
            .update(criteria)
            .set({ position: r.position, name: r.name, description: r.description, weight: r.weight, levels: r.levels })
            .where(and(eq(criteria.eventId, eventId), eq(criteria.round, round), eq(criteria.id, r.id), guard)),
    ),
  ]);
  // At least one criterion is always written; none written means a score got in first.
  const applied = writes.some((w) => (w as { rowsAffected?: number }).rowsAffected);
  return applied ? { ok: true } : { ok: false, message: "A judge saved a score just now: the rubric is locked and was not changed." };
}

/** Switches the scale (1–5 or 1–10), resizing every criterion's level texts to match. The scale is the event's, for every round. */
export async function setScale(eventId: string, scaleMax: number): Promise<{ ok: true } | { ok: false; message: string }> {
  const [any] = await db.all<{ scored: number }>(sql`select not ${noScores(eventId)} as scored`);
  if (any?.scored) return { ok: false, message: "The rubric is locked: judges have started scoring with it." };
  const rows = await db
    .select({ id: criteria.id, levels: criteria.levels })
    .from(criteria)
    .where(eq(criteria.eventId, eventId))
    .orderBy(asc(criteria.position));
  const guard = noScores(eventId);
  await db.batch([
    db
      .update(events)
      .set({ scaleMax })
      .where(and(eq(events.id, eventId), guard)),
    ...rows.map((r) =>
      db
        .update(criteria)
        .set({ levels: levelsJson(parseLevels(r.levels), scaleMax) })
        .where(and(eq(criteria.id, r.id), guard)),
    ),
  ]);
  return { ok: true };
}
