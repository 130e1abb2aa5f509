// Publishing and awards never hide incomplete judging; each phase has its own words (issue 13).
import { expect, type Browser } from "@playwright/test";
import { listCriteria } from "~/modules/events/events.server";
import { startSession } from "~/modules/auth/session.server";
import { saveScores } from "~/modules/judging/judging.server";
import { createPerson, findPerson, openEvent, pageSignedInAs, peoplesChoiceVote, publishResults, scoreSheet, startJudging, submittedEntry } from "./fixtures";
import { DAY, expectAccessible, expectToast, unique, test, waitForApp } from "./helpers";

/** Like pageSignedInAs, with JavaScript off: the forms must work as plain HTML. */
async function pageWithoutJavaScript(browser: Browser, email: string) {
  const person = await findPerson(email);
  const [cookie] = (await startSession(person.id)).split(";");
  const separator = cookie.indexOf("=");
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies([
    { name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: process.env.E2E_BASE_URL!, httpOnly: true, sameSite: "Lax" },
  ]);
  return context.newPage();
}

test("an organizer opening the results of an open event is told when they appear, not refused access", async ({ browser }) => {
  const setUp = await openEvent(unique("Early Results Hack"));
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  const response = await organizer.goto(`${setUp.url}/results`);
  expect(response?.status()).toBe(403);
  await expect(organizer.getByRole("heading", { level: 1, name: "Not available" })).toBeVisible();
  await expect(organizer.getByText("Results appear here for organizers once judging starts, and for everyone when the event closes.")).toBeVisible();
  await expect(organizer.getByText("You do not have access to this")).toHaveCount(0);
  await expectAccessible(organizer);
});

test("publishing lists missing and incomplete score sheets per entry and judge, and needs a confirmation", async ({ browser }) => {
  const setUp = await openEvent(unique("Sheets Hack"));
  const [ana, ben] = [await createPerson("Ana Sheet"), await createPerson("Ben Sheet")];
  const invoice = await submittedEntry(setUp, await createPerson("Member One"), unique("Invoice bot"));
  const triageTitle = unique("Ticket triage");
  const triage = await submittedEntry(setUp, await createPerson("Member Two"), triageTitle);
  await startJudging(setUp, [ana, ben]);
  await scoreSheet(setUp.event.id, invoice.entryId, ana);
  await scoreSheet(setUp.event.id, triage.entryId, ana);
  await scoreSheet(setUp.event.id, invoice.entryId, ben);
  const criteria = await listCriteria(setUp.event.id);
  await saveScores(
    triage.entryId,
    ben.id,
    criteria.slice(0, 2).map((c) => ({ criterionId: c.id, value: 3, comment: "" })),
    new Date(),
  );

  // The dashboard shows per-judge progress and the entry with the incomplete sheet.
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/manage`);
  const dashboard = organizer.getByRole("region", { name: "Dashboard" });
  await expect(dashboard.getByRole("heading", { name: "Score sheets: 3 of 4 complete" })).toBeVisible();
  await expect(dashboard.getByRole("row", { name: /Ben Sheet/ })).toContainText("1 of 2");
  await expect(dashboard.getByRole("row", { name: /Ana Sheet/ })).toContainText("2 of 2");
  await expect(dashboard.getByTestId("entries-with-gaps")).toHaveText(`${triageTitle}: incomplete from Ben Sheet (2 of 6 criteria)`);
  await expect(dashboard.getByTestId("next-phase-blockers")).toContainText("“Publish results and close” needs your confirmation: Judging is not complete");
  await expectAccessible(organizer);

  // Publishing without JavaScript: refused until the organizer ticks the confirmation that lists the gaps.
  const plain = await pageWithoutJavaScript(browser, "organizer@example.com");
  await plain.goto(`${setUp.url}/manage`);
  const phase = plain.getByRole("region", { name: /^Phase:/ });
  await expect(phase.getByText(`${triageTitle}: incomplete from Ben Sheet (2 of 6 criteria)`)).toBeVisible();
  await expect(phase.getByText("Ben Sheet: 1 of 2 sheets complete (1 incomplete)")).toBeVisible();
  await phase.getByRole("button", { name: "Publish results and close" }).click();
  await expect(plain.getByText("Tick the confirmation to go ahead.")).toBeVisible();
  await plain.getByLabel(/Judging is not complete: 3 of 4 expected score sheets are complete\. Publish anyway/).check();
  await plain.getByRole("button", { name: "Publish results and close" }).click();
  await expectToast(plain, "The event is now: Results published.");
});

test("a confirmation publishing came to need after the page was loaded is shown, not a button that does nothing", async ({ browser }) => {
  const setUp = await openEvent(unique("Late Vote Hack"));
  const judge = await createPerson("Jo Judge");
  const entry = await submittedEntry(setUp, await createPerson("Member One"), unique("Invoice bot"));
  await startJudging(setUp, [judge]);
  await scoreSheet(setUp.event.id, entry.entryId, judge);
  // Judging is complete and no vote is open: publishing asks nothing.
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/manage`);
  await waitForApp(organizer);
  const phase = organizer.getByRole("region", { name: /^Phase:/ });
  await expect(phase.getByRole("checkbox")).toHaveCount(0);
  // A co-organizer opens the People's choice vote meanwhile: publishing now ends it early, which needs a confirmation.
  await peoplesChoiceVote(setUp.event.id, DAY);
  await phase.getByRole("button", { name: "Publish results and close" }).click();
  const confirmation = phase.getByRole("checkbox", {
    name: /The People's choice vote is open until .*: publishing now ends it early, with the 0 votes cast so far\./,
  });
  await expect(confirmation).toBeVisible();
  await expect(phase.getByText("Tick the confirmation to go ahead.")).toBeVisible();
  await expectAccessible(organizer);
  await confirmation.check();
  await phase.getByRole("button", { name: "Publish results and close" }).click();
  await expectToast(organizer, "The event is now: Results published.");
});

test("an award for an entry without a complete score sheet needs a confirmation that says so", async ({ browser }) => {
  const setUp = await openEvent(unique("Awards Hack"));
  const judge = await createPerson("Jo Award");
  const scoredTitle = unique("Scored entry");
  const unscoredTitle = unique("Unscored entry");
  const scored = await submittedEntry(setUp, await createPerson("Member Three"), scoredTitle);
  await submittedEntry(setUp, await createPerson("Member Four"), unscoredTitle);
  await startJudging(setUp, [judge]);
  await scoreSheet(setUp.event.id, scored.entryId, judge);

  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/awards`);
  await organizer.getByRole("button", { name: "Add the default awards" }).click();
  await expectToast(organizer, "Default awards added.");
  // An award of their own: once created the form starts afresh; a name already used is refused and stays to be changed.
  await organizer.getByLabel("Award name").fill("Boldest failure");
  await organizer.getByRole("button", { name: "Create award" }).click();
  await expectToast(organizer, 'Award "Boldest failure" created.');
  await expect(organizer.getByLabel("Award name")).toHaveValue("");
  // The same award again (a second press, another tab) is there, as asked; the name for another award is refused.
  await organizer.getByLabel("Award name").fill("Boldest failure");
  await organizer.getByRole("button", { name: "Create award" }).click();
  await expectToast(organizer, 'Award "Boldest failure" is in the list already.');
  await expect(organizer.getByRole("heading", { name: "Boldest failure" })).toHaveCount(1);
  await organizer.getByLabel("Award name").fill("Boldest failure");
  await organizer.getByLabel("Description (optional)").fill("For the bravest attempt that did not work.");
  await organizer.getByRole("button", { name: "Create award" }).click();
  await expect(organizer.getByText("This event already has an award with that name.")).toBeVisible();
  await expect(organizer.getByLabel("Award name")).toHaveValue("Boldest failure");
  await organizer.getByLabel("Entry for Best overall").selectOption({ label: unscoredTitle });
  await organizer.getByRole("button", { name: "Give Best overall", exact: true }).click();
  await expect(organizer.getByRole("alert").filter({ hasText: `“${unscoredTitle}” has no complete score sheet` })).toBeVisible();
  await expectAccessible(organizer);
  await organizer.getByLabel(`Give Best overall to “${unscoredTitle}” although no judge has completed a score sheet for it.`).check();
  await organizer.getByRole("button", { name: "Give Best overall anyway" }).click();
  await expectToast(organizer, "Award given.");
  await expect(organizer.getByText(`Given to: ${unscoredTitle}`)).toBeVisible();

  // An entry with a complete sheet gets it at once.
  await organizer.getByLabel("Entry for Best AI metric").selectOption({ label: scoredTitle });
  await organizer.getByRole("button", { name: "Give Best AI metric", exact: true }).click();
  await expectToast(organizer, "Award given.");

  // Deleting an award asks first and names what is lost.
  await organizer.getByRole("button", { name: "Delete Best AI metric", exact: true }).click();
  await expect(organizer.getByRole("alert").filter({ hasText: `Delete “Best AI metric”? It was given to “${scoredTitle}”; that is lost too.` })).toBeVisible();
  await expectAccessible(organizer);
  await organizer.getByRole("button", { name: "Delete Best AI metric for good" }).click();
  await expectToast(organizer, "Award deleted.");
  await expect(organizer.getByRole("heading", { name: "Best AI metric" })).toHaveCount(0);

  // Removing a judge asks first and says what happens to their work.
  await organizer.goto(`${setUp.url}/manage`);
  await organizer.getByRole("button", { name: "Remove Jo Award as judge" }).click();
  await expect(
    organizer
      .getByRole("alert")
      .filter({ hasText: "Remove Jo Award as judge? They lose this event's judging queue. The 1 score sheet they started stays and still counts." }),
  ).toBeVisible();
  await expectAccessible(organizer);
  await organizer.getByRole("button", { name: "Remove Jo Award for good" }).click();
  await expectToast(organizer, "Judge removed. Scores they already gave are kept.");
  await expect(organizer.getByRole("button", { name: "Remove Jo Award as judge" })).toHaveCount(0);

  await organizer.goto(`${setUp.url}/awards`);
  // A co-organizer publishes while a new award is typed: the refusal comes beside the form, which keeps the text.
  await organizer.getByLabel("Award name").fill("Best pivot");
  await organizer.getByLabel("Description (optional)").fill("For the team that changed course in time.");
  await publishResults(setUp);
  await organizer.getByRole("button", { name: "Create award" }).click();
  await expect(organizer.getByRole("alert").filter({ hasText: "Results are published: reopen the event for judging" })).toContainText(
    "Your text is still in the form: copy what you need.",
  );
  await expect(organizer.getByLabel("Description (optional)")).toHaveValue("For the team that changed course in time.");
  await expectAccessible(organizer);
});

test("the events overview names each section by its heading; past events say when they ran and why submissions are closed", async ({ browser }) => {
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto("/");
  const past = organizer.getByRole("region", { name: "Past events" });
  const demo = past.getByRole("listitem").filter({ hasText: "Autumn AI Hackathon 2026" });
  await expect(demo).toContainText(/Ran \d{1,2}( \w{3,4})? – \d{1,2} \w{3,4} \d{4}/);
  await expect(demo).not.toContainText("Starts");
  await expect(organizer.getByRole("region", { name: "Open for entries" }).getByRole("link", { name: "Winter AI Hackathon" })).toBeVisible();
  // The demo's event in judging has an incomplete score sheet, which its dashboard shows.
  await organizer.getByRole("region", { name: "In judging" }).getByRole("link", { name: "Spring Ops Sprint" }).click();
  await organizer.getByRole("link", { name: "Manage event" }).click();
  await expect(organizer.getByRole("heading", { name: "Score sheets: 3 of 4 complete" })).toBeVisible();
  await expect(organizer.getByRole("row", { name: /Jonas Judge/ })).toContainText("1 of 2");
  // Its history lists the judging settings change beside the phase changes, with who made it.
  const history = organizer.getByRole("list", { name: "History" });
  await expect(history.getByRole("listitem").filter({ hasText: "showed judge names to teams" })).toContainText("Omar Organizer showed judge names to teams");
  await expect(history.getByRole("listitem").filter({ hasText: "moved Open for entries → Judging" })).toBeVisible();
  await organizer.goto("/");
  await expectAccessible(organizer);

  await demo.getByRole("link", { name: "Autumn AI Hackathon 2026" }).click();
  await expect(organizer.getByText("When it ran")).toBeVisible();
  await expect(organizer.getByText("Submissions are closed: the event is over and its results are published.")).toBeVisible();
  await expect(organizer.getByText("moved to judging")).toHaveCount(0);
  await expectAccessible(organizer);

  // The demo's failed entry has Learnings scores: the Most valuable failure suggestion shows their mean.
  await organizer.goto(`${new URL(organizer.url()).pathname}/awards`);
  await expect(organizer.getByTestId("mvf-suggestion")).toContainText(/\(\d\.\d\)\.$/);
  await expect(organizer.getByTestId("mvf-suggestion")).not.toContainText("not scored yet");
  // Results are published: awards change only after reopening, and the page says so.
  await expect(organizer.getByRole("status").filter({ hasText: "Results are published: reopen the event for judging" })).toBeVisible();
  await expect(organizer.getByRole("button", { name: /^Give / })).toHaveCount(0);
  await expectAccessible(organizer);
});
