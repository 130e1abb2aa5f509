// Archive search over the learnings_fts index (db/migrations/0002, 0004, 0006): bm25 ranking with the
// title weighted above the body, highlighted snippets, filters, pagination. Only submitted entries of
// closed events are ever returned: the index holds nothing else (triggers add an event's entries when
// it closes and remove them when it reopens), and the query that reads the page's rows checks again.
import { sql, type SQL } from "drizzle-orm";
import { outcomes, rootCauses, type FollowUpStatus, type Outcome, type RootCause } from "#db/schema";
import { db } from "~/db.server";
import { hit, limits } from "~/lib/rate-limit.server";
import { LATEST_STATUS_OF_E, NOT_IN_PRODUCTION_OF_E, WENT_TO_PRODUCTION_OF_E } from "~/modules/follow-ups/latest.server";
import { normalizeTag } from "~/modules/entries/schemas";
import { awardsByEntry } from "~/modules/judging/entry-awards.server";
import { archiveCache, type ArchiveCache } from "./cache.server";
import {
  anyWordQuery,
  MARK_END,
  MARK_START,
  MAX_QUERY_LENGTH,
  parseQuery,
  prefixStemCandidates,
  queryPrefixes,
  queryWords,
  splitSnippet,
  withoutNotice,
  type PrefixStems,
} from "./query";
import { fold, informativeTerms, isRelated, markStems, onlyCommonWords, stemOf, stemsIn, textTerms, wordsToLeaveOut, type TermStats } from "./relevance";
import { closestSpelling, correctedQuery, LENGTH_SLACK, MIN_WORD_LENGTH, nearestStem } from "./spelling";

export const PAGE_SIZE = 20;

// bm25 column weights, in index column order: entry_id (unindexed), title, body, tags, problem, facets.
const RANK = sql.raw("bm25(learnings_fts, 0.0, 10.0, 1.0, 4.0, 2.0, 0.0)");
// The snippet comes from the body (summary, approach, post-mortem): where the learnings are.
const SNIPPET = sql.raw(`snippet(learnings_fts, 2, '${MARK_START}', '${MARK_END}', '…', 24)`);
const TITLE = sql.raw(`highlight(learnings_fts, 1, '${MARK_START}', '${MARK_END}')`);

export type ArchiveFilters = {
  q: string;
  outcome: Outcome | null;
  rootCause: RootCause | null;
  event: string | null;
  tag: string | null;
  year: number | null;
  /**
   * By what happened next (ADR 030): `true`, only entries whose latest follow-up says adopted in production; "no", only
   * those with a follow-up that says anything else (the archive home's root causes of those that did not).
   */
  production?: true | "no" | null;
  page: number;
};

/** Reads filters from a URL's search params; anything malformed is ignored, never an error. */
export function filtersFromUrl(params: URLSearchParams): ArchiveFilters {
  const outcome = params.get("outcome");
  const rootCause = params.get("rootCause");
  const year = Number(params.get("year"));
  const page = Number(params.get("page"));
  const text = (name: string) => params.get(name)?.trim().slice(0, 200) || null;
  return {
    // One character over the limit, so the search still says it used only the first MAX_QUERY_LENGTH.
    q: (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH + 1),
    outcome: (outcomes as readonly string[]).includes(outcome ?? "") ? (outcome as Outcome) : null,
    rootCause: (rootCauses as readonly string[]).includes(rootCause ?? "") ? (rootCause as RootCause) : null,
    event: text("event"),
    // As entries store tags: "Customer Support" finds customer-support.
    tag: normalizeTag(text("tag") ?? "") || null,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    production: params.get("production") === "true" ? true : params.get("production") === "no" ? "no" : null,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export type Learning = {
  id: string;
  title: string;
  /** The title with search hits between MARK_START and MARK_END (same as title when browsing). */
  titleMarked: string;
  summary: string;
  /** The best matching passage with hits marked, or the start of "what did not work" when browsing. */
  snippet: string;
  outcome: Outcome | null;
  rootCause: RootCause | null;
  tags: string;
  /** The AI metric: what was measured, from where to where. */
  metricName: string;
  metricUnit: string;
  metricBaseline: string;
  metricTarget: string;
  metricResult: string;
  teamName: string;
  problemTitle: string;
  eventSlug: string;
  eventTitle: string;
  year: number;
  /** Awards the entry won (every archived event has published its results). */
  awards: string[];
  /** What became of it after the event: its latest follow-up's answer, if any (ADR 030). */
  followUpStatus: FollowUpStatus | null;
};

export type SearchResult = {
  learnings: Learning[];
  total: number;
  /**
   * More than COUNT_CAP matched: total is COUNT_CAP and only that many can be paged through; a search then
   * ranks only the newest COUNT_CAP of its matches.
   */
  totalCapped: boolean;
  page: number;
  pageCount: number;
  /** "all": every word matched; "any": nothing had every word, so entries with any of them are shown. */
  mode: "browse" | "all" | "any";
  notice: string | null;
  /** "Did you mean …?" when a word matched nothing: the search with it corrected, and the corrected words. */
  suggestion: { q: string; words: string[] } | null;
};

/** What the archive may show, over `entries e` joined to `events ev`: submitted entries of closed events. */
export const VISIBLE = sql`ev.phase = 'closed' and e.status = 'submitted'`;

function visibleAndFiltered(f: Omit<ArchiveFilters, "q" | "page">): SQL {
  const parts: SQL[] = [VISIBLE];
  if (f.outcome) parts.push(sql`e.outcome = ${f.outcome}`);
  if (f.rootCause) parts.push(sql`e.post_mortem_root_cause = ${f.rootCause}`);
  if (f.event) parts.push(sql`ev.slug = ${f.event}`);
  if (f.year) parts.push(sql`strftime('%Y', ev.starts_at, 'unixepoch') = ${String(f.year)}`);
  // Tags are stored normalized as "a, b, c".
  if (f.tag) parts.push(sql`instr(', ' || e.tags || ',', ${`, ${f.tag},`}) > 0`);
  if (f.production === true) parts.push(WENT_TO_PRODUCTION_OF_E);
  if (f.production === "no") parts.push(NOT_IN_PRODUCTION_OF_E);
  return sql.join(parts, sql` and `);
}

type Row = Omit<Learning, "year" | "awards"> & { startsAt: number };

const COLUMNS = sql`e.id, e.title, e.summary, e.outcome, e.post_mortem_root_cause as rootCause, e.tags, t.name as teamName,
  e.metric_name as metricName, e.metric_unit as metricUnit, e.metric_baseline as metricBaseline, e.metric_target as metricTarget, e.metric_result as metricResult,
  p.title as problemTitle, ev.slug as eventSlug, ev.title as eventTitle, ev.starts_at as startsAt, ${LATEST_STATUS_OF_E} as followUpStatus`;
const JOINS = sql`join events ev on ev.id = e.event_id join teams t on t.id = e.team_id join problems p on p.id = t.problem_id`;

function toLearning(r: Row, awards: Record<string, string[]>): Learning {
  return { ...r, year: new Date(r.startsAt * 1000).getUTCFullYear(), awards: awards[r.id] ?? [] };
}

/** A parenthesised SQL list of bound values, for `in (…)`. */
export function sqlList(values: (string | number)[]): SQL {
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/**
 * An index rowid to compare `learnings_fts.rowid` with. The libSQL client binds every JavaScript number as a REAL, and
 * FTS5 uses a rowid bound only when it is an INTEGER: given a REAL it reads every hit of the match instead of the few
 * rows asked for (2.2 ms against 0.66 ms for a page's rows at 100,000 learnings; ADR 008). A bigint binds as an INTEGER.
 */
function ftsRowid(rowid: number): bigint {
  return BigInt(rowid);
}

/** Rows put back in the order of the keys that ranked them. */
export function inOrder<T, K>(rows: T[], keys: K[], keyOf: (row: T) => K): T[] {
  const position = new Map(keys.map((key, i) => [key, i]));
  return rows.sort((a, b) => position.get(keyOf(a))! - position.get(keyOf(b))!);
}

// Counting stops here: "1,000+ learnings" is as useful as an exact figure and costs a bounded time.
export const COUNT_CAP = 1000;

const EVENT_JOIN = sql`join events ev on ev.id = e.event_id`;

/**
 * The full MATCH expression: people's words against the text columns only, plus the facets that
 * the index can answer (outcome, root cause). Facet tokens are built from enum values.
 */
function indexMatch(match: string, f: Pick<ArchiveFilters, "outcome" | "rootCause" | "production">): string {
  const parts = [`{title body tags problem} : (${match})`];
  if (f.outcome) parts.push(`facets : "zoutcome${f.outcome}"`);
  if (f.rootCause) parts.push(`facets : "zcause${f.rootCause.replace(/-/g, "")}"`);
  // Went to production (ADR 067): the entry's newest follow-up says adopted, written by migration 0039's triggers.
  // "Followed up, not in production" has no facet: it is answered through the entries' column (matchFrom).
  if (f.production === true) parts.push(`facets : "zproduction"`);
  return parts.join(" AND ");
}

/**
 * Ranking and counting run inside FTS5 when the index can answer every filter; event, year, tag and
 * "followed up, not in production" filters add a join through a covering index (CROSS JOIN keeps FTS5 as the outer loop). Only the
 * page's rows are then read in full, with their snippets, re-checking visibility (ADR 008).
 */
function matchFrom(match: string, filters: ArchiveFilters) {
  const full = indexMatch(match, filters);
  const needsJoin = Boolean(filters.event || filters.year || filters.tag || filters.production === "no");
  const from = needsJoin
    ? sql`learnings_fts f cross join entries e on e.id = f.entry_id ${EVENT_JOIN} where learnings_fts match ${full} and ${visibleAndFiltered(filters)}`
    : sql`learnings_fts f where learnings_fts match ${full}`;
  return { full, from };
}

/** Whether a MATCH expression finds any learning under the filters. */
async function anyMatch(match: string, filters: ArchiveFilters): Promise<boolean> {
  return (await db.all(sql`select 1 from ${matchFrom(match, filters).from} limit 1`)).length > 0;
}

async function matchPage(match: string, filters: ArchiveFilters) {
  const { full, from } = matchFrom(match, filters);
  const [{ n }] = await db.all<{ n: number }>(sql`select count(*) as n from (select 1 from ${from} limit ${COUNT_CAP + 1})`);
  if (n === 0) return { total: 0, rows: [] as Row[] };
  // Only index rows are ranked, by rowid: reading entry_id (an unindexed column) for every hit before the sort, even
  // just to carry it, costs more than the ranking itself; ties are broken by rowid too. Past COUNT_CAP hits, only the
  // newest COUNT_CAP are ranked (the index hands them out newest first, so bm25 runs for those alone): ranking every
  // hit cost 4-6 ms at 20,000 learnings and 20-27 ms at 100,000 for common words (ADR 008). Only COUNT_CAP can be
  // paged through anyway, and the page says which ones are shown.
  const page = sql`limit ${PAGE_SIZE} offset ${(filters.page - 1) * PAGE_SIZE}`;
  const ranked = (
    await db.all<{ ftsRow: number }>(
      n > COUNT_CAP
        ? sql`select ftsRow from (select f.rowid as ftsRow, ${RANK} as score from ${from} order by f.rowid desc limit ${COUNT_CAP})
          order by score, ftsRow ${page}`
        : sql`select f.rowid as ftsRow from ${from} order by ${RANK}, f.rowid ${page}`,
    )
  ).map((r) => r.ftsRow);
  if (ranked.length === 0) return { total: n, rows: [] as Row[] };
  // The page's rows with their snippets, which need the MATCH. Handed the rowids as a list, FTS5 would run the match
  // once per rowid; as a range (the unary plus keeps the list out of its way) it reads only that span of the hits.
  const rows = await db.all<Row & { ftsRow: number }>(sql`
    select ${COLUMNS}, f.rowid as ftsRow, ${TITLE} as titleMarked, ${SNIPPET} as snippet
    from learnings_fts f cross join entries e on e.id = f.entry_id ${JOINS}
    where learnings_fts match ${full} and +f.rowid in ${sqlList(ranked)} and f.rowid between ${ftsRowid(Math.min(...ranked))} and ${ftsRowid(Math.max(...ranked))}
      and ${visibleAndFiltered(filters)}`);
  return { total: n, rows: inOrder(rows, ranked, (row) => row.ftsRow).map(({ ftsRow: _, ...row }) => row) };
}

/**
 * For each typed prefix that matches no word of the index, the longest stem the index holds among
 * the prefix's shorter starts: `evaluat*` also finds `evalu` (evaluation, evaluated), which Porter
 * stemming made unreachable. A prefix that matches words as typed is left alone, so `summar*`
 * never grows into `sum`. A few look-ups in the index's vocabulary (migration 0007), only for prefixes.
 */
export async function prefixStems(raw: string): Promise<PrefixStems> {
  const stems = new Map<string, string>();
  const any = async (where: SQL) => (await db.all(sql`select 1 from learnings_vocab where ${where} limit 1`)).length > 0;
  for (const prefix of queryPrefixes(raw)) {
    const candidates = prefixStemCandidates(prefix);
    if (candidates.length === 0 || (await any(sql`term >= ${prefix} and term < ${prefix + "\u{10FFFF}"}`))) continue;
    for (const candidate of candidates) {
      if (await any(sql`term = ${candidate}`)) {
        stems.set(prefix, candidate);
        break;
      }
    }
  }
  return stems;
}

/**
 * How many learnings the index holds, read once per archive version: from FTS5's own docsize table, one row per
 * indexed learning, a b-tree count rather than a scan of the index, but still about 1 ms at 100,000 learnings.
 */
export function indexedLearnings(cache: ArchiveCache): Promise<number> {
  return cache.get("indexed-learnings", async () => (await db.all<{ n: number }>(sql`select count(*) as n from learnings_fts_docsize`))[0].n);
}

/**
 * How many learnings the index holds and how many of them hold each stem, from the index's vocabulary
 * (always current: fts5vocab reads the index itself). Both are read once per archive version (indexedLearnings,
 * ArchiveCache.termCounts): the vocabulary reads a stem's whole list of hits.
 */
async function termStats(stems: string[]): Promise<TermStats> {
  const cache = await archiveCache();
  const { termCounts } = cache;
  const missing = [...new Set(stems)].filter((stem) => !termCounts.has(stem));
  const [rows, n] = await Promise.all([
    missing.length ? db.all<{ term: string; doc: number }>(sql`select term, doc from learnings_vocab where term in ${sqlList(missing)}`) : [],
    indexedLearnings(cache),
  ]);
  const found = new Map(rows.map((r) => [r.term, r.doc]));
  for (const stem of missing) termCounts.set(stem, found.get(stem) ?? 0);
  return { docs: n, df: new Map(stems.map((stem) => [stem, termCounts.get(stem) ?? 0])) };
}

/** The plain words of a search, and their frequencies in the index. */
async function searchWords(q: string): Promise<{ words: string[]; otherTerms: number; stats: TermStats }> {
  const { words, otherTerms } = queryWords(q);
  const stats = words.length ? await termStats(words.map(stemOf)) : { docs: 0, df: new Map<string, number>() };
  return { words, otherTerms, stats };
}

/** Every column of the index a text's words can be found in, highlighted: title, body, tags, problem. */
const ALL_MARKED = sql.raw([1, 2, 3, 4].map((col) => `highlight(learnings_fts, ${col}, '${MARK_START}', '${MARK_END}')`).join(` || ' ' || `));

/** Plain words of a search checked for a spelling suggestion, at most. */
const MAX_CORRECTED = 3;

/** How the archive spells an indexed stem, as close to what was typed as it has it ("invoic" → invoice). */
async function spellingOf(typed: string, stem: string): Promise<string> {
  const rows = await db.all<{ marked: string }>(
    sql`select ${ALL_MARKED} as marked from learnings_fts where learnings_fts match ${`{title body tags problem} : ${anyWordQuery([stem])}`} limit 5`,
  );
  const spellings = rows.flatMap((r) =>
    splitSnippet(r.marked)
      .filter((part) => part.hit)
      .map((part) => part.text),
  );
  return closestSpelling(typed, spellings) ?? stem;
}

/**
 * "Did you mean …?": for plain words that match nothing, the nearest stem the index holds (within one
 * or two edits, same first letter, similar length; a range read of the vocabulary), spelled as the
 * archive spells it, and the search with those words corrected.
 */
async function spellingSuggestion(filters: ArchiveFilters, words: string[], stats: TermStats): Promise<SearchResult["suggestion"]> {
  const { q } = filters;
  const unmatched = [...new Set(words.map(fold))].filter((w) => w.length >= MIN_WORD_LENGTH && !stats.df.get(stemOf(w))).slice(0, MAX_CORRECTED);
  const corrections = new Map<string, string>();
  for (const word of unmatched) {
    const stem = stemOf(word);
    const candidates = await db.all<{ term: string; doc: number }>(sql`
      select term, doc from learnings_vocab
      where term >= ${stem[0]} and term < ${stem[0] + "\u{10FFFF}"} and length(term) between ${stem.length - LENGTH_SLACK} and ${stem.length + LENGTH_SLACK}`);
    const near = nearestStem(stem, candidates);
    if (near) corrections.set(word, await spellingOf(word, near));
  }
  if (!corrections.size) return null;
  const corrected = correctedQuery(q, corrections);
  // The suggestion's link keeps the filters: offered only when it finds something under them ("invoice" may have no
  // working prototype), never as a way to an empty page.
  const filtered = Boolean(filters.outcome || filters.rootCause || filters.event || filters.year || filters.tag || filters.production);
  const parsed = filtered ? parseQuery(corrected, await prefixStems(corrected)) : null;
  if (parsed && !((parsed.all && (await anyMatch(parsed.all, filters))) || (parsed.any && (await anyMatch(parsed.any, filters))))) return null;
  return { q: corrected, words: [...corrections.values()] };
}

/** A search of only very common words is searched as typed, and says its learnings may share only those. */
function commonWordsNotice(notice: string | null, common: string[]): string | null {
  if (!common.length) return notice;
  const said = `Every word of this search is very common in the archive (${common.slice(0, 8).join(", ")}), so the learnings below may share nothing more: add a more telling word.`;
  return notice ? `${notice} ${said}` : said;
}

/** Words to leave out in more learnings than this are not left out (a search of only such words shows every learning). */
const EXCLUDE_CAP = 2000;

export async function searchLearnings(filters: ArchiveFilters, { excludeCap = EXCLUDE_CAP } = {}): Promise<SearchResult> {
  const [stems, { words, otherTerms, stats }] = await Promise.all([prefixStems(filters.q), searchWords(filters.q)]);
  const leaveOut = words.length ? wordsToLeaveOut(words, stats, otherTerms) : new Set<string>();
  const parsed = parseQuery(filters.q, stems, leaveOut);
  let mode: SearchResult["mode"] = "browse";
  let withoutSaid: string | null = null;
  let found: { total: number; rows: Row[] };
  if (parsed.all) {
    mode = "all";
    found = await matchPage(parsed.all, filters);
    if (found.total === 0 && parsed.any) {
      mode = "any";
      found = await matchPage(parsed.any, filters);
    }
  } else {
    // Closed events newest first (events_phase_starts_idx), each event's entries from entries_archive_v2_idx:
    // the page is found without sorting the archive. The page's rows are picked from the two indexes (alone, unless a
    // tag filter reads the row; rowid is the last tie-break, which the index holds), and only those are read and joined:
    // reading and joining every row the offset skips made page 25 of a common filter take 9 ms at 20,000 learnings,
    // against 1.4 ms now. "Went to production" starts from the few entries of entries_follow_up_status_idx instead,
    // which holds the filters and the order too (ADR 067).
    // Only words to leave out: the learnings that have none of them, when they are in few enough learnings. Their
    // hits are read into a list (by entry id, about 8 µs a hit), so past excludeCap every learning is shown instead.
    let without = sql``;
    if (parsed.without) {
      const withoutMatch = indexMatch(parsed.without, { outcome: null, rootCause: null, production: null });
      const [{ hits }] = await db.all<{ hits: number }>(
        sql`select count(*) as hits from (select 1 from learnings_fts where learnings_fts match ${withoutMatch} limit ${excludeCap + 1})`,
      );
      const left = hits <= excludeCap;
      if (left) without = sql` and e.id not in (select entry_id from learnings_fts where learnings_fts match ${withoutMatch})`;
      withoutSaid = withoutNotice(parsed.withoutWords, left);
    }
    const where = sql`${visibleAndFiltered(filters)}${without}`;
    const [{ n }] = await db.all<{ n: number }>(sql`select count(*) as n from (select 1 from entries e ${EVENT_JOIN} where ${where} limit ${COUNT_CAP + 1})`);
    const rows =
      n === 0
        ? []
        : await db.all<Row>(sql`
      select ${COLUMNS}, e.title as titleMarked, substr(e.post_mortem_did_not_work, 1, 220) as snippet
      from (
        select e.rowid as pageRow, ev.starts_at as pageStarts, e.submitted_at as pageSubmitted from entries e ${EVENT_JOIN} where ${where}
        order by ev.starts_at desc, e.submitted_at desc, e.rowid
        limit ${PAGE_SIZE} offset ${(filters.page - 1) * PAGE_SIZE}
      ) page
      cross join entries e on e.rowid = page.pageRow ${JOINS}
      order by page.pageStarts desc, page.pageSubmitted desc, page.pageRow`);
    found = { total: n, rows };
  }
  const total = Math.min(found.total, COUNT_CAP);
  const awards = await awardsByEntry(found.rows.map((r) => r.id));
  return {
    learnings: found.rows.map((r) => toLearning(r, awards)),
    total,
    totalCapped: found.total > COUNT_CAP,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    mode,
    notice: [commonWordsNotice(parsed.notice, onlyCommonWords(words, stats, otherTerms)), withoutSaid].filter(Boolean).join(" ") || null,
    suggestion: await spellingSuggestion(
      filters,
      words.filter((w) => !leaveOut.has(fold(w))),
      stats,
    ),
  };
}

/** searchLearnings through the archive's cache: a repeated search, or a page of it seen before, is one lookup. */
export function searchArchive(cache: ArchiveCache, filters: ArchiveFilters): Promise<SearchResult> {
  return cache.get(`search:${JSON.stringify(filters)}`, () => searchLearnings(filters));
}

/**
 * The same search as a LIKE scan over the same columns, doing the same work (a count capped at
 * COUNT_CAP and a page of rows, newest first since LIKE cannot rank): only for the benchmark.
 */
export async function likeScan(q: string) {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => "\\" + c)}%`;
  const matches = sql`${VISIBLE}
      and lower(e.title || ' ' || e.summary || ' ' || e.approach || ' ' || e.tags || ' ' || e.post_mortem_worked || ' ' || e.post_mortem_did_not_work
        || ' ' || e.post_mortem_differently || ' ' || e.post_mortem_next_steps || ' ' || p.title || ' ' || p.summary) like ${pattern} escape '\\'`;
  const [{ n }] = await db.all<{ n: number }>(sql`select count(*) as n from (select 1 from entries e ${JOINS} where ${matches} limit ${COUNT_CAP + 1})`);
  const rows = await db.all<{ id: string }>(sql`select e.id from entries e ${JOINS} where ${matches} order by ev.starts_at desc limit ${PAGE_SIZE}`);
  return { total: n, rows };
}

export type RelatedLearning = Pick<Learning, "id" | "title" | "outcome" | "rootCause" | "eventSlug" | "eventTitle" | "problemTitle"> & {
  /** The title with the shared words marked. */
  titleMarked: string;
  /** Why it is shown: the text's words this learning shares (in the text's spelling). */
  sharedWords: string[];
};

/**
 * "Have we tried this before?": up to `limit` archive learnings related to a text (a problem's words,
 * and what a team is typing), excluding entries on the given problem itself. Only the text's telling
 * words are searched (no stop words, nothing most learnings say, the rarest first), and a learning is
 * shown only above the relevance floor of `isRelated`, with the words it shares (ADR 023).
 */
export async function relatedLearnings(
  text: string,
  excludeProblemId: string | null,
  { limit = 5, cached = false, excludeEntries = [] }: { limit?: number; cached?: boolean; excludeEntries?: readonly string[] } = {},
): Promise<readonly RelatedLearning[]> {
  // `cached` for texts asked again and again, such as a problem's own words at every visit of its page: ranking every
  // learning that has one of the words takes 14-22 ms at 20,000 learnings and 65-85 ms at 100,000 (ADR 023). What a
  // team is typing is asked once, so it does not push other pages out of the archive's cache.
  if (!cached) return computeRelatedLearnings(text, excludeProblemId, excludeEntries, limit);
  const cache = await archiveCache();
  return cache.get(`related:${limit}:${excludeProblemId ?? ""}:${excludeEntries.join(",")}:${text}`, () =>
    computeRelatedLearnings(text, excludeProblemId, excludeEntries, limit),
  );
}

async function computeRelatedLearnings(
  text: string,
  excludeProblemId: string | null,
  excludeEntries: readonly string[],
  limit: number,
): Promise<RelatedLearning[]> {
  const terms = textTerms(text);
  if (terms.length === 0) return [];
  const stats = await termStats(terms.map((t) => t.stem));
  const searched = informativeTerms(terms, stats);
  const match = anyWordQuery(searched.map((t) => t.word));
  if (!match) return [];
  const full = indexMatch(match, { outcome: null, rootCause: null });
  // The best few from the index alone, then their details; a few spare for those under the floor. Entries on the
  // problem itself, and those the caller lists (its history's attempts), are left out of the ranking itself: a problem
  // posted again and again would otherwise fill every place with its own attempts, which have its very words.
  const excluded = sql`${excludeProblemId ? sql`and entry_id not in (select e.id from entries e join teams t on t.id = e.team_id where t.problem_id = ${excludeProblemId})` : sql``}
    ${excludeEntries.length ? sql`and entry_id not in ${sqlList([...excludeEntries])}` : sql``}`;
  const ranked = await db.all<{ id: string; ftsRow: number }>(sql`
    select entry_id as id, rowid as ftsRow from learnings_fts where learnings_fts match ${full} ${excluded} order by ${RANK}, rowid limit ${limit + 15}`);
  if (ranked.length === 0) return [];
  // Their details by rowid, without the match: the shared words and the title's marks are worked out here. With the
  // match, FTS5 ran it once per rowid, or over the whole span of rowids the best few came from (10-17 ms at 100,000
  // learnings; ADR 023).
  const rows = await db.all<Omit<RelatedLearning, "sharedWords" | "titleMarked"> & { text: string }>(sql`
    select e.id, e.title, e.outcome, e.post_mortem_root_cause as rootCause, ev.slug as eventSlug, ev.title as eventTitle, p.title as problemTitle,
      f.title || ' ' || f.body || ' ' || f.tags || ' ' || f.problem as text
    from learnings_fts f cross join entries e on e.id = f.entry_id ${JOINS}
    where f.rowid in ${sqlList(ranked.map((r) => r.ftsRow))} and ${VISIBLE} and t.problem_id <> ${excludeProblemId ?? ""}`);
  const searchedStems = new Set(searched.map((t) => t.stem));
  const related: RelatedLearning[] = [];
  for (const { text: learningText, ...row } of inOrder(
    rows,
    ranked.map((r) => r.id),
    (r) => r.id,
  )) {
    const shared = stemsIn(learningText, searchedStems);
    const sharedTerms = searched.filter((t) => shared.has(t.stem));
    if (isRelated(sharedTerms.length, terms, stats)) {
      related.push({ ...row, titleMarked: markStems(row.title, searchedStems, MARK_START, MARK_END), sharedWords: sharedTerms.map((t) => t.word) });
    }
    if (related.length === limit) break;
  }
  return related;
}

/** The words of a business problem that "have we tried this before?" searches for. */
export function problemSearchText(problem: { title: string; summary: string; whoHasIt: string }): string {
  return `${problem.title} ${problem.summary} ${problem.whoHasIt}`;
}

/** What a team has typed (an entry's title and approach) is read up to this length. */
const MAX_TYPED_TEXT = 2000;

/** The text related learnings are found for: what the team typed first (it says most about what they build), then the problem. */
function relatedSearchText(problem: { title: string; summary: string; whoHasIt: string }, typed = ""): string {
  return `${typed.slice(0, MAX_TYPED_TEXT)} ${problemSearchText(problem)}`.trim();
}

/**
 * Related learnings for what a person is typing (the entry form's live panel): a search each time, so counted per
 * person (`limits.relatedAsTypedPerPerson`); past the limit, none are searched and the answer says when to ask again.
 */
export async function relatedAsTyped(
  personId: string,
  problem: { id: string; title: string; summary: string; whoHasIt: string },
  typed: string,
  now = new Date(),
): Promise<{ ok: true; related: readonly RelatedLearning[] } | { ok: false; retryAfterSeconds: number; message: string }> {
  const allowed = await hit(`related:${personId}`, limits.relatedAsTypedPerPerson, now);
  if (!allowed.allowed)
    return { ok: false, retryAfterSeconds: allowed.retryAfterSeconds, message: "Too many look-ups of past learnings. The panel asks again after a pause." };
  return { ok: true, related: await relatedLearnings(relatedSearchText(problem, typed), problem.id) };
}

/** Related learnings for a business problem known only by id and what the team typed (the entry form has the team's problem id). */
export async function relatedToProblem(problemId: string, typed = "", limit = 5): Promise<readonly RelatedLearning[]> {
  const [problem] = await db.all<{ title: string; summary: string; whoHasIt: string }>(
    sql`select title, summary, who_has_it as whoHasIt from problems where id = ${problemId}`,
  );
  // The entry form asks with its saved title and approach: the same text at every visit until the next save.
  return problem ? relatedLearnings(relatedSearchText(problem, typed), problemId, { limit, cached: true }) : [];
}
