// The event's judging settings: how the official ranking is computed and what judges and teams see.
import { and, eq, sql } from "drizzle-orm";
import { events } from "#db/schema";
import { db } from "~/db.server";
import type { z } from "zod";
import type { judgingSettingsSchema } from "./schemas";

const RANKING_PUBLISHED = "Results are published, and this would change the official ranking everyone sees: reopen the event for judging first.";

/**
 * Saves the settings. Once results are published, which ranking is official no longer changes (the awards page
 * asks for a reopen too): checked in the UPDATE itself, so a form opened before publishing cannot change it after.
 */
export async function updateJudgingSettings(
  eventId: string,
  settings: z.infer<typeof judgingSettingsSchema>,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const saved = await db
    .update(events)
    .set(settings)
    .where(and(eq(events.id, eventId), sql`(${events.phase} <> 'closed' or ${events.normalizeScores} = ${settings.normalizeScores ? 1 : 0})`));
  return saved.rowsAffected ? { ok: true } : { ok: false, message: RANKING_PUBLISHED };
}

/** How many of the event's entries some judge has scored (any round): what a settings change can no longer undo. */
export async function scoredEntryCount(eventId: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`select count(distinct s.entry_id) as n
    from scores s join entries e on e.id = s.entry_id where e.event_id = ${eventId}`);
  return Number(row?.n ?? 0);
}
