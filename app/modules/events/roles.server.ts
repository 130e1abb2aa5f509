import { desc, sql } from "drizzle-orm";
import { events, teams } from "#db/schema";
import { db } from "~/db.server";
import { canViewEvent, type Actor } from "~/modules/auth/permissions";
import { eventRoles } from "./roles";

/** Every event the person organizes, judges or has a team in, newest first, with their roles in it; drafts only where they may see them. */
export async function eventsWithRoles(actor: Actor) {
  const rows = await db
    .select({
      slug: events.slug,
      title: events.title,
      phase: events.phase,
      submissionDeadline: events.submissionDeadline,
      isOrganizer: sql<number>`exists(select 1 from event_organizers o where o.event_id = events.id and o.user_id = ${actor.id})`,
      // A judge of round 1 or of the final round (ADR 038).
      isJudge: sql<number>`(exists(select 1 from event_judges j where j.event_id = events.id and j.user_id = ${actor.id})
        or exists(select 1 from final_judges fj where fj.event_id = events.id and fj.user_id = ${actor.id}))`,
      teamId: teams.id,
      teamName: teams.name,
      leadId: teams.leadId,
    })
    .from(events)
    .leftJoin(teams, sql`${teams.id} = (select m.team_id from team_members m where m.event_id = ${events.id} and m.user_id = ${actor.id})`)
    .where(
      sql`exists(select 1 from event_organizers o where o.event_id = events.id and o.user_id = ${actor.id})
        or exists(select 1 from event_judges j where j.event_id = events.id and j.user_id = ${actor.id})
        or exists(select 1 from final_judges fj where fj.event_id = events.id and fj.user_id = ${actor.id})
        or exists(select 1 from team_members m where m.event_id = events.id and m.user_id = ${actor.id})`,
    )
    .orderBy(desc(events.startsAt));
  return rows
    .map((r) => {
      const facts = { isOrganizer: Boolean(r.isOrganizer), isJudge: Boolean(r.isJudge), teamId: r.teamId };
      const team = r.teamId && r.teamName && r.leadId ? { id: r.teamId, name: r.teamName, leadId: r.leadId } : null;
      return { ...r, facts, roles: eventRoles(actor.id, { ...facts, team }) };
    })
    .filter((r) => canViewEvent(actor, { phase: r.phase, submissionDeadline: r.submissionDeadline, ...r.facts }).ok)
    .map(({ slug, title, phase, teamId, roles }) => ({ slug, title, phase, teamId, roles }));
}
