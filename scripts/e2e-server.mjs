// The server the Playwright suite drives: the production build on a fresh, seeded database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const port = process.argv[2] ?? "3100";
const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  DATABASE_URL: "file:data/e2e.db",
  SESSION_SECRET: "e2e-session-secret-0123456789",
};
fs.mkdirSync("data", { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`data/e2e.db${suffix}`, { force: true });

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!fs.existsSync("build/server/index.js")) run("node_modules/.bin/remix", ["vite:build"]);
run("node_modules/.bin/tsx", ["scripts/migrate.ts"]);
run("node_modules/.bin/tsx", ["scripts/seed.ts"]);
// Replace this process with the server so stopping it stops the server.
const { execFileSync } = await import("node:child_process");
try {
  execFileSync("node_modules/.bin/remix-serve", ["build/server/index.js"], { stdio: "inherit", env });
} catch (e) {
  process.exit(e.status ?? 1);
}
