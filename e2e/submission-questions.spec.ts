// Custom submission questions (ADR 036): an organizer asks two questions on the Manage page; a team member answers
// them on the entry form and reads them back on the entry page.
import { expect } from "@playwright/test";
import { createPerson, openEvent, pageSignedInAs, teamOf } from "./fixtures";
import { expectAccessible, expectToast, test } from "./helpers";

test("an organizer adds a yes/no and a one-of-a-list question; a team answers them on its entry", async ({ browser }) => {
  const setUp = await openEvent();
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/manage`);
  const questions = organizer.getByRole("region", { name: /Submission questions/ });
  await questions.getByRole("button", { name: "Add a question" }).click();
  await questions.getByLabel("Text of question 1").fill("Did you use customer data?");
  await questions.getByLabel("Kind of answer (question 1)").selectOption({ label: "Yes or no" });
  await questions.getByLabel("Question 1 must be answered to submit").check();
  await questions.getByRole("button", { name: "Add a question" }).click();
  await questions.getByLabel("Text of question 2").fill("Which track?");
  await questions.getByLabel("Kind of answer (question 2)").selectOption({ label: "One of a list" });
  await questions.getByLabel("Options of question 2").fill("Support\nSales");
  await questions.getByRole("button", { name: "Save questions" }).click();
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
  await expectToast(member, "Draft saved.");
  await expect(member.getByLabel("Which track?")).toHaveValue("Sales");

  // The team reads its draft entry; the answers sit under the organizers' questions.
  await member.goto(`${team.url}`);
  await member.getByRole("link", { name: "View entry page" }).click();
  const answers = member.getByRole("region", { name: "Organizers’ questions" });
  await expect(answers.getByRole("definition")).toHaveText(["Yes", "Sales"]);
  await expectAccessible(member);
});
