// What a team's changes tell its people (ADR 024): someone joined, someone was removed, the lead was handed over, the
// entry was submitted, the team was deleted. Built before the change from who is in the team then; the caller runs
// them right after its guarded statement, so a refused or repeated change tells nobody.
import { asc, eq, sql } from "drizzle-orm";
import { events, teamMembers, teams, users } from "#db/schema";
import { db } from "~/db.server";
import { entrySubmittedMail, leadChangedMail, memberRemovedMail, teamDeletedMail, teamJoinedMail } from "~/modules/mail/messages";
import type { Notice } from "~/modules/notifications/notify.server";
import { possessive } from "~/lib/possessive";

type Person = { id: string; name: string; email: string };
type TeamFacts = { id: string; name: string; event: { id: string; slug: string; title: string }; members: Person[]; path: string };

async function teamFacts(teamId: string): Promise<TeamFacts | null> {
  const [team] = await db
    .select({ id: teams.id, name: teams.name, eventId: events.id, slug: events.slug, title: events.title })
    .from(teams)
    .innerJoin(events, eq(events.id, teams.eventId))
    .where(eq(teams.id, teamId));
  if (!team) return null;
  const members = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(teamMembers.joinedAt), asc(users.name));
  const event = { id: team.eventId, slug: team.slug, title: team.title };
  return { id: team.id, name: team.name, event, members, path: `/events/${event.slug}/teams/${team.id}` };
}

const personById = async (userId: string) =>
  (await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId)))[0];
const link = (path: string, origin: string) => new URL(path, origin).toString();

/** To the members already in the team when `joinerId` joins it. */
export async function teamJoinedNotices(teamId: string, joinerId: string, origin: string): Promise<Notice[]> {
  const [team, joiner] = await Promise.all([teamFacts(teamId), personById(joinerId)]);
  if (!team || !joiner) return [];
  return team.members
    .filter((m) => m.id !== joinerId)
    .map((m) => ({
      to: m,
      eventId: team.event.id,
      title: `${joiner.name} joined ${team.name}`,
      body: `${joiner.name} joined your team in ${team.event.title}.`,
      path: team.path,
      mail: teamJoinedMail({ name: m.name, joinerName: joiner.name, teamName: team.name, eventTitle: team.event.title, teamUrl: link(team.path, origin) }),
    }));
}

/** To the removed person (a link to the event: the team page is no longer theirs) and to everyone who stays. */
export async function memberRemovedNotices(teamId: string, removedId: string, origin: string): Promise<Notice[]> {
  const team = await teamFacts(teamId);
  const removed = team?.members.find((m) => m.id === removedId);
  if (!team || !removed) return [];
  const eventPath = `/events/${team.event.slug}`;
  return team.members.map((m) => {
    const you = m.id === removedId;
    return {
      to: m,
      eventId: team.event.id,
      title: you ? `You were removed from ${team.name}` : `${removed.name} was removed from ${team.name}`,
      body: you ? "The team lead removed you. You can join another team, or ask the lead to let you back in." : "The team's invite link changed.",
      path: you ? eventPath : team.path,
      mail: memberRemovedMail({
        name: m.name,
        removedName: removed.name,
        teamName: team.name,
        eventTitle: team.event.title,
        url: link(you ? eventPath : team.path, origin),
        you,
      }),
    };
  });
}

/** To every member, the new lead included. */
export async function leadChangedNotices(teamId: string, newLeadId: string, origin: string): Promise<Notice[]> {
  const team = await teamFacts(teamId);
  const lead = team?.members.find((m) => m.id === newLeadId);
  if (!team || !lead) return [];
  return team.members.map((m) => {
    const you = m.id === newLeadId;
    return {
      to: m,
      eventId: team.event.id,
      title: you ? `You now lead ${team.name}` : `${lead.name} now leads ${team.name}`,
      body: `The lead of ${team.name} was handed over.`,
      path: team.path,
      mail: leadChangedMail({ name: m.name, leadName: lead.name, teamName: team.name, eventTitle: team.event.title, teamUrl: link(team.path, origin), you }),
    };
  });
}

/** To every member when the entry goes from draft to submitted. */
export async function entrySubmittedNotices(teamId: string, entryTitle: string, origin: string): Promise<Notice[]> {
  const team = await teamFacts(teamId);
  if (!team) return [];
  return team.members.map((m) => ({
    to: m,
    eventId: team.event.id,
    title: `${possessive(team.name)} entry is submitted`,
    body: `"${entryTitle}" was submitted to ${team.event.title}. You can still edit it until the deadline.`,
    path: team.path,
    mail: entrySubmittedMail({ name: m.name, teamName: team.name, eventTitle: team.event.title, entryTitle, teamUrl: link(team.path, origin) }),
  }));
}

/**
 * To the people waiting on a team its last member deletes (its requests and invitations go with it): each person in no
 * team of the event whose request to join is pending, or whose invitation stands (not declined).
 */
export async function teamDeletedNotices(teamId: string, origin: string): Promise<Notice[]> {
  const team = await teamFacts(teamId);
  if (!team) return [];
  const waiting = await db.all<Person & { invited: number }>(sql`
    select u.id, u.name, u.email, 0 as invited from join_requests r join users u on u.id = r.user_id
    where r.team_id = ${teamId} and r.status = 'pending'
      and not exists (select 1 from team_members m where m.event_id = ${team.event.id} and m.user_id = r.user_id)
    union all
    select u.id, u.name, u.email, 1 as invited from team_invites i join users u on u.id = i.user_id
    where i.team_id = ${teamId} and i.declined_at is null
      and not exists (select 1 from team_members m where m.event_id = ${team.event.id} and m.user_id = i.user_id)
      and not exists (select 1 from join_requests r where r.team_id = ${teamId} and r.user_id = i.user_id and r.status = 'pending')
    order by 2`);
  const path = `/events/${team.event.slug}/find-a-team`;
  return waiting.map(({ invited, ...person }) => ({
    to: person,
    eventId: team.event.id,
    title: `${team.name} no longer exists`,
    body: `Its last member deleted it, and ${invited ? "its invitation to you" : "your request to join it"} with it.`,
    path,
    mail: teamDeletedMail({ name: person.name, teamName: team.name, eventTitle: team.event.title, invited: Boolean(invited), findTeamUrl: link(path, origin) }),
  }));
}
