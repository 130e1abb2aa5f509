// Reminders (ADR 026): a day and an hour before the submission deadline, members of teams whose entry is still
// a draft; a day and an hour before the judging deadline, judges with unfinished score sheets; and an organizer's
// "Remind" press for one judge. Each goes out under a claim row in reminders_sent, written in the same batch as
// its notices, which hang on it: two processes racing for the same reminder send it once (ADR 024).
import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { events, remindersSent, users, type EventPhase } from "#db/schema";
import { db } from "~/db.server";
import { formatInZone, relativeTime } from "~/lib/time";
import { configuredOrigin } from "~/lib/urls.server";
import { judgingSheets } from "~/modules/events/dashboard.server";
import { deadlineReminderMail, judgeReminderMail } from "~/modules/mail/messages";
import type { JudgeSheets, SheetStatus } from "~/modules/judging/sheets";
import { notifyStatementsIfChanged, type Notice } from "~/modules/notifications/notify.server";
import type { ScheduledTask } from "~/modules/schedule/scheduler.server";
import { dueReminder, mayRemindNow, reminderThresholds, remindAgainAt, REMIND_AGAIN_AFTER, type Threshold } from "./due";

type Statement = BatchItem<"sqlite">;
/** judgingRound: in the final round, the final round's judges with sheets left are reminded (ADR 038). */
type ReminderEvent = { id: string; slug: string; title: string; timezone: string; judgesPerEntry: number | null; judgingRound?: number };

/** The furthest threshold: events whose deadline is further ahead than this have nothing due. */
const LOOKAHEAD = Math.max(...reminderThresholds.map((t) => t.before));

/** Events in `phase` whose deadline column is ahead of `now` and within the furthest threshold. */
async function eventsNearing(phase: EventPhase, deadline: typeof events.submissionDeadline | typeof events.judgingDeadline, now: Date) {
  return db
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      timezone: events.timezone,
      judgesPerEntry: events.judgesPerEntry,
      judgingRound: events.judgingRound,
      deadline,
    })
    .from(events)
    .where(and(eq(events.phase, phase), gt(deadline, now), lte(deadline, new Date(now.getTime() + LOOKAHEAD))));
}

/**
 * Sends one due reminder of one event: the claim first, then each notice hanging on it. Returns how many notices
 * went out (0 when another process, or an earlier tick, had already claimed it). Follow-up asks (ADR 030) go out
 * through it too, with the event's close time as their `deadline`.
 */
export async function sendUnderClaim(
  claim: { eventId: string; kind: "deadline-reminder" | "judge-reminder" | "follow-up-ask"; deadline: Date; threshold: Pick<Threshold, "key"> },
  notices: Notice[],
  now: Date,
): Promise<number> {
  // Nobody to tell yet (an event opened within the hour before its deadline, its teams still forming): nothing is
  // claimed, so the teams that form before the deadline still get the reminder at a later tick.
  if (notices.length === 0) return 0;
  const claimRow = db
    .insert(remindersSent)
    .values({ eventId: claim.eventId, kind: claim.kind, userId: "", deadline: claim.deadline, threshold: claim.threshold.key, sentAt: now })
    .onConflictDoNothing()
    .returning({ eventId: remindersSent.eventId });
  const told = await notifyStatementsIfChanged(notices, configuredOrigin());
  const [claimed] = (await db.batch([claimRow, ...told] as [Statement, ...Statement[]])) as [unknown[], ...unknown[]];
  return claimed.length === 1 ? notices.length : 0;
}

// ——— Submission deadline ———

/** Members of the event's teams whose entry is not submitted, with their team (a draft, or no entry row at all). */
async function membersWithDraftEntries(eventId: string) {
  return db.all<{ id: string; email: string; name: string; teamId: string; teamName: string }>(sql`
    select u.id, u.email, u.name, t.id as teamId, t.name as teamName
    from team_members m
    join teams t on t.id = m.team_id
    join users u on u.id = m.user_id
    left join entries e on e.team_id = t.id
    where t.event_id = ${eventId} and (e.id is null or e.status <> 'submitted')
    order by u.id
  `);
}

/** Deadline reminders due at `now`, for events open for entries; returns how many notices went out. */
async function sendDeadlineReminders(now: Date): Promise<number> {
  const origin = configuredOrigin();
  let sent = 0;
  for (const event of await eventsNearing("open", events.submissionDeadline, now)) {
    const threshold = dueReminder(event.deadline, now);
    if (!threshold) continue;
    const closes = formatInZone(event.deadline, event.timezone);
    const left = relativeTime(event.deadline, now);
    const notices = (await membersWithDraftEntries(event.id)).map((m): Notice => {
      const path = `/events/${event.slug}/teams/${m.teamId}/entry`;
      return {
        to: m,
        eventId: event.id,
        title: `Submissions for ${event.title} close ${left}`,
        body: `The entry of ${m.teamName} is not submitted yet. Submissions close ${closes}.`,
        path,
        mail: deadlineReminderMail({ name: m.name, eventTitle: event.title, teamName: m.teamName, closes, left, entryUrl: new URL(path, origin).toString() }),
      };
    });
    sent += await sendUnderClaim({ eventId: event.id, kind: "deadline-reminder", deadline: event.deadline, threshold }, notices, now);
  }
  return sent;
}

// ——— Judging deadline and the Remind button ———

/** Judges of the event with score sheets to finish, with their address. */
async function judgesWithUnfinishedSheets(event: ReminderEvent, status?: SheetStatus): Promise<(JudgeSheets & { email: string })[]> {
  const gaps = (status ?? (await judgingSheets(event))).judgesWithGaps;
  if (gaps.length === 0) return [];
  const emails = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.id,
        gaps.map((j) => j.id),
      ),
    );
  const emailOf = new Map(emails.map((u) => [u.id, u.email]));
  return gaps.flatMap((j) => (emailOf.has(j.id) ? [{ ...j, email: emailOf.get(j.id)! }] : []));
}

/** Why no judge is listed to remind, said as the organizer can act on it; null when some judge has sheets left. */
function nobodyToRemind(event: ReminderEvent, status: SheetStatus): string | null {
  if (status.judgesWithGaps.length > 0) return null;
  // The final round has judges and entries of its own (its finalists), and no assignments (ADR 038).
  const final = event.judgingRound === 2;
  if (status.byJudge.length === 0)
    return final
      ? "Nobody judges the final round yet, so no finalist can be scored: invite a judge below."
      : "Nobody judges this event yet, so no entry can be scored: invite a judge below.";
  if (status.byEntry.length === 0)
    return final ? "No finalist is left in the final round, so there is nothing to score." : "No entry was submitted, so there is nothing to score.";
  if (status.expected === 0)
    return final
      ? "No judge may score any finalist: each is on its team or declared a conflict."
      : event.judgesPerEntry === null
        ? "No judge may score any entry: each is on its team or declared a conflict."
        : "No entry is assigned to a judge yet: assign entries below.";
  return "Every judge has finished their score sheets.";
}

function judgeNotice(event: ReminderEvent, judge: JudgeSheets & { email: string }, judgingDeadline: Date, origin: string): Notice {
  const left = judge.assigned - judge.done;
  const ends = formatInZone(judgingDeadline, event.timezone);
  const path = `/events/${event.slug}/judging`;
  return {
    to: { id: judge.id, email: judge.email },
    eventId: event.id,
    title: `${left} score ${left === 1 ? "sheet" : "sheets"} left in ${event.title}`,
    body: `${left} of your ${judge.assigned} score ${judge.assigned === 1 ? "sheet" : "sheets"} ${left === 1 ? "is" : "are"} not finished. Judging ends ${ends}.`,
    path,
    mail: judgeReminderMail({ name: judge.name, eventTitle: event.title, left, assigned: judge.assigned, ends, queueUrl: new URL(path, origin).toString() }),
  };
}

/** Judge reminders due at `now`, for events in judging; returns how many notices went out. */
async function sendJudgeReminders(now: Date): Promise<number> {
  const origin = configuredOrigin();
  let sent = 0;
  for (const event of await eventsNearing("judging", events.judgingDeadline, now)) {
    const threshold = dueReminder(event.deadline, now);
    if (!threshold) continue;
    const notices = (await judgesWithUnfinishedSheets(event)).map((j) => judgeNotice(event, j, event.deadline, origin));
    sent += await sendUnderClaim({ eventId: event.id, kind: "judge-reminder", deadline: event.deadline, threshold }, notices, now);
  }
  return sent;
}

export const deadlineReminderTask: ScheduledTask = { name: "deadline-reminders", run: sendDeadlineReminders };
export const judgeReminderTask: ScheduledTask = { name: "judge-reminders", run: sendJudgeReminders };

/** The "Remind" press's claim: one row per (event, judge), re-armed once REMIND_AGAIN_AFTER has passed. */
const BUTTON = { kind: "judge-reminder", deadline: new Date(0), threshold: "button" } as const;

/** When each judge of the event was last reminded by an organizer's press. */
async function lastRemindedAt(eventId: string): Promise<Map<string, Date>> {
  const rows = await db
    .select({ userId: remindersSent.userId, sentAt: remindersSent.sentAt })
    .from(remindersSent)
    .where(and(eq(remindersSent.eventId, eventId), eq(remindersSent.kind, BUTTON.kind), eq(remindersSent.threshold, BUTTON.threshold)));
  return new Map(rows.map((r) => [r.userId, r.sentAt]));
}

export type RemindResult = { ok: true; name: string; left: number } | { ok: false; status: 404 | 409 | 429; message: string };

/**
 * An organizer reminds one judge now, with the same notice as the scheduled reminder. Refused outside judging,
 * for someone who is not a judge with unfinished sheets, and within an hour of the last press for that judge:
 * the claim is an upsert whose update only happens once the hour has passed, so a double click or two
 * organizers pressing at once send one reminder.
 */
export async function remindJudge(
  event: ReminderEvent & { phase: EventPhase; judgingDeadline: Date },
  judgeId: string,
  now: Date,
  origin: string,
): Promise<RemindResult> {
  if (event.phase !== "judging") return { ok: false, status: 409, message: "Judges are reminded only while the event is in judging." };
  const judge = (await judgesWithUnfinishedSheets(event)).find((j) => j.id === judgeId);
  if (!judge) return { ok: false, status: 404, message: "This person is not a judge of this event with score sheets to finish." };
  const cutOff = new Date(now.getTime() - REMIND_AGAIN_AFTER);
  const claim = db
    .insert(remindersSent)
    .values({ eventId: event.id, kind: BUTTON.kind, userId: judgeId, deadline: BUTTON.deadline, threshold: BUTTON.threshold, sentAt: now })
    .onConflictDoUpdate({
      target: [remindersSent.eventId, remindersSent.kind, remindersSent.userId, remindersSent.deadline, remindersSent.threshold],
      set: { sentAt: now },
      setWhere: lte(remindersSent.sentAt, cutOff),
    })
    .returning({ sentAt: remindersSent.sentAt });
  const told = await notifyStatementsIfChanged([judgeNotice(event, judge, event.judgingDeadline, origin)], origin);
  const [claimed] = (await db.batch([claim, ...told] as [Statement, ...Statement[]])) as [unknown[], ...unknown[]];
  if (claimed.length === 1) return { ok: true, name: judge.name, left: judge.assigned - judge.done };
  const last = (await lastRemindedAt(event.id)).get(judgeId) ?? now;
  const again = remindAgainAt(last)!;
  return {
    ok: false,
    status: 429,
    message: `${judge.name} was reminded at ${formatInZone(last, event.timezone)}. A judge can be reminded once an hour: try again from ${formatInZone(again, event.timezone)}.`,
  };
}

/**
 * What the judges page shows per judge with unfinished sheets: progress, and when the Remind button works again; when
 * no judge has any, `nobody` says why. Null outside judging.
 */
export async function reminderList(event: ReminderEvent & { phase: EventPhase }, now: Date) {
  if (event.phase !== "judging") return null;
  const status = await judgingSheets(event);
  const [judges, last] = await Promise.all([judgesWithUnfinishedSheets(event, status), lastRemindedAt(event.id)]);
  return {
    judges: judges.map((j) => {
      const lastSent = last.get(j.id) ?? null;
      return {
        id: j.id,
        name: j.name,
        done: j.done,
        assigned: j.assigned,
        lastReminded: lastSent ? formatInZone(lastSent, event.timezone) : null,
        remindAgainAt: mayRemindNow(lastSent, now) ? null : formatInZone(remindAgainAt(lastSent)!, event.timezone),
      };
    }),
    nobody: nobodyToRemind(event, status),
  };
}
