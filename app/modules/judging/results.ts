// Scoring math: pure, shared by the results page, the seed and the tests.

export type Criterion = { id: string; weight: number };
export type Score = { entryId: string; judgeId: string; criterionId: string; value: number };

export type EntryResult = {
  entryId: string;
  /** Mean over judges who scored every criterion, on a 0–100 scale; null when nobody has. */
  score: number | null;
  rank: number | null;
  judgeTotals: { judgeId: string; total: number }[];
  /** Mean value per criterion, on the rubric's own scale. */
  criterionMeans: { criterionId: string; mean: number | null }[];
  /** Judges who started but did not score every criterion. */
  incompleteJudges: string[];
};

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

/** Competition ranking: equal scores share a rank and the next rank skips (1, 2, 2, 4). */
export function rankWithTies<T>(items: T[], score: (t: T) => number | null): (T & { rank: number | null })[] {
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  const sorted = [...items].sort((a, b) => (score(b) ?? -Infinity) - (score(a) ?? -Infinity));
  let lastScore: number | null = null;
  let lastRank = 0;
  return sorted.map((item, i) => {
    const s = score(item);
    if (s === null) return { ...item, rank: null };
    const r = round(s);
    if (lastScore === null || r !== lastScore) {
      lastRank = i + 1;
      lastScore = r;
    }
    return { ...item, rank: lastRank };
  });
}

export function computeResults(input: { entryIds: string[]; criteria: Criterion[]; scaleMax: number; scores: Score[] }): EntryResult[] {
  const byEntry = new Map<string, Map<string, Map<string, number>>>();
  for (const s of input.scores) {
    const judges = byEntry.get(s.entryId) ?? new Map<string, Map<string, number>>();
    const values = judges.get(s.judgeId) ?? new Map<string, number>();
    values.set(s.criterionId, s.value);
    judges.set(s.judgeId, values);
    byEntry.set(s.entryId, judges);
  }
  const results = input.entryIds.map((entryId) => {
    const judges = byEntry.get(entryId) ?? new Map<string, Map<string, number>>();
    const judgeTotals: { judgeId: string; total: number }[] = [];
    const incompleteJudges: string[] = [];
    for (const [judgeId, values] of judges) {
      const total = weightedTotal(values, input.criteria, input.scaleMax);
      if (total === null) incompleteJudges.push(judgeId);
      else judgeTotals.push({ judgeId, total });
    }
    const score = judgeTotals.length ? judgeTotals.reduce((a, t) => a + t.total, 0) / judgeTotals.length : null;
    const criterionMeans = input.criteria.map((c) => {
      const vals = [...judges.values()].map((v) => v.get(c.id)).filter((v): v is number => v !== undefined);
      return { criterionId: c.id, mean: vals.length ? vals.reduce((a, v) => a + v, 0) / vals.length : null };
    });
    return { entryId, score, judgeTotals, criterionMeans, incompleteJudges };
  });
  return rankWithTies(results, (r) => r.score);
}
