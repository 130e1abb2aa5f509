// The ranking on the results page: one row per entry on a wide screen, one card per entry on a phone.
import { Link } from "~/components/link";
import { Fragment } from "react";
import type { Outcome } from "#db/schema";
import { HIDDEN_TEAM } from "~/modules/judging/blind";
import { CRITERION_BAR, criterionBars, rankingNames, sharedRanks, type Ranking } from "~/modules/judging/results-view";
import { AwardBadges, OutcomeBadge } from "./badges";
import { ListPager } from "./page-links";

type ResultRow = {
  rank: number | null;
  score: number | null;
  /** The same entry in the other ranking, shown in its breakdown. */
  otherRank: number | null;
  otherScore: number | null;
  judges: number;
  entry: { id: string; title: string; outcome: Outcome | null; teamName: string | null };
  awards: string[];
  /** Mean per criterion, in the rubric's order (null: no complete sheet). */
  means: (number | null)[];
  disagreement: boolean;
  spread: number | null;
  incomplete: number;
  /** Judge names for organizers; empty for everyone else, who see the count. */
  missing: string[];
  missingCount: number;
};

type Props = {
  eventSlug: string;
  view: Ranking;
  official: Ranking;
  other: Ranking;
  scaleMax: number;
  rubric: { id: string; name: string; weight: number }[];
  rows: ResultRow[];
  /** Ranks shared by several entries of the whole ranking, when `rows` is one page of it. */
  tiedRanks?: number[];
  /** The rows are the flagged entries only (`pickShown`). */
  flaggedOnly?: boolean;
};

const score = (s: number | null) => (s === null ? "Not scored" : s.toFixed(1));

/**
 * A table whose rows turn into cards below the sm breakpoint (display only: the table stays a table for
 * assistive technology). The rank cell holds just the rank, so it reads as one.
 */
export function ResultsTable({ eventSlug, view, official, other, scaleMax, rubric, rows, tiedRanks, flaggedOnly = false }: Props) {
  const tied = tiedRanks ? new Set(tiedRanks) : sharedRanks(rows.map((r) => r.rank));
  return (
    <table className="w-full text-left text-sm max-sm:block">
      <caption className="pb-2 text-left text-base font-semibold max-sm:block">
        {rankingNames[view]} ranking{official === view ? " (official)" : ""}
        {flaggedOnly ? ": flagged entries only" : ""}
      </caption>
      <thead className="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-600 max-sm:hidden">
        <tr>
          <th scope="col" className="w-14 py-2">
            Rank
          </th>
          <th scope="col" className="py-2">
            Entry
          </th>
          <th scope="col" className="w-28 py-2">
            Outcome
          </th>
          <th scope="col" className="w-32 whitespace-nowrap py-2 text-right">
            Score <span className="normal-case">(0–100)</span>
          </th>
          <th scope="col" className="w-72 py-2">
            Per criterion
          </th>
        </tr>
      </thead>
      <tbody className="max-sm:block max-sm:space-y-3">
        {rows.map((r) => (
          <tr key={r.entry.id} className="result-row">
            <td className="result-rank">{r.rank ?? "—"}</td>
            <td className="result-cell">
              <Link to={`/events/${eventSlug}/entries/${r.entry.id}`} className="font-semibold">
                {r.entry.title || "Untitled entry"}
              </Link>
              <div className="text-xs text-slate-600">{r.entry.teamName ?? HIDDEN_TEAM}</div>
              <AwardBadges awards={r.awards} className="mt-1" />
              <Flags row={r} tied={r.rank !== null && tied.has(r.rank)} />
            </td>
            <td className="result-side">
              <OutcomeBadge outcome={r.entry.outcome} />
            </td>
            <td className="result-score">{score(r.score)}</td>
            <td className="result-wide">
              <Breakdown row={r} rubric={rubric} scaleMax={scaleMax} other={other} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const flagStyle = {
  tie: "border-slate-500 bg-white font-semibold text-slate-900",
  warning: "border-orange-400 bg-orange-50 font-semibold text-orange-950",
  note: "border-slate-300 bg-slate-100 text-slate-800",
};

function Flags({ row, tied }: { row: ResultRow; tied: boolean }) {
  const flags: { text: string; style: keyof typeof flagStyle }[] = [];
  if (tied) flags.push({ text: `Tie (shared rank ${row.rank})`, style: "tie" });
  if (row.disagreement) flags.push({ text: `⚠ Judges disagree (spread ${row.spread?.toFixed(1)})`, style: "warning" });
  if (row.incomplete) flags.push({ text: `${row.incomplete} incomplete sheet${row.incomplete > 1 ? "s" : ""}`, style: "note" });
  if (row.missingCount)
    flags.push({
      text: `Missing scores: ${row.missing.length ? row.missing.join(", ") : `${row.missingCount} judge${row.missingCount > 1 ? "s" : ""}`}`,
      style: "note",
    });
  if (!flags.length) return null;
  return (
    <ul aria-label="Flags" className="mt-1 flex flex-wrap gap-1.5 text-xs">
      {flags.map((f) => (
        <li key={f.text} className={`rounded border px-1.5 py-0.5 ${flagStyle[f.style]}`}>
          {f.text}
        </li>
      ))}
    </ul>
  );
}

/**
 * Small bars for every criterion at a glance (decoration: the same numbers are in the disclosure; one SVG path), and a
 * native <details> with names and means, so it opens without JavaScript. Kept to few elements: a long
 * ranking renders a page of these (ADR 033); its marker is drawn by CSS (`result-summary`).
 */
function Breakdown({ row, rubric, scaleMax, other }: { row: ResultRow; rubric: Props["rubric"]; scaleMax: number; other: Ranking }) {
  const means = rubric.map((_, i) => row.means[i] ?? null);
  const bars = criterionBars(means, scaleMax);
  return (
    <details>
      <summary className="result-summary">
        <svg aria-hidden="true" className="result-bars" width={bars.width} height={CRITERION_BAR.height}>
          <path d={bars.path} />
        </svg>
        <span className="text-brand-700 underline underline-offset-2">
          Breakdown<span className="sr-only">{` of ${row.entry.title || "Untitled entry"}`}</span>
        </span>
      </summary>
      <dl className="result-means">
        {rubric.map((c, i) => {
          const mean = means[i];
          return (
            <Fragment key={c.id}>
              <dt>{`${c.name} (weight ${c.weight})`}</dt>
              <dd>{mean === null ? "—" : `${mean.toFixed(1)} of ${scaleMax}`}</dd>
            </Fragment>
          );
        })}
      </dl>
      <p className="mt-2 text-xs text-slate-700">
        {`Scored in full by ${row.judges} judge${row.judges === 1 ? "" : "s"}. ${rankingNames[other]} ranking: ${row.otherRank === null ? "not ranked" : `#${row.otherRank} with ${score(row.otherScore)}`}.`}
      </p>
    </details>
  );
}

/** Links to the other pages of a long ranking (plain links: they work without JavaScript). */
/** A ranking's address: the view, and the flagged entries only when asked (`pickShown`). */
export function rankingHref(base: string, view: Ranking, show: "all" | "flagged", page?: number) {
  return `${base}?view=${view}${show === "flagged" ? "&show=flagged" : ""}${page ? `&page=${page}` : ""}`;
}

export function RankingPager({
  base,
  view,
  show = "all",
  page,
}: {
  base: string;
  view: Ranking;
  show?: "all" | "flagged";
  page: { page: number; pages: number; first: number; last: number; total: number; size: number };
}) {
  return <ListPager label="Ranking pages" noun="Entries" page={page} href={(n) => rankingHref(base, view, show, n)} />;
}

/** A link of a two-way switch above the ranking (which ranking, which entries). */
export const segment = (current: boolean) =>
  current ? "bg-slate-800 px-3 py-1.5 font-semibold text-white no-underline" : "bg-white px-3 py-1.5 text-slate-800 no-underline hover:bg-slate-100";

/** Every entry of the ranking, or only those with a flag (a shared rank, disagreeing judges, incomplete or missing sheets). */
export function RankingFilter({
  base,
  view,
  show,
  counts,
}: {
  base: string;
  view: Ranking;
  show: "all" | "flagged";
  counts: { all: number; flagged: number };
}) {
  return (
    <nav aria-label="Entries shown" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm">
      <Link to={rankingHref(base, view, "all")} aria-current={show === "all" ? "page" : undefined} className={segment(show === "all")}>
        All entries ({counts.all})
      </Link>
      <Link to={rankingHref(base, view, "flagged")} aria-current={show === "flagged" ? "page" : undefined} className={segment(show === "flagged")}>
        Flagged only ({counts.flagged})
      </Link>
    </nav>
  );
}
