// The event's judging settings: how the official ranking is computed and what judges and teams see.
import { and, desc, eq, sql } from "drizzle-orm";
import { events, settingChanges, users } from "#db/schema";
import { db } from "~/db.server";
import type { z } from "zod";
import type { judgingSettingsSchema } from "./schemas";
import { settingChange, type JudgingSettings } from "./settings";

const RANKING_PUBLISHED = "Results are published, and this would change the official ranking everyone sees: reopen the event for judging first.";

/**
 * Saves the settings, and what changed from `before` (the event as the action read it) for the Manage page's history,
 * in one batch: the history's rows are written only if the UPDATE went in. Once results are published, which ranking
 * is official no longer changes (the awards page asks for a reopen too): checked in the UPDATE itself, so a form
 * opened before publishing cannot change it after.
 */
export async function updateJudgingSettings(
  before: JudgingSettings & { id: string },
  settings: z.infer<typeof judgingSettingsSchema>,
  actorId: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const change = settingChange(before, settings);
  const [saved] = await db.batch([
    db
      .update(events)
      .set(settings)
      .where(and(eq(events.id, before.id), sql`(${events.phase} <> 'closed' or ${events.normalizeScores} = ${settings.normalizeScores ? 1 : 0})`)),
    ...(change ? [db.run(sql`insert into setting_changes (event_id, what, changed_by) select ${before.id}, ${change}, ${actorId} where changes() = 1`)] : []),
  ]);
  return saved.rowsAffected ? { ok: true } : { ok: false, message: RANKING_PUBLISHED };
}

/** The event's judging settings changes, newest first, with who made them (null: an account since deleted). */
export function listSettingChanges(eventId: string) {
  return db
    .select({ what: settingChanges.what, at: settingChanges.createdAt, by: users.name })
    .from(settingChanges)
    .leftJoin(users, eq(users.id, settingChanges.changedBy))
    .where(eq(settingChanges.eventId, eventId))
    .orderBy(desc(settingChanges.id));
}

/** How many of the event's entries some judge has scored (any round): what a settings change can no longer undo. */
export async function scoredEntryCount(eventId: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`select count(distinct s.entry_id) as n
    from scores s join entries e on e.id = s.entry_id where e.event_id = ${eventId}`);
  return Number(row?.n ?? 0);
}
