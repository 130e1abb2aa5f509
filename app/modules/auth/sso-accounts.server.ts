// Which account a verified SSO identity signs into: looks up the (issuer, subject) link and the email,
// lets sso.ts decide, then links, creates, and maps groups to roles (ADR 016).
import { and, eq, isNull, sql } from "drizzle-orm";
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
      // The account's address moved meanwhile (a change of address confirmed between the look-up and the link):
      // nothing was linked; decide again with the address as it is now.
      if (!(await linkAndConfirm(claims, userId))) return resolveSsoAccount(claims, settings);
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
 * Links the identity to the account that has the provider's verified address, and confirms that address: in one
 * batch whose every statement holds only while the account still has that address, so a change of address confirmed
 * at the same moment cannot slip between the link and the clean-up. An account that had not confirmed its address
 * was made by whoever typed it at sign-up: its password and sessions go, so only the provider's sign-in opens it (ADR
 * 028), and so does every link that person could still use: above all a change of address they asked for, whose link
 * went to an address they read and would move the account there; the other links went to the account's address, and
 * are spent too. Returns whether the identity is linked to the account.
 */
export async function linkAndConfirm(claims: SsoClaims, userId: string): Promise<boolean> {
  const email = claims.email ?? "";
  const stillUnconfirmed = sql`exists (select 1 from users where id = ${userId} and email = ${email} and email_verified_at is null)`;
  const now = new Date();
  await db.batch([
    db.run(sql`insert into user_identities (issuer, subject, user_id)
      select ${claims.issuer}, ${claims.subject}, id from users where id = ${userId} and email = ${email}
      on conflict do nothing`),
    db.delete(sessions).where(and(eq(sessions.userId, userId), stillUnconfirmed)),
    db.delete(emailChanges).where(and(eq(emailChanges.userId, userId), isNull(emailChanges.usedAt), stillUnconfirmed)),
    db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), stillUnconfirmed)),
    db.delete(signInLinks).where(and(eq(signInLinks.userId, userId), stillUnconfirmed)),
    // Last: the statements above read the account as not confirmed yet.
    db
      .update(users)
      .set({ emailVerifiedAt: now, passwordHash: NO_PASSWORD_HASH })
      .where(and(eq(users.id, userId), eq(users.email, email), isNull(users.emailVerifiedAt))),
  ]);
  const [linked] = await db
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, claims.issuer), eq(userIdentities.subject, claims.subject)));
  return linked?.userId === userId;
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
