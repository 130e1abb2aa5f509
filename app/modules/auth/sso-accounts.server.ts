// Which account a verified SSO identity signs into: looks up the (issuer, subject) link and the email,
// lets sso.ts decide, then links, creates, and maps groups to roles (ADR 016).
import { and, eq, isNull } from "drizzle-orm";
import { emailChanges, passwordResets, sessions, signInLinks, userIdentities, users } from "#db/schema";
import { db } from "~/db.server";
import { env, type OidcSettings } from "~/env.server";
import { newId } from "~/lib/ids";
import { NO_PASSWORD_HASH } from "./password.server";
import { decideAccount, roleFromGroups, type SsoClaims, type SsoRefusal } from "./sso";

export type Resolved = { ok: true; userId: string; created: boolean; linked: boolean } | { ok: false; failure: SsoRefusal };

export async function resolveSsoAccount(claims: SsoClaims, settings: Pick<OidcSettings, "organizerGroup" | "adminGroup">): Promise<Resolved> {
  const [link] = await db
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, claims.issuer), eq(userIdentities.subject, claims.subject)));
  const [byEmail] = claims.email ? await db.select({ id: users.id }).from(users).where(eq(users.email, claims.email)) : [];
  const decision = decideAccount({
    claims,
    linkedUserId: link?.userId ?? null,
    userIdWithEmail: byEmail?.id ?? null,
    allowedDomains: env().allowedEmailDomains,
  });
  let userId: string;
  switch (decision.kind) {
    case "refuse":
      return { ok: false, failure: decision.reason };
    case "sign-in":
      userId = decision.userId;
      break;
    case "link":
      userId = decision.userId;
      await addIdentity(claims, userId);
      await confirmThroughProvider(userId);
      break;
    case "create": {
      const id = newId();
      const role = roleFromGroups("member", claims.groups, settings);
      const inserted = await db
        .insert(users)
        .values({ id, email: decision.email, name: decision.name, passwordHash: NO_PASSWORD_HASH, role, emailVerifiedAt: new Date() })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      // Someone took the email between our look-up and the insert: decide again with that account in view.
      if (inserted.length === 0) return resolveSsoAccount(claims, settings);
      userId = id;
      await addIdentity(claims, userId);
      return { ok: true, userId, created: true, linked: false };
    }
  }
  await syncRole(userId, claims.groups, settings);
  return { ok: true, userId, created: false, linked: decision.kind === "link" };
}

/**
 * Linking needs the provider's email_verified, so the address is confirmed now. An account that had not confirmed
 * it was made by whoever typed the address at sign-up: its password and sessions go, so only the provider's
 * sign-in opens it (ADR 028). So does every link that person could still use: above all a change of address they
 * asked for, whose link went to an address they read and would move the account there (and a password reset for it
 * with it); the other links went to the account's address, and are spent too.
 */
async function confirmThroughProvider(userId: string) {
  const [user] = await db.select({ emailVerifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  if (!user || user.emailVerifiedAt) return;
  const now = new Date();
  await db.batch([
    db
      .update(users)
      .set({ emailVerifiedAt: now, passwordHash: NO_PASSWORD_HASH })
      .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt))),
    db.delete(sessions).where(eq(sessions.userId, userId)),
    db.delete(emailChanges).where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt))),
    db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt))),
    db.delete(signInLinks).where(eq(signInLinks.userId, userId)),
  ]);
}

async function addIdentity(claims: SsoClaims, userId: string) {
  await db.insert(userIdentities).values({ issuer: claims.issuer, subject: claims.subject, userId }).onConflictDoNothing();
}

/** Each sign-in brings the role in line with the provider's groups, when group mapping is configured. */
async function syncRole(userId: string, groups: string[], settings: Pick<OidcSettings, "organizerGroup" | "adminGroup">) {
  if (!settings.organizerGroup && !settings.adminGroup) return;
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) return;
  const role = roleFromGroups(user.role, groups, settings);
  if (role !== user.role) await db.update(users).set({ role }).where(eq(users.id, userId));
}
