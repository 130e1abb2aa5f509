// Single sign-on rules, pure: what a verified OpenID Connect identity may do with the accounts we have
// (ADR 016). The flow itself (discovery, PKCE, token checks) is in sso.server.ts.
import type { GlobalRole } from "#db/enums";
import { isEmailDomainAllowed } from "./schemas";

/** What the provider told us about the person, after the ID token was verified. */
export type SsoClaims = {
  issuer: string;
  subject: string;
  /** Lower-cased; undefined when the provider sent none. */
  email: string | undefined;
  /** Only an explicit `email_verified: true` counts: many providers omit it. */
  emailVerified: boolean;
  name: string | undefined;
  groups: string[];
};

export type SsoRefusal = "missing-email" | "domain-not-allowed" | "email-unverified";

export type AccountDecision =
  | { kind: "sign-in"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "create"; email: string; name: string }
  | { kind: "refuse"; reason: SsoRefusal };

/**
 * Which account a sign-in lands in. An identity already linked signs straight in. Otherwise the email
 * decides: it must be there and in an allowed domain; an existing account with that email is linked only
 * when the provider vouches for the address, because an unverified email could be anyone's.
 */
export function decideAccount(input: {
  claims: SsoClaims;
  linkedUserId: string | null;
  userIdWithEmail: string | null;
  allowedDomains: string[];
}): AccountDecision {
  const { claims, linkedUserId, userIdWithEmail, allowedDomains } = input;
  if (claims.email && !isEmailDomainAllowed(claims.email, allowedDomains)) return { kind: "refuse", reason: "domain-not-allowed" };
  if (linkedUserId) return { kind: "sign-in", userId: linkedUserId };
  if (!claims.email) return { kind: "refuse", reason: "missing-email" };
  if (userIdWithEmail) return claims.emailVerified ? { kind: "link", userId: userIdWithEmail } : { kind: "refuse", reason: "email-unverified" };
  return { kind: "create", email: claims.email, name: displayName(claims) };
}

const MAX_NAME = 80;

/** The name a new account gets: the `name` claim, else the email's local part. */
export function displayName(claims: Pick<SsoClaims, "name" | "email">): string {
  const name = claims.name?.trim() || claims.email?.split("@")[0] || "Member";
  return name.slice(0, MAX_NAME);
}

export type GroupRoles = { organizerGroup: string | undefined; adminGroup: string | undefined };

/**
 * The global role after a sign-in. Each configured group owns its role: members of the admin group are
 * admins, and an admin outside it loses the role; likewise the organizer group for organizers. A role
 * whose group is not configured is left as it is (granted at /admin/users or by the promote script).
 */
export function roleFromGroups(current: GlobalRole, groups: string[], config: GroupRoles): GlobalRole {
  const { organizerGroup, adminGroup } = config;
  if (adminGroup && groups.includes(adminGroup)) return "admin";
  let role = current;
  if (adminGroup && role === "admin") role = "member";
  if (organizerGroup && role !== "admin") role = groups.includes(organizerGroup) ? "organizer" : "member";
  return role;
}

/** Reads the `groups` claim, which providers send as an array of names (or, rarely, one string). */
export function readGroups(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string");
  return [];
}

/** An http issuer is accepted only on this machine (tests, a local provider): anywhere else plain http would let anyone on the path forge sign-ins. */
export function isAcceptableIssuer(issuer: URL): boolean {
  if (issuer.protocol === "https:") return true;
  return issuer.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(issuer.hostname);
}

export type SsoFailure =
  SsoRefusal | "cancelled" | "flow-expired" | "state-mismatch" | "code-rejected" | "provider-down" | "provider-error" | "invalid-response";

/** What the person sees for each failure: what happened and what to do. Never a stack trace. */
export const failureMessages: Record<SsoFailure, { title: string; message: string; status: number }> = {
  cancelled: { title: "Sign-in cancelled", message: "You cancelled signing in with your company account. Nothing changed.", status: 400 },
  "flow-expired": {
    title: "That sign-in expired",
    message: "The sign-in took too long, or this browser did not keep our cookie. Start again from the sign-in page.",
    status: 400,
  },
  "state-mismatch": {
    title: "That sign-in did not start here",
    message: "The answer from the sign-in provider does not belong to the sign-in this browser started, so it was refused. Start again from the sign-in page.",
    status: 400,
  },
  "code-rejected": {
    title: "That sign-in link was already used or expired",
    message: "The provider refused the sign-in code: it is used once and only for a short time. Start again from the sign-in page.",
    status: 400,
  },
  "provider-down": {
    title: "The sign-in provider is not answering",
    message: "We could not reach your company's sign-in provider. Try again in a few minutes; if it keeps happening, tell your administrator.",
    status: 502,
  },
  "provider-error": {
    title: "The sign-in provider refused",
    message: "Your company's sign-in provider answered with an error. Try again; if it keeps happening, tell your administrator.",
    status: 502,
  },
  "invalid-response": {
    title: "The sign-in could not be verified",
    message: "The provider's answer failed our checks (signature, issuer, audience or nonce), so it was refused. Start again from the sign-in page.",
    status: 400,
  },
  "missing-email": {
    title: "Your company account has no email address",
    message: "The sign-in provider did not tell us your email address, which every account here needs. Ask your administrator to release the email claim.",
    status: 403,
  },
  "domain-not-allowed": {
    title: "This email domain is not allowed",
    message: "Accounts here are limited to certain company email domains, and the address your provider gave is not one of them.",
    status: 403,
  },
  "email-unverified": {
    title: "We could not link your account",
    message:
      "An account with this email already exists, and your provider did not confirm the address is yours, so we did not link them. Sign in with your password, or ask your administrator.",
    status: 403,
  },
};
