// The event's judging settings: how the official ranking is computed and what judges and teams see.
import { eq } from "drizzle-orm";
import { events } from "#db/schema";
import { db } from "~/db.server";
import type { z } from "zod";
import type { judgingSettingsSchema } from "./schemas";

export async function updateJudgingSettings(eventId: string, settings: z.infer<typeof judgingSettingsSchema>) {
  await db.update(events).set(settings).where(eq(events.id, eventId));
}
