import { expect } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events } from "#db/schema";
import { db } from "~/db.server";
import { createPerson, openEvent, pageSignedInAs, publishResults, startJudging, submittedEntry, teamOf } from "./fixtures";
import { DAY, DRAFT_SAVED, expectAccessible, expectToast, newPage, signIn, test, unique, waitForApp } from "./helpers";

// Issue 17: the archive answers "have we tried this before?" as people type. The seed's closed Autumn
// event holds the ticket-triage learnings ("Queue suggester in the ticket sidebar", "Support chatbot for agents").

test("the 'have we tried this before?' panel on the entry form follows what the team types", async ({ browser }) => {
  const setUp = await openEvent(unique("Typing Hack"));
  const person = await createPerson("Tia Typist");
  const team = await teamOf(setUp, person);
  const page = await pageSignedInAs(browser, person.email);
  await page.goto(`${team.url}/entry`);
  await waitForApp(page);
  const panel = page.getByRole("region", { name: "Have we tried this before?" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toHaveCount(0);
  // A saved draft's form is a new element (keyed by the entry's version): the panel follows that one.
  await page.getByLabel("Title").fill("Draft");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expectToast(page, DRAFT_SAVED);

  // fill() types in one input event per field; a busy machine's key-by-key typing would outlast the budget.
  await page.getByLabel("Title").fill("Rare queue suggester for support ticket triage");
  await page.getByLabel("Approach: models, tools and data used").fill("A classifier over labelled tickets, with reasons");
  await expect(panel.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toBeVisible();
  // Why it is shown: the words it shares, and the problem it came from.
  const item = panel.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Queue suggester in the ticket sidebar" }) });
  await expect(item).toContainText("Shared words:");
  await expect(item.locator("mark").first()).toBeVisible();
  await expect(item).toContainText("From the problem “Support ticket triage takes too long”");
  await expectAccessible(page);
});

test("what a team types before the panel's code has arrived is answered once it arrives", async ({ browser }) => {
  const setUp = await openEvent(unique("Early Typing Hack"));
  const person = await createPerson("Ezra Early");
  const team = await teamOf(setUp, person);
  const page = await pageSignedInAs(browser, person.email);
  // The panel's code arrives after the page's (ADR 043): hold it back until the team has typed.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/related-live-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${team.url}/entry`);
  await waitForApp(page);
  const panel = page.getByRole("region", { name: "Have we tried this before?" });
  await expect(panel).toBeVisible();
  await page.getByLabel("Title").fill("Rare queue suggester for support ticket triage");
  await page.getByLabel("Approach: models, tools and data used").fill("A classifier over labelled tickets, with reasons");
  await expect(panel.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toHaveCount(0);
  release();
  await expect(panel.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toBeVisible();
});

test("when the panel's code cannot be loaded, the entry form stays and says so", async ({ browser }) => {
  const setUp = await openEvent(unique("Offline Panel Hack"));
  const person = await createPerson("Olga Offline");
  const team = await teamOf(setUp, person);
  const page = await pageSignedInAs(browser, person.email);
  await page.route(/\/assets\/related-live-[\w-]+\.js$/, (route) => route.abort());
  await page.goto(`${team.url}/entry`);
  await expect(page.getByRole("status").filter({ hasText: "Part of this page did not load." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reload the page" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your entry" })).toBeVisible();
  await page.getByLabel("Title").fill("Still here");
  await expect(page.getByLabel("Title")).toHaveValue("Still here");
});

test("the new-team page keeps its past-learnings panel while the panel's code is on its way", async ({ browser }) => {
  const setUp = await openEvent(unique("Panel Kept Hack"));
  const page = await pageSignedInAs(browser, (await createPerson("Kim Keeper")).email);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/learnings-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${setUp.url}/teams/new?problem=${setUp.problemId}`);
  const panel = page.getByRole("region", { name: "Have we tried this before?" });
  await expect(panel).toBeVisible();
  // The page is alive once the no-JavaScript button is gone; the panel, still waiting for its code, stays.
  await expect(page.getByRole("button", { name: "Show past attempts for this problem" })).toHaveCount(0);
  await expect(panel).toBeVisible();
  release();
  await expect(panel).toBeVisible();
});

test("the archive's search box suggests words and learnings as you type, by keyboard", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, "participant@example.com");
  await page.goto("/archive");
  await waitForApp(page);
  const box = page.getByRole("combobox", { name: "Search entries and post-mortems" });
  const list = page.getByRole("listbox", { name: "Suggestions" });
  await box.pressSequentially("chatb");
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expect(list.getByRole("option", { name: /^chatbot/ })).toBeVisible();
  await expect(list.getByRole("option", { name: /Support chatbot for agents/ })).toBeVisible();
  await expectAccessible(page);

  // Arrow keys move the highlight; the field stays focused and names the highlighted option.
  await box.press("ArrowDown");
  const first = list.getByRole("option").first();
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await expect(box).toBeFocused();

  // Escape closes the list; typing opens it again.
  await box.press("Escape");
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.press("Backspace");
  await box.press("b");
  await expect(list).toBeVisible();

  // Enter on a learning opens it.
  const learning = list.getByRole("option", { name: /Support chatbot for agents/ });
  const options = await list.getByRole("option").allTextContents();
  const index = options.findIndex((o) => o.includes("Support chatbot for agents"));
  for (let i = 0; i <= index; i++) await box.press("ArrowDown");
  await expect(learning).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page.getByRole("heading", { name: "Support chatbot for agents" })).toBeVisible();

  // Enter with nothing highlighted searches what was typed: the full results.
  await page.goto("/archive");
  await waitForApp(page);
  await box.pressSequentially("chatbot");
  await expect(list).toBeVisible();
  await box.press("Enter");
  await expect(page).toHaveURL(/q=chatbot/);
  await expect(page.getByRole("region", { name: "Results" }).getByRole("link", { name: "Support chatbot for agents" })).toBeVisible();

  // Enter on a word runs the search with it.
  await page.goto("/archive");
  await waitForApp(page);
  await box.pressSequentially("chatb");
  await expect(list.getByRole("option", { name: /^chatbot/ })).toBeVisible();
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page).toHaveURL(/q=chatbot/);
  await expect(page.getByRole("region", { name: "Results" })).toBeVisible();
});

test("a word in no learning gets 'Did you mean …?' with a link to the corrected search", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, "participant@example.com");
  await page.goto("/archive?q=invoce");
  await page.getByRole("link", { name: "invoice" }).click();
  await expect(page).toHaveURL(/q=invoice/);
  await expect(page.getByText(/^(More than )?[\d,]+ learnings? for “invoice”/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Results" }).getByRole("listitem").first()).toBeVisible();
  await expectAccessible(page);
});

test("a search of only stop words says its learnings may share nothing more", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, "participant@example.com");
  await page.goto("/archive");
  await waitForApp(page);
  await page.getByRole("combobox", { name: "Search entries and post-mortems" }).fill("the and");
  await page.getByRole("combobox", { name: "Search entries and post-mortems" }).press("Enter");
  await expect(page).toHaveURL(/q=the\+and/);
  await expect(
    page.getByText(
      "Every word of this search is very common in the archive (the, and), so the learnings below may share nothing more: add a more telling word.",
    ),
  ).toBeVisible();
  await expectAccessible(page);
});

test("a problem tried in a past event links to its history: every attempt and the best AI metric so far", async ({ browser }) => {
  // Posted again with the seed's past wording, as "Copy problems from another event" does.
  const setUp = await openEvent(unique("Again Hack"), { problems: ["Support ticket triage takes too long"] });
  const person = await createPerson("Hugo History");
  const page = await pageSignedInAs(browser, person.email);
  await page.goto(`${setUp.url}/teams/new?problem=${setUp.problemId}`);
  await expect(page.getByText(/This problem was tried before: \d+ attempts? in \d+ past events?/)).toBeVisible();
  await page.getByRole("link", { name: "See its history and the best AI metric so far" }).click();

  const history = page.getByRole("region", { name: "Tried before" });
  await expect(history).toBeVisible();
  await expect(history.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toBeVisible();
  await expect(history.getByRole("link", { name: "Support chatbot for agents" })).toBeVisible();
  // The seed's team measured the queue suggester again after the event, in a follow-up: its latest value counts.
  await expect(history).toContainText(
    "Best AI metric result so far: Correct queue on first assignment: 71 % → 85 % (target) → 86 % (measured after the event, in a follow-up)",
  );
  // Its attempts are not offered a second time as related learnings.
  const related = page.getByRole("region", { name: "Have we tried this before?" });
  await expect(related.getByRole("link", { name: "Queue suggester in the ticket sidebar" })).toHaveCount(0);
  await expect(related.getByRole("link", { name: "Support chatbot for agents" })).toHaveCount(0);
  // Nor does the panel contradict the history above it.
  await expect(related).not.toContainText("You may be the first to try");
  await expectAccessible(page);
});

test("a past problem's page lists the same problem's attempts in later events apart, as tried since", async ({ browser }) => {
  const problem = unique("Parcel labels smudge in the rain");
  const [earlier, later] = [await openEvent(unique("Earlier Hack"), { problems: [problem] }), await openEvent(unique("Later Hack"), { problems: [problem] })];
  await db
    .update(events)
    .set({ startsAt: new Date(earlier.event.startsAt.getTime() + 7 * DAY) })
    .where(eq(events.id, later.event.id));
  const titles = { earlier: unique("Label laminator"), later: unique("Smudge spotter") };
  const judge = await createPerson("Jo Judge");
  for (const [setUp, title] of [
    [earlier, titles.earlier],
    [later, titles.later],
  ] as const) {
    await submittedEntry(setUp, await createPerson("Pat Parcel"), title, "working");
    await startJudging(setUp, [judge]);
    await publishResults(setUp);
  }
  const page = await pageSignedInAs(browser, (await createPerson("Rita Reader")).email);
  await page.goto(`${earlier.url}/problems/${earlier.problemId}`);
  const history = page.getByRole("region", { name: "Tried in other events" });
  await expect(history).toContainText("The same problem was posted in other events: 1 attempt in 1 event since.");
  await expect(history.getByRole("link", { name: titles.later })).toBeVisible();
  await expectAccessible(page);
  // Seen from the later event, the earlier attempt was tried before.
  await page.goto(`${later.url}/problems/${later.problemId}`);
  await expect(page.getByRole("region", { name: "Tried before" }).getByRole("link", { name: titles.earlier })).toBeVisible();
});
