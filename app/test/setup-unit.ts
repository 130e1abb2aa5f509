// Setup for the database-free unit runs (vitest.mutation.config.ts): the same rule as setup-db.ts that
// any console.error during a test is a failure, without creating a database.
import { afterEach, beforeEach, vi } from "vitest";

process.env.NODE_ENV = "test";

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error called: ${args.map(String).join(" ")}`);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});
