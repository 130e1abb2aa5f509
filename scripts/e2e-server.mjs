// The server the Playwright suite drives: the production build on a fresh, seeded database.
import fs from "node:fs";
import { runOrExit, serve } from "./lib.mjs";

const port = process.argv[2] ?? "3100";
const buildDir = process.env.BUILD_DIR ?? "build";
const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  DATABASE_URL: `file:data/e2e-${port}.db`,
  SESSION_SECRET: process.env.SESSION_SECRET ?? "e2e-session-secret-0123456789",
  APP_URL: `http://localhost:${port}`,
  // The suite signs in and up far more often from one address than any person would.
  RATE_LIMIT_SCALE: "20",
  REQUEST_LOG: "false",
  // One app process, whatever the shell says: the suite counts on one process's password-hashing budget (ADR 050).
  WEB_CONCURRENCY: "1",
  // Scheduled announcements and reminders become due within a test's patience, and mail goes out within half a second.
  SCHEDULER_INTERVAL_MS: "1000",
  MAIL_POLL_MS: "500",
  // Mail goes to a receiver the password-reset spec starts on this port; until then it waits and is retried.
  ...(process.env.E2E_SMTP_PORT ? { SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}` } : {}),
};
fs.mkdirSync("data", { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`data/e2e-${port}.db${suffix}`, { force: true });

if (!fs.existsSync(`${buildDir}/server/index.js`)) runOrExit("node_modules/.bin/remix", ["vite:build"], env);
runOrExit("node_modules/.bin/tsx", ["scripts/migrate.ts"], env);
runOrExit("node_modules/.bin/tsx", ["scripts/seed.ts"], env);
serve(buildDir, env);
