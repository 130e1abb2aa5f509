// `npm run bench:signin-flood` (ADR 039): does a flood of sign-ins leave the pages serving? For each setting, the
// bare route (/about) alone, then the bare route while sign-ins arrive at RATE per second (unknown addresses, so each
// costs a full argon2 check at production cost, as from many addresses), in alternating windows. The flood is sent
// at a fixed rate whatever the answers, as an attacker would, not by connections waiting for each answer.
// "Uncapped" lets every sign-in hash at once, as before ADR 039; "capped" is the default, also measured as one server of
// two processes (WEB_CONCURRENCY, ADR 050). Prints figures; it asserts nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { bench, CONNECTIONS, percentile, SECONDS } from "./bench-lib";

const PORT = Number(process.env.BENCH_PORT ?? 3320);
const DB = "data/bench-signin-flood.db";
const RATE = Number(process.env.BENCH_FLOOD_RATE ?? 100);
const ROUNDS = 2;
const { startServer, load, base } = bench(PORT, DB);

const settings: [string, Record<string, string>][] = [
  ["uncapped (as before)", { PASSWORD_HASH_CONCURRENCY: "64", PASSWORD_HASHES_PER_SECOND: "100000", SIGN_IN_QUEUE: "100000" }],
  ["capped (default)", {}],
  // One server of two processes (ADR 050): the budget is shared out between them, so the machine still pays one's.
  ["capped, 2 processes", { WEB_CONCURRENCY: "2" }],
];

function prepare() {
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(DB + s, { force: true });
  const r = spawnSync("node_modules/.bin/tsx", ["scripts/migrate.ts"], { env: { ...process.env, DATABASE_URL: `file:${DB}` }, stdio: "ignore" });
  if (r.status !== 0) throw new Error("migrate failed");
  if (!fs.existsSync("build/server/index.js")) spawnSync("node_modules/.bin/remix", ["vite:build"], { stdio: "inherit" });
}

/** Sign-ins posted at RATE per second until `until`; answers counted by status, with their latencies. */
async function flood(until: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 500 });
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const post = (n: number) =>
    new Promise<number>((resolve, reject) => {
      const body = new URLSearchParams({ email: `nobody-${n}@example.com`, password: "a-wrong-password-1", redirectTo: "/" }).toString();
      const req = http.request(
        {
          host: "localhost",
          port: PORT,
          path: "/login",
          method: "POST",
          agent,
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
        },
        (res) => {
          res.on("data", () => {});
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  const sent: Promise<void>[] = [];
  const start = performance.now();
  while (performance.now() < until) {
    // Catch up to the schedule: as many posts as RATE says should have left by now.
    while (sent.length < ((performance.now() - start) / 1000) * RATE) {
      const t = performance.now();
      sent.push(
        post(sent.length).then((status) => {
          latencies.push(performance.now() - t);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(sent);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { statuses, latencies };
}

prepare();
console.log(
  `\nSign-in flood: ${RATE} sign-ins per second; the bare route (/about) measured with ${CONNECTIONS} connections, ${SECONDS}s windows, ${ROUNDS} rounds each\n`,
);
console.log(
  "setting".padEnd(22) +
    "idle req/s".padStart(12) +
    "flood req/s".padStart(13) +
    "share".padStart(7) +
    "flood p50".padStart(11) +
    "p95".padStart(8) +
    "  sign-ins/s by answer (p50 ms)",
);
for (const [label, extra] of settings) {
  const server = await startServer(extra);
  try {
    await load("/about", "", 1); // warm-up
    const idle: number[] = [];
    const loaded: number[] = [];
    const loadedLatencies: number[] = [];
    const answers = new Map<number, number>();
    const signInLatencies: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      idle.push((await load("/about", "")).rps);
      const until = performance.now() + SECONDS * 1000 + 500;
      const flooding = flood(until);
      await new Promise((r) => setTimeout(r, 300));
      const r = await load("/about", "");
      loaded.push(r.rps);
      loadedLatencies.push(...r.latencies);
      const f = await flooding;
      for (const [status, count] of f.statuses) answers.set(status, (answers.get(status) ?? 0) + count);
      signInLatencies.push(...f.latencies);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    loadedLatencies.sort((a, b) => a - b);
    signInLatencies.sort((a, b) => a - b);
    const seconds = ROUNDS * (SECONDS + 0.2);
    const byAnswer = [...answers.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${(count / seconds).toFixed(0)}`)
      .join(", ");
    console.log(
      label.padEnd(22) +
        mean(idle).toFixed(0).padStart(12) +
        mean(loaded).toFixed(0).padStart(13) +
        `${((mean(loaded) / mean(idle)) * 100).toFixed(0)}%`.padStart(7) +
        percentile(loadedLatencies, 50).toFixed(1).padStart(11) +
        percentile(loadedLatencies, 95).toFixed(1).padStart(8) +
        `  ${byAnswer} (${percentile(signInLatencies, 50).toFixed(0)})`,
    );
  } finally {
    server.kill();
    await new Promise((r) => setTimeout(r, 500));
  }
}
console.log("\n400 = a checked, wrong password; 503 = refused at once while the queue of sign-ins is full.\n");
