// A long ranking on the results page comes a page at a time (ADR 033): the organizer pages through it with
// plain links, with or without JavaScript, and the ranking toggle and ties still read over the whole ranking.
import { expect } from "@playwright/test";
import { createPerson, findPerson, openEvent, pageSignedInAs, scoreSheet, startJudging, submittedEntry } from "./fixtures";
import { expectAccessible, test } from "./helpers";

const ENTRIES = 21; // one more than a page

test("the organizer pages through a ranking longer than one page", async ({ browser }) => {
  const setUp = await openEvent();
  const entryIds: string[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const member = await createPerson(`Pager Lead ${i}`);
    entryIds.push((await submittedEntry(setUp, member, `Ranked entry ${String(i + 1).padStart(2, "0")}`, "working")).entryId);
  }
  const judge = await createPerson("Pager Judge");
  await startJudging(setUp, [judge]);
  // The first 20 tie at the top (listed in title order, each flagged as a tie); the last is alone at the bottom.
  for (const [i, entryId] of entryIds.entries()) await scoreSheet(setUp.event.id, entryId, judge, { value: i < ENTRIES - 1 ? 5 : 1 });

  const page = await pageSignedInAs(browser, (await findPerson("organizer@example.com")).email);
  await page.goto(`${setUp.url}/results`);
  const pager = page.getByRole("navigation", { name: "Ranking pages" });
  await expect(pager).toContainText(`Entries 1–20 of ${ENTRIES} (page 1 of 2)`);
  await expect(
    page
      .getByRole("row", { name: /Ranked entry 01/ })
      .getByRole("listitem")
      .filter({ hasText: "Tie (shared rank 1)" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: `Ranked entry ${ENTRIES}` })).toHaveCount(0);
  await expectAccessible(page);

  await pager.getByRole("link", { name: "Next 1 →" }).click();
  await expect(page).toHaveURL(/\?view=raw&page=2$/);
  await expect(pager).toContainText(`Entries 21–21 of ${ENTRIES} (page 2 of 2)`);
  await expect(
    page
      .getByRole("row", { name: new RegExp(`Ranked entry ${ENTRIES}`) })
      .getByRole("cell")
      .first(),
  ).toHaveText(String(ENTRIES));
  await pager.getByRole("link", { name: "← Previous 20" }).click();
  await expect(page.getByRole("link", { name: "Ranked entry 01" })).toBeVisible();

  // Only the flagged entries: the twenty that tie; the last, alone and fully scored, has no flag.
  const shown = page.getByRole("navigation", { name: "Entries shown" });
  await shown.getByRole("link", { name: "Flagged only (20)" }).click();
  await expect(page).toHaveURL(/\?view=raw&show=flagged$/);
  await expect(shown.getByRole("link", { name: "Flagged only (20)" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Ranked entry 20" })).toBeVisible();
  await expect(pager).toHaveCount(0);
  await expectAccessible(page);
  // The other ranking keeps the filter.
  await expect(page.getByRole("navigation", { name: "Ranking" }).getByRole("link", { name: "Normalized ranking" })).toHaveAttribute(
    "href",
    /view=normalized&show=flagged/,
  );
  await shown.getByRole("link", { name: `All entries (${ENTRIES})` }).click();
  await expect(pager).toContainText(`Entries 1–20 of ${ENTRIES} (page 1 of 2)`);
});

test("a ranking of three pages links its first and last pages", async ({ browser }) => {
  const setUp = await openEvent();
  const total = 41; // three pages of 20
  for (let i = 0; i < total; i++) await submittedEntry(setUp, await createPerson(`End Lead ${i}`), `Long ranking ${String(i + 1).padStart(2, "0")}`, "working");
  await startJudging(setUp, [await createPerson("End Judge")]);

  const page = await pageSignedInAs(browser, (await findPerson("organizer@example.com")).email);
  await page.goto(`${setUp.url}/results`);
  const pager = page.getByRole("navigation", { name: "Ranking pages" });
  await expect(pager).toContainText(`(page 1 of 3)`);
  await expect(pager.getByRole("link", { name: "« First page" })).toHaveCount(0);
  await pager.getByRole("link", { name: "Last page »" }).click();
  await expect(page).toHaveURL(/\?view=raw&page=3$/);
  await expect(pager).toContainText(`Entries 41–41 of ${total} (page 3 of 3)`);
  await expect(pager.getByRole("link", { name: "Last page »" })).toHaveCount(0);
  await expectAccessible(page);
  await pager.getByRole("link", { name: "« First page" }).click();
  await expect(page).toHaveURL(/\?view=raw&page=1$/);
  await expect(pager).toContainText(`Entries 1–20 of ${total} (page 1 of 3)`);
});
