import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { addJudge } from "~/modules/events/events.server";
import { createJudgeInvite } from "~/modules/events/judge-invites.server";
import { createTeam } from "~/modules/teams/teams.server";
import { createPerson, findPerson, openEvent, pageSignedInAs } from "./fixtures";
import { expectAccessible, expectToast, unique, test } from "./helpers";

const sections = ["Dashboard", "Phase", "Problems", "Judges", "Teams", "Rubric and scale", "Submission questions", "Organizers"];

/** The page is no wider than the screen: nothing needs sideways scrolling. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

// The Manage page is long: an "On this page" navigation of plain links reaches each section, on a phone and
// without JavaScript; the judges section shows the judges and their working invite links together.
test("the Manage page's sections are reached from its in-page navigation, at 390 px and without JavaScript", async ({ browser }) => {
  const setUp = await openEvent(unique("Sections Hack"));
  const judge = await createPerson("Jo Sectioned");
  await addJudge(setUp.event.id, judge.email);
  const organizer = await findPerson("organizer@example.com");
  await createJudgeInvite(setUp.event.id, organizer.id, 7);

  const page = await pageSignedInAs(browser, organizer.email);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${setUp.url}/manage`);
  const nav = page.getByRole("navigation", { name: "On this page" });
  await expect(nav.getByRole("link")).toHaveText(sections);
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await nav.getByRole("link", { name: "Judges" }).click();
  await expect(page).toHaveURL(/\/manage#judges$/);
  const judges = page.getByRole("region", { name: "Judges (1)" });
  await expect(judges.getByRole("heading", { name: "Judges (1)" })).toBeInViewport();
  await expect(judges.getByText(`Jo Sectioned (${judge.email})`)).toBeVisible();
  await expect(judges.getByRole("heading", { name: "Invite links (1 working)" })).toBeVisible();
  await expect(judges.getByText(`by ${organizer.name}, valid until`)).toBeVisible();
  await judges.getByRole("link", { name: "Create or revoke invite links" }).click();
  await expect(page.getByRole("heading", { name: "Judge invite links" })).toBeInViewport();
  await page.getByRole("link", { name: `← Manage ${setUp.event.title}` }).click();
  await expect(page).toHaveURL(/\/manage#judges$/);

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await context.addCookies(await page.context().cookies());
  const noScript = await context.newPage();
  await noScript.goto(`${setUp.url}/manage`);
  await noScript.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Organizers" }).click();
  await expect(noScript.getByRole("heading", { name: "Organizers (1)" })).toBeInViewport();
  await context.close();
});

// Manage's dashboard and the sections after its phase controls load after the page (ADR 043, ADR 058). Their download
// starts while a navigation inside the app still waits for the page's data, so they are usually in when the page
// renders, not a moment after it. The data is held here until the sections' code has been asked for: were it asked
// for only once the page renders, the page would never come.
test("after a navigation inside the app, Manage's later sections start downloading before its data arrives", async ({ browser }) => {
  const setUp = await openEvent(unique("Arrive Hack"));
  const page = await pageSignedInAs(browser, "organizer@example.com");
  await page.goto(setUp.url);
  let asked = () => {};
  const sectionsAsked = new Promise<void>((resolve) => (asked = resolve));
  await page.route(/\/assets\/deferred-sections-[\w-]+\.js$/, async (route) => {
    asked();
    await route.continue();
  });
  await page.route(/\/manage\.data(\?|$)/, async (route) => {
    await sectionsAsked;
    await route.continue();
  });
  await page.getByRole("link", { name: "Manage event" }).click();
  await expect(page.getByRole("heading", { name: "Manage event", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Organizers (1)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Business problems/ })).toBeVisible();
});

test("back links return where the person came from: the event page, the accounts page, the Manage page", async ({ browser }) => {
  const setUp = await openEvent(unique("Back Hack"));
  const title = setUp.event.title;

  // From the event page, the Manage page leads back to it.
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(setUp.url);
  await organizer.getByRole("link", { name: "Manage event" }).click();
  await expect(organizer.getByRole("heading", { name: "Manage event" })).toBeVisible();
  await organizer.getByRole("link", { name: `← ${title}` }).click();
  await expect(organizer.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // From the accounts page, it leads back there, also after an action on the page.
  const admin = await pageSignedInAs(browser, "admin@example.com");
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: title }).click();
  await expect(admin.getByRole("heading", { name: "Manage event" })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("Add a judge by email").fill((await createPerson("Jo Back")).email);
  await admin.getByRole("button", { name: "Add judge" }).click();
  await expectToast(admin, "Jo Back is now a judge of this event.");
  await admin.getByRole("link", { name: "← Accounts" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();

  // Awards opened from the Manage page lead back to its judges section, not to the results.
  await organizer.goto(`${setUp.url}/manage`);
  await organizer.getByRole("link", { name: "Awards", exact: true }).click();
  await expect(organizer.getByRole("heading", { level: 1, name: "Awards" })).toBeVisible();
  await expectAccessible(organizer);
  await organizer.getByRole("link", { name: `← Manage ${title}` }).click();
  await expect(organizer).toHaveURL(/\/manage#judges$/);
  await expect(organizer.getByRole("heading", { name: "Judges (1)" })).toBeInViewport();
});

test("an organizer downloads the teams and members CSV from the manage page", async ({ browser }) => {
  const setUp = await openEvent(unique("Roster Hack"));
  const lead = await createPerson("Rae Roster");
  const team = await createTeam(setUp.event, lead.id, { name: unique("=Roster team"), problemId: setUp.problemId });
  if (!team.ok) throw new Error(team.message);
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/manage`);
  const [download] = await Promise.all([organizer.waitForEvent("download"), organizer.getByRole("link", { name: "Download teams and members (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe(`${setUp.event.slug}-teams.csv`);
  const text = fs.readFileSync(await download.path(), "utf8");
  expect(text.split("\n")[0]).toBe("team,problem,submission,entry,lead,lead email,members,member emails");
  expect(text).toContain(`'=Roster team`);
  expect(text).toContain(`no entry,,Rae Roster,${lead.email}`);
});
