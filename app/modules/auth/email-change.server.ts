// Changing an account's email address (ADR 065). The current password first; then a link goes to the new address,
// and the old one is told. The address changes only when that link is opened, so nobody can move an account to an
// address they do not read. Links are like the others: only a hash is stored, they expire, and using one spends
// the account's other open changes.
import { and, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { emailChanges, emailVerifications, passwordResets, users } from "#db/schema";
import { db, isUniqueViolation } from "~/db.server";
import { hashToken, newToken } from "~/lib/tokens.server";
import { hit, type Limit } from "~/lib/rate-limit.server";
import { emailChangeMail, emailChangeNoticeMail } from "~/modules/mail/messages";
import { mailStatementsIfChanged } from "~/modules/mail/outbox.server";
import { domainRefusal } from "./accounts.server";
import { attemptCurrentPassword } from "./attempts.server";
import { NO_PASSWORD_HASH } from "./password.server";

/** A link to change the address works once, for this long. */
const EMAIL_CHANGE_VALID_HOURS = 24;

const limits = {
  // Links to a new address, per account: nobody floods another inbox through the form.
  requestsPerAccount: { max: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;

export type EmailChangeRequest =
  { ok: true; newEmail: string } | { ok: false; status: 400 | 429 | 503; field: "newEmail" | "currentPassword" | null; message: string };

/**
 * Asks for a change of address: refused beside the field for an address sign-up would refuse or the same one, and
 * for a wrong current password (throttled with the password change's), and for an address another account uses
 * (checked after the password, so only the account's owner learns it). Mails the link to the new address and a
 * notice to the old one. The unique index still decides when the link is opened.
 */
export async function requestEmailChange(
  user: { id: string; name: string; email: string },
  input: { newEmail: string; currentPassword: string },
  origin: string,
  now = new Date(),
): Promise<EmailChangeRequest> {
  const refusal = domainRefusal(input.newEmail);
  if (refusal) return { ok: false, status: 400, field: "newEmail", message: refusal.replace("Sign-up is", "Accounts are") };
  if (input.newEmail === user.email) return { ok: false, status: 400, field: "newEmail", message: "That is your address already." };
  const checked = await attemptCurrentPassword(user.id, user.email, input.currentPassword);
  if (!checked.ok) return { ...checked, field: checked.status === 400 ? "currentPassword" : null };
  // Said only after the password, and at most three times an hour with the link limit below: a colleague's address
  // already in use would otherwise get a link it can never use, in someone else's name.
  if (await addressTaken(input.newEmail))
    return { ok: false, status: 400, field: "newEmail", message: "Another account uses that address. Sign in to it instead, or choose another." };
  // A second press (or a resend) within moments of the first: the link just sent stands, and neither inbox gets a
  // second mail. Checked here too so a double press does not use up one of the three an hour.
  if (await justAsked(user.id, input.newEmail, now)) return { ok: true, newEmail: input.newEmail };
  const limit = await hit(`email-change:${user.id}`, limits.requestsPerAccount, now);
  if (!limit.allowed) return { ok: false, status: 429, field: null, message: "You asked for three changes of address in the last hour. Try again later." };

  const token = newToken();
  const confirmUrl = new URL(`/email-change/${token}`, origin).toString();
  const mails = [
    { to: input.newEmail, content: emailChangeMail({ name: user.name, newEmail: input.newEmail, confirmUrl, validHours: EMAIL_CHANGE_VALID_HOURS }) },
    { to: user.email, content: emailChangeNoticeMail({ name: user.name, newEmail: input.newEmail, resetUrl: new URL("/forgot-password", origin).toString() }) },
  ];
  // Two presses whose checks above overlap: only the first INSERT holds, and the mails hang on it.
  const expiresAt = Math.floor(now.getTime() / 1000) + EMAIL_CHANGE_VALID_HOURS * 3600;
  await db.batch([
    db.run(sql`insert into email_changes (token_hash, user_id, new_email, expires_at, created_at)
      select ${hashToken(token)}, ${user.id}, ${input.newEmail}, ${expiresAt}, ${Math.floor(now.getTime() / 1000)}
      where not ${recentlyAsked(user.id, input.newEmail, now)}`),
    ...(await mailStatementsIfChanged(mails, origin)),
  ]);
  return { ok: true, newEmail: input.newEmail };
}

/** A change asked again within this many seconds sends nothing new: a double press, or an impatient second one. */
export const REPEAT_SECONDS = 60;

/**
 * Whether the account's newest change still waiting, asked in the last REPEAT_SECONDS, is to this address: the one
 * the account page says it waits for. (A, then B, then A again within the minute sends A's link again: the page then
 * waits for it.)
 */
const recentlyAsked = (userId: string, newEmail: string, now: Date) => sql`coalesce((select e.new_email from email_changes e
    where e.user_id = ${userId} and e.used_at is null and e.created_at > ${Math.floor(now.getTime() / 1000) - REPEAT_SECONDS}
    order by e.created_at desc, e.rowid desc limit 1), '') = ${newEmail}`;

const justAsked = async (userId: string, newEmail: string, now: Date) =>
  Number((await db.all<{ yes: number }>(sql`select ${recentlyAsked(userId, newEmail, now)} as yes`))[0]?.yes) === 1;

const addressTaken = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email))).length > 0;

const usable = (token: string, now: Date) => and(eq(emailChanges.tokenHash, hashToken(token)), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now));

/** The change a still-usable link makes, or null (unknown, used, expired or cancelled). */
export async function findEmailChange(token: string, now = new Date()) {
  if (token.length > 200) return null;
  const [row] = await db
    .select({ userId: emailChanges.userId, newEmail: emailChanges.newEmail, name: users.name })
    .from(emailChanges)
    .innerJoin(users, eq(users.id, emailChanges.userId))
    .where(usable(token, now));
  return row ?? null;
}

/** A used link whose account has the address it asked for: the change it made, or null. */
export async function emailChangeDone(token: string): Promise<{ userId: string; newEmail: string } | null> {
  if (token.length > 200) return null;
  const [row] = await db
    .select({ userId: emailChanges.userId, newEmail: emailChanges.newEmail })
    .from(emailChanges)
    .innerJoin(users, and(eq(users.id, emailChanges.userId), eq(users.email, emailChanges.newEmail)))
    .where(and(eq(emailChanges.tokenHash, hashToken(token)), sql`${emailChanges.usedAt} is not null`));
  return row ?? null;
}

/** The account's changes still waiting for their link are cancelled ("Cancel the change" on the account page). */
export async function cancelEmailChanges(userId: string): Promise<number> {
  const gone = await db
    .delete(emailChanges)
    .where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt)))
    .returning({ tokenHash: emailChanges.tokenHash });
  return gone.length;
}

/** The newest change still waiting for its link, for the account page. */
export async function pendingEmailChange(userId: string, now = new Date()) {
  const [row] = await db
    .select({ newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt })
    .from(emailChanges)
    .where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, now)))
    .orderBy(desc(emailChanges.createdAt), desc(emailChanges.expiresAt))
    .limit(1);
  return row ?? null;
}

export type EmailChangeResult = { ok: true; userId: string; newEmail: string } | { ok: false; reason: "unusable" | "taken" };

/**
 * Moves the account to the new address if the link is still usable, in one transaction: the address (now confirmed,
 * since the link reached it), the account's other open changes spent, and its password-reset links, which went to
 * the old address, spent too. An address another account took meanwhile is refused and the link stays usable.
 */
export async function confirmEmailChange(token: string, now = new Date()): Promise<EmailChangeResult> {
  const found = await findEmailChange(token, now);
  if (!found) {
    // Pressed twice, or opened again: a link that already moved the account says so rather than "no longer works".
    const done = await emailChangeDone(token);
    return done ? { ok: true, ...done } : { ok: false, reason: "unusable" };
  }
  const owner = db.select({ userId: emailChanges.userId }).from(emailChanges).where(usable(token, now));
  try {
    const [moved] = await db.batch([
      db
        .update(users)
        .set({ email: found.newEmail, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${Math.floor(now.getTime() / 1000)})` })
        // Never an account that only single sign-on opens: its address is the provider's (ADR 065), and a change asked
        // for before the provider's sign-in confirmed the account was asked by whoever had signed up (ADR 028).
        .where(and(inArray(users.id, owner), ne(users.passwordHash, NO_PASSWORD_HASH)))
        .returning({ id: users.id }),
      db
        .update(passwordResets)
        .set({ usedAt: now })
        .where(and(isNull(passwordResets.usedAt), inArray(passwordResets.userId, owner))),
      // Confirmation links mailed to the old address confirm nothing now: opened later, they said "confirmed" (ADR 072).
      db
        .update(emailVerifications)
        .set({ usedAt: now })
        .where(and(isNull(emailVerifications.usedAt), inArray(emailVerifications.userId, owner))),
      db
        .update(emailChanges)
        .set({ usedAt: now })
        .where(and(isNull(emailChanges.usedAt), inArray(emailChanges.userId, owner))),
    ]);
    return moved.length > 0 ? { ok: true, userId: moved[0].id, newEmail: found.newEmail } : { ok: false, reason: "unusable" };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "taken" };
    throw error;
  }
}
