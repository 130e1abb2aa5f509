// Sessions on the real database: what a request's cookie reads as, in one statement (issue 19).
import type { InStatement } from "@libsql/client";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "#db/schema";
import { db, dbClient } from "~/db.server";
import { createUser, request, sessionCookie } from "~/test/fixtures";
import { otherSessionCount, readSession, signOutElsewhere } from "./session.server";

const sessionIdOf = (cookie: string) => cookie.split("=")[1];

describe("readSession", () => {
  it("reads the signed-in person's name, address, role and verification, and nothing else of the account", async () => {
    const user = await createUser({ role: "organizer", name: "Ses Sion" });
    await db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, user.id));
    const { user: read, session, setCookie } = await readSession(request("/", { user }));
    expect(read).toEqual({ id: user.id, email: user.email, name: "Ses Sion", role: "organizer", emailVerified: false });
    expect(session?.userId).toBe(user.id);
    expect(setCookie).toBeNull();

    await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id));
    expect((await readSession(request("/", { user }))).user?.emailVerified).toBe(true);
  });

  it("reads a session and its person in one statement", async () => {
    const user = await createUser();
    const statements: string[] = [];
    const execute = dbClient.execute.bind(dbClient);
    dbClient.execute = ((stmt: InStatement) => {
      statements.push(typeof stmt === "string" ? stmt : stmt.sql);
      return execute(stmt);
    }) as typeof dbClient.execute;
    try {
      await readSession(request("/", { user }));
    } finally {
      dbClient.execute = execute;
    }
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toContain("password_hash");
  });

  it("refuses an unknown or expired session with a blank cookie, and renews one near its end", async () => {
    const user = await createUser();
    const unknown = await readSession(request("/", { cookie: "pf_session=nosuchsession" }));
    expect(unknown.user).toBeNull();
    expect(unknown.setCookie).toMatch(/^pf_session=;/);

    const id = sessionIdOf(user.cookie);
    const now = Math.floor(Date.now() / 1000);
    await db
      .update(sessions)
      .set({ expiresAt: now + 60 })
      .where(eq(sessions.id, id));
    const renewed = await readSession(request("/", { user }));
    expect(renewed.user?.id).toBe(user.id);
    expect(renewed.setCookie).toMatch(new RegExp(`^pf_session=${id};`));
    const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
    expect(row.expiresAt).toBeGreaterThan(now + 24 * 3600);

    await db
      .update(sessions)
      .set({ expiresAt: now - 1 })
      .where(eq(sessions.id, id));
    const expired = await readSession(request("/", { user }));
    expect(expired.user).toBeNull();
    expect(expired.setCookie).toMatch(/^pf_session=;/);
    expect(await db.select().from(sessions).where(eq(sessions.id, id))).toEqual([]);
  });
});

describe("signOutElsewhere", () => {
  const confirmed = { confirmed: true, typedName: "" };
  const unconfirmed = { confirmed: false, typedName: "" };

  it("asks first with the count, then ends every other session of the account and keeps this one", async () => {
    const user = await createUser();
    const laptop = await sessionCookie(user.id);
    const phone = await sessionCookie(user.id);
    const someoneElse = await createUser();
    const here = request("/account", { user });
    expect(await otherSessionCount(here, user.id)).toBe(2);

    expect(await signOutElsewhere(here, user.id, unconfirmed)).toEqual({ ok: false, confirm: { count: 2 } });
    expect((await readSession(request("/", { cookie: phone }))).user?.id).toBe(user.id);

    expect(await signOutElsewhere(here, user.id, confirmed)).toEqual({ ok: true, ended: 2 });
    expect((await readSession(request("/", { cookie: laptop }))).user).toBeNull();
    expect((await readSession(request("/", { cookie: phone }))).user).toBeNull();
    expect((await readSession(request("/", { user }))).user?.id).toBe(user.id);
    expect((await readSession(request("/", { user: someoneElse }))).user?.id).toBe(someoneElse.id);
    expect(await otherSessionCount(here, user.id)).toBe(0);
  });

  it("counts only sessions that have not expired, and clears expired ones too", async () => {
    const user = await createUser();
    const old = (await sessionCookie(user.id)).split("=")[1];
    await db
      .update(sessions)
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 1 })
      .where(eq(sessions.id, old));
    const here = request("/account", { user });
    expect(await otherSessionCount(here, user.id)).toBe(0);
    // Nothing left to sign out: nothing to confirm either.
    expect(await signOutElsewhere(here, user.id, unconfirmed)).toEqual({ ok: true, ended: 0 });
    expect(await db.select().from(sessions).where(eq(sessions.id, old))).toEqual([]);
    expect(await signOutElsewhere(here, user.id, confirmed)).toEqual({ ok: true, ended: 0 });
    expect(await db.select().from(sessions).where(eq(sessions.id, old))).toEqual([]);
  });
});
