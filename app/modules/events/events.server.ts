import { and, asc, eq, like, ne, or, sql, desc, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { EventPhase } from "#db/enums";
import {
  awards,
  criteria,
  eventJudges,
  eventOrganizers,
  eventPreviousSlugs,
  events,
  finalists,
  finalJudges,
  phaseChanges,
  problems,
  submissionQuestions,
  teamMembers,
  users,
} from "#db/schema";
import { db, preparedQueries } from "~/db.server";
import { newId } from "~/lib/ids";
import { skippedTimeMessage, zonedLocalToUtc } from "~/lib/zoned-time";
import { isLocalDateTime } from "~/lib/time";
import type { Actor, EventAccess } from "~/modules/auth/permissions";
import { defaultRubric } from "./rubric";
import { reservedSlugs, slugify, type EventInput } from "./schemas";
import { recomputeAssignmentsOf } from "./assignments.server";
import type { AssignmentPlan } from "./assignments";
import { judgingGaps, judgingSheets } from "./dashboard.server";
import { configuredOrigin } from "~/lib/urls.server";
import { finalJudgeAddedMail, judgeAddedMail, judgeQueueWords } from "~/modules/mail/messages";
import { addPersonByEmail, type AddPersonResult } from "./people.server";
import { phaseNotices } from "./phase-notices.server";
import { templateRows, type EventTemplate } from "./templates.server";
import { notifyStatementsIfChanged } from "~/modules/notifications/notify.server";
import { countedVoteTotal, endVoteOnPublish, recordPeoplesChoiceWinner } from "~/modules/peoples-choice/votes.server";
import { asRound, type JudgingRound, type judgeRemovalRefusals } from "~/modules/judging/rounds";
import { checkTransition, nextSteps, noJudgingGaps, type PhaseFacts, type TransitionRequest } from "./phases";

export type EventRow = typeof events.$inferSelect;

const MINUTE = 60_000;

/**
 * The first free "base", "base-2", … (reserved words are never free; the event `exceptEventId` keeps its own slug).
 * Another event's previous slug is not free either, so that a generated address never takes over old links (ADR 062),
 * unless `previousFree` (a slug the organizer typed, which may take one over).
 */
export async function freeSlug(base: string, exceptEventId?: string, previousFree = false): Promise<string> {
  const near = (column: typeof events.slug | typeof eventPreviousSlugs.slug) => or(eq(column, base), like(column, `${base}-%`));
  const [rows, previous] = await db.batch([
    db.select({ id: events.id, slug: events.slug }).from(events).where(near(events.slug)),
    db.select({ id: eventPreviousSlugs.eventId, slug: eventPreviousSlugs.slug }).from(eventPreviousSlugs).where(near(eventPreviousSlugs.slug)),
  ]);
  const taken = new Set<string>(reservedSlugs);
  for (const r of previousFree ? rows : [...rows, ...previous]) if (r.id !== exceptEventId) taken.add(r.slug);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Slug, tagline and rules may be left out: the slug is then generated from the title. */
export type NewEventInput = Omit<EventInput, "slug" | "tagline" | "rules"> & Partial<Pick<EventInput, "slug" | "tagline" | "rules">>;

/** Whether another event already uses this slug. */
export async function slugTaken(slug: string, exceptEventId?: string): Promise<boolean> {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  return Boolean(row) && row.id !== exceptEventId;
}

/** A new draft event, organized by `actor`: with the default rubric, or with what `template` copies (ADR 035). */
export async function createEvent(actor: Actor, input: NewEventInput, template?: EventTemplate): Promise<EventRow> {
  const id = newId();
  // A typed slug was checked by the form (slugTaken); freeSlug still settles a race with another new event.
  const slug = input.slug ? await freeSlug(input.slug, undefined, true) : await freeSlug(slugify(input.title));
  const copied = template ? await templateRows(template, id) : null;
  const copies: BatchItem<"sqlite">[] = [];
  if (copied?.awards.length) copies.push(db.insert(awards).values(copied.awards));
  if (copied?.problems.length) copies.push(db.insert(problems).values(copied.problems));
  if (copied?.questions.length) copies.push(db.insert(submissionQuestions).values(copied.questions));
  const [event] = await db.batch([
    db
      .insert(events)
      .values({
        ...copied?.settings,
        id,
        slug,
        title: input.title,
        tagline: input.tagline ?? "",
        description: input.description,
        rules: input.rules ?? "",
        timezone: input.timezone,
        startsAt: zonedLocalToUtc(input.startsAt, input.timezone),
        submissionDeadline: zonedLocalToUtc(input.submissionDeadline, input.timezone),
        judgingDeadline: zonedLocalToUtc(input.judgingDeadline, input.timezone),
        maxTeamSize: input.maxTeamSize,
        createdBy: actor.id,
      })
      .returning(),
    db.insert(eventOrganizers).values({ eventId: id, userId: actor.id }),
    db.insert(criteria).values(copied?.criteria.length ? copied.criteria : defaultRubric.map((c, position) => ({ id: newId(), eventId: id, position, ...c }))),
    ...copies,
  ]);
  return event[0];
}

/**
 * The event and what this user is in it, in one query. A slug no event has now finds the event that had it before
 * (ADR 062), whose `slug` is then its current one.
 */
export async function loadEventAccess(key: { slug: string } | { id: string }, userId: string): Promise<{ event: EventRow; access: EventAccess } | null> {
  const found = await eventAccessOf(key, userId);
  if (found || !("slug" in key)) return found;
  const previousOf = await eventIdOfPreviousSlug(key.slug);
  return previousOf ? eventAccessOf({ id: previousOf }, userId) : null;
}

/**
 * The event and what the person is in it, by slug or by id. Nearly every page of an event asks this, so the query is
 * built once and run with its values (ADR 063, ADR 064): building it, with every column of the event, took longer than running it.
 */
const eventAccessQuery = preparedQueries((by: "slug" | "id") => {
  const userId = sql.placeholder("userId");
  return db
    .select({
      event: events,
      isOrganizer: sql<number>`exists(select 1 from event_organizers o where o.event_id = events.id and o.user_id = ${userId})`,
      // A judge of round 1 or of the final round (ADR 038) is a judge of the event.
      isJudge: sql<number>`(exists(select 1 from event_judges j where j.event_id = events.id and j.user_id = ${userId})
        or exists(select 1 from final_judges fj where fj.event_id = events.id and fj.user_id = ${userId}))`,
      teamId: sql<string | null>`(select m.team_id from team_members m where m.event_id = events.id and m.user_id = ${userId})`,
    })
    .from(events)
    .where(by === "slug" ? eq(events.slug, sql.placeholder("key")) : eq(events.id, sql.placeholder("key")))
    .prepare();
});

async function eventAccessOf(key: { slug: string } | { id: string }, userId: string): Promise<{ event: EventRow; access: EventAccess } | null> {
  const by = "slug" in key ? "slug" : "id";
  const [row] = await eventAccessQuery(by).all({ key: "slug" in key ? key.slug : key.id, userId });
  if (!row) return null;
  return {
    event: row.event,
    access: {
      phase: row.event.phase,
      submissionDeadline: row.event.submissionDeadline,
      isOrganizer: Boolean(row.isOrganizer),
      isJudge: Boolean(row.isJudge),
      teamId: row.teamId,
    },
  };
}

/** The slug of the event that has this slug now or had it before (ADR 062), if any. */
export async function currentEventSlug(slug: string): Promise<string | null> {
  const [row] = await db.all<{ slug: string | null }>(sql`select coalesce(
    (select slug from ${events} where slug = ${slug}),
    (select e.slug from ${eventPreviousSlugs} p join ${events} e on e.id = p.event_id where p.slug = ${slug})) as slug`);
  return row?.slug ?? null;
}

/** The event a slug led to before its organizers changed it (ADR 062), if any. */
async function eventIdOfPreviousSlug(slug: string): Promise<string | null> {
  const [row] = await db.select({ eventId: eventPreviousSlugs.eventId }).from(eventPreviousSlugs).where(eq(eventPreviousSlugs.slug, slug));
  return row?.eventId ?? null;
}

/** Events this person may see: everything but drafts, plus drafts they organize (admins see all). */
export async function listVisibleEvents(actor: Actor) {
  const visible =
    actor.role === "admin"
      ? undefined
      : or(sql`${events.phase} <> 'draft'`, sql`exists(select 1 from event_organizers o where o.event_id = events.id and o.user_id = ${actor.id})`);
  return db
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      phase: events.phase,
      timezone: events.timezone,
      startsAt: events.startsAt,
      submissionDeadline: events.submissionDeadline,
      judgingDeadline: events.judgingDeadline,
      closedAt: sql<
        number | null
      >`(select max(pc.created_at) * 1000 from phase_changes pc where pc.event_id = events.id and pc.to_phase = 'closed' and events.phase = 'closed')`,
      problemCount: sql<number>`(select count(*) from problems p where p.event_id = events.id)`,
      teamCount: sql<number>`(select count(*) from teams t where t.event_id = events.id)`,
    })
    .from(events)
    .where(visible)
    .orderBy(desc(events.startsAt));
}

/** When the event's results were last published (its latest move to closed), or null. */
export async function lastPublishedAt(eventId: string): Promise<Date | null> {
  const [row] = await db.all<{ at: number | null }>(sql`select max(created_at) as at from phase_changes where event_id = ${eventId} and to_phase = 'closed'`);
  return row?.at ? new Date(Number(row.at) * 1000) : null;
}

/** The rubric of one judging round (ADR 038): round 1's unless asked for the final round's. */
export function listCriteria(eventId: string, round: JudgingRound = 1) {
  return db
    .select()
    .from(criteria)
    .where(and(eq(criteria.eventId, eventId), eq(criteria.round, round)))
    .orderBy(asc(criteria.position), asc(criteria.id));
}

/** The judges of one judging round (ADR 038): round 1's roster unless asked for the final round's. */
export function listJudges(eventId: string, round: JudgingRound = 1) {
  const roster = round === 2 ? finalJudges : eventJudges;
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(roster)
    .innerJoin(users, eq(users.id, roster.userId))
    .where(eq(roster.eventId, eventId))
    .orderBy(asc(users.name));
}

/**
 * The round whose roster a judge joins now (ADR 038): round 1's (`event_judges`) until the final round starts, then
 * the final round's (`final_judges`), whose judges score every finalist. Round 1 is closed by then.
 */
export async function judgesJoinRound(eventId: string): Promise<JudgingRound> {
  const [row] = await db.select({ round: events.judgingRound }).from(events).where(eq(events.id, eventId));
  return asRound(row?.round);
}

/** Why nobody joins the judges of an event whose results are published (a late invite, a stale page). */
export const JUDGING_ENDED = "Results are published, so judging has ended: reopen the event for judging to add a judge.";
/** The Manage page's judges, once results are published: neither added nor removed (canRemoveJudge). */
export const JUDGES_SETTLED = "Results are published, so judging has ended: reopen the event for judging to add or remove a judge.";

/**
 * Puts the person on the judges' roster of `round`, only while it is still the event's round, its results are not
 * published (a judge added then would only show as missing scores on every entry), and never someone in a team of the
 * event (ADR 010); `also`: a further condition (a valid invite). All in the INSERT, which returns the row it added:
 * none when a condition failed or they were on it already.
 */
export function joinJudgesStatement(eventId: string, userId: string, round: JudgingRound, also: SQL = sql`1`) {
  const roster = round === 2 ? finalJudges : eventJudges;
  return db.all(sql`
    insert into ${roster} (event_id, user_id) select ${eventId}, ${userId}
    where not exists (select 1 from team_members m where m.event_id = ${eventId} and m.user_id = ${userId})
      and exists (select 1 from events e where e.id = ${eventId} and e.judging_round = ${round} and e.phase <> 'closed')
      and ${also}
    on conflict do nothing returning user_id`);
}

/** Whether the person is on the judges' roster of `round` (ADR 038). */
export async function onJudgesRoster(eventId: string, userId: string, round: JudgingRound) {
  const roster = round === 2 ? finalJudges : eventJudges;
  const [row] = await db
    .select({ userId: roster.userId })
    .from(roster)
    .where(and(eq(roster.eventId, eventId), eq(roster.userId, userId)));
  return Boolean(row);
}

export function listOrganizers(eventId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(eventOrganizers)
    .innerJoin(users, eq(users.id, eventOrganizers.userId))
    .where(eq(eventOrganizers.eventId, eventId))
    .orderBy(asc(users.name));
}

/** Where a judge just added is sent: their queue while judging is under way, otherwise the event page. */
const judgePath = (event: { slug: string; phase: EventPhase }) => (event.phase === "judging" ? `/events/${event.slug}/judging` : `/events/${event.slug}`);

/**
 * Makes the account with this email a judge of the event, on the roster of the round judges join now (judgesJoinRound),
 * and recomputes the judge assignments as every roster change does. `round`: the round they joined.
 */
export async function addJudge(
  eventId: string,
  email: string,
  origin = configuredOrigin(),
): Promise<Extract<AddPersonResult, { ok: false }> | { ok: true; name: string; round: JudgingRound; plan: AssignmentPlan | null }> {
  const round = await judgesJoinRound(eventId);
  // A judge added to the final round is told how many finalists wait in their queue.
  const [{ finalistCount }] =
    round === 2
      ? await db
          .select({ finalistCount: sql<number>`count(*)` })
          .from(finalists)
          .where(and(eq(finalists.eventId, eventId), ne(finalists.decision, "removed")))
      : [{ finalistCount: 0 }];
  const added = await addPersonByEmail({
    eventId,
    email,
    origin,
    // A judge can be invited before they have an account (ADR 027): say where.
    noAccount: "No account has this email. Use “Invite by email” on the Judges and assignments page: the invite reaches them before they sign up.",
    insert: (person) => joinJudgesStatement(eventId, person.id, round),
    // The final round's words only while it is being judged: a closed event keeps judging_round 2 (ADR 038).
    notice: (person, event) =>
      round === 2 && event.phase === "judging"
        ? {
            title: `You are a judge of the final round of ${event.title}`,
            body: `Every final round judge scores every finalist: your queue lists ${finalistCount === 1 ? "the finalist" : `the ${finalistCount} finalists`}.`,
            path: `/events/${event.slug}/judging`,
            mail: finalJudgeAddedMail({
              name: person.name,
              eventTitle: event.title,
              finalists: finalistCount,
              queueUrl: new URL(`/events/${event.slug}/judging`, origin).toString(),
            }),
          }
        : {
            title: `You are a judge of ${event.title}`,
            body: judgeQueueWords(event.phase),
            path: judgePath(event),
            mail: judgeAddedMail({ name: person.name, eventTitle: event.title, phase: event.phase, url: new URL(judgePath(event), origin).toString() }),
          },
    refusal: async (person) => {
      const [{ phase }] = await db.select({ phase: events.phase }).from(events).where(eq(events.id, eventId));
      if (phase === "closed") return JUDGING_ENDED;
      if (await onJudgesRoster(eventId, person.id, round))
        return round === 2 ? `${person.name} is already a judge of the final round.` : `${person.name} is already a judge of this event.`;
      const [member] = await db
        .select({ teamId: teamMembers.teamId })
        .from(teamMembers)
        .where(and(eq(teamMembers.eventId, eventId), eq(teamMembers.userId, person.id)));
      if (member) return `${person.name} is in a team of this event, so they cannot judge it.`;
      return "The final round started just now. Reload the page and add the judge again.";
    },
  });
  return added.ok ? { ok: true, name: added.name, round, plan: await recomputeAssignmentsOf(eventId) } : added;
}

/**
 * What removing a judge of the current round changes (ADR 038): the sheets they started in this round, and in round 1
 * the assignments that go to others (every final round judge scores every finalist, so nothing is handed on there).
 * Null when they are not on the current round's roster. `onlyFinalJudge`: the final round would be left without a judge.
 */
export async function judgeRemovalFacts(eventId: string, userId: string) {
  const rows = await db.all<{ name: string; round: number; started: number; assigned: number; finalJudges: number }>(sql`
    select u.name, ev.judging_round as round,
      (select count(*) from final_judges f where f.event_id = ev.id) as finalJudges,
      (select count(distinct s.entry_id) from scores s join entries e on e.id = s.entry_id join criteria c on c.id = s.criterion_id
        where e.event_id = ev.id and s.judge_id = u.id and c.round = ev.judging_round) as started,
      (select count(*) from judge_assignments a where a.event_id = ev.id and a.judge_id = u.id and ev.judging_round = 1) as assigned
    from events ev join users u on u.id = ${userId}
    where ev.id = ${eventId} and case ev.judging_round
      when 1 then exists (select 1 from event_judges j where j.event_id = ev.id and j.user_id = u.id)
      else exists (select 1 from final_judges f where f.event_id = ev.id and f.user_id = u.id) end`);
  const r = rows[0];
  if (!r) return null;
  const round = asRound(r.round);
  return {
    userId,
    name: r.name,
    round,
    startedSheets: Number(r.started),
    assignedEntries: Number(r.assigned),
    onlyFinalJudge: round === 2 && Number(r.finalJudges) === 1,
  };
}

export type JudgeRemoval = { ok: true; plan: AssignmentPlan | null } | { ok: false; reason: keyof typeof judgeRemovalRefusals };

/**
 * Removes a judge from the roster of `round`, the round the organizer confirmed it in (scores they gave are kept). In
 * round 1 their unscored assignments go to the other judges; in the final round round 1's roster stays as it was, and
 * its last judge stays. The round is checked inside the DELETE: a removal confirmed in round 1 while the final round
 * started (which may carry the judge over) changes neither roster.
 */
export async function removeJudge(eventId: string, userId: string, round: JudgingRound): Promise<JudgeRemoval> {
  // The round, and results not published (canRemoveJudge): a removal confirmed just before publishing changes nothing.
  const inRound = sql`(select judging_round from events where id = ${eventId}) = ${round} and (select phase from events where id = ${eventId}) <> 'closed'`;
  const removed =
    round === 1
      ? await db.delete(eventJudges).where(and(eq(eventJudges.eventId, eventId), eq(eventJudges.userId, userId), inRound))
      : await db
          .delete(finalJudges)
          .where(
            and(
              eq(finalJudges.eventId, eventId),
              eq(finalJudges.userId, userId),
              inRound,
              sql`(select count(*) from final_judges f where f.event_id = ${eventId}) > 1`,
            ),
          );
  if (removed.rowsAffected) return { ok: true, plan: round === 1 ? await recomputeAssignmentsOf(eventId) : null };
  const [{ phase }] = await db.select({ phase: events.phase }).from(events).where(eq(events.id, eventId));
  if (phase === "closed") return { ok: false, reason: "published" };
  if ((await judgesJoinRound(eventId)) !== round) return { ok: false, reason: "round-moved" };
  return { ok: false, reason: (await onJudgesRoster(eventId, userId, round)) ? "only-final-judge" : "not-a-judge" };
}

async function phaseFacts(event: EventRow, now: Date): Promise<PhaseFacts> {
  const voteOpen = event.phase === "judging" && event.peoplesChoiceEnabled && event.peoplesChoiceClosesAt !== null && event.peoplesChoiceClosesAt > now;
  const [[{ count: problemCount, retired: retiredProblemCount }], weights, judging, drafts, [{ saved }], votesCast] = await Promise.all([
    db
      .select({ count: sql<number>`count(*) filter (where ${problems.retiredAt} is null)`, retired: sql<number>`count(${problems.retiredAt})` })
      .from(problems)
      .where(eq(problems.eventId, event.id)),
    db
      .select({ weight: criteria.weight })
      .from(criteria)
      .where(and(eq(criteria.eventId, event.id), eq(criteria.round, 1))),
    event.phase === "judging" ? judgingSheets(event).then(judgingGaps) : Promise.resolve(noJudgingGaps),
    event.phase === "open"
      ? db.all<{ name: string }>(sql`
          select t.name from teams t join entries e on e.team_id = t.id
          where t.event_id = ${event.id} and e.status = 'draft' order by t.name collate nocase, t.id`)
      : Promise.resolve([]),
    event.phase === "judging"
      ? db.all<{ saved: number }>(sql`
          select count(*) as saved from (select distinct s.entry_id, s.judge_id from scores s
          join criteria c on c.id = s.criterion_id where c.event_id = ${event.id} and c.round = 1)`)
      : Promise.resolve([{ saved: 0 }]),
    voteOpen ? countedVoteTotal(event.id) : Promise.resolve(0),
  ]);
  return {
    phase: event.phase,
    problemCount,
    retiredProblemCount,
    criterionWeights: weights.map((w) => w.weight),
    startsAt: event.startsAt,
    submissionDeadline: event.submissionDeadline,
    judgingDeadline: event.judgingDeadline,
    timezone: event.timezone,
    round: event.judgingRound === 2 ? 2 : 1,
    voteClosesAt: event.peoplesChoiceEnabled ? event.peoplesChoiceClosesAt : null,
    now,
    judging,
    draftTeams: drafts.map((d) => d.name),
    savedSheets: Number(saved),
    votesCast,
  };
}

export async function phaseStepsFor(event: EventRow, now: Date) {
  return nextSteps(await phaseFacts(event, now));
}

/** A phase change as the organizer's form gives it: a new submission deadline is in the event's time zone. */
export type PhaseChangeInput = Omit<TransitionRequest, "submissionDeadline"> & { submissionDeadline?: string };

export async function changePhase(event: EventRow, actorId: string, input: PhaseChangeInput, now: Date, origin = configuredOrigin()) {
  const until = input.submissionDeadline;
  const skipped = until ? skippedTimeMessage(until, event.timezone) : null;
  if (skipped) return { ok: false as const, field: "submissionDeadline" as const, message: skipped };
  const req: TransitionRequest = { ...input, submissionDeadline: until && isLocalDateTime(until) ? zonedLocalToUtc(until, event.timezone) : null };
  const check = checkTransition(await phaseFacts(event, now), req);
  if (!check.ok) return check;
  // The phase in the WHERE makes a double submit (or two organizers at once) a no-op instead of a double move;
  // the history row and the notices of the move hang on that UPDATE, in the same transaction (ADR 024).
  const told = await notifyStatementsIfChanged(await phaseNotices(event, req.to, origin, check.reopenUntil), origin);
  // Judging started early closes submissions now. An event that had not started yet starts a minute before, so its
  // dates stay in order and its edit form (which checks them, at minute precision) still saves.
  const closed = check.closeSubmissionsNow
    ? { submissionDeadline: now, ...(event.startsAt.getTime() > now.getTime() - MINUTE ? { startsAt: new Date(now.getTime() - MINUTE) } : {}) }
    : check.reopenUntil
      ? { submissionDeadline: check.reopenUntil }
      : {};
  const [updated] = await db.batch([
    db
      .update(events)
      .set({ phase: req.to, ...closed })
      // The round too: a final round started meanwhile keeps the phase but changes what the move means (ADR 038).
      .where(and(eq(events.id, event.id), eq(events.phase, event.phase), eq(events.judgingRound, event.judgingRound)))
      .returning({ id: events.id }),
    db.run(sql`insert into phase_changes (event_id, from_phase, to_phase, reason, changed_by)
      select ${event.id}, ${event.phase}, ${req.to}, ${req.reason || null}, ${actorId} where changes() = 1`),
    ...told,
    // Last, so it breaks no changes() chain: publishing gives the People's choice award to the vote's winner (ADR 031).
    ...(req.to === "closed" ? [recordPeoplesChoiceWinner(event.id), endVoteOnPublish(event.id, now)] : []),
  ]);
  if (updated.length === 0)
    return {
      ok: false as const,
      field: "to" as const,
      message: "Someone else changed the phase just now: this page now shows where the event stands.",
      stale: true as const,
    };
  // Entries are final once judging starts: assign judges to any submitted since the last recompute.
  const plan = req.to === "judging" ? await recomputeAssignmentsOf(event.id) : null;
  return { ok: true as const, plan };
}

/**
 * When the final round started, who started it and with how many finalists (ADR 038), read from the finalists' rows
 * that start wrote at once; null while the event has had no final round.
 */
export async function finalRoundStart(eventId: string): Promise<{ at: Date; by: string | null; finalists: number } | null> {
  const [row] = await db.all<{ at: number | null; by: string | null; finalists: number | null }>(sql`
    select max(f.decided_at) as at, max(u.name) as by, sum(f.decision <> 'removed') as finalists
    from finalists f left join users u on u.id = f.decided_by where f.event_id = ${eventId}`);
  return row?.at == null ? null : { at: new Date(Number(row.at)), by: row.by, finalists: Number(row.finalists ?? 0) };
}

export function listPhaseChanges(eventId: string) {
  return db
    .select({ from: phaseChanges.fromPhase, to: phaseChanges.toPhase, reason: phaseChanges.reason, at: phaseChanges.createdAt, by: users.name })
    .from(phaseChanges)
    .innerJoin(users, eq(users.id, phaseChanges.changedBy))
    .where(eq(phaseChanges.eventId, eventId))
    .orderBy(desc(phaseChanges.id));
}
