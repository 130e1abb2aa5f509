// Reminders (ADR 026): an organizer reminds a judge with unfinished score sheets from the judges page, and the
// judge finds it in their notifications; a submission deadline set close brings a participant the deadline
// reminder from the scheduler (it ticks every second in the e2e server).
import { expect, type Page } from "@playwright/test";
import { createPerson, openEvent, pageSignedInAs, startJudging, submissionDeadlineIn, submittedEntry, teamOf } from "./fixtures";
import { expectAccessible, expectToast, test } from "./helpers";

const MINUTE = 60_000;

/** The notifications page, reloaded until a notice with this title shows (the scheduler delivers within seconds). */
async function expectNotice(page: Page, title: RegExp | string) {
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByRole("list", { name: /Your notifications/ }).getByRole("button", { name: title })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

test("an organizer reminds a judge with unfinished sheets, once an hour; the judge sees it in their notifications", async ({ browser }) => {
  const [judge, participant] = await Promise.all([createPerson("Rhea Reminded"), createPerson("Pat Submitter")]);
  const setUp = await openEvent();
  await submittedEntry(setUp, participant, "Dispute radar");
  await startJudging(setUp, [judge]);

  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.setViewportSize({ width: 390, height: 844 });
  await organizer.goto(`${setUp.url}/judges`);
  const section = organizer.getByRole("region", { name: "Remind judges" });
  await expect(section).toContainText("Each judge can be reminded once an hour");
  await expect(section).toContainText("0 of 1 sheet complete");
  await expectAccessible(organizer);
  const remind = section.getByRole("button", { name: "Remind Rhea Reminded" });
  await remind.click();
  await expectToast(organizer, "Reminder sent to Rhea Reminded: 1 score sheet left.");
  // The page says when the judge can be reminded again, and the button waits until then.
  await expect(section).toContainText("you can remind again from");
  await expect(remind).toBeDisabled();
  expect(await organizer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const judgePage = await pageSignedInAs(browser, judge.email);
  await expectNotice(judgePage, `1 score sheet left in ${setUp.event.title}`);
  await expectAccessible(judgePage);
  await judgePage.getByRole("button", { name: `1 score sheet left in ${setUp.event.title}` }).click();
  await expect(judgePage).toHaveURL(new RegExp(`${setUp.url}/judging$`));
});

test("a submission deadline within the hour brings the team whose entry is a draft a reminder", async ({ browser }) => {
  const [lead, finisher] = await Promise.all([createPerson("Dora Drafting"), createPerson("Finn Finished")]);
  const setUp = await openEvent();
  const team = await teamOf(setUp, lead);
  await submittedEntry(setUp, finisher, "Already in");
  await submissionDeadlineIn(setUp.event.id, 30 * MINUTE);

  const page = await pageSignedInAs(browser, lead.email);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNotice(page, new RegExp(`^Submissions for ${setUp.event.title} close in (29|30) minutes$`));
  await expect(page.getByText(/is not submitted yet/).first()).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("button", { name: new RegExp(`^Submissions for ${setUp.event.title}`) })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`${team.url}/entry$`));

  // The team that submitted is not reminded.
  const done = await pageSignedInAs(browser, finisher.email);
  await done.goto("/notifications");
  await expect(done.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(done.getByText(`Submissions for ${setUp.event.title}`)).toHaveCount(0);
});
