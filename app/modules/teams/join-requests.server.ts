// Asking to join a team, and the lead's answer (ADR 032). Each change is one guarded statement carrying the rules
// of join-requests.ts in its WHERE, batched with the notices it causes (ADR 024): a refused or repeated change
// writes nothing and tells nobody. Accepting puts the person in the team through teams.server.ts's joinStatement,
// the same INSERT an invite code uses, so the team-size rule holds in the statement (ADR 010).
import { and, eq, inArray, sql } from "drizzle-orm";
import { events, joinRequests, teams, users } from "#db/schema";
import { db, isUniqueViolation } from "~/db.server";
import type { Confirmation } from "~/lib/confirm";
import { newId } from "~/lib/ids";
import { configuredOrigin } from "~/lib/urls.server";
import { joinRequestAcceptedMail, joinRequestDeclinedMail, joinRequestReceivedMail, joinRequestWithdrawnMail } from "~/modules/mail/messages";
import { notifyStatementsIfChanged, type Notice } from "~/modules/notifications/notify.server";
import { canAskAfterEnding, MAX_ASKS, moveRefusal, movesFrom, type JoinRequestMove, type JoinRequestState } from "./join-requests";
import { teamJoinedNotices } from "./notices.server";
import { joinFailure, joinStatement, leadsTeamSql, REMOVED_MESSAGE } from "./teams.server";

type Result = { ok: true } | { ok: false; message: string };
type NeedsConfirmation = { ok: false; confirm: { requestId: string; teamName: string; askerName: string } };

const link = (path: string, origin: string) => new URL(path, origin).toString();
const fromStatuses = (move: JoinRequestMove) =>
  sql.join(
    movesFrom[move].map((s) => sql`${s}`),
    sql`, `,
  );

const findTeamPath = (slug: string) => `/events/${slug}/find-a-team`;

async function stateOf(teamId: string, userId: string): Promise<JoinRequestState | null> {
  const [row] = await db
    .select({ status: joinRequests.status, asks: joinRequests.asks })
    .from(joinRequests)
    .where(and(eq(joinRequests.teamId, teamId), eq(joinRequests.userId, userId)));
  return row ?? null;
}

async function teamFacts(teamId: string) {
  const [row] = await db
    .select({
      id: teams.id,
      name: teams.name,
      eventId: teams.eventId,
      leadId: teams.leadId,
      slug: events.slug,
      eventTitle: events.title,
      maxTeamSize: events.maxTeamSize,
    })
    .from(teams)
    .innerJoin(events, eq(events.id, teams.eventId))
    .where(eq(teams.id, teamId));
  return row ?? null;
}

const personById = async (userId: string) =>
  (await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, userId)))[0];

/**
 * The person asks the team to let them in, with an optional note; the lead is told. One upsert: the first ask
 * inserts the request, asking again after a decline or a withdrawal sets it pending once more, and only while
 * the team is looking for members, the person is in no team of the event and the lead has not removed them.
 */
export async function askToJoin(event: { id: string }, teamId: string, userId: string, message: string, origin = configuredOrigin()): Promise<Result> {
  const team = await teamFacts(teamId);
  if (!team || team.eventId !== event.id) return { ok: false, message: "No such team in this event." };
  const refusal = moveRefusal(await stateOf(teamId, userId), "ask", "asker");
  if (refusal) return { ok: false, message: refusal };
  const [lead, asker] = await Promise.all([personById(team.leadId), personById(userId)]);
  const path = `${findTeamPath(team.slug)}#requests`;
  const notice: Notice = {
    to: lead,
    eventId: event.id,
    title: `${asker.name} asks to join ${team.name}`,
    body: message || "Accept or decline on the Find a team page.",
    path,
    mail: joinRequestReceivedMail({
      name: lead.name,
      askerName: asker.name,
      teamName: team.name,
      eventTitle: team.eventTitle,
      message,
      requestsUrl: link(path, origin),
    }),
  };
  const told = await notifyStatementsIfChanged([notice], origin);
  const now = Date.now();
  const [asked] = await db.batch([
    db.run(sql`
      insert into join_requests (id, event_id, team_id, user_id, status, message, asks, created_at, updated_at)
      select ${newId()}, ${event.id}, ${teamId}, ${userId}, 'pending', ${message}, 1, ${now}, ${now}
      where exists (select 1 from team_openings o where o.team_id = ${teamId})
        and not exists (select 1 from team_members m where m.event_id = ${event.id} and m.user_id = ${userId})
        and not exists (select 1 from team_removals r where r.team_id = ${teamId} and r.user_id = ${userId})
      on conflict (team_id, user_id) do update set status = 'pending', asks = join_requests.asks + 1, message = excluded.message, updated_at = excluded.updated_at
      where join_requests.status in (${fromStatuses("ask")}) and join_requests.asks < ${MAX_ASKS}`),
    ...told,
  ]);
  if (asked.rowsAffected === 1) return { ok: true };
  return { ok: false, message: await whyNotAsked(event.id, teamId, userId) };
}

async function whyNotAsked(eventId: string, teamId: string, userId: string): Promise<string> {
  const refusal = moveRefusal(await stateOf(teamId, userId), "ask", "asker");
  if (refusal) return refusal;
  const [facts] = await db.all<{ looking: number; inTeam: number; removed: number }>(sql`
    select exists (select 1 from team_openings o where o.team_id = ${teamId}) as looking,
      exists (select 1 from team_members m where m.event_id = ${eventId} and m.user_id = ${userId}) as inTeam,
      exists (select 1 from team_removals r where r.team_id = ${teamId} and r.user_id = ${userId}) as removed`);
  if (facts.inTeam) return "You are already in a team for this event: one team per person per event.";
  if (facts.removed) return REMOVED_MESSAGE;
  return "This team is no longer looking for members.";
}

async function requestFacts(requestId: string) {
  const [row] = await db
    .select({
      id: joinRequests.id,
      teamId: joinRequests.teamId,
      userId: joinRequests.userId,
      status: joinRequests.status,
      asks: joinRequests.asks,
      teamName: teams.name,
      leadId: teams.leadId,
      askerName: users.name,
    })
    .from(joinRequests)
    .innerJoin(teams, eq(teams.id, joinRequests.teamId))
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(eq(joinRequests.id, requestId));
  return row ?? null;
}

/**
 * The lead accepts a pending request: the person joins the team through the same guarded INSERT as an invite
 * code (room left, not removed, no other team in the event), with the request's own condition added; the
 * request turns accepted only if that row went in, and the asker and the other members are told with it.
 */
export async function acceptJoinRequest(
  team: { id: string; eventId: string; leadId: string },
  requestId: string,
  origin = configuredOrigin(),
): Promise<Result> {
  const request = await requestFacts(requestId);
  if (!request || request.teamId !== team.id) return { ok: false, message: "There is no such request for your team." };
  const refusal = moveRefusal(request, "accept", "lead");
  if (refusal) return { ok: false, message: refusal };
  const facts = await teamFacts(team.id);
  if (!facts) return { ok: false, message: "There is no such request for your team." };
  const [asker, joined] = await Promise.all([personById(request.userId), teamJoinedNotices(team.id, request.userId, origin)]);
  const teamPath = `/events/${facts.slug}/teams/${team.id}`;
  const accepted: Notice = {
    to: asker,
    eventId: team.eventId,
    title: `You joined ${facts.name}`,
    body: `The lead accepted your request to join ${facts.name} in ${facts.eventTitle}.`,
    path: teamPath,
    mail: joinRequestAcceptedMail({ name: asker.name, teamName: facts.name, eventTitle: facts.eventTitle, teamUrl: link(teamPath, origin) }),
  };
  // The lead accepted, so only the other members hear that someone joined.
  const told = await notifyStatementsIfChanged([accepted, ...joined.filter((n) => n.to.id !== team.leadId)], origin);
  const stillPending = sql`exists (select 1 from join_requests q where q.id = ${requestId} and q.team_id = ${team.id} and q.status in (${fromStatuses("accept")}))
    and ${leadsTeamSql(team.id, team.leadId)}`;
  try {
    const [, marked] = await db.batch([
      joinStatement(team, request.userId, facts.maxTeamSize, stillPending, { leadAccepts: true }),
      db
        .update(joinRequests)
        .set({ status: "accepted", updatedAt: new Date(), declinedAt: null })
        .where(
          and(
            eq(joinRequests.id, requestId),
            inArray(joinRequests.status, [...movesFrom.accept]),
            sql`exists (select 1 from team_members m where m.team_id = ${team.id} and m.user_id = ${request.userId})`,
          ),
        )
        .returning({ id: joinRequests.id }),
      ...told,
    ]);
    if (marked.length === 1) return { ok: true };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return { ok: false, message: `${request.askerName} is already in a team for this event.` };
  }
  const now = await requestFacts(requestId);
  const moved = now ? moveRefusal(now, "accept", "lead") : "There is no such request for your team.";
  return { ok: false, message: moved ?? (await joinFailure(team.id, request.userId, facts.maxTeamSize)) };
}

/**
 * The lead declines a pending request, once confirmed; the asker may ask again once (join-requests.ts) and is told,
 * in the same batch, only if the request really turned declined (ADR 047).
 */
export async function declineJoinRequest(
  team: { id: string; leadId: string },
  requestId: string,
  confirmation: Confirmation,
  origin = configuredOrigin(),
): Promise<{ ok: true; canAskAgain: boolean } | { ok: false; message: string } | NeedsConfirmation> {
  const request = await requestFacts(requestId);
  if (!request || request.teamId !== team.id) return { ok: false, message: "There is no such request for your team." };
  const refusal = moveRefusal(request, "decline", "lead");
  if (refusal) return { ok: false, message: refusal };
  if (!confirmation.confirmed) return { ok: false, confirm: { requestId, teamName: request.teamName, askerName: request.askerName } };
  const facts = await teamFacts(team.id);
  if (!facts) return { ok: false, message: "There is no such request for your team." };
  const asker = await personById(request.userId);
  const path = `${findTeamPath(facts.slug)}#my-requests`;
  const canAskAgain = canAskAfterEnding(request.asks);
  const declinedNotice: Notice = {
    to: asker,
    eventId: facts.eventId,
    title: `Your request to join ${facts.name} was declined`,
    body: canAskAgain
      ? `The lead of ${facts.name} declined your request. You can ask once more, or ask another team on the Find a team page.`
      : `The lead of ${facts.name} declined your request. Other teams looking for members are on the Find a team page.`,
    path,
    mail: joinRequestDeclinedMail({ name: asker.name, teamName: facts.name, eventTitle: facts.eventTitle, canAskAgain, findTeamUrl: link(path, origin) }),
  };
  const told = await notifyStatementsIfChanged([declinedNotice], origin);
  const now = new Date();
  const [declined] = await db.batch([
    db
      .update(joinRequests)
      .set({ status: "declined", updatedAt: now, declinedAt: now })
      .where(
        and(
          eq(joinRequests.id, requestId),
          eq(joinRequests.teamId, team.id),
          inArray(joinRequests.status, [...movesFrom.decline]),
          leadsTeamSql(team.id, team.leadId),
        ),
      )
      .returning({ id: joinRequests.id }),
    ...told,
    // An invitation the team had sent this person goes with the decline: its link would let them in anyway, and the
    // lead would see "Invited" beside someone they just turned down. Inviting them again stays possible.
    // Only an invitation from before the decline: one sent since (a stale tab declining again) stays.
    db.run(sql`delete from team_invites where team_id = ${team.id} and user_id = ${request.userId}
      and created_at <= (select q.updated_at from join_requests q where q.id = ${requestId} and q.status = 'declined')`),
  ]);
  return declined.length ? { ok: true, canAskAgain } : { ok: false, message: "This request is no longer pending." };
}

/** The asker withdraws their own pending request, once confirmed; they may ask again once (join-requests.ts). */
export async function withdrawJoinRequest(
  userId: string,
  requestId: string,
  confirmation: Confirmation,
  origin = configuredOrigin(),
): Promise<{ ok: true; canAskAgain: boolean } | { ok: false; message: string } | NeedsConfirmation> {
  const request = await requestFacts(requestId);
  if (!request || request.userId !== userId) return { ok: false, message: "There is no such request of yours." };
  const refusal = moveRefusal(request, "withdraw", "asker");
  if (refusal) return { ok: false, message: refusal };
  if (!confirmation.confirmed) return { ok: false, confirm: { requestId, teamName: request.teamName, askerName: request.askerName } };
  const facts = await teamFacts(request.teamId);
  if (!facts) return { ok: false, message: "There is no such request of yours." };
  // The lead was told of the request, so they are told it is gone, in the same batch and only if it really went.
  const lead = await personById(facts.leadId);
  const path = `${findTeamPath(facts.slug)}#requests`;
  const withdrawnNotice: Notice = {
    to: lead,
    eventId: facts.eventId,
    title: `${request.askerName} withdrew their request to join ${facts.name}`,
    body: "Nothing is waiting for your answer from them.",
    path,
    mail: joinRequestWithdrawnMail({
      name: lead.name,
      askerName: request.askerName,
      teamName: facts.name,
      eventTitle: facts.eventTitle,
      requestsUrl: link(path, origin),
    }),
  };
  const told = await notifyStatementsIfChanged([withdrawnNotice], origin);
  const [withdrawn] = await db.batch([
    db
      .update(joinRequests)
      .set({ status: "withdrawn", updatedAt: new Date() })
      .where(and(eq(joinRequests.id, requestId), eq(joinRequests.userId, userId), inArray(joinRequests.status, [...movesFrom.withdraw])))
      .returning({ id: joinRequests.id }),
    ...told,
  ]);
  return withdrawn.length ? { ok: true, canAskAgain: canAskAfterEnding(request.asks) } : { ok: false, message: "This request is no longer pending." };
}

/** Who made a request of this event, for the withdraw permission; null when the event has no such request. */
export async function findJoinRequest(eventId: string, requestId: string) {
  const [row] = await db
    .select({ id: joinRequests.id, userId: joinRequests.userId })
    .from(joinRequests)
    .where(and(eq(joinRequests.eventId, eventId), eq(joinRequests.id, requestId)));
  return row ?? null;
}

/** The person's requests in this event, newest first, with each team's name. */
export function myJoinRequests(eventId: string, userId: string) {
  return db
    .select({ id: joinRequests.id, teamId: joinRequests.teamId, teamName: teams.name, status: joinRequests.status, asks: joinRequests.asks })
    .from(joinRequests)
    .innerJoin(teams, eq(teams.id, joinRequests.teamId))
    .where(and(eq(joinRequests.eventId, eventId), eq(joinRequests.userId, userId)))
    .orderBy(sql`${joinRequests.updatedAt} desc`);
}

/** Requests to the team, pending first, with the asker's post (if any) and whether they joined another team meanwhile. */
export function teamJoinRequests(team: { id: string; eventId: string }) {
  return db
    .select({
      id: joinRequests.id,
      userId: joinRequests.userId,
      name: users.name,
      status: joinRequests.status,
      asks: joinRequests.asks,
      message: joinRequests.message,
      skills: sql<string | null>`(select s.skills from team_seekers s where s.event_id = ${team.eventId} and s.user_id = ${joinRequests.userId})`,
      inOtherTeam: sql<number>`exists (select 1 from team_members m where m.event_id = ${team.eventId} and m.user_id = ${joinRequests.userId} and m.team_id <> ${team.id})`,
    })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(eq(joinRequests.teamId, team.id))
    .orderBy(sql`${joinRequests.status} <> 'pending'`, sql`${joinRequests.updatedAt} desc`);
}
