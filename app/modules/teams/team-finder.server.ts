// The "Find a team" page's lists (ADR 032): people looking for a team, and teams looking for members.
// A person's post shows only while they are in no team of the event (the list's query says so), so it
// disappears the moment they join, whichever way they joined; it is theirs to edit or remove until then.
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { problems, teamInvites, teamOpenings, teamRemovals, teams, teamSeekers, users } from "#db/schema";
import { db } from "~/db.server";
import type { Confirmation } from "~/lib/confirm";
import { teamInviteMail } from "~/modules/mail/messages";
import { notifyStatementsIfChanged } from "~/modules/notifications/notify.server";
import { endedInvitationWords } from "./invitations";
import { joinTeam, wasRemoved } from "./teams.server";

type Result<F extends string> = { ok: true } | { ok: false; field: F; message: string };

const inNoTeam = (eventId: string, userId: unknown) => sql`not exists (select 1 from team_members m where m.event_id = ${eventId} and m.user_id = ${userId})`;

/** A problem of this event still offered, or null for "no preference". */
async function offeredProblem(eventId: string, problemId: string | undefined): Promise<string | null | false> {
  if (!problemId) return null;
  const [row] = await db
    .select({ id: problems.id })
    .from(problems)
    .where(and(eq(problems.eventId, eventId), eq(problems.id, problemId), sql`${problems.retiredAt} is null`));
  return row ? row.id : false;
}

/** Writes or rewrites the person's post; refused in the INSERT itself once they are in a team of the event. */
export async function saveSeekerPost(
  event: { id: string },
  userId: string,
  input: { skills: string; problemId?: string },
): Promise<Result<"skills" | "problemId">> {
  const problemId = await offeredProblem(event.id, input.problemId);
  if (problemId === false) return { ok: false, field: "problemId", message: "Pick a problem of this event" };
  const now = Date.now();
  const saved = await db.run(sql`
    insert into team_seekers (event_id, user_id, skills, problem_id, updated_at)
    select ${event.id}, ${userId}, ${input.skills}, ${problemId}, ${now}
    where ${inNoTeam(event.id, userId)}
    on conflict (event_id, user_id) do update set skills = excluded.skills, problem_id = excluded.problem_id, updated_at = excluded.updated_at`);
  if (saved.rowsAffected === 0) return { ok: false, field: "skills", message: "You are already in a team for this event: one team per person per event." };
  return { ok: true };
}

/** Removes the person's own post, once confirmed. */
export async function removeSeekerPost(eventId: string, userId: string, confirmation: Confirmation): Promise<{ ok: true } | { ok: false; confirm: true }> {
  if (!confirmation.confirmed) return { ok: false, confirm: true };
  await db.delete(teamSeekers).where(and(eq(teamSeekers.eventId, eventId), eq(teamSeekers.userId, userId)));
  return { ok: true };
}

export async function mySeekerPost(eventId: string, userId: string) {
  const [row] = await db
    .select({ skills: teamSeekers.skills, problemId: teamSeekers.problemId })
    .from(teamSeekers)
    .where(and(eq(teamSeekers.eventId, eventId), eq(teamSeekers.userId, userId)));
  return row ?? null;
}

/** Everyone looking for a team in the event who is still in none, newest post first. */
export function listSeekers(eventId: string) {
  return db
    .select({ userId: users.id, name: users.name, skills: teamSeekers.skills, problemTitle: problems.title, updatedAt: teamSeekers.updatedAt })
    .from(teamSeekers)
    .innerJoin(users, eq(users.id, teamSeekers.userId))
    .leftJoin(problems, eq(problems.id, teamSeekers.problemId))
    .where(and(eq(teamSeekers.eventId, eventId), inNoTeam(eventId, teamSeekers.userId)))
    .orderBy(desc(teamSeekers.updatedAt), asc(users.name));
}

/** The lead marks the team as looking for members, or changes what it needs; the UPSERT checks they lead it. */
export async function saveOpening(team: { id: string; eventId: string }, leadId: string, needs: string): Promise<Result<"needs">> {
  const saved = await db.run(sql`
    insert into team_openings (team_id, event_id, needs, updated_at)
    select ${team.id}, ${team.eventId}, ${needs}, ${Date.now()}
    where exists (select 1 from teams t where t.id = ${team.id} and t.lead_id = ${leadId})
    on conflict (team_id) do update set needs = excluded.needs, updated_at = excluded.updated_at`);
  return saved.rowsAffected ? { ok: true } : { ok: false, field: "needs", message: "Only the team lead can do that." };
}

/** The team stops looking: it leaves the list; requests already made can still be answered. */
export async function closeOpening(teamId: string, leadId: string): Promise<void> {
  await db
    .delete(teamOpenings)
    .where(and(eq(teamOpenings.teamId, teamId), sql`exists (select 1 from teams t where t.id = ${teamId} and t.lead_id = ${leadId})`));
}

export async function teamOpening(teamId: string) {
  const [row] = await db.select({ needs: teamOpenings.needs }).from(teamOpenings).where(eq(teamOpenings.teamId, teamId));
  return row ?? null;
}

/** Teams of the event looking for members, with their problem, lead, size and what they need. */
export function listOpenTeams(eventId: string) {
  return db
    .select({
      id: teams.id,
      name: teams.name,
      problemTitle: problems.title,
      leadName: users.name,
      needs: teamOpenings.needs,
      memberCount: sql<number>`(select count(*) from team_members m where m.team_id = ${teams.id})`,
    })
    .from(teamOpenings)
    .innerJoin(teams, eq(teams.id, teamOpenings.teamId))
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .innerJoin(users, eq(users.id, teams.leadId))
    .where(eq(teamOpenings.eventId, eventId))
    .orderBy(desc(teamOpenings.updatedAt), asc(teams.name));
}

// ——— Inviting someone who is looking ———

type InviteTeam = { id: string; eventId: string; name: string; maxTeamSize: number };

/**
 * The lead invites someone whose post is up: one notice (and mail) that leads to the invitation on the Find a team
 * page, where they join or say no thanks; joining stays their choice. The INSERT holds the rules itself: the inviter leads the team, the team has room, the person has a post in
 * the event and is in no team, and each person is invited once per team (the primary key), so pressing twice, or
 * two leads' tabs, send one notice.
 */
export async function inviteSeeker(
  team: InviteTeam,
  lead: { id: string; name: string },
  seekerId: string,
  event: { slug: string; title: string },
  origin: string,
  now: Date,
): Promise<{ ok: true; name: string } | { ok: false; message: string }> {
  const [seeker] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, seekerId));
  if (!seeker) return { ok: false, message: "That person is not looking for a team here." };
  // The invitation is answered on the Find a team page, not by the team's code: a member leaving changes the code,
  // which would break every invitation sent before.
  // The team's id in the address: should the invitation end before they answer, the page says why (ADR 068).
  const joinPath = `/events/${event.slug}/find-a-team?invitation=${team.id}#invitations`;
  const invite = db.run(sql`insert into team_invites (team_id, user_id, invited_by, created_at)
    select ${team.id}, ${seeker.id}, ${lead.id}, ${now.getTime()}
    where exists (select 1 from teams t where t.id = ${team.id} and t.lead_id = ${lead.id})
      and (select count(*) from team_members m where m.team_id = ${team.id}) < ${team.maxTeamSize}
      and exists (select 1 from team_seekers s where s.event_id = ${team.eventId} and s.user_id = ${seeker.id})
      and ${inNoTeam(team.eventId, seeker.id)}
      and not exists (select 1 from team_removals r where r.team_id = ${team.id} and r.user_id = ${seeker.id})
    on conflict (team_id, user_id) do nothing`);
  const notice = {
    to: seeker,
    eventId: team.eventId,
    title: `${lead.name} invites you to join ${team.name}`,
    body: `${lead.name} read your post in ${event.title}. See the team and join if you want to.`,
    path: joinPath,
    mail: teamInviteMail({
      name: seeker.name,
      leadName: lead.name,
      teamName: team.name,
      eventTitle: event.title,
      joinUrl: new URL(joinPath, origin).toString(),
    }),
  };
  const [inserted] = await db.batch([invite, ...(await notifyStatementsIfChanged([notice], origin))]);
  if (inserted.rowsAffected === 1) return { ok: true, name: seeker.name };
  const [already] = await db
    .select({ at: teamInvites.createdAt })
    .from(teamInvites)
    .where(and(eq(teamInvites.teamId, team.id), eq(teamInvites.userId, seeker.id)));
  // The invitation could never be accepted: joining refuses someone the lead removed until they are let back in.
  if (await wasRemoved(team.id, seeker.id)) return { ok: false, message: removedMessage(seeker.name) };
  if (already) return { ok: false, message: `You invited ${seeker.name} already.` };
  return { ok: false, message: `${seeker.name} is no longer looking, or your team is full.` };
}

/**
 * For the lead's "Invite" buttons: whom the team invited (their invitation standing, or answered "No thanks"), and
 * how many members it has (room to invite).
 */
export async function inviteState(teamId: string): Promise<{ invited: string[]; declined: string[]; removed: string[]; members: number }> {
  const [rows, removed, [count]] = await Promise.all([
    db.select({ userId: teamInvites.userId, declinedAt: teamInvites.declinedAt }).from(teamInvites).where(eq(teamInvites.teamId, teamId)),
    db.select({ userId: teamRemovals.userId }).from(teamRemovals).where(eq(teamRemovals.teamId, teamId)),
    db.all<{ n: number }>(sql`select count(*) as n from team_members where team_id = ${teamId}`),
  ]);
  return {
    invited: rows.filter((r) => !r.declinedAt).map((r) => r.userId),
    declined: rows.filter((r) => r.declinedAt).map((r) => r.userId),
    // Removed by the lead: not offered an invitation they could never accept, until let back in on the team page.
    removed: removed.map((r) => r.userId),
    members: Number(count?.n ?? 0),
  };
}

/** Why someone the lead removed cannot be invited: the team page lets them back in first. */
export const removedMessage = (name: string) =>
  `You removed ${name} from your team. To invite them, first press “Let rejoin” beside their name on your team's page.`;

// ——— Invitations, as the person invited sees them ———

/** The invitations standing for this person in the event, newest first; none once they are in a team. */
export function myInvitations(eventId: string, userId: string) {
  return db
    .select({
      teamId: teams.id,
      teamName: teams.name,
      problemTitle: problems.title,
      leadName: users.name,
      memberCount: sql<number>`(select count(*) from team_members m where m.team_id = ${teams.id})`,
    })
    .from(teamInvites)
    .innerJoin(teams, eq(teams.id, teamInvites.teamId))
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .leftJoin(users, eq(users.id, teamInvites.invitedBy))
    .where(and(eq(teams.eventId, eventId), eq(teamInvites.userId, userId), isNull(teamInvites.declinedAt), inNoTeam(eventId, userId)))
    .orderBy(desc(teamInvites.createdAt));
}

/**
 * For someone who follows the notice of an invitation (`?invitation=` on the Find a team page): why it no longer
 * stands, in words, or null while it stands and they can answer it. `joiningRefused`: why they cannot join a team
 * now, or null. Read only when the page is opened from such a link.
 */
export async function endedInvitation(eventId: string, teamId: string, userId: string, joiningRefused: string | null): Promise<string | null> {
  const [[team], [mine]] = await Promise.all([
    db.all<{ name: string; invited: number; declinedAt: number | null; requestDeclined: number }>(sql`
      select t.name, i.user_id is not null as invited, i.declined_at as declinedAt,
        exists (select 1 from join_requests r where r.team_id = t.id and r.user_id = ${userId} and r.status = 'declined') as requestDeclined
      from teams t left join team_invites i on i.team_id = t.id and i.user_id = ${userId}
      where t.id = ${teamId} and t.event_id = ${eventId}`),
    db.all<{ id: string; name: string }>(sql`
      select t.id, t.name from team_members m join teams t on t.id = m.team_id where m.event_id = ${eventId} and m.user_id = ${userId}`),
  ]);
  return endedInvitationWords({
    teamId,
    teamName: team?.name ?? null,
    stands: Boolean(team?.invited) && team.declinedAt === null,
    saidNoThanks: team?.declinedAt != null,
    requestDeclined: Boolean(team?.requestDeclined),
    inTeam: mine ?? null,
    joiningRefused,
  });
}

const standing = (teamId: string, userId: string) =>
  sql`exists (select 1 from team_invites i where i.team_id = ${teamId} and i.user_id = ${userId} and i.declined_at is null)`;

/**
 * Joins the team that invited this person, whatever its code is now. The invitation must still stand, and the
 * team's own rules hold as for its code (room, not removed, not declined since): one guarded INSERT (joinTeam).
 */
export async function acceptInvitation(
  team: { id: string; eventId: string; name: string },
  userId: string,
  maxTeamSize: number,
  origin: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const joined = await joinTeam(team, userId, maxTeamSize, origin, standing(team.id, userId));
  if (joined.ok) return joined;
  const [still] = await db.all(sql`select ${standing(team.id, userId)} as yes`);
  return { ok: false, message: Number((still as { yes: number }).yes) === 1 ? joined.message : `Your invitation to ${team.name} is no longer open.` };
}

/**
 * "No thanks": the lead sees the answer and is not offered to invite again; the person may still ask to join that
 * team from its listing. False when there was no standing invitation (answered already, or withdrawn).
 */
export async function declineInvitation(teamId: string, userId: string, now: Date): Promise<boolean> {
  const done = await db
    .update(teamInvites)
    .set({ declinedAt: now })
    .where(and(eq(teamInvites.teamId, teamId), eq(teamInvites.userId, userId), isNull(teamInvites.declinedAt)));
  return done.rowsAffected === 1;
}
