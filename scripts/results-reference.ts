// The results computation as it was before ADR 033 (maps of maps keyed by id, each judge's totals
// copied into a new array per total). Kept as the reference: the benchmark (bench-app.ts) times it
// beside computeEventResults, and results-reference.test.ts checks that both agree on generated events.
import {
  DISAGREEMENT_SD,
  MIN_ENTRIES_FOR_NORMALIZATION,
  rankWithTies,
  weightedTotal,
  type Criterion,
  type EntryResult,
  type EventResultsSummary,
  type ResultsInput,
} from "~/modules/judging/results";

type JudgeNormalization = EventResultsSummary["judges"][number];

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
/** Population standard deviation. */
function standardDeviation(xs: number[]): number {
  if (xs.length === 0) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / xs.length);
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

/** computeEventResults as it was: maps of maps, a total per judge and entry, arrays rebuilt per judge. */
export function computeEventResultsBefore(input: ResultsInput): EventResultsSummary {
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
      // Complete sheets only, as the score counts them.
      const vals = [...judges.values()]
        .filter((v) => weightedTotal(v, input.criteria, input.scaleMax) !== null)
        .map((v) => v.get(c.id))
        .filter((v): v is number => v !== undefined);
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
      judged: judgeTotals.length,
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
