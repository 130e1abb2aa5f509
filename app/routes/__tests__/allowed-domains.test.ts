import { describe, expect, it, vi } from "vitest";

// Set before any app module reads (and caches) the environment.
vi.hoisted(() => {
  process.env.ALLOWED_EMAIL_DOMAINS = "acme.com, @Acme.co.uk";
});

const { action: signupAction } = await import("~/routes/signup");
const { args, expectStatus, fieldErrors, request } = await import("~/test/fixtures");

const form = (email: string) => ({ name: "Dana Domain", email, password: "a-long-enough-passphrase" });

describe("ALLOWED_EMAIL_DOMAINS", () => {
  it("refuses sign-up from other domains next to the email field", async () => {
    const refused = await expectStatus(signupAction({ ...args(request("/signup", { form: form("dana@gmail.com") })), context: { clientIp: "10.6.0.1" } }), 400);
    expect(fieldErrors(refused).email).toEqual(["Sign-up is limited to @acme.com, @acme.co.uk addresses"]);
  });

  it("accepts the company's domains, whatever their case", async () => {
    await expectStatus(signupAction({ ...args(request("/signup", { form: form("dana@ACME.com") })), context: { clientIp: "10.6.0.2" } }), 200);
    await expectStatus(signupAction({ ...args(request("/signup", { form: form("dana@acme.co.uk") })), context: { clientIp: "10.6.0.3" } }), 200);
  });
});
