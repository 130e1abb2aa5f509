import { expect, type Browser, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { notifications, outbox } from "#db/schema";
import { db } from "~/db.server";
import { startSession } from "~/modules/auth/session.server";
import { addJudge } from "~/modules/events/events.server";
import { optOut } from "~/modules/mail/outbox.server";
import { notify, type Notice } from "~/modules/notifications/notify.server";
import { createPerson, openEvent, pageSignedInAs, type Person } from "./fixtures";
import { expectAccessible, expectToast, test, waitForApp } from "./helpers";

const ORIGIN = process.env.E2E_BASE_URL ?? "http://localhost";

function notice(to: Person, title: string, path: string): Notice {
  return {
    to,
    title,
    body: `${title}: what happened, in one line.`,
    path,
    mail: { kind: "announcement", subject: title, greeting: `Hello ${to.name},`, paragraphs: [title] },
  };
}

const bell = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ });

/** A page with JavaScript off, signed in as `person`: the forms must work as plain HTML. */
async function pageWithoutJavaScript(browser: Browser, person: Person) {
  const [cookie] = (await startSession(person.id)).split(";");
  const separator = cookie.indexOf("=");
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies([{ name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: ORIGIN, httpOnly: true, sameSite: "Lax" }]);
  return context.newPage();
}

test("unread notices show in the header; opening one goes to its page and the count drops; mark all as read", async ({ browser }) => {
  const person = await createPerson("Nora Notified");
  const { event, url } = await openEvent();
  await notify([notice(person, "Oldest news", "/archive")], ORIGIN);
  await notify([notice(person, "Middle news", "/about")], ORIGIN);
  await notify([notice(person, `Newest news about ${event.title}`, url)], ORIGIN);

  const page = await pageSignedInAs(browser, person.email);
  await page.goto("/");
  await expect(bell(page)).toHaveAccessibleName("Notifications, 3 unread");
  await expect(bell(page)).toContainText("3");
  // The header's other links still work beside the bell.
  await expect(page.getByTestId("signed-in-as")).toHaveAccessibleName(`Your account: ${person.name}`);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await bell(page).click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const items = page.getByRole("list", { name: "Your notifications" }).getByRole("listitem");
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText(`Newest news about ${event.title}`);
  await expect(items.last()).toContainText("Oldest news");
  await expect(items.first()).toContainText("Unread");
  await expect(page.getByText("3 unread of 3.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: `Newest news about ${event.title}` }).click();
  await expect(page).toHaveURL(new RegExp(`${url}$`));
  await expect(page.getByRole("heading", { name: event.title, level: 1 })).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");

  await bell(page).click();
  await expect(items.first()).not.toContainText("Unread");
  await expect(items.nth(1)).toContainText("Unread");
  // A notice that arrives after the page was read is not marked with the ones the person saw.
  await notify([notice(person, "Late news", "/about")], ORIGIN);
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expectToast(page, "All notifications you had seen are marked as read. One that arrived since stays unread.");
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await expect(items.first()).toContainText("Late news");
  await expect(items.first()).toContainText("Unread");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expectToast(page, "All notifications marked as read.");
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await expect(page.getByText("Unread", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a notice opens without JavaScript, and a new person sees what will appear", async ({ browser }) => {
  const person = await createPerson("Otto Offline");
  await notify([notice(person, "Read me without scripts", "/about")], ORIGIN);
  const page = await pageWithoutJavaScript(browser, person);
  await page.goto("/notifications");
  await page.getByRole("button", { name: "Read me without scripts" }).click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(bell(page)).toHaveAccessibleName("Notifications");

  const newcomer = await createPerson("Nina New");
  const fresh = await pageSignedInAs(browser, newcomer.email);
  await fresh.goto("/notifications");
  await expect(fresh.getByText("No notifications yet.")).toBeVisible();
  await expect(fresh.getByText(/someone joining your team/)).toBeVisible();
  await expectAccessible(fresh);
});

test("the header with the bell fits a phone", async ({ browser }) => {
  const person = await createPerson("Pia Phone-Width Reader");
  await notify([notice(person, "Small screen news", "/about")], ORIGIN);
  const page = await pageSignedInAs(browser, person.email);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/", "/notifications"]) {
    await page.goto(path);
    await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
    await expect(bell(page)).toBeInViewport();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  }
  await expectAccessible(page);
});

const mailsOfKind = (email: string, kind: string) =>
  db
    .select({ id: outbox.id, unsubscribeUrl: outbox.unsubscribeUrl })
    .from(outbox)
    .where(and(eq(outbox.toEmail, email.toLowerCase()), eq(outbox.kind, kind)));

test("turning a kind of email off keeps the notice in the list but sends no mail; an unsubscribed address can opt back in", async ({ browser }) => {
  const person = await createPerson("Quinn Quiet");
  const page = await pageSignedInAs(browser, person.email);
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Email notifications" });
  const judgeAdded = section.getByRole("checkbox", { name: "You were made a judge" });
  await expect(judgeAdded).toBeChecked();
  await expect(section.getByRole("checkbox", { name: "Announcements from organizers" })).toBeChecked();
  // Security mail is listed, not offered as a choice.
  await expect(section.getByText("Password reset links")).toBeVisible();
  await expect(section.getByRole("checkbox", { name: "Password reset links" })).toHaveCount(0);
  await expectAccessible(page);
  await judgeAdded.uncheck();
  await section.getByRole("button", { name: "Save email preferences" }).click();
  await expectToast(page, "Email preferences saved.");
  await expect(judgeAdded).not.toBeChecked();

  // The organizer adds them as a judge: the notice arrives in the app, the mail does not.
  const { event } = await openEvent();
  const added = await addJudge(event.id, person.email);
  expect(added.ok).toBe(true);
  await page.reload();
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await bell(page).click();
  await expect(page.getByRole("list", { name: "Your notifications" })).toContainText(event.title);
  expect(await mailsOfKind(person.email, "judge-added")).toHaveLength(0);

  // Unsubscribed by the link in a mail (its page is tested in notification-preferences.test.ts): the account page says so and offers the way back.
  await optOut(person.email);
  await page.goto("/account");
  await expect(section).toContainText("You unsubscribed this address");
  await expectAccessible(page);
  await section.getByRole("button", { name: "Send me email again" }).click();
  await expectToast(page, "Emails are on again");
  await expect(section).not.toContainText("You unsubscribed this address");
});

test("the unsubscribe link in a mail works without JavaScript and without signing in", async ({ browser }) => {
  const person = await createPerson("Una Subscribed");
  await notify([notice(person, "News worth a mail", "/about")], ORIGIN);
  const [mail] = await mailsOfKind(person.email, "announcement");
  expect(mail.unsubscribeUrl).toBeTruthy();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL(mail.unsubscribeUrl!).pathname);
  await expect(page.getByRole("heading", { name: "Stop emails" })).toBeVisible();
  await page.getByRole("button", { name: "Stop emails" }).click();
  await expect(page.getByRole("status")).toContainText(`${person.email.toLowerCase()} gets no more notification emails`);
});

test("a notice gone since the list was read says so above the list, which drops it", async ({ browser }) => {
  const person = await createPerson("Gina Gone");
  await notify([notice(person, "News about a draft", "/about")], ORIGIN);
  const page = await pageSignedInAs(browser, person.email);
  await page.goto("/notifications");
  await waitForApp(page);
  // The draft event it was about is deleted meanwhile, and its notices with it.
  await db.delete(notifications).where(and(eq(notifications.userId, person.id), eq(notifications.title, "News about a draft")));
  await page.getByRole("button", { name: /News about a draft/ }).click();
  await expect(page.getByRole("alert")).toHaveText("That notification is no longer in your list: what it was about may have been deleted.");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByRole("button", { name: /News about a draft/ })).toHaveCount(0);
  await expectAccessible(page);
});
