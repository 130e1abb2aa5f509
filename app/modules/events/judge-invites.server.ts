// Judge invite links: a random token in the link, only its SHA-256 hash in the database.
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { eventJudges, events, judgeInvites, teamMembers, users } from "#db/schema";
import { db } from "~/db.server";
import type { Confirmation } from "~/lib/confirm";
import { newId } from "~/lib/ids";
import { formatInZone } from "~/lib/time";
import { recomputeAssignmentsOf } from "./assignments.server";

export const hashInviteToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a link valid for `days` days. The token is returned once and never stored. */
export async function createJudgeInvite(eventId: string, createdBy: string, days: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  await db.insert(judgeInvites).values({ id: newId(), eventId, tokenHash: hashInviteToken(token), createdBy, expiresAt });
  return { token, expiresAt };
}

function listJudgeInvites(eventId: string) {
  return db
    .select({
      id: judgeInvites.id,
      createdAt: judgeInvites.createdAt,
      expiresAt: judgeInvites.expiresAt,
      revokedAt: judgeInvites.revokedAt,
      createdBy: users.name,
    })
    .from(judgeInvites)
    .innerJoin(users, eq(users.id, judgeInvites.createdBy))
    .where(eq(judgeInvites.eventId, eventId))
    .orderBy(desc(judgeInvites.createdAt), desc(judgeInvites.id));
}

/** The event's links as the Manage and judges pages list them: times in the event's zone, and whether each still works. */
export async function judgeInviteLines(eventId: string, timezone: string, now = new Date()) {
  return (await listJudgeInvites(eventId)).map((i) => ({
    id: i.id,
    createdBy: i.createdBy,
    createdAt: formatInZone(i.createdAt, timezone),
    expiresAt: formatInZone(i.expiresAt, timezone),
    state: i.revokedAt ? ("revoked" as const) : i.expiresAt <= now ? ("expired" as const) : ("active" as const),
  }));
}

type InviteFacts = { inviteId: string; createdAt: Date; createdBy: string; expiresAt: Date };

/**
 * Revokes a still-valid link of this event (the event id is part of the WHERE), only once confirmed:
 * without it, the answer names the link (who made it when, until when it works).
 */
export async function revokeJudgeInvite(
  eventId: string,
  inviteId: string,
  confirmation: Confirmation,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; message: string } | { ok: false; confirm: InviteFacts }> {
  const gone = { ok: false as const, message: "That link was already revoked or does not exist." };
  const ofEvent = and(eq(judgeInvites.eventId, eventId), eq(judgeInvites.id, inviteId), isNull(judgeInvites.revokedAt));
  if (!confirmation.confirmed) {
    const [row] = await db
      .select({ createdAt: judgeInvites.createdAt, expiresAt: judgeInvites.expiresAt, createdBy: users.name })
      .from(judgeInvites)
      .innerJoin(users, eq(users.id, judgeInvites.createdBy))
      .where(ofEvent);
    return row ? { ok: false, confirm: { inviteId, ...row } } : gone;
  }
  const updated = await db.update(judgeInvites).set({ revokedAt: now }).where(ofEvent).returning({ id: judgeInvites.id });
  return updated.length > 0 ? { ok: true } : gone;
}

const validInvite = (token: string, now: Date) =>
  and(eq(judgeInvites.tokenHash, hashInviteToken(token)), isNull(judgeInvites.revokedAt), gt(judgeInvites.expiresAt, now));

/** The event a valid (not expired, not revoked) link is for, or null. */
export async function findJudgeInvite(token: string, userId: string, now = new Date()) {
  const [row] = await db
    .select({
      eventId: events.id,
      slug: events.slug,
      title: events.title,
      phase: events.phase,
      expiresAt: judgeInvites.expiresAt,
      alreadyJudge: sql<number>`exists(select 1 from event_judges j where j.event_id = ${events.id} and j.user_id = ${userId})`.mapWith(Boolean),
      inTeam: sql<number>`exists(select 1 from team_members m where m.event_id = ${events.id} and m.user_id = ${userId})`.mapWith(Boolean),
    })
    .from(judgeInvites)
    .innerJoin(events, eq(events.id, judgeInvites.eventId))
    .where(validInvite(token, now));
  return row ?? null;
}

/** A judge is never in a team of the event they judge (ADR 010). */
export const JUDGE_IN_TEAM_MESSAGE =
  "You are in a team of this event, so you cannot judge it. Leave the team first, or ask the organizer to invite someone else.";

/**
 * Makes the user a judge of the link's event and recomputes its judge assignments. The validity check and the
 * "not in a team of this event" check are part of the INSERT, so a link revoked a moment ago no longer works.
 */
export async function acceptJudgeInvite(
  token: string,
  userId: string,
  now = new Date(),
): Promise<{ ok: true; eventId: string } | { ok: false; reason: "invalid" | "in-team" }> {
  const [invite] = await db.select({ eventId: judgeInvites.eventId }).from(judgeInvites).where(validInvite(token, now));
  if (!invite) return { ok: false, reason: "invalid" };
  await db.run(sql`
    insert into event_judges (event_id, user_id)
    select ${judgeInvites.eventId}, ${userId} from ${judgeInvites}
    where ${validInvite(token, now)}
      and not exists (select 1 from team_members m where m.event_id = ${judgeInvites.eventId} and m.user_id = ${userId})
    on conflict do nothing
  `);
  const [judge] = await db
    .select({ eventId: eventJudges.eventId })
    .from(eventJudges)
    .where(and(eq(eventJudges.eventId, invite.eventId), eq(eventJudges.userId, userId)));
  if (judge) {
    await recomputeAssignmentsOf(invite.eventId);
    return { ok: true, eventId: invite.eventId };
  }
  const [member] = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.eventId, invite.eventId), eq(teamMembers.userId, userId)));
  return { ok: false, reason: member ? "in-team" : "invalid" };
}
