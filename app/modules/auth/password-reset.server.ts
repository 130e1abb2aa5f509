// Password reset: a one-time link, mailed through the outbox (or handed over by an admin). Only a hash
// of the token is stored; using it changes the password, ends every session of the account and
// spends every other open link of the account, all in one transaction.
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { emailChanges, passwordResets, sessions, users } from "#db/schema";
import { db } from "~/db.server";
import { hashToken, newToken } from "~/lib/tokens.server";
import { hit, type Limit } from "~/lib/rate-limit.server";
import { passwordResetMail } from "~/modules/mail/messages";
import { mailStatements } from "~/modules/mail/outbox.server";
import { hashPassword } from "./password.server";
import { RESET_VALID_MINUTES } from "./password-reset";

// Per address, so nobody floods one inbox; per client address, so nobody walks the whole user list.
const resetLimits = {
  perEmail: { max: 3, windowSeconds: 60 * 60 },
  perIp: { max: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;

const resetUrl = (origin: string, token: string) => new URL(`/reset-password/${token}`, origin).toString();

function newReset(userId: string, now: Date) {
  const token = newToken();
  const row = { tokenHash: hashToken(token), userId, expiresAt: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000) };
  return { token, insert: db.insert(passwordResets).values(row) };
}

/**
 * Mails a reset link when the address has an account; does nothing visible otherwise. Refused (429)
 * only for too many requests from one client address, which says nothing about any account.
 */
export async function requestPasswordReset(
  email: string,
  origin: string,
  clientIp = "unknown",
  now = new Date(),
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const perIp = await hit(`reset:${clientIp}`, resetLimits.perIp, now);
  if (!perIp.allowed) return { ok: false, retryAfterSeconds: perIp.retryAfterSeconds };
  // Over the per-address limit the answer stays the same; the mail is just not sent again.
  if (!(await hit(`reset-email:${email}`, resetLimits.perEmail, now)).allowed) return { ok: true };
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.email, email));
  if (!user) return { ok: true };
  const { token, insert } = newReset(user.id, now);
  // The link and its mail are committed together: no mail for a link that does not exist, no link without its mail.
  const mail = await mailStatements(
    [{ to: user.email, content: passwordResetMail({ name: user.name, resetUrl: resetUrl(origin, token), validMinutes: RESET_VALID_MINUTES }) }],
    origin,
  );
  await db.batch([insert, ...mail]);
  return { ok: true };
}

/** The same kind of link for an admin to hand over (no mail): for deployments without SMTP. */
export async function createResetLink(userId: string, origin: string, now = new Date()): Promise<{ url: string; name: string } | null> {
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  const { token, insert } = newReset(user.id, now);
  await insert;
  return { url: resetUrl(origin, token), name: user.name };
}

const usable = (token: string, now: Date) =>
  and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now));

/** The account a still-usable link resets, or null (unknown, used or expired). */
export async function findResetAccount(token: string, now = new Date()) {
  if (token.length > 200) return null;
  const [row] = await db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(usable(token, now));
  return row ?? null;
}

/**
 * Sets the new password if the link is still usable; ends every session of the account and spends every
 * open link of it. One transaction: of two uses of one link, exactly one changes the password.
 */
export async function resetPassword(token: string, newPassword: string, now = new Date()): Promise<{ ok: true; userId: string } | { ok: false }> {
  const passwordHash = await hashPassword(newPassword);
  const owner = db.select({ userId: passwordResets.userId }).from(passwordResets).where(usable(token, now));
  const [, , , spent] = await db.batch([
    // The link came by mail (or from an admin), so the address is confirmed too (ADR 028).
    db
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${Math.floor(now.getTime() / 1000)})` })
      .where(inArray(users.id, owner)),
    db.delete(sessions).where(inArray(sessions.userId, owner)),
    // A change of address asked for by whoever had a session is cancelled with it (ADR 065).
    db.delete(emailChanges).where(inArray(emailChanges.userId, owner)),
    db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(isNull(passwordResets.usedAt), inArray(passwordResets.userId, owner)))
      .returning({ userId: passwordResets.userId }),
  ]);
  return spent.length > 0 ? { ok: true, userId: spent[0].userId } : { ok: false };
}
