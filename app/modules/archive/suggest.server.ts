// Suggestions as a person types in the archive's search box (ADR 023): the word being typed completed
// from the words of learnings' titles, tags and problems and from the archive's tags, and the learnings
// whose titles match what was typed. Cached under the archive's version like searches.
import { sql } from "drizzle-orm";
import { db } from "~/db.server";
import type { ArchiveCache } from "./cache.server";
import { archiveContext } from "./home.server";
import { MARK_END, MARK_START, parseQuery, splitSnippet } from "./query";
import { COUNT_CAP, inOrder, prefixStems, sqlList, VISIBLE } from "./search.server";
import { completedQuery, completions, MAX_TITLES, typedParts, type Suggestion } from "./suggest";

/** Learnings whose words are read for completions: enough to find a prefix's common words, few enough to stay cheap. */
const WORD_SOURCES = 30;
const SHORT_COLUMNS_MARKED = sql.raw([1, 3, 4].map((col) => `highlight(learnings_fts, ${col}, '${MARK_START}', '${MARK_END}')`).join(` || ' ' || `));

async function computeSuggestions(q: string, tags: string[]): Promise<Suggestion[]> {
  const parts = typedParts(q);
  if (!parts) return [];
  // A prefix stemming cut short ("dunn" where the index holds "dun" for dunning) also takes that stem, as searches do.
  const stems = await prefixStems(`${parts.prefix}*`);
  const stem = stems.get(parts.prefix);
  const prefixTerm = stem ? `("${parts.prefix}"* OR "${stem}")` : `"${parts.prefix}"*`;
  const prefixMatch = `{title tags problem} : ${prefixTerm}`;
  // Words: the marked words of a few learnings holding the prefix, in index order (no ranking to pay for).
  const marked = await db.all<{ marked: string }>(
    sql`select ${SHORT_COLUMNS_MARKED} as marked from learnings_fts where learnings_fts match ${prefixMatch} limit ${WORD_SOURCES}`,
  );
  const words = marked.flatMap((r) =>
    splitSnippet(r.marked)
      .filter((p) => p.hit)
      .map((p) => p.text),
  );
  const terms: Suggestion[] = completions(parts.prefix, tags, words).map((w) => {
    const completed = completedQuery(parts.before, w);
    return { kind: "term", text: completed, q: completed };
  });
  // Learnings: titles with every typed word, the last one as a prefix, best first. Ranked in the index alone, and only
  // the newest COUNT_CAP titles that match, as a search ranks (ADR 008): a short prefix matches most titles, and
  // joining and ranking every one took 25 ms a keystroke at 100,000 learnings. Then the few shown are read, checking
  // visibility again.
  const all = parseQuery(`${parts.before}${parts.prefix}*`, stems).all;
  const ranked = all
    ? (
        await db.all<{ ftsRow: number }>(sql`
      select ftsRow from (
        select f.rowid as ftsRow, bm25(learnings_fts) as score from learnings_fts f where learnings_fts match ${`{title} : (${all})`}
        order by f.rowid desc limit ${COUNT_CAP}
      ) order by score, ftsRow limit ${MAX_TITLES}`)
      ).map((r) => r.ftsRow)
    : [];
  const titles = ranked.length
    ? inOrder(
        await db.all<{ title: string; id: string; slug: string; ftsRow: number }>(sql`
      select e.title, e.id, ev.slug, f.rowid as ftsRow from learnings_fts f cross join entries e on e.id = f.entry_id join events ev on ev.id = e.event_id
      where f.rowid in ${sqlList(ranked)} and ${VISIBLE}`),
        ranked,
        (t) => t.ftsRow,
      )
    : [];
  return [...terms, ...titles.map((t): Suggestion => ({ kind: "title", text: t.title || "Untitled entry", href: `/events/${t.slug}/entries/${t.id}` }))];
}

const OPERATORS = new Set(["NOT", "OR", "AND"]);

/** What to offer under the search box for what has been typed so far. */
export async function archiveSuggestions(cache: ArchiveCache, q: string): Promise<Suggestion[]> {
  const typed = q.slice(0, 200);
  if (!typedParts(typed)) return [];
  const { tags } = await archiveContext(cache, false);
  // Kept per spelling, except that NOT, OR and AND in capitals are operators (ADR 008), and not the same as the words.
  const key = typed.replace(/\S+/g, (word) => (OPERATORS.has(word) ? word : word.toLowerCase()));
  return cache.get(`suggest:${key}`, () => computeSuggestions(typed, tags));
}
