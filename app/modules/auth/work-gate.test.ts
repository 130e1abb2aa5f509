import { describe, expect, test } from "vitest";
import { createWorkGate } from "./work-gate";

/** A task that runs until `finish` is called; `started` tells whether it began. */
function pending<T>(value: T) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const state = { started: false };
  const task = async () => {
    state.started = true;
    await done;
    return value;
  };
  return { task, finish, state };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createWorkGate", () => {
  test("runs at most `concurrency` tasks at once; the others wait and start in arrival order", async () => {
    const gate = createWorkGate({ concurrency: 2, maxWaiting: 10 });
    const [a, b, c, d] = ["a", "b", "c", "d"].map((v) => pending(v));
    const results = [a, b, c, d].map((t) => gate.run(t.task));
    await tick();
    expect([a, b, c, d].map((t) => t.state.started)).toEqual([true, true, false, false]);
    expect([gate.running, gate.waiting]).toEqual([2, 2]);
    b.finish();
    await tick();
    expect([c.state.started, d.state.started]).toEqual([true, false]);
    expect([gate.running, gate.waiting]).toEqual([2, 1]);
    a.finish();
    c.finish();
    d.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d"].map((value) => ({ ok: true, value })));
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });

  test("a caller that may be refused is turned away at once only when every slot runs and the queue is full", async () => {
    const gate = createWorkGate({ concurrency: 1, maxWaiting: 1 });
    const first = pending(1);
    const second = pending(2);
    const running = gate.run(first.task, { refuseWhenFull: true });
    expect(gate.full()).toBe(false);
    const waiting = gate.run(second.task, { refuseWhenFull: true });
    expect(gate.full()).toBe(true);
    const third = pending(3);
    expect(await gate.run(third.task, { refuseWhenFull: true })).toEqual({ ok: false });
    expect(third.state.started).toBe(false);
    // Callers that may not be refused (setting a password) still queue behind.
    const fourth = pending(4);
    const queued = gate.run(fourth.task);
    expect(gate.waiting).toBe(2);
    first.finish();
    second.finish();
    fourth.finish();
    expect(await Promise.all([running, waiting, queued])).toEqual([1, 2, 4].map((value) => ({ ok: true, value })));
    expect(gate.full()).toBe(false);
  });

  test("a failing task frees its slot and passes its error on", async () => {
    const gate = createWorkGate({ concurrency: 1, maxWaiting: 0 });
    await expect(gate.run(() => Promise.reject(new Error("broken")))).rejects.toThrow("broken");
    expect(gate.running).toBe(0);
    expect(await gate.run(async () => "next", { refuseWhenFull: true })).toEqual({ ok: true, value: "next" });
  });

  test("a queue of zero refuses as soon as every slot is taken", async () => {
    const gate = createWorkGate({ concurrency: 1, maxWaiting: 0 });
    const first = pending(1);
    const running = gate.run(first.task);
    expect(gate.full()).toBe(true);
    expect(await gate.run(async () => 2, { refuseWhenFull: true })).toEqual({ ok: false });
    first.finish();
    await running;
    expect(gate.full()).toBe(false);
  });

  test("a concurrency below 1 is refused", () => {
    expect(() => createWorkGate({ concurrency: 0, maxWaiting: 1 })).toThrow("at least 1");
  });
});

/** A clock the test moves by hand; timers fire when it passes their time. */
function manualClock() {
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    setTimeout: (run: () => void, ms: number) => void timers.push({ at: now + ms, run }),
    /** When the timers set and not yet fired are due. */
    timers: () => timers.map((t) => t.at),
    /** Moves the time without firing timers, as when a request arrives just before a timer fires. */
    skip(ms: number) {
      now += ms;
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      due.forEach((t) => t.run());
    },
  };
}

describe("createWorkGate with a rate", () => {
  test("starts at most `perSecond` tasks a second after the first second's burst, in arrival order", async () => {
    const clock = manualClock();
    const gate = createWorkGate({ concurrency: 10, maxWaiting: 10, perSecond: 2, clock });
    const started: number[] = [];
    const runs = [0, 1, 2, 3, 4].map((i) => gate.run(async () => void started.push(i)));
    await tick();
    expect(started).toEqual([0, 1]);
    expect(gate.waiting).toBe(3);
    clock.advance(499);
    await tick();
    expect(started).toEqual([0, 1]);
    clock.advance(1);
    await tick();
    expect(started).toEqual([0, 1, 2]);
    clock.advance(500);
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    clock.advance(500);
    await Promise.all(runs);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  test("while the rate holds tasks back and the queue is full, a caller that may be refused is refused", async () => {
    const clock = manualClock();
    const gate = createWorkGate({ concurrency: 10, maxWaiting: 1, perSecond: 1, clock });
    const first = gate.run(async () => 1, { refuseWhenFull: true });
    expect(gate.full()).toBe(false);
    const second = gate.run(async () => 2, { refuseWhenFull: true });
    expect(gate.full()).toBe(true);
    expect(await gate.run(async () => 3, { refuseWhenFull: true })).toEqual({ ok: false });
    clock.advance(1000);
    expect(await Promise.all([first, second])).toEqual([
      { ok: true, value: 1 },
      { ok: true, value: 2 },
    ]);
    // A second later the bucket holds a token again: nobody waits, nobody is refused.
    clock.advance(1000);
    expect(gate.full()).toBe(false);
    expect(await gate.run(async () => 4, { refuseWhenFull: true })).toEqual({ ok: true, value: 4 });
  });

  test("the bucket holds at most one second's worth: a long quiet spell does not allow a larger burst", async () => {
    const clock = manualClock();
    const gate = createWorkGate({ concurrency: 10, maxWaiting: 10, perSecond: 3, clock });
    clock.advance(60_000);
    const started: number[] = [];
    const runs = [0, 1, 2, 3].map((i) => gate.run(async () => void started.push(i)));
    await tick();
    expect(started).toEqual([0, 1, 2]);
    clock.advance(334);
    await Promise.all(runs);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  test("one look is scheduled, when the next token comes in, only while tasks wait for the rate", async () => {
    const clock = manualClock();
    const gate = createWorkGate({ concurrency: 10, maxWaiting: 10, perSecond: 4, clock });
    const runs = [0, 1, 2, 3, 4, 5].map((i) => gate.run(async () => i));
    await tick();
    expect(clock.timers()).toEqual([250]);
    clock.advance(250);
    await tick();
    expect(clock.timers()).toEqual([500]);
    clock.advance(250);
    await Promise.all(runs);
    expect(clock.timers()).toEqual([]);
  });

  test("no look is scheduled while every slot is busy: a finishing task starts the next", async () => {
    const clock = manualClock();
    const gate = createWorkGate({ concurrency: 1, maxWaiting: 10, perSecond: 100, clock });
    let finish!: () => void;
    const first = gate.run(() => new Promise<void>((resolve) => (finish = resolve)));
    const second = gate.run(async () => "second");
    await tick();
    expect(clock.timers()).toEqual([]);
    finish();
    expect(await second).toEqual({ ok: true, value: "second" });
    await first;
  });

  test("a newcomer never starts before those already waiting, even when a token came in just before the look", async () => {
    const clock = manualClock();
    const gate = createWorkGate({ concurrency: 10, maxWaiting: 10, perSecond: 1, clock });
    const order: string[] = [];
    const first = gate.run(async () => void order.push("first"));
    const waiting = gate.run(async () => void order.push("waiting"));
    await tick();
    clock.skip(1000);
    const newcomer = gate.run(async () => void order.push("newcomer"));
    await tick();
    // The token goes to the one already waiting; the newcomer waits for the next.
    expect(order).toEqual(["first", "waiting"]);
    expect(gate.waiting).toBe(1);
    clock.advance(1000);
    await Promise.all([first, waiting, newcomer]);
    expect(order).toEqual(["first", "waiting", "newcomer"]);
  });

  test("a rate of zero or below is refused", () => {
    expect(() => createWorkGate({ concurrency: 1, maxWaiting: 1, perSecond: 0 })).toThrow("positive rate");
  });
});
