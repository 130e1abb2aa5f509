// New passwords are checked for strength on sign-up and on the account page; existing ones still sign in.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "#db/schema";
import { db } from "~/db.server";
import { createAccount } from "~/modules/auth/accounts.server";
import { action as accountAction } from "~/routes/account";
import { action as loginAction } from "~/routes/login";
import { action as signupAction } from "~/routes/signup";
import { PASSWORD, args, createUser, expectStatus, fieldErrors, request } from "~/test/fixtures";

const signUp = (form: Record<string, string>, ip: string) => signupAction({ ...args(request("/signup", { form })), context: { clientIp: ip } });

describe("new passwords", () => {
  it("refuses a weak password on sign-up with a message on the password field, creating nothing", async () => {
    const cases = [
      ["password1234", /too common or too easy to guess/],
      ["aaaaaaaaaaaa", /repeated characters/],
      ["hartley.2-rocket-lamp", /email address/],
      ["blue-robin-violin-7", /your name/],
    ] as const;
    for (const [i, [password, message]] of cases.entries()) {
      const email = `hartley.${i}@example.com`;
      const res = await expectStatus(signUp({ name: "Robin Hartley", email, password }, `10.12.0.${i}`), 400);
      expect(fieldErrors(res).password, password).toEqual([expect.stringMatching(message)]);
      expect(JSON.stringify(res.data)).not.toContain(password);
      expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    }
    await expectStatus(signUp({ name: "Robin Hartley", email: "robin.h@example.com", password: "tangerine-octopus-violin-41" }, "10.12.1.1"), 200);
  });

  it("refuses a weak new password on the account page, next to the new password, without counting a wrong current password", async () => {
    const user = await createUser({ name: "Sasha Quill" });
    for (const newPassword of ["iloveyou1234", "sasha-quill-rocket", "zzzzzzzzzzzzzz"]) {
      const res = await expectStatus(
        accountAction(args(request("/account", { user, form: { intent: "change-password", currentPassword: PASSWORD, newPassword } }))),
        400,
      );
      expect(Object.keys(fieldErrors(res)), newPassword).toEqual(["newPassword"]);
    }
    await expectStatus(
      accountAction(
        args(request("/account", { user, form: { intent: "change-password", currentPassword: PASSWORD, newPassword: "tangerine-octopus-violin-41" } })),
      ),
      302,
    );
  });

  it("still signs in an account whose password predates the rule", async () => {
    const email = "old-demo@example.com";
    expect((await createAccount({ name: "Old Demo", email, password: "problem-first-demo" })).ok).toBe(true);
    const res = await expectStatus(
      loginAction({ ...args(request("/login", { form: { email, password: "problem-first-demo" } })), context: { clientIp: "10.12.2.1" } }),
      302,
    );
    expect(res.response?.headers.get("Set-Cookie")).toMatch(/pf_session=/);
  });
});
