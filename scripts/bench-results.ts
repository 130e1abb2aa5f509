// `npm run bench:results` (ADR 033, ADR 041, ADR 044): the results computation beside the one it replaced, on
// realistic generated scores; then the organizer's results page, event page, entries gallery and a judge's queue
// of a generated 300-entry event (25 judges, 5 per entry, 6 criteria) beside the bare route of the same production
// server, in alternating short windows so both see the same machine load; and the bare route and results of the same build
// run as two processes (WEB_CONCURRENCY, ADR 050). Prints figures; it asserts nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { createClient } from "@libsql/client";
import { computeEventResults } from "~/modules/judging/results";
import { bench, CONNECTIONS, pageRow, percentile, SECONDS } from "./bench-lib";
import { realisticResultsInput } from "./results-data";
import { computeEventResultsBefore } from "./results-reference";

const PORT = Number(process.env.BENCH_PORT ?? 3310);
const DB = process.env.BENCH_RESULTS_DB ?? "data/bench-results.db";
const BUILD_DIR = process.env.BUILD_DIR ?? "build";
const EVENT = { teams: 300, judges: 25, judgesPerEntry: 5 };
const ROUNDS = 3;
/** A built checkout of an earlier commit (BENCH_BEFORE_DIR): its server is measured beside this one's, on the same database. */
const BEFORE_DIR = process.env.BENCH_BEFORE_DIR;

/** Milliseconds of CPU this process used: beside the wall clock, it shows what other load on the machine adds. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** computeEventResults and the computation it replaced, alternately on one input: medians of 10 runs after 3 warm-up runs each. */
function computationTiming(size: { entries: number; judges: number; criteria: number }) {
  const input = realisticResultsInput(size);
  const same = isDeepStrictEqual(computeEventResults(input), computeEventResultsBefore(input));
  // Warm-up: the optimizing compiler, and the collector moving the freshly generated input to the old generation.
  for (let i = 0; i < 3; i++) [computeEventResultsBefore, computeEventResults].forEach((compute) => compute(input));
  const runs = { before: { wall: [] as number[], cpu: [] as number[] }, after: { wall: [] as number[], cpu: [] as number[] } };
  for (let i = 0; i < 10; i++) {
    for (const [which, compute] of [
      ["before", computeEventResultsBefore],
      ["after", computeEventResults],
    ] as const) {
      const [wall, cpu] = [performance.now(), cpuMs()];
      compute(input);
      runs[which].wall.push(performance.now() - wall);
      runs[which].cpu.push(cpuMs() - cpu);
    }
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[5];
  const figures = (r: { wall: number[]; cpu: number[] }) => `${median(r.wall).toFixed(1)} (${median(r.cpu).toFixed(1)})`;
  return { before: figures(runs.before), after: figures(runs.after), scores: input.scores.length, same };
}

/** The generated event's database (made once, migrated every run) and its slug. */
async function prepareEvent() {
  const env = { ...process.env, DATABASE_URL: `file:${DB}` };
  if (!fs.existsSync(DB)) {
    console.log(`Generating the event into ${DB} (${EVENT.teams} teams, ${EVENT.judges} judges, ${EVENT.judgesPerEntry} per entry)…`);
    const r = spawnSync("node_modules/.bin/tsx", ["scripts/generate-event.ts", ...Object.values(EVENT).map(String)], {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (r.status !== 0) throw new Error("event:generate failed");
  }
  if (spawnSync("node_modules/.bin/tsx", ["scripts/migrate.ts"], { env, stdio: "ignore" }).status !== 0) throw new Error("migrate failed");
  if (!fs.existsSync(`${BUILD_DIR}/server/index.js`)) spawnSync("node_modules/.bin/remix", ["vite:build"], { stdio: "inherit" });
  const client = createClient({ url: `file:${DB}` });
  const { rows } = await client.execute("select slug from events where title like 'Company-wide AI Hackathon%' order by created_at desc limit 1");
  client.close();
  return String(rows[0].slug);
}

console.log("\nResults computation on realistic scores (entry quality, judge leniency, noise), median of 10 runs, alternating:\n");
console.log("Milliseconds of wall clock (of CPU in brackets, which includes the garbage collector's helper threads):\n");
console.log("size".padEnd(48) + "before ms".padStart(16) + "after ms".padStart(16) + "  same results");
for (const size of [
  { entries: 500, judges: 20, criteria: 6 },
  { entries: 2000, judges: 50, criteria: 6 },
]) {
  const r = computationTiming(size);
  const label = `${size.entries} entries × ${size.judges} judges × ${size.criteria} (${r.scores} scores)`;
  console.log(label.padEnd(48) + r.before.padStart(16) + r.after.padStart(16) + `  ${r.same ? "yes" : "NO"}`);
}

const slug = await prepareEvent();
const servers: ({ name: string; env?: Record<string, string> } & ReturnType<typeof bench>)[] = [{ name: "", ...bench(PORT, DB) }];
if (BEFORE_DIR) servers.push({ name: " (before)", ...bench(PORT + 1, path.resolve(DB), BEFORE_DIR) });
// The same build as one server of two processes (WEB_CONCURRENCY, ADR 050): the bare page and results only.
const PROCESSES = 2;
servers.push({ name: ` (${PROCESSES} processes)`, env: { WEB_CONCURRENCY: String(PROCESSES) }, ...bench(PORT + 2, DB) });
const children = await Promise.all(servers.map((s) => s.startServer(s.env)));
try {
  const cookies = await Promise.all(servers.map((s) => s.signIn("organizer@example.com")));
  // The judge's queue, as one of the event's 25 judges (about 60 entries to score) sees it.
  const judgeCookies = await Promise.all(servers.map((s) => s.signIn("judge@example.com")));
  const pages: { label: string; server: number; path: string; judge?: boolean }[] = servers.flatMap((s, server) =>
    s.env
      ? [
          { label: `bare page (/about)${s.name}`, server, path: "/about" },
          { label: `results (organizer)${s.name}`, server, path: `/events/${slug}/results` },
        ]
      : [
          { label: `bare page (/about)${s.name}`, server, path: "/about" },
          { label: `results (organizer)${s.name}`, server, path: `/events/${slug}/results` },
          { label: `event page${s.name}`, server, path: `/events/${slug}` },
          { label: `entries gallery${s.name}`, server, path: `/events/${slug}/entries` },
          { label: `judge queue${s.name}`, server, path: `/events/${slug}/judging`, judge: true },
          ...(server === 0
            ? [
                { label: "results, other ranking", server, path: `/events/${slug}/results?view=normalized` },
                { label: "results, last page", server, path: `/events/${slug}/results?page=99` },
              ]
            : []),
        ],
  );
  const window = SECONDS / ROUNDS;
  // A warm-up second per page first, as bench:archive does: otherwise the first window of each page holds its cold
  // start (the compiler, and the first request computing the event's results for the cache).
  for (const page of pages) await servers[page.server].load(page.path, (page.judge ? judgeCookies : cookies)[page.server], 1);
  const latencies = pages.map(() => [] as number[]);
  const errors = pages.map(() => 0);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, page] of pages.entries()) {
      const r = await servers[page.server].load(page.path, (page.judge ? judgeCookies : cookies)[page.server], window);
      latencies[i].push(...r.latencies);
      errors[i] += r.errors;
    }
  }
  console.log(
    `\nThe ${EVENT.teams}-entry event "${slug}": ${CONNECTIONS} connections, ${ROUNDS} alternating windows of ${window.toFixed(1)} s per page after a warm-up\n`,
  );
  console.log("page".padEnd(36) + "req/s".padStart(9) + "p50 ms".padStart(9) + "p95 ms".padStart(9) + "  vs bare");
  const rows = latencies.map((ls, i) => {
    ls.sort((a, b) => a - b);
    return { rps: ls.length / SECONDS, p50: percentile(ls, 50), p95: percentile(ls, 95), errors: errors[i] };
  });
  // Each page beside the bare page of its own server.
  const bareOf = (server: number) => rows[pages.findIndex((p) => p.server === server)].rps;
  for (const [i, page] of pages.entries()) console.log(pageRow(page.label, rows[i], bareOf(page.server), 36));
  console.log();
} finally {
  for (const child of children) child.kill();
}
