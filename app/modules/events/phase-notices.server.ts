// What a phase change tells people (ADR 024): judges when judging opens, and the teams whose entry it leaves a draft;
// teams and judges when submissions reopen during judging; teams when results are published (with the link to their
// feedback) and the teams that won an award. Built before
// the change; the caller puts them right after its guarded UPDATE, so a refused or repeated phase change tells nobody.
import { and, asc, eq, sql } from "drizzle-orm";
import { awards, entries, eventJudges, finalJudges, notifications, teamMembers, teams, users, type EventPhase } from "#db/schema";
import { db } from "~/db.server";
import {
  awardWonMail,
  draftLeftOutMail,
  draftLeftOutWords,
  judgingOpenedMail,
  judgingOpenedWords,
  resultsPublishedMail,
  resultsWithdrawnMail,
  submissionsReopenedMail,
  submissionsReopenedWords,
} from "~/modules/mail/messages";
import type { Notice } from "~/modules/notifications/notify.server";
import { PEOPLES_CHOICE } from "~/modules/judging/awards";
import { peoplesChoiceLeader } from "~/modules/peoples-choice/votes.server";
import { possessive } from "~/lib/possessive";
import { formatInZone } from "~/lib/time";

/** `phase`: the event's phase before the change; `judgingRound`: 2 once a final round started (ADR 038). */
type PhaseEvent = { id: string; slug: string; title: string; phase: EventPhase; timezone: string; judgingRound: number };

/** `reopenUntil`: the new submission deadline, when judging → open reopens submissions. */
export async function phaseNotices(event: PhaseEvent, to: EventPhase, origin: string, reopenUntil?: Date | null): Promise<Notice[]> {
  if (to === "open" && event.phase === "judging" && reopenUntil) return submissionsReopenedNotices(event, reopenUntil, origin);
  if (to === "judging")
    return event.phase === "open"
      ? [...(await judgingOpenedNotices(event, origin)), ...(await draftLeftOutNotices(event, origin))]
      : event.phase === "closed"
        ? [...(await judgingOpenedNotices(event, origin)), ...(await resultsWithdrawnNotices(event, origin))]
        : judgingOpenedNotices(event, origin);
  if (to === "closed") return [...(await resultsPublishedNotices(event, origin)), ...(await awardWonNotices(event, origin))];
  return [];
}

/**
 * The judges who score now: round 1's roster, or the final round's once it started (a reopen after publishing keeps
 * the round, ADR 038, so the final round's judges are the ones with scoring to do again).
 */
async function judgingOpenedNotices(event: PhaseEvent, origin: string): Promise<Notice[]> {
  const finalRound = event.judgingRound === 2;
  const roster = finalRound ? finalJudges : eventJudges;
  const judges = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(roster)
    .innerJoin(users, eq(users.id, roster.userId))
    .where(eq(roster.eventId, event.id))
    .orderBy(asc(users.name));
  const path = `/events/${event.slug}/judging`;
  // Reopened after results were published: said as such, not as the start it already had.
  const again = event.phase === "closed";
  const words = judgingOpenedWords(event.title, { again, finalRound });
  return judges.map((judge) => ({
    to: judge,
    eventId: event.id,
    title: words.title,
    body: words.body,
    path,
    mail: judgingOpenedMail({ name: judge.name, eventTitle: event.title, queueUrl: new URL(path, origin).toString(), again, finalRound }),
  }));
}

/**
 * Submissions closed (judging started, early or after the deadline) while a team's entry was a draft: every member
 * of such a team is told it is not judged, with the link to the entry. Nothing else said so; a team that saved but
 * never pressed Submit found out when results came.
 */
async function draftLeftOutNotices(event: PhaseEvent, origin: string): Promise<Notice[]> {
  const members = await db
    .select({ id: users.id, name: users.name, email: users.email, teamId: teams.id, teamName: teams.name })
    .from(entries)
    .innerJoin(teams, eq(teams.id, entries.teamId))
    .innerJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(entries.eventId, event.id), eq(entries.status, "draft")))
    .orderBy(asc(teams.name), asc(users.name));
  return members.map((m) => {
    const path = `/events/${event.slug}/teams/${m.teamId}/entry`;
    return {
      to: { id: m.id, email: m.email },
      eventId: event.id,
      title: `Submissions to ${event.title} are closed`,
      body: draftLeftOutWords(m.teamName),
      path,
      mail: draftLeftOutMail({ name: m.name, teamName: m.teamName, eventTitle: event.title, entryUrl: new URL(path, origin).toString() }),
    };
  });
}

/**
 * Submissions reopened after judging started: every member of every team (the entry can change again, and a team
 * whose draft was left out can still submit it), and every judge of round 1 (their queue is closed again meanwhile).
 */
async function submissionsReopenedNotices(event: PhaseEvent, until: Date, origin: string): Promise<Notice[]> {
  const when = formatInZone(until, event.timezone);
  const [members, judges] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, teamId: teams.id, teamName: teams.name })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(eq(teamMembers.eventId, event.id))
      .orderBy(asc(teams.name), asc(users.name)),
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(eventJudges)
      .innerJoin(users, eq(users.id, eventJudges.userId))
      .where(eq(eventJudges.eventId, event.id))
      .orderBy(asc(users.name)),
  ]);
  const queue = `/events/${event.slug}/judging`;
  return [
    ...members.map((m) => {
      const path = `/events/${event.slug}/teams/${m.teamId}/entry`;
      return {
        to: { id: m.id, email: m.email },
        eventId: event.id,
        title: `Submissions to ${event.title} are open again`,
        body: submissionsReopenedWords.team(m.teamName, when),
        path,
        mail: submissionsReopenedMail({ name: m.name, eventTitle: event.title, until: when, teamName: m.teamName, entryUrl: new URL(path, origin).toString() }),
      };
    }),
    ...judges.map((j) => ({
      to: j,
      eventId: event.id,
      title: `Judging of ${event.title} is paused`,
      body: submissionsReopenedWords.judge(when),
      path: queue,
      mail: submissionsReopenedMail({ name: j.name, eventTitle: event.title, until: when, queueUrl: new URL(queue, origin).toString() }),
    })),
  ];
}

/**
 * A published event reopened for judging: its teams, who were told the results are out, are told they are gone from its
 * pages until published again (the link in that notice would otherwise lead to "Results are published when the event
 * closes").
 */
async function resultsWithdrawnNotices(event: PhaseEvent, origin: string): Promise<Notice[]> {
  const members = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.eventId, event.id))
    .orderBy(asc(users.name));
  const path = `/events/${event.slug}`;
  return members.map((m) => ({
    to: { id: m.id, email: m.email },
    eventId: event.id,
    title: `Results of ${event.title} are being revised`,
    body: "Judging was reopened: the results and the judges' feedback come back when they are published again.",
    path,
    mail: resultsWithdrawnMail({ name: m.name, eventTitle: event.title, url: new URL(path, origin).toString() }),
  }));
}

/** Every member of every team: a team with a submitted entry gets the link to its feedback, the others the results. */
async function resultsPublishedNotices(event: PhaseEvent, origin: string): Promise<Notice[]> {
  // Published again after a reopen: the results may have changed, so teams are told, as such.
  const [published] = await db.all(sql`select 1 from phase_changes where event_id = ${event.id} and to_phase = 'closed' limit 1`);
  const members = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      teamName: teams.name,
      entryId: entries.id,
      status: entries.status,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .leftJoin(entries, eq(entries.teamId, teams.id))
    .where(eq(teamMembers.eventId, event.id))
    .orderBy(asc(teams.name), asc(users.name));
  return members.map((m) => {
    const hasFeedback = m.status === "submitted" && m.entryId !== null;
    const path = hasFeedback ? `/events/${event.slug}/entries/${m.entryId}#feedback-h` : `/events/${event.slug}/results`;
    return {
      to: { id: m.id, email: m.email },
      eventId: event.id,
      title: `Results of ${event.title} are published${published ? " again" : ""}`,
      body: hasFeedback ? `Read the judges' feedback on ${possessive(m.teamName)} entry.` : "See the results and awards.",
      path,
      mail: resultsPublishedMail({ name: m.name, teamName: m.teamName, eventTitle: event.title, url: new URL(path, origin).toString(), hasFeedback }),
    };
  });
}

/**
 * One notice per award per member of the team whose entry won it. The People's choice award is given in the
 * publishing batch itself, after these are written: its winner is the vote's leader now (ADR 031).
 */
async function awardWonNotices(event: PhaseEvent, origin: string): Promise<Notice[]> {
  const leader = await peoplesChoiceLeader(event.id);
  const wonBy = sql`coalesce(case when ${awards.kind} = ${PEOPLES_CHOICE} then ${leader} end, ${awards.entryId})`;
  const winners = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      teamName: teams.name,
      entryId: entries.id,
      awardName: awards.name,
    })
    .from(awards)
    .innerJoin(entries, eq(entries.id, wonBy))
    .innerJoin(teams, eq(teams.id, entries.teamId))
    .innerJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(awards.eventId, event.id), eq(entries.status, "submitted")))
    .orderBy(asc(awards.position), asc(users.name));
  // A team told of an award once is not told again when results are published again after a reopen.
  const told = new Set(
    (await db.select({ userId: notifications.userId, title: notifications.title }).from(notifications).where(eq(notifications.eventId, event.id))).map(
      (n) => `${n.userId} ${n.title}`,
    ),
  );
  return winners
    .filter((w) => !told.has(`${w.id} ${w.teamName} won ${w.awardName}`))
    .map((w) => {
      const path = `/events/${event.slug}/entries/${w.entryId}`;
      return {
        to: { id: w.id, email: w.email },
        eventId: event.id,
        title: `${w.teamName} won ${w.awardName}`,
        body: `Your team won the award "${w.awardName}" in ${event.title}.`,
        path,
        mail: awardWonMail({ name: w.name, teamName: w.teamName, eventTitle: event.title, awardName: w.awardName, entryUrl: new URL(path, origin).toString() }),
      };
    });
}
