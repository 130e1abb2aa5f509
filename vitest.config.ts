import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~": path.resolve("app"), "#db": path.resolve("db") },
  },
  test: {
    include: ["app/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    setupFiles: ["./app/test/setup-db.ts"],
    pool: "forks",
    testTimeout: 20000,
  },
});
