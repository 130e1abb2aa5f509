// The published results page at a laptop's and a phone's width, and award badges wherever an entry is shown.
// With SCREENSHOTS=1 it also writes docs/screens/results-1366.png and results-390.png.
import { expect, type Browser, type Page } from "@playwright/test";
import { createPerson, givenAward, openEvent, pageSignedInAs, publishResults, scoreSheet, startJudging, submittedEntry, type Person } from "./fixtures";
import { expectAccessible, test } from "./helpers";

const criteria = ["Problem fit", "Beyond replication", "Pragmatic use of existing models and tools", "AI metric", "User control", "Learnings"];

type Key = "a" | "b" | "c" | "d" | "e";
const names: Record<Key, { title: string; team: string; outcome: "working" | "failed" }> = {
  a: { title: "Dispute radar", team: "Cash Flow Crew", outcome: "working" },
  b: { title: "Invoice thread linker", team: "Ledger Lights", outcome: "working" },
  c: { title: "Chat window for finance", team: "Ask Finance", outcome: "failed" },
  d: { title: "Email triage bot", team: "Inbox Zero", outcome: "failed" },
  e: { title: "Payment promise tracker", team: "Promise Keepers", outcome: "working" },
};

// Three judges (one generous, one harsh), found by a search over results.ts: raw B 1, A 2, C = D 3, E 5;
// normalized A 1, B 2, E 3, C = D 4. C and D get identical sheets (a tie in both); the judges split on A.
const sheets: Record<Key, [number[], number[], number[]]> = {
  a: [
    [3, 5, 4, 5, 5, 2],
    [1, 1, 3, 2, 1, 4],
    [1, 5, 5, 4, 4, 2],
  ],
  b: [
    [4, 5, 3, 5, 3, 3],
    [2, 4, 2, 1, 3, 4],
    [3, 1, 4, 3, 3, 2],
  ],
  c: [
    [2, 5, 5, 5, 4, 4],
    [1, 4, 1, 3, 3, 2],
    [2, 2, 2, 5, 3, 2],
  ],
  d: [
    [2, 5, 5, 5, 4, 4],
    [1, 4, 1, 3, 3, 2],
    [2, 2, 2, 5, 3, 2],
  ],
  e: [
    [3, 5, 4, 2, 3, 3],
    [4, 1, 4, 1, 1, 4],
    [3, 3, 4, 3, 2, 2],
  ],
};

/** A published event with five scored entries and two awards. Every page visited is the event's own, so titles repeat across tests. */
async function publishedEvent() {
  const setUp = await openEvent("Collections Sprint");
  const titles = {} as Record<Key, string>;
  const entryIds = {} as Record<Key, string>;
  const members = {} as Record<Key, Person>;
  for (const key of Object.keys(names) as Key[]) {
    members[key] = await createPerson(`Pat ${key.toUpperCase()}`);
    titles[key] = names[key].title;
    entryIds[key] = (await submittedEntry(setUp, members[key], titles[key], names[key].outcome, names[key].team)).entryId;
  }
  const judges = [await createPerson("Jo Generous"), await createPerson("Jo Harsh"), await createPerson("Jo Middle")];
  await startJudging(setUp, judges);
  for (const key of Object.keys(names) as Key[])
    for (const [i, judge] of judges.entries()) await scoreSheet(setUp.event.id, entryIds[key], judge, { values: sheets[key][i] });
  await givenAward(setUp.event.id, entryIds.b, "Best overall");
  await givenAward(setUp.event.id, entryIds.c, "Most valuable failure");
  await publishResults(setUp);
  return { setUp, titles, entryIds, members };
}

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, "the page scrolls sideways").toBeLessThanOrEqual(widths.client);
}

/** For the README's pictures: the whole page at a laptop's width, the first screens of the ranking on a phone. */
async function screenshot(page: Page, name: string, fullPage: boolean) {
  if (process.env.SCREENSHOTS === "1") await page.screenshot({ path: `docs/screens/${name}`, fullPage });
}

async function pageAt(browser: Browser, email: string, viewport: { width: number; height: number }, javaScriptEnabled = true) {
  const page = await pageSignedInAs(browser, email);
  const state = await page.context().storageState();
  if (javaScriptEnabled) {
    await page.setViewportSize(viewport);
    return page;
  }
  await page.context().close();
  const context = await browser.newContext({ viewport, javaScriptEnabled: false });
  await context.addCookies(state.cookies);
  return context.newPage();
}

test("at 1366 px the ranking fits the page and shows ties, disagreement, awards and every criterion", async ({ browser }) => {
  const { setUp, titles, members } = await publishedEvent();
  const page = await pageAt(browser, members.e.email, { width: 1366, height: 900 });
  await page.goto(`${setUp.url}/results`);
  const rowOf = (title: string) => page.getByRole("row", { name: new RegExp(title) });

  await expect(page.getByRole("table", { name: "Raw ranking (official)" })).toBeVisible();
  await expect(page.getByText("The official ranking averages the judges' totals as given; in the normalized ranking")).toBeVisible();
  await expect(rowOf(titles.b).getByRole("cell").first()).toHaveText("1");
  await expect(rowOf(titles.a).getByRole("cell").first()).toHaveText("2");
  await expect(rowOf(titles.c).getByRole("listitem").filter({ hasText: "Tie (shared rank 3)" })).toBeVisible();
  await expect(rowOf(titles.d).getByRole("listitem").filter({ hasText: "Tie (shared rank 3)" })).toBeVisible();
  await expect(rowOf(titles.a).getByRole("listitem").filter({ hasText: "Judges disagree" })).toBeVisible();
  await expect(rowOf(titles.e)).not.toContainText("Judges disagree");
  await expect(rowOf(titles.b).getByText(names.b.team)).toBeVisible();
  await expect(rowOf(titles.b).getByRole("list", { name: "Awards" })).toContainText("Best overall");
  // The score's column header says what it is; a bar for every criterion, all scored.
  await expect(rowOf(titles.b).getByRole("cell").nth(3)).toHaveAccessibleName(/^\d+\.\d$/);
  const bars = rowOf(titles.b).locator("summary svg");
  await expect(bars).toHaveAttribute("width", String(criteria.length * 14 - 2));
  expect((await bars.locator("path").getAttribute("d"))?.match(/M/g)).toHaveLength(criteria.length);
  await noSidewaysScroll(page);

  // The breakdown names every criterion with its mean.
  await rowOf(titles.a).getByText(`Breakdown of ${titles.a}`).click();
  for (const name of criteria) await expect(rowOf(titles.a).getByRole("term").filter({ hasText: name })).toBeVisible();
  await expect(rowOf(titles.a)).toContainText("Normalized ranking: #1");
  await noSidewaysScroll(page);
  await expectAccessible(page);
  await screenshot(page, "results-1366.png", true);
});

test("the toggle switches between the official and the other ranking, with or without JavaScript", async ({ browser }) => {
  const { setUp, titles, members } = await publishedEvent();
  const page = await pageAt(browser, members.e.email, { width: 1366, height: 900 });
  await page.goto(`${setUp.url}/results`);
  const rowOf = (title: string) => page.getByRole("row", { name: new RegExp(title) });
  await expect(page.getByRole("table", { name: "Raw ranking (official)" })).toBeVisible();
  await page.getByRole("navigation", { name: "Ranking" }).getByRole("link", { name: "Normalized ranking" }).click();
  await expect(page).toHaveURL(/\?view=normalized$/);
  await expect(page.getByRole("table", { name: "Normalized ranking" })).toBeVisible();
  await expect(rowOf(titles.a).getByRole("cell").first()).toHaveText("1");
  await expect(rowOf(titles.b).getByRole("cell").first()).toHaveText("2");
  await expect(rowOf(titles.c).getByRole("cell").first()).toHaveText("4");
  await expect(rowOf(titles.c)).toContainText("Tie (shared rank 4)");
  await noSidewaysScroll(page);
  await expectAccessible(page);

  // Without JavaScript the toggle and the breakdown work the same.
  const plain = await pageAt(browser, members.e.email, { width: 1366, height: 900 }, false);
  await plain.goto(`${setUp.url}/results?view=normalized`);
  await plain.getByRole("link", { name: "Raw ranking (official)" }).click();
  await expect(plain.getByRole("table", { name: "Raw ranking (official)" })).toBeVisible();
  await plain
    .getByRole("row", { name: new RegExp(titles.e) })
    .getByText(`Breakdown of ${titles.e}`)
    .click();
  await expect(
    plain
      .getByRole("row", { name: new RegExp(titles.e) })
      .getByRole("term")
      .filter({ hasText: "User control" }),
  ).toBeVisible();
});

test("at 390 px every entry is a card and nothing scrolls sideways", async ({ browser }) => {
  const { setUp, titles, members } = await publishedEvent();
  const page = await pageAt(browser, members.a.email, { width: 390, height: 844 });
  await page.goto(`${setUp.url}/results`);
  await expect(page.getByRole("table", { name: "Raw ranking (official)" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Entry" })).toBeHidden();
  for (const title of Object.values(titles)) {
    const card = page.getByRole("row", { name: new RegExp(title) });
    await expect(card.getByRole("link", { name: title })).toBeVisible();
    // The header row is hidden, so the score cell says what it holds (drawn by CSS, read by screen readers).
    await expect(card.getByRole("cell", { name: /^Score \(0–100\): (\d+\.\d|Not scored)$/ })).toBeVisible();
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    for (const part of await card.locator("td > *").all()) {
      const inner = (await part.boundingBox())!;
      expect(inner.x + inner.width, `${title}: a part sticks out of its card`).toBeLessThanOrEqual(box.x + box.width);
    }
  }
  const tied = page.getByRole("row", { name: new RegExp(titles.d) });
  await expect(tied.getByText("Tie (shared rank 3)")).toBeVisible();
  await expect(tied.getByRole("list", { name: "Awards" })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Ranking" }).evaluate((nav) => window.scrollTo(0, nav.getBoundingClientRect().top + window.scrollY - 90));
  await screenshot(page, "results-390.png", false);
  await page
    .getByRole("row", { name: new RegExp(titles.b) })
    .getByText(`Breakdown of ${titles.b}`)
    .click();
  for (const name of criteria)
    await expect(
      page
        .getByRole("row", { name: new RegExp(titles.b) })
        .getByRole("term")
        .filter({ hasText: name }),
    ).toBeVisible();
  await noSidewaysScroll(page);
  await expectAccessible(page);
});

test("award winners carry a badge on the entry page, in the gallery, on an archive card and in the learnings digest", async ({ browser }) => {
  const { setUp, titles, entryIds, members } = await publishedEvent();
  const page = await pageSignedInAs(browser, members.d.email);
  const badge = (scope: ReturnType<Page["locator"]>) => scope.getByRole("list", { name: "Awards" }).getByRole("listitem");

  await page.goto(`${setUp.url}/entries/${entryIds.c}`);
  await expect(badge(page.getByRole("article"))).toContainText("Most valuable failure");
  await expectAccessible(page);

  await page.goto(`${setUp.url}/entries`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: titles.b, exact: true }) });
  await expect(badge(card)).toContainText("Best overall");
  await expect(
    page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: titles.e, exact: true }) })
      .getByRole("list", { name: "Awards" }),
  ).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/archive?event=${setUp.event.slug}`);
  const archiveCard = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: titles.c, exact: true }) });
  await expect(badge(archiveCard)).toContainText("Most valuable failure");
  await expectAccessible(page);

  await page.goto(`${setUp.url}/digest`);
  const lesson = page.getByRole("article", { name: titles.c });
  await expect(badge(lesson)).toContainText("Most valuable failure");
  await expectAccessible(page);
});
