import { asc, eq } from "drizzle-orm";
import { entries, problems, teamMembers, teams, users } from "#db/schema";
import { db } from "~/db.server";
import { toCsv } from "~/modules/judging/csv";
import { ROSTER_HEADER, rosterRows, type RosterTeam } from "./roster-export";

/** Every team of the event with its problem, lead, members and submission state, as formula-safe CSV. */
export async function teamsCsv(eventId: string): Promise<string> {
  const [teamRows, memberRows] = await Promise.all([
    db
      .select({
        id: teams.id,
        name: teams.name,
        leadId: teams.leadId,
        problemTitle: problems.title,
        status: entries.status,
        title: entries.title,
      })
      .from(teams)
      .innerJoin(problems, eq(problems.id, teams.problemId))
      .leftJoin(entries, eq(entries.teamId, teams.id))
      .where(eq(teams.eventId, eventId))
      .orderBy(asc(teams.name)),
    db
      .select({ teamId: teamMembers.teamId, id: users.id, name: users.name, email: users.email })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(eq(teamMembers.eventId, eventId))
      .orderBy(asc(teamMembers.joinedAt), asc(users.name)),
  ]);
  const list: RosterTeam[] = teamRows.map((t) => ({
    name: t.name,
    problemTitle: t.problemTitle,
    leadId: t.leadId,
    entry: t.status ? { status: t.status, title: t.title ?? "" } : null,
    members: memberRows.filter((m) => m.teamId === t.id),
  }));
  return toCsv([ROSTER_HEADER, ...rosterRows(list)]);
}
