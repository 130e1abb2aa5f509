import { expect } from "@playwright/test";
import { eq } from "drizzle-orm";
import { users } from "#db/schema";
import { db } from "~/db.server";
import { createPerson } from "./fixtures";
import { expectAccessible, expectToast, newPage, signIn, signUp, test, waitForApp } from "./helpers";

test("an admin grants and takes back the organizer role; a member cannot reach the admin page", async ({ browser }) => {
  const member = await newPage(browser);
  const admin = await newPage(browser);
  await signUp(member, "Morgan Member");
  await expect(member.getByRole("link", { name: "New event" })).toHaveCount(0);
  // A member wears no site role badge: the link names only the account.
  await expect(member.getByTestId("signed-in-as")).toHaveAccessibleName("Your account: Morgan Member");
  const refused = await member.goto("/admin/users");
  expect(refused?.status()).toBe(403);
  await expect(member.getByRole("heading", { name: "Not available" })).toBeVisible();
  await expectAccessible(member);
  const refusedNew = await member.goto("/events/new");
  expect(refusedNew?.status()).toBe(403);

  await signIn(admin, "admin@example.com");
  await admin.getByRole("link", { name: "Accounts" }).click();
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Make organizer: Morgan Member" }).click();
  await expectToast(admin, "Morgan Member can now create events.");
  // Events are organized per event: the page says the role does not take those away, and lists them.
  await expect(admin.getByText("Taking it back does not remove them from events they already organize")).toBeVisible();
  await expect(admin.getByRole("row", { name: /organizer@example\.com/ }).getByRole("link", { name: "Autumn AI Hackathon 2026" })).toBeVisible();

  await member.goto("/");
  await expect(member.getByTestId("signed-in-as")).toContainText("Organizer");
  await expect(member.getByRole("link", { name: "New event" })).toBeVisible();

  await admin.getByRole("button", { name: "Take back organizer: Morgan Member" }).click();
  await expectToast(admin, "Morgan Member can no longer create events.");
  await expectAccessible(admin);
  await member.reload();
  await expect(member.getByRole("link", { name: "New event" })).toHaveCount(0);
});

test("an admin makes a password reset link for someone mail does not reach, and it sets a new password", async ({ browser }) => {
  const person = await newPage(browser);
  const email = await signUp(person, "Rita Reset");
  const admin = await newPage(browser);
  await signIn(admin, "admin@example.com");
  await admin.goto("/admin/users");
  await waitForApp(admin);
  await admin.getByRole("button", { name: "Reset link: Rita Reset" }).click();
  await expect(admin.getByRole("heading", { name: "Password reset link for Rita Reset" })).toBeVisible();
  // Shown above the table, far from the row: the link takes the focus, ready to copy.
  const field = admin.getByLabel("Reset link", { exact: true });
  await expect(field).toBeFocused();
  await expectAccessible(admin);
  const url = new URL(await field.inputValue());

  // Handed over, it sets a new password and signs them in.
  const other = await newPage(browser);
  await other.goto(url.pathname);
  await expect(other.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await other.getByLabel("New password").fill("quartz lantern meadow 7431");
  await other.getByRole("button", { name: "Set new password" }).click();
  await expectToast(other, "Password changed. You are signed in here and signed out everywhere else.");
  await expect(other.getByTestId("signed-in-as")).toContainText("Rita Reset");
  // Their old session ended.
  await person.goto("/account");
  await expect(person).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  expect(email).toMatch(/^rita-reset/);
});

test("sign out ends the session and protected pages send you to sign in", async ({ page }) => {
  await signIn(page, "participant@example.com");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expectToast(page, "You are signed out.");
  await page.goto("/archive");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Farchive/);
  await expect(page.getByText("Sign in to see that page: you are not signed in, or your session has ended.")).toBeVisible();
  await page.getByLabel("Email").fill("participant@example.com");
  await page.getByLabel("Password").fill("problem-first-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/archive$/);
});

test("the demo data shows a living product on first start", async ({ page }) => {
  await signIn(page, "participant@example.com");
  await expect(page.getByRole("link", { name: "Winter AI Hackathon" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Autumn AI Hackathon 2026" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Autumn AI Hackathon 2026" }).click();
  await page.getByRole("link", { name: "Results" }).click();
  await expect(
    page
      .getByRole("row", { name: /Queue suggester/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("1");
  await expectAccessible(page);
  await page.getByRole("link", { name: "How it works" }).click();
  await expect(page.getByRole("heading", { name: "How Problem First works" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Archive", exact: true }).click();
  await page.getByLabel("Outcome").selectOption("failed");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/outcome=failed/);
  await expect(page.getByRole("link", { name: "Support chatbot for agents" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toHaveCount(0);
});

test("a role change for someone made an admin since the page was read is refused in a toast, and the row shows them as they are", async ({ browser }) => {
  const person = await createPerson("Ada Promoted");
  const admin = await newPage(browser);
  await signIn(admin, "admin@example.com");
  await admin.goto("/admin/users");
  await waitForApp(admin);
  const row = admin.getByRole("row", { name: new RegExp(person.email.replace(/\./g, "\\.")) });
  await expect(row).toContainText("member");
  // Meanwhile, the promote script makes them an admin (npm run user:promote).
  await db.update(users).set({ role: "admin" }).where(eq(users.id, person.id));
  await row.getByRole("button", { name: "Make organizer: Ada Promoted" }).click();
  await expectToast(admin, "Ada Promoted is an admin, made one since the page was read. Admins keep their role; use the promote script to change an admin.");
  await expect(row).toContainText("admin");
  await expect(row.getByRole("button", { name: "Make organizer: Ada Promoted" })).toHaveCount(0);
  await expectAccessible(admin);
});
