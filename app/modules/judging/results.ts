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

export type EntryResult = {
  entryId: string;
  /** Raw: mean over judges who scored every criterion, on a 0–100 scale; null when nobody has. */
  score: number | null;
  rank: number | null;
  /**
   * The same mean over per-judge normalized totals: norm = μ + σ·(x − μⱼ)/σⱼ, where μ, σ are over all
   * complete totals and μⱼ, σⱼ over judge j's. Judges with fewer than MIN_ENTRIES_FOR_NORMALIZATION
   * totals, or with zero spread, keep their raw totals.
   */
  normalizedScore: number | null;
  normalizedRank: number | null;
  /**
   * How many judges' totals count: those who scored every criterion. Only their number is kept, not each total:
   * nothing shows one judge's total, and at 2,000 entries × 50 judges the 100,000 small objects were a third of
   * the computation's time (ADR 033).
   */
  judged: number;
  /** Mean value per criterion, on the rubric's own scale, over complete sheets only (as `score`; null: none). */
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
/**
 * Competition ranking of positions by their keys, highest first: equal keys (to 6 decimals) share a rank
 * and the next rank skips (1, 2, 2, 4); null keys go last without a rank; equal keys keep input order.
 */
function competitionRanks(keys: (number | null)[]): { order: number[]; ranks: (number | null)[] } {
  const order = keys.map((_, i) => i).sort((a, b) => (keys[b] ?? -Infinity) - (keys[a] ?? -Infinity));
  const ranks: (number | null)[] = new Array(keys.length).fill(null);
  let lastScore: number | null = null;
  let lastRank = 0;
  order.forEach((i, position) => {
    const s = keys[i];
    if (s === null) return;
    const r = round6(s);
    if (lastScore === null || r !== lastScore) {
      lastRank = position + 1;
      lastScore = r;
    }
    ranks[i] = lastRank;
  });
  return { order, ranks };
}

/** Competition ranking: equal scores share a rank and the next rank skips (1, 2, 2, 4). */
export function rankWithTies<T>(items: T[], score: (t: T) => number | null): (T & { rank: number | null })[] {
  const { order, ranks } = competitionRanks(items.map(score));
  return order.map((i) => ({ ...items[i], rank: ranks[i] }));
}

/** Higher is better for both keys; null sorts last. */
function compareTieBreak(a: EntryResult, b: EntryResult): number {
  const ta = a.topCriterionMean ?? -Infinity;
  const tb = b.topCriterionMean ?? -Infinity;
  if (round6(ta) !== round6(tb)) return tb - ta;
  return b.firstPlaces - a.firstPlaces;
}

/**
 * Ranks by `key` with shared ranks (as rankWithTies), ordering entries within a shared rank by the
 * tie-break rules. Works on positions, so ranking 2,000 entries copies no rows.
 */
function rankBy(results: EntryResult[], key: (r: EntryResult) => number | null): { order: number[]; ranks: (number | null)[] } {
  const { order, ranks } = competitionRanks(results.map(key));
  order.sort((a, b) => {
    const ra = ranks[a];
    const rb = ranks[b];
    if (ra === null || rb === null) return ra === rb ? 0 : ra === null ? 1 : -1;
    return ra - rb || compareTieBreak(results[a], results[b]);
  });
  return { order, ranks };
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

/**
 * Score sheets (one judge's values for one entry) in flat typed arrays: sheet s is judge[s]'s, holds its value
 * for criterion slot k at values[s·K + k] (NaN while not given), and is followed by next[s] in its entry's
 * list, which starts at first[entry]. Sheets are numbered, and listed, in the order their first score arrives.
 */
type SheetTable = {
  count: number;
  judge: Int32Array;
  next: Int32Array;
  first: Int32Array;
  values: Float64Array;
  judgeIds: string[];
  judgeIndex: Map<string, number>;
};

/** The sheet of judge j on entry e, or -1: an entry has few judges, so a walk along its list. */
function sheetOf(t: Pick<SheetTable, "first" | "judge" | "next">, e: number, j: number): number {
  let s = t.first[e];
  while (s >= 0 && t.judge[s] !== j) s = t.next[s];
  return s;
}

/**
 * One pass over the scores: counts each value for the distributions and files it into its sheet. Entries,
 * judges and criteria become small integers; consecutive scores of one sheet (the order the database
 * returns them) skip the look-ups. The hot loops live in small functions of their own, so their arrays stay
 * in registers rather than in a closure's context.
 */
function fileScores(scores: Score[], slotIds: string[], slotCounts: number[][], scaleMax: number, entrySlot: Map<string, number>): SheetTable {
  const K = slotIds.length;
  let capacity = Math.max(16, Math.ceil(scores.length / Math.max(1, K)));
  let judge = new Int32Array(capacity);
  let next = new Int32Array(capacity);
  let values = new Float64Array(capacity * K).fill(NaN);
  const first = new Int32Array(entrySlot.size).fill(-1);
  const last = new Int32Array(entrySlot.size).fill(-1);
  const judgeIndex = new Map<string, number>();
  const judgeIds: string[] = [];
  let count = 0;
  let lastEntryId: string | undefined;
  let entry = -1;
  let lastJudgeId: string | undefined;
  let j = -1;
  let sheet = -1;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    // Criteria are few: comparing ids beats hashing them.
    let slot = 0;
    while (slot < K && slotIds[slot] !== score.criterionId) slot++;
    const value = score.value;
    if (slot < K && value >= 1 && value <= scaleMax) slotCounts[slot][value - 1]++;
    if (score.entryId !== lastEntryId) {
      lastEntryId = score.entryId;
      entry = entrySlot.get(score.entryId) ?? -1;
      sheet = -1;
    }
    if (entry < 0) continue; // not one of the entries ranked: only the distribution counts it
    if (score.judgeId !== lastJudgeId) {
      lastJudgeId = score.judgeId;
      const known = judgeIndex.get(score.judgeId);
      if (known === undefined) {
        j = judgeIds.push(score.judgeId) - 1;
        judgeIndex.set(score.judgeId, j);
      } else j = known;
      sheet = -1;
    }
    if (sheet < 0) {
      sheet = first[entry];
      while (sheet >= 0 && judge[sheet] !== j) sheet = next[sheet];
      if (sheet < 0) {
        if (count === capacity) {
          capacity *= 2;
          const grown = { judge: new Int32Array(capacity), next: new Int32Array(capacity), values: new Float64Array(capacity * K).fill(NaN) };
          grown.judge.set(judge);
          grown.next.set(next);
          grown.values.set(values);
          [judge, next, values] = [grown.judge, grown.next, grown.values];
        }
        sheet = count++;
        judge[sheet] = j;
        next[sheet] = -1;
        if (last[entry] < 0) first[entry] = sheet;
        else next[last[entry]] = sheet;
        last[entry] = sheet;
      }
    }
    // A later score for the same criterion replaces an earlier one.
    if (slot < K) values[sheet * K + slot] = value;
  }
  return { count, judge, next, first, values, judgeIds, judgeIndex };
}

/** Each sheet's weighted total on 0–100 (weightedTotal's arithmetic), NaN unless complete. */
function sheetTotals(t: SheetTable, K: number, criterionSlot: number[], weights: number[], scaleMax: number): Float64Array {
  const total = new Float64Array(t.count);
  const values = t.values;
  for (let s = 0; s < t.count; s++) {
    let sum = 0;
    let weight = 0;
    let complete = true;
    for (let c = 0; c < criterionSlot.length; c++) {
      const v = values[s * K + criterionSlot[c]];
      if (Number.isNaN(v)) {
        complete = false;
        break;
      }
      sum += weights[c] * toPercent(v, scaleMax);
      weight += weights[c];
    }
    total[s] = complete && weight > 0 ? sum / weight : NaN;
  }
  return total;
}

/**
 * Per judge, over their complete sheets in entry order: count, mean, population spread, best total, and
 * whether they are normalized; μ and σ over all complete totals. Two passes, as the definitions.
 */
function judgeFigures(t: SheetTable, total: Float64Array, entries: Int32Array) {
  const J = t.judgeIds.length;
  const { first, next, judge } = t;
  const count = new Int32Array(J);
  const sum = new Float64Array(J);
  const best = new Float64Array(J).fill(-Infinity);
  const inOrder: number[] = [];
  let all = 0;
  let allSum = 0;
  for (let p = 0; p < entries.length; p++) {
    for (let s = first[entries[p]]; s >= 0; s = next[s]) {
      const x = total[s];
      if (Number.isNaN(x)) continue;
      const j = judge[s];
      if (count[j]++ === 0) inOrder.push(j);
      sum[j] += x;
      best[j] = Math.max(best[j], x);
      all++;
      allSum += x;
    }
  }
  const mean = new Float64Array(J);
  for (let j = 0; j < J; j++) mean[j] = sum[j] / count[j];
  const mu = all ? allSum / all : 0;
  const squares = new Float64Array(J);
  let allSquares = 0;
  for (let p = 0; p < entries.length; p++) {
    for (let s = first[entries[p]]; s >= 0; s = next[s]) {
      const x = total[s];
      if (Number.isNaN(x)) continue;
      squares[judge[s]] += (x - mean[judge[s]]) ** 2;
      allSquares += (x - mu) ** 2;
    }
  }
  const sd = new Float64Array(J);
  const normalized = new Uint8Array(J);
  const bestRounded = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    sd[j] = count[j] ? Math.sqrt(squares[j] / count[j]) : 0;
    normalized[j] = count[j] >= MIN_ENTRIES_FOR_NORMALIZATION && sd[j] > 1e-9 ? 1 : 0;
    bestRounded[j] = round6(best[j]);
  }
  return { count, mean, sd, normalized, bestRounded, inOrder, mu, sigma: all ? Math.sqrt(allSquares / all) : 0 };
}

type Figures = ReturnType<typeof judgeFigures>;

/** One entry's row: its judges' totals (raw and normalized), means, flags and tie-break keys. */
function entryRow(
  entryId: string,
  e: number,
  t: SheetTable,
  total: Float64Array,
  f: Figures,
  rubric: { criteria: Criterion[]; criterionSlot: number[]; K: number; top: number },
  expected: string[],
): EntryResult {
  let judged = 0;
  const incompleteJudges: string[] = [];
  let rawSum = 0;
  let normalizedSum = 0;
  let firstPlaces = 0;
  for (let s = t.first[e]; s >= 0; s = t.next[s]) {
    const j = t.judge[s];
    const x = total[s];
    if (Number.isNaN(x)) {
      incompleteJudges.push(t.judgeIds[j]);
      continue;
    }
    // Per-judge z-scores re-expressed on the overall scale (see EntryResult.normalizedScore).
    const n = f.normalized[j] ? f.mu + (f.sigma * (x - f.mean[j])) / f.sd[j] : x;
    judged++;
    rawSum += x;
    normalizedSum += n;
    if (round6(x) === f.bestRounded[j]) firstPlaces++;
  }
  const score = judged ? rawSum / judged : null;
  let spread: number | null = null;
  if (score !== null && judged >= 2) {
    // The same complete totals, in the same order, as the sum above.
    let squared = 0;
    for (let s = t.first[e]; s >= 0; s = t.next[s]) if (!Number.isNaN(total[s])) squared += (total[s] - score) ** 2;
    spread = Math.sqrt(squared / judged);
  }
  const { criteria, criterionSlot, K, top } = rubric;
  // Over the same complete sheets as the score: the bars and the tie-break never rest on a sheet the score leaves out.
  const slotMeans: (number | null)[] = [];
  for (let k = 0; k < K; k++) {
    let valueSum = 0;
    let given = 0;
    for (let s = t.first[e]; s >= 0; s = t.next[s]) {
      if (Number.isNaN(total[s])) continue;
      const v = t.values[s * K + k];
      if (Number.isNaN(v)) continue;
      valueSum += v;
      given++;
    }
    slotMeans.push(given ? valueSum / given : null);
  }
  const criterionMeans: EntryResult["criterionMeans"] = [];
  for (let c = 0; c < criteria.length; c++) criterionMeans.push({ criterionId: criteria[c].id, mean: slotMeans[criterionSlot[c]] });
  const missingJudges: string[] = [];
  for (const id of expected) {
    const j = t.judgeIndex.get(id);
    if (j === undefined || sheetOf(t, e, j) < 0) missingJudges.push(id);
  }
  return {
    entryId,
    score,
    rank: null,
    normalizedScore: judged ? normalizedSum / judged : null,
    normalizedRank: null,
    judged,
    criterionMeans,
    incompleteJudges,
    missingJudges,
    spread,
    disagreement: spread !== null && spread > DISAGREEMENT_SD,
    topCriterionMean: top < 0 ? null : slotMeans[criterionSlot[top]],
    firstPlaces,
  };
}

/**
 * Everything the results page shows: both rankings, flags, breakdowns and distributions.
 *
 * The scores go once into flat score-sheet arrays (fileScores); every later sum runs over those arrays in
 * the same order as the plain definitions above, so the figures are the same to the last bit (ADR 033).
 */
export function computeEventResults(input: ResultsInput): EventResultsSummary {
  const { criteria, scaleMax, entryIds } = input;
  const distributions = criteria.map((c) => ({ criterionId: c.id, counts: Array.from({ length: scaleMax }, () => 0) }));
  const distById = new Map(distributions.map((d) => [d.criterionId, d]));
  // Criterion ids → slots 0…K−1; a rubric listing one id twice shares its slot, as a Map of values would.
  const slotIds = [...new Set(criteria.map((c) => c.id))];
  const K = slotIds.length;
  const criterionSlot = criteria.map((c) => slotIds.indexOf(c.id));
  const entrySlot = new Map<string, number>();
  for (const id of entryIds) if (!entrySlot.has(id)) entrySlot.set(id, entrySlot.size);

  const sheets = fileScores(
    input.scores,
    slotIds,
    slotIds.map((id) => distById.get(id)!.counts),
    scaleMax,
    entrySlot,
  );
  const total = sheetTotals(
    sheets,
    K,
    criterionSlot,
    criteria.map((c) => c.weight),
    scaleMax,
  );
  const entries = Int32Array.from(entryIds, (id) => entrySlot.get(id)!);
  const figures = judgeFigures(sheets, total, entries);
  const info: JudgeNormalization[] = figures.inOrder.map((j) => ({
    judgeId: sheets.judgeIds[j],
    entries: figures.count[j],
    mean: figures.mean[j],
    sd: figures.sd[j],
    normalized: figures.normalized[j] === 1,
  }));
  const top = criteria.reduce<number>((b, c, i) => (b < 0 || c.weight > criteria[b].weight ? i : b), -1);
  const rubric = { criteria, criterionSlot, K, top };
  const results = entryIds.map((entryId, p) => entryRow(entryId, entries[p], sheets, total, figures, rubric, input.expectedJudges?.get(entryId) ?? []));

  const raw = rankBy(results, (r) => r.score);
  const norm = rankBy(results, (r) => r.normalizedScore);
  results.forEach((r, i) => {
    r.rank = raw.ranks[i];
    r.normalizedRank = norm.ranks[i];
  });
  const order = input.official === "normalized" ? norm.order : raw.order;
  return { rows: order.map((i) => results[i]), judges: info, distributions, mostWeightedCriterionId: top < 0 ? null : criteria[top].id };
}

/** The ranked rows only, in raw order (kept for callers that need just the list). */
export function computeResults(input: ResultsInput): EntryResult[] {
  return computeEventResults(input).rows;
}
