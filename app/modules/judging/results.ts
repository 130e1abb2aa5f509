// Scoring math: pure, shared by the results page, the exports, the seed and the tests.

export type Criterion = { id: string; weight: number };
export type Score = { entryId: string; judgeId: string; criterionId: string; value: number };

/** Judges' totals for one entry spreading more than this (population standard deviation, 0–100 points) are flagged. */
export const DISAGREEMENT_SD = 20;
/** A judge is normalized only with at least this many complete score sheets; fewer say too little about their habits. */
export const MIN_ENTRIES_FOR_NORMALIZATION = 3;

/** Shown beside the results table; the order computeResults applies within a shared rank. */
export const TIE_BREAK_RULES = [
  "Equal scores (to 6 decimals) share a rank: 1, 2, 2, 4.",
  "Within a shared rank, entries are listed by the higher mean score on the most-weighted criterion (the first one listed when several share the top weight),",
  "then by the number of judges who gave the entry their own highest total.",
  "Entries still equal after both stay tied; nothing is decided at random.",
] as const;

type JudgeTotal = { judgeId: string; total: number; normalized: number };

export type EntryResult = {
  entryId: string;
  /** Raw: mean over judges who scored every criterion, on a 0–100 scale; null when nobody has. */
  score: number | null;
  rank: number | null;
  /** The same mean over per-judge normalized totals (see normalizeJudges). */
  normalizedScore: number | null;
  normalizedRank: number | null;
  judgeTotals: JudgeTotal[];
  /** Mean value per criterion, on the rubric's own scale. */
  criterionMeans: { criterionId: string; mean: number | null }[];
  /** Judges who started but did not score every criterion. */
  incompleteJudges: string[];
  /** Judges expected to score the entry (assigned, or every judge) who have not given any score. */
  missingJudges: string[];
  /** Population standard deviation of the judges' raw totals; null with fewer than two. */
  spread: number | null;
  disagreement: boolean;
  /** Tie-break keys: mean on the most-weighted criterion, and judges' first places. */
  topCriterionMean: number | null;
  firstPlaces: number;
};

type JudgeNormalization = { judgeId: string; entries: number; mean: number; sd: number; normalized: boolean };

type Distribution = { criterionId: string; counts: number[] };

/** A value on the 1..scaleMax scale mapped to 0..100: the lowest level is 0, the highest 100. */
export function toPercent(value: number, scaleMax: number): number {
  return ((value - 1) / (scaleMax - 1)) * 100;
}

/** Σ weight × value ÷ Σ weight on 0–100, or null unless every criterion has a value. */
export function weightedTotal(values: Map<string, number>, criteria: Criterion[], scaleMax: number): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const v = values.get(c.id);
    if (v === undefined) return null;
    sum += c.weight * toPercent(v, scaleMax);
    weights += c.weight;
  }
  return weights > 0 ? sum / weights : null;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
/** Population standard deviation. */
function standardDeviation(xs: number[]): number {
  if (xs.length === 0) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length);
}

/** Competition ranking: equal scores share a rank and the next rank skips (1, 2, 2, 4). */
export function rankWithTies<T>(items: T[], score: (t: T) => number | null): (T & { rank: number | null })[] {
  const sorted = [...items].sort((a, b) => (score(b) ?? -Infinity) - (score(a) ?? -Infinity));
  let lastScore: number | null = null;
  let lastRank = 0;
  return sorted.map((item, i) => {
    const s = score(item);
    if (s === null) return { ...item, rank: null };
    const r = round6(s);
    if (lastScore === null || r !== lastScore) {
      lastRank = i + 1;
      lastScore = r;
    }
    return { ...item, rank: lastRank };
  });
}

/**
 * Per-judge z-scores re-expressed on the overall scale: norm = μ + σ·(x − μⱼ)/σⱼ, where μ, σ are over all
 * complete totals and μⱼ, σⱼ over judge j's. Judges with fewer than MIN_ENTRIES_FOR_NORMALIZATION
 * totals, or with zero spread, keep their raw totals.
 */
function normalizeJudges(totals: { judgeId: string; total: number }[]): { info: JudgeNormalization[]; normalize: (judgeId: string, x: number) => number } {
  const all = totals.map((t) => t.total);
  const mu = all.length ? mean(all) : 0;
  const sigma = standardDeviation(all);
  const byJudge = new Map<string, number[]>();
  for (const t of totals) byJudge.set(t.judgeId, [...(byJudge.get(t.judgeId) ?? []), t.total]);
  const info: JudgeNormalization[] = [...byJudge].map(([judgeId, xs]) => {
    const sd = standardDeviation(xs);
    return { judgeId, entries: xs.length, mean: mean(xs), sd, normalized: xs.length >= MIN_ENTRIES_FOR_NORMALIZATION && sd > 1e-9 };
  });
  const byId = new Map(info.map((i) => [i.judgeId, i]));
  return {
    info,
    normalize: (judgeId, x) => {
      const j = byId.get(judgeId);
      return j?.normalized ? mu + (sigma * (x - j.mean)) / j.sd : x;
    },
  };
}

/** Higher is better for both keys; null sorts last. */
function compareTieBreak(a: EntryResult, b: EntryResult): number {
  const ta = a.topCriterionMean ?? -Infinity;
  const tb = b.topCriterionMean ?? -Infinity;
  if (round6(ta) !== round6(tb)) return tb - ta;
  return b.firstPlaces - a.firstPlaces;
}

/** Ranks by `key` with shared ranks, ordering entries within a shared rank by the tie-break rules. */
function rankBy(results: EntryResult[], key: (r: EntryResult) => number | null): { entryId: string; rank: number | null }[] {
  const ranked = rankWithTies(results, key);
  return [...ranked]
    .sort((a, b) => {
      if (a.rank === null || b.rank === null) return a.rank === b.rank ? 0 : a.rank === null ? 1 : -1;
      return a.rank - b.rank || compareTieBreak(a, b);
    })
    .map((r) => ({ entryId: r.entryId, rank: r.rank }));
}

export type ResultsInput = {
  entryIds: string[];
  criteria: Criterion[];
  scaleMax: number;
  scores: Score[];
  /** Who should score each entry; entries not in the map expect nobody in particular. */
  expectedJudges?: Map<string, string[]>;
  /** Which ranking orders the returned list; both are always computed. */
  official?: "raw" | "normalized";
};

export type EventResultsSummary = {
  rows: EntryResult[];
  judges: JudgeNormalization[];
  distributions: Distribution[];
  mostWeightedCriterionId: string | null;
};

/** Everything the results page shows: both rankings, flags, breakdowns and distributions. */
export function computeEventResults(input: ResultsInput): EventResultsSummary {
  const byEntry = new Map<string, Map<string, Map<string, number>>>();
  const distributions = input.criteria.map((c) => ({ criterionId: c.id, counts: Array.from({ length: input.scaleMax }, () => 0) }));
  const distById = new Map(distributions.map((d) => [d.criterionId, d]));
  for (const s of input.scores) {
    const judges = byEntry.get(s.entryId) ?? new Map<string, Map<string, number>>();
    const values = judges.get(s.judgeId) ?? new Map<string, number>();
    values.set(s.criterionId, s.value);
    judges.set(s.judgeId, values);
    byEntry.set(s.entryId, judges);
    const d = distById.get(s.criterionId);
    if (d && s.value >= 1 && s.value <= input.scaleMax) d.counts[s.value - 1]++;
  }
  const top = input.criteria.reduce<Criterion | null>((best, c) => (best === null || c.weight > best.weight ? c : best), null);

  const raw: { entryId: string; judgeId: string; total: number }[] = [];
  const partial = input.entryIds.map((entryId) => {
    const judges = byEntry.get(entryId) ?? new Map<string, Map<string, number>>();
    const totals: { judgeId: string; total: number }[] = [];
    const incompleteJudges: string[] = [];
    for (const [judgeId, values] of judges) {
      const total = weightedTotal(values, input.criteria, input.scaleMax);
      if (total === null) incompleteJudges.push(judgeId);
      else {
        totals.push({ judgeId, total });
        raw.push({ entryId, judgeId, total });
      }
    }
    const criterionMeans = input.criteria.map((c) => {
      const vals = [...judges.values()].map((v) => v.get(c.id)).filter((v): v is number => v !== undefined);
      return { criterionId: c.id, mean: vals.length ? mean(vals) : null };
    });
    const expected = input.expectedJudges?.get(entryId) ?? [];
    return { entryId, totals, incompleteJudges, criterionMeans, missingJudges: expected.filter((j) => !judges.has(j)) };
  });

  const { info, normalize } = normalizeJudges(raw);
  // A judge's first places: the entries they gave their highest total (every entry sharing that top counts).
  const bestOfJudge = new Map<string, number>();
  for (const t of raw) bestOfJudge.set(t.judgeId, Math.max(bestOfJudge.get(t.judgeId) ?? -Infinity, t.total));

  const results: EntryResult[] = partial.map((p) => {
    const judgeTotals = p.totals.map((t) => ({ ...t, normalized: normalize(t.judgeId, t.total) }));
    const spread = judgeTotals.length >= 2 ? standardDeviation(judgeTotals.map((t) => t.total)) : null;
    return {
      entryId: p.entryId,
      score: judgeTotals.length ? mean(judgeTotals.map((t) => t.total)) : null,
      rank: null,
      normalizedScore: judgeTotals.length ? mean(judgeTotals.map((t) => t.normalized)) : null,
      normalizedRank: null,
      judgeTotals,
      criterionMeans: p.criterionMeans,
      incompleteJudges: p.incompleteJudges,
      missingJudges: p.missingJudges,
      spread,
      disagreement: spread !== null && spread > DISAGREEMENT_SD,
      topCriterionMean: top ? (p.criterionMeans.find((m) => m.criterionId === top.id)?.mean ?? null) : null,
      firstPlaces: judgeTotals.filter((t) => round6(t.total) === round6(bestOfJudge.get(t.judgeId)!)).length,
    };
  });

  const byId = new Map(results.map((r) => [r.entryId, r]));
  const rawOrder = rankBy(results, (r) => r.score);
  const normOrder = rankBy(results, (r) => r.normalizedScore);
  for (const r of rawOrder) byId.get(r.entryId)!.rank = r.rank;
  for (const r of normOrder) byId.get(r.entryId)!.normalizedRank = r.rank;
  const order = input.official === "normalized" ? normOrder : rawOrder;
  return { rows: order.map((r) => byId.get(r.entryId)!), judges: info, distributions, mostWeightedCriterionId: top?.id ?? null };
}

/** The ranked rows only, in raw order (kept for callers that need just the list). */
export function computeResults(input: ResultsInput): EntryResult[] {
  return computeEventResults(input).rows;
}
