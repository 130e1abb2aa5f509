// The only file that knows about lucia. Swapping lucia for hand-written session
// code (as lucia's own guide now teaches) touches this file alone. See ADR 002.
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { and, count, eq, gt, lte, ne, sql } from "drizzle-orm";
import { Lucia, type DatabaseSession, type DatabaseUser, type Session, type User } from "lucia";
import { sessions, users, type GlobalRole } from "#db/schema";
import { db, preparedQuery } from "~/db.server";
import { env } from "~/env.server";
import type { Confirmation } from "~/lib/confirm";

/**
 * lucia's drizzle adapter reads a request's session and its user in two statements, the user with every column
 * (the password hash too). Every signed-in request pays this, so it is one statement here, with only the columns
 * `getUserAttributes` reads (issue 19), built once (ADR 064).
 */
const sessionAndUser = preparedQuery(() =>
  db
    .select({
      userId: sessions.userId,
      expiresAt: sessions.expiresAt,
      email: users.email,
      name: users.name,
      role: users.role,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("sessionId")))
    .prepare(),
);

class SessionAdapter extends DrizzleSQLiteAdapter {
  override async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const [row] = await sessionAndUser().all({ sessionId });
    if (!row) return [null, null];
    const { userId, expiresAt, ...attributes } = row;
    return [
      { id: sessionId, userId, expiresAt: new Date(expiresAt * 1000), attributes: {} },
      { id: userId, attributes },
    ];
  }
}

const adapter = new SessionAdapter(db, sessions, users);

const lucia = new Lucia(adapter, {
  sessionCookie: {
    name: "pf_session",
    attributes: { secure: env().cookieSecure, sameSite: "lax" },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    role: attributes.role,
    emailVerified: attributes.emailVerifiedAt !== null,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; name: string; role: GlobalRole; emailVerifiedAt: Date | null };
  }
}

export type SessionUser = User;

type SessionRead = { user: User | null; session: Session | null; setCookie: string | null };

// The root loader and the route's loaders read the same request: validate its session once.
const readsByRequest = new WeakMap<Request, Promise<SessionRead>>();

/** Reads the session cookie; returns the user and any Set-Cookie header to send back. */
export function readSession(request: Request): Promise<SessionRead> {
  let read = readsByRequest.get(request);
  if (!read) {
    read = validate(request);
    readsByRequest.set(request, read);
  }
  return read;
}

/** Whether the request carries a session cookie at all (valid or not): cheap, no database read. */
export function hasSessionCookie(request: Request): boolean {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "") !== null;
}

async function validate(request: Request): Promise<SessionRead> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, session: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) return { user: null, session: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  return { user, session, setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null };
}

/** Starts a new session (a new id every sign-in) and returns its Set-Cookie header. */
export async function startSession(userId: string): Promise<string> {
  // Sign-ins are rare enough to carry the clean-up of sessions that expired.
  await lucia.deleteExpiredSessions();
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

/** Ends every session of the account (after a password change) and starts a fresh one for this browser. */
export async function restartSessions(userId: string): Promise<string> {
  await lucia.invalidateUserSessions(userId);
  return startSession(userId);
}

/** Ends the session on the server and returns the Set-Cookie header that clears it. */
export async function endSession(request: Request): Promise<string> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** The request's own session id, or "" without a cookie. */
const sessionIdOf = (request: Request) => lucia.readSessionCookie(request.headers.get("Cookie") ?? "") ?? "";

/** The account's sessions that have not expired, other than the request's own: browsers signed in elsewhere. */
const otherSessions = (request: Request, userId: string, now: Date) =>
  and(eq(sessions.userId, userId), ne(sessions.id, sessionIdOf(request)), gt(sessions.expiresAt, Math.floor(now.getTime() / 1000)));

/** How many other browsers (or devices) the account is signed in on. */
export async function otherSessionCount(request: Request, userId: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sessions)
    .where(otherSessions(request, userId, now));
  return row?.n ?? 0;
}

export type SignOutElsewhere = { ok: true; ended: number } | { ok: false; confirm: { count: number } };

/**
 * Ends every session of the account except the request's own (a lost phone, a shared computer), once confirmed
 * (ADR 012): the first request is answered with how many browsers would be signed out, counted then. With none left
 * to sign out (they signed out meanwhile), there is nothing to confirm: it is answered as done, ending none.
 * Expired sessions go too.
 */
export async function signOutElsewhere(request: Request, userId: string, confirmation: Confirmation, now = new Date()): Promise<SignOutElsewhere> {
  if (!confirmation.confirmed) {
    const count = await otherSessionCount(request, userId, now);
    if (count > 0) return { ok: false, confirm: { count } };
    // Nothing confirmed: only expired sessions go, so a browser signing in at this moment stays signed in.
    await db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.id, sessionIdOf(request)), lte(sessions.expiresAt, Math.floor(now.getTime() / 1000))));
    return { ok: true, ended: 0 };
  }
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, sessionIdOf(request))))
    .returning({ expiresAt: sessions.expiresAt });
  return { ok: true, ended: gone.filter((s) => s.expiresAt > Math.floor(now.getTime() / 1000)).length };
}
