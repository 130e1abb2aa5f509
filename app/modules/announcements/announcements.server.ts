// Announcements in the database: writing, editing and cancelling them, who they reach, and sending them.
// A send claims the row with one guarded UPDATE in the same batch as its notices, so an announcement goes out
// once however many processes (or clicks) try, and a scheduled one that fell due while no process ran goes out
// at the next tick (ADR 024, ADR 025).
import { and, asc, desc, eq, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import { announcements, events, users, type EventPhase } from "#db/schema";
import { db, preparedQuery } from "~/db.server";
import { newId } from "~/lib/ids";
import { renderMarkdown } from "~/lib/markdown.server";
import { configuredOrigin } from "~/lib/urls.server";
import { canManageAnnouncements, readableAudiences, type Actor, type EventAccess } from "~/modules/auth/permissions";
import { announcementMail } from "~/modules/mail/messages";
import { notifyStatementsIfChanged, type Notice } from "~/modules/notifications/notify.server";
import type { ScheduledTask } from "~/modules/schedule/scheduler.server";
import { announcementAnchor, announcementAudiences, audienceWords, type AnnouncementAudience } from "./rules";
import type { AnnouncementInput } from "./schemas";
import { markdownParagraphs, markdownSummary } from "./text";

type Person = { id: string; email: string; name: string };

/** What an organizer writes: the form's values without the id of the one being changed. */
type Content = Omit<AnnouncementInput, "id">;

/** Who an audience is, in SQL over `users u` (ADR 025); permissions.ts's readableAudiences says the same for one person. */
function audienceCondition(eventId: string, audience: AnnouncementAudience, phase: EventPhase): SQL {
  const inTeam = sql`exists(select 1 from team_members m where m.event_id = ${eventId} and m.user_id = u.id)`;
  // A judge of round 1 or of the final round (ADR 038).
  const judge = sql`(exists(select 1 from event_judges j where j.event_id = ${eventId} and j.user_id = u.id)
    or exists(select 1 from final_judges fj where fj.event_id = ${eventId} and fj.user_id = u.id))`;
  const organizer = sql`exists(select 1 from event_organizers o where o.event_id = ${eventId} and o.user_id = u.id)`;
  // Someone with a "looking for a team" post: in the event before they are in a team (ADR 032).
  const seeking = sql`exists(select 1 from team_seekers s where s.event_id = ${eventId} and s.user_id = u.id)`;
  switch (audience) {
    case "everyone":
      return sql`(${inTeam} or ${seeking} or ${judge} or ${organizer})`;
    case "teams":
      return inTeam;
    case "submitters":
      return sql`exists(select 1 from team_members m join entries en on en.team_id = m.team_id
        where m.event_id = ${eventId} and m.user_id = u.id and en.status = 'submitted')`;
    case "judges":
      return judge;
    case "winners":
      // Awards are public only once results are published: before that, nobody is a winner.
      if (phase !== "closed") return sql`0`;
      return sql`exists(select 1 from team_members m join entries en on en.team_id = m.team_id join awards a on a.entry_id = en.id
        where m.event_id = ${eventId} and m.user_id = u.id)`;
  }
}

/** The people an announcement reaches now: its audience, without its author (who wrote it). */
export async function recipients(eventId: string, audience: AnnouncementAudience, phase: EventPhase, authorId: string): Promise<Person[]> {
  return db.all<Person>(
    sql`select u.id as id, u.email as email, u.name as name from users u
      where u.id <> ${authorId} and ${audienceCondition(eventId, audience, phase)} order by u.id`,
  );
}

/** How many people each audience reaches now, for the form ("reaches 12 people now"). */
export async function audienceSizes(eventId: string, phase: EventPhase, authorId: string): Promise<Record<AnnouncementAudience, number>> {
  const counts = await Promise.all(
    announcementAudiences.map(async (audience) => {
      const [row] = await db.all<{ n: number }>(
        sql`select count(*) as n from users u where u.id <> ${authorId} and ${audienceCondition(eventId, audience, phase)}`,
      );
      return [audience, Number(row?.n ?? 0)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<AnnouncementAudience, number>;
}

export type AnnouncementEvent = { id: string; slug: string; title: string; phase: EventPhase };

/** An identical announcement by the same organizer this soon after another is the same one, sent twice by mistake. */
const REPEAT_WINDOW_MS = 60_000;

/**
 * Writes a new announcement; one due now is sent at once (a crash in between leaves it due for the next tick).
 * Returns its id and how many people it reached (null while it waits for its time), or `repeated` when the same
 * organizer wrote the same announcement (title, message, audience, and the same time, or both "now") in this event
 * within the last minute: a second press, or the form sent again without JavaScript, sends nobody anything twice;
 * the same text scheduled for another time is another announcement (a second reminder). One INSERT … WHERE NOT
 * EXISTS, so two presses at once write one row.
 */
export async function createAnnouncement(
  event: AnnouncementEvent,
  authorId: string,
  input: Content,
  now: Date,
  origin: string,
): Promise<{ repeated: false; id: string; reached: number | null } | { repeated: true }> {
  const id = newId();
  const at = now.getTime();
  const written = await db.all<{ id: string }>(sql`
    insert into announcements (id, event_id, author_id, title, body, audience, send_at, created_at, updated_at)
    select ${id}, ${event.id}, ${authorId}, ${input.title}, ${input.body}, ${input.audience}, ${input.sendAt.getTime()}, ${at}, ${at}
    where not exists (
      select 1 from announcements a
      where a.event_id = ${event.id} and a.author_id = ${authorId} and a.title = ${input.title} and a.body = ${input.body}
        and a.audience = ${input.audience} and a.created_at > ${at - REPEAT_WINDOW_MS}
        and (a.send_at = ${input.sendAt.getTime()} or (a.send_at <= a.created_at and ${input.sendAt.getTime()} <= ${at}))
    )
    returning id`);
  if (written.length === 0) return { repeated: true };
  return { repeated: false, id, reached: input.sendAt <= now ? await sendAnnouncement(id, now, origin) : null };
}

export type ChangeResult = { ok: true; reached: number | null } | { ok: false; message: string };

/**
 * Why a scheduled announcement can no longer be changed or cancelled, as it stands now: sent (its row has `sentAt`),
 * or cancelled (its row is gone). Said to the organizer whose page still showed it scheduled (a second tab, a
 * co-organizer, or its time came): whether people received the old text is what they need to know.
 */
export async function noLongerScheduled(eventId: string, id: string, change: "changed" | "cancelled"): Promise<string> {
  const [row] = await db
    .select({ recipients: announcements.recipientCount })
    .from(announcements)
    .where(and(eq(announcements.id, id), eq(announcements.eventId, eventId)));
  if (!row) return `This announcement was cancelled meanwhile, so it can no longer be ${change}: nobody received it.`;
  const reached = row.recipients ?? 0;
  return `This announcement was sent meanwhile, to ${reached} ${reached === 1 ? "person" : "people"}, so it can no longer be ${change}.`;
}

/** Said when a scheduled announcement was saved by someone else since the page changing it was opened. */
export const CHANGED_MEANWHILE =
  "This announcement was changed since you opened it (another organizer saved it, or you did in another tab), so your changes were not saved. The list shows it as it is now; save again to replace it with yours.";

/**
 * Changes a scheduled announcement; one already sent is refused in the UPDATE itself. `seen`: when it was last saved
 * as the page read it; a change from a page opened before another save is refused rather than written over it (ADR
 * 060), in the UPDATE too.
 */
export async function updateAnnouncement(eventId: string, id: string, input: Content, now: Date, origin: string, seen?: Date): Promise<ChangeResult> {
  const changed = await db
    .update(announcements)
    .set({ title: input.title, body: input.body, audience: input.audience, sendAt: input.sendAt, updatedAt: now })
    .where(
      and(eq(announcements.id, id), eq(announcements.eventId, eventId), isNull(announcements.sentAt), seen ? eq(announcements.updatedAt, seen) : undefined),
    )
    .returning({ id: announcements.id });
  if (changed.length === 0) {
    const still = seen ? await findScheduled(eventId, id) : null;
    // The same change sent twice (a second press) finds its own save: nothing left to do.
    const same =
      still &&
      still.title === input.title &&
      still.body === input.body &&
      still.audience === input.audience &&
      still.sendAt.getTime() === input.sendAt.getTime();
    if (same) return { ok: true, reached: null };
    return { ok: false, message: still ? CHANGED_MEANWHILE : await noLongerScheduled(eventId, id, "changed") };
  }
  const reached = input.sendAt <= now ? await sendAnnouncement(id, now, origin) : null;
  return { ok: true, reached };
}

/** Cancels a scheduled announcement (the row goes); one already sent stays, and the answer says so. */
export async function cancelAnnouncement(eventId: string, id: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const gone = await db
    .delete(announcements)
    .where(and(eq(announcements.id, id), eq(announcements.eventId, eventId), isNull(announcements.sentAt)))
    .returning({ id: announcements.id });
  return gone.length === 1 ? { ok: true } : { ok: false, message: await noLongerScheduled(eventId, id, "cancelled") };
}

/**
 * Sends one due announcement: resolves its audience now, then claims the row and writes every notice in one
 * batch. The claim also names the version it read, so an edit between reading and claiming sends nothing
 * (the next tick sends the edited text). Returns how many people it reached, or null when it was not sent here.
 */
async function sendAnnouncement(id: string, now: Date, origin = configuredOrigin()): Promise<number | null> {
  const [row] = await db
    .select({ a: announcements, event: { id: events.id, slug: events.slug, title: events.title, phase: events.phase } })
    .from(announcements)
    .innerJoin(events, eq(events.id, announcements.eventId))
    .where(and(eq(announcements.id, id), isNull(announcements.sentAt), lte(announcements.sendAt, now)));
  if (!row) return null;
  const { a, event } = row;
  const people = await recipients(event.id, a.audience, event.phase, a.authorId);
  const path = `/events/${event.slug}#${announcementAnchor(a.id)}`;
  const paragraphs = markdownParagraphs(a.body);
  const notices: Notice[] = people.map((person) => ({
    to: person,
    eventId: event.id,
    title: `${event.title}: ${a.title}`,
    body: markdownSummary(a.body),
    path,
    mail: announcementMail({
      name: person.name,
      eventTitle: event.title,
      title: a.title,
      paragraphs,
      eventUrl: new URL(path, origin).toString(),
      audience: audienceWords[a.audience].mailTo,
    }),
  }));
  const told = await notifyStatementsIfChanged(notices, origin);
  const claim = db
    .update(announcements)
    .set({ sentAt: now, recipientCount: people.length })
    .where(and(eq(announcements.id, id), isNull(announcements.sentAt), lte(announcements.sendAt, now), eq(announcements.updatedAt, a.updatedAt)))
    .returning({ id: announcements.id });
  const [claimed] = await db.batch([claim, ...told]);
  return claimed.length === 1 ? people.length : null;
}

/** The scheduler's task: every announcement whose time has come and that nobody has sent yet. */
export const announcementTask: ScheduledTask = {
  name: "announcements",
  async run(now) {
    const due = await db
      .select({ id: announcements.id })
      .from(announcements)
      .where(and(isNull(announcements.sentAt), lte(announcements.sendAt, now)))
      .orderBy(asc(announcements.sendAt))
      .limit(50);
    let sent = 0;
    for (const { id } of due) if ((await sendAnnouncement(id, now)) !== null) sent++;
    return sent;
  },
};

// ——— Reading ———

const listColumns = {
  id: announcements.id,
  title: announcements.title,
  body: announcements.body,
  audience: announcements.audience,
  sendAt: announcements.sendAt,
  sentAt: announcements.sentAt,
  recipientCount: announcements.recipientCount,
  authorName: users.name,
};

/** Every announcement of the event for its organizers: scheduled ones (soonest first), then sent ones (newest first). */
export async function listForOrganizers(eventId: string) {
  const rows = await db
    .select(listColumns)
    .from(announcements)
    .innerJoin(users, eq(users.id, announcements.authorId))
    .where(eq(announcements.eventId, eventId))
    .orderBy(asc(announcements.sendAt));
  return {
    scheduled: rows.filter((r) => !r.sentAt),
    sent: rows.filter((r) => r.sentAt).sort((x, y) => y.sentAt!.getTime() - x.sentAt!.getTime()),
  };
}

/** One scheduled (unsent) announcement of the event, for its edit form and the cancel question. */
export async function findScheduled(eventId: string, id: string) {
  const [row] = await db
    .select({ ...listColumns, updatedAt: announcements.updatedAt })
    .from(announcements)
    .innerJoin(users, eq(users.id, announcements.authorId))
    .where(and(eq(announcements.id, id), eq(announcements.eventId, eventId), isNull(announcements.sentAt)));
  return row ?? null;
}

// The event page reads it on every visit, so it is built once (ADR 064); the audiences go as one JSON array.
const readableOf = preparedQuery(() =>
  db
    .select(listColumns)
    .from(announcements)
    .innerJoin(users, eq(users.id, announcements.authorId))
    .where(
      and(
        eq(announcements.eventId, sql.placeholder("eventId")),
        isNotNull(announcements.sentAt),
        sql`${announcements.audience} in (select value from json_each(${sql.placeholder("audiences")}))`,
      ),
    )
    .orderBy(desc(announcements.sentAt), desc(announcements.id))
    .prepare(),
);

/**
 * The sent announcements this person may read on the event page, newest first, rendered: the audience filter
 * is part of the query, so an announcement never leaves the server for someone outside its audience.
 */
export async function announcementsFor(actor: Actor, event: { id: string }, access: EventAccess) {
  const [facts] = await db.all<{ submitted: number; won: number; seeking: number }>(
    sql`select
      exists(select 1 from entries en where en.team_id = ${access.teamId} and en.status = 'submitted') as submitted,
      exists(select 1 from entries en join awards a on a.entry_id = en.id where en.team_id = ${access.teamId}) as won,
      exists(select 1 from team_seekers s where s.event_id = ${event.id} and s.user_id = ${actor.id}) as seeking`,
  );
  const audiences = readableAudiences(actor, access, {
    teamSubmitted: Boolean(facts?.submitted),
    teamWon: Boolean(facts?.won),
    seeking: Boolean(facts?.seeking),
  });
  const manages = canManageAnnouncements(actor, access).ok;
  if (audiences.length === 0) return [];
  const rows = await readableOf().all({ eventId: event.id, audiences: JSON.stringify(audiences) });
  return rows.map(({ body, recipientCount, ...row }) => ({
    ...row,
    html: renderMarkdown(body),
    // How many it reached is the organizers' business.
    recipientCount: manages ? recipientCount : null,
  }));
}
