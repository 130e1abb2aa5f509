// Password sign-up and the confirmation of its address (ADR 028). Sign-up answers the same whether or not
// the address has an account: a new one gets a confirmation link, an existing one's owner a security mail.
// Links are like password resets: only a hash is stored, they expire, and using one spends every open link
// of the account.
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { emailVerifications, users } from "#db/schema";
import { db } from "~/db.server";
import { hashToken, newToken } from "~/lib/tokens.server";
import { hit, type Limit } from "~/lib/rate-limit.server";
import { newId } from "~/lib/ids";
import { emailVerificationMail, signUpAttemptMail } from "~/modules/mail/messages";
import { mailStatements } from "~/modules/mail/outbox.server";
import { domainRefusal } from "./accounts.server";
import { VERIFY_VALID_HOURS } from "./email-verification";
import { hashPassword } from "./password.server";
import { safeRedirect } from "./schemas";

const limits = {
  // Mails to the owner of an address someone tries to sign up with: nobody floods an inbox through the form.
  attemptMailPerEmail: { max: 3, windowSeconds: 60 * 60 },
  // "Send the link again", per account.
  resendPerAccount: { max: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;

/** `next`: where the person was going when they signed up (an invite link, say), carried through the link to sign-in. */
function newLink(user: { id: string; name: string; email: string }, origin: string, now: Date, next?: string) {
  const token = newToken();
  const row = { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(now.getTime() + VERIFY_VALID_HOURS * 3_600_000) };
  const link = new URL(`/verify-email/${token}`, origin);
  const to = safeRedirect(next, "");
  if (to && to !== "/") link.searchParams.set("next", to);
  const verifyUrl = link.toString();
  return {
    token,
    insert: db.insert(emailVerifications).values(row),
    mail: emailVerificationMail({ name: user.name, verifyUrl, validHours: VERIFY_VALID_HOURS }),
  };
}

type SignUpResult = { ok: true } | { ok: false; field: "email"; message: string };

/**
 * A password sign-up. A new address gets an unconfirmed account and a confirmation link by mail; an address
 * that has an account gets nothing new, and its owner a mail saying someone tried. Both answer `{ ok: true }`
 * after the same work (the password is hashed either way), so the answer says nothing about the address.
 */
export async function signUp(
  input: { name: string; email: string; password: string; redirectTo?: string },
  origin: string,
  now = new Date(),
): Promise<SignUpResult> {
  const refusal = domainRefusal(input.email);
  if (refusal) return { ok: false, field: "email", message: refusal };
  const passwordHash = await hashPassword(input.password);
  const user = { id: newId(), name: input.name, email: input.email };
  const inserted = await db
    .insert(users)
    .values({ ...user, passwordHash, role: "member", emailVerifiedAt: null })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (inserted.length > 0) {
    const link = newLink(user, origin, now, input.redirectTo);
    await db.batch([link.insert, ...(await mailStatements([{ to: user.email, content: link.mail }], origin))]);
    return { ok: true };
  }
  const [owner] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.email, input.email));
  if (owner && (await hit(`signup-attempt:${owner.email}`, limits.attemptMailPerEmail, now)).allowed) {
    const content = signUpAttemptMail({
      name: owner.name,
      signInUrl: new URL("/login", origin).toString(),
      resetUrl: new URL("/forgot-password", origin).toString(),
    });
    for (const statement of await mailStatements([{ to: owner.email, content }], origin)) await statement;
  }
  return { ok: true };
}

type ResendResult = { ok: true } | { ok: false; reason: "verified" } | { ok: false; reason: "too-many"; retryAfterSeconds: number };

/** "Send the link again" for a signed-in account that has not confirmed its address; at most 3 an hour. */
export async function resendVerification(userId: string, origin: string, now = new Date(), next?: string): Promise<ResendResult> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
  if (!user) return { ok: false, reason: "verified" };
  const limit = await hit(`verify-resend:${userId}`, limits.resendPerAccount, now);
  if (!limit.allowed) return { ok: false, reason: "too-many", retryAfterSeconds: limit.retryAfterSeconds };
  const link = newLink(user, origin, now, next);
  await db.batch([link.insert, ...(await mailStatements([{ to: user.email, content: link.mail }], origin))]);
  return { ok: true };
}

const usable = (token: string, now: Date) =>
  and(eq(emailVerifications.tokenHash, hashToken(token)), isNull(emailVerifications.usedAt), gt(emailVerifications.expiresAt, now));

/** The account a still-usable link confirms, or null (unknown, used or expired). */
export async function findVerification(token: string, now = new Date()) {
  if (token.length > 200) return null;
  const [row] = await db
    .select({ userId: users.id, email: users.email })
    .from(emailVerifications)
    .innerJoin(users, eq(users.id, emailVerifications.userId))
    .where(usable(token, now));
  return row ?? null;
}

/** Confirms the address if the link is still usable and spends every open link of the account, in one transaction. */
export async function verifyEmail(token: string, now = new Date()): Promise<{ ok: true; userId: string } | { ok: false }> {
  const owner = db.select({ userId: emailVerifications.userId }).from(emailVerifications).where(usable(token, now));
  const [, spent] = await db.batch([
    db
      .update(users)
      .set({ emailVerifiedAt: now })
      .where(and(inArray(users.id, owner), isNull(users.emailVerifiedAt))),
    db
      .update(emailVerifications)
      .set({ usedAt: now })
      .where(and(isNull(emailVerifications.usedAt), inArray(emailVerifications.userId, owner)))
      .returning({ userId: emailVerifications.userId }),
  ]);
  return spent.length > 0 ? { ok: true, userId: spent[0].userId } : { ok: false };
}
