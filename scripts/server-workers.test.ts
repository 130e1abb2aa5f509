import { afterEach, describe, expect, it, vi } from "vitest";
import { afterWorkerExit, onStopSignals, workerCount } from "../server-workers.mjs";

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
  const base = { stopping: false, anyListened: true, recentRestarts: [] as number[], now, limit: 4 };

  it("is replaced once the server has served, whether it died serving or starting", () => {
    expect(afterWorkerExit(base)).toBe("replace");
    expect(afterWorkerExit({ ...base, recentRestarts: [now - 60_000, now - 70_000, now - 80_000, now - 90_000] })).toBe("replace");
    // A minute ago exactly is no longer within the minute.
    expect(afterWorkerExit({ ...base, recentRestarts: [now - 1_000, now - 2_000, now - 3_000, now - 60_000] })).toBe("replace");
  });

  it("is not replaced while the server stops, or when no worker ever started listening", () => {
    expect(afterWorkerExit({ ...base, stopping: true })).toBe("stop");
    expect(afterWorkerExit({ ...base, anyListened: false })).toBe("stop");
  });

  it("stops the server once workers died `limit` times within a minute", () => {
    expect(afterWorkerExit({ ...base, recentRestarts: [now - 1_000, now - 2_000, now - 59_000] })).toBe("replace");
    expect(afterWorkerExit({ ...base, recentRestarts: [now - 1_000, now - 2_000, now - 3_000, now - 59_000] })).toBe("stop");
  });
});

describe("stop signals", () => {
  afterEach(() => {
    vi.useRealTimers();
    process.removeAllListeners("SIGUSR2");
    process.removeAllListeners("SIGWINCH");
  });

  it("stop on the first, and force on any other a second or more later, of either kind", () => {
    vi.useFakeTimers({ now: 5_000 });
    const stop = vi.fn();
    const force = vi.fn();
    onStopSignals(stop, force, ["SIGUSR2", "SIGWINCH"]);
    process.emit("SIGUSR2", "SIGUSR2");
    expect(stop).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(999);
    process.emit("SIGUSR2", "SIGUSR2"); // the same Ctrl-C, passed on by npm start
    process.emit("SIGWINCH", "SIGWINCH");
    expect(force).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    process.emit("SIGWINCH", "SIGWINCH");
    expect(force).toHaveBeenCalledTimes(1);
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
