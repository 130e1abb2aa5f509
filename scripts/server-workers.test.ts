import { afterEach, describe, expect, it, vi } from "vitest";
import { afterWorkerExit, onStopSignals, readCpuQuota, runsBackgroundWork, usableCores, workerCount } from "../server-workers.mjs";

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

describe("the cores a server may use", () => {
  it("are the machine's without a quota", () => {
    expect(usableCores(8, {})).toBe(8);
    expect(usableCores(8, { cpuMax: "max 100000\n" })).toBe(8);
    expect(usableCores(8, { cfsQuota: "-1\n", cfsPeriod: "100000\n" })).toBe(8);
  });

  it("are the quota's, a fraction counting as a core, never more than the machine's or fewer than one", () => {
    expect(usableCores(64, { cpuMax: "200000 100000\n" })).toBe(2);
    expect(usableCores(64, { cpuMax: "150000 100000" })).toBe(2);
    expect(usableCores(64, { cpuMax: "100001 100000" })).toBe(2);
    expect(usableCores(64, { cpuMax: "50000 100000" })).toBe(1);
    expect(usableCores(4, { cpuMax: "800000 100000" })).toBe(4);
    expect(usableCores(64, { cfsQuota: "300000", cfsPeriod: "100000" })).toBe(3);
    // A v2 hierarchy without a limit, beside a v1 cpu controller that has one (hybrid mode).
    expect(usableCores(64, { cpuMax: "max 100000", cfsQuota: "200000", cfsPeriod: "100000" })).toBe(2);
  });

  it("ignore files they cannot read", () => {
    expect(usableCores(8, { cpuMax: "", cfsQuota: "junk", cfsPeriod: "100000" })).toBe(8);
    expect(usableCores(8, { cpuMax: "200000 0", cfsQuota: "200000", cfsPeriod: "0" })).toBe(8);
  });

  it("are read from this process's own cgroup first, then from the root's", () => {
    const files: Record<string, string> = {
      "/proc/self/cgroup": "0::/app.slice/web.service\n",
      "/sys/fs/cgroup/app.slice/web.service/cpu.max": "200000 100000\n",
      "/sys/fs/cgroup/cpu.max": "max 100000\n",
    };
    expect(readCpuQuota((f) => files[f] ?? null)).toEqual({ cpuMax: "200000 100000\n", cfsQuota: null, cfsPeriod: null });
    delete files["/sys/fs/cgroup/app.slice/web.service/cpu.max"];
    expect(readCpuQuota((f) => files[f] ?? null).cpuMax).toBe("max 100000\n");
    const v1: Record<string, string> = {
      "/proc/self/cgroup": "3:cpuacct:/x\n4:cpu,cpuacct:/docker/abc\n0::/\n",
      "/sys/fs/cgroup/cpu/docker/abc/cpu.cfs_quota_us": "150000\n",
      "/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "-1\n",
      "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000\n",
    };
    expect(readCpuQuota((f) => v1[f] ?? null)).toEqual({ cpuMax: null, cfsQuota: "150000\n", cfsPeriod: "100000\n" });
    expect(readCpuQuota(() => null)).toEqual({ cpuMax: null, cfsQuota: null, cfsPeriod: null });
  });
});

describe("the work beside requests", () => {
  it("runs in a server of one process, and in the one worker the first process chose", () => {
    expect(runsBackgroundWork(false, {})).toBe(true);
    expect(runsBackgroundWork(false, { PF_BACKGROUND_WORK: "false" })).toBe(true);
    expect(runsBackgroundWork(true, { PF_BACKGROUND_WORK: "true" })).toBe(true);
    expect(runsBackgroundWork(true, { PF_BACKGROUND_WORK: "false" })).toBe(false);
    expect(runsBackgroundWork(true, {})).toBe(false);
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
