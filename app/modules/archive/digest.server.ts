import { and, asc, eq } from "drizzle-orm";
import { entries, problems, teams } from "#db/schema";
import { db } from "~/db.server";
import { lastPublishedAt, type EventRow } from "~/modules/events/events.server";
import { ran } from "~/modules/events/phases";
import { latestFollowUps } from "~/modules/follow-ups/follow-ups.server";
import { learningsMean, listAwards } from "~/modules/judging/awards.server";
import { eventResults } from "~/modules/judging/judging.server";
import { asRound } from "~/modules/judging/rounds";
import type { Digest } from "./digest";

/** Everything the digest of a closed event shows. Callers check that the event is closed. */
export async function loadDigest(event: EventRow): Promise<Digest> {
  const [rows, awardRows, results] = await Promise.all([
    db
      .select({
        id: entries.id,
        title: entries.title,
        teamName: teams.name,
        problemTitle: problems.title,
        outcome: entries.outcome,
        rootCause: entries.postMortemRootCause,
        rootCauseOther: entries.postMortemRootCauseOther,
        metricName: entries.metricName,
        metricUnit: entries.metricUnit,
        metricBaseline: entries.metricBaseline,
        metricTarget: entries.metricTarget,
        metricResult: entries.metricResult,
        didNotWork: entries.postMortemDidNotWork,
        differently: entries.postMortemDifferently,
        learningsMean: learningsMean(),
      })
      .from(entries)
      .innerJoin(teams, eq(teams.id, entries.teamId))
      .innerJoin(problems, eq(problems.id, teams.problemId))
      .where(and(eq(entries.eventId, event.id), eq(entries.status, "submitted")))
      .orderBy(asc(entries.title), asc(entries.id)),
    listAwards(event.id),
    // The digest is for everyone: only the official ranking, which after a final round is that round's (ADR 038);
    // round 1's stays with the organizers, so entries carry the final rank, or none.
    eventResults(event, undefined, asRound(event.judgingRound)),
  ]);
  const finalRound = asRound(event.judgingRound) === 2 ? results : null;
  const official = (r: { rank: number | null; normalizedRank: number | null }) => (event.normalizeScores ? r.normalizedRank : r.rank);
  const rankOf = new Map(results.rows.map((r) => [r.entryId, official(r)]));
  const followUps = await latestFollowUps(rows.map((r) => r.id));
  return {
    event: {
      title: event.title,
      slug: event.slug,
      tagline: event.tagline,
      // The days it ran, as the event page and the home page say them (`ran`).
      dates: ran({ ...event, closedAt: await lastPublishedAt(event.id) }),
    },
    entries: rows.map((r) => {
      const f = followUps.get(r.id);
      return {
        ...r,
        rank: rankOf.get(r.id) ?? null,
        followUp: f ? { status: f.status, why: f.why, metricValue: f.metricValue, recordedOn: f.recordedOn } : null,
      };
    }),
    awards: awardRows.map((a) => ({ name: a.name, entryTitle: a.entryTitle, entryId: a.entryId })),
    finalRound: finalRound ? finalRound.rows.map((r) => ({ title: r.entry.title, rank: official(r) })) : null,
  };
}
