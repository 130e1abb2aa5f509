// Demo data for a first run: a closed past event with scored entries (working, partial, failed),
// an event in judging with one incomplete score sheet, and an open event, plus one account per
// role. Runs through the app's own modules so the
// demo data obeys the same rules as real data.
import { sql } from "drizzle-orm";
import { users } from "#db/schema";
import { db } from "~/db.server";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { configuredOrigin } from "~/lib/urls.server";
import { createAnnouncement } from "~/modules/announcements/announcements.server";
import { createAccount } from "~/modules/auth/accounts.server";
import { saveEntry, getTeamEntry } from "~/modules/entries/entries.server";
import { listQuestions, saveQuestions } from "~/modules/entries/questions.server";
import type { EntryInput } from "~/modules/entries/schemas";
import { addJudge, changePhase, createEvent, listCriteria } from "~/modules/events/events.server";
import { updateJudgingSettings } from "~/modules/judging/settings.server";
import { updateEvent } from "~/modules/events/settings.server";
import { recordFollowUp } from "~/modules/follow-ups/follow-ups.server";
import { inviteJudgeByEmail } from "~/modules/events/judge-invites.server";
import { addDefaultAwards, giveAward, listAwards } from "~/modules/judging/awards.server";
import { saveScores } from "~/modules/judging/judging.server";
import { startFinalRound } from "~/modules/judging/rounds.server";

/** A phase move of the demo data that was refused stops the seed, rather than leaving an event behind its story. */
function moved(result: Awaited<ReturnType<typeof changePhase>>) {
  if (!result.ok) throw new Error(`Seed: a phase move was refused: ${result.message}`);
}

/** So does a join or an entry's save that was refused (an event not open, a full team). */
function done(what: string, result: { ok: true } | { ok: false; message: string }) {
  if (!result.ok) throw new Error(`Seed: ${what} was refused: ${result.message}`);
}
import { saveProfile } from "~/modules/portfolio/portfolio.server";
import { castVote, saveVoteSettings } from "~/modules/peoples-choice/votes.server";
import { addProblem, copyProblems } from "~/modules/problems/problems.server";
import { askToJoin } from "~/modules/teams/join-requests.server";
import { declineInvitation, inviteSeeker, saveOpening, saveSeekerPost } from "~/modules/teams/team-finder.server";
import { createTeam, joinTeam } from "~/modules/teams/teams.server";

const DEMO_PASSWORD = "problem-first-demo";

const demoAccounts = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin" },
  { email: "organizer@example.com", name: "Omar Organizer", role: "organizer" },
  { email: "judge@example.com", name: "Judy Judge", role: "member" },
  { email: "judge2@example.com", name: "Jonas Judge", role: "member" },
  { email: "participant@example.com", name: "Pat Participant", role: "member" },
  { email: "participant2@example.com", name: "Priya Participant", role: "member" },
  { email: "participant3@example.com", name: "Sam Participant", role: "member" },
  { email: "participant4@example.com", name: "Lee Participant", role: "member" },
] as const;

const day = 86_400_000;
const local = (ms: number) => utcToZonedLocal(new Date(ms), "Europe/Berlin");

export async function isDatabaseEmpty() {
  const [{ count }] = await db.select({ count: sql<number>`count(*)` }).from(users);
  return count === 0;
}

function entry(fields: Partial<EntryInput>): EntryInput {
  return {
    version: 1,
    title: "",
    summary: "",
    outcome: undefined,
    tags: "",
    demoUrl: "",
    repoUrl: "",
    videoUrl: "",
    approach: "",
    metricName: "",
    metricUnit: "",
    metricBaseline: "",
    metricTarget: "",
    metricResult: "",
    postMortemWorked: "",
    postMortemDidNotWork: "",
    postMortemRootCause: undefined,
    postMortemRootCauseOther: "",
    postMortemDifferently: "",
    postMortemNextSteps: "",
    ...fields,
  };
}

export async function seed(now = new Date()) {
  const ids: Record<string, string> = {};
  for (const a of demoAccounts) {
    const created = await createAccount({ name: a.name, email: a.email, password: DEMO_PASSWORD, role: a.role });
    if (!created.ok) throw new Error(`Seed: ${a.email}: ${created.message}`);
    ids[a.email] = created.userId;
  }
  // Profile lines on two accounts, so their portfolio pages (/people/<id>) show a headline and skills.
  const nameOf = (email: string) => demoAccounts.find((a) => a.email === email)!.name;
  for (const [email, headline, skills] of [
    ["participant@example.com", "Analyst, Customer support operations", "SQL, prompt design, Zendesk"],
    ["participant2@example.com", "Finance operations", "Excel, Python, invoice matching"],
  ])
    await saveProfile(ids[email], { name: nameOf(email), headline, skills });
  const organizer = { id: ids["organizer@example.com"], role: "organizer" as const };
  const t = now.getTime();

  // A past event, closed with published results. Its first web address, /events/autumn-hackathon, still leads to it
  // (ADR 062).
  const pastDetails = {
    title: "Autumn AI Hackathon 2026",
    description: "Two days on real support, sales and finance problems. Every team declared an AI metric up front; failed attempts count.",
    timezone: "Europe/Berlin",
    startsAt: local(t - 80 * day),
    submissionDeadline: local(t - 78 * day),
    judgingDeadline: local(t - 72 * day),
    maxTeamSize: 4,
  };
  const first = await createEvent(organizer, { ...pastDetails, slug: "autumn-hackathon" });
  const renamed = await updateEvent(first, { ...pastDetails, slug: "", tagline: "", rules: "" });
  if (!renamed.ok) throw new Error(`Renaming the demo's past event failed: ${renamed.message}`);
  // Notices and mails made below link to the event's address as it is now.
  const past = { ...first, slug: renamed.slug };
  const triage = await addProblem(past.id, {
    title: "Support ticket triage takes too long",
    summary: "Tier-1 agents spend the first minutes of every ticket working out which queue it belongs to.",
    whoHasIt: "Tier-1 support agents",
    costToday: "About 6 minutes per ticket, 40,000 tickets a month: roughly 4,000 agent hours.",
    dataAvailable: "Two years of tickets with final queue labels; macros; the product catalogue.",
    constraints: "Customer text must not leave the EU region.",
    metricName: "Correct queue on first assignment",
    metricUnit: "%",
    metricBaseline: "71",
  });
  const invoices = await addProblem(past.id, {
    title: "Invoice disputes are found too late",
    summary: "Finance learns about disputed invoices only when payment is overdue.",
    whoHasIt: "Accounts receivable team",
    costToday: "Average 23 days of delayed cash on disputed invoices.",
    dataAvailable: "Invoice history, email threads with customers (unstructured), payment dates.",
    constraints: "",
    metricName: "Disputes flagged before the due date",
    metricUnit: "%",
    metricBaseline: "12",
  });
  const member = (email: string) => ids[email];
  const teamsSpec = [
    {
      name: "Queue Whisperers",
      problem: triage.id,
      members: ["participant@example.com", "participant2@example.com"],
      entry: entry({
        title: "Queue suggester in the ticket sidebar",
        summary: "Suggests the top three queues with reasons; the agent picks.",
        outcome: "working",
        tags: "support, classification, sidebar",
        repoUrl: "https://git.example.com/hack/queue-suggester",
        // A video link plays on the entry page (an open-licence film stands in for the team's demo recording).
        videoUrl: "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        approach: "Fine-tuned a small classifier on two years of labelled tickets; an LLM writes a one-line reason for each suggestion.",
        metricName: "Correct queue on first assignment",
        metricUnit: "%",
        metricBaseline: "71",
        metricTarget: "85",
        metricResult: "88",
        postMortemWorked: "Showing three ranked options with reasons: agents trusted it because they stayed in control.",
        postMortemDidNotWork: "Rare queues (under 1% of tickets) were almost never suggested.",
        postMortemRootCause: "data-missing-context",
        postMortemDifferently: "Collect examples of rare queues before the hackathon.",
        postMortemNextSteps: "Pilot with one support pod for two weeks.",
      }),
    },
    {
      name: "Chat Everything",
      problem: triage.id,
      members: ["participant3@example.com"],
      entry: entry({
        title: "Support chatbot for agents",
        summary: "A chat window where agents ask which queue a ticket belongs to.",
        outcome: "failed",
        tags: "support, chatbot, llm",
        approach: "General-purpose LLM with the ticket pasted into a chat; no retrieval.",
        metricName: "Correct queue on first assignment",
        metricUnit: "%",
        metricBaseline: "71",
        metricTarget: "85",
        metricResult: "",
        postMortemWorked: "The model explained queue rules well when they were in the prompt.",
        postMortemDidNotWork: "Tickets lacked account context, so answers were confident and wrong; copy-pasting into a chat was slower than picking a queue.",
        postMortemRootCause: "data-missing-context",
        postMortemDifferently: "Start from the agent's workflow instead of a chat window; bring account data in.",
        postMortemNextSteps: "Hand the account-context finding to the Queue Whisperers pilot.",
      }),
    },
    {
      name: "Cash Flow Detectives",
      problem: invoices.id,
      members: ["participant4@example.com"],
      entry: entry({
        title: "Early dispute signals from email",
        summary: "Flags invoices whose email threads sound like a dispute is coming.",
        outcome: "partial",
        tags: "finance, email, classification",
        approach: "Embedding search over customer emails linked to invoices, with a threshold the AR lead can tune.",
        metricName: "Disputes flagged before the due date",
        metricUnit: "%",
        metricBaseline: "12",
        metricTarget: "50",
        metricResult: "34",
        postMortemWorked: "The tunable threshold let the AR lead trade false alarms against misses.",
        postMortemDidNotWork: "Linking emails to invoices by hand-typed numbers failed for a third of the threads.",
        postMortemRootCause: "integration",
        postMortemDifferently: "Get the invoice-to-thread link from the CRM instead of parsing.",
        postMortemNextSteps: "Ask the CRM team for the thread-to-invoice export.",
      }),
    },
  ];
  // Opened before its teams form: entries are saved only while an event is open.
  moved(await changePhase(past, organizer.id, { to: "open", confirmed: false, reason: "" }, new Date(t - 81 * day)));
  const pastEntries: string[] = [];
  for (const spec of teamsSpec) {
    const [first, ...rest] = spec.members;
    const created = await createTeam(past, member(first), { name: spec.name, problemId: spec.problem });
    if (!created.ok) throw new Error(`Seed: team ${spec.name}: ${created.message}`);
    for (const m of rest) done(`joining ${spec.name}`, await joinTeam({ id: created.teamId, eventId: past.id }, member(m), past.maxTeamSize));
    done(`the entry of ${spec.name}`, await saveEntry(created.teamId, spec.entry, true, new Date(t - 79 * day)));
    pastEntries.push((await getTeamEntry(created.teamId))!.id);
  }
  await addJudge(past.id, "judge@example.com");
  await addJudge(past.id, "judge2@example.com");
  moved(await changePhase({ ...past, phase: "open" }, organizer.id, { to: "judging", confirmed: false, reason: "" }, new Date(t - 77 * day)));
  const rubric = await listCriteria(past.id);
  const judgeValues: Record<string, number[][]> = {
    "judge@example.com": [
      [5, 4, 5, 5, 5, 4],
      [3, 1, 3, 2, 2, 5],
      [4, 4, 4, 4, 5, 4],
    ],
    "judge2@example.com": [
      [4, 4, 4, 5, 4, 4],
      [3, 2, 3, 2, 1, 5],
      [4, 3, 4, 3, 4, 4],
    ],
  };
  for (const [email, perEntry] of Object.entries(judgeValues)) {
    for (const [i, values] of perEntry.entries()) {
      await saveScores(
        pastEntries[i],
        ids[email],
        rubric.map((c, k) => ({
          criterionId: c.id,
          value: values[k],
          comment: k === 0 ? "Clear problem owner and measurable pain." : k === 5 ? "The post-mortem names a cause the next team can act on." : "",
        })),
        new Date(t - 74 * day),
      );
    }
  }
  // A final round (ADR 038): the organizer shortlisted round 1's top two and added the failed chatbot by hand, so the
  // jury could hear its post-mortem live; both judges scored the three finalists on the live-demo rubric. Its ranking
  // is the published one; round 1's stays on the results page for organizers.
  const finalRound = await startFinalRound(
    { ...past, phase: "judging" },
    organizer.id,
    {
      top: 2,
      finalists: [pastEntries[0], pastEntries[2], pastEntries[1]],
      reason: "Its post-mortem is the most instructive of the event: the jury wanted to hear it live.",
      judges: [ids["judge@example.com"], ids["judge2@example.com"]],
      judgeEmails: "",
      rubric: "live-demo",
      confirmed: true,
    },
    new Date(t - 74 * day),
    configuredOrigin(),
  );
  if (!finalRound.ok) throw new Error(`Seed: final round: ${finalRound.message}`);
  const finalRubric = await listCriteria(past.id, 2);
  const finalValues: Record<string, number[][]> = {
    "judge@example.com": [
      [5, 5, 4],
      [2, 3, 5],
      [4, 4, 4],
    ],
    "judge2@example.com": [
      [5, 4, 5],
      [3, 2, 4],
      [4, 3, 4],
    ],
  };
  for (const [email, perEntry] of Object.entries(finalValues))
    for (const [i, values] of perEntry.entries())
      await saveScores(
        pastEntries[i],
        ids[email],
        finalRubric.map((c, k) => ({ criterionId: c.id, value: values[k], comment: k === 0 ? "Shown live on real tickets." : "" })),
        new Date(t - 73.5 * day),
        i === 1 ? "The live walk-through of what failed was the most useful ten minutes of the day." : undefined,
      );
  // Awards: the queue suggester ranks first; the chatbot's post-mortem taught the most.
  await addDefaultAwards(past.id);
  const awardIds = new Map((await listAwards(past.id)).map((a) => [a.kind, a.id]));
  await giveAward(past.id, awardIds.get("best-overall")!, pastEntries[0]);
  await giveAward(past.id, awardIds.get("most-valuable-failure")!, pastEntries[1]);
  await giveAward(past.id, awardIds.get("best-ai-metric")!, pastEntries[0]);
  // A people's choice vote (ADR 031), closed a day before results: the queue suggester wins it, so publishing below
  // gives it the People's choice award, and the results page shows the counts.
  await saveVoteSettings(past.id, { enabled: true, closesAt: new Date(t - 73 * day) }, organizer.id);
  for (const [email, i] of [
    ["participant3@example.com", 0],
    ["participant4@example.com", 0],
    ["admin@example.com", 0],
    ["judge@example.com", 2],
    ["organizer@example.com", 2],
    ["participant@example.com", 1],
  ] as const) {
    const voted = await castVote(past.id, { id: ids[email], role: "member" }, pastEntries[i], new Date(t - 76 * day));
    if (!voted.ok) throw new Error(`Seed: vote of ${email}: ${voted.reason}`);
  }
  moved(
    await changePhase({ ...past, phase: "judging", judgingRound: 2 }, organizer.id, { to: "closed", confirmed: false, reason: "" }, new Date(t - 72 * day)),
  );
  // What happened next (ADR 030): the teams' follow-ups a month after the event, so the archive's "Went to
  // production" filter, its home figures, the digest and the entry pages show answers.
  for (const [i, email, answer] of [
    [
      0,
      "participant@example.com",
      { status: "adopted", why: "Rolled out to every tier-1 pod after a two-week pilot; rare queues now come from a short rules list.", metricValue: "86" },
    ],
    [1, "participant3@example.com", { status: "dropped", why: "The queue suggester covered the need; nobody wanted a chat window for this.", metricValue: "" }],
    [
      2,
      "participant4@example.com",
      { status: "parked", why: "Waiting for the CRM's invoice-to-thread export: without it a third of the threads cannot be linked.", metricValue: "34" },
    ],
  ] as const) {
    const recorded = await recordFollowUp(pastEntries[i], ids[email], answer, new Date(t - 40 * day));
    if (!recorded.ok) throw new Error(`Seed: follow-up of ${email}: ${recorded.message}`);
  }

  // An event in judging right now, with one score sheet left incomplete: the organizer's dashboard shows
  // per-judge progress and publishing asks for a confirmation that lists the gap.
  const judging = await createEvent(organizer, {
    title: "Spring Ops Sprint",
    description: "A one-day sprint on operations problems. Judging is under way.",
    timezone: "Europe/Berlin",
    startsAt: local(t - 4 * day),
    submissionDeadline: local(t - 3 * day),
    judgingDeadline: local(t + 4 * day),
    maxTeamSize: 4,
  });
  const shifts = await addProblem(judging.id, {
    title: "Shift plans break when someone calls in sick",
    summary: "Team leads rebuild the day's shift plan by hand every time someone is absent.",
    whoHasIt: "Warehouse team leads",
    costToday: "About 40 minutes of a team lead's morning, three times a week.",
    dataAvailable: "A year of shift plans and absence records.",
    constraints: "",
    metricName: "Minutes to a new shift plan",
    metricUnit: "min",
    metricBaseline: "40",
  });
  const sprintEntries: string[] = [];
  moved(await changePhase(judging, organizer.id, { to: "open", confirmed: false, reason: "" }, new Date(t - 4 * day)));
  for (const [name, email, fields] of [
    ["Shift Shufflers", "participant3@example.com", { title: "Shift plan repair suggestions", outcome: "working", metricResult: "8" }],
    ["Rota Rescue", "participant4@example.com", { title: "Absence forecast from chat messages", outcome: "failed", metricResult: "" }],
  ] as const) {
    const created = await createTeam(judging, member(email), { name, problemId: shifts.id });
    if (!created.ok) throw new Error(`Seed: team ${name}: ${created.message}`);
    const common = {
      summary: "Built in one day.",
      approach: "Off-the-shelf models.",
      metricName: "Minutes to a new shift plan",
      metricUnit: "min",
      metricBaseline: "40",
      metricTarget: "10",
    };
    const postMortem = {
      postMortemWorked: "Team leads liked choosing between options.",
      postMortemDidNotWork: "Absence reasons were missing.",
      postMortemRootCause: "data-missing-context",
      postMortemDifferently: "Start from the absence records.",
      postMortemNextSteps: "Try with one site.",
    } as const;
    done(`the entry of ${name}`, await saveEntry(created.teamId, entry({ ...common, ...postMortem, ...fields }), true, new Date(t - 3.5 * day)));
    sprintEntries.push((await getTeamEntry(created.teamId))!.id);
  }
  // A team that saved its entry but never submitted it: when judging started, its members were told it is not judged.
  const drafted = await createTeam(judging, member("participant2@example.com"), { name: "Night Shift Notes", problemId: shifts.id });
  if (!drafted.ok) throw new Error(`Seed: team Night Shift Notes: ${drafted.message}`);
  done(
    "the draft of Night Shift Notes",
    await saveEntry(drafted.teamId, entry({ title: "Shift handover summaries", summary: "Half built." }), false, new Date(t - 3.6 * day)),
  );
  await addJudge(judging.id, "judge@example.com");
  await addJudge(judging.id, "judge2@example.com");
  moved(await changePhase({ ...judging, phase: "open" }, organizer.id, { to: "judging", confirmed: false, reason: "" }, new Date(t - 2 * day)));
  const sprintRubric = await listCriteria(judging.id);
  const sheet = (n: number) => sprintRubric.slice(0, n).map((c) => ({ criterionId: c.id, value: 4, comment: "" }));
  await saveScores(sprintEntries[0], ids["judge@example.com"], sheet(sprintRubric.length), new Date(t - 1 * day));
  await saveScores(sprintEntries[1], ids["judge@example.com"], sheet(sprintRubric.length), new Date(t - 1 * day));
  await saveScores(sprintEntries[0], ids["judge2@example.com"], sheet(sprintRubric.length), new Date(t - 1 * day));
  await saveScores(sprintEntries[1], ids["judge2@example.com"], sheet(2), new Date(t - 1 * day));
  // The organizer lets teams see which judge wrote each piece of feedback: the Manage page's history says so (ADR 066).
  const settled = await updateJudgingSettings(judging.id, { normalizeScores: false, blindJudging: false, showJudgeNames: true }, organizer.id);
  if (!settled.ok) throw new Error(`Seed: judging settings: ${settled.message}`);
  // Its people's choice vote is open for two more days; two people voted (counts stay hidden until results).
  await saveVoteSettings(judging.id, { enabled: true, closesAt: new Date(t + 2 * day) }, organizer.id);
  await castVote(judging.id, { id: ids["participant@example.com"], role: "member" }, sprintEntries[0], now);
  await castVote(judging.id, { id: ids["participant2@example.com"], role: "member" }, sprintEntries[1], now);

  // An event open for entries right now.
  const open = await createEvent(organizer, {
    title: "Winter AI Hackathon",
    description:
      "Pick a business problem, declare the AI metric that would prove progress, and build. A failed attempt with a good post-mortem is a full entry.",
    rules: [
      "- Teams of 1 to 5; everyone on a team is named on the entry.",
      "- Only data the problem lists, or data your own team owns. **No customer personal data** leaves its system.",
      "- A failed attempt counts as a full entry: submit its post-mortem.",
      "",
      "**Can we use an external model API?** Yes, for data classified internal or public. Ask the problem's owner first for anything else.",
    ].join("\n"),
    timezone: "Europe/Berlin",
    startsAt: local(t - 1 * day),
    submissionDeadline: local(t + 14 * day),
    judgingDeadline: local(t + 21 * day),
    maxTeamSize: 5,
  });
  const onboarding = await addProblem(open.id, {
    title: "New sales reps take months to ramp up",
    summary: "Reps ask senior colleagues the same product questions again and again.",
    whoHasIt: "Sales reps in their first 90 days",
    costToday: "Ramp-up averages 5 months; senior reps lose about 3 hours a week answering questions.",
    dataAvailable: "Product docs, recorded demo calls (transcribed), the internal Q&A channel history.",
    constraints: "Pricing answers must come from the price book, never generated.",
    metricName: "Questions answered without a senior rep",
    metricUnit: "%",
    metricBaseline: "20",
  });
  await addProblem(open.id, {
    title: "Support ticket triage, second try",
    summary: "Last time's pilot covered common queues; rare queues still go wrong.",
    whoHasIt: "Tier-1 support agents",
    costToday: "Misrouted rare tickets wait 2 days on average.",
    dataAvailable: "Labelled tickets now include account context.",
    constraints: "",
    metricName: "Correct queue on first assignment for rare queues",
    metricUnit: "%",
    metricBaseline: "35",
  });
  // Posted again from the past event with "Copy problems": its page shows every earlier attempt and the best AI metric (ADR 023).
  await copyProblems(past.id, open.id, [invoices.id]);
  moved(await changePhase(open, organizer.id, { to: "open", confirmed: false, reason: "" }, now));
  await addJudge(open.id, "judge@example.com");
  // A judge invited by email who has no account yet: waiting on the judges page, with Resend and Withdraw (ADR 027).
  await inviteJudgeByEmail({ event: open, email: "guest.judge@example.com", inviter: { id: organizer.id, name: "Omar Organizer" }, now });
  // Two custom submission questions (ADR 036); Ramp Rockets' draft answers both.
  await saveQuestions(
    open.id,
    {
      questions: [
        { label: "Did you use customer data?", kind: "yes-no", required: true, options: "" },
        { label: "Which team would run it after the event?", kind: "choice", required: false, options: "Sales enablement\nSupport\nNobody yet" },
      ],
    },
    // A new event has no questions to remove, so nothing needs confirming.
    { confirmed: false, typedName: "" },
  );
  const [usesCustomerData, runBy] = await listQuestions(open.id);
  const team = await createTeam(open, member("participant2@example.com"), { name: "Ramp Rockets", problemId: onboarding.id });
  if (team.ok) {
    done(
      "the draft of Ramp Rockets",
      await saveEntry(
        team.teamId,
        {
          ...entry({ title: "Ask-the-docs for new reps", summary: "Answers product questions with links to the source.", tags: "sales, retrieval" }),
          answers: { [usesCustomerData.id]: "no", [runBy.id]: "Sales enablement" },
        },
        false,
        now,
      ),
    );
    // Finding a team (ADR 032): Ramp Rockets looks for members, three people post that they look for a team, and one has asked to join.
    await saveOpening(
      { id: team.teamId, eventId: open.id },
      member("participant2@example.com"),
      "Someone who knows the CRM's data, and a designer for the reps' view.",
    );
    await saveSeekerPost(open, member("participant@example.com"), {
      skills: "SQL, prompt design, Zendesk; ran last year's ticket triage pilot",
      problemId: onboarding.id,
    });
    await saveSeekerPost(open, member("participant3@example.com"), { skills: "Python, forecasting, shift planning" });
    await askToJoin(open, team.teamId, member("participant@example.com"), "I can bring the support Q&A history as data.", configuredOrigin());
    // The lead read the forecaster's post and invited them: participant3 has the invitation in their notifications
    // and on the Find a team page.
    const rampRockets = { id: team.teamId, eventId: open.id, name: "Ramp Rockets", maxTeamSize: open.maxTeamSize };
    const priya = { id: member("participant2@example.com"), name: "Priya Participant" };
    await inviteSeeker(rampRockets, priya, member("participant3@example.com"), open, configuredOrigin(), now);
    // Lee looks for a team too, was invited, and said no thanks: the invitation's notice now leads to a page that says
    // so (ADR 068), and Priya sees the answer beside Lee's post.
    await saveSeekerPost(open, member("participant4@example.com"), { skills: "UX research, sales enablement content" });
    await inviteSeeker(rampRockets, priya, member("participant4@example.com"), open, configuredOrigin(), now);
    await declineInvitation(team.teamId, member("participant4@example.com"), now);
  }

  // Announcements in the open event: a welcome already sent to everyone, and a reminder to the teams waiting for its time.
  await createAnnouncement(
    open,
    organizer.id,
    {
      title: "Welcome to the Winter AI Hackathon",
      body: "Glad you are here! Three things before you build:\n\n1. Pick a **business problem**, not a technology.\n2. Declare your AI metric with a baseline.\n3. A failed attempt with a good post-mortem is a full entry.\n\nQuestions? Write to [the organizers](mailto:organizer@example.com).",
      audience: "everyone",
      sendAt: now,
    },
    now,
    configuredOrigin(),
  );
  await createAnnouncement(
    open,
    organizer.id,
    {
      title: "Two days left: write your post-mortem",
      body: "The submission deadline is in two days. Every entry needs its post-mortem, *failed ones included*: what worked, what did not, and why.",
      audience: "teams",
      sendAt: new Date(t + 12 * day),
    },
    now,
    configuredOrigin(),
  );
}
