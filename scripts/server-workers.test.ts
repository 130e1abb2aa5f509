import { afterEach, describe, expect, it, vi } from "vitest";
import { afterWorkerExit, onStopSignals, readCpuQuotas, runsBackgroundWork, usableCores, workerCount } from "../server-workers.mjs";

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
    expect(usableCores(8, { cpuMax: "0 0" })).toBe(8);
    expect(usableCores(8, { cfsQuota: "0", cfsPeriod: "0" })).toBe(8);
    for (const cpuMax of ["200000x 100000", "x200000 100000", "200000 100000x", "200000 x100000", "200000 100000 3"])
      expect(usableCores(8, { cpuMax }), cpuMax).toBe(8);
    for (const [cfsQuota, cfsPeriod] of [
      ["200000x", "100000"],
      ["x200000", "100000"],
      ["200000", "100000x"],
      ["200000", "x100000"],
    ])
      expect(usableCores(8, { cfsQuota, cfsPeriod }), `${cfsQuota} ${cfsPeriod}`).toBe(8);
    expect(usableCores(8, { cfsQuota: "200000" })).toBe(8);
    // Spaces around the figures are the file's, not a part of them.
    expect(usableCores(8, { cpuMax: " 200000   100000 \n" })).toBe(2);
  });

  it("are read from this process's own cgroup and every group above it, in v2 and in v1's cpu controller", () => {
    const files: Record<string, string> = {
      "/proc/self/cgroup": "0::/app.slice/web.service\n",
      "/sys/fs/cgroup/app.slice/web.service/cpu.max": "max 100000\n",
      "/sys/fs/cgroup/app.slice/cpu.max": "200000 100000\n",
      "/sys/fs/cgroup/cpu.max": "max 100000\n",
    };
    const v2 = readCpuQuotas((f) => files[f] ?? null);
    expect(v2.map((q) => ("cpuMax" in q ? q.cpuMax : null)).filter(Boolean)).toEqual(["max 100000\n", "200000 100000\n", "max 100000\n"]);
    // The slice's limit holds over the service that has none.
    expect(Math.min(...v2.map((q) => usableCores(64, q)))).toBe(2);
    const v1: Record<string, string> = {
      "/proc/self/cgroup": "3:cpuacct:/x\n4:cpu,cpuacct:/docker/abc\n0::/\n",
      "/sys/fs/cgroup/cpu/docker/abc/cpu.cfs_quota_us": "150000\n",
      "/sys/fs/cgroup/cpu/docker/abc/cpu.cfs_period_us": "100000\n",
      "/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "-1\n",
      "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000\n",
    };
    const levels = readCpuQuotas((f) => v1[f] ?? null);
    expect(levels).toContainEqual({ cfsQuota: "150000\n", cfsPeriod: "100000\n" });
    expect(levels).toContainEqual({ cfsQuota: "-1\n", cfsPeriod: "100000\n" });
    expect(Math.min(...levels.map((q) => usableCores(64, q)))).toBe(2);
    // The cpu controller alone, or listed after another, on a hierarchy numbered past 9.
    for (const line of ["4:cpu:/docker/abc", "12:cpuacct,cpu:/docker/abc", "12:cpu,cpuacct:/docker/abc"]) {
      const read = (f: string) => (f === "/proc/self/cgroup" ? `1:name=systemd:/\n${line}\n` : (v1[f] ?? null));
      expect(readCpuQuotas(read), line).toContainEqual({ cfsQuota: "150000\n", cfsPeriod: "100000\n" });
    }
    // Without cgroups, nothing limits.
    expect(readCpuQuotas(() => null).map((q) => usableCores(8, q))).toEqual([8, 8]);
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
    vi.advanceTimersByTime(10_000); // the first signal comes a while after the process started
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
