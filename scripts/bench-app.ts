// `npm run bench:app`: page throughput and latency beside a bare route of the same app, and first-load
// JavaScript size. Prints figures; it asserts nothing. The results computation and the results page at a
// 300-entry event are measured by `npm run bench:results` (bench-results.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import zlib from "node:zlib";
import { bench, CONNECTIONS, pageRow, SECONDS } from "./bench-lib";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://localhost:${PORT}`;
const DB = "data/bench-app.db";
const { startServer, signIn, load } = bench(PORT, DB);

function prepare() {
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(DB + s, { force: true });
  const env = { ...process.env, DATABASE_URL: `file:${DB}` };
  for (const script of ["scripts/migrate.ts", "scripts/seed.ts"]) {
    const r = spawnSync("node_modules/.bin/tsx", [script], { env, stdio: "ignore" });
    if (r.status !== 0) throw new Error(`${script} failed`);
  }
  if (!fs.existsSync("build/server/index.js")) spawnSync("node_modules/.bin/remix", ["vite:build"], { stdio: "inherit" });
}

async function firstLoadJs(cookie: string) {
  const html = await (await fetch(`${BASE}/`, { headers: { Cookie: cookie } })).text();
  const urls = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  let raw = 0;
  let gzip = 0;
  for (const u of urls) {
    const body = Buffer.from(await (await fetch(BASE + u)).arrayBuffer());
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { files: urls.size, raw, gzip };
}

prepare();
const server = await startServer();
try {
  const judge = await signIn("judge@example.com");
  const entryPath = await (async () => {
    const html = await (await fetch(`${BASE}/events/autumn-ai-hackathon-2026`, { headers: { Cookie: judge } })).text();
    return /href="(\/events\/autumn-ai-hackathon-2026\/entries\/[^"/]+)"/.exec(html)![1];
  })();
  const pages: [string, string][] = [
    ["bare page (/about)", "/about"],
    ["event page", "/events/autumn-ai-hackathon-2026"],
    ["entry page", entryPath],
    ["judge queue", "/events/autumn-ai-hackathon-2026/judging"],
    ["archive search", "/archive?q=support"],
    ["health check (/healthz)", "/healthz"],
  ];
  console.log(`\nPages: ${CONNECTIONS} connections, ${SECONDS}s each, signed in as a judge\n`);
  console.log("The bare page is a static route of the same app: session check, root layout, no data.\n");
  console.log("page".padEnd(26) + "req/s".padStart(9) + "p50 ms".padStart(9) + "p95 ms".padStart(9) + "  vs bare");
  let bare = 0;
  for (const [label, path] of pages) {
    const r = await load(path, judge);
    if (!bare) bare = r.rps;
    console.log(pageRow(label, r, bare));
  }
  const js = await firstLoadJs(judge);
  console.log(`First-load JavaScript of the events page: ${js.files} files, ${(js.raw / 1024).toFixed(1)} kB raw, ${(js.gzip / 1024).toFixed(1)} kB gzipped\n`);
} finally {
  server.kill();
}
