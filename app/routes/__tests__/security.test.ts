import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rateLimits, sessions, users } from "#db/schema";
import { db } from "~/db.server";
import { hit, limits } from "~/lib/rate-limit.server";
import { requireUser } from "~/modules/auth/guards.server";
import { action as accountAction } from "~/routes/account";
import { action as loginAction } from "~/routes/login";
import { action as signupAction } from "~/routes/signup";
import { args, cookieHeader, createUser, expectStatus, fieldErrors, PASSWORD, request, sessionCookie, setCookies, settle } from "~/test/fixtures";

const login = (email: string, password: string, ip = "10.0.0.1") => ({ ...args(request("/login", { form: { email, password } })), context: { clientIp: ip } });

describe("sign-in rate limits", () => {
  it("throttles failed sign-ins per account and address, so guesses elsewhere never lock the owner out", async () => {
    const user = await createUser();
    for (let i = 0; i < 12; i++) await settle(loginAction(login(user.email, "wrong-password-guess", "10.1.0.1")));
    // Address A is throttled for this account, even with the right password.
    const locked = await expectStatus(loginAction(login(user.email, PASSWORD, "10.1.0.1")), 429);
    expect(JSON.stringify(locked.data)).toContain("Too many attempts. Try again in");
    // The owner, from address B, signs in.
    await expectStatus(loginAction(login(user.email, PASSWORD, "10.1.0.2")), 302);
    // Another account from address A is not affected either.
    const other = await createUser();
    await expectStatus(loginAction(login(other.email, PASSWORD, "10.1.0.1")), 302);
  });

  it("counts guesses sent in parallel before checking them, and gives a right password's count back", async () => {
    const user = await createUser();
    const ip = "10.1.3.1";
    const answers = await Promise.all(Array.from({ length: 16 }, () => settle(loginAction(login(user.email, "wrong-password-guess", ip)))));
    // At most the limit's ten were checked; the rest were refused before any password check.
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(16 - limits.failedSignInPerAccountAndIp.max);
    // From another address: nine wrong, then the right one, which is not counted, so a tenth wrong is still checked.
    const other = "10.1.3.2";
    for (let i = 0; i < limits.failedSignInPerAccountAndIp.max - 1; i++) await expectStatus(loginAction(login(user.email, "wrong-password-guess", other)), 400);
    await expectStatus(loginAction(login(user.email, PASSWORD, other)), 302);
    await expectStatus(loginAction(login(user.email, "wrong-password-guess", other)), 400);
    await expectStatus(loginAction(login(user.email, PASSWORD, other)), 429);
  });

  it("throttles wrong current passwords on the account page", async () => {
    const user = await createUser();
    const change = (currentPassword: string) =>
      accountAction(args(request("/account", { user, form: { intent: "change-password", currentPassword, newPassword: "a-brand-new-passphrase" } })));
    for (let i = 0; i < limits.wrongCurrentPasswordPerAccount.max; i++) await expectStatus(change("not-it-at-all"), 400);
    const throttled = await expectStatus(change(PASSWORD), 429);
    expect(fieldErrors(throttled).currentPassword[0]).toContain("Too many attempts. Try again in");
    await expectStatus(loginAction(login(user.email, PASSWORD, "10.1.1.1")), 302);
  });

  it("prunes expired counters on write, a bounded batch at a time", async () => {
    const old = Math.floor(Date.now() / 1000) - 2 * 86_400;
    await db.insert(rateLimits).values(Array.from({ length: 150 }, (_, i) => ({ key: `prune-old-${i}`, windowStart: old, count: 1 })));
    const countOld = async () => (await db.select().from(rateLimits).where(like(rateLimits.key, "prune-old-%"))).length;
    await hit("prune-fresh", limits.signUpPerIp);
    expect(await countOld()).toBe(50);
    await hit("prune-fresh", limits.signUpPerIp);
    expect(await countOld()).toBe(0);
    expect(await db.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, "prune-fresh"))).toEqual([{ count: 2 }]);
  });

  it("limits sign-in attempts per address across accounts", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < limits.signInPerIp.max; i++) await hit(`signin:${ip}`, limits.signInPerIp);
    const user = await createUser();
    await expectStatus(loginAction(login(user.email, PASSWORD, ip)), 429);
  });

  it("starts a new window after the old one ends", async () => {
    const t0 = new Date("2026-01-01T00:00:00Z");
    const limit = { max: 2, windowSeconds: 60 };
    expect((await hit("k", limit, t0)).allowed).toBe(true);
    expect((await hit("k", limit, t0)).allowed).toBe(true);
    expect((await hit("k", limit, t0)).allowed).toBe(false);
    expect((await hit("k", limit, new Date(t0.getTime() + 61_000))).allowed).toBe(true);
  });
});

describe("honeypot", () => {
  it("refuses a sign-up whose hidden field was filled and creates no account", async () => {
    const form = { name: "Bot", email: "bot@example.com", password: "a-long-enough-passphrase", website: "http://spam.example" };
    const refused = await expectStatus(signupAction({ ...args(request("/signup", { form })), context: { clientIp: "10.3.0.1" } }), 400);
    expect(JSON.stringify(refused.data)).toContain("That request looked automated.");
    expect(await db.select().from(users).where(eq(users.email, "bot@example.com"))).toHaveLength(0);
    // The same sign-up without the hidden field goes through: the "check your email" answer every sign-up gets.
    const again = await expectStatus(signupAction({ ...args(request("/signup", { form: { ...form, website: "" } })), context: { clientIp: "10.3.0.1" } }), 200);
    expect(again.data).toMatchObject({ sentTo: "bot@example.com" });
    expect(await db.select().from(users).where(eq(users.email, "bot@example.com"))).toHaveLength(1);
  });
});

describe("sessions", () => {
  it("a password change ends the account's other sessions and keeps this browser signed in", async () => {
    const user = await createUser();
    const otherDevice = await sessionCookie(user.id);
    const wrong = await expectStatus(
      accountAction(
        args(request("/account", { user, form: { intent: "change-password", currentPassword: "not-it-at-all", newPassword: "a-brand-new-passphrase" } })),
      ),
      400,
    );
    expect(JSON.stringify(wrong.data)).toContain("That is not your current password.");

    const changed = await expectStatus(
      accountAction(args(request("/account", { user, form: { intent: "change-password", currentPassword: PASSWORD, newPassword: "a-brand-new-passphrase" } }))),
      302,
    );
    const fresh = cookieHeader(setCookies(changed.response!).find((c) => c.startsWith("pf_session="))!);
    await expectStatus(requireUser(request("/", { cookie: otherDevice })), 302);
    await expectStatus(requireUser(request("/", { cookie: user.cookie })), 302);
    expect((await requireUser(request("/", { cookie: fresh }))).id).toBe(user.id);
    await expectStatus(loginAction(login(user.email, "a-brand-new-passphrase", "10.4.0.1")), 302);
  });

  it("refuses an expired session and removes expired sessions at the next sign-in", async () => {
    const user = await createUser();
    const sessionId = user.cookie.split("=")[1];
    await db
      .update(sessions)
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 60 })
      .where(eq(sessions.id, sessionId));
    await expectStatus(requireUser(request("/", { user })), 302);
    await sessionCookie(user.id);
    expect(await db.select().from(sessions).where(eq(sessions.id, sessionId))).toEqual([]);
  });

  it("issues a new session id at every sign-in", async () => {
    const user = await createUser();
    const a = await expectStatus(loginAction(login(user.email, PASSWORD, "10.5.0.1")), 302);
    const b = await expectStatus(loginAction(login(user.email, PASSWORD, "10.5.0.1")), 302);
    const id = (o: typeof a) =>
      setCookies(o.response!)
        .find((c) => c.startsWith("pf_session="))!
        .split(";")[0];
    expect(id(a)).not.toBe(id(b));
  });
});
