import { expect } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { emailChanges, outbox, sessions } from "#db/schema";
import { db } from "~/db.server";
import { createAccount } from "~/modules/auth/accounts.server";
import { createPerson, openEvent, pageSignedInAs, startJudging, teamOf, type Person } from "./fixtures";
import { expectAccessible, expectToast, holdScripts, PASSWORD, signIn, unique, test, waitForApp } from "./helpers";
import { mailTo } from "./mail";

/** A member whose address has no place a browser would break it by itself. */
async function personWithLongEmail(): Promise<Person> {
  const email = `${unique("bartholomew.maximilian.wolfeschlegelsteinhausen.bergerdorff")}@research-and-development.example.com`;
  const created = await createAccount({ name: "Bart Long", email, password: PASSWORD });
  if (!created.ok) throw new Error(created.message);
  return { id: created.userId, email, name: "Bart Long" };
}

test("the account page fits a phone with a long email and lists the person's role in each event", async ({ browser }) => {
  const person = await personWithLongEmail();
  // Judge in one event, team lead in a second, team member in a third.
  const judged = await openEvent(unique("Judged Hack"));
  await startJudging(judged, [person]);
  const led = await openEvent(unique("Led Hack"));
  await teamOf(led, person);
  const joined = await openEvent(unique("Joined Hack"));
  await teamOf(joined, await createPerson("Lena Lead"), [person]);

  const page = await pageSignedInAs(browser, person.email);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/account");
  await expect(page.getByText(person.email)).toBeVisible();
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways).toBe(0);

  // No global "Member" badge: the header link names the account, the page names the roles per event.
  const header = page.getByTestId("signed-in-as");
  await expect(header).toHaveAccessibleName("Your account: Bart Long");
  await expect(header).not.toContainText("Member");
  const events = page.getByRole("region", { name: "Your events" });
  const row = (title: string) => events.getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await expect(row(judged.event.title)).toContainText("Judge");
  await expect(row(judged.event.title).getByRole("link", { name: `Judging queue: ${judged.event.title}` })).toBeVisible();
  await expect(row(led.event.title)).toContainText(/Team lead of /);
  await expect(row(joined.event.title)).toContainText(/Team member of /);
  await expectAccessible(page);

  await row(led.event.title)
    .getByRole("link", { name: `Your team: ${led.event.title}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`${led.url}/teams/`));
});

test("the header shows a site role only where it grants something", async ({ browser }) => {
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto("/account");
  await expect(organizer.getByTestId("signed-in-as")).toContainText("Organizer");
  await expect(organizer.getByText("Organizer: You can create events.")).toBeVisible();
  await expect(organizer.getByRole("region", { name: "Your events" })).toContainText("Organizer");
  await expectAccessible(organizer);
});

test("a person changes the name others see, and skills are kept as the portfolio lists them", async ({ browser }) => {
  const person = await createPerson("Sam Typo");
  const page = await pageSignedInAs(browser, person.email);
  await page.goto("/account");
  await expect(page.getByLabel("Name")).toHaveValue("Sam Typo");
  // A blank name is refused beside the field, with the rest kept.
  await page.getByLabel("Name").fill(" ");
  await page.getByLabel("Skills").fill("SQL,, python ; SQL");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByLabel("Skills")).toHaveValue("SQL,, python ; SQL");
  await page.getByLabel("Name").fill("Sam Tippett");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveAccessibleName("Your account: Sam Tippett");
  await expect(page.getByLabel("Skills")).toHaveValue("SQL, python");
  await expectAccessible(page);
  // Saving another section of the page leaves a profile being typed as it is.
  await page.getByLabel("Skills").fill("SQL, python, dbt");
  await page.getByRole("button", { name: "Save email preferences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Email preferences saved." })).toBeVisible();
  await expect(page.getByLabel("Skills")).toHaveValue("SQL, python, dbt");
  await page.getByRole("link", { name: "your portfolio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sam Tippett" })).toBeVisible();
});

test("a person signs out every other browser from the account page, after a confirm step, and stays signed in here", async ({ browser }) => {
  const person = await createPerson("Sia Sessions");
  const elsewhere = await pageSignedInAs(browser, person.email);
  await elsewhere.goto("/account");
  const page = await pageSignedInAs(browser, person.email);
  await page.goto("/account");
  const sessions = page.getByRole("region", { name: "Where you are signed in" });
  await expect(sessions).toContainText("On this browser and 1 other browser or device.");
  await sessions.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(sessions.getByRole("alert")).toHaveText("Sign out of 1 other browser? This browser stays signed in.");
  await expectAccessible(page);
  // Keeping changes nothing.
  await sessions.getByRole("link", { name: "Stay signed in everywhere" }).click();
  await elsewhere.reload();
  await expect(elsewhere.getByRole("heading", { name: "Your account" })).toBeVisible();

  await sessions.getByRole("button", { name: "Sign out everywhere else" }).click();
  await sessions.getByRole("button", { name: "Yes, sign out everywhere else" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Signed out of 1 other browser. This browser stays signed in." })).toBeVisible();
  await expect(sessions).toContainText("Only on this browser.");
  await expect(sessions.getByRole("button", { name: "Sign out everywhere else" })).toHaveCount(0);

  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/login/);
  await expect(elsewhere.getByText("Sign in to see that page: you are not signed in, or your session has ended.")).toBeVisible();
});

test("what a person typed before a save found them signed out comes back after signing in again", async ({ browser }) => {
  const person = await createPerson("Kim Kept");
  const laptop = await pageSignedInAs(browser, person.email);
  await laptop.goto("/account");
  await waitForApp(laptop);
  await expect(laptop.getByLabel("Name")).toHaveValue("Kim Kept");
  await laptop.getByLabel("Skills").fill("forecasting, SQL");
  await laptop.getByLabel("Name").fill("Kim Keeper");

  // Meanwhile, on another browser, they sign out everywhere else.
  const phone = await pageSignedInAs(browser, person.email);
  await phone.goto("/account");
  const sessions = phone.getByRole("region", { name: "Where you are signed in" });
  await sessions.getByRole("button", { name: "Sign out everywhere else" }).click();
  await sessions.getByRole("button", { name: "Yes, sign out everywhere else" }).click();
  await expectToast(phone, "Signed out of 1 other browser.");
  // …and change their name there: a save made meanwhile is never overwritten by what the laptop kept.
  await phone.getByLabel("Name").fill("Kim from the phone");
  await phone.getByRole("button", { name: "Save profile" }).click();
  await expectToast(phone, "Profile saved.");

  // The laptop's save finds the session ended: sign in again, and the typing is back, not saved yet.
  await laptop.getByRole("button", { name: "Save profile" }).click();
  await expect(laptop.getByText("Sign in to see that page: you are not signed in, or your session has ended.")).toBeVisible();
  await laptop.getByLabel("Email").fill(person.email);
  await laptop.getByLabel("Password").fill(PASSWORD);
  await laptop.getByRole("button", { name: "Sign in" }).click();
  await expect(laptop.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expectToast(
    laptop,
    "Your session had ended, so your last change was not saved. What you typed is back in the form below, except where the saved text changed meanwhile: check it and save again.",
  );
  await expect(laptop.getByLabel("Name")).toHaveValue("Kim from the phone");
  await expect(laptop.getByLabel("Skills")).toHaveValue("forecasting, SQL");
  await expectAccessible(laptop);
  await laptop.getByRole("button", { name: "Save profile" }).click();
  await expectToast(laptop, "Profile saved.");
  await expect(laptop.getByTestId("signed-in-as")).toHaveAccessibleName("Your account: Kim from the phone");
  // Kept once: a reload shows what is saved, with no message.
  await laptop.reload();
  await expect(laptop.getByLabel("Skills")).toHaveValue("forecasting, SQL");
  await expect(laptop.getByText("What you typed is back")).toHaveCount(0);
});

test("typing done before the page's script arrived is kept too when the save finds the session ended", async ({ browser }) => {
  const person = await createPerson("Sol Slow");
  const page = await pageSignedInAs(browser, person.email);
  const scriptsArrive = await holdScripts(page);
  await page.goto("/account", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Skills").fill("survey design");
  await scriptsArrive();
  // The session ends (expired, or signed out elsewhere) before the save.
  await db.delete(sessions).where(eq(sessions.userId, person.id));
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Sign in to see that page: you are not signed in, or your session has ended.")).toBeVisible();
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "What you typed is back in the form below" })).toBeVisible();
  await expect(page.getByLabel("Skills")).toHaveValue("survey design");
});

test("a person changes their email address through a link mailed to the new one, and signs in with it", async ({ browser }) => {
  const person = await createPerson("Ed Mover");
  const newEmail = unique("ed.moved").toLowerCase() + "@example.com";
  const page = await pageSignedInAs(browser, person.email);
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Email address" });
  await expect(section).toContainText(`You sign in and get mail as ${person.email}.`);
  // A wrong password is refused beside its field, and the new address stays typed.
  await section.getByLabel("New email address").fill(newEmail);
  await section.getByLabel("Your password").fill("not my password");
  await section.getByRole("button", { name: "Send the link to the new address" }).click();
  await expect(section.getByText("That is not your current password.")).toBeVisible();
  await expect(section.getByLabel("New email address")).toHaveValue(newEmail);
  await section.getByLabel("Your password").fill(PASSWORD);
  await section.getByRole("button", { name: "Send the link to the new address" }).click();
  await expectToast(page, `We sent a link to ${newEmail}. Your address changes when you open it.`);
  await expect(section.getByRole("status")).toContainText(`Waiting for you to open the link we sent to ${newEmail}`);
  await expectAccessible(page);
  // Another account's address is refused beside the field, after the password.
  await section.getByLabel("New email address").fill("participant@example.com");
  await section.getByLabel("Your password").fill(PASSWORD);
  await section.getByRole("button", { name: "Send the link to the new address" }).click();
  await expect(section.getByText("Another account uses that address. Sign in to it instead, or choose another.")).toBeVisible();

  // The old address is told; the new one gets the link.
  const [notice] = await mailTo(person.email, "Your Problem First email address is being changed");
  expect(notice.text).toContain(newEmail);
  const [mail] = await mailTo(newEmail, "Confirm your new email for Problem First");
  const link = mail.text!.match(/http:\/\/\S+\/email-change\/[\w-]+/)![0];
  await page.goto(link);
  await expect(page.getByText(`Change the email address of Ed Mover's account to ${newEmail}?`)).toBeVisible();
  await page.getByRole("button", { name: "Change my email address" }).click();
  await expectToast(page, `Your email address is now ${newEmail}.`);
  await expect(section).toContainText(`You sign in and get mail as ${newEmail}.`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, newEmail, PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toHaveAccessibleName("Your account: Ed Mover");
  // Opened again, the link says it did its work.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Your email address is changed" })).toBeVisible();
  await expect(page.getByText(`the account's address is ${newEmail}`)).toBeVisible();
});

test("a change of email address waiting for its link can be cancelled, and the link then does nothing", async ({ browser }) => {
  const person = await createPerson("Cy Canceller");
  const newEmail = unique("cy.new").toLowerCase() + "@example.com";
  const page = await pageSignedInAs(browser, person.email, { javaScriptEnabled: false });
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Email address" });
  await section.getByLabel("New email address").fill(newEmail);
  await section.getByLabel("Your password").fill(PASSWORD);
  await section.getByRole("button", { name: "Send the link to the new address" }).click();
  await expect(section.getByRole("status")).toContainText(`Waiting for you to open the link we sent to ${newEmail}`);
  await section.getByRole("button", { name: "Cancel the change" }).click();
  await expect(page.getByText("Change of address cancelled: the link we sent no longer works.")).toBeVisible();
  await expect(section.getByRole("status")).toHaveCount(0);
  const [mail] = await mailTo(newEmail, "Confirm your new email for Problem First");
  await page.goto(new URL(mail.text!.match(/http:\/\/\S+\/email-change\/[\w-]+/)![0]).pathname);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});

test("the notice of a change of address leads its signed-in owner to a new password, which cancels the change", async ({ browser }) => {
  const person = await createPerson("Vi Victim");
  const newEmail = unique("vi.taken").toLowerCase() + "@example.com";
  const page = await pageSignedInAs(browser, person.email);
  await page.goto("/account");
  await waitForApp(page);
  const section = page.getByRole("region", { name: "Email address" });
  await section.getByLabel("New email address").fill(newEmail);
  await section.getByLabel("Your password").fill(PASSWORD);
  await section.getByRole("button", { name: "Send the link to the new address" }).click();
  await expect(section.getByRole("status")).toContainText(`Waiting for you to open the link we sent to ${newEmail}`);
  // The notice to the old address: "Not you? Choose a new password".
  const [notice] = await mailTo(person.email, "Your Problem First email address is being changed");
  await page.goto(new URL(notice.text!.match(/http:\/\/\S+\/forgot-password/)![0]).pathname);
  await expect(page).toHaveURL(/\/account#password-h$/);
  await waitForApp(page);
  const password = page.getByRole("form", { name: "Change password" });
  await password.getByLabel("Current password").fill(PASSWORD);
  await password.getByLabel("New password").fill("tangerine-octopus-violin-41");
  await password.getByRole("button", { name: "Change password" }).click();
  await expectToast(page, `The change of address to ${newEmail} was cancelled: ask again if it was yours.`);
  await expect(section.getByRole("status")).toHaveCount(0);
  await expectAccessible(page);
});

test("the sign-out question counts the browsers signed in when it is asked, and says when none is left", async ({ browser }) => {
  const person = await createPerson("Cal Count");
  const first = await pageSignedInAs(browser, person.email);
  const page = await pageSignedInAs(browser, person.email);
  await page.goto("/account");
  const sessions = page.getByRole("region", { name: "Where you are signed in" });
  await expect(sessions).toContainText("On this browser and 1 other browser or device.");
  // Another browser signs in after the page was read: the question counts it.
  const second = await pageSignedInAs(browser, person.email);
  await sessions.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(sessions.getByRole("alert")).toHaveText("Sign out of 2 other browsers? This browser stays signed in.");
  await expect(sessions).toContainText("On this browser and 2 other browsers or devices.");
  await sessions.getByRole("link", { name: "Stay signed in everywhere" }).click();
  await expect(sessions.getByRole("alert")).toHaveCount(0);

  // Both sign out by themselves; the page still offers to sign them out, and says there is nobody left to.
  for (const other of [first, second]) {
    await other.goto("/account");
    await other.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(other).toHaveURL(/\/login$/);
  }
  await sessions.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expectToast(page, "Only this browser is signed in now.");
  await expect(sessions).toContainText("Only on this browser.");
  await expect(sessions.getByRole("button", { name: "Sign out everywhere else" })).toHaveCount(0);
});

test("two tabs of the account page keep each other's saves of the profile and the email preferences", async ({ browser }) => {
  const person = await createPerson("Tia Tabs");
  const one = await pageSignedInAs(browser, person.email);
  await one.goto("/account");
  const two = await one.context().newPage();
  await two.goto("/account");
  await waitForApp(one);
  await waitForApp(two);

  await one.getByLabel("Headline").fill("Analyst, Finance operations");
  await one.getByRole("button", { name: "Save profile" }).click();
  await expectToast(one, "Profile saved.");
  // The second tab, read before that save, adds skills: the headline saved in the first stays.
  await two.getByLabel("Skills").fill("SQL, forecasting");
  await two.getByRole("button", { name: "Save profile" }).click();
  await expectToast(two, "Profile saved.");
  await expect(two.getByLabel("Headline")).toHaveValue("Analyst, Finance operations");
  await expect(two.getByLabel("Skills")).toHaveValue("SQL, forecasting");

  const preferences = (tab: typeof one) => tab.getByRole("region", { name: "Email notifications" });
  await preferences(one).getByLabel("Announcements from organizers").uncheck();
  await preferences(one).getByRole("button", { name: "Save email preferences" }).click();
  await expectToast(one, "Email preferences saved.");
  // The second tab still shows announcements ticked; unticking another kind there keeps the first tab's choice.
  await expect(preferences(two).getByLabel("Announcements from organizers")).toBeChecked();
  await preferences(two).getByLabel("Someone joined your team").uncheck();
  await preferences(two).getByRole("button", { name: "Save email preferences" }).click();
  await expectToast(two, "Email preferences saved.");
  await expect(preferences(two).getByLabel("Announcements from organizers")).not.toBeChecked();
  await expect(preferences(two).getByLabel("Someone joined your team")).not.toBeChecked();
  await expect(preferences(two).getByLabel("You were made a judge")).toBeChecked();
  await expectAccessible(two);
});

test("asking again for the same new address within a minute, from another tab, sends no second link or notice", async ({ browser }) => {
  const person = await createPerson("Dee Double");
  const newEmail = unique("dee.new").toLowerCase() + "@example.com";
  const one = await pageSignedInAs(browser, person.email);
  await one.goto("/account");
  const two = await one.context().newPage();
  await two.goto("/account");
  for (const tab of [one, two]) {
    await waitForApp(tab);
    const section = tab.getByRole("region", { name: "Email address" });
    await section.getByLabel("New email address").fill(newEmail);
    await section.getByLabel("Your password").fill(PASSWORD);
    await section.getByRole("button", { name: "Send the link to the new address" }).click();
    await expectToast(tab, `We sent a link to ${newEmail}. Your address changes when you open it.`);
    await expect(section.getByRole("status")).toContainText(`Waiting for you to open the link we sent to ${newEmail}`);
  }
  await mailTo(newEmail, "Confirm your new email for Problem First");
  await mailTo(person.email, "Your Problem First email address is being changed");
  expect(await db.select().from(emailChanges).where(eq(emailChanges.userId, person.id))).toHaveLength(1);
  expect(await db.select().from(outbox).where(eq(outbox.toEmail, newEmail))).toHaveLength(1);
  expect(
    await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toEmail, person.email.toLowerCase()), eq(outbox.kind, "email-change"))),
  ).toHaveLength(1);
});
