import { expect } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import { judgeInvites } from "#db/schema";
import { db } from "~/db.server";
import { openEvent, pageSignedInAs } from "./fixtures";
import { expectAccessible, expectToast, newPage, PASSWORD, test, unique } from "./helpers";
import { mailTo } from "./mail";

// An organizer invites a judge by email who has no account yet (ADR 027): the invite arrives at the run's real
// SMTP receiver on E2E_SMTP_PORT (e2e/mail.ts), and the invitee follows its link, signs up, confirms their
// address, signs in and accepts.

// Three browsers, two mails and axe on four pages on a busy 2-core machine.
test.setTimeout(240_000);

test("an organizer invites a judge by email; the invitee signs up through the mailed link and accepts", async ({ browser }) => {
  const setUp = await openEvent(unique("Invite Hack"));
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  const email = `${unique("new-judge")}@example.com`;

  await organizer.goto(`${setUp.url}/judges`);
  await organizer.getByLabel("Judge's email").fill(email);
  await organizer.getByRole("button", { name: "Invite by email" }).click();
  await expectToast(organizer, `Invite sent to ${email}.`);
  const pending = organizer.getByRole("region", { name: "Invite a judge by email" });
  await expect(pending.getByText(email, { exact: true })).toBeVisible();
  await expectAccessible(organizer);

  // Withdraw asks first; keeping the invite changes nothing.
  await pending.getByRole("button", { name: `Withdraw the invite to ${email}` }).click();
  await expect(organizer.getByRole("alert").filter({ hasText: `Withdraw the invite to ${email}` })).toBeVisible();
  await organizer.getByRole("link", { name: "Keep the invite" }).click();
  await expect(organizer.getByRole("alert").filter({ hasText: "Withdraw the invite to" })).toHaveCount(0);
  await expect(pending.getByText(email, { exact: true })).toBeVisible();

  // The mail arrives once, with the invite link on the app's address and a one-click unsubscribe header.
  const [mail, ...more] = await mailTo(email, /^You are invited to judge/);
  expect(more).toHaveLength(0);
  expect(mail.subject).toBe(`You are invited to judge ${setUp.event.title}`);
  const link = mail.text!.match(/http:\/\/\S+\/judge-invite\/[\w-]+/)![0];
  expect(link.startsWith(process.env.E2E_BASE_URL!)).toBe(true);
  expect(mail.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(true);

  // The invitee has no account: the link offers sign-up, which comes back to the invite.
  const invitee = await newPage(browser);
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: `Judge ${setUp.event.title}` })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByRole("link", { name: "Sign up to accept" }).click();
  await invitee.getByLabel("Name").fill("Ines Invitee");
  await invitee.getByLabel("Work email").fill(email);
  await invitee.getByLabel("Password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Create account" }).click();
  await expect(invitee.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const [confirm] = await mailTo(email, /confirm/i);
  await invitee.goto(confirm.text!.match(/http:\/\/\S+\/verify-email\/[\w-]+/)![0]);
  await invitee.getByRole("button", { name: "Confirm my email" }).click();
  await expectToast(invitee, "Email address confirmed. Sign in to join a team.");

  // Back to the invite link from the mail: sign in, come back, accept.
  await invitee.goto(link);
  await invitee.getByRole("link", { name: "Sign in to accept" }).click();
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee.getByRole("heading", { name: `Judge ${setUp.event.title}` })).toBeVisible();
  await expect(invitee.getByText("This invite was sent to")).toHaveCount(0);
  // Someone else signed in who opens the forwarded link is told whose invite it is, and which account would judge.
  const other = await pageSignedInAs(browser, "participant4@example.com");
  await other.goto(link);
  await expect(
    other.getByText(`This invite was sent to ${email}. You are signed in as participant4@example.com: accepting makes this account the judge.`),
  ).toBeVisible();
  await expectAccessible(other);
  await other.context().close();
  await invitee.getByRole("button", { name: "Become a judge" }).click();
  await expectToast(invitee, `You are now a judge of ${setUp.event.title}.`);

  // The organizer's list no longer shows it as waiting; the link is spent for anyone else.
  await organizer.reload();
  await expect(pending.getByText(email, { exact: true })).toHaveCount(0);
  await expect(organizer.getByText(/Judges \(1\): Ines Invitee/)).toBeVisible();
  await Promise.all([organizer.context().close(), invitee.context().close()]);
});

test("after an invite by email is sent the address field starts afresh; a refused address stays in it", async ({ browser }) => {
  const setUp = await openEvent(unique("Invite Hack"));
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  const email = `${unique("fresh-judge")}@example.com`;
  await organizer.goto(`${setUp.url}/judges`);
  const invites = organizer.getByRole("region", { name: "Invite a judge by email" });
  const field = invites.getByLabel("Judge's email");

  await field.fill(email);
  await invites.getByRole("button", { name: "Invite by email" }).click();
  await expectToast(organizer, `Invite sent to ${email}.`);
  await expect(invites.getByText(email, { exact: true })).toBeVisible();
  await expect(field).toHaveValue("");

  // The same address again is refused beside the field, which keeps what was typed.
  await field.fill(email);
  await invites.getByRole("button", { name: "Invite by email" }).click();
  await expect(invites.getByText(`${email} already has an invite waiting. Resend it from the list below.`)).toBeVisible();
  await expect(field).toHaveValue(email);
  await expectAccessible(organizer);

  // Resend within a minute of the mail sends nothing (a double press would kill the first mail's link), and says so.
  await invites.getByRole("button", { name: `Resend the invite to ${email}` }).click();
  await expectToast(organizer, `The invite to ${email} was mailed less than a minute ago, so it was not sent again: the link in that mail works.`);
  // Later, resending mails a new link; the list then says when it went out again (here the first mail is made hours older).
  await db
    .update(judgeInvites)
    .set({ createdAt: new Date(Date.now() - 3 * 3_600_000), expiresAt: sql`${judgeInvites.expiresAt} - ${3 * 3600}` })
    .where(eq(judgeInvites.email, email));
  await organizer.reload();
  await invites.getByRole("button", { name: `Resend the invite to ${email}` }).click();
  await expectToast(organizer, `Invite sent again to ${email}, with a new link; the old one no longer works.`);
  await expect(invites.getByRole("listitem").filter({ hasText: email })).toContainText(", again ");
});
