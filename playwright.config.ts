import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where it exists (Playwright cannot download its own browser here): its headless shell
// (package chromium-headless-shell) first, the browser Playwright itself runs headless tests in, which does the
// suite's work in about 60% of the full browser's time (ADR 014); the full browser (package chromium) else.
// CHROMIUM_PATH overrides; elsewhere Playwright's own browser.
const executablePath = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((p) => fs.existsSync(p));

/** A port nobody listens on now, so parallel runs and other servers on the machine never collide. */
function freePort(): string {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
}

// Set once in the runner's environment, which the workers inherit: they and the e2e server agree on the
// port, and the workers' direct set-up (e2e/fixtures.ts) writes to the database the server reads.
process.env.E2E_PORT ??= freePort();
const port = Number(process.env.E2E_PORT);
process.env.E2E_BASE_URL = `http://localhost:${port}`;
process.env.DATABASE_URL = `file:data/e2e-${port}.db`;
// The e2e server mails through SMTP on this port, to one receiver for the run that keeps each message as a
// file in E2E_MAIL_DIR (e2e/global-setup.ts), where every worker reads them (e2e/mail.ts).
process.env.E2E_SMTP_PORT ??= [freePort(), freePort()].find((p) => p !== String(port));
process.env.E2E_MAIL_DIR = path.resolve(`data/e2e-${port}-mail`);
process.env.NODE_ENV ??= "test";
// The workers sign what the server checks (unsubscribe links in mail they queue themselves) with the server's secret.
process.env.SESSION_SECRET ??= "e2e-session-secret-0123456789";

// Budgets leave room for a slow or busy 2-core machine: tests wait on state, never on time, so a
// generous budget costs nothing when things are fast.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  forbidOnly: true,
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    // Recording a trace of every test, even one kept only on failure, costs about a quarter of the suite's CPU,
    // and CI keeps no files. For a failing spec's trace: npx playwright test e2e/<spec> --trace retain-on-failure
    trace: "off",
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `node scripts/e2e-server.mjs ${port}`,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
