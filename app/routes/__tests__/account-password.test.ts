// The account page offers a password change only to people who sign in with a password: not to an account
// made by single sign-on, and not when the site turned password sign-in off (ADR 016).
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { emailChanges, users } from "#db/schema";
import { db } from "~/db.server";
import { pendingEmailChange, requestEmailChange } from "~/modules/auth/email-change.server";
import { NO_PASSWORD_HASH } from "~/modules/auth/password.server";
import { action, loader } from "~/routes/account";
import { action as adminAction, loader as adminLoader } from "~/routes/admin.users";
import { action as forgotAction, loader as forgotLoader } from "~/routes/forgot-password";
import { loader as resetLoader } from "~/routes/reset-password.$token";
import { loader as rootLoader } from "~/root";
import { PASSWORD, args, createUser, expectStatus, request, settle, toastOf } from "~/test/fixtures";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function turnPasswordsOff() {
  Object.assign(process.env, { PASSWORD_LOGIN: "false", OIDC_ISSUER: "http://localhost:9/", OIDC_CLIENT_ID: "problem-first" });
}

const change = { intent: "change-password", currentPassword: PASSWORD, newPassword: "tangerine-octopus-violin-41" };
const formErrors = (data: unknown) => (data as { result: { error: Record<string, string[]> } }).result.error[""];

describe("changing the password with a change of address waiting", () => {
  it("cancels the change, whose link needs no session, and says so; the notice's button leads a signed-in owner here", async () => {
    const user = await createUser();
    const newEmail = `taken-over-${user.id.toLowerCase()}@example.com`;
    expect(await requestEmailChange(user, { newEmail, currentPassword: PASSWORD }, "http://localhost")).toEqual({ ok: true, newEmail });
    // "Not you? Choose a new password" in the notice to the old address: the owner is signed in.
    const notice = await expectStatus(forgotLoader(args(request("/forgot-password", { user }))), 302);
    expect(notice.response!.headers.get("Location")).toBe("/account#password-h");
    const changed = await expectStatus(action(args(request("/account", { user, form: change }))), 302);
    expect((await toastOf(changed))?.message).toBe(
      `Password changed. You were signed out everywhere else. The change of address to ${newEmail} was cancelled: ask again if it was yours.`,
    );
    expect(await pendingEmailChange(user.id)).toBeNull();
    expect(await db.select().from(emailChanges).where(eq(emailChanges.userId, user.id))).toEqual([]);
  });
});

describe("the account page's password section", () => {
  it("offers the change to a person with a password", async () => {
    const user = await createUser();
    expect(((await settle(loader(args(request("/account", { user }))))).data as { password: string }).password).toBe("on");
    await expectStatus(action(args(request("/account", { user, form: change }))), 302);
  });

  it("tells an account made by single sign-on how to get a password instead of asking for one it does not have", async () => {
    const user = await createUser();
    await db.update(users).set({ passwordHash: NO_PASSWORD_HASH }).where(eq(users.id, user.id));
    expect(((await settle(loader(args(request("/account", { user }))))).data as { password: string }).password).toBe("no-password");
    const refused = await expectStatus(action(args(request("/account", { user, form: change }))), 400);
    expect(formErrors(refused.data)).toEqual([expect.stringMatching(/single sign-on and have no password here/)]);
    const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toBe(NO_PASSWORD_HASH);
  });

  it("offers no change of email address to an account made by single sign-on, and says why", async () => {
    const user = await createUser();
    await db.update(users).set({ passwordHash: NO_PASSWORD_HASH }).where(eq(users.id, user.id));
    const refused = await expectStatus(
      action(args(request("/account", { user, form: { intent: "change-email", newEmail: "sso.moved@example.com", currentPassword: "anything" } }))),
      400,
    );
    expect(formErrors(refused.data)).toEqual([expect.stringMatching(/no password here, which a change of address asks for/)]);
    const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
    expect(row.email).toBe(user.email);
  });

  it("has no password to change, and the header no sign-up link, when password sign-in is off", async () => {
    const user = await createUser();
    turnPasswordsOff();
    expect(((await settle(loader(args(request("/account", { user }))))).data as { password: string }).password).toBe("off");
    const refused = await expectStatus(action(args(request("/account", { user, form: change }))), 400);
    expect(formErrors(refused.data)).toEqual([expect.stringMatching(/single sign-on only/)]);
    expect(((await settle(rootLoader(args(request("/"))))).data as { passwordLogin: boolean }).passwordLogin).toBe(false);
    process.env = { ...saved };
    expect(((await settle(rootLoader(args(request("/"))))).data as { passwordLogin: boolean }).passwordLogin).toBe(true);
  });

  it("offers no password reset while password sign-in is off: the pages go to sign-in and admins get no reset link", async () => {
    const admin = await createUser({ role: "admin" });
    const person = await createUser();
    turnPasswordsOff();
    for (const outcome of [
      await settle(forgotLoader(args(request("/forgot-password")))),
      await settle(forgotAction({ ...args(request("/forgot-password", { form: { email: person.email } })), context: { clientIp: "10.14.0.1" } })),
      await settle(resetLoader(args(request("/reset-password/abc"), { token: "abc" }))),
    ]) {
      expect(outcome.status).toBe(302);
      expect(outcome.response?.headers.get("Location")).toBe("/login");
    }
    expect(((await settle(adminLoader(args(request("/admin/users", { user: admin }))))).data as { passwordLogin: boolean }).passwordLogin).toBe(false);
    const refused = await expectStatus(adminAction(args(request("/admin/users", { user: admin, form: { intent: "reset-link", userId: person.id } }))), 400);
    expect((refused.data as { error: string }).error).toMatch(/npm run user:sign-in-link/);
  });
});
