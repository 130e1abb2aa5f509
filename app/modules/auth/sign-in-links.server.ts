// One-time sign-in links: the break-glass way in when password sign-in is off and the provider is down
// (ADR 016). Printed on the server's console by `npm run user:sign-in-link`; only a hash is stored.
import { and, eq, gt, lte } from "drizzle-orm";
import { signInLinks, users } from "#db/schema";
import { db } from "~/db.server";
import { hashToken, newToken } from "~/lib/tokens.server";

export const SIGN_IN_LINK_MINUTES = 15;

/** A new link for the account with this email (null when there is none); the token is shown once. */
export async function createSignInLink(email: string, now = new Date()): Promise<{ token: string; name: string } | null> {
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user) return null;
  await db.delete(signInLinks).where(lte(signInLinks.expiresAt, now));
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  await db.insert(signInLinks).values({ tokenHash: hashToken(token), userId: user.id, expiresAt });
  return { token, name: user.name };
}

/** Whose link this is, without using it up (the page asks before signing in, so a link preview cannot spend it). */
export async function findSignInLink(token: string, now = new Date()): Promise<{ name: string } | null> {
  const [row] = await db
    .select({ name: users.name })
    .from(signInLinks)
    .innerJoin(users, eq(users.id, signInLinks.userId))
    .where(and(eq(signInLinks.tokenHash, hashToken(token)), gt(signInLinks.expiresAt, now)));
  return row ?? null;
}

/** Uses the link up: deleting it in the same statement that reads it, so two clicks never both sign in. */
export async function redeemSignInLink(token: string, now = new Date()): Promise<string | null> {
  const [row] = await db
    .delete(signInLinks)
    .where(and(eq(signInLinks.tokenHash, hashToken(token)), gt(signInLinks.expiresAt, now)))
    .returning({ userId: signInLinks.userId });
  return row?.userId ?? null;
}
