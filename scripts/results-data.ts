// Score data for the results benchmark that behaves like a real event: each entry has a quality, each
// judge a leniency and a spread, and every score adds noise, rounded and clamped to the scale. Data in
// which every entry gets the same few patterns makes ranking, tie-breaks and normalization cheaper than
// they ever are in practice.
import type { ResultsInput, Score } from "~/modules/judging/results";

/** mulberry32: small, fast, seeded, so every run measures the same data. */
export function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A normally distributed number (Box–Muller) from a uniform source. */
export function gaussian(rand: () => number, mean: number, sd: number) {
  const u = 1 - rand();
  const v = rand();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function realisticResultsInput(size: { entries: number; judges: number; criteria: number; scaleMax?: number; seed?: number }): ResultsInput {
  const rand = seeded(size.seed ?? 0x5c0de);
  const scaleMax = size.scaleMax ?? 5;
  const mid = (1 + scaleMax) / 2;
  const criteria = Array.from({ length: size.criteria }, (_, i) => ({ id: `c${i}`, weight: [25, 15, 15, 20, 10, 15][i % 6] }));
  const entryIds = Array.from({ length: size.entries }, (_, i) => `e${i}`);
  // How good each entry is, per criterion around its overall quality; how each judge scores.
  const quality = entryIds.map(() => gaussian(rand, 0, 0.9));
  const strengths = entryIds.map((_, e) => criteria.map(() => quality[e] + gaussian(rand, 0, 0.4)));
  const judges = Array.from({ length: size.judges }, (_, j) => ({ id: `j${j}`, leniency: gaussian(rand, 0, 0.5), spread: 0.6 + rand() * 0.8 }));
  const scores: Score[] = [];
  entryIds.forEach((entryId, e) => {
    for (const judge of judges) {
      criteria.forEach((c, k) => {
        const raw = mid + judge.leniency + judge.spread * strengths[e][k] + gaussian(rand, 0, 0.6);
        scores.push({ entryId, judgeId: judge.id, criterionId: c.id, value: Math.min(scaleMax, Math.max(1, Math.round(raw))) });
      });
    }
  });
  return { entryIds, criteria, scaleMax, scores };
}
