// Custom submission questions (ADR 036): an organizer asks two questions on the Manage page; a team member answers
// them on the entry form and reads them back on the entry page. Removing a question teams answered asks first (ADR 046).
import { expect, type Browser } from "@playwright/test";
import { getTeamEntry, saveEntry } from "~/modules/entries/entries.server";
import { listQuestions, saveQuestions } from "~/modules/entries/questions.server";
import { entryDraftSchema } from "~/modules/entries/schemas";
import { createPerson, openEvent, pageSignedInAs, teamOf, type EventSetUp } from "./fixtures";
import { DRAFT_SAVED, expectAccessible, expectToast, test, unique } from "./helpers";

test("an organizer adds a yes/no and a one-of-a-list question; a team answers them on its entry", async ({ browser }) => {
  const setUp = await openEvent();
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  // Alive first: until the section's code runs, its list buttons post to the server, as without JavaScript. The form
  // says when it runs; the network going idle came before it once on a busy machine.
  await organizer.goto(`${setUp.url}/manage`);
  const questions = organizer.getByRole("region", { name: /Submission questions/ });
  await expect(questions.locator("form[data-hydrated]")).toHaveCount(1);
  // Rows are added in the browser (useForm's `lists`): nothing is sent until the questions are saved.
  const sent: string[] = [];
  organizer.on("request", (request) => void (request.method() === "POST" && sent.push(request.url())));
  await questions.getByRole("button", { name: "Add a question" }).click();
  await questions.getByLabel("Text of question 1").fill("Did you use customer data?");
  await questions.getByLabel("Kind of answer (question 1)").selectOption({ label: "Yes or no" });
  await questions.getByLabel("Question 1 must be answered to submit").check();
  await questions.getByRole("button", { name: "Add a question" }).click();
  await questions.getByLabel("Text of question 2").fill("Which track?");
  await questions.getByLabel("Kind of answer (question 2)").selectOption({ label: "One of a list" });
  await questions.getByLabel("Options of question 2").fill("Support\nSales");
  expect(sent).toEqual([]);
  // Unsaved questions are said to be unsaved, and leaving the page asks first.
  await expect(questions.getByText("Changes not saved yet: they are kept when you press Save questions.")).toBeVisible();
  await organizer.getByRole("link", { name: "Edit event" }).click();
  const leave = organizer.getByRole("alertdialog", { name: "Leave without saving?" });
  await expect(leave).toContainText("Your changes to the submission questions are not saved yet.");
  await leave.getByRole("button", { name: "Stay on this page" }).click();
  await expect(questions.getByLabel("Text of question 2")).toHaveValue("Which track?");
  // Enter in a text field saves both questions; it does not press "Remove question 1".
  await questions.getByLabel("Text of question 2").press("Enter");
  await expectToast(organizer, "Submission questions saved.");
  await expect(organizer.getByRole("heading", { name: "Submission questions (2 of 5)" })).toBeVisible();
  await expectAccessible(organizer);

  const person = await createPerson("Quinn Questions");
  const team = await teamOf(setUp, person);
  const member = await pageSignedInAs(browser, person.email);
  await member.goto(`${team.url}/entry`);
  await member.getByLabel("Title").fill("Dispute radar");
  await member.getByLabel("Did you use customer data?").selectOption({ label: "Yes" });
  await member.getByLabel("Which track?").selectOption("Sales");
  await expectAccessible(member);
  await member.getByRole("button", { name: "Save draft" }).click();
  await expectToast(member, DRAFT_SAVED);
  await expect(member.getByLabel("Which track?")).toHaveValue("Sales");

  // The team reads its draft entry; the answers sit under the organizers' questions.
  await member.goto(`${team.url}`);
  await member.getByRole("link", { name: "View entry page" }).click();
  const answers = member.getByRole("region", { name: "Organizers’ questions" });
  await expect(answers.getByRole("definition")).toHaveText(["Yes", "Sales"]);
  await expectAccessible(member);
});

/** An open event asking two questions, with `answering` teams' drafts answering the second ("Which track?"). */
async function answeredQuestions(answering: number): Promise<EventSetUp> {
  const setUp = await openEvent(unique("Questions Hack"));
  const saved = await saveQuestions(
    setUp.event.id,
    {
      questions: [
        { label: "Did you use customer data?", kind: "yes-no", required: false, options: "" },
        { label: "Which track?", kind: "choice", required: false, options: "Support\nSales" },
      ],
    },
    { confirmed: false, typedName: "" },
  );
  if (!saved.ok) throw new Error("answeredQuestions: could not save the questions");
  const [, track] = await listQuestions(setUp.event.id);
  for (let i = 0; i < answering; i++) {
    const { teamId } = await teamOf(setUp, await createPerson(`Tara Track ${i}`));
    const entry = (await getTeamEntry(teamId))!;
    const draft = entryDraftSchema.parse({ version: entry.version, title: `Draft ${i}` });
    const answered = await saveEntry(teamId, { ...draft, answers: { [track.id]: "Sales" } }, false, new Date());
    if (!answered.ok) throw new Error(`answeredQuestions: ${answered.message}`);
  }
  return setUp;
}

async function noScriptPage(browser: Browser, email: string) {
  const signedIn = await pageSignedInAs(browser, email);
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(await signedIn.context().cookies());
  return context.newPage();
}

test("removing a question teams answered asks first, says how many teams' answers go, and keeping it keeps the other edits", async ({ browser }) => {
  const setUp = await answeredQuestions(2);
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/manage`);
  const questions = organizer.getByRole("region", { name: /Submission questions/ });
  const asking = organizer.getByRole("alert").filter({ hasText: "Remove the question “Which track?”? 2 teams' draft answers to it will be deleted for good." });

  await questions.getByLabel("Text of question 1").fill("Did you use customer data, even anonymised?");
  await questions.getByRole("button", { name: "Add a question" }).click();
  await questions.getByLabel("Text of question 3").fill("Which model did you use?");
  await questions.getByLabel("Kind of answer (question 3)").selectOption({ label: "Short text" });
  await questions.getByRole("button", { name: "Remove question 2" }).click();
  await questions.getByRole("button", { name: "Save questions" }).click();
  await expect(asking).toBeVisible();
  await expectAccessible(organizer);
  // Keeping it goes back to the editor: the question in its place, the other edits still there, nothing saved.
  await questions.getByRole("button", { name: "Keep the question" }).click();
  await expect(asking).toHaveCount(0);
  await expect(questions.getByRole("status")).toHaveText("Nothing was saved. “Which track?” is back in place; your other changes are below, not saved yet.");
  await expect(questions.getByText("Changes not saved yet: they are kept when you press Save questions.")).toBeVisible();
  await expect(questions.getByLabel("Text of question 2")).toHaveValue("Which track?");
  await expect(questions.getByLabel("Text of question 1")).toHaveValue("Did you use customer data, even anonymised?");
  await expect(questions.getByLabel("Text of question 3")).toHaveValue("Which model did you use?");
  await expect(organizer.getByRole("heading", { name: "Submission questions (2 of 5)" })).toBeVisible();

  // Removing it after all saves the other edits with it, the new question included.
  await questions.getByRole("button", { name: "Remove question 2" }).click();
  await expect(questions.getByLabel("Text of question 2")).toHaveValue("Which model did you use?");
  await questions.getByRole("button", { name: "Save questions" }).click();
  await questions.getByRole("button", { name: "Remove the question and save" }).click();
  await expectToast(organizer, "Submission questions saved.");
  await expect(organizer.getByRole("heading", { name: "Submission questions (2 of 5)" })).toBeVisible();
  await expect(questions.getByLabel("Text of question 1")).toHaveValue("Did you use customer data, even anonymised?");
  await expect(questions.getByLabel("Text of question 2")).toHaveValue("Which model did you use?");
});

test("removing a question asks first without JavaScript too", async ({ browser }) => {
  const setUp = await answeredQuestions(1);
  const page = await noScriptPage(browser, "organizer@example.com");
  await page.goto(`${setUp.url}/manage`);
  const questions = page.getByRole("region", { name: /Submission questions/ });
  await questions.getByRole("button", { name: "Remove question 2" }).click();
  await expect(questions.getByLabel("Text of question 2")).toHaveCount(0);
  await questions.getByRole("button", { name: "Save questions" }).click();
  const asking = page.getByRole("alert").filter({ hasText: "Remove the question “Which track?”? 1 team's draft answers to it will be deleted for good." });
  await expect(asking).toBeVisible();
  await page.getByRole("button", { name: "Keep the question" }).click();
  await expect(asking).toHaveCount(0);
  await expect(questions.getByLabel("Text of question 2")).toHaveValue("Which track?");

  await questions.getByRole("button", { name: "Remove question 2" }).click();
  await questions.getByRole("button", { name: "Save questions" }).click();
  await page.getByRole("button", { name: "Remove the question and save" }).click();
  await expect(page.getByText("Submission questions saved.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Submission questions (1 of 5)" })).toBeVisible();
});

test("a save of the questions from a page read before another organizer's save is refused, and the edits stay", async ({ browser }) => {
  const setUp = await answeredQuestions(0);
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/manage`);
  const questions = organizer.getByRole("region", { name: /Submission questions/ });
  await expect(questions.locator("form[data-hydrated]")).toHaveCount(1);
  await questions.getByLabel("Text of question 2").fill("Which track did you pick?");
  // Meanwhile a colleague makes the first question required.
  const stored = await listQuestions(setUp.event.id);
  const colleague = await saveQuestions(
    setUp.event.id,
    { questions: stored.map((q, i) => ({ id: q.id, label: q.label, kind: q.kind, required: i === 0, options: q.options.join("\n") })) },
    { confirmed: false, typedName: "" },
  );
  expect(colleague.ok).toBe(true);
  await questions.getByRole("button", { name: "Save questions" }).click();
  await expect(questions.getByRole("alert").filter({ hasText: "The submission questions changed since you opened this page" })).toBeVisible();
  await expect(questions.getByLabel("Text of question 2")).toHaveValue("Which track did you pick?");
  await expectAccessible(organizer);
  expect((await listQuestions(setUp.event.id)).map((q) => [q.label, q.required])).toEqual([
    ["Did you use customer data?", true],
    ["Which track?", false],
  ]);
});
