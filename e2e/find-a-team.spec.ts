import { expect } from "@playwright/test";
import { saveOpening } from "~/modules/teams/team-finder.server";
import { createPerson, openEvent, pageSignedInAs, teamOf } from "./fixtures";
import { expectAccessible, expectToast, test, unique } from "./helpers";

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
  await teamCard.getByLabel(/A note to .*'s lead/).fill("I ran last year's triage pilot.");
  await teamCard.getByRole("button", { name: /^Ask to join: / }).click();
  await expectToast(nico, /Request sent to /);
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
});
