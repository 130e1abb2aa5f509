import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "#db/schema";
import { db } from "~/db.server";
import { requireUser } from "~/modules/auth/guards.server";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as signupAction } from "~/routes/signup";
import { PASSWORD, args, cookieHeader, createUser, expectStatus, fieldErrors, request, sessionCookie, settle } from "~/test/fixtures";

describe("sign-up", () => {
  it("creates an unconfirmed account, signs nobody in and says to check the mail", async () => {
    const email = "new.person@example.com";
    const res = await expectStatus(
      signupAction(args(request("/signup", { form: { name: "New Person", email: "  New.Person@Example.com ", password: PASSWORD, redirectTo: "/events" } }))),
      200,
    );
    expect(res.data).toMatchObject({ sentTo: email, redirectTo: "/events" });
    expect(res.response?.headers.get("Set-Cookie") ?? null).toBeNull();
    const [row] = await db.select().from(users).where(eq(users.email, email));
    expect(row).toMatchObject({ name: "New Person", email, role: "member", emailVerifiedAt: null });
    expect(row.passwordHash).not.toContain(PASSWORD);
    // The password it chose signs in (the account is unconfirmed, not locked).
    const signedIn = await expectStatus(loginAction(args(request("/login", { form: { email, password: PASSWORD } }))), 302);
    expect(signedIn.response!.headers.get("Set-Cookie")).toMatch(/^pf_session=[^;]+/);
  });

  it("an address that has an account gets the same answer, and the account stays as it was", async () => {
    const existing = await createUser();
    const res = await expectStatus(
      signupAction(args(request("/signup", { form: { name: "Copycat", email: existing.email.toUpperCase(), password: PASSWORD } }))),
      200,
    );
    expect(res.data).toMatchObject({ sentTo: existing.email });
    // The password is never echoed back.
    expect(JSON.stringify(res.data)).not.toContain(PASSWORD);
    const rows = await db.select().from(users).where(eq(users.email, existing.email));
    expect(rows).toHaveLength(1);
    expect(rows[0].name).not.toBe("Copycat");
  });

  it("validates the form on the server", async () => {
    const res = await expectStatus(signupAction(args(request("/signup", { form: { name: "", email: "not-an-email", password: "short" } }))), 400);
    const errors = fieldErrors(res);
    expect(errors.name).toEqual(["Enter your name"]);
    expect(errors.email).toEqual(["Enter a valid email address, like name@company.com"]);
    expect(errors.password).toEqual(["Use at least 12 characters"]);
  });

  it("sends a signed-in user away from the sign-up page", async () => {
    const user = await createUser();
    const res = await expectStatus(signupAction(args(request("/signup", { user, form: { name: "x", email: "x@example.com", password: PASSWORD } }))), 302);
    expect(res.response!.headers.get("Location")).toBe("/");
    expect(await db.select().from(users).where(eq(users.email, "x@example.com"))).toHaveLength(0);
  });
});

describe("sign-in", () => {
  it("refuses a wrong password with one form error and no session", async () => {
    const user = await createUser();
    const before = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    const res = await expectStatus(loginAction(args(request("/login", { form: { email: user.email, password: "wrong password here" } }))), 400);
    expect(fieldErrors(res)[""]).toEqual(["That email and password do not match an account."]);
    expect(res.response).toBeNull();
    const after = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(after).toHaveLength(before.length);
  });

  it("gives the same message for an unknown email", async () => {
    const res = await expectStatus(loginAction(args(request("/login", { form: { email: "nobody@example.com", password: PASSWORD } }))), 400);
    expect(fieldErrors(res)[""]).toEqual(["That email and password do not match an account."]);
  });

  it("signs in with the right password: 302 and a new session cookie", async () => {
    const user = await createUser();
    const res = await expectStatus(
      loginAction(args(request("/login", { form: { email: user.email, password: PASSWORD, redirectTo: "/events/x?tab=1" } }))),
      302,
    );
    expect(res.response!.headers.get("Location")).toBe("/events/x?tab=1");
    const setCookie = res.response!.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    const cookie = cookieHeader(setCookie);
    expect(cookie).not.toBe(user.cookie); // a new session id every sign-in
    expect((await requireUser(request("/", { cookie }))).id).toBe(user.id);
  });

  it("sends a signed-in user away from the sign-in page", async () => {
    const user = await createUser();
    const res = await expectStatus(loginLoader(args(request("/login", { user }))), 302);
    expect(res.response!.headers.get("Location")).toBe("/");
  });
});

describe("sign-out", () => {
  it("ends the session on the server, so the old cookie no longer authenticates", async () => {
    const user = await createUser();
    expect((await requireUser(request("/", { user }))).id).toBe(user.id);

    const res = await expectStatus(logoutAction(args(request("/logout", { user, form: {} }))), 302);
    expect(res.response!.headers.get("Location")).toBe("/login");
    const cleared = res.response!.headers.get("Set-Cookie")!;
    expect(cleared).toMatch(/^pf_session=;/);
    expect(cleared).toMatch(/Max-Age=0/i);

    const sessionId = user.cookie.split("=")[1];
    expect(await db.select().from(sessions).where(eq(sessions.id, sessionId))).toHaveLength(0);

    const replay = await settle(requireUser(request("/events?x=1", { user })));
    expect(replay.status).toBe(302);
    expect(replay.thrown).toBe(true);
    expect(replay.response!.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/events?x=1")}`);
  });

  it("ends only that session: the same account on another device stays signed in", async () => {
    const user = await createUser();
    const otherDevice = { cookie: await sessionCookie(user.id) };
    await expectStatus(logoutAction(args(request("/logout", { user, form: {} }))), 302);
    expect((await requireUser(request("/", { user: otherDevice }))).id).toBe(user.id);
    expect((await settle(requireUser(request("/", { user })))).status).toBe(302);
  });
});
