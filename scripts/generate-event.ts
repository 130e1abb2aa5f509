// `npm run event:generate -- [teams] [judges] [judges per entry]`: a realistic big event in judging, built
// through the app's own modules into DATABASE_URL (default file:data/bench-event.db), with the demo
// accounts (loaded when the database is empty) so organizer@example.com and judge@example.com can sign
// in. Defaults: 300 teams, 25 judges, 5 judges per entry, the default rubric of 6 criteria. Scores follow
// the results benchmark's model (entry quality, judge leniency and spread, noise); a few sheets are left
// half done and a few not started, as in a real event. Prints the event's slug.
import { gaussian, seeded } from "./results-data";

// Accounts are made here in bulk: the server's budget of password hashes per second (ADR 039) is for
// requests, not for this script. Read at the first hash.
process.env.PASSWORD_HASHES_PER_SECOND = "100000";

const [teams, judges, judgesPerEntry] = [300, 25, 5].map((fallback, i) => Number(process.argv[2 + i] ?? fallback));
const url = (process.env.DATABASE_URL ??= "file:data/bench-event.db");

const started = performance.now();
// After DATABASE_URL is set: ~/db.server reads it once, when first imported.
const { migrateDatabase } = await import("#db/migrate");
const { db, dbClient } = await import("~/db.server");
const { entries, events } = await import("#db/schema");
const { eq } = await import("drizzle-orm");
const { utcToZonedLocal } = await import("~/lib/zoned-time");
const { createAccount } = await import("~/modules/auth/accounts.server");
const { entrySubmitSchema } = await import("~/modules/entries/schemas");
const { saveEntry } = await import("~/modules/entries/entries.server");
const { addJudge, changePhase, createEvent, listCriteria } = await import("~/modules/events/events.server");
const { listAssignments, setJudgesPerEntry } = await import("~/modules/events/assignments.server");
const { saveScores } = await import("~/modules/judging/judging.server");
const { addProblem } = await import("~/modules/problems/problems.server");
const { createTeam, joinTeam } = await import("~/modules/teams/teams.server");
const { isDatabaseEmpty, seed } = await import("./seed-data");

await migrateDatabase(db, dbClient, url);
if (await isDatabaseEmpty()) await seed();
const rand = seeded(0xb16e7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const account = async (name: string, email: string) => {
  const created = await createAccount({ name, email, password: "problem-first-demo" });
  if (!created.ok) throw new Error(`${email}: ${created.message}`);
  return { id: created.userId, email };
};
const [organizer] = await db.select({ id: events.createdBy }).from(events).limit(1);
const run = Math.floor(Date.now() / 1000).toString(36);
const hours = (h: number) => utcToZonedLocal(new Date(Date.now() + h * 3_600_000), "UTC");
const event = await createEvent(
  { id: organizer.id, role: "organizer" },
  {
    title: `Company-wide AI Hackathon (${teams} teams) ${run}`,
    description: "A generated event at company scale, for benchmarks.",
    timezone: "UTC",
    startsAt: hours(-48),
    submissionDeadline: hours(24),
    judgingDeadline: hours(24 * 7),
    maxTeamSize: 3,
  },
);
const areas = ["support tickets", "invoices", "sales leads", "contracts", "IT incidents", "onboarding", "supplier claims", "field reports"];
const problemIds: string[] = [];
for (const area of areas) {
  const problem = await addProblem(event.id, {
    title: `Too much manual work on ${area}`,
    summary: `People spend hours a week sorting ${area} by hand.`,
    whoHasIt: "The team that handles them",
    costToday: "About 2 hours per person per day",
    dataAvailable: `Two years of ${area} with their final outcome`,
    constraints: "",
    metricName: "Hours saved per week",
    metricUnit: "h",
    metricBaseline: "0",
  });
  problemIds.push(problem.id);
}
const opened = await changePhase(event, organizer.id, { to: "open", confirmed: true, reason: "" }, new Date());
if (!opened.ok) throw new Error(opened.message);

const verbs = ["Sorter", "Assistant", "Checker", "Summarizer", "Router", "Extractor", "Forecaster", "Matcher"];
for (let t = 0; t < teams; t++) {
  const n = String(t + 1).padStart(3, "0");
  const lead = await account(`Lead ${n}`, `lead${n}.${run}@bench.example.com`);
  const team = await createTeam(event, lead.id, { name: `Team ${n}`, problemId: pick(problemIds) });
  if (!team.ok) throw new Error(team.message);
  if (rand() < 0.5) {
    const member = await account(`Member ${n}`, `member${n}.${run}@bench.example.com`);
    const joined = await joinTeam({ id: team.teamId, eventId: event.id }, member.id, 3);
    if (!joined.ok) throw new Error(joined.message);
  }
  const [entry] = await db.select({ version: entries.version }).from(entries).where(eq(entries.teamId, team.teamId));
  const outcome = pick(["working", "working", "partial", "failed"] as const);
  const area = pick(areas);
  const input = entrySubmitSchema.parse({
    version: entry.version,
    title: `${area.charAt(0).toUpperCase()}${area.slice(1)} ${pick(verbs)} ${n}`,
    summary: `A ${pick(verbs).toLowerCase()} for ${area}, measured against last quarter's numbers.`,
    outcome,
    approach: "A small model fine-tuned on the history, with an LLM writing the reasons shown to the user.",
    metricName: "Hours saved per week",
    metricBaseline: "0",
    metricTarget: "10",
    metricResult: outcome === "failed" ? "" : String(Math.round(rand() * 12)),
    postMortemWorked: "The suggestions were right most of the time.",
    postMortemDidNotWork: "Edge cases needed context the data did not have.",
    postMortemRootCause: pick(["data-missing-context", "model-capability", "scope-or-time", "integration"]),
    postMortemDifferently: "Start from the cases people find hardest.",
    postMortemNextSteps: "Pilot with one team for a month.",
  });
  const saved = await saveEntry(team.teamId, input, true, new Date());
  if (!saved.ok) throw new Error(saved.message);
}

const judgeEmails = ["judge@example.com", "judge2@example.com"];
for (let j = judgeEmails.length; j < judges; j++) judgeEmails.push((await account(`Judge ${j + 1}`, `judge${j + 1}.${run}@bench.example.com`)).email);
for (const email of judgeEmails) {
  const added = await addJudge(event.id, email);
  if (!added.ok) throw new Error(`${email}: ${added.message}`);
}
const perEntry = await setJudgesPerEntry({ id: event.id, judgesPerEntry: null }, judgesPerEntry);
if (!perEntry.ok) throw new Error(perEntry.message);
const [current] = await db.select().from(events).where(eq(events.id, event.id));
const judging = await changePhase(current, organizer.id, { to: "judging", confirmed: true, reason: "" }, new Date());
if (!judging.ok) throw new Error(judging.message);

// The results benchmark's score model: quality per entry and criterion, leniency and spread per judge, noise.
const rubric = await listCriteria(event.id);
const assignments = await listAssignments(event.id);
const quality = new Map<string, number[]>();
const habit = new Map<string, { leniency: number; spread: number }>();
let sheets = 0;
for (const entry of assignments) {
  const overall = gaussian(rand, 0, 0.9);
  quality.set(
    entry.id,
    rubric.map(() => overall + gaussian(rand, 0, 0.4)),
  );
  for (const judge of entry.judges) {
    if (!habit.has(judge.judgeId)) habit.set(judge.judgeId, { leniency: gaussian(rand, 0, 0.5), spread: 0.6 + rand() * 0.8 });
    const { leniency, spread } = habit.get(judge.judgeId)!;
    const chance = rand();
    if (chance < 0.02) continue; // not started yet
    const sheet = rubric
      .map((c, k) => ({
        criterionId: c.id,
        value: Math.min(
          event.scaleMax,
          Math.max(1, Math.round((1 + event.scaleMax) / 2 + leniency + spread * quality.get(entry.id)![k] + gaussian(rand, 0, 0.6))),
        ),
        comment: k === 0 && rand() < 0.3 ? "Clear problem, named user." : "",
      }))
      .slice(0, chance < 0.05 ? 3 : rubric.length); // a few half-done sheets
    await saveScores(entry.id, judge.judgeId, sheet, new Date(), rand() < 0.2 ? "Good use of existing tools." : undefined);
    sheets++;
  }
}
console.error(
  `Generated "${event.title}": ${teams} teams, ${judges} judges, ${judgesPerEntry} per entry, ${sheets} score sheets in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
console.log(event.slug);
dbClient.close();
