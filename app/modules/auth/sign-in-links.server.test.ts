import { describe, expect, it } from "vitest";
import { createUser } from "~/test/fixtures";
import { createSignInLink, findSignInLink, redeemSignInLink, SIGN_IN_LINK_MINUTES } from "./sign-in-links.server";

describe("one-time sign-in links", () => {
  it("sign in once, and never again", async () => {
    const user = await createUser();
    const link = await createSignInLink(user.email.toUpperCase());
    expect(link?.name).toBe(user.name);
    expect(await findSignInLink(link!.token)).toEqual({ name: user.name });
    const [first, second] = await Promise.all([redeemSignInLink(link!.token), redeemSignInLink(link!.token)]);
    expect([first, second].filter(Boolean)).toEqual([user.id]);
    expect(await findSignInLink(link!.token)).toBeNull();
  });

  it("expire after their time", async () => {
    const user = await createUser();
    const link = await createSignInLink(user.email);
    const later = new Date(Date.now() + (SIGN_IN_LINK_MINUTES + 1) * 60_000);
    expect(await findSignInLink(link!.token, later)).toBeNull();
    expect(await redeemSignInLink(link!.token, later)).toBeNull();
  });

  it("are made only for an existing account", async () => {
    expect(await createSignInLink("nobody@example.com")).toBeNull();
  });
});
