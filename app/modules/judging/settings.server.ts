// The event's judging settings: how the official ranking is computed and what judges and teams see.
import { eq, sql } from "drizzle-orm";
import { events } from "#db/schema";
import { db } from "~/db.server";
import type { z } from "zod";
import type { judgingSettingsSchema } from "./schemas";

export async function updateJudgingSettings(eventId: string, settings: z.infer<typeof judgingSettingsSchema>) {
  await db.update(events).set(settings).where(eq(events.id, eventId));
}

/** How many of the event's entries some judge has scored (any round): what a settings change can no longer undo. */
export async function scoredEntryCount(eventId: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`select count(distinct s.entry_id) as n
    from scores s join entries e on e.id = s.entry_id where e.event_id = ${eventId}`);
  return Number(row?.n ?? 0);
}
