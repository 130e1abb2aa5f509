// A cap on expensive work (password hashing, ADR 039): at most `concurrency` tasks run at once and, with `perSecond`,
// at most that many start per second on average (a token bucket holding up to one second's worth). Other tasks wait in
// arrival order. A caller that may be refused is turned away at once, without waiting, while `maxWaiting` tasks
// already wait, so a flood of sign-ins costs one cheap refusal each instead of a queue nobody gets out of.

export type WorkGate = {
  /** Runs `task` when it may start. With `refuseWhenFull`, answers `{ ok: false }` at once if it would join a full queue. */
  run<T>(task: () => Promise<T>, options?: { refuseWhenFull?: boolean }): Promise<{ ok: true; value: T } | { ok: false }>;
  /** Whether a caller that may be refused would be refused now. */
  full(): boolean;
  readonly running: number;
  readonly waiting: number;
};

export type Clock = { now(): number; setTimeout(run: () => void, ms: number): void };

const realClock: Clock = {
  now: () => performance.now(),
  // Not unref'd: a task waiting for its turn keeps a script alive until it runs.
  setTimeout: (run, ms) => void setTimeout(run, ms),
};

export function createWorkGate({
  concurrency,
  maxWaiting,
  perSecond = Infinity,
  clock = realClock,
}: {
  concurrency: number;
  maxWaiting: number;
  perSecond?: number;
  clock?: Clock;
}): WorkGate {
  if (!(concurrency >= 1)) throw new Error("a work gate needs a concurrency of at least 1");
  if (!(perSecond > 0)) throw new Error("a work gate needs a positive rate");
  const burst = Math.max(1, perSecond);
  let tokens = burst;
  let refilledAt = clock.now();
  let running = 0;
  let timerSet = false;
  const queue: (() => void)[] = [];

  function mayStart() {
    const now = clock.now();
    tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * perSecond);
    refilledAt = now;
    return running < concurrency && tokens >= 1;
  }

  function start() {
    tokens -= 1;
    running++;
  }

  /** Starts waiters while they may start; when only the rate holds them back, looks again once a token has come in. */
  function pump() {
    while (queue.length > 0 && mayStart()) {
      start();
      queue.shift()!();
    }
    if (queue.length > 0 && running < concurrency && !timerSet) {
      timerSet = true;
      clock.setTimeout(
        () => {
          timerSet = false;
          pump();
        },
        Math.max(1, ((1 - tokens) / perSecond) * 1000),
      );
    }
  }

  const startsNow = () => queue.length === 0 && mayStart();
  const full = () => queue.length >= maxWaiting && !startsNow();

  async function run<T>(task: () => Promise<T>, options: { refuseWhenFull?: boolean } = {}) {
    if (options.refuseWhenFull && full()) return { ok: false as const };
    if (startsNow()) start();
    else
      await new Promise<void>((resolve) => {
        queue.push(resolve);
        pump();
      });
    try {
      return { ok: true as const, value: await task() };
    } finally {
      running--;
      pump();
    }
  }

  return {
    run,
    full,
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}
