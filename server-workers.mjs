// Several app processes behind one port on one machine (ADR 050): with WEB_CONCURRENCY above 1, server.mjs's first
// process only runs the loop below, and each worker it forks serves the app as a single process would. Node's
// cluster module hands the listening port's connections to the workers in turn.
import cluster from "node:cluster";

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
  const fork = () => {
    const worker = cluster.fork({ WEB_CONCURRENCY: String(count) });
    alive.set(worker.id, worker);
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
      fork();
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
  for (let i = 0; i < count; i++) fork();
  return new Promise(() => {});
}
