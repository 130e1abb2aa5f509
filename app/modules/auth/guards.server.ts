import { redirect } from "@remix-run/node";
import { env } from "~/env.server";
import { readSession, type SessionUser } from "./session.server";
import type { Actor } from "./permissions";

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await readSession(request)).user;
}

/** Signed-out visitors go to sign-in and come back to where they were. */
export async function requireUser(request: Request): Promise<SessionUser & Actor> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getOptionalUser(request)) throw redirect("/");
}

/**
 * Pages that only make sense with password sign-in on (sign-up, forgotten and reset passwords): with
 * PASSWORD_LOGIN=false people sign in with single sign-on only (ADR 016), so they go to the sign-in page.
 */
export function requirePasswordLogin() {
  if (!env().passwordLogin) throw redirect("/login");
}
