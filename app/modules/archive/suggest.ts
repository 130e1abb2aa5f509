// Suggestions as a person types in the archive's search box: the word being typed completed from the
// archive's words and tags, and learnings whose titles match. Pure, unit-tested (ADR 023).
import { fold } from "./relevance";

/** The word being typed needs this many letters before anything is suggested. */
export const MIN_SUGGEST_PREFIX = 2;
/** Words and learnings offered, at most, each. */
export const MAX_TERMS = 5;
export const MAX_TITLES = 5;

export type Suggestion = { kind: "term"; text: string; q: string } | { kind: "title"; text: string; href: string };

/** What was typed before the last word, and the last word itself (folded), when the search ends in a word being typed. */
export function typedParts(q: string): { before: string; prefix: string } | null {
  const match = /^(.*?)([\p{L}\p{N}]+)$/u.exec(q.trimStart());
  if (!match) return null;
  const prefix = fold(match[2]);
  if (prefix.length < MIN_SUGGEST_PREFIX) return null;
  // A phrase still open or a word to leave out is not completed.
  if ((match[1].match(/"/g)?.length ?? 0) % 2 === 1 || match[1].endsWith("-")) return null;
  return { before: match[1], prefix };
}

/**
 * The words to offer for a prefix: distinct (letter case aside) words and tags that start with it,
 * tags first (they are the archive's own vocabulary), shorter words first, never the prefix alone.
 */
export function completions(prefix: string, tags: string[], words: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const starting = (list: string[]) => list.map(fold).filter((w) => w.startsWith(prefix) && w !== prefix);
  for (const w of [...starting(tags), ...starting(words).sort((a, b) => a.length - b.length || (a < b ? -1 : 1))]) {
    if (seen.has(w)) continue;
    seen.add(w);
    out.push(w);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

/** The search with its last word replaced by a completion. */
export function completedQuery(before: string, word: string): string {
  return `${before}${word}`;
}
