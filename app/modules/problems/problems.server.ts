import { and, asc, eq, sql } from "drizzle-orm";
import { problems, teams } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import type { ProblemInput } from "./schemas";

export async function addProblem(eventId: string, input: ProblemInput) {
  const [row] = await db
    .insert(problems)
    .values({
      id: newId(),
      eventId,
      ...input,
      position: sql`(select coalesce(max(p.position), -1) + 1 from problems p where p.event_id = ${eventId})`,
    })
    .returning();
  return row;
}

export function listProblems(eventId: string) {
  return db
    .select({
      id: problems.id,
      title: problems.title,
      summary: problems.summary,
      whoHasIt: problems.whoHasIt,
      metricName: problems.metricName,
      retired: sql<boolean>`${problems.retiredAt} is not null`.mapWith(Boolean),
      teamCount: sql<number>`(select count(*) from teams t where t.problem_id = problems.id)`,
    })
    .from(problems)
    .where(eq(problems.eventId, eventId))
    .orderBy(asc(problems.position));
}

/** A problem of this event only: the event id is part of the lookup. */
export async function getProblem(eventId: string, problemId: string) {
  const [row] = await db.select().from(problems).where(and(eq(problems.eventId, eventId), eq(problems.id, problemId)));
  return row ?? null;
}

export function teamsOnProblem(problemId: string) {
  return db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.problemId, problemId)).orderBy(asc(teams.name));
}
