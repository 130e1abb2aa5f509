import { expect } from "@playwright/test";
import { createPerson, openEvent, pageSignedInAs, scoreSheet, startJudging, submittedEntry } from "./fixtures";
import { DAY, expectAccessible, expectToast, localInput, newPage, signIn, signUp, unique, test } from "./helpers";

// The whole product, one role at a time: each step starts from the state the step before it leaves,
// set up directly in the database (e2e/fixtures.ts), so a slow machine never has to replay a journey.

test("an organizer creates a draft event, adds a business problem and opens it", async ({ browser }) => {
  const organizer = await newPage(browser);
  const eventTitle = unique("Journey Hackathon");
  await signIn(organizer, "organizer@example.com");
  await organizer.getByRole("link", { name: "New event" }).click();
  await expectAccessible(organizer);
  await organizer.getByLabel("Title").fill(eventTitle);
  await organizer.getByLabel("Description").fill("A hackathon for the end-to-end test.");
  await organizer.getByLabel("Timezone").selectOption("UTC");
  await organizer.getByLabel("Starts").fill(localInput(-DAY));
  await organizer.getByLabel("Submission deadline").fill(localInput(7 * DAY));
  await organizer.getByLabel("Judging deadline").fill(localInput(14 * DAY));
  await organizer.getByRole("button", { name: "Create event" }).click();
  await expectToast(organizer, "Event created as a draft");
  await expect(organizer.getByRole("button", { name: "Open the event" })).toBeDisabled();
  await expect(organizer.getByTestId("next-phase-blockers").getByText("Add at least one business problem.")).toBeVisible();
  await expectAccessible(organizer);

  await organizer.getByRole("link", { name: "Add a problem" }).click();
  await expectAccessible(organizer);
  await organizer.getByLabel("Title").fill("Invoice disputes are found too late");
  await organizer.getByLabel("Summary").fill("Finance learns about disputes only when payment is overdue.");
  await organizer.getByLabel("Who has the problem").fill("Accounts receivable team");
  await organizer.getByLabel("What it costs today").fill("23 days of delayed cash per disputed invoice");
  await organizer.getByLabel("Data available").fill("Invoices, customer emails, payment dates");
  await organizer.getByLabel("Metric name").fill("Disputes flagged before the due date");
  await organizer.getByRole("button", { name: "Add problem" }).click();
  await expectToast(organizer, "Problem added.");
  await expect(organizer.getByRole("heading", { name: "Invoice disputes are found too late" })).toBeVisible();
  await expectAccessible(organizer);

  await organizer.getByRole("link", { name: `← ${eventTitle}` }).click();
  await organizer.getByRole("link", { name: "Manage event" }).click();
  await organizer.getByRole("button", { name: "Open the event" }).click();
  await expectToast(organizer, "The event is now: Open for entries.");
});

test("a new participant creates a team on a problem and submits a failed attempt with its post-mortem", async ({ browser }) => {
  const setUp = await openEvent();
  const participant = await newPage(browser);
  await signUp(participant, "Paula Participant");
  await participant.goto(setUp.url);
  await expectAccessible(participant);
  await participant.getByRole("link", { name: "Create a team" }).click();
  await participant.getByLabel("Team name").fill(unique("Dispute Detectives"));
  await participant.getByLabel("Problem").selectOption({ label: setUp.problemTitle });
  await participant.getByRole("button", { name: "Create team" }).click();
  await expectToast(participant, "Team created.");
  await expectAccessible(participant);
  await participant.getByRole("link", { name: "Work on the entry" }).click();
  await expectAccessible(participant);
  const title = unique("Chat for invoices");
  await participant.getByLabel("Title").fill(title);
  await participant.getByLabel("One-line summary").fill("A chat window for finance to ask about disputes.");
  await participant.getByLabel("Outcome").selectOption("failed");
  await participant.getByLabel("Approach: models, tools and data used").fill("LLM over exported email threads.");
  await participant.getByLabel("Metric name").fill("Disputes flagged before the due date");
  await participant.getByLabel("Baseline").fill("12");
  await participant.getByLabel("Target").fill("50");
  await participant.getByLabel("What worked").fill("Summaries of long threads were accurate.");
  await participant.getByLabel("What did not work").fill("Emails could not be linked to invoices reliably.");
  await participant.getByLabel("Root cause", { exact: true }).selectOption("data-missing-context");
  await participant.getByLabel("What we would do differently").fill("Get the invoice-to-thread link from the CRM first.");
  await participant.getByLabel("Next steps").fill("Ask the CRM team for an export.");
  await participant.getByRole("button", { name: "Submit entry" }).click();
  await expectToast(participant, "Entry submitted.");
  await expect(participant.getByText("Submitted", { exact: true })).toBeVisible();

  // The entry's page, as others will read it, leads the team back to its form while submissions are open.
  await participant.goto(setUp.url);
  await participant.getByRole("link", { name: title }).click();
  await expect(participant.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await participant.getByRole("link", { name: "Edit the entry" }).click();
  await expect(participant.getByLabel("Title")).toHaveValue(title);
});

test("the organizer adds a judge and starts judging early; the team can no longer edit; the judge scores", async ({ browser }) => {
  const setUp = await openEvent();
  const member = await createPerson("Paula Participant");
  const judgePerson = await createPerson("Julia Judge");
  const entryTitle = unique("Chat for invoices");
  const { teamId } = await submittedEntry(setUp, member, entryTitle);
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  const participant = await pageSignedInAs(browser, member.email);
  const judge = await pageSignedInAs(browser, judgePerson.email);

  await organizer.goto(`${setUp.url}/manage`);
  await organizer.getByLabel("Add a judge by email").fill(judgePerson.email);
  await organizer.getByRole("button", { name: "Add judge" }).click();
  await expectToast(organizer, "Julia Judge is now a judge of this event.");
  await organizer.getByRole("button", { name: "Start judging" }).click();
  await expect(organizer.getByText("Tick the confirmation to go ahead.")).toBeVisible();
  await organizer.getByLabel(/closes submissions immediately/).check();
  await organizer.getByRole("button", { name: "Start judging" }).click();
  await expectToast(organizer, "The event is now: Judging.");
  await expectAccessible(organizer);

  // The participant can no longer edit, and sees why.
  await participant.goto(`${setUp.url}/teams/${teamId}/entry`);
  await expect(participant.getByText("Submissions are closed: the event has moved to judging.")).toBeVisible();

  // The judge scores the entry on the default rubric with a comment.
  await judge.goto(setUp.url);
  await judge.getByRole("link", { name: "Your judging queue" }).click();
  await expectAccessible(judge);
  await judge.getByRole("link", { name: "Next unscored entry" }).click();
  await expect(judge.getByText("Emails could not be linked to invoices reliably.")).toBeVisible();
  await judge.getByRole("button", { name: "Save scores" }).click();
  // An empty save says once what is missing, not once per criterion.
  await expect(judge.getByRole("status").filter({ hasText: `Nothing scored yet for ${entryTitle}: 6 of 6 criteria still to score.` })).toBeVisible();
  await expect(judge.getByText("Pick a value from 1 to 5")).toHaveCount(0);
  const criteria = ["Problem fit", "Beyond replication", "Pragmatic use", "AI metric", "User control", "Learnings"];
  for (const [i, name] of criteria.entries()) {
    await judge
      .getByRole("group", { name: new RegExp(name) })
      .getByLabel(String((i % 5) + 1), { exact: true })
      .check();
  }
  await judge.getByLabel("Comment on Learnings (optional)").fill("A failure that tells the next team exactly what to fix.");
  await expectAccessible(judge);
  await judge.getByRole("button", { name: "Save scores" }).click();
  await expectToast(judge, `Scores saved for ${entryTitle}.`);
  await expect(judge.getByText("1 of 1 entry scored")).toBeVisible();
});

test("published results: a colleague finds the learning in the archive and the team reads its feedback", async ({ browser }) => {
  const setUp = await openEvent();
  const member = await createPerson("Paula Participant");
  const judgePerson = await createPerson("Julia Judge");
  const entryTitle = unique("Chat for invoices");
  const { teamId, entryId } = await submittedEntry(setUp, member, entryTitle);
  await startJudging(setUp, [judgePerson]);
  await scoreSheet(setUp.event.id, entryId, judgePerson, { lastComment: "A failure that tells the next team exactly what to fix." });
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  const participant = await pageSignedInAs(browser, member.email);

  await organizer.goto(`${setUp.url}/manage`);
  await organizer.getByRole("button", { name: "Publish results and close" }).click();
  await expectToast(organizer, "The event is now: Results published.");

  const colleague = await newPage(browser);
  await signUp(colleague, "Colin Colleague");
  await colleague.getByRole("link", { name: "Archive" }).click();
  await colleague.getByLabel("Search entries and post-mortems").fill(entryTitle);
  await colleague.getByRole("button", { name: "Search" }).click();
  await expect(colleague.getByText("1 learning")).toBeVisible();
  await expectAccessible(colleague);
  await colleague.getByRole("link", { name: entryTitle }).click();
  await expect(colleague.getByRole("heading", { name: entryTitle })).toBeVisible();
  await expect(colleague.getByText("Failed attempt", { exact: true })).toBeVisible();
  await expect(colleague.getByText("Get the invoice-to-thread link from the CRM first.")).toBeVisible();
  await expectAccessible(colleague);
  await colleague.goto(`${setUp.url}/results`);
  const row = colleague.getByRole("row", { name: new RegExp(entryTitle) });
  await expect(row.getByRole("cell").first()).toHaveText("1");
  await expectAccessible(colleague);

  // The team reads its feedback now that results are published.
  await participant.goto(`${setUp.url}/teams/${teamId}`);
  await participant.getByRole("link", { name: "View entry page" }).click();
  await expect(participant.getByText("A failure that tells the next team exactly what to fix.")).toBeVisible();
});
