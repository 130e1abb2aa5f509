// No silent destruction (ADR 012): each destructive button answers with a confirm step that names what
// is lost, and only its second button acts. Deleting a team also needs the team's name typed.
import { expect } from "@playwright/test";
import { addScreenshot } from "~/modules/entries/screenshots.server";
import { createJudgeInvite } from "~/modules/events/judge-invites.server";
import { askToJoin } from "~/modules/teams/join-requests.server";
import { saveOpening } from "~/modules/teams/team-finder.server";
import { joinTeam } from "~/modules/teams/teams.server";
import { createPerson, findPerson, openEvent, pageSignedInAs, submittedEntry } from "./fixtures";
import { expectAccessible, expectToast, unique, test } from "./helpers";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

test("the last member deletes the team only after typing its name; the step names the entry, its screenshots and who waits on it", async ({ browser }) => {
  const setUp = await openEvent(unique("Confirm Hack"));
  const lead = await createPerson("Solo Sam");
  const { teamId, entryId } = await submittedEntry(setUp, lead, "Dispute radar");
  for (const caption of ["Queue view", "Alerts", "Settings"]) expect((await addScreenshot(entryId, new Uint8Array(PNG), caption)).ok).toBe(true);
  // Someone asked to join the team and waits for an answer.
  const asker = await createPerson("Ada Asker");
  await saveOpening({ id: teamId, eventId: setUp.event.id }, lead.id, "A data person");
  expect(await askToJoin(setUp.event, teamId, asker.id, "")).toEqual({ ok: true });
  const page = await pageSignedInAs(browser, lead.email);
  await page.goto(`${setUp.url}/teams/${teamId}`);
  const teamName = (await page.getByRole("heading", { level: 1 }).textContent())!;

  await page.getByRole("button", { name: "Leave and delete the team" }).click();
  await expect(
    page.getByRole("alert").filter({
      hasText: `Delete ${teamName}? You are its only member: leaving deletes the team, its submitted entry “Dispute radar” and its 3 screenshots. One person waits on a request to join it or an invitation from it: they are told it was deleted. This cannot be undone.`,
    }),
  ).toBeVisible();
  await expectAccessible(page);
  // A wrong name deletes nothing and says why.
  await page.getByLabel(`Type the team's name, ${teamName}, to confirm`).fill("Some other team");
  await page.getByRole("button", { name: `Delete ${teamName} for good` }).click();
  await expect(page.getByText(`That is not the team's name. Type ${teamName} exactly.`)).toBeVisible();
  await expectAccessible(page);
  // Keeping it goes back to the team page as it was.
  await page.getByRole("link", { name: "Keep the team" }).click();
  await expect(page.getByRole("button", { name: "Leave and delete the team" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);

  await page.getByRole("button", { name: "Leave and delete the team" }).click();
  await page.getByLabel(`Type the team's name, ${teamName}, to confirm`).fill(teamName);
  await page.getByRole("button", { name: `Delete ${teamName} for good` }).click();
  await expectToast(page, "You left; the team and its entry were deleted.");
  await expect(page.getByRole("link", { name: "Create a team" })).toBeVisible();
  expect((await page.goto(`${setUp.url}/teams/${teamId}`))?.status()).toBe(404);
  // The asker learns of it, and is led to the teams still looking.
  const askerPage = await pageSignedInAs(browser, asker.email);
  await askerPage.goto("/notifications");
  await askerPage.getByRole("button", { name: `${teamName} no longer exists` }).click();
  await expect(askerPage.getByRole("heading", { name: "Find a team", level: 1 })).toBeVisible();
});

test("the lead removes a member only after a confirm step that names them", async ({ browser }) => {
  const setUp = await openEvent(unique("Confirm Hack"));
  const [lead, member] = [await createPerson("Lena Lead"), await createPerson("Max Member")];
  const { teamId } = await submittedEntry(setUp, lead, "Ledger lens");
  await joinTeam({ id: teamId, eventId: setUp.event.id }, member.id, 5);
  const page = await pageSignedInAs(browser, lead.email);
  await page.goto(`${setUp.url}/teams/${teamId}`);
  const teamName = (await page.getByRole("heading", { level: 1 }).textContent())!;

  await page.getByRole("button", { name: `Remove ${member.name} from the team` }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: `Remove ${member.name} from ${teamName}? They lose access to the team and its entry at once, the invite link changes` }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Remove ${member.name} for good` }).click();
  await expectToast(page, "Member removed. The invite link changed, so the old one no longer works.");
  await expect(page.getByRole("heading", { name: "Removed from the team" })).toBeVisible();
});

test("a team deletes a screenshot only after a confirm step that names it", async ({ browser }) => {
  const setUp = await openEvent(unique("Confirm Hack"));
  const lead = await createPerson("Pia Pictures");
  const { teamId, entryId } = await submittedEntry(setUp, lead, "Screenshot keeper");
  for (const caption of ["Queue view", "Alerts"]) expect((await addScreenshot(entryId, new Uint8Array(PNG), caption)).ok).toBe(true);
  const page = await pageSignedInAs(browser, lead.email);
  await page.goto(`${setUp.url}/teams/${teamId}/entry`);

  await page.getByRole("button", { name: "Delete screenshot Alerts" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Delete screenshot 2 (“Alerts”)? The image is removed from the entry and deleted for good." }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Delete screenshot 2 for good" }).click();
  await expectToast(page, "Screenshot deleted.");
  await expect(page.getByRole("heading", { name: "Screenshots (1 of 6)" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Queue view" })).toBeVisible();
});

test("an organizer retires a problem and revokes a judge invite link only after confirm steps that name them", async ({ browser }) => {
  const setUp = await openEvent(unique("Confirm Hack"));
  const lead = await createPerson("Tia Team");
  await submittedEntry(setUp, lead, "On the problem");
  const organizer = await findPerson("organizer@example.com");
  await createJudgeInvite(setUp.event.id, organizer.id, 7);
  const page = await pageSignedInAs(browser, organizer.email);

  await page.goto(`${setUp.url}/manage`);
  await page.getByRole("button", { name: `Retire ${setUp.problemTitle}` }).click();
  await expect(
    page.getByRole("alert").filter({
      hasText: `Retire “${setUp.problemTitle}”? New teams can no longer pick it. The 1 team that picked it keeps it. You can offer it again later.`,
    }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Yes, retire ${setUp.problemTitle}` }).click();
  await expectToast(page, "Problem retired: new teams no longer see it; teams that picked it keep it.");
  await expect(page.getByRole("button", { name: `Offer again ${setUp.problemTitle}` })).toBeVisible();

  await page.goto(`${setUp.url}/judges`);
  await page.getByRole("button", { name: /^Revoke the link created/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: `by ${organizer.name}? It stops working at once` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Keep the link" }).click();
  await expect(page.getByText(/^Created .* valid until/)).toBeVisible();
  await page.getByRole("button", { name: /^Revoke the link created/ }).click();
  await page.getByRole("button", { name: "Revoke the link for good" }).click();
  await expectToast(page, "Invite link revoked: it no longer works.");
  await expect(page.getByText(/· revoked/)).toBeVisible();
});

test("the confirm steps work without JavaScript", async ({ browser }) => {
  const setUp = await openEvent(unique("Confirm Hack"));
  const lead = await createPerson("Nora NoScript");
  const { teamId } = await submittedEntry(setUp, lead, "Plain HTML");
  const signedIn = await pageSignedInAs(browser, lead.email);
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(await signedIn.context().cookies());
  const page = await context.newPage();
  await page.goto(`${setUp.url}/teams/${teamId}`);
  const teamName = (await page.getByRole("heading", { level: 1 }).textContent())!;
  await page.getByRole("button", { name: "Leave and delete the team" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `Delete ${teamName}?` })).toBeVisible();
  await page.getByLabel(`Type the team's name, ${teamName}, to confirm`).fill(teamName);
  await page.getByRole("button", { name: `Delete ${teamName} for good` }).click();
  await expect(page.getByText("You left; the team and its entry were deleted.")).toBeVisible();
});

test("a team made a moment ago and left at once: the step names the untitled draft, and the creation message is gone", async ({ browser }) => {
  const setUp = await openEvent(unique("Second Thoughts Hack"));
  const person = await createPerson("Quinn Quick");
  const page = await pageSignedInAs(browser, person.email);
  await page.goto(setUp.url);
  await page.getByRole("link", { name: "Create a team" }).click();
  const teamName = unique("Second Thoughts");
  await page.getByLabel("Team name").fill(teamName);
  await page.getByLabel("Problem").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Create team" }).click();
  await expectToast(page, "Team created.");

  await page.getByRole("button", { name: "Leave and delete the team" }).click();
  await expect(
    page.getByRole("alert").filter({
      hasText: `Delete ${teamName}? You are its only member: leaving deletes the team and its untitled draft entry. This cannot be undone.`,
    }),
  ).toBeVisible();
  // "Team created." beside a question about deleting it would read as the answer to it.
  await expect(page.getByText("Team created.")).toHaveCount(0);
});
