import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { DAY, expectAccessible, expectToast, localInput, newPage, signIn, signUp, unique } from "./helpers";

const criteria = ["Problem fit", "Beyond replication", "Pragmatic use", "AI metric", "User control", "Learnings"];

async function submitEntry(page: Page, eventUrl: string, problem: string, title: string, outcome: "working" | "failed") {
  await page.goto(eventUrl);
  await page.getByRole("link", { name: "Create a team" }).click();
  await page.getByLabel("Team name").fill(unique(`Team ${title}`));
  await page.getByLabel("Problem").selectOption({ label: problem });
  await page.getByRole("button", { name: "Create team" }).click();
  await expectToast(page, "Team created.");
  await page.getByRole("link", { name: "Work on the entry" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("One-line summary").fill(`Summary of ${title}.`);
  await page.getByLabel("Outcome").selectOption(outcome);
  await page.getByLabel("Approach: models, tools and data used").fill("An off-the-shelf model over exported tickets.");
  await page.getByLabel("Metric name").fill("Tickets deflected");
  await page.getByLabel("Baseline").fill("0");
  await page.getByLabel("Target").fill("20");
  await page.getByLabel("Measured result").fill("12");
  await page.getByLabel("What worked").fill("Retrieval over resolved tickets.");
  await page.getByLabel("What did not work").fill("Answers lacked account context.");
  await page.getByLabel("Root cause", { exact: true }).selectOption("data-missing-context");
  await page.getByLabel("What we would do differently").fill("Join tickets to accounts first.");
  await page.getByLabel("Next steps").fill("Ask for the CRM export.");
  await page.getByRole("button", { name: "Submit entry" }).click();
  await expectToast(page, "Entry submitted.");
}

/** Scores every criterion of `title` with the same value, from the judge's queue. */
async function scoreEntry(judge: Page, eventUrl: string, title: string, value: number, comment = "") {
  await judge.goto(`${eventUrl}/judging`);
  await judge.getByRole("link", { name: title }).click();
  for (const name of criteria) await judge.getByRole("group", { name: new RegExp(name) }).getByLabel(String(value), { exact: true }).check();
  if (comment) await judge.getByLabel("Overall comment for the team (optional)").fill(comment);
  await judge.getByRole("button", { name: "Save scores" }).click();
  await expectToast(judge, `Scores saved for ${title}.`);
}

// Three judges score four entries; one entry splits them, two tie. The organizer reads both rankings, gives awards,
// publishes and exports; a team reads its feedback.
test("judges score, the organizer ranks, awards, publishes and exports, a team reads its feedback", async ({ browser }) => {
  test.setTimeout(240_000);
  const organizer = await newPage(browser);
  const eventTitle = unique("Judging Hackathon");
  const problem = unique("Support tickets pile up");
  const titles = { a: unique("Split entry"), b: unique("Solid entry"), c: unique("Tie one"), d: unique("Tie failure") };

  await signIn(organizer, "organizer@example.com");
  await organizer.getByRole("link", { name: "New event" }).click();
  await organizer.getByLabel("Title").fill(eventTitle);
  await organizer.getByLabel("Description").fill("Judging journey.");
  await organizer.getByLabel("Timezone").selectOption("UTC");
  await organizer.getByLabel("Starts").fill(localInput(-DAY));
  await organizer.getByLabel("Submission deadline").fill(localInput(7 * DAY));
  await organizer.getByLabel("Judging deadline").fill(localInput(14 * DAY));
  await organizer.getByRole("button", { name: "Create event" }).click();
  await expectToast(organizer, "Event created as a draft");
  await organizer.getByRole("link", { name: "Add a problem" }).click();
  await organizer.getByLabel("Title").fill(problem);
  await organizer.getByLabel("Summary").fill("Agents answer the same questions every day.");
  await organizer.getByLabel("Who has the problem").fill("Tier-1 support");
  await organizer.getByLabel("What it costs today").fill("3 FTE");
  await organizer.getByLabel("Data available").fill("Two years of tickets");
  await organizer.getByLabel("Metric name").fill("Tickets deflected");
  await organizer.getByRole("button", { name: "Add problem" }).click();
  await expectToast(organizer, "Problem added.");
  await organizer.getByRole("link", { name: `← ${eventTitle}` }).click();
  await organizer.getByRole("link", { name: "Manage event" }).click();
  await organizer.getByRole("button", { name: "Open the event" }).click();
  await expectToast(organizer, "The event is now: Open for entries.");
  await expect(organizer).toHaveURL(/\/manage$/);
  const eventUrl = organizer.url().replace(/\/manage$/, "");

  // Four one-person teams each submit an entry; the last one is a failed attempt.
  const participants: Page[] = [];
  for (const [key, title] of Object.entries(titles)) {
    const page = await newPage(browser);
    await signUp(page, `Pat ${key.toUpperCase()}`);
    await submitEntry(page, eventUrl, problem, title, key === "d" ? "failed" : "working");
    participants.push(page);
  }

  const judges: Page[] = [];
  for (const name of ["Jo One", "Jo Two", "Jo Three"]) {
    const page = await newPage(browser);
    const email = await signUp(page, name);
    await organizer.getByLabel("Add a judge by email").fill(email);
    await organizer.getByRole("button", { name: "Add judge" }).click();
    await expectToast(organizer, `${name} is now a judge of this event.`);
    judges.push(page);
  }
  await organizer.getByRole("button", { name: "Start judging" }).click();
  await organizer.getByLabel(/closes submissions immediately/).check();
  await organizer.getByRole("button", { name: "Start judging" }).click();
  await expectToast(organizer, "The event is now: Judging.");

  // The first judge saves a partial sheet first, from the queue's "Next unscored entry".
  const [j1, j2, j3] = judges;
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
  await expectToast(j1, `Partial scores saved for ${titles.b}: 1 of 6 criteria.`);
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
  await conflicts.getByRole("button", { name: `Withdraw the conflict with ${titles.c}` }).click();
  await expectToast(j1, `Conflict withdrawn: ${titles.c} is back in your queue.`);
  await expect(j1.getByText("0 of 4 entries scored")).toBeVisible();
  await expect(j1.getByRole("region", { name: "Conflicts you declared" })).toHaveCount(0);

  // Entry A splits the judges (100, 75, 0); C and D get identical scores from everyone.
  const plan: [Page, Record<keyof typeof titles, number>][] = [
    [j1, { a: 5, b: 4, c: 3, d: 3 }],
    [j2, { a: 4, b: 4, c: 3, d: 3 }],
    [j3, { a: 1, b: 4, c: 3, d: 3 }],
  ];
  for (const [judge, values] of plan) {
    for (const key of Object.keys(titles) as (keyof typeof titles)[]) {
      await scoreEntry(judge, eventUrl, titles[key], values[key], key === "d" ? "The post-mortem names the missing account data." : "");
    }
  }
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
  await expect(organizer.getByRole("img", { name: /^Problem fit: / })).toBeVisible();
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
  await expectAccessible(organizer);
  await organizer.getByRole("button", { name: "Save settings" }).click();
  await expectToast(organizer, "Judging settings saved.");
  await expect(organizer.getByLabel("Official ranking uses normalized scores")).toBeChecked();
  await organizer.goto(`${eventUrl}/results`);
  await expect(organizer.getByRole("table", { name: "Normalized ranking (official)" })).toBeVisible();

  // Awards: the defaults, with the failed entry suggested for "Most valuable failure".
  await organizer.getByRole("link", { name: "Awards" }).click();
  await organizer.getByRole("button", { name: "Add the default awards" }).click();
  await expectToast(organizer, "Default awards added.");
  await expect(organizer.getByTestId("mvf-suggestion")).toContainText(titles.d);
  await expectAccessible(organizer);
  await organizer.getByLabel("Entry for Best overall").selectOption({ label: titles.b });
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
  expect(rows.filter((r) => r["raw rank"] === "3").map((r) => r.entry).sort()).toEqual([titles.c, titles.d].sort());
  expect(rows.find((r) => r.entry === titles.a)!.disagreement).toBe("yes");
  expect(rows.find((r) => r.entry === titles.d)!.awards).toBe("Most valuable failure");

  // Publish.
  await organizer.goto(`${eventUrl}/manage`);
  await organizer.getByRole("button", { name: "Publish results and close" }).click();
  await expectToast(organizer, "The event is now: Results published.");

  // Everyone sees the ranking and the awards; the failed entry's team reads its feedback.
  const [, , , teamD] = participants;
  await teamD.goto(`${eventUrl}/results`);
  await expect(teamD.getByRole("row", { name: new RegExp(titles.d) }).getByRole("cell").first()).toHaveText("3");
  await expect(teamD.getByRole("region", { name: "Awards" })).toContainText(`Most valuable failure: ${titles.d}`);
  await expectAccessible(teamD);
  await teamD.goto(eventUrl);
  await expect(teamD.getByRole("region", { name: "Awards" })).toContainText(`Best overall: ${titles.b}`);
  await teamD.getByRole("link", { name: "Go to your team and entry" }).click();
  await teamD.getByRole("link", { name: "View entry page" }).click();
  await expect(teamD.getByRole("heading", { name: "Judges' feedback" })).toBeVisible();
  await expect(teamD.getByText("The post-mortem names the missing account data.")).toHaveCount(3);
  await expect(teamD.getByRole("heading", { name: "Judge 3" })).toBeVisible();
  await expect(teamD.getByText("Jo One")).toHaveCount(0);
  await expectAccessible(teamD);
});
