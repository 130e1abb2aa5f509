// The results page's sections around the ranking: how it works, the score distributions, round 1's ranking
// after a final round, and for organizers the judges and declared conflicts.
import { DeclaredConflicts, type DeclaredConflict } from "~/components/declared-conflicts";
import { Link } from "~/components/link";
import { DISAGREEMENT_SD, MIN_ENTRIES_FOR_NORMALIZATION, TIE_BREAK_RULES } from "~/modules/judging/results";
import type { Page } from "~/lib/paging";
import { ListPager } from "./page-links";
import { ScoreDistribution } from "./score-distribution";

/** The ranking's rules in words, from the constants the maths uses. */
export function HowRankingWorks({ scaleMax }: { scaleMax: number }) {
  return (
    <section aria-labelledby="how-h" className="card space-y-2 text-sm">
      <h2 id="how-h" className="h2">
        How the ranking works
      </h2>
      <p>
        Score: each judge's weighted total on 0–100 (the lowest level of every criterion is 0, the highest 100), averaged over the judges who scored every
        criterion. The bars show each criterion's mean on the 1–{scaleMax} scale, over the same complete sheets.
      </p>
      <p>
        Normalized: a judge who completed at least {MIN_ENTRIES_FOR_NORMALIZATION} sheets is rescaled so their average and spread match everyone's; judges with
        fewer sheets, or who gave every entry the same total, count as given.
      </p>
      <p>Disagreement: flagged when the judges' totals for an entry are spread more than {DISAGREEMENT_SD} points (standard deviation).</p>
      <p>
        &ldquo;Flagged only&rdquo; lists the entries worth a second look: judges who disagree, a rank shared with another entry, and a sheet that is incomplete
        or missing.
      </p>
      <h3 className="font-semibold">Ties</h3>
      <ol className="list-decimal space-y-1 pl-5">
        {TIE_BREAK_RULES.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ol>
    </section>
  );
}

/** How often each value was given, one chart per criterion. */
export function ScoreDistributions({
  rubric,
  distributions,
}: {
  rubric: { id: string; name: string }[];
  distributions: { criterionId: string; counts: number[] }[];
}) {
  return (
    <section aria-labelledby="dist-h" className="space-y-3">
      <h2 id="dist-h" className="h2">
        How often each value was given, per criterion
      </h2>
      <div className="flex flex-wrap gap-6">
        {distributions.map((d) => (
          <ScoreDistribution key={d.criterionId} name={rubric.find((c) => c.id === d.criterionId)?.name ?? ""} counts={d.counts} />
        ))}
      </div>
    </section>
  );
}

/** For organizers: each judge's complete sheets and whether they were normalized, and the declared conflicts. */
export function JudgesAndConflicts({
  slug,
  finalRound,
  judges,
  conflicts,
}: {
  slug: string;
  finalRound: boolean;
  judges: { name: string; entries: number; normalized: boolean }[];
  conflicts: DeclaredConflict[];
}) {
  return (
    <>
      {judges.length ? (
        <section aria-labelledby="judges-h" className="card text-sm">
          <h2 id="judges-h" className="h2">
            {finalRound ? "Final round judges" : "Judges"}
          </h2>
          <ul className="mt-2 space-y-1">
            {judges.map((j, i) => (
              // One string, one text node: a list of many judges, each in pieces, wrote a marker between every two.
              <li key={i}>{`${j.name}: ${j.entries} complete sheet${j.entries === 1 ? "" : "s"}, ${j.normalized ? "normalized" : "counted raw"}`}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <DeclaredConflicts slug={slug} conflicts={conflicts} />
    </>
  );
}

type RoundOneView = {
  page: Omit<Page<never>, "rows">;
  rows: { rank: number | null; score: number | null; judges: number; entry: { id: string; title: string; teamName: string | null }; finalist: boolean }[];
};

/** Round 1's ranking after a final round, for organizers: kept, clearly not the official one (ADR 038). */
export function RoundOne({ slug, view, roundOne }: { slug: string; view: string; roundOne: RoundOneView }) {
  const { page, rows } = roundOne;
  const link = (n: number) => `/events/${slug}/results?view=${view}&round1Page=${n}#round-one-h`;
  return (
    <section aria-labelledby="round-one-h" className="card space-y-3 text-sm">
      <h2 id="round-one-h" className="h2">
        Round 1 ranking (organizers only, not the official one)
      </h2>
      <p className="text-slate-700">Every submitted entry as round 1&rsquo;s judges ranked it, before the shortlist. Finalists are marked.</p>
      <table className="w-full text-left" aria-label="Round 1 ranking">
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-3">
              Rank
            </th>
            <th scope="col" className="py-1 pr-3">
              Entry
            </th>
            <th scope="col" className="py-1 pr-3">
              Score
            </th>
            <th scope="col" className="py-1">
              Judges
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.entry.id} className="border-t border-slate-100">
              <td className="py-1 pr-2">{r.rank ?? "–"}</td>
              <td className="py-1 pr-3 [overflow-wrap:anywhere]">
                <Link to={`/events/${slug}/entries/${r.entry.id}`}>{r.entry.title}</Link>
                {r.entry.teamName ? <span className="text-slate-600"> · {r.entry.teamName}</span> : null}
                {/* In the entry's cell, not a column of its own: five columns do not fit a phone. */}
                {r.finalist ? (
                  <>
                    {" "}
                    <span className="status-pill bg-indigo-100 text-indigo-900">Finalist</span>
                  </>
                ) : null}
              </td>
              <td className="py-1 pr-3">{r.score === null ? "–" : r.score.toFixed(1)}</td>
              <td className="py-1">{r.judges}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListPager label="Round 1 ranking pages" noun="Entries" page={page} href={link} />
    </section>
  );
}
