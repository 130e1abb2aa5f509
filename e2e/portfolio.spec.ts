import { expect } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { teamMembers } from "#db/schema";
import { db } from "~/db.server";
import { createPerson, openEvent, pageSignedInAs, publishResults, startJudging, submittedEntry } from "./fixtures";
import { expectAccessible, expectToast, unique, test } from "./helpers";

test("a person builds a portfolio over two events, hides one entry, and others no longer see it", async ({ browser }) => {
  const pia = await createPerson("Pia Portfolio");
  const ola = await createPerson("Ola Onlooker");
  const judge = await createPerson("Jon Judge");
  const first = await openEvent(unique("Spring Hack"));
  const second = await openEvent(unique("Autumn Hack"));
  const failedTitle = unique("Dispute bot");
  const workingTitle = unique("Close checker");
  const failed = await submittedEntry(first, pia, failedTitle, "failed");
  const working = await submittedEntry(second, pia, workingTitle, "working");
  for (const setUp of [first, second]) {
    await startJudging(setUp, [judge]);
    await publishResults(setUp);
  }

  // Another person reaches Pia's portfolio from her entry's page.
  const other = await pageSignedInAs(browser, ola.email);
  await other.goto(`${first.url}/entries/${failed.entryId}`);
  await other.getByRole("link", { name: pia.name }).click();
  await expect(other.getByRole("heading", { level: 1, name: pia.name })).toBeVisible();
  await expect(other.getByRole("link", { name: failedTitle })).toBeVisible();
  await expect(other.getByRole("link", { name: workingTitle })).toBeVisible();

  // Pia, on a phone, sees both attempts, the failed one alike, and hides it.
  const page = await pageSignedInAs(browser, pia.email);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/account");
  await page.getByLabel("Headline").fill("Analyst, Finance operations");
  await page.getByLabel("Skills").fill("SQL, prompt design");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expectToast(page, "Profile saved.");
  await page.getByRole("link", { name: "your portfolio" }).click();
  await expect(page.getByText("Analyst, Finance operations")).toBeVisible();
  await expect(page.getByRole("list", { name: "Skills" }).getByRole("listitem")).toHaveText(["SQL", "prompt design"]);
  await expect(page.getByRole("link", { name: failedTitle })).toBeVisible();
  await expect(page.getByRole("link", { name: workingTitle })).toBeVisible();
  await expect(page.getByText("Failed attempt").first()).toBeVisible();
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: `Hide from my portfolio: ${failedTitle}` }).click();
  await expectToast(page, "Hidden from your portfolio. Others no longer see it here.");
  await expect(page.getByText("Hidden from others")).toBeVisible();
  await expect(page.getByRole("button", { name: `Show on my portfolio: ${failedTitle}` })).toBeVisible();

  // Ola no longer sees it; the other entry stays.
  await other.reload();
  await expect(other.getByRole("link", { name: workingTitle })).toBeVisible();
  await expect(other.getByRole("link", { name: failedTitle })).toHaveCount(0);
  await expectAccessible(other);

  // No longer in the second entry's team (taken off it meanwhile, in another tab), Pia presses Hide on the page she
  // had open: she is told why, and the page shows her portfolio as it is now.
  await db.delete(teamMembers).where(and(eq(teamMembers.teamId, working.teamId), eq(teamMembers.userId, pia.id)));
  await page.getByRole("button", { name: `Hide from my portfolio: ${workingTitle}` }).click();
  await expectToast(page, "That entry is no longer one of your teams', so it is not on your portfolio.");
  await expect(page.getByRole("link", { name: workingTitle })).toHaveCount(0);
});
