// Runs before every test file: a fresh, migrated libSQL file database of its own, never a mock
// (a copy of the template app/test/global-setup.ts migrated once).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, inject, vi } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-test-"));
const url = `file:${path.join(dir, "test.db")}`;
process.env.DATABASE_URL = url;
process.env.NODE_ENV = "test";
process.env.SESSION_SECRET = "test-secret-at-least-16-chars";
// Tests create accounts by the dozen; the production budget of password hashes per second (ADR 039) would only slow them.
process.env.PASSWORD_HASHES_PER_SECOND = "100000";
delete (globalThis as { __pfDb?: unknown }).__pfDb;

fs.copyFileSync(inject("templateDatabase"), path.join(dir, "test.db"));

// Any console.error during a test is a failure: errors must be handled, not logged and ignored.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error called: ${args.map(String).join(" ")}`);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => {
  (globalThis as { __pfDb?: { client: { close(): void } } }).__pfDb?.client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
