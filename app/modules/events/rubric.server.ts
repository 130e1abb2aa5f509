// Editing an event's rubric. Every write carries "no score yet" in its own statement: the rubric locks at the first score.
// Each judging round has its own rubric (ADR 038): the final round's locks at its own first score.
import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { criteria, events, type EventPhase } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { changedMeanwhileMessage, changedSince, stampOf } from "~/lib/stamp.server";
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

type StoredCriterion = { id: string; name: string; description: string; weight: number; levels: string };

/** Every criterion of the event, of every round, as the stamp reads them: in the order listCriteria reads them, so the loader's stamp and a save's agree. */
function storedCriteria(eventId: string) {
  return db
    .select({
      id: criteria.id,
      name: criteria.name,
      description: criteria.description,
      weight: criteria.weight,
      levels: criteria.levels,
      round: criteria.round,
    })
    .from(criteria)
    .where(eq(criteria.eventId, eventId))
    .orderBy(asc(criteria.position), asc(criteria.id));
}

/**
 * A fingerprint of a round's rubric as stored (criteria in order) and of the event's scale. The rubric form carries the
 * one its page was loaded with, so a save from a page opened before another organizer's save is refused rather than
 * applied over it (which would delete a criterion they added).
 */
export function rubricStamp(scaleMax: number, rows: StoredCriterion[]): string {
  return stampOf([scaleMax, rows.map((c) => [c.id, c.name, c.description, c.weight, c.levels])]);
}

const RUBRIC_CHANGED_MESSAGE = changedMeanwhileMessage("the rubric");

const ZERO_WEIGHT_MESSAGE = "Use 1 to 100: the event has opened, and a weight of 0 would leave this criterion out of every total";

/**
 * Replaces the rubric with the submitted criteria, in order: known ids are updated, new rows inserted, missing
 * ones deleted. With `scaleTo`, the event's scale changes too, and every criterion's level texts are sized to it.
 * All in one batch; if a score lands first, every statement matches nothing and the rubric and scale stay.
 */
export async function saveRubric(
  eventId: string,
  scaleMax: number,
  input: RubricInput,
  round: JudgingRound = 1,
  /** The stamp (rubricStamp) of the rubric the form was loaded with; when given, a rubric changed since is not overwritten. */
  stamp?: string,
  scaleTo?: number,
): Promise<{ ok: true } | { ok: false; message: string }> {
  if (await rubricLocked(eventId, round)) return { ok: false, message: "The rubric is locked: judges have started scoring with it." };
  const all = await storedCriteria(eventId);
  const stored = all.filter((c) => c.round === round);
  if (changedSince(stamp, rubricStamp(scaleMax, stored))) return { ok: false, message: RUBRIC_CHANGED_MESSAGE };
  const existing = new Set(stored.map((c) => c.id));
  const rows = input.criteria.map((c, position) => ({
    id: c.id && existing.has(c.id) ? c.id : newId(),
    isNew: !(c.id && existing.has(c.id)),
    position,
    name: c.name,
    description: c.description,
    weight: c.weight,
    levels: levelsJson(c.levels ?? [], scaleTo ?? scaleMax),
  }));
  const kept = rows.filter((r) => !r.isNew).map((r) => r.id);
  const guard = noRoundScores(eventId, round);
  const rescale =
    scaleTo === undefined || scaleTo === scaleMax
      ? []
      : scaleWrites(
          eventId,
          scaleTo,
          all.filter((c) => c.round !== round),
        );
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
    ...rescale,
  ]);
  // At least one criterion is always written; none written means a score got in first.
  const applied = writes.slice(0, rows.length).some((w) => (w as { rowsAffected?: number }).rowsAffected);
  return applied ? { ok: true } : { ok: false, message: "A judge saved a score just now: the rubric is locked and was not changed." };
}

/**
 * The rubric form's Save: its criteria (saveRubric, with the form's stamp), and the scale when the form picked another
 * one (round 1), so a scale picked but saved with Save rubric instead of Change scale is not silently dropped. Both
 * in one batch: a score landing in between cannot let the criteria through and drop the scale.
 */
export async function saveRubricForm(
  event: { id: string; scaleMax: number; phase: EventPhase },
  input: RubricInput,
  round: JudgingRound,
  stamp: string | undefined,
  pickedScale: number | undefined,
): Promise<{ ok: true; scaleSet: number | null } | { ok: false; message: string; fieldErrors?: Record<string, string[]> }> {
  // Opening needs every weight above 0 (phases.ts); after that a 0 would leave a criterion's scores out of every total,
  // and weights all 0 would rank no entry while every sheet reads complete.
  const zero = event.phase === "draft" ? [] : input.criteria.flatMap((c, i) => (c.weight > 0 ? [] : [i]));
  if (zero.length)
    return {
      ok: false,
      message: "Nothing was saved: every criterion needs a weight above 0 once the event has opened.",
      fieldErrors: Object.fromEntries(zero.map((i) => [`criteria[${i}].weight`, [ZERO_WEIGHT_MESSAGE]])),
    };
  const scaleTo = round === 1 && pickedScale !== undefined && pickedScale !== event.scaleMax ? pickedScale : undefined;
  const saved = await saveRubric(event.id, event.scaleMax, input, round, stamp, scaleTo);
  return saved.ok ? { ok: true, scaleSet: scaleTo ?? null } : saved;
}

/** The event's scale set to `scaleMax` and these criteria's level texts sized to it, while no score exists. */
function scaleWrites(eventId: string, scaleMax: number, rows: StoredCriterion[]): [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]] {
  const guard = noScores(eventId);
  return [
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
  ];
}

/**
 * Switches the scale (1–5 or 1–10), resizing every criterion's level texts to match. The scale is the event's, for
 * every round. The rubric form sends its unsaved criteria along and gets them back over the new scale, so with its
 * stamp (`from`: the form's stamp and the scale stored now, which the stamp covers) a change over a rubric another
 * organizer changed since is refused: those criteria would otherwise be saved back over theirs.
 */
export async function setScale(
  eventId: string,
  scaleMax: number,
  from?: { scaleMax: number; stamp: string | undefined },
): Promise<{ ok: true } | { ok: false; message: string }> {
  const [any] = await db.all<{ scored: number }>(sql`select not ${noScores(eventId)} as scored`);
  if (any?.scored) return { ok: false, message: "The rubric is locked: judges have started scoring with it." };
  const rows = await storedCriteria(eventId);
  if (
    from &&
    changedSince(
      from.stamp,
      rubricStamp(
        from.scaleMax,
        rows.filter((r) => r.round === 1),
      ),
    )
  )
    return { ok: false, message: RUBRIC_CHANGED_MESSAGE };
  const [event] = await db.batch(scaleWrites(eventId, scaleMax, rows));
  // The event's row matched nothing: a score got in since the check above.
  return (event as { rowsAffected?: number }).rowsAffected
    ? { ok: true }
    : { ok: false, message: "A judge saved a score just now: the scale was not changed." };
}
