// The people's choice vote in the database (ADR 031): settings on the event row, one vote row per person per event.
import { and, eq, sql } from "drizzle-orm";
import { entries, events, peoplesChoiceVotes } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { changedSince, stampOf } from "~/lib/stamp.server";
import { canVote, type Actor } from "~/modules/auth/permissions";
import { peoplesChoiceAward, PEOPLES_CHOICE } from "~/modules/judging/awards";
import { voteWindow, type PeoplesChoiceSettings, type TallyRow, type VoteSettings } from "./rules";

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export function voteSettingsOf(event: { peoplesChoiceEnabled: boolean; peoplesChoiceClosesAt: Date | null }): VoteSettings {
  return { enabled: event.peoplesChoiceEnabled, closesAt: event.peoplesChoiceClosesAt };
}

/**
 * Saves the organizers' settings, refused in the statement once results are published. Turning the vote on also
 * gives the event its "People's choice" award (kind `peoples-choice`): an award of that name the organizers made
 * themselves becomes it; otherwise one is added. Both are no-ops when the event already has one.
 *
 * What the save changed goes into the Manage page's history, as the judging settings' changes do (ADR 066): the vote
 * switched on (with its closing time) or off, or, while it stays on, its closing time moved to another minute (the
 * form's precision). Each row is written before the UPDATE, from the event as it stands in the same transaction and
 * under the UPDATE's own condition, so a refused save or one that changed nothing leaves no row.
 */
export async function saveVoteSettings(
  eventId: string,
  settings: PeoplesChoiceSettings,
  actorId: string | null,
  /** The stamp the page was loaded with, and the settings as this request read them (ADR 060). */
  check?: { stamp: string | undefined; stored: VoteSettings },
): Promise<true | "published" | "changed"> {
  // A save from a page opened before another organizer's is refused rather than applied over it: the form sends the
  // box and the time, so it would switch back what the other one switched. Unless it changes nothing.
  const asSaved = { enabled: settings.enabled, closesAt: settings.closesAt ?? check?.stored.closesAt ?? null };
  if (check && changedSince(check.stamp, peoplesChoiceStamp(check.stored)) && peoplesChoiceStamp(asSaved) !== peoplesChoiceStamp(check.stored))
    return "changed";
  // In the statements too: a save between this request's read and its write is not applied over either.
  const storedMinute = check?.stored.closesAt ? minuteOf(check.stored.closesAt) : null;
  const unchanged = check
    ? sql` and peoples_choice_enabled = ${check.stored.enabled ? 1 : 0} and ${
        storedMinute === null ? sql`peoples_choice_closes_at is null` : sql`peoples_choice_closes_at / 60 = ${storedMinute}`
      }`
    : sql``;
  // After the UPDATE, in the same batch: the vote is on now (this save or, refused, another one turned it on).
  const notClosed = sql`exists (select 1 from events where id = ${eventId} and phase <> 'closed' and peoples_choice_enabled = 1)`;
  const hasKind = sql`exists (select 1 from awards a where a.event_id = ${eventId} and a.kind = ${PEOPLES_CHOICE})`;
  const on = settings.enabled ? 1 : 0;
  const closes = settings.closesAt ? seconds(settings.closesAt) : null;
  // To the minute, as the form shows and sends it: publishing leaves the closing time at its own second.
  const minute = closes === null ? null : Math.floor(closes / 60);
  const [, , updated] = await db.batch([
    db.run(sql`insert into judging_setting_changes (event_id, setting, turned_on, closes_at, changed_by)
      select id, 'peoples_choice_enabled', ${on}, ${on ? closes : null}, ${actorId} from events
      where id = ${eventId} and phase <> 'closed' and peoples_choice_enabled <> ${on}${unchanged}`),
    db.run(sql`insert into judging_setting_changes (event_id, setting, turned_on, closes_at, changed_by)
      select id, 'peoples_choice_closes_at', 1, ${closes}, ${actorId} from events
      where id = ${eventId} and phase <> 'closed' and ${on && minute !== null ? 1 : 0} = 1 and peoples_choice_enabled = 1
        and (peoples_choice_closes_at is null or peoples_choice_closes_at / 60 <> ${minute})${unchanged}`),
    db
      .update(events)
      .set({
        peoplesChoiceEnabled: settings.enabled,
        ...(settings.closesAt ? { peoplesChoiceClosesAt: settings.closesAt } : {}),
        // Counts shown at a publishing stay shown only while the vote stays as that publishing left it (ADR 031).
        peoplesChoiceShownAt: sql`case when ${events.peoplesChoiceEnabled} = ${on}
          and ${minute !== null ? sql`${events.peoplesChoiceClosesAt} / 60 = ${minute}` : sql`1`}
          then ${events.peoplesChoiceShownAt} end`,
      })
      .where(and(eq(events.id, eventId), sql`${events.phase} <> 'closed'${unchanged}`))
      .returning({ id: events.id }),
    db.run(sql`update awards set kind = ${PEOPLES_CHOICE}
      where event_id = ${eventId} and name = ${peoplesChoiceAward.name} and kind = 'custom' and ${on} = 1 and ${notClosed} and not ${hasKind}`),
    db.run(sql`insert into awards (id, event_id, name, description, kind, position)
      select ${newId()}, ${eventId}, ${peoplesChoiceAward.name}, ${peoplesChoiceAward.description}, ${PEOPLES_CHOICE},
        (select coalesce(max(position), -1) + 1 from awards where event_id = ${eventId})
      where ${on} = 1 and ${notClosed} and not ${hasKind}
      on conflict do nothing`),
  ]);
  if (updated.length > 0) return true;
  const [now] = await db.select({ phase: events.phase }).from(events).where(eq(events.id, eventId));
  return now && now.phase !== "closed" ? "changed" : "published";
}

const minuteOf = (d: Date) => Math.floor(d.getTime() / 60_000);

/** A fingerprint of the vote's settings as the page shows them: on or off, and the closing time to the minute. */
export function peoplesChoiceStamp(settings: VoteSettings): string {
  return stampOf([settings.enabled, settings.closesAt ? minuteOf(settings.closesAt) : null]);
}

/** Said when the vote's settings changed since the page was opened. */
export const VOTE_SETTINGS_CHANGED =
  "The people's choice vote changed since you opened this page (another organizer saved it, or you did in another tab), so nothing was saved. It is shown below as it is now: make your change again and save.";

type MyVote = { entryId: string; title: string } | null;

export async function myVote(eventId: string, voterId: string): Promise<MyVote> {
  const [row] = await db
    .select({ entryId: peoplesChoiceVotes.entryId, title: entries.title })
    .from(peoplesChoiceVotes)
    .innerJoin(entries, eq(entries.id, peoplesChoiceVotes.entryId))
    .where(and(eq(peoplesChoiceVotes.eventId, eventId), eq(peoplesChoiceVotes.voterId, voterId)));
  return row ?? null;
}

type CastVoteResult = { ok: true; previous: MyVote } | { ok: false; reason: string };

/**
 * Records the person's one vote in the event, or moves it to this entry: one upsert on (event, voter), so many
 * people voting at once lose nothing and one person voting twice at once keeps one row. The statement itself
 * checks what the policy checks (the vote is on and open, the entry is submitted and in this event, the voter is
 * not in its team), so a vote racing the closing time, the publishing of results or a team change is refused.
 */
export async function castVote(eventId: string, voter: Actor, entryId: string, now: Date): Promise<CastVoteResult> {
  const previous = await myVote(eventId, voter.id);
  const at = seconds(now);
  const saved = await db.all<{ entry_id: string }>(sql`insert into peoples_choice_votes (event_id, voter_id, entry_id, created_at, updated_at)
    select e.event_id, ${voter.id}, e.id, ${at}, ${at}
    from entries e join events ev on ev.id = e.event_id
    where e.id = ${entryId} and e.event_id = ${eventId} and e.status = 'submitted'
      and ev.peoples_choice_enabled = 1 and ev.phase in ('open', 'judging')
      and ev.submission_deadline <= ${at} and ev.peoples_choice_closes_at > ${at}
      and not exists (select 1 from team_members m where m.team_id = e.team_id and m.user_id = ${voter.id})
    on conflict (event_id, voter_id) do update set entry_id = excluded.entry_id, updated_at = excluded.updated_at
    returning entry_id`);
  if (saved.length > 0) return { ok: true, previous };
  return { ok: false, reason: await refusalReason(eventId, voter, entryId, now) };
}

/**
 * Takes the person's vote back while the vote is open, so they may vote for nobody (or again later). The statement
 * checks the window itself, so a withdrawal racing the close or the publishing of results leaves the vote counted.
 * Returns the entry the vote was for, or null when nothing was withdrawn (no vote, or a vote for another entry).
 */
export async function withdrawVote(eventId: string, voterId: string, entryId: string, now: Date): Promise<MyVote> {
  const at = seconds(now);
  const previous = await myVote(eventId, voterId);
  // Only a vote for the entry the button was on: a vote moved elsewhere since (another tab) stays.
  const gone = await db.all<{ entry_id: string }>(sql`delete from peoples_choice_votes
    where event_id = ${eventId} and voter_id = ${voterId} and entry_id = ${entryId}
      and exists (select 1 from events ev where ev.id = ${eventId} and ev.peoples_choice_enabled = 1
        and ev.phase in ('open', 'judging') and ev.submission_deadline <= ${at} and ev.peoples_choice_closes_at > ${at})
    returning entry_id`);
  if (!gone.length) return null;
  return previous?.entryId === gone[0].entry_id ? previous : { entryId: gone[0].entry_id, title: "" };
}

/** Why the statement wrote nothing, read afresh: the policy's reason for the facts as they are now. */
async function refusalReason(eventId: string, voter: Actor, entryId: string, now: Date): Promise<string> {
  const [found] = await db
    .select({
      event: events,
      entryTeamId: entries.teamId,
      entryStatus: entries.status,
      isOrganizer: sql<number>`exists(select 1 from event_organizers o where o.event_id = ${events.id} and o.user_id = ${voter.id})`,
      teamId: sql<string | null>`(select m.team_id from team_members m where m.event_id = ${events.id} and m.user_id = ${voter.id})`,
    })
    .from(entries)
    .innerJoin(events, eq(events.id, entries.eventId))
    .where(and(eq(entries.id, entryId), eq(entries.eventId, eventId)));
  if (!found) return "That entry is not part of this event.";
  const { event } = found;
  // Being a judge plays no part in the vote.
  const access = {
    phase: event.phase,
    submissionDeadline: event.submissionDeadline,
    isOrganizer: Boolean(found.isOrganizer),
    isJudge: false,
    teamId: found.teamId,
  };
  const decision = canVote(voter, access, { teamId: found.entryTeamId, status: found.entryStatus }, voteWindow(voteSettingsOf(event), event, now));
  return decision.ok ? "Your vote could not be saved just now. Try again." : decision.reason;
}

/**
 * The votes that count: for a submitted entry of the event, from someone who is not in that entry's team (the
 * vote statement refuses those, and this keeps a later team change from counting one).
 */
const countedVotes = (eventId: string) => sql`select v.entry_id, count(*) as n
  from peoples_choice_votes v join entries e on e.id = v.entry_id
  where v.event_id = ${eventId} and e.event_id = ${eventId} and e.status = 'submitted'
    and not exists (select 1 from team_members m where m.team_id = e.team_id and m.user_id = v.voter_id)
  group by v.entry_id`;

/** How many votes count so far (not for one's own team, only for submitted entries): the organizers' publish step says it. */
export async function countedVoteTotal(eventId: string): Promise<number> {
  const [{ total }] = await db.all<{ total: number | null }>(sql`select sum(n) as total from (${countedVotes(eventId)})`);
  return Number(total ?? 0);
}

/** Every submitted entry with its counted votes (0 included). Only for pages that passed `canSeeVoteCounts`. */
export async function voteCounts(eventId: string): Promise<TallyRow[]> {
  const rows = await db.all<{ entry_id: string; title: string; n: number | null }>(sql`select e.id as entry_id, e.title, c.n
    from entries e left join (${countedVotes(eventId)}) c on c.entry_id = e.id
    where e.event_id = ${eventId} and e.status = 'submitted'`);
  return rows.map((r) => ({ entryId: r.entry_id, title: r.title, votes: Number(r.n ?? 0) }));
}

/**
 * Publishing ends the vote for good: its closing time moves to the moment of publishing, so reopening judging
 * to fix a score does not reopen a vote whose counts were shown (in the publishing batch, after the phase change).
 * A vote that is on has its counts shown from then on (`peoples_choice_shown_at`), also after a reopen.
 */
export function endVoteOnPublish(eventId: string, now: Date) {
  return db.run(sql`update events set peoples_choice_closes_at = min(peoples_choice_closes_at, ${seconds(now)}),
      peoples_choice_shown_at = case when peoples_choice_enabled = 1 then ${seconds(now)} else null end
    where id = ${eventId} and phase = 'closed' and peoples_choice_closes_at is not null`);
}

/** The entries with the most counted votes (one, several on a tie, none without votes). */
const topOfTally = (eventId: string) => sql`with tally as (${countedVotes(eventId)}),
      top as (select entry_id from tally where n = (select max(n) from tally))`;

/**
 * For the batch that publishes results, after the phase moves to closed: gives the award of kind `peoples-choice`
 * to the entry with more counted votes than any other. A tie, or no vote, leaves the award as it was. Being in the
 * same transaction as the phase move, whose closing the vote statement checks, the tally it reads is final.
 */
export function recordPeoplesChoiceWinner(eventId: string) {
  return db.run(sql`${topOfTally(eventId)}
    update awards set entry_id = (select entry_id from top)
    where event_id = ${eventId} and kind = ${PEOPLES_CHOICE}
      and (select count(*) from top) = 1
      and exists (select 1 from events where id = ${eventId} and phase = 'closed' and peoples_choice_enabled = 1)`);
}

/**
 * The entry recordPeoplesChoiceWinner would give the award to now, or null (no vote held, a tie, no vote cast): the
 * award notices of publishing are written before the batch that gives it, so they ask this.
 */
export async function peoplesChoiceLeader(eventId: string): Promise<string | null> {
  const top = await db.all<{ entry_id: string }>(sql`${topOfTally(eventId)}
    select entry_id from top where exists (select 1 from events where id = ${eventId} and peoples_choice_enabled = 1)`);
  return top.length === 1 ? top[0].entry_id : null;
}
