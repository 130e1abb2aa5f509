import { redirect } from "@remix-run/node";
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
