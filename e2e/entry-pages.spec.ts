// A large event's entries a page at a time (ADR 041): the event page shows the first 12 and leads to the gallery,
// which pages through the rest 24 at a time and keeps its filter while paging.
import { expect } from "@playwright/test";
import { eq } from "drizzle-orm";
import { entries, events, users } from "#db/schema";
import { db } from "~/db.server";
import { createPerson, openEvent, pageSignedInAs, submittedEntry } from "./fixtures";
import { expectAccessible, test, unique } from "./helpers";

test("the event page shows the first entries; the gallery pages through all of them, within a filter too", async ({ browser }) => {
  const setUp = await openEvent(unique("Big Hack"));
  await Promise.all(
    Array.from({ length: 25 }, async (_, i) => {
      const person = await createPerson(`Builder ${i + 1}`);
      await submittedEntry(setUp, person, `Bot ${String(i + 1).padStart(2, "0")}`, i < 23 ? "working" : "failed");
    }),
  );
  const page = await pageSignedInAs(browser, "organizer@example.com");
  await page.goto(setUp.url);
  const entriesSection = page.getByRole("region", { name: "Entries" });
  await expect(entriesSection.getByRole("listitem")).toHaveCount(12);
  await entriesSection.getByRole("link", { name: "See all 25 entries" }).click();

  await expect(page.getByRole("heading", { name: "Entries", level: 1 })).toBeVisible();
  const pages = page.getByRole("navigation", { name: "Entry pages" });
  await expect(pages).toContainText("Entries 1–24 of 25 (page 1 of 2)");
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(24);
  await expectAccessible(page);
  await pages.getByRole("link", { name: "Next 1 →" }).click();
  await expect(pages).toContainText("Entries 25–25 of 25 (page 2 of 2)");
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1);

  // A filter starts again at its first page; its own pages keep it.
  await page.getByLabel("Outcome").selectOption({ label: "Failed attempt" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("2 entries")).toBeVisible();
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("navigation", { name: "Entry pages" })).toHaveCount(0);
});

test("long unbroken text (a pasted link, a long title) wraps instead of widening pages past a phone", async ({ browser }) => {
  const long = `https://wiki.example.com/${"VeryLongPathSegment_".repeat(12)}end`;
  const setUp = await openEvent(unique("Wrapping Hack"));
  await db.update(events).set({ tagline: long }).where(eq(events.id, setUp.event.id));
  const pia = await createPerson("Pia Participant");
  const { entryId } = await submittedEntry(setUp, pia, unique("Sorter"));
  await db.update(entries).set({ summary: long, approach: long }).where(eq(entries.id, entryId));
  await db
    .update(users)
    .set({ skills: `${long}, python` })
    .where(eq(users.id, pia.id));
  const page = await pageSignedInAs(browser, pia.email);
  await page.setViewportSize({ width: 390, height: 800 });
  for (const path of [setUp.url, `${setUp.url}/entries/${entryId}`, `/people/${pia.id}`]) {
    await page.goto(path);
    await expect(page.getByText(long).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBe(0);
  }
});
