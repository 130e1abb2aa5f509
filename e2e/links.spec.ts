// Links of the app are plain anchors that one click handler of the root turns into navigations in the browser
// (ADR 061): the page changes without loading a new document, history works, and clicks that mean "somewhere
// else" (a new tab) stay the browser's.
import { expect } from "@playwright/test";
import { expectAccessible, signIn, test, waitForApp } from "./helpers";

test("a link inside the app changes the page without loading a new document, and a modified click opens a new tab", async ({ page }) => {
  await signIn(page, "participant@example.com");
  await page.goto("/about");
  await expectAccessible(page);
  // Alive: the root's effects ran, so its links navigate in the app.
  await waitForApp(page);
  // A mark on this document: a new document would not have it.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  await page.getByRole("link", { name: "search the archive" }).click();
  await expect(page).toHaveURL(/\/archive$/);
  await expect(page.getByRole("heading", { level: 1, name: /archive/i })).toBeVisible();
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

  await page.goBack();
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole("link", { name: "search the archive" })).toBeVisible();
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

  // Control-click: the browser opens the link in a new tab, and this page stays where it is.
  const [tab] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: "search the archive" }).click({ modifiers: ["ControlOrMeta"] }),
  ]);
  // A new tab starts at about:blank and then loads the link: wait for the address, not for the first load.
  await expect(tab).toHaveURL(/\/archive$/);
  await expect(page).toHaveURL(/\/about$/);
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
});

test("the address /events, typed by someone looking for the list, leads to the events on the home page", async ({ page }) => {
  await signIn(page, "participant@example.com");
  await page.goto("/events");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Winter AI Hackathon" }).first()).toBeVisible();
});

test("an address no page has says so in words, not in the router's, and leads back to the events", async ({ page }) => {
  await signIn(page, "participant@example.com");
  const response = await page.goto("/adminn");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page).toHaveTitle("Not found · Problem First");
  await expect(page.getByRole("alert")).toContainText("There is no page at this address. Check the link, or start again from the list of events.");
  await expect(page.getByText("No route matches")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to events" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("a missing event or team is titled Not found, as its heading says, and a page not for this person Not available", async ({ page }) => {
  await signIn(page, "participant@example.com");
  expect((await page.goto("/events/no-such-event"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page).toHaveTitle("Not found · Problem First");
  expect((await page.goto("/events/winter-ai-hackathon/teams/no-such-team"))?.status()).toBe(404);
  await expect(page).toHaveTitle("Not found · Problem First");
  expect((await page.goto("/events/winter-ai-hackathon/manage"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available" })).toBeVisible();
  await expect(page).toHaveTitle("Not available · Problem First");
  await expectAccessible(page);
});

test("an admin who types /admin lands on the accounts page", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
});
