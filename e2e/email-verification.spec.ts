import { expect } from "@playwright/test";
import { createAccount } from "~/modules/auth/accounts.server";
import { eq } from "drizzle-orm";
import { teams } from "#db/schema";
import { db } from "~/db.server";
import { createPerson, openEvent, pageSignedInAs, teamOf } from "./fixtures";
import { expectAccessible, expectToast, newPage, PASSWORD, signIn, unique, test } from "./helpers";
import { mailsTo, mailTo } from "./mail";

// Email confirmation after a password sign-up (ADR 028), with the mail caught by the run's real SMTP
// receiver on E2E_SMTP_PORT, where the e2e server sends it (e2e/mail.ts).
test.setTimeout(300_000);

const CHECK = "We sent a link to confirm your address. If the address already has an account, its owner got an email on how to sign in instead.";
const linkIn = (text: string) => text.match(/http:\/\/\S+\/verify-email\/[\w-]+/)![0];

test("a person signs up, browses unconfirmed, sends the link again, opens the mailed link and can then take part", async ({ browser }) => {
  const setUp = await openEvent(unique("Confirm Hack"));
  const email = `${unique("casey")}@example.com`;
  const page = await newPage(browser);
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Casey Confirm");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(CHECK);
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await expectAccessible(page);

  // Unconfirmed: may sign in and browse, sees the banner, cannot create or join a team.
  await signIn(page, email, PASSWORD);
  const banner = page.getByRole("region", { name: "Confirm your email" });
  await expect(banner).toBeVisible();
  await page.goto(setUp.url);
  await expect(page.getByText("Confirm your email address first: open the link we mailed you")).toBeVisible();
  await expect(page.getByRole("link", { name: "Create a team" })).toHaveCount(0);
  await expectAccessible(page);

  await mailTo(email, "Confirm your email for Problem First");
  await banner.getByRole("button", { name: "Send the link again" }).click();
  await expectToast(page, `We sent a new link to ${email}. It works once, for 48 hours.`);
  await expect(page).toHaveURL(new RegExp(`${setUp.url}$`));
  const [first, second] = await mailTo(email, "Confirm your email for Problem First", 2);
  expect(first.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(false);
  const link = linkIn(second.text!);
  expect(link.startsWith(process.env.E2E_BASE_URL!)).toBe(true);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your email", level: 1 })).toBeVisible();
  await expect(page.getByText(`Confirm that ${email} is your address.`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expectToast(page, "Email address confirmed. You can join teams now.");
  await expect(banner).toHaveCount(0);
  await page.goto(setUp.url);
  await expect(page.getByRole("link", { name: "Create a team" })).toBeVisible();

  // Each link works once, and using one spends the others.
  for (const used of [link, linkIn(first.text!)]) {
    await page.goto(used);
    await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
    // Signed in and confirmed, there is nothing left to do: no "send the link again".
    await expect(page.getByText("Your email address is already confirmed: there is nothing left to do.")).toBeVisible();
    await expect(page.getByText("Send the link again")).toHaveCount(0);
  }
  await expectAccessible(page);
});

test("invited by a team's link, a new person signs up, confirms the mailed link, signs in and lands on the invite", async ({ browser }) => {
  const setUp = await openEvent(unique("Invite Hack"));
  const team = await teamOf(setUp, await createPerson("Lars Lead"));
  const [{ inviteCode, name: teamName }] = await db.select({ inviteCode: teams.inviteCode, name: teams.name }).from(teams).where(eq(teams.id, team.teamId));
  const email = `${unique("nell")}@example.com`;
  const page = await newPage(browser);
  await page.goto(`/join?code=${inviteCode}`);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill("Nell Newcomer");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  // The mailed link carries the invite on: after confirming, sign-in leads to it.
  const [mail] = await mailTo(email, "Confirm your email for Problem First");
  const link = mail.text!.match(/http:\/\/\S+\/verify-email\/\S+/)![0];
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expectToast(page, "Email address confirmed. Sign in to join a team.");
  // The toast says why they are here; not also that a session ended, which they never had.
  await expect(page.getByText("Sign in to see that page")).toHaveCount(0);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Join ${teamName}` })).toBeVisible();
  await page.getByRole("button", { name: "Join team" }).click();
  await expectToast(page, `You joined ${teamName}.`);
});

test("signing up with an address that has an account shows the same page and mails its owner instead", async ({ browser }) => {
  const owner = await createPerson("Owen Owner");
  const page = await newPage(browser);
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Work email").fill(owner.email);
  await page.getByLabel("Password").fill("another long passphrase here");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(CHECK);
  await expectAccessible(page);

  const [mail, ...more] = await mailTo(owner.email, "Someone tried to sign up with your email");
  expect(more).toHaveLength(0);
  expect(mail.text).toContain("Hello Owen Owner,");
  expect(mail.text).toContain(`${process.env.E2E_BASE_URL}/forgot-password`);
  expect(await mailsTo(owner.email, "Confirm your email for Problem First")).toHaveLength(0);

  // The owner's password still signs in.
  const owners = await newPage(browser);
  await signIn(owners, owner.email, PASSWORD);
  await expect(owners.getByRole("region", { name: "Confirm your email" })).toHaveCount(0);
});

test("admins see which accounts have not confirmed their address", async ({ browser }) => {
  const email = `${unique("pending")}@example.com`;
  await createAccount({ name: "Penny Pending", email, password: PASSWORD, emailVerified: false });
  const admin = await pageSignedInAs(browser, "admin@example.com");
  await admin.goto("/admin/users");
  const row = admin.getByRole("row").filter({ hasText: email });
  await expect(row.getByText("Email not confirmed")).toBeVisible();
  await expect(admin.getByRole("row").filter({ hasText: "participant@example.com" }).getByText("Email not confirmed")).toHaveCount(0);
});

test("on a 390 px phone without JavaScript: the banner fits, sends the link again, and the link confirms", async ({ browser }) => {
  const email = `${unique("phone")}@example.com`;
  await createAccount({ name: "Pia Phone", email, password: PASSWORD, emailVerified: false });
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  const banner = page.getByRole("region", { name: "Confirm your email" });
  await expect(banner).toBeVisible();
  // The explanation has a line of its own under the heading, not a narrow column beside it.
  const heading = (await banner.getByRole("heading").boundingBox())!;
  const text = (await banner.getByText("Open the link we sent to").boundingBox())!;
  expect(text.y).toBeGreaterThanOrEqual(heading.y + heading.height);
  expect(text.width).toBeGreaterThan(300);
  // (axe needs JavaScript in the page; the first test checks the banner with it.)
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

  await banner.getByRole("button", { name: "Send the link again" }).click();
  await expectToast(page, `We sent a new link to ${email}. It works once, for 48 hours.`);
  const [mail] = await mailTo(email, "Confirm your email for Problem First");
  await page.goto(linkIn(mail.text!));
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expectToast(page, "Email address confirmed. You can join teams now.");
  await expect(banner).toHaveCount(0);
});

test("a link opened by someone else signed in confirms its own address and says so; opened again signed out, it says what to do", async ({ browser }) => {
  const email = `${unique("shared")}@example.com`;
  const signUp = await newPage(browser);
  await signUp.goto("/signup");
  await signUp.getByLabel("Name").fill("Shay Shared");
  await signUp.getByLabel("Work email").fill(email);
  await signUp.getByLabel("Password").fill(PASSWORD);
  await signUp.getByRole("button", { name: "Create account" }).click();
  await expect(signUp.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const [mail] = await mailTo(email, "Confirm your email for Problem First");
  const link = linkIn(mail.text!);

  // A colleague, signed in on the shared computer, opens it.
  const colleague = await pageSignedInAs(browser, (await createPerson("Cole League")).email);
  await colleague.goto(link);
  await colleague.getByRole("button", { name: "Confirm my email" }).click();
  await expectToast(colleague, "That email address is confirmed, for another account than the one signed in here. Its owner can sign in and join teams now.");
  await expect(colleague.getByTestId("signed-in-as")).toContainText("Cole League");

  const signedOut = await newPage(browser);
  await signedOut.goto(link);
  await expect(signedOut.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await expect(signedOut.getByText(/If you confirmed your address with it already, there is nothing left to do: just sign in\./)).toBeVisible();
  await expectAccessible(signedOut);
});
