// A flood of sign-ins (ADR 039): password checks run one at a time here, one more may wait, and further sign-ins
// are refused at once with a message and Retry-After, before any database write; setting a password is never refused.
import { describe, expect, it } from "vitest";
import { rateLimits } from "#db/schema";
import { db } from "~/db.server";
import { signInsBusyMessage } from "~/modules/auth/attempts.server";
import { passwordGate } from "~/modules/auth/password.server";
import { action as loginAction } from "~/routes/login";
import { action as signupAction } from "~/routes/signup";
import { PASSWORD, args, createUser, expectStatus, fieldErrors, request } from "~/test/fixtures";

process.env.PASSWORD_HASH_CONCURRENCY = "1";
process.env.SIGN_IN_QUEUE = "1";

const signIn = (email: string, ip: string) =>
  loginAction({ ...args(request("/login", { form: { email, password: PASSWORD, redirectTo: "/" } })), context: { clientIp: ip } });

/** Takes the one slot and the one waiting place of the password gate until `release` is called. */
function saturate() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const running = passwordGate().run(() => held);
  const waiting = passwordGate().run(async () => undefined);
  expect(passwordGate().full()).toBe(true);
  return async () => {
    release();
    await Promise.all([running, waiting]);
  };
}

describe("sign-ins while password checks are saturated", () => {
  it("are refused at once with 503, a message on the form and Retry-After, writing nothing; afterwards sign-in works", async () => {
    const user = await createUser({ name: "Flo Flood" });
    const release = saturate();
    const limitRows = (await db.select().from(rateLimits)).length;

    const refused = await signIn(user.email, "10.39.0.1");
    const outcome = await expectStatus(Promise.resolve(refused), 503);
    expect(fieldErrors(outcome)[""]).toEqual([signInsBusyMessage]);
    expect(new Headers((refused as { init?: { headers?: HeadersInit } }).init?.headers).get("Retry-After")).toBe("5");
    expect((await db.select().from(rateLimits)).length).toBe(limitRows);

    await release();
    const signedIn = await expectStatus(signIn(user.email, "10.39.0.1"), 302);
    expect(signedIn.response?.headers.get("Set-Cookie")).toContain("pf_session=");
  });

  it("a sign-up waits for its turn instead of being refused", async () => {
    const release = saturate();
    let settled = false;
    const signingUp = signupAction({
      ...args(request("/signup", { form: { name: "Wren Waiting", email: "wren.waiting@example.com", password: "tangerine-octopus-violin-41" } })),
      context: { clientIp: "10.39.0.2" },
    }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    await release();
    await expectStatus(signingUp, 200);
  });
});
