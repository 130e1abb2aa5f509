import { expect } from "@playwright/test";
import { VIDEO_PLAYER_ORIGINS } from "~/modules/entries/video";
import { expectAccessible, expectToast, PASSWORD, signUp, test } from "./helpers";

test("every page carries a nonce-based CSP and hardening headers", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Frames only from the video players an entry may embed.
  expect(headers["content-security-policy"]).toContain(`frame-src ${VIDEO_PLAYER_ORIGINS.join(" ")};`);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"])![1];
  // Every inline script Remix renders carries this request's nonce.
  const scripts = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
});

test("a forged cross-origin form post is refused before any action runs", async ({ request, baseURL }) => {
  const forged = await request.post("/login", {
    headers: { Origin: "https://evil.example" },
    form: { email: "organizer@example.com", password: "problem-first-demo" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toBe("Cross-site request refused.");
  const sameSite = await request.post("/login", {
    headers: { Origin: baseURL! },
    form: { email: "organizer@example.com", password: "problem-first-demo" },
    maxRedirects: 0,
  });
  expect(sameSite.status()).toBe(302);
});

test("changing the password signs the account out everywhere else", async ({ browser, page }) => {
  const email = await signUp(page, "Pat Password");
  const otherDevice = await browser.newPage();
  await otherDevice.goto("/login");
  await otherDevice.getByLabel("Email").fill(email);
  await otherDevice.getByLabel("Password").fill(PASSWORD);
  await otherDevice.getByRole("button", { name: "Sign in" }).click();
  await expect(otherDevice.getByTestId("signed-in-as")).toBeVisible();

  await page.getByTestId("signed-in-as").click();
  await expectAccessible(page);
  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await page.getByLabel("New password").fill("an-entirely-new-passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("an-entirely-new-passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expectToast(page, "Password changed. You were signed out everywhere else.");
  // No password is left in the form.
  await expect(page.getByLabel("Current password")).toHaveValue("");
  await expect(page.getByLabel("New password")).toHaveValue("");

  await otherDevice.goto("/archive");
  await expect(otherDevice).toHaveURL(/\/login\?redirectTo=/);
  await page.goto("/archive");
  await expect(page).toHaveURL(/\/archive$/);
});
