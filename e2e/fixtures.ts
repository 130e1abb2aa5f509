// Direct set-up for browser tests, as the Epic Stack's fixtures do: accounts, sessions and events are
// written straight into the e2e server's database through the app's own modules, so each test drives
// through the UI only the part of a journey it is about, and no test replays the steps of another.
// playwright.config.ts points DATABASE_URL at the database the e2e server uses before this loads.
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import { entries, events, users } from "#db/schema";
import { db } from "~/db.server";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { createAccount } from "~/modules/auth/accounts.server";
import { startSession } from "~/modules/auth/session.server";
import { entrySubmitSchema } from "~/modules/entries/schemas";
import { saveEntry } from "~/modules/entries/entries.server";
import { addJudge, changePhase, createEvent, listCriteria, type EventRow } from "~/modules/events/events.server";
import { createAward, giveAward, listAwards } from "~/modules/judging/awards.server";
import { saveScores } from "~/modules/judging/judging.server";
import { startFinalRound as startFinalRoundNow } from "~/modules/judging/rounds.server";
import { castVote, saveVoteSettings } from "~/modules/peoples-choice/votes.server";
import { addProblem } from "~/modules/problems/problems.server";
import { createTeam, joinTeam } from "~/modules/teams/teams.server";
import { PASSWORD, unique } from "./helpers";

// Fixtures create accounts by the dozen in this worker process; the production budget of password hashes per second
// (ADR 039) would only slow them. Read at the first hash, after this line has run. The e2e server keeps its default.
process.env.PASSWORD_HASHES_PER_SECOND = "100000";

export type Person = { id: string; email: string; name: string };

/** A new member account (password `PASSWORD`). */
export async function createPerson(name: string): Promise<Person> {
  const email = `${unique(name.toLowerCase().replace(/\W+/g, "-"))}@example.com`;
  const created = await createAccount({ name, email, password: PASSWORD });
  if (!created.ok) throw new Error(`createPerson: ${created.message}`);
  return { id: created.userId, email, name };
}

export async function findPerson(email: string): Promise<Person> {
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no account ${email}`);
  return user;
}

/** A browser page already signed in as `email`: a session row plus its cookie, no sign-in form. */
export async function pageSignedInAs(browser: Browser, email: string, options: BrowserContextOptions = {}): Promise<Page> {
  const person = await findPerson(email);
  const [cookie] = (await startSession(person.id)).split(";");
  const separator = cookie.indexOf("=");
  const baseURL = process.env.E2E_BASE_URL;
  if (!baseURL) throw new Error("E2E_BASE_URL is set by playwright.config.ts");
  const context = await browser.newContext(options);
  await context.addCookies([{ name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return context.newPage();
}

const hoursFromNow = (hours: number) => utcToZonedLocal(new Date(Date.now() + hours * 3_600_000), "UTC");

export type EventSetUp = { event: EventRow; problemId: string; problemTitle: string; url: string };

export type DraftSetUp = { event: EventRow; url: string };

/** A draft UTC event of the demo organizer, with the default rubric and no problem yet. */
export async function draftEvent(title = unique("Direct Hack"), opts: { description?: string; maxTeamSize?: number } = {}): Promise<DraftSetUp> {
  const organizer = await findPerson("organizer@example.com");
  const event = await createEvent(
    { id: organizer.id, role: "organizer" },
    {
      title,
      description: opts.description ?? "Set up directly by the browser tests.",
      timezone: "UTC",
      startsAt: hoursFromNow(-24),
      submissionDeadline: hoursFromNow(7 * 24),
      judgingDeadline: hoursFromNow(14 * 24),
      maxTeamSize: opts.maxTeamSize ?? 5,
    },
  );
  return { event, url: `/events/${event.slug}` };
}

/** Adds a business problem to the event. */
export async function problemFor(eventId: string, title = "Invoice disputes are found too late") {
  return addProblem(eventId, {
    title,
    summary: "Finance learns about disputes only when payment is overdue.",
    whoHasIt: "Accounts receivable team",
    costToday: "23 days of delayed cash per disputed invoice",
    dataAvailable: "Invoices, customer emails, payment dates",
    constraints: "",
    metricName: "Disputes flagged before the due date",
    metricUnit: "",
    metricBaseline: "",
  });
}

/** An open UTC event of the demo organizer with one business problem. */
export async function openEvent(title = unique("Direct Hack"), opts: { maxTeamSize?: number; problems?: string[] } = {}): Promise<EventSetUp> {
  const { event, url } = await draftEvent(title, opts);
  const problem = await problemFor(event.id, opts.problems?.[0]);
  for (const other of opts.problems?.slice(1) ?? []) await problemFor(event.id, other);
  const organizer = await findPerson("organizer@example.com");
  const opened = await changePhase(event, organizer.id, { to: "open", confirmed: false, reason: "" }, new Date());
  if (!opened.ok) throw new Error(`openEvent: ${opened.message}`);
  return { event: await eventRow(event.id), problemId: problem.id, problemTitle: problem.title, url };
}

async function eventRow(id: string): Promise<EventRow> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

const failedAttempt = {
  summary: "A chat window for finance to ask about disputes.",
  outcome: "failed",
  approach: "LLM over exported email threads.",
  metricName: "Disputes flagged before the due date",
  metricBaseline: "12",
  metricTarget: "50",
  postMortemWorked: "Summaries of long threads were accurate.",
  postMortemDidNotWork: "Emails could not be linked to invoices reliably.",
  postMortemRootCause: "data-missing-context",
  postMortemDifferently: "Get the invoice-to-thread link from the CRM first.",
  postMortemNextSteps: "Ask the CRM team for an export.",
} as const;

/** A team of `member` on the event's problem with a submitted entry titled `entryTitle` (a failed attempt by default). */
export async function submittedEntry(
  setUp: EventSetUp,
  member: Person,
  entryTitle: string,
  outcome: "working" | "failed" = "failed",
  teamName = unique("Dispute Detectives"),
) {
  const team = await createTeam(setUp.event, member.id, { name: teamName, problemId: setUp.problemId });
  if (!team.ok) throw new Error(`submittedEntry: ${team.message}`);
  const [entry] = await db.select().from(entries).where(eq(entries.teamId, team.teamId));
  const input = entrySubmitSchema.parse({
    ...failedAttempt,
    outcome,
    metricResult: outcome === "failed" ? "" : "12",
    version: entry.version,
    title: entryTitle,
  });
  const saved = await saveEntry(team.teamId, input, true, new Date());
  if (!saved.ok) throw new Error(`submittedEntry: ${saved.message}`);
  return { teamId: team.teamId, entryId: entry.id };
}

/** A team on the event's first problem, led by `lead`, with `members` joined; its entry is an empty draft. */
export async function teamOf(setUp: EventSetUp, lead: Person, members: Person[] = []) {
  const team = await createTeam(setUp.event, lead.id, { name: unique("Invoice Sleuths"), problemId: setUp.problemId });
  if (!team.ok) throw new Error(`teamOf: ${team.message}`);
  for (const member of members) {
    const joined = await joinTeam({ id: team.teamId, eventId: setUp.event.id }, member.id, setUp.event.maxTeamSize);
    if (!joined.ok) throw new Error(`teamOf: ${joined.message}`);
  }
  return { teamId: team.teamId, url: `${setUp.url}/teams/${team.teamId}` };
}

/** Adds the judges and moves the event to judging, confirming the early start. */
export async function startJudging(setUp: EventSetUp, judges: Person[]) {
  for (const judge of judges) {
    const added = await addJudge(setUp.event.id, judge.email);
    if (!added.ok) throw new Error(`startJudging: ${added.message}`);
  }
  const organizer = await findPerson("organizer@example.com");
  const moved = await changePhase(await eventRow(setUp.event.id), organizer.id, { to: "judging", confirmed: true, reason: "" }, new Date());
  if (!moved.ok) throw new Error(`startJudging: ${moved.message}`);
}

/**
 * Closes round 1 and starts the final round (ADR 038), as the final round page does once confirmed: these entries are
 * the finalists (hand changes get a reason), these people its judges, round 1's rubric copied.
 */
export async function startFinalRound(setUp: EventSetUp, finalistIds: string[], judges: Person[]) {
  const organizer = await findPerson("organizer@example.com");
  const started = await startFinalRoundNow(
    await eventRow(setUp.event.id),
    organizer.id,
    {
      top: finalistIds.length,
      finalists: finalistIds,
      reason: "Set up by the test",
      judges: [],
      judgeEmails: judges.map((j) => j.email).join("\n"),
      rubric: "same",
      confirmed: true,
    },
    new Date(),
    process.env.E2E_BASE_URL ?? "http://localhost",
  );
  if (!started.ok) throw new Error(`startFinalRound: ${started.message}`);
}

/** A complete score sheet: `values` in rubric order, or `value` on every criterion, or 1…5 in turn when neither is given. */
export async function scoreSheet(
  eventId: string,
  entryId: string,
  judge: Person,
  /** `criteria`: score only the rubric's first few criteria, as a judge who stopped part way. */
  opts: { value?: number; values?: number[]; lastComment?: string; overallComment?: string; criteria?: number } = {},
) {
  const criteria = (await listCriteria(eventId)).slice(0, opts.criteria);
  const sheet = criteria.map((c, i) => ({
    criterionId: c.id,
    value: opts.values?.[i] ?? opts.value ?? (i % 5) + 1,
    comment: i === criteria.length - 1 ? (opts.lastComment ?? "") : "",
  }));
  await saveScores(entryId, judge.id, sheet, new Date(), opts.overallComment);
}

/** Makes the normalized ranking the event's official one, as the judging settings page does. */
export async function officialRankingNormalized(eventId: string) {
  await db.update(events).set({ normalizeScores: true }).where(eq(events.id, eventId));
}

/** Gives the event an award named `name` and gives it to the entry (as the awards page does once confirmed). */
export async function givenAward(eventId: string, entryId: string, name: string) {
  await createAward(eventId, { name, description: "" });
  const award = (await listAwards(eventId)).find((a) => a.name === name);
  const given = award ? await giveAward(eventId, award.id, entryId, { confirmedWithoutCompleteSheet: true }) : null;
  if (!given?.ok) throw new Error(`givenAward: could not give ${name}`);
}

/** Publishes the results: the event moves from judging to closed, confirming any warning. */
export async function publishResults(setUp: EventSetUp) {
  const organizer = await findPerson("organizer@example.com");
  const closed = await changePhase(await eventRow(setUp.event.id), organizer.id, { to: "closed", confirmed: true, reason: "" }, new Date());
  if (!closed.ok) throw new Error(`publishResults: ${closed.message}`);
}

/** Reopens a closed event for judging, as an organizer's "Reopen" with a reason does. */
export async function reopenEvent(setUp: EventSetUp) {
  const organizer = await findPerson("organizer@example.com");
  const reason = "A score was entered twice.";
  const reopened = await changePhase(await eventRow(setUp.event.id), organizer.id, { to: "judging", confirmed: true, reason }, new Date());
  if (!reopened.ok) throw new Error(`reopenEvent: ${reopened.message}`);
}

/** Moves the event's submission deadline to `ms` from now, as an organizer's edit would (reminders count down to it). */
export async function submissionDeadlineIn(eventId: string, ms: number) {
  await db
    .update(events)
    .set({ submissionDeadline: new Date(Date.now() + ms) })
    .where(eq(events.id, eventId));
}

/** Turns on the event's people's choice vote, closing `ms` from now, as the organizers' settings page does (ADR 031). */
export async function peoplesChoiceVote(eventId: string, ms: number) {
  const organizer = await findPerson("organizer@example.com");
  if ((await saveVoteSettings(eventId, { enabled: true, closesAt: new Date(Date.now() + ms) }, organizer.id)) !== true)
    throw new Error("peoplesChoiceVote: event closed");
}

/** `person` votes for the entry, as the entry page's button does; the vote must be open. */
export async function voteFor(eventId: string, person: Person, entryId: string) {
  const voted = await castVote(eventId, { id: person.id, role: "member" }, entryId, new Date());
  if (!voted.ok) throw new Error(`voteFor: ${voted.reason}`);
}

/** Moves the event's recorded close `days` back, as if its results were published then (follow-ups count from it, ADR 030). */
export async function closedDaysAgo(eventId: string, days: number) {
  const at = Math.floor((Date.now() - days * 86_400_000) / 1000);
  await db.run(sql`update phase_changes set created_at = ${at} where event_id = ${eventId} and to_phase = 'closed'`);
}
