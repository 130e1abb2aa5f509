import { afterEach, describe, expect, it, vi } from "vitest";
import { afterWorkerExit, onSecondSignal, workerCount } from "../server-workers.mjs";

describe("WEB_CONCURRENCY", () => {
  it("is one process unless set, one per core for auto, or the number given", () => {
    expect(workerCount(undefined, 8)).toBe(1);
    expect(workerCount("", 8)).toBe(1);
    expect(workerCount(" 3 ", 8)).toBe(3);
    expect(workerCount("12", 2)).toBe(12);
    expect(workerCount("1", 8)).toBe(1);
    expect(workerCount("auto", 8)).toBe(8);
    expect(workerCount("AUTO", 2)).toBe(2);
  });

  it("refuses anything else, naming the setting", () => {
    for (const bad of ["0", "-2", "1.5", "two", "2x"]) expect(() => workerCount(bad, 8)).toThrow(`WEB_CONCURRENCY=${bad}: use a whole number`);
  });
});

describe("a worker that exits", () => {
  const now = 1_000_000;
  const base = { stopping: false, listened: true, recentRestarts: [] as number[], now, limit: 4 };

  it("is replaced when it died while serving", () => {
    expect(afterWorkerExit(base)).toBe("replace");
    expect(afterWorkerExit({ ...base, recentRestarts: [now - 60_000, now - 70_000, now - 80_000, now - 90_000] })).toBe("replace");
    // A minute ago exactly is no longer within the minute.
    expect(afterWorkerExit({ ...base, recentRestarts: [now - 1_000, now - 2_000, now - 3_000, now - 60_000] })).toBe("replace");
  });

  it("is not replaced while the server stops, or when it never started listening", () => {
    expect(afterWorkerExit({ ...base, stopping: true })).toBe("stop");
    expect(afterWorkerExit({ ...base, listened: false })).toBe("stop");
  });

  it("stops the server once workers died `limit` times within a minute", () => {
    expect(afterWorkerExit({ ...base, recentRestarts: [now - 1_000, now - 2_000, now - 59_000] })).toBe("replace");
    expect(afterWorkerExit({ ...base, recentRestarts: [now - 1_000, now - 2_000, now - 3_000, now - 59_000] })).toBe("stop");
  });
});

describe("a second signal", () => {
  afterEach(() => {
    vi.useRealTimers();
    process.removeAllListeners("SIGUSR2");
  });

  it("counts only a second or more after the first, and once", () => {
    vi.useFakeTimers({ now: 5_000 });
    const then = vi.fn();
    onSecondSignal("SIGUSR2", then);
    process.emit("SIGUSR2", "SIGUSR2"); // the same Ctrl-C, passed on by npm start
    vi.setSystemTime(5_999);
    process.emit("SIGUSR2", "SIGUSR2");
    expect(then).not.toHaveBeenCalled();
    vi.setSystemTime(6_000);
    process.emit("SIGUSR2", "SIGUSR2");
    expect(then).toHaveBeenCalledTimes(1);
    process.emit("SIGUSR2", "SIGUSR2");
    expect(then).toHaveBeenCalledTimes(1);
  });
});
