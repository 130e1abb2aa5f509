// How the results page presents results.ts's numbers: which ranking is shown, ties, bars. Pure.
import { pageOf } from "~/lib/paging";
import { MIN_ENTRIES_FOR_NORMALIZATION } from "./results";

export type Ranking = "raw" | "normalized";

export const rankingNames: Record<Ranking, string> = { raw: "Raw", normalized: "Normalized" };

/**
 * The ranking a results page shows: the one asked for in `?view=` (a link, so it works without JavaScript),
 * else the event's official one. `other` is the ranking the toggle offers.
 */
export function pickRanking(requested: string | null, normalizeScores: boolean): { view: Ranking; official: Ranking; other: Ranking } {
  const official: Ranking = normalizeScores ? "normalized" : "raw";
  const view: Ranking = requested === "raw" || requested === "normalized" ? requested : official;
  return { view, official, other: view === "raw" ? "normalized" : "raw" };
}

/** Ranks held by more than one entry: those entries are shown as tied. */
export function sharedRanks(ranks: (number | null)[]): Set<number> {
  const seen = new Set<number>();
  const shared = new Set<number>();
  for (const r of ranks) {
    if (r === null) continue;
    if (seen.has(r)) shared.add(r);
    seen.add(r);
  }
  return shared;
}

/** A results row's criterion bars, in CSS pixels: each this wide, this far apart, and this tall when full. */
export const CRITERION_BAR = { width: 12, gap: 2, height: 24 } as const;

/**
 * A results row's criterion bars as one SVG path, one bar per criterion in rubric order, each as tall as its mean's
 * share of the 1..scaleMax scale (none when unscored, kept within the full height), to a tenth of a pixel; and the
 * width of all of them. One path instead of an element per bar: a long ranking draws a page of these (issue 19).
 */
export function criterionBars(means: (number | null)[], scaleMax: number): { width: number; path: string } {
  const { width, gap, height } = CRITERION_BAR;
  const path = means
    .map((mean, i) => {
      const share = mean === null || !(scaleMax > 0) || !(mean > 0) ? 0 : Math.min(1, mean / scaleMax);
      const h = Math.round(share * height * 10) / 10;
      return h > 0 ? `M${i * (width + gap)} ${height}h${width}v-${h}h-${width}z` : "";
    })
    .join("");
  return { width: Math.max(0, means.length * (width + gap) - gap), path };
}

/** The one plain sentence that says what the official ranking is and what the other one does differently. */
export function rankingSentence(official: Ranking): string {
  const rescale = `each judge who completed at least ${MIN_ENTRIES_FOR_NORMALIZATION} score sheets is rescaled so that a harsh judge and a generous one count alike`;
  return official === "normalized"
    ? `The official ranking uses normalized scores, where ${rescale}; the raw ranking averages the judges' totals as given.`
    : `The official ranking averages the judges' totals as given; in the normalized ranking ${rescale}.`;
}

/** Award names grouped by the entry they were given to, in the order the list has them. */
export function awardNamesByEntry(list: { name: string; entryId: string | null }[]): Record<string, string[]> {
  const byEntry: Record<string, string[]> = {};
  for (const a of list) if (a.entryId) (byEntry[a.entryId] ??= []).push(a.name);
  return byEntry;
}

/** What the results table flags on a ranking row: its rank shared, its judges disagreeing, sheets incomplete or missing. */
export type RowFlags = { rank: number | null; disagreement: boolean; incomplete: number; missing: number };

/**
 * Whether a ranking row carries a flag (the results table shows each): the rows an organizer checks before
 * publishing, which "Only flagged entries" keeps. `tied` are the ranks shared in the whole ranking.
 */
export function isFlagged(row: RowFlags, tied: ReadonlySet<number>): boolean {
  return (row.rank !== null && tied.has(row.rank)) || row.disagreement || row.incomplete > 0 || row.missing > 0;
}

/** The rows the ranking shows: `?show=flagged` keeps the flagged ones (a link, so it works without JavaScript). */
export function pickShown(requested: string | null): "all" | "flagged" {
  return requested === "flagged" ? "flagged" : "all";
}

/** Entries per page of a ranking: a 300-entry event renders one page at a time, not 300 rows (ADR 033). */
export const RANKING_PAGE_SIZE = 20;

/** The page of a ranking asked for in `?page=` (see pageOf). */
export function rankingPage<T>(rows: T[], requested: string | null, size = RANKING_PAGE_SIZE) {
  return pageOf(rows, requested, size);
}
