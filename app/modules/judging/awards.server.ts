import { and, asc, eq, sql } from "drizzle-orm";
import { awards, entries, scores } from "#db/schema";
import { db, preparedQuery } from "~/db.server";
import { newId } from "~/lib/ids";
import { defaultAwards, MOST_VALUABLE_FAILURE } from "./awards";
import { eventResults, notConflicted } from "./judging.server";

// The results and the event page of a closed event read it on every visit: built once (ADR 064).
const awardsOf = preparedQuery(() =>
  db
    .select({ id: awards.id, kind: awards.kind, name: awards.name, description: awards.description, entryId: awards.entryId, entryTitle: entries.title })
    .from(awards)
    .leftJoin(entries, eq(entries.id, awards.entryId))
    .where(eq(awards.eventId, sql.placeholder("eventId")))
    .orderBy(asc(awards.position), asc(awards.name))
    .prepare(),
);

/** An event's awards in their order, with the title of the entry each went to (if any). */
export function listAwards(eventId: string) {
  return awardsOf().all({ eventId });
}

export async function findAward(eventId: string, awardId: string) {
  return (await listAwards(eventId)).find((a) => a.id === awardId) ?? null;
}

/**
 * Awards change only before results are published (canChangeAwards), held in each statement too: a press that lands
 * just after a co-organizer published changes nothing, and is told so (ADR 012).
 */
const notPublished = (eventId: string) => sql`exists (select 1 from events ev where ev.id = ${eventId} and ev.phase <> 'closed')`;

/** Whether the event's results are published now: why a guarded award statement changed nothing. */
export async function awardsPublished(eventId: string): Promise<boolean> {
  const [row] = await db.all<{ closed: number }>(sql`select ev.phase = 'closed' as closed from events ev where ev.id = ${eventId}`);
  return Number(row?.closed) === 1;
}

/** Creates an award; a name already used in the event is refused by the unique index, reported as a message. */
export async function createAward(eventId: string, input: { name: string; description: string }) {
  const inserted = await db.all<{ id: string }>(sql`
    insert into awards (id, event_id, name, description, position)
    select ${newId()}, ${eventId}, ${input.name}, ${input.description}, coalesce((select max(position) from awards where event_id = ${eventId}), -1) + 1
    where ${notPublished(eventId)}
    on conflict do nothing
    returning id`);
  if (inserted.length) return { ok: true as const };
  if (await awardsPublished(eventId)) return { ok: false as const, same: false, published: true, message: "" };
  // The same award asked for twice (a double press, a second tab): it is there, as asked, and no error.
  const [same] = await db
    .select({ id: awards.id })
    .from(awards)
    .where(and(eq(awards.eventId, eventId), eq(awards.name, input.name), eq(awards.description, input.description)));
  return { ok: false as const, same: Boolean(same), published: false, message: "This event already has an award with that name." };
}

/**
 * Adds the default awards whose kind the event does not have yet (a renamed default counts as had), each INSERT
 * holding "not published" as the others do. `added`: how many went in (none on a second press); `published`: the
 * event's results were published meanwhile, so nothing could be added.
 */
export async function addDefaultAwards(eventId: string): Promise<{ added: number; published: boolean }> {
  const [{ next }] = await db
    .select({ next: sql<number>`coalesce(max(${awards.position}), -1) + 1` })
    .from(awards)
    .where(eq(awards.eventId, eventId));
  const [first, ...rest] = defaultAwards.map((a, i) =>
    db.run(sql`
      insert into awards (id, event_id, kind, name, description, position)
      select ${newId()}, ${eventId}, ${a.kind}, ${a.name}, ${a.description}, ${next + i}
      where ${notPublished(eventId)}
      on conflict do nothing`),
  );
  const added = (await db.batch([first, ...rest])).reduce((n, r) => n + r.rowsAffected, 0);
  return { added, published: added === 0 && (await awardsPublished(eventId)) };
}

export type GiveAwardResult =
  | { ok: true }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "published" }
  | { ok: false; reason: "needs-confirmation"; awardName: string; entryTitle: string; message: string };

/**
 * Gives the award to a submitted entry of the same event (or takes it back with null); both conditions sit in the
 * query. An entry without a single complete score sheet (from a judge without a conflict) gets it only when the
 * organizer confirmed that (ADR 012).
 */
export async function giveAward(
  eventId: string,
  awardId: string,
  entryId: string | null,
  opts: { confirmedWithoutCompleteSheet?: boolean } = {},
): Promise<GiveAwardResult> {
  if (entryId !== null) {
    const [entry] = await db
      .select({
        title: entries.title,
        // A complete sheet is one judge's, in one round, on every criterion of that round's rubric (ADR 038).
        completeSheets: sql<number>`(select count(*) from (select "scores"."judge_id" from "scores" join "criteria" c on c.id = "scores"."criterion_id"
          where "scores"."entry_id" = "entries"."id" and c.event_id = "entries"."event_id" and ${notConflicted(scores)}
          group by "scores"."judge_id", c.round having count(*) >= (select count(*) from "criteria" c2 where c2.event_id = "entries"."event_id" and c2.round = c.round)))`,
      })
      .from(entries)
      .where(and(eq(entries.id, entryId), eq(entries.eventId, eventId), eq(entries.status, "submitted")));
    const [award] = await db
      .select({ name: awards.name })
      .from(awards)
      .where(and(eq(awards.id, awardId), eq(awards.eventId, eventId)));
    if (!entry || !award) return { ok: false, reason: "not-found" };
    if (Number(entry.completeSheets) === 0 && !opts.confirmedWithoutCompleteSheet)
      return {
        ok: false,
        reason: "needs-confirmation",
        awardName: award.name,
        entryTitle: entry.title,
        message: `“${entry.title}” has no complete score sheet: no judge has scored it on every criterion.`,
      };
  }
  const updated = await db
    .update(awards)
    .set({ entryId })
    .where(and(eq(awards.id, awardId), eq(awards.eventId, eventId), notPublished(eventId)))
    .returning({ id: awards.id });
  if (updated.length > 0) return { ok: true };
  return { ok: false, reason: (await awardsPublished(eventId)) ? "published" : "not-found" };
}

/** Deletes an award before results are published; false when it changed nothing. */
export async function deleteAward(eventId: string, awardId: string): Promise<boolean> {
  const gone = await db
    .delete(awards)
    .where(and(eq(awards.id, awardId), eq(awards.eventId, eventId), notPublished(eventId)))
    .returning({ id: awards.id });
  return gone.length > 0;
}

/**
 * Judges' mean value on an entry's Learnings criterion (kind "learnings", whatever its name), in round 1, which
 * scores every entry: a final round's copy of the criterion (ADR 038) would weigh finalists differently. Over complete
 * sheets only, as the results' means and score (ADR 007). Columns are written table-qualified: drizzle renders
 * `entries.id` as a bare "id" in a query without joins, which inside this subquery would bind to the criterion's id.
 */
export const learningsMean = () =>
  sql<number | null>`(select avg("scores"."value") from "scores" join "criteria" c on c.id = "scores"."criterion_id"
    where "scores"."entry_id" = "entries"."id" and c.kind = 'learnings' and c.round = 1 and ${notConflicted(scores)}
      and (select count(*) from scores s2 join criteria c2 on c2.id = s2.criterion_id and c2.round = 1
        where s2.entry_id = "scores"."entry_id" and s2.judge_id = "scores"."judge_id")
        = (select count(*) from criteria c3 where c3.event_id = c.event_id and c3.round = 1))`;

/**
 * The suggestion for the award of kind "most-valuable-failure": the failed entry with the highest mean value on the
 * Learnings criterion; ties go to the earlier title.
 */
export async function suggestMostValuableFailure(eventId: string) {
  const [row] = await db
    .select({
      id: entries.id,
      title: entries.title,
      learnings: learningsMean(),
    })
    .from(entries)
    .where(and(eq(entries.eventId, eventId), eq(entries.status, "submitted"), eq(entries.outcome, "failed")))
    .orderBy(sql`3 desc nulls last`, asc(entries.title), asc(entries.id))
    .limit(1);
  return row ? { ...row, awardKind: MOST_VALUABLE_FAILURE } : null;
}

/**
 * The Best overall award's suggestion: the entry alone at the top of the official ranking, or null (nothing ranked
 * yet, or several share first place, which is the organizers' call).
 */
export async function suggestBestOverall(event: Parameters<typeof eventResults>[0]) {
  const { rows } = await eventResults(event);
  const rankOf = (r: (typeof rows)[number]) => (event.normalizeScores ? r.normalizedRank : r.rank);
  const scoreOf = (r: (typeof rows)[number]) => (event.normalizeScores ? r.normalizedScore : r.score);
  const first = rows.filter((r) => rankOf(r) === 1);
  return first.length === 1 ? { id: first[0].entryId, title: first[0].entry.title, score: scoreOf(first[0]) } : null;
}
