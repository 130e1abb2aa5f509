import { LibsqlError } from "@libsql/client";
import { and, asc, eq, sql } from "drizzle-orm";
import { entries, problems, teamMembers, teams, users } from "#db/schema";
import { db } from "~/db.server";
import { newId, newInviteCode } from "~/lib/ids";

type Fail<F extends string> = { ok: false; field: F; message: string };

function isUniqueViolation(e: unknown) {
  const text = e instanceof LibsqlError ? `${e.code} ${e.message}` : String(e);
  return /UNIQUE|PRIMARY KEY|CONSTRAINT/.test(text) && /unique|primary/i.test(text);
}

/** Creates the team, its first member and its (empty, draft) entry together. */
export async function createTeam(
  event: { id: string },
  userId: string,
  input: { name: string; problemId: string },
): Promise<{ ok: true; teamId: string } | Fail<"name" | "problemId">> {
  const [problem] = await db.select({ id: problems.id }).from(problems).where(and(eq(problems.id, input.problemId), eq(problems.eventId, event.id)));
  if (!problem) return { ok: false, field: "problemId", message: "Pick a problem of this event" };
  const teamId = newId();
  try {
    await db.batch([
      db.insert(teams).values({ id: teamId, eventId: event.id, problemId: problem.id, name: input.name, inviteCode: newInviteCode(), createdBy: userId }),
      db.insert(teamMembers).values({ teamId, eventId: event.id, userId }),
      db.insert(entries).values({ id: newId(), eventId: event.id, teamId }),
    ]);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const [mine] = await db.select().from(teamMembers).where(and(eq(teamMembers.eventId, event.id), eq(teamMembers.userId, userId)));
    if (mine) return { ok: false, field: "name", message: "You are already in a team for this event." };
    return { ok: false, field: "name", message: "Another team of this event has this name. Pick another." };
  }
  return { ok: true, teamId };
}

export async function findTeamByCode(code: string) {
  const [row] = await db
    .select({ id: teams.id, name: teams.name, eventId: teams.eventId, problemTitle: problems.title })
    .from(teams)
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .where(eq(teams.inviteCode, code.trim().toUpperCase()));
  return row ?? null;
}

/**
 * Joins a team if it has room. The size check and the insert are one statement,
 * so two people joining at the same moment cannot both take the last place.
 */
export async function joinTeam(team: { id: string; eventId: string }, userId: string, maxTeamSize: number): Promise<{ ok: true } | Fail<"code">> {
  try {
    const result = await db.run(sql`
      insert into team_members (team_id, event_id, user_id)
      select ${team.id}, ${team.eventId}, ${userId}
      where (select count(*) from team_members where team_id = ${team.id}) < ${maxTeamSize}`);
    if (result.rowsAffected === 0) return { ok: false, field: "code", message: `This team is full (at most ${maxTeamSize} people).` };
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
      createdBy: teams.createdBy,
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
