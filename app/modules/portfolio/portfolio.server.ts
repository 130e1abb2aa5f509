import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { entries, events, problems, teamMembers, teams, users } from "#db/schema";
import { db } from "~/db.server";
import { canViewResults, type Actor } from "~/modules/auth/permissions";
import { loadEventAccess } from "~/modules/events/events.server";
import { awardsByEntry } from "~/modules/judging/entry-awards.server";
import { blindJudging } from "~/modules/judging/blind.server";
import { profileChanges, showsOnPortfolio, skillList, type Profile } from "./portfolio";

export async function getProfile(personId: string) {
  const [person] = await db
    .select({ id: users.id, name: users.name, headline: users.headline, skills: users.skills })
    .from(users)
    .where(eq(users.id, personId));
  return person ? { ...person, skillList: skillList(person.skills) } : null;
}

/**
 * The account page's profile: the name others see, and the portfolio's headline and skills (kept as the list shows
 * them). `shown`: what the form showed (shownProfile); only the fields changed from it are written (profileChanges).
 */
export async function saveProfile(userId: string, input: Profile, shown?: string) {
  const changes = profileChanges(input, shown);
  if (Object.keys(changes).length === 0) return;
  await db.update(users).set(changes).where(eq(users.id, userId));
}

/** Every entry of every team the person is in (drafts of events nobody else may see yet included), newest event first. */
async function entriesOf(personId: string) {
  return db
    .select({
      entryId: entries.id,
      teamId: teams.id,
      teamName: teams.name,
      status: entries.status,
      title: entries.title,
      outcome: entries.outcome,
      metricName: entries.metricName,
      metricUnit: entries.metricUnit,
      metricBaseline: entries.metricBaseline,
      metricResult: entries.metricResult,
      lesson: entries.postMortemDifferently,
      hidden: teamMembers.hiddenFromPortfolio,
      eventId: events.id,
      eventSlug: events.slug,
      eventTitle: events.title,
      blindJudging: events.blindJudging,
      problemTitle: problems.title,
    })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(entries, eq(entries.teamId, teams.id))
    .innerJoin(events, eq(events.id, teams.eventId))
    .innerJoin(problems, eq(problems.id, teams.problemId))
    .where(and(eq(teamMembers.userId, personId), ne(events.phase, "draft")))
    .orderBy(desc(events.startsAt), asc(entries.title), asc(entries.id));
}

/** The person's entries this viewer may see, each with its awards only where the viewer may read the results. */
export async function portfolioFor(viewer: Actor, personId: string, now: Date) {
  const rows = await entriesOf(personId);
  const accessByEvent = new Map<string, Awaited<ReturnType<typeof loadEventAccess>>>();
  for (const eventId of new Set(rows.map((r) => r.eventId))) accessByEvent.set(eventId, await loadEventAccess({ id: eventId }, viewer.id));
  const visible = rows.filter((r) => {
    const found = accessByEvent.get(r.eventId);
    if (!found) return false;
    const blind = blindJudging(viewer, found.access, found.event).hides(r.teamId);
    return showsOnPortfolio(viewer, personId, found.access, r, blind, now);
  });
  const awards = await awardsByEntry(visible.map((r) => r.entryId));
  return visible.map(({ blindJudging: _blind, ...r }) => ({
    ...r,
    awards: canViewResults(viewer, accessByEvent.get(r.eventId)!.access).ok ? (awards[r.entryId] ?? []) : [],
  }));
}

/**
 * Hides or shows one entry on the person's own portfolio. The membership in the WHERE is the ownership:
 * an entry of a team they are not in changes nothing.
 */
export async function setPortfolioHidden(userId: string, entryId: string, hidden: boolean): Promise<boolean> {
  const changed = await db
    .update(teamMembers)
    .set({ hiddenFromPortfolio: hidden })
    .where(and(eq(teamMembers.userId, userId), inArray(teamMembers.teamId, db.select({ id: entries.teamId }).from(entries).where(eq(entries.id, entryId)))))
    .returning({ teamId: teamMembers.teamId });
  return changed.length > 0;
}
