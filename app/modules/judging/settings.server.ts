// The event's judging settings: how the official ranking is computed and what judges and teams see.
import { and, desc, eq, sql } from "drizzle-orm";
import { events, judgingSettingChanges, users, type JudgingSettingColumn } from "#db/schema";
import { db } from "~/db.server";
import { changedSince, stampOf } from "~/lib/stamp.server";
import type { z } from "zod";
import type { judgingSettingsSchema } from "./schemas";

const RANKING_PUBLISHED = "Results are published, and this would change the official ranking everyone sees: reopen the event for judging first.";

/** Said when another organizer (or another tab) saved the settings since this page was opened. */
export const SETTINGS_CHANGED =
  "The judging settings changed since you opened this page (another organizer saved them, or you did in another tab), so nothing was saved. They are shown below as they are now: make your change again and save.";

type Settings = z.infer<typeof judgingSettingsSchema>;

/** A fingerprint of the settings a page shows (ADR 060). */
export function judgingSettingsStamp(s: Settings): string {
  return stampOf([s.normalizeScores, s.blindJudging, s.showJudgeNames]);
}

/**
 * Saves the settings, and each setting it switched for the Manage page's history (ADR 066), in one batch: each history
 * row is written before the UPDATE, from the row as it stands in that transaction, and only under the UPDATE's own
 * condition, so a refused save, a save that changed nothing and the second of two saves at once leave no row. Once
 * results are published, which ranking is official no longer changes (the awards page asks for a reopen too): checked
 * in the statements themselves, so a form opened before publishing cannot change it after.
 */
export async function updateJudgingSettings(
  eventId: string,
  settings: Settings,
  actorId: string,
  /** The stamp the page was loaded with, and the settings as this request read them. */
  check?: { stamp: string | undefined; stored: Settings },
): Promise<{ ok: true } | { ok: false; stale: boolean; message: string }> {
  // A save from a page opened before another save is refused rather than applied over it: every box is sent, so it
  // would switch back whatever the other organizer switched. Unless it changes nothing (the same form sent twice).
  if (check && changedSince(check.stamp, judgingSettingsStamp(check.stored)) && judgingSettingsStamp(settings) !== judgingSettingsStamp(check.stored))
    return { ok: false, stale: true, message: SETTINGS_CHANGED };
  const bit = (on: boolean) => (on ? 1 : 0);
  // In the statements too: a save between this request's read and its write (two stale pages at once) is not applied
  // over either.
  const unchanged = check
    ? sql` and normalize_scores = ${bit(check.stored.normalizeScores)} and blind_judging = ${bit(check.stored.blindJudging)} and show_judge_names = ${bit(check.stored.showJudgeNames)}`
    : sql``;
  const allowed = sql`(phase <> 'closed' or normalize_scores = ${bit(settings.normalizeScores)})${unchanged}`;
  const logged = (column: JudgingSettingColumn, on: boolean) =>
    db.run(sql`insert into judging_setting_changes (event_id, setting, turned_on, changed_by)
      select id, ${column}, ${on ? 1 : 0}, ${actorId} from events where id = ${eventId} and ${sql.raw(column)} <> ${on ? 1 : 0} and ${allowed}`);
  const [, , , saved] = await db.batch([
    logged("normalize_scores", settings.normalizeScores),
    logged("blind_judging", settings.blindJudging),
    logged("show_judge_names", settings.showJudgeNames),
    db
      .update(events)
      .set(settings)
      .where(and(eq(events.id, eventId), allowed)),
  ]);
  if (saved.rowsAffected) return { ok: true };
  const [now] = await db.select().from(events).where(eq(events.id, eventId));
  const moved = check && now && judgingSettingsStamp(now) !== judgingSettingsStamp(check.stored);
  return moved ? { ok: false, stale: true, message: SETTINGS_CHANGED } : { ok: false, stale: false, message: RANKING_PUBLISHED };
}

/**
 * The event's settings changes (judging settings, and the people's choice vote's), newest first, with who made them
 * (null: an account since deleted).
 */
export function listSettingChanges(eventId: string) {
  return db
    .select({
      setting: judgingSettingChanges.setting,
      turnedOn: judgingSettingChanges.turnedOn,
      closesAt: judgingSettingChanges.closesAt,
      at: judgingSettingChanges.createdAt,
      by: users.name,
    })
    .from(judgingSettingChanges)
    .leftJoin(users, eq(users.id, judgingSettingChanges.changedBy))
    .where(eq(judgingSettingChanges.eventId, eventId))
    .orderBy(desc(judgingSettingChanges.id));
}

/** How many of the event's entries some judge has scored (any round): what a settings change can no longer undo. */
export async function scoredEntryCount(eventId: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`select count(distinct s.entry_id) as n
    from scores s join entries e on e.id = s.entry_id where e.event_id = ${eventId}`);
  return Number(row?.n ?? 0);
}
