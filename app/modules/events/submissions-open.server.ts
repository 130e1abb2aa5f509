import { sql, type SQLWrapper } from "drizzle-orm";
import { db } from "~/db.server";
import { submissionsOpen } from "~/modules/auth/permissions";
import type { EventPhase } from "#db/enums";

/**
 * Held in the statements that change a team or its entry (joining a team, saving the entry): the event is still open
 * for entries. The route checked it a moment before (submissionsOpen); an organizer who starts judging in between
 * then changes nothing the judges are already looking at. The deadline stays the route's check, against the
 * request's own time: it does not move under a request the way a phase does.
 */
export const eventOpenSql = (eventId: SQLWrapper | string) => sql`exists (select 1 from events ev where ev.id = ${eventId} and ev.phase = 'open')`;

/**
 * Why entries and teams of the event may not change now (submissionsOpen), or null: why a guarded statement changed
 * nothing. `eventId` may be a subquery (the event of a team or an entry); none found is null.
 */
export async function submissionsClosedReason(eventId: SQLWrapper | string, now: Date): Promise<string | null> {
  const [ev] = await db.all<{ phase: EventPhase; deadline: number }>(sql`select phase, submission_deadline as deadline from events where id = ${eventId}`);
  if (!ev) return null;
  const open = submissionsOpen({ phase: ev.phase, submissionDeadline: new Date(Number(ev.deadline) * 1000) }, now);
  return open.ok ? null : open.reason;
}
