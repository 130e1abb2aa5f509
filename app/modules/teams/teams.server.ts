import { and, asc, eq, ne, sql, type SQL } from "drizzle-orm";
import { entries, problems, screenshots, teamMembers, teamRemovals, teams, users } from "#db/schema";
import { db, isUniqueViolation } from "~/db.server";
import { typedNameMatches, type Confirmation } from "~/lib/confirm";
import { newId, newInviteCode } from "~/lib/ids";
import { configuredOrigin } from "~/lib/urls.server";
import { deleteFile } from "~/modules/entries/storage.server";
import { eventOpenSql, submissionsClosedReason } from "~/modules/events/submissions-open.server";
import { notifyStatementsIfChanged } from "~/modules/notifications/notify.server";
import { leadChangedNotices, memberRemovedNotices, teamDeletedNotices, teamJoinedNotices } from "./notices.server";

type Fail<F extends string> = { ok: false; field: F; message: string };

/**
 * Creates the team, its first member and its (empty, draft) entry together, while the event takes entries (held in
 * the team's INSERT, ADR 072: a team made as judging starts would hold a draft nobody can submit). `closed`: it did not.
 */
export async function createTeam(
  event: { id: string },
  userId: string,
  input: { name: string; problemId: string },
): Promise<{ ok: true; teamId: string } | (Fail<"name" | "problemId"> & { closed?: true })> {
  const [problem] = await db
    .select({ id: problems.id, title: problems.title, retired: sql<number>`${problems.retiredAt} is not null` })
    .from(problems)
    .where(and(eq(problems.id, input.problemId), eq(problems.eventId, event.id)));
  if (!problem) return { ok: false, field: "problemId", message: "Pick a problem of this event" };
  // Retired by the organizers since the page was opened: said so, rather than as if it were not a problem of the event.
  if (problem.retired) return { ok: false, field: "problemId", message: `“${problem.title}” was retired since this page was opened. Pick another problem.` };
  const lookalike = await sameNameButCase(event.id, input.name);
  if (lookalike) return { ok: false, field: "name", message: lookalike };
  const teamId = newId();
  const made = sql`exists (select 1 from teams where id = ${teamId})`;
  try {
    const [team] = await db.batch([
      db.run(sql`insert into teams (id, event_id, problem_id, name, invite_code, lead_id)
        select ${teamId}, ${event.id}, ${problem.id}, ${input.name}, ${newInviteCode()}, ${userId} where ${eventOpenSql(event.id)}`),
      db.run(sql`insert into team_members (team_id, event_id, user_id) select ${teamId}, ${event.id}, ${userId} where ${made}`),
      db.run(sql`insert into entries (id, event_id, team_id) select ${newId()}, ${event.id}, ${teamId} where ${made}`),
    ]);
    if (team.rowsAffected === 0) {
      const closed = await submissionsClosedReason(event.id, new Date());
      return { ok: false, field: "name", message: closed ?? "The team could not be created. Try again.", closed: true };
    }
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const [mine] = await db
      .select()
      .from(teamMembers)
      .where(and(eq(teamMembers.eventId, event.id), eq(teamMembers.userId, userId)));
    if (mine) return { ok: false, field: "name", message: "You are already in a team for this event." };
    return { ok: false, field: "name", message: "Another team of this event has this name. Pick another." };
  }
  return { ok: true, teamId };
}

/**
 * Another team of the event whose name differs from this one only in capitals ("S Alpha" beside "s alpha"): two names
 * people cannot tell apart in lists and exports. The unique index decides exact matches; this read catches the rest
 * (a race between two such names is possible, and harmless).
 */
async function sameNameButCase(eventId: string, name: string, exceptTeamId = ""): Promise<string | null> {
  const [other] = await db.all<{ name: string }>(sql`select name from teams
    where event_id = ${eventId} and id <> ${exceptTeamId} and lower(name) = lower(${name}) and name <> ${name} limit 1`);
  return other ? `Another team of this event is called “${other.name}”. Pick a name that differs by more than capitals.` : null;
}

export async function findTeamByCode(code: string) {
  const [row] = await db
    .select({ id: teams.id, name: teams.name, eventId: teams.eventId, problemTitle: problems.title })
    .from(teams)
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .where(eq(teams.inviteCode, code.trim().toUpperCase()));
  return row ?? null;
}

export const REMOVED_MESSAGE = "The team lead removed you from this team. Ask the lead to let you back in.";

const DECLINED_MESSAGE = "The team lead declined your request to join this team. Ask the lead if things have changed.";

/** Over any statement: this person leads the team now. A lead's step holds it in its own statement (ADR 032). */
export const leadsTeamSql = (teamId: string, leadId: string) => sql`(select t.lead_id from teams t where t.id = ${teamId}) = ${leadId}`;

const stillLeads = async (teamId: string, leadId: string) =>
  Number((await db.all<{ yes: number }>(sql`select ${leadsTeamSql(teamId, leadId)} as yes`))[0]?.yes) === 1;

/** Whether the lead removed this person from the team (until let back in). */
export const wasRemoved = async (teamId: string, userId: string) =>
  (
    await db
      .select({ userId: teamRemovals.userId })
      .from(teamRemovals)
      .where(and(eq(teamRemovals.teamId, teamId), eq(teamRemovals.userId, userId)))
  ).length > 0;

/**
 * The lead declined this person's request to join the team and has not invited them since (a decline withdraws an
 * earlier invitation, join-requests.server.ts): its code, which they may have from a teammate or an old invitation,
 * does not let them in past that answer. The decline holds while they ask again or withdraw that second request
 * (`declined_at` stays; before, asking again turned the request back to pending, and the code then let them in); the
 * lead accepting them clears it. An invitation sent after the decline is the lead's later word, also once answered
 * "No thanks": the person may still change their mind and join with the code, as anyone invited may. (The decline
 * deletes the invitations made up to its own millisecond, so one still there from that millisecond came after it;
 * one standing lets them in whenever it was made.)
 */
const declinedSql = (teamId: string, userId: string) => sql`exists (select 1 from join_requests q
  where q.team_id = ${teamId} and q.user_id = ${userId} and q.declined_at is not null
    and not exists (select 1 from team_invites i where i.team_id = q.team_id and i.user_id = q.user_id
      and (i.declined_at is null or i.created_at >= q.declined_at)))`;

const wasDeclined = async (teamId: string, userId: string) =>
  (await db.all(sql`select ${declinedSql(teamId, userId)} as yes`)).some((r) => Number((r as { yes: number }).yes) === 1);

/** Why this person cannot join this team with its code, or null. */
export async function joinRefusal(teamId: string, userId: string, maxTeamSize: number): Promise<string | null> {
  if (await wasRemoved(teamId, userId)) return REMOVED_MESSAGE;
  if (await wasDeclined(teamId, userId)) return DECLINED_MESSAGE;
  // Said before the button: a full team took "Join team" and refused only after it was pressed.
  const [{ members }] = await db.all<{ members: number }>(sql`select count(*) as members from team_members where team_id = ${teamId}`);
  return members >= maxTeamSize ? teamFullMessage(maxTeamSize) : null;
}

const teamFullMessage = (maxTeamSize: number) => `This team is full (at most ${maxTeamSize} ${maxTeamSize === 1 ? "person" : "people"}).`;

/**
 * The one INSERT that puts a person in a team, for invite codes and accepted join requests alike: it adds the
 * row only if the team has room, the lead has not removed this person (nor declined their request since inviting
 * them), they do not judge the event and the event still takes entries, checked in the statement itself, so two
 * people joining at the same moment cannot both take the last place, a judge added between a request and its
 * acceptance stays out of every team (ADR 010), and nobody joins once judging started. `also` adds the caller's own
 * condition (an accepted request must still be pending). `leadAccepts`: the lead accepting a request asked again
 * after their decline, their later word, which the decline does not hold against. A second team in the same event
 * fails on the unique index.
 */
export function joinStatement(team: { id: string; eventId: string }, userId: string, maxTeamSize: number, also: SQL = sql`1`, { leadAccepts = false } = {}) {
  return db.run(sql`
      insert into team_members (team_id, event_id, user_id)
      select ${team.id}, ${team.eventId}, ${userId}
      where (select count(*) from team_members where team_id = ${team.id}) < ${maxTeamSize}
        and not exists (select 1 from team_removals r where r.team_id = ${team.id} and r.user_id = ${userId})
        and not exists (select 1 from event_judges j where j.event_id = ${team.eventId} and j.user_id = ${userId})
        and ${leadAccepts ? sql`1` : sql`not ${declinedSql(team.id, userId)}`}
        and ${eventOpenSql(team.eventId)}
        and ${also}`);
}

/**
 * Why a join did not go in: the event moved on from taking entries, the lead removed this person or declined their
 * request, they judge the event, or the team is full.
 */
export async function joinFailure(teamId: string, userId: string, maxTeamSize: number): Promise<string> {
  const closed = await submissionsClosedReason(sql`(select event_id from teams where id = ${teamId})`, new Date());
  if (closed) return closed;
  if (await wasRemoved(teamId, userId)) return REMOVED_MESSAGE;
  if (await wasDeclined(teamId, userId)) return DECLINED_MESSAGE;
  const [judge] = await db.all<{ one: number }>(
    sql`select 1 as one from event_judges j join teams t on t.event_id = j.event_id where t.id = ${teamId} and j.user_id = ${userId}`,
  );
  if (judge) return "A judge of this event cannot join a team in it.";
  return teamFullMessage(maxTeamSize);
}

/**
 * Joins a team with its invite code, or an invitation (`also`: it still stands), if it has room and the lead has not
 * removed this person (joinStatement); the other members are told in the same transaction, only when the row went in.
 */
export async function joinTeam(
  team: { id: string; eventId: string },
  userId: string,
  maxTeamSize: number,
  origin = configuredOrigin(),
  also?: SQL,
): Promise<{ ok: true } | Fail<"code">> {
  try {
    const told = await notifyStatementsIfChanged(await teamJoinedNotices(team.id, userId, origin), origin);
    // A request this person had made to the same team is settled by the join (an invitation, or the code from a
    // teammate): it shows as accepted on both sides instead of waiting for an answer that can only fail.
    const settled = db.run(sql`update join_requests set status = 'accepted', updated_at = ${Date.now()}, declined_at = null
      where team_id = ${team.id} and user_id = ${userId} and status = 'pending'
        and exists (select 1 from team_members m where m.team_id = ${team.id} and m.user_id = ${userId})`);
    const [result] = await db.batch([joinStatement(team, userId, maxTeamSize, also), ...told, settled]);
    if (result.rowsAffected === 0) return { ok: false, field: "code", message: await joinFailure(team.id, userId, maxTeamSize) };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return { ok: false, field: "code", message: "You are already in a team for this event." };
  }
  return { ok: true };
}

export async function getTeam(eventId: string, teamId: string) {
  const [row] = await db
    .select({
      id: teams.id,
      name: teams.name,
      inviteCode: teams.inviteCode,
      leadId: teams.leadId,
      problemId: teams.problemId,
      problemTitle: problems.title,
    })
    .from(teams)
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .where(and(eq(teams.eventId, eventId), eq(teams.id, teamId)));
  return row ?? null;
}

export function listMembers(teamId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(teamMembers.joinedAt), asc(users.name));
}

export function listTeams(eventId: string) {
  return db
    .select({
      id: teams.id,
      name: teams.name,
      problemTitle: problems.title,
      memberCount: sql<number>`(select count(*) from team_members m where m.team_id = teams.id)`,
      entryStatus: entries.status,
    })
    .from(teams)
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .leftJoin(entries, eq(entries.teamId, teams.id))
    .where(eq(teams.eventId, eventId))
    .orderBy(asc(teams.name));
}

/**
 * Renames a team (its members, while submissions are open: the route's check, held in the UPDATE too, ADR 072). Names
 * are unique within an event; the unique index decides between two teams taking one name at once. A closed event's
 * archive follows by trigger. `closed`: judging started meanwhile (a 403, as the route's own refusal).
 */
export async function renameTeam(eventId: string, teamId: string, name: string): Promise<{ ok: true } | (Fail<"name"> & { closed?: true })> {
  const lookalike = await sameNameButCase(eventId, name, teamId);
  if (lookalike) return { ok: false, field: "name", message: lookalike };
  try {
    const renamed = await db
      .update(teams)
      .set({ name })
      .where(and(eq(teams.eventId, eventId), eq(teams.id, teamId), eventOpenSql(eventId)))
      .returning({ id: teams.id });
    if (renamed.length === 0) {
      const closed = await submissionsClosedReason(eventId, new Date());
      return closed ? { ok: false, field: "name", message: closed, closed: true } : { ok: false, field: "name", message: TEAM_GONE };
    }
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return { ok: false, field: "name", message: "Another team of this event has this name. Pick another." };
  }
  return { ok: true };
}

const TEAM_GONE = "This team no longer exists: its last member left.";

/**
 * The team works on another problem of the event. A submitted entry moves with it, its AI metric, approach and
 * answers written for the old problem: that happens only once confirmed (ADR 012), the first request answered with
 * both titles. A draft moves without asking. The UPDATE holds that the event still takes entries (ADR 072).
 */
export async function changeProblem(
  eventId: string,
  teamId: string,
  problemId: string,
  confirmation: Confirmation,
): Promise<{ ok: true; changed: boolean } | Fail<"problemId"> | NeedsConfirmation<{ problemId: string; to: string; from: string; entryTitle: string }>> {
  // The problem the team works on already (the form starts on it): nothing to change, retired since or not.
  const [team] = await db
    .select({ problemId: teams.problemId })
    .from(teams)
    .where(and(eq(teams.eventId, eventId), eq(teams.id, teamId)));
  if (team?.problemId === problemId) return { ok: true, changed: false };
  const [problem] = await db
    .select({ id: problems.id, title: problems.title, retired: sql<number>`${problems.retiredAt} is not null` })
    .from(problems)
    .where(and(eq(problems.eventId, eventId), eq(problems.id, problemId)));
  if (!problem) return { ok: false, field: "problemId", message: "Pick a problem of this event" };
  // Retired by the organizers since the page was opened: said so (as createTeam does), and the route reads the list again.
  const retired = {
    ok: false as const,
    field: "problemId" as const,
    message: `“${problem.title}” was retired since this page was opened. Pick another problem.`,
  };
  if (problem.retired) return retired;
  if (!confirmation.confirmed) {
    const [submitted] = await db.all<{ entryTitle: string; from: string; current: string }>(sql`
      select e.title as entryTitle, p.title as "from", t.problem_id as current from teams t
      join entries e on e.team_id = t.id join problems p on p.id = t.problem_id
      where t.id = ${teamId} and t.event_id = ${eventId} and e.status = 'submitted'`);
    if (submitted && submitted.current !== problemId)
      return { ok: false, confirm: { problemId, to: problem.title, from: submitted.from, entryTitle: submitted.entryTitle } };
  }
  const changed = await db
    .update(teams)
    .set({ problemId })
    .where(
      and(
        eq(teams.eventId, eventId),
        eq(teams.id, teamId),
        sql`exists (select 1 from problems p where p.id = ${problemId} and p.retired_at is null)`,
        eventOpenSql(eventId),
      ),
    )
    .returning({ id: teams.id });
  if (changed.length) return { ok: true, changed: true };
  // Why nothing changed: judging started, the team is gone (its last member left), or the problem was retired.
  const closed = await submissionsClosedReason(eventId, new Date());
  if (closed) return { ok: false, field: "problemId", message: closed };
  const [still] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  return still ? retired : { ok: false, field: "problemId", message: TEAM_GONE };
}

/** What leaving loses, for the confirm step: the last member's leaving deletes the team with its entry. */
export type LeaveFacts =
  | { deletesTeam: false; teamName: string }
  | {
      deletesTeam: true;
      teamName: string;
      entryTitle: string;
      entrySubmitted: boolean;
      screenshots: number;
      /** People whose request to join, or invitation, ends with the team: they are told. */
      waiting: number;
      typedWrong: boolean;
    };

type NeedsConfirmation<F> = { ok: false; confirm: F };

/**
 * A member leaves, only once confirmed. The lead hands over first while others remain; the last member
 * leaving deletes the team with its entry and screenshots, which also needs the team's name typed (it
 * cannot be undone). Whether the leaving deletes the team is decided here, at the moment of acting, and the
 * DELETE itself checks that nobody joined meanwhile; the people whose request or invitation goes with the team are
 * told in the same batch. The invite code changes with the leaving, so the code they know no longer brings them back.
 */
export async function leaveTeam(
  team: { id: string; name: string; leadId: string },
  userId: string,
  confirmation: Confirmation,
  origin = configuredOrigin(),
): Promise<{ ok: true; teamDeleted: boolean } | { ok: false; message: string } | NeedsConfirmation<LeaveFacts>> {
  const members = await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, team.id));
  if (!members.some((m) => m.userId === userId)) return { ok: false, message: "You are not a member of this team." };
  if (members.length === 1) {
    const waiting = await teamDeletedNotices(team.id, origin);
    if (!typedNameMatches(confirmation, team.name)) {
      const [facts] = await db.all<{ title: string; status: string; shots: number }>(sql`
        select e.title, e.status, (select count(*) from screenshots s where s.entry_id = e.id) as shots
        from entries e where e.team_id = ${team.id}`);
      return {
        ok: false,
        confirm: {
          deletesTeam: true,
          teamName: team.name,
          entryTitle: facts?.title ?? "",
          entrySubmitted: facts?.status === "submitted",
          screenshots: Number(facts?.shots ?? 0),
          waiting: waiting.length,
          // Only when a name was typed: a plain "Leave" confirmed from a page read while others were still in the team
          // (they left meanwhile) asked for no name, and gets the typed-name step without an error.
          typedWrong: confirmation.confirmed && confirmation.typedName.trim() !== "",
        },
      };
    }
    const keys = await db
      .select({ key: screenshots.storageKey })
      .from(screenshots)
      .innerJoin(entries, eq(entries.id, screenshots.entryId))
      .where(eq(entries.teamId, team.id));
    const [deleted] = await db.batch([
      db
        .delete(teams)
        .where(and(eq(teams.id, team.id), sql`(select count(*) from team_members m where m.team_id = ${team.id}) = 1`))
        .returning({ id: teams.id }),
      ...(await notifyStatementsIfChanged(waiting, origin)),
    ]);
    if (!deleted.length) return { ok: false, message: "Someone joined the team meanwhile, so it was not deleted. Look again before you leave." };
    await Promise.all(keys.map((k) => deleteFile(k.key)));
    return { ok: true, teamDeleted: true };
  }
  const handOverFirst = { ok: false as const, message: "Hand over the lead to another member before you leave." };
  if (team.leadId === userId) return handOverFirst;
  if (!confirmation.confirmed) return { ok: false, confirm: { deletesTeam: false, teamName: team.name } };
  // One transaction whose statements carry the conditions: the leaver is not the lead now (the lead may have
  // been handed to them meanwhile) and someone stays, so the team never ends up leaderless or empty.
  const stays = and(
    sql`(select t.lead_id from teams t where t.id = ${team.id}) <> ${userId}`,
    sql`(select count(*) from team_members m where m.team_id = ${team.id}) > 1`,
    sql`exists (select 1 from team_members m where m.team_id = ${team.id} and m.user_id = ${userId})`,
  );
  const [, left] = await db.batch([
    db
      .update(teams)
      .set({ inviteCode: newInviteCode() })
      .where(and(eq(teams.id, team.id), stays)),
    db
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, userId), stays))
      .returning({ userId: teamMembers.userId }),
  ]);
  if (left.length === 0) return handOverFirst;
  return { ok: true, teamDeleted: false };
}

/**
 * Removes a member once confirmed; records the removal and changes the invite code, in one transaction:
 * the removed person cannot rejoin, with the old code or a new one, until the lead lets them back in.
 */
export async function removeMember(
  team: { id: string; leadId: string },
  memberId: string,
  confirmation: Confirmation,
  origin = configuredOrigin(),
): Promise<{ ok: true } | { ok: false; message: string } | NeedsConfirmation<{ userId: string; name: string }>> {
  if (memberId === team.leadId) return { ok: false, message: "The lead cannot remove themselves; hand over the lead or leave instead." };
  const notMember = { ok: false as const, message: "That person is not in this team." };
  if (!confirmation.confirmed) {
    const [member] = await db
      .select({ name: users.name })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, memberId)));
    return member ? { ok: false, confirm: { userId: memberId, name: member.name } } : notMember;
  }
  // Only while the one removing still leads the team: a hand-over to this member from another tab, committed first,
  // would otherwise leave the team led by someone who is not in it.
  const isMember = sql`exists (select 1 from team_members m where m.team_id = ${team.id} and m.user_id = ${memberId})
    and ${leadsTeamSql(team.id, team.leadId)}`;
  // The removed person and those who stay are told only when the DELETE removed them (ADR 024).
  const told = await notifyStatementsIfChanged(await memberRemovedNotices(team.id, memberId, origin), origin);
  const [, , , removed] = await db.batch([
    db.run(sql`insert into team_removals (team_id, user_id) select ${team.id}, ${memberId} where ${isMember} on conflict do nothing`),
    db
      .update(teams)
      .set({ inviteCode: newInviteCode() })
      .where(and(eq(teams.id, team.id), isMember)),
    // An invitation they joined by is used up: it would otherwise stand again for someone who may not rejoin.
    db.run(sql`delete from team_invites where team_id = ${team.id} and user_id = ${memberId} and ${isMember}`),
    db
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, memberId), leadsTeamSql(team.id, team.leadId)))
      .returning({ userId: teamMembers.userId }),
    ...told,
  ]);
  if (removed.length) return { ok: true };
  const [now] = await db.select({ leadId: teams.leadId }).from(teams).where(eq(teams.id, team.id));
  return now && now.leadId !== team.leadId ? { ok: false, message: NO_LONGER_LEAD } : notMember;
}

/** The lead replaces the invite code: the old link stops working at once. */
export async function newTeamInviteCode(teamId: string, byLead?: string): Promise<boolean> {
  const done = await db
    .update(teams)
    .set({ inviteCode: newInviteCode() })
    .where(and(eq(teams.id, teamId), byLead ? eq(teams.leadId, byLead) : undefined))
    .returning({ id: teams.id });
  return done.length > 0;
}

/** Said when a lead's step from a page read before a hand-over finds the lead changed in its own statement. */
export const NO_LONGER_LEAD = "You no longer lead this team: the lead was handed over meanwhile.";

/** People the lead removed, who cannot rejoin until let back in. */
export function listRemovedMembers(teamId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(teamRemovals)
    .innerJoin(users, eq(users.id, teamRemovals.userId))
    .where(eq(teamRemovals.teamId, teamId))
    .orderBy(asc(users.name));
}

/**
 * The lead lets a removed person join again (with the current invite code). `byLead`: only while that person still
 * leads the team, held in the DELETE (a hand-over from another tab may have come first).
 */
export async function allowRejoin(teamId: string, userId: string, byLead?: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const cleared = await db
    .delete(teamRemovals)
    .where(and(eq(teamRemovals.teamId, teamId), eq(teamRemovals.userId, userId), byLead ? leadsTeamSql(teamId, byLead) : undefined))
    .returning({ userId: teamRemovals.userId });
  if (cleared.length) return { ok: true };
  return { ok: false, message: byLead && !(await stillLeads(teamId, byLead)) ? NO_LONGER_LEAD : "That person was not removed from this team." };
}

/**
 * The new lead must already be a member; the check is part of the UPDATE, which also skips a lead handed to
 * the person who already leads (a repeated hand-over), so the team is told once (ADR 024). The lead cannot take it
 * back, so it happens only once confirmed (ADR 012): the first request is answered with whom it names.
 */
export async function handOverLead(
  teamId: string,
  newLeadId: string,
  confirmation: Confirmation,
  origin = configuredOrigin(),
  /** Only while this person still leads the team, held in the UPDATE: two tabs handing over at once make one lead. */
  byLead?: string,
): Promise<{ ok: true } | { ok: false; message: string } | NeedsConfirmation<{ userId: string; name: string }>> {
  if (!confirmation.confirmed) {
    const [member] = await db
      .select({ name: users.name })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, newLeadId)));
    return member ? { ok: false, confirm: { userId: newLeadId, name: member.name } } : { ok: false, message: "The new lead must be a member of the team." };
  }
  const told = await notifyStatementsIfChanged(await leadChangedNotices(teamId, newLeadId, origin), origin);
  const [updated] = await db.batch([
    db
      .update(teams)
      .set({ leadId: newLeadId })
      .where(
        and(
          eq(teams.id, teamId),
          ne(teams.leadId, newLeadId),
          byLead ? eq(teams.leadId, byLead) : undefined,
          sql`exists(select 1 from team_members m where m.team_id = ${teamId} and m.user_id = ${newLeadId})`,
        ),
      )
      .returning({ id: teams.id }),
    ...told,
  ]);
  if (updated.length) return { ok: true };
  const [already] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.leadId, newLeadId)));
  if (already) return { ok: true };
  return { ok: false, message: byLead && !(await stillLeads(teamId, byLead)) ? NO_LONGER_LEAD : "The new lead must be a member of the team." };
}
