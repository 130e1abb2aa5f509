// Usage: npm run user:sign-in-link -- someone@example.com
// Break-glass (ADR 016): prints a one-time sign-in link, valid for 15 minutes, for an existing account. For
// an SSO-only deployment whose provider is down, or an admin who must get in before SSO works.
import { dbClient } from "~/db.server";
import { env } from "~/env.server";
import { createSignInLink, SIGN_IN_LINK_MINUTES } from "~/modules/auth/sign-in-links.server";

const [email] = process.argv.slice(2);
if (!email) {
  console.error("Usage: npm run user:sign-in-link -- <email>");
  process.exit(2);
}
const link = await createSignInLink(email);
dbClient.close();
if (!link) {
  console.error(`No account with email ${email}. They need to sign in once first (with SSO or a password).`);
  process.exit(1);
}
const origin = env().appUrl ?? `http://localhost:${process.env.PORT ?? 3000}`;
console.log(`One-time sign-in link for ${link.name} <${email}>, valid for ${SIGN_IN_LINK_MINUTES} minutes:\n${origin}/auth/link/${link.token}`);
