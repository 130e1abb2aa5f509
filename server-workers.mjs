// Several app processes behind one port on one machine (ADR 050): with WEB_CONCURRENCY above 1, server.mjs's first
// process only runs the loop below, and each worker it forks serves the app as a single process would. Node's
// cluster module hands the listening port's connections to the workers in turn.
import cluster from "node:cluster";
import fs from "node:fs";
import os from "node:os";

/** Set by the first process for each worker it forks: "true" for the one that runs the work beside requests. */
const BACKGROUND_WORK = "PF_BACKGROUND_WORK";

/**
 * Whether this process runs the work beside requests (the mail sender, ADR 015; the scheduler, ADR 024): a server of
 * one process does, and of its workers only the one the first process chose.
 * @param {boolean} isWorker @param {Record<string, string | undefined>} environment
 */
export function runsBackgroundWork(isWorker, environment) {
  return !isWorker || environment[BACKGROUND_WORK] === "true";
}

/**
 * How many app processes WEB_CONCURRENCY asks for: unset or empty means one (no workers), "auto" one per core.
 * Throws a message naming the setting for anything else.
 * @param {string | undefined} value @param {number} cores
 * @returns {number}
 */
export function workerCount(value, cores) {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return 1;
  if (trimmed.toLowerCase() === "auto") return Math.max(1, cores);
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1)
    throw new Error(`WEB_CONCURRENCY=${value}: use a whole number of processes (at least 1) or auto (one per core).`);
  return Number(trimmed);
}

/**
 * How many cores this process may keep busy: the machine's, or fewer when a container's CPU quota says so. Node 20's
 * `os.availableParallelism()` counts the host's cores under a quota (its libuv reads no cgroup limit), so a container
 * given two cores of a 64-core host would otherwise fork 64 processes and hash 32 passwords at once.
 * `quota` is one cgroup's limit as `readCpuQuotas` reads it: cgroup v2's `cpu.max` ("max 100000", "150000 100000"),
 * or cgroup v1's `cpu.cfs_quota_us` and `cpu.cfs_period_us` (a quota of -1 means none). A fraction of a core counts
 * as a core.
 * @param {number} available
 * @param {{ cpuMax?: string | null, cfsQuota?: string | null, cfsPeriod?: string | null }} quota
 * @returns {number}
 */
export function usableCores(available, quota) {
  let limit = Infinity;
  const v2 = quota.cpuMax?.trim().split(/\s+/);
  if (v2?.length === 2 && /^\d+$/.test(v2[0]) && /^\d+$/.test(v2[1]) && Number(v2[1]) > 0) limit = Number(v2[0]) / Number(v2[1]);
  else if (/^\d+$/.test(quota.cfsQuota?.trim() ?? "") && /^\d+$/.test(quota.cfsPeriod?.trim() ?? "") && Number(quota.cfsPeriod) > 0)
    limit = Number(quota.cfsQuota) / Number(quota.cfsPeriod);
  return Math.max(1, Math.min(available, Math.ceil(limit)));
}

/**
 * The CPU limits over this process, as `usableCores` reads each: those of its own cgroup (from /proc/self/cgroup)
 * and of every group above it up to the root, in cgroup v2 and in v1's cpu controller. A limit anywhere above counts
 * (a systemd slice's quota over a service that has none), so the process may use the fewest cores any of them
 * allows. Missing files (no such group, no cgroups, not Linux) are null.
 * @param {(file: string) => string | null} [read]
 */
export function readCpuQuotas(read = readOrNull) {
  const groups = read("/proc/self/cgroup") ?? "";
  const v2Path = /^0::(.*)$/m.exec(groups)?.[1] ?? "/";
  const v1Path = /^\d+:(?:[^:]*,)?cpu(?:,[^:]*)?:(.*)$/m.exec(groups)?.[1] ?? "/";
  /** The group's directory and each above it, under `root`: "/a/b" gives root/a/b, root/a and root. */
  const upFrom = (/** @type {string} */ root, /** @type {string} */ group) => {
    const parts = group.split("/").filter(Boolean);
    return parts.map((_, i) => `${root}/${parts.slice(0, parts.length - i).join("/")}`).concat(root);
  };
  return [
    ...upFrom("/sys/fs/cgroup", v2Path).map((dir) => ({ cpuMax: read(`${dir}/cpu.max`) })),
    ...upFrom("/sys/fs/cgroup/cpu", v1Path).map((dir) => ({ cfsQuota: read(`${dir}/cpu.cfs_quota_us`), cfsPeriod: read(`${dir}/cpu.cfs_period_us`) })),
  ];
}

/** @param {string} file @returns {string | null} */
function readOrNull(file) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** The cores this process may use: the machine's, within every CPU quota over it (its container's). */
export function machineCores() {
  const available = os.availableParallelism();
  return Math.min(available, ...readCpuQuotas().map((quota) => usableCores(available, quota)));
}

/**
 * Whether a worker that died should be replaced: not while stopping; not when no worker has ever listened (at start a
 * setting or the database is wrong, and a new worker would fail the same way); and not more than `limit` times in the
 * last minute, whether it died serving or starting (a worker that dies on every request would otherwise be replaced
 * forever).
 * @param {{ stopping: boolean, anyListened: boolean, recentRestarts: number[], now: number, limit: number }} s
 * @returns {"replace" | "stop"}
 */
export function afterWorkerExit({ stopping, anyListened, recentRestarts, now, limit }) {
  if (stopping || !anyListened) return "stop";
  return recentRestarts.filter((t) => now - t < 60_000).length >= limit ? "stop" : "replace";
}

/**
 * SIGTERM and SIGINT (or `signals`): the first calls `stop`, and any later one a second or more after it calls
 * `force`. One sooner is the same Ctrl-C, which a terminal sends to every process of `npm start` and start.mjs passes
 * on as well.
 * @param {() => void} stop @param {() => void} force @param {NodeJS.Signals[]} [signals]
 */
export function onStopSignals(stop, force, signals = ["SIGTERM", "SIGINT"]) {
  /** @type {number | null} */
  let first = null;
  const listener = () => {
    if (first === null) {
      first = performance.now();
      stop();
    } else if (performance.now() - first >= 1000) {
      force();
    }
  };
  for (const signal of signals) process.on(signal, listener);
}

/**
 * The first process's whole life with workers: forks `count` of them (each told the count in WEB_CONCURRENCY, so the
 * app divides the machine's password-hashing budget among them), replaces one that dies, and on SIGTERM or SIGINT
 * asks each to finish its requests and exits when all have (a second signal stops them at once). Never resolves:
 * server.mjs awaits it so the first process goes no further than forking.
 * @param {number} count
 * @returns {Promise<never>}
 */
export function runWorkers(count) {
  /** @type {Map<number, import("node:cluster").Worker>} workers alive, by id */
  const alive = new Map();
  /** @type {Set<number>} ids of workers that answered on the port */
  const listened = new Set();
  /** @type {number[]} */
  const restarts = [];
  let stopping = false;
  let exitCode = 0;
  /** @type {number | null} the worker that runs the work beside requests (the mail sender and the scheduler) */
  let background = null;
  // One worker runs the mail sender and the scheduler, and its replacement after it dies: they claim their work, so
  // more would be correct, but each would poll the database as often as one server does.
  const fork = (runsBackground = false) => {
    const worker = cluster.fork({ WEB_CONCURRENCY: String(count), [BACKGROUND_WORK]: runsBackground ? "true" : "false" });
    alive.set(worker.id, worker);
    if (runsBackground) background = worker.id;
  };

  let anyListened = false;
  cluster.on("listening", (worker) => {
    listened.add(worker.id);
    anyListened = true;
  });
  cluster.on("exit", (worker, code, signal) => {
    alive.delete(worker.id);
    listened.delete(worker.id);
    const now = Date.now();
    restarts.splice(0, restarts.length, ...restarts.filter((t) => now - t < 60_000));
    const how = signal ?? `exit code ${code}`;
    if (afterWorkerExit({ stopping, anyListened, recentRestarts: restarts, now, limit: 2 * count }) === "replace") {
      console.error(`[server] worker ${worker.process.pid} died (${how}); starting another`);
      restarts.push(now);
      fork(worker.id === background);
    } else if (!stopping) {
      console.error(`[server] worker ${worker.process.pid} ${anyListened ? "kept dying" : "could not start"} (${how}); stopping the others`);
      exitCode = 1;
      stop();
    }
    if (stopping && alive.size === 0) process.exit(exitCode);
  });

  function stop() {
    stopping = true;
    if (alive.size === 0) process.exit(exitCode);
    // A worker that listens finishes its requests on a message, not a signal: a terminal's Ctrl-C also signals every
    // worker itself, and a second signal means "stop at once" to a worker (server.mjs). One still starting is stopped.
    for (const worker of alive.values()) {
      if (listened.has(worker.id) && worker.isConnected()) worker.send("shutdown");
      else worker.process.kill("SIGTERM");
    }
    // Workers give up on slow requests after 5 seconds (server.mjs); this is the net under that.
    setTimeout(() => {
      for (const worker of alive.values()) worker.process.kill("SIGKILL");
      process.exit(1);
    }, 10_000).unref();
  }
  onStopSignals(stop, () => {
    for (const worker of alive.values()) worker.process.kill("SIGKILL");
    process.exit(1);
  });

  console.log(`[server] ${count} app processes`);
  for (let i = 0; i < count; i++) fork(i === 0);
  return new Promise(() => {});
}
