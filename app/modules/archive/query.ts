// Turns what a person types into a safe SQLite FTS5 MATCH expression. Pure, unit-tested.
//
// Supported: plain words (all must appear), "exact phrases", prefix* matching, -excluded words,
// and OR between two words. Everything else (brackets, colons, carets, SQL-looking text) is
// treated as ordinary characters and dropped by the tokenizer, so a query can never be an FTS5
// syntax error: every term is emitted as a quoted FTS5 string.

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

/**
 * For a prefix term, the stem to accept too (see prefixStemCandidates), keyed by the prefix's
 * folded text. Porter stemming stores "evaluation" as `evalu`, which `evaluat*` cannot reach.
 */
export type PrefixStems = ReadonlyMap<string, string>;

/** Lower case without diacritics, as the index's tokenizer folds words (remove_diacritics 2). */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

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
  for (const piece of pieces) {
    if (piece === "OR") {
      if (terms.length > 0) orAfter.add(terms.length - 1);
      continue;
    }
    const negated = piece.startsWith("-") && piece.length > 1;
    const body = negated ? piece.slice(1) : piece;
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
  return { terms: terms.slice(0, MAX_TERMS), orAfter, dropped };
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

export function parseQuery(raw: string, stems?: PrefixStems): ParsedQuery {
  const notices: string[] = [];
  if (raw.length > MAX_QUERY_LENGTH) notices.push(`Only the first ${MAX_QUERY_LENGTH} characters were searched.`);
  const { terms, orAfter, dropped } = tokenize(raw);
  if (dropped.length) notices.push(`A prefix needs at least ${MIN_PREFIX} letters before the *: searched ${dropped.join(", ")} as whole words.`);

  const positive = terms.map((t, i) => ({ t, i })).filter(({ t }) => !t.negated);
  const negative = terms.filter((t) => t.negated);
  if (positive.length === 0) {
    if (negative.length > 0) notices.push("A search needs at least one word to look for, not only words to leave out.");
    return { all: null, any: null, terms, notice: notices.join(" ") || null };
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
  return { all, any, terms, notice: notices.join(" ") || null };
}

// Common English words that carry no meaning for "have we tried this before?".
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours per day days week weeks today every get gets use used using make makes made`.split(
    /\s+/,
  ),
);

/**
 * An OR query from a text's most telling words, for "related learnings": bm25 then ranks entries
 * that share the most (and rarest) words first. Returns null when the text has no usable words.
 */
export function relatedQuery(text: string, maxWords = 12): string | null {
  const seen = new Set<string>();
  for (const w of words(text.toLowerCase())) {
    if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    seen.add(w);
    if (seen.size >= maxWords) break;
  }
  if (seen.size === 0) return null;
  return [...seen].map(quote).join(" OR ");
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
