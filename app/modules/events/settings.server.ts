// Editing an event after creation, and its co-organizers.
import { and, eq, sql } from "drizzle-orm";
import { eventOrganizers, eventPreviousSlugs, events } from "#db/schema";
import { checkEventEdit, type EditRefusal } from "./edit-rules";
import { db } from "~/db.server";
import { typedNameMatches, type Confirmation } from "~/lib/confirm";
import { changedMeanwhileMessage, changedSince, stampOf } from "~/lib/stamp.server";
import { skippedTimeMessage, zonedLocalToUtc } from "~/lib/zoned-time";
import { freeSlug, slugTaken, type EventRow } from "./events.server";
import { configuredOrigin } from "~/lib/urls.server";
import { organizerAddedMail } from "~/modules/mail/messages";
import { addPersonByEmail, type AddPersonResult } from "./people.server";
import { slugify, type EventInput } from "./schemas";

type Fail<F extends string> = { ok: false; field: F; message: string };

function isUniqueViolation(e: unknown): boolean {
  const text = `${(e as { message?: string })?.message ?? ""} ${(e as { cause?: { message?: string } })?.cause?.message ?? ""}`;
  return /UNIQUE constraint failed: events\.slug/.test(text);
}

/** A fingerprint of what the edit form shows of an event's details (ADR 060). */
export function eventDetailsStamp(e: EventRow): string {
  return stampOf([e.title, e.slug, e.tagline, e.description, e.rules, e.timezone, e.startsAt, e.submissionDeadline, e.judgingDeadline, e.maxTeamSize]);
}

/** A date of the event's form typed in a wall time its zone skips (a DST gap), with what to do, or null. */
export function skippedEventTime(input: Pick<EventInput, "startsAt" | "submissionDeadline" | "judgingDeadline" | "timezone">) {
  for (const field of ["startsAt", "submissionDeadline", "judgingDeadline"] as const) {
    const message = skippedTimeMessage(input[field], input.timezone);
    if (message) return { field, message };
  }
  return null;
}

/**
 * A new event whose submission deadline has already passed could never take an entry: refused beside the field,
 * with what to do (an event started from an earlier one comes with that one's dates). Null when it is ahead.
 */
export function passedDeadlineOfNewEvent(input: Pick<EventInput, "submissionDeadline" | "timezone">, now: Date) {
  if (zonedLocalToUtc(input.submissionDeadline, input.timezone) > now) return null;
  return { field: "submissionDeadline" as const, message: "That time has passed, so teams could never submit: pick a deadline in the future" };
}

/**
 * Saves the event's details. A slug typed by the organizer must be free; a blank one is generated from the
 * title. The unique index decides a race between two organizers picking the same slug. With the edit form's stamp
 * (eventDetailsStamp of the event its page was loaded with), a save from a page opened before another organizer's
 * save is refused (field ""), rather than applied over it, unless it would change nothing (the same form sent twice).
 */
export async function updateEvent(
  event: EventRow,
  input: EventInput,
  stamp?: string,
  now = new Date(),
): Promise<{ ok: true; slug: string } | Fail<"slug" | "" | EditRefusal["field"]>> {
  const skipped = skippedEventTime(input);
  if (skipped) return { ok: false, ...skipped };
  let slug: string;
  if (input.slug) {
    if (await slugTaken(input.slug, event.id)) return { ok: false, field: "slug", message: "Another event already uses this address: pick another" };
    slug = input.slug;
  } else {
    slug = await freeSlug(slugify(input.title), event.id);
  }
  const details = {
    title: input.title,
    slug,
    tagline: input.tagline ?? "",
    description: input.description,
    rules: input.rules,
    timezone: input.timezone,
    startsAt: zonedLocalToUtc(input.startsAt, input.timezone),
    submissionDeadline: zonedLocalToUtc(input.submissionDeadline, input.timezone),
    judgingDeadline: zonedLocalToUtc(input.judgingDeadline, input.timezone),
    maxTeamSize: input.maxTeamSize,
  };
  const stored = eventDetailsStamp(event);
  if (changedSince(stamp, stored) && eventDetailsStamp({ ...event, ...details }) !== stored)
    return { ok: false, field: "", message: changedMeanwhileMessage("the event's details") };
  const [largestTeam] = await db.all<{ name: string; members: number }>(sql`
    select t.name, count(*) as members from teams t join team_members m on m.team_id = t.id
    where t.event_id = ${event.id} group by t.id order by members desc, t.name limit 1`);
  const refused = checkEventEdit(event, details, { largestTeam: largestTeam ?? null }, now);
  if (refused) return { ok: false, ...refused };
  try {
    await db.batch([
      // The address stored until now keeps leading here (ADR 062), read in the same transaction as the change, so two
      // organizers renaming at once both keep theirs. A live slug wins over a previous one: the new slug's row, if it
      // was an earlier address, can stay.
      db.run(sql`insert into ${eventPreviousSlugs} (slug, event_id)
        select slug, id from ${events} where id = ${event.id} and slug <> ${slug}
        on conflict (slug) do update set event_id = excluded.event_id, created_at = unixepoch()`),
      db.update(events).set(details).where(eq(events.id, event.id)),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, field: "slug", message: "Another event already uses this address: pick another" };
    throw e;
  }
  return { ok: true, slug };
}

/** Makes the account with this email an organizer of the event, and tells them by mail. */
export function addOrganizer(eventId: string, email: string, origin = configuredOrigin()): Promise<AddPersonResult> {
  return addPersonByEmail({
    eventId,
    email,
    origin,
    insert: (person) => db.insert(eventOrganizers).values({ eventId, userId: person.id }).onConflictDoNothing().returning(),
    notice: (person, event) => ({
      title: `You are an organizer of ${event.title}`,
      body: "You can edit the event, its problems and rubric, invite judges and move it through its phases.",
      path: `/events/${event.slug}/manage`,
      mail: organizerAddedMail({ name: person.name, eventTitle: event.title, manageUrl: new URL(`/events/${event.slug}/manage`, origin).toString() }),
    }),
    refusal: (person) => `${person.name} is already an organizer of this event.`,
  });
}

const NOT_AN_ORGANIZER = "That person is not an organizer of this event.";

/** What the confirm step names: the organizer, and whether it is the person removing (who then loses the page). */
export type OrganizerRemoval = { userId: string; name: string; self: boolean };

/**
 * Removes a co-organizer, once confirmed (ADR 012): unconfirmed, it answers who would be removed. The count in the
 * statement keeps at least one organizer even when two remove at once.
 */
export async function removeOrganizer(
  eventId: string,
  userId: string,
  confirmation: Confirmation,
  actorId: string,
): Promise<{ ok: true; self: boolean } | { ok: false; message: string } | { ok: false; confirm: OrganizerRemoval }> {
  const last = { ok: false as const, message: "An event needs at least one organizer." };
  if (!confirmation.confirmed) {
    const [row] = await db.all<{ name: string; organizers: number }>(sql`
      select u.name, (select count(*) from event_organizers o where o.event_id = ${eventId}) as organizers
      from event_organizers e join users u on u.id = e.user_id where e.event_id = ${eventId} and e.user_id = ${userId}`);
    if (!row) return { ok: false, message: NOT_AN_ORGANIZER };
    if (row.organizers <= 1) return last;
    return { ok: false, confirm: { userId, name: row.name, self: userId === actorId } };
  }
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
  if (deleted.length > 0) return { ok: true, self: userId === actorId };
  // Nothing deleted: already removed (a double click, or two organizers at once), or the last one.
  const still = await db
    .select()
    .from(eventOrganizers)
    .where(and(eq(eventOrganizers.eventId, eventId), eq(eventOrganizers.userId, userId)));
  return still.length ? last : { ok: false, message: NOT_AN_ORGANIZER };
}

/** What deleting a draft asks: its title typed, and whether the last try was typed wrong. */
export type DraftDeletion = { title: string; problems: number; typedWrong: boolean };

/**
 * Deletes an event that is still a draft (created by mistake, or a copy nobody needs), once its title is typed
 * (ADR 012): its problems, rubric, organizers, judges and invitations go with it (foreign keys cascade). The phase
 * is checked in the DELETE itself, so an event opened meanwhile is never deleted; nobody outside its organizers has
 * seen a draft, so nobody is told.
 */
export async function deleteDraftEvent(
  event: EventRow,
  confirmation: Confirmation,
): Promise<{ ok: true } | { ok: false; message: string } | { ok: false; confirm: DraftDeletion }> {
  const opened = { ok: false as const, message: "Only a draft can be deleted: this event has opened." };
  if (event.phase !== "draft") return opened;
  if (!typedNameMatches(confirmation, event.title)) {
    const [{ problems }] = await db.all<{ problems: number }>(sql`select count(*) as problems from problems where event_id = ${event.id}`);
    return { ok: false, confirm: { title: event.title, problems: Number(problems), typedWrong: confirmation.confirmed } };
  }
  const deleted = await db
    .delete(events)
    .where(and(eq(events.id, event.id), eq(events.phase, "draft")))
    .returning({ id: events.id });
  return deleted.length ? { ok: true } : opened;
}
