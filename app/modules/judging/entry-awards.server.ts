// The awards an entry won, for the badges on entry pages, gallery and archive cards.
import { asc, sql } from "drizzle-orm";
import { awards } from "#db/schema";
import { db, preparedQuery } from "~/db.server";
import { canViewResults, type Actor, type EventAccess } from "~/modules/auth/permissions";
import { awardNamesByEntry } from "./results-view";

// The ids go as one JSON array, so a page of any size runs one statement, built once (ADR 064).
const awardNamesOf = preparedQuery(() =>
  db
    .select({ entryId: awards.entryId, name: awards.name })
    .from(awards)
    .where(sql`${awards.entryId} in (select value from json_each(${sql.placeholder("ids")}))`)
    .orderBy(asc(awards.position), asc(awards.name))
    .prepare(),
);

/** Award names per entry id for a whole page of entries in one query, in each event's award order. */
export async function awardsByEntry(entryIds: string[]): Promise<Record<string, string[]>> {
  const ids = [...new Set(entryIds)];
  if (ids.length === 0) return {};
  return awardNamesByEntry(await awardNamesOf().all({ ids: JSON.stringify(ids) }));
}

/**
 * Awards are part of the results: a badge shows only to whoever may read the event's results (everyone once
 * they are published, the organizers while judging), so a winner never leaks before publishing.
 */
export function visibleAwardsByEntry(actor: Actor, access: EventAccess, entryIds: string[]): Promise<Record<string, string[]>> {
  return canViewResults(actor, access).ok ? awardsByEntry(entryIds) : Promise.resolve({});
}
