import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { VoteResults } from "~/components/peoples-choice";
import { ListPager } from "~/components/page-links";
import { RankingPager, ResultsTable } from "~/components/results-table";
import { ScoreDistribution } from "~/components/score-distribution";
import { enforce } from "~/lib/http.server";
import { canManageJudging, canViewResults, canViewRoundOne } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { listAwards } from "~/modules/judging/awards.server";
import { blindJudging } from "~/modules/judging/blind.server";
import { eventConflicts, eventResults, judgeNames } from "~/modules/judging/judging.server";
import { DISAGREEMENT_SD, MIN_ENTRIES_FOR_NORMALIZATION, TIE_BREAK_RULES } from "~/modules/judging/results";
import { awardNamesByEntry, pickRanking, rankingNames, rankingPage, rankingSentence, sharedRanks } from "~/modules/judging/results-view";
import { asRound } from "~/modules/judging/rounds";
import { resultsVoteSection } from "~/modules/peoples-choice/views.server";

export const meta: MetaFunction = () => [{ title: "Results · Problem First" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canViewResults(user, access));
  const manages = canManageJudging(user, access).ok;
  const search = new URL(request.url).searchParams;
  const { view, official, other } = pickRanking(search.get("view"), event.normalizeScores);
  // After a final round its ranking is the official one; round 1's stays, for organizers only (ADR 038).
  const round = asRound(event.judgingRound);
  const showRoundOne = round === 2 && canViewRoundOne(user, access).ok;
  const [results, roundOne, awardList, conflicts, peoplesChoice] = await Promise.all([
    eventResults(event, view),
    showRoundOne ? eventResults(event, view, 1) : Promise.resolve(null),
    listAwards(event.id),
    manages ? eventConflicts(event.id) : Promise.resolve([]),
    resultsVoteSection(event, user, access, new Date()),
  ]);
  // One page of the ranking is rendered (ADR 033); ties are found over all of it.
  const page = rankingPage(results.rows, search.get("page"));
  const tiedRanks = [...sharedRanks(results.rows.map((r) => (view === "normalized" ? r.normalizedRank : r.rank)))];
  // Judge names (who is missing, who is normalized) are for organizers; everybody else sees counts.
  const names = manages
    ? new Map((await judgeNames(results.judges.map((j) => j.judgeId).concat(page.rows.flatMap((r) => r.missingJudges)))).map((u) => [u.id, u.name]))
    : new Map<string, string>();
  // Awards show once published (organizers preview them); team names go through the blind-judging rule.
  const awards = event.phase === "closed" || manages ? awardList.filter((a) => a.entryId) : [];
  const awardsOf = awardNamesByEntry(awards);
  const blind = blindJudging(user, access, event);
  const finalists = new Set(round === 2 ? results.rows.map((r) => r.entryId) : []);
  const roundOnePage = roundOne ? rankingPage(roundOne.rows, search.get("round1Page")) : null;
  return {
    event: { slug: event.slug, title: event.title, phase: event.phase },
    round,
    roundOne:
      roundOne && roundOnePage
        ? {
            page: {
              page: roundOnePage.page,
              pages: roundOnePage.pages,
              first: roundOnePage.first,
              last: roundOnePage.last,
              total: roundOnePage.total,
              size: roundOnePage.size,
            },
            rows: roundOnePage.rows.map((r) => ({
              rank: view === "normalized" ? r.normalizedRank : r.rank,
              score: view === "normalized" ? r.normalizedScore : r.score,
              judges: r.judgeTotals.length,
              entry: (({ id, title, teamName }) => ({ id, title, teamName }))(blind.row(r.entry)),
              finalist: finalists.has(r.entryId),
            })),
          }
        : null,
    manages,
    view,
    official,
    other,
    scaleMax: event.scaleMax,
    sentence: rankingSentence(official),
    rubric: results.rubric.map((c) => ({ id: c.id, name: c.name, weight: c.weight })),
    page: { page: page.page, pages: page.pages, first: page.first, last: page.last, total: page.total, size: page.size },
    tiedRanks,
    rows: page.rows.map((r) => ({
      rank: view === "normalized" ? r.normalizedRank : r.rank,
      score: view === "normalized" ? r.normalizedScore : r.score,
      otherRank: view === "normalized" ? r.rank : r.normalizedRank,
      otherScore: view === "normalized" ? r.score : r.normalizedScore,
      judges: r.judgeTotals.length,
      entry: (({ id, title, outcome, teamName }) => ({ id, title, outcome, teamName }))(blind.row(r.entry)),
      awards: awardsOf[r.entry.id] ?? [],
      criterionMeans: r.criterionMeans,
      disagreement: r.disagreement,
      spread: r.spread,
      incomplete: r.incompleteJudges.length,
      missing: manages ? r.missingJudges.map((j) => names.get(j) ?? "A judge") : [],
      missingCount: r.missingJudges.length,
    })),
    distributions: results.distributions,
    judges: manages ? results.judges.map((j) => ({ name: names.get(j.judgeId) ?? "A judge", entries: j.entries, normalized: j.normalized })) : [],
    awards,
    conflicts,
    peoplesChoice,
  };
}

export default function Results() {
  const {
    event,
    round,
    roundOne,
    manages,
    view,
    official,
    other,
    scaleMax,
    sentence,
    rubric,
    rows,
    page,
    tiedRanks,
    distributions,
    judges,
    awards,
    conflicts,
    peoplesChoice,
  } = useLoaderData<typeof loader>();
  const base = `/events/${event.slug}/results`;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1">Results</h1>
      {event.phase !== "closed" ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          Preview for organizers: results are not published yet.
        </p>
      ) : null}
      {manages ? (
        <nav aria-label="Organizer tools" className="flex flex-wrap gap-3 text-sm">
          <Link to={`/events/${event.slug}/awards`}>Awards</Link>
          <Link to={`/events/${event.slug}/judging-settings`}>Judging settings</Link>
          <a href={`/events/${event.slug}/results.csv`} download>
            Download results (CSV)
          </a>
          <a href={`/events/${event.slug}/scores.csv`} download>
            Download raw scores (CSV)
          </a>
          <a href={`/events/${event.slug}/teams.csv`} download>
            Download teams and members (CSV)
          </a>
        </nav>
      ) : null}
      {awards.length ? (
        <section aria-labelledby="awards-h" className="card">
          <h2 id="awards-h" className="h2">
            Awards
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {awards.map((a) => (
              <li key={a.id}>
                <span className="font-semibold">{a.name}</span>: <Link to={`/events/${event.slug}/entries/${a.entryId}`}>{a.entryTitle}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {peoplesChoice ? <VoteResults slug={event.slug} section={peoplesChoice} /> : null}
      <section aria-labelledby="ranking-h" className="space-y-3">
        {round === 2 ? (
          <>
            <h2 id="ranking-h" className="h2">
              Final ranking
            </h2>
            <p className="text-sm text-slate-700">
              This event had a final round: its finalists were scored again by the final round&rsquo;s judges, and that ranking is the official one.
            </p>
          </>
        ) : (
          <h2 id="ranking-h" className="sr-only">
            Ranking
          </h2>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="max-w-3xl text-sm text-slate-700">{sentence}</p>
          <nav aria-label="Ranking" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm">
            {([official, official === "raw" ? "normalized" : "raw"] as const).map((v) => (
              <Link
                key={v}
                to={`${base}?view=${v}`}
                aria-current={view === v ? "page" : undefined}
                className={
                  view === v
                    ? "bg-slate-800 px-3 py-1.5 font-semibold text-white no-underline"
                    : "bg-white px-3 py-1.5 text-slate-800 no-underline hover:bg-slate-100"
                }
              >
                {rankingNames[v]} ranking{official === v ? " (official)" : ""}
              </Link>
            ))}
          </nav>
        </div>
        <ResultsTable
          eventSlug={event.slug}
          view={view}
          official={official}
          other={other}
          scaleMax={scaleMax}
          rubric={rubric}
          rows={rows}
          tiedRanks={tiedRanks}
        />
        <RankingPager base={base} view={view} page={page} />
      </section>
      {roundOne ? <RoundOne slug={event.slug} view={view} roundOne={roundOne} /> : null}
      <section aria-labelledby="how-h" className="card space-y-2 text-sm">
        <h2 id="how-h" className="h2">
          How the ranking works
        </h2>
        <p>
          Score: each judge's weighted total on 0–100 (the lowest level of every criterion is 0, the highest 100), averaged over the judges who scored every
          criterion. The bars show each criterion's mean on the 1–{scaleMax} scale.
        </p>
        <p>
          Normalized: a judge who completed at least {MIN_ENTRIES_FOR_NORMALIZATION} sheets is rescaled so their average and spread match everyone's; judges
          with fewer sheets, or who gave every entry the same total, count as given.
        </p>
        <p>Disagreement: flagged when the judges' totals for an entry are spread more than {DISAGREEMENT_SD} points (standard deviation).</p>
        <h3 className="font-semibold">Ties</h3>
        <ol className="list-decimal space-y-1 pl-5">
          {TIE_BREAK_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ol>
      </section>
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
      {manages && judges.length ? (
        <section aria-labelledby="judges-h" className="card text-sm">
          <h2 id="judges-h" className="h2">
            {round === 2 ? "Final round judges" : "Judges"}
          </h2>
          <ul className="mt-2 space-y-1">
            {judges.map((j, i) => (
              <li key={i}>
                {j.name}: {j.entries} complete sheet{j.entries === 1 ? "" : "s"}, {j.normalized ? "normalized" : "counted raw"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {manages && conflicts.length ? (
        <section aria-labelledby="conflicts-h" className="card text-sm">
          <h2 id="conflicts-h" className="h2">
            Declared conflicts
          </h2>
          <ul className="mt-2 space-y-1">
            {conflicts.map((c) => (
              <li key={`${c.entryId}-${c.judgeName}`}>
                {c.judgeName} on {c.title}: {c.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

type RoundOneView = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["roundOne"]>;

/** Round 1's ranking after a final round, for organizers: kept, clearly not the official one (ADR 038). */
function RoundOne({ slug, view, roundOne }: { slug: string; view: string; roundOne: RoundOneView }) {
  const { page, rows } = roundOne;
  const link = (n: number) => `/events/${slug}/results?view=${view}&round1Page=${n}#round-one-h`;
  return (
    <section aria-labelledby="round-one-h" className="card space-y-3 text-sm">
      <h2 id="round-one-h" className="h2">
        Round 1 ranking (organizers only, not the official one)
      </h2>
      <p className="text-slate-700">Every submitted entry as round 1&rsquo;s judges ranked it, before the shortlist. Finalists are marked.</p>
      <div className="overflow-x-auto">
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
              <th scope="col" className="py-1 pr-3">
                Judges
              </th>
              <th scope="col" className="py-1">
                Final round
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.entry.id} className="border-t border-slate-100">
                <td className="py-1 pr-3">{r.rank ?? "–"}</td>
                <td className="py-1 pr-3">
                  <Link to={`/events/${slug}/entries/${r.entry.id}`}>{r.entry.title}</Link>
                  {r.entry.teamName ? <span className="text-slate-600"> · {r.entry.teamName}</span> : null}
                </td>
                <td className="py-1 pr-3">{r.score === null ? "–" : r.score.toFixed(1)}</td>
                <td className="py-1 pr-3">{r.judges}</td>
                <td className="py-1">{r.finalist ? "Finalist" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListPager label="Round 1 ranking pages" noun="Entries" page={page} href={link} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
