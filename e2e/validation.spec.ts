import { expect } from "@playwright/test";
import { DAY, DRAFT_SAVED, expectAccessible, expectToast, localInput, signIn, signUp, test, unique, waitForApp } from "./helpers";

test("sign-up and sign-in show errors next to the fields", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Val Idation");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@company.com")).toBeVisible();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // An email that already has an account gets the same answer as a new one (ADR 028; e2e/email-verification.spec.ts).
  await page.getByLabel("Work email").fill("organizer@example.com");
  await page.getByLabel("Password").fill("a-long-enough-passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("Email").fill("organizer@example.com");
  await page.getByLabel("Password").fill("wrong-password-entirely");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");
  await expectAccessible(page);
});

test("with JavaScript, a form's check arrives after the page and then answers without the server", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await page.goto("/signup");
  // The schemas come in a chunk of their own, asked for when the form's module runs, before hydration ends (ADR 043):
  // once the app runs and the network is quiet they are in.
  await waitForApp(page);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Work email").blur();
  await expect(page.getByText("Enter a valid email address, like name@company.com")).toBeVisible();
  await page.getByLabel("Work email").fill("val@example.com");
  await expect(page.getByText("Enter a valid email address, like name@company.com")).toHaveCount(0);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByText("Enter a password")).toBeVisible();
  expect(posts).toEqual([]);
  await expectAccessible(page);
});

test("event and problem forms refuse bad input and keep what was typed", async ({ page }) => {
  await signIn(page, "organizer@example.com");
  const title = unique("Validation Event");
  await page.goto("/events/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Starts").fill(localInput(DAY));
  await page.getByLabel("Submission deadline").fill(localInput(3 * DAY));
  await page.getByLabel("Judging deadline").fill(localInput(2 * DAY));
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText("The judging deadline must be after the submission deadline")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expectAccessible(page);

  // A start typed in the hour the clocks skip in spring is refused beside it, not saved an hour later.
  await page.getByLabel("Timezone").selectOption("Europe/Berlin");
  await page.getByLabel("Starts").fill("2031-03-30T02:30");
  await page.getByLabel("Submission deadline").fill("2031-04-02T18:00");
  await page.getByLabel("Judging deadline").fill("2031-04-05T18:00");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByLabel("Starts")).toHaveAccessibleDescription(/02:30 on 30 March 2031 does not happen in Europe\/Berlin.*such as 03:30/);
  await expect(page.getByLabel("Starts")).toHaveValue("2031-03-30T02:30");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await page.goto("/");
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);

  // Dates that have all passed: teams could never submit, so the deadline is refused beside it.
  await page.goto("/events/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Starts").fill("2026-05-01T09:00");
  await page.getByLabel("Submission deadline").fill("2026-05-20T17:00");
  await page.getByLabel("Judging deadline").fill("2026-05-30T17:00");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByLabel("Submission deadline")).toHaveAccessibleDescription(
    /That time has passed, so teams could never submit: pick a deadline in the future/,
  );
  await expect(page.getByLabel("Title")).toHaveValue(title);

  // Fix it and create the event, then submit an empty problem.
  await page.goto("/events/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Starts").fill(localInput(DAY));
  await page.getByLabel("Submission deadline").fill(localInput(2 * DAY));
  await page.getByLabel("Judging deadline").fill(localInput(3 * DAY));
  await page.getByRole("button", { name: "Create event" }).click();
  await expectToast(page, "Event created as a draft");
  await page.getByRole("link", { name: "Add a problem" }).click();
  await page.getByLabel("Title").fill("Half a problem");
  await page.getByRole("button", { name: "Add problem" }).click();
  await expect(page.getByText("Enter who has the problem")).toBeVisible();
  await expect(page.getByText("Enter the AI metric that would show progress")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Half a problem");
  await expectAccessible(page);

  // Adding a judge who has no account explains what to do.
  await page.goBack();
  await page.getByLabel("Add a judge by email").fill("nobody-here@example.com");
  await page.getByRole("button", { name: "Add judge" }).click();
  await expect(
    page.getByText("No account has this email. Use “Invite by email” on the Judges and assignments page: the invite reaches them before they sign up."),
  ).toBeVisible();
  await expectAccessible(page);
});

test("an incomplete entry is refused on submit while the saved draft stays intact", async ({ page }) => {
  await signUp(page, "Drafty Participant");
  await page.goto("/events/winter-ai-hackathon");
  await page.getByLabel("Have an invite code?").fill("abc");
  await page.getByRole("button", { name: "Find team" }).click();
  await expect(page.getByText("An invite code has 8 letters and digits")).toBeVisible();
  await page.getByLabel("Have an invite code?").fill("ZZZZZZZZ");
  await page.getByRole("button", { name: "Find team" }).click();
  await expect(page.getByText("No team has this invite code. Check it with whoever sent it.")).toBeVisible();
  await expectAccessible(page);
  await page.goto("/events/winter-ai-hackathon");
  await page.getByRole("link", { name: "Create a team" }).click();
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Enter a team name")).toBeVisible();
  await expect(page.getByText("Pick the problem your team works on")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Team name").fill(unique("Drafters"));
  await page.getByLabel("Problem").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Create team" }).click();
  await page.getByRole("link", { name: "Work on the entry" }).click();

  await page.getByLabel("Title").fill("Saved draft title");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expectToast(page, DRAFT_SAVED);

  await page.getByLabel("Demo link").fill("not a link");
  await page.getByRole("button", { name: "Submit entry" }).click();
  await expect(page.getByText("Enter a full link starting with https:// or http://", { exact: true })).toBeVisible();
  await expect(page.getByText("Say what did not work")).toBeVisible();
  await expect(page.getByText("Pick the root cause", { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByLabel("Title")).toHaveValue("Saved draft title");
  await expect(page.getByLabel("Demo link")).toHaveValue("");
  await expect(page.getByText("Draft: save any time")).toBeVisible();
});

test("a judge of a closed event is told why scoring is closed", async ({ page }) => {
  await signIn(page, "judge@example.com");
  // The seeded past event is closed: scoring it is refused with a reason, not a crash.
  await page.goto("/events/autumn-ai-hackathon-2026/judging");
  await expect(page.getByText("Scores can be given only while the event is in judging.")).toBeVisible();
  await expectAccessible(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("forms still post, validate on the server and show field errors", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("organizer@example.com");
    await page.getByLabel("Password").fill("wrong-password-entirely");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");

    await page.getByLabel("Password").fill("problem-first-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText("Omar Organizer");

    await page.goto("/events/new");
    await page.getByLabel("Title").fill("No");
    await page.getByRole("button", { name: "Create event" }).click();
    await expect(page.getByText("Use at least 3 characters")).toBeVisible();
    await expect(page.getByText("Enter the start time")).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("No");
  });
});
