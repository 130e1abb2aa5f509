// The archive's cache. What archive pages show (closed events, their problems, teams and entries)
// changes rarely: when an event closes or reopens, or when something of a closed event is edited.
// Triggers bump archive_version.version on exactly those changes (migration 0005), so each request
// reads that one row and every process drops its cache as soon as the version moves: several app
// processes on one database never show stale results (ADR 008).
import { sql } from "drizzle-orm";
import { db } from "~/db.server";

/** Cached values per process; the least recently used go first. */
export const CACHE_ENTRIES = 500;

/** Index terms whose learning counts are kept per process; past this the counts start again. */
const TERM_COUNT_ENTRIES = 50_000;

type Store = { version: number; values: Map<string, Promise<unknown>>; termCounts: Map<string, number> };
let store: Store = { version: -1, values: new Map(), termCounts: new Map() };

export type ArchiveCache = {
  version: number;
  /** The value under `key` at this version, computed once (concurrent requests share the computation). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /**
   * How many learnings hold each index term, at this version (ADR 008): FTS5's vocabulary counts them by reading
   * the term's whole list of hits, about 1 ms a term at 100,000 learnings, so each is read once per version.
   */
  termCounts: Map<string, number>;
};

/** The cache at the archive's current version: one primary-key read per call, so call it once per request. */
export async function archiveCache(): Promise<ArchiveCache> {
  const [row] = await db.all<{ version: number }>(sql`select version from archive_version where id = 1`);
  const version = row?.version ?? -1;
  if (version > store.version) store = { version, values: new Map(), termCounts: new Map() };
  // A request that read an older version (its read finished late) computes for itself and stores
  // nothing: the newer version's cache neither loses its values nor gets older ones. So does a
  // database without the version row (nothing to key on).
  const current = version === store.version && row;
  const values = current ? store.values : new Map<string, Promise<unknown>>();
  const termCounts = current ? store.termCounts : new Map<string, number>();
  if (termCounts.size > TERM_COUNT_ENTRIES) termCounts.clear();
  return {
    version,
    termCounts,
    get<T>(key: string, compute: () => Promise<T>) {
      let value = values.get(key) as Promise<T> | undefined;
      if (value) {
        values.delete(key); // re-inserted below: a Map iterates oldest first, so this marks it recently used
      } else {
        value = compute();
        // A failure is not cached: the next request tries again.
        value.catch(() => values.get(key) === value && values.delete(key));
        if (values.size >= CACHE_ENTRIES) values.delete(values.keys().next().value!);
      }
      values.set(key, value);
      return value;
    },
  };
}
