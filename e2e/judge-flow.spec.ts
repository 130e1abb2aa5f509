import { expect, type Browser, type Page } from "@playwright/test";
import { startSession } from "~/modules/auth/session.server";
import { addJudge } from "~/modules/events/events.server";
import { createPerson, openEvent, publishResults, startJudging, submittedEntry, type Person } from "./fixtures";
import { expectAccessible, expectToast, unique, test } from "./helpers";

const criteria = ["Problem fit", "Beyond replication", "Pragmatic use", "AI metric", "User control", "Learnings"];

/** Three entries (queue order A, B, C: the queue sorts by title) in an event in judging, with one judge. */
async function threeEntriesInJudging() {
  const setUp = await openEvent(unique("Judge Flow Hack"));
  const titles = { a: unique("A entry"), b: unique("B entry"), c: unique("C entry") };
  for (const title of Object.values(titles)) await submittedEntry(setUp, await createPerson("Pat Team"), title);
  const judge = await createPerson("Jo Judge");
  await startJudging(setUp, [judge]);
  return { eventUrl: setUp.url, titles, judge };
}

/** Picks `value` for the named criteria (all by default) on the open score sheet. */
async function pick(page: Page, value: number, names = criteria) {
  for (const name of names)
    await page
      .getByRole("group", { name: new RegExp(name) })
      .getByLabel(String(value), { exact: true })
      .check();
}

/** A signed-in page, optionally with JavaScript off (the forms must work without it). */
async function judgePage(browser: Browser, judge: Person, javaScriptEnabled = true) {
  const [cookie] = (await startSession(judge.id)).split(";");
  const separator = cookie.indexOf("=");
  const context = await browser.newContext({ javaScriptEnabled });
  await context.addCookies([
    { name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: process.env.E2E_BASE_URL!, httpOnly: true, sameSite: "Lax" },
  ]);
  return context.newPage();
}

test("a judge saves an empty sheet, then works through the queue with 'Save and next entry'", async ({ browser }) => {
  const { eventUrl, titles, judge } = await threeEntriesInJudging();
  const page = await judgePage(browser, judge);
  await page.goto(`${eventUrl}/judging`);
  await page.getByRole("link", { name: "Next unscored entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: titles.a })).toBeVisible();
  // A failed attempt's metric reads as on the archive's cards, saying what was not measured.
  await expect(page.getByText("Disputes flagged before the due date: 12 → 50 (target) → not measured")).toBeVisible();

  // The declare-conflict form comes after the score sheet: Tab from the sheet's last button reaches it.
  await page.getByRole("button", { name: "Save and next entry" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Reason for the conflict")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Save and next entry" })).toBeFocused();

  // Saving an empty sheet says once what is missing, with no message per criterion.
  await page.getByRole("button", { name: "Save scores" }).click();
  const summary = page.getByRole("status").filter({ hasText: `Nothing scored yet for ${titles.a}: 6 of 6 criteria still to score.` });
  await expect(summary).toBeVisible();
  await expect(page.getByText("Pick a value")).toHaveCount(0);
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expectAccessible(page);

  // A comment without a score is refused for the whole sheet, said at the top and beside the Save buttons; the
  // comment stays in its box.
  const stray = "Nothing was saved: a comment has no score beside it. Pick a value for it, or clear the comment, then save again.";
  await page.getByLabel("Comment on Problem fit (optional)").fill("Strong framing of the cost today.");
  await page.getByRole("button", { name: "Save scores" }).click();
  await expect(page.getByText(stray)).toHaveCount(2);
  await expect(page.getByText("Pick a value to keep this comment")).toBeVisible();
  await expect(page.getByLabel("Comment on Problem fit (optional)")).toHaveValue("Strong framing of the cost today.");
  await expectAccessible(page);
  await page.getByLabel("Comment on Problem fit (optional)").fill("");

  // A complete sheet: on to B, whose sheet starts empty.
  await pick(page, 4);
  await page.getByRole("button", { name: "Save and next entry" }).click();
  await expectToast(page, `Scores saved for ${titles.a}. Next: ${titles.b}.`);
  await expect(page.getByRole("heading", { level: 1, name: titles.b })).toBeVisible();
  await expect(page.getByRole("group", { name: /Problem fit/ }).getByRole("radio", { checked: true })).toHaveCount(0);
  await expectAccessible(page);

  // A partial sheet moves on too, saying what is left.
  await pick(page, 2, criteria.slice(0, 2));
  await page.getByRole("button", { name: "Save and next entry" }).click();
  await expectToast(page, `Partial scores saved for ${titles.b}: 4 of 6 criteria still to score. Next: ${titles.c}.`);
  await expect(page.getByRole("heading", { level: 1, name: titles.c })).toBeVisible();

  // After C the queue wraps round to the unfinished B, then ends on the queue.
  await pick(page, 3);
  await page.getByRole("button", { name: "Save and next entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: titles.b })).toBeVisible();
  await expect(page.getByRole("group", { name: /Problem fit/ }).getByLabel("2", { exact: true })).toBeChecked();
  await pick(page, 5, criteria.slice(2));
  await page.getByRole("button", { name: "Save and next entry" }).click();
  await expectToast(page, `Scores saved for ${titles.b}. All your sheets are complete.`);
  await expect(page.getByRole("heading", { name: "Your judging queue" })).toBeVisible();
  await expect(page.getByText("3 of 3 entries scored")).toBeVisible();
  await expectAccessible(page);
});

test("before judging, a judge's queue lists the entries without links that would refuse", async ({ browser }) => {
  const setUp = await openEvent(unique("Early Queue Hack"));
  const title = unique("Early entry");
  await submittedEntry(setUp, await createPerson("Pat Team"), title);
  const judge = await createPerson("Jo Judge");
  await addJudge(setUp.event.id, judge.email);
  const page = await judgePage(browser, judge);
  await page.goto(`${setUp.url}/judging`);
  await expect(page.getByText("Scores can be given only while the event is in judging: these entries open for scoring when judging starts.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expectAccessible(page);
});

test("'Save and next entry' works without JavaScript", async ({ browser }) => {
  const { eventUrl, titles, judge } = await threeEntriesInJudging();
  const page = await judgePage(browser, judge, false);
  await page.goto(`${eventUrl}/judging`);
  await page.getByRole("link", { name: titles.a }).click();
  await pick(page, 3);
  await page.getByRole("button", { name: "Save and next entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: titles.b })).toBeVisible();
  await expectToast(page, `Scores saved for ${titles.a}. Next: ${titles.b}.`);
  await page.getByRole("button", { name: "Save scores" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Nothing scored yet for ${titles.b}: 6 of 6 criteria still to score.` })).toBeVisible();
  await expect(page.getByText("Pick a value")).toHaveCount(0);
  // Without JavaScript the server refuses a comment without a score the same way, keeping the typing.
  await page.getByLabel("Comment on Problem fit (optional)").fill("Clear demo.");
  await page.getByRole("button", { name: "Save scores" }).click();
  await expect(page.getByText("Nothing was saved: a comment has no score beside it.", { exact: false })).toHaveCount(2);
  await expect(page.getByLabel("Comment on Problem fit (optional)")).toHaveValue("Clear demo.");
});

test("declaring a conflict after the results were published says why beside it, keeping the reason and the sheet", async ({ browser }) => {
  const setUp = await openEvent(unique("Late Conflict Hack"));
  const title = unique("A entry");
  await submittedEntry(setUp, await createPerson("Pat Team"), title);
  const judge = await createPerson("Jo Judge");
  await startJudging(setUp, [judge]);
  const page = await judgePage(browser, judge);
  await page.goto(`${setUp.url}/judging`);
  await page.getByRole("link", { name: title }).click();
  await pick(page, 4, ["Problem fit"]);
  await page.getByLabel("Reason for the conflict").fill("I coached this team last year.");
  await publishResults(setUp);
  await page.getByRole("button", { name: "Declare a conflict" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Conflicts can be declared only before results are published." })).toContainText(
    "Your answer is still in the form: copy what you need.",
  );
  await expect(page.getByLabel("Reason for the conflict")).toHaveValue("I coached this team last year.");
  await expect(page.getByRole("group", { name: /Problem fit/ }).getByLabel("4", { exact: true })).toBeChecked();
  await expectAccessible(page);
});

test("declaring a conflict on a scored entry asks first, naming the scores it deletes", async ({ browser }) => {
  const { eventUrl, titles, judge } = await threeEntriesInJudging();
  const page = await judgePage(browser, judge);
  await page.goto(`${eventUrl}/judging`);
  await page.getByRole("link", { name: titles.a }).click();
  await pick(page, 4);
  await page.getByRole("button", { name: "Save scores" }).click();
  await expectToast(page, `Scores saved for ${titles.a}.`);
  await page.getByRole("link", { name: titles.a }).click();
  await expect(page).toHaveURL(/\/score$/);
  const sheetUrl = page.url();

  await page.getByLabel("Reason for the conflict").fill("I coached this team last year.");
  await page.getByRole("button", { name: "Declare a conflict" }).click();
  await expect(
    page.getByRole("alert").filter({
      hasText: `Declare a conflict with “${titles.a}”? Your 6 saved scores on it will be deleted, for good. Withdrawing the conflict later brings the entry back to your queue, not what you saved.`,
    }),
  ).toBeVisible();
  await expectAccessible(page);
  // Keeping changes nothing: the sheet is as saved, after a reload too.
  await page.getByRole("link", { name: "Keep what I saved" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("group", { name: /Problem fit/ }).getByLabel("4", { exact: true })).toBeChecked();

  await page.getByLabel("Reason for the conflict").fill("I coached this team last year.");
  await page.getByRole("button", { name: "Declare a conflict" }).click();
  await page.getByRole("button", { name: "Declare the conflict and delete what I saved" }).click();
  await expectToast(page, `Conflict declared: ${titles.a} left your queue, without your scores.`);
  await expect(page.getByRole("region", { name: "Conflicts you declared" })).toContainText("I coached this team last year.");

  // Its sheet, opened again from a bookmark, says why not and leads back to the queue, where the conflict can be withdrawn.
  await page.goto(sheetUrl);
  await expect(page.getByRole("heading", { name: "Not available" })).toBeVisible();
  await page.getByRole("link", { name: "Back to your judging queue" }).click();
  await expect(page.getByRole("heading", { name: "Your judging queue" })).toBeVisible();
});
