import fs from "node:fs";
import { expect } from "@playwright/test";
import { expectAccessible, newPage, signIn, test } from "./helpers";

// The seed's closed Autumn event holds three learnings; its open Winter event retries the support-triage problem.
test("search the archive, filter by failed and a root cause, open a learning, share the URL", async ({ browser }) => {
  const reader = await newPage(browser);
  await signIn(reader, "participant@example.com");
  await reader.getByRole("link", { name: "Archive" }).click();
  await expect(reader.getByRole("heading", { name: "What usually goes wrong" })).toBeVisible();
  await expect(reader.getByRole("region", { name: "What usually goes wrong" }).getByRole("link", { name: "Data lacked context" })).toBeVisible();
  await expectAccessible(reader);

  // Words first: every word must appear; hits are highlighted.
  await reader.getByLabel("Search entries and post-mortems").fill("support chatbot");
  await reader.getByRole("button", { name: "Search" }).click();
  const results = reader.getByRole("region", { name: "Results" }).getByRole("listitem");
  await expect(results.getByRole("link", { name: "Support chatbot for agents" })).toBeVisible();
  await expect(results.first().locator("mark").first()).toBeVisible();
  // The snippet starts with the summary here, so the summary is not repeated above it.
  const chatbot = results.filter({ has: reader.getByRole("link", { name: "Support chatbot for agents" }) });
  await expect(chatbot).toContainText("A chat window where agents ask which queue a ticket belongs to.");
  expect((await chatbot.innerText()).split("A chat window where agents ask").length - 1).toBe(1);
  await expect(chatbot).toContainText("AI metric: Correct queue on first assignment: 71 % → 85 % (target) → not measured");
  await expectAccessible(reader);
  // NOT leaves a word out, as in other search boxes: the chatbot's text names the queue.
  await reader.getByLabel("Search entries and post-mortems").fill("chatbot NOT queue");
  await reader.getByRole("button", { name: "Search" }).click();
  await expect(reader.getByRole("region", { name: "Results" }).getByRole("link", { name: "Support chatbot for agents" })).toHaveCount(0);
  // Only a word to leave out: every other learning, newest first, and the page says how it read the search.
  await reader.getByLabel("Search entries and post-mortems").fill("NOT chatbot");
  await reader.getByRole("button", { name: "Search" }).click();
  await expect(reader.getByText("Only words to leave out were typed: showing every learning without chatbot, newest first.")).toBeVisible();
  await expect(results.first()).toBeVisible();
  await expect(results.getByRole("link", { name: "Support chatbot for agents" })).toHaveCount(0);
  await reader.getByLabel("Search entries and post-mortems").fill("support chatbot");
  await reader.getByRole("button", { name: "Search" }).click();
  await expect(results.getByRole("link", { name: "Support chatbot for agents" })).toBeVisible();

  // Then narrow down: failed attempts whose data lacked context.
  await reader.getByLabel("Outcome").selectOption({ label: "Failed attempt" });
  await reader.getByLabel("Root cause").selectOption({ label: "Data lacked context" });
  await reader.getByRole("button", { name: "Search" }).click();
  await expect(reader).toHaveURL(/q=support\+chatbot&outcome=failed&rootCause=data-missing-context/);
  await expect(results.getByRole("link", { name: "Support chatbot for agents" })).toBeVisible();
  await expect(results.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toHaveCount(0);
  const titles = await results.getByRole("link").allTextContents();
  const shared = reader.url();

  // Open the learning: the post-mortem is there.
  await results.getByRole("link", { name: "Support chatbot for agents" }).click();
  await expect(reader.getByRole("heading", { name: "Support chatbot for agents" })).toBeVisible();
  await expect(reader.getByText("Failed attempt", { exact: true })).toBeVisible();

  // A colleague opens the shared link in another browser context and sees the same search.
  const colleague = await newPage(browser);
  await signIn(colleague, "judge@example.com");
  await colleague.goto(shared);
  await expect(colleague.getByLabel("Search entries and post-mortems")).toHaveValue("support chatbot");
  await expect(colleague.getByLabel("Outcome")).toHaveValue("failed");
  await expect(colleague.getByLabel("Root cause")).toHaveValue("data-missing-context");
  await expect(colleague.getByRole("region", { name: "Results" }).getByRole("listitem").getByRole("link")).toHaveText(titles);

  // Odd input is a search like any other, never an error page.
  await colleague.getByLabel("Search entries and post-mortems").fill(`"unclosed * -' OR 1=1 --`);
  await colleague.getByRole("button", { name: "Search" }).click();
  await expect(colleague.getByRole("heading", { name: "Results" })).toBeVisible();
  await expect(colleague.getByText(/\d+ learnings? for/)).toBeVisible();
  await expectAccessible(colleague);
  await colleague.getByRole("link", { name: "Clear the search" }).click();
  await expect(colleague.getByRole("heading", { name: "Recent learnings" })).toBeVisible();
});

test("a closed event's learnings digest reads on the page and downloads as Markdown", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, "participant3@example.com");
  await page.goto("/archive");
  await page.getByRole("listitem").filter({ hasText: "Autumn AI Hackathon 2026" }).getByRole("link", { name: "Learnings digest" }).click();
  await expect(page.getByRole("heading", { name: "Learnings digest" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Best lessons" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Support chatbot for agents" })).toBeVisible();
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as Markdown" }).click()]);
  expect(download.suggestedFilename()).toBe("autumn-ai-hackathon-2026-learnings.md");
  const markdown = fs.readFileSync((await download.path())!, "utf8");
  expect(markdown).toContain("# Learnings digest: Autumn AI Hackathon 2026");
  expect(markdown).toContain("## What went wrong (root causes)");
  expect(markdown).toMatch(/- Data lacked context: \d+/);
  expect(markdown).toContain("- **Most valuable failure**: Support chatbot for agents");
  // The event's own page leads there too.
  await page.goto("/events/autumn-ai-hackathon-2026");
  await page.getByRole("link", { name: "Learnings digest" }).click();
  await expect(page).toHaveURL(/\/events\/autumn-ai-hackathon-2026\/digest$/);
});

test("'have we tried this before?' shows past learnings on a new event's problem page and on the entry form", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, "participant2@example.com");
  await page.goto("/events/winter-ai-hackathon");
  await page.getByRole("link", { name: "Support ticket triage, second try" }).first().click();
  const panel = page.getByRole("region", { name: "Have we tried this before?" });
  await expect(panel.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toBeVisible();
  await expect(panel.getByText(/Root cause: /).first()).toBeVisible();
  await expectAccessible(page);
  await panel.getByRole("link", { name: "Queue suggester in the ticket sidebar" }).click();
  await expect(page.getByRole("heading", { name: "Queue suggester in the ticket sidebar" })).toBeVisible();

  // The team's entry form offers the same panel for its own problem.
  await page.goto("/events/winter-ai-hackathon");
  await page.getByRole("link", { name: "Go to your team and entry" }).click();
  await page.getByRole("link", { name: "Work on the entry" }).click();
  await expect(page.getByRole("heading", { name: "Have we tried this before?" })).toBeVisible();
});

// Issue 13: a filtered URL opened from the archive's home shows its filter, and a new search keeps it.
test("the archive shows the filter that is applied, keeps it on a new search and folds filters away on a phone", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, "participant2@example.com");
  await page.goto("/archive");
  const causes = page.getByRole("region", { name: "What usually goes wrong" });
  await causes.getByRole("link", { name: "Integration" }).click();

  // The select and a chip both say what narrows the results.
  const results = page.getByRole("region", { name: "Results" }).getByRole("listitem");
  await expect(results.getByRole("link", { name: "Early dispute signals from email" })).toBeVisible();
  await expect(page.getByLabel("Root cause")).toHaveValue("integration");
  await expect(page.getByLabel("Outcome")).toHaveValue("");
  const chip = page.getByRole("link", { name: "Remove filter Root cause: Integration" });
  await expect(chip).toBeVisible();
  await expect(chip).toContainText("Root cause: Integration");
  // On a wide screen the filters are simply there, with no toggle in front of them.
  await expect(page.getByLabel("Outcome")).toBeVisible();
  await expect(page.getByText("Filters (1)", { exact: true })).toBeHidden();
  await expectAccessible(page);

  // "classification" is also a tag of the working Queue suggester, which has another root cause: it stays out.
  await page.getByLabel("Search entries and post-mortems").fill("classification");
  await page.getByRole("button", { name: "Search" }).click();
  // A form without JavaScript sends its empty selects too: what counts is that the root cause is still there.
  await expect(page).toHaveURL(/[?&]q=classification&.*rootCause=integration/);
  await expect(page.getByText(/learnings? for “classification”/)).toBeVisible();
  await expect(results.getByRole("link", { name: "Early dispute signals from email" })).toBeVisible();
  await expect(results.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toHaveCount(0);
  await expect(results.getByText("Working", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Root cause")).toHaveValue("integration");
  await expect(chip).toBeVisible();
  await expectAccessible(page);

  // Removing the chip keeps the words and widens the results; the select follows.
  await chip.click();
  await expect(page).toHaveURL(/\/archive\?q=classification$/);
  await expect(results.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toBeVisible();
  await expect(page.getByLabel("Root cause")).toHaveValue("");
  await expect(page.getByRole("link", { name: /^Remove filter/ })).toHaveCount(0);
  await expect(page.getByLabel("Search entries and post-mortems")).toHaveValue("classification");
  await expectAccessible(page);

  // On a phone the filters sit behind a toggle that says how many are on; the chips stay in view.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/archive?q=classification&outcome=partial&rootCause=integration");
  const toggle = page.getByText("Filters (2)", { exact: true });
  await expect(toggle).toBeVisible();
  await expect(page.getByLabel("Outcome")).toBeHidden();
  await expect(page.getByLabel("Root cause")).toBeHidden();
  await expect(page.getByRole("link", { name: "Remove filter Outcome: Partial prototype" })).toBeVisible();
  await expectAccessible(page);
  await toggle.click();
  await expect(page.getByLabel("Outcome")).toBeVisible();
  await expect(page.getByLabel("Outcome")).toHaveValue("partial");
  await expect(page.getByLabel("Root cause")).toHaveValue("integration");
  await expectAccessible(page);

  // "Clear filters" keeps the words and drops both filters.
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/archive\?q=classification$/);
  await expect(page.getByText("Filters", { exact: true })).toBeVisible();
  await expect(results.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toBeVisible();

  // A year no past event has (an edited address): the select says it as the chip does, and nothing matches.
  await page.goto("/archive?q=classification&year=2019");
  await expect(page.getByRole("link", { name: "Remove filter Year: 2019" })).toBeVisible();
  await page.getByText("Filters (1)", { exact: true }).click();
  await expect(page.getByLabel("Year")).toHaveValue("2019");
  await expect(page.getByText("Nothing in the archive matches.", { exact: false })).toBeVisible();
});

test("a search with no match says so once, and a page past the end leads back to the results", async ({ browser }) => {
  const reader = await newPage(browser);
  await signIn(reader, "participant@example.com");
  await reader.goto("/archive?q=zzqqxx+yyvvww");
  const results = reader.getByRole("region", { name: "Results" });
  await expect(results.getByText("Nothing in the archive matches.")).toBeVisible();
  // "These have some of them" above an empty list would contradict it.
  await expect(results.getByText("No learning has all of these words")).toHaveCount(0);

  await reader.goto("/archive?q=support&page=7");
  await expect(results.getByText("There is no page 7: the results end on page 1.")).toBeVisible();
  await expectAccessible(reader);
  await results.getByRole("link", { name: "Go to page 1" }).click();
  await expect(results.getByRole("link", { name: "Support chatbot for agents" })).toBeVisible();

  // A search of only an operator, typed in the box, says what it lacks instead of counting the archive for it.
  await reader.getByLabel("Search entries and post-mortems").fill("OR");
  await reader.getByLabel("Search entries and post-mortems").press("Enter");
  await expect(
    reader.getByText("OR, AND and NOT only join the words of a search, and this one has no other: showing the learnings as if nothing was typed."),
  ).toBeVisible();
});
