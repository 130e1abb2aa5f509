import { expect, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { problems, teams } from "#db/schema";
import { db } from "~/db.server";
import { createTeam, handOverLead, joinTeam, leaveTeam } from "~/modules/teams/teams.server";
import { createPerson, openEvent, pageSignedInAs, startJudging, submissionDeadlineIn, submittedEntry, teamOf } from "./fixtures";
import { DRAFT_SAVED, expectAccessible, expectToast, newPage, signIn, signUp, test, unique, waitForApp } from "./helpers";
import { linkMailedTo } from "./mail";

// A 1×1 PNG, and an executable renamed to look like one.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

test("two participants team up by invite link and change their problem", async ({ browser }) => {
  const alice = await newPage(browser);
  const bob = await newPage(browser);
  const teamName = unique("Invoice Sleuths");

  // An open event with two problems, for teams of two.
  const { url: eventUrl } = await openEvent(unique("Teams Hackathon"), { maxTeamSize: 2, problems: ["Invoice disputes found late", "Slow month-end close"] });

  // Alice creates the team and shares the invite link; Bob joins through it.
  await signUp(alice, "Alice Analyst");
  await alice.goto(eventUrl);
  await alice.getByRole("link", { name: "Create a team" }).click();
  await alice.getByLabel("Team name").fill(teamName);
  await alice.getByLabel("Problem").selectOption({ label: "Invoice disputes found late" });
  await alice.getByRole("button", { name: "Create team" }).click();
  await expectToast(alice, "Team created.");
  const inviteUrl = await alice.getByLabel("Invite link for teammates").inputValue();
  expect(inviteUrl).toMatch(/\/join\?code=[A-Z0-9]{8}$/);

  await bob.goto(inviteUrl);
  await expect(bob).toHaveURL(/\/login\?redirectTo=/);
  await bob.getByRole("link", { name: "Create an account" }).click();
  const bobEmail = `${unique("bob")}@example.com`;
  await bob.getByLabel("Name").fill("Bob Builder");
  await bob.getByLabel("Work email").fill(bobEmail);
  await bob.getByLabel("Password").fill("a-long-enough-passphrase");
  await bob.getByRole("button", { name: "Create account" }).click();
  // A new account confirms its address first: Bob follows the mailed link, opens the invite again and signs in.
  await expect(bob.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await bob.goto(await linkMailedTo(bobEmail, "/verify-email/"));
  await bob.getByRole("button", { name: "Confirm my email" }).click();
  await expectToast(bob, /Email address confirmed/);
  await bob.goto(inviteUrl);
  await expect(bob).toHaveURL(/\/login\?redirectTo=/);
  await bob.getByLabel("Email").fill(bobEmail);
  await bob.getByLabel("Password").fill("a-long-enough-passphrase");
  await bob.getByRole("button", { name: "Sign in" }).click();
  await expect(bob.getByRole("heading", { name: `Join ${teamName}` })).toBeVisible();
  await expectAccessible(bob);
  await bob.getByRole("button", { name: "Join team" }).click();
  await expectToast(bob, `You joined ${teamName}.`);
  await expect(bob.getByText("Members (2 of at most 2)")).toBeVisible();
  await expectAccessible(bob);

  // The team changes its mind about the problem.
  await bob.getByLabel("Change the problem").selectOption({ label: "Slow month-end close" });
  await bob.getByRole("button", { name: "Change problem" }).click();
  await expectToast(bob, "Problem changed.");
  await expect(bob.getByRole("link", { name: "Slow month-end close" })).toBeVisible();
});

test("two teammates write one entry over two sessions: a draft with a screenshot, the post-mortem, a stale save caught", async ({ browser }) => {
  const setUp = await openEvent(unique("Teams Hackathon"), { maxTeamSize: 2 });
  const [alicePerson, bobPerson] = [await createPerson("Alice Analyst"), await createPerson("Bob Builder")];
  const team = await teamOf(setUp, alicePerson, [bobPerson]);
  const alice = await pageSignedInAs(browser, alicePerson.email);
  const bob = await pageSignedInAs(browser, bobPerson.email);

  // Session one: Alice saves a draft and uploads a screenshot (an .exe in disguise is refused).
  await alice.goto(team.url);
  await alice.getByRole("link", { name: "Work on the entry" }).click();
  await alice.getByLabel("Title").fill("Close-checklist copilot");
  await alice.getByLabel("One-line summary").fill("Drafts the month-end checklist from last month's ledger.");
  await alice.getByRole("button", { name: "Save draft" }).click();
  await expectToast(alice, DRAFT_SAVED);
  await alice.getByLabel("Add a screenshot").setInputFiles({ name: "checklist.png", mimeType: "image/png", buffer: EXE });
  await alice.getByRole("button", { name: "Upload" }).click();
  await expect(alice.getByText("Only PNG, JPEG or WebP images are accepted (checked by content, not by name).")).toBeVisible();
  await expectAccessible(alice);
  await alice.getByLabel("Add a screenshot").setInputFiles({ name: "checklist.png", mimeType: "image/png", buffer: PNG });
  await alice.getByLabel("Caption (optional)").fill("The generated checklist");
  await alice.getByRole("button", { name: "Upload" }).click();
  await expectToast(alice, "Screenshot added.");
  await expect(alice.getByRole("img", { name: "The generated checklist" })).toBeVisible();

  // Session two: Bob completes the post-mortem and submits the failed attempt.
  await bob.goto(team.url);
  await bob.getByRole("link", { name: "Work on the entry" }).click();
  await expect(bob.getByLabel("Title")).toHaveValue("Close-checklist copilot");
  await bob.getByLabel("Outcome").selectOption("failed");
  await bob.getByLabel("Approach: models, tools and data used").fill("An LLM over exported ledgers.");
  await bob.getByLabel("Metric name").fill("Days to close");
  await bob.getByLabel("Baseline").fill("9");
  await bob.getByLabel("Target").fill("6");
  await bob.getByLabel("What worked").fill("The checklist format was liked by controllers.");
  await bob.getByLabel("What did not work").fill("Ledger exports lacked the account owners, so tasks had no assignee.");
  await bob.getByLabel("Root cause", { exact: true }).selectOption("data-missing-context");
  await bob.getByLabel("What we would do differently").fill("Join the ownership table before the hackathon.");
  await bob.getByLabel("Next steps").fill("Ask finance ops for the ownership table.");
  await bob.getByLabel("Video link").fill("https://youtu.be/aqz-KE-bpKQ?t=42");
  await bob.getByRole("button", { name: "Submit entry" }).click();
  await expectToast(bob, "Entry submitted.");
  await bob.getByRole("link", { name: "View entry page" }).click();
  await expect(bob.getByText("Failed attempt", { exact: true })).toBeVisible();
  await expect(bob.getByText("Ledger exports lacked the account owners, so tasks had no assignee.")).toBeVisible();
  await expect(bob.getByRole("img", { name: /Days to close: Baseline 9/ })).toBeVisible();
  await expect(bob.getByRole("img", { name: "The generated checklist" })).toBeVisible();
  // The video link plays in YouTube's privacy-enhanced player, loaded lazily, with the link below it, under a
  // heading of its own (not under "Approach").
  await expect(bob.getByRole("region", { name: "Video and links" })).toBeVisible();
  const player = bob.getByRole("region", { name: "Video and links" }).getByTitle("Video: Close-checklist copilot (YouTube)");
  await expect(player).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?start=42");
  await expect(player).toHaveAttribute("loading", "lazy");
  await expect(bob.getByRole("link", { name: "Watch on YouTube" })).toHaveAttribute("href", "https://youtu.be/aqz-KE-bpKQ?t=42");
  await expectAccessible(bob);

  // Alice's old form is stale: saving it is detected as a conflict, not a silent overwrite.
  await alice.getByLabel("Title").fill("Alice's stale title");
  await alice.getByRole("button", { name: "Save draft" }).click();
  await expect(alice.getByText(/A teammate saved this entry after you opened it/)).toBeVisible();
  // No field is wrong: the save bar does not send her looking for one.
  await expect(alice.getByText("Some fields need attention")).toHaveCount(0);
  await alice.reload();
  await expect(alice.getByLabel("Title")).toHaveValue("Close-checklist copilot");
});

test("once submissions close the entry is read-only and the team sees why", async ({ browser }) => {
  const setUp = await openEvent(unique("Teams Hackathon"));
  const member = await createPerson("Alice Analyst");
  const { teamId } = await submittedEntry(setUp, member, unique("Close-checklist copilot"));
  await startJudging(setUp, [await createPerson("Jo Judge")]);
  const alice = await pageSignedInAs(browser, member.email);
  await alice.goto(`${setUp.url}/teams/${teamId}/entry`);
  await expect(alice.getByText("This entry is read-only.")).toBeVisible();
  await expect(alice.getByText("Submissions are closed: the event has moved to judging.")).toBeVisible();
  await expect(alice.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  // The page does not invite editing above the alert that says it cannot be.
  await expect(alice.getByText("Any team member can edit.")).toHaveCount(0);
  // Nor does the team page offer an invite link nobody can use any more.
  await alice.goto(`${setUp.url}/teams/${teamId}`);
  await expect(alice.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(alice.getByLabel("Invite link for teammates")).toHaveCount(0);
  await expectAccessible(alice);
});

test("the gallery filters submitted entries of a past event by outcome and tag", async ({ page }) => {
  await signIn(page, "participant4@example.com");
  await page.goto("/events/autumn-ai-hackathon-2026/entries");
  await waitForApp(page);
  await expect(page.getByText("3 entries")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Outcome").selectOption("partial");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("1 entry", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Early dispute signals from email" })).toBeVisible();
  await page.getByLabel("Outcome").selectOption("");
  await page.getByLabel("Tag").fill("chatbot");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/tag=chatbot/);
  await expect(page.getByRole("link", { name: "Support chatbot for agents" })).toBeVisible();
  await expect(page.getByText("1 entry", { exact: true })).toBeVisible();
  // Back: the filters say what the list shows, not what was picked last.
  await page.goBack();
  await expect(page.getByRole("link", { name: "Early dispute signals from email" })).toBeVisible();
  await expect(page.getByLabel("Outcome")).toHaveValue("partial");
  await expect(page.getByLabel("Tag")).toHaveValue("");
});

test("the lead removes a member and makes a new invite link; the removed member stays out until let back in", async ({ browser }) => {
  const setUp = await openEvent(unique("Teams Hackathon"));
  const [lead, member] = [await createPerson("Lena Lead"), await createPerson("Max Member")];
  const team = await createTeam(setUp.event, lead.id, { name: unique("Ledger Lions"), problemId: setUp.problemId });
  if (!team.ok) throw new Error(team.message);
  await joinTeam({ id: team.teamId, eventId: setUp.event.id }, member.id, 5);
  const joinPath = async (page: Page) => new URL(await page.getByLabel("Invite link for teammates").inputValue()).search;

  const lena = await pageSignedInAs(browser, lead.email);
  await lena.goto(`${setUp.url}/teams/${team.teamId}`);
  const firstCode = await joinPath(lena);
  // The lead of a team with members cannot leave it yet, and is told how.
  await expect(lena.getByRole("button", { name: "Leave the team" })).toHaveCount(0);
  await expect(lena.getByText("To leave the team, first make another member the lead")).toBeVisible();
  await lena.getByRole("button", { name: `Remove ${member.name} from the team` }).click();
  await lena.getByRole("button", { name: `Remove ${member.name} for good` }).click();
  await expectToast(lena, "Member removed. The invite link changed, so the old one no longer works.");
  await expect(lena.getByRole("heading", { name: "Removed from the team" })).toBeVisible();
  const secondCode = await joinPath(lena);
  expect(secondCode).not.toBe(firstCode);

  // "New invite link" asks first: it opens an explanation with the button that replaces the link.
  await expect(lena.getByRole("button", { name: "Replace the invite link" })).toBeHidden();
  await lena.getByText("New invite link", { exact: true }).click();
  await expect(lena.getByText("The current link and code stop working at once.")).toBeVisible();
  await expectAccessible(lena);
  await lena.getByRole("button", { name: "Replace the invite link" }).click();
  await expectToast(lena, "New invite link made. The old link no longer works.");
  const newestCode = await joinPath(lena);
  expect(newestCode).not.toBe(secondCode);

  // The removed member: the old link is dead, the newest one is refused with the reason.
  const max = await pageSignedInAs(browser, member.email);
  await max.goto(`/join${secondCode}`);
  await expect(max.getByText("No team has this invite code.")).toBeVisible();
  await max.goto(`/join${newestCode}`);
  await expect(max.getByRole("alert")).toHaveText("The team lead removed you from this team. Ask the lead to let you back in.");
  await expect(max.getByRole("button", { name: "Join team" })).toHaveCount(0);
  await expectAccessible(max);

  // The lead lets them back in; the newest link works again for them.
  await lena.getByRole("button", { name: `Let ${member.name} rejoin the team` }).click();
  await expectToast(lena, "They can join again with the current invite link.");
  await max.reload();
  await max.getByRole("button", { name: "Join team" }).click();
  await expectToast(max, /You joined/);

  // Handing over the lead asks first: the lead cannot take it back.
  await lena.reload();
  await lena.getByRole("button", { name: `Make ${member.name} the lead` }).click();
  await expect(lena.getByRole("alert").filter({ hasText: `Make ${member.name} the lead of` })).toContainText("only they can hand the lead back to you");
  await expectAccessible(lena);
  await lena.getByRole("link", { name: "Stay the lead" }).click();
  await expect(lena.getByRole("alert")).toHaveCount(0);
  await lena.getByRole("button", { name: `Make ${member.name} the lead` }).click();
  await lena.getByRole("button", { name: `Yes, make ${member.name} the lead` }).click();
  await expectToast(lena, "Lead handed over.");
  await expect(lena.getByRole("button", { name: "Replace the invite link" })).toHaveCount(0);
});

test("the event page counts down to the next deadline: ticking with JavaScript, as text without", async ({ browser }) => {
  const setUp = await openEvent(unique("Countdown Hack"));
  await submissionDeadlineIn(setUp.event.id, 10 * 60_000 + 30_000);
  const page = await pageSignedInAs(browser, "participant@example.com");
  await page.goto(setUp.url);
  const timer = page.getByRole("timer");
  await expect(timer).toHaveText(/^Submissions close in ?10 minutes \d+ seconds$/);
  const shown = (await timer.textContent())!;
  await expect(timer).not.toHaveText(shown);

  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.context().addCookies(await page.context().cookies());
  await plain.goto(setUp.url);
  await expect(plain.getByRole("timer")).toHaveText(/^Submissions close in ?10 minutes \d+ seconds$/);
});

test("a mistyped invite code keeps the event page, with the reason next to the field", async ({ browser }) => {
  const setUp = await openEvent(unique("Typo Hackathon"));
  const lead = await createPerson("Tia Lead");
  const newcomer = await createPerson("Nico Newcomer");
  const team = await teamOf(setUp, lead);
  const page = await pageSignedInAs(browser, newcomer.email);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(setUp.url);
  // The form's code arrives after the page's (ADR 058): typed into before it hydrates, a busy machine may lose the answer.
  await waitForApp(page);

  await page.getByLabel("Have an invite code?").fill("ZZZZ9999");
  await page.getByRole("button", { name: "Find team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: setUp.event.title })).toBeVisible();
  await expect(page.getByLabel("Have an invite code?")).toHaveValue("ZZZZ9999");
  await expect(page.getByLabel("Have an invite code?")).toHaveAccessibleDescription("No team has this invite code. Check it with whoever sent it.");
  await expectAccessible(page);

  // The whole invite link, as the team page shows it in its big box, finds the team as the code does.
  const [row] = await db.select({ code: teams.inviteCode }).from(teams).where(eq(teams.id, team.teamId));
  await page.getByLabel("Have an invite code?").fill(new URL(`/join?code=${row.code.toLowerCase()}`, page.url()).toString());
  await page.getByRole("button", { name: "Find team" }).click();
  await expect(page.getByRole("button", { name: "Join team" })).toBeVisible();
});

test("joining by an invite page opened before joining another team in another tab says why beside the button", async ({ browser }) => {
  const setUp = await openEvent(unique("Two Tabs Hack"));
  const [first, second, newcomer] = [await createPerson("Fay First"), await createPerson("Sid Second"), await createPerson("Nia New")];
  const [a, b] = [await teamOf(setUp, first), await teamOf(setUp, second)];
  const [row] = await db.select({ code: teams.inviteCode }).from(teams).where(eq(teams.id, a.teamId));
  const page = await pageSignedInAs(browser, newcomer.email);
  await page.goto(`/join?code=${row.code}`);
  await waitForApp(page);
  // In another tab they join the other team meanwhile.
  const joined = await joinTeam({ id: b.teamId, eventId: setUp.event.id }, newcomer.id, setUp.event.maxTeamSize);
  expect(joined.ok).toBe(true);
  await page.getByRole("button", { name: "Join team" }).click();
  await expect(page.getByRole("alert")).toHaveText("You are already in a team for this event: one team per person per event.");
  await expect(page.getByRole("heading", { level: 1, name: /^Join / })).toBeVisible();
  await expectAccessible(page);
});

test("a problem retired while a team is being created is named beside the field", async ({ browser }) => {
  const setUp = await openEvent(unique("Retired Problem Hack"), { problems: ["Invoice disputes found late", "Slow month-end close"] });
  const page = await pageSignedInAs(browser, (await createPerson("Rae Late")).email);
  await page.goto(`${setUp.url}/teams/new`);
  await waitForApp(page);
  await page.getByLabel("Team name").fill(unique("Closers"));
  await page.getByLabel("Problem").selectOption({ label: "Slow month-end close" });
  // Picking a problem reads the page again for its past attempts; once that is done, the page holds the problem.
  await expect(page).toHaveURL(/[?&]problem=/);
  await expect(page.getByText("For the problem “Slow month-end close”")).toBeVisible();
  // The organizers retire that problem meanwhile.
  await db
    .update(problems)
    .set({ retiredAt: new Date() })
    .where(and(eq(problems.eventId, setUp.event.id), eq(problems.title, "Slow month-end close")));
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByLabel("Problem")).toHaveAccessibleDescription("“Slow month-end close” was retired since this page was opened. Pick another problem.");
  // The list no longer offers it, and the name typed stays.
  await expect(page.getByRole("option", { name: "Slow month-end close" })).toHaveCount(0);
  await expect(page.getByLabel("Team name")).toHaveValue(/Closers/);
  await expectAccessible(page);
  await page.getByLabel("Problem").selectOption({ label: "Invoice disputes found late" });
  await page.getByRole("button", { name: "Create team" }).click();
  await expectToast(page, "Team created. Share the invite link with your teammates.");
});

test("without JavaScript, creating a team after joining another in another tab says why and lists the name sent", async ({ browser }) => {
  const setUp = await openEvent(unique("No Script Team Hack"));
  const [lead, newcomer] = [await createPerson("Lou Lead"), await createPerson("Ned Noscript")];
  const other = await teamOf(setUp, lead);
  const page = await pageSignedInAs(browser, newcomer.email, { javaScriptEnabled: false });
  await page.goto(`${setUp.url}/teams/new`);
  const name = unique("Ledger Hounds");
  await page.getByLabel("Team name").fill(name);
  await page.getByLabel("Problem").selectOption({ index: 1 });
  // In another tab they join the other team meanwhile.
  expect((await joinTeam({ id: other.teamId, eventId: setUp.event.id }, newcomer.id, setUp.event.maxTeamSize)).ok).toBe(true);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("You are already in a team for this event")).toBeVisible();
  await expect(page.getByRole("region", { name: "What you sent" })).toContainText(`Team name: ${name}`);
});

// The invite-code form loads after the event page, and only for people who see it (ADR 058): a team's member never
// downloads its code, someone without a team does.
test("only people who may join a team download the invite-code form's code", async ({ browser }) => {
  const setUp = await openEvent(unique("Code Hackathon"));
  const lead = await createPerson("Lou Lead");
  const newcomer = await createPerson("Noor Newcomer");
  await teamOf(setUp, lead);
  const asked = async (email: string) => {
    const page = await pageSignedInAs(browser, email);
    const requests: string[] = [];
    page.on("request", (request) => {
      if (/\/assets\/join-by-code-[\w-]+\.js$/.test(request.url())) requests.push(request.url());
    });
    await page.goto(setUp.url);
    await expect(page.getByRole("heading", { level: 1, name: setUp.event.title })).toBeVisible();
    await waitForApp(page);
    return { page, requests };
  };
  // The chunk is asked for once the app runs: the newcomer's browser asks for it, once.
  const newcomerAsked = await asked(newcomer.email);
  await expect.poll(() => newcomerAsked.requests.length).toBe(1);
  await newcomerAsked.page.waitForLoadState("networkidle");
  expect(newcomerAsked.requests).toHaveLength(1);
  // The lead's never does: nothing more is asked for once the app runs and the network is quiet.
  const leadAsked = await asked(lead.email);
  await leadAsked.page.waitForLoadState("networkidle");
  expect(leadAsked.requests).toHaveLength(0);
});

test("moving a submitted entry to another problem asks first, naming both problems", async ({ browser }) => {
  const setUp = await openEvent(unique("Teams Hackathon"), { problems: ["Invoice disputes found late", "Slow month-end close"] });
  const member = await createPerson("Moe Mover");
  const { teamId } = await submittedEntry(setUp, member, "Dispute radar");
  const page = await pageSignedInAs(browser, member.email);
  await page.goto(`${setUp.url}/teams/${teamId}`);
  // The form starts on the team's own problem: pressed as it is, it changes nothing and says so.
  await page.getByRole("button", { name: "Change problem" }).click();
  await expectToast(page, "Your team already works on “Invoice disputes found late”: nothing changed.");
  await page.getByLabel("Change the problem").selectOption({ label: "Slow month-end close" });
  await page.getByRole("button", { name: "Change problem" }).click();
  await expect(page.getByRole("alert")).toContainText(
    `Move your submitted entry “Dispute radar” to “Slow month-end close”? Its AI metric, approach and answers were written for “Invoice disputes found late”`,
  );
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, change the problem" }).click();
  await expectToast(page, "Problem changed.");
  await expect(page.getByRole("region", { name: "Problem" }).getByRole("link", { name: "Slow month-end close" })).toBeVisible();
});

test("a member left in another tab: the lead's Remove says so beside the members, and the list catches up", async ({ browser }) => {
  const setUp = await openEvent(unique("Teams Hackathon"));
  const [lead, member] = [await createPerson("Lia Lead"), await createPerson("Max Member")];
  const { teamId, url } = await teamOf(setUp, lead, [member]);
  const page = await pageSignedInAs(browser, lead.email);
  await page.goto(url);
  await waitForApp(page);
  await expect(page.getByText("Members (2 of at most 5)")).toBeVisible();
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  await leaveTeam(team, member.id, { confirmed: true, typedName: "" });
  await page.getByRole("button", { name: "Remove Max Member from the team" }).click();
  const members = page.getByRole("region", { name: /^Members/ });
  await expect(members.getByRole("alert")).toHaveText("That person is not in this team.");
  await expect(page.getByText("Members (1 of at most 5)")).toBeVisible();
  await expect(members.getByRole("link", { name: "Max Member" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a team is renamed from its page, to a name no other team of the event has", async ({ browser }) => {
  const setUp = await openEvent(unique("Teams Hackathon"));
  const [lead, other] = [await createPerson("Rita Renamer"), await createPerson("Otto Other")];
  const team = await createTeam(setUp.event, lead.id, { name: unique("Ledger Lions"), problemId: setUp.problemId });
  if (!team.ok) throw new Error(team.message);
  const taken = unique("Queue Whisperers");
  const otherTeam = await createTeam(setUp.event, other.id, { name: taken, problemId: setUp.problemId });
  if (!otherTeam.ok) throw new Error(otherTeam.message);

  const rita = await pageSignedInAs(browser, lead.email);
  await rita.goto(`${setUp.url}/teams/${team.teamId}`);
  await rita.getByText("Rename the team").click();
  await rita.getByLabel("Team name").fill(taken);
  await rita.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(rita.getByText("Another team of this event has this name. Pick another.")).toBeVisible();
  await expect(rita.getByLabel("Team name")).toHaveValue(taken);
  await expectAccessible(rita);
  // The same name in other capitals is refused too, naming the team that has it.
  await rita.getByLabel("Team name").fill(taken.toUpperCase());
  await rita.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(rita.getByText(`Another team of this event is called “${taken}”. Pick a name that differs by more than capitals.`)).toBeVisible();
  const fresh = unique("Invoice Owls");
  await rita.getByLabel("Team name").fill(fresh);
  await rita.getByRole("button", { name: "Rename", exact: true }).click();
  await expectToast(rita, `The team is now called ${fresh}.`);
  await expect(rita.getByRole("heading", { level: 1, name: fresh })).toBeVisible();

  // Without JavaScript a name too long comes back in the box with the reason, to be shortened rather than retyped.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  await noScript.addCookies(await rita.context().cookies());
  const plain = await noScript.newPage();
  await plain.goto(`${setUp.url}/teams/${team.teamId}`);
  await plain.getByText("Rename the team").click();
  const long = "A team name that goes on and on, well past the sixty characters";
  await plain.getByLabel("Team name").fill(long);
  await plain.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(plain.getByText("Use at most 60 characters")).toBeVisible();
  await expect(plain.getByLabel("Team name")).toHaveValue(long);
  await noScript.close();
});

test("an invite link that stopped working while its page was open says so beside the button, not as an error page", async ({ browser }) => {
  const setUp = await openEvent(unique("Teams Hackathon"));
  const [lead, member, newcomer] = [await createPerson("Lou Lead"), await createPerson("Mo Member"), await createPerson("Nia Newcomer")];
  const { teamId } = await teamOf(setUp, lead, [member]);
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  const page = await pageSignedInAs(browser, newcomer.email);
  await page.goto(`/join?code=${team.inviteCode}`);
  await waitForApp(page);
  await expect(page.getByRole("heading", { name: `Join ${team.name}` })).toBeVisible();
  // A member leaves meanwhile, which gives the team a new code.
  await leaveTeam(team, member.id, { confirmed: true, typedName: "" });
  await page.getByRole("button", { name: "Join team" }).click();
  await expect(page.getByRole("alert")).toContainText("This invite link stopped working since you opened it");
  await expect(page.getByRole("heading", { name: `Join ${team.name}` })).toBeVisible();
  await expectAccessible(page);
});

test("moving to a problem retired while the team page was open names it, and the list drops it", async ({ browser }) => {
  const setUp = await openEvent(unique("Teams Hackathon"), { problems: ["Invoice disputes found late", "Slow month-end close"] });
  const member = await createPerson("Rae Retired");
  const { teamId } = await teamOf(setUp, member);
  const page = await pageSignedInAs(browser, member.email);
  await page.goto(`${setUp.url}/teams/${teamId}`);
  await waitForApp(page);
  await page.getByLabel("Change the problem").selectOption({ label: "Slow month-end close" });
  // The organizers retire it meanwhile.
  await db
    .update(problems)
    .set({ retiredAt: new Date() })
    .where(and(eq(problems.eventId, setUp.event.id), eq(problems.title, "Slow month-end close")));
  await page.getByRole("button", { name: "Change problem" }).click();
  await expect(page.getByText("“Slow month-end close” was retired since this page was opened. Pick another problem.")).toBeVisible();
  await expect(page.getByLabel("Change the problem").locator("option", { hasText: "Slow month-end close" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a lead's step from a tab read before the lead was handed over is said beside the members, not as an error page", async ({ browser }) => {
  const setUp = await openEvent(unique("Teams Hackathon"));
  const [lead, member] = [await createPerson("Ola Oldlead"), await createPerson("Nat Newlead")];
  const { teamId, url } = await teamOf(setUp, lead, [member]);
  const page = await pageSignedInAs(browser, lead.email);
  await page.goto(url);
  await waitForApp(page);
  // In another tab, the lead hands the lead to Nat.
  expect(await handOverLead(teamId, member.id, { confirmed: true, typedName: "" })).toEqual({ ok: true });
  await page.getByRole("button", { name: "Remove Nat Newlead from the team" }).click();
  const members = page.getByRole("region", { name: /^Members/ });
  await expect(members.getByRole("alert")).toHaveText("Only the team lead can do that. The lead was handed over since this page was opened.");
  // Read again: the buttons only a lead has are gone.
  await expect(members.getByRole("button", { name: "Remove Nat Newlead from the team" })).toHaveCount(0);
  await expectAccessible(page);
});
