// "Did you mean invoice?": the nearest word the index holds for a search word that matches nothing.
// Pure, unit-tested; the server reads candidate stems from the index's vocabulary (ADR 023).
import { fold } from "./relevance";

/** Edits (insert, delete, substitute, swap two neighbours) between two words: optimal string alignment. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Words shorter than this get no suggestion: too many words are one edit from "api". */
export const MIN_WORD_LENGTH = 4;

/** How far a suggestion may be from what was typed: one edit up to 5 letters, two from 6 on. */
export function maxEdits(length: number): number {
  return length <= 5 ? 1 : 2;
}

/** Stems within reach differ in length by at most this much (the most edits allowed). */
export const LENGTH_SLACK = 2;

// The index's facet tokens (zoutcome…, zcause…, zvisible) are not words anybody typed.
const FACET = /^z(outcome|cause|visible)/;

/**
 * The indexed stem nearest to a typed word's stem, within maxEdits; the one in most learnings wins a
 * tie, then the alphabetically first. Null when none is close enough.
 */
export function nearestStem(stem: string, candidates: { term: string; doc: number }[]): string | null {
  const limit = maxEdits(stem.length);
  let best: { term: string; doc: number; distance: number } | null = null;
  for (const c of candidates) {
    if (c.term === stem || FACET.test(c.term) || Math.abs(c.term.length - stem.length) > LENGTH_SLACK) continue;
    const distance = editDistance(stem, c.term);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && (c.doc > best.doc || (c.doc === best.doc && c.term < best.term))))
      best = { ...c, distance };
  }
  return best?.term ?? null;
}

/** Of the spellings a stem has in the archive, the one closest to what was typed (then the shortest). */
export function closestSpelling(typed: string, spellings: string[]): string | null {
  const folded = [...new Set(spellings.map(fold))];
  folded.sort((a, b) => editDistance(fold(typed), a) - editDistance(fold(typed), b) || a.length - b.length || (a < b ? -1 : 1));
  return folded[0] ?? null;
}

/** The search with each corrected word put in place of what was typed (whole words, any letter case). */
export function correctedQuery(q: string, corrections: ReadonlyMap<string, string>): string {
  return q.replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(fold(word)) ?? word);
}
