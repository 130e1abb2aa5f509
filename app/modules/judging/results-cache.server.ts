// Computed results per event, kept in each app process. Triggers move an event's row of results_versions
// in the same statement as every change its results show: scores, rubric, entries, teams, problems,
// judges, assignments, conflicts and team members (ADR 033). A request reads that one row (a primary-key
// lookup) and recomputes only when it moved, so several app processes on one database never serve stale
// results, and a score saved in one process is seen by the next request to any other.
import { dbClient } from "~/db.server";

/**
 * Score rows (plus entries) that all cached results together may stand for. Computed results take
 * roughly 20 bytes per score row, so the cache stays under about 20 MB; past it the least recently
 * used results go first. A 300-entry event with 5 judges per entry and 6 criteria weighs about 9,300.
 */
export const RESULTS_CACHE_WEIGHT = 1_000_000;

type Slot = { version: number; weight: number; value: Promise<unknown> };
const slots = new Map<string, Slot>();
let held = 0;

/** The event's results version, or null when it has none (then nothing is cached). */
export async function resultsVersion(eventId: string): Promise<number | null> {
  const { rows } = await dbClient.execute({ sql: "select version from results_versions where event_id = ?", args: [eventId] });
  return rows.length ? Number(rows[0].version) : null;
}

/**
 * The value under `key` at `version`, computed once: requests arriving together share one computation.
 * `compute` returns the value and its weight (see RESULTS_CACHE_WEIGHT). Callers must not change the value.
 */
export function cachedResults<T>(key: string, version: number | null, compute: () => Promise<{ value: T; weight: number }>): Promise<T> {
  const slot = slots.get(key);
  if (slot && slot.version === version) {
    slots.delete(key); // re-inserted: a Map iterates oldest first, so this marks it recently used
    slots.set(key, slot);
    return slot.value as Promise<T>;
  }
  const computed = compute();
  const value = computed.then((c) => c.value);
  // A request that read an older version (its read finished late) computes for itself and stores nothing,
  // so the newer version's value is kept; so does an event without a version row.
  if (version === null || (slot && slot.version > version)) return value;
  if (slot) {
    slots.delete(key);
    held -= slot.weight;
  }
  const fresh: Slot = { version, weight: 0, value };
  slots.set(key, fresh);
  computed.then(
    ({ weight }) => {
      if (slots.get(key) !== fresh) return;
      fresh.weight = weight;
      held += weight;
      for (const [oldKey, old] of slots) {
        if (held <= RESULTS_CACHE_WEIGHT) break;
        slots.delete(oldKey);
        held -= old.weight;
      }
    },
    // A failure is not kept: the next request tries again.
    () => slots.get(key) === fresh && slots.delete(key),
  );
  return value;
}

/** What the cache holds, for tests. */
export function resultsCacheHeld() {
  return { values: slots.size, weight: held };
}
