import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { eventJudges, events, scores } from "#db/schema";
import { db } from "~/db.server";
import { formatDateRange } from "~/lib/time";
import { createPerson, officialRankingNormalized, openEvent, pageSignedInAs, scoreSheet, startJudging, submittedEntry, type Person } from "./fixtures";
import { closeAndStay, expectAccessible, expectToast, test, unique, waitForApp } from "./helpers";

const criteria = ["Problem fit", "Beyond replication", "Pragmatic use", "AI metric", "User control", "Learnings"];

/** Scores every criterion of `title` with the same value, from the judge's queue. */
async function scoreEntry(judge: Page, eventUrl: string, title: string, value: number, comment = "") {
  await judge.goto(`${eventUrl}/judging`);
  await judge.getByRole("link", { name: title }).click();
  for (const name of criteria)
    await judge
      .getByRole("group", { name: new RegExp(name) })
      .getByLabel(String(value), { exact: true })
      .check();
  if (comment) await judge.getByLabel("Overall comment for the team (optional)").fill(comment);
  await judge.getByRole("button", { name: "Save scores" }).click();
  await expectToast(judge, `Scores saved for ${title}.`);
}

type Titles = { a: string; b: string; c: string; d: string };

/** Four one-person teams in an event in judging with three judges; D is a failed attempt. Set up directly. */
async function fourEntriesInJudging() {
  const setUp = await openEvent(unique("Judging Hackathon"));
  const titles: Titles = { a: unique("Split entry"), b: unique("Solid entry"), c: unique("Tie one"), d: unique("Tie failure") };
  const teams = {} as Record<keyof Titles, { member: Person; entryId: string }>;
  for (const key of Object.keys(titles) as (keyof Titles)[]) {
    const member = await createPerson(`Pat ${key.toUpperCase()}`);
    const { entryId } = await submittedEntry(setUp, member, titles[key], key === "d" ? "failed" : "working");
    teams[key] = { member, entryId };
  }
  const judges = [await createPerson("Jo One"), await createPerson("Jo Two"), await createPerson("Jo Three")];
  await startJudging(setUp, judges);
  return { setUp, eventUrl: setUp.url, titles, teams, judges };
}

test("a sheet saved after judging ended says why and keeps the judge's scores and comment", async ({ browser }) => {
  const { setUp, eventUrl, titles, judges } = await fourEntriesInJudging();
  const judge = await pageSignedInAs(browser, judges[0].email);
  await judge.goto(`${eventUrl}/judging`);
  await judge.getByRole("link", { name: titles.b }).click();
  for (const name of criteria)
    await judge
      .getByRole("group", { name: new RegExp(name) })
      .getByLabel("4", { exact: true })
      .check();
  await judge.getByLabel("Overall comment for the team (optional)").fill("Strong problem fit; measure the baseline first.");
  // The organizers publish the results meanwhile.
  await db.update(events).set({ phase: "closed" }).where(eq(events.id, setUp.event.id));
  await judge.getByRole("button", { name: "Save scores" }).click();
  await expect(judge.getByText(/Your scores and comments are still in the form: copy what you need\.$/)).toBeVisible();
  await expect(judge.getByRole("group", { name: /Problem fit/ }).getByLabel("4", { exact: true })).toBeChecked();
  await expect(judge.getByLabel("Overall comment for the team (optional)")).toHaveValue("Strong problem fit; measure the baseline first.");
  await expectAccessible(judge);
});

test("without JavaScript, a sheet refused after the results were published lists what the judge sent, to copy", async ({ browser }) => {
  const { setUp, eventUrl, titles, judges } = await fourEntriesInJudging();
  const judge = await pageSignedInAs(browser, judges[2].email, { javaScriptEnabled: false });
  await judge.goto(`${eventUrl}/judging`);
  await judge.getByRole("link", { name: titles.c }).click();
  await judge
    .getByRole("group", { name: /Problem fit/ })
    .getByLabel("5", { exact: true })
    .check();
  await judge.getByLabel("Comment on Problem fit (optional)").fill("The owner is named.");
  await judge.getByLabel("Overall comment for the team (optional)").fill("Measure the baseline first.");
  // The organizers publish the results meanwhile; the page read again after the refusal cannot show the sheet.
  await db.update(events).set({ phase: "closed" }).where(eq(events.id, setUp.event.id));
  await judge.getByRole("button", { name: "Save scores" }).click();
  const page = judge.getByRole("region", { name: "What you sent" });
  await expect(page).toContainText("Nothing you sent was saved. What you sent, to copy:");
  await expect(page.getByRole("listitem")).toHaveText(["Problem fit: 5 (“The owner is named.”)", "Overall comment: “Measure the baseline first.”"]);
  await expect(judge.getByRole("link", { name: "Back to your judging queue" })).toBeVisible();
});

test("a judging settings page opened before a co-organizer's save does not switch their change back", async ({ browser }) => {
  const setUp = await openEvent(unique("Settings Race Hack"));
  await submittedEntry(setUp, await createPerson("Pat Team"), unique("Race entry"));
  await startJudging(setUp, [await createPerson("Jo Judge")]);
  const [first, second] = [await pageSignedInAs(browser, "organizer@example.com"), await pageSignedInAs(browser, "organizer@example.com")];
  for (const page of [first, second]) {
    await page.goto(`${setUp.url}/judging-settings`);
    await waitForApp(page);
  }
  await first.getByLabel("Blind judging").check();
  await first.getByRole("button", { name: "Save settings" }).click();
  await expectToast(first, "Judging settings saved.");
  // The second page still shows blind judging off; its organizer only means to show judge names.
  await second.getByLabel("Show judge names to teams").check();
  await second.getByRole("button", { name: "Save settings" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "The judging settings changed since you opened this page" })).toBeVisible();
  await expect(second.getByLabel("Blind judging")).toBeChecked();
  await expect(second.getByLabel("Show judge names to teams")).not.toBeChecked();
  await expectAccessible(second);
  await second.getByLabel("Show judge names to teams").check();
  await second.getByRole("button", { name: "Save settings" }).click();
  await expectToast(second, "Judging settings saved.");
  await expect(second.getByLabel("Blind judging")).toBeChecked();
  await expect(second.getByLabel("Show judge names to teams")).toBeChecked();
});

test("a judge removed while writing a sheet is told so and keeps the typing", async ({ browser }) => {
  const { setUp, eventUrl, titles, judges } = await fourEntriesInJudging();
  const judge = await pageSignedInAs(browser, judges[1].email);
  await judge.goto(`${eventUrl}/judging`);
  await judge.getByRole("link", { name: titles.a }).click();
  await judge
    .getByRole("group", { name: /Problem fit/ })
    .getByLabel("3", { exact: true })
    .check();
  await judge.getByLabel("Overall comment for the team (optional)").fill("Half an hour of notes.");
  // The organizers take them off the event's judges meanwhile.
  await db.delete(eventJudges).where(and(eq(eventJudges.eventId, setUp.event.id), eq(eventJudges.userId, judges[1].id)));
  await judge.getByRole("button", { name: "Save scores" }).click();
  await expect(
    judge.getByText("Only this event's judges can score entries. Your scores and comments are still in the form: copy what you need."),
  ).toBeVisible();
  await expect(judge.getByLabel("Overall comment for the team (optional)")).toHaveValue("Half an hour of notes.");
  await expect(judge.getByRole("group", { name: /Problem fit/ }).getByLabel("3", { exact: true })).toBeChecked();
});

// A judge's sheet can be saved partly, by keyboard; a conflict declared by mistake can be taken back.
test("a judge leaving a sheet with unsaved scores is asked first, inside the app and out of it; saving is not", async ({ browser }) => {
  const { eventUrl, titles, judges } = await fourEntriesInJudging();
  const judge = await pageSignedInAs(browser, judges[1].email);
  await judge.goto(`${eventUrl}/judging`);
  await waitForApp(judge);
  await judge.getByRole("link", { name: titles.c }).click();
  await judge
    .getByRole("group", { name: /Problem fit/ })
    .getByLabel("2", { exact: true })
    .check();
  await judge.getByLabel("Overall comment for the team (optional)").fill("Half a thought");

  await judge.getByRole("link", { name: "← Judging queue" }).click();
  const dialog = judge.getByRole("alertdialog", { name: "Leave without saving?" });
  await expect(dialog).toContainText("Your scores and comments on this entry are not saved yet.");
  await expect(dialog.getByRole("button", { name: "Stay on this page" })).toBeFocused();
  await expectAccessible(judge);
  await dialog.getByRole("button", { name: "Stay on this page" }).click();
  await expect(judge).toHaveURL(/\/score$/);
  await expect(judge.getByRole("group", { name: /Problem fit/ }).getByLabel("2", { exact: true })).toBeChecked();

  // Closing or reloading the tab gets the browser's own question.
  expect(await closeAndStay(judge)).toBe("beforeunload");
  await expect(judge.getByLabel("Overall comment for the team (optional)")).toHaveValue("Half a thought");

  // Saving is not asked about: the sheet is saved and the judge is back in the queue.
  await judge.getByRole("button", { name: "Save scores" }).click();
  await expectToast(judge, `Partial scores saved for ${titles.c}: 5 of 6 criteria still to score.`);
  await expect(judge).toHaveURL(/\/judging$/);
  await expect(judge.getByRole("alertdialog")).toHaveCount(0);

  // A save that keeps the judge on the sheet (an overall comment, no score yet) leaves it saved: no question then.
  await judge.getByRole("link", { name: titles.d }).click();
  await judge.getByLabel("Overall comment for the team (optional)").fill("Read the post-mortem first.");
  await judge.getByRole("button", { name: "Save scores" }).click();
  await expect(
    judge
      .getByRole("status")
      .filter({ hasText: `Overall comment saved for ${titles.d}` })
      .first(),
  ).toBeVisible();
  await judge.getByRole("link", { name: "← Judging queue" }).click();
  await expect(judge).toHaveURL(/\/judging$/);
});

test("a judge saves a partial sheet by keyboard, declares a conflict and withdraws it", async ({ browser }) => {
  const { eventUrl, titles, judges } = await fourEntriesInJudging();
  const j1 = await pageSignedInAs(browser, judges[0].email);

  // The first judge saves a partial sheet first, from the queue.
  await j1.goto(`${eventUrl}/judging`);
  await expect(j1.getByText("0 of 4 entries scored")).toBeVisible();
  await expectAccessible(j1);
  await j1.getByRole("link", { name: titles.b }).click();
  // Keyboard only: arrows move through a criterion's values, Enter on the button saves.
  const fit = j1.getByRole("group", { name: /Problem fit/ });
  await fit.getByLabel("1", { exact: true }).focus();
  for (let i = 0; i < 3; i++) await j1.keyboard.press("ArrowRight");
  await expect(fit.getByLabel("4", { exact: true })).toBeChecked();
  await expectAccessible(j1);
  await j1.getByRole("button", { name: "Save scores" }).press("Enter");
  await expectToast(j1, `Partial scores saved for ${titles.b}: 5 of 6 criteria still to score.`);
  await expect(j1.getByText("Partly scored (1 of 6 criteria)")).toBeVisible();

  // A conflict declared by mistake: the entry leaves the queue, the reason is required, and the
  // judge takes it back from the queue page.
  await j1.getByRole("link", { name: titles.c }).click();
  await j1.getByRole("button", { name: "Declare a conflict" }).click();
  await expect(j1.getByLabel("Reason for the conflict")).toHaveAccessibleDescription(/Say briefly why/);
  await j1.getByLabel("Reason for the conflict").fill("I think I know this team.");
  await j1.getByRole("button", { name: "Declare a conflict" }).click();
  await expectToast(j1, `Conflict declared: ${titles.c} left your queue, without your scores.`);
  await expect(j1.getByText("0 of 3 entries scored")).toBeVisible();
  const conflicts = j1.getByRole("region", { name: "Conflicts you declared" });
  await expect(conflicts).toContainText("I think I know this team.");
  await expectAccessible(j1);
  // The organizers read it on the judges page, where they follow the judges' work.
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${eventUrl}/judges`);
  const declared = organizer.getByRole("region", { name: "Declared conflicts" });
  await expect(declared.getByRole("listitem")).toHaveText([`Jo One on ${titles.c}: I think I know this team.`]);
  await expect(declared.getByRole("link", { name: titles.c })).toBeVisible();
  await expectAccessible(organizer);
  await conflicts.getByRole("button", { name: `Withdraw the conflict with ${titles.c}` }).click();
  await expectToast(j1, `Conflict withdrawn: ${titles.c} is back in your queue.`);
  await expect(j1.getByText("0 of 4 entries scored")).toBeVisible();
  await expect(j1.getByRole("region", { name: "Conflicts you declared" })).toHaveCount(0);
});

/** The event of fourEntriesInJudging, scored: entry A splits the judges (100, 75, 0); C and D get identical
 * scores from everyone; every judge leaves the failed attempt D an overall comment. */
async function scoredEvent(opts: { leaveLastSheet: boolean }) {
  const world = await fourEntriesInJudging();
  const plan: Record<keyof Titles, number>[] = [
    { a: 5, b: 4, c: 3, d: 3 },
    { a: 4, b: 4, c: 3, d: 3 },
    { a: 1, b: 4, c: 3, d: 3 },
  ];
  for (const [i, values] of plan.entries()) {
    for (const key of Object.keys(world.titles) as (keyof Titles)[]) {
      if (opts.leaveLastSheet && i === 2 && key === "d") continue;
      await scoreSheet(world.setUp.event.id, world.teams[key].entryId, world.judges[i], {
        value: values[key],
        overallComment: key === "d" ? FEEDBACK : undefined,
      });
    }
  }
  return world;
}
const FEEDBACK = "The post-mortem names the missing account data.";

// The third judge's last sheet is scored through the queue; the organizer then reads both rankings.
test("the last sheet completes a judge's queue; rankings show ties as ties, flag disagreement, and normalized can be official", async ({ browser }) => {
  const { eventUrl, titles, judges } = await scoredEvent({ leaveLastSheet: true });
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  const j3 = await pageSignedInAs(browser, judges[2].email);
  await scoreEntry(j3, eventUrl, titles.d, 3, FEEDBACK);
  await expect(j3.getByText("4 of 4 entries scored")).toBeVisible();
  await expect(j3.getByRole("link", { name: "Next unscored entry" })).toHaveCount(0);
  await expectAccessible(j3);

  // The organizer: raw ranking with a tie shown as a tie and the disagreement flagged, then the normalized one.
  await organizer.goto(`${eventUrl}/results`);
  await expect(organizer.getByRole("table", { name: "Raw ranking (official)" })).toBeVisible();
  const rowOf = (title: string) => organizer.getByRole("row", { name: new RegExp(title) });
  await expect(rowOf(titles.b).getByRole("cell").first()).toHaveText("1");
  await expect(rowOf(titles.a).getByRole("cell").first()).toHaveText("2");
  await expect(rowOf(titles.c).getByRole("cell").first()).toHaveText("3");
  await expect(rowOf(titles.d).getByRole("cell").first()).toHaveText("3");
  await expect(rowOf(titles.c)).toContainText("Tie (shared rank 3)");
  await expect(rowOf(titles.a)).toContainText("Judges disagree");
  await expect(rowOf(titles.b)).not.toContainText("Judges disagree");
  // Each value's bar shows the count its chart's name gives, and the most given value has the tallest bar.
  const chart = organizer.getByRole("img", { name: /^Problem fit: \d+ × 1, \d+ × 2, \d+ × 3, \d+ × 4, \d+ × 5$/ });
  const counts = [...((await chart.getAttribute("aria-label")) ?? "").matchAll(/(\d+) × \d+/g)].map((m) => m[1]);
  expect(await chart.locator("div").allInnerTexts()).toEqual(counts);
  const barHeights = await chart.locator("div").evaluateAll((bars) => bars.map((b) => parseFloat(getComputedStyle(b, "::after").height)));
  expect(barHeights.indexOf(Math.max(...barHeights))).toBe(counts.map(Number).indexOf(Math.max(...counts.map(Number))));
  await expect(organizer.getByText("then by the number of judges who gave the entry their own highest total.")).toBeVisible();
  await expectAccessible(organizer);
  await organizer.getByRole("link", { name: "Normalized ranking" }).click();
  await expect(organizer.getByRole("table", { name: "Normalized ranking" })).toBeVisible();
  await expect(rowOf(titles.c).getByRole("cell").first()).toHaveText("3");
  await expect(rowOf(titles.d).getByRole("cell").first()).toHaveText("3");
  await expectAccessible(organizer);

  // The organizer makes the normalized ranking the official one.
  await organizer.getByRole("link", { name: "Judging settings" }).click();
  await organizer.getByLabel("Official ranking uses normalized scores").check();
  // Judges have scored already: the blind judging switch says names they saw stay seen.
  await expect(organizer.getByLabel("Blind judging")).toHaveAccessibleDescription(
    /Switching blind judging on hides team names from then on, not from what judges already saw\.$/,
  );
  await expectAccessible(organizer);
  await organizer.getByRole("button", { name: "Save settings" }).click();
  await expectToast(organizer, "Judging settings saved.");
  await expect(organizer.getByLabel("Official ranking uses normalized scores")).toBeChecked();
  await organizer.goto(`${eventUrl}/results`);
  await expect(organizer.getByRole("table", { name: "Normalized ranking (official)" })).toBeVisible();
  // The Manage page's history says who made it official, beside the phase changes.
  await organizer.goto(`${eventUrl}/manage`);
  await expect(organizer.getByRole("list", { name: "History" }).getByRole("listitem").first()).toHaveText(
    /: Omar Organizer made the normalized ranking official$/,
  );
});

// Awards, the CSV export and publishing, then what a team sees.
test("the organizer gives awards, exports the results, publishes, and a team reads its feedback", async ({ browser }) => {
  const { setUp, eventUrl, titles, teams, judges } = await scoredEvent({ leaveLastSheet: false });
  await officialRankingNormalized(setUp.event.id);
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${eventUrl}/results`);

  // Awards: the defaults, with the failed entry suggested for "Most valuable failure".
  await organizer.getByRole("link", { name: "Awards" }).click();
  await organizer.getByRole("button", { name: "Add the default awards" }).click();
  await expectToast(organizer, "Default awards added.");
  await expect(organizer.getByTestId("mvf-suggestion")).toContainText(titles.d);
  // Best overall: the top of the official ranking is suggested and picked already.
  await expect(organizer.getByTestId("best-overall-suggestion")).toContainText(`Suggested: ${titles.b}, first in the official ranking (score `);
  await expect(organizer.getByLabel("Entry for Best overall").locator("option:checked")).toHaveText(titles.b);
  await expectAccessible(organizer);
  await organizer.getByRole("button", { name: "Give Best overall" }).click();
  await expectToast(organizer, "Award given.");
  await organizer.getByRole("button", { name: "Give Most valuable failure" }).click();
  await expectToast(organizer, "Award given.");
  await expect(organizer.getByText(`Given to: ${titles.d}`)).toBeVisible();

  // The CSV export downloads and parses.
  await organizer.goto(`${eventUrl}/results`);
  const [download] = await Promise.all([organizer.waitForEvent("download"), organizer.getByRole("link", { name: "Download results (CSV)" }).click()]);
  const rows: Record<string, string>[] = parse(fs.readFileSync((await download.path())!, "utf8"), { columns: true });
  expect(rows).toHaveLength(4);
  expect(rows.find((r) => r.entry === titles.b)!["raw rank"]).toBe("1");
  expect(rows.find((r) => r.entry === titles.b)!["official rank"]).toBe(rows.find((r) => r.entry === titles.b)!["normalized rank"]);
  expect(
    rows
      .filter((r) => r["raw rank"] === "3")
      .map((r) => r.entry)
      .sort(),
  ).toEqual([titles.c, titles.d].sort());
  expect(rows.find((r) => r.entry === titles.a)!.disagreement).toBe("yes");
  expect(rows.find((r) => r.entry === titles.d)!.awards).toBe("Most valuable failure");

  // Publish, with the judging settings open in another tab from before.
  const staleSettings = await organizer.context().newPage();
  await staleSettings.goto(`${eventUrl}/judging-settings`);
  await organizer.goto(`${eventUrl}/manage`);
  await organizer.getByRole("button", { name: "Publish results and close" }).click();
  await expectToast(organizer, "The event is now: Results published.");

  // Everyone sees the ranking and the awards; the failed entry's team reads its feedback.
  const teamD = await pageSignedInAs(browser, teams.d.member.email);
  await teamD.goto(`${eventUrl}/results`);
  await expect(
    teamD
      .getByRole("row", { name: new RegExp(titles.d) })
      .getByRole("cell")
      .first(),
  ).toHaveText("3");
  await expect(teamD.getByRole("region", { name: "Awards" })).toContainText(`Most valuable failure: ${titles.d}`);
  await expectAccessible(teamD);
  await teamD.goto(eventUrl);
  await expect(teamD.getByRole("region", { name: "Awards" })).toContainText(`Best overall: ${titles.b}`);
  // Published before its judging deadline: the event ran until today, not until that deadline.
  const ran = await db.select({ startsAt: events.startsAt }).from(events).where(eq(events.id, setUp.event.id));
  await expect(teamD.getByText("When it ran").locator("xpath=following-sibling::dd[1]")).toHaveText(formatDateRange(ran[0].startsAt, new Date(), "UTC"));
  // A sheet left with its overall comment and no scores (as a judge may leave one) is read as not counted.
  await db.delete(scores).where(and(eq(scores.entryId, teams.d.entryId), eq(scores.judgeId, judges[2].id)));
  await teamD.getByRole("link", { name: "Go to your team and entry" }).click();
  await teamD.getByRole("link", { name: "View entry page" }).click();
  await expect(teamD.getByRole("heading", { name: "Judges' feedback" })).toBeVisible();
  await expect(teamD.getByText("The post-mortem names the missing account data.")).toHaveCount(3);
  await expect(teamD.getByRole("heading", { name: "Judge 3" })).toBeVisible();
  await expect(teamD.getByText("This judge did not finish the score sheet: it is not counted in the score.")).toHaveCount(1);
  await expect(teamD.getByText("Jo One")).toHaveCount(0);
  await expectAccessible(teamD);

  // Published results stay as published: the official ranking does not change, and nobody new becomes a judge.
  // The tab opened before publishing is refused, and then shows the ranking as it stays.
  await staleSettings.getByLabel("Official ranking uses normalized scores").uncheck();
  await staleSettings.getByRole("button", { name: "Save settings" }).click();
  await expect(
    staleSettings.getByText("Results are published, and this would change the official ranking everyone sees: reopen the event for judging first."),
  ).toBeVisible();
  await expect(staleSettings.getByLabel("Official ranking uses normalized scores")).toBeChecked();
  await expect(staleSettings.getByLabel("Official ranking uses normalized scores")).toBeDisabled();
  await staleSettings.close();
  // A page opened now offers no switch of the ranking, and still saves the other settings.
  await organizer.goto(`${eventUrl}/judging-settings`);
  await expect(organizer.getByLabel("Official ranking uses normalized scores")).toBeDisabled();
  await organizer.getByLabel("Show judge names to teams").check();
  await organizer.getByRole("button", { name: "Save settings" }).click();
  await expectToast(organizer, "Judging settings saved.");
  await expect(organizer.getByLabel("Show judge names to teams")).toBeChecked();
  await expect(organizer.getByLabel("Official ranking uses normalized scores")).toBeChecked();
  await expectAccessible(organizer);
  await organizer.goto(`${eventUrl}/judges`);
  await expect(organizer.getByText("Results are published, so judging has ended: reopen the event for judging to add a judge.")).toBeVisible();
  await expect(organizer.getByRole("button", { name: "Create invite link" })).toHaveCount(0);
  await expectAccessible(organizer);
  // The manage page offers no way to add a judge either: it says why instead.
  await organizer.goto(`${eventUrl}/manage`);
  const judgesSection = organizer.getByRole("region", { name: /^Judges/ });
  await expect(judgesSection.getByText("Results are published, so judging has ended: reopen the event for judging to add or remove a judge.")).toBeVisible();
  await expect(judgesSection.getByRole("button", { name: "Add judge" })).toHaveCount(0);
  await expect(judgesSection.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(judgesSection.getByRole("heading", { name: /Invite links/ })).toHaveCount(0);
});
