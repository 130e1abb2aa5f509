// Judge invite links: a random token in the link, only its SHA-256 hash in the database.
import { and, desc, eq, gt, isNotNull, isNull, not, or, sql, type SQL } from "drizzle-orm";
import { events, judgeInvites, teamMembers, users } from "#db/schema";
import { db } from "~/db.server";
import type { Confirmation } from "~/lib/confirm";
import { newId } from "~/lib/ids";
import { hashToken, newToken } from "~/lib/tokens.server";
import { formatInZone } from "~/lib/time";
import { configuredOrigin } from "~/lib/urls.server";
import { judgeInvitedMail } from "~/modules/mail/messages";
import { mailStatementsIfChanged } from "~/modules/mail/outbox.server";
import { asRound, type JudgingRound } from "~/modules/judging/rounds";
import { recomputeAssignmentsOf } from "./assignments.server";
import { addJudge, joinJudgesStatement, judgesJoinRound, onJudgesRoster } from "./events.server";

/** Creates a link valid for `days` days. The token is returned once and never stored. */
export async function createJudgeInvite(eventId: string, createdBy: string, days: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  await db.insert(judgeInvites).values({ id: newId(), eventId, tokenHash: hashToken(token), createdBy, expiresAt });
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
    .where(and(eq(judgeInvites.eventId, eventId), isNull(judgeInvites.email)))
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

type InviteFacts = { inviteId: string; createdAt: Date; createdBy: string; expiresAt: Date; email: string | null };

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
  const gone = { ok: false as const, message: "That invite was already revoked, accepted or does not exist." };
  const ofEvent = and(eq(judgeInvites.eventId, eventId), eq(judgeInvites.id, inviteId), isNull(judgeInvites.revokedAt), isNull(judgeInvites.acceptedBy));
  if (!confirmation.confirmed) {
    const [row] = await db
      .select({ createdAt: judgeInvites.createdAt, expiresAt: judgeInvites.expiresAt, createdBy: users.name, email: judgeInvites.email })
      .from(judgeInvites)
      .innerJoin(users, eq(users.id, judgeInvites.createdBy))
      .where(ofEvent);
    return row ? { ok: false, confirm: { inviteId, ...row } } : gone;
  }
  const updated = await db.update(judgeInvites).set({ revokedAt: now }).where(ofEvent).returning({ id: judgeInvites.id });
  return updated.length > 0 ? { ok: true } : gone;
}

/** Not expired, not revoked, and (for an emailed invite, which works for one person) not accepted by someone else. */
const validInvite = (token: string, now: Date, userId: string | null): SQL | undefined =>
  and(
    eq(judgeInvites.tokenHash, hashToken(token)),
    isNull(judgeInvites.revokedAt),
    gt(judgeInvites.expiresAt, now),
    userId === null ? isNull(judgeInvites.acceptedBy) : or(isNull(judgeInvites.acceptedBy), eq(judgeInvites.acceptedBy, userId)),
  );

/**
 * The event a valid link is for, or null; `userId` is null for someone not signed in yet. `finalRound`: accepting it
 * now joins the final round's judges; `alreadyJudge`: the person is on the roster accepting would put them on (ADR 038).
 */
export async function findJudgeInvite(token: string, userId: string | null, now = new Date()) {
  const [row] = await db
    .select({
      eventId: events.id,
      slug: events.slug,
      title: events.title,
      phase: events.phase,
      judgingRound: events.judgingRound,
      expiresAt: judgeInvites.expiresAt,
      email: judgeInvites.email,
      roundOneJudge: sql<number>`exists(select 1 from event_judges j where j.event_id = ${events.id} and j.user_id = ${userId})`.mapWith(Boolean),
      finalJudge: sql<number>`exists(select 1 from final_judges j where j.event_id = ${events.id} and j.user_id = ${userId})`.mapWith(Boolean),
      inTeam: sql<number>`exists(select 1 from team_members m where m.event_id = ${events.id} and m.user_id = ${userId})`.mapWith(Boolean),
    })
    .from(judgeInvites)
    .innerJoin(events, eq(events.id, judgeInvites.eventId))
    .where(validInvite(token, now, userId));
  if (!row) return null;
  const { judgingRound, roundOneJudge, finalJudge, ...invite } = row;
  const finalRound = asRound(judgingRound) === 2;
  return { ...invite, finalRound, alreadyJudge: finalRound ? finalJudge : roundOneJudge };
}

/** A judge is never in a team of the event they judge (ADR 010). */
export const JUDGE_IN_TEAM_MESSAGE =
  "You are in a team of this event, so you cannot judge it. Leave the team first, or ask the organizer to invite someone else.";

/**
 * Makes the user a judge of the link's event, on the roster of the round judges join now (judgesJoinRound: the final
 * round's once it started), and recomputes its judge assignments as every roster change does. The validity check and
 * the "not in a team of this event" check are part of the INSERT, so a link revoked a moment ago no longer works.
 */
export async function acceptJudgeInvite(
  token: string,
  userId: string,
  now = new Date(),
): Promise<{ ok: true; eventId: string } | { ok: false; reason: "invalid" | "in-team" | "ended" }> {
  const [invite] = await db
    .select({ eventId: judgeInvites.eventId })
    .from(judgeInvites)
    .where(validInvite(token, now, userId));
  if (!invite) return { ok: false, reason: "invalid" };
  const round = await judgesJoinRound(invite.eventId);
  const roster = round === 2 ? sql`final_judges` : sql`event_judges`;
  // An emailed invite is used up by the one who accepts it, in the same transaction as the judge row.
  await db.batch([
    joinJudgesStatement(
      invite.eventId,
      userId,
      round,
      sql`exists (select 1 from ${judgeInvites} where ${validInvite(token, now, userId)} and ${judgeInvites.eventId} = ${invite.eventId})`,
    ),
    db
      .update(judgeInvites)
      .set({ acceptedBy: userId, acceptedAt: now })
      .where(
        and(
          eq(judgeInvites.tokenHash, hashToken(token)),
          isNotNull(judgeInvites.email),
          isNull(judgeInvites.acceptedBy),
          sql`exists (select 1 from ${roster} j where j.event_id = ${judgeInvites.eventId} and j.user_id = ${userId})`,
        ),
      ),
  ]);
  if (await onJudgesRoster(invite.eventId, userId, round)) {
    await recomputeAssignmentsOf(invite.eventId);
    return { ok: true, eventId: invite.eventId };
  }
  const [member] = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.eventId, invite.eventId), eq(teamMembers.userId, userId)));
  if (member) return { ok: false, reason: "in-team" };
  const [{ phase }] = await db.select({ phase: events.phase }).from(events).where(eq(events.id, invite.eventId));
  return { ok: false, reason: phase === "closed" ? "ended" : "invalid" };
}

// ——— Invites mailed to one address (ADR 027) ———

/** How long an emailed invite works; resending starts the period again. */
const EMAIL_INVITE_DAYS = 14;
/** How long after a mail "Resend" mails again (resendJudgeInvite). */
const RESEND_AFTER_MS = 60_000;

type InvitingEvent = { id: string; slug: string; title: string; timezone: string };
/** `added`: the person had an account and joined the judges of `round` at once; `invited`: an invite was mailed. */
export type EmailInviteResult = { ok: true; added: string; round: JudgingRound } | { ok: true; invited: string } | { ok: false; message: string };

const inviteMail = (event: InvitingEvent, inviterName: string, token: string, expiresAt: Date, origin: string) =>
  judgeInvitedMail({
    inviterName,
    eventTitle: event.title,
    inviteUrl: new URL(`/judge-invite/${token}`, origin).toString(),
    validUntil: formatInZone(expiresAt, event.timezone),
  });

const pendingFor = (eventId: string, email: string) =>
  sql`exists (select 1 from judge_invites i where i.event_id = ${eventId} and i.email = ${email} and i.revoked_at is null and i.accepted_by is null)`;

/**
 * Invites `email` to judge: someone with an account is added at once (as on the Manage page, with its
 * notice); anyone else gets an invite link by mail, queued in the same transaction as the invite row. A
 * second invite to an address with one still pending changes nothing and mails nothing (resend that one).
 */
export async function inviteJudgeByEmail(opts: {
  event: InvitingEvent;
  email: string;
  inviter: { id: string; name: string };
  origin?: string;
  now?: Date;
}): Promise<EmailInviteResult> {
  const { event, inviter } = opts;
  const origin = opts.origin ?? configuredOrigin();
  const now = opts.now ?? new Date();
  const email = opts.email.trim().toLowerCase();
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (account) {
    const added = await addJudge(event.id, email, origin);
    return added.ok ? { ok: true, added: added.name, round: added.round } : added;
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + EMAIL_INVITE_DAYS * 86_400_000);
  const mail = await mailStatementsIfChanged([{ to: email, content: inviteMail(event, inviter.name, token, expiresAt, origin) }], origin);
  const [inserted] = await db.batch([
    db.run(sql`insert into judge_invites (id, event_id, token_hash, created_by, expires_at, email, created_at)
      select ${newId()}, ${event.id}, ${hashToken(token)}, ${inviter.id}, ${Math.floor(expiresAt.getTime() / 1000)}, ${email}, ${Math.floor(now.getTime() / 1000)}
      where not ${pendingFor(event.id, email)}`),
    ...mail,
  ]);
  if (inserted.rowsAffected === 0) return { ok: false, message: `${email} already has an invite waiting. Resend it from the list below.` };
  return { ok: true, invited: email };
}

/** Emailed invites nobody accepted or withdrew yet, newest first, with times in the event's zone. */
export async function pendingEmailInvites(eventId: string, timezone: string, now = new Date()) {
  const rows = await db
    .select({ id: judgeInvites.id, email: judgeInvites.email, createdAt: judgeInvites.createdAt, expiresAt: judgeInvites.expiresAt, createdBy: users.name })
    .from(judgeInvites)
    .innerJoin(users, eq(users.id, judgeInvites.createdBy))
    .where(and(eq(judgeInvites.eventId, eventId), isNotNull(judgeInvites.email), isNull(judgeInvites.revokedAt), isNull(judgeInvites.acceptedBy)))
    .orderBy(desc(judgeInvites.createdAt), desc(judgeInvites.id));
  return rows.map((r) => {
    // A resend restarts the invite's period (resendJudgeInvite), so the last mail went out that long before it ends.
    const lastSent = new Date(r.expiresAt.getTime() - EMAIL_INVITE_DAYS * 86_400_000);
    return {
      id: r.id,
      email: r.email ?? "",
      createdBy: r.createdBy,
      createdAt: formatInZone(r.createdAt, timezone),
      resentAt: lastSent.getTime() - r.createdAt.getTime() >= 60_000 ? formatInZone(lastSent, timezone) : null,
      expiresAt: formatInZone(r.expiresAt, timezone),
      expired: r.expiresAt <= now,
    };
  });
}

/**
 * Mails a pending invite again with a new link (the old one stops working) valid for another
 * EMAIL_INVITE_DAYS. The mail hangs on the guarded UPDATE, so a withdrawn or accepted invite mails nobody. An invite
 * mailed less than a minute ago is not mailed again (`recent`): a double press would send two mails, the first with a
 * link that no longer works. The UPDATE holds that too, for presses whose reads overlap.
 */
export async function resendJudgeInvite(opts: {
  event: InvitingEvent;
  inviteId: string;
  inviter: { id: string; name: string };
  origin?: string;
  now?: Date;
}): Promise<{ ok: true; email: string; recent: boolean } | { ok: false; message: string }> {
  const { event } = opts;
  const origin = opts.origin ?? configuredOrigin();
  const now = opts.now ?? new Date();
  // Each mail sets the link to expire EMAIL_INVITE_DAYS after it was sent: one expiring later than this went within the minute.
  const sentWithinMinute = gt(judgeInvites.expiresAt, new Date(now.getTime() + EMAIL_INVITE_DAYS * 86_400_000 - RESEND_AFTER_MS));
  const pending = and(
    eq(judgeInvites.eventId, event.id),
    eq(judgeInvites.id, opts.inviteId),
    isNotNull(judgeInvites.email),
    isNull(judgeInvites.revokedAt),
    isNull(judgeInvites.acceptedBy),
  );
  const [invite] = await db
    .select({ email: judgeInvites.email, recent: sql<number>`${sentWithinMinute}` })
    .from(judgeInvites)
    .where(pending);
  if (!invite?.email) return { ok: false, message: "That invite was withdrawn, accepted or does not exist." };
  if (Number(invite.recent) === 1) return { ok: true, email: invite.email, recent: true };
  const token = newToken();
  const expiresAt = new Date(now.getTime() + EMAIL_INVITE_DAYS * 86_400_000);
  const mail = await mailStatementsIfChanged([{ to: invite.email, content: inviteMail(event, opts.inviter.name, token, expiresAt, origin) }], origin);
  const [updated] = await db.batch([
    db
      .update(judgeInvites)
      .set({ tokenHash: hashToken(token), expiresAt })
      .where(and(pending, not(sentWithinMinute)))
      .returning({ id: judgeInvites.id }),
    ...mail,
  ]);
  if (updated.length > 0) return { ok: true, email: invite.email, recent: false };
  // Another press mailed it between the read and the UPDATE: that mail's link is the one that works.
  const [still] = await db.select({ email: judgeInvites.email }).from(judgeInvites).where(pending);
  return still?.email ? { ok: true, email: still.email, recent: true } : { ok: false, message: "That invite was withdrawn, accepted or does not exist." };
}
