import { expect } from "@playwright/test";
import { createResetLink } from "~/modules/auth/password-reset.server";
import { createPerson, openEvent, pageSignedInAs } from "./fixtures";
import { expectAccessible, expectToast, newPage, PASSWORD, unique, test } from "./helpers";
import { mailsTo, mailTo } from "./mail";

// The e2e server mails through SMTP to E2E_SMTP_PORT (playwright.config.ts), to the run's real SMTP
// receiver (e2e/mail.ts).
const NEW_PASSWORD = "copper kettle hums at dawn";

// A whole journey across four browsers with axe on five pages: more than the default budget on a busy 2-core machine.
test.setTimeout(300_000);

test("a participant resets a forgotten password through the mail; other sessions end; the admin sees the mail in the outbox", async ({ browser }) => {
  const person = await createPerson("Riley Reset");
  const elsewhere = await pageSignedInAs(browser, person.email);
  await elsewhere.goto("/account");
  await expect(elsewhere.getByRole("heading", { name: "Your account" })).toBeVisible();

  const page = await newPage(browser);
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses that address" })).toBeVisible();
  await expectAccessible(page);

  // The app's sender delivers it within seconds over SMTP.
  const [mail] = await mailTo(person.email, "Reset your Problem First password");
  const link = mail.text!.match(/http:\/\/\S+\/reset-password\/[\w-]+/)![0];
  expect(link.startsWith(process.env.E2E_BASE_URL!)).toBe(true);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectAccessible(page);
  // The sign-up strength rule holds here too.
  await page.getByLabel("New password").fill("riley reset 2026!");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Do not use your name in your password.")).toBeVisible();
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expectToast(page, "Password changed. You are signed in here and signed out everywhere else.");
  await expect(page.getByTestId("signed-in-as")).toContainText("Riley Reset");

  // The other browser's session ended; the link works only once.
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await expectAccessible(page);

  // The old password is gone, the new one signs in.
  const fresh = await newPage(browser);
  await fresh.goto("/login");
  await fresh.getByLabel("Email").fill(person.email);
  await fresh.getByLabel("Password").fill(PASSWORD);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh.getByText("That email and password do not match an account.")).toBeVisible();
  await fresh.getByLabel("Password").fill(NEW_PASSWORD);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh.getByTestId("signed-in-as")).toContainText("Riley Reset");

  const admin = await pageSignedInAs(browser, "admin@example.com");
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "Outbox", exact: true }).first().click();
  await expect(admin.getByRole("heading", { name: "Outbox", level: 1 })).toBeVisible();
  const message = admin.getByRole("listitem").filter({ hasText: person.email });
  await expect(message.getByRole("heading", { name: "Reset your Problem First password" })).toBeVisible();
  await expect(message.getByText("Sent", { exact: true })).toBeVisible();
  await message.getByText("Text of the message").click();
  await expect(message.getByText(link)).toBeVisible();
  await expectAccessible(admin);
});

test("an organizer adds a judge on the Manage page and the judge gets a mail with the event's link", async ({ browser }) => {
  const setUp = await openEvent(unique("Mail Hack"));
  const judge = await createPerson("Mira Mailjudge");
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/manage`);
  await organizer.getByLabel("Add a judge by email").fill(judge.email);
  await organizer.getByRole("button", { name: "Add judge" }).click();
  await expectToast(organizer, "Mira Mailjudge is now a judge of this event.");
  // The field starts afresh once the judge is added.
  await expect(organizer.getByLabel("Add a judge by email")).toHaveValue("");

  const subject = `You are a judge of ${setUp.event.title}`;
  const [mail] = await mailTo(judge.email, subject);
  expect(mail.text).toContain(`${process.env.E2E_BASE_URL}/events/${setUp.event.slug}`);
  // The raw List-Unsubscribe line (mailparser folds List-* headers into one object).
  expect(mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line).toMatch(/\/unsubscribe\//);

  // Adding them again is refused and mails nothing more.
  await organizer.getByLabel("Add a judge by email").fill(judge.email);
  await organizer.getByRole("button", { name: "Add judge" }).click();
  await expect(organizer.getByText("Mira Mailjudge is already a judge of this event.")).toBeVisible();
  await expect(organizer.getByLabel("Add a judge by email")).toHaveValue(judge.email);
  await expectAccessible(organizer);
  expect(await mailsTo(judge.email, subject)).toHaveLength(1);
});

test("without JavaScript, a reset link sets the password", async ({ browser }) => {
  const person = await createPerson("Noel Noscript");
  const link = await createResetLink(person.id, process.env.E2E_BASE_URL!);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(link!.url);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expectToast(page, "Password changed. You are signed in here and signed out everywhere else.");
  await expect(page.getByTestId("signed-in-as")).toContainText("Noel Noscript");
});
