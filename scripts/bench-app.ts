// `npm run bench:app`: page throughput and latency beside a bare route of the same app; the bare route beside a
// resource route (/healthz: no rendering) under each compression setting (ADR 040), in alternating windows; and
// first-load JavaScript of each page measured. Requests ask for compression as browsers do. Prints figures; it
// asserts nothing. The results computation and the results page at a
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

async function firstLoadJs(path: string, cookie: string) {
  const html = await (await fetch(`${BASE}${path}`, { headers: { Cookie: cookie } })).text();
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
  console.log("\nFirst-load JavaScript (gzip level 9), signed in as a judge\n");
  for (const [label, path] of pages.filter(([, p]) => p !== "/healthz")) {
    const js = await firstLoadJs(path, judge);
    console.log(
      `${label.padEnd(26)} ${String(js.files).padStart(3)} files ${(js.raw / 1024).toFixed(1).padStart(7)} kB raw ${(js.gzip / 1024).toFixed(1).padStart(6)} kB gzipped`,
    );
  }
} finally {
  server.kill();
}

// The bare route and a resource route under each compression setting, each server in turn, alternating the two routes.
console.log(`\nCompression (ADR 040): ${CONNECTIONS} connections, ${SECONDS}s windows, 2 rounds, signed in as a judge\n`);
console.log("setting".padEnd(12) + "route".padEnd(24) + "req/s".padStart(9) + "p50 ms".padStart(9) + "p95 ms".padStart(9) + "  vs bare, fast");
let bareFast = 0;
for (const setting of ["fast", "balanced", "off"]) {
  const s = await startServer({ COMPRESSION: setting });
  try {
    const cookie = await signIn("judge@example.com");
    const routes: [string, string][] = [
      ["bare page (/about)", "/about"],
      ["resource route (/healthz)", "/healthz"],
    ];
    const runs = new Map(routes.map(([label]) => [label, [] as Awaited<ReturnType<typeof load>>[]]));
    for (let round = 0; round < 2; round++) for (const [label, path] of routes) runs.get(label)!.push(await load(path, cookie));
    for (const [label] of routes) {
      const rs = runs.get(label)!;
      const merged = {
        rps: rs.reduce((a, r) => a + r.rps, 0) / rs.length,
        p50: Math.max(...rs.map((r) => r.p50)),
        p95: Math.max(...rs.map((r) => r.p95)),
        errors: rs.reduce((a, r) => a + r.errors, 0),
      };
      if (setting === "fast" && label.startsWith("bare")) bareFast = merged.rps;
      console.log(setting.padEnd(12) + pageRow(label, merged, bareFast, 24));
    }
  } finally {
    s.kill();
    await new Promise((r) => setTimeout(r, 500));
  }
}
console.log("\np50 and p95 are the worse of the two rounds.\n");
