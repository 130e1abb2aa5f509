// Judging rounds (ADR 038): organizers shortlist finalists after round 1, the final round's judges score them, and its
// ranking is the one published; round 1 stays visible to organizers.
import { expect, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { criteria, scores } from "#db/schema";
import { db } from "~/db.server";
import { listCriteria } from "~/modules/events/events.server";
import { declareConflict } from "~/modules/judging/judging.server";
import { createPerson, openEvent, pageSignedInAs, scoreSheet, startFinalRound, startJudging, submittedEntry } from "./fixtures";
import { expectAccessible, expectToast, unique, test, waitForApp } from "./helpers";

const finalCriteria = ["Live demo", "Business impact", "Answers to the jury"];

async function pick(page: Page, value: number) {
  for (const name of finalCriteria)
    await page
      .getByRole("group", { name: new RegExp(name) })
      .getByLabel(String(value), { exact: true })
      .check();
}

test("an event runs a final round and publishes its ranking; organizers still see round 1", async ({ browser }) => {
  // Round 1, set up directly: one judge ranked Alpha > Beta > Gamma.
  const setUp = await openEvent(unique("Rounds Hack"));
  const titles = { alpha: unique("Alpha bot"), beta: unique("Beta bot"), gamma: unique("Gamma bot") };
  const gammaLead = await createPerson("Gia Gamma");
  const entries = {
    alpha: await submittedEntry(setUp, await createPerson("Al Alpha"), titles.alpha),
    beta: await submittedEntry(setUp, await createPerson("Bo Beta"), titles.beta),
    gamma: await submittedEntry(setUp, gammaLead, titles.gamma),
  };
  const roundOneJudge = await createPerson("Rana Roundone");
  const finalJudge = await createPerson("Fiona Final");
  await startJudging(setUp, [roundOneJudge]);
  await scoreSheet(setUp.event.id, entries.alpha.entryId, roundOneJudge, { value: 5 });
  await scoreSheet(setUp.event.id, entries.beta.entryId, roundOneJudge, { value: 4 });

  // The organizer shortlists from the Manage page: the top 2, with Beta swapped for Gamma by hand.
  // The organizer works on a 390 px phone: no page of the final round scrolls sideways.
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.setViewportSize({ width: 390, height: 844 });
  const sideways = () => organizer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await organizer.goto(`${setUp.url}/manage`);
  await organizer.getByRole("link", { name: "shortlist finalists for a final round" }).click();
  await expect(organizer.getByRole("heading", { name: "Final round", level: 1 })).toBeVisible();
  // Gamma's sheet is still missing: the page says so before round 1 closes for good, and names it.
  const missing = organizer.getByRole("note").filter({ hasText: "Round 1's judging is not complete: 2 of 3 expected score sheets are complete." });
  await expect(missing).toBeVisible();
  await missing.getByText("Entries with missing or incomplete score sheets (1)").click();
  await expect(missing.getByRole("listitem")).toHaveText([new RegExp(`^${titles.gamma}: `)]);
  await scoreSheet(setUp.event.id, entries.gamma.entryId, roundOneJudge, { value: 3 });
  await organizer.getByLabel("How many finalists").fill("2");
  await organizer.getByRole("button", { name: "Suggest finalists" }).click();
  const finalists = organizer.getByRole("group", { name: "Finalists" });
  await expect(finalists.getByRole("checkbox", { name: new RegExp(titles.alpha) })).toBeChecked();
  await expect(finalists.getByRole("checkbox", { name: new RegExp(titles.beta) })).toBeChecked();
  await expect(finalists.getByRole("checkbox", { name: new RegExp(titles.gamma) })).not.toBeChecked();
  await expect(organizer.getByText("Round 1's judging is not complete")).toHaveCount(0);
  expect(await sideways()).toBe(0);
  await expectAccessible(organizer);
  await finalists.getByRole("checkbox", { name: new RegExp(titles.beta) }).uncheck();
  await finalists.getByRole("checkbox", { name: new RegExp(titles.gamma) }).check();
  await organizer.getByLabel("Other judges (emails, one a line)").fill(finalJudge.email);
  await organizer.getByRole("radio", { name: /A live demo rubric/ }).check();
  // Nothing starts without the confirmation, nor without a reason for the hand change.
  const start = organizer.getByRole("button", { name: "Close round 1 and start the final round" });
  await start.click();
  await expect(organizer.getByText("Tick the confirmation: round 1 closes for good and its scores become read-only.")).toBeVisible();
  await organizer.getByLabel(/I understand: round 1 closes for good/).check();
  await start.click();
  await expect(organizer.getByText("Say why the shortlist differs from the top 2 of the ranking (it is recorded).")).toBeVisible();
  await organizer.getByLabel("Why the shortlist differs from the top of the ranking").fill("Beta's team cannot demo live on the day");
  await organizer.getByLabel(/I understand: round 1 closes for good/).check();
  await start.click();
  await expectToast(organizer, "Round 1 is closed. The final round has started with 2 finalists and 1 judge.");
  const changes = organizer.getByRole("region", { name: "Changes by hand" });
  await expect(changes).toContainText(`${titles.beta}: left out by hand by Omar Organizer`);
  await expect(changes).toContainText("Reason: Beta's team cannot demo live on the day");
  await expect(organizer.getByRole("region", { name: "Final round judges" })).toContainText("Fiona Final");
  expect(await sideways()).toBe(0);
  await expectAccessible(organizer);

  // The final round's judge scores the two finalists from their queue.
  const judge = await pageSignedInAs(browser, finalJudge.email);
  await judge.goto(`${setUp.url}/judging`);
  await expect(judge.getByRole("heading", { name: "Your final round queue" })).toBeVisible();
  await expect(judge.getByRole("link", { name: titles.alpha })).toBeVisible();
  await expect(judge.getByRole("link", { name: titles.gamma })).toBeVisible();
  await expect(judge.getByRole("link", { name: titles.beta })).toHaveCount(0);
  await judge.getByRole("link", { name: "Next unscored entry" }).click();
  await expect(judge.getByRole("heading", { name: titles.alpha, level: 1 })).toBeVisible();
  await pick(judge, 2);
  await judge.getByRole("button", { name: "Save and next entry" }).click();
  await expect(judge.getByRole("heading", { name: titles.gamma, level: 1 })).toBeVisible();
  await pick(judge, 5);
  await judge.getByRole("button", { name: "Save scores" }).click();
  await expectToast(judge, /Scores saved/);
  // Before publishing, the organizer's preview speaks of the final round in the present.
  const preview = await organizer.context().newPage();
  await preview.goto(`${setUp.url}/results`);
  await expect(preview.getByText("This event is in its final round: its finalists are being scored again")).toBeVisible();
  await preview.close();

  // The organizer publishes: every final sheet is complete, so no confirmation is asked.
  await organizer.getByRole("link", { name: `← Manage ${setUp.event.title}` }).click();
  // The phase history tells when round 1 closed and who started the final round, beside the phase changes.
  const history = organizer.getByRole("list", { name: "History" }).getByRole("listitem");
  await expect(history.first()).toHaveText(/: Omar Organizer closed round 1 and started the final round with 2 finalists$/);
  await expect(history.nth(1)).toContainText("moved Open for entries → Judging");
  await organizer
    .getByRole("region", { name: /^Phase:/ })
    .getByRole("button", { name: "Publish results and close" })
    .click();
  await expectToast(organizer, "The event is now: Results published.");

  // A participant sees the final ranking, Gamma first, and not round 1's.
  const participant = await pageSignedInAs(browser, gammaLead.email);
  await participant.goto(`${setUp.url}/results`);
  await expect(participant.getByRole("heading", { name: "Final ranking" })).toBeVisible();
  await expect(participant.getByText("This event had a final round: its finalists were scored again")).toBeVisible();
  const rows = participant.getByRole("table", { name: /ranking \(official\)/ }).getByRole("row");
  await expect(rows.nth(1)).toContainText(titles.gamma);
  await expect(rows.nth(2)).toContainText(titles.alpha);
  await expect(participant.getByRole("table", { name: /ranking \(official\)/ })).not.toContainText(titles.beta);
  await expect(participant.getByRole("heading", { name: /Round 1 ranking/ })).toHaveCount(0);

  // The organizer also sees round 1, labelled, with Alpha first and the finalists marked.
  await organizer.goto(`${setUp.url}/results`);
  const roundOne = organizer.getByRole("table", { name: "Round 1 ranking" });
  await expect(organizer.getByRole("heading", { name: "Round 1 ranking (organizers only, not the official one)" })).toBeVisible();
  await expect(roundOne.getByRole("row").nth(1)).toContainText(titles.alpha);
  await expect(roundOne.getByRole("row", { name: new RegExp(titles.beta) })).not.toContainText("Finalist");
  await expect(roundOne.getByRole("row", { name: new RegExp(titles.gamma) })).toContainText("Finalist");
  expect(await sideways()).toBe(0);
  // Nor does the table within its card: every column is in view on the phone.
  expect(await roundOne.evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth)).toBe(0);
  await expectAccessible(organizer);
});

test("a round 1 sheet saved after the final round started says why nothing was saved, keeping the scores", async ({ browser }) => {
  const setUp = await openEvent(unique("Stale Sheet Hack"));
  const title = unique("Alpha entry");
  const { entryId } = await submittedEntry(setUp, await createPerson("Pat Team"), title);
  const judge = await createPerson("Jo Judge");
  await startJudging(setUp, [judge]);
  const page = await pageSignedInAs(browser, judge.email);
  await page.goto(`${setUp.url}/entries/${entryId}/score`);
  const fit = page.getByRole("group", { name: /Problem fit/ });
  await fit.getByLabel("4", { exact: true }).check();
  await page.getByLabel("Comment on Problem fit (optional)").fill("Clear cost today.");
  // The organizers start the final round (same rubric, as a copy of its own) while the judge writes.
  await startFinalRound(setUp, [entryId], [judge]);
  await page.getByRole("button", { name: "Save scores" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The rubric changed since this page was opened" })).toContainText(
    "so nothing was saved. The sheet now follows the current rubric, keeping what you typed for criteria it still has; the rest is listed under “What you sent”. Check it and save again.",
  );
  // The sheet is now the final round's: its criteria are new ones (copies of round 1's), so they start empty, and what
  // was typed for round 1 is listed to copy.
  await expect(page.getByRole("heading", { name: /Your final round scores/ })).toBeVisible();
  await expect(fit.getByLabel("4", { exact: true })).not.toBeChecked();
  await expect(page.getByRole("region", { name: "What you sent" })).toContainText("Problem fit: 4 (“Clear cost today.”)");
  await expectAccessible(page);
  await fit.getByLabel("4", { exact: true }).check();
  await page.getByRole("button", { name: "Save scores" }).click();
  await expectToast(page, /^Partial scores saved for /);
});

test("a round 1 judge's conflict sent after the final round started is refused, and round 1's scores stand", async ({ browser }) => {
  const setUp = await openEvent(unique("Stale Conflict Hack"));
  const title = unique("Alpha entry");
  const { entryId } = await submittedEntry(setUp, await createPerson("Pat Team"), title);
  const [judge, finalJudge] = await Promise.all([createPerson("Jo Roundone"), createPerson("Fin Final")]);
  await startJudging(setUp, [judge]);
  await scoreSheet(setUp.event.id, entryId, judge, { value: 4 });
  const page = await pageSignedInAs(browser, judge.email);
  await page.goto(`${setUp.url}/entries/${entryId}/score`);
  await waitForApp(page);
  await page.getByLabel("Reason for the conflict").fill("I coached this team last year.");
  // The final round starts with another judge while the page is open.
  await startFinalRound(setUp, [entryId], [finalJudge]);
  await page.getByRole("button", { name: "Declare a conflict" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Round 1 is closed and its scores stand" })).toContainText(
    "Your answer is still in the form: copy what you need.",
  );
  await expect(page.getByLabel("Reason for the conflict")).toHaveValue("I coached this team last year.");
  await expectAccessible(page);
  const kept = await db
    .select()
    .from(scores)
    .where(and(eq(scores.entryId, entryId), eq(scores.judgeId, judge.id)));
  expect(kept.length).toBe((await listCriteria(setUp.event.id, 1)).length);
});

test("a round 1 judge's conflict stays once the final round started: the queue says so, and a Withdraw sent from before is refused", async ({ browser }) => {
  const setUp = await openEvent(unique("Conflict Stays Hack"));
  const otherTitle = unique("Other entry");
  const finalist = await submittedEntry(setUp, await createPerson("Fay Finalist"), unique("Finalist entry"));
  const other = await submittedEntry(setUp, await createPerson("Oz Other"), otherTitle);
  const [judge, finalJudge] = await Promise.all([createPerson("Jo Stays"), createPerson("Fin Stays")]);
  await startJudging(setUp, [judge]);
  await scoreSheet(setUp.event.id, finalist.entryId, judge, { value: 4 });
  expect(await declareConflict(setUp.event.id, other.entryId, judge.id, "My brother's team", { confirmed: true, typedName: "" })).toEqual({ ok: true });
  const page = await pageSignedInAs(browser, judge.email);
  await page.goto(`${setUp.url}/judging`);
  await waitForApp(page);
  const withdraw = page.getByRole("button", { name: `Withdraw the conflict with ${otherTitle}` });
  await expect(withdraw).toBeVisible();
  // The final round starts, without this judge, while the queue is open.
  await startFinalRound(setUp, [finalist.entryId], [finalJudge]);
  await withdraw.click();
  await expectToast(page, "Round 1 is closed and its record stands: this conflict stays, as you do not judge this entry in the final round.");
  await expect(page.getByText("Stays: round 1 is closed, and you do not judge this entry in the final round.")).toBeVisible();
  await expect(withdraw).toHaveCount(0);
  await expectAccessible(page);
});

for (const javaScriptEnabled of [false, true]) {
  test(`${javaScriptEnabled ? "with" : "without"} JavaScript, a sheet sent after the organizers removed a criterion follows the rubric and lists what was sent`, async ({
    browser,
  }) => {
    const setUp = await openEvent(unique("Shrunk Rubric Hack"));
    const { entryId } = await submittedEntry(setUp, await createPerson("Pat Shrunk"), unique("Shrunk entry"));
    const judge = await createPerson("Jo Noscript");
    await startJudging(setUp, [judge]);
    const rubric = await listCriteria(setUp.event.id);
    const [removed, first] = [rubric[0], rubric[1]];
    const page = await pageSignedInAs(browser, judge.email, { javaScriptEnabled });
    await page.goto(`${setUp.url}/entries/${entryId}/score`);
    if (javaScriptEnabled) await waitForApp(page);
    await page
      .getByRole("group", { name: new RegExp(first.name) })
      .getByLabel("4", { exact: true })
      .check();
    await page.getByLabel(`Comment on ${first.name} (optional)`).fill("Clear cost today.");
    await page
      .getByRole("group", { name: new RegExp(removed.name) })
      .getByLabel("2", { exact: true })
      .check();
    await page.getByLabel(`Comment on ${removed.name} (optional)`).fill("Only a slide.");
    // The organizers remove the first criterion meanwhile, before anyone scored.
    await db.delete(criteria).where(eq(criteria.id, removed.id));
    await page.getByRole("button", { name: "Save scores" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The rubric changed since this page was opened" })).toBeVisible();
    await expect(page.getByRole("group", { name: new RegExp(first.name) }).getByLabel("4", { exact: true })).toBeChecked();
    await expect(page.getByLabel(`Comment on ${first.name} (optional)`)).toHaveValue("Clear cost today.");
    await expect(page.getByLabel(`Comment on ${removed.name} (optional)`)).toHaveCount(0);
    await expect(page.getByRole("region", { name: "What you sent" })).toContainText("A criterion: 2 (“Only a slide.”)");
  });
}

test("a ranking that moved while the final round's form was open is said, and shown as it is now, before anything starts", async ({ browser }) => {
  const setUp = await openEvent(unique("Moving Rank Hack"));
  const titles = { alpha: unique("Alpha moving"), beta: unique("Beta moving") };
  const alpha = await submittedEntry(setUp, await createPerson("Al Moving"), titles.alpha);
  const beta = await submittedEntry(setUp, await createPerson("Bo Moving"), titles.beta);
  const judge = await createPerson("Rae Moving");
  await startJudging(setUp, [judge]);
  await scoreSheet(setUp.event.id, alpha.entryId, judge, { value: 5 });
  await scoreSheet(setUp.event.id, beta.entryId, judge, { value: 4 });
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/final-round?top=1`);
  const finalists = organizer.getByRole("group", { name: "Finalists" });
  await expect(finalists.getByRole("checkbox", { name: new RegExp(titles.alpha) })).toBeChecked();
  await organizer.getByRole("checkbox", { name: /^Rae Moving/ }).check();
  await organizer.getByLabel(/I understand: round 1 closes for good/).check();
  // The judge changes their mind meanwhile: Beta now leads.
  await scoreSheet(setUp.event.id, alpha.entryId, judge, { value: 3 });
  await scoreSheet(setUp.event.id, beta.entryId, judge, { value: 5 });
  await organizer.getByRole("button", { name: "Close round 1 and start the final round" }).click();
  await expect(organizer.getByText(/^The ranking changed since this page was opened/)).toBeVisible();
  // The page is read again: Beta ranks first, and the organizer's tick is as they left it, for them to look at.
  await expect(finalists.getByRole("checkbox", { name: new RegExp(`${titles.beta}.*rank 1`) })).toBeVisible();
  await expect(finalists.getByRole("checkbox", { name: new RegExp(titles.alpha) })).toBeChecked();
  await expect(organizer.getByRole("heading", { name: "Final round", level: 1 })).toBeVisible();
  await expectAccessible(organizer);
});

test("a final round a co-organizer started while the form was open is said on the page, which shows it", async ({ browser }) => {
  const setUp = await openEvent(unique("Started Twice Hack"));
  const title = unique("Alpha twice");
  const { entryId } = await submittedEntry(setUp, await createPerson("Al Twice"), title);
  const judge = await createPerson("Rae Twice");
  await startJudging(setUp, [judge]);
  await scoreSheet(setUp.event.id, entryId, judge, { value: 5 });
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/final-round`);
  await waitForApp(organizer);
  await organizer.getByRole("checkbox", { name: /^Rae Twice/ }).check();
  await organizer.getByLabel(/I understand: round 1 closes for good/).check();
  await startFinalRound(setUp, [entryId], [judge]);
  await organizer.getByRole("button", { name: "Close round 1 and start the final round" }).click();
  await expectToast(organizer, "The final round has already started.");
  await expect(organizer.getByText("Round 1 is closed. The final round's judges are scoring the finalists.")).toBeVisible();
  await expect(organizer.getByRole("region", { name: "Finalists" })).toContainText(title);
  await expectAccessible(organizer);
});

test("without JavaScript, a refused start keeps the finalists, the judges and the rubric as they were picked", async ({ browser }) => {
  const setUp = await openEvent(unique("Plain Rounds Hack"));
  const titles = { alpha: unique("Alpha plain"), beta: unique("Beta plain") };
  const entries = {
    alpha: await submittedEntry(setUp, await createPerson("Al Plain"), titles.alpha),
    beta: await submittedEntry(setUp, await createPerson("Bo Plain"), titles.beta),
  };
  const judge = await createPerson("Rae Plain");
  await startJudging(setUp, [judge]);
  await scoreSheet(setUp.event.id, entries.alpha.entryId, judge, { value: 5 });
  await scoreSheet(setUp.event.id, entries.beta.entryId, judge, { value: 4 });
  const organizer = await pageSignedInAs(browser, "organizer@example.com", { javaScriptEnabled: false });
  await organizer.goto(`${setUp.url}/final-round`);
  await organizer.getByRole("radio", { name: /A live demo rubric/ }).check();
  await organizer.getByRole("checkbox", { name: /^Rae Plain/ }).check();
  // Start without the confirmation: refused, and the page comes back with what was picked, the judges too.
  await organizer.getByRole("button", { name: "Close round 1 and start the final round" }).click();
  await expect(organizer.getByText("Tick the confirmation: round 1 closes for good and its scores become read-only.")).toBeVisible();
  await expect(organizer.getByRole("radio", { name: /A live demo rubric/ })).toBeChecked();
  await expect(organizer.getByRole("radio", { name: "The same rubric as round 1" })).not.toBeChecked();
  await expect(organizer.getByRole("checkbox", { name: /^Rae Plain/ })).toBeChecked();
});

test("during the final round the Judges page adds final round judges, by account and by invite link, and Manage removes one; round 1 stays", async ({
  browser,
}) => {
  // Round 1 scored by one judge, then the final round started directly with Alpha and Beta and one final judge.
  const setUp = await openEvent(unique("Late Judges Hack"));
  const titles = { alpha: unique("Alpha bot"), beta: unique("Beta bot"), gamma: unique("Gamma bot") };
  const entries = {
    alpha: await submittedEntry(setUp, await createPerson("Al Alpha"), titles.alpha),
    beta: await submittedEntry(setUp, await createPerson("Bo Beta"), titles.beta),
    gamma: await submittedEntry(setUp, await createPerson("Gia Gamma"), titles.gamma),
  };
  const roundOneJudge = await createPerson("Rana Roundone");
  const finalJudge = await createPerson("Fiona Final");
  const lateJudge = await createPerson("Lou Latecomer");
  await startJudging(setUp, [roundOneJudge]);
  for (const [entry, value] of [
    [entries.alpha, 5],
    [entries.beta, 4],
    [entries.gamma, 3],
  ] as const)
    await scoreSheet(setUp.event.id, entry.entryId, roundOneJudge, { value });
  await startFinalRound(setUp, [entries.alpha.entryId, entries.beta.entryId], [finalJudge]);

  // The Judges page says it is the final round's, and round 1's judges and assignments are kept, not offered for change.
  const organizer = await pageSignedInAs(browser, "organizer@example.com");
  await organizer.goto(`${setUp.url}/judges`);
  await expect(organizer.getByRole("heading", { name: "Final round judges", level: 1 })).toBeVisible();
  await expect(organizer.getByText("Final round judges (1): Fiona Final.")).toBeVisible();
  await expect(organizer.getByText(/Round 1 is closed: its judges \(1: Rana Roundone\)/)).toBeVisible();
  await expect(organizer.getByRole("region", { name: "Round 1 assignments" })).toBeVisible();
  await expect(organizer.getByRole("region", { name: "Round 1 assignments" })).toContainText("In round 1 every judge scored every entry");
  await expect(organizer.getByRole("button", { name: "Save assignment mode" })).toHaveCount(0);
  await expectAccessible(organizer);

  // An account invited by email joins the final round at once and finds both finalists in its queue.
  const byEmail = organizer.getByRole("region", { name: "Invite a final round judge by email" });
  await byEmail.getByLabel("Judge's email").fill(lateJudge.email);
  await byEmail.getByRole("button", { name: "Invite by email" }).click();
  await expectToast(organizer, "Lou Latecomer already has an account and is now a judge of the final round.");
  await expect(organizer.getByText("Final round judges (2): Fiona Final, Lou Latecomer.")).toBeVisible();
  const late = await pageSignedInAs(browser, lateJudge.email);
  await late.goto(`${setUp.url}/judging`);
  await expect(late.getByRole("heading", { name: "Your final round queue" })).toBeVisible();
  await expect(late.getByRole("link", { name: titles.alpha })).toBeVisible();
  await expect(late.getByRole("link", { name: titles.beta })).toBeVisible();
  await expect(late.getByRole("link", { name: titles.gamma })).toHaveCount(0);

  // Round 1's judge opens an invite link made now: it makes them a judge of the final round, with a queue of finalists.
  const links = organizer.getByRole("region", { name: "Judge invite links" });
  await expect(links).toContainText(`Anyone signed in who opens a link can become a judge of the final round of ${setUp.event.title}`);
  await links.getByRole("button", { name: "Create invite link" }).click();
  const inviteUrl = await organizer.getByRole("textbox", { name: "Invite link" }).inputValue();
  const rana = await pageSignedInAs(browser, roundOneJudge.email);
  await rana.goto(inviteUrl);
  await expect(rana.getByText(`You were invited to judge the final round of ${setUp.event.title}.`)).toBeVisible();
  await expectAccessible(rana);
  await rana.getByRole("button", { name: "Become a judge" }).click();
  await expectToast(rana, `You are now a judge of the final round of ${setUp.event.title}.`);
  await rana.goto(`${setUp.url}/judging`);
  await expect(rana.getByRole("heading", { name: "Your final round queue" })).toBeVisible();
  await expect(rana.getByRole("link", { name: titles.alpha })).toBeVisible();

  // The Manage page lists the final round's judges and adds to them; Remove takes one off the final round, asking first.
  await organizer.goto(`${setUp.url}/manage`);
  const judges = organizer.getByRole("region", { name: "Final round judges (3)" });
  await expect(judges).toContainText("Fiona Final");
  await expect(judges).toContainText("Lou Latecomer");
  await expect(judges).toContainText("Rana Roundone");
  await expect(judges.getByLabel("Add a final round judge by email")).toBeVisible();
  await judges.getByRole("button", { name: "Remove Lou Latecomer from the final round" }).click();
  await expect(
    organizer.getByRole("alert").filter({
      hasText:
        "Remove Lou Latecomer as a final round judge? They lose the final round's queue; round 1's judges stay as they were. They have not scored anything in the final round yet.",
    }),
  ).toBeVisible();
  await expectAccessible(organizer);
  await organizer.getByRole("button", { name: "Remove Lou Latecomer for good" }).click();
  await expectToast(organizer, "Judge removed. Scores they already gave are kept.");
  await expect(organizer.getByRole("region", { name: "Final round judges (2)" })).not.toContainText("Lou Latecomer");
  await Promise.all([organizer.context().close(), late.context().close(), rana.context().close()]);
});
