// Editing an event after creation, and its co-organizers.
import { and, eq, like, or, sql } from "drizzle-orm";
import { eventOrganizers, events, users } from "#db/schema";
import { db } from "~/db.server";
import { zonedLocalToUtc } from "~/lib/time";
import type { EventRow } from "./events.server";
import { reservedSlugs, slugify, type EventInput } from "./schemas";

type Fail<F extends string> = { ok: false; field: F; message: string };

function isUniqueViolation(e: unknown): boolean {
  const text = `${(e as { message?: string })?.message ?? ""} ${(e as { cause?: { message?: string } })?.cause?.message ?? ""}`;
  return /UNIQUE constraint failed: events\.slug/.test(text);
}

/** The first free "base", "base-2", … for this event (its own current slug counts as free). */
async function freeSlugFor(base: string, eventId: string): Promise<string> {
  const rows = await db
    .select({ id: events.id, slug: events.slug })
    .from(events)
    .where(or(eq(events.slug, base), like(events.slug, `${base}-%`)));
  const taken = new Set<string>(reservedSlugs);
  for (const r of rows) if (r.id !== eventId) taken.add(r.slug);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Saves the event's details. A slug typed by the organizer must be free; a blank one is generated from the
 * title. The unique index decides a race between two organizers picking the same slug.
 */
export async function updateEvent(event: EventRow, input: EventInput): Promise<{ ok: true; slug: string } | Fail<"slug">> {
  let slug: string;
  if (input.slug) {
    const [other] = await db.select({ id: events.id }).from(events).where(eq(events.slug, input.slug));
    if (other && other.id !== event.id) return { ok: false, field: "slug", message: "Another event already uses this address: pick another" };
    slug = input.slug;
  } else {
    slug = await freeSlugFor(slugify(input.title), event.id);
  }
  try {
    await db
      .update(events)
      .set({
        title: input.title,
        slug,
        tagline: input.tagline ?? "",
        description: input.description,
        timezone: input.timezone,
        startsAt: zonedLocalToUtc(input.startsAt, input.timezone),
        submissionDeadline: zonedLocalToUtc(input.submissionDeadline, input.timezone),
        judgingDeadline: zonedLocalToUtc(input.judgingDeadline, input.timezone),
        maxTeamSize: input.maxTeamSize,
      })
      .where(eq(events.id, event.id));
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, field: "slug", message: "Another event already uses this address: pick another" };
    throw e;
  }
  return { ok: true, slug };
}

/** Makes the account with this email an organizer of the event. */
export async function addOrganizer(eventId: string, email: string): Promise<{ ok: true; name: string } | Fail<"email">> {
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
  if (!user) return { ok: false, field: "email", message: "No account has this email. Ask them to sign up first." };
  const inserted = await db.insert(eventOrganizers).values({ eventId, userId: user.id }).onConflictDoNothing().returning();
  if (inserted.length === 0) return { ok: false, field: "email", message: `${user.name} is already an organizer of this event.` };
  return { ok: true, name: user.name };
}

/** Removes a co-organizer. The count in the statement keeps at least one organizer even when two remove at once. */
export async function removeOrganizer(eventId: string, userId: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const deleted = await db
    .delete(eventOrganizers)
    .where(
      and(
        eq(eventOrganizers.eventId, eventId),
        eq(eventOrganizers.userId, userId),
        sql`(select count(*) from event_organizers o where o.event_id = ${eventId}) > 1`,
      ),
    )
    .returning();
  return deleted.length > 0 ? { ok: true } : { ok: false, message: "An event needs at least one organizer." };
}
