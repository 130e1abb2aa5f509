// `npm run archive:generate [path]`: a realistic archive of 20,000 submitted entries over ~40 closed
// events (2022–2026) with their follow-ups, in a database file of its own (default data/bench-archive.db; argv[2] or
// ARCHIVE_DB overrides it). Deterministic text from a seeded PRNG; the FTS index is filled by the
// archive triggers (migrations 0002, 0006). Sign in as bench@example.com / problem-first-demo.
import fs from "node:fs";
import type { RootCause } from "#db/enums";

// Accounts are made here in bulk: the server's budget of password hashes per second (ADR 039) is for
// requests, not for this script. Read at the first hash.
process.env.PASSWORD_HASHES_PER_SECOND = "100000";

const ARCHIVE_DB_DEFAULT = "data/bench-archive.db";
const BENCH_EMAIL = "bench@example.com";

const file = process.argv[2] ?? process.env.ARCHIVE_DB ?? ARCHIVE_DB_DEFAULT;
const ENTRIES = Number(process.env.ARCHIVE_ENTRIES ?? 20_000);
const EVENTS = 40;
const PROBLEMS_PER_EVENT = 8;
const BATCH = 500;

for (const s of ["", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
const url = `file:${file}`;
// Before any app module is loaded: ~/db.server and env() read it once.
process.env.DATABASE_URL = url;

const started = performance.now();
const { openDatabase } = await import("#db/client");
const { migrateDatabase } = await import("#db/migrate");
const { users, events, problems, teams, entries, followUps } = await import("#db/schema");
const { newId } = await import("~/lib/ids");
const { hashPassword } = await import("~/modules/auth/password.server");
const { sql } = await import("drizzle-orm");
// Follow-ups are asked for 30 and 90 days after an event closes (ADR 030); the archive is as of this day.
const AS_OF = Date.UTC(2026, 11, 1);
// The demo password of scripts/seed-data.ts (not imported: that module opens the app's database client).
const DEMO_PASSWORD = "problem-first-demo";

type Outcome = "working" | "partial" | "failed";

// mulberry32: small, fast, seeded.
let state = 0x5eed1234;
function rand() {
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const chance = (p: number) => rand() < p;
function pickSome<T>(xs: readonly T[], n: number): T[] {
  const copy = [...xs];
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return out;
}
const fill = (template: string, slots: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => slots[k] ?? k);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------
// Vocabulary. Each business area has the things it deals with, who has the problem, and data.

type Area = { name: string; tag: string; things: string[]; thing1: string[]; who: string[]; data: string[]; metrics: [string, string][] };
const areas: Area[] = [
  {
    name: "support",
    tag: "support",
    things: ["support tickets", "chat transcripts", "refund requests", "bug reports", "warranty claims"],
    thing1: ["ticket", "refund", "escalation", "complaint"],
    who: ["Tier-1 support agents", "the escalation team", "support team leads"],
    data: ["two years of tickets with queue labels", "chat transcripts", "the macro library", "the product catalogue"],
    metrics: [
      ["Correct queue on first assignment", "%"],
      ["Median handling time", "min"],
      ["First-contact resolution", "%"],
    ],
  },
  {
    name: "finance",
    tag: "finance",
    things: ["invoices", "expense reports", "payment reminders", "purchase orders", "credit notes"],
    thing1: ["invoice", "payment", "dispute", "reconciliation"],
    who: ["the accounts receivable team", "accounts payable clerks", "the controlling team"],
    data: ["invoice history in the ERP", "payment dates", "email threads with customers", "scanned PDF invoices"],
    metrics: [
      ["Disputes flagged before the due date", "%"],
      ["Invoices matched automatically", "%"],
      ["Days sales outstanding", "days"],
    ],
  },
  {
    name: "sales",
    tag: "sales",
    things: ["sales calls", "RFP questionnaires", "lead lists", "proposals", "renewal notices"],
    thing1: ["lead", "deal", "quote", "renewal"],
    who: ["new sales reps", "account executives", "the sales operations team"],
    data: ["CRM opportunity history", "recorded demo calls (transcribed)", "the price book", "past RFP answers"],
    metrics: [
      ["Questions answered without a senior rep", "%"],
      ["Hours per RFP", "hours"],
      ["Qualified leads per week", "leads"],
    ],
  },
  {
    name: "legal",
    tag: "legal",
    things: ["contracts", "NDAs", "data processing agreements", "policy documents"],
    thing1: ["contract", "clause", "obligation", "renewal date"],
    who: ["in-house counsel", "the procurement legal desk", "contract managers"],
    data: ["a contract repository in SharePoint", "the clause library", "signed PDFs"],
    metrics: [
      ["Clauses extracted correctly", "%"],
      ["Days to first contract review", "days"],
      ["Risky clauses caught", "%"],
    ],
  },
  {
    name: "hr",
    tag: "hr",
    things: ["job applications", "onboarding questions", "policy questions", "exit interviews"],
    thing1: ["candidate", "policy", "onboarding", "benefit"],
    who: ["recruiters", "new hires in their first month", "HR business partners"],
    data: ["the applicant tracking system", "the HR wiki", "anonymised exit interview notes"],
    metrics: [
      ["Time to first interview", "days"],
      ["Policy questions answered by self-service", "%"],
      ["Recruiter hours per hire", "hours"],
    ],
  },
  {
    name: "operations",
    tag: "operations",
    things: ["shipping delays", "inventory forecasts", "maintenance logs", "supplier emails"],
    thing1: ["shipment", "forecast", "stockout", "maintenance"],
    who: ["warehouse planners", "the logistics desk", "plant maintenance engineers"],
    data: ["warehouse management exports", "carrier tracking feeds", "five years of maintenance logs", "sensor readings"],
    metrics: [
      ["Forecast error (MAPE)", "%"],
      ["Late shipments detected a day early", "%"],
      ["Unplanned downtime", "hours/month"],
    ],
  },
  {
    name: "marketing",
    tag: "marketing",
    things: ["product reviews", "campaign briefs", "social media mentions", "newsletter drafts"],
    thing1: ["review", "campaign", "brand mention", "landing page"],
    who: ["the content team", "product marketing managers", "the community manager"],
    data: ["review exports from the shop", "campaign performance data", "brand guidelines"],
    metrics: [
      ["Reviews tagged by theme", "%"],
      ["Hours per campaign brief", "hours"],
      ["Click-through rate", "%"],
    ],
  },
  {
    name: "engineering",
    tag: "engineering",
    things: ["incident reports", "pull requests", "on-call pages", "internal documentation"],
    thing1: ["incident", "alert", "runbook", "deployment"],
    who: ["on-call engineers", "platform teams", "new engineers"],
    data: ["the incident tracker", "runbooks in the wiki", "alert history", "the mainframe batch logs"],
    metrics: [
      ["Mean time to resolve", "min"],
      ["Alerts deduplicated", "%"],
      ["Questions answered from the docs", "%"],
    ],
  },
  {
    name: "procurement",
    tag: "procurement",
    things: ["vendor quotes", "supplier contracts", "purchase requests", "tender documents"],
    thing1: ["supplier", "quote", "tender", "spend category"],
    who: ["category buyers", "the procurement desk", "budget owners"],
    data: ["spend cube from the data warehouse", "supplier master data", "past tender documents"],
    metrics: [
      ["Quotes compared automatically", "%"],
      ["Days per purchase request", "days"],
      ["Spend correctly categorised", "%"],
    ],
  },
  {
    name: "compliance",
    tag: "compliance",
    things: ["audit findings", "KYC documents", "transaction alerts", "regulatory updates"],
    thing1: ["audit", "alert", "KYC check", "regulation"],
    who: ["compliance analysts", "internal audit", "the risk team"],
    data: ["alert history with analyst decisions", "scanned identity documents", "regulator bulletins"],
    metrics: [
      ["False-positive alerts", "%"],
      ["Hours per KYC review", "hours"],
      ["Findings closed on time", "%"],
    ],
  },
];

const techniques = [
  "fine-tuned a small classifier on {data}",
  "built retrieval-augmented generation over {data}",
  "prompted a hosted LLM with a dozen few-shot examples from {data}",
  "used embedding search over {data} with a tunable similarity threshold",
  "combined a rules engine with an LLM fallback for the cases the rules missed",
  "ran a small open-weights model on-premise so no text left the network",
  "extracted structured fields with JSON-schema constrained generation",
  "built a summarization pipeline that condenses {things} into three bullet points",
  "tried zero-shot classification with a general-purpose model",
  "wrote an agent that calls internal APIs to look up {thing1} details",
  "ran OCR on scanned documents and passed the text to an LLM for extraction",
  "trained a gradient-boosted model on tabular features from {data}",
  "transcribed calls with speech-to-text and summarized them with an LLM",
  "re-ranked keyword search results with a cross-encoder",
  "generated draft replies the {who} could edit before sending",
];
const surfaces = [
  "a sidebar in the existing tool",
  "a Slack bot",
  "a nightly report",
  "a browser extension",
  "a dashboard",
  "an email digest",
  "a button in the CRM",
  "a Teams app",
  "an API the existing workflow calls",
];

const titleTemplates = [
  "{Thing1} triage assistant",
  "Early warning for {thing1} problems",
  "Auto-drafted replies for {things}",
  "{Thing1} summarizer for {whoShort}",
  "Smart routing of {things}",
  "Ask-the-docs for {whoShort}",
  "{Thing1} extraction from PDFs",
  "Duplicate {thing1} detector",
  "{Thing1} copilot",
  "Predicting {thing1} risk",
  "Searchable archive of {things}",
  "One-click {thing1} classification",
  "{Thing1} anomaly alerts",
  "Self-service answers on {things}",
];

const summaryTemplates = [
  "{Surface} that helps {who} deal with {things} faster.",
  "Flags {things} that need attention before they become expensive.",
  "Suggests the next step for each {thing1}, with a short reason the user can check.",
  "Reads incoming {things} and fills in the fields people used to type by hand.",
  "Answers questions about {things} with links to the source documents.",
  "Groups similar {things} so {who} handle them once instead of many times.",
];

const worked = [
  "Showing a reason next to every suggestion: {who} trusted it because they stayed in control.",
  "The evaluation set we built on day one let us compare prompts in minutes instead of arguing.",
  "Retrieval over {data} gave answers with sources, which people checked and then stopped checking.",
  "A tunable threshold let the owner trade false alarms against misses.",
  "Keeping a human in the loop for low-confidence cases made the pilot easy to approve.",
  "Structured output made the results easy to load into the existing reports.",
  "The model handled the common {thing1} cases well after a handful of examples.",
  "Starting from the workflow of the {whoShort}, not from a chat window, made adoption easy.",
  "Caching embeddings kept the cost per {thing1} below one cent.",
  "The problem owner joined the demo and could explain the metric in their own words.",
];
const notWorkedByCause: Record<RootCause, string[]> = {
  "data-missing-context": [
    "The {things} lacked account context, so answers were confident and wrong.",
    "Rare cases (under 1% of {things}) were almost never recognised: there were too few examples.",
    "Half of the history in {data} had inconsistent labels, so the model learned the inconsistency.",
    "The information people actually use to decide was in their heads, not in {data}.",
  ],
  "model-capability": [
    "The model hallucinated {thing1} numbers that looked plausible, which is worse than no answer.",
    "Long documents exceeded the context window and chunking lost the references between sections.",
    "Reasoning across several tables was unreliable; the model mixed up columns.",
    "Handwritten and low-quality scans defeated the OCR step before the model ever saw the text.",
  ],
  "latency-or-cost": [
    "Model latency was over eight seconds per {thing1}, far too slow for people working live.",
    "Running the large model on every {thing1} would cost more than the time it saves.",
    "Batch jobs hit the provider's rate limits and latency spiked during peak hours.",
    "The on-premise GPU was too small, so latency and cost both went the wrong way.",
  ],
  "ux-or-adoption": [
    "Copy-pasting into a separate chat window was slower than doing the work by hand.",
    "{Who} ignored the suggestions after the first few wrong ones.",
    "Nobody owned the tool after the hackathon, so nobody looked at its output.",
    "The output arrived in a report nobody opened; it needed to be in the tool people already use.",
  ],
  integration: [
    "Linking {things} to records by hand-typed numbers failed for a third of them.",
    "We had no API access to {data} in time and worked from a stale export.",
    "Single sign-on and permissions took the whole first day.",
    "The ERP only exports nightly, so the alerts were always a day late.",
  ],
  "scope-or-time": [
    "We tried to cover every kind of {thing1} and finished none of them properly.",
    "Two days were not enough to build both the pipeline and the evaluation.",
    "The demo worked on ten hand-picked {things}; we never ran it on a real week of data.",
  ],
  evaluation: [
    "We had no labelled test set, so we could not say whether the result was better than the baseline.",
    "The metric we declared did not match what the {whoShort} cared about.",
    "Our test set leaked into the few-shot examples, so the first figures were far too good.",
  ],
  other: [
    "Legal review of sending {things} to an external provider was still pending at the deadline.",
    "The problem owner changed teams during the event and priorities shifted.",
  ],
};
const differently = [
  "Collect examples of rare {things} before the hackathon.",
  "Start from the workflow of {who} instead of a chat window; bring {data} in.",
  "Build the evaluation set first and agree on the metric with the problem owner.",
  "Ask for API access to {data} two weeks before the event.",
  "Try a smaller, cheaper model first and measure latency from the start.",
  "Cut scope to one kind of {thing1} and do it end to end.",
  "Get the legal and privacy questions answered before writing code.",
  "Sit with {who} for the whole first day.",
];
const nextSteps = [
  "Pilot with one team of {whoShort} for two weeks.",
  "Hand the findings about {data} to the data platform team.",
  "Write up the evaluation set so the next team can reuse it.",
  "Ask the CRM team for a proper export and try again next quarter.",
  "Stop: the cost per {thing1} does not justify further work.",
  "Present the result to the {area} leadership and ask for a pilot budget.",
  "Retry with account context added to every {thing1}.",
  "Nothing for now; revisit when the vendor's model improves.",
];
const tagVocabulary = [
  "support",
  "sales",
  "finance",
  "legal",
  "hr",
  "operations",
  "marketing",
  "engineering",
  "procurement",
  "compliance",
  "classification",
  "extraction",
  "summarization",
  "retrieval",
  "rag",
  "chatbot",
  "llm",
  "embeddings",
  "ocr",
  "speech",
  "forecasting",
  "agents",
  "fine-tuning",
  "evaluation",
  "prompt-engineering",
  "email",
  "crm",
  "erp",
  "search",
  "translation",
  "privacy",
  "latency",
  "cost",
  "dashboard",
  "automation",
  "sidebar",
  "slack",
  "pdf",
  "anomaly-detection",
  "recommendations",
];
const teamAdjectives = [
  "Quiet",
  "Rapid",
  "Curious",
  "Brave",
  "Lazy",
  "Clever",
  "Midnight",
  "Golden",
  "Rusty",
  "Neon",
  "Polar",
  "Salty",
  "Cosmic",
  "Humble",
  "Wild",
  "Silent",
  "Lucky",
  "Stubborn",
  "Tiny",
  "Mighty",
];
const teamNouns = [
  "Otters",
  "Falcons",
  "Whisperers",
  "Detectives",
  "Rockets",
  "Pandas",
  "Llamas",
  "Robots",
  "Foxes",
  "Owls",
  "Builders",
  "Pirates",
  "Gardeners",
  "Wizards",
  "Ravens",
  "Tigers",
  "Hackers",
  "Nomads",
  "Beavers",
  "Comets",
];
const eventNames = ["AI Hackathon", "GenAI Sprint", "Automation Days", "Data & AI Hack Week", "Problem First Hackathon"];
const seasons = ["Winter", "Spring", "Summer", "Autumn"];

const rootCauseWeights: [RootCause, number][] = [
  ["data-missing-context", 24],
  ["model-capability", 14],
  ["latency-or-cost", 14],
  ["ux-or-adoption", 14],
  ["integration", 14],
  ["scope-or-time", 9],
  ["evaluation", 8],
  ["other", 3],
];
function pickRootCause(): RootCause {
  let r = rand() * 100;
  for (const [cause, w] of rootCauseWeights) if ((r -= w) < 0) return cause;
  return "other";
}

// ---------------------------------------------------------------------------------------------

const { db, client } = openDatabase(url);
await migrateDatabase(db, client, url);

const passwordHash = await hashPassword(DEMO_PASSWORD); // exactly as createAccount hashes it
const userRows = [
  { id: newId(), email: BENCH_EMAIL, name: "Bea Bench", passwordHash, role: "organizer" as const },
  ...Array.from({ length: 24 }, (_, i) => ({
    id: newId(),
    email: `archive-user${i + 1}@example.com`,
    name: `${pick(["Alex", "Sam", "Noor", "Kai", "Mia", "Jon", "Lea", "Ravi"])} ${pick(["Meyer", "Okafor", "Silva", "Nguyen", "Berg", "Kowalski"])}`,
    passwordHash,
    role: "member" as const,
  })),
];
await db.insert(users).values(userRows);
const organizerId = userRows[0].id;

const day = 86_400_000;
const first = Date.UTC(2022, 0, 20);
const last = Date.UTC(2026, 9, 20);
type EventRow = typeof events.$inferInsert;
type ProblemRow = typeof problems.$inferInsert & { area: Area };
const eventRows: EventRow[] = [];
const problemRows: ProblemRow[] = [];
for (let i = 0; i < EVENTS; i++) {
  const startsAt = new Date(first + Math.round(((last - first) * i) / (EVENTS - 1)) + int(0, 3) * 3_600_000);
  const year = startsAt.getUTCFullYear();
  const season = seasons[Math.floor(startsAt.getUTCMonth() / 3)];
  const name = eventNames[i % eventNames.length];
  const title = `${season} ${name} ${year}`;
  const event: EventRow = {
    id: newId(),
    slug: `${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")}-${i + 1}`,
    title,
    description: `Two days on real ${pickSome(areas, 3)
      .map((a) => a.name)
      .join(", ")} problems. Every team declared an AI metric up front; failed attempts count.`,
    timezone: pick(["Europe/Berlin", "UTC", "America/New_York", "Asia/Singapore"]),
    startsAt,
    submissionDeadline: new Date(startsAt.getTime() + 2 * day),
    judgingDeadline: new Date(startsAt.getTime() + 9 * day),
    maxTeamSize: 5,
    phase: "closed",
    createdBy: organizerId,
  };
  eventRows.push(event);
  for (let p = 0; p < PROBLEMS_PER_EVENT; p++) {
    const area = areas[(i + p * 3) % areas.length];
    const things = pick(area.things);
    const who = pick(area.who);
    const [metricName, metricUnit] = pick(area.metrics);
    problemRows.push({
      area,
      id: newId(),
      eventId: event.id,
      title: cap(
        fill(
          pick([
            "{things} take too long to handle",
            "{things} are found too late",
            "Too many {things} are handled twice",
            "{who} spend hours on {things}",
            "Nobody can find answers in {things}",
          ]),
          { things, who },
        ),
      ),
      summary: fill(
        pick([
          "{Who} spend the first minutes of every {thing1} working out what it is about.",
          "Problems with {things} are noticed only when they are already expensive.",
          "{Who} answer the same questions about {things} again and again.",
        ]),
        {
          Who: cap(who),
          thing1: pick(area.thing1),
          things,
        },
      ),
      whoHasIt: cap(who),
      costToday: `About ${int(2, 40)} minutes per ${pick(area.thing1)}, ${int(1, 60)},000 a month.`,
      dataAvailable: pickSome(area.data, 2).join("; ") + ".",
      metricName,
      metricUnit,
      metricBaseline: String(int(5, 75)),
      position: p,
    });
  }
}
await db.insert(events).values(eventRows);
await db.insert(problems).values(problemRows.map(({ area: _area, ...p }) => p));

function entryText(problem: ProblemRow, i: number) {
  const area = problem.area;
  const thing1 = pick(area.thing1);
  const things = pick(area.things);
  const who = pick(area.who);
  const whoShort = who.replace(/^(the|new) /, "").replace(/ in their first .*$/, "");
  const data = pick(area.data);
  const slots = { thing1, Thing1: cap(thing1), things, Things: cap(things), who, Who: cap(who), whoShort, data, area: area.name, Surface: cap(pick(surfaces)) };
  const r = rand();
  const outcome: Outcome = r < 0.4 ? "working" : r < 0.7 ? "partial" : "failed";
  const rootCause: RootCause | null = outcome === "working" && chance(0.5) ? null : pickRootCause();
  const causeFor = rootCause ?? pick(["data-missing-context", "scope-or-time", "ux-or-adoption"] as const);
  const sentences = (pool: string[], n: number) =>
    pickSome(pool, n)
      .map((s) => fill(s, slots))
      .join(" ");
  const tags = [...new Set([area.tag, ...pickSome(tagVocabulary, int(0, 3))])].slice(0, 4).join(", ");
  const baseline = Number(problem.metricBaseline);
  const target = Math.min(99, baseline + int(10, 30));
  const result =
    outcome === "failed"
      ? chance(0.5)
        ? ""
        : String(baseline + int(-5, 3))
      : outcome === "partial"
        ? String(Math.round((baseline + target) / 2))
        : String(target + int(-2, 6));
  // A rare word: about one entry in 500 mentions a COBOL batch job.
  const rare = i % 497 === 13 ? " The last step still depends on a COBOL batch job." : "";
  const approach = `We ${fill(pick(techniques), slots)}, and delivered it as ${pick(surfaces)}. ${sentences(
    techniques.map((t) => `We also ${t}.`),
    chance(0.4) ? 1 : 0,
  )}${rare}`.trim();
  return {
    title: fill(pick(titleTemplates), slots),
    summary: fill(pick(summaryTemplates), slots),
    outcome,
    tags,
    approach,
    metricName: problem.metricName,
    metricUnit: problem.metricUnit ?? "",
    metricBaseline: problem.metricBaseline ?? "",
    metricTarget: String(target),
    metricResult: result,
    postMortemWorked: outcome === "failed" && chance(0.3) ? "" : sentences(worked, int(1, 2)),
    postMortemDidNotWork: sentences(notWorkedByCause[causeFor], int(1, 2)) + (chance(0.3) ? " " + sentences(notWorkedByCause[pickRootCause()], 1) : ""),
    postMortemRootCause: rootCause,
    postMortemRootCauseOther:
      rootCause === "other"
        ? fill(
            pick(["The vendor contract expired mid-event.", "A reorganisation moved the problem owner.", "Our {data} access was revoked for an audit."]),
            slots,
          )
        : "",
    postMortemDifferently: sentences(differently, int(1, 2)),
    postMortemNextSteps: sentences(nextSteps, 1),
  };
}

const teamNames = new Map<string, Set<string>>();
function teamName(eventId: string) {
  const used = teamNames.get(eventId) ?? new Set<string>();
  teamNames.set(eventId, used);
  let name = `${pick(teamAdjectives)} ${pick(teamNouns)}`;
  for (let n = 2; used.has(name); n++) name = `${name.replace(/ \d+$/, "")} ${n}`;
  used.add(name);
  return name;
}

const counts: Record<string, number> = { working: 0, partial: 0, failed: 0 };
/** What a follow-up needs of each entry, written once every entry is in. */
const answered: { entryId: string; leadId: string; closedAt: number; outcome: Outcome; metricResult: string }[] = [];
for (let start = 0; start < ENTRIES; start += BATCH) {
  const teamBatch: (typeof teams.$inferInsert)[] = [];
  const entryBatch: (typeof entries.$inferInsert)[] = [];
  for (let i = start; i < Math.min(ENTRIES, start + BATCH); i++) {
    const event = eventRows[i % EVENTS];
    const eventIndex = i % EVENTS;
    const problem = problemRows[eventIndex * PROBLEMS_PER_EVENT + int(0, PROBLEMS_PER_EVENT - 1)];
    const leadId = userRows[1 + (i % (userRows.length - 1))].id;
    const team = {
      id: newId(),
      eventId: event.id,
      problemId: problem.id!,
      name: teamName(event.id),
      inviteCode: `ARC${i.toString(36).toUpperCase().padStart(5, "0")}`,
      leadId,
    };
    teamBatch.push(team);
    const text = entryText(problem, i);
    counts[text.outcome]++;
    const submittedAt = new Date(event.startsAt.getTime() + int(20, 47) * 3_600_000);
    const entryId = newId();
    entryBatch.push({ id: entryId, eventId: event.id, teamId: team.id, status: "submitted", version: int(2, 9), ...text, submittedAt, updatedAt: submittedAt });
    answered.push({ entryId, leadId, closedAt: event.judgingDeadline!.getTime(), outcome: text.outcome, metricResult: text.metricResult });
  }
  await db.transaction(async (tx) => {
    await tx.insert(teams).values(teamBatch);
    await tx.insert(entries).values(entryBatch);
  });
}

// What happened next (ADR 030), drawn after the entries so their text stays as it was: about half the teams answer
// at 30 days, and half of those again at 90. A working prototype goes to production more often than a failed attempt.
const whyByStatus = {
  adopted: ["The team that owns the process runs it every day now.", "It replaced the manual step after a two-week pilot."],
  piloted: ["One region tries it for a quarter before deciding.", "A pilot with ten users is running; numbers look good so far."],
  parked: ["No owner had time to take it further this quarter.", "It waits for the data platform migration."],
  dropped: ["The vendor tool we already pay for now does the same.", "The AI metric did not hold up on a month of real data."],
} as const;
function followUpStatus(outcome: Outcome, late: boolean): keyof typeof whyByStatus {
  const r = rand();
  const adopted = (outcome === "working" ? 0.25 : outcome === "partial" ? 0.1 : 0.03) * (late ? 1.6 : 1);
  return r < adopted ? "adopted" : r < adopted + 0.25 ? "piloted" : r < adopted + 0.6 ? "parked" : "dropped";
}
// Each answer that changes whether an entry went to production updates its search index row, found by a scan of the
// index (ADR 067): fine for one answer, minutes for thousands. So the trigger is set aside while they are written,
// the index is marked once as migration 0039 does, and the trigger is put back as the database defined it.
const productionTrigger = "entries_fts_follow_up_status";
const [{ sql: triggerSql }] = await db.all<{ sql: string }>(sql`select sql from sqlite_master where type = 'trigger' and name = ${productionTrigger}`);
await client.execute(`drop trigger ${productionTrigger}`);
let followUpCount = 0;
for (let start = 0; start < answered.length; start += BATCH) {
  const batch: (typeof followUps.$inferInsert)[] = [];
  for (const a of answered.slice(start, start + BATCH)) {
    for (const [days, share, late] of [
      [30, 0.5, false],
      [90, 0.5, true],
    ] as const) {
      // The 90-day question is answered only by teams that answered the first.
      if (a.closedAt + days * day > AS_OF || !chance(share)) break;
      const status = followUpStatus(a.outcome, late);
      const value = Number(a.metricResult);
      batch.push({
        entryId: a.entryId,
        recordedBy: a.leadId,
        status,
        why: pick(whyByStatus[status]),
        metricValue: a.metricResult && status !== "dropped" ? String(value + int(-3, 5)) : "",
        createdAt: new Date(a.closedAt + days * day + int(0, 10) * day),
      });
    }
  }
  followUpCount += batch.length;
  if (batch.length) await db.insert(followUps).values(batch);
}
await client.execute(
  "update learnings_fts set facets = facets || ' zproduction' where entry_id in (select id from entries where latest_follow_up_status = 'adopted')",
);
await client.execute(triggerSql);

const [[{ n: entryCount }], [{ n: ftsCount }]] = await Promise.all([
  db.all<{ n: number }>(sql`select count(*) as n from entries`),
  db.all<{ n: number }>(sql`select count(*) as n from learnings_fts`),
]);
await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
client.close();
console.log(
  `Archive in ${file}: ${userRows.length} users, ${eventRows.length} closed events, ${problemRows.length} problems, ${entryCount} entries ` +
    `(${counts.working} working, ${counts.partial} partial, ${counts.failed} failed), ${ftsCount} rows in learnings_fts, ` +
    `${followUpCount} follow-ups; ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s. Sign in as ${BENCH_EMAIL} / ${DEMO_PASSWORD}.`,
);
