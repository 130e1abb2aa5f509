import { describe, expect, it, vi } from "vitest";
import { registerTask, runDueWork } from "./scheduler.server";

describe("runDueWork", () => {
  it("runs every task at the same moment, and one failing does not stop the others", async () => {
    const now = new Date("2026-12-02T10:00:00Z");
    const seen: Date[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    registerTask({
      name: "test-first",
      run: async () => {
        throw new Error("database is locked");
      },
    });
    registerTask({ name: "test-second", run: async (at) => (seen.push(at), 3) });
    const done = await runDueWork(now);
    expect(done["test-first"]).toBe(-1);
    expect(done["test-second"]).toBe(3);
    expect(seen).toEqual([now]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("test-first failed: database is locked"));
    warn.mockRestore();
  });

  it("replaces a task registered again under the same name", async () => {
    registerTask({ name: "test-replaced", run: async () => 1 });
    registerTask({ name: "test-replaced", run: async () => 2 });
    expect((await runDueWork())["test-replaced"]).toBe(2);
  });
});
