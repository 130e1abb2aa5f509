// Issue 12, part C through the browser: weak new passwords, oversized images, blind judging, admin role wording.
import { expect } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events, teams } from "#db/schema";
import { db } from "~/db.server";
import { addJudge, changePhase } from "~/modules/events/events.server";
import { declaredPng } from "~/test/images";
import { createPerson, findPerson, openEvent, pageSignedInAs, submittedEntry } from "./fixtures";
import { expectAccessible, PASSWORD, unique, test } from "./helpers";

test("sign-up refuses a common password with the reason next to the password field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Wendy Weakling");
  await page.getByLabel("Work email").fill(`${unique("ww")}@example.com`);
  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/This password is too common or too easy to guess/);
  await expectAccessible(page);
  await page.getByLabel("Password").fill("wendy-rocket-lamp-91");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Do not use your name in your password/);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
});

test("the account page refuses a weak new password next to that field", async ({ browser }) => {
  const person = await createPerson("Carla Changer");
  const page = await pageSignedInAs(browser, person.email);
  await page.goto("/account");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("zzzzzzzzzzzzzz");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("New password")).toHaveAccessibleDescription(/repeated characters are easy to guess/);
  await expectAccessible(page);
});

test("an image over 40 megapixels is refused with the reason next to the upload field", async ({ browser }) => {
  const setUp = await openEvent();
  const lead = await createPerson("Hugo Huge");
  const { teamId } = await submittedEntry(setUp, lead, "Huge screenshot entry");
  const page = await pageSignedInAs(browser, lead.email);
  await page.goto(`/events/${setUp.event.slug}/teams/${teamId}/entry`);
  await page.getByLabel("Add a screenshot").setInputFiles({ name: "tiny.png", mimeType: "image/png", buffer: Buffer.from(declaredPng(60000, 60000)) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("That image is 60000×60000 pixels; screenshots may have at most 40 megapixels.", { exact: false })).toBeVisible();
  await expectAccessible(page);
});

test("with blind judging a judge sees no team names on the event page, the gallery or the problem page", async ({ browser }) => {
  const setUp = await openEvent();
  const member = await createPerson("Tess Teammate");
  await submittedEntry(setUp, member, "Blind entry");
  const [team] = await db.select().from(teams).where(eq(teams.eventId, setUp.event.id));
  const judge = await createPerson("Jules Judge");
  expect((await addJudge(setUp.event.id, judge.email)).ok).toBe(true);
  await db.update(events).set({ blindJudging: true }).where(eq(events.id, setUp.event.id));
  const [row] = await db.select().from(events).where(eq(events.id, setUp.event.id));
  const organizer = await findPerson("organizer@example.com");
  expect((await changePhase(row, organizer.id, { to: "judging", confirmed: true, reason: "" }, new Date())).ok).toBe(true);

  const page = await pageSignedInAs(browser, judge.email);
  for (const path of [setUp.url, `${setUp.url}/entries`, `${setUp.url}/problems/${setUp.problemId}`]) {
    await page.goto(path);
    await expect(page.getByText("Team hidden (blind judging)").first()).toBeVisible();
    await expect(page.getByText(team.name)).toHaveCount(0);
    await expectAccessible(page);
  }
  // The organizers still see who made it.
  const organizerPage = await pageSignedInAs(browser, "organizer@example.com");
  await organizerPage.goto(`${setUp.url}/entries`);
  await expect(organizerPage.getByText(team.name)).toBeVisible();
});
