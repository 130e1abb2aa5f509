// What happened next (ADR 030): 30 days after an event closed, the scheduler (a tick a second in the e2e server) asks
// its teams; a member opens the ask from their notifications, records a follow-up (bad input first), and finds it on
// the entry page and under the archive's "Went to production" filter.
import { expect } from "@playwright/test";
import { closedDaysAgo, createPerson, openEvent, pageSignedInAs, publishResults, reopenEvent, startJudging, submittedEntry } from "./fixtures";
import { expectAccessible, expectToast, test, unique, waitForApp } from "./helpers";

test("a team member records what happened 30 days after the event, from the ask in their notifications", async ({ browser }) => {
  const [member, judge] = await Promise.all([createPerson("Fay Follower"), createPerson("Jo Judge")]);
  const setUp = await openEvent();
  const title = unique("Refund radar");
  const { entryId } = await submittedEntry(setUp, member, title, "working");
  await startJudging(setUp, [judge]);
  await publishResults(setUp);
  await closedDaysAgo(setUp.event.id, 30);

  const page = await pageSignedInAs(browser, member.email);
  const ask = `30 days after ${setUp.event.title}: what became of ${title}?`;
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByRole("button", { name: ask })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("button", { name: ask }).click();
  await expect(page).toHaveURL(new RegExp(`${setUp.url}/entries/${entryId}/follow-up$`));
  await expect(page.getByRole("heading", { level: 1, name: `What happened next: ${title}` })).toBeVisible();
  await expectAccessible(page);

  // Nothing chosen and no reason: each field says what it needs.
  await page.getByRole("button", { name: "Save what happened" }).click();
  await expect(page.getByText("Choose what happened to the entry")).toBeVisible();
  await expect(page.getByText("Say why, in a sentence or two")).toBeVisible();

  await page.getByRole("radio", { name: /Adopted in production/ }).check();
  await page.getByLabel("Why?").fill("Finance runs it on every refund since March.");
  // Words where the value goes are refused beside the field, with what was typed kept.
  await page.getByLabel(/AI metric today/).fill("41 percent");
  await page.getByRole("button", { name: "Save what happened" }).click();
  await expect(page.getByText("Give the value as a number, like 41, 1,200, 3.5 or 3,5")).toBeVisible();
  await expect(page.getByLabel("Why?")).toHaveValue("Finance runs it on every refund since March.");
  // A decimal comma is a decimal point.
  await page.getByLabel(/AI metric today/).fill("41,5");
  await page.getByRole("button", { name: "Save what happened" }).click();
  await expectToast(page, "Saved what happened next. Thank you!");
  const section = page.getByRole("region", { name: "What happened next" });
  await expect(section).toContainText("Adopted in production");
  await expect(section).toContainText("Finance runs it on every refund since March.");
  await expect(section).toContainText("41.5");
  await expect(section).toContainText("Recorded");
  await expect(section).toContainText("by Fay Follower");
  await expect(section.getByRole("link", { name: "Update what happened" })).toBeVisible();

  // The archive's "Went to production" filter finds it.
  await page.goto("/archive");
  // The archive home counts it, in one sentence that reads from its start.
  await expect(page.getByRole("region", { name: "What happened next" })).toContainText(
    /Of [\d,]+ attempts? with a follow-up, [\d,]+ reached production; [\d,]+ more (has|have) no follow-up yet\./,
  );
  await page.getByLabel("After the event").selectOption({ label: "Went to production" });
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("link", { name: "Remove filter Went to production" })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("the author deletes a follow-up answer recorded by mistake, after a confirm step, and the earlier one is shown again", async ({ browser }) => {
  const [member, judge] = await Promise.all([createPerson("Del Eter"), createPerson("Jo Judge")]);
  const setUp = await openEvent();
  const title = unique("Claims clerk");
  const { entryId } = await submittedEntry(setUp, member, title, "working");
  await startJudging(setUp, [judge]);
  await publishResults(setUp);

  const page = await pageSignedInAs(browser, member.email);
  const record = async (status: RegExp, why: string, value: string) => {
    await page.goto(`${setUp.url}/entries/${entryId}/follow-up`);
    await page.getByRole("radio", { name: status }).check();
    await page.getByLabel("Why?").fill(why);
    await page.getByLabel(/AI metric today/).fill(value);
    await page.getByRole("button", { name: "Save what happened" }).click();
    await expectToast(page, "Saved what happened next. Thank you!");
  };
  // Without JavaScript, a far too long answer comes back in its box with the reason, for shortening.
  const noScript = await pageSignedInAs(browser, member.email, { javaScriptEnabled: false });
  await noScript.goto(`${setUp.url}/entries/${entryId}/follow-up`);
  const pasted = "The claims team pasted its whole report here. ".repeat(400);
  await noScript.getByRole("radio", { name: /Piloted/ }).check();
  await noScript.getByLabel("Why?").fill(pasted);
  await noScript.getByRole("button", { name: "Save what happened" }).click();
  await expect(noScript.getByText("Use at most 2,000 characters")).toBeVisible();
  await expect(noScript.getByLabel("Why?")).toHaveValue(pasted);

  await record(/Piloted/, "Claims team trials it.", "35");
  await record(/Adopted in production/, "A slip of the finger.", "3500");

  await page.goto(`${setUp.url}/entries/${entryId}/follow-up`);
  await waitForApp(page);
  // The correction is typed first; deleting the wrong answer leaves it in the form.
  await page.getByLabel(/AI metric today/).fill("350");
  const answers = page.getByRole("region", { name: "Answers so far" });
  await answers
    .getByRole("button", { name: /^Delete this answer/ })
    .first()
    .click();
  await expect(answers.getByRole("alert")).toContainText("The answer before it becomes the entry's follow-up again.");
  await expectAccessible(page);
  await answers.getByRole("button", { name: "Yes, delete this answer" }).click();
  await expectToast(page, "Answer deleted.");
  await expect(page.getByRole("region", { name: "The answer so far" })).toContainText("Claims team trials it.");
  await expect(page.getByText("A slip of the finger.")).toHaveCount(0);
  // The form now starts from the answer shown, with the correction kept over it.
  await expect(page.getByLabel(/AI metric today/)).toHaveValue("350");
  await expect(page.getByLabel("Why?")).toHaveValue("Claims team trials it.");
  await expect(page.getByRole("radio", { name: /Piloted/ })).toBeChecked();
  await page.getByRole("button", { name: "Save what happened" }).click();
  await expectToast(page, "Saved what happened next. Thank you!");
  const section = page.getByRole("region", { name: "What happened next" });
  await expect(section).toContainText("Piloted");
  await expect(section).toContainText("Claims team trials it.");
  await expect(section).toContainText(/\D350(?!\d)/);
});

test("without JavaScript, an answer refused because the event was reopened lists what was sent, to copy", async ({ browser }) => {
  const member = await createPerson("Fay Follower");
  const setUp = await openEvent();
  const { entryId } = await submittedEntry(setUp, member, unique("Refund radar"), "working");
  await startJudging(setUp, [await createPerson("Jo Judge")]);
  await publishResults(setUp);
  const page = await pageSignedInAs(browser, member.email, { javaScriptEnabled: false });
  await page.goto(`${setUp.url}/entries/${entryId}/follow-up`);
  await page.getByRole("radio", { name: /Piloted/ }).check();
  await page.getByLabel("Why?").fill("Two teams try it on real refunds.");
  // The organizers reopen the event meanwhile.
  await reopenEvent(setUp);
  await page.getByRole("button", { name: "Save what happened" }).click();
  const alert = page.getByRole("region", { name: "What you sent" });
  await expect(alert).toContainText("Nothing you sent was saved. What you sent, to copy:");
  await expect(alert.getByRole("listitem")).toHaveText(["What happened: Piloted", "Why: “Two teams try it on real refunds.”"]);
});

test("an answer from a page opened before another was recorded is refused beside the form, kept, and saved on the next press", async ({ browser }) => {
  const member = await createPerson("Tab Twin");
  const setUp = await openEvent();
  const { entryId } = await submittedEntry(setUp, member, unique("Ledger lens"), "working");
  await startJudging(setUp, [await createPerson("Jo Judge")]);
  await publishResults(setUp);
  const path = `${setUp.url}/entries/${entryId}/follow-up`;

  const page = await pageSignedInAs(browser, member.email);
  await page.goto(path);
  await waitForApp(page);
  await page.getByRole("radio", { name: /Parked/ }).check();
  await page.getByLabel("Why?").fill("Waiting for the data team.");

  // Meanwhile, in another tab, an answer is recorded.
  const other = await pageSignedInAs(browser, member.email);
  await other.goto(path);
  await other.getByRole("radio", { name: /Piloted/ }).check();
  await other.getByLabel("Why?").fill("Two desks try it.");
  await other.getByRole("button", { name: "Save what happened" }).click();
  await expectToast(other, "Saved what happened next. Thank you!");

  await page.getByRole("button", { name: "Save what happened" }).click();
  const refused = page.getByRole("alert").filter({ hasText: /^The answers changed after you opened this page/ });
  await expect(refused).toBeVisible();
  // The refusal takes the focus.
  await expect(refused).toBeFocused();
  // The newer answer is shown, and the form still holds what was typed.
  await expect(page.getByRole("region", { name: "The answer so far" })).toContainText("Two desks try it.");
  await expect(page.getByLabel("Why?")).toHaveValue("Waiting for the data team.");
  await expect(page.getByRole("radio", { name: /Parked/ })).toBeChecked();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Save what happened" }).click();
  await expectToast(page, "Saved what happened next. Thank you!");
  await expect(page.getByRole("region", { name: "What happened next" })).toContainText("Waiting for the data team.");
});

test("the archive home's count of a root cause that kept attempts from production lists exactly those attempts", async ({ browser }) => {
  const member = await createPerson("Dora Dropped");
  const setUp = await openEvent();
  const title = unique("Thread linker");
  const { entryId } = await submittedEntry(setUp, member, title);
  await startJudging(setUp, [await createPerson("Jo Judge")]);
  await publishResults(setUp);
  const page = await pageSignedInAs(browser, member.email);
  await page.goto(`${setUp.url}/entries/${entryId}/follow-up`);
  await page.getByRole("radio", { name: /Dropped/ }).check();
  await page.getByLabel("Why?").fill("The CRM export never came.");
  await page.getByRole("button", { name: "Save what happened" }).click();
  await expectToast(page, "Saved what happened next. Thank you!");

  await page.goto("/archive");
  // The failed attempt's root cause: the data lacked context.
  await page.getByRole("region", { name: "What happened next" }).getByRole("link", { name: "Data lacked context" }).click();
  await expect(page.getByRole("link", { name: "Remove filter Root cause: Data lacked context" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Remove filter Followed up, not in production" })).toBeVisible();
  await expect(page.getByLabel("After the event")).toHaveValue("no");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);
});
