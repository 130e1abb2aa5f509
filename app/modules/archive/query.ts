// Turns what a person types into a safe SQLite FTS5 MATCH expression. Pure, unit-tested.
//
// Supported: plain words (all must appear), "exact phrases", prefix* matching, -excluded words,
// and OR between two words. Everything else (brackets, colons, carets, SQL-looking text) is
// treated as ordinary characters and dropped by the tokenizer, so a query can never be an FTS5
// syntax error: every term is emitted as a quoted FTS5 string.
import { fold } from "./relevance";

export const MAX_QUERY_LENGTH = 2000;
const MAX_TERMS = 24;
// At least this many characters before a `*`, so a prefix query cannot expand to the whole vocabulary.
const MIN_PREFIX = 2;

type Term = { text: string; phrase: boolean; prefix: boolean; negated: boolean };

export type ParsedQuery = {
  /** The MATCH expression requiring every term, or null when nothing searchable was typed. */
  all: string | null;
  /** The MATCH expression accepting any positive term (the fallback when `all` finds nothing). */
  any: string | null;
  /**
   * Only words to leave out were typed ("-chatbot", "NOT chatbot"): the MATCH expression accepting any of them, so
   * the archive is browsed without the learnings it finds. Null otherwise.
   */
  without: string | null;
  /** Those words as the page names them (voice, “root cause”), for withoutNotice; empty otherwise. */
  withoutWords: string[];
  terms: Term[];
  /** Something the person should know about how their query was read. */
  notice: string | null;
};

// Letters and digits in any script; everything else separates words (as FTS5's unicode61 tokenizer does).
const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

function quote(text: string): string {
  // FTS5 strings are double-quoted; a double quote inside is doubled. Our words never contain one,
  // but escape anyway so this stays safe if WORD ever changes.
  return `"${text.replace(/"/g, '""')}"`;
}

/** An OR query over plain words (each quoted), for related learnings: bm25 ranks those sharing the most, and rarest, first. */
export function anyWordQuery(words: string[]): string | null {
  return words.length ? words.map(quote).join(" OR ") : null;
}

/**
 * For a prefix term, the stem to accept too (see prefixStemCandidates), keyed by the prefix's
 * folded text. Porter stemming stores "evaluation" as `evalu`, which `evaluat*` cannot reach.
 */
export type PrefixStems = ReadonlyMap<string, string>;

function render(term: Term, stems?: PrefixStems): string {
  if (!term.prefix) return quote(term.text);
  const stem = stems?.get(fold(term.text));
  return stem ? `(${quote(term.text)}* OR ${quote(stem)})` : `${quote(term.text)}*`;
}

/**
 * The stems that could stand for a typed prefix cut short by stemming: its own shorter starts, at
 * most 4 letters shorter and never under 3 letters, longest first ("evaluat" → evalua, evalu, eval,
 * eva). The caller keeps the longest one the index holds.
 */
export function prefixStemCandidates(prefix: string): string[] {
  const folded = fold(prefix);
  const out: string[] = [];
  for (let n = folded.length - 1; n >= Math.max(3, folded.length - 4); n--) out.push(folded.slice(0, n));
  return out;
}

/** Splits raw input into terms: quoted phrases, -negated words, word* prefixes and OR. */
function tokenize(raw: string): { terms: Term[]; orAfter: Set<number>; dropped: string[] } {
  const input = raw.slice(0, MAX_QUERY_LENGTH);
  const terms: Term[] = [];
  const orAfter = new Set<number>();
  const dropped: string[] = [];
  // A phrase in double quotes (closed or not), or a run of non-space characters.
  const pieces = input.match(/-?"[^"]*"?|[^\s"]+/g) ?? [];
  // "NOT x" leaves x out as "-x" does, and "AND" says what a space does, as people type them from other search boxes;
  // only in capitals, so "not" and "and" stay words (common ones, which a search leaves out).
  let notNext = false;
  for (const piece of pieces) {
    if (piece === "OR") {
      if (terms.length > 0) orAfter.add(terms.length - 1);
      notNext = false;
      continue;
    }
    if (piece === "AND") continue;
    if (piece === "NOT") {
      notNext = true;
      continue;
    }
    const dash = piece.startsWith("-") && piece.length > 1;
    const negated = dash || notNext;
    notNext = false;
    const body = dash ? piece.slice(1) : piece;
    if (body.startsWith('"')) {
      const inner = words(body.replace(/"/g, " "));
      if (inner.length === 0) continue;
      terms.push({ text: inner.join(" "), phrase: inner.length > 1, prefix: false, negated });
      continue;
    }
    const prefix = /\*$/.test(body);
    const parts = words(body);
    if (parts.length === 0) continue;
    // "e-mail" or "gpt-4o" are one idea: keep the parts together as a phrase.
    if (parts.length > 1) {
      terms.push({ text: parts.join(" "), phrase: true, prefix: false, negated });
      continue;
    }
    const text = parts[0];
    if (prefix && text.length < MIN_PREFIX) {
      dropped.push(`${text}*`);
      terms.push({ text, phrase: false, prefix: false, negated });
      continue;
    }
    terms.push({ text, phrase: false, prefix, negated });
  }
  return { terms, orAfter, dropped };
}

/** The typed prefixes (folded) of a query, for looking up their stems before parseQuery. */
export function queryPrefixes(raw: string): string[] {
  return [
    ...new Set(
      tokenize(raw)
        .terms.filter((t) => t.prefix)
        .map((t) => fold(t.text)),
    ),
  ];
}

/** Whether terms[i] is joined to a neighbour by OR. */
function inOrGroup(i: number, orAfter: Set<number>): boolean {
  return orAfter.has(i) || orAfter.has(i - 1);
}

/**
 * The plain words of a query that could be left out as stop or common words (not phrases, prefixes,
 * exclusions or words joined by OR), and how many other positive terms it has.
 */
export function queryWords(raw: string): { words: string[]; otherTerms: number } {
  const { terms, orAfter } = tokenize(raw);
  const words: string[] = [];
  let otherTerms = 0;
  terms.forEach((t, i) => {
    if (t.negated) return;
    if (t.phrase || t.prefix || inOrGroup(i, orAfter)) otherTerms++;
    else words.push(t.text);
  });
  return { words, otherTerms };
}

/** Drops the left-out plain words (see queryWords), keeping OR links between the terms that stay. */
function withoutLeftOut(tokens: ReturnType<typeof tokenize>, leaveOut: ReadonlySet<string>) {
  const terms: Term[] = [];
  const orAfter = new Set<number>();
  const left: string[] = [];
  tokens.terms.forEach((t, i) => {
    const plain = !t.negated && !t.phrase && !t.prefix && !inOrGroup(i, tokens.orAfter);
    if (plain && leaveOut.has(fold(t.text))) {
      if (!left.includes(fold(t.text))) left.push(fold(t.text));
      return;
    }
    if (tokens.orAfter.has(i)) orAfter.add(terms.length);
    terms.push(t);
  });
  return { terms, orAfter, left };
}

/** Left-out words named in a notice, at most this many. */
const LEFT_OUT_SHOWN = 8;

export function parseQuery(raw: string, stems?: PrefixStems, leaveOut?: ReadonlySet<string>): ParsedQuery {
  const notices: string[] = [];
  if (raw.length > MAX_QUERY_LENGTH) notices.push(`Only the first ${MAX_QUERY_LENGTH} characters were searched.`);
  const tokens = tokenize(raw);
  const kept = withoutLeftOut(tokens, leaveOut ?? new Set());
  const { orAfter, left } = kept;
  const terms = kept.terms.slice(0, MAX_TERMS);
  const { dropped } = tokens;
  if (dropped.length) notices.push(`A prefix needs at least ${MIN_PREFIX} letters before the *: searched ${dropped.join(", ")} as whole words.`);
  if (left.length)
    notices.push(`Searched the most telling words; left out: ${left.slice(0, LEFT_OUT_SHOWN).join(", ")}${left.length > LEFT_OUT_SHOWN ? ", …" : ""}.`);

  const positive = terms.map((t, i) => ({ t, i })).filter(({ t }) => !t.negated);
  const negative = terms.filter((t) => t.negated);
  if (positive.length === 0) {
    // Only words to leave out are said by the search (withoutNotice), once it knows how many learnings they are in.
    // Only symbols, emoji or operators ("🚀", "*", "OR"): say so rather than list the archive as if it matched.
    if (negative.length === 0) {
      if (/^\s*(?:(?:OR|AND|NOT)\s*)+$/.test(raw))
        notices.push("OR, AND and NOT only join the words of a search, and this one has no other: showing the learnings as if nothing was typed.");
      else if (raw.trim() && !left.length)
        notices.push("A search looks for words of letters or digits, and this one has none: showing the learnings as if nothing was typed.");
    }
    const without = negative.length ? negative.map((t) => render(t, stems)).join(" OR ") : null;
    const withoutWords = [...new Set(negative.map((t) => (t.phrase ? `“${t.text}”` : t.prefix ? `${t.text}*` : t.text)))];
    return { all: null, any: null, without, withoutWords, terms, notice: notices.join(" ") || null };
  }

  // Group positive terms: consecutive terms joined by OR form one group; groups are ANDed.
  const groups: string[][] = [];
  for (const { t, i } of positive) {
    const previous = groups[groups.length - 1];
    const joinedByOr = i > 0 && orAfter.has(i - 1) && !terms[i - 1].negated;
    if (previous && joinedByOr) previous.push(render(t, stems));
    else groups.push([render(t, stems)]);
  }
  const groupText = (g: string[]) => (g.length === 1 ? g[0] : `(${g.join(" OR ")})`);
  const not = negative.map((t) => ` NOT ${render(t, stems)}`).join("");
  const all = groups.length === 1 && !not ? groupText(groups[0]) : `${groups.map(groupText).join(" AND ")}${not}`;
  const any = groups.length > 1 ? `(${positive.map(({ t }) => render(t, stems)).join(" OR ")})${not}` : null;
  return { all, any, without: null, withoutWords: [], terms, notice: notices.join(" ") || null };
}

/**
 * How a search of only words to leave out was read: the learnings without them, or, when they are in more learnings
 * than can be left out at a bounded cost (`left` false), every learning.
 */
export function withoutNotice(words: string[], left: boolean): string {
  const named = words.join(" or ");
  return left
    ? `Only words to leave out were typed: showing every learning without ${named}, newest first. Add a word to look for to rank them.`
    : `Only words to leave out were typed, and ${named} ${words.length > 1 ? "are" : "is"} in too many learnings to leave out: showing every learning, newest first. Add a word to look for.`;
}

// Snippet markers: characters from Unicode's private use area, which user text does not contain
// in practice and which never render as markup. The page splits on them to draw <mark> elements,
// so highlighted snippets need no HTML.
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

const MARKS = new RegExp(`[${MARK_START}${MARK_END}]`, "g");

/** A marked snippet's plain text. */
export function unmarked(snippet: string): string {
  return snippet.replace(MARKS, "");
}

/** Splits a snippet into plain and highlighted parts. */
export function splitSnippet(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  const re = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, "g");
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), hit: false });
    parts.push({ text: m[1], hit: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), hit: false });
  return parts.map((p) => ({ ...p, text: unmarked(p.text) }));
}
