import { expect } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events } from "#db/schema";
import { db } from "~/db.server";
import { startSession } from "~/modules/auth/session.server";
import {
  createPerson,
  openEvent,
  pageSignedInAs,
  type Person,
  peoplesChoiceVote,
  publishResults,
  scoreSheet,
  startJudging,
  submissionDeadlineIn,
  submittedEntry,
  voteFor,
} from "./fixtures";
import { DAY, expectAccessible, expectToast, localInput, test, unique } from "./helpers";

test("an organizer opens the vote; a participant votes, never for their own team, and changes the vote without JavaScript", async ({ browser }) => {
  const setUp = await openEvent(unique("Vote Hack"));
  const [pia, ben, cat] = await Promise.all([createPerson("Pia Voter"), createPerson("Ben Builder"), createPerson("Cat Coder")]);
  const own = await submittedEntry(setUp, pia, "Pia's dispute bot");
  await submittedEntry(setUp, ben, "Ben's close checker", "working");
  const gamma = await submittedEntry(setUp, cat, "Cat's cash forecaster", "working");
  await submissionDeadlineIn(setUp.event.id, -60_000);

  // The organizer turns the vote on from the Manage page; a closing time before the deadline is refused beside the field.
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/manage`);
  await organizer.getByRole("navigation", { name: "Event settings" }).getByRole("link", { name: "People's choice" }).click();
  await organizer.getByLabel("Hold a people's choice vote").check();
  await organizer.getByLabel("Vote closes (UTC)").fill(localInput(-DAY));
  await organizer.getByRole("button", { name: "Save people's choice" }).click();
  await expect(organizer.getByText("The vote opens at the submission deadline: pick a closing time after it")).toBeVisible();
  await organizer.getByLabel("Vote closes (UTC)").fill(localInput(DAY));
  await organizer.getByRole("button", { name: "Save people's choice" }).click();
  await expectToast(organizer, "People's choice vote saved.");
  await expect(organizer.getByTestId("vote-state")).toContainText("The people's choice vote is open until");
  await expectAccessible(organizer);
  // The Manage page's history says who opened the vote, and until when.
  await organizer.getByRole("link", { name: `← Manage ${setUp.event.title}` }).click();
  await expect(organizer.getByRole("list", { name: "History" }).getByRole("listitem").first()).toHaveText(
    /: Omar Organizer turned the people's choice vote on, closing \w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC$/,
  );

  // Pia votes for Ben's entry from the gallery.
  const page = await pageSignedInAs(browser, pia.email);
  // The event page says the vote is on, and where to cast it.
  await page.goto(setUp.url);
  await expect(page.getByRole("region", { name: "Entries" })).toContainText(/The people's choice vote is open until .* Vote on an entry's page\./);
  await page.goto(`${setUp.url}/entries`);
  await expect(page.getByRole("region", { name: "People's choice" })).toContainText("The people's choice vote is open until");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ben's close checker" }).click();
  await page.getByRole("button", { name: "Vote for this entry" }).click();
  await expectToast(page, "Your vote is for “Ben's close checker”.");
  const box = page.getByRole("region", { name: "People's choice" });
  await expect(box.getByText("Your vote", { exact: true })).toBeVisible();
  await expect(box.getByRole("button")).toHaveText(["Withdraw my vote"]);
  await expectAccessible(page);

  // Her own team's entry has no button, and says why.
  await page.goto(`${setUp.url}/entries/${own.entryId}`);
  await expect(page.getByRole("region", { name: "People's choice" })).toContainText("You cannot vote for your own team's entry.");
  await expect(page.getByRole("button", { name: /Vote for this entry/ })).toHaveCount(0);

  // On a phone without JavaScript she moves her vote to Cat's entry; the gallery marks it.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await context.addCookies(await page.context().cookies());
  const phone = await context.newPage();
  await phone.goto(`${setUp.url}/entries/${gamma.entryId}`);
  await expect(phone.getByRole("region", { name: "People's choice" })).toContainText("Your vote is for Ben's close checker. Voting here moves your one vote");
  await phone.getByRole("button", { name: "Vote for this entry instead" }).click();
  await expectToast(phone, "Vote changed: your vote is now for “Cat's cash forecaster”, no longer for “Ben's close checker”.");
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.goto(`${setUp.url}/entries`);
  await expect(phone.getByRole("listitem").filter({ hasText: "Cat's cash forecaster" }).getByText("Your vote", { exact: true })).toBeVisible();
  await expect(phone.getByRole("listitem").filter({ hasText: "Ben's close checker" }).getByText("Your vote", { exact: true })).toHaveCount(0);

  // She takes her vote back: no entry has it, and she may vote again.
  await phone.goto(`${setUp.url}/entries/${gamma.entryId}`);
  await phone.getByRole("button", { name: "Withdraw my vote" }).click();
  await expectToast(phone, "Vote withdrawn: you no longer vote for “Cat's cash forecaster”. You can vote again while the vote is open.");
  await expect(phone.getByRole("button", { name: "Vote for this entry" })).toBeVisible();
  await phone.goto(`${setUp.url}/entries`);
  await expect(phone.getByText("Your vote", { exact: true })).toHaveCount(0);
});

test("counts stay hidden from everyone, organizers included, until results are published; then the winner has the award", async ({ browser }) => {
  const setUp = await openEvent(unique("Tally Hack"));
  const [ann, bo, cy, di, judge] = await Promise.all(["Ann", "Bo", "Cy", "Di", "Jo"].map((n) => createPerson(`${n} Tally`)));
  const alpha = await submittedEntry(setUp, ann, "Alpha forecaster", "working");
  const beta = await submittedEntry(setUp, bo, "Beta triage", "working");
  await submissionDeadlineIn(setUp.event.id, -60_000);
  await peoplesChoiceVote(setUp.event.id, DAY);
  await voteFor(setUp.event.id, ann, beta.entryId);
  await voteFor(setUp.event.id, cy, beta.entryId);
  await voteFor(setUp.event.id, di, alpha.entryId);
  await startJudging(setUp, [judge]);

  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/results`);
  const preview = organizer.getByRole("region", { name: "People's choice" });
  await expect(preview).toContainText("Vote counts are hidden from everyone, organizers included, until results are published.");
  await expect(preview.getByRole("table")).toHaveCount(0);

  // Publishing while the vote is open ends it early: the Manage page says so, with the votes so far, and asks first.
  await organizer.goto(`${setUp.url}/manage`);
  const cutShort = organizer.getByLabel(/The People's choice vote is open until .* \(in .*\): publishing now ends it early, with the 3 votes cast so far\./);
  await expect(cutShort).toBeVisible();
  await organizer.getByRole("button", { name: "Publish results and close" }).click();
  await expect(organizer.getByText("Tick the confirmation to go ahead.")).toBeVisible();
  await cutShort.check();
  await organizer.getByRole("button", { name: "Publish results and close" }).click();
  await expectToast(organizer, "The event is now: Results published.");
  const reader = await pageSignedInAs(browser, cy.email);
  await reader.goto(`${setUp.url}/results`);
  const published = reader.getByRole("region", { name: "People's choice" });
  await expect(published).toContainText("People's choice: “Beta triage”, the entry most people voted for. 3 votes in all.");
  await expect(published.getByRole("row")).toHaveText([/Rank\s*Entry\s*Votes/, /1\s*Beta triage\s*2/, /2\s*Alpha forecaster\s*1/]);
  await expect(reader.getByRole("region", { name: "Awards" })).toContainText("People's choice: Beta triage");
  await expectAccessible(reader);
  // The entry they voted for says the vote is over once, and keeps their vote on it.
  await reader.goto(`${setUp.url}/entries/${beta.entryId}`);
  const box = reader.getByRole("region", { name: "People's choice" });
  // Publishing ended it early: it closed then.
  await expect(box).toContainText(/The people's choice vote closed .*\./);
  await expect(box).toContainText("You voted for this entry.");
  await expect(box.getByText("The people's choice vote is closed.", { exact: true })).toHaveCount(0);
  // The winning team is told it won, as for every award.
  const winner = await pageSignedInAs(browser, bo.email);
  await winner.goto("/notifications");
  await expect(winner.getByText(/won People's choice/)).toBeVisible();

  // The organizer's pages about the vote now say it happened, and where the counts are.
  await organizer.goto(`${setUp.url}/peoples-choice`);
  await expect(organizer.getByText("The results are published: the counts are on the results page.")).toBeVisible();
  await expect(organizer.getByText("Counts stay hidden")).toHaveCount(0);
  await organizer.goto(`${setUp.url}/awards`);
  await expect(organizer.getByText("Given by the vote to the entry with the most people's choice votes, or as set here when the vote was tied.")).toBeVisible();
  await organizer.getByRole("link", { name: "results page" }).click();
  await expect(organizer.getByRole("region", { name: "People's choice" }).getByRole("table")).toBeVisible();
});

test("a vote moved in another tab: Withdraw on the old page says so, and the box shows the vote as it stands", async ({ browser }) => {
  const setUp = await openEvent(unique("Two Tabs Vote Hack"));
  const [ann, bo, voter] = await Promise.all(["Ann", "Bo", "Vi"].map((n) => createPerson(`${n} Tabs`)));
  const alpha = await submittedEntry(setUp, ann, unique("Alpha router"), "working");
  const beta = await submittedEntry(setUp, bo, unique("Beta summarizer"), "working");
  await submissionDeadlineIn(setUp.event.id, -60_000);
  await peoplesChoiceVote(setUp.event.id, DAY);
  await voteFor(setUp.event.id, voter, alpha.entryId);
  const page = await pageSignedInAs(browser, voter.email);
  await page.goto(`${setUp.url}/entries/${alpha.entryId}`);
  await expect(page.getByRole("button", { name: "Withdraw my vote" })).toBeVisible();
  // In another tab the vote moves to Beta.
  await voteFor(setUp.event.id, voter, beta.entryId);
  await page.getByRole("button", { name: "Withdraw my vote" }).click();
  await expect(page.getByText(/now, not this entry: nothing was withdrawn\.$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw my vote" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Vote for this entry instead" })).toBeVisible();
  await expectAccessible(page);
});

test("20 people vote at the same moment, some pressing twice; after publishing each counts once and the tally is exact", async ({ browser, baseURL }) => {
  const setUp = await openEvent(unique("Rush Hack"));
  const [ann, bo, judge] = await Promise.all(["Ann", "Bo", "Jo"].map((n) => createPerson(`${n} Rush`)));
  const alpha = await submittedEntry(setUp, ann, "Alpha router", "working");
  const beta = await submittedEntry(setUp, bo, "Beta summarizer", "working");
  await submissionDeadlineIn(setUp.event.id, -60_000);
  await peoplesChoiceVote(setUp.event.id, DAY);
  const voters = await Promise.all(Array.from({ length: 20 }, (_, i) => createPerson(`Rush Voter ${i}`)));

  // Each presses "Vote for this entry" as a form without JavaScript posts it; 13 for Alpha, 7 for Beta, all at once,
  // and five of Alpha's voters press twice.
  const press = async (voter: Person, entryId: string) => {
    const [cookie] = (await startSession(voter.id)).split(";");
    const res = await fetch(`${baseURL}${setUp.url}/entries/${entryId}?index`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: baseURL!, "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=vote",
      redirect: "manual",
    });
    return res.status;
  };
  const presses = voters.map((voter, i) => press(voter, i < 13 ? alpha.entryId : beta.entryId));
  const again = voters.slice(0, 5).map((voter) => press(voter, alpha.entryId));
  expect(new Set(await Promise.all([...presses, ...again]))).toEqual(new Set([302]));

  await startJudging(setUp, [judge]);
  await publishResults(setUp);
  const reader = await pageSignedInAs(browser, voters[0].email);
  await reader.goto(`${setUp.url}/results`);
  const tally = reader.getByRole("region", { name: "People's choice" });
  await expect(tally).toContainText("People's choice: “Alpha router”, the entry most people voted for. 20 votes in all.");
  await expect(tally.getByRole("row")).toHaveText([/Rank\s*Entry\s*Votes/, /1\s*Alpha router\s*13/, /2\s*Beta summarizer\s*7/]);
});

test("a published event that had no vote says so on the People's choice page, not that counts are somewhere", async ({ browser }) => {
  const setUp = await openEvent(unique("No Vote Hack"));
  await submittedEntry(setUp, await createPerson("Nia Novote"), "Quiet entry", "working");
  await startJudging(setUp, [await createPerson("Jo Novote")]);
  await publishResults(setUp);
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/peoples-choice`);
  await expect(organizer.getByText("The results are published, and this event had no People's choice vote.")).toBeVisible();
  await expect(organizer.getByText("the counts are on the")).toHaveCount(0);
  await expectAccessible(organizer);
});

test("after a tied vote the organizer reopens, reads the counts shown at publishing and gives the award by hand", async ({ browser }) => {
  const setUp = await openEvent(unique("Tied Vote Hack"));
  const [ann, bo, cy, di, judge] = await Promise.all(["Ann", "Bo", "Cy", "Di", "Jo"].map((n) => createPerson(`${n} Tied`)));
  const alpha = await submittedEntry(setUp, ann, "Alpha tied", "working");
  const beta = await submittedEntry(setUp, bo, "Beta tied", "working");
  await submissionDeadlineIn(setUp.event.id, -60_000);
  await peoplesChoiceVote(setUp.event.id, DAY);
  await voteFor(setUp.event.id, cy, alpha.entryId);
  await voteFor(setUp.event.id, di, beta.entryId);
  await startJudging(setUp, [judge]);
  for (const entry of [alpha, beta]) await scoreSheet(setUp.event.id, entry.entryId, judge, { value: 4 });
  await publishResults(setUp);

  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/awards`);
  await expect(organizer.getByText(/The vote was tied, or nobody voted, so publishing gave it to nobody/)).toBeVisible();
  await organizer.goto(`${setUp.url}/manage`);
  await organizer.getByLabel("Why reopen?").fill("Settle the people's choice tie");
  await organizer.getByRole("button", { name: "Reopen for judging" }).click();
  await expectToast(organizer, "The event is now: Judging.");

  // The counts were shown at publishing, and the vote stays closed: the organizers' results keep them, to read the tie.
  await organizer.goto(`${setUp.url}/results`);
  const section = organizer.getByRole("region", { name: "People's choice" });
  await expect(section).toContainText("A tie between “Alpha tied” and “Beta tied”: the vote did not decide the award. The organizers decide it.");
  await expect(section.getByRole("row")).toHaveText([/Rank\s*Entry\s*Votes/, /1\s*Alpha tied\s*1/, /1\s*Beta tied\s*1/]);
  await expectAccessible(organizer);
  await organizer.goto(`${setUp.url}/peoples-choice`);
  await expect(organizer.getByText(/Results were published before this reopen, so the counts are on the results page/)).toBeVisible();
  await expect(organizer.getByText("Counts stay hidden")).toHaveCount(0);
  await organizer.goto(`${setUp.url}/awards`);
  await expect(organizer.getByText(/Results were published before this reopen: the counts are on the results page\./)).toBeVisible();
  await organizer.getByLabel("Entry for People's choice").selectOption({ label: "Beta tied" });
  await organizer.getByRole("button", { name: "Give People's choice", exact: true }).click();
  await expectToast(organizer, "Award given.");
  await expect(organizer.getByText("Given to: Beta tied")).toBeVisible();
});

test("a save from a page opened before a co-organizer turned the vote off is refused, and the page shows the vote as it is", async ({ browser }) => {
  const setUp = await openEvent(unique("Two Organizers Vote Hack"));
  await submissionDeadlineIn(setUp.event.id, -60_000);
  await peoplesChoiceVote(setUp.event.id, DAY);
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/peoples-choice`);
  await expect(organizer.getByLabel("Hold a people's choice vote")).toBeChecked();
  // A co-organizer turns the vote off meanwhile.
  await db.update(events).set({ peoplesChoiceEnabled: false }).where(eq(events.id, setUp.event.id));
  await organizer.getByLabel("Vote closes (UTC)").fill(localInput(2 * DAY));
  await organizer.getByRole("button", { name: "Save people's choice" }).click();
  await expect(organizer.getByRole("alert")).toHaveText(/^The people's choice vote changed since you opened this page/);
  await expect(organizer.getByLabel("Hold a people's choice vote")).not.toBeChecked();
  await expectAccessible(organizer);
  // Saved again from the page as it is now, the change is kept.
  await organizer.getByLabel("Hold a people's choice vote").check();
  await organizer.getByLabel("Vote closes (UTC)").fill(localInput(2 * DAY));
  await organizer.getByRole("button", { name: "Save people's choice" }).click();
  await expectToast(organizer, "People's choice vote saved.");
});
