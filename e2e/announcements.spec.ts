import { expect, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { announcements, notifications } from "#db/schema";
import { db } from "~/db.server";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { addJudge } from "~/modules/events/events.server";
import { createPerson, findPerson, openEvent, pageSignedInAs, publishResults, reopenEvent, startJudging, teamOf } from "./fixtures";
import { expectAccessible, expectToast, test, unique, waitForApp } from "./helpers";

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

// An organizer schedules an announcement to team members a few seconds ahead, on a phone; at its time the
// scheduler sends it: a team member sees it on the event page and in their notifications, a judge of the same
// event (outside the audience) never sees it.
test("a scheduled announcement reaches its audience on the event page and in notifications, and nobody else", async ({ browser }) => {
  const setUp = await openEvent(unique("Announce Hack"));
  const member = await createPerson("Ana Member");
  const judge = await createPerson("Jude Outside");
  await teamOf(setUp, member);
  await addJudge(setUp.event.id, judge.email);
  const organizer = await findPerson("organizer@example.com");
  const title = unique("Demo day moved");

  const page = await pageSignedInAs(browser, organizer.email);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${setUp.url}/manage`);
  await page.getByRole("link", { name: "Announcements" }).click();
  await expect(page.getByRole("heading", { name: "Announcements", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page
    .getByRole("textbox", { name: "Message" })
    .fill("Demos start at **14:00** in the atrium. <script>alert(1)</script> [Agenda](https://example.com/agenda)");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.locator("strong")).toHaveText("14:00");
  await expect(preview.getByRole("link", { name: "Agenda" })).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(preview.locator("script")).toHaveCount(0);
  await expectAccessible(page);
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue(title);
  // Changing the message after the preview says the preview is out of date, until it is previewed again.
  const stale = preview.getByText("The message changed since this preview. Press Preview again to see it as it will be sent.");
  await expect(stale).toHaveCount(0);
  await page
    .getByRole("textbox", { name: "Message" })
    .fill("Demos start at **15:00** in the atrium. <script>alert(1)</script> [Agenda](https://example.com/agenda)");
  await expect(stale).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(preview.locator("strong")).toHaveText("15:00");
  await expect(stale).toHaveCount(0);

  await page.getByLabel("Who gets it").selectOption({ label: "Team members (1 person now)" });
  await page.getByLabel("At a set time").check();
  await expect(page.getByRole("button", { name: "Schedule announcement" })).toBeVisible();
  // A time already past is refused next to the field.
  await page.getByLabel(/Send at/).fill(utcToZonedLocal(new Date(Date.now() - 3_600_000), "UTC"));
  await page.getByRole("button", { name: "Schedule announcement" }).click();
  await expect(page.getByText("Pick a time in the future, or send it now")).toBeVisible();

  // The event is in UTC; seconds are accepted, so a few seconds ahead is a real schedule.
  const at = new Date(Date.now() + 8_000);
  await page.getByLabel(/Send at/).fill(`${utcToZonedLocal(at, "UTC")}:${String(at.getUTCSeconds()).padStart(2, "0")}`);
  await page.getByRole("button", { name: "Schedule announcement" }).click();
  await expectToast(page, "Announcement scheduled.");
  await expect(page.getByRole("region", { name: "Scheduled" }).getByRole("heading", { name: title })).toBeVisible();
  await expectAccessible(page);

  const memberPage = await pageSignedInAs(browser, member.email);
  await memberPage.goto(setUp.url);
  // Sent by the scheduler (a tick a second in the e2e server) at its time: the page shows it once reloaded.
  await expect(async () => {
    await memberPage.reload();
    await expect(memberPage.getByRole("heading", { name: title })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  const shown = memberPage.getByRole("article", { name: title });
  await expect(shown.locator("strong")).toHaveText("15:00");
  await expect(shown.locator("script")).toHaveCount(0);
  await expectAccessible(memberPage);

  const [row] = await db.select().from(announcements).where(eq(announcements.title, title));
  expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(at.getTime() - 1_000);
  expect(row.recipientCount).toBe(1);

  await memberPage.goto("/notifications");
  await expectAccessible(memberPage);
  // Opening the notice marks it read and goes to the announcement on the event page.
  await memberPage.getByRole("button", { name: `${setUp.event.title}: ${title}` }).click();
  await expect(memberPage).toHaveURL(new RegExp(`${setUp.url}#announcement-${row.id}$`));
  await expect(memberPage.getByRole("article", { name: title })).toBeVisible();

  const judgePage = await pageSignedInAs(browser, judge.email);
  await judgePage.goto(setUp.url);
  await expect(judgePage.getByRole("heading", { name: setUp.event.title })).toBeVisible();
  await expect(judgePage.getByText(title)).toHaveCount(0);
  expect(await db.select().from(notifications).where(eq(notifications.userId, judge.id))).not.toContainEqual(expect.objectContaining({ kind: "announcement" }));

  await page.reload();
  await expect(page.getByRole("region", { name: "Sent" }).getByText("reached 1 person")).toBeVisible();
});

// Changing and cancelling a scheduled announcement; cancelling asks first.
test("a scheduled announcement is changed, then cancelled after a confirmation, and never sent", async ({ browser }) => {
  const setUp = await openEvent(unique("Cancel Hack"));
  const organizer = await findPerson("organizer@example.com");
  const page = await pageSignedInAs(browser, organizer.email);
  await page.goto(`${setUp.url}/announcements`);
  await page.getByRole("textbox", { name: "Title" }).fill("Lunch plan");
  await page.getByRole("textbox", { name: "Message" }).fill("Sandwiches.");
  await page.getByLabel("At a set time").check();
  await page.getByLabel(/Send at/).fill(utcToZonedLocal(new Date(Date.now() + 24 * 3_600_000), "UTC"));
  await page.getByRole("button", { name: "Schedule announcement" }).click();
  await expectToast(page, "Announcement scheduled.");
  // The form starts afresh, so nobody sends the same announcement twice by pressing again.
  const newForm = page.getByRole("region", { name: "New announcement" });
  await expect(newForm.getByRole("textbox", { name: "Title" })).toHaveValue("");
  await expect(newForm.getByRole("textbox", { name: "Message" })).toHaveValue("");

  await page.getByRole("link", { name: "Change “Lunch plan”" }).click();
  const changeForm = page.getByRole("region", { name: "Change “Lunch plan”" });
  await expect(changeForm.getByRole("textbox", { name: "Message" })).toHaveValue("Sandwiches.");
  await page.getByRole("textbox", { name: "Title" }).fill("Lunch plan, final");
  await page.getByRole("button", { name: "Save and keep it scheduled" }).click();
  await expectToast(page, "Announcement updated.");
  // A second tab is changing it while the first cancels it.
  const other = await pageSignedInAs(browser, organizer.email);
  await other.goto(`${setUp.url}/announcements`);
  await waitForApp(other);
  await other.getByRole("link", { name: "Change “Lunch plan, final”" }).click();
  const otherForm = other.getByRole("region", { name: "Change “Lunch plan, final”" });
  await expect(otherForm.getByRole("textbox", { name: "Message" })).toHaveValue("Sandwiches.");
  await otherForm.getByRole("textbox", { name: "Message" }).fill("Sandwiches and soup.");
  await expect(otherForm.getByRole("textbox", { name: "Message" })).toHaveValue("Sandwiches and soup.");

  const scheduled = page.getByRole("region", { name: "Scheduled" });
  await scheduled.getByRole("button", { name: "Cancel sending “Lunch plan, final”" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Cancel sending “Lunch plan, final”? It will not be sent" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Cancel the announcement" }).click();
  await expectToast(page, "“Lunch plan, final” was cancelled; it will not be sent.");
  await expect(scheduled.getByText("Nothing is waiting to be sent.")).toBeVisible();
  // The second tab's save says it was cancelled, not sent, and keeps what was typed.
  await other.getByRole("button", { name: "Save and keep it scheduled" }).click();
  await expect(
    other.getByText(
      "This announcement was cancelled meanwhile, so it can no longer be changed: nobody received it. Your text is still in the form: copy what you need.",
    ),
  ).toBeVisible();
  // The lists catch up, and the text stays, now in the form for a new announcement: it can be scheduled again.
  await expect(other.getByRole("region", { name: "Scheduled" }).getByText("Nothing is waiting to be sent.")).toBeVisible();
  const again = other.getByRole("region", { name: "New announcement" });
  await expect(again.getByRole("textbox", { name: "Message" })).toHaveValue("Sandwiches and soup.");
  await again.getByRole("button", { name: "Schedule announcement" }).click();
  await expectToast(other, "Announcement scheduled.");
  await expect(other.getByRole("region", { name: "Scheduled" })).toContainText("Lunch plan, final");
});

test("a new announcement being typed is not thrown away by Change on a scheduled one: the page asks first", async ({ browser }) => {
  const setUp = await openEvent(unique("Typing Hack"));
  const page = await pageSignedInAs(browser, "organizer@example.com");
  await page.goto(`${setUp.url}/announcements`);
  await waitForApp(page);
  await page.getByRole("textbox", { name: "Title" }).fill("Demo day");
  await page.getByRole("textbox", { name: "Message" }).fill("Demos at three.");
  await page.getByLabel("At a set time").check();
  await page.getByLabel(/Send at/).fill(utcToZonedLocal(new Date(Date.now() + 24 * 3_600_000), "UTC"));
  await page.getByRole("button", { name: "Schedule announcement" }).click();
  await expectToast(page, "Announcement scheduled.");
  const newForm = page.getByRole("region", { name: "New announcement" });
  await newForm.getByRole("textbox", { name: "Title" }).fill("Parking");
  await newForm.getByRole("textbox", { name: "Message" }).fill("Level two is ours on Friday.");
  await page.getByRole("link", { name: "Change “Demo day”" }).click();
  await expect(page.getByRole("alertdialog", { name: "Leave without saving?" })).toBeVisible();
  await page.getByRole("button", { name: "Stay on this page" }).click();
  await expect(newForm.getByRole("textbox", { name: "Message" })).toHaveValue("Level two is ours on Friday.");
  await page.getByRole("link", { name: "Change “Demo day”" }).click();
  await page.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("region", { name: "Change “Demo day”" }).getByRole("textbox", { name: "Message" })).toHaveValue("Demos at three.");
});

test("two organizers change one scheduled announcement: the later save is refused beside the form, with its text kept", async ({ browser }) => {
  const setUp = await openEvent(unique("Two Editors Hack"));
  const [first, second] = [await pageSignedInAs(browser, "organizer@example.com"), await pageSignedInAs(browser, "organizer@example.com")];
  await first.goto(`${setUp.url}/announcements`);
  await waitForApp(first);
  await first.getByRole("textbox", { name: "Title" }).fill("Kick-off");
  await first.getByRole("textbox", { name: "Message" }).fill("At nine.");
  await first.getByLabel("At a set time").check();
  await first.getByLabel(/Send at/).fill(utcToZonedLocal(new Date(Date.now() + 24 * 3_600_000), "UTC"));
  await first.getByRole("button", { name: "Schedule announcement" }).click();
  await expectToast(first, "Announcement scheduled.");
  for (const page of [first, second]) {
    await page.goto(`${setUp.url}/announcements`);
    await waitForApp(page);
    await page.getByRole("link", { name: "Change “Kick-off”" }).click();
  }
  await first.getByRole("region", { name: "Change “Kick-off”" }).getByRole("textbox", { name: "Message" }).fill("At half past nine.");
  await first.getByRole("button", { name: "Save and keep it scheduled" }).click();
  await expectToast(first, "Announcement updated.");
  const stale = second.getByRole("region", { name: "Change “Kick-off”" });
  await stale.getByRole("textbox", { name: "Message" }).fill("At nine, in the atrium.");
  await second.getByRole("button", { name: "Save and keep it scheduled" }).click();
  await expect(second.getByText(/^This announcement was changed since you opened it/)).toBeVisible();
  await expect(stale.getByRole("textbox", { name: "Message" })).toHaveValue("At nine, in the atrium.");
  await expectAccessible(second);
});

// Without JavaScript the Preview button renders the Markdown on the server and keeps what was typed. (axe needs
// JavaScript in the page, so this page is checked with it in the first test.)
test("without JavaScript, Preview shows the rendered message and sending now works", async ({ browser }) => {
  const setUp = await openEvent(unique("No Script Hack"));
  const signedIn = await pageSignedInAs(browser, "organizer@example.com");
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await context.addCookies(await signedIn.context().cookies());
  const page = await context.newPage();
  await page.goto(`${setUp.url}/announcements`);
  await page.getByRole("textbox", { name: "Title" }).fill("Doors open");
  await page.getByRole("textbox", { name: "Message" }).fill("Coffee from **8:30**.");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Preview" }).locator("strong")).toHaveText("8:30");
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveValue("Doors open");
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("Coffee from **8:30**.");
  // The button cannot follow the "When" choice without JavaScript: it names both, and "Now" (the default) sends now.
  await expect(page.getByRole("button", { name: "Send announcement now" })).toHaveCount(0);
  await page.getByRole("button", { name: "Send or schedule announcement" }).click();
  await expectToast(page, "Announcement sent. Its audience is empty right now, so it reached nobody.");
  await expect(page.getByRole("region", { name: "Sent" }).getByText("reached 0 people")).toBeVisible();
  // Sent again by mistake (a second press, or the same text typed again): nobody gets it twice.
  await page.getByRole("textbox", { name: "Title" }).fill("Doors open");
  await page.getByRole("textbox", { name: "Message" }).fill("Coffee from **8:30**.");
  await page.getByRole("button", { name: "Send or schedule announcement" }).click();
  await expectToast(page, "You sent or scheduled this same announcement a moment ago, so it was not sent again.");
  await expect(page.getByRole("region", { name: "Sent" }).getByText("Doors open")).toHaveCount(1);
});

// Someone looking for a team is in the event before they are in a team: "Everyone in the event" reaches them.
test("an announcement to everyone in the event reaches someone still looking for a team", async ({ browser }) => {
  const setUp = await openEvent(unique("Seeker Hack"));
  const seeker = await createPerson("Sol Seeking");
  const seekerPage = await pageSignedInAs(browser, seeker.email);
  await seekerPage.goto(`${setUp.url}/find-a-team`);
  await seekerPage.getByLabel("Your skills and interests").fill("Forecasting, Python");
  await seekerPage.getByRole("button", { name: "Post that I am looking" }).click();
  await expectToast(seekerPage, "Your post is up: teams looking for members can see it.");

  const page = await pageSignedInAs(browser, "organizer@example.com");
  await page.goto(`${setUp.url}/announcements`);
  await expect(page.getByText("every member of every team, everyone who posted on Find a team, every judge and the other organizers")).toBeVisible();
  await page.getByRole("textbox", { name: "Title" }).fill("Team mixer at noon");
  await page.getByRole("textbox", { name: "Message" }).fill("Meet the teams looking for members in the atrium.");
  await page.getByLabel("Who gets it").selectOption({ label: "Everyone in the event (1 person now)" });
  await page.getByRole("button", { name: /^Send (announcement now|or schedule announcement)$/ }).click();
  await expectToast(page, "Announcement sent to 1 person.");

  await seekerPage.goto(setUp.url);
  await expect(seekerPage.getByRole("article", { name: "Team mixer at noon" })).toContainText("Meet the teams looking for members in the atrium.");
  await expectAccessible(seekerPage);
});

test("an announcement to the winners, scheduled before the event was reopened, keeps its audience when changed", async ({ browser }) => {
  const setUp = await openEvent(unique("Winners Hack"));
  await startJudging(setUp, []);
  await publishResults(setUp);
  const organizer = await findPerson("organizer@example.com");
  const page = await pageSignedInAs(browser, organizer.email);
  await page.goto(`${setUp.url}/announcements`);
  await waitForApp(page);
  await page.getByRole("textbox", { name: "Title" }).fill("Prize day");
  await page.getByRole("textbox", { name: "Message" }).fill("Collect your prize on Friday.");
  await page.getByLabel("Who gets it").selectOption({ label: "Winners (0 people now)" });
  await page.getByLabel("At a set time").check();
  await page.getByLabel(/Send at/).fill(utcToZonedLocal(new Date(Date.now() + 24 * 3_600_000), "UTC"));
  await page.getByRole("button", { name: "Schedule announcement" }).click();
  await expectToast(page, "Announcement scheduled.");

  // The organizers reopen judging to fix a score; a typo in the prize message is fixed meanwhile.
  await reopenEvent(setUp);
  await page.reload();
  await waitForApp(page);
  await page.getByRole("link", { name: "Change “Prize day”" }).click();
  const form = page.getByRole("region", { name: "Change “Prize day”" });
  // The audience is still the winners, said to be closed for now, not the first choice of the list.
  await expect(form.getByLabel("Who gets it")).toHaveValue("winners");
  await expect(form.getByLabel("Who gets it").locator("option:checked")).toHaveText("Winners (once results are published again)");
  await form.getByRole("textbox", { name: "Message" }).fill("Collect your prize on Friday, at noon.");
  await form.getByRole("button", { name: "Save and keep it scheduled" }).click();
  await expect(form.getByText("Winners can be written to once results are published", { exact: true })).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Message" })).toHaveValue("Collect your prize on Friday, at noon.");
  await expectAccessible(page);
  const [stored] = await db
    .select({ audience: announcements.audience, body: announcements.body })
    .from(announcements)
    .where(eq(announcements.eventId, setUp.event.id));
  expect(stored).toEqual({ audience: "winners", body: "Collect your prize on Friday." });
});

test("cancelling one scheduled announcement while changing another keeps the change being typed", async ({ browser }) => {
  const setUp = await openEvent(unique("Two Notes Hack"));
  const organizer = await findPerson("organizer@example.com");
  const page = await pageSignedInAs(browser, organizer.email);
  await page.goto(`${setUp.url}/announcements`);
  await waitForApp(page);
  for (const title of ["Keynote moved", "Parking closed"]) {
    await page.getByRole("textbox", { name: "Title" }).fill(title);
    await page.getByRole("textbox", { name: "Message" }).fill("Details to follow.");
    await page.getByLabel("At a set time").check();
    await page.getByLabel(/Send at/).fill(utcToZonedLocal(new Date(Date.now() + 24 * 3_600_000), "UTC"));
    await page.getByRole("button", { name: "Schedule announcement" }).click();
    await expectToast(page, "Announcement scheduled.");
  }
  await page.getByRole("link", { name: "Change “Keynote moved”" }).click();
  const form = page.getByRole("region", { name: "Change “Keynote moved”" });
  await form.getByRole("textbox", { name: "Message" }).fill("The keynote is now at 11:00 in the atrium.");
  // The other one is cancelled meanwhile, after its confirmation.
  const scheduled = page.getByRole("region", { name: "Scheduled" });
  await scheduled.getByRole("button", { name: "Cancel sending “Parking closed”" }).click();
  await page.getByRole("button", { name: "Cancel the announcement" }).click();
  await expectToast(page, "“Parking closed” was cancelled; it will not be sent.");
  await expect(form.getByRole("textbox", { name: "Message" })).toHaveValue("The keynote is now at 11:00 in the atrium.");
  await form.getByRole("button", { name: "Save and keep it scheduled" }).click();
  await expectToast(page, "Announcement updated.");
  const [stored] = await db
    .select({ body: announcements.body })
    .from(announcements)
    .where(and(eq(announcements.eventId, setUp.event.id), eq(announcements.title, "Keynote moved")));
  expect(stored.body).toBe("The keynote is now at 11:00 in the atrium.");
});

test("previewing a change to an announcement sent meanwhile says so, and keeps the text as a new announcement", async ({ browser }) => {
  const setUp = await openEvent(unique("Sent Meanwhile Hack"));
  const organizer = await findPerson("organizer@example.com");
  const page = await pageSignedInAs(browser, organizer.email);
  await page.goto(`${setUp.url}/announcements`);
  await waitForApp(page);
  await page.getByRole("textbox", { name: "Title" }).fill("Demo order");
  await page.getByRole("textbox", { name: "Message" }).fill("Teams present in the order of the list.");
  await page.getByLabel("At a set time").check();
  await page.getByLabel(/Send at/).fill(utcToZonedLocal(new Date(Date.now() + 24 * 3_600_000), "UTC"));
  await page.getByRole("button", { name: "Schedule announcement" }).click();
  await expectToast(page, "Announcement scheduled.");
  await page.getByRole("link", { name: "Change “Demo order”" }).click();
  const form = page.getByRole("region", { name: "Change “Demo order”" });
  await form.getByRole("textbox", { name: "Message" }).fill("Teams present in reverse order.");
  // The scheduler sends it meanwhile.
  await db
    .update(announcements)
    .set({ sentAt: new Date(), recipientCount: 0 })
    .where(and(eq(announcements.eventId, setUp.event.id), eq(announcements.title, "Demo order")));
  await page.getByRole("button", { name: "Preview" }).click();
  const now = page.getByRole("region", { name: "New announcement" });
  await expect(now.getByText("This announcement was sent meanwhile, to 0 people, so it can no longer be changed.")).toBeVisible();
  await expect(now.getByRole("textbox", { name: "Message" })).toHaveValue("Teams present in reverse order.");
  await expectAccessible(page);
});
