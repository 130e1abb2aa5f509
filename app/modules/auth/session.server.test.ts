// Sessions on the real database: what a request's cookie reads as, in one statement (issue 19).
import type { InStatement } from "@libsql/client";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "#db/schema";
import { db, dbClient } from "~/db.server";
import { createUser, request } from "~/test/fixtures";
import { readSession } from "./session.server";

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
