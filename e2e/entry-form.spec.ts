import { expect, type Browser, type Page } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import { entries, events, problems, sessions } from "#db/schema";
import { db } from "~/db.server";
import { startSession } from "~/modules/auth/session.server";
import { removeMember } from "~/modules/teams/teams.server";
import { createPerson, openEvent, pageSignedInAs, submittedEntry, teamOf, type Person } from "./fixtures";
import { closeAndStay, expectAccessible, expectToast, holdRequests, holdScripts, PASSWORD, test, unique, waitForApp } from "./helpers";

/** A signed-in page with JavaScript switched off: the forms must work as plain HTML. */
async function pageWithoutScript(browser: Browser, person: Person): Promise<Page> {
  const [cookie] = (await startSession(person.id)).split(";");
  const separator = cookie.indexOf("=");
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies([
    { name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: process.env.E2E_BASE_URL!, httpOnly: true, sameSite: "Lax" },
  ]);
  return context.newPage();
}

async function entryPage(browser: Browser) {
  const setUp = await openEvent();
  const person = await createPerson("Ada Autosave");
  const team = await teamOf(setUp, person);
  const page = await pageSignedInAs(browser, person.email);
  await page.goto(`${team.url}/entry`);
  await waitForApp(page);
  return { setUp, person, team, page, entryUrl: `${team.url}/entry` };
}

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

// Several pages and axe runs per test: on a busy 2-core machine they need more than the default budget.
test.describe.configure({ timeout: 240_000 });

const status = (page: Page) => page.getByTestId("autosave-status");

test("the draft saves itself while the team types and survives a reload", async ({ browser }) => {
  const { page } = await entryPage(browser);
  await page.getByLabel("Title").fill("Dispute radar");
  await page.getByLabel("What did not work").fill("Emails did not name the invoice.");
  // In the event's zone, named, as the page's other times are.
  await expect(status(page)).toHaveText(/^Draft saved \d\d:\d\d (UTC|GMT[+-][\d:]+|[A-Z]{3,5})$/);
  // Still a draft: autosave never submits.
  await expect(page.getByText("Draft: save any time")).toBeVisible();
  await page.reload();
  await waitForApp(page);
  await expect(page.getByLabel("Title")).toHaveValue("Dispute radar");
  await expect(page.getByLabel("What did not work")).toHaveValue("Emails did not name the invoice.");

  await page.getByLabel("Title").fill("Dispute radar v2");
  await expect(status(page)).toHaveText(/^Draft saved/);
});

test("typing the autosave could not keep, because the session ended, is back after signing in again", async ({ browser }) => {
  const { person, page } = await entryPage(browser);
  await page.getByLabel("Title").fill("Dispute radar");
  await expect(status(page)).toHaveText(/^Draft saved/);
  // The session ends (expired, or signed out elsewhere) while the team types: the next autosave leads to sign-in.
  await db.delete(sessions).where(eq(sessions.userId, person.id));
  await page.getByLabel("What did not work").fill("Emails did not name the invoice.");
  await expect(page.getByText("Sign in to see that page: you are not signed in, or your session has ended.")).toBeVisible();
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "What you typed is back in the form below" })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Dispute radar");
  await expect(page.getByLabel("What did not work")).toHaveValue("Emails did not name the invoice.");
  // Put back as typing, so autosave keeps it now.
  await expect(status(page)).toHaveText(/^Draft saved/);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByLabel("What did not work")).toHaveValue("Emails did not name the invoice.");
});

test("typing done before the page's script has loaded is kept and autosaved", async ({ browser }) => {
  const { page, entryUrl } = await entryPage(browser);
  await page.getByLabel("What did not work").fill("First words.");
  await expect(status(page)).toHaveText(/^Draft saved/);

  // A slow connection: the page is on screen and typed into before its scripts arrive, and the person goes on typing
  // once the page has hydrated, before the code that tells the forms of the early typing (with signed-out-rescue).
  const scriptsArrive = await holdScripts(page);
  const laterCodeArrives = await holdRequests(page, /\/assets\/signed-out-rescue-.*\.js$/);
  await page.goto(entryUrl, { waitUntil: "domcontentloaded" });
  const notWorking = page.getByLabel("What did not work");
  const title = page.getByLabel("Title");
  await title.fill("Dispute radar");
  await notWorking.fill("First words. Then more, typed early.");
  await scriptsArrive();
  await notWorking.press("End");
  await notWorking.pressSequentially(" And after.");
  // The caret of the field being typed in stays where it is as the forms are told (setting a field's value moves it to
  // the end): the person went back to the title's start. The forms are told once that code has run.
  await title.press("Home");
  const laterCode = page.waitForResponse(/\/assets\/signed-out-rescue-.*\.js$/);
  laterCodeArrives();
  const laterCodeUrl = (await laterCode).url();
  await page.evaluate((url) => import(url), laterCodeUrl);
  await title.pressSequentially("Invoice ");
  await expect(title).toHaveValue("Invoice Dispute radar");
  await expect(notWorking).toHaveValue("First words. Then more, typed early. And after.");
  await expect(status(page)).toHaveText(/^Draft saved/);
  await page.reload();
  await expect(title).toHaveValue("Invoice Dispute radar");
  await expect(notWorking).toHaveValue("First words. Then more, typed early. And after.");
});

test("a link typed without https:// is saved as one, and a refused Submit still saves the draft as typed", async ({ browser }) => {
  const { page } = await entryPage(browser);
  await page.getByLabel("Title").fill("Claims sorter");
  await page.getByLabel(/^Demo link/).fill("demo.example.com/claims");
  await expect(status(page)).toHaveText(/^Draft saved/);

  // Submit with required fields empty: refused beside them, and the text typed just before is saved anyway.
  await page.getByLabel("What did not work").fill("The scans were too blurry.");
  await page.getByRole("button", { name: "Submit entry" }).click();
  await expect(page.getByText("Some fields need attention")).toBeVisible();
  await expect(status(page)).toHaveText(/^Draft saved/);
  await page.reload();
  await expect(page.getByLabel(/^Demo link/)).toHaveValue("https://demo.example.com/claims");
  await expect(page.getByLabel("What did not work")).toHaveValue("The scans were too blurry.");
});

test("a teammate's newer save is never overwritten by autosave; the text stays on screen", async ({ browser }) => {
  const setUp = await openEvent();
  const [alicePerson, bobPerson] = [await createPerson("Alice Analyst"), await createPerson("Bob Builder")];
  const team = await teamOf(setUp, alicePerson, [bobPerson]);
  const alice = await pageSignedInAs(browser, alicePerson.email);
  const bob = await pageSignedInAs(browser, bobPerson.email);
  await alice.goto(`${team.url}/entry`);
  await waitForApp(alice);
  await bob.goto(`${team.url}/entry`);
  await waitForApp(bob);
  await bob.getByLabel("Title").fill("Bob's title");
  await expect(status(bob)).toHaveText(/^Draft saved/);
  await alice.getByLabel("Title").fill("Alice's title");
  // It says where to look: the field in which the saved entry differs from her form.
  await expect(status(alice)).toHaveText(/^Not saved: A teammate saved this entry after you opened it\. The saved entry differs from your form in: Title\./);
  await expect(alice.getByLabel("Title")).toHaveValue("Alice's title");
  // Autosave has stopped: more typing does not retry over Bob's version.
  await alice.getByLabel("One-line summary").fill("Still mine");
  await expect(status(alice)).toHaveText(/^Not saved: A teammate saved/);
  await bob.reload();
  await expect(bob.getByLabel("Title")).toHaveValue("Bob's title");
});

test("a member removed from the team while typing is told so by the autosave and Save draft, and the text stays", async ({ browser }) => {
  const setUp = await openEvent();
  const [leadPerson, memberPerson] = [await createPerson("Lea Lead"), await createPerson("Mo Removed")];
  const team = await teamOf(setUp, leadPerson, [memberPerson]);
  const page = await pageSignedInAs(browser, memberPerson.email);
  await page.goto(`${team.url}/entry`);
  await waitForApp(page);
  await page.getByLabel("Title").fill("Dispute radar");
  await expect(status(page)).toHaveText(/^Draft saved/);
  // The lead removes them meanwhile.
  expect((await removeMember({ id: team.teamId, leadId: leadPerson.id }, memberPerson.id, { confirmed: true, typedName: "" })).ok).toBe(true);
  await page.getByLabel("One-line summary").fill("Typed after being removed");
  await expect(status(page)).toHaveText(/^Not saved: Only the team's members can edit its entry\./);
  await expect(page.getByLabel("One-line summary")).toHaveValue("Typed after being removed");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /^Only the team's members can edit its entry\..* Your text is still in the form/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your entry" })).toBeVisible();
  await expect(page.getByLabel("One-line summary")).toHaveValue("Typed after being removed");
  await expectAccessible(page);
});

test("a deadline that passes while the team types: Save draft says why, and the text stays", async ({ browser }) => {
  const { setUp, page } = await entryPage(browser);
  await page.getByLabel("Title").fill("Dispute radar");
  await expect(status(page)).toHaveText(/^Draft saved/);
  await db
    .update(events)
    .set({ submissionDeadline: new Date(Date.now() - 60_000) })
    .where(eq(events.id, setUp.event.id));
  await page.getByLabel("One-line summary").fill("The last words before the deadline");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(
    page.getByText(/^Submissions are closed: the submission deadline has passed\..* Your text is still in the form: copy what you need\.$/),
  ).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Dispute radar");
  await expect(page.getByLabel("One-line summary")).toHaveValue("The last words before the deadline");
  await expectAccessible(page);
});

test("without JavaScript, a Save draft after the deadline passed keeps the form with what was sent, and says why", async ({ browser }) => {
  const setUp = await openEvent();
  const person = await createPerson("Nour Noscript");
  const team = await teamOf(setUp, person);
  const page = await pageSignedInAs(browser, person.email, { javaScriptEnabled: false });
  await page.goto(`${team.url}/entry`);
  await page.getByLabel("Title").fill("Dispute radar");
  await page.getByLabel("One-line summary").fill("The last words before the deadline");
  await db
    .update(events)
    .set({ submissionDeadline: new Date(Date.now() - 60_000) })
    .where(eq(events.id, setUp.event.id));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This entry is read-only." })).toContainText(
    "Your text is still in the form below: copy what you need.",
  );
  await expect(page.getByLabel("Title")).toHaveValue("Dispute radar");
  await expect(page.getByLabel("One-line summary")).toHaveValue("The last words before the deadline");
});

for (const javaScriptEnabled of [true, false]) {
  test(`${javaScriptEnabled ? "with" : "without"} JavaScript, a save a teammate's save overtook is refused again until the page is read afresh`, async ({
    browser,
  }) => {
    const setUp = await openEvent();
    const person = await createPerson("Noor Noscript");
    const team = await teamOf(setUp, person);
    const page = await pageSignedInAs(browser, person.email, { javaScriptEnabled });
    await page.goto(`${team.url}/entry`);
    if (javaScriptEnabled) await waitForApp(page);
    // A teammate saves meanwhile.
    await db
      .update(entries)
      .set({ title: "Dispute desk", version: sql`${entries.version} + 1` })
      .where(eq(entries.teamId, team.teamId));
    await page.getByLabel("Title").fill("Dispute radar");
    const refused = page.getByRole("alert").filter({ hasText: "A teammate saved this entry after you opened it." });
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(refused).toBeVisible();
    // Above a long form, out of sight of the button pressed: the refusal takes the focus, so it is seen and read out.
    if (javaScriptEnabled) await expect(refused).toBeFocused();
    await expect(page.getByLabel("Title")).toHaveValue("Dispute radar");
    // Pressing Save again from that page does not replace the save the person has not seen.
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Save draft" }).click();
    await answered;
    await expect(refused).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue("Dispute radar");
    const [stored] = await db.select({ title: entries.title }).from(entries).where(eq(entries.teamId, team.teamId));
    expect(stored.title).toBe("Dispute desk");
    // Read afresh, the page shows the teammate's save, and a save from there is kept.
    await page.goto(`${team.url}/entry`);
    if (javaScriptEnabled) await waitForApp(page);
    await expect(page.getByLabel("Title")).toHaveValue("Dispute desk");
    await page.getByLabel("Title").fill("Dispute radar desk");
    await page.getByRole("button", { name: "Save draft" }).click();
    await expectToast(page, /^Draft saved/);
    await expect(page.getByLabel("Title")).toHaveValue("Dispute radar desk");
  });
}

test("adding a screenshot keeps what was typed since the last autosave", async ({ browser }) => {
  const { page } = await entryPage(browser);
  await page.getByLabel("Title").fill("Dispute radar");
  await expect(status(page)).toHaveText(/^Draft saved/);
  // A malformed link is not autosaved, so what follows is typed but not yet stored.
  await page.getByLabel("Demo link").fill("github com/x");
  await page.getByLabel("One-line summary").fill("Typed after the last save");
  await expect(status(page)).toHaveText(/^Not saved: Demo link/);
  await page.getByLabel("Add a screenshot").setInputFiles({ name: "shot.png", mimeType: "image/png", buffer: PNG });
  await page.getByLabel("Caption (optional)").fill("Queue view");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("img", { name: "Queue view" })).toBeVisible();
  await expect(page.getByLabel("One-line summary")).toHaveValue("Typed after the last save");
  await expect(page.getByLabel("Demo link")).toHaveValue("github com/x");
  await expect(page.getByLabel("Title")).toHaveValue("Dispute radar");
});

test("a screenshot over the limit is refused before it is sent, keeping the page; without JavaScript a page says so", async ({ browser }) => {
  const { page, entryUrl } = await entryPage(browser);
  const big = { name: "huge.png", mimeType: "image/png", buffer: Buffer.concat([PNG, Buffer.alloc(7 * 1024 * 1024)]) };
  await page.getByLabel("One-line summary").fill("Typed just before the upload");
  await page.getByLabel("Add a screenshot").setInputFiles(big);
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("That file is larger than 5 MB. Nothing was sent.")).toBeVisible();
  await expect(page.getByLabel("Add a screenshot")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("One-line summary")).toHaveValue("Typed just before the upload");
  await expectAccessible(page);
  // Picking another file clears the message.
  await page.getByLabel("Add a screenshot").setInputFiles({ name: "shot.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByText("That file is larger than 5 MB.")).toHaveCount(0);
  // With JavaScript an upload keeps the unsaved text, so the hint for pages without it is gone.
  await expect(page.getByText("Uploading reloads the page: save your text above first.")).toHaveCount(0);

  // Without JavaScript the file is sent and refused by the server's cap: a page says what to do and leads back.
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(await page.context().cookies());
  const plain = await context.newPage();
  await plain.goto(entryUrl);
  await expect(plain.getByText("Uploading reloads the page: save your text above first.")).toBeVisible();
  await plain.getByLabel("Add a screenshot").setInputFiles(big);
  await plain.getByRole("button", { name: "Upload" }).click();
  await expect(plain.getByRole("heading", { level: 1, name: "Too large to send" })).toBeVisible();
  await expect(plain.getByText("A screenshot may be at most 5 MB. Go back, pick a smaller file and upload it again. Nothing was saved.")).toBeVisible();
  await plain.getByRole("link", { name: "Back to the page" }).click();
  await expect(plain.getByRole("heading", { name: "Screenshots (0 of 6)" })).toBeVisible();
  await context.close();
});

test("unsaved edits ask before the page is left, inside the app and out of it", async ({ browser }) => {
  const { page } = await entryPage(browser);
  // An edit that could not be saved (a malformed link) is unsaved: a link inside the app asks first.
  await page.getByLabel("Title").fill("Half a thought");
  await page.getByLabel("Demo link").fill("not a link");
  await expect(status(page)).toHaveText("Not saved: Demo link: Enter a full link starting with https:// or http://");
  await page.getByRole("link", { name: /← Invoice Sleuths/ }).click();
  const dialog = page.getByRole("alertdialog", { name: "Leave without saving?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Stay on this page" })).toBeFocused();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Stay on this page" }).click();
  await expect(page).toHaveURL(/\/entry$/);
  await expect(page.getByLabel("Title")).toHaveValue("Half a thought");

  // Closing or reloading the tab gets the browser's own question (the browser asks only after a real keystroke).
  await page.getByLabel("One-line summary").click();
  await page.keyboard.type("More");
  expect(await closeAndStay(page)).toBe("beforeunload");

  // Dismissed, the page stays; leaving on purpose through the app's own question works.
  await expect(page.getByLabel("One-line summary")).toHaveValue("More");
  await page.getByRole("link", { name: /← Invoice Sleuths/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Leave without saving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Invoice Sleuths/ })).toBeVisible();
});

test("a submitted entry saves changes only while it stays complete, with JavaScript and without", async ({ browser }) => {
  const setUp = await openEvent();
  const member = await createPerson("Sam Submitted");
  const title = unique("Dispute radar");
  const { teamId } = await submittedEntry(setUp, member, title);
  for (const javaScriptEnabled of [true, false]) {
    const page = await pageSignedInAs(browser, member.email, { javaScriptEnabled });
    await page.goto(`${setUp.url}/teams/${teamId}/entry`);
    // Saving a submitted entry changes it at once: the button does not call it a draft.
    await expect(page.getByRole("button", { name: "Save draft" })).toHaveCount(0);
    // Nor is there a second button doing the same under another name.
    await expect(page.getByRole("button", { name: "Submit entry" })).toHaveCount(0);
    await page.getByLabel("Next steps").fill("");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Name the next steps")).toBeVisible();
    // Without JavaScript the page opens at the top, far from the field: the text on screen is said not to be saved.
    if (!javaScriptEnabled)
      await expect(page.getByText("Your changes are not saved: fix “Next steps” (its message is next to it), then save again.")).toBeVisible();
    // axe runs in the page: only where JavaScript does.
    if (javaScriptEnabled) await expectAccessible(page);
    await page.close();
  }
  const [stored] = await db.select({ status: entries.status, nextSteps: entries.postMortemNextSteps }).from(entries).where(eq(entries.teamId, teamId));
  expect(stored.status).toBe("submitted");
  expect(stored.nextSteps).not.toBe("");
});

test("the AI metric starts from the problem's suggestion, without JavaScript too", async ({ browser }) => {
  const setUp = await openEvent();
  await db
    .update(problems)
    .set({ metricName: "Disputes flagged before the due date", metricUnit: "%", metricBaseline: "12" })
    .where(eq(problems.id, setUp.problemId));
  const person = await createPerson("Pia Prefill");
  const team = await teamOf(setUp, person);
  const page = await pageWithoutScript(browser, person);
  await page.goto(`${team.url}/entry`);
  await expect(page.getByLabel("Metric name")).toHaveValue("Disputes flagged before the due date");
  await expect(page.getByLabel("Unit")).toHaveValue("%");
  await expect(page.getByLabel("Baseline")).toHaveValue("12");
  await expect(page.getByText("Filled in from your problem’s suggested metric.")).toBeVisible();
  // The team measures something else: its own metric wins from then on.
  await page.getByLabel("Metric name").fill("Invoices matched to emails");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByLabel("Metric name")).toHaveValue("Invoices matched to emails");
  await expect(page.getByLabel("Unit")).toHaveValue("%");
  await expect(page.getByText("Filled in from your problem’s suggested metric.")).toHaveCount(0);
});

test("a failed attempt marks the measured result optional; links are optional for every outcome", async ({ browser }) => {
  const { page } = await entryPage(browser);
  await page.getByLabel("Outcome").selectOption("working");
  await expect(page.getByLabel("Measured result", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Demo link (optional)")).toBeVisible();
  await page.getByLabel("Outcome").selectOption("failed");
  await expect(page.getByLabel("Measured result (optional)")).toBeVisible();
  await expect(page.getByText("A failed attempt often has no demo or video")).toBeVisible();
  await expect(page.getByLabel("Video link (optional)")).toBeVisible();
});

test("'Have we tried this before?' comes before the form, and on the create-team page once a problem is chosen", async ({ browser }) => {
  const { page, setUp } = await entryPage(browser);
  const panel = page.getByRole("heading", { name: "Have we tried this before?" });
  const firstSection = page.getByRole("heading", { name: "What you built" });
  const submit = page.getByRole("button", { name: "Submit entry" });
  expect((await panel.boundingBox())!.y).toBeLessThan((await firstSection.boundingBox())!.y);
  expect(await panel.evaluate((p, s) => !!(p.compareDocumentPosition(s!) & Node.DOCUMENT_POSITION_FOLLOWING), await submit.elementHandle())).toBe(true);
  await expect(page.getByRole("navigation", { name: "Entry sections" }).getByRole("link")).toHaveText([
    "What you built",
    "AI metric",
    "Post-mortem",
    "Links & screenshots",
  ]);
  await expectAccessible(page);

  const newcomer = await createPerson("Nia Newcomer");
  const create = await pageSignedInAs(browser, newcomer.email);
  await create.goto(`${setUp.url}/teams/new`);
  await waitForApp(create);
  await expect(create.getByRole("heading", { name: "Have we tried this before?" })).toHaveCount(0);
  await create.getByLabel("Team name").fill("Early Readers");
  await create.getByLabel("Problem").selectOption({ label: setUp.problemTitle });
  await expect(create.getByRole("heading", { name: "Have we tried this before?" })).toBeVisible();
  await expect(create.getByText(`For the problem “${setUp.problemTitle}”`)).toBeVisible();
  await expect(create.getByLabel("Team name")).toHaveValue("Early Readers");
  await expectAccessible(create);

  // Without JavaScript a button brings the same panel, keeping what was typed.
  const plain = await pageWithoutScript(browser, newcomer);
  await plain.goto(`${setUp.url}/teams/new`);
  await plain.getByLabel("Team name").fill("Plain Readers");
  await plain.getByLabel("Problem").selectOption({ label: setUp.problemTitle });
  await plain.getByRole("button", { name: "Show past attempts for this problem" }).click();
  await expect(plain.getByRole("heading", { name: "Have we tried this before?" })).toBeVisible();
  await expect(plain.getByLabel("Team name")).toHaveValue("Plain Readers");
  await expect(plain.getByLabel("Problem")).toHaveValue(setUp.problemId);
});

test("at 390 px the form fits, the save bar stays on screen and never covers the focused field", async ({ browser }) => {
  const setUp = await openEvent(unique("Narrow Hack"));
  const person = await createPerson("Nora Narrow");
  const team = await teamOf(setUp, person);
  const page = await pageSignedInAs(browser, person.email);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${team.url}/entry`);
  await waitForApp(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  // The sticky bar that holds the save buttons.
  const bar = page.getByRole("button", { name: "Save draft" }).locator("xpath=ancestor::div[contains(@class, 'sticky')]");
  for (const label of ["What we would do differently", "Next steps", "Approach: models, tools and data used"]) {
    const field = page.getByLabel(label);
    await field.focus();
    await expect(bar).toBeInViewport();
    const [fieldBox, barBox] = [await field.boundingBox(), await bar.boundingBox()];
    expect(fieldBox!.y + fieldBox!.height, `${label} ends above the save bar`).toBeLessThanOrEqual(barBox!.y);
  }
  await page.getByRole("link", { name: "Post-mortem" }).click();
  await expect(bar).toBeInViewport();
  await expect(page.getByRole("button", { name: "Submit entry" })).toBeInViewport();
  await expectAccessible(page);
});
