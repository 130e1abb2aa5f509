import { expect } from "@playwright/test";
import { askToJoin } from "~/modules/teams/join-requests.server";
import { eq } from "drizzle-orm";
import { teams } from "#db/schema";
import { db } from "~/db.server";
import { closeOpening, saveOpening, saveSeekerPost } from "~/modules/teams/team-finder.server";
import { joinTeam, removeMember } from "~/modules/teams/teams.server";
import { createPerson, openEvent, pageSignedInAs, startJudging, teamOf } from "./fixtures";
import { expectAccessible, expectToast, holdRequests, holdScripts, test, unique, waitForApp } from "./helpers";

test("a newcomer posts that they are looking, asks a team to join, the lead accepts, and they are a member", async ({ browser }) => {
  // An open event with a team of one that looks for members (set up directly).
  const setUp = await openEvent(unique("Finder Hack"), { maxTeamSize: 3 });
  const lead = await createPerson("Lena Lead");
  const team = await teamOf(setUp, lead);
  await saveOpening({ id: team.teamId, eventId: setUp.event.id }, lead.id, "Someone who knows the support data");
  const newcomer = await createPerson("Nico Newcomer");

  // On a 390 px phone, the newcomer posts what they bring and asks the team.
  const nico = await pageSignedInAs(browser, newcomer.email);
  await nico.setViewportSize({ width: 390, height: 844 });
  await nico.goto(setUp.url);
  await nico.getByRole("link", { name: "Find a team" }).click();
  await expect(nico.getByRole("heading", { name: "Find a team", level: 1 })).toBeVisible();
  await nico.getByLabel("Your skills and interests").fill("SQL, support ticket data");
  await nico.getByLabel("Problem you would like to work on").selectOption({ label: setUp.problemTitle });
  await nico.getByRole("button", { name: "Post that I am looking" }).click();
  await expectToast(nico, "Your post is up: teams looking for members can see it.");
  await expect(nico.getByRole("region", { name: "People looking for a team" })).toContainText("SQL, support ticket data");
  const teamCard = nico.getByRole("listitem").filter({ hasText: "Someone who knows the support data" });
  await teamCard.getByLabel(/A note to .*'s? lead/).fill("I ran last year's triage pilot.");
  // While the request is on its way the button cannot be pressed again: a second press was refused as a repeat, and
  // that refusal hid that the first went through. (The answer is held back a moment so the test sees the button.)
  await nico.route(
    (url) => url.pathname.includes("find-a-team"),
    async (route) => {
      if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    },
  );
  const ask = teamCard.getByRole("button", { name: /^Ask to join: / });
  await ask.click();
  await expect(ask).toBeDisabled();
  await expectToast(nico, /Request sent to /);
  await nico.unroute((url) => url.pathname.includes("find-a-team"));
  await expect(nico.getByRole("region", { name: "Your requests to join" })).toContainText("Pending");
  await expectAccessible(nico);
  expect(await nico.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

  // The lead opens the notice (it is also mailed: join-requests.server.test.ts), reads the request and accepts.
  const lena = await pageSignedInAs(browser, lead.email);
  await lena.goto("/notifications");
  await lena.getByRole("button", { name: /^Nico Newcomer asks to join / }).click();
  await expect(lena).toHaveURL(new RegExp(`${setUp.url}/find-a-team#requests$`));
  await expect(lena.getByText("“I ran last year's triage pilot.”")).toBeVisible();
  await expect(lena.getByText("Waiting for your answer.")).toBeVisible();
  await lena.getByRole("button", { name: "Accept Nico Newcomer" }).click();
  await expectToast(lena, "Request accepted: they are now a member of your team.");

  // The newcomer sees the answer, and is now a member of the team.
  await nico.reload();
  await expect(nico.getByRole("region", { name: "Your requests to join" })).toContainText("Accepted");
  await expect(nico.getByRole("region", { name: "People looking for a team" })).not.toContainText("SQL, support ticket data");
  await nico.goto(team.url);
  await expect(nico.getByText("Members (2 of at most 3)")).toBeVisible();
  await expect(nico.getByRole("link", { name: "Nico Newcomer", exact: true })).toBeVisible();

  // Once full, the team leaves "Teams looking for members" for everyone outside it; its members still see it.
  await joinTeam({ id: team.teamId, eventId: setUp.event.id }, (await createPerson("Fil Full")).id, 3);
  const outsider = await pageSignedInAs(browser, (await createPerson("Otto Outside")).email);
  await outsider.goto(`${setUp.url}/find-a-team`);
  await expect(outsider.getByRole("region", { name: "Teams looking for members" })).not.toContainText("Someone who knows the support data");
  await nico.goto(`${setUp.url}/find-a-team`);
  await expect(nico.getByRole("region", { name: "Teams looking for members" })).toContainText("Someone who knows the support data");
});

test("a team that stopped looking while a note to its lead was typed: the note stays, with the reason, with or without JavaScript", async ({ browser }) => {
  const setUp = await openEvent(unique("Stale Finder Hack"), { maxTeamSize: 3 });
  const lead = await createPerson("Lou Lead");
  const team = await teamOf(setUp, lead);
  await saveOpening({ id: team.teamId, eventId: setUp.event.id }, lead.id, "Someone for the data pipeline");
  for (const javaScriptEnabled of [true, false]) {
    const page = await pageSignedInAs(browser, (await createPerson("Asa Asker")).email, { javaScriptEnabled });
    await page.goto(`${setUp.url}/find-a-team`);
    const teamCard = page.getByRole("listitem").filter({ hasText: "Someone for the data pipeline" });
    const note = teamCard.getByLabel(/A note to .*'s? lead/);
    await note.fill("I built the last pipeline.");
    // The lead stops looking (in another tab) before the request is sent.
    await closeOpening(team.teamId, lead.id);
    await teamCard.getByRole("button", { name: /^Ask to join: / }).click();
    if (javaScriptEnabled) {
      // The page as it was, the reason beside the form, and the note as typed.
      await expect(teamCard.getByText("This team is not looking for members.")).toBeVisible();
      await expect(note).toHaveValue("I built the last pipeline.");
      await expectAccessible(page);
    } else {
      // The page read again no longer lists the team: the refusal and the note are said above the list.
      const teamsSection = page.getByRole("region", { name: "Teams looking for members" });
      await expect(teamsSection.getByRole("alert")).toContainText("Your request to join was not sent: This team is not looking for members.");
      await expect(teamsSection.getByRole("alert")).toContainText("What you wrote: “I built the last pipeline.”");
    }
    await saveOpening({ id: team.teamId, eventId: setUp.event.id }, lead.id, "Someone for the data pipeline");
  }
});

test("a post typed into before its form's code arrived keeps the typing once that form hydrates", async ({ browser }) => {
  const setUp = await openEvent(unique("Slow Post Hack"));
  const person = await createPerson("Sam Slowlink");
  await saveSeekerPost(setUp.event, person.id, { skills: "SQL", problemId: undefined });
  const page = await pageSignedInAs(browser, person.email);
  // The page's scripts are held back, and the post form's own code (a part loaded after the page's) longer still.
  const pageScriptsArrive = await holdScripts(page);
  const formCodeArrives = await holdRequests(page, /\/assets\/seeker-post-.*\.js$/);
  await page.goto(`${setUp.url}/find-a-team`, { waitUntil: "domcontentloaded" });
  const skills = page.getByLabel("Your skills and interests");
  await expect(skills).toHaveValue("SQL");
  await skills.fill("SQL, forecasting and survey design");
  await pageScriptsArrive();
  // The typing is told to the page's forms once the module that does it (with signed-out-rescue) has arrived: only
  // then the form's code.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType("resource").some((r) => r.name.includes("/signed-out-rescue-")))).toBe(true);
  await expect(skills).toHaveValue("SQL, forecasting and survey design");
  formCodeArrives();
  // React has taken the form over (its own key on the element), and the typing is still there.
  await expect.poll(() => skills.evaluate((e) => Object.keys(e).some((k) => k.startsWith("__reactFiber$")))).toBe(true);
  await expect(skills).toHaveValue("SQL, forecasting and survey design");
  await page.getByRole("button", { name: "Update my post" }).click();
  await expectToast(page, /Your post/);
  await expect(page.getByRole("region", { name: "People looking for a team" })).toContainText("SQL, forecasting and survey design");
});

test("without JavaScript, a post pasted far over its limit comes back to be shortened, not emptied", async ({ browser }) => {
  const setUp = await openEvent(unique("Paste Hack"));
  const person = await createPerson("Cyd Pasted");
  const page = await pageSignedInAs(browser, person.email, { javaScriptEnabled: false });
  await page.goto(`${setUp.url}/find-a-team`);
  const cv = "Ten years of SQL, forecasting and support data. ".repeat(60).slice(0, 2_800);
  await page.getByLabel("Your skills and interests").fill(cv);
  await page.getByRole("button", { name: "Post that I am looking" }).click();
  await expect(page.getByText("Use at most 500 characters")).toBeVisible();
  await expect(page.getByLabel("Your skills and interests")).toHaveValue(cv);
  await page.getByLabel("Your skills and interests").fill(cv.slice(0, 120));
  await page.getByRole("button", { name: "Post that I am looking" }).click();
  await expectToast(page, "Your post is up: teams looking for members can see it.");
});

test("a lead declines a request after confirming, and the asker is told in their notifications", async ({ browser }) => {
  // A team that looks for members and a pending request to join it (set up directly).
  const setUp = await openEvent(unique("Decline Hack"), { maxTeamSize: 3 });
  const lead = await createPerson("Dora Lead");
  const team = await teamOf(setUp, lead);
  await saveOpening({ id: team.teamId, eventId: setUp.event.id }, lead.id, "A data engineer");
  const asker = await createPerson("Abe Asker");
  expect(await askToJoin(setUp.event, team.teamId, asker.id, "I know the ledger.")).toEqual({ ok: true });
  // Another asker started a team of their own meanwhile: their request can only be declined.
  const gone = await createPerson("Gil Gone");
  expect(await askToJoin(setUp.event, team.teamId, gone.id, "Count me in.")).toEqual({ ok: true });
  await teamOf(setUp, gone);

  // The lead declines; the app asks first and says the asker will be told.
  const dora = await pageSignedInAs(browser, lead.email);
  await dora.goto(`${setUp.url}/find-a-team`);
  const gil = dora.getByRole("listitem").filter({ hasText: "They joined another team meanwhile." });
  await expect(gil.getByRole("button", { name: "Decline Gil Gone" })).toBeVisible();
  await expect(gil.getByRole("button", { name: "Accept Gil Gone" })).toHaveCount(0);
  await dora.getByRole("button", { name: "Decline Abe Asker" }).click();
  await expect(dora.getByText("Decline Abe Asker's request? They are told that you declined, and may ask your team once more.")).toBeVisible();
  await dora.getByRole("button", { name: "Decline Abe Asker" }).click();
  await expectToast(dora, "Request declined. They can ask your team again once.");

  // The asker finds the answer among their notifications, and it leads to their requests.
  const abe = await pageSignedInAs(browser, asker.email);
  await abe.goto("/notifications");
  await abe.getByRole("button", { name: /^Your request to join .* was declined/ }).click();
  await expect(abe).toHaveURL(new RegExp(`${setUp.url}/find-a-team#my-requests$`));
  await expect(abe.getByRole("region", { name: "Your requests to join" })).toContainText("Declined");
  await expectAccessible(abe);

  // Asking again, as the notice offers, does not open the team's invite link past the decline.
  const [{ inviteCode, name }] = await db.select({ inviteCode: teams.inviteCode, name: teams.name }).from(teams).where(eq(teams.id, team.teamId));
  await abe.getByRole("button", { name: `Ask again (once): ${name}` }).click();
  await expectToast(abe, `Request sent to ${name}. Its lead's answer shows here.`);
  await abe.goto(`/join?code=${inviteCode}`);
  await expect(abe.getByText("The team lead declined your request to join this team. Ask the lead if things have changed.")).toBeVisible();
  await expect(abe.getByRole("button", { name: "Join team" })).toHaveCount(0);
});

test("an asker withdraws a request after confirming, and the lead is told in their notifications", async ({ browser }) => {
  // A team that looks for members and a pending request to join it (set up directly).
  const setUp = await openEvent(unique("Withdraw Hack"), { maxTeamSize: 3 });
  const lead = await createPerson("Lou Lead");
  const team = await teamOf(setUp, lead);
  await saveOpening({ id: team.teamId, eventId: setUp.event.id }, lead.id, "A designer");
  const asker = await createPerson("Wren Asker");
  expect(await askToJoin(setUp.event, team.teamId, asker.id, "")).toEqual({ ok: true });

  // The asker withdraws; the app asks first and says the lead will be told.
  const wren = await pageSignedInAs(browser, asker.email);
  await wren.goto(`${setUp.url}/find-a-team`);
  const requests = wren.getByRole("region", { name: "Your requests to join" });
  await requests.getByRole("button", { name: /^Withdraw your request to / }).click();
  await expect(requests.getByText(/Its lead is told, and you can ask this team again only once\./)).toBeVisible();
  await requests.getByRole("button", { name: "Withdraw my request" }).click();
  await expectToast(wren, "Request withdrawn. You can ask that team again once.");
  await expect(requests).toContainText("Withdrawn");

  // The lead finds it among their notifications, and it leads to the team's requests.
  const lou = await pageSignedInAs(browser, lead.email);
  await lou.goto("/notifications");
  await lou.getByRole("button", { name: /^Wren Asker withdrew their request to join / }).click();
  await expect(lou).toHaveURL(new RegExp(`${setUp.url}/find-a-team#requests$`));
  await expectAccessible(lou);
});

test("a lead invites two people whose posts they read: one joins from the invitation, the other says no thanks", async ({ browser }) => {
  const setUp = await openEvent(unique("Invite Hack"), { maxTeamSize: 3 });
  const lead = await createPerson("Ivy Inviter");
  const team = await teamOf(setUp, lead);
  const seeker = await createPerson("Sam Seeker");
  const other = await createPerson("Nia Nothanks");
  for (const person of [seeker, other]) await saveSeekerPost(setUp.event, person.id, { skills: "Forecasting, Python", problemId: undefined });

  const ivy = await pageSignedInAs(browser, lead.email);
  await ivy.goto(`${setUp.url}/find-a-team`);
  const posts = ivy.getByRole("region", { name: "People looking for a team" });
  const [{ name: teamName }] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, team.teamId));
  await posts.getByRole("button", { name: `Invite Sam Seeker to ${teamName}` }).click();
  await expectToast(ivy, "Invitation sent: Sam Seeker finds it on this page and decides.");
  await expect(posts).toContainText(`Invited to ${teamName}: joining is their choice.`);
  await expect(posts.getByRole("button", { name: `Invite Sam Seeker to ${teamName}` })).toHaveCount(0);
  await posts.getByRole("button", { name: `Invite Nia Nothanks to ${teamName}` }).click();
  await expectToast(ivy, "Invitation sent: Nia Nothanks finds it on this page and decides.");
  await expectAccessible(ivy);

  // Nia answers from the page, at phone width: no thanks.
  const nia = await pageSignedInAs(browser, other.email);
  await nia.setViewportSize({ width: 390, height: 844 });
  await nia.goto(`${setUp.url}/find-a-team`);
  const niaInvitations = nia.getByRole("region", { name: "Invitations to join a team" });
  await expect(niaInvitations).toContainText(`Ivy Inviter invites you to join ${teamName}`);
  await expectAccessible(nia);
  await niaInvitations.getByRole("button", { name: `No thanks to ${teamName}` }).click();
  await expectToast(nia, `You said no thanks to ${teamName}. You can still ask to join it if it is looking.`);
  await expect(nia.getByRole("region", { name: "Invitations to join a team" })).toHaveCount(0);
  // The notice that told her of it still leads here, and says why there is nothing to answer.
  await nia.goto("/notifications");
  await nia.getByRole("button", { name: `Ivy Inviter invites you to join ${teamName}` }).click();
  await expect(nia).toHaveURL(new RegExp(`${setUp.url}/find-a-team\\?invitation=${team.teamId}#invitations$`));
  await expect(nia.getByRole("region", { name: "Invitations to join a team" }).getByRole("status")).toHaveText(
    `You said no thanks to the invitation from ${teamName}. You can still ask to join it if it is looking.`,
  );
  await expect(nia.getByRole("button", { name: `Join ${teamName}` })).toHaveCount(0);
  await expectAccessible(nia);
  await ivy.reload();
  await expect(posts).toContainText(`Said no thanks to ${teamName}.`);

  // A member leaving changes the team's code; Sam's invitation still works, from the notification.
  await db
    .update(teams)
    .set({ inviteCode: unique("CODE").slice(0, 8).toUpperCase() })
    .where(eq(teams.id, team.teamId));
  const sam = await pageSignedInAs(browser, seeker.email);
  // The event page says so where Sam would start a team.
  await sam.goto(setUp.url);
  await expect(sam.getByText(`Ivy Inviter invites you to join ${teamName}: answer on Find a team.`)).toBeVisible();
  await sam.goto("/notifications");
  await sam.getByRole("button", { name: `Ivy Inviter invites you to join ${teamName}` }).click();
  await expect(sam).toHaveURL(new RegExp(`${setUp.url}/find-a-team\\?invitation=${team.teamId}#invitations$`));
  await sam
    .getByRole("region", { name: "Invitations to join a team" })
    .getByRole("button", { name: `Join ${teamName}` })
    .click();
  await expectToast(sam, `You joined ${teamName}.`);
  await expect(sam).toHaveURL(new RegExp(`${team.url}$`));
  await expect(sam.getByRole("link", { name: "Sam Seeker", exact: true })).toBeVisible();
});

test("a lead is not offered to invite someone they removed, but told to let them rejoin first", async ({ browser }) => {
  const setUp = await openEvent(unique("Removed Hack"), { maxTeamSize: 4 });
  const lead = await createPerson("Rhea Lead");
  const team = await teamOf(setUp, lead);
  await saveOpening({ id: team.teamId, eventId: setUp.event.id }, lead.id, "A forecaster");
  const [{ name }] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, team.teamId));
  const removed = await createPerson("Rory Removed");
  expect(await joinTeam({ id: team.teamId, eventId: setUp.event.id }, removed.id, 4)).toEqual({ ok: true });
  expect(await removeMember({ id: team.teamId, leadId: lead.id }, removed.id, { confirmed: true, typedName: "" })).toEqual({ ok: true });
  // Back to looking, with a post the lead reads.
  expect(await saveSeekerPost(setUp.event, removed.id, { skills: "Forecasting", problemId: undefined })).toEqual({ ok: true });

  const page = await pageSignedInAs(browser, lead.email);
  await page.goto(`${setUp.url}/find-a-team`);
  const card = page.getByRole("region", { name: "People looking for a team" }).getByRole("listitem").filter({ hasText: "Rory Removed" });
  await expect(card).toContainText(`You removed them from ${name}: “Let rejoin” on your team's page comes first.`);
  await expect(card.getByRole("button", { name: `Invite Rory Removed to ${name}` })).toHaveCount(0);
  await expectAccessible(page);
});

test("a post typed while judging started stays in its form, with the reason", async ({ browser }) => {
  const setUp = await openEvent(unique("Moved On Hack"), { maxTeamSize: 3 });
  const page = await pageSignedInAs(browser, (await createPerson("Pia Poster")).email);
  await page.goto(`${setUp.url}/find-a-team`);
  await waitForApp(page);
  const skills = page.getByLabel("Your skills and interests");
  await skills.fill("Forecasting in R, five years of demand planning");
  // The organizers start judging meanwhile.
  await startJudging(setUp, []);
  await page.getByRole("button", { name: "Post that I am looking" }).click();
  await expect(page.getByRole("region", { name: "Your post" }).getByText("Finding a team is open only while the event is open.")).toBeVisible();
  await expect(skills).toHaveValue("Forecasting in R, five years of demand planning");
  await expectAccessible(page);
});
