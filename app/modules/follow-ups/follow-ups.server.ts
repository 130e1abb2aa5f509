// Follow-ups (ADR 030): what became of an entry 30 and 90 days after its event closed. The scheduler asks each
// team's members and the problem's owner, under a claim so several processes ask once; a team member records
// the answer, and the newest answer is the entry's follow-up wherever the archive shows it.
import { sql } from "drizzle-orm";
import type { FollowUpStatus } from "#db/enums";
import { db } from "~/db.server";
import { formatDateRange } from "~/lib/time";
import { configuredOrigin } from "~/lib/urls.server";
import { followUpAskMail } from "~/modules/mail/messages";
import type { Notice } from "~/modules/notifications/notify.server";
import { sendUnderClaim } from "~/modules/reminders/reminders.server";
import type { ScheduledTask } from "~/modules/schedule/scheduler.server";
import { askWindow, checkpointWords, dueFollowUp } from "./due";
import type { FollowUpInput } from "./schemas";
import { followUpPath } from "./words";

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * When the event closed: its first move into `closed` (results first published), as phase_changes recorded it.
 * Reopening to correct a score does not restart the clock; an event with no recorded move (loaded straight into
 * the database) has no close time and is never asked about. Null while it is not closed.
 */
export async function eventClosedAt(eventId: string): Promise<Date | null> {
  const [row] = await db.all<{ closedAt: number | null }>(sql`
    select min(pc.created_at) as closedAt from phase_changes pc join events ev on ev.id = pc.event_id
    where pc.event_id = ${eventId} and pc.to_phase = 'closed' and ev.phase = 'closed'`);
  return row?.closedAt ? new Date(row.closedAt * 1000) : null;
}

// ——— Recording and reading answers ———

/** Refused: it may no longer be, or (recording) the answers changed since the form's page was read. */
type RecordResult = { ok: true } | { ok: false; message: string; answeredMeanwhile?: true };

/** The rule recording and deleting hold in their statements: a submitted entry of a closed event, and a member of its team or the owner of its problem. */
const mayAnswer = (entryId: string, userId: string) => sql`exists (
  select 1 from entries e join events ev on ev.id = e.event_id join teams t on t.id = e.team_id join problems p on p.id = t.problem_id
  where e.id = ${entryId} and e.status = 'submitted' and ev.phase = 'closed'
    and (p.owner_user_id = ${userId} or exists (select 1 from team_members m where m.team_id = e.team_id and m.user_id = ${userId})))`;

/** The id of the entry's newest answer, 0 when it has none: what the form's page showed is compared with it. */
const newestAnswerId = (entryId: string) => sql`coalesce((select max(id) from follow_ups where entry_id = ${entryId}), 0)`;

export const ANSWERED_MEANWHILE =
  "The answers changed after you opened this page: someone recorded or deleted one, or you did in another tab. The page now shows them as they are. Your answer is still in the form: press “Save what happened” again to record it as the newest.";

/**
 * Records an answer. The rule holds in the INSERT itself, not only in the route's check: only for a submitted entry
 * of a closed event, and only by a member of its team or the owner of its problem. With `input.newest` (the newest
 * answer the form's page showed, 0 for none), it is recorded only if that is still the newest, so a page read before
 * a teammate's answer does not bury it unseen; the same answer sent twice (a double press without JavaScript) is
 * recorded once.
 */
export async function recordFollowUp(entryId: string, userId: string, input: FollowUpInput, now: Date): Promise<RecordResult> {
  const { status, why, metricValue, newest } = input;
  const inserted = await db.all<{ id: number }>(sql`
    insert into follow_ups (entry_id, recorded_by, status, why, metric_value, created_at)
    select ${entryId}, ${userId}, ${status}, ${why}, ${metricValue}, ${now.getTime()}
    where ${mayAnswer(entryId, userId)} and (${newest ?? null} is null or ${newestAnswerId(entryId)} = ${newest ?? null})
    returning id`);
  if (inserted.length === 1) return { ok: true };
  const [state] = await db.all<{ may: number; sameAgain: number }>(sql`
    select ${mayAnswer(entryId, userId)} as may,
      exists (select 1 from follow_ups f where f.id = ${newestAnswerId(entryId)} and f.id > ${newest ?? 0} and f.recorded_by = ${userId}
        and f.status = ${status} and f.why = ${why} and f.metric_value = ${metricValue}) as sameAgain`);
  if (!state?.may) return { ok: false, message: "This follow-up can no longer be recorded: the event was reopened, or you left the team." };
  return state.sameAgain ? { ok: true } : { ok: false, message: ANSWERED_MEANWHILE, answeredMeanwhile: true };
}

/**
 * Deletes an answer its author recorded by mistake (a wrong metric value, the wrong status): only their own, and only
 * while they may still record one (ADR 030), both checked in the DELETE itself. The answer before it, if any, becomes
 * the entry's follow-up again. The route asks first (ADR 012).
 */
export async function deleteFollowUp(entryId: string, answerId: number, userId: string): Promise<RecordResult> {
  const deleted = await db.all<{ id: number }>(sql`
    delete from follow_ups where id = ${answerId} and entry_id = ${entryId} and recorded_by = ${userId} and ${mayAnswer(entryId, userId)}
    returning id`);
  return deleted.length === 1
    ? { ok: true }
    : { ok: false, message: "This answer can no longer be deleted: it was deleted already, it is not yours, or the event was reopened." };
}

/** Whether the person owns the problem the entry took on (they are asked, and may answer, with the team). */
export async function ownsEntryProblem(entryId: string, userId: string): Promise<boolean> {
  const rows = await db.all(sql`
    select 1 from entries e join teams t on t.id = e.team_id join problems p on p.id = t.problem_id
    where e.id = ${entryId} and p.owner_user_id = ${userId}`);
  return rows.length > 0;
}

export type FollowUpAnswer = {
  id: number;
  status: FollowUpStatus;
  why: string;
  metricValue: string;
  /** The day it was recorded, in the event's time zone: "3 Mar 2027". */
  recordedOn: string;
  recordedBy: string | null;
};

type AnswerRow = {
  id: number;
  entryId: string;
  status: FollowUpStatus;
  why: string;
  metricValue: string;
  createdAt: number;
  recordedBy: string | null;
  recordedById: string | null;
  timezone: string;
};

const ANSWER_COLUMNS = sql`f.id, f.entry_id as entryId, f.status, f.why, f.metric_value as metricValue, f.created_at as createdAt, u.name as recordedBy, f.recorded_by as recordedById, ev.timezone`;
const ANSWER_JOINS = sql`join entries e on e.id = f.entry_id join events ev on ev.id = e.event_id left join users u on u.id = f.recorded_by`;

function toAnswer(r: AnswerRow): FollowUpAnswer {
  const at = new Date(r.createdAt);
  return { id: r.id, status: r.status, why: r.why, metricValue: r.metricValue, recordedOn: formatDateRange(at, at, r.timezone), recordedBy: r.recordedBy };
}

/** Every answer for one entry, newest first (the first is its follow-up), with who recorded it (to offer them "Delete"). */
export async function followUpsOf(entryId: string): Promise<(FollowUpAnswer & { recordedById: string | null })[]> {
  const rows = await db.all<AnswerRow>(sql`select ${ANSWER_COLUMNS} from follow_ups f ${ANSWER_JOINS} where f.entry_id = ${entryId} order by f.id desc`);
  return rows.map((r) => ({ ...toAnswer(r), recordedById: r.recordedById }));
}

/** The newest answer of each of these entries that has one. */
export async function latestFollowUps(entryIds: string[]): Promise<Map<string, FollowUpAnswer>> {
  if (entryIds.length === 0) return new Map();
  const ids = sql.join(
    entryIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await db.all<AnswerRow>(sql`
    select ${ANSWER_COLUMNS} from follow_ups f ${ANSWER_JOINS}
    where f.id in (select max(id) from follow_ups where entry_id in (${ids}) group by entry_id)`);
  return new Map(rows.map((r) => [r.entryId, toAnswer(r)]));
}

// ——— Asking, on the scheduler ———

type ClosedEvent = { id: string; slug: string; title: string; closedAt: number };

/** Closed events whose close time lies in the window where an ask can be due. */
async function eventsToAskAbout(now: Date): Promise<ClosedEvent[]> {
  const { closedFrom, closedUntil } = askWindow(now);
  return db.all<ClosedEvent>(sql`
    select ev.id, ev.slug, ev.title, min(pc.created_at) as closedAt
    from events ev join phase_changes pc on pc.event_id = ev.id and pc.to_phase = 'closed'
    where ev.phase = 'closed'
    group by ev.id
    having min(pc.created_at) > ${seconds(closedFrom)} and min(pc.created_at) <= ${seconds(closedUntil)}`);
}

type Asked = { id: string; email: string; name: string; entryId: string; entryTitle: string; teamName: string };

/** Who is asked about each submitted entry: its team's members and its problem's owner (once, if they are both). */
async function peopleToAsk(eventId: string): Promise<Asked[]> {
  return db.all<Asked>(sql`
    select u.id, u.email, u.name, e.id as entryId, e.title as entryTitle, t.name as teamName
    from entries e join teams t on t.id = e.team_id join team_members m on m.team_id = t.id join users u on u.id = m.user_id
    where e.event_id = ${eventId} and e.status = 'submitted'
    union
    select u.id, u.email, u.name, e.id as entryId, e.title as entryTitle, t.name as teamName
    from entries e join teams t on t.id = e.team_id join problems p on p.id = t.problem_id join users u on u.id = p.owner_user_id
    where e.event_id = ${eventId} and e.status = 'submitted'
    order by 4, 1`);
}

/** The asks due at `now`, one claim per event and checkpoint; returns how many notices went out. */
async function sendFollowUpAsks(now: Date): Promise<number> {
  const origin = configuredOrigin();
  let sent = 0;
  for (const event of await eventsToAskAbout(now)) {
    const closedAt = new Date(event.closedAt * 1000);
    const checkpoint = dueFollowUp(closedAt, now);
    if (!checkpoint) continue;
    const since = checkpointWords(checkpoint);
    const notices = (await peopleToAsk(event.id)).map((p): Notice => {
      const path = followUpPath(event.slug, p.entryId);
      const entryTitle = p.entryTitle || "your entry";
      return {
        to: p,
        eventId: event.id,
        title: `${since} after ${event.title}: what became of ${entryTitle}?`,
        body: `Record whether it was adopted in production, piloted, parked or dropped, why, and the AI metric's value today.`,
        path,
        mail: followUpAskMail({
          name: p.name,
          eventTitle: event.title,
          entryTitle,
          teamName: p.teamName,
          since,
          followUpUrl: new URL(path, origin).toString(),
        }),
      };
    });
    sent += await sendUnderClaim({ eventId: event.id, kind: "follow-up-ask", deadline: closedAt, threshold: checkpoint }, notices, now);
  }
  return sent;
}

export const followUpAskTask: ScheduledTask = { name: "follow-up-asks", run: sendFollowUpAsks };
