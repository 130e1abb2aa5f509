// The final round (ADR 038): shortlisting finalists from round 1's official ranking and starting round 2.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { criteria, entries, finalists, judgeConflicts, teamMembers, teams, users } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { canBeAddedToRoster } from "~/modules/auth/permissions";
import { listJudges } from "~/modules/events/events.server";
import { finalistsQueued, finalRoundOpenedMail } from "~/modules/mail/messages";
import { notifyStatementsIfChanged, type Notice } from "~/modules/notifications/notify.server";
import { eventResults } from "./judging.server";
import { asRound, checkShortlist, finalJudgeClash, finalRoundBlockers, liveDemoRubric, parseEmailList, type RankedEntry } from "./rounds";
import type { StartFinalRoundInput } from "./schemas";

type RoundEvent = {
  id: string;
  slug: string;
  title: string;
  phase: string;
  judgingRound: number;
  judgesPerEntry: number | null;
  scaleMax: number;
  normalizeScores: boolean;
};

/** Round 1's official ranking, in order: what the shortlist starts from. */
export async function roundOneRanking(event: RoundEvent) {
  const results = await eventResults(event, undefined, 1);
  return results.rows.map((r) => ({
    entryId: r.entryId,
    title: r.entry.title,
    teamName: r.entry.teamName,
    rank: results.official === "normalized" ? r.normalizedRank : r.rank,
    score: results.official === "normalized" ? r.normalizedScore : r.score,
  }));
}

/** The recorded shortlist: every decision with who made it and when; finalists are the "top" and "added" rows. */
export function listShortlist(eventId: string) {
  return db
    .select({
      entryId: finalists.entryId,
      title: entries.title,
      decision: finalists.decision,
      reason: finalists.reason,
      by: users.name,
      at: finalists.decidedAt,
    })
    .from(finalists)
    .innerJoin(entries, eq(entries.id, finalists.entryId))
    .leftJoin(users, eq(users.id, finalists.decidedBy))
    .where(eq(finalists.eventId, eventId))
    .orderBy(asc(entries.title), asc(entries.id));
}

export type StartFinalRoundResult =
  | { ok: true; finalists: number; judges: number }
  | { ok: false; field: "finalists" | "reason" | "judges" | "judgeEmails" | "top"; message: string; startedMeanwhile?: true };

/** The people the organizer picked: round-1 judges ticked, and accounts named by email (who may not have judged round 1). */
async function pickedJudges(eventId: string, ticked: string[], emailText: string) {
  const roundOne = await listJudges(eventId);
  if (ticked.some((id) => !roundOne.some((j) => j.id === id))) return { ok: false as const, field: "judges" as const, message: "Pick judges from the list." };
  const emails = parseEmailList(emailText);
  const named = emails.length
    ? await db.select({ id: users.id, name: users.name, email: users.email, verified: users.emailVerifiedAt }).from(users).where(inArray(users.email, emails))
    : [];
  const unknown = emails.find((e) => !named.some((u) => u.email.toLowerCase() === e));
  if (unknown) return { ok: false as const, field: "judgeEmails" as const, message: `No account has the email ${unknown}. They sign up first.` };
  for (const u of named) {
    const may = canBeAddedToRoster({ name: u.name, emailVerified: u.verified !== null });
    if (!may.ok) return { ok: false as const, field: "judgeEmails" as const, message: may.reason };
  }
  const people = [...roundOne.filter((j) => ticked.includes(j.id)), ...named.map(({ id, name, email }) => ({ id, name, email }))];
  const unique = people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
  if (unique.length === 0) return { ok: false as const, field: "judges" as const, message: "Pick at least one judge for the final round." };
  return { ok: true as const, judges: unique };
}

/**
 * Closes round 1 and starts the final round: records the shortlist (hand changes with their reason, who and when),
 * the final round's judges and its rubric (round 1's copied, or the live-demo one), and tells each final judge. One
 * batch; the UPDATE carries phase and round in its WHERE, so a second press, or two organizers at once, start it once.
 */
export async function startFinalRound(
  event: RoundEvent,
  actorId: string,
  input: StartFinalRoundInput,
  now: Date,
  origin: string,
): Promise<StartFinalRoundResult> {
  const ranking = await roundOneRanking(event);
  const blockers = finalRoundBlockers({ phase: event.phase, round: asRound(event.judgingRound), submittedEntries: ranking.length });
  if (blockers.length) return { ok: false, field: "finalists", message: blockers.join(" ") };
  const shown = input.suggested === undefined ? null : input.suggested.split(",").filter(Boolean);
  const shortlist = checkShortlist(ranking satisfies RankedEntry[], input.top, input.finalists, input.reason, shown);
  if (!shortlist.ok) return shortlist;
  const picked = await pickedJudges(event.id, input.judges, input.judgeEmails);
  if (!picked.ok) return picked;
  // No member of any team of the event judges it (ADR 010), finalist or not.
  const members = await db
    .select({ teamId: teams.id, teamName: teams.name, entryTitle: entries.title, userId: teamMembers.userId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .leftJoin(entries, eq(entries.teamId, teams.id))
    .where(eq(teams.eventId, event.id));
  const teamIds = [...new Set(members.map((m) => m.teamId))];
  const clash = finalJudgeClash(
    picked.judges,
    teamIds.map((id) => {
      const rows = members.filter((m) => m.teamId === id);
      return { title: rows[0].entryTitle || rows[0].teamName, memberIds: rows.map((m) => m.userId) };
    }),
  );
  if (clash) return { ok: false, field: "judgeEmails", message: clash };

  const roundOneRubric =
    input.rubric === "same"
      ? await db
          .select()
          .from(criteria)
          .where(and(eq(criteria.eventId, event.id), eq(criteria.round, 1)))
          .orderBy(asc(criteria.position))
      : [];
  const rubricRows =
    input.rubric === "same"
      ? roundOneRubric.map((c) => ({
          id: newId(),
          position: c.position,
          name: c.name,
          description: c.description,
          weight: c.weight,
          levels: c.levels,
          kind: c.kind,
        }))
      : liveDemoRubric.map((c, position) => ({ id: newId(), position, ...c, levels: "[]", kind: "custom" }));

  const path = `/events/${event.slug}/judging`;
  // A finalist a judge declared a conflict with stays out of their queue: each judge is told their own count.
  const conflicts = new Set(
    (
      await db.select({ judgeId: judgeConflicts.judgeId, entryId: judgeConflicts.entryId }).from(judgeConflicts).where(eq(judgeConflicts.eventId, event.id))
    ).map((c) => `${c.judgeId} ${c.entryId}`),
  );
  const notices: Notice[] = picked.judges.map((judge) => {
    const queued = shortlist.finalists.filter((entryId) => !conflicts.has(`${judge.id} ${entryId}`)).length;
    return {
      to: judge,
      eventId: event.id,
      title: `The final round of ${event.title} is open`,
      body: finalistsQueued(queued),
      path,
      mail: finalRoundOpenedMail({ name: judge.name, eventTitle: event.title, finalists: queued, queueUrl: new URL(path, origin).toString() }),
    };
  });
  const told = await notifyStatementsIfChanged(notices, origin);
  const started = sql`(select judging_round from events where id = ${event.id}) = 2`;
  const at = now.getTime();
  const [updated] = await db.batch([
    db.run(sql`update events set judging_round = 2 where id = ${event.id} and phase = 'judging' and judging_round = 1`),
    // The notices hang on that UPDATE (changes() = 1); the rows below on the round it set, and are written once.
    ...told,
    db.run(sql`insert into finalists (event_id, entry_id, decision, reason, decided_by, decided_at)
      select column1, column2, column3, column4, column5, column6 from (values ${sql.join(
        shortlist.decisions.map((d) => sql`(${event.id}, ${d.entryId}, ${d.decision}, ${d.reason}, ${actorId}, ${at})`),
        sql`, `,
      )})
      where ${started} and not exists (select 1 from finalists where event_id = ${event.id})`),
    db.run(sql`insert into final_judges (event_id, user_id)
      select column1, column2 from (values ${sql.join(
        picked.judges.map((j) => sql`(${event.id}, ${j.id})`),
        sql`, `,
      )})
      where ${started} and not exists (select 1 from final_judges where event_id = ${event.id})
        and not exists (select 1 from team_members tm join teams t on t.id = tm.team_id where t.event_id = ${event.id} and tm.user_id = column2)`),
    db.run(sql`insert into criteria (id, event_id, position, name, description, weight, levels, kind, round)
      select column1, ${event.id}, column2, column3, column4, column5, column6, column7, 2 from (values ${sql.join(
        rubricRows.map((c) => sql`(${c.id}, ${c.position}, ${c.name}, ${c.description}, ${c.weight}, ${c.levels}, ${c.kind})`),
        sql`, `,
      )})
      where ${started} and not exists (select 1 from criteria where event_id = ${event.id} and round = 2)`),
  ]);
  // Started by a co-organizer or by a second press of the same form, or the event left judging, between the route's
  // check and this batch: the route says which, as the event is now.
  if (updated.rowsAffected !== 1)
    return {
      ok: false,
      field: "finalists",
      message: "The event changed meanwhile: the final round started, or the event left judging.",
      startedMeanwhile: true,
    };
  return { ok: true, finalists: shortlist.finalists.length, judges: picked.judges.length };
}
