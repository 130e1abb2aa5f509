// `npm test`: typecheck, lint, vitest (unit + integration), build, Playwright. Prints one summary line
// "N passed, N failed" summing all runners, and exits non-zero when anything failed.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";

const bin = (/** @type {string} */ name) => `node_modules/.bin/${name}`;
/** @param {string} cmd @param {string[]} args @param {Record<string, string | undefined>} env */
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
const readJson = (/** @type {string} */ file) => {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};
fs.mkdirSync("test-results", { recursive: true });
let passed = 0;
let failed = 0;

// The static checks are single-threaded: two run at a time on the two cores, their output as it comes.
console.log("\n== typecheck and lint: tsc, eslint, prettier, dead code (knip) ==");
/** @param {[string, string[]][]} jobs */
const runTogether = (jobs) =>
  Promise.all(jobs.map(([cmd, args]) => new Promise((resolve) => spawn(cmd, args, { stdio: "inherit" }).on("close", (code) => resolve(code ?? 1)))));
for (const pair of /** @type {[string, string[]][][]} */ ([
  [
    [bin("tsc"), ["--noEmit"]],
    [bin("eslint"), ["."]],
  ],
  [
    [bin("prettier"), ["--check", "."]],
    [bin("knip"), []],
  ],
])) {
  for (const status of await runTogether(pair)) {
    if (status === 0) passed += 1;
    else failed += 1;
  }
}

console.log("\n== vitest: unit and integration ==");
fs.rmSync("test-results/vitest.json", { force: true });
const vitestStatus = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
const vitest = readJson("test-results/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitestStatus !== 0 && vitest.numFailedTests === 0 ? 1 : 0);
} else failed += 1;

console.log("\n== build ==");
const buildStatus = run(bin("remix"), ["vite:build"]);
if (buildStatus === 0) passed += 1;
else failed += 1;

if (buildStatus === 0) {
  console.log("\n== playwright: end to end ==");
  fs.rmSync("test-results/e2e.json", { force: true });
  const e2eStatus = run(bin("playwright"), ["test"]);
  const e2e = readJson("test-results/e2e.json");
  if (e2e?.stats) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected + (e2eStatus !== 0 && e2e.stats.unexpected === 0 ? 1 : 0);
  } else failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
