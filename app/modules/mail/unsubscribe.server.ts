// The one-click unsubscribe link: the address it stops, signed with SESSION_SECRET so nobody can stop
// someone else's mail by editing the link.
import crypto from "node:crypto";
import { env } from "~/env.server";

const sign = (email: string) => crypto.createHmac("sha256", env().sessionSecret).update(`unsubscribe:${email}`).digest("base64url");

/** The token for an address: the address itself (base64url) and its signature. */
export function unsubscribeToken(email: string): string {
  return `${Buffer.from(email.toLowerCase()).toString("base64url")}.${sign(email.toLowerCase())}`;
}

/** The address a token stops, or null when it was not signed by this app. */
export function readUnsubscribeToken(token: string): string | null {
  const [encoded, signature] = token.split(".");
  if (!encoded || !signature) return null;
  const email = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = Buffer.from(sign(email));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? email : null;
}

export function unsubscribeUrl(origin: string, email: string): string {
  return new URL(`/unsubscribe/${unsubscribeToken(email)}`, origin).toString();
}
