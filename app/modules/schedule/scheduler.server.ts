// Scheduled work (reminders, scheduled announcements) runs inside an app process (one per server of several, ADR
// 050; separately started servers run one each). Nothing here decides who
// does a piece of work: each task claims what is due with one guarded statement in the same batch as the
// notices it sends (`UPDATE … WHERE sent_at IS NULL`, `INSERT … ON CONFLICT DO NOTHING`), so with several
// processes it runs once, and after downtime the next tick catches up on what is still due (ADR 024).
import { env } from "~/env.server";

/** One kind of due work: `run` does what is due at `now` and says how many things it did. */
export type ScheduledTask = { name: string; run: (now: Date) => Promise<number> };

const tasks: ScheduledTask[] = [];

/** Adds a task to every tick (modules register theirs in tasks.server.ts). A second task of the same name replaces the first. */
export function registerTask(task: ScheduledTask): void {
  const index = tasks.findIndex((t) => t.name === task.name);
  if (index >= 0) tasks[index] = task;
  else tasks.push(task);
}

/** Runs every task once; one task failing does not stop the others. Returns what each did (-1: it failed). */
export async function runDueWork(now = new Date()): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const task of tasks) {
    try {
      done[task.name] = await task.run(now);
    } catch (error) {
      // The database was busy or away: what is due stays due and the next tick tries again.
      console.warn(`[schedule] ${task.name} failed: ${error instanceof Error ? error.message : error}`);
      done[task.name] = -1;
    }
  }
  return done;
}

/** Started with the app (entry.server.ts): a tick every SCHEDULER_INTERVAL_MS, one at a time. Returns its stop function. */
export function startScheduler(intervalMs = env().schedulerIntervalMs): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    await runDueWork();
    if (!stopped) timer = setTimeout(tick, intervalMs).unref();
  };
  timer = setTimeout(tick, 0).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
