import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { emailChanges, eventOrganizers, events, users, type GlobalRole } from "#db/schema";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { newId } from "~/lib/ids";
import { dummyPasswordHash, hashPassword, NO_PASSWORD_HASH, verifyPassword, verifyPasswordUnlessBusy } from "./password.server";
import { isEmailDomainAllowed } from "./schemas";

export type SignUpResult = { ok: true; userId: string } | { ok: false; field: "email"; message: string };

/** Why ALLOWED_EMAIL_DOMAINS refuses this address, or null. */
export function domainRefusal(email: string): string | null {
  const domains = env().allowedEmailDomains;
  return isEmailDomainAllowed(email, domains) ? null : `Sign-up is limited to ${domains.map((d) => "@" + d).join(", ")} addresses`;
}

/**
 * An account made on the server (demo data, scripts, tests): its address counts as confirmed unless
 * `emailVerified: false`. People signing up on the site go through signUp (email-verification.server.ts).
 */
export async function createAccount(input: {
  name: string;
  email: string;
  password: string;
  role?: GlobalRole;
  emailVerified?: boolean;
}): Promise<SignUpResult> {
  const refusal = domainRefusal(input.email);
  if (refusal) return { ok: false, field: "email", message: refusal };
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  const inserted = await db
    .insert(users)
    .values({
      id,
      name: input.name,
      email: input.email,
      passwordHash,
      role: input.role ?? "member",
      emailVerifiedAt: input.emailVerified === false ? null : new Date(),
    })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (inserted.length === 0) return { ok: false, field: "email", message: "An account with this email already exists. Sign in instead." };
  return { ok: true, userId: id };
}

/**
 * Returns the user id when the email and password match; null otherwise, in constant-ish time; "busy" when too many
 * sign-ins already wait for a password check (ADR 039), before any is made.
 */
export async function checkCredentials(email: string, password: string): Promise<string | null | "busy"> {
  const [user] = await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email));
  // An account only single sign-on opens has no hash to check: the dummy one takes as long as a real check, so timing
  // does not tell such accounts from the others, nor from addresses without an account.
  const usable = user && user.passwordHash !== NO_PASSWORD_HASH ? user.passwordHash : null;
  const matches = await verifyPasswordUnlessBusy(usable ?? (await dummyPasswordHash()), password);
  if (matches === "busy") return "busy";
  return user && usable && matches ? user.id : null;
}

export function listAccounts() {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .orderBy(asc(users.name));
}

/** The events each account organizes: the global role only lets someone create events, these grants stay (ADR 011). */
export function listOrganizedEvents(userId?: string) {
  return db
    .select({ userId: eventOrganizers.userId, slug: events.slug, title: events.title })
    .from(eventOrganizers)
    .innerJoin(events, eq(events.id, eventOrganizers.eventId))
    .where(userId ? eq(eventOrganizers.userId, userId) : undefined)
    .orderBy(asc(events.title));
}

/** Changes a global role. Admins are changed only by the promote script, so nobody locks the last admin out. */
export async function setOrganizerRole(userId: string, organizer: boolean) {
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  if (!user) return { ok: false as const, admin: false, message: "Account not found" };
  // The rule is in the UPDATE itself: someone the promote script made an admin since the page was read keeps the role.
  const changed = await db
    .update(users)
    .set({ role: organizer ? "organizer" : "member" })
    .where(and(eq(users.id, userId), ne(users.role, "admin")))
    .returning({ id: users.id });
  if (changed.length === 0)
    return {
      ok: false as const,
      admin: true,
      message: `${user.name} is an admin, made one since the page was read. Admins keep their role; use the promote script to change an admin.`,
    };
  return { ok: true as const, name: user.name, organizes: (await listOrganizedEvents(userId)).length };
}

/**
 * How this person signs in with a password here: "on"; "no-password" for an account made by single sign-on
 * that never set one; "off" when the site turned password sign-in off (PASSWORD_LOGIN=false).
 */
export type PasswordSignIn = "on" | "no-password" | "off";

export async function passwordSignIn(userId: string): Promise<PasswordSignIn> {
  if (!env().passwordLogin) return "off";
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return user && user.passwordHash !== NO_PASSWORD_HASH ? "on" : "no-password";
}

/** Changes the password when the current one is right; the caller ends the other sessions. */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) return { ok: false, message: "That is not your current password." };
  await db.batch([
    db
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword) })
      .where(eq(users.id, userId)),
    // A change of address waiting for its link goes with the old password, as with a reset (ADR 065): whoever knew the
    // password may have asked for it, and its link needs no session (ADR 072).
    db.delete(emailChanges).where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt))),
  ]);
  return { ok: true };
}
