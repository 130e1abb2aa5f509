// `npm run bench:archive`: archive search at scale. On the generated archive of 20,000 entries
// (scripts/generate-archive.ts, data/bench-archive.db; generated when missing): in-process search
// latency (FTS5 vs a LIKE scan), then page throughput of the archive beside the bare route.
// Prints figures; it asserts nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { bench, CONNECTIONS, pageRow, percentile, SECONDS } from "./bench-lib";

const DB = process.env.ARCHIVE_DB ?? "data/bench-archive.db";
const PORT = Number(process.env.BENCH_ARCHIVE_PORT ?? 3301);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const EMAIL = "bench@example.com"; // created by the generator, password problem-first-demo

if (!fs.existsSync(DB)) {
  const r = spawnSync("node_modules/.bin/tsx", ["scripts/generate-archive.ts", DB], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("scripts/generate-archive.ts failed");
}
if (!fs.existsSync("build/server/index.js")) spawnSync("node_modules/.bin/remix", ["vite:build"], { stdio: "inherit" });

// Before the app's modules load: ~/db.server opens DATABASE_URL once.
process.env.DATABASE_URL = `file:${DB}`;
const { searchLearnings, filtersFromUrl, likeScan } = await import("~/modules/archive/search.server");
const { archiveContext } = await import("~/modules/archive/home.server");
const { archiveCache } = await import("~/modules/archive/cache.server");
const { rootCauses } = await import("#db/enums");
const { db, dbClient } = await import("~/db.server");
const { sql } = await import("drizzle-orm");

async function timeIt(fn: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  return runs;
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const ms = (x: number) => x.toFixed(1).padStart(8);

// [URL search params, the words for the LIKE comparison]
const queries: [string, string][] = [
  ["q=invoice", "invoice"],
  ["q=hallucinated", "hallucinated"],
  ["q=forecast", "forecast"],
  ["q=ticket+routing", "ticket routing"],
  ["q=model+latency", "model latency"],
  [`q=${encodeURIComponent('"account context"')}`, "account context"],
  [`q=${encodeURIComponent('"evaluation set"')}`, "evaluation set"],
  [`q=${encodeURIComponent("invoic*")}`, "invoic"],
  ["q=support&outcome=failed", "support"],
  ["q=retrieval&rootCause=data-missing-context", "retrieval"],
  ["q=cobol", "cobol"],
  ["q=data", "data"],
  ["q=invoice+mainframe", "invoice mainframe"],
];

const [{ n: entryCount }] = await db.all<{ n: number }>(sql`select count(*) as n from entries`);
console.log(`\nArchive search: ${entryCount} entries in ${DB}; ${RUNS} runs per query after ${WARMUP} warm-ups, in-process (no HTTP)\n`);
console.log("query".padEnd(46) + "hits".padStart(7) + "  mode " + "FTS p50".padStart(8) + "FTS p95".padStart(8) + "LIKE p50".padStart(9) + "LIKE p95".padStart(9));
const allFts: number[] = [];
const allLike: number[] = [];
for (const [params, words] of queries) {
  const filters = filtersFromUrl(new URLSearchParams(params));
  const result = await searchLearnings(filters);
  const fts = sorted(await timeIt(() => searchLearnings(filters)));
  const like = sorted(await timeIt(() => likeScan(words)));
  allFts.push(...fts);
  allLike.push(...like);
  console.log(
    decodeURIComponent(params.replace(/\+/g, " ")).padEnd(46) + String(result.total).padStart(7) + `  ${result.mode.padEnd(4)} ` + ms(percentile(fts, 50)) + ms(percentile(fts, 95)) + ms(percentile(like, 50)).padStart(9) + ms(percentile(like, 95)).padStart(9),
  );
}
const ftsAll = sorted(allFts);
const likeAll = sorted(allLike);
console.log("all queries".padEnd(46) + "".padStart(7) + "       " + ms(percentile(ftsAll, 50)) + ms(percentile(ftsAll, 95)) + ms(percentile(likeAll, 50)).padStart(9) + ms(percentile(likeAll, 95)).padStart(9));
console.log("target: search p95 < 20 ms");

// What the archive page loads besides the search, timed the same way.
console.log("\nArchive page data, in-process:\n");
const extras: [string, () => Promise<unknown>][] = [
  // Cached per process until the archive's version moves: this times the version read and the lookups.
  ["archiveContext(home figures, tags, filters), cached", async () => archiveContext(await archiveCache(), true)],
  ["searchLearnings(rootCause=latency-or-cost&page=3)", () => searchLearnings(filtersFromUrl(new URLSearchParams("rootCause=latency-or-cost&page=3")))],
];
for (const [label, fn] of extras) {
  const r = sorted(await timeIt(fn));
  console.log(label.padEnd(52) + `p50 ${percentile(r, 50).toFixed(1)} ms, p95 ${percentile(r, 95).toFixed(1)} ms`);
}
dbClient.close();

// Page throughput: the production server on the archive database.
const { startServer, signIn, load } = bench(PORT, DB);
const server = await startServer();
try {
  const cookie = await signIn(EMAIL);
  // Repeated URLs are served from the archive cache after their first request; the "new every
  // request" rows make each request a different search or page, so they measure the cache's misses.
  const words = queries.filter(([params]) => !params.includes("&")).map(([, w]) => w.replace(/ /g, "+"));
  // The search ignores case but the cache does not: the n-th spelling of a word, by the bits of n.
  const mixedCase = (word: string, n: number) => [...word].map((c, i) => ((n >> i) & 1 ? c.toUpperCase() : c)).join("");
  const pages: [string, string | ((n: number) => string)][] = [
    ["bare page (/about)", "/about"],
    ["archive home", "/archive"],
    ["search: invoice", "/archive?q=invoice"],
    ["search: model latency, failed", "/archive?q=model+latency&outcome=failed"],
    ["browse: root cause, page 3", "/archive?rootCause=latency-or-cost&page=3"],
    ["search, new every request", (n) => `/archive?q=${mixedCase(words[n % words.length], Math.floor(n / words.length))}`],
    ["browse, new every request", (n) => `/archive?rootCause=${rootCauses[n % rootCauses.length]}&page=${1 + (Math.floor(n / rootCauses.length) % 50)}`],
  ];
  console.log(`\nPages: ${CONNECTIONS} connections, ${SECONDS}s each, signed in as ${EMAIL}, ${entryCount} entries\n`);
  console.log("page".padEnd(32) + "req/s".padStart(9) + "p50 ms".padStart(9) + "p95 ms".padStart(9) + "  vs bare");
  let bare = 0;
  for (const [label, path] of pages) {
    const seen = new Set<string>();
    const r = await load(typeof path === "string" ? path : (n) => (seen.add(path(n)), path(n)), cookie);
    if (!bare) bare = r.rps;
    const distinct = typeof path === "string" ? "" : `  (${seen.size} distinct URLs in ${Math.round(r.rps * SECONDS)} requests)`;
    console.log(pageRow(label, r, bare, 32) + distinct);
  }
  console.log("target: archive pages >= 50% of the bare route\n");
} finally {
  server.kill();
}
