// What makes a text's words worth searching for, and when a past learning counts as related to it.
// Pure, unit-tested; the server supplies document frequencies from the index's vocabulary (ADR 023).
import { stemmer } from "stemmer";

// Common English words, and words every hackathon text uses, that say nothing about what was tried.
const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours per day days week weeks today every get gets use used using make makes made new take takes took need needs first second last next still way ways lot lots`.split(
    /\s+/,
  ),
);

/** Lower case without diacritics, as the index's tokenizer folds words (remove_diacritics 2). */
export function fold(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The index's form of a word: folded, then Porter-stemmed like the index's `porter` tokenizer. */
export function stemOf(word: string): string {
  return stemmer(fold(word));
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(fold(word));
}

export type TextTerm = { word: string; stem: string };

// Letters and digits, as the index's tokenizer takes them; texts are read composed (NFC), since it keeps an accent
// typed as a separate character inside its word and this pattern would split the word there.
const WORD = /[\p{L}\p{N}]+/gu;

/** Stems already worked out: learnings keep saying the same words. Emptied when full. */
const stemCache = new Map<string, string>();
const STEM_CACHE_SIZE = 50_000;

function cachedStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    stem = stemOf(word);
    stemCache.set(word, stem);
  }
  return stem;
}

/** Which of `stems` a text says, in any form the index stems alike ("invoiced" says invoic). */
export function stemsIn(text: string, stems: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const [word] of text.normalize("NFC").matchAll(WORD)) {
    const stem = cachedStem(word);
    if (stems.has(stem)) found.add(stem);
  }
  return found;
}

/**
 * The text (composed) with each word whose stem is one of `stems` between `open` and `close`, word by word, as FTS5's
 * highlight() marks the words of an OR of single words.
 */
export function markStems(text: string, stems: ReadonlySet<string>, open: string, close: string): string {
  return text.normalize("NFC").replace(WORD, (word) => (stems.has(cachedStem(word)) ? open + word + close : word));
}

/** A text's distinct content words (one per stem, first spelling kept): no stop words, numbers or words under 3 letters. */
export function textTerms(text: string): TextTerm[] {
  const seen = new Map<string, TextTerm>();
  for (const raw of text.normalize("NFC").match(WORD) ?? []) {
    const word = fold(raw);
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    const stem = stemmer(word);
    if (!seen.has(stem)) seen.set(stem, { word, stem });
  }
  return [...seen.values()];
}

/** How many learnings the index holds, and in how many of them each stem appears. */
export type TermStats = { docs: number; df: ReadonlyMap<string, number> };

/** Below this many learnings no word can be told to be common: every shared word counts. */
export const MIN_DOCS_FOR_COMMON = 10;
/** A word in more than this share of the learnings tells them apart no better than chance (its RSJ idf is ≤ 0). */
export const COMMON_SHARE = 0.5;

export function isCommon(stem: string, stats: TermStats): boolean {
  return stats.docs >= MIN_DOCS_FOR_COMMON && (stats.df.get(stem) ?? 0) > stats.docs * COMMON_SHARE;
}

/** At most this many words of a text are searched for related learnings. */
export const MAX_RELATED_TERMS = 12;

/**
 * The words of a text worth searching for: not common, present in the index (a word no learning has
 * cannot find one), the rarest first, at most `max`.
 */
export function informativeTerms(terms: TextTerm[], stats: TermStats, max = MAX_RELATED_TERMS): TextTerm[] {
  return terms
    .filter((t) => (stats.df.get(t.stem) ?? 0) > 0 && !isCommon(t.stem, stats))
    .map((t, i) => ({ t, i, df: stats.df.get(t.stem)! }))
    .sort((a, b) => a.df - b.df || a.i - b.i)
    .slice(0, max)
    .map(({ t }) => t);
}

/** A related learning shares at least this many of the text's words (fewer only when the text has fewer). */
const MIN_SHARED_TERMS = 2;
/** … and at least this share of the text's content words (its first MAX_RELATED_TERMS, common words aside). */
const MIN_SHARED_SHARE = 1 / 3;

/**
 * The relevance floor: a learning is shown only when it shares enough of what the text is about.
 * Words no learning has count against it too, so a text about sales onboarding is not "related" to a
 * ticket-triage entry because both say "ask". No suggestion is better than an unrelated one.
 */
export function isRelated(sharedStems: number, terms: TextTerm[], stats: TermStats): boolean {
  const considered = Math.min(terms.filter((t) => !isCommon(t.stem, stats)).length, MAX_RELATED_TERMS);
  if (considered === 0) return false;
  return sharedStems >= Math.min(MIN_SHARED_TERMS, considered) && sharedStems >= considered * MIN_SHARED_SHARE;
}

/** At most this many plain words of a search are used; the rest are the most common ones. */
export const MAX_SEARCH_WORDS = 8;

/**
 * The plain words of a search to leave out (folded): stop words and common words, as long as a telling
 * word remains, and past MAX_SEARCH_WORDS the most common of the rest (words the index lacks are kept
 * last, since they cannot match). A search of only stop or common words keeps them: "data" alone is a search.
 */
export function wordsToLeaveOut(words: string[], stats: TermStats, otherTerms = 0): Set<string> {
  const distinct = [...new Set(words.map(fold))];
  const weak = distinct.filter((w) => STOPWORDS.has(w) || isCommon(stemmer(w), stats));
  const strong = distinct.filter((w) => !weak.includes(w));
  if (strong.length === 0 && otherTerms === 0) return new Set();
  const byRarity = strong
    .map((w, i) => ({ w, i, df: stats.df.get(stemmer(w)) ?? 0 }))
    .sort((a, b) => (a.df === 0 ? 1 : 0) - (b.df === 0 ? 1 : 0) || a.df - b.df || a.i - b.i);
  return new Set([...weak, ...byRarity.slice(MAX_SEARCH_WORDS).map((x) => x.w)]);
}

/**
 * The words of a search made only of stop or common words ("the", "data and the"), which wordsToLeaveOut keeps since
 * nothing else is left: the results then share only those, and the page says so. Empty when a telling word or another
 * term (a phrase, a prefix, an OR group) is there.
 */
export function onlyCommonWords(words: string[], stats: TermStats, otherTerms = 0): string[] {
  if (otherTerms > 0) return [];
  const distinct = [...new Set(words.map(fold))];
  return distinct.length > 0 && distinct.every((w) => STOPWORDS.has(w) || isCommon(stemmer(w), stats)) ? distinct : [];
}
